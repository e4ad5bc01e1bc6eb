//! Per-file unified diffs between the input package and the corrected one (line diff by the
//! `similar` crate, three lines of context, as `diff -u` shows).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

/// Lines longer than this many bytes are cut in the structured diff (a Chart.yaml `icon:` data
/// URL can be 100 KB on one line); the cut is marked with the number of bytes left out.
pub const MAX_LINE_BYTES: usize = 240;

/// What happened to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// Only in the output.
    Added,
    /// Only in the input.
    Removed,
    /// In both, with different bytes.
    Modified,
}

/// Whether a diff line is context, removed or added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineTag {
    /// Unchanged (context).
    Context,
    /// Only in the input.
    Removed,
    /// Only in the output.
    Added,
}

/// One line of a hunk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffLine {
    /// Context, removed or added.
    pub tag: LineTag,
    /// 1-based line number in the input (context and removed lines).
    pub old_line: Option<usize>,
    /// 1-based line number in the output (context and added lines).
    pub new_line: Option<usize>,
    /// The line without its line ending, cut at [`MAX_LINE_BYTES`].
    pub text: String,
    /// Bytes of the line left out of `text` (0 when whole).
    pub cut_bytes: usize,
}

/// A run of changes with its context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hunk {
    /// `@@ -a,b +c,d @@`.
    pub header: String,
    /// The lines.
    pub lines: Vec<DiffLine>,
}

/// The change to one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDiff {
    /// Path relative to the package root.
    pub path: String,
    /// Added, removed or modified.
    pub change: Change,
    /// Size in the input, in bytes (0 when added).
    pub old_bytes: u64,
    /// Size in the output, in bytes (0 when removed).
    pub new_bytes: u64,
    /// True when either side is not UTF-8 text; `hunks` is then empty.
    pub binary: bool,
    /// The line changes (empty for binary files).
    pub hunks: Vec<Hunk>,
    /// The complete unified diff text (`--- a/path`, `+++ b/path`, hunks), lines uncut; empty
    /// for binary files.
    pub unified: String,
}

