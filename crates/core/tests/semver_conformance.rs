//! Conformance of the range engines with their upstreams, on recorded vectors:
//!
//! * `range-vectors.json` (the project's cross-dialect corpus; path from the environment
//!   variable `EXTCHECK_RANGE_VECTORS`, else `shared/conformance/range-vectors.json` beside the
//!   repository): for every pair, range validity, version validity and verdict under
//!   Masterminds 3.3, Masterminds 3.4, node-semver 7.5.4 and node-semver with
//!   `includePrerelease`. 100 % agreement is required; there is no exceptions list.
//! * `masterminds_check.json` (upstream `constraints_test.go` vectors, with `IncludePrerelease`).
//! * `node_ranges.json` (upstream node-semver `range-include`/`range-exclude` fixtures).

use std::collections::HashMap;
use std::path::PathBuf;

use extcheck_core::semver::masterminds::{self, Constraints, Profile, Version};
use extcheck_core::semver::node;
use serde_json::Value;

const SHOW: usize = 25;

fn conformance_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/conformance")
}

fn load(path: PathBuf) -> Vec<Value> {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str::<Vec<Value>>(&text).unwrap_or_else(|e| panic!("{} is not a JSON array: {e}", path.display()))
}

fn vectors_path() -> PathBuf {
    match std::env::var_os("EXTCHECK_RANGE_VECTORS") {
        Some(p) => PathBuf::from(p),
        None => conformance_dir().join("range-vectors.json"),
    }
}

fn b(v: &Value, path: &[&str]) -> bool {
    let mut cur = v;
    for p in path {
        cur = &cur[*p];
    }
    cur.as_bool().unwrap_or_else(|| panic!("missing boolean {path:?} in {v}"))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("missing string {key} in {v}"))
}

/// Collects mismatches and fails with the first [`SHOW`] of them, all details included.
#[derive(Default)]
struct Report {
    total: usize,
    mismatches: Vec<String>,
}

impl Report {
    fn expect(&mut self, what: &str, range: &str, version: &str, got: bool, want: bool, detail: &dyn Fn() -> String) {
        self.total += 1;
        if got != want {
            self.mismatches.push(format!(
                "{what}: range {range:?} version {version:?}: got {got}, upstream {want}\n    {}",
                detail()
            ));
        }
    }

    fn finish(self, name: &str) {
        eprintln!("{name}: {} checks, {} mismatches", self.total, self.mismatches.len());
        if !self.mismatches.is_empty() {
            let shown: Vec<_> = self.mismatches.iter().take(SHOW).cloned().collect();
            panic!(
                "{name}: {} of {} checks disagree with upstream; first {}:\n{}",
                self.mismatches.len(),
                self.total,
                shown.len(),
                shown.join("\n")
            );
        }
    }
}

fn mm_detail(range: &str, version: &str, profile: Profile) -> String {
    let c = Constraints::parse(range, profile);
    let v = Version::parse(version, profile.line);
    match (&c, &v) {
        (Ok(c), Ok(v)) => format!("{:?}", c.explain(v)),
        _ => format!("constraint: {:?}; version: {:?}", c.as_ref().map(|c| c.to_text()), v),
    }
}

type MmCache = HashMap<String, Result<Constraints, masterminds::ConstraintError>>;
type MvCache = HashMap<String, Result<Version, masterminds::VersionError>>;

fn check_masterminds(report: &mut Report, vec: &Value, key: &str, profile: Profile, caches: &mut (MmCache, MvCache)) {
    let range = s(vec, "range");
    let version = s(vec, "version");
    let c = caches.0.entry(range.to_string()).or_insert_with(|| Constraints::parse(range, profile));
    let v = caches.1.entry(version.to_string()).or_insert_with(|| Version::parse(version, profile.line));
    let (c, v) = (&*c, &*v);
    let detail = || mm_detail(range, version, profile);
    report.expect(&format!("{key}.range_ok"), range, version, c.is_ok(), b(vec, &[key, "range_ok"]), &detail);
    report.expect(&format!("{key}.version_ok"), range, version, v.is_ok(), b(vec, &[key, "version_ok"]), &detail);
    let got = match (&c, &v) {
        (Ok(c), Ok(v)) => c.check(v),
        _ => false,
    };
    report.expect(&format!("{key}.satisfies"), range, version, got, b(vec, &[key, "satisfies"]), &detail);
}

#[test]
fn range_vectors_masterminds_3_3() {
    let vectors = load(vectors_path());
    let mut report = Report::default();
    let mut caches = (MmCache::new(), MvCache::new());
    for vec in &vectors {
        check_masterminds(&mut report, vec, "masterminds_3_3", Profile::V3_3, &mut caches);
    }
    report.finish("masterminds 3.3");
}

/// Masterminds 3.2.x (Helm 3.12) differs from 3.3 only in accepting leading zeros in
/// version numbers, which the corpus does not contain: Debian's golang-github-masterminds-
/// semver-dev 3.2.0 gives the 3.3 answers on every pair, and so must our 3.2 line.
#[test]
fn range_vectors_masterminds_3_2_match_3_3() {
    let vectors = load(vectors_path());
    let mut report = Report::default();
    let mut caches = (MmCache::new(), MvCache::new());
    for vec in &vectors {
        check_masterminds(&mut report, vec, "masterminds_3_3", Profile::V3_2, &mut caches);
    }
    report.finish("masterminds 3.2 against the 3.3 columns");
}

#[test]
fn range_vectors_masterminds_3_4() {
    let vectors = load(vectors_path());
    let mut report = Report::default();
    let mut caches = (MmCache::new(), MvCache::new());
    for vec in &vectors {
        check_masterminds(&mut report, vec, "masterminds_3_4", Profile::V3_4, &mut caches);
    }
    report.finish("masterminds 3.4");
}

