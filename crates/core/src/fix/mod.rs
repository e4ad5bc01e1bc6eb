//! The fix engine: applies the chosen fixes of a [`PackageReport`] to its files, losslessly.
//!
//! As ruff does (`ruff_linter::fix`): the fixes of one pass are taken in file order; a fix
//! whose edits overlap an edit already accepted in the same pass is left for the next pass;
//! the accepted edits are applied per file from the end backwards, so every offset still
//! indexes the original bytes; the package is then re-checked and the new diagnostics' fixes
//! make the next pass, up to [`MAX_PASSES`]. Bytes outside the edits are never touched, so
//! comments, key order, quoting and line endings survive.
//!
//! A fix is identified across passes by [`FixKey`] (code, file, message). A key is applied at
//! most once: if its diagnostic is still there after the fix, it is reported as unresolved
//! rather than applied again (which also bounds the work).

pub mod diff;
pub mod output;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::check::{PackageReport, recheck, recheck_cells};
use crate::diagnostic::{Applicability, Diagnostic, Edit, FileOperation, Fix};
use crate::matrix::CellId;
use crate::package::Kind;
use crate::package::{Origin, Package};

/// At most this many fix-and-re-check passes.
pub const MAX_PASSES: usize = 5;

/// Identifies a fix across re-checks: the rule code, the file and the diagnostic's message
/// (which names the offending value, so it survives edits elsewhere in the file).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FixKey {
    /// Rule code, e.g. `RANGE003`.
    pub code: String,
    /// File of the diagnostic, relative to the package root.
    pub file: Option<String>,
    /// The diagnostic's message.
    pub message: String,
}

impl FixKey {
    /// The key of `diagnostic`.
    pub fn of(diagnostic: &Diagnostic) -> Self {
        FixKey { code: diagnostic.code.to_string(), file: diagnostic.file.clone(), message: diagnostic.message.clone() }
    }
}

/// Which fixes to apply: safe fixes unless excluded, unsafe fixes when `unsafe_fixes` is set
/// or when included one by one (ruff's `--unsafe-fixes`, and the ticks of the web fix panel).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Apply every unsafe fix too.
    pub unsafe_fixes: bool,
    /// Unsafe fixes chosen individually.
    pub include: BTreeSet<FixKey>,
    /// Safe fixes turned off individually.
    pub exclude: BTreeSet<FixKey>,
    /// The platform lines that count (a configuration's `[platforms]`; every line by default).
    /// The invariant "no fix loses a working cell" holds for the counted lines only: a fix
    /// whose cost lies entirely on lines the user left out is an ordinary unsafe fix, applied
    /// by `--unsafe-fixes`, and the engine's lost-cell check ignores uncounted cells.
    pub counted: crate::config::Platforms,
}

impl Selection {
    /// Safe fixes only (the default).
    pub fn safe() -> Self {
        Selection::default()
    }

    /// Safe and unsafe fixes.
    pub fn all() -> Self {
        Selection { unsafe_fixes: true, ..Selection::default() }
    }

    /// True when `diagnostic` has a fix and this selection applies it.
    pub fn chooses(&self, diagnostic: &Diagnostic) -> bool {
        let Some(fix) = &diagnostic.fix else { return false };
        let key = FixKey::of(diagnostic);
        if self.exclude.contains(&key) {
            return false;
        }
        if !fix.costs.is_empty() && !self.counted.excludes_all(&fix.costs_on) {
            // A fix that loses counted matrix cells is applied only when chosen by name.
            return self.include.contains(&key);
        }
        match fix.applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => self.unsafe_fixes || self.include.contains(&key),
        }
    }
}

impl Selection {
    /// Ticks (`on`) or unticks the fix of `candidate`: a safe fix is excluded when unticked, an
    /// unsafe one included when ticked, and a fix that costs matrix cells (never ticked by
    /// default) is included by name when ticked.
    pub fn set(&mut self, candidate: &Candidate, on: bool) {
        if !candidate.costs.is_empty() {
            if on {
                self.exclude.remove(&candidate.key);
                self.include.insert(candidate.key.clone());
            } else {
                self.include.remove(&candidate.key);
            }
            return;
        }
        match (candidate.applicability, on) {
            (Applicability::Safe, true) => {
                self.exclude.remove(&candidate.key);
            }
            (Applicability::Safe, false) => {
                self.exclude.insert(candidate.key.clone());
            }
            (Applicability::Unsafe, true) => {
                self.include.insert(candidate.key.clone());
            }
            (Applicability::Unsafe, false) => {
                self.include.remove(&candidate.key);
                self.unsafe_fixes = false;
            }
        }
    }

