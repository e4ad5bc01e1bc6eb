//! The platform judges: engine plus how each component obtains the current version.

use extcheck_core::semver::judge::{
    Component, Context, Field, Verdict, judge, judge_all, judge_with, kubernetes_version_base, parse_rancher_version,
};
use extcheck_core::semver::node;

fn one(c: Component, f: Field, constraint: &str, version: &str) -> extcheck_core::semver::judge::Judgement {
    judge(c, f, constraint, version).unwrap_or_else(|| panic!("{c:?} does not read {f:?}"))
}

#[test]
fn acceptance_gke_prerelease_against_half_fixed_range() {
    let all = judge_all(">=1.19.0-0 <1.30.0", "v1.28.3-gke.100", Field::KubeVersion);
    let get = |c: Component| all.iter().find(|j| j.component == c).unwrap();

    let ks = get(Component::KubeSphereServer);
    assert_eq!(ks.verdict, Verdict::Rejected);
    assert_eq!(ks.compared_version, "1.28.3-gke.100");
    assert_eq!(
        ks.reason,
        "rejected: 1.28.3-gke.100 is a prerelease and comparator <1.30.0 has none (Masterminds ≤ 3.3)"
    );
    let d = ks.decider.as_ref().unwrap();
    assert_eq!(d.comparator, "<1.30.0");
    assert_eq!(&">=1.19.0-0 <1.30.0"[d.span.start..d.span.end], "<1.30.0");

    let helm312 = get(Component::HelmExecutor312);
    assert_eq!(helm312.verdict, Verdict::Rejected);

    let helm = get(Component::Helm319);
    assert_eq!(helm.verdict, Verdict::Accepted);
    assert_eq!(
        helm.reason,
        "accepted: the AND group contains a prerelease comparator (>=1.19.0-0), so prereleases are admitted (Masterminds ≥ 3.4)"
    );

    let console = get(Component::KubeSphereConsole);
    assert_eq!(console.verdict, Verdict::Accepted);
    assert!(
        console.reason.contains("includePrerelease treats 1.28.3-gke.100 as a normal version"),
        "{}",
        console.reason
    );
    assert!(console.engine_label.contains("includePrerelease"));

    // Gate A: Masterminds ≥ 3.4 with the raw GitVersion: admitted per group.
    assert_eq!(get(Component::RancherBackend).verdict, Verdict::Accepted);
    // Gate B compares v1.28.3 (suffix dropped): a release, inside the range.
    let page = get(Component::RancherExtensionsPage);
    assert_eq!(page.compared_version, "1.28.3");
    assert_eq!(page.verdict, Verdict::Accepted);
    // Gate C: coerce(gitVersion) = 1.28.3.
    let load = get(Component::RancherLoadGate);
    assert_eq!(load.compared_version, "1.28.3");
    assert_eq!(load.verdict, Verdict::Accepted);
}

#[test]
fn node_same_tuple_prerelease_rule_is_explained() {
    // Without includePrerelease a prerelease needs a comparator with a prerelease on the same
    // tuple; the dashboard coerces, but the raw rule shows in a direct engine check.
    let r = node::Range::parse(">=1.19.0-0", node::Options::DEFAULT).unwrap();
    let ex = r.explain_str("1.28.3-gke.100").unwrap();
    assert!(!ex.satisfied);
    assert!(matches!(
        &ex.sets[0].outcome,
        node::SetOutcome::PrereleaseNotAllowed { other_tuple_prereleases } if other_tuple_prereleases == &vec![">=1.19.0-0".to_string()]
    ));
    let ex = r.explain_str("1.19.0-rc.1").unwrap();
    assert!(ex.satisfied);
    assert!(
        matches!(&ex.sets[0].outcome, node::SetOutcome::PrereleaseAllowedBy { comparator } if comparator == ">=1.19.0-0")
    );
}

