//! The real-world corpus (`testdata/corpus`, unmodified packages from public repositories):
//! every package is read, its kind and identity detected, its JSON report is valid, and the
//! only errors are the ones the package truly has (each justified below).

mod common;

use common::corpus_inputs;
use extcheck_core::package::fs::read_path;
use extcheck_core::{Severity, report};

/// Errors the corpus really has, with the reason.
const TRUE_ERRORS: &[(&str, &str, &str)] = &[
    // Both predate `catalog.cattle.io/ui-extensions-version` (rancher.md §7 rows 1 and 5):
    // Rancher 2.10+ marks them not installable and does not load installed copies.
    ("clock-0.1.0.tgz", "RC010", "Chart.yaml"),
    ("kubewarden-0.1.0.tgz", "RC010", "Chart.yaml"),
];

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
        // The JSON report is valid and has the documented shape.
        let json: serde_json::Value = serde_json::from_str(&report::json::to_string(&report)).unwrap();
        assert_eq!(json["tool"]["name"], "extcheck");
        assert_eq!(json["packages"][0]["kind"], expected_kind);
        assert_eq!(json["summary"]["errors"], expected.len());
    }
}
