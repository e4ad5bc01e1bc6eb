//! The real-world corpus (`testdata/corpus`, unmodified packages from public repositories):
//! every package is read, its kind and identity detected, its JSON report is valid, and the
//! only errors are the ones the package truly has (each justified below).

mod common;

use common::corpus_inputs;
use extcheck_core::package::fs::read_path;
use extcheck_core::{Severity, report};

/// Errors the corpus really has, with the reason.
/// (None since issue 11: the two charts that lack `ui-extensions-version`, clock-0.1.0 and
/// kubewarden-0.1.0, predate it (rancher.md §7 rows 1 and 5), and their own `rancher-version`
/// (`>= 2.7.0 < 2.10.0`, `>= 2.7.0-0 < 2.8.0-0`) already excludes every Rancher line that
/// checks it, so RC010 is a warning there; see `RC010_WARNINGS`.)
const TRUE_ERRORS: &[(&str, &str, &str)] = &[];

/// Packages where RC010 is a warning because their `rancher-version` excludes Rancher 2.10+.
const RC010_WARNINGS: [&str; 2] = ["clock-0.1.0.tgz", "kubewarden-0.1.0.tgz"];

#[test]
fn every_corpus_package_is_read_detected_and_has_no_false_errors() {
    let inputs = corpus_inputs();
    assert_eq!(inputs.len(), 28, "corpus changed: {inputs:?}");
    for input in inputs {
        let file_name = input.file_name().unwrap().to_string_lossy().into_owned();
        let (name, read) = read_path(&input).unwrap();
        let report = extcheck_core::check(&name, read);
        assert_eq!(report.packages.len(), 1, "{file_name}");
        let package = &report.packages[0];
        let kind = package.kind.unwrap_or_else(|| panic!("{file_name}: not recognised"));
        let expected_kind = match input.parent().unwrap().file_name().unwrap().to_str().unwrap() {
            "packaged" | "source" if input.to_string_lossy().contains("kubesphere") => "kubesphere",
            "charts" | "charts-unpacked" => "rancher-chart",
            "plugin" => "rancher-plugin",
            "source" => "rancher-package",
            other => panic!("{other}"),
        };
        assert_eq!(kind.as_str(), expected_kind, "{file_name}");
        assert!(package.name.is_some() && package.version.is_some(), "{file_name}: no identity");
        let errors: Vec<(&str, &str)> = package
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.code, d.file.as_deref().unwrap_or("")))
            .collect();
        let expected: Vec<(&str, &str)> =
            TRUE_ERRORS.iter().filter(|(f, ..)| *f == file_name).map(|(_, c, f)| (*c, *f)).collect();
        assert_eq!(errors, expected, "{file_name}:\n{}", report::text::render(&report, false));
        if RC010_WARNINGS.contains(&file_name.as_str()) {
            let rc010 = package.diagnostics.iter().find(|d| d.code == "RC010").expect("RC010 on clock");
            assert_eq!(rc010.severity, Severity::Warning, "its rancher-version excludes 2.10+");
        }
        // The JSON report is valid and has the documented shape.
        let json: serde_json::Value = serde_json::from_str(&report::json::to_string(&report)).unwrap();
        assert_eq!(json["tool"]["name"], "extcheck");
        assert_eq!(json["packages"][0]["kind"], expected_kind);
        assert_eq!(json["summary"]["errors"], expected.len());
    }
}
