//! Reports: the stable JSON report ([`json`]), compiler-style text ([`text`]), SARIF 2.1.0
//! ([`sarif`]) and Markdown ([`markdown`]) exports, and the source
//! snippets both the text report and the web app show ([`snippet`]).

pub mod export;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod text;
pub mod view;

use crate::diagnostic::Diagnostic;
use crate::package::Package;
use crate::syntax::{LineIndex, Span};

/// One line of a snippet: its number, its text, and the part of it to mark (character
/// columns, 0-based, end exclusive).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SnippetLine {
    /// 1-based line number.
    pub number: usize,
    /// The line's text without its line ending (tabs kept).
    pub text: String,
    /// The marked part, as 0-based character columns `start..end`; `None` for context lines.
    pub mark: Option<(usize, usize)>,
}

/// At most this many lines of a multi-line span are shown (first and last lines).
pub const MAX_SNIPPET_LINES: usize = 6;
/// Lines longer than this are cut around the mark.
pub const MAX_LINE_CHARS: usize = 160;

/// The lines of `diagnostic`'s file that its span covers, each with the marked part; empty
/// when the diagnostic has no file, no location, or the file is not text. Long lines are cut
/// around the mark with `…`; spans over [`MAX_SNIPPET_LINES`] lines show their first and last
/// lines.
pub fn snippet(package: &Package, diagnostic: &Diagnostic) -> Vec<SnippetLine> {
    let (Some(file), Some(location)) = (&diagnostic.file, &diagnostic.location) else {
        return Vec::new();
    };
    let Some(bytes) = package.bytes(file) else {
        return Vec::new();
    };
    // A UTF-16 file (with its mark) is shown as Go's YAML reader decodes it; the span is in
    // its original bytes (`encoding::Transcoded::restore`).
    if let Some(Ok(decoded)) = crate::package::encoding::decode_utf16(bytes) {
        let span =
            Span { start: decoded.utf8_offset(location.span.start), end: decoded.utf8_offset(location.span.end) };
        return lines(&decoded.text, span);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    lines(text, location.span)
}

/// The snippet lines of `span` in `text` (see [`snippet`]).
pub fn lines(text: &str, span: Span) -> Vec<SnippetLine> {
    let index = LineIndex::new(text);
    let first = index.line_col(text, span.start).line;
    let mut last = index.line_col(text, span.end).line;
    // A span ending right after a newline ends on the previous line.
    if last > first && index.line_col(text, span.end).column == 1 {
        last -= 1;
    }
    let numbers: Vec<usize> = if last - first + 1 > MAX_SNIPPET_LINES {
        (first..first + MAX_SNIPPET_LINES - 1).chain(std::iter::once(last)).collect()
    } else {
        (first..=last).collect()
    };
    numbers
        .into_iter()
        .filter_map(|n| {
            let line = index.line_span(text, n)?;
            let line_text = &text[line.start..line.end];
            let from = span.start.clamp(line.start, line.end) - line.start;
            let to = span.end.clamp(line.start, line.end) - line.start;
            let col = |byte: usize| line_text[..floor_char(line_text, byte)].chars().count();
            let (mut a, mut b) = (col(from), col(to));
            if a == b {
                b = a + 1; // an insertion point or empty span: mark one column
            }
            let chars: Vec<char> = line_text.chars().collect();
            let (shown, offset) = cut(&chars, a);
            a -= offset.min(a);
            b -= offset.min(b);
            // A mark longer than the cut line (a 10 KB constraint) ends with the line.
            b = b.min(shown.chars().count()).max(a + 1);
            Some(SnippetLine { number: n, text: shown, mark: Some((a, b)) })
        })
        .collect()
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cuts a long line to [`MAX_LINE_CHARS`] from a little before `a` (a longer mark is cut
/// with it); returns the text and how many
/// characters were removed at the start (a leading `…` counts as one kept character).
fn cut(chars: &[char], a: usize) -> (String, usize) {
    if chars.len() <= MAX_LINE_CHARS {
        return (chars.iter().collect(), 0);
    }
    let start = a.saturating_sub(40).min(chars.len().saturating_sub(MAX_LINE_CHARS));
    let end = (start + MAX_LINE_CHARS).min(chars.len());
    let mut out = String::new();
    let mut removed = start;
    if start > 0 {
        out.push('…');
        removed -= 1;
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_span_in_character_columns() {
        let text = "name: x\nkubeVersion: \">=1.19.0\"\n";
        let start = text.find('"').unwrap();
        let got = lines(text, Span::new(start, start + 10));
        assert_eq!(
            got,
            vec![SnippetLine { number: 2, text: "kubeVersion: \">=1.19.0\"".into(), mark: Some((13, 23)) }]
        );
        let got = lines("π: é\n", Span::new(4, 6));
        assert_eq!(got[0].mark, Some((3, 4)));
    }

    #[test]
    fn utf16_files_show_the_decoded_line() {
        // Spans in a UTF-16 file are in its original bytes (two or four per character).
        let text = "name: café\nkubeVersion: >=1.19.0\n";
        for little in [true, false] {
            let mut bytes = if little { vec![0xff, 0xfe] } else { vec![0xfe, 0xff] };
            for u in text.encode_utf16() {
                bytes.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            let start = 2 + 2 * text[..text.find('>').unwrap()].encode_utf16().count();
            let mut package = Package::default();
            package.files.insert("extension.yaml".into(), bytes);
            let mut d = Diagnostic::new("SYN001", crate::Severity::Error, "m", "h").in_file("extension.yaml");
            d.location = Some(crate::diagnostic::Location {
                span: Span::new(start, start + 2 * 8),
                start: crate::syntax::LineCol { line: 2, column: 14 },
                end: crate::syntax::LineCol { line: 2, column: 22 },
            });
            let got = snippet(&package, &d);
            assert_eq!(
                got,
                vec![SnippetLine { number: 2, text: "kubeVersion: >=1.19.0".into(), mark: Some((13, 21)) }]
            );
        }
    }

    #[test]
    fn long_lines_are_cut_around_the_mark() {
        let text = format!("icon: data:image/png;base64,{}END", "A".repeat(5000));
        let at = text.find("END").unwrap();
        let got = lines(&text, Span::new(at, at + 3));
        let line = &got[0];
        assert!(line.text.chars().count() <= MAX_LINE_CHARS + 2);
        let (a, b) = line.mark.unwrap();
        let marked: String = line.text.chars().skip(a).take(b - a).collect();
        assert_eq!(marked, "END");
    }

    #[test]
    fn long_spans_show_first_and_last_lines() {
        let text = (1..=20).map(|i| format!("l{i}")).collect::<Vec<_>>().join("\n");
        let got = lines(&text, Span::new(0, text.len()));
        assert_eq!(got.len(), MAX_SNIPPET_LINES);
        assert_eq!(got.last().unwrap().number, 20);
    }
}

/// A piece of a message or help text: plain text, or text that was written between
/// backticks (to be shown as code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Plain text.
    Text(&'a str),
    /// Code (the backticks removed).
    Code(&'a str),
}

/// Splits `text` at backticks into text and code segments. An unpaired backtick is kept as
/// text. Empty segments are dropped.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(close) = rest[open + 1..].find('`') else { break };
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        let code = &rest[open + 1..open + 1 + close];
        if !code.is_empty() {
            out.push(Segment::Code(code));
        }
        rest = &rest[open + close + 2..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

#[cfg(test)]
mod segment_tests {
    use super::*;

    #[test]
    fn splits_backticks() {
        assert_eq!(segments("Add `a: b` now"), [Segment::Text("Add "), Segment::Code("a: b"), Segment::Text(" now")]);
        assert_eq!(segments("`x`"), [Segment::Code("x")]);
        assert_eq!(segments("odd ` tick"), [Segment::Text("odd ` tick")]);
        assert_eq!(segments(""), []);
    }
}
