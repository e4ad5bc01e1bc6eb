//! The messages between the page and its checking worker (`src/bin/extcheck-worker.rs`).
//!
//! The worker holds the session (the checked packages with their bytes, see
//! [`crate::session`]); the page holds only compact view models and asks for more as the user
//! opens views. Page → worker: `[id, header, files]` — `id` a number, `header` the JSON of a
//! [`Request`], `files` an array of `File` objects for [`Request::Check`] (structured clones:
//! the page never reads their bytes). Worker → page: `["progress", id, header]` with the JSON
//! of a [`Progress`]; `["done", id, header, bytes]` with the JSON of the request's reply (its
//! type is named on each [`Request`] variant) and, for replies that carry bytes, one
//! `Uint8Array` (transferred, not copied; `null` otherwise); `["failed", id, message]`.
//! Adding a feature is one new [`Request`] variant, its reply type here, and its arm in
//! [`crate::session::Session::handle`].

use std::collections::BTreeSet;

use extcheck_core::Counts;
use extcheck_core::diagnostic::Diagnostic;
use extcheck_core::fix::diff::FileDiff;
use extcheck_core::matrix::Matrix;
use extcheck_core::package::{Kind, Origin};
use extcheck_core::report::view::DiagnosticView;
use extcheck_core::suppress::Suppressed;
use serde::{Deserialize, Serialize};

pub mod cards;

/// One thing to check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// One file (an archive or a single manifest): its name and its index in `files`.
    File {
        /// The file's name.
        name: String,
        /// Index in the message's `files`.
        file: usize,
    },
    /// A folder: its name, and each file's path (relative to it) with its index in `files`.
    Folder {
        /// The folder's name.
        name: String,
        /// Paths and indexes, in path order.
        files: Vec<(String, usize)>,
    },
    /// An embedded example, by id (its bytes live in the worker only).
    Example {
        /// The example's id.
        id: String,
    },
}

/// How far the worker is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// What is being done: `reading`, `inflating` or `checking`.
    pub stage: String,
    /// The input being worked on.
    pub what: String,
    /// Files read so far.
    pub files: usize,
    /// Files to read (0 for an archive, whose entries are only known once inflated).
    pub total: usize,
    /// Bytes read so far (compressed bytes for an archive).
    pub bytes: u64,
}

/// What the page asks the worker. Packages are numbered over the whole session, in the order
/// of the [`PackageModel`]s of the last [`Request::Check`] or [`Request::Apply`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read and check the message's files; reply `Vec<PackageModel>`. Replaces the session.
    Check {
        /// The inputs, in order.
        jobs: Vec<Job>,
        /// The language of the reports' messages (and of everything the session sends after);
        /// English when absent.
        #[serde(default)]
        lang: extcheck_core::i18n::Lang,
    },
    /// A package's files (for views that draw from them, like the card previews); reply
    /// `Vec<(String, usize)>` (paths and byte lengths in path order) with the bytes back to back.
    Files {
        /// Package number.
        package: usize,
    },
    /// The fixes on offer and the corrected package for `ticks`; reply [`FixModel`].
    Fix {
        /// Package number.
        package: usize,
        /// One tick per candidate (in [`FixModel::candidates`] order); `None` for the default
        /// (safe fixes ticked).
        ticks: Option<Vec<bool>>,
    },
    /// The corrected package's bytes; reply [`Download`] with the bytes.
    Download {
        /// Package number.
        package: usize,
        /// As in [`Request::Fix`].
        ticks: Option<Vec<bool>>,
    },
    /// Replace a package with the re-check of its corrected package; reply the session's new
    /// `Vec<PackageModel>`.
    Apply {
        /// Package number.
        package: usize,
        /// As in [`Request::Fix`].
        ticks: Option<Vec<bool>>,
    },
    /// The session's report in an export format; reply [`Download`] with the bytes.
    Export {
        /// The format's file extension: `json`, `sarif` or `md`.
        format: String,
    },
    /// Judge a constraint against a version with every platform engine; reply [`RangeModel`].
    Range {
        /// The constraint, e.g. `>=1.19.0-0`.
        constraint: String,
        /// The current version, e.g. `v1.28.3-gke.100`.
        version: String,
        /// The field's name, e.g. `kubeVersion`.
        field: String,
    },
    /// The rule catalogue; reply `Vec<RuleModel>`.
    Rules,
    /// The package's chart rendered as Helm renders it (the Manifests tab); reply
    /// [`ManifestsModel`].
    Manifests {
        /// Package number.
        package: usize,
        /// Values text in place of the chart's `values.yaml`; `None` keeps the chart's.
        values: Option<String>,
        /// Kubernetes `1.<minor>` to render for; `None` for the platform's newest.
        minor: Option<u32>,
        /// A KubeSphere extension's agent release (member clusters) instead of the host's.
        agent: bool,
    },
    /// Render the session in `lang` from now on: the reports' messages
    /// ([`extcheck_core::Report::localize`]), fixes, rules and exports; reply the session's
    /// `Vec<PackageModel>` (empty before a check).
    Localize {
        /// The language.
        lang: extcheck_core::i18n::Lang,
    },
    /// The Cards tab's view model (card previews and checklist, computed here so that the
    /// page links no parser); reply [`cards::CardsModel`] with its image bytes.
    Cards {
        /// Package number.
        package: usize,
        /// The browser's `navigator.language` (the KubeSphere console resolves languages with it).
        navigator: String,
    },
}

