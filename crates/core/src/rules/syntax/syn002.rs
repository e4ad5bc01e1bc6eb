//! SYN002: a duplicate mapping key (YAML) or object member (JSON); the later one wins. Docs:
//! `docs/rules/SYN002.md` and `docs/rules/zh/SYN002.md`; fixture: `tests/fixtures/SYN002/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SYN002's declaration.
    pub static SYN002: Warning, Syntax, Unsafe, "Duplicate mapping key."
);

/// What SYN002 finds: `key` appears again at line `later_line` (1-based).
#[derive(Debug)]
pub struct DuplicateKey<'a> {
    /// The key.
    pub key: &'a str,
    /// The line of the later entry.
    pub later_line: usize,
    /// True in a JSON file (an object member), false in YAML.
    pub json: bool,
}

impl Violation for DuplicateKey<'_> {
    const RULE: &'static Rule = &SYN002;

    fn message(&self) -> Message {
        let (key, later_line) = (self.key, self.later_line);
        if self.json {
            crate::msg!("syn002-message-json", key, later_line)
        } else {
            crate::msg!("syn002-message", key, later_line)
        }
    }

    fn help(&self) -> Message {
        if self.json { crate::msg!("syn002-help-json") } else { crate::msg!("syn002-help") }
    }
}
