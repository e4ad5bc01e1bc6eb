//! Rules as typed units, in the manner of ruff's violations.
//!
//! A rule is declared once, in its own file, with [`declare_rule!`]: its code, default
//! severity, catalogue group, the fix it offers, its one-line summary, and its docs (English
//! and Chinese, `docs/rules/<CODE>.md` and `docs/rules/zh/<CODE>.md`, which the declaration
//! names). What it finds is a type implementing [`Violation`]: a struct or an enum whose fields
//! are the message's typed parameters, which says its message and help as Fluent messages and,
//! where the rule reports a case below its default severity (KS010's length warnings), which
//! severity that case has. Diagnostics are built through the type
//! ([`Violation::diagnostic`], [`crate::document::TextFile::report`]), so a severity cannot
//! drift from the declaration: a case may only lower it (checked when built, in every test).
//!
//! The registry ([`crate::rules::registry::RULES`]) lists the declarations in catalogue order.
//! This module sits below the rules and the documents they read; nothing here depends on a
//! rule module.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Message;

/// Which part of the catalogue a rule belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Reading the input (PKG).
    Package,
    /// YAML and JSON syntax (SYN).
    Syntax,
    /// Version constraints (RANGE).
    Range,
    /// KubeSphere extensions (KS).
    Kubesphere,
    /// Rancher UI extensions (RC).
    Rancher,
    /// Chart.yaml of any chart (HELM).
    Helm,
    /// Suppressions (SUP): `# extcheck:ignore` comments.
    Suppression,
    /// The rendered chart (TPL).
    Template,
}

/// What the rule can do about what it finds (RULES.md "fix" column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// Explains only.
    None,
    /// Offers a safe fix (in the cases the catalogue names).
    Safe,
    /// Offers an unsafe fix.
    Unsafe,
}

/// One rule's declaration (see [`declare_rule!`]).
#[derive(Debug, Serialize)]
pub struct Rule {
    /// Stable code, e.g. `KS001`.
    pub code: &'static str,
    /// Default severity: the highest the rule reports; a [`Violation`] may lower it for a case
    /// (KS010's length warnings), never raise it.
    pub severity: Severity,
    /// Catalogue group.
    pub group: Group,
    /// What the rule checks, in one line.
    pub summary: &'static str,
    /// The fix the rule offers.
    pub fix: FixKind,
    /// The rule's explanation in Markdown (`docs/rules/<CODE>.md`): what it checks, why it
    /// matters, an example, how to fix, the source. Written once; the CLI and the web app
    /// render it.
    #[serde(skip)]
    pub docs: &'static str,
    /// The same in Simplified Chinese (`docs/rules/zh/<CODE>.md`, the same five sections).
    #[serde(skip)]
    pub docs_zh: &'static str,
}

impl Rule {
    /// The short title from the docs' first heading (`# KS001: Required field missing` gives
    /// `Required field missing`), or the summary when the docs have none.
    pub fn title(&self) -> &'static str {
        title_of(self.docs).unwrap_or(self.summary)
    }

    /// The docs in `lang` (Chinese falls back to English if a translation were missing).
    pub fn docs_in(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::ZhCn if !self.docs_zh.is_empty() => self.docs_zh,
            _ => self.docs,
        }
    }

    /// The title in `lang`, from that language's docs.
    pub fn title_in(&self, lang: crate::Lang) -> &'static str {
        title_of(self.docs_in(lang)).unwrap_or(self.summary)
    }
}

fn title_of(docs: &'static str) -> Option<&'static str> {
    docs.lines().next().and_then(|l| l.strip_prefix("# ")).and_then(|l| l.split_once(": ").map(|(_, t)| t))
}

/// A finding of one rule, typed: the fields are the message's parameters.
///
/// Implementors say which [`Rule`] they belong to, their message and help (Fluent messages,
/// [`crate::msg!`]), and, only for cases the rule reports below its default, their severity.
pub trait Violation {
    /// The rule this is a finding of.
    const RULE: &'static Rule;

    /// This finding's severity: the rule's default unless overridden for a case, and never
    /// above the default ([`Violation::diagnostic`] checks it in debug builds).
    fn severity(&self) -> Severity {
        Self::RULE.severity
    }

    /// What is wrong, with the values quoted from the package.
    fn message(&self) -> Message;

    /// How to fix it.
    fn help(&self) -> Message;

    /// The diagnostic, with no file, location or fix yet (add them with the builder methods,
    /// or build it through [`crate::document::TextFile::report`]).
    fn diagnostic(&self) -> Diagnostic {
        let severity = self.severity();
        debug_assert!(
            severity <= Self::RULE.severity,
            "{}: a case reports {severity:?} above the declared {:?}",
            Self::RULE.code,
            Self::RULE.severity
        );
        Diagnostic::new(Self::RULE.code, severity, self.message(), self.help())
    }
}

/// Declares a rule: `declare_rule!(pub static KS010: Error, Kubesphere, None, "summary");`
/// makes a `static KS010:` [`Rule`] with code `KS010`, default severity `Error`, group
/// [`Group::Kubesphere`], fix [`FixKind::None`], the summary, and its docs included from
/// `docs/rules/KS010.md` and `docs/rules/zh/KS010.md` (a missing file is a compile error).
/// List it in [`crate::rules::registry::RULES`].
#[macro_export]
macro_rules! declare_rule {
    ($(#[$meta:meta])* $vis:vis static $code:ident: $sev:ident, $group:ident, $fix:ident, $summary:literal $(;)?) => {
        $(#[$meta])*
        $vis static $code: $crate::violation::Rule = $crate::violation::Rule {
            code: stringify!($code),
            severity: $crate::diagnostic::Severity::$sev,
            group: $crate::violation::Group::$group,
            summary: $summary,
            fix: $crate::violation::FixKind::$fix,
            docs: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/", stringify!($code), ".md")),
            docs_zh: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/zh/", stringify!($code), ".md")),
        };
    };
}
