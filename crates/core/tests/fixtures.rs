//! Every rule fixture (`tests/fixtures/<CODE>[-variant]/`) fires its rule and no other code,
//! and its whole text report matches the snapshot. The valid bases report nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use extcheck_core::package::fs::read_path;
use extcheck_core::report;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The case's input (`input.tgz` or `input/`) and its name relative to the crate.
fn input_of(case: &Path) -> PathBuf {
    let tgz = case.join("input.tgz");
    if tgz.exists() { tgz } else { case.join("input") }
}

fn check(input: &Path) -> extcheck_core::Report {
    let (_, read) = read_path(input).expect("fixture readable");
    let shown = input.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string();
    extcheck_core::check(&shown, read)
}

fn codes(report: &extcheck_core::Report) -> BTreeSet<&'static str> {
    report.packages.iter().flat_map(|p| &p.diagnostics).map(|d| d.code).collect()
}

#[test]
fn each_fixture_fires_its_rule_and_nothing_else() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} fixtures", cases.len());
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let code = name.split('-').next().unwrap().to_string();
        assert!(extcheck_core::rules::rule(&code).is_some(), "{name}: `{code}` is not a registered code");
        let report = check(&input_of(&case));
        let found = codes(&report);
        let mut allowed: BTreeSet<String> = std::fs::read_to_string(case.join("also"))
            .unwrap_or_default()
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        allowed.insert(code.clone());
        assert!(found.contains(code.as_str()), "{name}: {code} did not fire; found {found:?}");
        let unexpected: Vec<_> = found.iter().filter(|c| !allowed.contains(**c)).collect();
        assert!(unexpected.is_empty(), "{name}: unexpected codes {unexpected:?}");
        insta::assert_snapshot!(name, report::text::render(&report, false));
    }
}

#[test]
fn valid_bases_report_nothing() {
    for base in ["kubesphere", "rancher-package", "rancher-chart", "rancher-plugin"] {
        let report = check(&input_of(&fixtures_dir().join("_valid").join(base)));
        assert!(report.packages[0].kind.is_some(), "{base}");
        assert_eq!(codes(&report), BTreeSet::new(), "{base}:\n{}", report::text::render(&report, false));
    }
}
