//! Platform judges: each platform component that evaluates a version constraint, modelled as
//! *engine* (a Masterminds line or node-semver with options) plus *how the component obtains
//! the current version* (raw `GitVersion`, `coerce`, `parseRancherVersion`, …), per
//! `docs/platforms/kubesphere.md` §3, `docs/platforms/rancher.md` §3 and
//! `docs/platforms/semver-and-peers.md` §B1–B2.
//!
//! [`judge`] answers for one component and field; [`judge_all`] for every component that reads
//! the field. Every [`Judgement`] carries a reason that names the comparator or rule that
//! decided, e.g. `rejected: 1.28.3-gke.100 is a prerelease and comparator <1.30.0 has none
//! (Masterminds ≤ 3.3)`.

use serde::Serialize;

use super::masterminds::{self, Profile};
use super::node::{self, RangeExplanation, SetOutcome};
use crate::syntax::Span;

/// Parsed constraints and versions, kept per thread: a compatibility matrix judges the same
/// few constraints against a few hundred probe versions, and parsing (regular expressions)
/// dominated its cost. Each memo is cleared when it reaches [`MEMO_CAPACITY`] entries.
mod memo {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::hash::Hash;
    use std::rc::Rc;
    use std::thread::LocalKey;

    use super::{masterminds, node};

    /// Entries per memo before it is cleared.
    pub const MEMO_CAPACITY: usize = 2000;

    type Table<K, V> = RefCell<HashMap<K, Rc<V>>>;

    /// A memo key's text, hashed by its length and at most 256 bytes from each end: a constraint
    /// of 100 KB is looked up once per matrix cell and patch release, and SipHash over all of it
    /// dominated the check. Equality still compares the whole text, so this only affects speed.
    #[derive(PartialEq, Eq)]
    struct Text(String);

    impl Hash for Text {
        fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
            const EDGE: usize = 256;
            let b = self.0.as_bytes();
            state.write_usize(b.len());
            if b.len() <= 2 * EDGE {
                state.write(b);
            } else {
                state.write(&b[..EDGE]);
                state.write(&b[b.len() - EDGE..]);
            }
        }
    }

    thread_local! {
        static MM_CONSTRAINTS: Table<(Text, masterminds::Profile), Result<masterminds::Constraints, masterminds::ConstraintError>> = RefCell::default();
        static MM_VERSIONS: Table<(Text, masterminds::Line), Result<masterminds::Version, masterminds::VersionError>> = RefCell::default();
        static NODE_RANGES: Table<(Text, node::Options), Result<node::Range, node::NodeError>> = RefCell::default();
        static NODE_VERSIONS: Table<(Text, node::Options), Result<node::SemVer, node::NodeError>> = RefCell::default();
    }

    fn get<K: Hash + Eq, V>(table: &'static LocalKey<Table<K, V>>, key: K, make: impl FnOnce() -> V) -> Rc<V> {
        if let Some(hit) = table.with(|t| t.borrow().get(&key).cloned()) {
            return hit;
        }
        let value = Rc::new(make());
        table.with(|t| {
            let mut t = t.borrow_mut();
            if t.len() >= MEMO_CAPACITY {
                t.clear();
            }
            t.insert(key, value.clone());
        });
        value
    }

    pub fn mm_constraints(
        c: &str,
        p: masterminds::Profile,
    ) -> Rc<Result<masterminds::Constraints, masterminds::ConstraintError>> {
        get(&MM_CONSTRAINTS, (Text(c.to_string()), p), || masterminds::Constraints::parse(c, p))
    }

    pub fn mm_version(v: &str, line: masterminds::Line) -> Rc<Result<masterminds::Version, masterminds::VersionError>> {
        get(&MM_VERSIONS, (Text(v.to_string()), line), || masterminds::Version::parse(v, line))
    }

    pub fn node_range(r: &str, o: node::Options) -> Rc<Result<node::Range, node::NodeError>> {
        get(&NODE_RANGES, (Text(r.to_string()), o), || node::Range::parse(r, o))
    }

    pub fn node_version(v: &str, o: node::Options) -> Rc<Result<node::SemVer, node::NodeError>> {
        get(&NODE_VERSIONS, (Text(v.to_string()), o), || node::SemVer::parse(v, o))
    }
}

