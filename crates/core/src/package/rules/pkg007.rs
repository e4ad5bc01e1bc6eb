//! PKG007: the same path appears twice in the archive; the later entry wins. Docs:
//! `docs/rules/PKG007.md` and `docs/rules/zh/PKG007.md`; fixture: `tests/fixtures/PKG007/`.

use crate::diagnostic::{Diagnostic, Fix};
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG007's declaration.
    pub static PKG007: Warning, Package, Safe, "The same path appears twice; the later entry wins."
);

/// What PKG007 finds.
#[derive(Debug)]
pub struct DuplicateEntry<'a> {
    /// The path.
    pub path: &'a str,
}

impl Violation for DuplicateEntry<'_> {
    const RULE: &'static Rule = &PKG007;

    fn message(&self) -> Message {
        crate::msg!("pkg007-message", path = self.path)
    }

    fn help(&self) -> Message {
        crate::msg!("pkg007-help")
    }
}

/// The finding with its safe fix (keep the later entry, as every reader does).
pub(crate) fn diagnostic(path: &str) -> Diagnostic {
    DuplicateEntry { path }.diagnostic().in_file(path).with_fix(Fix::safe(crate::msg!("pkg007-fix", path), vec![]))
}
