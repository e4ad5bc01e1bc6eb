//! Diagnostics, fixes and edits, after ruff's `ruff_diagnostics`: a diagnostic names a rule
//! code, says what is wrong and where (file and byte span), and may carry a [`Fix`] made of
//! byte-range [`Edit`]s on the original file, so that applying it keeps every comment, key
//! order and quoting style that the fix does not touch.

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Lang, Message};
use crate::syntax::{LineCol, Span};

/// What happens on the real platform (RULES.md): `Error` means a platform rejects, hides, or
/// fails to install or load the extension on at least one supported version; `Warning` means
/// it works but degraded somewhere, or is very likely a mistake; `Info` is a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion; nothing breaks.
    Info,
    /// Works, but degraded on some platform versions, or very likely a mistake.
    Warning,
    /// The platform rejects, hides, or fails to install or load the extension.
    Error,
}

impl Severity {
    /// The lowercase name used in reports: `error`, `warning` or `info`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix is applied by default (ruff's model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning the author intended; applied to the corrected package by default.
    Safe,
    /// May change meaning; offered, and applied only when the user ticks it.
    Unsafe,
}

/// One replacement of the bytes `start..end` of `file` (a path inside the package, relative to
/// the package root) with `replacement`. An insertion has `start == end`; a deletion has an
/// empty replacement. Offsets index the file's *original* bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// Path of the file inside the package, relative to the package root.
    pub file: String,
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced.
    pub end: usize,
    /// The new text.
    pub replacement: String,
}

impl Edit {
    /// Replace `span` of `file` with `replacement`.
    pub fn replace(file: impl Into<String>, span: Span, replacement: impl Into<String>) -> Self {
        Edit { file: file.into(), start: span.start, end: span.end, replacement: replacement.into() }
    }

    /// Insert `text` at byte `offset` of `file`.
    pub fn insert(file: impl Into<String>, offset: usize, text: impl Into<String>) -> Self {
        Edit::replace(file, Span::at(offset), text)
    }

    /// Delete `span` of `file`.
    pub fn delete(file: impl Into<String>, span: Span) -> Self {
        Edit::replace(file, span, "")
    }

    /// The byte range this edit replaces.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A change to the package's file list that a byte edit cannot express (dropping a link entry,
/// renaming the archive's top folder, adding a file that does not exist yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum FileOperation {
    /// Remove the file (or archive entry) at `path`.
    Remove {
        /// Path inside the package.
        path: String,
    },
    /// Create `path` with `contents` (UTF-8 text), or replace it wholesale.
    Write {
        /// Path inside the package.
        path: String,
        /// The complete new contents.
        contents: String,
    },
    /// Write the package under the top-level folder `to` (archives only).
    RenameRoot {
        /// The new top-level folder name.
        to: String,
    },
}

/// A suggested correction: a title for the fix list, its applicability, and the edits and file
/// operations that carry it out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Safe fixes are applied by default; unsafe ones only when chosen.
    pub applicability: Applicability,
    /// Imperative one-liner shown in the fix list, e.g. "Quote `1.10` so it stays a string".
    pub title: String,
    /// The localisable source of `title`, when it was built from a Fluent message
    /// ([`Diagnostic::localize`] renders it in another language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_source: Option<Message>,
    /// Byte-range edits on the original files.
    pub edits: Vec<Edit>,
    /// Package-level changes; empty for most fixes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<FileOperation>,
    /// The compatibility-matrix cells this fix would lose, described for people (empty for
    /// almost every fix). A fix with a cost is unsafe and is applied only when chosen by
    /// name, never by `--unsafe-fixes` alone (the check computes it: [`crate::check`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub costs: String,
    /// The localisable source of `costs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs_source: Option<Message>,
    /// The platform lines of the cells in [`Fix::costs`] (empty when it costs nothing). A
    /// configuration that does not count any of them (`[platforms]`) lets `--unsafe-fixes`
    /// apply the fix ([`crate::fix::Selection::counted`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs_on: Vec<PlatformLine>,
}

