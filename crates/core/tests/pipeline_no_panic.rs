//! Bad input never panics anywhere in the pipeline (a panic aborts the WebAssembly instance and
//! the page with it). Real packages — a KubeSphere source folder, a Rancher chart, a Rancher
//! `package.json` and the many-rule fixture — are damaged by random edits that aim at what the
//! parsers and rules look at (YAML and JSON punctuation, indentation, quotes, multi-byte
//! characters, version strings, truncation), then checked, fixed (every fix, safe and unsafe),
//! written, re-checked, and rendered in every report format and view.

mod common;

use std::collections::BTreeMap;

use common::corpus;
use extcheck_core::fix::Selection;
use extcheck_core::fix::output::correct;
use extcheck_core::package::{FolderEntry, read_folder};
use extcheck_core::report::export::Export;
use proptest::prelude::*;

/// A package's files: path → bytes.
type Files = BTreeMap<String, Vec<u8>>;

/// The seed packages (name and files), in memory.
fn seeds() -> &'static [(String, Files)] {
    static SEEDS: std::sync::OnceLock<Vec<(String, Files)>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        [
            corpus("kubesphere/source/hello-world"),
            corpus("rancher/charts-unpacked/kubewarden"),
            corpus("rancher/source/clock"),
            fixtures.join("_fix/rancher-chart-many/input"),
        ]
        .into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let mut files = BTreeMap::new();
            walk(&dir, &dir, &mut files);
            (name, files)
        })
        .collect()
    })
}

fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut Files) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(root, &path, out);
        } else if std::fs::metadata(&path).unwrap().len() <= 256 * 1024 {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

/// One damage to a file: at a position (a fraction of the file's length), insert a fragment,
/// delete some bytes, or cut the file there.
#[derive(Clone, Debug)]
enum Damage {
    Insert(f64, String),
    Delete(f64, usize),
    Truncate(f64),
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        // What YAML and JSON parsers and the rules react to.
        prop::sample::select(vec![
            ":",
            ": ",
            "- ",
            "\n",
            "\n  ",
            "\t",
            "\"",
            "'",
            "{",
            "}",
            "[",
            "]",
            ",",
            "#",
            "&a ",
            "*a",
            "!!str ",
            "|\n",
            ">-\n",
            "---\n",
            "...\n",
            "? ",
            "\r\n",
            "\u{feff}",
            "é",
            "演示",
            "😀",
            "\u{2028}",
            ">=1.19.0",
            "<1.30.0-0",
            "||",
            "v1.2.3-rc.1+b",
            "999999999999999999999",
            "~",
            "^",
            "*",
            "-0",
            "null",
            "true",
            "0x1F",
            "1e3",
            "\\u0000",
            "\\",
            "\u{0}",
        ])
        .prop_map(str::to_string),
        "\\PC{0,12}",
    ]
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        4 => (0.0..=1.0f64, fragment()).prop_map(|(at, s)| Damage::Insert(at, s)),
        2 => (0.0..=1.0f64, 1usize..40).prop_map(|(at, n)| Damage::Delete(at, n)),
        1 => (0.0..=1.0f64).prop_map(Damage::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let at = |f: f64, len: usize| ((len as f64) * f) as usize;
    match damage {
        Damage::Insert(f, s) => {
            let i = at(*f, bytes.len()).min(bytes.len());
            bytes.splice(i..i, s.bytes());
        }
        Damage::Delete(f, n) => {
            let i = at(*f, bytes.len()).min(bytes.len());
            let j = (i + n).min(bytes.len());
            bytes.drain(i..j);
        }
        Damage::Truncate(f) => bytes.truncate(at(*f, bytes.len())),
    }
}

/// Everything a user can make happen with a package.
fn exercise(name: &str, files: Files) {
    let entries = files.into_iter().map(|(path, bytes)| FolderEntry::File { path, bytes }).collect();
    let report = extcheck_core::check(name, read_folder(name, entries));
    for format in Export::ALL {
        let _ = format.render(std::slice::from_ref(&report));
    }
    let _ = extcheck_core::report::text::render(&report, false);
    for package in &report.packages {
        for d in &package.diagnostics {
            let _ = extcheck_core::report::snippet(&package.package, d);
        }
        let _ = extcheck_core::report::view::grouped(package, Default::default());
        let _ = extcheck_core::cards::checklist::for_report(package);
        if let Some(card) = extcheck_core::cards::kubesphere::KsCard::from_report(package) {
            for lang in ["en", "zh"] {
                let _ = card.view(lang, "zh-CN");
                let _ = extcheck_core::cards::kubesphere::detail_for(&package.package, lang);
            }
        }
        if let Some(chart) = extcheck_core::cards::rancher::RancherChart::from_report(package)
            && let Some(matrix) = &package.matrix
        {
            for line in extcheck_core::cards::rancher::lines(matrix) {
                let _ = extcheck_core::cards::rancher::status_for(&chart, matrix, line);
            }
        }
        let _ = extcheck_core::cards::rancher::RancherCard::from_report(package);
        let _ = extcheck_core::fix::candidates(package);
        for selection in [Selection::safe(), Selection::all()] {
            let corrected = correct(package, &selection);
            let _ = extcheck_core::fix::diff::to_unified(&corrected.diffs);
            if let Some(again) = &corrected.report {
                let _ = Export::Json.render(std::slice::from_ref(again));
            }
        }
    }
}

proptest! {
    // 160 cases in CI; `PROPTEST_CASES=5000` for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(160),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn damaged_packages_do_not_panic(
        seed in 0usize..4,
        file in any::<prop::sample::Index>(),
        damages in prop::collection::vec(damage(), 1..6),
    ) {
        let (name, files) = &seeds()[seed];
        let mut files = files.clone();
        // Damage the manifests most of the time: they are what the rules read.
        let paths: Vec<String> = files.keys().cloned().collect();
        let manifests: Vec<&String> = paths
            .iter()
            .filter(|p| p.ends_with(".yaml") || p.ends_with(".yml") || p.ends_with(".json"))
            .collect();
        let target = if manifests.is_empty() { file.get(&paths).clone() } else { file.get(&manifests).to_string() };
        let bytes = files.get_mut(&target).unwrap();
        for d in &damages {
            apply(bytes, d);
        }
        exercise(name, files);
    }
}

#[test]
fn the_seeds_are_the_packages_they_should_be() {
    let kinds: Vec<_> = seeds()
        .iter()
        .map(|(name, files)| {
            let entries = files.iter().map(|(p, b)| FolderEntry::File { path: p.clone(), bytes: b.clone() }).collect();
            extcheck_core::check(name, read_folder(name, entries)).packages[0].kind.map(|k| k.as_str())
        })
        .collect();
    assert_eq!(kinds, [Some("kubesphere"), Some("rancher-chart"), Some("rancher-package"), Some("rancher-chart")]);
}
