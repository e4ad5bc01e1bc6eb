//! KS041: `category` is a valid Kubernetes label value (ks-core puts it in the label
//! `kubesphere.io/category`; kubesphere.md §1.3). Docs: `docs/rules/KS041.md` and
//! `docs/rules/zh/KS041.md`; fixture: `tests/fixtures/KS041/`.

use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::k8s;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS041's declaration.
    pub static KS041: Error, Kubesphere, None, "`category` is not a valid Kubernetes label value."
);

/// What KS041 finds: a category that is not a label value.
#[derive(Debug)]
pub struct CategoryLabel<'a> {
    /// The category as written.
    pub value: &'a str,
}

impl Violation for CategoryLabel<'_> {
    const RULE: &'static Rule = &KS041;

    fn message(&self) -> Message {
        crate::msg!("ks041-message", value = self.value)
    }

    fn help(&self) -> Message {
        crate::msg!("ks041-help")
    }
}

/// Checks the category `value` (its node `node`); true when it is a valid label value.
pub(super) fn check(file: &YamlFile<'_>, value: &str, node: &Node, out: &mut Vec<Diagnostic>) -> bool {
    if k8s::is_label_value(value) {
        return true;
    }
    out.push(file.file.report(&CategoryLabel { value }, node.span));
    false
}
