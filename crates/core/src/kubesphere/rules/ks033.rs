//! KS033: a Multicluster extension with an untagged dependency, installed by both the host
//! release and each agent release (kubesphere.md §1.6). Docs: `docs/rules/KS033.md` and
//! `docs/rules/zh/KS033.md`; fixture: `tests/fixtures/KS033/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS033's declaration.
    pub static KS033: Warning, Kubesphere, None, "`installationMode: Multicluster` with an untagged dependency."
);

/// What KS033 finds: the dependency `name` has no tag (checked by [`super::check_tags`] with
/// KS032).
#[derive(Debug)]
pub struct UntaggedOnMulticluster<'a> {
    /// The dependency's name.
    pub name: &'a str,
}

impl Violation for UntaggedOnMulticluster<'_> {
    const RULE: &'static Rule = &KS033;

    fn message(&self) -> Message {
        crate::msg!("ks033-message", name = self.name)
    }

    fn help(&self) -> Message {
        crate::msg!("ks033-help")
    }
}