/// Which platform a component belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// KubeSphere v4 (ks-core, the console, the Helm executor).
    KubeSphere,
    /// Rancher Manager (backend index filter, dashboard).
    Rancher,
}

/// A platform component that judges a constraint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// ks-core `getRecommendedExtensionVersion`/`matchVersionConstraints`: Masterminds 3.3.1
    /// `Check` against `NewVersion(GitVersion)` (raw, so `v1.28.3-gke.100` stays a
    /// prerelease); an unparsable constraint is logged and treated as incompatible.
    KubeSphereServer,
    /// Helm 3.12 (the KubeSphere executor image) at install: `IsCompatibleRange(kubeVersion,
    /// GitVersion)`. Helm 3.12 ships Masterminds 3.2.x, whose constraint and prerelease rules
    /// equal 3.3's (per comparator); only its `NewVersion` is looser (leading zeros allowed), so
    /// it is modelled exactly as [`Profile::V3_2`]. False on an unparsable constraint.
    HelmExecutor312,
    /// Helm ≥ 3.19 at install: Masterminds ≥ 3.4 (prereleases admitted per AND group),
    /// raw `GitVersion`; false on an unparsable constraint.
    Helm319,
    /// The KubeSphere console: node-semver with `{ includePrerelease: true }`, raw
    /// `gitVersion`; an empty range matches, an invalid range is not satisfied.
    KubeSphereConsole,
    /// Rancher Gate A, the backend repo-index filter (`filterReleases`, Masterminds ≥ 3.4):
    /// `rancher-version` via `Validate`, re-checked without the prerelease when a failure is
    /// the prerelease message; `kube-version` and Chart `kubeVersion` via `Check` with the raw
    /// k8s `GitVersion`; unparsable constraints are logged and the version is kept; only on
    /// release builds.
    RancherBackend,
    /// Rancher Gate B (2.10+), the Extensions page (`isSupportedChartVersion`): node-semver
    /// 7.5.4 with no options on coerced current versions.
    RancherExtensionsPage,
    /// Rancher Gate C (2.10+), the load-time gate (`shouldNotLoadPlugin`): node-semver 7.5.4
    /// with no options on coerced current versions.
    RancherLoadGate,
}

impl Component {
    /// Every component, in report order.
    pub const ALL: [Component; 7] = [
        Component::KubeSphereServer,
        Component::HelmExecutor312,
        Component::Helm319,
        Component::KubeSphereConsole,
        Component::RancherBackend,
        Component::RancherExtensionsPage,
        Component::RancherLoadGate,
    ];

