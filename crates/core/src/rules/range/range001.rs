//! RANGE001: the constraint does not parse in an engine that enforces it (semver-and-peers.md),
//! or is too large to check. Docs: `docs/rules/RANGE001.md` and `docs/rules/zh/RANGE001.md`;
//! fixture: `tests/fixtures/RANGE001/`.

use super::{LIST_AND, LIST_SEMICOLON, Site, join, judge_one};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Message;
use crate::semver::MAX_CONSTRAINT_BYTES;
use crate::semver::judge::{Component, Judgement, Verdict};
use crate::semver::rewrite;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RANGE001's declaration.
    pub static RANGE001: Error, Range, Safe, "The constraint does not parse in an engine that enforces it."
);

/// What RANGE001 finds.
#[derive(Debug)]
pub enum Unparsable<'a> {
    /// Over [`MAX_CONSTRAINT_BYTES`]: not evaluated, so RANGE002–RANGE005 are not checked
    /// (warning: the platforms evaluate it, extcheck does not).
    TooLarge {
        /// The field's name.
        key: &'a str,
        /// The constraint's length in bytes.
        length: usize,
    },
    /// Readers that enforce the constraint cannot parse it (error).
    Fails {
        /// The constraint as written (`` `kubeVersion: ">= 1.19"` ``).
        constraint: String,
        /// The failing readers with their engines' labels, in reader order.
        readers: Vec<(Component, String)>,
        /// The first engine's parse error (its own words), if it gave one.
        detail: Option<String>,
        /// extcheck's hint about that error (e.g. that node-semver has no `!=`), if any.
        hint: Option<String>,
    },
}

impl Violation for Unparsable<'_> {
    const RULE: &'static Rule = &RANGE001;

    fn severity(&self) -> Severity {
        match self {
            Unparsable::TooLarge { .. } => Severity::Warning,
            Unparsable::Fails { .. } => Severity::Error,
        }
    }

    fn message(&self) -> Message {
        match self {
            Unparsable::TooLarge { key, length } => {
                crate::msg!("range001-message", key, length, limit = MAX_CONSTRAINT_BYTES)
            }
            Unparsable::Fails { constraint, readers, detail, .. } => {
                let readers = join(
                    LIST_AND,
                    readers.iter().map(|(c, engine)| crate::msg!("range-reader", component = c.name(), engine)),
                );
                let detail = detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default();
                crate::msg!("range001-message-unparsable", constraint, readers, detail)
            }
        }
    }

    fn help(&self) -> Message {
        match self {
            Unparsable::TooLarge { .. } => crate::msg!("range001-help-too-large"),
            Unparsable::Fails { readers, hint, .. } => {
                let mut effects: Vec<&'static str> = Vec::new();
                for id in readers.iter().map(|(c, _)| on_invalid(*c)) {
                    if !effects.contains(&id) {
                        effects.push(id);
                    }
                }
                let effects = join(LIST_SEMICOLON, effects.into_iter().map(Message::new));
                let hint = hint.as_ref().map(|h| format!(" {h}.")).unwrap_or_default();
                crate::msg!("range001-help", effects, hint)
            }
        }
    }
}

/// The message saying what component `c` does when it cannot parse the constraint.
fn on_invalid(c: Component) -> &'static str {
    match c {
        Component::KubeSphereServer => "range001-effect-kubesphere-server",
        Component::HelmExecutor312 | Component::Helm319 => "range001-effect-helm",
        Component::KubeSphereConsole => "range001-effect-kubesphere-console",
        Component::RancherBackend => "range001-effect-rancher-backend",
        Component::RancherExtensionsPage => "range001-effect-rancher-extensions-page",
        Component::RancherLoadGate => "range001-effect-rancher-load-gate",
    }
}

/// Reports a constraint over [`MAX_CONSTRAINT_BYTES`]; true when it is (nothing else is then
/// checked on it).
pub(super) fn too_large(site: &Site<'_>, out: &mut Vec<Diagnostic>) -> bool {
    if site.value.len() <= MAX_CONSTRAINT_BYTES {
        return false;
    }
    out.push(site.report(&Unparsable::TooLarge { key: &site.key, length: site.value.len() }, site.span));
    true
}

/// Reports a constraint that a reader enforcing it cannot parse. Returns true when reported.
pub(super) fn check(site: &Site<'_>, out: &mut Vec<Diagnostic>) -> bool {
    let probe = site.probes.first().map_or("1.0.0", |p| p.version.as_str());
    let failing: Vec<Judgement> = site
        .readers
        .iter()
        .filter_map(|&c| judge_one(site, c, probe))
        .filter(|j| j.verdict == Verdict::InvalidConstraint)
        .collect();
    let Some(first) = failing.first() else { return false };
    let problem = first.constraint_error.clone();
    let span = problem
        .as_ref()
        .and_then(|p| {
            let s = p.culprit.unwrap_or(p.span);
            Some(Span::new(site.offset_of(s.start)?, site.offset_of(s.end)?))
        })
        .filter(|s| s.end > s.start)
        .unwrap_or(site.span);
    let finding = Unparsable::Fails {
        constraint: site.shown(),
        readers: failing.iter().map(|j| (j.component, j.engine_label.clone())).collect(),
        detail: problem.as_ref().map(|p| p.message.clone()),
        hint: problem.and_then(|p| p.hint),
    };
    let mut d = site.report(&finding, span);
    if let Some(r) = rewrite::fix_all(&site.value).or_else(|| rewrite::make_portable(&site.value)) {
        d = d.with_fix(site.rewrite_fix(&r));
    }
    out.push(d);
    true
}
