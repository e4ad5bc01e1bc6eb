//! Byte-identical with Helm 4.2.3: every chart of the corpus, of the sweep (when
//! `EXTCHECK_SWEEP_DIR` is set) and of the suite under `tests/charts/` is rendered by this crate
//! and by Helm's own engine (`scripts/helm-oracle.py`, `helm-python-sdk` 0.2.2 in
//! `.tools/helm-venv`, installed by `scripts/setup`), with release name = chart name and
//! namespace = release name. Every template must match byte for byte, and where Helm fails
//! the message must be the same. Templates that used chance or time functions (`randAlphaNum`,
//! `uuidv4`, `now`, …) are only required to exist on both sides.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// The corpus of real packages: `testdata/corpus` in the repository (see
/// `testdata/PROVENANCE.md`).
fn corpus_root() -> PathBuf {
    let dir = repo_root().join("testdata/corpus");
    assert!(dir.is_dir(), "the corpus is expected at {}", dir.display());
    dir
}

fn oracle_python() -> PathBuf {
    let py = repo_root().join(".tools/helm-venv/bin/python");
    assert!(
        py.exists(),
        "the Helm oracle is missing: {} does not exist. Run scripts/setup (it installs \
         helm-python-sdk 0.2.2, Helm 4.2.3, into .tools/helm-venv).",
        py.display()
    );
    py
}

/// Charts under `root`: folders holding a Chart.yaml (not descended into) and `.tgz` files
/// outside chart folders.
fn charts_under(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.join("Chart.yaml").is_file() {
            out.push(dir);
            continue;
        }
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tgz") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn read_folder(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            read_folder(root, &p, out);
        } else if let Ok(b) = std::fs::read(&p) {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, b));
        }
    }
}

enum Outcome {
    Ok(BTreeMap<String, String>, std::collections::BTreeSet<String>),
    Err(String),
}

fn ours(chart: &Path) -> Outcome {
    let (files, folder) = if chart.is_dir() {
        let mut v = Vec::new();
        read_folder(chart, chart, &mut v);
        (v, true)
    } else {
        match extcheck_render::read_tgz(&std::fs::read(chart).expect("read chart")) {
            Ok(v) => (v, false),
            Err(e) => return Outcome::Err(e),
        }
    };
    // Helm's recursion limits (1000 nested `include`s of a name) need a deep stack
    let worker = std::thread::Builder::new().stack_size(1 << 30).spawn(move || {
        let opts = extcheck_render::RenderOptions { max_nesting: 100_000, ..Default::default() };
        match extcheck_render::render_files(&files, folder, &opts) {
            Ok(r) => Outcome::Ok(r.manifests, r.nondeterministic_templates),
            Err(e) => Outcome::Err(e.message),
        }
    });
    worker.expect("render thread").join().expect("render thread panicked")
}

fn helm(charts: &[PathBuf]) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
    for batch in charts.chunks(40) {
        let o = Command::new(oracle_python())
            .arg(repo_root().join("scripts/helm-oracle.py"))
            .arg("--many")
            .args(batch)
            .output()
            .expect("run the Helm oracle");
        assert!(o.status.success(), "the Helm oracle failed: {}", String::from_utf8_lossy(&o.stderr));
        let v: BTreeMap<String, serde_json::Value> = serde_json::from_slice(&o.stdout).expect("oracle JSON");
        out.extend(v);
    }
    out
}

/// Compares every chart; returns (identical, differing with reasons).
fn compare(charts: &[PathBuf]) -> (usize, Vec<String>) {
    let theirs = helm(charts);
    let mut same = 0;
    let mut diffs = Vec::new();
    for c in charts {
        let key = c.to_string_lossy().to_string();
        let t = &theirs[&key];
        let why = match (ours(c), t.get("ok"), t.get("error")) {
            (Outcome::Ok(m, nondet), Some(ok), _) => {
                let ok: BTreeMap<String, String> = serde_json::from_value(ok.clone()).expect("manifests");
                let mut why = Vec::new();
                for k in ok.keys().chain(m.keys()).collect::<std::collections::BTreeSet<_>>() {
                    match (m.get(k), ok.get(k)) {
                        (Some(a), Some(b)) if a == b || nondet.contains(k) => {}
                        (Some(a), Some(b)) => {
                            let line = a
                                .lines()
                                .zip(b.lines())
                                .position(|(x, y)| x != y)
                                .unwrap_or(a.lines().count().min(b.lines().count()));
                            why.push(format!(
                                "{k}: differs at line {}:\n      ours: {:?}\n      helm: {:?}",
                                line + 1,
                                a.lines().nth(line).unwrap_or("<end>"),
                                b.lines().nth(line).unwrap_or("<end>")
                            ));
                        }
                        (None, _) => why.push(format!("{k}: missing in ours")),
                        (_, None) => why.push(format!("{k}: not rendered by Helm")),
                    }
                }
                why
            }
            (Outcome::Err(e), _, Some(he)) if he.as_str() == Some(e.as_str()) => Vec::new(),
            (Outcome::Err(e), _, Some(he)) => {
                vec![format!("both fail, messages differ:\n      ours: {e}\n      helm: {he}")]
            }
            (Outcome::Err(e), Some(_), _) => vec![format!("we fail, Helm renders: {e}")],
            (Outcome::Ok(..), _, Some(he)) => vec![format!("Helm fails, we render: {he}")],
            _ => vec!["unexpected oracle output".into()],
        };
        if why.is_empty() {
            same += 1;
        } else {
            diffs.push(format!(
                "{}\n    {}",
                c.display(),
                why.iter().take(5).cloned().collect::<Vec<_>>().join("\n    ")
            ));
        }
    }
    (same, diffs)
}

fn check(what: &str, root: &Path) {
    let charts = charts_under(root);
    assert!(!charts.is_empty(), "no charts under {}", root.display());
    let (same, diffs) = compare(&charts);
    eprintln!("{what}: {same} of {} charts byte-identical with Helm 4.2.3", charts.len());
    assert!(
        diffs.is_empty(),
        "{what}: {} of {} charts differ from Helm:\n{}",
        diffs.len(),
        charts.len(),
        diffs.join("\n")
    );
}

#[test]
fn suite_charts_match_helm() {
    check("suite", &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/charts"));
}

#[test]
fn corpus_charts_match_helm() {
    check("corpus", &corpus_root());
}

#[test]
fn sweep_charts_match_helm() {
    let Ok(dir) = std::env::var("EXTCHECK_SWEEP_DIR") else {
        eprintln!("EXTCHECK_SWEEP_DIR is not set: sweep skipped");
        return;
    };
    check("sweep", Path::new(&dir));
}
