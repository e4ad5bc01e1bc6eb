//! PKG002: an entry path that is absolute, contains `..`, a Windows drive or backslashes
//! (Helm's `archive.go` checks); the entry is skipped. Docs: `docs/rules/PKG002.md` and
//! `docs/rules/zh/PKG002.md`; fixture: `tests/fixtures/PKG002/`.

use crate::diagnostic::Diagnostic;
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG002's declaration.
    pub static PKG002: Error, Package, None, "An entry path is absolute, contains `..`, a Windows drive or backslashes."
);

/// Why a path is unsafe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathProblem {
    /// It starts with `/`.
    Absolute,
    /// A segment is `..`.
    ParentDir,
    /// It starts with a Windows drive (`C:`).
    Drive,
    /// It contains `\`.
    Backslash,
}

/// What PKG002 finds.
#[derive(Debug)]
pub struct UnsafePath<'a> {
    /// The entry path.
    pub path: &'a str,
    /// Why it is unsafe.
    pub problem: PathProblem,
}

impl Violation for UnsafePath<'_> {
    const RULE: &'static Rule = &PKG002;

    fn message(&self) -> Message {
        let why = match self.problem {
            PathProblem::Absolute => crate::msg!("pkg002-why-absolute"),
            PathProblem::ParentDir => crate::msg!("pkg002-why-parent"),
            PathProblem::Drive => crate::msg!("pkg002-why-drive"),
            PathProblem::Backslash => crate::msg!("pkg002-why-backslash"),
        };
        crate::msg!("pkg002-message", path = self.path, why)
    }

    fn help(&self) -> Message {
        crate::msg!("pkg002-help")
    }
}

/// PKG002 for `path` when it is unsafe; `None` when the path is safe.
pub(crate) fn check(path: &str) -> Option<Diagnostic> {
    let problem = if path.starts_with('/') {
        PathProblem::Absolute
    } else if path.split(['/', '\\']).any(|seg| seg == "..") {
        PathProblem::ParentDir
    } else if path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic() {
        PathProblem::Drive
    } else if path.contains('\\') {
        PathProblem::Backslash
    } else {
        return None;
    };
    Some(UnsafePath { path, problem }.diagnostic())
}
