//! The compatibility matrix (PRODUCT.md "Compatibility matrix"): for each platform, platform
//! versions × Kubernetes minors, each cell evaluated through every gate of the platform with
//! that gate's own engine ([`crate::semver::judge`]), for each Kubernetes build form
//! ([`VendorBuild`]).
//!
//! * [`kubesphere`]: ks-core's recommendation, Helm's install check, the console's
//!   selectability, required `externalDependencies`, and platform support (kubesphere.md §3,
//!   §7).
//! * [`rancher`]: Gate A (backend index filter), Gate B (Extensions page install), Gate C
//!   (load-time check), per Rancher line (rancher.md §3–§5).

pub mod kubesphere;
pub mod rancher;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::platforms::VendorBuild;

/// The overall verdict of a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellVerdict {
    /// Every gate passes.
    Works,
    /// It works, with a caveat (not recommended by default, needs another extension, needs
    /// Rancher Prime).
    Caveat,
    /// A gate stops it (hidden, not installable, install fails, not loaded).
    Blocked,
    /// The platform itself does not support this Kubernetes version.
    Unsupported,
    /// Not a platform that runs these extensions (KubeSphere 3.x).
    NotApplicable,
    /// The row's patch releases differ: it works on some and is blocked on others (the cell's
    /// [`Cell::patches`] says which). Not "works": a cell works only if every patch does.
    Mixed,
}

impl CellVerdict {
    /// The symbol shown with the colour, so the verdict is never told by colour alone.
    pub const fn symbol(self) -> &'static str {
        match self {
            CellVerdict::Works => "✓",
            CellVerdict::Caveat => "!",
            CellVerdict::Blocked => "✗",
            CellVerdict::Unsupported => "–",
            CellVerdict::NotApplicable => "·",
            CellVerdict::Mixed => "◐",
        }
    }

    /// A short word.
    pub const fn label(self) -> &'static str {
        match self {
            CellVerdict::Works => "works",
            CellVerdict::Caveat => "works, with a caveat",
            CellVerdict::Blocked => "blocked",
            CellVerdict::Unsupported => "platform does not support this Kubernetes",
            CellVerdict::NotApplicable => "does not run v4 extensions",
            CellVerdict::Mixed => "works on some patch releases only",
        }
    }
}

/// A patch release a row evaluates, with the Kubernetes minors it supports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patch {
    /// The release, e.g. `2.11.8`.
    pub version: String,
    /// The Kubernetes minors this release supports (for Rancher, the line's capped by this
    /// tag's chart `kubeVersion`).
    pub kube: crate::platforms::KubeRange,
}

/// How a cell's patch releases split when they differ ([`CellVerdict::Mixed`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatchSplit {
    /// The patch releases where the package works (with or without a caveat), oldest first.
    pub works: Vec<String>,
    /// The patch releases where a gate stops it, oldest first; the cell's gates are those of
    /// the newest of them.
    pub blocked: Vec<String>,
    /// For people: `from 2.11.8`, `up to 2.12.4`, or `blocked on 2.11.0–2.11.7, 2.11.10`.
    pub label: String,
}

impl PatchSplit {
    /// The split of `evaluated` (patch release, works?) in release order, or `None` when every
    /// patch agrees.
    pub fn of(evaluated: &[(&str, bool)]) -> Option<PatchSplit> {
        let works: Vec<String> = evaluated.iter().filter(|e| e.1).map(|e| e.0.to_string()).collect();
        let blocked: Vec<String> = evaluated.iter().filter(|e| !e.1).map(|e| e.0.to_string()).collect();
        if works.is_empty() || blocked.is_empty() {
            return None;
        }
        let first_work = evaluated.iter().position(|e| e.1).unwrap_or(0);
        let last_work = evaluated.iter().rposition(|e| e.1).unwrap_or(0);
        let contiguous = evaluated[first_work..=last_work].iter().all(|e| e.1);
        let label = if contiguous && last_work == evaluated.len() - 1 {
            format!("from {}", works[0])
        } else if contiguous && first_work == 0 {
            format!("up to {}", works[works.len() - 1])
        } else {
            format!("blocked on {}", patch_runs(&blocked))
        };
        Some(PatchSplit { works, blocked, label })
    }
}

