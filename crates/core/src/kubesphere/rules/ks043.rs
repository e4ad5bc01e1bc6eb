//! KS043: annotation keys are valid Kubernetes annotation keys and values are strings (they
//! become the ExtensionVersion's `metadata.annotations`). Docs: `docs/rules/KS043.md` and
//! `docs/rules/zh/KS043.md`; fixture: `tests/fixtures/KS043/`.

use super::field;
use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::k8s;
use crate::syntax::yaml::{Node, ScalarType};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS043's declaration.
    pub static KS043: Error, Kubesphere, None, "An annotation key is invalid, or a value is not a string."
);

/// What KS043 finds.
#[derive(Debug)]
pub enum Annotation<'a> {
    /// The key is not a valid annotation key.
    Key {
        /// The key.
        key: &'a str,
    },
    /// The value is not a string (a number, a bool, a map or a list).
    Value {
        /// The key.
        key: &'a str,
    },
}

impl Violation for Annotation<'_> {
    const RULE: &'static Rule = &KS043;

    fn message(&self) -> Message {
        match *self {
            Annotation::Key { key } => crate::msg!("ks043-message", key),
            Annotation::Value { key } => crate::msg!("ks043-message-value-not-string", key),
        }
    }

    fn help(&self) -> Message {
        match self {
            Annotation::Key { .. } => crate::msg!("ks043-help"),
            Annotation::Value { .. } => crate::msg!("ks043-help-value-not-string"),
        }
    }
}

/// Checks `annotations` in `extension.yaml` (`root`).
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "annotations") else { return };
    for e in entry.value.entries() {
        let key = e.key_str().unwrap_or("");
        if !k8s::is_annotation_key(key) {
            out.push(file.file.report(&Annotation::Key { key }, e.key.span));
        }
        let is_string = e.value.scalar_type() == Some(ScalarType::Str);
        if !is_string && !e.value.is_null() {
            out.push(file.file.report(&Annotation::Value { key }, e.value.span));
        }
    }
}