    /// A human label.
    pub const fn label(self) -> &'static str {
        match self {
            Component::KubeSphereServer => "KubeSphere server (ks-core recommended version)",
            Component::HelmExecutor312 => "Helm 3.12 at install (KubeSphere executor)",
            Component::Helm319 => "Helm ≥ 3.19 at install",
            Component::KubeSphereConsole => "KubeSphere console",
            Component::RancherBackend => "Rancher backend index filter (Gate A)",
            Component::RancherExtensionsPage => "Rancher Extensions page, 2.10+ (Gate B)",
            Component::RancherLoadGate => "Rancher load-time gate, 2.10+ (Gate C)",
        }
    }

    /// The component's name in messages, in the message's language ([`Component::label`] in
    /// English).
    pub fn name(self) -> crate::i18n::Message {
        crate::i18n::Message::new(match self {
            Component::KubeSphereServer => "range-component-kubesphere-server",
            Component::HelmExecutor312 => "range-component-helm-executor-312",
            Component::Helm319 => "range-component-helm-319",
            Component::KubeSphereConsole => "range-component-kubesphere-console",
            Component::RancherBackend => "range-component-rancher-backend",
            Component::RancherExtensionsPage => "range-component-rancher-extensions-page",
            Component::RancherLoadGate => "range-component-rancher-load-gate",
        })
    }

    /// The platforms that run this component (Helm serves both).
    pub const fn platforms(self) -> &'static [Platform] {
        match self {
            Component::KubeSphereServer | Component::KubeSphereConsole => &[Platform::KubeSphere],
            Component::HelmExecutor312 => &[Platform::KubeSphere],
            Component::Helm319 => &[Platform::KubeSphere, Platform::Rancher],
            Component::RancherBackend | Component::RancherExtensionsPage | Component::RancherLoadGate => {
                &[Platform::Rancher]
            }
        }
    }

    /// The engine the component uses.
    pub const fn engine(self) -> Engine {
        match self {
            Component::KubeSphereServer => Engine::Masterminds(Profile::V3_3),
            Component::HelmExecutor312 => Engine::Masterminds(Profile::V3_2),
            Component::Helm319 | Component::RancherBackend => Engine::Masterminds(Profile::V3_4),
            Component::KubeSphereConsole => Engine::Node(node::Options::INCLUDE_PRERELEASE),
            Component::RancherExtensionsPage | Component::RancherLoadGate => Engine::Node(node::Options::DEFAULT),
        }
    }

    /// The fields this component reads.
    pub const fn fields(self) -> &'static [Field] {
        match self {
            Component::KubeSphereServer | Component::KubeSphereConsole => &[Field::KubeVersion, Field::KsVersion],
            Component::HelmExecutor312 | Component::Helm319 => &[Field::KubeVersion],
            Component::RancherBackend => &[Field::KubeVersion, Field::RancherVersion],
            Component::RancherExtensionsPage => &[
                Field::KubeVersion,
                Field::RancherVersion,
                Field::UiVersion,
                Field::UiExtensionsVersion,
                Field::UiExtensionsHost,
            ],
            Component::RancherLoadGate => {
                &[Field::KubeVersion, Field::RancherVersion, Field::UiExtensionsVersion, Field::UiExtensionsHost]
            }
        }
    }

    /// Whether the component reads `field`.
    pub fn reads(self, field: Field) -> bool {
        self.fields().contains(&field)
    }
}

/// The field whose constraint is judged; the current version passed to [`judge`] is the one
/// the field is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// KubeSphere `kubeVersion`, Chart `kubeVersion`, or `catalog.cattle.io/kube-version`;
    /// current version: the cluster's Kubernetes `GitVersion` (e.g. `v1.28.3-gke.100`).
    KubeVersion,
    /// KubeSphere `ksVersion`; current version: KubeSphere's `GitVersion` (e.g. `v4.1.3`).
    KsVersion,
    /// `catalog.cattle.io/rancher-version`; current version: Rancher's server version
    /// (e.g. `v2.10.1`, `v2.8.1-rc1`).
    RancherVersion,
    /// `catalog.cattle.io/ui-version`; current version: Rancher's server version.
    UiVersion,
    /// `catalog.cattle.io/ui-extensions-version`; current version: the shell package version
    /// (`UI_EXTENSIONS_API_VERSION`, e.g. `3.0.2-rc.6`).
    UiExtensionsVersion,
    /// `catalog.cattle.io/ui-extensions-host`; the "version" is ignored.
    UiExtensionsHost,
}

/// A range engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Engine {
    /// Masterminds/semver v3 with a profile.
    Masterminds(Profile),
    /// npm `semver` 7.5.4 with options.
    Node(node::Options),
}

impl Engine {
    /// A label such as `Masterminds ≤ 3.3` or `node-semver 7.5.4 (includePrerelease)`.
    pub fn label(self) -> String {
        match self {
            Engine::Masterminds(p) => p.label().to_string(),
            Engine::Node(o) => match (o.include_prerelease, o.loose) {
                (false, false) => "node-semver 7.5.4".to_string(),
                (true, false) => "node-semver 7.5.4 (includePrerelease)".to_string(),
                (false, true) => "node-semver 7.5.4 (loose)".to_string(),
                (true, true) => "node-semver 7.5.4 (loose, includePrerelease)".to_string(),
            },
        }
    }
}

