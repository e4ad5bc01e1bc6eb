//! Reading `.tgz` / `.tar.gz` archives the way Helm's `LoadArchiveFiles` does
//! (`pkg/chart/loader/archive.go`, Helm ≥ 3.17.3): one top-level folder that is stripped, no
//! absolute or climbing paths, directories and PAX headers skipped, 100 MiB total and 5 MiB
//! per file. Unlike Helm, reading goes on past a bad entry where it safely can, so the user
//! sees every problem at once.

use std::collections::BTreeMap;
use std::io::{self, Read};

use flate2::read::MultiGzDecoder;

use super::rules::pkg001::{StreamProblem, Unreadable};
use super::rules::pkg004::TopFolders;
use super::rules::pkg006::EntryKind;
use super::{
    MAX_FILE_BYTES, MAX_TOTAL_BYTES, Origin, PLUGIN_MAX_FILE_BYTES, Package, ReadResult, file_too_large, link_entry,
    plugin_file_too_large, total_too_large, unsafe_path,
};
use crate::diagnostic::Diagnostic;
use crate::violation::Violation;

/// What the first bytes of an input say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// gzip (`1f 8b`): a `.tgz` if a tar is inside.
    Gzip,
    /// An uncompressed tar (`ustar` magic or a valid header checksum).
    Tar,
    /// A zip archive (`PK\x03\x04`).
    Zip,
    /// bzip2 (`BZh`).
    Bzip2,
    /// xz.
    Xz,
    /// zstd.
    Zstd,
    /// 7-Zip.
    SevenZip,
    /// RAR.
    Rar,
    /// Text that looks like JSON.
    Json,
    /// Other UTF-8 text (YAML, Markdown...).
    Text,
    /// No bytes at all.
    Empty,
    /// Anything else.
    Binary,
}

impl Format {
    /// How a person would name it in a message.
    pub fn describe_message(self) -> crate::i18n::Message {
        crate::i18n::Message::new(match self {
            Format::Gzip => "pkg001-format-gzip",
            Format::Tar => "pkg001-format-tar",
            Format::Zip => "pkg001-format-zip",
            Format::Bzip2 => "pkg001-format-bzip2",
            Format::Xz => "pkg001-format-xz",
            Format::Zstd => "pkg001-format-zstd",
            Format::SevenZip => "pkg001-format-7z",
            Format::Rar => "pkg001-format-rar",
            Format::Json => "pkg001-format-json",
            Format::Text => "pkg001-format-text",
            Format::Empty => "pkg001-format-empty",
            Format::Binary => "pkg001-format-binary",
        })
    }

    /// What the bytes look like, in English (see [`Format::describe_message`]).
    pub fn describe(self) -> &'static str {
        match self {
            Format::Gzip => "a gzip file",
            Format::Tar => "a plain (uncompressed) tar archive",
            Format::Zip => "a zip archive",
            Format::Bzip2 => "a bzip2 file",
            Format::Xz => "an xz file",
            Format::Zstd => "a zstd file",
            Format::SevenZip => "a 7-Zip archive",
            Format::Rar => "a RAR archive",
            Format::Json => "a single JSON file",
            Format::Text => "a single text (YAML?) file",
            Format::Empty => "an empty file",
            Format::Binary => "a file of unknown format",
        }
    }
}

/// Recognises an input from its first bytes.
pub fn sniff_format(bytes: &[u8]) -> Format {
    match bytes {
        [] => Format::Empty,
        [0x1f, 0x8b, ..] => Format::Gzip,
        [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] => Format::Zip,
        [b'B', b'Z', b'h', ..] => Format::Bzip2,
        [0xfd, b'7', b'z', b'X', b'Z', 0, ..] => Format::Xz,
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Format::Zstd,
        [b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, ..] => Format::SevenZip,
        [b'R', b'a', b'r', b'!', ..] => Format::Rar,
        // UTF-16 with a byte-order mark: text, decoded as Go's YAML reader decodes it.
        [0xff, 0xfe, ..] | [0xfe, 0xff, ..] => Format::Text,
        _ if is_tar_header(bytes) => Format::Tar,
        _ => match std::str::from_utf8(&bytes[..bytes.len().min(4096)]) {
            Ok(text) if text.trim_start().starts_with(['{', '[']) => Format::Json,
            Ok(_) => Format::Text,
            // A multi-byte character cut at 4096 is still text.
            Err(e) if e.valid_up_to() > 4090 => Format::Text,
            Err(_) => Format::Binary,
        },
    }
}

