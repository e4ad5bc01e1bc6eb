//! Embeds the rules' Chinese docs (`crates/core/docs/rules/zh/<CODE>.md`) for the rules page:
//! writes `zh_docs(code)` to `$OUT_DIR/zh_docs.rs`, one `include_str!` per file, so that a new
//! rule's docs need no list edited here (the session's tests check that every rule has them).

use std::fmt::Write as _;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/docs/rules/zh");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "md"));
    files.sort();
    let mut out = String::from(
        "/// The Chinese docs of rule `code`, when it has them.\nfn zh_docs(code: &str) -> Option<&'static str> {\n    match code {\n",
    );
    for path in files {
        let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let _ = writeln!(out, "        {code:?} => Some(include_str!({:?})),", path.display().to_string());
    }
    out.push_str("        _ => None,\n    }\n}\n");
    let target = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("zh_docs.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
