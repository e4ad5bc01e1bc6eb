//! KS023: a local screenshot file is missing; the console silently drops it (kubesphere.md
//! §1.5). Docs: `docs/rules/KS023.md` and `docs/rules/zh/KS023.md`; fixture:
//! `tests/fixtures/KS023/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS023's declaration.
    pub static KS023: Warning, Kubesphere, None, "A local screenshot file is missing."
);

/// What KS023 finds (checked by [`super::media::check`]).
#[derive(Debug)]
pub struct MissingScreenshot<'a> {
    /// The screenshot value.
    pub value: &'a str,
}

impl Violation for MissingScreenshot<'_> {
    const RULE: &'static Rule = &KS023;

    fn message(&self) -> Message {
        crate::msg!("ks023-message", value = self.value)
    }

    fn help(&self) -> Message {
        crate::msg!("ks023-help")
    }
}
