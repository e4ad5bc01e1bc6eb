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

/// The nutanix partner extension's range (rancher.md §7 row 10), the shape of a range that
/// excludes early patches of a line: `>= 2.13.1-0 || >= 2.12.5-0 < 2.13.0-0 || >= 2.11.8-0 < 2.12.0-0`.
const NUTANIX_RANGE: &str = ">= 2.13.1-0 || >= 2.12.5-0 < 2.13.0-0 || >= 2.11.8-0 < 2.12.0-0";

fn assert_nutanix_patches(m: &Matrix) {
    let cell = |row: &str, minor: u32| {
        m.cell(m.row_index(row).unwrap(), m.column_index(minor).unwrap(), VendorBuild::Plain).unwrap().clone()
    };
    // Gate A (Masterminds) removes the chart on 2.11.0–2.11.7, 2.12.0–2.12.4 and 2.13.0: those
    // lines are mixed, never "works".
    for (row, minor, label, blocked) in
        [("2.11", 31, "from 2.11.8", 8), ("2.12", 32, "from 2.12.5", 5), ("2.13", 33, "from 2.13.1", 1)]
    {
        let c = cell(row, minor);
        assert_eq!(c.verdict, CellVerdict::Mixed, "{row}: {:?}", c.gates);
        let split = c.patches.as_ref().unwrap();
        assert_eq!(split.label, label);
        assert_eq!(split.blocked.len(), blocked, "{row}");
        assert_eq!(c.blocker().unwrap().id, "rancher-a", "{row}");
        assert!(c.describe(m).contains(&format!("works {label}")), "{}", c.describe(m));
    }
    assert_eq!(cell("2.14", 34).verdict, CellVerdict::Works);
    assert_eq!(cell("2.10", 30).verdict, CellVerdict::Blocked);
    // Counted per patch: 2.11.8 works on 1.31, 2.11.7 does not.
    let working = m.working();
    let has = |patch: &str| working.iter().any(|c| c.patch == patch && c.minor == 31 && c.vendor == "plain");
    assert!(has("2.11.8") && has("2.11.16") && !has("2.11.7") && !has("2.11.0"));
    assert!(
        m.summary.starts_with(
            "installable on Rancher 2.11 (from 2.11.8), 2.12 (from 2.12.5), 2.13 (from 2.13.1), 2.14–2.15"
        ),
        "{}",
        m.summary
    );
}

#[test]
fn a_range_excluding_early_patches_makes_its_lines_mixed() {
    use extcheck_core::matrix::rancher::{Inputs, compute};
    let a: Vec<(String, String)> = [
        ("catalog.cattle.io/kube-version", ">= 1.16.0-0"),
        ("catalog.cattle.io/rancher-version", NUTANIX_RANGE),
        ("catalog.cattle.io/ui-extensions-version", ">= 3.0.0 < 4.0.0"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let inputs = Inputs {
        version: "1.2.1".into(),
        metadata: a.clone(),
        annotations: a,
        chart_kube_version: String::new(),
        has_endpoint: true,
        assume_api: false,
    };
    assert_nutanix_patches(&compute(&inputs));
}

#[test]
fn nutanix_from_the_sweep_is_mixed_on_2_11_to_2_13() {
    let Some(dir) = std::env::var_os("EXTCHECK_SWEEP_DIR") else {
        eprintln!("EXTCHECK_SWEEP_DIR is not set: skipped");
        return;
    };
    // The sweep holds 1.1.3 and 1.2.0, which carry 1.2.1's range.
    for version in ["1.1.3", "1.2.0"] {
        let m = matrix_of(&Path::new(&dir).join(format!("rancher/charts/nutanix-{version}.tgz")));
        assert_nutanix_patches(&m);
    }
}

/// Rancher 2.7.0–2.7.1 read the misspelled `ui-extenstions-version` (rancher.md §3): a
/// `ui-extensions-version` of `>= 1.1.0` is not checked there and fails 2.7.0's constant 1.0.0
/// nowhere; 2.8.0–2.8.3 check 1.1.0, 2.8.4+ 1.2.0 — so `>= 1.2.0` works on 2.8 from 2.8.4.
#[test]
fn extensions_api_constants_split_the_2_8_line() {
    use extcheck_core::matrix::rancher::{Inputs, compute};
    let a = vec![("catalog.cattle.io/ui-extensions-version".to_string(), ">= 1.2.0 < 2.0.0".to_string())];
    let inputs = Inputs {
        version: "1.0.0".into(),
        metadata: a.clone(),
        annotations: a,
        has_endpoint: true,
        ..Default::default()
    };
    let m = compute(&inputs);
    let c = m.cell(m.row_index("2.8").unwrap(), m.column_index(27).unwrap(), VendorBuild::Plain).unwrap();
    assert_eq!(c.verdict, CellVerdict::Mixed);
    assert_eq!(c.patches.as_ref().unwrap().label, "from 2.8.4");
    // 2.7: 2.7.0–2.7.1 ignore the key; 2.7.2+ check 1.1.0, which `>= 1.2.0` rejects.
    let c = m.cell(m.row_index("2.7").unwrap(), m.column_index(24).unwrap(), VendorBuild::Plain).unwrap();
    assert_eq!(c.patches.as_ref().unwrap().label, "up to 2.7.1");
}

/// The corpus's unpacked kubewarden chart with nutanix's range in Chart.yaml and values.yaml
/// `plugin.metadata`: every report names the lines whose patch releases differ.
#[test]
fn reports_show_lines_whose_patches_differ() {
    use extcheck_core::package::{FolderEntry, read_folder};
    let root = corpus("rancher/charts-unpacked/kubewarden");
    let (_, read) = read_path(&root).unwrap();
    let entries: Vec<FolderEntry> = read
        .package
        .unwrap()
        .files
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let text = text
                .replace("'>= 2.11.0-0'", &format!("'{NUTANIX_RANGE}'"))
                .replace("\">= 2.11.0-0\"", &format!("\"{NUTANIX_RANGE}\""));
            FolderEntry::File { path, bytes: text.into_bytes() }
        })
        .collect();
    let report = extcheck_core::check("kubewarden", read_folder("kubewarden", entries));
    let m = report.packages[0].matrix.as_ref().unwrap();
    assert_nutanix_patches(m);
    let text = extcheck_core::report::text::render(&report, false);
    assert!(text.contains("patch releases differ: Rancher 2.11: works from 2.11.8; 2.11.0–2.11.7 blocked"), "{text}");
    let markdown = extcheck_core::report::markdown::render(std::slice::from_ref(&report));
    assert!(markdown.contains("Rancher 2.11 (from 2.11.8)"), "{markdown}");
    assert!(
        markdown.contains("- Patch releases differ: Rancher 2.12") && markdown.contains("works from 2.12.5"),
        "{markdown}"
    );
    let sarif = serde_json::to_value(extcheck_core::report::sarif::to_sarif(std::slice::from_ref(&report))).unwrap();
    let mixed = &sarif["runs"][0]["properties"]["mixedPatchReleases"];
    assert_eq!(mixed.as_array().map(Vec::len), Some(3), "{mixed}");
    let json = extcheck_core::report::json::to_value(&report);
    let cells = json["packages"][0]["matrix"]["cells"].as_array().unwrap();
    assert!(cells.iter().any(|c| c["verdict"] == "mixed" && c["patches"]["label"] == "from 2.13.1"));
}