    /// True when the fix of `candidate` is ticked.
    pub fn is_set(&self, candidate: &Candidate) -> bool {
        if !candidate.costs.is_empty() {
            return self.include.contains(&candidate.key);
        }
        !self.exclude.contains(&candidate.key)
            && match candidate.applicability {
                Applicability::Safe => true,
                Applicability::Unsafe => self.unsafe_fixes || self.include.contains(&candidate.key),
            }
    }
}

/// A fix on offer in a report, for a fix list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// Identifies the fix across re-checks.
    pub key: FixKey,
    /// Rule code.
    pub code: &'static str,
    /// The fix's title.
    pub title: String,
    /// File of the diagnostic.
    pub file: Option<String>,
    /// 1-based line of the diagnostic, when it has a place.
    pub line: Option<usize>,
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// The matrix cells the fix would lose (see [`Fix::costs`]); empty for almost every fix.
    pub costs: String,
}

/// The fixes `report` offers, in report order (by file and position).
pub fn candidates(report: &PackageReport) -> Vec<Candidate> {
    report
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            Some(Candidate {
                key: FixKey::of(d),
                code: d.code,
                title: fix.title.clone(),
                file: d.file.clone(),
                line: d.line(),
                applicability: fix.applicability,
                costs: fix.costs.clone(),
            })
        })
        .collect()
}

/// A fix that was applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// Rule code.
    pub code: &'static str,
    /// The fix's title.
    pub title: String,
    /// The diagnostic's file.
    pub file: Option<String>,
    /// The pass (1-based) it was applied in.
    pub pass: usize,
}

/// Why a chosen fix was not applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum SkipReason {
    /// Its edits overlap those of another fix in every pass that offered it.
    Conflict {
        /// Code of the fix that won.
        with: &'static str,
    },
    /// An edit lies outside its file, splits a UTF-8 character, or targets a missing file.
    InvalidEdit,
    /// Applied, but the diagnostic is still reported afterwards.
    Unresolved,
    /// Offered only after the last pass.
    PassLimit,
    /// Applying it would make the package stop working in matrix cells where it works now.
    LosesCells {
        /// The cells it would lose, for people.
        cells: String,
    },
}

/// A chosen fix that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Rule code.
    pub code: &'static str,
    /// The fix's title.
    pub title: String,
    /// The diagnostic's file.
    pub file: Option<String>,
    /// Why.
    #[serde(flatten)]
    pub reason: SkipReason,
}

/// The result of fixing one package.
#[derive(Clone, Debug)]
pub struct Fixed {
    /// The files after every applied fix (paths relative to the package root).
    pub package: Package,
    /// The archive top folder after a rename fix, else the original one.
    pub top_folder: Option<String>,
    /// Fixes applied, in order.
    pub applied: Vec<Applied>,
    /// Chosen fixes that were not applied.
    pub skipped: Vec<Skipped>,
    /// Files a fix changed, created or removed.
    pub touched: BTreeSet<String>,
    /// Passes run (0 when nothing was chosen).
    pub passes: usize,
    /// The fixed package re-checked in memory.
    pub report: PackageReport,
}

