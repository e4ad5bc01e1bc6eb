//! RANGE004: the engines that read a field disagree on some supported platform version
//! (semver-and-peers.md). Docs: `docs/rules/RANGE004.md` and `docs/rules/zh/RANGE004.md`;
//! fixture: `tests/fixtures/RANGE004/`.

use super::{LIST_AND, LIST_COMMA, LIST_SEMICOLON, ProbeLabel, Site, join, judge_one};
use crate::diagnostic::Diagnostic;
use crate::i18n::{Arg, Message};
use crate::semver::judge::{Component, Judgement, Verdict};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RANGE004's declaration.
    pub static RANGE004: Warning, Range, None, "The engines that read this field disagree for some supported platform version."
);

/// Who accepts and who rejects a version.
type Split = (Vec<Component>, Vec<Component>);

/// What RANGE004 finds: the probes on which the readers disagree, grouped by who accepts and
/// who rejects.
#[derive(Debug)]
pub struct Disagreement {
    /// The constraint as written.
    pub constraint: String,
    /// `(accepting, rejecting)` readers with the probes they split on, in probe order.
    groups: Vec<(Split, Vec<ProbeLabel>)>,
}

impl Violation for Disagreement {
    const RULE: &'static Rule = &RANGE004;

    fn message(&self) -> Message {
        let cells: usize = self.groups.iter().map(|(_, l)| l.len()).sum();
        crate::msg!("range004-message", constraint = self.constraint, cells = Arg::from(cells))
    }

    fn help(&self) -> Message {
        let names = |cs: &[Component]| join(LIST_AND, cs.iter().map(|c| c.name()));
        let differences = join(
            LIST_SEMICOLON,
            self.groups.iter().map(|((acc, rej), labels)| {
                crate::msg!(
                    "range004-difference",
                    versions = summarize_labels(labels),
                    accepting = names(acc),
                    accepting_count = Arg::from(acc.len()),
                    rejecting = names(rej),
                    rejecting_count = Arg::from(rej.len())
                )
            }),
        );
        crate::msg!("range004-help", differences)
    }
}

/// Reports readers that parse the constraint but give different verdicts on a supported
/// version (a plain release or a vendor build). Parse failures are RANGE001's and RANGE002's.
pub(super) fn check(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    let mut groups: Vec<(Split, Vec<ProbeLabel>)> = Vec::new();
    for probe in &site.probes {
        let verdicts: Vec<Judgement> = site
            .readers
            .iter()
            .filter_map(|&c| judge_one(site, c, &probe.version))
            .filter(|j| matches!(j.verdict, Verdict::Accepted | Verdict::Rejected))
            .collect();
        let accepting: Vec<Component> = verdicts.iter().filter(|j| j.verdict.admits()).map(|j| j.component).collect();
        let rejecting: Vec<Component> = verdicts.iter().filter(|j| !j.verdict.admits()).map(|j| j.component).collect();
        if accepting.is_empty() || rejecting.is_empty() {
            continue;
        }
        let key = (accepting, rejecting);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, labels)) => labels.push(probe.label.clone()),
            None => groups.push((key, vec![probe.label.clone()])),
        }
    }
    if groups.is_empty() {
        return;
    }
    out.push(site.report(&Disagreement { constraint: site.shown(), groups }, site.span));
}

/// Groups labels such as `EKS 1.21`, `EKS 1.22`, `GKE 1.21` into `EKS 1.21–1.22, GKE 1.21`;
/// other labels are listed as they are.
fn summarize_labels(labels: &[ProbeLabel]) -> Message {
    let mut by_prefix: Vec<(String, Vec<u32>)> = Vec::new();
    let mut plain: Vec<Message> = Vec::new();
    for label in labels {
        let parsed = match label {
            ProbeLabel::Named(name) => name
                .rsplit_once(" 1.")
                .and_then(|(prefix, minor)| Some((prefix.to_string(), minor.parse::<u32>().ok()?))),
            ProbeLabel::KubeSphereRc(_) => None,
        };
        match parsed {
            Some((prefix, minor)) => match by_prefix.iter_mut().find(|(p, _)| *p == prefix) {
                Some((_, minors)) => minors.push(minor),
                None => by_prefix.push((prefix, vec![minor])),
            },
            None => plain.push(label.message()),
        }
    }
    let parts = by_prefix.into_iter().map(|(prefix, minors)| {
        let (lo, hi) = (minors[0], minors[minors.len() - 1]);
        let contiguous = minors.windows(2).all(|w| w[1] == w[0] + 1);
        let text = if lo == hi {
            format!("{prefix} 1.{lo}")
        } else if contiguous {
            format!("{prefix} 1.{lo}–1.{hi}")
        } else {
            format!("{prefix} {}", minors.iter().map(|m| format!("1.{m}")).collect::<Vec<_>>().join(", "))
        };
        crate::msg!("range-text", text)
    });
    join(LIST_COMMA, parts.chain(plain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn verbs_agree_with_their_subjects() {
        let one = vec![Component::KubeSphereConsole];
        let two = vec![Component::KubeSphereServer, Component::Helm319];
        let finding = |groups| Disagreement { constraint: "`kubeVersion: x`".into(), groups };
        let label = || vec![ProbeLabel::Named("EKS 1.21".into())];
        assert_eq!(
            finding(vec![((one.clone(), two.clone()), label())])
                .help()
                .render(Lang::En)
                .split(". Users")
                .next()
                .unwrap(),
            "EKS 1.21: KubeSphere console accepts, KubeSphere server (ks-core recommended version) and Helm ≥ 3.19 at install reject"
        );
        let two_cells = finding(vec![((two, one), vec![label()[0].clone(), ProbeLabel::Named("GKE 1.21".into())])]);
        assert!(two_cells.message().render(Lang::En).ends_with("disagree on 2 supported versions"));
        assert!(two_cells.help().render(Lang::En).starts_with("EKS 1.21, GKE 1.21: KubeSphere server"));
        assert!(two_cells.help().render(Lang::En).contains("at install accept, KubeSphere console rejects"));
    }

    #[test]
    fn labels_are_grouped() {
        let mut labels: Vec<ProbeLabel> = ["EKS 1.21", "EKS 1.22", "EKS 1.23", "GKE 1.21", "GKE 1.23", "Rancher 2.10"]
            .iter()
            .map(|s| ProbeLabel::Named(s.to_string()))
            .collect();
        labels.push(ProbeLabel::KubeSphereRc("4.1".into()));
        assert_eq!(
            summarize_labels(&labels).render(Lang::En),
            "EKS 1.21–1.23, GKE 1.21, 1.23, Rancher 2.10, a KubeSphere 4.1 rc build"
        );
        assert_eq!(
            summarize_labels(&labels).render(Lang::ZhCn),
            "EKS 1.21–1.23、GKE 1.21, 1.23、Rancher 2.10、KubeSphere 4.1 的 rc 构建"
        );
    }
}