/// The diffs of every file that differs between `old` and `new` (paths relative to the
/// package root), in path order.
pub fn diff_packages(old: &BTreeMap<String, Vec<u8>>, new: &BTreeMap<String, Vec<u8>>) -> Vec<FileDiff> {
    let mut paths: Vec<&String> = old.keys().chain(new.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter_map(|path| {
            let (a, b) = (old.get(path), new.get(path));
            if a == b {
                return None;
            }
            Some(diff_file(path, a.map(Vec::as_slice), b.map(Vec::as_slice)))
        })
        .collect()
}

/// The diff of one file; `None` on a side means the file is absent there.
pub fn diff_file(path: &str, old: Option<&[u8]>, new: Option<&[u8]>) -> FileDiff {
    let change = match (old, new) {
        (None, _) => Change::Added,
        (_, None) => Change::Removed,
        _ => Change::Modified,
    };
    let old_bytes = old.map_or(0, |b| b.len() as u64);
    let new_bytes = new.map_or(0, |b| b.len() as u64);
    let (Ok(a), Ok(b)) = (std::str::from_utf8(old.unwrap_or_default()), std::str::from_utf8(new.unwrap_or_default()))
    else {
        return FileDiff {
            path: path.to_string(),
            change,
            old_bytes,
            new_bytes,
            binary: true,
            hunks: Vec::new(),
            unified: String::new(),
        };
    };
    let diff = TextDiff::from_lines(a, b);
    let old_name = if old.is_some() { format!("a/{path}") } else { "/dev/null".to_string() };
    let new_name = if new.is_some() { format!("b/{path}") } else { "/dev/null".to_string() };
    let unified = diff.unified_diff().context_radius(3).header(&old_name, &new_name).to_string();
    let mut hunks = Vec::new();
    for group in diff.grouped_ops(3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else { continue };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        let header = format!(
            "@@ -{} +{} @@",
            range_text(old_range.start, old_range.len()),
            range_text(new_range.start, new_range.len())
        );
        let mut lines = Vec::new();
        for op in &group {
            for change in diff.iter_changes(op) {
                let raw = change.value().trim_end_matches(['\n', '\r']);
                let (text, cut_bytes) = cut(raw);
                lines.push(DiffLine {
                    tag: match change.tag() {
                        ChangeTag::Equal => LineTag::Context,
                        ChangeTag::Delete => LineTag::Removed,
                        ChangeTag::Insert => LineTag::Added,
                    },
                    old_line: change.old_index().map(|i| i + 1),
                    new_line: change.new_index().map(|i| i + 1),
                    text,
                    cut_bytes,
                });
            }
        }
        hunks.push(Hunk { header, lines });
    }
    FileDiff { path: path.to_string(), change, old_bytes, new_bytes, binary: false, hunks, unified }
}

/// `start,len` as unified diffs write it (1-based start; `start,0` for an empty range).
fn range_text(start: usize, len: usize) -> String {
    match len {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{len}", start + 1),
    }
}

/// `line` cut at [`MAX_LINE_BYTES`] on a character boundary, and the bytes left out.
fn cut(line: &str) -> (String, usize) {
    if line.len() <= MAX_LINE_BYTES {
        return (line.to_string(), 0);
    }
    let mut end = MAX_LINE_BYTES;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    (line[..end].to_string(), line.len() - end)
}

/// All diffs as one unified diff text, binary files as `Binary files a/x and b/x differ`.
pub fn to_unified(diffs: &[FileDiff]) -> String {
    let mut out = String::new();
    for d in diffs {
        if d.binary {
            out.push_str(&format!("Binary files a/{0} and b/{0} differ\n", d.path));
        } else {
            out.push_str(&d.unified);
            if !d.unified.ends_with('\n') && !d.unified.is_empty() {
                out.push('\n');
            }
        }
    }
    out
}

/// [`to_unified`] for a terminal: every control character of the package's content and file
/// names is escaped as the text report escapes it ([`crate::report::text::escape_control`]:
/// `\x1b`, `\r`, `\u{85}`, …), so a diff line cannot drive the terminal and a newline in a
/// file name cannot forge a diff line. Line structure is kept (one escaped line per diff line);
/// the raw diff is in the JSON report (`--format json`, `fix[].diff[].unified`).
pub fn to_unified_terminal(diffs: &[FileDiff]) -> String {
    use crate::report::text::escape_control;
    let mut out = String::new();
    for d in diffs {
        let path = escape_control(&d.path);
        if d.binary {
            out.push_str(&format!("Binary files a/{path} and b/{path} differ\n"));
            continue;
        }
        let (old, new) = headers(&d.path, d.change);
        let body = d.unified.strip_prefix(&format!("--- {old}\n+++ {new}\n")).unwrap_or(&d.unified);
        if !d.unified.is_empty() {
            let (old, new) = headers(&path, d.change);
            out.push_str(&format!("--- {old}\n+++ {new}\n"));
        }
        for line in body.split_inclusive('\n') {
            out.push_str(&escape_control(line.strip_suffix('\n').unwrap_or(line)));
            out.push('\n');
        }
    }
    out
}

/// The `---` and `+++` names of a diff of `path`.
fn headers(path: &str, change: Change) -> (String, String) {
    let old = if change == Change::Added { "/dev/null".to_string() } else { format!("a/{path}") };
    let new = if change == Change::Removed { "/dev/null".to_string() } else { format!("b/{path}") };
    (old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_diff_escapes_content_and_file_names() {
        let d = diff_file(
            "evil\n+++ b/forged\x1b[2J.yaml",
            Some(b"a: 1\nnote: \x1b]0;pwned\x07\r\n"),
            Some(b"a: 2\nnote: \x1b]0;pwned\x07\r\n"),
        );
        let text = to_unified_terminal(&[d]);
        assert!(text.starts_with("--- a/evil\\n+++ b/forged\\x1b[2J.yaml\n+++ b/evil\\n"), "{text}");
        assert!(text.contains("\n note: \\x1b]0;pwned\\x07\\r\n"), "{text}");
        assert!(text.contains("\n-a: 1\n+a: 2\n"), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        let added = diff_file("x\u{9b}.yaml", None, Some(b"k: v\n"));
        assert!(to_unified_terminal(&[added]).starts_with("--- /dev/null\n+++ b/x\\u{9b}.yaml\n"));
    }

    #[test]
    fn modified_file_has_hunks_with_line_numbers() {
        let old = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\n";
        let new = "a: 1\nb: 2\nc: 3\nd: four\ne: 5\nf: 6\ng: 7\nh: 8\n";
        let d = diff_file("x.yaml", Some(old.as_bytes()), Some(new.as_bytes()));
        assert_eq!(d.change, Change::Modified);
        assert_eq!(d.hunks.len(), 1);
        assert_eq!(d.hunks[0].header, "@@ -1,7 +1,7 @@");
        let removed: Vec<_> = d.hunks[0].lines.iter().filter(|l| l.tag == LineTag::Removed).collect();
        assert_eq!((removed[0].text.as_str(), removed[0].old_line), ("d: 4", Some(4)));
        assert!(d.unified.starts_with("--- a/x.yaml\n+++ b/x.yaml\n@@ -1,7 +1,7 @@\n"), "{}", d.unified);
    }

    #[test]
    fn long_lines_are_cut_and_binary_is_flagged() {
        let long = format!("icon: data:image/png;base64,{}\n", "A".repeat(10_000));
        let d = diff_file("Chart.yaml", None, Some(long.as_bytes()));
        assert_eq!(d.change, Change::Added);
        let line = &d.hunks[0].lines[0];
        assert_eq!(line.text.len(), MAX_LINE_BYTES);
        assert_eq!(line.cut_bytes, long.len() - 1 - MAX_LINE_BYTES);
        let b = diff_file("logo.png", Some(&[0xff, 0xfe]), Some(&[0xff]));
        assert!(b.binary && b.hunks.is_empty());
    }
}