/// What the component decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The constraint is satisfied (or not checked because it is empty).
    Accepted,
    /// The constraint is not satisfied: the version is hidden, disabled or not loaded.
    Rejected,
    /// The constraint does not parse and the component ignores it (the version is kept).
    Ignored,
    /// The constraint does not parse and the component treats that as incompatible.
    InvalidConstraint,
    /// The current version does not parse (or cannot be derived), so the check fails.
    InvalidVersion,
}

impl Verdict {
    /// Whether the component lets the extension version through.
    pub const fn admits(self) -> bool {
        matches!(self, Verdict::Accepted | Verdict::Ignored)
    }
}

/// The comparator or rule that decided, with its place in the constraint string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decider {
    /// The comparator as the engine sees it (Masterminds: as written; node: normalised).
    pub comparator: String,
    /// Byte range in the constraint (the comparator, or its OR group for node).
    pub span: Span,
}

/// One component's judgement of a constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// The component.
    pub component: Component,
    /// The component's label.
    pub component_label: &'static str,
    /// The field judged.
    pub field: Field,
    /// The engine's label.
    pub engine_label: String,
    /// The decision.
    pub verdict: Verdict,
    /// The version the engine compared (after the component's coercion), or the raw input
    /// when it could not be derived.
    pub compared_version: String,
    /// Why, naming the deciding comparator or rule and the engine.
    pub reason: String,
    /// The deciding comparator, when one comparator decided.
    pub decider: Option<Decider>,
    /// The parse error of the constraint, with its span, when it did not parse.
    pub constraint_error: Option<ConstraintProblem>,
}

/// A constraint parse error as reported in a [`Judgement`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConstraintProblem {
    /// The engine's message.
    pub message: String,
    /// Byte range in the constraint.
    pub span: Span,
    /// The exact bytes at fault, when known (inside `span`).
    pub culprit: Option<Span>,
    /// A hint, e.g. that node-semver has no `!=`.
    pub hint: Option<String>,
}

/// Extra facts some components need.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Rancher's server version, when known: Gate A filters only on release builds
    /// (`settings.IsRelease()`: not containing `head` and matching `^v[0-9]`). When `None`,
    /// a release build is assumed for the Kubernetes fields; for [`Field::RancherVersion`] the
    /// current version itself is used.
    pub rancher_version: Option<String>,
}

/// Judges `constraint` for `field` as `component` does, with the current version
/// `current_version` (see [`Field`] for what it is). Returns `None` when the component does
/// not read the field.
pub fn judge(component: Component, field: Field, constraint: &str, current_version: &str) -> Option<Judgement> {
    judge_with(component, field, constraint, current_version, &Context::default())
}

/// [`judge`] for every component that reads `field`, in [`Component::ALL`] order.
pub fn judge_all(constraint: &str, current_version: &str, field: Field) -> Vec<Judgement> {
    Component::ALL.iter().filter_map(|&c| judge(c, field, constraint, current_version)).collect()
}