/// `["2.11.0", "2.11.1", "2.11.2", "2.11.5"]` → `2.11.0–2.11.2, 2.11.5`: runs of consecutive
/// patch numbers within one line.
pub fn patch_runs(versions: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    let patch = |v: &str| v.rsplit('.').next().and_then(|p| p.parse::<u32>().ok());
    let line = |v: &str| v.rsplit_once('.').map(|(l, _)| l.to_string());
    while i < versions.len() {
        let start = i;
        while i + 1 < versions.len()
            && line(&versions[i + 1]) == line(&versions[i])
            && patch(&versions[i + 1]).zip(patch(&versions[i])).is_some_and(|(b, a)| b == a + 1)
        {
            i += 1;
        }
        parts.push(if i == start { versions[start].clone() } else { format!("{}–{}", versions[start], versions[i]) });
        i += 1;
    }
    parts.join(", ")
}

/// What one gate decided for a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GateOutcome {
    /// The gate lets the extension through.
    Pass,
    /// It lets it through with a caveat.
    Caveat,
    /// It stops it.
    Fail,
    /// The gate does not exist on this platform version, or does not look at this.
    Skipped,
}

/// One gate's result in a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    /// Stable id, e.g. `ks-core`, `helm`, `console`, `rancher-a`.
    #[serde(deserialize_with = "crate::interned::deserialize")]
    pub id: crate::interned::StaticStr,
    /// The component, e.g. "Helm at install (executor, Helm 3.12)".
    #[serde(deserialize_with = "crate::interned::deserialize")]
    pub name: crate::interned::StaticStr,
    /// What it decided.
    pub outcome: GateOutcome,
    /// Why, naming the constraint, the version compared and the engine.
    pub reason: String,
    /// What the user sees, in the platform's own words where it has them.
    pub message: Option<String>,
}

/// A row: a platform version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Version id, e.g. `4.1.3` or `2.10`.
    pub id: String,
    /// Label, e.g. `KubeSphere 4.1.3`.
    pub label: String,
    /// A note, e.g. `Extensions API 3.0.0` or `not v4`.
    pub note: Option<String>,
    /// Every patch release the row stands for, oldest first, each evaluated on its own (a
    /// KubeSphere row is one release; a Rancher row is a line, 2.11.0–2.11.16).
    #[serde(default)]
    pub patches: Vec<Patch>,
}

impl Row {
    /// The patch releases of the row that support Kubernetes `1.minor`.
    pub fn patches_on(&self, minor: u32) -> impl Iterator<Item = &Patch> {
        self.patches.iter().filter(move |p| p.kube.contains(minor))
    }
}

/// A column: a Kubernetes minor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Minor number (28 for 1.28).
    pub minor: u32,
    /// Label, `1.28`.
    pub label: String,
}

/// One cell for one build form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// Row index.
    pub row: usize,
    /// Column index.
    pub column: usize,
    /// The Kubernetes build form evaluated.
    pub vendor: VendorBuild,
    /// The Kubernetes `GitVersion` evaluated.
    pub kubernetes: String,
    /// The verdict.
    pub verdict: CellVerdict,
    /// Every gate, in the order the platform applies them (of the newest patch release, or of
    /// the newest blocked one when the patches differ).
    pub gates: Vec<Gate>,
    /// When the row's patch releases differ ([`CellVerdict::Mixed`]): which work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patches: Option<PatchSplit>,
}

