//! The KubeSphere matrix (kubesphere.md §3, §7): rows are KubeSphere releases (3.x shown as not
//! running v4 extensions), columns Kubernetes minors; each cell passes through
//!
//! 1. **ks-core** — `getRecommendedExtensionVersion`: `kubeVersion` and `ksVersion` with
//!    Masterminds 3.3 against the raw `GitVersion`s; a version it rejects is not the
//!    recommended one, but can still be chosen in the console (a caveat);
//! 2. **Helm** — the executor's Helm 3.12 checks the Chart's `kubeVersion` at install and
//!    fails with "chart requires kubeVersion: … which is incompatible with Kubernetes …";
//! 3. **the console** — node-semver with `includePrerelease` on both constraints; a version it
//!    rejects is shown disabled in the install modal;
//! 4. **dependencies** — required `externalDependencies` must be installed first (a caveat);
//!
//! and cells outside the release's supported Kubernetes range are marked unsupported.

use super::{Cell, CellVerdict, Column, Gate, GateOutcome, Matrix, Row, combine, runs};
use crate::document::Ctx;
use crate::platforms::{self, KUBESPHERE, VendorBuild};
use crate::semver::judge::{self, Component, Field, Judgement, Verdict};
use crate::syntax::yaml::Node;

/// What the matrix needs from the package.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    /// extension.yaml `kubeVersion` (read by ks-core and the console).
    pub kube_version: String,
    /// extension.yaml `ksVersion`.
    pub ks_version: String,
    /// The Chart.yaml `kubeVersion` Helm reads (ksbuilder copies extension.yaml's).
    pub chart_kube_version: String,
    /// Required external dependencies: (name, version constraint).
    pub required: Vec<(String, String)>,
    /// Per Kubernetes minor, the rendered APIs it does not serve (TPL004), as Helm words them:
    /// `no matches for kind "X" in version "Y"` ([`crate::template`]).
    pub unserved: std::collections::BTreeMap<crate::platforms::KubeMinor, Vec<String>>,
}

