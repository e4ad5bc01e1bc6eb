//! KS021: the icon file sits under `templates/` or `charts/`, which ks-core's chart files
//! exclude (kubesphere.md §1.5). Docs: `docs/rules/KS021.md` and `docs/rules/zh/KS021.md`;
//! fixture: `tests/fixtures/KS021/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS021's declaration.
    pub static KS021: Warning, Kubesphere, None, "The icon file sits under `templates/` or `charts/`."
);

/// What KS021 finds (checked by [`super::media::check`]).
#[derive(Debug)]
pub struct IconFolder<'a> {
    /// The icon value.
    pub icon: &'a str,
    /// `templates` or `charts`.
    pub folder: &'a str,
}

impl Violation for IconFolder<'_> {
    const RULE: &'static Rule = &KS021;

    fn message(&self) -> Message {
        crate::msg!("ks021-message", icon = self.icon, folder = self.folder)
    }

    fn help(&self) -> Message {
        crate::msg!("ks021-help")
    }
}
