//! KS012: a packaged Chart.yaml carries extension.yaml's name and version (ksbuilder's
//! `ToChartYaml`; ks-core names the ExtensionVersion from Chart.yaml). Docs:
//! `docs/rules/KS012.md` and `docs/rules/zh/KS012.md`; fixture: `tests/fixtures/KS012/`.

use super::{field, regenerate_chart, string_field};
use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS012's declaration.
    pub static KS012: Error, Kubesphere, Safe, "Packaged Chart.yaml `name` or `version` differs from extension.yaml."
);

/// What KS012 finds: Chart.yaml's `key` differs from extension.yaml's.
#[derive(Debug)]
pub struct PackagedChart<'a> {
    /// `name` or `version`.
    pub key: &'a str,
    /// Chart.yaml's value.
    pub chart_value: &'a str,
    /// extension.yaml's value.
    pub ext_value: &'a str,
    /// extension.yaml's path.
    pub file: &'a str,
    /// The 1-based line of extension.yaml's value.
    pub line: usize,
}

impl Violation for PackagedChart<'_> {
    const RULE: &'static Rule = &KS012;

    fn message(&self) -> Message {
        crate::msg!("ks012-message", key = self.key, chart_value = self.chart_value, ext_value = self.ext_value)
    }

    fn help(&self) -> Message {
        crate::msg!("ks012-help", file = self.file, line = self.line)
    }
}

/// Compares `name` and `version` of the packaged Chart.yaml with `extension.yaml` (`root` is
/// its mapping); the fix regenerates Chart.yaml as `ksbuilder package` does, so both findings
/// carry the same file write.
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(chart) = ctx.yaml("Chart.yaml") else {
        return;
    };
    let Some(chart_root) = chart.root() else {
        return;
    };
    for key in ["name", "version"] {
        let Some((ext_value, _)) = string_field(root, key) else {
            continue;
        };
        let Some(entry) = chart_root.entry(key) else {
            continue;
        };
        let Some(chart_value) = entry.value.as_str() else {
            continue;
        };
        if chart_value == ext_value {
            continue;
        }
        let line = file.file.index.line_col(file.file.text, field(root, key).map_or(0, |e| e.value.span.start)).line;
        let finding = PackagedChart { key, chart_value, ext_value, file: file.file.path, line };
        let d = chart.file.report(&finding, entry.value.span);
        out.push(match regenerate_chart(ctx, true) {
            Some(fix) => d.with_fix(fix),
            None => d,
        });
    }
}
