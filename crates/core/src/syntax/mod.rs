//! Parsing with exact locations: YAML ([`yaml`]) and JSON ([`json`]) trees whose every node
//! carries its byte range in the original text, plus [`LineIndex`] to turn byte offsets into
//! 1-based line and column numbers.

pub mod json;
mod lines;
mod tags;
pub mod yaml;

pub use lines::{LineCol, LineIndex};

/// A half-open byte range `start..end` into one file's original bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive), both byte offsets.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset` (an insertion point).
    pub const fn at(offset: usize) -> Self {
        Span { start: offset, end: offset }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }
}
