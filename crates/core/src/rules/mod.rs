//! Rules: small functions over a parsed package ([`crate::document`]) that emit
//! [`Diagnostic`]s with spans and fixes, each rule a typed unit ([`crate::violation`]).
//! [`registry`] lists every rule; [`run`] runs those that apply.

mod range;
pub mod registry;
pub(crate) mod syntax;

pub use registry::{Group, RULES, Rule, rule};

use crate::diagnostic::{Diagnostic, Fix, Severity};
pub use crate::document::{Ctx, JsonFile, TextFile, YamlFile, schema};
use crate::package::Kind;

/// PKG009: a packaged archive inside the package (an older build packaged by mistake: `ksbuilder
/// package` copies the whole folder, including a `.tgz` it wrote there before). Archives in a
/// `charts/` folder are subcharts and belong there.
fn nested_archives(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
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
            out.push(
                Diagnostic::new(
                    "PKG009",
                    Severity::Info,
                    crate::msg!(
                        "pkg009-message",
                        path,
                        size = crate::package::human_bytes(bytes.len() as u64),
                        template
                    ),
                    crate::msg!("pkg009-help"),
                )
                .in_file(path.clone()),
            );
            continue;
        }
        out.push(
            Diagnostic::new(
                "PKG009",
                Severity::Warning,
                crate::msg!("pkg009-message-unread", path, size = crate::package::human_bytes(bytes.len() as u64)),
                crate::msg!("pkg009-help-unread"),
            )
            .in_file(path.clone())
            .with_fix(
                Fix::unsafe_(format!("Remove `{path}`"), vec![])
                    .with_operations(vec![crate::diagnostic::FileOperation::Remove { path: path.clone() }]),
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

/// Runs every rule that applies to `ctx.kind` and returns the diagnostics.
pub fn run(ctx: &Ctx<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    nested_archives(ctx, &mut out);
    syntax::check(ctx, &mut out);
    crate::helm::rules::check(ctx, &mut out);
    range::check(ctx, &mut out);
    match ctx.kind {
        Kind::Kubesphere => crate::kubesphere::rules::check(ctx, &mut out),
        Kind::RancherPackage | Kind::RancherChart | Kind::RancherPlugin => crate::rancher::rules::check(ctx, &mut out),
        Kind::HelmChart => {}
    }
    crate::template::rules::check(ctx, &mut out);
    if let Some(t) = ctx.transcoded {
        t.restore(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::{Origin, Package};

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
        nested_archives(&ctx, &mut out);
        let by_file = |f: &str| out.iter().find(|d| d.file.as_deref() == Some(f)).unwrap();
        let referenced = by_file("files/gatekeeper-templates.tar.gz");
        assert_eq!(referenced.severity, Severity::Info);
        assert!(referenced.fix.is_none());
        let stray = by_file("old-build-0.0.1.tgz");
        assert_eq!(stray.severity, Severity::Warning);
        assert!(stray.fix.is_some());
    }
}
