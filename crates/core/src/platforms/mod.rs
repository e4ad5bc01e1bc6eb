//! Platform version tables, as data in one place, every row with its source (the sections of
//! `kubesphere.md` and `rancher.md` they come from). The compatibility matrix, the RANGE rules
//! and the card previews read them.

use serde::Serialize;

/// A Kubernetes minor version `1.N`.
pub type KubeMinor = u32;

/// An inclusive range of Kubernetes minors, `1.lo`–`1.hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct KubeRange {
    /// Lowest supported minor (`21` for 1.21).
    pub lo: KubeMinor,
    /// Highest supported minor.
    pub hi: KubeMinor,
}

impl KubeRange {
    /// True when `1.minor` is in the range.
    pub const fn contains(self, minor: KubeMinor) -> bool {
        self.lo <= minor && minor <= self.hi
    }
}

/// How sure a row's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Read from the platform's code, tags or docs.
    Documented,
    /// Inferred from a pattern (the spec says so); verify against the vendor's matrix.
    Inferred,
    /// Not found in the sources; the value shown is an assumption, marked as such.
    Unknown,
}

/// A KubeSphere release.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct KubeSphereRelease {
    /// The version, e.g. `4.1.3`.
    pub version: &'static str,
    /// What `version.Get().GitVersion` reports, which ks-core and the console compare.
    pub git_version: &'static str,
    /// True for v4 (extensions exist only from 4.0).
    pub v4: bool,
    /// Supported Kubernetes minors.
    pub kube: KubeRange,
    /// How sure `kube` is.
    pub kube_confidence: Confidence,
    /// Marketplace categories exist for `deepseek` (4.1.3+, kubesphere.md §1.3).
    pub has_deepseek_category: bool,
    /// Where this comes from.
    pub source: &'static str,
}

/// KubeSphere releases, oldest first (kubesphere.md §7). 3.x rows are shown greyed: they do not
/// run v4 extensions.
pub static KUBESPHERE: &[KubeSphereRelease] = &[
    KubeSphereRelease {
        version: "3.3.2",
        git_version: "v3.3.2",
        v4: false,
        kube: KubeRange { lo: 19, hi: 24 },
        kube_confidence: Confidence::Documented,
        has_deepseek_category: false,
        source: "kubesphere.md §7: website docs v3.3, kubekey KsV332 (1.19–1.24)",
    },
    KubeSphereRelease {
        version: "3.4.1",
        git_version: "v3.4.1",
        v4: false,
        kube: KubeRange { lo: 21, hi: 26 },
        kube_confidence: Confidence::Documented,
        has_deepseek_category: false,
        source: "kubesphere.md §7: website docs v3.4, kubekey KsV341 (1.21–1.26)",
    },
    KubeSphereRelease {
        version: "4.1.0",
        git_version: "v4.1.0",
        v4: true,
        kube: KubeRange { lo: 21, hi: 28 },
        kube_confidence: Confidence::Documented,
        has_deepseek_category: false,
        source: "kubesphere.md §7: 4.1.0 docs, supported Kubernetes 1.21–1.28",
    },
    KubeSphereRelease {
        version: "4.1.1",
        git_version: "v4.1.1",
        v4: true,
        kube: KubeRange { lo: 21, hi: 28 },
        kube_confidence: Confidence::Documented,
        has_deepseek_category: false,
        source: "kubesphere.md §7: tag v4.1.1 (2024-09-09); 4.1.0 docs 1.21–1.28",
    },
    KubeSphereRelease {
        version: "4.1.2",
        git_version: "v4.1.2",
        v4: true,
        kube: KubeRange { lo: 21, hi: 28 },
        kube_confidence: Confidence::Documented,
        has_deepseek_category: false,
        source: "kubesphere.md §7: tag v4.1.2 (2024-09-26); 4.1.0 docs 1.21–1.28",
    },
    KubeSphereRelease {
        version: "4.1.3",
        git_version: "v4.1.3",
        v4: true,
        kube: KubeRange { lo: 21, hi: 30 },
        kube_confidence: Confidence::Documented,
        has_deepseek_category: true,
        source: "kubesphere.md §7: tag v4.1.3 (2025-03-24); 4.1.3 docs \"tested 1.21–1.30\"",
    },
    KubeSphereRelease {
        version: "4.2.0",
        git_version: "v4.2.0",
        v4: true,
        kube: KubeRange { lo: 21, hi: 30 },
        kube_confidence: Confidence::Unknown,
        has_deepseek_category: true,
        source: "kubesphere.md §7: KSE 4.2 GA 2025-07-14; supported Kubernetes not found in the sources (4.1.3's range assumed)",
    },
    KubeSphereRelease {
        version: "4.2.1",
        git_version: "v4.2.1",
        v4: true,
        kube: KubeRange { lo: 21, hi: 30 },
        kube_confidence: Confidence::Unknown,
        has_deepseek_category: true,
        source: "kubesphere.md §7: v4.2.1 announced 2026-01-12; supported Kubernetes not found in the sources (4.1.3's range assumed)",
    },
];