/// One rendered file of the Manifests tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestModel {
    /// The template as Helm names it (`demo/templates/x.yaml`).
    pub template: String,
    /// That template's path in the package, when it has one.
    pub source: Option<String>,
    /// The rendered text.
    pub text: String,
}

/// A render failure: Helm's message and where it points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderFailureModel {
    /// Helm's error text.
    pub message: String,
    /// `template:line:col` (or as much of it as Helm gives), when Helm names a template.
    pub at: Option<String>,
}

/// The Manifests tab's content: a package rendered with some values at one Kubernetes minor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestsModel {
    /// The values text rendered with (the chart's `values.yaml` when none was sent).
    pub values: String,
    /// The Kubernetes minor rendered for.
    pub minor: u32,
    /// The minors the package's platform supports, lowest and highest.
    pub minors: (u32, u32),
    /// The package has a KubeSphere agent release.
    pub has_agent: bool,
    /// Every rendered file (partials left out), in Helm's order.
    pub files: Vec<ManifestModel>,
    /// Why the render failed, if it did.
    pub failure: Option<RenderFailureModel>,
}

/// One checked package as the page shows it: no file bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackageModel {
    /// The input it was found in (file or folder name).
    pub input: String,
    /// Its kind, when recognised.
    pub kind: Option<Kind>,
    /// Its name, when known.
    pub name: Option<String>,
    /// Its version, when known.
    pub version: Option<String>,
    /// Its folder inside the input (`""` for the input itself).
    pub root: String,
    /// Every diagnostic with its location and source snippet, in report order.
    pub diagnostics: Vec<DiagnosticView>,
    /// Findings suppressed by comments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<Suppressed>,
    /// Number of files read.
    pub files: usize,
    /// Their total size in bytes.
    pub bytes: u64,
    /// Whether some files were not read.
    pub partial: bool,
    /// Files not read.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub skipped: BTreeSet<String>,
    /// The compatibility matrix.
    pub matrix: Option<Matrix>,
    /// Where it came from.
    pub origin: Origin,
}

impl PackageModel {
    /// Counts of its diagnostics by severity.
    pub fn counts(&self) -> Counts {
        Counts::of(self.diagnostics.iter().map(|d| &d.diagnostic))
    }

    /// Its diagnostics.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().map(|d| &d.diagnostic)
    }
}

/// A fix on offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateModel {
    /// Rule code.
    pub code: String,
    /// The fix's title (backticks mark code).
    pub title: String,
    /// `file:line`, the file, or `the package`.
    pub place: String,
    /// Safe (keeps what the author meant) or unsafe.
    pub safe: bool,
    /// The matrix cells the fix would lose; empty for almost every fix.
    pub costs: String,
}

/// The file a corrected package or an export is saved as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    /// Suggested file name.
    pub file_name: String,
    /// IANA media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// The fix panel of one package.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FixModel {
    /// The fixes on offer, in report order.
    pub candidates: Vec<CandidateModel>,
    /// Which are ticked (one per candidate).
    pub ticks: Vec<bool>,
    /// The corrected package's file, or why none can be written.
    pub output: Result<Download, String>,
    /// How the output is laid out, for people (backticks mark code).
    pub layout: Option<String>,
    /// Fixes applied.
    pub applied: usize,
    /// Fix passes run.
    pub passes: usize,
    /// Fixes found and applied after the first pass: code and title.
    pub later: Vec<(String, String)>,
    /// Chosen fixes not applied: code, title and why.
    pub skipped: Vec<(String, String, String)>,
    /// The re-check of the corrected package, when it could be read back.
    pub recheck: Option<Counts>,
    /// Per-file changes, in path order.
    pub diffs: Vec<FileDiff>,
}