/// [`judge`] with a [`Context`].
pub fn judge_with(
    component: Component,
    field: Field,
    constraint: &str,
    current_version: &str,
    ctx: &Context,
) -> Option<Judgement> {
    if !component.reads(field) {
        return None;
    }
    let engine = component.engine();
    let mut j = Judgement {
        component,
        component_label: component.label(),
        field,
        engine_label: engine.label(),
        verdict: Verdict::Accepted,
        compared_version: current_version.to_string(),
        reason: String::new(),
        decider: None,
        constraint_error: None,
    };
    match component {
        Component::KubeSphereServer | Component::HelmExecutor312 | Component::Helm319 => {
            if constraint.is_empty() {
                j.reason = "accepted: the constraint is empty, so it is not checked".into();
                return Some(j);
            }
            let Engine::Masterminds(profile) = engine else { unreachable!() };
            let on_invalid = Verdict::InvalidConstraint;
            masterminds_check(&mut j, profile, constraint, current_version, on_invalid);
        }
        Component::RancherBackend => rancher_backend(&mut j, constraint, current_version, ctx),
        Component::KubeSphereConsole => {
            if constraint.is_empty() {
                j.reason = "accepted: the range is empty (`if (!range) return true`)".into();
                return Some(j);
            }
            node_check(&mut j, node::Options::INCLUDE_PRERELEASE, constraint, current_version);
        }
        Component::RancherExtensionsPage | Component::RancherLoadGate => {
            rancher_dashboard(&mut j, constraint, current_version)
        }
    }
    Some(j)
}

fn mm_label(profile: Profile) -> &'static str {
    profile.label()
}

fn masterminds_check(j: &mut Judgement, profile: Profile, constraint: &str, version: &str, on_invalid: Verdict) {
    let label = mm_label(profile);
    let parsed = memo::mm_constraints(constraint, profile);
    let c = match parsed.as_ref() {
        Ok(c) => c,
        Err(e) => {
            j.verdict = on_invalid;
            j.reason = match on_invalid {
                Verdict::Ignored => {
                    format!("ignored: the constraint does not parse ({}); the version is kept ({label})", e.message)
                }
                _ => format!(
                    "incompatible: the constraint does not parse ({}), which counts as not satisfied ({label})",
                    e.message
                ),
            };
            j.constraint_error = Some(ConstraintProblem {
                message: e.message.clone(),
                span: e.span,
                culprit: e.culprit,
                hint: e.hint.clone(),
            });
            return;
        }
    };
    let parsed_version = memo::mm_version(version, profile.line);
    let v = match parsed_version.as_ref() {
        Ok(v) => v,
        Err(e) => {
            j.verdict = Verdict::InvalidVersion;
            j.reason = format!("the current version {version:?} does not parse: {e} ({label})");
            return;
        }
    };
    j.compared_version = v.to_string();
    let ex = c.explain_first(v, MAX_GROUPS_IN_REASON);
    mm_reason(j, &ex, c.groups.len(), v, profile);
}

/// Builds verdict and reason from a Masterminds explanation.
fn mm_reason(
    j: &mut Judgement,
    ex: &masterminds::Explanation,
    groups: usize,
    v: &masterminds::Version,
    profile: Profile,
) {
    let label = mm_label(profile);
    if ex.satisfied {
        j.verdict = Verdict::Accepted;
        let g = ex.groups.iter().find(|g| g.satisfied).expect("a satisfied group");
        j.reason = if v.pre.is_empty() {
            format!("accepted: {v} satisfies {} ({label})", g.text)
        } else if profile.include_prerelease {
            format!("accepted: IncludePrerelease admits prereleases; {v} satisfies {} ({label})", g.text)
        } else if let (Some(true), Some(pc)) = (g.prerelease_admitted, &g.prerelease_comparator) {
            format!(
                "accepted: the AND group contains a prerelease comparator ({pc}), so prereleases are admitted ({label})"
            )
        } else {
            format!("accepted: {v} satisfies {}, whose comparators admit its prerelease ({label})", g.text)
        };
        return;
    }
    j.verdict = Verdict::Rejected;
    let reasons: Vec<String> = ex
        .groups
        .iter()
        .filter_map(|g| g.failure.as_ref().map(|f| (g, f)))
        .map(|(g, f)| {
            if f.prerelease {
                match profile.prerelease_mode() {
                    masterminds::PrereleaseMode::PerComparator => {
                        format!("{v} is a prerelease and comparator {} has none", f.comparator)
                    }
                    masterminds::PrereleaseMode::PerGroup => {
                        format!("{v} is a prerelease and no comparator of the AND group {} has one", g.text)
                    }
                }
            } else {
                format!("comparator {}: {}", f.comparator, f.message)
            }
        })
        .collect();
    if let Some(f) = ex.groups.iter().find_map(|g| g.failure.as_ref()) {
        j.decider = Some(Decider { comparator: f.comparator.clone(), span: f.span });
    }
    j.reason = if reasons.len() == 1 {
        format!("rejected: {} ({label})", reasons[0])
    } else {
        format!("rejected by every OR group: {} ({label})", or_groups(reasons.iter().enumerate(), groups))
    };
}

