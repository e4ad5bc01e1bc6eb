//! Platform version tables, as data in one place, every row with its source (the sections of
//! `kubesphere.md` and `rancher.md` they come from). The compatibility matrix, the RANGE rules
//! and the card previews read them.

use serde::Serialize;

/// A Kubernetes minor version `1.N`.
pub type KubeMinor = u32;

/// An inclusive range of Kubernetes minors, `1.lo`–`1.hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
        }
        assert_eq!(VendorBuild::Eks.git_version(27), "v1.27.0-eks-2d98532");
        assert_eq!(VendorBuild::from_id("gke"), Some(VendorBuild::Gke));
    }
}