/// True when `block` starts with a tar header whose checksum is right (POSIX ustar or old
/// GNU/v7 headers alike).
fn is_tar_header(block: &[u8]) -> bool {
    if block.len() < 512 || block[..512].iter().all(|&b| b == 0) {
        return false;
    }
    let field = &block[148..156];
    let digits: String =
        field.iter().map(|&b| b as char).skip_while(|c| *c == ' ').take_while(|c| c.is_digit(8)).collect();
    let Ok(stored) = u32::from_str_radix(&digits, 8) else {
        return false;
    };
    let sum: u32 = block[..512]
        .iter()
        .enumerate()
        .map(|(i, &b)| if (148..156).contains(&i) { b' ' as u32 } else { b as u32 })
        .sum();
    sum == stored
}

/// Reads the archive `bytes` (file name `name`, used in messages and to guess intent).
///
/// Errors become PKG diagnostics in the result, never panics:
/// PKG001 (not gzip/tar, truncated, other format), PKG002 (unsafe path, entry skipped),
/// PKG003 (over 5 MiB per file or 100 MiB in total; reading stops at the total limit),
/// PKG004 (not exactly one top-level folder), PKG005 (`./` prefixes), PKG006 (links and
/// special files), PKG007 (duplicate paths; the later entry wins).
///
/// Memory: the files kept (≤ 100 MiB) plus the decoder's buffers; decompression stops at the
/// limit, so a gzip bomb is cut off after 100 MiB of output.
pub fn read_archive(name: &str, bytes: &[u8]) -> ReadResult {
    let mut origin = Origin::Archive { name: name.to_string(), bytes: bytes.len() as u64, top_folder: None };
    let format = sniff_format(bytes);
    let mut diagnostics = Vec::new();
    let reader: Box<dyn Read + '_> = match format {
        Format::Gzip => Box::new(MultiGzDecoder::new(bytes)),
        Format::Tar => {
            diagnostics.push(Unreadable::PlainTar { name }.diagnostic());
            Box::new(bytes)
        }
        other => {
            let hint = match other {
                Format::Zip => crate::msg!("pkg001-help-zip"),
                Format::Text | Format::Json => crate::msg!("pkg001-help-renamed-file"),
                _ => crate::msg!("pkg001-help-other-format"),
            };
            diagnostics.push(Unreadable::NotTgz { name, format: other.describe_message(), hint }.diagnostic());
            return ReadResult { package: None, origin, diagnostics };
        }
    };

    let mut limited = LimitReader { inner: reader, remaining: MAX_TOTAL_BYTES + SLACK_BYTES, hit: false };
    // Peek at the first block: a gzip of something that is not a tar gets a precise message.
    let mut first = vec![0u8; 512];
    let filled = match read_full(&mut limited, &mut first) {
        Ok(n) => n,
        Err(e) => {
            diagnostics.push(stream_error(name, &e, 0));
            return ReadResult { package: None, origin, diagnostics };
        }
    };
    first.truncate(filled);
    if format == Format::Gzip && !is_tar_header(&first) {
        let finding = if first.is_empty() {
            Unreadable::EmptyGzip { name }
        } else if first.iter().all(|&b| b == 0) {
            Unreadable::EmptyTar { name }
        } else {
            Unreadable::GzipNotTar { name, format: sniff_format(&first).describe_message() }
        };
        diagnostics.push(finding.diagnostic());
        return ReadResult { package: None, origin, diagnostics };
    }

    let stream = io::Cursor::new(first).chain(limited);
    let mut archive = tar::Archive::new(stream);
    let mut raw: Vec<RawEntry> = Vec::new();
    let mut total: u64 = 0;
    let mut partial = false;
    // Files over Helm's per-file limit: path, size, and whether the bytes were read.
    let mut oversized: Vec<(String, u64, bool)> = Vec::new();
    let mut seen_paths: BTreeMap<String, usize> = BTreeMap::new();

    let entries = match archive.entries() {
        Ok(entries) => entries,
        Err(e) => {
            diagnostics.push(stream_error(name, &e, 0));
            return ReadResult { package: None, origin, diagnostics };
        }
    };
    for (index, entry) in entries.enumerate() {
        let mut entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                diagnostics.push(stream_error(name, &e, index));
                partial = true;
                break;
            }
        };
        let original = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = entry.header().entry_type();
        if kind.is_pax_global_extensions() || kind.is_pax_local_extensions() || kind.is_gnu_longname() {
            continue;
        }
        let size = entry.size();
        let mut path = original.clone();
        let had_dot_prefix = path.starts_with("./");
        while let Some(rest) = path.strip_prefix("./") {
            path = rest.to_string();
        }
        if kind.is_dir() || path.is_empty() || path.ends_with('/') {
            if !path.is_empty() {
                raw.push(RawEntry { path, bytes: None, dot_prefix: had_dot_prefix, directory: true });
            }
            continue;
        }
        if let Some(d) = unsafe_path(&path) {
            diagnostics.push(d);
            continue;
        }
        if !(kind.is_file() || kind.is_contiguous()) {
            let what = if kind.is_symlink() {
                EntryKind::Symlink
            } else if kind.is_hard_link() {
                EntryKind::HardLink
            } else if kind.is_character_special() || kind.is_block_special() {
                EntryKind::Device
            } else if kind.is_fifo() {
                EntryKind::Fifo
            } else {
                EntryKind::Special
            };
            diagnostics.push(link_entry(&path, what, Some(&path)));
            continue;
        }
        // Helm's order: the total budget first, then the per-file limit.
        if total + size > MAX_TOTAL_BYTES {
            diagnostics.push(total_too_large(&path));
            partial = true;
            break;
        }
        // Per-file limits depend on the kind, which is known only from the entry names: a file
        // over Helm's 5 MiB but within Rancher's plugin cache limit is read provisionally and
        // judged once every name is seen (`oversized`).
        if size > PLUGIN_MAX_FILE_BYTES {
            oversized.push((path, size, false));
            total += size;
            continue;
        }
        if size > MAX_FILE_BYTES {
            oversized.push((path.clone(), size, true));
        }
        let mut data = Vec::with_capacity(size as usize);
        if let Err(e) = (&mut entry).take(size).read_to_end(&mut data) {
            diagnostics.push(stream_error(name, &e, index));
            partial = true;
            break;
        }
        total += data.len() as u64;
        if let Some(&earlier) = seen_paths.get(&path) {
            raw[earlier].bytes = None; // the later entry wins
            diagnostics.push(duplicate_entry(&path));
        }
        seen_paths.insert(path.clone(), raw.len());
        raw.push(RawEntry { path, bytes: Some(data), dot_prefix: had_dot_prefix, directory: false });
    }

    // The tar reader stops at the end-of-archive marker; read the rest of the gzip stream (within
    // the same limit) so that its trailer, the CRC-32 and length of the data, is verified.
    if format == Format::Gzip && !partial {
        let mut rest = archive.into_inner();
        if let Err(e) = io::copy(&mut rest, &mut io::sink())
            && !e.to_string().contains(LIMIT_MESSAGE)
        {
            diagnostics.push(gzip_trailer(name, &e));
        }
    }

    if raw.iter().any(|e| e.dot_prefix) {
        diagnostics.push(dot_prefix(raw.iter().filter(|e| e.dot_prefix).count()));
    }

    // The one-top-folder rule.
    let mut tops: BTreeMap<&str, usize> = BTreeMap::new();
    let mut root_files: Vec<&str> = Vec::new();
    for e in &raw {
        match e.path.split_once('/') {
            Some((top, _)) => *tops.entry(top).or_default() += 1,
            None if e.directory => *tops.entry(e.path.as_str()).or_default() += 0,
            None => root_files.push(&e.path),
        }
    }
    if raw.iter().all(|e| e.directory) && partial {
        return ReadResult { package: None, origin, diagnostics };
    }
    let top: Option<String> = if root_files.is_empty() && tops.len() == 1 {
        tops.keys().next().map(|t| t.to_string())
    } else {
        if !raw.is_empty() {
            diagnostics.push(top_folder_problem(&tops, &root_files));
        }
        // Keep checking: use the folder holding a manifest, if exactly one does.
        let manifest_tops: Vec<&str> = tops
            .keys()
            .copied()
            .filter(|t| {
                ["extension.yaml", "Chart.yaml", "package.json", "files.txt"]
                    .iter()
                    .any(|m| raw.iter().any(|e| e.path == format!("{t}/{m}")))
            })
            .collect();
        let root_manifest =
            root_files.iter().any(|f| matches!(*f, "extension.yaml" | "Chart.yaml" | "package.json" | "files.txt"));
        match manifest_tops.as_slice() {
            [one] if !root_manifest => Some(one.to_string()),
            _ => None,
        }
    };

    // The per-file limits by kind: a Rancher plugin archive (`<version>/files.txt`,
    // `<version>/plugin/...`, no chart manifest) has Rancher's plugin cache limit; everything
    // else Helm's.
    let under_top = |name: &str| match &top {
        Some(t) => raw.iter().any(|e| e.path == format!("{t}/{name}") || e.path.starts_with(&format!("{t}/{name}/"))),
        None => raw.iter().any(|e| e.path == name || e.path.starts_with(&format!("{name}/"))),
    };
    let plugin_archive =
        (under_top("files.txt") || under_top("plugin")) && !under_top("Chart.yaml") && !under_top("extension.yaml");
    let mut skipped = std::collections::BTreeSet::new();
    for (path, size, read) in oversized {
        if plugin_archive && read {
            continue;
        }
        if plugin_archive {
            diagnostics.push(plugin_file_too_large(&path, size));
        } else {
            diagnostics.push(file_too_large(&path, size));
            partial = true;
            if read && let Some(&i) = seen_paths.get(&path) {
                raw[i].bytes = None;
            }
        }
        let relative = match &top {
            Some(t) => path.strip_prefix(&format!("{t}/")).map(str::to_string).unwrap_or(path),
            None => path,
        };
        skipped.insert(relative);
    }

    let mut package = Package { partial, skipped, ..Package::default() };
    let prefix = top.as_ref().map(|t| format!("{t}/"));
    for e in raw {
        let Some(bytes) = e.bytes else { continue };
        let path = match &prefix {
            Some(p) => match e.path.strip_prefix(p.as_str()) {
                Some(rest) => rest.to_string(),
                None => continue,
            },
            None => e.path,
        };
        package.files.insert(path, bytes);
    }
    if package.files.is_empty() && diagnostics.is_empty() {
        diagnostics.push(Unreadable::NoFiles { name }.diagnostic());
    }
    if let Some(prefix) = &prefix {
        for d in &mut diagnostics {
            if let Some(rest) = d.file.as_deref().and_then(|f| f.strip_prefix(prefix.as_str())) {
                d.file = Some(rest.to_string());
            }
        }
    }
    if let Origin::Archive { top_folder, .. } = &mut origin {
        *top_folder = top;
    }
    ReadResult { package: Some(package), origin, diagnostics }
}