/// Gate A (`filterReleases`).
fn rancher_backend(j: &mut Judgement, constraint: &str, current: &str, ctx: &Context) {
    let profile = Profile::V3_4;
    let label = mm_label(profile);
    let build = match (j.field, &ctx.rancher_version) {
        (_, Some(r)) => Some(r.as_str()),
        (Field::RancherVersion, None) => Some(current),
        _ => None,
    };
    if let Some(b) = build
        && !rancher_is_release(b)
    {
        j.verdict = Verdict::Ignored;
        j.reason = format!("ignored: Rancher {b} is not a release build, so the backend does not filter the index");
        return;
    }
    if constraint.is_empty() && j.field == Field::KubeVersion {
        j.reason = "accepted: the constraint is empty, so it is not checked".into();
        return;
    }
    match j.field {
        Field::KubeVersion => {
            masterminds_check(j, profile, constraint, current, Verdict::Ignored);
        }
        Field::RancherVersion => {
            let parsed = memo::mm_constraints(constraint, profile);
            let c = match parsed.as_ref() {
                Ok(c) => c,
                Err(e) => {
                    j.verdict = Verdict::Ignored;
                    j.reason = format!(
                        "ignored: the constraint does not parse ({}); the version is kept ({label})",
                        e.message
                    );
                    j.constraint_error = Some(ConstraintProblem {
                        message: e.message.clone(),
                        span: e.span,
                        culprit: e.culprit,
                        hint: e.hint.clone(),
                    });
                    return;
                }
            };
            let parsed_version = memo::mm_version(current, profile.line);
            let v = match parsed_version.as_ref() {
                Ok(v) => v,
                Err(e) => {
                    // `semver.NewVersion(settings.ServerVersion)` failing returns the index
                    // unfiltered.
                    j.verdict = Verdict::Ignored;
                    j.reason = format!(
                        "ignored: the Rancher version {current:?} does not parse ({e}), so the index is not filtered ({label})"
                    );
                    return;
                }
            };
            j.compared_version = v.to_string();
            let groups = c.groups.len();
            match c.validate_prerelease(v) {
                Ok(()) => {
                    let ex = c.explain_first(v, MAX_GROUPS_IN_REASON);
                    mm_reason(j, &ex, groups, v, profile);
                }
                Err(true) => {
                    let mut stripped = v.clone();
                    stripped.pre.clear();
                    j.compared_version = stripped.to_string();
                    let ex = c.explain_first(&stripped, MAX_GROUPS_IN_REASON);
                    mm_reason(j, &ex, groups, &stripped, profile);
                    j.reason = format!(
                        "{} after Validate reported \"{v} is a prerelease version and the constraint is only looking for release versions\" and the prerelease was stripped",
                        j.reason
                    );
                }
                Err(false) => {
                    let ex = c.explain_first(v, MAX_GROUPS_IN_REASON);
                    mm_reason(j, &ex, groups, v, profile);
                }
            }
        }
        _ => unreachable!("Gate A reads only kube-version and rancher-version"),
    }
}

/// `settings.IsRelease()`: not a `head` build and `^v[0-9]`.
fn rancher_is_release(v: &str) -> bool {
    let b = v.as_bytes();
    !v.contains("head") && b.len() >= 2 && b[0] == b'v' && b[1].is_ascii_digit()
}

