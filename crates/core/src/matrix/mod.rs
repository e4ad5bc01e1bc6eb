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
        }
    }
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
    /// Every gate, in the order the platform applies them.
    pub gates: Vec<Gate>,
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
    pub fn working(&self) -> BTreeSet<CellId> {
        self.cells
            .iter()
            .filter(|c| matches!(c.verdict, CellVerdict::Works | CellVerdict::Caveat))
            .filter_map(|c| {
                Some(CellId {
                    platform: self.platform,
                    row: self.rows.get(c.row)?.id.clone(),
                    minor: self.columns.get(c.column)?.minor,
                    vendor: c.vendor.label(),
                })
            })
            .collect()
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
    /// The Kubernetes minor of the column.
    pub minor: u32,
    /// The build form's label (`plain`, `EKS`, ...).
    pub vendor: &'static str,
}

/// A short description of a set of cells for people, by platform line, with the Kubernetes
/// minors of the plain build: "Rancher 2.7 (Kubernetes 1.23–1.26); Rancher 2.8 (...)". Cells of
/// other build forms only are named by their form.
pub fn describe_cells(cells: &BTreeSet<CellId>) -> String {
    let mut by_row: Vec<(String, &'static str, Vec<u32>, BTreeSet<&'static str>)> = Vec::new();
    for c in cells {
        let platform = if c.platform == "rancher" { "Rancher" } else { "KubeSphere" };
        if by_row.last().is_none_or(|(row, p, _, _)| *row != c.row || *p != platform) {
            by_row.push((c.row.clone(), platform, Vec::new(), BTreeSet::new()));
        }
        let last = by_row.last_mut().expect("pushed");
        if c.vendor == "plain" {
            last.2.push(c.minor);
        } else {
            last.3.insert(c.vendor);
        }
    }
    by_row
        .iter()
        .map(|(row, platform, minors, vendors)| {
            if minors.is_empty() {
                let forms: Vec<&str> = vendors.iter().copied().collect();
                format!("{platform} {row} ({} builds)", forms.join(", "))
            } else {
                format!("{platform} {row} (Kubernetes {})", runs(minors, |m| format!("1.{m}")))
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
