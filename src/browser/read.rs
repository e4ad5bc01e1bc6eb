//! Reading what the user gives the page into the core's input types: dropped items (files and
//! whole folders, through `webkitGetAsEntry` and the directory reader's batches), the file
//! picker, and the folder picker (`webkitRelativePath`). Helm's limits apply while reading:
//! files over 5 MiB are not read, and reading stops at 100 MiB in total.

use extcheck_core::package::{self, Admit, FolderEntry, ReadBudget, ReadResult};
use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

/// One thing to check: its name and what was read.
pub struct Input {
    /// The name shown in the report (file or folder name).
    pub name: String,
    /// What was read.
    pub read: ReadResult,
}

/// Progress of a read: files read so far and files found.
pub type Progress<'a> = &'a dyn Fn(usize, usize);

/// A dropped or picked item before its bytes are read.
enum Item {
    /// A file (possibly an archive).
    File(File),
    /// A directory entry from a drop.
    Directory(FileSystemDirectoryEntry),
}

/// The items of a drop. Must be called synchronously inside the `drop` handler: the browser
/// empties the `DataTransfer` once the handler returns.
pub fn drop_items(data: &DataTransfer) -> Vec<DroppedItem> {
    let mut out = Vec::new();
    let items = data.items();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) if entry.is_directory() => {
                out.push(DroppedItem(Item::Directory(entry.unchecked_into())));
            }
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    out.push(DroppedItem(Item::File(file)));
                }
            }
        }
    }
    if out.is_empty()
        && let Some(files) = data.files()
    {
        out.extend(files_of(&files).into_iter().map(|f| DroppedItem(Item::File(f))));
    }
    out
}

/// An item taken from a drop, ready to be read asynchronously.
pub struct DroppedItem(Item);

/// The files of a `FileList`, copied out (the list is live: resetting its input empties it).
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads dropped items: each folder and each file is one input.
pub async fn read_dropped(items: Vec<DroppedItem>, progress: Progress<'_>) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    for DroppedItem(item) in items {
        match item {
            Item::File(file) => inputs.push(read_one_file(&file).await?),
            Item::Directory(dir) => {
                let name = dir.name();
                let mut files = Vec::new();
                walk(&dir, "", &mut files).await?;
                let entries = read_entries(
                    files.into_iter().map(|(path, entry)| (path, Source::Entry(entry))).collect(),
                    progress,
                )
                .await?;
                inputs.push(Input { read: package::read_folder(&name, entries), name });
            }
        }
    }
    Ok(inputs)
}

/// Reads the files chosen with the file picker: one file is one input (an archive or a single
/// manifest); several files are one folder-like input.
pub async fn read_picked_files(files: Vec<File>, progress: Progress<'_>) -> Result<Vec<Input>, String> {
    match files.as_slice() {
        [] => Ok(Vec::new()),
        [one] => Ok(vec![read_one_file(one).await?]),
        _ => {
            let name = format!("{} files", files.len());
            let entries =
                read_entries(files.into_iter().map(|f| (f.name(), Source::File(f))).collect(), progress).await?;
            Ok(vec![Input { read: package::read_folder(&name, entries), name }])
        }
    }
}

/// Reads the files of the folder picker (`<input webkitdirectory>`): paths come from
/// `webkitRelativePath`, whose first segment is the chosen folder.
pub async fn read_picked_folder(picked: Vec<File>, progress: Progress<'_>) -> Result<Vec<Input>, String> {
    let mut folder = String::new();
    let mut files = Vec::new();
    for file in picked {
        let relative = Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| file.name());
        let (top, rest) = relative.split_once('/').unwrap_or(("", relative.as_str()));
        if folder.is_empty() {
            folder = top.to_string();
        }
        if rest.split('/').any(package::is_skipped_dir) {
            continue;
        }
        files.push((rest.to_string(), Source::File(file)));
    }
    if files.is_empty() {
        return Ok(Vec::new());
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let entries = read_entries(files, progress).await?;
    Ok(vec![Input { read: package::read_folder(&folder, entries), name: folder }])
}

async fn read_one_file(file: &File) -> Result<Input, String> {
    let name = file.name();
    let size = file.size() as u64;
    // An archive may be large (it is compressed); a single manifest over the file limit is
    // reported without being read.
    if !package::is_archive_name(&name) && size > package::MAX_FILE_BYTES {
        let entries = vec![FolderEntry::Oversized { path: name.clone(), bytes: size }];
        return Ok(Input { read: package::read_folder(&name, entries), name });
    }
    let bytes = bytes_of(file).await?;
    Ok(Input { read: package::read_file(&name, bytes), name })
}

enum Source {
    File(File),
    Entry(FileSystemFileEntry),
}

/// Reads `files` in order within Helm's limits, reporting progress after each file.
async fn read_entries(files: Vec<(String, Source)>, progress: Progress<'_>) -> Result<Vec<FolderEntry>, String> {
    let total = files.len();
    let mut budget = ReadBudget::default();
    let mut out = Vec::with_capacity(total);
    for (done, (path, source)) in files.into_iter().enumerate() {
        progress(done, total);
        let file = match source {
            Source::File(f) => f,
            Source::Entry(e) => file_of(&e).await?,
        };
        let size = file.size() as u64;
        match budget.admit(size) {
            Admit::Read => out.push(FolderEntry::File { path, bytes: bytes_of(&file).await? }),
            Admit::Oversized => out.push(FolderEntry::Oversized { path, bytes: size }),
            Admit::Stop => {
                out.push(FolderEntry::TotalExceeded { path });
                break;
            }
        }
    }
    progress(total, total);
    Ok(out)
}

/// Collects every file under `dir` with its path relative to `dir`, calling `readEntries`
/// until it returns an empty batch (browsers return at most 100 entries per call).
async fn walk(
    dir: &FileSystemDirectoryEntry,
    prefix: &str,
    out: &mut Vec<(String, FileSystemFileEntry)>,
) -> Result<(), String> {
    let reader = dir.create_reader();
    loop {
        let batch = read_batch(&reader).await?;
        if batch.is_empty() {
            break;
        }
        for entry in batch {
            let name = entry.name();
            let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
            if entry.is_directory() {
                if !package::is_skipped_dir(&name) {
                    Box::pin(walk(entry.unchecked_ref(), &path, out)).await?;
                }
            } else if entry.is_file() {
                out.push((path, entry.unchecked_into()));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(())
}

/// Turns a callback-style API into a future: `call(resolve, reject)`.
async fn promise(call: impl FnOnce(&Function, &Function) -> Result<(), JsValue>) -> Result<JsValue, String> {
    let mut call = Some(call);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take()
            && let Err(e) = call(&resolve, &reject)
        {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    JsFuture::from(promise).await.map_err(describe)
}

async fn read_batch(reader: &FileSystemDirectoryReader) -> Result<Vec<FileSystemEntry>, String> {
    let value = promise(|ok, err| reader.read_entries_with_callback_and_callback(ok, err)).await?;
    Ok(Array::from(&value).iter().map(|e| e.unchecked_into()).collect())
}

async fn file_of(entry: &FileSystemFileEntry) -> Result<File, String> {
    let value = promise(|ok, err| {
        entry.file_with_callback_and_callback(ok, err);
        Ok(())
    })
    .await?;
    Ok(value.unchecked_into())
}

async fn bytes_of(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser could not read the file".into())
}