/// `parseRancherVersion` (dashboard `shell/config/uiplugins.js`): `semver.coerce(v)`, and when
/// `v` contains `-` the patch becomes `999`. `None` when nothing coerces.
pub fn parse_rancher_version(v: &str) -> Option<String> {
    let c = node::coerce(v)?;
    if v.contains('-') { Some(format!("{}.{}.999", c.major, c.minor)) } else { Some(c.version) }
}

/// `kubernetesVersion.replace(/[+-].*$/, '')`: drops everything from the first `+` or `-`
/// that is followed by no line terminator (JavaScript's `.` does not match one).
pub fn kubernetes_version_base(v: &str) -> String {
    let is_lt = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    for (i, c) in v.char_indices() {
        if (c == '+' || c == '-') && !v[i + 1..].chars().any(is_lt) {
            return v[..i].to_string();
        }
    }
    v.to_string()
}

/// Gates B and C (dashboard, node-semver 7.5.4 without options).
fn rancher_dashboard(j: &mut Judgement, constraint: &str, current: &str) {
    let page = j.component == Component::RancherExtensionsPage;
    let opts = node::Options::DEFAULT;
    match j.field {
        Field::UiExtensionsHost => {
            if constraint.is_empty() {
                j.reason = "accepted: the host annotation is not set".into();
            } else if page {
                // Bug: `semver.satisfies('rancher-manager', value)` is always false, since
                // `rancher-manager` is not a version.
                j.verdict = Verdict::Rejected;
                j.compared_version = "rancher-manager".into();
                j.reason = format!(
                    "rejected: the page calls semver.satisfies('rancher-manager', {constraint:?}), which is always false because 'rancher-manager' is not a version (a dashboard bug); do not set catalog.cattle.io/ui-extensions-host"
                );
            } else if constraint == "rancher-manager" {
                j.reason = "accepted: the host is 'rancher-manager' (compared with !==)".into();
            } else {
                j.verdict = Verdict::Rejected;
                j.reason = format!("rejected: the host {constraint:?} is not 'rancher-manager' (plugins.error.host)");
            }
            j.engine_label = "string comparison".into();
        }
        Field::UiExtensionsVersion if constraint.is_empty() => {
            j.verdict = Verdict::Rejected;
            j.reason = "rejected: catalog.cattle.io/ui-extensions-version is missing, which implies incompatibility with Rancher 2.10 and later (plugins.error.apiAnnotationMissing)".into();
        }
        _ if constraint.is_empty() => {
            j.reason = "accepted: the annotation is empty, so it is not checked".into();
        }
        field => {
            let derived = match (field, page) {
                (Field::KubeVersion, true) => Some(kubernetes_version_base(current)),
                (Field::KubeVersion, false) => node::coerce(current).map(|v| v.version),
                (Field::RancherVersion | Field::UiVersion, _) => parse_rancher_version(current),
                (Field::UiExtensionsVersion, _) => node::coerce(current).map(|v| v.version),
                _ => None,
            };
            let Some(derived) = derived else {
                j.verdict = Verdict::InvalidVersion;
                j.reason = format!(
                    "the current version {current:?} does not coerce to a version, so the check fails ({})",
                    j.engine_label
                );
                return;
            };
            node_check(j, opts, constraint, &derived);
        }
    }
}

fn node_check(j: &mut Judgement, opts: node::Options, constraint: &str, version: &str) {
    let label = Engine::Node(opts).label();
    j.compared_version = version.to_string();
    let parsed = memo::node_range(constraint, opts);
    let r = match parsed.as_ref() {
        Ok(r) => r,
        Err(e) => {
            j.verdict = Verdict::InvalidConstraint;
            j.reason = format!(
                "not satisfied: the range is invalid ({}{}) ({label})",
                e.message,
                e.hint.as_ref().map(|h| format!("; {h}")).unwrap_or_default()
            );
            j.constraint_error = Some(ConstraintProblem {
                message: e.message.clone(),
                span: e.span,
                culprit: None,
                hint: e.hint.clone(),
            });
            return;
        }
    };
    if version.is_empty() {
        j.verdict = Verdict::InvalidVersion;
        j.reason = format!("the current version is empty, so satisfies() is false ({label})");
        return;
    }
    let parsed_version = memo::node_version(version, opts);
    let v = match parsed_version.as_ref() {
        Ok(v) => v,
        Err(e) => {
            j.verdict = Verdict::InvalidVersion;
            j.reason = format!(
                "the current version {version:?} is not valid ({}), so satisfies() is false ({label})",
                e.message
            );
            return;
        }
    };
    j.compared_version = v.version.clone();
    let ex = r.explain_first(v, MAX_GROUPS_IN_REASON);
    node_reason(j, r, &ex, v, &label);
}

