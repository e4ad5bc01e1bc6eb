use super::Span;

/// A position as people read it: 1-based line, 1-based column counted in Unicode scalar
/// values (characters), as rustc and most editors display them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

/// Maps byte offsets of one text to line and column numbers. Lines end at `\n`; a `\r`
/// before it belongs to the line ending and is not shown as content.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text` in one pass: O(bytes).
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// Number of lines (a text without a trailing newline still counts its last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The line and column of byte `offset` in `text` (the text this index was built from).
    /// Offsets past the end clamp to the end; an offset inside a multi-byte character counts
    /// as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = text[start..end].chars().count() + 1;
        LineCol { line: line + 1, column }
    }

    /// The byte range of line `line` (1-based) without its line ending, or `None` past the end.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let mut end = self.line_starts.get(line).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Some(Span::new(start, end.max(start)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_to_lines_and_character_columns() {
        let text = "a: 1\r\nname: \"π-ext\"\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        let quote = text.find('"').unwrap();
        assert_eq!(index.line_col(text, quote), LineCol { line: 2, column: 7 });
        // The byte after the two-byte 'π' is column 9, not 10.
        assert_eq!(index.line_col(text, quote + 3), LineCol { line: 2, column: 9 });
        assert_eq!(index.line_col(text, text.len()), LineCol { line: 3, column: 5 });
        assert_eq!(&text[index.line_span(text, 1).unwrap().start..index.line_span(text, 1).unwrap().end], "a: 1");
        assert_eq!(index.line_span(text, 4), None);
    }
}
