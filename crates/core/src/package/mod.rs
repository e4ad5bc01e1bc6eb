//! The in-memory package: its files by path, read from a `.tgz` archive ([`read_archive`]), a
//! folder ([`read_folder`]) or a single file ([`read_single_file`]), with the reading
//! diagnostics (PKG001–PKG008) and the detected [`Kind`].
//!
//! Limits are Helm's (≥ 3.17.3, `pkg/chart/loader/archive.go`): at most
//! [`MAX_TOTAL_BYTES`] decompressed in total and [`MAX_FILE_BYTES`] for one file. They are
//! enforced *while* reading, so a gzip bomb costs at most that much memory.

mod archive;
mod detect;
pub mod encoding;
pub mod fs;
pub mod rules;
pub mod write;

use std::collections::BTreeMap;

pub use archive::{Format, read_archive, sniff_format};
pub use detect::{Detected, Kind, detect};

use crate::diagnostic::Diagnostic;
use crate::violation::Violation;

/// Helm's limit on the decompressed size of a whole chart: 100 MiB.
pub const MAX_TOTAL_BYTES: u64 = 100 * 1024 * 1024;
/// Helm's limit on one decompressed file: 5 MiB.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// Rancher's plugin cache limit on one file of a plugin archive,
/// `max-ui-plugin-file-byte-size` (default 30 MiB, rancher/rancher `pkg/settings/setting.go`;
/// rancher.md §2): a larger file turns the plugin to `noCache`. Helm's limits do not apply to
/// plugin archives, which Rancher untars itself.
pub const PLUGIN_MAX_FILE_BYTES: u64 = 30 * 1024 * 1024;

/// Where the package came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Origin {
    /// An archive file.
    Archive {
        /// The archive's file name as given.
        name: String,
        /// Size of the archive in bytes (compressed).
        bytes: u64,
        /// The archive's single top-level folder, e.g. `cert-manager` (absent when PKG004).
        top_folder: Option<String>,
    },
    /// A folder (its own name, not part of the paths).
    Folder {
        /// The folder's name.
        name: String,
    },
    /// One file, e.g. `extension.yaml` or `package.json`.
    File {
        /// The file's name.
        name: String,
    },
}

/// A package as files in memory. Paths are relative to the package root (the archive's top
/// folder, or the dropped folder), use `/`, and never start with `./` or `/`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Package {
    /// Files by path, in path order.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Set when not every file of the package was seen (a single file was given, or reading
    /// stopped at an error or a limit): rules that need the whole package stay silent.
    pub partial: bool,
    /// Files present in the input but not read because of a size limit (PKG003): they exist,
    /// so no rule may report them missing.
    pub skipped: std::collections::BTreeSet<String>,
}

impl Package {
    /// The bytes of `path`, if present.
    pub fn bytes(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// The UTF-8 text of `path` with a leading byte-order mark removed (Helm strips it), or
    /// `None` when absent or not UTF-8.
    pub fn text(&self, path: &str) -> Option<&str> {
        let bytes = self.bytes(path)?;
        let text = std::str::from_utf8(bytes).ok()?;
        Some(text.strip_prefix('\u{feff}').unwrap_or(text))
    }

    /// True when `path` exists.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Paths under folder `dir` (without trailing slash), recursively.
    pub fn files_under<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let prefix = format!("{dir}/");
        self.files.keys().filter(move |p| p.starts_with(&prefix)).map(String::as_str)
    }

    /// Total size of all files in bytes.
    pub fn total_bytes(&self) -> u64 {
        self.files.values().map(|b| b.len() as u64).sum()
    }
}

/// What reading produced: the package (absent only when nothing could be read at all), where
/// it came from, and the PKG diagnostics.
#[derive(Clone, Debug)]
pub struct ReadResult {
    /// The files read; `None` when the input could not be read at all (PKG001).
    pub package: Option<Package>,
    /// The input's origin.
    pub origin: Origin,
    /// PKG diagnostics found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// One entry of a folder as the caller found it on disk or in a browser drop. The caller
/// skips reading files over [`PLUGIN_MAX_FILE_BYTES`] and stops at [`MAX_TOTAL_BYTES`] (see
/// [`ReadBudget`]) and reports them here so the core can say so; [`read_folder`] applies the
/// per-file limit of the folder's kind (Helm's 5 MiB, or Rancher's 30 MiB plugin cache limit in
/// a plugin folder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderEntry {
    /// A regular file and its bytes.
    File {
        /// Path relative to the folder, `/`-separated.
        path: String,
        /// Contents.
        bytes: Vec<u8>,
    },
    /// A file that was not read because it is larger than [`PLUGIN_MAX_FILE_BYTES`] (or, for a
    /// caller that knows it is no plugin folder, [`MAX_FILE_BYTES`]).
    Oversized {
        /// Path relative to the folder.
        path: String,
        /// Its size in bytes.
        bytes: u64,
    },
    /// A symbolic link (not followed).
    Link {
        /// Path relative to the folder.
        path: String,
    },
    /// Reading stopped here because the total passed [`MAX_TOTAL_BYTES`].
    TotalExceeded {
        /// The first path not read.
        path: String,
    },
}