/// A Rancher minor release line.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RancherRelease {
    /// The line, e.g. `2.10`.
    pub minor: &'static str,
    /// The patch release the matrix evaluates (the newest in the spec's tables).
    pub version: &'static str,
    /// The Extensions API version the dashboard checks `ui-extensions-version` against, as
    /// shipped (`shell/package.json`, or the 2.7/2.8 constant), before coercion.
    pub extensions_api: &'static str,
    /// Supported Kubernetes minors of the local cluster (RKE2/K3s).
    pub kube: KubeRange,
    /// How sure `kube` is.
    pub kube_confidence: Confidence,
    /// The Rancher chart's own `kubeVersion` upper bound: the local cluster must be below
    /// `1.<bound>`.
    pub local_kube_below: KubeMinor,
    /// The load-time gate (Gate C) exists (2.10+).
    pub load_gate: bool,
    /// The Extensions page blocks `prime-only` extensions on Community (2.12.5+, 2.13.1+, 2.14+).
    pub prime_only_check: bool,
    /// Where this comes from.
    pub source: &'static str,
    /// Every patch release of the line, oldest first (`version` is the last). Source: the
    /// `v2.N.P` tags of rancher/rancher and rancher/dashboard, [`RANCHER_RELEASES_URL`] and
    /// [`DASHBOARD_TAGS_URL`], as rancher.md §4 lists them by range.
    pub patches: &'static [&'static str],
    /// From which patch number on each Extensions API version is checked, ascending
    /// (rancher.md §4 "Extensions API version per release"); the last entry is `extensions_api`.
    pub api_from: &'static [(u32, &'static str)],
    /// The first patch whose dashboard reads the correctly spelled
    /// `catalog.cattle.io/ui-extensions-version` (2.7.0–2.7.1 read `ui-extenstions-version`,
    /// rancher.md §3 "Rancher 2.7 / 2.8"): `0` on every other line.
    pub api_key_from: u32,
    /// The first patch with the Extensions page's prime-only check, if any (2.12.5, 2.13.1,
    /// 2.14.0; rancher.md §3 Gate B check 7).
    pub prime_only_from: Option<u32>,
    /// From which patch number on the Rancher chart's `kubeVersion` bound (the local cluster
    /// must be below `1.<bound>`) applies, ascending; rancher.md §4 "Upper bound for the local
    /// (Rancher) cluster" (rancher/rancher `chart/Chart.yaml` at each tag). The last entry is
    /// `local_kube_below`.
    pub kube_below_from: &'static [(u32, KubeMinor)],
    /// Whether this release's dashboard reads the correctly spelled `ui-extensions-version`
    /// and `ui-extensions-host` keys (false on 2.7.0–2.7.1 only).
    pub reads_api_key: bool,
}

/// The GitHub release list of Rancher Manager, the source of every patch release in [`RANCHER`].
pub const RANCHER_RELEASES_URL: &str = "https://github.com/rancher/rancher/releases";
/// The tags of the Rancher dashboard, whose `shell/package.json` gives each patch's
/// Extensions API version.
pub const DASHBOARD_TAGS_URL: &str = "https://github.com/rancher/dashboard/tags";
/// The tags of kubesphere/kubesphere, the source of every release in [`KUBESPHERE`] (4.2.x from
/// the release announcements: the repository has no v4.2 tag, kubesphere.md §7).
pub const KUBESPHERE_TAGS_URL: &str = "https://github.com/kubesphere/kubesphere/tags";

