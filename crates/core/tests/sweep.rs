//! The false-positive sweep: every package under `EXTCHECK_SWEEP_DIR` (real packages from public
//! repositories, never copied into this repository; CI points it at the sweep folder beside the clone when that
//! folder exists). Each is read and checked; the test fails on a panic, and on PKG001 or PKG008
//! (a real package that is unreadable or not recognised), and prints a table of codes by count
//! and severity. Without the variable the test says so and passes: the sweep is optional data.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

mod common;

use extcheck_core::fix::Selection;
use extcheck_core::fix::output::correct;
use extcheck_core::package::fs::read_path;

/// The packages under `root`: every `.tgz`, and every folder holding an `extension.yaml`,
/// `Chart.yaml` or `package.json` at its top (not descended into further).
fn packages(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                if ["extension.yaml", "Chart.yaml", "package.json"].iter().any(|m| p.join(m).is_file()) {
                    out.push(p);
                } else {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|e| e == "tgz") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn sweep_of_real_packages() {
    let Some(dir) = std::env::var_os("EXTCHECK_SWEEP_DIR") else {
        eprintln!("EXTCHECK_SWEEP_DIR is not set: the sweep is skipped");
        return;
    };
    let root = PathBuf::from(dir);
    assert!(root.is_dir(), "EXTCHECK_SWEEP_DIR={} is not a folder", root.display());
    let inputs = packages(&root);
    assert!(!inputs.is_empty(), "no package under {}", root.display());
    let mut failures = Vec::new();
    // code → severity → count
    let mut table: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    // Every error, by package, for the note that justifies each one (docs/sweep-findings.md).
    let mut errors: Vec<String> = Vec::new();
    for input in &inputs {
        let rel = input.strip_prefix(&root).unwrap().display().to_string();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let (name, read) = read_path(input).expect("readable");
            extcheck_core::check(&name, read)
        }));
        let report = match result {
            Ok(r) => r,
            Err(_) => {
                failures.push(format!("{rel}: panicked"));
                continue;
            }
        };
        // The fix invariant (issue 11): no selection makes a package work in fewer cells.
        for p in &report.packages {
            for selection in [Selection::safe(), Selection::all()] {
                let corrected = correct(p, &selection);
                if catch_unwind(AssertUnwindSafe(|| common::assert_no_cell_lost(&rel, p, &corrected))).is_err() {
                    failures.push(format!("{rel}: a fix lost matrix cells ({selection:?})"));
                }
            }
        }
        for p in &report.packages {
            for d in &p.diagnostics {
                *table.entry(d.code.to_string()).or_default().entry(d.severity.as_str()).or_default() += 1;
                if d.severity == extcheck_core::Severity::Error {
                    errors.push(format!("{rel}: {} {}", d.code, d.message));
                }
                if d.code == "PKG001" || d.code == "PKG008" {
                    failures.push(format!("{rel}: {} {}", d.code, d.message));
                }
            }
        }
    }
    eprintln!("sweep: {} packages under {}", inputs.len(), root.display());
    eprintln!("{:<10} {:>6} {:>8} {:>6}", "code", "error", "warning", "info");
    for (code, by) in &table {
        let n = |s: &str| by.get(s).copied().unwrap_or(0);
        eprintln!("{code:<10} {:>6} {:>8} {:>6}", n("error"), n("warning"), n("info"));
    }
    eprintln!("errors:");
    for e in &errors {
        eprintln!("  {e}");
    }
    assert!(failures.is_empty(), "sweep failures:\n{}", failures.join("\n"));
}
