//! HELM002: `version` or `appVersion` written as a YAML number. Helm converts it to a string,
//! so `1.10` becomes `1.1` and `1.0` becomes `1` (`sigs.k8s.io/yaml`), and `helm lint` warns.
//! Docs: `docs/rules/HELM002.md` and `docs/rules/zh/HELM002.md`; fixture:
//! `tests/fixtures/HELM002/`.

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::YamlFile;
use crate::i18n::{Arg, Message};
use crate::syntax::yaml::{self, Node, ScalarType};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// HELM002's declaration.
    pub static HELM002: Warning, Helm, Safe, "`version` or `appVersion` is a YAML number, not a string."
);

/// What HELM002 finds.
#[derive(Debug)]
pub struct NumericVersion<'a> {
    /// `version` or `appVersion`.
    pub key: &'a str,
    /// The number as written.
    pub raw: &'a str,
    /// The string Helm reads it as (Go's float formatting), when that differs from `raw`.
    pub read_as: Option<String>,
}

impl Violation for NumericVersion<'_> {
    const RULE: &'static Rule = &HELM002;

    fn message(&self) -> Message {
        let note = self.read_as.as_ref().map_or(Arg::none(), |read_as| Arg::from(crate::msg!("helm002-note", read_as)));
        crate::msg!("helm002-message", key = self.key, raw = self.raw, note)
    }

    fn help(&self) -> Message {
        crate::msg!("helm002-help")
    }
}

/// Checks `version` and `appVersion` of a Chart.yaml (`root` is its mapping), offering to
/// quote them as written.
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    for key in ["version", "appVersion"] {
        let Some(entry) = root.entry_go(key) else { continue };
        if !matches!(entry.value.scalar_type(), Some(ScalarType::Int | ScalarType::Float)) {
            continue;
        }
        let raw = file.file.slice(entry.value.span);
        let read_as = crate::document::schema::go_float_string(raw);
        let finding = NumericVersion { key, raw, read_as: (read_as != raw).then(|| read_as.to_string()) };
        out.push(file.file.report(&finding, entry.value.span).with_fix(Fix::safe(
            crate::msg!("helm002-fix", raw),
            vec![file.file.edit(entry.value.span, yaml::double_quoted(raw))],
        )));
    }
}
