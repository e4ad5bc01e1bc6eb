//! RANGE003: a bound lacks `-0`, so vendor Kubernetes builds and rc platform builds are
//! rejected by Masterminds (semver-and-peers.md). Docs: `docs/rules/RANGE003.md` and
//! `docs/rules/zh/RANGE003.md`; fixture: `tests/fixtures/RANGE003/`.

use super::{ProbeLabel, Site, judge_one};
use crate::diagnostic::Diagnostic;
use crate::i18n::Message;
use crate::semver::judge::{self, Component, Verdict};
use crate::semver::rewrite;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RANGE003's declaration.
    pub static RANGE003: Warning, Range, Safe, "A bound lacks `-0`, so vendor Kubernetes builds and rc platform builds are rejected."
);

/// What RANGE003 finds: a Masterminds reader that accepts a release but rejects its vendor
/// or rc build.
#[derive(Debug)]
pub struct PrereleaseRejected<'a> {
    /// The constraint as written.
    pub constraint: String,
    /// The reader.
    pub component: Component,
    /// The build it rejects, as named in messages.
    probe: &'a ProbeLabel,
    /// That build's version (`v1.28.3-eks-2d98532`).
    pub version: &'a str,
    /// The release it stands for, which the reader accepts (`v1.28.3`).
    pub twin: &'a str,
    /// Why the reader rejects the build: [`judge::Judgement::reason`] without its verdict.
    pub reason: String,
}

impl Violation for PrereleaseRejected<'_> {
    const RULE: &'static Rule = &RANGE003;

    fn message(&self) -> Message {
        crate::msg!(
            "range003-message",
            constraint = self.constraint,
            component = self.component.name(),
            probe = self.probe.message(),
            version = self.version,
            twin = self.twin
        )
    }

    fn help(&self) -> Message {
        crate::msg!("range003-help", reason = self.reason)
    }
}

/// Reports the first build a Masterminds reader rejects while it accepts the release.
pub(super) fn check(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    for probe in &site.probes {
        let Some(twin) = &probe.release_twin else { continue };
        for &c in site.readers {
            if !matches!(c.engine(), judge::Engine::Masterminds(_)) {
                continue;
            }
            let (Some(release), Some(build)) = (judge_one(site, c, twin), judge_one(site, c, &probe.version)) else {
                continue;
            };
            if !(release.verdict == Verdict::Accepted && build.verdict == Verdict::Rejected) {
                continue;
            }
            let finding = PrereleaseRejected {
                constraint: site.shown(),
                component: c,
                probe: &probe.label,
                version: &probe.version,
                twin,
                reason: build
                    .reason
                    .split_once(": ")
                    .map_or(build.reason.as_str(), |(_, r)| r)
                    .trim_end_matches('.')
                    .to_string(),
            };
            let mut d = site.report(&finding, site.span);
            if let Some(r) = rewrite::prerelease_floor(&site.value) {
                d = d.with_fix(site.rewrite_fix(&r));
            }
            out.push(d);
            return;
        }
    }
}