impl Inputs {
    /// Reads the inputs from a KubeSphere package.
    pub fn from_ctx(ctx: &Ctx<'_>) -> Option<Inputs> {
        let file = ctx.yaml("extension.yaml")?;
        let root = file.root()?;
        let get = |k: &str| {
            root.entry_go(k)
                .and_then(|e| e.value.as_str().filter(|_| !e.value.is_null()).map(str::to_string))
                .unwrap_or_default()
        };
        let kube_version = get("kubeVersion");
        let chart_kube_version = ctx
            .yaml("Chart.yaml")
            .and_then(|c| c.root().and_then(|r| r.get("kubeVersion")).and_then(Node::as_str).map(str::to_string))
            .unwrap_or_else(|| kube_version.clone());
        let required = root
            .entry_go("externalDependencies")
            .map(|e| {
                e.value
                    .items()
                    .iter()
                    .filter(|d| d.get("required").and_then(Node::as_str) == Some("true"))
                    .map(|d| {
                        let s = |k: &str| d.get(k).and_then(Node::as_str).unwrap_or("").to_string();
                        (s("name"), s("version"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let unserved = crate::template::analysis(ctx)
            .as_ref()
            .as_ref()
            .map(|a| {
                a.unserved()
                    .into_iter()
                    .map(|(m, apis)| {
                        let words = apis
                            .iter()
                            .map(|(api, kind, _)| format!("no matches for kind \"{kind}\" in version \"{api}\""));
                        (m, words.collect::<std::collections::BTreeSet<_>>().into_iter().collect())
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Inputs { kube_version, ks_version: get("ksVersion"), chart_kube_version, required, unserved })
    }
}

fn judged(c: Component, field: Field, constraint: &str, version: &str) -> Judgement {
    judge::judge(c, field, constraint, version).expect("the component reads the field")
}

fn short(reason: &str) -> &str {
    reason.split_once(": ").map_or(reason, |(_, r)| r)
}

/// The gates of one cell.
pub fn gates(inputs: &Inputs, ks_git_version: &str, kubernetes: &str) -> Vec<Gate> {
    let mut gates = Vec::new();

    // 1. ks-core's recommendation.
    let kube = judged(Component::KubeSphereServer, Field::KubeVersion, &inputs.kube_version, kubernetes);
    let ks = judged(Component::KubeSphereServer, Field::KsVersion, &inputs.ks_version, ks_git_version);
    let failed: Vec<(&str, &Judgement)> =
        [("kubeVersion", &kube), ("ksVersion", &ks)].into_iter().filter(|(_, j)| !j.verdict.admits()).collect();
    gates.push(match failed.first() {
        None => Gate::new("ks-core", GateOutcome::Pass, crate::msg!("matrix-ks-core-pass"), None),
        Some((field, j)) => Gate::new(
            "ks-core",
            GateOutcome::Caveat,
            crate::msg!("matrix-field-reason", field, reason = short(&j.reason)),
            Some(crate::msg!("matrix-ks-core-caveat").into()),
        ),
    });

    // 2. Helm at install (the executor's Helm 3.12).
    let helm = judged(Component::HelmExecutor312, Field::KubeVersion, &inputs.chart_kube_version, kubernetes);
    gates.push(if helm.verdict.admits() {
        Gate::new("helm", GateOutcome::Pass, short(&helm.reason), None)
    } else {
        Gate::new(
            "helm",
            GateOutcome::Fail,
            short(&helm.reason),
            Some(crate::msg!("matrix-helm-fail", constraint = inputs.chart_kube_version.as_str(), kubernetes).into()),
        )
    });

    // 2b. The Kubernetes APIs the rendered chart asks for (TPL004).
    let minor = kubernetes.split('.').nth(1).and_then(|m| m.parse::<crate::platforms::KubeMinor>().ok());
    if let Some(missing) = minor.and_then(|m| inputs.unserved.get(&m)).filter(|m| !m.is_empty()) {
        gates.push(Gate::new(
            "apis",
            GateOutcome::Fail,
            crate::msg!("matrix-apis-reason", count = missing.len()),
            // The API server's own words (English on every cluster).
            Some(missing.join("; ").into()),
        ));
    }

    // 3. The console's install modal.
    let ckube = judged(Component::KubeSphereConsole, Field::KubeVersion, &inputs.kube_version, kubernetes);
    let cks = judged(Component::KubeSphereConsole, Field::KsVersion, &inputs.ks_version, ks_git_version);
    let cfailed: Vec<(&str, &Judgement)> = [("kubeVersion", &ckube), ("ksVersion", &cks)]
        .into_iter()
        .filter(|(_, j)| j.verdict != Verdict::Accepted)
        .collect();
    gates.push(match cfailed.first() {
        None => Gate::new("console", GateOutcome::Pass, crate::msg!("matrix-console-pass"), None),
        Some((field, j)) => Gate::new(
            "console",
            GateOutcome::Fail,
            crate::msg!("matrix-field-reason", field, reason = short(&j.reason)),
            Some(crate::msg!("matrix-console-fail").into()),
        ),
    });

    // 4. Required external dependencies.
    if !inputs.required.is_empty() {
        // Every cell carries this reason: at most SHOWN names, then "and N more", so that a
        // package listing thousands costs no more per cell than one listing a few.
        const SHOWN: usize = 8;
        let mut list: Vec<crate::i18n::Arg> = inputs
            .required
            .iter()
            .take(SHOWN)
            .map(|(n, v)| crate::i18n::Arg::Text(if v.is_empty() { format!("`{n}`") } else { format!("`{n}` {v}") }))
            .collect();
        if inputs.required.len() > SHOWN {
            list.push(crate::i18n::Arg::Message(crate::msg!("matrix-more", count = inputs.required.len() - SHOWN)));
        }
        gates.push(Gate::new(
            "dependencies",
            GateOutcome::Caveat,
            crate::msg!("matrix-dependencies-reason", list = super::joined("matrix-list", list)),
            Some(crate::msg!("matrix-dependencies-message").into()),
        ));
    }
    gates
}

/// The KubeSphere matrix of `inputs`.
pub fn compute(inputs: &Inputs) -> Matrix {
    let (lo, hi) = platforms::KUBE_MINORS;
    let columns: Vec<Column> = (lo..=hi).map(|m| Column { minor: m, label: format!("1.{m}") }).collect();
    let rows: Vec<Row> = KUBESPHERE
        .iter()
        .map(|r| {
            let (lo, hi) = (r.kube.lo.to_string(), r.kube.hi.to_string());
            let (note, note_source) = super::text(if !r.v4 {
                crate::msg!("matrix-ks-row-not-v4")
            } else if r.kube_confidence == platforms::Confidence::Unknown {
                crate::msg!("matrix-ks-row-kube-assumed", lo, hi)
            } else {
                crate::msg!("matrix-ks-row-kube", lo, hi)
            });
            Row {
                id: r.version.to_string(),
                label: format!("KubeSphere {}", r.version),
                note: Some(note),
                note_source,
                // A KubeSphere row is one release (every v4 patch release has its own row).
                patches: vec![super::Patch { version: r.version.to_string(), kube: r.kube }],
            }
        })
        .collect();
    let mut cells = Vec::new();
    for vendor in VendorBuild::ALL {
        for (ri, release) in KUBESPHERE.iter().enumerate() {
            for (ci, column) in columns.iter().enumerate() {
                let kubernetes = vendor.git_version(column.minor);
                let (verdict, gates) = if !release.v4 {
                    (CellVerdict::NotApplicable, Vec::new())
                } else {
                    let gates = gates(inputs, release.git_version, &kubernetes);
                    let verdict =
                        if release.kube.contains(column.minor) { combine(&gates) } else { CellVerdict::Unsupported };
                    (verdict, gates)
                };
                cells.push(Cell { row: ri, column: ci, vendor, kubernetes, verdict, gates, patches: None });
            }
        }
    }
    let mut m = Matrix {
        platform: "kubesphere",
        rows,
        columns,
        vendors: VendorBuild::ALL.to_vec(),
        cells,
        summary: String::new(),
        notes: Vec::new(),
        summary_source: None,
        notes_source: Vec::new(),
        lang: crate::Lang::En,
    };
    if !inputs.required.is_empty() {
        let list = inputs.required.iter().map(|(n, v)| crate::i18n::Arg::Text(format!("{n} {v}").trim().to_string()));
        m.push_note(crate::msg!("matrix-ks-requires", list = super::joined("matrix-list", list)));
    }
    (m.summary, m.summary_source) = super::text(summary(&m));
    m
}

/// "installable on KubeSphere 4.1.2–4.2.1 with Kubernetes 1.21–1.30; blocked on EKS by Helm's
/// kubeVersion check".
fn summary(m: &Matrix) -> crate::Message {
    let ok = |c: &Cell| matches!(c.verdict, CellVerdict::Works | CellVerdict::Caveat);
    let plain: Vec<&Cell> = m.cells.iter().filter(|c| c.vendor == VendorBuild::Plain).collect();
    let rows: Vec<usize> = (0..m.rows.len()).filter(|&r| plain.iter().any(|c| c.row == r && ok(c))).collect();
    let minors: Vec<u32> = m
        .columns
        .iter()
        .enumerate()
        .filter(|(ci, _)| plain.iter().any(|c| c.column == *ci && ok(c)))
        .map(|(_, col)| col.minor)
        .collect();
    let mut out = if rows.is_empty() {
        let blocker =
            plain.iter().filter(|c| c.verdict == CellVerdict::Blocked).find_map(|c| c.blocker()).map(|g| g.id);
        match blocker {
            Some(id) => crate::msg!("matrix-ks-summary-none-by", gate = super::gate_arg(id)),
            None => crate::msg!("matrix-ks-summary-none"),
        }
    } else {
        let first = &m.rows[rows[0]].id;
        let last = &m.rows[*rows.last().expect("non-empty")].id;
        let range = if first == last { first.clone() } else { format!("{first}–{last}") };
        crate::msg!("matrix-ks-summary", range, minors = runs(&minors, |v| format!("1.{v}")))
    };
    for vendor in [VendorBuild::Eks, VendorBuild::Gke] {
        let blockers: Vec<&str> = m
            .cells
            .iter()
            .filter(|c| c.vendor == vendor && c.verdict == CellVerdict::Blocked)
            .filter(|c| plain.iter().any(|p| p.row == c.row && p.column == c.column && ok(p)))
            .filter_map(|c| c.blocker().map(|g| g.id))
            .collect();
        if let Some(first) = blockers.first() {
            let tail = crate::msg!("matrix-ks-summary-vendor", vendor = vendor.label(), gate = super::gate_arg(first));
            out = crate::msg!("matrix-cat", a = out, b = tail);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(kube: &str) -> Inputs {
        Inputs {
            kube_version: kube.into(),
            ks_version: ">=4.0.0-0".into(),
            chart_kube_version: kube.into(),
            required: Vec::new(),
            unserved: Default::default(),
        }
    }

    #[test]
    fn an_unserved_api_blocks_its_minor_only() {
        let mut i = inputs(">=1.19.0-0");
        i.unserved.insert(25, vec!["no matches for kind \"PodDisruptionBudget\" in version \"policy/v1beta1\"".into()]);
        let m = compute(&i);
        let cell = |minor: u32| {
            m.cells
                .iter()
                .find(|c| {
                    c.vendor == VendorBuild::Plain
                        && m.columns[c.column].minor == minor
                        && KUBESPHERE[c.row].version == "4.1.3"
                })
                .unwrap()
        };
        assert_eq!(cell(25).verdict, CellVerdict::Blocked);
        assert!(cell(25).gates.iter().any(|g| g.id == "apis" && g.outcome == GateOutcome::Fail));
        assert!(matches!(cell(24).verdict, CellVerdict::Works | CellVerdict::Caveat));
    }

    #[test]
    fn template_constraints_work_everywhere_supported() {
        let m = compute(&inputs(">=1.19.0-0"));
        let r = m.row_index("4.1.3").unwrap();
        for vendor in VendorBuild::ALL {
            let c = m.cell(r, m.column_index(28).unwrap(), vendor).unwrap();
            assert_eq!(c.verdict, CellVerdict::Works, "{vendor:?} {:?}", c.gates);
        }
        assert_eq!(
            m.cell(r, m.column_index(33).unwrap(), VendorBuild::Plain).unwrap().verdict,
            CellVerdict::Unsupported
        );
        assert_eq!(
            m.cell(m.row_index("3.4.1").unwrap(), 5, VendorBuild::Plain).unwrap().verdict,
            CellVerdict::NotApplicable
        );
        assert_eq!(m.summary, "installable on KubeSphere 4.1.0–4.2.1 with Kubernetes 1.21–1.30");
    }

    /// kubesphere.md §3.1/§3.2: `>=1.19.0` (no `-0`) — Helm (Masterminds, raw GitVersion)
    /// refuses EKS builds, while the console (node-semver, includePrerelease) offers them.
    #[test]
    fn missing_dash_zero_is_blocked_by_helm_on_eks_but_selectable_in_the_console() {
        let m = compute(&inputs(">=1.19.0"));
        let c = m.cell(m.row_index("4.1.3").unwrap(), m.column_index(28).unwrap(), VendorBuild::Eks).unwrap();
        assert_eq!(c.verdict, CellVerdict::Blocked);
        let gate = |id: &str| c.gates.iter().find(|g| g.id == id).unwrap();
        assert_eq!(gate("helm").outcome, GateOutcome::Fail);
        assert_eq!(
            gate("helm").message.as_deref(),
            Some(
                "chart requires kubeVersion: >=1.19.0 which is incompatible with Kubernetes v1.28.0-eks-2d98532 (the InstallPlan goes to InstallFailed)"
            )
        );
        assert_eq!(gate("console").outcome, GateOutcome::Pass);
        assert_eq!(gate("ks-core").outcome, GateOutcome::Caveat);
        let plain = m.cell(m.row_index("4.1.3").unwrap(), m.column_index(28).unwrap(), VendorBuild::Plain).unwrap();
        assert_eq!(plain.verdict, CellVerdict::Works);
        assert!(m.summary.ends_with("; blocked on EKS by Helm at install (executor Helm 3.12); blocked on GKE by Helm at install (executor Helm 3.12)"), "{}", m.summary);
    }

    #[test]
    fn a_thousand_required_extensions_are_named_eight_and_counted() {
        let mut i = inputs(">=1.19.0-0");
        i.required = (0..1000).map(|n| (format!("dep{n}"), String::new())).collect();
        let g = gates(&i, "v4.1.3", "v1.28.0");
        let reason = &g.iter().find(|g| g.id == "dependencies").unwrap().reason;
        assert!(reason.contains("`dep7`, 992 more") && !reason.contains("dep8`"), "{reason}");
    }

    #[test]
    fn ks_version_and_required_dependencies() {
        let mut i = inputs(">=1.19.0-0");
        i.ks_version = ">=4.1.2-0".into();
        i.required = vec![("cert-manager".into(), ">= 1.0.0-0".into())];
        let m = compute(&i);
        let at =
            |row: &str| m.cell(m.row_index(row).unwrap(), m.column_index(25).unwrap(), VendorBuild::Plain).unwrap();
        assert_eq!(at("4.1.1").verdict, CellVerdict::Blocked);
        assert_eq!(at("4.1.1").blocker().unwrap().id, "console");
        assert_eq!(at("4.1.2").verdict, CellVerdict::Caveat);
        assert!(m.summary.starts_with("installable on KubeSphere 4.1.2–4.2.1"), "{}", m.summary);
        assert_eq!(m.notes, ["Requires cert-manager >= 1.0.0-0 to be installed first."]);
    }
}
