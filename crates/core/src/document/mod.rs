//! The parsed documents the rules read, below the rules: [`Ctx`] (one package, its kind and
//! origin, each text file parsed once on first use), the files with their line index
//! ([`TextFile`], [`YamlFile`], [`JsonFile`]), the typed walk of a YAML document against a
//! schema ([`schema`]), and [`Capped`], the per-rule-and-file budget of findings. Rule modules
//! (`rules`, `kubesphere::rules`, `rancher::rules`, `helm::rules`, `template::rules`) import
//! from here and from [`crate::violation`]; nothing here imports a rule module.

pub mod schema;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::package::{Kind, Origin, Package};
use crate::syntax::json::{self, JsonError, JsonNode};
use crate::syntax::yaml::{self, Node, YamlStream};
use crate::syntax::{LineIndex, Span};
use crate::violation::Violation;

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

    /// The diagnostic of `violation` in this file at `span`: the only way rules build a
    /// located diagnostic, so that its code and severity come from the rule's declaration.
    pub fn report(&self, violation: &impl Violation, span: Span) -> Diagnostic {
        violation.diagnostic().in_file(self.path).at(self.text, &self.index, span)
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
    pub(crate) transcoded: Option<&'a crate::package::encoding::Transcoded>,
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

/// The whole lines from `start` to `end` (including the line ending), when `start` is the
/// first non-blank character of its line; `None` for flow-style or `- key:` entries.
pub(crate) fn block_entry_lines(text: &str, start: usize, end: usize) -> Option<Span> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..start].chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    Some(Span::new(line_start, line_end))
}