/// Applies the fixes `selection` chooses from `report`, re-checking after each pass.
pub fn fix(report: &PackageReport, selection: &Selection) -> Fixed {
    let mut package = report.package.clone();
    let mut top_folder = match &report.origin {
        Origin::Archive { top_folder, .. } => top_folder.clone(),
        _ => None,
    };
    let mut current = report.clone();
    let mut applied: Vec<Applied> = Vec::new();
    let mut skipped: BTreeMap<FixKey, Skipped> = BTreeMap::new();
    let mut done: BTreeSet<FixKey> = BTreeSet::new();
    let mut touched = BTreeSet::new();
    let mut passes = 0;
    let kind = report.kind;
    let mut baseline = match &report.matrix {
        Some(m) => m.working(),
        None => cells(report, kind, &report.package, top_folder.as_deref()),
    };
    baseline.retain(|c| selection.counted.counts(c.platform, &c.row));
    let mut refused: BTreeSet<FixKey> = BTreeSet::new();
    let lost = |package: &Package, top: Option<&str>| {
        let after = cells(report, kind, package, top);
        let lost: BTreeSet<CellId> = baseline.difference(&after).cloned().collect();
        (!lost.is_empty()).then(|| format!("it would stop working on {}", crate::matrix::describe_cells(&lost)))
    };
    loop {
        let chosen: Vec<&Diagnostic> = current
            .diagnostics
            .iter()
            .filter(|d| selection.chooses(d) && !done.contains(&FixKey::of(d)) && !refused.contains(&FixKey::of(d)))
            .collect();
        if chosen.is_empty() {
            break;
        }
        if passes == MAX_PASSES {
            for d in chosen {
                skipped.insert(FixKey::of(d), skip(d, SkipReason::PassLimit));
            }
            break;
        }
        passes += 1;
        let plan = plan(&chosen, &package);
        for (d, reason) in plan.rejected {
            skipped.insert(FixKey::of(d), skip(d, reason));
        }
        if plan.accepted.is_empty() {
            break;
        }
        // The invariant: every cell that worked before any fix still works. A pass that would
        // lose one is replayed fix by fix, and a fix that loses cells is left out.
        let mut accepted = plan.accepted.clone();
        let mut trial = package.clone();
        let mut trial_top = top_folder.clone();
        apply(&accepted, &mut trial, &mut trial_top);
        if lost(&trial, trial_top.as_deref()).is_none() {
            package = trial;
            top_folder = trial_top;
        } else {
            accepted.clear();
            for d in &plan.accepted {
                let mut one = package.clone();
                let mut one_top = top_folder.clone();
                apply(&[d], &mut one, &mut one_top);
                match lost(&one, one_top.as_deref()) {
                    Some(cells) => {
                        refused.insert(FixKey::of(d));
                        skipped.insert(FixKey::of(d), skip(d, SkipReason::LosesCells { cells }));
                    }
                    None => {
                        package = one;
                        top_folder = one_top;
                        accepted.push(d);
                    }
                }
            }
        }
        for d in &accepted {
            let key = FixKey::of(d);
            skipped.remove(&key);
            done.insert(key);
            let fix = d.fix.as_ref().expect("chosen diagnostics have fixes");
            applied.push(Applied { code: d.code, title: fix.title.clone(), file: d.file.clone(), pass: passes });
        }
        for d in &accepted {
            for e in &d.fix.as_ref().expect("accepted diagnostics have fixes").edits {
                touched.insert(e.file.clone());
            }
            for op in &d.fix.as_ref().expect("accepted diagnostics have fixes").operations {
                if let FileOperation::Remove { path } | FileOperation::Write { path, .. } = op {
                    touched.insert(path.clone());
                }
            }
        }
        if accepted.is_empty() {
            break;
        }
        current = recheck(report, package.clone(), top_folder.as_deref());
    }
    for d in &current.diagnostics {
        let key = FixKey::of(d);
        if done.contains(&key) && selection.chooses(d) {
            skipped.insert(key, skip(d, SkipReason::Unresolved));
        }
    }
    Fixed { package, top_folder, applied, skipped: skipped.into_values().collect(), touched, passes, report: current }
}

/// The working cells of `package`, a changed copy of the files of `report`.
fn cells(report: &PackageReport, kind: Option<Kind>, package: &Package, top: Option<&str>) -> BTreeSet<CellId> {
    if kind.is_none() {
        return BTreeSet::new();
    }
    recheck_cells(report, package, top)
}

fn skip(d: &Diagnostic, reason: SkipReason) -> Skipped {
    Skipped {
        code: d.code,
        title: d.fix.as_ref().map(|f| f.title.clone()).unwrap_or_default(),
        file: d.file.clone(),
        reason,
    }
}

/// The fixes of one pass that can be applied together, and those that cannot.
struct Plan<'a> {
    accepted: Vec<&'a Diagnostic>,
    rejected: Vec<(&'a Diagnostic, SkipReason)>,
}

