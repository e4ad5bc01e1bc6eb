//! The corrected package: invariants on every corpus package and every rule fixture, the
//! ksbuilder layout against the corpus's packaged archives, and a fixture that breaks many
//! Rancher rules at once.
//!
//! Invariants (issue 6): every file no fix touched is byte-identical in the output; fixing the
//! output again changes nothing; the output, read back from its bytes, shows none of the fixed
//! diagnostics and is the same kind of package.

use std::collections::BTreeSet;
mod common;

use std::path::Path;

use common::{check_path, corpus, corpus_inputs, fixture_inputs, packaged};

use extcheck_core::PackageReport;
use extcheck_core::fix::output::{Corrected, Layout, correct};
use extcheck_core::fix::{FixKey, Selection, SkipReason};
use extcheck_core::package::fs::read_path;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Asserts the invariants for one package and returns what was corrected.
fn assert_invariants(label: &str, package: &PackageReport, selection: &Selection) -> Option<Corrected> {
    let corrected = correct(package, selection);
    let Ok(output) = &corrected.output else {
        // Only unreadable or incomplete inputs have no output.
        assert!(
            package.kind.is_none()
                || package.diagnostics.iter().any(|d| matches!(d.code, "PKG001" | "PKG003" | "KS001" | "SYN001")),
            "{label}: no output: {:?}",
            corrected.output.as_ref().err()
        );
        return None;
    };
    // 1. Untouched files are byte-identical.
    let exempt: BTreeSet<&str> = corrected
        .fixed
        .touched
        .iter()
        .map(String::as_str)
        .chain(output.rewritten.iter().map(String::as_str))
        .chain(output.ignored.iter().map(String::as_str))
        .collect();
    for (path, bytes) in &package.package.files {
        if exempt.contains(path.as_str()) {
            continue;
        }
        assert_eq!(output.files.get(path), Some(bytes), "{label}: untouched `{path}` changed or went missing");
    }
    for path in output.files.keys() {
        assert!(
            package.package.files.contains_key(path)
                || exempt.contains(path.as_str())
                || output.layout == Layout::Ksbuilder,
            "{label}: `{path}` appeared from nowhere"
        );
    }
    for path in corrected.changed_paths() {
        assert!(exempt.contains(path), "{label}: `{path}` differs but no fix or the writer claims it");
    }
    // 2. It reads back as the same kind of package.
    let report = corrected.report.as_ref().expect("an output is re-checked");
    assert_eq!(report.packages.len(), 1, "{label}");
    let back = &report.packages[0];
    assert_eq!(back.kind, package.kind, "{label}: read back as another kind");
    // 3. None of the fixed diagnostics is left.
    let applied: BTreeSet<(&str, Option<&str>)> =
        corrected.fixed.applied.iter().map(|a| (a.code, a.file.as_deref())).collect();
    let skipped: BTreeSet<&str> = corrected.fixed.skipped.iter().map(|s| s.code).collect();
    assert!(
        corrected.fixed.skipped.iter().all(|s| matches!(s.reason, SkipReason::LosesCells { .. })),
        "{label}: fixes skipped: {:#?}",
        corrected.fixed.skipped
    );
    // 5. No fix makes the package work in fewer matrix cells (issue 11).
    common::assert_no_cell_lost(label, package, &corrected);
    for d in &back.diagnostics {
        assert!(
            !(applied.contains(&(d.code, d.file.as_deref())) && selection.chooses(d) && !skipped.contains(d.code)),
            "{label}: {} still reported after its fix: {}",
            d.code,
            d.message
        );
    }
    // 4. Fixing again changes nothing: no chosen fix is left and the bytes are the same.
    let again = correct(back, selection);
    assert!(again.fixed.applied.is_empty(), "{label}: a second run applied {:#?}", again.fixed.applied);
    let again_output = again.output.as_ref().expect("the output can be written again");
    if output.layout != Layout::Ksbuilder {
        assert_eq!(again_output.bytes, output.bytes, "{label}: not idempotent");
    }
    assert_eq!(again_output.files, output.files, "{label}: files changed on a second run");
    Some(corrected)
}

#[test]
fn corpus_packages_keep_every_untouched_byte_and_fix_idempotently() {
    let mut outputs = 0;
    for input in corpus_inputs() {
        let label = input.strip_prefix(corpus("")).unwrap().display().to_string();
        let report = check_path(&input);
        assert_eq!(report.packages.len(), 1, "{label}: one package per corpus input");
        for package in &report.packages {
            for selection in [Selection::safe(), Selection::all()] {
                if assert_invariants(&label, package, &selection).is_some() {
                    outputs += 1;
                }
            }
        }
    }
    assert_eq!(outputs, 56, "every corpus package gets a corrected package with both selections");
}

#[test]
fn every_fixture_keeps_untouched_bytes_and_its_fixed_codes_are_gone() {
    for input in fixture_inputs() {
        let label = input.strip_prefix(manifest()).unwrap().display().to_string();
        let report = check_path(&input);
        // Both selections: the fix invariant (no lost cell, per patch release) must hold for what
        // `--fix` applies by default and for every fix (issue 11).
        for package in &report.packages {
            for selection in [Selection::safe(), Selection::all()] {
                assert_invariants(&label, package, &selection);
            }
        }
    }
}