#[test]
fn rancher_version_coercions() {
    assert_eq!(parse_rancher_version("v2.8.1-rc1").as_deref(), Some("2.8.999"));
    assert_eq!(parse_rancher_version("v2.8.1").as_deref(), Some("2.8.1"));
    assert_eq!(parse_rancher_version("v2.11.0-head").as_deref(), Some("2.11.999"));
    assert_eq!(parse_rancher_version("dev"), None);
    assert_eq!(node::coerce("3.0.2-rc.6").map(|v| v.version).as_deref(), Some("3.0.2"));
    assert_eq!(node::coerce("v1.28.3-gke.100").map(|v| v.version).as_deref(), Some("1.28.3"));
    assert_eq!(kubernetes_version_base("v1.31.4+rke2r1"), "v1.31.4");
    assert_eq!(kubernetes_version_base("v1.27.4-eks-2d98532"), "v1.27.4");
    assert_eq!(kubernetes_version_base("v1.31.4"), "v1.31.4");

    // ui-extensions-version against shell 3.0.2-rc.6 → 3.0.2: accepted by >= 3.0.0 < 4.0.0.
    let j = one(Component::RancherExtensionsPage, Field::UiExtensionsVersion, ">= 3.0.0 < 4.0.0", "3.0.2-rc.6");
    assert_eq!(j.compared_version, "3.0.2");
    assert_eq!(j.verdict, Verdict::Accepted);
    // Without the coercion node-semver would reject the prerelease.
    assert!(!node::satisfies("3.0.2-rc.6", ">= 3.0.0 < 4.0.0", node::Options::DEFAULT));

    // rc builds of Rancher become x.y.999.
    let j = one(Component::RancherLoadGate, Field::RancherVersion, ">= 2.8.0 < 2.8.5", "v2.8.1-rc1");
    assert_eq!(j.compared_version, "2.8.999");
    assert_eq!(j.verdict, Verdict::Rejected);
    assert!(j.reason.contains("comparator <2.8.5"), "{}", j.reason);
}

#[test]
fn comma_range_is_invalid_in_node_and_valid_in_masterminds() {
    let j = one(Component::RancherExtensionsPage, Field::RancherVersion, ">= 2.10.0, < 2.11.0", "v2.10.1");
    assert_eq!(j.verdict, Verdict::InvalidConstraint);
    assert!(!j.verdict.admits());
    let p = j.constraint_error.as_ref().unwrap();
    assert_eq!(p.message, "Invalid comparator: >=2.10.0,");
    assert_eq!(&">= 2.10.0, < 2.11.0"[p.span.start..p.span.end], ">= 2.10.0,");
    assert!(p.hint.as_deref().unwrap().contains("comma"));
    let b = one(Component::RancherBackend, Field::RancherVersion, ">= 2.10.0, < 2.11.0", "v2.10.1");
    assert_eq!(b.verdict, Verdict::Accepted);
}

#[test]
fn v_prefix_inside_node_range_is_valid() {
    assert_eq!(node::valid_range(">= v1.16.0-0", node::Options::DEFAULT).as_deref(), Some(">=1.16.0-0"));
    let j = one(Component::RancherLoadGate, Field::KubeVersion, ">= v1.16.0-0", "v1.31.4+k3s1");
    assert_eq!(j.verdict, Verdict::Accepted);
}

#[test]
fn not_equal_is_invalid_in_node_with_a_hint() {
    let e = node::Range::parse("!=2.11.0", node::Options::DEFAULT).unwrap_err();
    assert_eq!(e.message, "Invalid comparator: !=2.11.0");
    assert_eq!((e.span.start, e.span.end), (0, 8));
    assert_eq!(e.hint.as_deref(), Some("node-semver has no `!=` operator"));
    let e = node::Range::parse(">=1.0.0 || != 2.11.0", node::Options::DEFAULT).unwrap_err();
    assert_eq!(e.message, "Invalid comparator: !=2.11.0");
    assert_eq!(&">=1.0.0 || != 2.11.0"[e.span.start..e.span.end], "!= 2.11.0");
}