/// Tracks sizes while a caller reads a folder, so that it never reads past Helm's limits.
#[derive(Clone, Debug, Default)]
pub struct ReadBudget {
    read: u64,
}

/// What [`ReadBudget::admit`] decides for one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admit {
    /// Read it.
    Read,
    /// Do not read it: over [`PLUGIN_MAX_FILE_BYTES`], the largest per-file limit of any kind
    /// (a file between Helm's 5 MiB and that is read, and judged by [`read_folder`] once the
    /// folder's kind is known).
    Oversized,
    /// Stop reading: the total would pass [`MAX_TOTAL_BYTES`].
    Stop,
}

impl ReadBudget {
    /// Decides whether to read a file of `bytes` bytes, and counts it if so.
    pub fn admit(&mut self, bytes: u64) -> Admit {
        if bytes > PLUGIN_MAX_FILE_BYTES {
            Admit::Oversized
        } else if self.read + bytes > MAX_TOTAL_BYTES {
            Admit::Stop
        } else {
            self.read += bytes;
            Admit::Read
        }
    }
}

/// Folders a reader should not descend into: version-control data, dependency trees and the
/// build outputs of a Rancher extension repository (`dist-pkg`, the built plugin folders that
/// `yarn build-pkg` writes; `.nuxt`, Nuxt's build cache), which are never part of a package and
/// can hold 100,000 files. `dist` is read: Helm packages every file of a chart that
/// `.helmignore` does not exclude, so a chart may ship one.
pub fn is_skipped_dir(name: &str) -> bool {
    matches!(name, ".git" | "node_modules" | ".svn" | ".hg" | "dist-pkg" | ".nuxt")
}

/// True when `path` lies in a Rancher plugin folder of `files`: some folder above it (or the
/// root) holds `files.txt` and no `Chart.yaml` or `extension.yaml` (the layout of a plugin
/// archive's version folder, `<version>/files.txt`, `<version>/plugin/...`).
fn in_plugin_folder(files: &BTreeMap<String, Vec<u8>>, path: &str) -> bool {
    let mut prefixes = vec![String::new()];
    let mut at = 0;
    while let Some(i) = path[at..].find('/') {
        at += i + 1;
        prefixes.push(path[..at].to_string());
    }
    prefixes.iter().any(|p| {
        files.contains_key(&format!("{p}files.txt"))
            && !files.contains_key(&format!("{p}Chart.yaml"))
            && !files.contains_key(&format!("{p}extension.yaml"))
    })
}

