//! Satisfies-per-second of each range engine on the 13,790 pairs of `range-vectors.json`
//! (path from `EXTCHECK_RANGE_VECTORS`, else `shared/conformance/range-vectors.json` beside the
//! repository). One iteration runs every pair once, so throughput is in pairs per second.
//!
//! * `satisfies`: parse the range and the version, then check (what a one-off call costs).
//! * `preparsed`: ranges parsed once up front; parse the version and check.
//!
//! `scripts/bench-semver` runs this and `tests/e2e/bench/semver-node.mjs` (npm `semver` 7.5.4)
//! and prints the ratios.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use extcheck_core::semver::masterminds::{Constraints, Profile, Version};
use extcheck_core::semver::node;

fn pairs() -> Vec<(String, String)> {
    let path = match std::env::var_os("EXTCHECK_RANGE_VECTORS") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/conformance/range-vectors.json"),
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON array");
    all.iter().map(|v| (v["range"].as_str().unwrap().to_string(), v["version"].as_str().unwrap().to_string())).collect()
}

fn masterminds_satisfies(pairs: &[(String, String)], p: Profile) -> usize {
    pairs
        .iter()
        .filter(|(r, v)| {
            let Ok(c) = Constraints::parse(r, p) else {
                return false;
            };
            let Ok(v) = Version::parse(v, p.line) else {
                return false;
            };
            c.check(&v)
        })
        .count()
}

fn bench(c: &mut Criterion) {
    let pairs = pairs();
    let n = pairs.len() as u64;
    let mut g = c.benchmark_group("semver");
    g.throughput(Throughput::Elements(n));
    g.sample_size(20);

    g.bench_function("masterminds_3_3/satisfies", |b| {
        b.iter(|| masterminds_satisfies(black_box(&pairs), Profile::V3_3))
    });
    g.bench_function("masterminds_3_4/satisfies", |b| {
        b.iter(|| masterminds_satisfies(black_box(&pairs), Profile::V3_4))
    });
    for (name, o) in [
        ("node/satisfies", node::Options::DEFAULT),
        ("node_include_prerelease/satisfies", node::Options::INCLUDE_PRERELEASE),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| pairs.iter().filter(|(r, v)| node::satisfies(black_box(v), black_box(r), o)).count())
        });
    }

    // Pre-parsed ranges.
    for (name, p) in [("masterminds_3_3/preparsed", Profile::V3_3), ("masterminds_3_4/preparsed", Profile::V3_4)] {
        let parsed: Vec<(Option<Constraints>, &str)> =
            pairs.iter().map(|(r, v)| (Constraints::parse(r, p).ok(), v.as_str())).collect();
        g.bench_function(name, |b| {
            b.iter(|| {
                parsed
                    .iter()
                    .filter(|(c, v)| match (c, Version::parse(black_box(v), p.line)) {
                        (Some(c), Ok(v)) => c.check(&v),
                        _ => false,
                    })
                    .count()
            })
        });
    }
    for (name, o) in [
        ("node/preparsed", node::Options::DEFAULT),
        ("node_include_prerelease/preparsed", node::Options::INCLUDE_PRERELEASE),
    ] {
        let parsed: Vec<(Option<node::Range>, &str)> =
            pairs.iter().map(|(r, v)| (node::Range::parse(r, o).ok(), v.as_str())).collect();
        g.bench_function(name, |b| {
            b.iter(|| parsed.iter().filter(|(r, v)| r.as_ref().is_some_and(|r| r.test_str(black_box(v)))).count())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