#[test]
fn unparsable_constraints_per_component() {
    let bad = ">=1.19.0,, <2";
    let ks = one(Component::KubeSphereServer, Field::KubeVersion, bad, "v1.28.3");
    assert_eq!(ks.verdict, Verdict::InvalidConstraint);
    assert!(!ks.verdict.admits());
    let p = ks.constraint_error.as_ref().unwrap();
    assert_eq!(p.message, "improper constraint: >=1.19.0,, <2");
    assert_eq!((p.span.start, p.span.end), (0, bad.len()));
    assert_eq!(one(Component::Helm319, Field::KubeVersion, bad, "v1.28.3").verdict, Verdict::InvalidConstraint);
    let gate_a = one(Component::RancherBackend, Field::KubeVersion, bad, "v1.28.3");
    assert_eq!(gate_a.verdict, Verdict::Ignored);
    assert!(gate_a.verdict.admits());
    assert!(gate_a.reason.starts_with("ignored: the constraint does not parse"), "{}", gate_a.reason);
}

#[test]
fn gate_a_strips_the_rancher_prerelease_after_validate() {
    // v2.10.0-rc1 is a prerelease; Validate reports the prerelease message, so Rancher checks
    // 2.10.0 instead.
    let j = one(Component::RancherBackend, Field::RancherVersion, ">= 2.10.0 < 2.11.0", "v2.10.0-rc1");
    assert_eq!(j.verdict, Verdict::Accepted);
    assert_eq!(j.compared_version, "2.10.0");
    assert!(j.reason.contains("prerelease was stripped"), "{}", j.reason);
    // A real failure stays a failure after stripping.
    let j = one(Component::RancherBackend, Field::RancherVersion, ">= 2.11.0", "v2.10.0-rc1");
    assert_eq!(j.verdict, Verdict::Rejected);
    // Non-release builds are not filtered at all.
    let j = one(Component::RancherBackend, Field::RancherVersion, ">= 2.11.0", "v2.10.0-head");
    assert_eq!(j.verdict, Verdict::Ignored);
    let ctx = Context { rancher_version: Some("v2.12.0-head".into()) };
    let j = judge_with(Component::RancherBackend, Field::KubeVersion, "< 1.20.0", "v1.30.1", &ctx).unwrap();
    assert_eq!(j.verdict, Verdict::Ignored);
    let ctx = Context { rancher_version: Some("v2.12.0".into()) };
    let j = judge_with(Component::RancherBackend, Field::KubeVersion, "< 1.20.0", "v1.30.1", &ctx).unwrap();
    assert_eq!(j.verdict, Verdict::Rejected);
}

#[test]
fn host_annotation_bug_on_extensions_page() {
    let j = one(Component::RancherExtensionsPage, Field::UiExtensionsHost, "rancher-manager", "");
    assert_eq!(j.verdict, Verdict::Rejected);
    assert!(j.reason.contains("always false"));
    let j = one(Component::RancherLoadGate, Field::UiExtensionsHost, "rancher-manager", "");
    assert_eq!(j.verdict, Verdict::Accepted);
    let j = one(Component::RancherLoadGate, Field::UiExtensionsHost, "other", "");
    assert_eq!(j.verdict, Verdict::Rejected);
}

#[test]
fn missing_ui_extensions_version_is_rejected_on_2_10() {
    for c in [Component::RancherExtensionsPage, Component::RancherLoadGate] {
        let j = one(c, Field::UiExtensionsVersion, "", "3.0.2");
        assert_eq!(j.verdict, Verdict::Rejected);
        assert!(j.reason.contains("missing"));
    }
}

#[test]
fn empty_constraints_match_where_the_platform_skips_them() {
    for c in [Component::KubeSphereServer, Component::Helm319, Component::KubeSphereConsole] {
        assert_eq!(one(c, Field::KubeVersion, "", "v1.28.3-gke.100").verdict, Verdict::Accepted);
    }
}

#[test]
fn fields_outside_a_component_are_not_judged() {
    assert!(judge(Component::Helm319, Field::KsVersion, ">=4.0.0", "v4.1.3").is_none());
    assert!(judge(Component::RancherLoadGate, Field::UiVersion, ">=2.10.0", "v2.10.1").is_none());
    let ks = judge_all(">=4.0.0-0", "v4.1.3", Field::KsVersion);
    let comps: Vec<Component> = ks.iter().map(|j| j.component).collect();
    assert_eq!(comps, vec![Component::KubeSphereServer, Component::KubeSphereConsole]);
}

