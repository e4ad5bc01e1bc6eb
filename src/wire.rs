//! The messages between the page and its checking worker (`src/bin/extcheck-worker.rs`).
//!
//! Page → worker: `[id, header, files]` — `id` a number, `header` the JSON of a `Vec<Job>`, and
//! `files` an array of `File` objects (structured clones: the page never reads their bytes).
//! Worker → page: `["progress", id, header]` with the JSON of a [`Progress`], and
//! `["done", id, header, bytes]` with the JSON of a `Vec<WireReport>` and one `Uint8Array`
//! (transferred, not copied) holding every package file's bytes back to back, in the order of
//! [`WirePackage::files`]. JSON was measured against the alternatives: the header is small
//! (diagnostics and the matrix) and the bytes never go through it.

use std::collections::BTreeMap;

use extcheck_core::diagnostic::Diagnostic;
use extcheck_core::matrix::Matrix;
use extcheck_core::package::{Kind, Origin, Package};
use extcheck_core::suppress::Suppressed;
use extcheck_core::{PackageReport, Report};
use serde::{Deserialize, Serialize};

/// One thing to check.
#[derive(Clone, Debug, Serialize, Deserialize)]
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

/// A [`Report`] without the package bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WireReport {
    /// [`Report::input`].
    pub input: String,
    /// One per package.
    pub packages: Vec<WirePackage>,
}

/// A [`PackageReport`] whose files' bytes travel separately (see the module docs).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WirePackage {
    /// [`PackageReport::kind`].
    pub kind: Option<Kind>,
    /// [`PackageReport::name`].
    pub name: Option<String>,
    /// [`PackageReport::version`].
    pub version: Option<String>,
    /// [`PackageReport::root`].
    pub root: String,
    /// [`PackageReport::diagnostics`].
    pub diagnostics: Vec<Diagnostic>,
    /// [`PackageReport::suppressed`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<Suppressed>,
    /// The package's paths with their byte lengths, in path order.
    pub files: Vec<(String, usize)>,
    /// [`Package::partial`].
    pub partial: bool,
    /// [`Package::skipped`].
    #[serde(default, skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub skipped: std::collections::BTreeSet<String>,
    /// [`PackageReport::matrix`].
    pub matrix: Option<Matrix>,
    /// [`PackageReport::origin`].
    pub origin: Origin,
}

/// Splits reports into the JSON-able header and the bytes of every file, back to back.
pub fn encode(reports: Vec<Report>) -> (Vec<WireReport>, Vec<u8>) {
    let total = reports.iter().flat_map(|r| &r.packages).flat_map(|p| p.package.files.values()).map(Vec::len).sum();
    let mut bytes = Vec::with_capacity(total);
    let wire = reports
        .into_iter()
        .map(|report| WireReport {
            input: report.input,
            packages: report
                .packages
                .into_iter()
                .map(|p| {
                    let files = p
                        .package
                        .files
                        .into_iter()
                        .map(|(path, b)| {
                            bytes.extend_from_slice(&b);
                            (path, b.len())
                        })
                        .collect();
                    WirePackage {
                        kind: p.kind,
                        name: p.name,
                        version: p.version,
                        root: p.root,
                        diagnostics: p.diagnostics,
                        suppressed: p.suppressed,
                        files,
                        partial: p.package.partial,
                        skipped: p.package.skipped,
                        matrix: p.matrix,
                        origin: p.origin,
                    }
                })
                .collect(),
        })
        .collect();
    (wire, bytes)
}

/// Rebuilds the reports from the header and the bytes (see [`encode`]): `len` is the number of
/// bytes, and `slice(start, end)` copies that range out of them. Errors when the files' lengths
/// do not add up to `len`.
pub fn decode(
    wire: Vec<WireReport>,
    len: usize,
    slice: impl Fn(usize, usize) -> Vec<u8>,
) -> Result<Vec<Report>, String> {
    let mut at = 0usize;
    let mut reports = Vec::with_capacity(wire.len());
    for report in wire {
        let mut packages = Vec::with_capacity(report.packages.len());
        for p in report.packages {
            let mut files = BTreeMap::new();
            for (path, size) in p.files {
                let end =
                    at.checked_add(size).filter(|&e| e <= len).ok_or("the checking engine's reply is truncated")?;
                files.insert(path, slice(at, end));
                at = end;
            }
            packages.push(PackageReport {
                kind: p.kind,
                name: p.name,
                version: p.version,
                root: p.root,
                diagnostics: p.diagnostics,
                suppressed: p.suppressed,
                package: Package { files, partial: p.partial, skipped: p.skipped },
                matrix: p.matrix,
                origin: p.origin,
            });
        }
        reports.push(Report { input: report.input, packages });
    }
    if at != len {
        return Err("the checking engine's reply has bytes left over".into());
    }
    Ok(reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_survive_the_trip_through_json_and_bytes() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/corpus/kubesphere/packaged/metrics-server-0.7.1.tgz");
        let bytes = std::fs::read(path).unwrap();
        let report = extcheck_core::check("m.tgz", extcheck_core::package::read_file("m.tgz", bytes));
        let (wire, blob) = encode(vec![report.clone()]);
        let json = serde_json::to_string(&wire).unwrap();
        let slice = |a: usize, b: usize| blob[a..b].to_vec();
        let back = decode(serde_json::from_str(&json).unwrap(), blob.len(), slice).unwrap();
        assert_eq!(back.len(), 1);
        let (a, b) = (&back[0].packages[0], &report.packages[0]);
        assert_eq!(a.package.files, b.package.files);
        assert_eq!(a.diagnostics, b.diagnostics);
        assert_eq!(a.matrix, b.matrix);
        assert_eq!(a.origin, b.origin);
        assert!(decode(serde_json::from_str(&json).unwrap(), blob.len() - 1, slice).is_err());
        assert!(decode(serde_json::from_str(&json).unwrap(), blob.len() + 1, slice).is_err());
    }
}