/// One platform line (a matrix row): `rancher` `2.10`, `kubesphere` `4.1.3`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlatformLine {
    /// `kubesphere` or `rancher`.
    pub platform: String,
    /// The matrix row id (`2.10`, `4.1.3`).
    pub row: String,
}

impl PlatformLine {
    /// The distinct lines of `cells`, sorted.
    pub fn of_cells<'a>(cells: impl IntoIterator<Item = &'a crate::matrix::CellId>) -> Vec<PlatformLine> {
        let set: std::collections::BTreeSet<PlatformLine> =
            cells.into_iter().map(|c| PlatformLine { platform: c.platform.to_string(), row: c.row.clone() }).collect();
        set.into_iter().collect()
    }
}

impl Fix {
    /// A safe fix made of `edits`.
    pub fn safe(title: impl Into<Text>, edits: Vec<Edit>) -> Self {
        let (title, title_source) = title.into().english();
        Fix {
            applicability: Applicability::Safe,
            title,
            title_source,
            edits,
            operations: Vec::new(),
            costs: String::new(),
            costs_source: None,
            costs_on: Vec::new(),
        }
    }

    /// An unsafe fix made of `edits`.
    pub fn unsafe_(title: impl Into<Text>, edits: Vec<Edit>) -> Self {
        let (title, title_source) = title.into().english();
        Fix {
            applicability: Applicability::Unsafe,
            title,
            title_source,
            edits,
            operations: Vec::new(),
            costs: String::new(),
            costs_source: None,
            costs_on: Vec::new(),
        }
    }

    /// Adds package-level operations to this fix.
    pub fn with_operations(mut self, operations: Vec<FileOperation>) -> Self {
        self.operations = operations;
        self
    }
}

/// Where a diagnostic points: a file inside the package and, for text files, a byte span
/// with its 1-based line and column (start and end).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Byte span in the original file.
    pub span: Span,
    /// Line and column of `span.start`.
    pub start: LineCol,
    /// Line and column of `span.end`.
    pub end: LineCol,
}

/// One finding. `code` is a stable rule code from RULES.md (`KS001`); `message` names the
/// offending value; `help` says what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `RANGE003`.
    #[serde(deserialize_with = "crate::interned::deserialize")]
    pub code: crate::interned::StaticStr,
    /// Severity of this occurrence (a rule may emit several severities, e.g. KS010).
    pub severity: Severity,
    /// What is wrong, naming the offending value.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// Path of the file inside the package (relative to the package root), when the finding
    /// belongs to one file.
    pub file: Option<String>,
    /// Span and line:column inside `file`, when the file is text and the finding has a place.
    pub location: Option<Location>,
    /// The correction, if the rule can offer one.
    pub fix: Option<Fix>,
    /// Where the finding's consequence lies, when its rule computes it from the matrix (issue
    /// 11, severity from consequence; RC010 and RC021 today): the platform lines of the cells it
    /// blocks. Empty when the rule does not say, and then the finding counts on every line. A
    /// configuration's `[platforms]` turns a finding whose lines all lie outside the counted
    /// ones into info ([`crate::config::Config::apply`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matters_on: Vec<PlatformLine>,
    /// The localisable source of `message`, when it was built from a Fluent message
    /// ([`Diagnostic::localize`] renders it in another language). Serialised for the web app's
    /// worker and page; the reports (JSON, SARIF) do not carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_source: Option<Message>,
    /// The localisable source of `help`, like [`Diagnostic::message_source`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_source: Option<Message>,
}

/// A diagnostic's message or help as given to [`Diagnostic::new`]: a Fluent [`Message`]
/// (rendered in English at once, and again in any language by [`Diagnostic::localize`]) or
/// fixed text, which stays as it is in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// Fixed text.
    Plain(String),
    /// A localisable message.
    Message(Message),
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(s)
    }
}
impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text::Plain(s.clone())
    }
}
impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}
impl From<crate::i18n::Arg> for Text {
    fn from(a: crate::i18n::Arg) -> Self {
        match a {
            crate::i18n::Arg::Text(s) => Text::Plain(s),
            crate::i18n::Arg::Number(n) => Text::Plain(n.to_string()),
            crate::i18n::Arg::Message(m) => Text::Message(m),
        }
    }
}

