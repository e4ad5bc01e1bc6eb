//! Rules are typed units (`crate::violation`): every diagnostic of a converted area is built
//! through its finding type, so that its code and severity come from the rule's declaration.
//! This test fails when a source file of a converted area builds one with a literal code
//! (`Diagnostic::new("…"` or `.diag("…"`) outside its unit tests. Not yet converted: the RC
//! rules still in `rancher/rules/mod.rs` and `rancher/listing.rs`, and the TPL rules; when the
//! list covers the whole crate it becomes a walk of `src/`.

use std::path::{Path, PathBuf};

/// The converted areas: folders (searched recursively) and single files, relative to `src/`.
const AREAS: &[&str] = &[
    "rules/range",
    "helm/rules",
    "suppress",
    "rancher/rules/rc003.rs",
    "rancher/rules/rc005.rs",
    "rancher/rules/rc012.rs",
    "rancher/rules/rc020.rs",
    "rancher/rules/rc022.rs",
    "rancher/rules/rc024.rs",
    "rancher/rules/rc027.rs",
    "rancher/rules/rc028.rs",
    "kubesphere/rules",
    "package",
    "rules/syntax",
    "rules/pkg009.rs",
    "rules/mod.rs",
    "document/schema.rs",
    "document/schema",
    "config.rs",
    "config",
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

/// The literal-code patterns in the non-test part of a source file's `text`.
fn literal_codes(text: &str) -> Vec<&'static str> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let compact: String = code.split_whitespace().collect();
    ["Diagnostic::new(\"", ".diag(\""].into_iter().filter(|p| compact.contains(p)).collect()
}

#[test]
fn converted_areas_build_diagnostics_through_their_types() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for area in AREAS {
        let path = src.join(area);
        assert!(path.exists(), "{area} does not exist");
        rust_files(&path, &mut files);
    }
    assert!(files.len() > 40, "only {} files found", files.len());
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for pattern in literal_codes(&text) {
            offenders.push(format!("{}: {pattern}", file.strip_prefix(&src).unwrap().display()));
        }
    }
    assert!(offenders.is_empty(), "diagnostics built with a literal code:\n{}", offenders.join("\n"));
}

#[test]
fn the_check_sees_a_literal_code() {
    // Whitespace and line breaks do not hide a literal code; unit tests may use one.
    let emitting = "out.push(file.file.diag(\n    \"KS001\",\n    Severity::Error,";
    assert_eq!(literal_codes(emitting), [".diag(\""]);
    assert_eq!(literal_codes("Diagnostic ::new( \"PKG001\", s, m, h)"), ["Diagnostic::new(\""]);
    assert!(literal_codes("fn f() {}\n#[cfg(test)]\nmod tests { Diagnostic::new(\"RC010\", s, m, h) }").is_empty());
    assert!(literal_codes("file.report(&finding, span)").is_empty());
}
