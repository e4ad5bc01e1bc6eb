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

use crate::diagnostic::Text;
use crate::i18n::{Arg, Lang, Message};
use crate::platforms::VendorBuild;

/// A matrix text as built: rendered in English now, with its localisable source for
/// [`Matrix::localize`] (`None` for fixed text).
pub(crate) fn text(t: impl Into<Text>) -> (String, Option<Message>) {
    t.into().english()
}

/// A matrix text as a message argument (rendered in the message's language).
pub(crate) fn arg(t: impl Into<Text>) -> Arg {
    match t.into() {
        Text::Plain(s) => Arg::Text(s),
        Text::Message(m) => Arg::Message(m),
    }
}

/// `items` as one argument, joined by the two-place message `id` (`matrix-list` "a, b",
/// `matrix-and` "a and b", `matrix-join` "a; b"); empty text for no items. The messages nest as
/// a balanced tree, so rendering a list of n items (a package's required extensions: input)
/// recurses log2(n) deep, not n.
pub(crate) fn joined(id: &'static str, items: impl IntoIterator<Item = Arg>) -> Arg {
    fn tree(id: &'static str, mut items: Vec<Arg>) -> Arg {
        match items.len() {
            0 => Arg::none(),
            1 => items.pop().expect("one item"),
            n => {
                let right = items.split_off(n / 2);
                Arg::Message(Message::new(id).arg("a", tree(id, items)).arg("b", tree(id, right)))
            }
        }
    }
    tree(id, items.into_iter().collect())
}

/// The message id of gate `id`'s name.
fn gate_message(id: &str) -> Option<&'static str> {
    Some(match id {
        "ks-core" => "matrix-gate-ks-core",
        "helm" => "matrix-gate-helm",
        "apis" => "matrix-gate-apis",
        "console" => "matrix-gate-console",
        "dependencies" => "matrix-gate-dependencies",
        "rancher-a" => "matrix-gate-rancher-a",
        "rancher-b" => "matrix-gate-rancher-b",
        "rancher-c" => "matrix-gate-rancher-c",
        "chart" => "matrix-gate-chart",
        _ => return None,
    })
}

/// Gate `id`'s name as a message argument (rendered in the message's language).
pub(crate) fn gate_arg(id: &str) -> Arg {
    gate_message(id).map_or_else(|| Arg::Text(id.to_string()), |m| Arg::Message(Message::new(m)))
}

/// The name of gate `id` in `lang` (message `matrix-gate-<id>`), interned: the set of gate ids
/// and languages is small and fixed.
pub fn gate_name(id: &str, lang: Lang) -> &'static str {
    static NAMES: std::sync::Mutex<Vec<(&'static str, Lang, &'static str)>> = std::sync::Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(&(_, _, name)) = names.iter().find(|(i, l, _)| *i == id && *l == lang) {
        return name;
    }
    let Some(message_id) = gate_message(id) else { return "" };
    let Ok(name) = crate::interned::intern(Message::new(message_id).render(lang)) else { return "" };
    let Ok(id) = crate::interned::intern(id.to_string()) else { return name };
    names.push((id, lang, name));
    name
}

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

    /// A short word in `lang`.
    pub fn label_in(self, lang: Lang) -> String {
        let id = match self {
            CellVerdict::Works => "matrix-verdict-works",
            CellVerdict::Caveat => "matrix-verdict-caveat",
            CellVerdict::Blocked => "matrix-verdict-blocked",
            CellVerdict::Unsupported => "matrix-verdict-unsupported",
            CellVerdict::NotApplicable => "matrix-verdict-not-applicable",
            CellVerdict::Mixed => "matrix-verdict-mixed",
        };
        Message::new(id).render(lang)
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
    /// The localisable source of `label`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_source: Option<Message>,
}

impl PatchSplit {
    /// The label as a message argument.
    fn label_arg(&self) -> Arg {
        self.label_source.clone().map_or_else(|| Arg::Text(self.label.clone()), Arg::Message)
    }

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
            crate::msg!("matrix-split-from", version = works[0].as_str())
        } else if contiguous && first_work == 0 {
            crate::msg!("matrix-split-up-to", version = works[works.len() - 1].as_str())
        } else {
            crate::msg!("matrix-split-blocked-on", versions = patch_runs(&blocked))
        };
        let (label, label_source) = text(label);
        Some(PatchSplit { works, blocked, label, label_source })
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
    /// The localisable source of `reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_source: Option<Message>,
    /// The localisable source of `message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_source: Option<Message>,
}

