//! Reading a path from disk (for the CLI and native tests), with Helm's limits applied while
//! reading: files over 5 MiB are not read, and reading stops at 100 MiB in total. The browser
//! builds [`FolderEntry`] lists itself from dropped files.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use super::{Admit, FolderEntry, MAX_FILE_BYTES, MAX_TOTAL_BYTES, Origin, ReadBudget, ReadResult};
use crate::diagnostic::Diagnostic;
use crate::package;
use crate::violation::Violation;

/// Reads `path` (a file or a folder). Returns the name to show in reports and what was read.
///
/// The size is looked at before anything is read: a single file over Helm's limit (5 MiB for a
/// text file, 100 MiB for an archive) is not read at all (PKG003), and no read goes past the
/// limit even if the file grows meanwhile. A FIFO, socket or device is refused with PKG001
/// without being opened (opening a FIFO would wait for a writer).
///
/// Errors: the path does not exist or cannot be read (permissions, I/O).
pub fn read_path(path: &Path) -> io::Result<(String, ReadResult)> {
    let name = path.display().to_string();
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        let folder = path.file_name().map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
        let mut entries = Vec::new();
        let mut budget = ReadBudget::default();
        let mut stopped = false;
        walk(path, "", &mut entries, &mut budget, &mut stopped)?;
        Ok((name, package::read_folder(&folder, entries)))
    } else {
        let file_name = path.file_name().map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
        if !meta.is_file() {
            return Ok((name, not_read(&file_name, special_file(&file_name))));
        }
        if meta.len() > MAX_TOTAL_BYTES {
            return Ok((name, not_read(&file_name, package::total_too_large(&file_name))));
        }
        let archive = package::is_archive_name(&file_name) || looks_like_archive(&read_capped(path, 511)?);
        if !archive && meta.len() > MAX_FILE_BYTES {
            return Ok((name, not_read(&file_name, package::file_too_large(&file_name, meta.len()))));
        }
        let bytes = read_capped(path, if archive { MAX_TOTAL_BYTES } else { MAX_FILE_BYTES })?;
        Ok((name, package::read_file(&file_name, bytes)))
    }
}

/// Reads at most `limit + 1` bytes of the file at `path` (one more than the limit, so that the
/// reader sees it is over).
fn read_capped(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fs::File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// True when `head` (the first bytes of a file) starts like a gzip, zip or tar archive.
fn looks_like_archive(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b]) || head.starts_with(b"PK\x03\x04") || head.get(257..262) == Some(b"ustar")
}

/// A read result for a single file that was not read, with the diagnostic that says why.
fn not_read(file_name: &str, diagnostic: Diagnostic) -> ReadResult {
    ReadResult { package: None, origin: Origin::File { name: file_name.to_string() }, diagnostics: vec![diagnostic] }
}

/// PKG001 for a FIFO, socket or device given as the input.
fn special_file(file_name: &str) -> Diagnostic {
    crate::package::rules::pkg001::Unreadable::NotRegular { file_name }.diagnostic()
}

fn walk(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<FolderEntry>,
    budget: &mut ReadBudget,
    stopped: &mut bool,
) -> io::Result<()> {
    let mut children: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    children.sort_by_key(fs::DirEntry::file_name);
    for child in children {
        if *stopped {
            return Ok(());
        }
        let file_name = child.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() { file_name.clone() } else { format!("{prefix}/{file_name}") };
        let kind = child.file_type()?;
        if kind.is_symlink() {
            out.push(FolderEntry::Link { path: rel });
        } else if kind.is_dir() {
            if !package::is_skipped_dir(&file_name) {
                walk(&child.path(), &rel, out, budget, stopped)?;
            }
        } else if kind.is_file() {
            let size = child.metadata()?.len();
            match budget.admit(size) {
                Admit::Read => out.push(FolderEntry::File { path: rel, bytes: read_capped(&child.path(), size)? }),
                Admit::Oversized => out.push(FolderEntry::Oversized { path: rel, bytes: size }),
                Admit::Stop => {
                    out.push(FolderEntry::TotalExceeded { path: rel });
                    *stopped = true;
                }
            }
        }
    }
    Ok(())
}
