//! One constraint against one version, as every platform component judges it: the report behind
//! `extcheck range` and the web app's range playground.

use serde::Serialize;

use super::judge::{self, Field, Judgement, Verdict};
use super::rewrite::{self, Portability, Rewrite};

impl Field {
    /// Every field, in display order.
    pub const ALL: [Field; 6] = [
        Field::KubeVersion,
        Field::KsVersion,
        Field::RancherVersion,
        Field::UiVersion,
        Field::UiExtensionsVersion,
        Field::UiExtensionsHost,
    ];

    /// The command-line name: `kube-version`, `ks-version`, `rancher-version`, `ui-version`,
    /// `ui-extensions-version`, `ui-extensions-host`.
    pub const fn name(self) -> &'static str {
        match self {
            Field::KubeVersion => "kube-version",
            Field::KsVersion => "ks-version",
            Field::RancherVersion => "rancher-version",
            Field::UiVersion => "ui-version",
            Field::UiExtensionsVersion => "ui-extensions-version",
            Field::UiExtensionsHost => "ui-extensions-host",
        }
    }

    /// What the version is, for a label: `Kubernetes version (GitVersion)` etc.
    pub const fn version_label(self) -> &'static str {
        match self {
            Field::KubeVersion => "Kubernetes version (cluster GitVersion, e.g. v1.28.3-gke.100)",
            Field::KsVersion => "KubeSphere version (e.g. v4.1.3)",
            Field::RancherVersion | Field::UiVersion => "Rancher version (e.g. v2.10.1, v2.8.1-rc1)",
            Field::UiExtensionsVersion => "Extensions API version (shell version, e.g. 3.0.2-rc.6)",
            Field::UiExtensionsHost => "ignored",
        }
    }

    /// The field named `name` (see [`Field::name`]; `kubeVersion`, `ksVersion` and the
    /// `catalog.cattle.io/` prefix are accepted too).
    pub fn from_name(name: &str) -> Option<Field> {
        let n = name.trim().trim_start_matches("catalog.cattle.io/");
        match n {
            "kubeVersion" => Some(Field::KubeVersion),
            "ksVersion" => Some(Field::KsVersion),
            _ => Field::ALL.into_iter().find(|f| f.name() == n),
        }
    }
}

/// Every component's verdict on `constraint` for `version`, with the constraint's
/// portability and the safe rewrite, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConstraintReport {
    /// The constraint as given.
    pub constraint: String,
    /// The current version as given.
    pub version: String,
    /// The field (decides which components read it and how they obtain the version).
    pub field: Field,
    /// Whether each dialect parses it.
    pub portability: Portability,
    /// One judgement per component that reads the field.
    pub judgements: Vec<Judgement>,
    /// The meaning-preserving rewrite that makes it portable and vendor-build safe, if any.
    pub suggestion: Option<Rewrite>,
}

/// Judges `constraint` against `version` for `field` with every component that reads it.
pub fn report(constraint: &str, version: &str, field: Field) -> ConstraintReport {
    ConstraintReport {
        constraint: constraint.to_string(),
        version: version.to_string(),
        field,
        portability: rewrite::portability(constraint),
        judgements: judge::judge_all(constraint, version, field),
        suggestion: rewrite::fix_all(constraint),
    }
}

/// A verdict as a short word with a symbol: `✓ accepted`, `✗ rejected`, ...
pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Accepted => "✓ accepted",
        Verdict::Rejected => "✗ rejected",
        Verdict::Ignored => "~ ignored",
        Verdict::InvalidConstraint => "✗ invalid constraint",
        Verdict::InvalidVersion => "✗ invalid version",
    }
}

/// The report as aligned text for a terminal.
pub fn to_text(r: &ConstraintReport) -> String {
    let mut out = format!("constraint: {}\nversion:    {}  ({})\n\n", r.constraint, r.version, r.field.name());
    let width = r.judgements.iter().map(|j| j.component_label.chars().count()).max().unwrap_or(0);
    for j in &r.judgements {
        let reason = j.reason.split_once(": ").map_or(j.reason.as_str(), |(_, rest)| rest);
        out.push_str(&format!(
            "  {:<20} {:<width$}  {}\n  {:<20} {}\n",
            verdict_label(j.verdict),
            j.component_label,
            j.engine_label,
            "",
            reason
        ));
    }
    let p = &r.portability;
    out.push('\n');
    if p.portable {
        out.push_str("portable: parses in Masterminds (3.3 and ≥ 3.4) and node-semver 7.5.4\n");
    } else {
        for (name, err) in [
            ("Masterminds ≤ 3.3", &p.masterminds_3_3),
            ("Masterminds ≥ 3.4", &p.masterminds_3_4),
            ("node-semver 7.5.4", &p.node),
        ] {
            if let Some(e) = err {
                out.push_str(&format!("does not parse in {name}: {e}\n"));
            }
        }
    }
    if let Some(s) = &r.suggestion {
        out.push_str(&format!("suggested rewrite (same verdicts on releases, safe for vendor builds): {}\n", s.text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_example() {
        let r = report(">=1.19.0-0 <1.30.0", "v1.28.3-gke.100", Field::KubeVersion);
        let verdict = |c: judge::Component| r.judgements.iter().find(|j| j.component == c).map(|j| j.verdict);
        assert_eq!(verdict(judge::Component::KubeSphereServer), Some(Verdict::Rejected));
        assert_eq!(verdict(judge::Component::Helm319), Some(Verdict::Accepted));
        assert_eq!(verdict(judge::Component::KubeSphereConsole), Some(Verdict::Accepted));
        let text = to_text(&r);
        assert!(
            text.contains("1.28.3-gke.100 is a prerelease and comparator <1.30.0 has none (Masterminds ≤ 3.3)"),
            "{text}"
        );
        assert_eq!(r.suggestion.as_ref().map(|s| s.text.as_str()), Some(">=1.19.0-0 <1.30.0-0"));
    }

    #[test]
    fn field_names_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(Field::from_name("catalog.cattle.io/rancher-version"), Some(Field::RancherVersion));
        assert_eq!(Field::from_name("kubeVersion"), Some(Field::KubeVersion));
        assert_eq!(Field::from_name("nope"), None);
    }
}