/// What a pass has claimed so far, to detect conflicts.
#[derive(Default)]
struct Claims {
    /// Accepted edits per file with the code that made them.
    edits: BTreeMap<String, Vec<(Edit, &'static str)>>,
    /// Files written or removed wholesale: the operation and the code.
    whole: BTreeMap<String, (FileOperation, &'static str)>,
    /// A root rename, with the code.
    rename: Option<(String, &'static str)>,
}

impl Claims {
    /// The code of an accepted fix that `fix` conflicts with, if any. Identical edits and
    /// operations do not conflict (two diagnostics may propose the same change).
    fn conflict(&self, fix: &Fix) -> Option<&'static str> {
        for e in &fix.edits {
            if let Some((_, code)) = self.whole.get(&e.file) {
                return Some(code);
            }
            for (other, code) in self.edits.get(&e.file).into_iter().flatten() {
                if other == e {
                    continue;
                }
                let overlap = e.start < other.end && other.start < e.end;
                let same_point = e.start == e.end && other.start == other.end && e.start == other.start;
                let insert_inside = (e.start == e.end && other.start < e.start && e.start < other.end)
                    || (other.start == other.end && e.start < other.start && other.start < e.end);
                if overlap || same_point || insert_inside {
                    return Some(code);
                }
            }
        }
        for op in &fix.operations {
            match op {
                FileOperation::Remove { path } | FileOperation::Write { path, .. } => {
                    if let Some((other, code)) = self.whole.get(path)
                        && other != op
                    {
                        return Some(code);
                    }
                    if let Some((_, code)) = self.edits.get(path).and_then(|v| v.first()) {
                        return Some(code);
                    }
                }
                FileOperation::RenameRoot { to } => {
                    if let Some((other, code)) = &self.rename
                        && other != to
                    {
                        return Some(code);
                    }
                }
            }
        }
        None
    }

    fn claim(&mut self, fix: &Fix, code: &'static str) {
        for e in &fix.edits {
            let list = self.edits.entry(e.file.clone()).or_default();
            if !list.iter().any(|(o, _)| o == e) {
                list.push((e.clone(), code));
            }
        }
        for op in &fix.operations {
            match op {
                FileOperation::Remove { path } | FileOperation::Write { path, .. } => {
                    self.whole.insert(path.clone(), (op.clone(), code));
                }
                FileOperation::RenameRoot { to } => self.rename = Some((to.clone(), code)),
            }
        }
    }
}

/// Chooses the fixes of one pass: in file and position order, each accepted unless its edits
/// are invalid or conflict with an accepted one.
fn plan<'a>(chosen: &[&'a Diagnostic], package: &Package) -> Plan<'a> {
    let mut order: Vec<&'a Diagnostic> = chosen.to_vec();
    order.sort_by_key(|d| {
        let fix = d.fix.as_ref().expect("chosen diagnostics have fixes");
        let first = fix.edits.iter().map(|e| (e.file.clone(), e.start)).min();
        (first.is_none(), first, d.code)
    });
    let mut claims = Claims::default();
    let mut plan = Plan { accepted: Vec::new(), rejected: Vec::new() };
    for d in order {
        let fix = d.fix.as_ref().expect("chosen diagnostics have fixes");
        if !fix.edits.iter().all(|e| valid(e, package)) {
            plan.rejected.push((d, SkipReason::InvalidEdit));
            continue;
        }
        if let Some(with) = claims.conflict(fix) {
            plan.rejected.push((d, SkipReason::Conflict { with }));
            continue;
        }
        claims.claim(fix, d.code);
        plan.accepted.push(d);
    }
    plan
}

/// True when `edit` fits its file: in bounds and, for UTF-8 text, on character boundaries.
fn valid(edit: &Edit, package: &Package) -> bool {
    let Some(bytes) = package.bytes(&edit.file) else { return false };
    if edit.start > edit.end || edit.end > bytes.len() {
        return false;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.is_char_boundary(edit.start) && text.is_char_boundary(edit.end),
        Err(_) => true,
    }
}

/// `package` with `fix` alone applied, or `None` when one of its edits does not fit its file
/// (the archive top folder is not part of a [`Package`], so a root rename changes nothing).
pub fn with_fix(package: &Package, fix: &Fix) -> Option<Package> {
    if fix.edits.is_empty() && fix.operations.is_empty() {
        return None;
    }
    if !fix.edits.iter().all(|e| valid(e, package)) {
        return None;
    }
    let mut out = package.clone();
    let mut top = None;
    apply_fixes(&[fix], &mut out, &mut top);
    Some(out)
}

/// Applies the accepted fixes of a pass; returns the paths it changed.
fn apply(accepted: &[&Diagnostic], package: &mut Package, top_folder: &mut Option<String>) -> BTreeSet<String> {
    let fixes: Vec<&Fix> = accepted.iter().map(|d| d.fix.as_ref().expect("accepted diagnostics have fixes")).collect();
    apply_fixes(&fixes, package, top_folder)
}

