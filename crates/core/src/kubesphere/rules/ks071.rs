//! KS071: no `permissions.yaml`: the Helm job runs with ks-core's default namespaced rules only
//! (kubesphere.md §4). Docs: `docs/rules/KS071.md` and `docs/rules/zh/KS071.md`; fixture:
//! `tests/fixtures/KS071/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS071's declaration.
    pub static KS071: Warning, Kubesphere, None, "No `permissions.yaml`."
);

/// What KS071 finds (checked by [`super::permissions::check`]; a package-level finding, with
/// no file).
#[derive(Debug)]
pub struct NoPermissions;

impl Violation for NoPermissions {
    const RULE: &'static Rule = &KS071;

    fn message(&self) -> Message {
        crate::msg!("ks071-message")
    }

    fn help(&self) -> Message {
        crate::msg!("ks071-help")
    }
}
