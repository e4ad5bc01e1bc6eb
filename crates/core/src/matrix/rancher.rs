//! The Rancher matrix (rancher.md §3–§5): rows are Rancher lines 2.7–2.15 with the Extensions
//! API each ships, columns the local cluster's Kubernetes minor. Each cell passes through
//!
//! * **Gate A**, the backend's repository-index filter (Masterminds ≥ 3.4, raw `GitVersion`,
//!   release builds): `rancher-version`, `kube-version` and Chart `kubeVersion`; a version that
//!   fails is removed from the index and the card disappears;
//! * **Gate B**, the Extensions page's install check, as each line implements it: 2.10+
//!   (`isSupportedChartVersion`: kube, rancher, ui-version, mandatory `ui-extensions-version`,
//!   host, prime-only), 2.9 (API checked only when present, rancher-version only on rc/head
//!   builds), 2.7/2.8 (a constant API version, raw `satisfies`);
//! * **Gate C**, the load-time check (`shouldNotLoadPlugin`, 2.10+ only) on the UIPlugin's
//!   metadata, i.e. values.yaml `plugin.metadata`;
//!
//! and cells outside the line's supported local-cluster range are marked unsupported. Messages
//! are Rancher's own strings (`shell/assets/translations/en-us.yaml`).

use std::collections::BTreeSet;

use super::{Cell, CellId, CellVerdict, Column, Gate, GateOutcome, Matrix, Patch, PatchSplit, Row, combine, runs};
use crate::diagnostic::Text;
use crate::document::Ctx;
use crate::i18n::{Arg, Message};
use crate::package::Kind;
use crate::platforms::{self, RANCHER, RancherRelease, VendorBuild};
use crate::rancher::annotations::{
    self, KUBE_VERSION, PRIME_ONLY, RANCHER_VERSION, UI_EXTENSIONS_HOST, UI_EXTENSIONS_VERSION, UI_VERSION,
};
use crate::semver::judge::{self, Component, Field, Verdict};
use crate::semver::node;
use crate::syntax::yaml::Node;

/// What the matrix needs from the package.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The chart version shown in Rancher's messages.
    pub version: String,
    /// The annotations the chart carries (Chart.yaml, or package.json's `rancher.annotations`,
    /// which the publish script copies there).
    pub annotations: Vec<(String, String)>,
    /// The UIPlugin metadata the load-time check reads: values.yaml `plugin.metadata` when the
    /// chart's template renders it (shell ≥ 2.0.0 copies the annotations there).
    pub metadata: Vec<(String, String)>,
    /// Chart.yaml `kubeVersion`, if any.
    pub chart_kube_version: String,
    /// The UIPlugin has an endpoint (values or a hard-coded `cr.yaml`).
    pub has_endpoint: bool,
    /// Counterfactual: treat `ui-extensions-version` as present and satisfied on every line
    /// (Gates B and C), to ask which cells a missing or failing one costs
    /// ([`cells_lost_to_api`]). `false` for the real matrix.
    pub assume_api: bool,
}

/// The key-value pairs of `list` with a key Rancher knows (the gates read only those), in
/// order: thousands of other keys then cost nothing per matrix cell.
fn pairs(list: Vec<annotations::Annotation>) -> Vec<(String, String)> {
    list.into_iter()
        .filter(|a| annotations::KNOWN_KEYS.contains(&a.key.as_str()))
        .filter_map(|a| Some((a.key, a.value?)))
        .collect()
}