/// Tar headers and padding on top of the file contents that Helm counts: allow this much
/// extra decompressed data before the stream itself is cut off.
const SLACK_BYTES: u64 = 16 * 1024 * 1024;

struct RawEntry {
    path: String,
    bytes: Option<Vec<u8>>,
    dot_prefix: bool,
    directory: bool,
}

/// Stops the decompressed stream after `remaining` bytes with an error, so a bomb cannot make
/// the reader run (or allocate) past the limit.
struct LimitReader<R> {
    inner: R,
    remaining: u64,
    hit: bool,
}

const LIMIT_MESSAGE: &str = "decompressed data passed the 100 MiB limit";

impl<R: Read> Read for LimitReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.remaining == 0 {
            self.hit = true;
            return Err(io::Error::other(LIMIT_MESSAGE));
        }
        let want = buf.len().min(self.remaining.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        self.remaining -= n as u64;
        Ok(n)
    }
}

fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// PKG001 (a warning) for a gzip stream whose files read completely but whose trailer is cut
/// short or does not match the data (CRC-32 or length).
fn gzip_trailer(name: &str, error: &io::Error) -> Diagnostic {
    let cut = error.kind() == io::ErrorKind::UnexpectedEof;
    Unreadable::Trailer { name, cut, error: error.to_string() }.diagnostic()
}

