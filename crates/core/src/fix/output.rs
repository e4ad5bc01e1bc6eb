//! The corrected package: the fixed files written in the layout the platform expects, the
//! per-file diff against the input, and the re-check of the written bytes read back.
//!
//! | input | output |
//! |---|---|
//! | KubeSphere source folder | what `ksbuilder package` writes: `{name}-{version}.tgz` ([`crate::kubesphere::build`]) |
//! | KubeSphere `.tgz` | `{name}-{version}.tgz`, entries `{name}/…` in Helm's order, same files |
//! | Rancher or Helm chart | `{name}-{version}.tgz` from Chart.yaml, top folder `{name}`, Helm's order |
//! | Rancher package folder or plugin archive | the same files as `{folder}.tgz`, folder order |
//! | a single file | the corrected file |
//!
//! Archives are written by [`write_tgz`]: files only, mode 0644, fixed timestamps, so the same
//! input and selection always give the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use super::diff::{self, FileDiff};
use super::{Fixed, Selection, fix};
use crate::check::{PackageReport, Report, check};
use crate::kubesphere::build;
use crate::package::write::{Order, write_tgz};
use crate::package::{Kind, Origin, read_archive, read_single_file};
use crate::syntax::yaml;

/// How the output is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// A KubeSphere source folder packaged as `ksbuilder package` does.
    Ksbuilder,
    /// A chart archive in Helm's entry order.
    Helm,
    /// An archive of the files in folder order.
    Folder,
    /// One corrected file.
    SingleFile,
}

/// The file to download.
#[derive(Clone, Debug)]
pub struct Output {
    /// Suggested file name, e.g. `cert-manager-1.0.0.tgz` or `package.json`.
    pub file_name: String,
    /// The bytes to write.
    pub bytes: Vec<u8>,
    /// The IANA media type (`application/gzip`, or the single file's).
    pub media_type: &'static str,
    /// How it is laid out.
    pub layout: Layout,
    /// The archive's top folder (`None` for a single file).
    pub top_folder: Option<String>,
    /// The files written, relative to the top folder.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Files the writer itself changed beyond the fixes (Chart.yaml files `ksbuilder package`
    /// generates or re-marshals).
    pub rewritten: Vec<String>,
    /// Input files left out by the writer (ignored by `.helmignore`).
    pub ignored: Vec<String>,
}

/// Why no corrected package can be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutputError {
    /// Not every file of the input was read (a size limit or a read error), so a package
    /// written from what was read would silently lose files.
    Incomplete,
    /// The input is not a recognised package.
    Unrecognised,
    /// A KubeSphere source folder whose extension.yaml cannot be packaged.
    Build(build::BuildError),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Incomplete => {
                f.write_str("not every file of the input could be read, so a corrected package would lose files")
            }
            OutputError::Unrecognised => f.write_str("the input is not a recognised extension package"),
            OutputError::Build(e) => write!(f, "the package cannot be built as `ksbuilder package` would: {e}"),
        }
    }
}

/// Everything the fix panel and `extcheck check --fix` show.
#[derive(Clone, Debug)]
pub struct Corrected {
    /// What the fix engine did.
    pub fixed: Fixed,
    /// The package to download.
    pub output: Result<Output, OutputError>,
    /// Per-file changes from the input to the output, in path order.
    pub diffs: Vec<FileDiff>,
    /// The output read back from its bytes and checked, as a user opening it would.
    pub report: Option<Report>,
}

impl Corrected {
    /// Paths of files whose bytes differ between input and output (including added and
    /// removed files).
    pub fn changed_paths(&self) -> BTreeSet<&str> {
        self.diffs.iter().map(|d| d.path.as_str()).collect()
    }
}

/// Fixes `report`'s package with `selection`, writes the corrected package, diffs it and
/// re-checks it.
pub fn correct(report: &PackageReport, selection: &Selection) -> Corrected {
    let fixed = fix(report, selection);
    let output = write(report, &fixed);
    let (diffs, checked) = match &output {
        Ok(out) => {
            let diffs = diff::diff_packages(&report.package.files, &out.files);
            let read = match out.layout {
                Layout::SingleFile => read_single_file(&out.file_name, out.bytes.clone()),
                _ => read_archive(&out.file_name, &out.bytes),
            };
            (diffs, Some(check(&out.file_name, read)))
        }
        Err(_) => (diff::diff_packages(&report.package.files, &fixed.package.files), None),
    };
    Corrected { fixed, output, diffs, report: checked }
}