/// One component's verdict in the range playground.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgementModel {
    /// The component's id (e.g. `KsApiserver`).
    pub component: String,
    /// The component's name.
    pub label: String,
    /// Its semver engine.
    pub engine: String,
    /// The verdict in words.
    pub verdict: String,
    /// True when the constraint admits the version.
    pub accepted: bool,
    /// True when the component ignores the constraint.
    pub ignored: bool,
    /// Why.
    pub reason: String,
}

/// The range playground's evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeModel {
    /// One verdict per component.
    pub judgements: Vec<JudgementModel>,
    /// True when the constraint parses in every engine.
    pub portable: bool,
    /// `engine: error` for each engine it does not parse in.
    pub problems: Vec<String>,
    /// A safer equivalent constraint, when there is one.
    pub suggestion: Option<String>,
}

/// One rule of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleModel {
    /// Its group's heading.
    pub group: String,
    /// Stable code.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: extcheck_core::Severity,
    /// One-line title.
    pub title: String,
    /// `safe fix`, `unsafe fix` or empty.
    pub fix: String,
    /// Its documentation, parsed from Markdown, without the first block (the title).
    pub docs: Vec<extcheck_core::markdown::Block>,
}

/// Splits packages' files into a list of paths with byte lengths and their bytes back to back.
pub fn encode_files<'a>(files: impl IntoIterator<Item = (&'a String, &'a Vec<u8>)>) -> (Vec<(String, usize)>, Vec<u8>) {
    let mut bytes = Vec::new();
    let list = files
        .into_iter()
        .map(|(path, b)| {
            bytes.extend_from_slice(b);
            (path.clone(), b.len())
        })
        .collect();
    (list, bytes)
}

/// Rebuilds the files from [`encode_files`]' list: `len` is the number of bytes and
/// `slice(start, end)` copies that range out of them. Errors when the lengths do not add up
/// to `len`.
pub fn decode_files(
    list: Vec<(String, usize)>,
    len: usize,
    slice: impl Fn(usize, usize) -> Vec<u8>,
) -> Result<std::collections::BTreeMap<String, Vec<u8>>, String> {
    let mut at = 0usize;
    let mut files = std::collections::BTreeMap::new();
    for (path, size) in list {
        let end = at.checked_add(size).filter(|&e| e <= len).ok_or("the checking engine's reply is truncated")?;
        files.insert(path, slice(at, end));
        at = end;
    }
    if at != len {
        return Err("the checking engine's reply has bytes left over".into());
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_survive_the_trip_through_a_list_and_bytes() {
        let files: std::collections::BTreeMap<String, Vec<u8>> =
            [("a.yaml".to_string(), b"x: 1\n".to_vec()), ("b/c.txt".to_string(), vec![0, 1, 2])].into();
        let (list, blob) = encode_files(&files);
        let json = serde_json::to_string(&list).unwrap();
        let slice = |a: usize, b: usize| blob[a..b].to_vec();
        assert_eq!(decode_files(serde_json::from_str(&json).unwrap(), blob.len(), slice).unwrap(), files);
        assert!(decode_files(list.clone(), blob.len() - 1, slice).is_err());
        assert!(decode_files(list, blob.len() + 1, slice).is_err());
    }

    #[test]
    fn requests_round_trip_through_json() {
        let requests = [
            Request::Check { jobs: vec![Job::Example { id: "x".into() }], lang: extcheck_core::i18n::Lang::ZhCn },
            Request::Localize { lang: extcheck_core::i18n::Lang::En },
            Request::Fix { package: 2, ticks: Some(vec![true, false]) },
            Request::Range { constraint: ">=1".into(), version: "v1".into(), field: "kubeVersion".into() },
            Request::Rules,
        ];
        for r in requests {
            assert_eq!(serde_json::from_str::<Request>(&serde_json::to_string(&r).unwrap()).unwrap(), r);
        }
    }
}