impl Cell {
    /// A sentence for screen readers and tooltips: "KubeSphere 4.1.3 on Kubernetes 1.28 (EKS):
    /// blocked by Helm at install (executor Helm 3.12)".
    pub fn describe(&self, m: &Matrix) -> String {
        let row = m.rows.get(self.row).map_or("", |r| r.label.as_str());
        let column = m.columns.get(self.column).map_or(String::new(), |c| c.label.clone());
        let form =
            if self.vendor == VendorBuild::Plain { String::new() } else { format!(" ({})", self.vendor.label()) };
        let verdict = match (self.verdict, self.blocker()) {
            (CellVerdict::Blocked, Some(g)) => format!("blocked by {}", g.name),
            (CellVerdict::Mixed, blocker) => {
                let split = self.patches.as_ref();
                let label = split.map_or("on some patch releases", |s| s.label.as_str());
                let blocked = split.map(|s| patch_runs(&s.blocked)).unwrap_or_default();
                let by = blocker.map(|g| format!(" by {}", g.name)).unwrap_or_default();
                format!("works {label} ({blocked} blocked{by})")
            }
            (CellVerdict::Caveat, _) => {
                let who: Vec<&str> =
                    self.gates.iter().filter(|g| g.outcome == GateOutcome::Caveat).map(|g| g.name).collect();
                format!("works, with a caveat from {}", who.join(" and "))
            }
            (v, _) => v.label().to_string(),
        };
        format!("{row} on Kubernetes {column}{form}: {verdict}")
    }

    /// The first gate that stops the extension, if any.
    pub fn blocker(&self) -> Option<&Gate> {
        self.gates.iter().find(|g| g.outcome == GateOutcome::Fail)
    }
}

/// A platform's matrix, for every build form in `vendors`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matrix {
    /// `kubesphere` or `rancher`.
    #[serde(deserialize_with = "crate::interned::deserialize")]
    pub platform: crate::interned::StaticStr,
    /// Platform versions, oldest first.
    pub rows: Vec<Row>,
    /// Kubernetes minors, oldest first.
    pub columns: Vec<Column>,
    /// The build forms evaluated (K3s and RKE2 are build metadata and always equal `plain`;
    /// they are listed so a reader need not take that on trust).
    pub vendors: Vec<VendorBuild>,
    /// Cells, row-major, for each vendor in turn.
    pub cells: Vec<Cell>,
    /// One line for people: where it works and what blocks it.
    pub summary: String,
    /// Facts that apply to every cell (e.g. required external dependencies).
    pub notes: Vec<String>,
}

impl Matrix {
    /// The cell at (`row`, `column`) for `vendor`.
    pub fn cell(&self, row: usize, column: usize, vendor: VendorBuild) -> Option<&Cell> {
        self.cells.iter().find(|c| c.row == row && c.column == column && c.vendor == vendor)
    }

    /// The matrix as the JSON report carries it: the build forms that can differ (plain, EKS,
    /// GKE — K3s and RKE2 versions carry only build metadata, which every engine ignores, so
    /// their cells equal plain's), and gate details only for cells the platform supports.
    pub fn compact(&self) -> Matrix {
        let keep = [VendorBuild::Plain, VendorBuild::Eks, VendorBuild::Gke];
        let mut notes = self.notes.clone();
        notes.push("K3s (+k3s1) and RKE2 (+rke2r1) builds carry build metadata only, which every engine ignores: their cells equal the plain ones.".into());
        Matrix {
            platform: self.platform,
            rows: self.rows.clone(),
            columns: self.columns.clone(),
            vendors: keep.to_vec(),
            cells: self
                .cells
                .iter()
                .filter(|c| keep.contains(&c.vendor))
                .map(|c| {
                    let mut c = c.clone();
                    if matches!(c.verdict, CellVerdict::Unsupported | CellVerdict::NotApplicable) {
                        c.gates.clear();
                    }
                    c
                })
                .collect(),
            summary: self.summary.clone(),
            notes,
        }
    }

    /// The cells where the package works (with or without a caveat), by identity, so two
    /// matrices of the same platform can be compared ("which cells does this change?").
    /// Counted per patch release: a cell whose patches differ contributes the patches that work.
    pub fn working(&self) -> BTreeSet<CellId> {
        let mut out = BTreeSet::new();
        for c in &self.cells {
            let (Some(row), Some(column)) = (self.rows.get(c.row), self.columns.get(c.column)) else { continue };
            let id = |patch: &str| CellId {
                platform: self.platform,
                row: row.id.clone(),
                patch: patch.to_string(),
                minor: column.minor,
                vendor: c.vendor.label(),
            };
            match (c.verdict, &c.patches) {
                (CellVerdict::Works | CellVerdict::Caveat, _) if row.patches.is_empty() => {
                    out.insert(id(&row.id));
                }
                (CellVerdict::Works | CellVerdict::Caveat, _) => {
                    out.extend(row.patches_on(column.minor).map(|p| id(&p.version)));
                }
                (CellVerdict::Mixed, Some(split)) => out.extend(split.works.iter().map(|p| id(p))),
                _ => {}
            }
        }
        out
    }

