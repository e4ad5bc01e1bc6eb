//! PKG001: the input is unreadable: not gzip, not tar, truncated, or another format. Docs:
//! `docs/rules/PKG001.md` and `docs/rules/zh/PKG001.md`; fixture: `tests/fixtures/PKG001/`.

use crate::diagnostic::Severity;
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG001's declaration.
    pub static PKG001: Error, Package, None, "The input is unreadable: not gzip, not tar, truncated, or another format."
);

/// Where reading the archive's stream failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamProblem {
    /// The data ends early.
    Truncated,
    /// The compressed data is damaged.
    Corrupt,
    /// Anything else the tar reader refused.
    NotTar,
}

/// What PKG001 finds (`name` is the input's file name).
#[derive(Debug)]
pub enum Unreadable<'a> {
    /// A plain (uncompressed) tar; it is still read.
    PlainTar {
        /// The input's name.
        name: &'a str,
    },
    /// Not a gzip-compressed tar at all.
    NotTgz {
        /// The input's name.
        name: &'a str,
        /// What it is ([`crate::package`]'s format sniffing, a `pkg001-format-*` message).
        format: Message,
        /// What to do for that format (`pkg001-help-zip`, `-renamed-file`, `-other-format`).
        hint: Message,
    },
    /// An empty gzip stream.
    EmptyGzip {
        /// The input's name.
        name: &'a str,
    },
    /// A gzip of an empty tar.
    EmptyTar {
        /// The input's name.
        name: &'a str,
    },
    /// A gzip of something that is not a tar.
    GzipNotTar {
        /// The input's name.
        name: &'a str,
        /// What is inside (a `pkg001-format-*` message).
        format: Message,
    },
    /// A tar with no files.
    NoFiles {
        /// The input's name.
        name: &'a str,
    },
    /// Reading stopped after `entries` entries.
    Stream {
        /// The input's name.
        name: &'a str,
        /// Why.
        problem: StreamProblem,
        /// The entries read before.
        entries: usize,
        /// The reader's error.
        error: String,
    },
    /// Every file was read, but the gzip trailer is cut short (`cut`) or does not match the
    /// data (warning).
    Trailer {
        /// The input's name.
        name: &'a str,
        /// True when the trailer is cut short, false when it does not match.
        cut: bool,
        /// The reader's error.
        error: String,
    },
    /// A FIFO, socket or device given as the input.
    NotRegular {
        /// The input's name.
        file_name: &'a str,
    },
}

impl Violation for Unreadable<'_> {
    const RULE: &'static Rule = &PKG001;

    fn severity(&self) -> Severity {
        match self {
            Unreadable::Trailer { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> Message {
        match *self {
            Unreadable::PlainTar { name } => crate::msg!("pkg001-message-plain-tar", name),
            Unreadable::NotTgz { name, ref format, .. } => {
                crate::msg!("pkg001-message-not-tgz", name, format = format.clone())
            }
            Unreadable::EmptyGzip { name } => crate::msg!("pkg001-message-empty-gzip", name),
            Unreadable::EmptyTar { name } => crate::msg!("pkg001-message-empty-tar", name),
            Unreadable::GzipNotTar { name, ref format } => {
                crate::msg!("pkg001-message-gzip-not-tar", name, format = format.clone())
            }
            Unreadable::NoFiles { name } => crate::msg!("pkg001-message-no-files", name),
            Unreadable::Stream { name, problem, entries, ref error } => {
                let id = match problem {
                    StreamProblem::Truncated => "pkg001-message-truncated",
                    StreamProblem::Corrupt => "pkg001-message-corrupt",
                    StreamProblem::NotTar => "pkg001-message-not-tar",
                };
                Message::new(id).arg("name", name).arg("entries", entries).arg("error", error.as_str())
            }
            Unreadable::Trailer { name, cut, ref error } => {
                let what = if cut { crate::msg!("pkg001-trailer-cut") } else { crate::msg!("pkg001-trailer-mismatch") };
                crate::msg!("pkg001-message", name, what, error = error.as_str())
            }
            Unreadable::NotRegular { file_name } => crate::msg!("pkg001-message-not-regular", file_name),
        }
    }

    fn help(&self) -> Message {
        match self {
            Unreadable::PlainTar { .. } => crate::msg!("pkg001-help-plain-tar"),
            Unreadable::NotTgz { hint, .. } => hint.clone(),
            Unreadable::EmptyGzip { .. } | Unreadable::EmptyTar { .. } | Unreadable::GzipNotTar { .. } => {
                crate::msg!("pkg001-help-not-tar")
            }
            Unreadable::NoFiles { .. } => crate::msg!("pkg001-help-no-files"),
            Unreadable::Stream { problem: StreamProblem::Truncated, .. } => crate::msg!("pkg001-help-truncated"),
            Unreadable::Stream { problem: StreamProblem::Corrupt, .. } => crate::msg!("pkg001-help-corrupt"),
            Unreadable::Stream { problem: StreamProblem::NotTar, .. } => crate::msg!("pkg001-help-rebuild"),
            Unreadable::Trailer { .. } => crate::msg!("pkg001-help"),
            Unreadable::NotRegular { .. } => crate::msg!("pkg001-help-not-regular"),
        }
    }
}
