//! Rules as typed units (issue 16): in the converted areas, every diagnostic is built through
//! its rule's finding type (`TextFile::report`, `Violation::diagnostic`), never from a literal
//! code (`Diagnostic::new("CODE", …)`, `.diag("CODE", …)`), so that no severity can drift from
//! the rule's declaration. The list of areas grows as areas are converted; when it covers the
//! whole crate it becomes a walk of `src/`.

use std::path::{Path, PathBuf};

/// The converted areas: folders (walked) and files of `crates/core/src`.
const CONVERTED: &[&str] = &[
    "rules/range",
    "helm/rules",
    "suppress",
    "kubesphere/rules/ks010.rs",
    "rancher/rules/rc003.rs",
    "rancher/rules/rc005.rs",
    "rancher/rules/rc012.rs",
    "rancher/rules/rc020.rs",
    "rancher/rules/rc022.rs",
    "rancher/rules/rc024.rs",
    "rancher/rules/rc027.rs",
    "rancher/rules/rc028.rs",
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// How many diagnostics `code` builds from a literal code (whitespace, line breaks included,
/// ignored: `.diag(\n    "RC005",` counts).
fn literal_builds(code: &str) -> usize {
    let squeezed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.matches("Diagnostic::new(\"").count() + squeezed.matches(".diag(\"").count()
}

#[test]
fn converted_areas_build_no_diagnostic_from_a_literal_code() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for area in CONVERTED {
        let path = src.join(area);
        assert!(path.exists(), "{area} does not exist");
        rust_files(&path, &mut files);
    }
    assert!(files.len() >= 10, "too few files: {files:?}");
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            // Unit tests build made-up diagnostics on purpose.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let n = literal_builds(code);
            (n > 0).then(|| format!("{}: {n}", file.strip_prefix(&src).unwrap().display()))
        })
        .collect();
    assert!(offenders.is_empty(), "diagnostics built from a literal code:\n{}", offenders.join("\n"));
}

#[test]
fn literal_codes_are_found_across_lines() {
    assert_eq!(literal_builds("out.push(file.file.diag(\n        \"RC005\",\n        Severity::Error,"), 1);
    assert_eq!(literal_builds("Diagnostic::new(\"SUP001\", Severity::Warning, m, h)"), 1);
    assert_eq!(literal_builds("out.push(file.file.report(&finding, span));"), 0);
}