    /// One line per row whose patch releases differ on the plain build ([`CellVerdict::Mixed`]),
    /// for the text and SARIF reports: "Rancher 2.11: works from 2.11.8; 2.11.0–2.11.7 blocked
    /// (Backend index filter (Gate A))". Empty when every row is uniform.
    pub fn mixed_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (ri, row) in self.rows.iter().enumerate() {
            let Some(cell) = self.cells.iter().find(|c| {
                c.row == ri && c.vendor == VendorBuild::Plain && c.verdict == CellVerdict::Mixed && c.patches.is_some()
            }) else {
                continue;
            };
            let split = cell.patches.as_ref().expect("filtered");
            let by = cell.blocker().map(|g| format!(" ({})", g.name)).unwrap_or_default();
            out.push(format!("{}: works {}; {} blocked{by}", row.label, split.label, patch_runs(&split.blocked)));
        }
        out
    }

    /// The index of the row with id `id`.
    pub fn row_index(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    /// The index of the column for Kubernetes `1.minor`.
    pub fn column_index(&self, minor: u32) -> Option<usize> {
        self.columns.iter().position(|c| c.minor == minor)
    }
}

/// Keeps the rows of `matrix` whose id passes `keep` (the platform lines a configuration counts),
/// and their cells, renumbered.
pub fn keep_rows(matrix: &mut Matrix, keep: impl Fn(&str) -> bool) {
    let kept: Vec<usize> = (0..matrix.rows.len()).filter(|&i| keep(&matrix.rows[i].id)).collect();
    let new_index = |old: usize| kept.iter().position(|&k| k == old);
    matrix.cells.retain_mut(|c| match new_index(c.row) {
        Some(i) => {
            c.row = i;
            true
        }
        None => false,
    });
    let rows = std::mem::take(&mut matrix.rows);
    matrix.rows = rows.into_iter().enumerate().filter(|(i, _)| kept.contains(i)).map(|(_, r)| r).collect();
}

/// The identity of one cell, comparable across two matrices of the same platform.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CellId {
    /// `kubesphere` or `rancher`.
    pub platform: &'static str,
    /// The row id (`2.10`, `4.1.3`).
    pub row: String,
    /// The patch release (`2.10.3`; for a KubeSphere row, the row id).
    pub patch: String,
    /// The Kubernetes minor of the column.
    pub minor: u32,
    /// The build form's label (`plain`, `EKS`, ...).
    pub vendor: &'static str,
}

