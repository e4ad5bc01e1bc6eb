//! Every rule fixture (`tests/fixtures/<CODE>[-variant]/`) is its own test: it fires its rule
//! and no other code (unless listed in the case's `also` file), its whole text report matches
//! the snapshot `snapshots/fixtures__<case>.snap`, and, when the case offers fixes, the files
//! that applying every fix (safe and unsafe) changes match `snapshots/fixtures__<case>.fixed.snap`
//! (clippy's `.fixed` files, as one snapshot per case). The valid bases report nothing.
//!
//! Runs without libtest's harness (libtest-mimic), so `cargo test --test fixtures KS012` runs one
//! case and one failing case does not hide the others.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use extcheck_core::fix::Selection;
use extcheck_core::fix::output::correct;
use extcheck_core::package::fs::read_path;
use extcheck_core::report;
use libtest_mimic::{Arguments, Failed, Trial};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The case's input (`input.tgz` or `input/`).
fn input_of(case: &Path) -> PathBuf {
    let tgz = case.join("input.tgz");
    if tgz.exists() { tgz } else { case.join("input") }
}

fn check(input: &Path) -> extcheck_core::Report {
    let (_, read) = read_path(input).expect("fixture readable");
    let shown = input.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string();
    // As the page does: an `extcheck.toml` in the input applies (RC021-platforms, SUP002).
    extcheck_core::config::check_in_tree(&shown, read)
}

fn codes(report: &extcheck_core::Report) -> BTreeSet<&'static str> {
    report.packages.iter().flat_map(|p| &p.diagnostics).map(|d| d.code).collect()
}

/// Runs `body`, turning a panic (an insta or assert failure) into a failed trial.
fn trial(name: String, body: impl FnOnce() -> Result<(), String> + Send + std::panic::UnwindSafe + 'static) -> Trial {
    Trial::test(name, move || match std::panic::catch_unwind(body) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(message)) => Err(Failed::from(message)),
        Err(panic) => Err(Failed::from(
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panicked".into()),
        )),
    })
}

fn fixture_case(case: PathBuf) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let code = name.split('-').next().unwrap().to_string();
    if extcheck_core::rules::rule(&code).is_none() {
        return Err(format!("{name}: `{code}` is not a registered code"));
    }
    let report = check(&input_of(&case));
    let found = codes(&report);
    let mut allowed: BTreeSet<String> = std::fs::read_to_string(case.join("also"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    allowed.insert(code.clone());
    if !found.contains(code.as_str()) {
        return Err(format!("{name}: {code} did not fire; found {found:?}"));
    }
    let unexpected: Vec<_> = found.iter().filter(|c| !allowed.contains(**c)).collect();
    if !unexpected.is_empty() {
        return Err(format!("{name}: unexpected codes {unexpected:?}"));
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.bind(|| {
        insta::assert_snapshot!(format!("fixtures__{name}"), report::text::render(&report, false));
        if let Some(fixed) = fixed_files(&report) {
            insta::assert_snapshot!(format!("fixtures__{name}.fixed"), fixed);
        }
    });
    Ok(())
}

/// The text files that applying every offered fix changes, each under a `=== path ===` line
/// with its corrected content (removed files say so), or `None` when nothing is offered.
fn fixed_files(report: &extcheck_core::Report) -> Option<String> {
    let mut out = String::new();
    for package in &report.packages {
        if !package.diagnostics.iter().any(|d| d.fix.is_some()) {
            continue;
        }
        let corrected = correct(package, &Selection::all());
        let files = match &corrected.output {
            Ok(output) => &output.files,
            Err(_) => &corrected.fixed.package.files,
        };
        for path in &corrected.fixed.touched {
            let _ = writeln!(out, "=== {}{path} ===", package.root);
            match files.get(path) {
                Some(bytes) => match std::str::from_utf8(bytes) {
                    Ok(text) => out.push_str(text),
                    Err(_) => {
                        let _ = write!(out, "({} bytes, not UTF-8)", bytes.len());
                    }
                },
                None => out.push_str("(removed)"),
            }
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
        for a in &corrected.fixed.applied {
            let _ = writeln!(out, "applied {} (pass {}): {}", a.code, a.pass, a.title);
        }
        for s in &corrected.fixed.skipped {
            let _ = writeln!(out, "skipped {}: {} ({:?})", s.code, s.title, s.reason);
        }
    }
    (!out.is_empty()).then_some(out)
}

fn valid_base(base: &'static str) -> Result<(), String> {
    let report = check(&input_of(&fixtures_dir().join("_valid").join(base)));
    if report.packages[0].kind.is_none() {
        return Err(format!("{base}: not recognised"));
    }
    let found = codes(&report);
    if !found.is_empty() {
        return Err(format!("{base}: {found:?}\n{}", report::text::render(&report, false)));
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} fixtures", cases.len());
    let mut trials: Vec<Trial> = cases
        .into_iter()
        .map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            trial(format!("fixture::{name}"), move || fixture_case(case))
        })
        .collect();
    for base in ["kubesphere", "rancher-package", "rancher-chart", "rancher-plugin"] {
        trials.push(trial(format!("valid::{base}"), move || valid_base(base)));
    }
    libtest_mimic::run(&args, trials).exit();
}
