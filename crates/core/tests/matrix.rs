//! The compatibility matrix on real packages, each expected verdict worked out from a cited
//! passage of the specs (`docs/platforms/`).

mod common;

use std::path::Path;

use common::{corpus, corpus_inputs};

use extcheck_core::matrix::{CellVerdict, GateOutcome, Matrix};
use extcheck_core::package::fs::read_path;
use extcheck_core::platforms::VendorBuild;

fn matrix_of(path: &Path) -> Matrix {
    let (name, read) = read_path(path).unwrap();
    let report = extcheck_core::check(&name, read);
    report.packages[0].matrix.clone().unwrap_or_else(|| panic!("{}: no matrix", path.display()))
}

fn gate<'a>(m: &'a Matrix, row: &str, minor: u32, vendor: VendorBuild, id: &str) -> &'a extcheck_core::matrix::Gate {
    let cell = m.cell(m.row_index(row).unwrap(), m.column_index(minor).unwrap(), vendor).unwrap();
    cell.gates.iter().find(|g| g.id == id).unwrap_or_else(|| panic!("{row} 1.{minor}: no gate {id}"))
}

fn verdict(m: &Matrix, row: &str, minor: u32, vendor: VendorBuild) -> CellVerdict {
    m.cell(m.row_index(row).unwrap(), m.column_index(minor).unwrap(), vendor).unwrap().verdict
}

/// rancher.md §3 Gate B check 4 and Gate C check 2, §6.1: without
/// `catalog.cattle.io/ui-extensions-version` an extension is not installable and not loaded on
/// Rancher ≥ 2.10; rancher.md §7 row 1: clock 0.1.0 predates the annotation.
#[test]
fn clock_0_1_0_is_blocked_on_rancher_2_10_and_later_by_the_missing_api_annotation() {
    let m = matrix_of(&corpus("rancher/charts/clock-0.1.0.tgz"));
    for row in ["2.10", "2.11", "2.12", "2.13", "2.14", "2.15"] {
        let supported = extcheck_core::platforms::RANCHER.iter().find(|r| r.minor == row).unwrap().kube.lo;
        assert_eq!(verdict(&m, row, supported, VendorBuild::Plain), CellVerdict::Blocked, "{row}");
        let b = gate(&m, row, supported, VendorBuild::Plain, "rancher-b");
        assert_eq!(b.outcome, GateOutcome::Fail);
        assert!(b.reason.contains("`catalog.cattle.io/ui-extensions-version` is missing"), "{row}: {}", b.reason);
        let c = gate(&m, row, supported, VendorBuild::Plain, "rancher-c");
        assert!(
            c.message.as_deref().unwrap().contains("missing the annotation catalog.cattle.io/ui-extensions-version"),
            "{row}"
        );
    }
    // On 2.9 and earlier there is no mandatory annotation and no load-time gate (§3 "Before
    // 2.10"): its `rancher-version: '>= 2.7.0 < 2.10.0'` admits 2.9.
    assert_eq!(verdict(&m, "2.9", 29, VendorBuild::Plain), CellVerdict::Works);
    assert_eq!(gate(&m, "2.9", 29, VendorBuild::Plain, "rancher-c").outcome, GateOutcome::Skipped);
}

/// rancher.md §3 Gate A: the backend removes chart versions whose `rancher-version` fails
/// (Masterminds ≥ 3.4, release builds); §7 row 5: kubewarden 0.1.0 has
/// `rancher-version: >= 2.7.0-0 < 2.8.0-0`.
#[test]
fn kubewarden_0_1_0_is_filtered_out_by_the_backend_on_2_8_and_later() {
    let m = matrix_of(&corpus("rancher/charts/kubewarden-0.1.0.tgz"));
    for row in ["2.8", "2.9", "2.10", "2.12", "2.15"] {
        let r = extcheck_core::platforms::RANCHER.iter().find(|r| r.minor == row).unwrap();
        let a = gate(&m, row, r.kube.lo, VendorBuild::Plain, "rancher-a");
        assert_eq!(a.outcome, GateOutcome::Fail, "{row}");
        assert!(a.reason.contains("rancher-version"), "{row}: {}", a.reason);
        assert!(a.message.as_deref().unwrap().contains("removes this version from the repository index"));
    }
    assert_eq!(gate(&m, "2.7", 25, VendorBuild::Plain, "rancher-a").outcome, GateOutcome::Pass);
    assert_eq!(verdict(&m, "2.7", 25, VendorBuild::Plain), CellVerdict::Works);
}

/// kubesphere.md §3.1 (table: `>=1.19.0` vs `v1.27.4-eks-x` — node-semver true, Masterminds
/// false) and §3.2 (Helm checks Chart `kubeVersion` at install against the raw GitVersion):
/// `kubeVersion: ">=1.19.0"` is blocked by Helm on EKS but selectable in the console.
#[test]
fn a_kubesphere_package_without_dash_zero_is_blocked_by_helm_on_eks_but_selectable_in_the_console() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/RANGE003/input");
    let m = matrix_of(&fixture);
    for minor in [21, 25, 28] {
        assert_eq!(verdict(&m, "4.1.2", minor, VendorBuild::Eks), CellVerdict::Blocked);
        assert_eq!(gate(&m, "4.1.2", minor, VendorBuild::Eks, "helm").outcome, GateOutcome::Fail);
        assert_eq!(gate(&m, "4.1.2", minor, VendorBuild::Eks, "console").outcome, GateOutcome::Pass);
        assert_eq!(verdict(&m, "4.1.2", minor, VendorBuild::Plain), CellVerdict::Works);
        // K3s versions carry build metadata only (kubesphere.md §3.1): same as plain.
        assert_eq!(verdict(&m, "4.1.2", minor, VendorBuild::K3s), CellVerdict::Works);
    }
    assert!(m.summary.contains("blocked on EKS by Helm at install"), "{}", m.summary);
}

/// kubesphere.md §7: KubeSphere 3.x does not run v4 extensions, and 4.1.0–4.1.2 support
/// Kubernetes 1.21–1.28 (1.21–1.30 from 4.1.3).
#[test]
fn platform_support_shades_cells() {
    let m = matrix_of(&corpus("kubesphere/packaged/cert-manager-1.0.0.tgz"));
    assert_eq!(verdict(&m, "3.4.1", 25, VendorBuild::Plain), CellVerdict::NotApplicable);
    assert_eq!(verdict(&m, "4.1.2", 29, VendorBuild::Plain), CellVerdict::Unsupported);
    assert_eq!(verdict(&m, "4.1.3", 29, VendorBuild::Plain), CellVerdict::Works);
    // cert-manager: kubeVersion >=1.22.0-0, ksVersion >=4.0.0-0 (its extension.yaml).
    assert_eq!(verdict(&m, "4.1.3", 21, VendorBuild::Plain), CellVerdict::Blocked);
    assert_eq!(m.summary, "installable on KubeSphere 4.1.0–4.2.1 with Kubernetes 1.22–1.30");
}

#[test]
fn every_corpus_package_has_a_matrix() {
    for path in corpus_inputs() {
        let m = matrix_of(&path);
        assert!(!m.summary.is_empty() && !m.cells.is_empty(), "{}", path.display());
    }
}
