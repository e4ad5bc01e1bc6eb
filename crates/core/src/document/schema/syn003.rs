//! SYN003: a known key in non-canonical case, which Go's `encoding/json` matches
//! case-insensitively and other readers do not. Found by the typed walk of
//! [`super::check`], which is why it is declared here, below the rule modules. Docs:
//! `docs/rules/SYN003.md` and `docs/rules/zh/SYN003.md`; fixture: `tests/fixtures/SYN003/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SYN003's declaration.
    pub static SYN003: Warning, Syntax, Safe, "A known key in non-canonical case."
);

/// What SYN003 finds: `key` should be spelled `canonical`.
#[derive(Debug)]
pub struct KeyCase<'a> {
    /// The key as written.
    pub key: &'a str,
    /// The field's spelling.
    pub canonical: &'a str,
}

impl Violation for KeyCase<'_> {
    const RULE: &'static Rule = &SYN003;

    fn message(&self) -> Message {
        crate::msg!("syn003-message", key = self.key, canonical = self.canonical)
    }

    fn help(&self) -> Message {
        crate::msg!("syn003-help", key = self.key, canonical = self.canonical)
    }
}
