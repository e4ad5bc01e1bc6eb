//! KS032: a HostOnly extension with a dependency tagged only `agent`, which is never deployed
//! (the host release installs with `tags.agent=false`; kubesphere.md §1.6). Docs:
//! `docs/rules/KS032.md` and `docs/rules/zh/KS032.md`; fixture: `tests/fixtures/KS032/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS032's declaration.
    pub static KS032: Warning, Kubesphere, None, "`installationMode: HostOnly` with a dependency tagged only `agent`."
);

/// What KS032 finds: the dependency `name` is tagged only `agent` (checked by
/// [`super::check_tags`] with KS033).
#[derive(Debug)]
pub struct AgentOnHostOnly<'a> {
    /// The dependency's name.
    pub name: &'a str,
}

impl Violation for AgentOnHostOnly<'_> {
    const RULE: &'static Rule = &KS032;

    fn message(&self) -> Message {
        crate::msg!("ks032-message", name = self.name)
    }

    fn help(&self) -> Message {
        crate::msg!("ks032-help")
    }
}
