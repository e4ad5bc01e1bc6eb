//! PKG005: entry names start with `./`, so Helm strips `.` as the top folder. Docs:
//! `docs/rules/PKG005.md` and `docs/rules/zh/PKG005.md`; fixture: `tests/fixtures/PKG005/`.

use crate::diagnostic::{Diagnostic, Fix};
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG005's declaration.
    pub static PKG005: Warning, Package, Safe, "Entry names start with `./`."
);

/// What PKG005 finds: `count` entry names start with `./`.
#[derive(Debug)]
pub struct DotPrefix {
    /// How many.
    pub count: usize,
}

impl Violation for DotPrefix {
    const RULE: &'static Rule = &PKG005;

    fn message(&self) -> Message {
        crate::msg!("pkg005-message", count = self.count)
    }

    fn help(&self) -> Message {
        crate::msg!("pkg005-help")
    }
}

/// The finding with its safe fix (the rewrite happens when the fixed archive is written).
pub(crate) fn diagnostic(count: usize) -> Diagnostic {
    DotPrefix { count }.diagnostic().with_fix(Fix::safe(crate::msg!("pkg005-fix"), vec![]).with_operations(vec![]))
}
