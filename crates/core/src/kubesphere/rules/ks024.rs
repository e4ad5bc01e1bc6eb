//! KS024: a screenshot is a `data:` URL, which the console drops (kubesphere.md §1.5). Docs:
//! `docs/rules/KS024.md` and `docs/rules/zh/KS024.md`; fixture: `tests/fixtures/KS024/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS024's declaration.
    pub static KS024: Warning, Kubesphere, None, "A screenshot is a `data:` URL; the console drops it."
);

/// What KS024 finds (checked by [`super::media::check`]).
#[derive(Debug)]
pub struct DataScreenshot {
    /// The URL, its first 48 characters with `…` when longer.
    pub value: String,
}

impl Violation for DataScreenshot {
    const RULE: &'static Rule = &KS024;

    fn message(&self) -> Message {
        crate::msg!("ks024-message", value = self.value.as_str())
    }

    fn help(&self) -> Message {
        crate::msg!("ks024-help")
    }
}
