//! PKG009: a packaged archive inside the package (an older build packaged by mistake:
//! `ksbuilder package` copies the whole folder, including a `.tgz` it wrote there before).
//! Archives in a `charts/` folder are subcharts and belong there; an archive a template reads
//! through `.Files` belongs to the chart (info). Docs: `docs/rules/PKG009.md` and
//! `docs/rules/zh/PKG009.md`; fixture: `tests/fixtures/PKG009/`.

use crate::diagnostic::{Diagnostic, FileOperation, Fix, Severity};
use crate::document::Ctx;
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG009's declaration.
    pub static PKG009: Warning, Package, Unsafe, "A packaged archive (`*.tgz`) sits inside the package."
);

/// What PKG009 finds: the archive `path` of `bytes` bytes, read by `template` when a template
/// reads it (info), else probably a stray build (warning, unsafe fix removing it).
#[derive(Debug)]
pub struct NestedArchive<'a> {
    /// The archive's path.
    pub path: &'a str,
    /// Its size in bytes.
    pub bytes: u64,
    /// The template that reads it, if any.
    pub template: Option<&'a str>,
}

impl Violation for NestedArchive<'_> {
    const RULE: &'static Rule = &PKG009;

    fn severity(&self) -> Severity {
        if self.template.is_some() { Severity::Info } else { Severity::Warning }
    }

    fn message(&self) -> Message {
        let size = crate::package::human_bytes(self.bytes);
        match self.template {
            Some(template) => crate::msg!("pkg009-message", path = self.path, size, template),
            None => crate::msg!("pkg009-message-unread", path = self.path, size),
        }
    }

    fn help(&self) -> Message {
        match self.template {
            Some(_) => crate::msg!("pkg009-help"),
            None => crate::msg!("pkg009-help-unread"),
        }
    }
}

/// Checks every archive of the package outside a `charts/` folder (subcharts belong there).
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (path, bytes) in &ctx.package.files {
        let lower = path.to_ascii_lowercase();
        if ![".tgz", ".tar.gz", ".tar"].iter().any(|ext| lower.ends_with(ext)) {
            continue;
        }
        let parent = path.rsplit_once('/').map_or("", |(dir, _)| dir);
        if parent == "charts" || parent.ends_with("/charts") {
            continue;
        }
        if let Some(template) = referenced_by_template(ctx, path) {
            let finding = NestedArchive { path, bytes: bytes.len() as u64, template: Some(&template) };
            out.push(finding.diagnostic().in_file(path.clone()));
            continue;
        }
        let finding = NestedArchive { path, bytes: bytes.len() as u64, template: None };
        out.push(
            finding.diagnostic().in_file(path.clone()).with_fix(
                Fix::unsafe_(crate::msg!("pkg009-fix", path = path.as_str()), vec![])
                    .with_operations(vec![FileOperation::Remove { path: path.clone() }]),
            ),
        );
    }
}

/// The template that reads the archive `path` through `.Files` (it names the file, or a
/// `.Files.Glob` pattern matches it), if any: such an archive belongs to the chart (e.g.
/// gatekeeper's `files/gatekeeper-templates.tar.gz`).
fn referenced_by_template(ctx: &Ctx<'_>, path: &str) -> Option<String> {
    let base = path.rsplit('/').next().unwrap_or(path);
    ctx.package.files.keys().filter(|p| p.starts_with("templates/") || p.contains("/templates/")).find_map(|t| {
        let text = ctx.package.text(t)?;
        let chart_root = t.split("templates/").next().unwrap_or("");
        let relative = path.strip_prefix(chart_root).unwrap_or(path);
        let globbed = text.match_indices(".Files.Glob").any(|(at, _)| {
            let rest = &text[at..];
            let pattern = rest.split('"').nth(1).unwrap_or("");
            !pattern.is_empty() && glob_matches(pattern, relative)
        });
        (text.contains(base) && text.contains(".Files") || globbed).then(|| t.clone())
    })
}

/// A small glob match (`*` within a path segment, `**` across segments, `?` one character), as
/// Helm's `.Files.Glob` (gobwas/glob with `/` as separator) reads the common patterns.
fn glob_matches(pattern: &str, path: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some(b'*') if p.get(1) == Some(&b'*') => (0..=s.len()).any(|i| go(&p[2..], &s[i..])),
            Some(b'*') => (0..=s.len()).take_while(|&i| i == 0 || s[i - 1] != b'/').any(|i| go(&p[1..], &s[i..])),
            Some(b'?') => !s.is_empty() && s[0] != b'/' && go(&p[1..], &s[1..]),
            Some(c) => s.first() == Some(c) && go(&p[1..], &s[1..]),
        }
    }
    // Bounded: a short pattern with few wildcards (backtracking is exponential in the `*`s).
    pattern.len() <= 256 && pattern.matches('*').count() <= 6 && go(pattern.as_bytes(), path.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::package::{Kind, Origin, Package};

    #[test]
    fn glob_patterns_as_helm_reads_them() {
        assert!(glob_matches("files/*.tar.gz", "files/gatekeeper-templates.tar.gz"));
        assert!(glob_matches("files/**", "files/a/b.tgz"));
        assert!(!glob_matches("files/*", "files/a/b.tgz"));
        assert!(!glob_matches("other/*.tgz", "files/x.tgz"));
        assert!(!glob_matches("*a*a*a*a*a*a*a*", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"), "bounded");
    }

    #[test]
    fn an_archive_a_template_reads_is_info_and_never_removed() {
        // gatekeeper-1.0.2 (KubeSphere extensions): `files/gatekeeper-templates.tar.gz`, read by
        // a template through `.Files.Get`.
        let mut package = Package::default();
        for (p, t) in [
            ("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n"),
            ("templates/job.yaml", "data: {{ .Files.Get \"files/gatekeeper-templates.tar.gz\" | b64enc }}\n"),
            ("files/gatekeeper-templates.tar.gz", "x"),
            ("old-build-0.0.1.tgz", "x"),
        ] {
            package.files.insert(p.to_string(), t.as_bytes().to_vec());
        }
        let origin = Origin::Folder { name: "demo".into() };
        let ctx = Ctx::new(&package, Kind::HelmChart, &origin, None, "");
        let mut out = Vec::new();
        check(&ctx, &mut out);
        let by_file = |f: &str| out.iter().find(|d| d.file.as_deref() == Some(f)).unwrap();
        let referenced = by_file("files/gatekeeper-templates.tar.gz");
        assert_eq!(referenced.severity, Severity::Info);
        assert!(referenced.fix.is_none());
        let stray = by_file("old-build-0.0.1.tgz");
        assert_eq!(stray.severity, Severity::Warning);
        assert!(stray.fix.is_some());
    }
}
