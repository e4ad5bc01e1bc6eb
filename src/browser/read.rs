//! Gathering what the user gives the page — dropped items (files and whole folders, through
//! `webkitGetAsEntry` and the directory reader's batches), the file picker, and the folder
//! picker (`webkitRelativePath`) — into a [`Batch`] for the checking worker: the jobs and the
//! `File` objects. The page never reads the bytes; the worker does ([`read_jobs`]), applying
//! Helm's limits as it reads: files over 5 MiB are not read, and reading stops at 100 MiB in
//! total.

use extcheck_core::package::{self, Admit, FolderEntry, ReadBudget, ReadResult};
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

use crate::wire::Job;

/// One thing read and ready to check: its name and what was read.
pub struct Input {
    /// The name shown in the report (file or folder name).
    pub name: String,
    /// What was read.
    pub read: ReadResult,
}

/// What the page hands to the worker: the jobs and the files they point into.
#[derive(Default)]
pub struct Batch {
    /// The inputs, in order.
    pub jobs: Vec<Job>,
    /// The files the jobs name by index.
    pub files: Vec<File>,
}

impl Batch {
    fn add(&mut self, file: File) -> usize {
        self.files.push(file);
        self.files.len() - 1
    }

    fn one_file(&mut self, file: File) {
        let name = file.name();
        let file = self.add(file);
        self.jobs.push(Job::File { name, file });
    }

    fn folder(&mut self, name: String, files: Vec<(String, File)>) {
        let files = files.into_iter().map(|(path, f)| (path, self.add(f))).collect();
        self.jobs.push(Job::Folder { name, files });
    }
}

/// Progress of gathering a folder: entries resolved so far and entries found.
pub type Progress<'a> = &'a dyn Fn(usize, usize);

/// A dropped or picked item before it is gathered.
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

/// An item taken from a drop, ready to be gathered asynchronously.
pub struct DroppedItem(Item);

/// The files of a `FileList`, copied out (the list is live: resetting its input empties it).
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Gathers dropped items: each folder and each file is one job.
pub async fn gather_dropped(items: Vec<DroppedItem>, progress: Progress<'_>) -> Result<Batch, String> {
    let mut batch = Batch::default();
    for DroppedItem(item) in items {
        match item {
            Item::File(file) => batch.one_file(file),
            Item::Directory(dir) => {
                let mut entries = Vec::new();
                walk(&dir, "", &mut entries).await?;
                let total = entries.len();
                let mut files = Vec::with_capacity(total);
                for (done, (path, entry)) in entries.into_iter().enumerate() {
                    progress(done, total);
                    files.push((path, file_of(&entry).await?));
                }
                progress(total, total);
                batch.folder(dir.name(), files);
            }
        }
    }
    Ok(batch)
}

/// Gathers the files chosen with the file picker: one file is one job (an archive or a single
/// manifest); several files are one folder-like job.
pub fn gather_picked_files(files: Vec<File>) -> Batch {
    let mut batch = Batch::default();
    match files.len() {
        0 => {}
        1 => files.into_iter().for_each(|f| batch.one_file(f)),
        n => {
            let named = files.into_iter().map(|f| (f.name(), f)).collect();
            batch.folder(format!("{n} files"), named);
        }
    }
    batch
}

/// Gathers the files of the folder picker (`<input webkitdirectory>`): paths come from
/// `webkitRelativePath`, whose first segment is the chosen folder.
pub fn gather_picked_folder(picked: Vec<File>) -> Batch {
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
        files.push((rest.to_string(), file));
    }
    let mut batch = Batch::default();
    if !files.is_empty() {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        batch.folder(folder, files);
    }
    batch
}

/// Where [`read_jobs`] gets files' sizes and bytes (in the worker: `FileReaderSync`).
pub trait FileSource {
    /// The size of file `index`, in bytes.
    fn size(&self, index: usize) -> u64;
    /// The bytes of file `index`.
    fn bytes(&self, index: usize) -> Result<Vec<u8>, String>;
}

/// What [`read_jobs`] reports as it goes: the stage (`reading`, `inflating`), the input, files
/// read, files to read, and bytes read.
pub type ReadProgress<'a> = &'a dyn Fn(&str, &str, usize, usize, u64);

/// Reads the jobs' files within Helm's limits and the core's readers (archives are inflated
/// here); examples come from [`crate::browser::examples::read`]. Errors when the browser cannot
/// read a file or an example id is unknown.
pub fn read_jobs(jobs: Vec<Job>, source: &dyn FileSource, progress: ReadProgress<'_>) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::with_capacity(jobs.len());
    for job in jobs {
        match job {
            Job::File { name, file } => {
                let size = source.size(file);
                // An archive may be large (it is compressed); a single manifest over the file
                // limit is reported without being read.
                if !package::is_archive_name(&name) && size > package::MAX_FILE_BYTES {
                    let entries = vec![FolderEntry::Oversized { path: name.clone(), bytes: size }];
                    inputs.push(Input { read: package::read_folder(&name, entries), name });
                    continue;
                }
                progress("reading", &name, 0, 1, 0);
                let bytes = source.bytes(file)?;
                progress("inflating", &name, 1, 1, size);
                inputs.push(Input { read: package::read_file(&name, bytes), name });
            }
            Job::Folder { name, files } => {
                let total = files.len();
                let mut budget = ReadBudget::default();
                let mut entries = Vec::with_capacity(total);
                let mut read = 0u64;
                for (done, (path, file)) in files.into_iter().enumerate() {
                    progress("reading", &name, done, total, read);
                    let size = source.size(file);
                    match budget.admit(size) {
                        Admit::Read => {
                            read += size;
                            entries.push(FolderEntry::File { path, bytes: source.bytes(file)? })
                        }
                        Admit::Oversized => entries.push(FolderEntry::Oversized { path, bytes: size }),
                        Admit::Stop => {
                            entries.push(FolderEntry::TotalExceeded { path });
                            break;
                        }
                    }
                }
                progress("reading", &name, total, total, read);
                inputs.push(Input { read: package::read_folder(&name, entries), name });
            }
            Job::Example { id } => {
                let (name, read) = crate::browser::examples::read(&id).ok_or(format!("no example `{id}`"))?;
                inputs.push(Input { name, read });
            }
        }
    }
    Ok(inputs)
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

/// The message of a browser error.
pub fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser could not read the file".into())
}
