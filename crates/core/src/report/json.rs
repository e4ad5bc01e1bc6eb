//! The JSON report (PRODUCT.md "JSON report"): stable field names; fields may be added, none
//! removed. `start`/`end` are byte offsets into the original file; `line`/`column` are 1-based
//! (columns count characters).

use serde::Serialize;

use crate::check::Report;
use crate::diagnostic::Counts;
use crate::diagnostic::{Diagnostic, FileOperation, Fix};

/// The tool block of the report.
#[derive(Serialize)]
pub struct Tool {
    /// Always `extcheck`.
    pub name: &'static str,
    /// The extcheck version.
    pub version: &'static str,
}

/// The tool name and version written into reports.
pub const TOOL: Tool = Tool { name: "extcheck", version: env!("CARGO_PKG_VERSION") };

#[derive(Serialize)]
struct JsonReport<'a> {
    tool: Tool,
    input: &'a str,
    packages: Vec<JsonPackage<'a>>,
    summary: Counts,
}

#[derive(Serialize)]
struct JsonPackage<'a> {
    kind: Option<&'static str>,
    name: Option<&'a str>,
    version: Option<&'a str>,
    root: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Findings suppressed inline or by `extcheck.toml`, each with `suppression: {kind, reason}`
    /// (`kind` is `inSource` or `external`, as in SARIF); absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressed: Vec<JsonSuppressed<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    matrix: Option<crate::matrix::Matrix>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    help: &'a str,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonSuppressed<'a> {
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
    suppression: JsonSuppression<'a>,
}

#[derive(Serialize)]
struct JsonSuppression<'a> {
    kind: crate::suppress::SuppressionKind,
    reason: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: crate::diagnostic::Applicability,
    title: &'a str,
    edits: &'a [crate::diagnostic::Edit],
    #[serde(skip_serializing_if = "<[FileOperation]>::is_empty")]
    operations: &'a [FileOperation],
    /// The matrix cells the fix would lose; such a fix is applied only when chosen by name.
    #[serde(skip_serializing_if = "str::is_empty")]
    costs: &'a str,
}

fn diagnostic(d: &Diagnostic) -> JsonDiagnostic<'_> {
    let loc = d.location.as_ref();
    JsonDiagnostic {
        code: d.code,
        severity: d.severity.as_str(),
        message: &d.message,
        file: d.file.as_deref(),
        line: loc.map(|l| l.start.line),
        column: loc.map(|l| l.start.column),
        end_line: loc.map(|l| l.end.line),
        end_column: loc.map(|l| l.end.column),
        start: loc.map(|l| l.span.start),
        end: loc.map(|l| l.span.end),
        help: &d.help,
        fix: d.fix.as_ref().map(fix),
    }
}

fn fix(f: &Fix) -> JsonFix<'_> {
    JsonFix {
        applicability: f.applicability,
        title: &f.title,
        edits: &f.edits,
        operations: &f.operations,
        costs: &f.costs,
    }
}

/// The report as a `serde_json::Value` in the documented shape.
pub fn to_value(report: &Report) -> serde_json::Value {
    let json = JsonReport {
        tool: TOOL,
        input: &report.input,
        packages: report
            .packages
            .iter()
            .map(|p| JsonPackage {
                kind: p.kind.map(|k| k.as_str()),
                name: p.name.as_deref(),
                version: p.version.as_deref(),
                root: &p.root,
                diagnostics: p.diagnostics.iter().map(diagnostic).collect(),
                suppressed: p
                    .suppressed
                    .iter()
                    .map(|x| JsonSuppressed {
                        diagnostic: diagnostic(&x.diagnostic),
                        suppression: JsonSuppression { kind: x.kind, reason: &x.reason },
                    })
                    .collect(),
                matrix: p.matrix.as_ref().map(crate::matrix::Matrix::compact),
            })
            .collect(),
        summary: report.summary(),
    };
    serde_json::to_value(json).unwrap_or(serde_json::Value::Null)
}

/// The report as pretty-printed JSON text.
pub fn to_string(report: &Report) -> String {
    serde_json::to_string_pretty(&to_value(report)).unwrap_or_default()
}

/// The JSON of several reports as the CLI prints it: the report object itself for one input,
/// an array for several (PRODUCT.md "JSON report").
pub fn one_or_array(mut values: Vec<serde_json::Value>) -> serde_json::Value {
    if values.len() == 1 { values.remove(0) } else { serde_json::Value::Array(values) }
}