/// A short description of a set of cells for people, by platform line, with the Kubernetes
/// minors of the plain build: "Rancher 2.7 (Kubernetes 1.23–1.26); Rancher 2.11.0–2.11.7
/// (...)" — a line is named by its patch releases when the set holds only some of them. Cells
/// of other build forms only are named by their form.
pub fn describe_cells(cells: &BTreeSet<CellId>) -> String {
    type Group = (String, &'static str, BTreeSet<u32>, BTreeSet<&'static str>, Vec<String>);
    let mut by_row: Vec<Group> = Vec::new();
    for c in cells {
        let platform = if c.platform == "rancher" { "Rancher" } else { "KubeSphere" };
        if by_row.last().is_none_or(|(row, p, ..)| *row != c.row || *p != platform) {
            by_row.push((c.row.clone(), platform, BTreeSet::new(), BTreeSet::new(), Vec::new()));
        }
        let last = by_row.last_mut().expect("pushed");
        if c.vendor == "plain" {
            last.2.insert(c.minor);
        } else {
            last.3.insert(c.vendor);
        }
        if !last.4.contains(&c.patch) {
            last.4.push(c.patch.clone());
        }
    }
    by_row
        .iter_mut()
        .map(|(row, platform, minors, vendors, patches)| {
            let line = crate::platforms::RANCHER.iter().find(|r| r.minor == row.as_str());
            let name = match line {
                Some(line) if *platform == "Rancher" && patches.len() < line.patches.len() => {
                    patches.sort_by_key(|p| p.rsplit('.').next().and_then(|n| n.parse::<u32>().ok()));
                    patch_runs(patches)
                }
                _ => row.clone(),
            };
            if minors.is_empty() {
                let forms: Vec<&str> = vendors.iter().copied().collect();
                format!("{platform} {name} ({} builds)", forms.join(", "))
            } else {
                let minors: Vec<u32> = minors.iter().copied().collect();
                format!("{platform} {name} (Kubernetes {})", runs(&minors, |m| format!("1.{m}")))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Combines gate outcomes into a verdict: any failure blocks; any caveat makes a caveat.
pub fn combine(gates: &[Gate]) -> CellVerdict {
    if gates.iter().any(|g| g.outcome == GateOutcome::Fail) {
        CellVerdict::Blocked
    } else if gates.iter().any(|g| g.outcome == GateOutcome::Caveat) {
        CellVerdict::Caveat
    } else {
        CellVerdict::Works
    }
}

/// `[1, 2, 3, 5]` → `1.1–1.3, 1.5` style runs of consecutive numbers, formatted by `fmt`.
pub fn runs(values: &[u32], fmt: impl Fn(u32) -> String) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < values.len() {
        let start = values[i];
        let mut end = start;
        while i + 1 < values.len() && values[i + 1] == end + 1 {
            i += 1;
            end = values[i];
        }
        parts.push(if start == end { fmt(start) } else { format!("{}–{}", fmt(start), fmt(end)) });
        i += 1;
    }
    parts.join(", ")
}

/// Longest constraint, in characters, that a cell's reason or message quotes in full.
pub const MAX_QUOTED_CHARS: usize = 120;

/// `constraint` as a cell quotes it: whole up to [`MAX_QUOTED_CHARS`] characters, else its
/// beginning and its length (`>=1.0 || … (10,240 bytes)`). A matrix has a cell per platform
/// version and Kubernetes minor, so a long constraint quoted whole in each would multiply the
/// report's size; the diagnostics show it once.
pub fn clip(constraint: &str) -> std::borrow::Cow<'_, str> {
    match constraint.char_indices().nth(MAX_QUOTED_CHARS) {
        None => std::borrow::Cow::Borrowed(constraint),
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{} … ({} bytes)", &constraint[..cut], constraint.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_splits_are_named_by_their_shape() {
        let split = |works: &[bool]| {
            let names: Vec<String> = (0..works.len()).map(|i| format!("2.11.{i}")).collect();
            let e: Vec<(&str, bool)> = names.iter().map(String::as_str).zip(works.iter().copied()).collect();
            PatchSplit::of(&e).map(|s| s.label)
        };
        assert_eq!(split(&[false, false, true, true]).as_deref(), Some("from 2.11.2"));
        assert_eq!(split(&[true, true, false]).as_deref(), Some("up to 2.11.1"));
        assert_eq!(split(&[false, true, false, false, true]).as_deref(), Some("blocked on 2.11.0, 2.11.2–2.11.3"));
        assert_eq!(split(&[true, true]), None);
        assert_eq!(split(&[false, false]), None);
    }

    #[test]
    fn runs_of_numbers() {
        assert_eq!(runs(&[21, 22, 23, 25], |m| format!("1.{m}")), "1.21–1.23, 1.25");
        assert_eq!(runs(&[], |m| m.to_string()), "");
    }

    #[test]
    fn long_constraints_are_clipped_in_cells() {
        assert_eq!(super::clip(">=1.19.0-0"), ">=1.19.0-0");
        let long = "~1.0 || ".repeat(1000);
        let clipped = super::clip(&long);
        assert!(clipped.starts_with("~1.0 || ~1.0") && clipped.ends_with(" … (8000 bytes)"), "{clipped}");
        assert!(clipped.chars().count() < super::MAX_QUOTED_CHARS + 20);
    }
}
