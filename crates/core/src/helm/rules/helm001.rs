//! HELM001: Chart.yaml lacks `apiVersion`, `name` or `version`, or they are invalid (Helm
//! `Metadata.Validate`, `pkg/chart/metadata.go`). Docs: `docs/rules/HELM001.md` and
//! `docs/rules/zh/HELM001.md`; fixture: `tests/fixtures/HELM001/`.

use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::{Arg, Message};
use crate::syntax::Span;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// HELM001's declaration.
    pub static HELM001: Error, Helm, None, "Chart.yaml lacks `apiVersion`, `name` or `version`, or they are invalid."
);

/// What is wrong with a required field.
#[derive(Debug)]
pub enum Problem<'a> {
    /// No `apiVersion` in the file at this path.
    NoApiVersion(&'a str),
    /// `apiVersion` is neither `v1` nor `v2` (the value, empty when not a string).
    ApiVersion(&'a str),
    /// No `name`, or an empty one, in the file at this path.
    NoName(&'a str),
    /// The name contains a path separator, or is `.` or `..`.
    NamePath(&'a str),
    /// No `version`, or an empty one, in the file at this path.
    NoVersion(&'a str),
    /// The version does not parse as Masterminds semver.
    Version(&'a str),
}

/// What HELM001 finds: a problem, and whether the Chart.yaml is the one `ksbuilder package`
/// generates from extension.yaml (then the help says so).
#[derive(Debug)]
pub struct RequiredField<'a> {
    /// The problem.
    pub problem: Problem<'a>,
    /// The packaged Chart.yaml of a KubeSphere extension.
    pub generated: bool,
}

impl Violation for RequiredField<'_> {
    const RULE: &'static Rule = &HELM001;

    fn message(&self) -> Message {
        match self.problem {
            Problem::NoApiVersion(path) => crate::msg!("helm001-message-no-api-version", path),
            Problem::ApiVersion(value) => crate::msg!("helm001-message-api-version", value),
            Problem::NoName(path) => crate::msg!("helm001-message-no-name", path),
            Problem::NamePath(name) => crate::msg!("helm001-message-name-path", name),
            Problem::NoVersion(path) => crate::msg!("helm001-message-no-version", path),
            Problem::Version(version) => crate::msg!("helm001-message-version", version),
        }
    }

    fn help(&self) -> Message {
        let help = match self.problem {
            Problem::NoApiVersion(_) => crate::msg!("helm001-help-no-api-version"),
            Problem::ApiVersion(_) => crate::msg!("helm001-help-api-version"),
            Problem::NoName(_) => crate::msg!("helm001-help-no-name"),
            Problem::NamePath(_) => crate::msg!("helm001-help-name-path"),
            Problem::NoVersion(_) => crate::msg!("helm001-help-no-version"),
            Problem::Version(_) => crate::msg!("helm001-help-version"),
        };
        let regenerate = if self.generated { Arg::from(crate::msg!("helm001-regenerate")) } else { Arg::none() };
        crate::msg!("helm001-help", help, regenerate)
    }
}

/// Checks `apiVersion`, `name` and `version` of a Chart.yaml (`root` is its mapping);
/// `generated` for the packaged Chart.yaml of a KubeSphere extension.
pub(super) fn check(file: &YamlFile<'_>, root: &Node, generated: bool, out: &mut Vec<Diagnostic>) {
    let mut report = |span: Span, problem: Problem<'_>| {
        out.push(file.file.report(&RequiredField { problem, generated }, span));
    };
    let start = Span::at(root.span.start);
    let path = file.file.path;
    match root.entry_go("apiVersion") {
        None => report(start, Problem::NoApiVersion(path)),
        Some(e) => match e.value.as_str() {
            Some("v1" | "v2") => {}
            other => report(e.value.span, Problem::ApiVersion(other.unwrap_or(""))),
        },
    }
    match root.entry_go("name").and_then(|e| e.value.as_str().map(|s| (s, e))) {
        None | Some(("", _)) => report(start, Problem::NoName(path)),
        Some((name, e)) if name.contains(['/', '\\']) || name == "." || name == ".." => {
            report(e.value.span, Problem::NamePath(name))
        }
        _ => {}
    }
    match root.entry_go("version").and_then(|e| e.value.as_str().map(|s| (s, e))) {
        None | Some(("", _)) => report(start, Problem::NoVersion(path)),
        Some((version, e)) if !is_masterminds_version(version) => report(e.value.span, Problem::Version(version)),
        _ => {}
    }
}

/// True when Helm's `isValidSemver` accepts `v`: Masterminds `NewVersion` (lenient: `v`
/// prefix, one to three numeric parts), as in the Helm line that reads it (3.3 for Helm ≤ 3.18).
fn is_masterminds_version(v: &str) -> bool {
    crate::semver::masterminds::Version::parse(v, crate::semver::masterminds::Line::V3_3).is_ok()
}
