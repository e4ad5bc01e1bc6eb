//! RC011: `catalog.cattle.io/ui-extensions-version` has no upper bound (rancher.md, Gate B and
//! C). A Rancher rule that lives with the range rules because it reads the same constraint
//! sites. Docs: `docs/rules/RC011.md` and `docs/rules/zh/RC011.md`; fixture:
//! `tests/fixtures/RC011/`.

use super::Site;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::i18n::Message;
use crate::semver::node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC011's declaration.
    pub static RC011: Warning, Rancher, Unsafe, "`ui-extensions-version` has no upper bound."
);

/// What RC011 finds: an OR group of `ui-extensions-version` with no `<`/`<=` bound.
#[derive(Debug)]
pub struct NoUpperBound {
    /// The constraint as written.
    pub constraint: String,
    /// The highest major the constraint names (3 when it names none).
    pub major: u64,
}

impl Violation for NoUpperBound {
    const RULE: &'static Rule = &RC011;

    fn message(&self) -> Message {
        crate::msg!("rc011-message", constraint = self.constraint)
    }

    fn help(&self) -> Message {
        crate::msg!("rc011-help", next = self.major + 1, major = self.major)
    }
}

/// Reports an unbounded `ui-extensions-version`; with one OR group, offers (unsafe) to cap it
/// below the next major.
pub(super) fn check(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    let Ok(range) = node::Range::parse(&site.value, node::Options::DEFAULT) else { return };
    let unbounded = range.set.iter().any(|set| {
        !set.comparators
            .iter()
            .any(|c| matches!(c.operator, node::Operator::Lt | node::Operator::Le) && c.semver.is_some())
    });
    if !unbounded {
        return;
    }
    let major = range
        .set
        .iter()
        .flat_map(|s| &s.comparators)
        .filter_map(|c| c.semver.as_ref().map(|v| v.major))
        .max()
        .unwrap_or(3);
    let mut d = site.report(&NoUpperBound { constraint: site.shown(), major }, site.span);
    if range.set.len() == 1 {
        let new = format!("{} < {}.0.0", site.value.trim_end(), major + 1);
        d = d.with_fix(Fix::unsafe_(
            crate::msg!("range-fix-rewrite", text = new),
            vec![Edit::replace(site.file().path, site.span, site.token(&new))],
        ));
    }
    out.push(d);
}