#[test]
fn masterminds_or_groups_are_all_reported() {
    let j = one(Component::KubeSphereServer, Field::KubeVersion, "<1.20 || >=1.35.0", "v1.28.3");
    assert_eq!(j.verdict, Verdict::Rejected);
    assert!(j.reason.starts_with("rejected by every OR group: OR group 1: comparator <1.20"), "{}", j.reason);
    assert!(j.reason.contains("OR group 2: comparator >=1.35.0: 1.28.3 is less than 1.35.0"), "{}", j.reason);
}

#[test]
fn judgements_serialise_to_json() {
    let j = one(Component::KubeSphereServer, Field::KubeVersion, ">=1.19.0-0 <1.30.0", "v1.28.3-gke.100");
    let v = serde_json::to_value(&j).unwrap();
    assert_eq!(v["verdict"], "rejected");
    assert_eq!(v["component"], "kube_sphere_server");
    assert_eq!(v["engine_label"], "Masterminds ≤ 3.3");
    assert_eq!(v["decider"]["span"]["start"], 11);
}

#[test]
fn helm_3_12_parses_versions_like_masterminds_3_2() {
    // Masterminds 3.2 (Helm 3.12) accepts leading zeros like 3.4; 3.3 (ks-core) does not.
    let ks = one(Component::KubeSphereServer, Field::KubeVersion, ">=01.19.0", "v1.28.3");
    assert_eq!(ks.verdict, Verdict::InvalidConstraint);
    assert_eq!(ks.constraint_error.unwrap().message, "constraint Parser Error");
    let helm = one(Component::HelmExecutor312, Field::KubeVersion, ">=01.19.0", "v1.28.3");
    assert_eq!(helm.verdict, Verdict::Accepted);
    assert_eq!(helm.engine_label, "Masterminds 3.2");
    // …with the per-comparator prerelease rule of 3.3.
    let helm = one(Component::HelmExecutor312, Field::KubeVersion, ">=1.19.0-0 <1.30.0", "v1.28.3-gke.100");
    assert_eq!(helm.verdict, Verdict::Rejected);
}

#[test]
fn masterminds_errors_pinpoint_the_bytes_at_fault() {
    use extcheck_core::semver::masterminds::{Constraints, Profile};
    let cases: &[(&str, &str, &str)] = &[
        (">=1.19.0,, <2", ",,", "two commas in a row"),
        (">=1.19.0, <2,", ",", "trailing comma"),
        (">=1.0 || >=2.0 foo", "foo", "unexpected `foo`"),
        (">=1.0 <2.0 && >3", "&&", "unexpected `&&`"),
        ("", "", "empty constraint"),
        (">=1.2.3 || ", " ", "empty constraint"),
    ];
    for (c, at, hint) in cases {
        let e = Constraints::parse(c, Profile::V3_4).unwrap_err();
        assert!(e.message.starts_with("improper constraint: "), "{c:?}: {e:?}");
        let culprit = e.culprit.unwrap_or_else(|| panic!("{c:?}: no culprit"));
        assert_eq!(&c[culprit.start..culprit.end], *at, "{c:?}");
        assert!(e.hint.as_deref().unwrap().contains(hint), "{c:?}: {:?}", e.hint);
    }
    // The OR segment itself is the span; offsets are in the original string.
    let e = Constraints::parse(">=1.0 || >=2.0 foo", Profile::V3_4).unwrap_err();
    assert_eq!((e.span.start, e.span.end), (8, 18));
    assert_eq!(e.message, "improper constraint:  >=2.0 foo");
    // A version that NewVersion rejects: the comparator's span and a hint.
    let e = Constraints::parse(">=1.0 <01.5", Profile::V3_3).unwrap_err();
    assert_eq!(e.message, "constraint Parser Error");
    assert_eq!(&">=1.0 <01.5"[e.span.start..e.span.end], "<01.5");
    assert!(e.hint.unwrap().contains("leading zeros"));
}
