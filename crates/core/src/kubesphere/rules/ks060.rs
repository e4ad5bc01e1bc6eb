//! KS060: each `externalDependencies` entry has `name`, `version` and `required` (the CRD
//! requires them), and `required` is a bool; a quoted `"true"` is SYN004's. Docs:
//! `docs/rules/KS060.md` and `docs/rules/zh/KS060.md`; fixture: `tests/fixtures/KS060/`.

use super::field;
use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::yaml::{Node, ScalarStyle, ScalarType};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS060's declaration.
    pub static KS060: Error, Kubesphere, None, "An `externalDependencies` entry lacks `name`, `version` or `required`."
);

/// What KS060 finds.
#[derive(Debug)]
pub enum ExternalDependency<'a> {
    /// The entry lacks fields.
    Missing {
        /// The entry's `` `name` ``, or `#N` (1-based) when it has none.
        name: String,
        /// The missing fields.
        missing: Vec<&'a str>,
    },
    /// `required` is not a bool.
    RequiredNotBool {
        /// `required`'s value as written.
        value: &'a str,
    },
}

impl Violation for ExternalDependency<'_> {
    const RULE: &'static Rule = &KS060;

    fn message(&self) -> Message {
        match self {
            ExternalDependency::Missing { name, missing } => crate::msg!(
                "ks060-message",
                name = name.as_str(),
                missing = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
            ),
            ExternalDependency::RequiredNotBool { value } => crate::msg!("ks060-message-required-not-bool", value),
        }
    }

    fn help(&self) -> Message {
        match self {
            ExternalDependency::Missing { .. } => crate::msg!("ks060-help"),
            ExternalDependency::RequiredNotBool { .. } => crate::msg!("ks060-help-required-not-bool"),
        }
    }
}

/// Checks `externalDependencies` in `extension.yaml` (`root`).
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "externalDependencies") else { return };
    for (i, dep) in entry.value.items().iter().enumerate() {
        let missing: Vec<&str> =
            ["name", "version", "required"].into_iter().filter(|k| dep.get(k).is_none_or(Node::is_null)).collect();
        if !missing.is_empty() {
            let name = dep.get("name").and_then(Node::as_str).map_or(format!("#{}", i + 1), |n| format!("`{n}`"));
            out.push(file.file.report(&ExternalDependency::Missing { name, missing }, dep.span));
        }
        if let Some(required) = dep.get("required") {
            let quoted_bool =
                required.style() != Some(ScalarStyle::Plain) && matches!(required.as_str(), Some("true" | "false"));
            if !required.is_null() && required.scalar_type() != Some(ScalarType::Bool) && !quoted_bool {
                let value = file.file.slice(required.span);
                out.push(file.file.report(&ExternalDependency::RequiredNotBool { value }, required.span));
            }
        }
    }
}
