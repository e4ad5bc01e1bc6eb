//! Rules: small functions over a parsed package that emit [`Diagnostic`]s with spans and
//! fixes. [`registry`] lists every code; [`Ctx`] gives the rules the package's files, each
//! parsed once, and helpers to point at nodes.

mod range;
pub mod registry;
pub mod schema;
pub(crate) mod syntax;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

pub use registry::{Group, RULES, Rule, rule};

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::package::{Kind, Origin, Package};
use crate::syntax::json::{self, JsonError, JsonNode};
use crate::syntax::yaml::{self, Node, YamlStream};
use crate::syntax::{LineIndex, Span};

/// Collects the findings of one rule in one file, building at most
/// [`crate::check::MAX_PER_RULE_AND_FILE`] of them; the others are only counted, into one
/// "and N more" diagnostic. For rules that report per mapping entry (duplicate keys, unknown
/// keys), so that 100,000 entries cost no memory for diagnostics nobody reads.
pub(crate) struct Capped {
    code: &'static str,
    severity: Severity,
    /// The diagnostics built so far.
    pub(crate) built: Vec<Diagnostic>,
    more: usize,
}

impl Capped {
    /// An empty collector for `code`; the "and N more" diagnostic has `severity`.
    pub(crate) fn new(code: &'static str, severity: Severity) -> Self {
        Capped { code, severity, built: Vec::new(), more: 0 }
    }

    /// True (and counted) when the cap is reached: the caller then skips building the finding.
    pub(crate) fn full(&mut self) -> bool {
        if self.built.len() < crate::check::MAX_PER_RULE_AND_FILE {
            return false;
        }
        self.more += 1;
        true
    }

    /// Moves the findings to `out`, with the "and N more" diagnostic when some were skipped.
    pub(crate) fn finish(mut self, out: &mut Vec<Diagnostic>) {
        if self.more > 0 {
            let last = self.built.last().cloned();
            let (file, location) = last.map_or((None, None), |d| (d.file, d.location));
            self.built.push(crate::check::more(self.code, self.severity, file, self.more, location));
        }
        out.append(&mut self.built);
    }
}

/// A text file of the package with its line index.
#[derive(Debug)]
pub struct TextFile<'a> {
    /// Path inside the package.
    pub path: &'a str,
    /// The original text (a UTF-8 byte-order mark, if any, included).
    pub text: &'a str,
    /// Line index of `text`.
    pub index: LineIndex,
}

impl TextFile<'_> {
    /// A diagnostic in this file at `span`.
    pub fn diag(
        &self,
        code: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<crate::diagnostic::Text>,
        help: impl Into<crate::diagnostic::Text>,
    ) -> Diagnostic {
        Diagnostic::new(code, severity, message, help).in_file(self.path).at(self.text, &self.index, span)
    }

    /// The source text of `span`.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// An edit replacing `span` of this file.
    pub fn edit(&self, span: Span, replacement: impl Into<String>) -> Edit {
        Edit::replace(self.path, span, replacement)
    }
}

/// A parsed YAML file.
#[derive(Debug)]
pub struct YamlFile<'a> {
    /// The file.
    pub file: TextFile<'a>,
    /// Its documents (spans index the original text, byte-order mark included).
    pub stream: YamlStream,
}

impl YamlFile<'_> {
    /// The first document's root, if it parsed.
    pub fn root(&self) -> Option<&Node> {
        self.stream.first()
    }
}

/// A parsed JSON file.
#[derive(Debug)]
pub struct JsonFile<'a> {
    /// The file.
    pub file: TextFile<'a>,
    /// The root value, or the syntax error.
    pub value: Result<JsonNode, JsonError>,
}

/// What the rules see: one package (paths relative to its root), its kind and origin, and
/// its text files parsed on first use and cached.
pub struct Ctx<'a> {
    /// The package's files.
    pub package: &'a Package,
    /// What it is.
    pub kind: Kind,
    /// Where it came from.
    pub origin: &'a Origin,
    /// The archive's top-level folder, when the package came from an archive.
    pub top_folder: Option<&'a str>,
    /// The package's folder inside the input (`""` when the package is the input's root).
    pub root: &'a str,
    yaml: RefCell<BTreeMap<&'a str, Rc<YamlFile<'a>>>>,
    json: RefCell<BTreeMap<&'a str, Rc<JsonFile<'a>>>>,
    /// The UTF-16 files decoded for checking, when `package` is such a copy.
    transcoded: Option<&'a crate::package::encoding::Transcoded>,
}

