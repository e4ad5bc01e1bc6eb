//! KS070: `permissions.yaml` does not parse, or cannot be decoded as RBAC rules: ks-core
//! (`usesPermissions`, `pkg/controller/core/util.go`) stops at the first error and keeps the
//! rules read so far (kubesphere.md §4). Docs: `docs/rules/KS070.md` and
//! `docs/rules/zh/KS070.md`; fixture: `tests/fixtures/KS070/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS070's declaration.
    pub static KS070: Error, Kubesphere, None, "`permissions.yaml` does not parse."
);

/// Why a document cannot be decoded as a `rbacv1.Role`.
#[derive(Debug, Clone, Copy)]
pub enum DecodeProblem<'a> {
    /// The document is not a mapping.
    NotMapping,
    /// `rules` is not a list.
    RulesNotList,
    /// A rule is not a mapping.
    RuleNotMapping,
    /// A rule's field `key` (`verbs`, `apiGroups`, ...) is not a list of strings.
    NotStrings(&'a str),
}

/// What KS070 finds (checked by [`super::permissions::check`]).
#[derive(Debug)]
pub enum Permissions<'a> {
    /// A YAML syntax error, after `rules_read` rules.
    Syntax {
        /// The parser's message.
        error: &'a str,
        /// The rules ks-core read before the error.
        rules_read: usize,
    },
    /// A document ks-core cannot decode.
    NotRbac(DecodeProblem<'a>),
}

impl Violation for Permissions<'_> {
    const RULE: &'static Rule = &KS070;

    fn message(&self) -> Message {
        match *self {
            Permissions::Syntax { error, .. } => crate::msg!("ks070-message", error),
            Permissions::NotRbac(problem) => {
                let what = match problem {
                    DecodeProblem::NotMapping => crate::msg!("ks070-what-not-mapping"),
                    DecodeProblem::RulesNotList => crate::msg!("ks070-what-rules-not-list"),
                    DecodeProblem::RuleNotMapping => crate::msg!("ks070-what-rule-not-mapping"),
                    DecodeProblem::NotStrings(key) => crate::msg!("ks070-what-not-strings", key),
                };
                crate::msg!("ks070-message-not-rbac", what)
            }
        }
    }

    fn help(&self) -> Message {
        match *self {
            // A number (not text) argument, so that the message can select the plural.
            Permissions::Syntax { rules_read, .. } => Message::new("ks070-help").arg("rules_read", rules_read),
            Permissions::NotRbac(_) => crate::msg!("ks070-help-not-rbac"),
        }
    }
}