impl Inputs {
    /// Reads the inputs from a Rancher package.json or extension chart; `None` for other kinds
    /// (a plugin archive carries no annotations).
    pub fn from_ctx(ctx: &Ctx<'_>) -> Option<Inputs> {
        match ctx.kind {
            Kind::RancherPackage => {
                let file = ctx.json("package.json")?;
                let root = file.value.as_ref().ok()?;
                let list = root
                    .get("rancher")
                    .and_then(|r| r.get("annotations"))
                    .map(annotations::from_json)
                    .unwrap_or_default();
                let annotations = pairs(list);
                Some(Inputs {
                    version: root.get("version").and_then(|v| v.as_str()).unwrap_or("?").to_string(),
                    metadata: annotations.clone(),
                    annotations,
                    chart_kube_version: String::new(),
                    has_endpoint: true,
                    assume_api: false,
                })
            }
            Kind::RancherChart => {
                let chart = ctx.yaml("Chart.yaml")?;
                let root = chart.root()?;
                let annotations = pairs(root.get("annotations").map(annotations::from_yaml).unwrap_or_default());
                let values = ctx.yaml("values.yaml");
                let metadata = if crate::rancher::rules::templates_render_metadata(ctx) {
                    values
                        .as_ref()
                        .and_then(|v| {
                            v.root()
                                .and_then(|r| r.get("plugin"))
                                .and_then(|p| p.get("metadata"))
                                .map(annotations::from_yaml)
                        })
                        .map(pairs)
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                Some(Inputs {
                    version: root.get("version").and_then(Node::as_str).unwrap_or("?").to_string(),
                    annotations,
                    metadata,
                    chart_kube_version: root.get("kubeVersion").and_then(Node::as_str).unwrap_or("").to_string(),
                    has_endpoint: crate::rancher::rules::has_endpoint(ctx),
                    assume_api: false,
                })
            }
            _ => None,
        }
    }

    fn annotation(&self, key: &str) -> Option<&str> {
        self.annotations.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn meta(&self, key: &str) -> Option<&str> {
        self.metadata.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

fn short(reason: &str) -> &str {
    reason.split_once(": ").map_or(reason, |(_, r)| r)
}

fn pass(id: &'static str, reason: impl Into<Text>) -> Gate {
    Gate::new(id, GateOutcome::Pass, reason, None)
}

fn fail(id: &'static str, reason: impl Into<Text>, message: impl Into<Text>) -> Gate {
    Gate::new(id, GateOutcome::Fail, reason, Some(message.into()))
}

const A: &str = "rancher-a";
const B: &str = "rancher-b";
const C: &str = "rancher-c";

/// Gate A for one cell.
fn gate_a(i: &Inputs, r: &RancherRelease, kubernetes: &str) -> Gate {
    let rancher = format!("v{}", r.version);
    let checks = [
        (RANCHER_VERSION, Field::RancherVersion, i.annotation(RANCHER_VERSION), rancher.as_str()),
        (KUBE_VERSION, Field::KubeVersion, i.annotation(KUBE_VERSION), kubernetes),
        (
            "Chart kubeVersion",
            Field::KubeVersion,
            Some(i.chart_kube_version.as_str()).filter(|s| !s.is_empty()),
            kubernetes,
        ),
    ];
    for (key, field, constraint, current) in checks {
        let Some(constraint) = constraint else { continue };
        let j = judge::judge(Component::RancherBackend, field, constraint, current).expect("reads");
        if !j.verdict.admits() {
            return fail(
                A,
                crate::msg!(
                    "matrix-constraint-reason",
                    key,
                    constraint = super::clip(constraint),
                    reason = short(&j.reason)
                ),
                crate::msg!("matrix-rancher-a-fail"),
            );
        }
    }
    pass(A, crate::msg!("matrix-rancher-a-pass"))
}

/// A card message of the Extensions page (`plugins.incompatible*`), in the dashboard's words.
fn card(i: &Inputs, kind: &str, required: &str) -> Message {
    let version = i.version.as_str();
    let required = super::clip(required);
    match kind {
        "rancher" => crate::msg!("matrix-card-rancher", version, required),
        "kube" => crate::msg!("matrix-card-kube", version, required),
        "api-missing" => crate::msg!("matrix-card-api-missing", version),
        "api" => crate::msg!("matrix-card-api", version, required),
        "host" => crate::msg!("matrix-card-host", version, required),
        _ => crate::msg!("matrix-card-prime", version),
    }
}

/// Gate B for one cell, as the line implements it.
fn gate_b(i: &Inputs, r: &RancherRelease, kubernetes: &str) -> Gate {
    let minor: u32 = r.minor.split('.').nth(1).and_then(|m| m.parse().ok()).unwrap_or(0);
    let rancher = format!("v{}", r.version);
    if minor >= 10 {
        // Rancher stops at the first failing check (its card shows that message); the matrix
        // lists every failing check so that one fix does not reveal the next.
        let mut failures: Vec<(Message, Message)> = Vec::new();
        let page = |field: Field, constraint: &str, current: &str| {
            judge::judge(Component::RancherExtensionsPage, field, constraint, current).expect("reads")
        };
        for (key, field, current, kind) in [
            (KUBE_VERSION, Field::KubeVersion, kubernetes, "kube"),
            (RANCHER_VERSION, Field::RancherVersion, rancher.as_str(), "rancher"),
            (UI_VERSION, Field::UiVersion, rancher.as_str(), "rancher"),
        ] {
            if let Some(c) = i.annotation(key) {
                let j = page(field, c, current);
                if j.verdict != Verdict::Accepted {
                    let reason = crate::msg!(
                        "matrix-constraint-reason",
                        key,
                        constraint = super::clip(c),
                        reason = short(&j.reason)
                    );
                    failures.push((reason, card(i, kind, c)));
                }
            }
        }
        match i.annotation(UI_EXTENSIONS_VERSION) {
            _ if i.assume_api => {}
            None => failures.push((crate::msg!("matrix-rancher-b-api-missing"), card(i, "api-missing", ""))),
            Some(api) => {
                let j = page(Field::UiExtensionsVersion, api, r.extensions_api);
                if j.verdict != Verdict::Accepted {
                    let reason = crate::msg!(
                        "matrix-constraint-reason",
                        key = "ui-extensions-version",
                        constraint = api,
                        reason = short(&j.reason)
                    );
                    failures.push((reason, card(i, "api", api)));
                }
            }
        }
        if let Some(host) = i.annotation(UI_EXTENSIONS_HOST) {
            failures.push((crate::msg!("matrix-rancher-b-host", host), card(i, "host", host)));
        }
        if let Some((_, message)) = failures.first() {
            let message = message.clone();
            let reasons = super::joined("matrix-join", failures.into_iter().map(|(r, _)| Arg::Message(r)));
            return fail(B, reasons, message);
        }
        if r.prime_only_check && i.annotation(PRIME_ONLY) == Some("true") {
            return Gate::new(
                B,
                GateOutcome::Caveat,
                crate::msg!("matrix-rancher-b-prime"),
                Some(card(i, "prime", "").into()),
            );
        }
        return pass(B, crate::msg!("matrix-rancher-b-pass", api = r.extensions_api));
    }
    // 2.7–2.9: no coercion of the API constant on 2.7/2.8; `ui-extensions-version` only when present.
    let satisfies = |version: &str, range: &str| node::satisfies(version, range, node::Options::DEFAULT);
    let base = judge::kubernetes_version_base(kubernetes);
    let api = if minor == 9 {
        node::coerce(r.extensions_api).map_or(r.extensions_api.to_string(), |v| v.version)
    } else {
        r.extensions_api.to_string()
    };
    // 2.7.0–2.7.1 read the misspelled `ui-extenstions-version`/`-host` keys: the correct ones are ignored.
    if let Some(c) = i.annotation(UI_EXTENSIONS_VERSION)
        && !i.assume_api
        && r.reads_api_key
        && !satisfies(&api, c)
    {
        return fail(
            B,
            crate::msg!("matrix-rancher-b-old-api", constraint = c, api = api.as_str(), line = r.minor),
            crate::msg!("matrix-rancher-b-old-api-message"),
        );
    }
    if let Some(host) = i.annotation(UI_EXTENSIONS_HOST).filter(|h| *h != "rancher-manager" && r.reads_api_key) {
        return fail(
            B,
            crate::msg!("matrix-rancher-b-old-host", host),
            crate::msg!("matrix-rancher-b-old-host-message"),
        );
    }
    if let Some(c) = i.annotation(KUBE_VERSION)
        && !satisfies(&base, c)
    {
        return fail(
            B,
            crate::msg!(
                "matrix-rancher-b-old-unsatisfied",
                key = "kube-version",
                constraint = c,
                version = base.as_str()
            ),
            crate::msg!("matrix-rancher-b-old-kube-message"),
        );
    }
    let rancher_plain = r.version.split('-').next().unwrap_or(r.version);
    if let Some(c) = i.annotation(UI_VERSION)
        && !satisfies(rancher_plain, c)
    {
        return fail(
            B,
            crate::msg!(
                "matrix-rancher-b-old-unsatisfied",
                key = "ui-version",
                constraint = c,
                version = rancher_plain
            ),
            crate::msg!("matrix-rancher-b-old-rancher-message"),
        );
    }
    pass(B, crate::msg!("matrix-rancher-b-old-pass", line = r.minor, api = api.as_str()))
}

/// Gate C for one cell (2.10+).
fn gate_c(i: &Inputs, r: &RancherRelease, kubernetes: &str) -> Gate {
    if !r.load_gate {
        return Gate::new(C, GateOutcome::Skipped, crate::msg!("matrix-rancher-c-skipped"), None);
    }
    if !i.has_endpoint {
        return fail(C, crate::msg!("matrix-rancher-c-no-endpoint"), crate::msg!("matrix-rancher-c-error-generic"));
    }
    if !i.assume_api
        && let Some(g) = gate_c_api(i.meta(UI_EXTENSIONS_VERSION), r)
    {
        return g;
    }
    gate_c_rest(i, r, kubernetes)
}

/// Gate C's Extensions API checks (rules 2 and 3 of `shouldNotLoadPlugin`), or `None` when
/// they pass.
fn gate_c_api(api: Option<&str>, r: &RancherRelease) -> Option<Gate> {
    let Some(api) = api else {
        return Some(fail(
            C,
            crate::msg!("matrix-rancher-c-api-missing"),
            crate::msg!("matrix-rancher-c-error-api-missing"),
        ));
    };
    let j = judge::judge(Component::RancherLoadGate, Field::UiExtensionsVersion, api, r.extensions_api).expect("reads");
    (j.verdict != Verdict::Accepted).then(|| {
        fail(
            C,
            crate::msg!(
                "matrix-meta-reason",
                key = "ui-extensions-version",
                constraint = api,
                reason = short(&j.reason)
            ),
            crate::msg!("matrix-rancher-c-error-api"),
        )
    })
}

/// Gate C's checks after the Extensions API: prime-only, host, kube-version, rancher-version.
fn gate_c_rest(i: &Inputs, r: &RancherRelease, kubernetes: &str) -> Gate {
    let load = |field: Field, constraint: &str, current: &str| {
        judge::judge(Component::RancherLoadGate, field, constraint, current).expect("reads")
    };
    if i.meta(PRIME_ONLY) == Some("true") {
        return Gate::new(
            C,
            GateOutcome::Caveat,
            crate::msg!("matrix-rancher-c-prime"),
            Some(crate::msg!("matrix-rancher-c-error-prime").into()),
        );
    }
    if let Some(host) = i.meta(UI_EXTENSIONS_HOST).filter(|h| *h != "rancher-manager") {
        return fail(C, crate::msg!("matrix-rancher-c-host", host), crate::msg!("matrix-rancher-c-error-host"));
    }
    if let Some(c) = i.meta(KUBE_VERSION) {
        let j = load(Field::KubeVersion, c, kubernetes);
        if j.verdict != Verdict::Accepted {
            return fail(
                C,
                crate::msg!("matrix-meta-reason", key = "kube-version", constraint = c, reason = short(&j.reason)),
                crate::msg!("matrix-rancher-c-error-kube"),
            );
        }
    }
    if let Some(c) = i.meta(RANCHER_VERSION) {
        let j = load(Field::RancherVersion, c, &format!("v{}", r.version));
        if j.verdict != Verdict::Accepted {
            return fail(
                C,
                crate::msg!("matrix-meta-reason", key = "rancher-version", constraint = c, reason = short(&j.reason)),
                crate::msg!("matrix-rancher-c-error-version"),
            );
        }
    }
    pass(C, crate::msg!("matrix-rancher-c-pass"))
}

/// The gates of one cell, in the order Rancher applies them.
pub fn gates(inputs: &Inputs, release: &RancherRelease, kubernetes: &str) -> Vec<Gate> {
    vec![gate_a(inputs, release, kubernetes), gate_b(inputs, release, kubernetes), gate_c(inputs, release, kubernetes)]
}

/// The matrix of a plugin archive: the archive itself carries no annotations (`rancher: true`
/// in its package.json); Rancher loads it for whichever chart installs it, so every supported
/// cell is a caveat pointing at the chart.
pub fn compute_for_plugin_archive() -> Matrix {
    let mut m = build(|_, _| vec![Gate::new("chart", GateOutcome::Caveat, crate::msg!("matrix-chart-reason"), None)]);
    (m.summary, m.summary_source) = super::text(crate::msg!("matrix-plugin-summary"));
    m
}

/// The cells the package claims, by its own ranges: supported by the line and admitted by
/// Gate A (`rancher-version`, `kube-version`, Chart `kubeVersion`, as the backend reads them),
/// for which `costs` says a finding blocks the cell.
fn claimed_cells(inputs: &Inputs, costs: impl Fn(&RancherRelease, &str) -> bool) -> BTreeSet<CellId> {
    let mut out = BTreeSet::new();
    for vendor in VendorBuild::ALL {
        for line in RANCHER {
            for r in &line.patch_releases() {
                for minor in r.kube.lo..=r.kube.hi {
                    let kubernetes = vendor.git_version(minor);
                    if gate_a(inputs, r, &kubernetes).outcome == GateOutcome::Pass && costs(r, &kubernetes) {
                        out.insert(CellId {
                            platform: "rancher",
                            row: line.minor.to_string(),
                            patch: r.version.to_string(),
                            minor,
                            vendor: vendor.label(),
                        });
                    }
                }
            }
        }
    }
    out
}

/// The cells a missing or failing `ui-extensions-version` costs: the cells the package claims
/// (its own ranges admit them, [`claimed_cells`]) where the Extensions API check of Gate B or
/// Gate C stops it, whatever else stops it there too (a missing endpoint, a range another
/// engine misreads: those are judged by their own rules). Empty when the package's own
/// `rancher-version` (or `kube-version`) already excludes every line that checks it.
pub fn cells_lost_to_api(inputs: &Inputs) -> BTreeSet<CellId> {
    if inputs.annotation(UI_EXTENSIONS_VERSION).is_some() {
        return BTreeSet::new();
    }
    // Missing: mandatory on every line with the load-time check (2.10+), in Gate B and Gate C.
    claimed_cells(inputs, |r, _| r.load_gate)
}

/// The cells the load-time check (Gate C) costs because values.yaml `plugin.metadata` differs
/// from the Chart.yaml annotations: cells the package claims where Gate C stops it with the
/// metadata as it is and lets it through with the gating keys equal to the annotations.
pub fn cells_lost_to_metadata(inputs: &Inputs) -> BTreeSet<CellId> {
    let inputs = Inputs { has_endpoint: true, ..inputs.clone() };
    let mut synced = inputs.clone();
    synced.metadata.retain(|(k, _)| !annotations::GATING_KEYS.contains(&k.as_str()));
    synced
        .metadata
        .extend(inputs.annotations.iter().filter(|(k, _)| annotations::GATING_KEYS.contains(&k.as_str())).cloned());
    claimed_cells(&inputs, |r, k| {
        gate_c(&inputs, r, k).outcome == GateOutcome::Fail && gate_c(&synced, r, k).outcome != GateOutcome::Fail
    })
}

/// The Extensions API majors of the Rancher lines whose newest release `rancher_version`
/// admits (Gate A's engine), oldest first, deduplicated: the evidence a chart's own
/// `rancher-version` gives for the `ui-extensions-version` it was built for.
pub fn api_majors_admitted(rancher_version: &str) -> Vec<u64> {
    let mut majors: Vec<u64> = RANCHER
        .iter()
        .filter(|r| {
            judge::judge(Component::RancherBackend, Field::RancherVersion, rancher_version, &format!("v{}", r.version))
                .is_some_and(|j| j.verdict.admits())
        })
        .filter_map(|r| r.extensions_api.split('.').next()?.parse().ok())
        .collect();
    majors.dedup();
    majors
}

/// A short "Rancher 2.10–2.15" naming of the lines of `cells`.
pub fn lines_of(cells: &BTreeSet<CellId>) -> String {
    let minors: BTreeSet<u32> = cells.iter().filter_map(|c| c.row.strip_prefix("2.")?.parse().ok()).collect();
    let minors: Vec<u32> = minors.into_iter().collect();
    format!("Rancher {}", runs(&minors, |v| format!("2.{v}")))
}

/// The Rancher matrix of `inputs`.
pub fn compute(inputs: &Inputs) -> Matrix {
    let mut m = build(|release, kubernetes| gates(inputs, release, kubernetes));
    (m.summary, m.summary_source) = super::text(summary(&m));
    m
}

fn build(gates_of: impl Fn(&RancherRelease, &str) -> Vec<Gate>) -> Matrix {
    let lo = RANCHER.iter().map(|r| r.kube.lo).min().unwrap_or(23);
    let hi = RANCHER.iter().map(|r| r.kube.hi).max().unwrap_or(platforms::KUBE_MINORS.1);
    let columns: Vec<Column> = (lo..=hi).map(|m| Column { minor: m, label: format!("1.{m}") }).collect();
    let lines: Vec<(&RancherRelease, Vec<RancherRelease>)> = RANCHER.iter().map(|r| (r, r.patch_releases())).collect();
    let rows: Vec<Row> = lines
        .iter()
        .map(|(r, patches)| {
            let first = patches.first().map_or(r.version, |p| p.version);
            let first_api = patches.first().map_or(r.extensions_api, |p| p.extensions_api);
            let versions = if first == r.version { r.version.to_string() } else { format!("{first}–{}", r.version) };
            let api = if first_api == r.extensions_api {
                r.extensions_api.to_string()
            } else {
                format!("{first_api}–{}", r.extensions_api)
            };
            Row {
                id: r.minor.to_string(),
                label: format!("Rancher {}", r.minor),
                note: Some(format!("{versions} · Extensions API {api}")),
                note_source: None,
                patches: patches.iter().map(|p| Patch { version: p.version.to_string(), kube: p.kube }).collect(),
            }
        })
        .collect();
    let ok = |v: CellVerdict| matches!(v, CellVerdict::Works | CellVerdict::Caveat);
    let mut cells = Vec::new();
    for vendor in VendorBuild::ALL {
        for (ri, (line, patches)) in lines.iter().enumerate() {
            for (ci, column) in columns.iter().enumerate() {
                let kubernetes = vendor.git_version(column.minor);
                // Every patch release that supports this Kubernetes minor, each through every gate.
                let evaluated: Vec<(&RancherRelease, Vec<Gate>, CellVerdict)> = patches
                    .iter()
                    .filter(|p| p.kube.contains(column.minor))
                    .map(|p| {
                        let gates = gates_of(p, &kubernetes);
                        let verdict = combine(&gates);
                        (p, gates, verdict)
                    })
                    .collect();
                let Some(newest) = evaluated.last() else {
                    let gates = gates_of(line, &kubernetes);
                    cells.push(Cell {
                        row: ri,
                        column: ci,
                        vendor,
                        kubernetes,
                        verdict: CellVerdict::Unsupported,
                        gates,
                        patches: None,
                    });
                    continue;
                };
                let split = PatchSplit::of(&evaluated.iter().map(|(p, _, v)| (p.version, ok(*v))).collect::<Vec<_>>());
                let (verdict, gates) = match &split {
                    Some(_) => {
                        let blocked = evaluated.iter().rev().find(|e| !ok(e.2)).unwrap_or(newest);
                        (CellVerdict::Mixed, blocked.1.clone())
                    }
                    None => {
                        let shown = evaluated.iter().rev().find(|e| e.2 == CellVerdict::Caveat).unwrap_or(newest);
                        (shown.2, shown.1.clone())
                    }
                };
                cells.push(Cell { row: ri, column: ci, vendor, kubernetes, verdict, gates, patches: split });
            }
        }
    }
    Matrix {
        platform: "rancher",
        rows,
        columns,
        vendors: VendorBuild::ALL.to_vec(),
        cells,
        summary: String::new(),
        notes: Vec::new(),
        summary_source: None,
        notes_source: Vec::new(),
        lang: crate::Lang::En,
    }
}

fn summary(m: &Matrix) -> Message {
    let ok = |c: &Cell| matches!(c.verdict, CellVerdict::Works | CellVerdict::Caveat | CellVerdict::Mixed);
    let plain: Vec<&Cell> = m.cells.iter().filter(|c| c.vendor == VendorBuild::Plain).collect();
    let rows: Vec<usize> = (0..m.rows.len()).filter(|&r| plain.iter().any(|c| c.row == r && ok(c))).collect();
    if rows.is_empty() {
        let blocker = plain
            .iter()
            .filter(|c| c.verdict == CellVerdict::Blocked && c.row == m.rows.len() - 1)
            .find_map(|c| c.blocker());
        return match blocker {
            Some(g) => crate::msg!(
                "matrix-rancher-summary-none-by",
                line = m.rows[m.rows.len() - 1].id.as_str(),
                gate = super::gate_arg(g.id),
                reason = g.reason_source.clone().map_or_else(|| Arg::Text(g.reason.clone()), Arg::Message)
            ),
            None => crate::msg!("matrix-rancher-summary-none"),
        };
    }
    let minors: Vec<u32> = m
        .columns
        .iter()
        .enumerate()
        .filter(|(ci, _)| plain.iter().any(|c| c.column == *ci && ok(c)))
        .map(|(_, col)| col.minor)
        .collect();
    // Lines whose patch releases differ are named with their split ("2.11 (from 2.11.8)"); runs
    // of whole lines as "2.14–2.15".
    let mut parts: Vec<Arg> = Vec::new();
    let mut whole: Vec<u32> = Vec::new();
    for &r in &rows {
        let mixed =
            plain.iter().find(|c| c.row == r && c.verdict == CellVerdict::Mixed).and_then(|c| c.patches.as_ref());
        let fully = plain.iter().any(|c| c.row == r && matches!(c.verdict, CellVerdict::Works | CellVerdict::Caveat));
        match mixed {
            Some(split) if !fully => {
                if !whole.is_empty() {
                    parts.push(Arg::Text(runs(&whole, |v| format!("2.{v}"))));
                    whole.clear();
                }
                let line = m.rows[r].id.as_str();
                let split = split.label_source.clone().map_or_else(|| Arg::Text(split.label.clone()), Arg::Message);
                parts.push(Arg::Message(crate::msg!("matrix-rancher-line-split", line, split)));
            }
            _ => whole.extend(m.rows[r].id.split('.').nth(1).and_then(|v| v.parse::<u32>().ok())),
        }
    }
    if !whole.is_empty() {
        parts.push(Arg::Text(runs(&whole, |v| format!("2.{v}"))));
    }
    let mut out = crate::msg!(
        "matrix-rancher-summary",
        lines = super::joined("matrix-list", parts),
        minors = runs(&minors, |v| format!("1.{v}"))
    );
    for vendor in [VendorBuild::Eks, VendorBuild::Gke] {
        if let Some(g) = m
            .cells
            .iter()
            .filter(|c| c.vendor == vendor && c.verdict == CellVerdict::Blocked)
            .filter(|c| plain.iter().any(|p| p.row == c.row && p.column == c.column && ok(p)))
            .find_map(|c| c.blocker())
        {
            let tail =
                crate::msg!("matrix-rancher-summary-vendor", vendor = vendor.label(), gate = super::gate_arg(g.id));
            out = crate::msg!("matrix-cat", a = out, b = tail);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current() -> Inputs {
        let a: Vec<(String, String)> = [
            (KUBE_VERSION, ">= 1.16.0-0"),
            (RANCHER_VERSION, ">= 2.10.0-0"),
            (UI_EXTENSIONS_VERSION, ">= 3.0.0 < 4.0.0"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        Inputs {
            version: "0.3.3".into(),
            metadata: a.clone(),
            annotations: a,
            chart_kube_version: String::new(),
            has_endpoint: true,
            assume_api: false,
        }
    }

    #[test]
    fn a_current_extension_works_from_2_10() {
        let m = compute(&current());
        let at = |row: &str, minor: u32| {
            m.cell(m.row_index(row).unwrap(), m.column_index(minor).unwrap(), VendorBuild::Plain).unwrap()
        };
        assert_eq!(at("2.10", 30).verdict, CellVerdict::Works);
        assert_eq!(at("2.15", 35).verdict, CellVerdict::Works);
        assert_eq!(at("2.9", 29).verdict, CellVerdict::Blocked);
        assert_eq!(at("2.9", 29).blocker().unwrap().id, "rancher-a");
        assert_eq!(at("2.10", 24).verdict, CellVerdict::Unsupported);
        assert_eq!(m.summary, "installable on Rancher 2.10–2.15 with Kubernetes 1.28–1.36");
    }

    #[test]
    fn metadata_missing_from_values_is_not_loaded() {
        let mut i = current();
        i.metadata.clear();
        let m = compute(&i);
        let c = m.cell(m.row_index("2.12").unwrap(), m.column_index(32).unwrap(), VendorBuild::Plain).unwrap();
        assert_eq!(c.verdict, CellVerdict::Blocked);
        assert_eq!(c.blocker().unwrap().id, "rancher-c");
        assert!(c.blocker().unwrap().message.as_deref().unwrap().starts_with("Unable to load Extension."));
    }
}
