//! Fuzz target bodies: one plain function per target, shared by the cargo-fuzz targets in
//! `fuzz/fuzz_targets/` (libFuzzer, nightly) and by the stable test `tests/fuzz_corpus.rs`,
//! which replays the minimised corpus in `fuzz/corpus/<target>/` on every test run.
//!
//! Each function takes arbitrary bytes, runs one reader or engine, and panics only when an
//! invariant breaks (a span outside the text, a verdict that contradicts itself); the readers
//! themselves never panic.
//!
//! The bodies are lean, so that a campaign reaches millions of executions: `archive` and
//! `check_tree` read, detect and run every rule but compute no matrix and price no fix (the
//! matrix is constraint evaluation, which the semver targets fuzz directly, repeated per
//! platform release), and render the text report only (the other formats serialise the same
//! diagnostics and are covered by `tests/exports.rs`); the semver targets evaluate against the
//! one version of the input.

use crate::package::{FolderEntry, read_archive, read_folder};
use crate::semver::{masterminds, node};
use crate::syntax::{json, yaml};

/// A fuzz target's body: arbitrary bytes in, a panic only when an invariant breaks.
pub type Target = fn(&[u8]);

/// The targets by name (the folder names under `fuzz/corpus/`), for the corpus replay.
pub const TARGETS: [(&str, Target); 7] = [
    ("archive", archive),
    ("yaml", yaml_spans),
    ("json", json_spans),
    ("masterminds", masterminds_engine),
    ("node_semver", node_engine),
    ("check_tree", check_tree),
    ("template", template),
];

/// Reads `data` as an archive and checks the result (rules only: no matrix, no fix prices);
/// the text report must render.
pub fn archive(data: &[u8]) {
    let report = crate::check::check_rules_only("fuzz.tgz", read_archive("fuzz.tgz", data));
    render(&report);
}

/// Parses `data` (as lossy UTF-8) as YAML; every node's span must lie inside the text, on
/// character boundaries, and the error offset too.
pub fn yaml_spans(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let stream = yaml::parse(&text);
    for doc in &stream.documents {
        yaml::walk(doc, |node| {
            assert!(node.span.start <= node.span.end && node.span.end <= text.len(), "{:?}", node.span);
            assert!(text.is_char_boundary(node.span.start) && text.is_char_boundary(node.span.end));
        });
    }
    if let Some(e) = &stream.error {
        assert!(e.offset <= text.len());
    }
}

/// Parses `data` (as lossy UTF-8) as JSON; spans must lie inside the text.
pub fn json_spans(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match json::parse(&text) {
        Ok(root) => {
            let mut stack = vec![&root];
            while let Some(node) = stack.pop() {
                assert!(node.span.start <= node.span.end && node.span.end <= text.len());
                match &node.value {
                    json::JsonValue::Array(items) => stack.extend(items),
                    json::JsonValue::Object(members) => {
                        for m in members {
                            assert!(m.key_span.end <= text.len());
                            stack.push(&m.value);
                        }
                    }
                    _ => {}
                }
            }
        }
        Err(e) => assert!(e.offset <= text.len()),
    }
}

/// Splits `data` at the first newline into a version and a constraint.
fn version_and_constraint(data: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(data);
    let (v, c) = text.split_once('\n').unwrap_or(("1.28.3", &text));
    (v.to_string(), c.to_string())
}

/// Masterminds: parses the version and the constraint with every profile; `check` and
/// `explain` must agree, and `validate` with them except where upstream itself disagrees: in
/// 3.2 and 3.3 `Validate` refuses a prerelease version before every comparator without a
/// prerelease, while `Check`'s `constraintNotEqual` does so only for a wildcard (`!=1.x`), so
/// `Check("!=1.0.0", 1.0.0-1)` is true and `Validate` false (`tests/semver_engines.rs`).
pub fn masterminds_engine(data: &[u8]) {
    let (v, c) = version_and_constraint(data);
    for profile in [masterminds::Profile::V3_2, masterminds::Profile::V3_3, masterminds::Profile::V3_4] {
        let version = masterminds::Version::parse(&v, profile.line);
        if let Ok(cs) = masterminds::Constraints::parse(&c, profile) {
            let _ = cs.to_text();
            if let Ok(version) = &version {
                let ok = cs.check(version);
                assert_eq!(ok, cs.explain(version).satisfied, "{c:?} {v:?}");
                let valid = cs.validate(version);
                if profile.line == masterminds::Line::V3_4 || !ok {
                    assert_eq!(ok, valid.is_ok(), "{c:?} {v:?}");
                } else if valid.is_err() {
                    assert_eq!(cs.validate_prerelease(version), Err(true), "{c:?} {v:?}");
                }
            }
        }
    }
    let _ = crate::semver::rewrite::fix_all(&c);
}

/// node-semver: parses the version and the range with each option set; `test` and `explain`
/// must agree.
pub fn node_engine(data: &[u8]) {
    let (v, c) = version_and_constraint(data);
    for options in [node::Options::DEFAULT, node::Options::INCLUDE_PRERELEASE] {
        let _ = node::valid_range(&c, options);
        let _ = node::coerce(&v);
        if let (Ok(range), Ok(version)) = (node::Range::parse(&c, options), node::SemVer::parse(&v, options)) {
            assert_eq!(range.test(&version), range.explain(&version).satisfied, "{c:?} {v:?}");
        }
    }
}

/// An arbitrary small file tree: `data` is split at NUL bytes into path, content, path,
/// content, …; the folder is read and checked (rules only, as in [`archive`]), and the text
/// report rendered.
pub fn check_tree(data: &[u8]) {
    let mut parts = data.split(|&b| b == 0);
    let mut entries = Vec::new();
    while let (Some(path), Some(bytes)) = (parts.next(), parts.next()) {
        let path = String::from_utf8_lossy(path).into_owned();
        entries.push(FolderEntry::File { path, bytes: bytes.to_vec() });
    }
    let report = crate::check::check_rules_only("fuzz", read_folder("fuzz", entries));
    render(&report);
}

/// Largest output of one template in [`template`], bytes: the render budget path is the same
/// as with extcheck's own budget ([`crate::template::MAX_TEMPLATE_OUTPUT`]), and a campaign
/// does not spend its time writing megabytes.
pub const TEMPLATE_FUZZ_OUTPUT: usize = 1 << 20;

/// Go `text/template` with Sprig and Helm's functions (`extcheck-render`): `data` up to its
/// first NUL byte is the text of `templates/fuzz.yaml`, the rest the chart's `values.yaml`;
/// the one-template chart is loaded and rendered with the render budgets (nesting, output of
/// [`TEMPLATE_FUZZ_OUTPUT`] bytes). A render may fail with Helm's message; it must not panic,
/// and its output stays within the budget.
pub fn template(data: &[u8]) {
    let (text, values) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let files = [
        ("Chart.yaml".to_string(), b"apiVersion: v2\nname: fuzz\nversion: 0.1.0\n".to_vec()),
        ("values.yaml".to_string(), values.to_vec()),
        ("templates/fuzz.yaml".to_string(), text.to_vec()),
    ];
    let options = extcheck_render::RenderOptions { max_output: TEMPLATE_FUZZ_OUTPUT, ..Default::default() };
    if let Ok(rendered) = extcheck_render::render_files(&files, false, &options) {
        for (name, out) in &rendered.manifests {
            assert!(out.len() <= 2 * TEMPLATE_FUZZ_OUTPUT, "{name}: {} bytes", out.len());
        }
    }
}

fn render(report: &crate::Report) {
    let _ = crate::report::text::render(report, false);
}