impl From<Message> for Text {
    fn from(m: Message) -> Self {
        Text::Message(m)
    }
}

impl Text {
    /// The English text, and the message to localise it from.
    pub(crate) fn english(self) -> (String, Option<Message>) {
        match self {
            Text::Plain(s) => (s, None),
            Text::Message(m) => (m.render(Lang::En), Some(m)),
        }
    }
}

impl Diagnostic {
    /// A diagnostic with no file and no fix; add them with the builder methods. `message` and
    /// `help` are rendered in English; [`Diagnostic::localize`] renders them in another
    /// language.
    pub fn new(code: &'static str, severity: Severity, message: impl Into<Text>, help: impl Into<Text>) -> Self {
        let (message, message_source) = message.into().english();
        let (help, help_source) = help.into().english();
        Diagnostic {
            code,
            severity,
            message,
            help,
            file: None,
            location: None,
            fix: None,
            matters_on: Vec::new(),
            message_source,
            help_source,
        }
    }

    /// Renders the message and help in `lang` (from their Fluent sources; fixed text stays).
    pub fn localize(&mut self, lang: Lang) {
        if let Some(m) = &self.message_source {
            self.message = m.render(lang);
        }
        if let Some(m) = &self.help_source {
            self.help = m.render(lang);
        }
        if let Some(fix) = &mut self.fix {
            if let Some(m) = &fix.title_source {
                fix.title = m.render(lang);
            }
            if let Some(m) = &fix.costs_source {
                fix.costs = m.render(lang);
            }
        }
    }

    /// Sets the fix's cost (a Fluent message, or fixed text), rendered in English with its
    /// source kept; nothing when there is no fix.
    pub fn set_costs(&mut self, costs: impl Into<Text>) {
        if let Some(fix) = &mut self.fix {
            (fix.costs, fix.costs_source) = costs.into().english();
        }
    }

    /// Rewrites the message as `outer`, which takes the current message as its argument
    /// `$message` (rendered in the same language when it is localisable).
    pub fn wrap_message(&mut self, outer: Message) {
        let inner = self.message_source.take().map_or_else(|| Arg::Text(self.message.clone()), Arg::Message);
        let message = outer.arg("message", inner);
        self.message = message.render(Lang::En);
        self.message_source = Some(message);
    }

    /// Rewrites the help as `outer`, which takes the current help as its argument `$help`.
    pub fn wrap_help(&mut self, outer: Message) {
        let inner = self.help_source.take().map_or_else(|| Arg::Text(self.help.clone()), Arg::Message);
        let help = outer.arg("help", inner);
        self.help = help.render(Lang::En);
        self.help_source = Some(help);
    }

    /// Attaches the file this finding belongs to.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Attaches a location computed from `span` in `text` (the file's original text).
    pub fn at(mut self, text: &str, index: &crate::syntax::LineIndex, span: Span) -> Self {
        self.location =
            Some(Location { span, start: index.line_col(text, span.start), end: index.line_col(text, span.end) });
        self
    }

    /// Records the matrix cells this finding blocks (see [`Diagnostic::matters_on`]).
    pub fn blocking<'a>(mut self, cells: impl IntoIterator<Item = &'a crate::matrix::CellId>) -> Self {
        self.matters_on = PlatformLine::of_cells(cells);
        self
    }

    /// Attaches a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// 1-based line of the location, if any.
    pub fn line(&self) -> Option<usize> {
        self.location.as_ref().map(|l| l.start.line)
    }
}

/// Numbers of diagnostics by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Counts {
    /// Counts of `diagnostics`.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut c = Counts::default();
        for d in diagnostics {
            c.add(d.severity);
        }
        c
    }

    /// Counts one more diagnostic of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// Total.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}