fn stream_error(name: &str, error: &io::Error, entries_read: usize) -> Diagnostic {
    let text = error.to_string();
    if text.contains(LIMIT_MESSAGE) {
        return total_too_large(name);
    }
    let problem =
        if error.kind() == io::ErrorKind::UnexpectedEof || text.contains("unexpected end") || text.contains("EOF") {
            StreamProblem::Truncated
        } else if text.contains("corrupt deflate stream")
            || text.contains("invalid gzip header")
            || text.contains("deflate")
        {
            StreamProblem::Corrupt
        } else {
            StreamProblem::NotTar
        };
    Unreadable::Stream { name, problem, entries: entries_read, error: text }.diagnostic()
}

fn duplicate_entry(path: &str) -> Diagnostic {
    super::rules::pkg007::diagnostic(path)
}

fn dot_prefix(count: usize) -> Diagnostic {
    super::rules::pkg005::diagnostic(count)
}

fn top_folder_problem(tops: &BTreeMap<&str, usize>, root_files: &[&str]) -> Diagnostic {
    let finding = if !root_files.is_empty() {
        TopFolders::RootFiles { files: root_files }
    } else if tops.is_empty() {
        TopFolders::NoFolder
    } else {
        TopFolders::Folders { folders: tops.keys().copied().collect() }
    };
    finding.diagnostic()
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn tar_bytes(entries: &[(&str, &[u8], tar::EntryType)]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (path, data, kind) in entries {
            let mut header = tar::Header::new_gnu();
            header.set_entry_type(*kind);
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            // Write the name directly so that unsafe names reach the reader unchanged.
            let name = header.as_old_mut();
            name.name[..path.len()].copy_from_slice(path.as_bytes());
            header.set_cksum();
            builder.append(&header, *data).unwrap();
        }
        builder.into_inner().unwrap()
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn codes(r: &ReadResult) -> Vec<&'static str> {
        r.diagnostics.iter().map(|d| d.code).collect()
    }

    const FILE: tar::EntryType = tar::EntryType::Regular;

    #[test]
    fn strips_the_top_folder() {
        let tgz =
            gzip(&tar_bytes(&[("demo/Chart.yaml", b"name: demo\n", FILE), ("demo/templates/a.yaml", b"x", FILE)]));
        let r = read_archive("demo-1.0.0.tgz", &tgz);
        assert_eq!(codes(&r), Vec::<&str>::new());
        let pkg = r.package.unwrap();
        assert_eq!(pkg.files.keys().collect::<Vec<_>>(), ["Chart.yaml", "templates/a.yaml"]);
        assert!(matches!(r.origin, Origin::Archive { top_folder: Some(ref t), .. } if t == "demo"));
    }

    #[test]
    fn unsafe_paths_are_skipped_and_reported() {
        let tgz = gzip(&tar_bytes(&[
            ("demo/Chart.yaml", b"name: demo\n", FILE),
            ("demo/../../etc/passwd", b"root:x:0:0", FILE),
            ("/abs/file", b"x", FILE),
        ]));
        let r = read_archive("evil.tgz", &tgz);
        assert_eq!(codes(&r).iter().filter(|c| **c == "PKG002").count(), 2);
        let pkg = r.package.unwrap();
        assert!(pkg.files.keys().all(|p| !p.contains("..") && !p.starts_with('/')));
    }

    #[test]
    fn dot_prefix_links_and_duplicates() {
        let tgz = gzip(&tar_bytes(&[
            ("./demo/Chart.yaml", b"version: 1\n", FILE),
            ("./demo/Chart.yaml", b"version: 2\n", FILE),
            ("./demo/link", b"", tar::EntryType::Symlink),
        ]));
        let r = read_archive("demo.tgz", &tgz);
        let c = codes(&r);
        assert!(c.contains(&"PKG005") && c.contains(&"PKG006") && c.contains(&"PKG007"), "{c:?}");
        assert_eq!(r.package.unwrap().text("Chart.yaml"), Some("version: 2\n"));
    }

    #[test]
    fn several_top_folders_or_root_files() {
        let tgz = gzip(&tar_bytes(&[("a/Chart.yaml", b"x", FILE), ("b/x", b"y", FILE)]));
        let r = read_archive("two.tgz", &tgz);
        assert_eq!(codes(&r), ["PKG004"]);
        // The folder with a manifest is still read.
        assert!(r.package.unwrap().contains("Chart.yaml"));
        let tgz = gzip(&tar_bytes(&[("Chart.yaml", b"x", FILE)]));
        assert_eq!(codes(&read_archive("flat.tgz", &tgz)), ["PKG004"]);
    }

    #[test]
    fn other_formats_are_named() {
        let zip = b"PK\x03\x04rest-of-a-zip";
        let r = read_archive("ext.tgz", zip);
        assert_eq!(codes(&r), ["PKG001"]);
        assert!(r.diagnostics[0].message.contains("zip"));
        assert!(r.package.is_none());
        let r = read_archive("ext.tgz", b"name: x\nversion: 1.0.0\n");
        assert!(r.diagnostics[0].message.contains("single text"), "{}", r.diagnostics[0].message);
        let r = read_archive("ext.tgz", &gzip(b"name: x\n"));
        assert!(r.diagnostics[0].message.contains("not a tar archive"), "{}", r.diagnostics[0].message);
    }

    #[test]
    fn truncated_gzip() {
        let tgz = gzip(&tar_bytes(&[("demo/Chart.yaml", &[b'a'; 20_000], FILE), ("demo/b", &[b'b'; 20_000], FILE)]));
        let cut = &tgz[..tgz.len() / 2];
        let r = read_archive("cut.tgz", cut);
        assert!(codes(&r).contains(&"PKG001"), "{:?}", r.diagnostics);
        assert!(r.diagnostics.iter().any(|d| d.message.contains("truncated")), "{:?}", r.diagnostics);
    }

    #[test]
    fn plain_tar_is_read_but_flagged() {
        let r = read_archive("demo.tar", &tar_bytes(&[("demo/Chart.yaml", b"name: demo\n", FILE)]));
        assert_eq!(codes(&r), ["PKG001"]);
        assert!(r.package.unwrap().contains("Chart.yaml"));
    }

    #[test]
    fn per_file_limit() {
        let big = vec![0u8; (MAX_FILE_BYTES + 1) as usize];
        let tgz = gzip(&tar_bytes(&[("demo/Chart.yaml", b"x", FILE), ("demo/big.bin", &big, FILE)]));
        let r = read_archive("big.tgz", &tgz);
        assert_eq!(codes(&r), ["PKG003"]);
        let pkg = r.package.unwrap();
        assert!(!pkg.contains("big.bin") && pkg.partial);
    }
}
