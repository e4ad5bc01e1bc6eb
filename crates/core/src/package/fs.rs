//! Reading a path from disk (for the CLI and native tests), with Helm's limits applied while
//! reading: files over 5 MiB are not read, and reading stops at 100 MiB in total. The browser
//! builds [`FolderEntry`] lists itself from dropped files.

use std::fs;
use std::io;
use std::path::Path;

use super::{Admit, FolderEntry, ReadBudget, ReadResult};
use crate::package;

/// Reads `path` (a file or a folder). Returns the name to show in reports and what was read.
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
        let bytes = fs::read(path)?;
        let file_name = path.file_name().map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
        Ok((name, package::read_file(&file_name, bytes)))
    }
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
                Admit::Read => out.push(FolderEntry::File { path: rel, bytes: fs::read(child.path())? }),
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
