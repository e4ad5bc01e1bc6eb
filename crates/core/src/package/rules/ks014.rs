//! KS014: `extension.yaml` is not at the package root but one folder below it, found by
//! detection ([`crate::package::detect`]) while reading, which is why it is declared here,
//! below the document layer, with the package rules. Docs: `docs/rules/KS014.md` and
//! `docs/rules/zh/KS014.md`; fixture: `tests/fixtures/KS014/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS014's declaration.
    pub static KS014: Error, Kubesphere, None, "`extension.yaml` is not at the package root."
);

/// What KS014 finds: `extension.yaml` sits in `folder`.
#[derive(Debug)]
pub struct NestedExtension<'a> {
    /// The folder holding `extension.yaml`.
    pub folder: &'a str,
}

impl Violation for NestedExtension<'_> {
    const RULE: &'static Rule = &KS014;

    fn message(&self) -> Message {
        crate::msg!("ks014-message", folder = self.folder)
    }

    fn help(&self) -> Message {
        crate::msg!("ks014-help")
    }
}
