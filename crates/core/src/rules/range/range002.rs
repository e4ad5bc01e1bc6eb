//! RANGE002: the constraint parses in one dialect and not the other (semver-and-peers.md).
//! Docs: `docs/rules/RANGE002.md` and `docs/rules/zh/RANGE002.md`; fixture:
//! `tests/fixtures/RANGE002/`.

use super::{LIST_COMMA, LIST_OR, Site, join};
use crate::diagnostic::Diagnostic;
use crate::i18n::Message;
use crate::semver::judge::Component;
use crate::semver::rewrite;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RANGE002's declaration.
    pub static RANGE002: Warning, Range, Safe, "The constraint parses in one dialect and not the other."
);

/// What RANGE002 finds: a constraint that the readers of this field parse, but that another
/// dialect's engine cannot.
#[derive(Debug)]
pub struct NotPortable {
    /// The constraint as written.
    pub constraint: String,
    /// The engines that fail (`Masterminds ≤ 3.3`, `node-semver 7.5.4`) with their errors,
    /// in their own words.
    pub failing: Vec<(&'static str, String)>,
    /// The components that read the field here.
    pub readers: &'static [Component],
}

impl Violation for NotPortable {
    const RULE: &'static Rule = &RANGE002;

    fn message(&self) -> Message {
        let failing = join(
            LIST_OR,
            self.failing.iter().map(|(engine, error)| crate::msg!("range-text", text = format!("{engine} ({error})"))),
        );
        crate::msg!("range002-message", constraint = self.constraint, failing)
    }

    fn help(&self) -> Message {
        crate::msg!("range002-help", readers = join(LIST_COMMA, self.readers.iter().map(|c| c.name())))
    }
}

/// Reports a constraint that parses in one dialect and not the other, where no reader is
/// blocked by it (that is RANGE001).
pub(super) fn check(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    let p = rewrite::portability(&site.value);
    if p.portable {
        return;
    }
    let failing = [
        ("Masterminds ≤ 3.3", &p.masterminds_3_3),
        ("Masterminds ≥ 3.4", &p.masterminds_3_4),
        ("node-semver 7.5.4", &p.node),
    ]
    .into_iter()
    .filter_map(|(name, err)| err.as_ref().map(|e| (name, e.to_string())))
    .collect();
    let finding = NotPortable { constraint: site.shown(), failing, readers: site.readers };
    let mut d = site.report(&finding, site.span);
    if let Some(r) = rewrite::make_portable(&site.value) {
        d = d.with_fix(site.rewrite_fix(&r));
    }
    out.push(d);
}