impl RancherRelease {
    /// The line's minor number (`11` for `2.11`).
    pub fn minor_number(&self) -> u32 {
        self.minor.split('.').nth(1).and_then(|m| m.parse().ok()).unwrap_or(0)
    }

    /// Every patch release of the line as a release of its own, oldest first: its version,
    /// the Extensions API it checks, whether it has the prime-only check, which annotation
    /// keys it reads and the local-cluster Kubernetes minors it supports (the line's minors
    /// capped by that tag's chart `kubeVersion`). The matrix evaluates each of them.
    pub fn patch_releases(&self) -> Vec<RancherRelease> {
        self.patches
            .iter()
            .map(|&version| {
                let patch: u32 = version.rsplit('.').next().and_then(|p| p.parse().ok()).unwrap_or(0);
                let at = |table: &[(u32, &'static str)]| {
                    table.iter().rev().find(|(from, _)| *from <= patch).map(|(_, v)| *v)
                };
                let below = self
                    .kube_below_from
                    .iter()
                    .rev()
                    .find(|(from, _)| *from <= patch)
                    .map_or(self.local_kube_below, |(_, b)| *b);
                RancherRelease {
                    version,
                    extensions_api: at(self.api_from).unwrap_or(self.extensions_api),
                    kube: KubeRange { lo: self.kube.lo, hi: self.kube.hi.min(below.saturating_sub(1)) },
                    local_kube_below: below,
                    prime_only_check: self.prime_only_from.is_some_and(|from| patch >= from),
                    reads_api_key: patch >= self.api_key_from,
                    ..*self
                }
            })
            .collect()
    }
}

/// Rancher lines 2.7–2.15, oldest first (rancher.md §4).
pub static RANCHER: &[RancherRelease] = &[
    RancherRelease {
        minor: "2.7",
        version: "2.7.16",
        extensions_api: "1.1.0",
        kube: KubeRange { lo: 23, hi: 27 },
        kube_confidence: Confidence::Documented,
        local_kube_below: 28,
        load_gate: false,
        prime_only_check: false,
        source: "rancher.md §4: API const 1.1.0 (2.7.2–2.7.16); KDM 1.23–1.27; chart kubeVersion <1.28 (2.7.11)",
        patches: &[
            "2.7.0", "2.7.1", "2.7.2", "2.7.3", "2.7.4", "2.7.5", "2.7.6", "2.7.7", "2.7.8", "2.7.9", "2.7.10",
            "2.7.11", "2.7.12", "2.7.13", "2.7.14", "2.7.15", "2.7.16",
        ],
        api_from: &[(0, "1.0.0"), (2, "1.1.0")],
        api_key_from: 2,
        prime_only_from: None,
        kube_below_from: &[(0, 25), (2, 26), (5, 27), (11, 28)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.8",
        version: "2.8.15",
        extensions_api: "1.2.0",
        kube: KubeRange { lo: 25, hi: 28 },
        kube_confidence: Confidence::Documented,
        local_kube_below: 29,
        load_gate: false,
        prime_only_check: false,
        source: "rancher.md §4: API const 1.2.0 (2.8.4+); KDM 1.25–1.28; chart kubeVersion <1.29 (2.8.3)",
        patches: &[
            "2.8.0", "2.8.1", "2.8.2", "2.8.3", "2.8.4", "2.8.5", "2.8.6", "2.8.7", "2.8.8", "2.8.9", "2.8.10",
            "2.8.11", "2.8.12", "2.8.13", "2.8.14", "2.8.15",
        ],
        api_from: &[(0, "1.1.0"), (4, "1.2.0")],
        api_key_from: 0,
        prime_only_from: None,
        kube_below_from: &[(0, 28), (3, 29)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.9",
        version: "2.9.12",
        extensions_api: "2.0.4",
        kube: KubeRange { lo: 27, hi: 30 },
        kube_confidence: Confidence::Documented,
        local_kube_below: 31,
        load_gate: false,
        prime_only_check: false,
        source: "rancher.md §4: shell 2.0.4 (2.9.7–2.9.12); KDM release-v2.9 1.27–1.30; chart kubeVersion <1.31",
        patches: &[
            "2.9.0", "2.9.1", "2.9.2", "2.9.3", "2.9.4", "2.9.5", "2.9.6", "2.9.7", "2.9.8", "2.9.9", "2.9.10",
            "2.9.11", "2.9.12",
        ],
        api_from: &[(0, "2.0.1"), (3, "2.0.2-rc.2"), (4, "2.0.2"), (6, "2.0.3"), (7, "2.0.4")],
        api_key_from: 0,
        prime_only_from: None,
        kube_below_from: &[(0, 31)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.10",
        version: "2.10.12",
        extensions_api: "3.0.0",
        kube: KubeRange { lo: 28, hi: 31 },
        kube_confidence: Confidence::Documented,
        local_kube_below: 32,
        load_gate: true,
        prime_only_check: false,
        source: "rancher.md §4: shell 3.0.0; KDM dev-v2.10 1.28–1.31; chart kubeVersion <1.32",
        patches: &[
            "2.10.0", "2.10.1", "2.10.2", "2.10.3", "2.10.4", "2.10.5", "2.10.6", "2.10.7", "2.10.8", "2.10.9",
            "2.10.10", "2.10.11", "2.10.12",
        ],
        api_from: &[(0, "3.0.0")],
        api_key_from: 0,
        prime_only_from: None,
        kube_below_from: &[(0, 32)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.11",
        version: "2.11.16",
        extensions_api: "3.0.2-rc.6",
        kube: KubeRange { lo: 30, hi: 32 },
        kube_confidence: Confidence::Documented,
        local_kube_below: 33,
        load_gate: true,
        prime_only_check: false,
        source: "rancher.md §4: shell 3.0.2-rc.6 → 3.0.2; 1.30–1.32 (third-party table); chart kubeVersion <1.33",
        patches: &[
            "2.11.0", "2.11.1", "2.11.2", "2.11.3", "2.11.4", "2.11.5", "2.11.6", "2.11.7", "2.11.8", "2.11.9",
            "2.11.10", "2.11.11", "2.11.12", "2.11.13", "2.11.14", "2.11.15", "2.11.16",
        ],
        api_from: &[(0, "3.0.2-rc.6")],
        api_key_from: 0,
        prime_only_from: None,
        kube_below_from: &[(0, 33)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.12",
        version: "2.12.12",
        extensions_api: "3.0.5-rc.6",
        kube: KubeRange { lo: 31, hi: 33 },
        kube_confidence: Confidence::Documented,
        local_kube_below: 34,
        load_gate: true,
        prime_only_check: true,
        source: "rancher.md §4: shell 3.0.5-rc.6 → 3.0.5; 1.31–1.33 (release note); chart kubeVersion <1.34; prime-only check from 2.12.5 (§3 Gate B)",
        patches: &[
            "2.12.0", "2.12.1", "2.12.2", "2.12.3", "2.12.4", "2.12.5", "2.12.6", "2.12.7", "2.12.8", "2.12.9",
            "2.12.10", "2.12.11", "2.12.12",
        ],
        api_from: &[(0, "3.0.5-rc.6")],
        api_key_from: 0,
        prime_only_from: Some(5),
        kube_below_from: &[(0, 34)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.13",
        version: "2.13.8",
        extensions_api: "3.0.8-rc.8",
        kube: KubeRange { lo: 32, hi: 34 },
        kube_confidence: Confidence::Inferred,
        local_kube_below: 35,
        load_gate: true,
        prime_only_check: true,
        source: "rancher.md §4: shell 3.0.8-rc.8 → 3.0.8; ≈1.32–1.34 inferred (mink8sVersion 1.32); chart kubeVersion <1.35",
        patches: &["2.13.0", "2.13.1", "2.13.2", "2.13.3", "2.13.4", "2.13.5", "2.13.6", "2.13.7", "2.13.8"],
        api_from: &[(0, "3.0.8-rc.8")],
        api_key_from: 0,
        prime_only_from: Some(1),
        kube_below_from: &[(0, 35)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.14",
        version: "2.14.4",
        extensions_api: "3.0.9-rc.6",
        kube: KubeRange { lo: 33, hi: 35 },
        kube_confidence: Confidence::Inferred,
        local_kube_below: 36,
        load_gate: true,
        prime_only_check: true,
        source: "rancher.md §4: shell 3.0.9-rc.6 → 3.0.9; ≈1.33–1.35 inferred from the 3-minor pattern; chart kubeVersion <1.36",
        patches: &["2.14.0", "2.14.1", "2.14.2", "2.14.3", "2.14.4"],
        api_from: &[(0, "3.0.9-rc.6")],
        api_key_from: 0,
        prime_only_from: Some(0),
        kube_below_from: &[(0, 36)],
        reads_api_key: true,
    },
    RancherRelease {
        minor: "2.15",
        version: "2.15.0",
        extensions_api: "3.0.12-rc.7",
        kube: KubeRange { lo: 34, hi: 36 },
        kube_confidence: Confidence::Inferred,
        local_kube_below: 37,
        load_gate: true,
        prime_only_check: true,
        source: "rancher.md §4: shell 3.0.12-rc.7 → 3.0.12; ≈1.34–1.36 inferred from the 3-minor pattern; chart kubeVersion <1.37",
        patches: &["2.15.0"],
        api_from: &[(0, "3.0.12-rc.7")],
        api_key_from: 0,
        prime_only_from: Some(0),
        kube_below_from: &[(0, 37)],
        reads_api_key: true,
    },
];

/// The first and last Kubernetes minors the matrices show.
pub const KUBE_MINORS: (KubeMinor, KubeMinor) = (19, 36);

/// How a Kubernetes distribution writes its `GitVersion` (kubesphere.md §3.1, rancher.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VendorBuild {
    /// Upstream `v1.N.0`.
    Plain,
    /// Amazon EKS `v1.N.0-eks-2d98532`: a semver *prerelease*.
    Eks,
    /// Google GKE `v1.N.0-gke.100`: a semver prerelease.
    Gke,
    /// K3s `v1.N.0+k3s1`: build metadata, harmless.
    K3s,
    /// RKE2 `v1.N.0+rke2r1`: build metadata, harmless.
    Rke2,
}

impl VendorBuild {
    /// Every form, in display order.
    pub const ALL: [VendorBuild; 5] =
        [VendorBuild::Plain, VendorBuild::Eks, VendorBuild::Gke, VendorBuild::K3s, VendorBuild::Rke2];

    /// The `GitVersion` of Kubernetes `1.minor.0` in this form.
    pub fn git_version(self, minor: KubeMinor) -> String {
        match self {
            VendorBuild::Plain => format!("v1.{minor}.0"),
            VendorBuild::Eks => format!("v1.{minor}.0-eks-2d98532"),
            VendorBuild::Gke => format!("v1.{minor}.0-gke.100"),
            VendorBuild::K3s => format!("v1.{minor}.0+k3s1"),
            VendorBuild::Rke2 => format!("v1.{minor}.0+rke2r1"),
        }
    }

    /// A short label: `plain`, `EKS`, `GKE`, `K3s`, `RKE2`.
    pub const fn label(self) -> &'static str {
        match self {
            VendorBuild::Plain => "plain",
            VendorBuild::Eks => "EKS",
            VendorBuild::Gke => "GKE",
            VendorBuild::K3s => "K3s",
            VendorBuild::Rke2 => "RKE2",
        }
    }

    /// The id used in the JSON report and the UI (`plain`, `eks`, `gke`, `k3s`, `rke2`).
    pub const fn id(self) -> &'static str {
        match self {
            VendorBuild::Plain => "plain",
            VendorBuild::Eks => "eks",
            VendorBuild::Gke => "gke",
            VendorBuild::K3s => "k3s",
            VendorBuild::Rke2 => "rke2",
        }
    }

    /// The form with id `id`.
    pub fn from_id(id: &str) -> Option<VendorBuild> {
        VendorBuild::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// The newest v4 KubeSphere release.
pub fn newest_kubesphere() -> &'static KubeSphereRelease {
    KUBESPHERE.iter().rev().find(|r| r.v4).expect("a v4 row")
}

/// The newest Rancher line.
pub fn newest_rancher() -> &'static RancherRelease {
    RANCHER.last().expect("a row")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_ordered_and_consistent() {
        assert!(KUBESPHERE.windows(2).all(|w| w[0].version < w[1].version));
        assert!(KUBESPHERE.iter().all(|r| r.git_version == format!("v{}", r.version) && r.kube.lo <= r.kube.hi));
        assert_eq!(
            KUBESPHERE.iter().filter(|r| r.v4).map(|r| r.version).collect::<Vec<_>>(),
            ["4.1.0", "4.1.1", "4.1.2", "4.1.3", "4.2.0", "4.2.1"]
        );
        assert_eq!(
            RANCHER.iter().map(|r| r.minor).collect::<Vec<_>>(),
            ["2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15"]
        );
        for r in RANCHER {
            assert!(r.version.starts_with(&format!("{}.", r.minor)), "{}", r.version);
            assert!(r.kube.hi < r.local_kube_below, "{}", r.minor);
            assert_eq!(r.load_gate, r.minor.split('.').nth(1).unwrap().parse::<u32>().unwrap() >= 10);
            assert!(!r.source.is_empty());
            // The patch table: every patch of the line, the newest being the row's release.
            assert_eq!(r.patches.last(), Some(&r.version), "{}", r.minor);
            assert!(r.patches.iter().enumerate().all(|(i, p)| *p == format!("{}.{i}", r.minor)), "{}", r.minor);
            assert_eq!(r.api_from.last().map(|a| a.1), Some(r.extensions_api), "{}", r.minor);
            assert_eq!(r.kube_below_from.last().map(|b| b.1), Some(r.local_kube_below), "{}", r.minor);
            let patches = r.patch_releases();
            let newest = patches.last().unwrap();
            assert_eq!(
                (newest.version, newest.extensions_api, newest.prime_only_check, newest.kube),
                (r.version, r.extensions_api, r.prime_only_check, r.kube),
                "{}",
                r.minor
            );
        }
        let p = |minor: &str, version: &str| {
            RANCHER
                .iter()
                .find(|r| r.minor == minor)
                .unwrap()
                .patch_releases()
                .into_iter()
                .find(|p| p.version == version)
                .unwrap()
        };
        // rancher.md §4: API constants and shell versions by patch; §3 prime-only from 2.12.5/2.13.1.
        assert_eq!(p("2.7", "2.7.1").extensions_api, "1.0.0");
        assert!(!p("2.7", "2.7.1").reads_api_key && p("2.7", "2.7.2").reads_api_key);
        assert_eq!(p("2.8", "2.8.3").extensions_api, "1.1.0");
        assert_eq!(p("2.8", "2.8.4").extensions_api, "1.2.0");
        assert_eq!(p("2.9", "2.9.3").extensions_api, "2.0.2-rc.2");
        assert_eq!(p("2.9", "2.9.6").extensions_api, "2.0.3");
        assert!(!p("2.12", "2.12.4").prime_only_check && p("2.12", "2.12.5").prime_only_check);
        assert!(!p("2.13", "2.13.0").prime_only_check && p("2.13", "2.13.1").prime_only_check);
        // Chart kubeVersion by tag: 1.27 from 2.7.11, 1.28 from 2.8.3.
        assert_eq!(p("2.7", "2.7.10").kube, KubeRange { lo: 23, hi: 26 });
        assert_eq!(p("2.7", "2.7.11").kube, KubeRange { lo: 23, hi: 27 });
        assert_eq!(p("2.8", "2.8.2").kube.hi, 27);
        assert_eq!(RANCHER.iter().map(|r| r.patches.len()).sum::<usize>(), 104);
        assert_eq!(VendorBuild::Eks.git_version(27), "v1.27.0-eks-2d98532");
        assert_eq!(VendorBuild::from_id("gke"), Some(VendorBuild::Gke));
    }
}
