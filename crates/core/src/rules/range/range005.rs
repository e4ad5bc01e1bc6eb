//! RANGE005: the constraint admits no supported platform version, or excludes the newest
//! (semver-and-peers.md, the platform tables of `crate::platforms`). Docs:
//! `docs/rules/RANGE005.md` and `docs/rules/zh/RANGE005.md`; fixture: `tests/fixtures/RANGE005/`.

use super::{Site, judge_one};
use crate::diagnostic::Diagnostic;
use crate::i18n::Message;
use crate::semver::judge::{Component, Verdict};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RANGE005's declaration.
    pub static RANGE005: Warning, Range, None, "The constraint admits no supported platform version, or excludes the newest one."
);

/// What RANGE005 finds.
#[derive(Debug)]
pub enum Coverage<'a> {
    /// No supported version of the platform is admitted: the extension is never offered.
    None {
        /// The constraint as written.
        constraint: String,
        /// The platform (`Kubernetes`, `Rancher`).
        what: &'a str,
        /// The reader that decides whether the extension is offered.
        decider: Component,
        /// The oldest and newest supported versions (`1.19`, `1.33`).
        first: &'a str,
        /// The newest supported version.
        last: &'a str,
    },
    /// The newest supported version is not admitted.
    Newest {
        /// The constraint as written.
        constraint: String,
        /// The platform.
        what: &'a str,
        /// The deciding reader.
        decider: Component,
        /// The admitted versions, summarised (`2.7–2.9`).
        accepted: String,
        /// The newest supported version.
        last: &'a str,
    },
}

impl Violation for Coverage<'_> {
    const RULE: &'static Rule = &RANGE005;

    fn message(&self) -> Message {
        match self {
            Coverage::None { constraint, what, first, last, .. } => {
                crate::msg!("range005-message-none", constraint, what, first, last)
            }
            Coverage::Newest { constraint, what, last, .. } => {
                crate::msg!("range005-message-newest", constraint, what, last)
            }
        }
    }

    fn help(&self) -> Message {
        match self {
            Coverage::None { decider, what, .. } => crate::msg!("range005-help-none", decider = decider.name(), what),
            Coverage::Newest { decider, accepted, last, .. } => {
                crate::msg!("range005-help-newest", decider = decider.name(), accepted, last)
            }
        }
    }
}

/// Reports a constraint that admits no supported platform version, or excludes the newest.
pub(super) fn check(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    let Some(cov) = &site.coverage else { return };
    let admitted: Vec<bool> = cov
        .versions
        .iter()
        .map(|(v, _)| judge_one(site, cov.decider, v).is_some_and(|j| j.verdict == Verdict::Accepted))
        .collect();
    if cov.versions.is_empty()
        || judge_one(site, cov.decider, &cov.versions[0].0)
            .is_some_and(|j| j.verdict != Verdict::Accepted && j.verdict != Verdict::Rejected)
    {
        return; // parse problems are RANGE001/RANGE002's
    }
    let labels = |pred: bool| -> Vec<&str> {
        cov.versions.iter().zip(&admitted).filter(|(_, a)| **a == pred).map(|((_, l), _)| l.as_str()).collect()
    };
    let first = &cov.versions[0].1;
    let last = &cov.versions[cov.versions.len() - 1].1;
    let (constraint, what, decider) = (site.shown(), cov.what, cov.decider);
    let finding = if admitted.iter().all(|a| !a) {
        Coverage::None { constraint, what, decider, first, last }
    } else if !admitted.last().copied().unwrap_or(true) {
        Coverage::Newest { constraint, what, decider, accepted: summarize(&labels(true)), last }
    } else {
        return;
    };
    out.push(site.report(&finding, site.span));
}

/// `2.7, 2.8, 2.9` → `2.7–2.9`; a single label stays as it is (never called with none).
fn summarize(labels: &[&str]) -> String {
    match labels {
        [] => String::new(),
        [one] => (*one).into(),
        [first, .., last] => format!("{first}–{last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_summarised() {
        assert_eq!(summarize(&["2.7", "2.8", "2.9"]), "2.7–2.9");
        assert_eq!(summarize(&["2.7"]), "2.7");
    }
}
