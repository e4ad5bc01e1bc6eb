//! SYN004: a scalar of the wrong type for ks-core, which decodes `extension.yaml` without a
//! type conversion: a number or bool where a string is needed, a quoted string where a bool is
//! needed. Found by the typed walk of [`super::check`], which is why it is declared here, below
//! the rule modules. Docs: `docs/rules/SYN004.md` and `docs/rules/zh/SYN004.md`; fixture:
//! `tests/fixtures/SYN004/`.

use crate::i18n::{Arg, Message};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SYN004's declaration.
    pub static SYN004: Error, Syntax, Safe, "A scalar of the wrong type (a number where a string is needed, a string where a bool is needed)."
);

/// The YAML type of a scalar found where a string is needed.
#[derive(Debug)]
pub enum NotString {
    /// A boolean (ksbuilder reads it as `true`/`false`).
    Bool,
    /// An integer.
    Int,
    /// A float; `go` is how ksbuilder prints it (`1.10` → `1.1`) when that differs.
    Float {
        /// Go's `strconv.FormatFloat(f, 'g', -1, 64)` of the value, when not the text itself.
        go: Option<String>,
    },
}

/// What SYN004 finds at the field path `path` (`spec.name`, `tags[0]`), the value written `raw`.
#[derive(Debug)]
pub enum WrongScalar<'a> {
    /// A number or bool where a string is needed.
    NotString {
        /// The field path.
        path: &'a str,
        /// The value as written.
        raw: &'a str,
        /// What it is.
        actual: NotString,
    },
    /// A quoted `"true"`/`"false"` where a bool is needed.
    QuotedBool {
        /// The field path.
        path: &'a str,
        /// The value as written.
        raw: &'a str,
    },
}

impl Violation for WrongScalar<'_> {
    const RULE: &'static Rule = &SYN004;

    fn message(&self) -> Message {
        match *self {
            WrongScalar::NotString { path, raw, ref actual } => {
                let what = match actual {
                    NotString::Bool => crate::msg!("syn004-what-bool"),
                    NotString::Int | NotString::Float { .. } => crate::msg!("syn004-what-number"),
                };
                let reading: Arg = match actual {
                    NotString::Float { go: Some(go) } => crate::msg!("syn004-reading-float", go = go.as_str()).into(),
                    NotString::Bool => crate::msg!("syn004-reading-bool").into(),
                    _ => Arg::none(),
                };
                crate::msg!("syn004-message", path, raw, what, reading)
            }
            WrongScalar::QuotedBool { path, raw } => crate::msg!("syn004-message-quoted-bool", path, raw),
        }
    }

    fn help(&self) -> Message {
        match self {
            WrongScalar::NotString { .. } => crate::msg!("syn004-help"),
            WrongScalar::QuotedBool { .. } => crate::msg!("syn004-help-quoted-bool"),
        }
    }
}
