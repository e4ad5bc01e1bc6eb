//! KS072: a `permissions.yaml` document whose `kind` is not `ClusterRole` or `Role`, which
//! ks-core ignores (kubesphere.md §4). Docs: `docs/rules/KS072.md` and
//! `docs/rules/zh/KS072.md`; fixture: `tests/fixtures/KS072/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS072's declaration.
    pub static KS072: Warning, Kubesphere, None, "A `permissions.yaml` document whose `kind` is not `ClusterRole` or `Role`."
);

/// What KS072 finds (checked by [`super::permissions::check`]): the document's `kind`, or
/// `None` when it has none.
#[derive(Debug)]
pub struct IgnoredKind<'a> {
    /// The kind as written.
    pub kind: Option<&'a str>,
}

impl Violation for IgnoredKind<'_> {
    const RULE: &'static Rule = &KS072;

    fn message(&self) -> Message {
        match self.kind {
            Some(kind) => crate::msg!("ks072-message", kind),
            None => crate::msg!("ks072-message-no-kind"),
        }
    }

    fn help(&self) -> Message {
        crate::msg!("ks072-help")
    }
}