/// Writes the fixed package in the layout of the input's kind (see the module docs).
///
/// Errors: [`OutputError`] when the input was not read completely, is not a package, or is a
/// KubeSphere source folder without a usable extension.yaml.
pub fn write(report: &PackageReport, fixed: &Fixed) -> Result<Output, OutputError> {
    let kind = report.kind.ok_or(OutputError::Unrecognised)?;
    let incomplete = report.diagnostics.iter().any(|d| matches!(d.code, "PKG001" | "PKG003"));
    if let Origin::File { name } = &report.origin {
        let (path, bytes) = fixed.package.files.iter().next().ok_or(OutputError::Incomplete)?;
        if incomplete {
            return Err(OutputError::Incomplete);
        }
        return Ok(Output {
            file_name: name.clone(),
            bytes: bytes.clone(),
            media_type: media_type(name),
            layout: Layout::SingleFile,
            top_folder: None,
            files: BTreeMap::from([(path.clone(), bytes.clone())]),
            rewritten: Vec::new(),
            ignored: Vec::new(),
        });
    }
    if incomplete || fixed.package.partial {
        return Err(OutputError::Incomplete);
    }
    let archive_root = matches!(report.origin, Origin::Archive { .. }) && part(report).is_empty();
    let folder = folder_name(report, fixed);
    let files = fixed.package.files.clone();
    let out = |file_name: String, top: String, files: BTreeMap<String, Vec<u8>>, layout: Layout| Output {
        bytes: write_tgz(&files, &top, if layout == Layout::Folder { Order::Walk } else { Order::Helm }),
        file_name,
        media_type: "application/gzip",
        layout,
        top_folder: Some(top),
        files,
        rewritten: Vec::new(),
        ignored: Vec::new(),
    };
    Ok(match kind {
        Kind::Kubesphere if !archive_root => {
            let built = build::ksbuilder_package(&fixed.package).map_err(OutputError::Build)?;
            let mut o =
                out(format!("{}-{}.tgz", built.name, built.version), built.name, built.files, Layout::Ksbuilder);
            o.rewritten = built.rewritten;
            o.ignored = built.ignored;
            o
        }
        Kind::Kubesphere => match identity(&fixed.package, "extension.yaml") {
            Some((name, version)) => out(format!("{name}-{version}.tgz"), name, files, Layout::Helm),
            None => out(format!("{folder}.tgz"), folder, files, Layout::Helm),
        },
        Kind::RancherChart | Kind::HelmChart => match identity(&fixed.package, "Chart.yaml") {
            Some((name, version)) => out(format!("{name}-{version}.tgz"), name, files, Layout::Helm),
            None => out(format!("{folder}.tgz"), folder, files, Layout::Helm),
        },
        Kind::RancherPackage | Kind::RancherPlugin => {
            let file_name = match &report.origin {
                Origin::Archive { name, .. } if archive_root => name.clone(),
                _ => format!("{folder}.tgz"),
            };
            out(file_name, folder, files, Layout::Folder)
        }
    })
}

/// The package's folder inside the input, without the archive's top folder.
fn part(report: &PackageReport) -> &str {
    let root = match &report.origin {
        Origin::Archive { top_folder: Some(t), .. } => {
            report.root.strip_prefix(&format!("{t}/")).unwrap_or(&report.root)
        }
        _ => &report.root,
    };
    root.trim_end_matches('/')
}

/// The folder name to write under: the renamed or original top folder, the package's folder,
/// or the dropped folder's name.
fn folder_name(report: &PackageReport, fixed: &Fixed) -> String {
    let part = part(report);
    if let Some(last) = part.rsplit('/').next().filter(|s| !s.is_empty()) {
        return last.to_string();
    }
    match &report.origin {
        Origin::Archive { name, .. } => fixed
            .top_folder
            .clone()
            .unwrap_or_else(|| name.trim_end_matches(".tgz").trim_end_matches(".tar.gz").to_string()),
        Origin::Folder { name } => name.clone(),
        Origin::File { name } => name.clone(),
    }
}

/// `name` and `version` of the YAML manifest at `path`, when both are non-empty strings that
/// are safe as a file name.
fn identity(package: &crate::package::Package, path: &str) -> Option<(String, String)> {
    let stream = yaml::parse(package.text(path)?);
    let root = stream.first()?;
    let get = |k: &str| {
        root.entry_go(k)
            .and_then(|e| e.value.as_str())
            .filter(|s| !s.is_empty() && !s.contains(['/', '\\']) && *s != "." && *s != "..")
            .map(str::to_string)
    };
    Some((get("name")?, get("version")?))
}

fn media_type(name: &str) -> &'static str {
    if name.ends_with(".json") {
        "application/json"
    } else if name.ends_with(".yaml") || name.ends_with(".yml") {
        "application/yaml"
    } else {
        "text/plain"
    }
}