/// Builds a package from the entries of a folder named `name`. Entries are reported as the
/// caller found them (see [`FolderEntry`]); duplicates cannot occur in a folder.
///
/// The per-file limit follows the kind, as for archives: a file in a Rancher plugin folder may
/// be up to [`PLUGIN_MAX_FILE_BYTES`] (a larger one is a PKG003 warning: Rancher serves the
/// plugin uncached); anywhere else Helm's [`MAX_FILE_BYTES`] applies (PKG003 error). A file
/// skipped by a limit is listed in [`Package::skipped`], so no rule reports it missing.
pub fn read_folder(name: &str, entries: Vec<FolderEntry>) -> ReadResult {
    let mut package = Package::default();
    let mut diagnostics = Vec::new();
    let mut oversized: Vec<(String, u64)> = Vec::new();
    for entry in entries {
        match entry {
            FolderEntry::File { path, bytes } => {
                let path = path.trim_start_matches("./").to_string();
                if let Some(d) = unsafe_path(&path) {
                    diagnostics.push(d);
                    continue;
                }
                package.files.insert(path, bytes);
            }
            FolderEntry::Oversized { path, bytes } => oversized.push((path, bytes)),
            FolderEntry::Link { path } => diagnostics.push(link_entry(&path, rules::pkg006::EntryKind::Symlink, None)),
            FolderEntry::TotalExceeded { path } => {
                package.partial = true;
                diagnostics.push(total_too_large(&path));
            }
        }
    }
    // Files read provisionally (over Helm's limit, within the plugin cache limit) are kept only
    // in a plugin folder; the kind is known now that every name is seen.
    let large: Vec<(String, u64)> = package
        .files
        .iter()
        .filter(|(_, b)| b.len() as u64 > MAX_FILE_BYTES)
        .map(|(p, b)| (p.clone(), b.len() as u64))
        .collect();
    for (path, bytes) in large {
        if !in_plugin_folder(&package.files, &path) {
            package.files.remove(&path);
            oversized.push((path, bytes));
        }
    }
    for (path, bytes) in oversized {
        if in_plugin_folder(&package.files, &path) {
            diagnostics.push(plugin_file_too_large(&path, bytes));
        } else {
            package.partial = true;
            diagnostics.push(file_too_large(&path, bytes));
        }
        package.skipped.insert(path);
    }
    ReadResult { package: Some(package), origin: Origin::Folder { name: name.to_string() }, diagnostics }
}

/// True when `name` has an archive extension (`.tgz`, `.tar.gz`, `.tar`, `.gz`, `.zip`).
pub fn is_archive_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".tgz", ".tar.gz", ".tar", ".gz", ".zip"].iter().any(|ext| lower.ends_with(ext))
}

/// Reads one file the user gave: an archive (by name or by content) with [`read_archive`],
/// anything else with [`read_single_file`].
pub fn read_file(name: &str, bytes: Vec<u8>) -> ReadResult {
    let file_name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let format = sniff_format(&bytes);
    let archive_content = !matches!(format, Format::Json | Format::Text | Format::Empty);
    if is_archive_name(file_name) || archive_content {
        read_archive(file_name, &bytes)
    } else {
        read_single_file(file_name, bytes)
    }
}

/// Builds a package from one text file called `name` (`extension.yaml`, `package.json`,
/// `Chart.yaml`, ...). The package is marked [`Package::partial`].
pub fn read_single_file(name: &str, bytes: Vec<u8>) -> ReadResult {
    let file_name = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
    let mut diagnostics = Vec::new();
    let mut package = Package { partial: true, ..Package::default() };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diagnostics.push(file_too_large(&file_name, bytes.len() as u64));
    } else {
        package.files.insert(file_name.clone(), bytes);
    }
    ReadResult { package: Some(package), origin: Origin::File { name: file_name }, diagnostics }
}

/// PKG002 for `path` when it is absolute, climbs with `..`, has a Windows drive or
/// backslashes (Helm's `archive.go` checks); `None` when the path is safe.
pub(crate) fn unsafe_path(path: &str) -> Option<Diagnostic> {
    rules::pkg002::check(path)
}

/// PKG003 for a file over Helm's per-file limit.
pub(crate) fn file_too_large(path: &str, bytes: u64) -> Diagnostic {
    rules::pkg003::TooLarge::File { path, bytes }.diagnostic().in_file(path)
}

/// PKG003 for a plugin archive's file over Rancher's plugin cache limit (a warning: Rancher
/// then serves the plugin uncached, by proxying its endpoint).
pub(crate) fn plugin_file_too_large(path: &str, bytes: u64) -> Diagnostic {
    rules::pkg003::TooLarge::RancherFile { path, bytes }.diagnostic().in_file(path)
}

/// PKG003 for a package over Helm's total limit; reading stopped at `path`.
pub(crate) fn total_too_large(path: &str) -> Diagnostic {
    rules::pkg003::TooLarge::Total { path }.diagnostic()
}

/// PKG006 for the link or special entry `path`.
pub(crate) fn link_entry(path: &str, kind: rules::pkg006::EntryKind, remove_entry: Option<&str>) -> Diagnostic {
    rules::pkg006::diagnostic(path, kind, remove_entry)
}

/// `1.5 MiB`, `312 KiB`, `87 bytes`.
pub fn human_bytes(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB * KIB {
        format!("{:.1} GiB", b / KIB / KIB / KIB)
    } else if b >= KIB * KIB {
        format!("{:.1} MiB", b / KIB / KIB)
    } else if b >= KIB {
        format!("{:.0} KiB", b / KIB)
    } else {
        format!("{bytes} bytes")
    }
}