impl Gate {
    /// A gate's result: its name from its `id` ([`gate_name`]), `reason` and the user's
    /// `message` rendered in English with their sources kept.
    pub fn new(id: &'static str, outcome: GateOutcome, reason: impl Into<Text>, message: Option<Text>) -> Gate {
        let (reason, reason_source) = text(reason);
        let (message, message_source) = match message.map(text) {
            Some((m, source)) => (Some(m), source),
            None => (None, None),
        };
        Gate { id, name: gate_name(id, Lang::En), outcome, reason, message, reason_source, message_source }
    }
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
    /// The localisable source of `note`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_source: Option<Message>,
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
        let form = if self.vendor == VendorBuild::Plain {
            Arg::none()
        } else {
            Arg::Message(crate::msg!("matrix-cell-form", form = self.vendor.label()))
        };
        let verdict = match (self.verdict, self.blocker()) {
            (CellVerdict::Blocked, Some(g)) => crate::msg!("matrix-cell-blocked-by", gate = g.name),
            (CellVerdict::Mixed, blocker) => {
                let split = self.patches.as_ref();
                let label = split.map_or(arg(crate::msg!("matrix-some-patches")), |s| s.label_arg());
                let blocked = split.map(|s| patch_runs(&s.blocked)).unwrap_or_default();
                match blocker {
                    Some(g) => crate::msg!("matrix-cell-mixed-by", label, blocked, gate = g.name),
                    None => crate::msg!("matrix-cell-mixed", label, blocked),
                }
            }
            (CellVerdict::Caveat, _) => {
                let who = self.gates.iter().filter(|g| g.outcome == GateOutcome::Caveat).map(|g| Arg::from(g.name));
                crate::msg!("matrix-cell-caveat-from", gates = joined("matrix-and", who))
            }
            (v, _) => {
                return crate::msg!("matrix-cell", row, column, form, verdict = v.label_in(m.lang)).render(m.lang);
            }
        };
        crate::msg!("matrix-cell", row, column, form, verdict).render(m.lang)
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
    /// The localisable source of `summary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_source: Option<Message>,
    /// The localisable sources of `notes`, one per note (`None` for fixed text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes_source: Vec<Option<Message>>,
    /// The language the texts are in ([`Matrix::localize`]).
    #[serde(default, skip_serializing_if = "is_english")]
    pub lang: Lang,
}

fn is_english(lang: &Lang) -> bool {
    *lang == Lang::En
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
        notes.push(crate::msg!("matrix-compact-note").render(self.lang));
        let mut compact = Matrix {
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
            summary_source: None,
            notes_source: Vec::new(),
            lang: self.lang,
        };
        compact.strip_sources();
        compact
    }

    /// Drops the localisable sources (what the JSON report and the page need not carry).
    pub fn strip_sources(&mut self) {
        self.summary_source = None;
        self.notes_source.clear();
        for row in &mut self.rows {
            row.note_source = None;
        }
        for cell in &mut self.cells {
            for gate in &mut cell.gates {
                gate.reason_source = None;
                gate.message_source = None;
            }
            if let Some(split) = &mut cell.patches {
                split.label_source = None;
            }
        }
    }

    /// Adds a note for every cell (a Fluent message, or fixed text).
    pub fn push_note(&mut self, note: impl Into<Text>) {
        let (note, source) = text(note);
        self.notes_source.resize(self.notes.len(), None);
        self.notes.push(note);
        self.notes_source.push(source);
    }

    /// Renders every text that has a source in `lang`: gate names, reasons and messages, row
    /// notes, patch labels, the summary and the notes. Verdicts, ids and versions do not change.
    pub fn localize(&mut self, lang: Lang) {
        self.lang = lang;
        let render = |text: &mut String, source: &Option<Message>| {
            if let Some(m) = source {
                *text = m.render(lang);
            }
        };
        render(&mut self.summary, &self.summary_source);
        for (note, source) in self.notes.iter_mut().zip(&self.notes_source) {
            render(note, source);
        }
        for row in &mut self.rows {
            if let (Some(note), Some(m)) = (&mut row.note, &row.note_source) {
                *note = m.render(lang);
            }
        }
        for cell in &mut self.cells {
            for gate in &mut cell.gates {
                let name = gate_name(gate.id, lang);
                if !name.is_empty() {
                    gate.name = name;
                }
                render(&mut gate.reason, &gate.reason_source);
                if let (Some(message), Some(m)) = (&mut gate.message, &gate.message_source) {
                    *message = m.render(lang);
                }
            }
            if let Some(split) = &mut cell.patches {
                render(&mut split.label, &split.label_source);
            }
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
            let (row, label, blocked) = (row.label.as_str(), split.label_arg(), patch_runs(&split.blocked));
            out.push(
                match cell.blocker() {
                    Some(g) => crate::msg!("matrix-mixed-line-by", row, label, blocked, gate = g.name),
                    None => crate::msg!("matrix-mixed-line", row, label, blocked),
                }
                .render(self.lang),
            );
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
pub fn describe_cells_message(cells: &BTreeSet<CellId>) -> Arg {
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
    let parts = by_row
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
            let (platform, name) = (*platform, name.as_str());
            Arg::Message(if minors.is_empty() {
                let forms: Vec<&str> = vendors.iter().copied().collect();
                crate::msg!("matrix-cells-builds", platform, name, forms = forms.join(", "))
            } else {
                let minors: Vec<u32> = minors.iter().copied().collect();
                crate::msg!("matrix-cells-kube", platform, name, minors = runs(&minors, |m| format!("1.{m}")))
            })
        })
        .collect::<Vec<_>>();
    joined("matrix-join", parts)
}

/// [`describe_cells_message`] in English.
pub fn describe_cells(cells: &BTreeSet<CellId>) -> String {
    Text::from(describe_cells_message(cells)).english().0
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
    fn a_long_list_joins_shallow_and_in_order() {
        let items = (0..100_000).map(|i| Arg::Text(i.to_string()));
        let text = Text::from(joined("matrix-list", items)).english().0;
        assert!(text.starts_with("0, 1, 2, ") && text.ends_with(", 99998, 99999"), "{}", &text[..40]);
        assert_eq!(text.matches(", ").count(), 99_999);
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
