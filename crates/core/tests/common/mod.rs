//! Helpers shared by the integration tests: the shared corpus and checking a path.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use extcheck_core::Report;
use extcheck_core::package::fs::read_path;

/// `testdata/corpus` (see `testdata/PROVENANCE.md`), joined with `rel`.
pub fn corpus(rel: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/corpus");
    assert!(dir.is_dir(), "the shared corpus is expected at {}", dir.display());
    dir.join(rel)
}

/// The corpus folders, one kind of input each.
pub const CORPUS_DIRS: [&str; 6] = [
    "kubesphere/packaged",
    "kubesphere/source",
    "rancher/charts",
    "rancher/plugin",
    "rancher/source",
    "rancher/charts-unpacked",
];

/// Every package of the corpus (archives, source folders, the unpacked chart), sorted per folder.
pub fn corpus_inputs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in CORPUS_DIRS {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(corpus(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        out.extend(entries);
    }
    out
}

/// The corpus's packaged KubeSphere archive whose name starts with `{name}-`.
pub fn packaged(name: &str) -> PathBuf {
    std::fs::read_dir(corpus("kubesphere/packaged"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(&format!("{name}-")))
        .unwrap_or_else(|| panic!("no packaged archive for {name}"))
}

/// Reads and checks `path`, named as given.
pub fn check_path(path: &Path) -> Report {
    let (name, read) = read_path(path).expect("readable");
    extcheck_core::check(&name, read)
}

/// Every rule fixture's input (`tests/fixtures/<CODE>/input` or `input.tgz`) and the
/// many-rule fixture `_fix/rancher-chart-many`, sorted.
pub fn fixture_inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .map(|case| if case.join("input.tgz").exists() { case.join("input.tgz") } else { case.join("input") })
        .collect();
    cases.push(root.join("_fix/rancher-chart-many/input"));
    cases.sort();
    cases
}

/// Asserts the fix invariant of issue 11: every matrix cell where `package` works (with or
/// without a caveat) still works in the corrected package, read back from its bytes.
pub fn assert_no_cell_lost(
    label: &str,
    package: &extcheck_core::PackageReport,
    corrected: &extcheck_core::fix::output::Corrected,
) {
    let Some(before) = package.matrix.as_ref().map(|m| m.working()) else { return };
    let Some(report) = corrected.report.as_ref() else { return };
    let after = report.packages[0].matrix.as_ref().map(|m| m.working()).unwrap_or_default();
    let lost: Vec<_> = before.difference(&after).collect();
    assert!(
        lost.is_empty(),
        "{label}: the fixes lost {} of {} working cells, e.g. {:?}; applied {:?}",
        lost.len(),
        before.len(),
        lost.first(),
        corrected.fixed.applied.iter().map(|a| a.code).collect::<Vec<_>>()
    );
}