impl<'a> Ctx<'a> {
    /// A context over `package`, found at folder `root` of the input (`""` for its root).
    pub fn new(
        package: &'a Package,
        kind: Kind,
        origin: &'a Origin,
        top_folder: Option<&'a str>,
        root: &'a str,
    ) -> Self {
        Ctx {
            package,
            kind,
            origin,
            top_folder,
            root,
            yaml: RefCell::default(),
            json: RefCell::default(),
            transcoded: None,
        }
    }

    /// A context over `original`, or over its copy with UTF-16 files decoded when
    /// `transcoded` has one ([`crate::package::encoding::transcode`]); [`run`] then maps the
    /// findings back to the original bytes.
    pub fn decoded(
        original: &'a Package,
        transcoded: Option<&'a crate::package::encoding::Transcoded>,
        kind: Kind,
        origin: &'a Origin,
        top_folder: Option<&'a str>,
        root: &'a str,
    ) -> Self {
        let package = transcoded.map_or(original, |t| &t.package);
        Ctx { transcoded, ..Ctx::new(package, kind, origin, top_folder, root) }
    }

    /// True when `path` was UTF-16 and is seen decoded.
    pub fn utf16(&self, path: &str) -> bool {
        self.transcoded.is_some_and(|t| t.decoded(path))
    }

    /// The name of the folder holding the package: its folder in the input, or the dropped
    /// folder's name, or the archive's top folder; `None` for a single file.
    pub fn folder_name(&self) -> Option<&'a str> {
        if !self.root.is_empty() {
            return self.root.rsplit('/').next();
        }
        match self.origin {
            Origin::Folder { name } => Some(name.as_str()),
            Origin::Archive { .. } => self.top_folder,
            Origin::File { .. } => None,
        }
    }

    /// The text of `path` (not parsed), or `None` when absent or not UTF-8.
    pub fn text(&self, path: &str) -> Option<TextFile<'a>> {
        let (path, bytes) = self.package.files.get_key_value(path)?;
        let text = std::str::from_utf8(bytes).ok()?;
        Some(TextFile { path, text, index: LineIndex::new(text) })
    }

    /// `path` parsed as YAML (once; later calls share the result).
    pub fn yaml(&self, path: &str) -> Option<Rc<YamlFile<'a>>> {
        if let Some(hit) = self.yaml.borrow().get(path) {
            return Some(hit.clone());
        }
        let file = self.text(path)?;
        let bom = if file.text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut stream = yaml::parse(&file.text[bom..]);
        if bom > 0 {
            shift_stream(&mut stream, bom);
        }
        let parsed = Rc::new(YamlFile { file, stream });
        self.yaml.borrow_mut().insert(parsed.file.path, parsed.clone());
        Some(parsed)
    }

    /// `path` parsed as JSON (once; later calls share the result).
    pub fn json(&self, path: &str) -> Option<Rc<JsonFile<'a>>> {
        if let Some(hit) = self.json.borrow().get(path) {
            return Some(hit.clone());
        }
        let file = self.text(path)?;
        let bom = if file.text.starts_with('\u{feff}') { 3 } else { 0 };
        let value = json::parse(&file.text[bom..]).map(|mut v| {
            shift_json(&mut v, bom);
            v
        });
        let value = value.map_err(|mut e| {
            e.offset += bom;
            e
        });
        let parsed = Rc::new(JsonFile { file, value });
        self.json.borrow_mut().insert(parsed.file.path, parsed.clone());
        Some(parsed)
    }

    /// True when rules that need every file of the package may run (the input was not a
    /// single file, and reading did not stop early).
    pub fn complete(&self) -> bool {
        !self.package.partial
    }
}

fn shift_stream(stream: &mut YamlStream, by: usize) {
    let mut stack: Vec<&mut Node> = stream.documents.iter_mut().collect();
    while let Some(node) = stack.pop() {
        node.span.start += by;
        node.span.end += by;
        match &mut node.value {
            yaml::Value::Mapping(entries) => {
                for e in entries {
                    stack.push(&mut e.key);
                    stack.push(&mut e.value);
                }
            }
            yaml::Value::Sequence(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
    if let Some(e) = &mut stream.error {
        e.offset += by;
    }
}

fn shift_json(node: &mut JsonNode, by: usize) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        node.span.start += by;
        node.span.end += by;
        match &mut node.value {
            json::JsonValue::Object(members) => {
                for m in members {
                    m.key_span.start += by;
                    m.key_span.end += by;
                    stack.push(&mut m.value);
                }
            }
            json::JsonValue::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}

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