type NrCache = HashMap<String, Result<node::Range, node::NodeError>>;

fn check_node(report: &mut Report, vec: &Value, include_prerelease: bool, cache: &mut NrCache) {
    let range = s(vec, "range");
    let version = s(vec, "version");
    let opts = node::Options { loose: false, include_prerelease };
    let r = &*cache.entry(range.to_string()).or_insert_with(|| node::Range::parse(range, opts));
    let v = node::SemVer::parse(version, opts);
    let detail = || match r {
        Ok(r) => format!("range {:?} → {:?}; {:?}", range, r.formatted(), r.explain_str(version)),
        Err(e) => format!("range error: {e}"),
    };
    let tag = if include_prerelease { "node+includePrerelease" } else { "node" };
    if !include_prerelease {
        report.expect("node.range_ok", range, version, r.is_ok(), b(vec, &["node", "range_ok"]), &detail);
        report.expect("node.version_ok", range, version, v.is_ok(), b(vec, &["node", "version_ok"]), &detail);
    }
    let key = if include_prerelease { "satisfies_include_prerelease" } else { "satisfies" };
    // `satisfies` is: parse the range (false when invalid), then `range.test(version)`.
    let got = match r {
        Ok(r) => r.test_str(version),
        Err(_) => false,
    };
    report.expect(&format!("{tag}.{key}"), range, version, got, b(vec, &["node", key]), &detail);
}

#[test]
fn range_vectors_node() {
    let vectors = load(vectors_path());
    let mut report = Report::default();
    let mut cache = NrCache::new();
    for vec in &vectors {
        check_node(&mut report, vec, false, &mut cache);
    }
    report.finish("node-semver 7.5.4");
}

#[test]
fn range_vectors_node_include_prerelease() {
    let vectors = load(vectors_path());
    let mut report = Report::default();
    let mut cache = NrCache::new();
    for vec in &vectors {
        check_node(&mut report, vec, true, &mut cache);
    }
    report.finish("node-semver 7.5.4 includePrerelease");
}

#[test]
fn range_vectors_file_is_the_full_corpus() {
    // Guards against silently running on a truncated or empty file.
    let vectors = load(vectors_path());
    if std::env::var_os("EXTCHECK_RANGE_VECTORS").is_none() {
        assert_eq!(vectors.len(), 13_790);
    } else {
        assert!(!vectors.is_empty());
    }
}

#[test]
fn upstream_masterminds_check_vectors() {
    let vectors = load(conformance_dir().join("masterminds_check.json"));
    assert_eq!(vectors.len(), 256);
    let mut report = Report::default();
    for vec in &vectors {
        let range = s(vec, "constraint");
        let version = s(vec, "version");
        let include = vec["include_prerelease"].as_bool().unwrap();
        let want = vec["expect"].as_bool().unwrap();
        let profile = if include { Profile::V3_4_INCLUDE_PRERELEASE } else { Profile::V3_4 };
        let got = masterminds::check(range, version, profile).unwrap_or(false);
        report.expect("masterminds ≥3.4 Check", range, version, got, want, &|| mm_detail(range, version, profile));
    }
    report.finish("masterminds_check.json");
}

/// `node_ranges.json` was exported from node-semver 7.8.5. These vectors changed meaning after
/// 7.5.4 (the version the Rancher dashboard pins): 7.8.x adds `-0` to tilde lower bounds and
/// drops it from caret lower bounds under `includePrerelease`. Each entry gives the 7.5.4
/// verdict, checked with npm `semver@7.5.4` (`semver.satisfies(version, range,
/// { includePrerelease: true })`). The test requires our engine to give the 7.5.4 verdict *and*
/// the fixture to say the opposite, so the table cannot hide anything else.
const NODE_7_8_DRIFT: &[(&str, &str, bool)] = &[
    ("~1.1", "1.1.0-a", false),
    ("~1.1.x", "1.1.0-a", false),
    ("~2", "2.0.0-pre.0", false),
    ("~2.x", "2.0.0-pre.0", false),
    ("^0.0.3", "0.0.3-alpha", true),
    ("^0.2.3", "0.2.3-alpha", true),
];

#[test]
fn upstream_node_range_vectors() {
    let vectors = load(conformance_dir().join("node_ranges.json"));
    assert_eq!(vectors.len(), 223);
    let mut report = Report::default();
    let mut drift_seen = 0;
    for vec in &vectors {
        let range = s(vec, "range");
        let version = s(vec, "version");
        let opts = node::Options {
            loose: vec["loose"].as_bool().unwrap(),
            include_prerelease: vec["include_prerelease"].as_bool().unwrap(),
        };
        let mut want = vec["expect"].as_bool().unwrap();
        let got = node::satisfies(version, range, opts);
        if let Some(&(_, _, v754)) =
            NODE_7_8_DRIFT.iter().find(|(r, v, _)| *r == range && *v == version && opts.include_prerelease)
        {
            assert_eq!(want, !v754, "drift entry {range:?} {version:?} no longer differs in the fixture");
            drift_seen += 1;
            want = v754;
        }
        report.expect(
            &format!("node {opts:?}"),
            range,
            version,
            got,
            want,
            &|| match node::Range::parse(range, opts) {
                Ok(r) => format!("→ {:?}; {:?}", r.formatted(), r.explain_str(version)),
                Err(e) => format!("range error: {e}"),
            },
        );
    }
    assert_eq!(drift_seen, NODE_7_8_DRIFT.len());
    report.finish("node_ranges.json");
}