#[test]
fn fixture_fixes_remove_their_own_code() {
    // Each fixture whose rule has a fix: with every fix applied, the rule no longer fires.
    for input in fixture_inputs() {
        let case = input.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
        let code = case.split('-').next().unwrap();
        let Some(rule) = extcheck_core::rules::rule(code) else { continue };
        if rule.fix == extcheck_core::rules::registry::FixKind::None {
            continue;
        }
        let report = check_path(&input);
        let package = &report.packages[0];
        let fixable = package.diagnostics.iter().filter(|d| d.code == code && d.fix.is_some()).count();
        if matches!(case.as_str(), "SYN001-json" | "SYN001-tags" | "SYN001-utf16") {
            // No mechanical fix: a JSON syntax error, a tag Go refuses (which value was meant is the
            // author's call) and UTF-16 files (edits are UTF-8 text). The YAML tab case has one.
            assert_eq!(fixable, 0);
            continue;
        }
        assert!(fixable > 0, "{case}: {code} offers no fix");
        let corrected = correct(package, &Selection::all());
        let back = corrected.report.unwrap_or_else(|| panic!("{case}: no output: {:?}", corrected.output.err()));
        let left: Vec<&str> = back
            .packages
            .iter()
            .flat_map(|p| &p.diagnostics)
            .filter(|d| d.code == code)
            .map(|d| d.message.as_str())
            .collect();
        assert!(left.is_empty(), "{case}: {code} still fires after fixing: {left:?}");
    }
}

/// Top-level entry names of a `.tgz`, in archive order.
fn entries(bytes: &[u8]) -> Vec<String> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
    archive.entries().unwrap().map(|e| e.unwrap().path().unwrap().display().to_string()).collect()
}

#[test]
fn source_folders_package_as_ksbuilder_does() {
    for (name, file) in [
        ("cert-manager", "cert-manager-1.0.0.tgz"),
        ("deepseek", "deepseek-0.1.0.tgz"),
        ("metrics-server", "metrics-server-0.7.1.tgz"),
    ] {
        let report = check_path(&corpus("kubesphere/source").join(name));
        let corrected = correct(&report.packages[0], &Selection::safe());
        assert!(corrected.fixed.applied.is_empty(), "{name}: {:?}", corrected.fixed.applied);
        let output = corrected.output.unwrap();
        assert_eq!(output.file_name, file);
        let packaged_bytes = std::fs::read(packaged(name)).unwrap();
        let mut ours = entries(&output.bytes);
        let mut theirs = entries(&packaged_bytes);
        if name == "deepseek" {
            // Helm saves subcharts in Go map order (random); ksbuilder happened to write
            // frontend before backend. We write them sorted.
            ours.sort();
            theirs.sort();
        }
        assert_eq!(ours, theirs, "{name}: entry list");
        let (_, read) = read_path(&packaged(name)).unwrap();
        let packaged_files = read.package.unwrap().files;
        assert_eq!(output.files, packaged_files, "{name}: file contents (Chart.yaml included)");
    }
}

#[test]
fn rancher_chart_breaking_many_rules_downloads_clean() {
    let input = manifest().join("tests/fixtures/_fix/rancher-chart-many/input");
    let report = check_path(&input);
    let package = &report.packages[0];
    let before: BTreeSet<&str> = package.diagnostics.iter().map(|d| d.code).collect();
    for code in ["RC010", "RANGE001", "RC012"] {
        assert!(before.contains(code), "the fixture breaks {code}: {before:?}");
    }
    // RC021 (plugin.metadata lacks the gating annotations) only counts once the chart can be
    // installed on Rancher 2.10+, i.e. once RC010's fix adds ui-extensions-version: the engine
    // finds it in its second pass.
    // The user ticks the unsafe RC010 fix (it picks a ui-extensions-version range).
    let rc010 = package.diagnostics.iter().find(|d| d.code == "RC010").unwrap();
    let selection = Selection { include: BTreeSet::from([FixKey::of(rc010)]), ..Selection::safe() };
    let corrected = assert_invariants("rancher-chart-many", package, &selection).unwrap();
    let rc021 = corrected.fixed.applied.iter().find(|a| a.code == "RC021").expect("RC021 fixed");
    assert_eq!(rc021.pass, 2);
    let output = corrected.output.as_ref().unwrap();
    assert_eq!(output.file_name, "demo-0.1.0.tgz");
    let chart = std::str::from_utf8(&output.files["Chart.yaml"]).unwrap();
    let values = std::str::from_utf8(&output.files["values.yaml"]).unwrap();
    assert!(chart.starts_with("# Demo extension chart (hand-edited after publishing).\n"), "{chart}");
    assert!(chart.contains("catalog.cattle.io/display-name: Demo  # shown in the Extensions page\n"), "{chart}");
    assert!(values.contains("  # Rancher 2.10+ reads these when it loads the extension.\n"), "{values}");
    insta::assert_snapshot!("rancher-chart-many-diff", extcheck_core::fix::diff::to_unified(&corrected.diffs));
    assert_eq!(output.top_folder.as_deref(), Some("demo"));
    let after: Vec<&str> = corrected.report.as_ref().unwrap().packages[0].diagnostics.iter().map(|d| d.code).collect();
    for code in ["RC010", "RANGE001", "RANGE002", "RC012", "RC021"] {
        assert!(!after.contains(&code), "{code} left after fixing: {after:?}");
    }
    assert!(after.is_empty(), "the corrected chart is clean: {after:?}");
}

#[test]
fn written_archives_are_deterministic() {
    let report = check_path(&corpus("kubesphere/source/hello-world"));
    let a = correct(&report.packages[0], &Selection::all()).output.unwrap();
    let b = correct(&report.packages[0], &Selection::all()).output.unwrap();
    assert_eq!(a.bytes, b.bytes);
}