/// Most OR groups a rejection reason names; the rest are counted. A reason is kept per matrix
/// cell, so a constraint of thousands of groups must not be repeated in full in each.
pub const MAX_GROUPS_IN_REASON: usize = 4;

/// `OR group 1: …; OR group 2: …` for `(index, reason)` pairs, at most
/// [`MAX_GROUPS_IN_REASON`] of them, then `and N more OR groups` (of `total`).
fn or_groups<R: std::fmt::Display>(groups: impl Iterator<Item = (usize, R)>, total: usize) -> String {
    let mut parts: Vec<String> =
        groups.take(MAX_GROUPS_IN_REASON).map(|(i, r)| format!("OR group {}: {r}", i + 1)).collect();
    if total > MAX_GROUPS_IN_REASON {
        parts.push(format!("and {} more OR groups", total - MAX_GROUPS_IN_REASON));
    }
    parts.join("; ")
}

fn node_reason(j: &mut Judgement, r: &node::Range, ex: &RangeExplanation, v: &node::SemVer, label: &str) {
    let describe = |s: &node::SetExplanation| -> String {
        let set = if s.comparators.iter().all(|c| c.is_empty()) { "*".to_string() } else { s.comparators.join(" ") };
        match &s.outcome {
            SetOutcome::Passed => format!("{v} satisfies {set}"),
            SetOutcome::ComparatorFailed { comparator } => {
                format!("comparator {comparator} of {set} does not accept {v}")
            }
            SetOutcome::PrereleaseAllowedBy { comparator } => format!(
                "{v} satisfies {set}, and comparator {comparator} has a prerelease on the same [major, minor, patch] [{}, {}, {}], so the prerelease is allowed",
                v.major, v.minor, v.patch
            ),
            SetOutcome::PrereleaseNotAllowed { other_tuple_prereleases } => {
                let others = if other_tuple_prereleases.is_empty() {
                    String::new()
                } else {
                    format!(" ({} is on another tuple)", other_tuple_prereleases.join(", "))
                };
                format!(
                    "{v} satisfies the comparators of {set}, but it is a prerelease and no comparator has a prerelease on the same [major, minor, patch] [{}, {}, {}]{others}",
                    v.major, v.minor, v.patch
                )
            }
            SetOutcome::PrereleaseIncluded => {
                format!("includePrerelease treats {v} as a normal version, and it satisfies {set}")
            }
        }
    };
    if ex.satisfied {
        j.verdict = Verdict::Accepted;
        let s = ex.sets.iter().find(|s| s.satisfied).expect("a satisfied set");
        j.reason = format!("accepted: {} ({label})", describe(s));
        return;
    }
    j.verdict = Verdict::Rejected;
    if let Some(s) = ex.sets.first() {
        let comparator = match &s.outcome {
            SetOutcome::ComparatorFailed { comparator } => comparator.clone(),
            _ => s.comparators.join(" "),
        };
        j.decider = Some(Decider { comparator, span: r.set[s.index].span });
    }
    // `ex` explains at most MAX_GROUPS_IN_REASON sets; every set of the range rejected.
    j.reason = if r.set.len() == 1 {
        format!("rejected: {} ({label})", describe(&ex.sets[0]))
    } else {
        format!(
            "rejected by every OR group: {} ({label})",
            or_groups(ex.sets.iter().map(|s| (s.index, describe(s))), r.set.len())
        )
    };
}
