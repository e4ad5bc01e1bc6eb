//! SUP001: an `# extcheck:ignore` comment that suppresses nothing, or names no rule (after
//! ruff's `RUF100`). Found by [`super::inline`], which matches the comments with the findings.
//! Docs: `docs/rules/SUP001.md` and `docs/rules/zh/SUP001.md`; fixture: `tests/fixtures/SUP001/`.

use super::MARKER;
use crate::diagnostic::Diagnostic;
use crate::i18n::Message;
use crate::syntax::{LineIndex, Span};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SUP001's declaration.
    pub static SUP001: Warning, Suppression, None, "An `# extcheck:ignore` comment suppresses nothing, or names no rule."
);

/// What SUP001 finds.
#[derive(Debug)]
pub enum UnusedSuppression<'a> {
    /// The comment names no code (the comment as written).
    NoCode {
        /// The comment.
        comment: &'a str,
    },
    /// The comment names a code that is no rule.
    Unknown {
        /// The code as written.
        code: &'a str,
    },
    /// No finding of the code on the line the comment covers.
    Unused {
        /// The code.
        code: &'a str,
        /// The covered line (1-based).
        line: usize,
    },
}

impl Violation for UnusedSuppression<'_> {
    const RULE: &'static Rule = &SUP001;

    fn message(&self) -> Message {
        match *self {
            UnusedSuppression::NoCode { comment } => crate::msg!("sup001-message-no-code", comment),
            UnusedSuppression::Unknown { code } => crate::msg!("sup001-message-unknown", marker = MARKER, code),
            UnusedSuppression::Unused { code, line } => crate::msg!("sup001-message", marker = MARKER, code, line),
        }
    }

    fn help(&self) -> Message {
        crate::msg!("sup001-help")
    }
}

/// The diagnostic of `finding` at `span` of `file` (`text`, with its line `index`).
pub(super) fn report(
    finding: &UnusedSuppression<'_>,
    file: &str,
    text: &str,
    index: &LineIndex,
    span: Span,
) -> Diagnostic {
    finding.diagnostic().in_file(file).at(text, index, span)
}