/// Applies `fixes` (valid, non-conflicting); returns the paths it changed.
fn apply_fixes(fixes: &[&Fix], package: &mut Package, top_folder: &mut Option<String>) -> BTreeSet<String> {
    let mut per_file: BTreeMap<&str, Vec<&Edit>> = BTreeMap::new();
    let mut touched = BTreeSet::new();
    for fix in fixes {
        for e in &fix.edits {
            let list = per_file.entry(e.file.as_str()).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
        }
    }
    for (file, mut edits) in per_file {
        let Some(bytes) = package.files.get_mut(file) else { continue };
        *bytes = apply_edits(bytes, &mut edits);
        touched.insert(file.to_string());
    }
    for fix in fixes {
        for op in &fix.operations {
            match op {
                FileOperation::Remove { path } => {
                    if package.files.remove(path).is_some() {
                        touched.insert(path.clone());
                    }
                }
                FileOperation::Write { path, contents } => {
                    package.files.insert(path.clone(), contents.clone().into_bytes());
                    touched.insert(path.clone());
                }
                FileOperation::RenameRoot { to } => *top_folder = Some(to.clone()),
            }
        }
    }
    touched
}

/// `bytes` with non-overlapping `edits` applied (offsets index `bytes`). Edits are applied from
/// the end backwards; insertions at the same offset keep their given order.
pub fn apply_edits(bytes: &[u8], edits: &mut [&Edit]) -> Vec<u8> {
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = Vec::with_capacity(bytes.len() + edits.iter().map(|e| e.replacement.len()).sum::<usize>());
    let mut at = 0;
    for e in edits.iter() {
        if e.start < at {
            continue;
        }
        out.extend_from_slice(&bytes[at..e.start]);
        out.extend_from_slice(e.replacement.as_bytes());
        at = e.end;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_against_original_offsets() {
        let text = b"a: 1.10\nb: x # keep\r\nc: y\n";
        let e1 = Edit { file: "f".into(), start: 3, end: 7, replacement: "\"1.10\"".into() };
        let e2 = Edit { file: "f".into(), start: 26, end: 26, replacement: "d: z\n".into() };
        let e3 = Edit { file: "f".into(), start: 11, end: 12, replacement: "xx".into() };
        let out = apply_edits(text, &mut [&e2, &e1, &e3]);
        assert_eq!(out, b"a: \"1.10\"\nb: xx # keep\r\nc: y\nd: z\n");
    }

    #[test]
    fn ticking_and_unticking() {
        let candidate = |applicability| Candidate {
            key: FixKey { code: "X001".into(), file: None, message: format!("{applicability:?}") },
            code: "X001",
            title: "t".into(),
            file: None,
            line: None,
            applicability,
            costs: String::new(),
        };
        let (safe, unsafe_) = (candidate(Applicability::Safe), candidate(Applicability::Unsafe));
        let mut s = Selection::safe();
        assert!(s.is_set(&safe) && !s.is_set(&unsafe_));
        s.set(&safe, false);
        s.set(&unsafe_, true);
        assert!(!s.is_set(&safe) && s.is_set(&unsafe_));
        s.set(&safe, true);
        s.set(&unsafe_, false);
        assert_eq!(s, Selection::safe());
        // A fix that costs cells is never ticked by default, not even by "all fixes", and can
        // be ticked and unticked by name.
        for applicability in [Applicability::Safe, Applicability::Unsafe] {
            let costly = Candidate { costs: "no longer works on Rancher 2.9".into(), ..candidate(applicability) };
            let mut s = Selection::safe();
            assert!(!s.is_set(&costly) && !Selection::all().is_set(&costly));
            s.set(&costly, true);
            assert!(s.is_set(&costly), "{applicability:?}");
            s.set(&costly, false);
            assert!(!s.is_set(&costly), "{applicability:?}");
        }
    }

    #[test]
    fn conflicts_are_detected() {
        let fix =
            |s, e, r: &str| Fix::safe("t", vec![Edit { file: "f".into(), start: s, end: e, replacement: r.into() }]);
        let mut claims = Claims::default();
        claims.claim(&fix(2, 5, "x"), "A001");
        assert_eq!(claims.conflict(&fix(4, 6, "y")), Some("A001"));
        assert_eq!(claims.conflict(&fix(3, 3, "y")), Some("A001"));
        assert_eq!(claims.conflict(&fix(5, 7, "y")), None);
        assert_eq!(claims.conflict(&fix(0, 2, "y")), None);
        assert_eq!(claims.conflict(&fix(2, 5, "x")), None, "an identical edit is not a conflict");
        claims.claim(&fix(9, 9, "i"), "A002");
        assert_eq!(claims.conflict(&fix(9, 9, "j")), Some("A002"));
        let write = Fix::safe("w", vec![])
            .with_operations(vec![FileOperation::Write { path: "f".into(), contents: String::new() }]);
        assert_eq!(claims.conflict(&write), Some("A001"));
    }
}
