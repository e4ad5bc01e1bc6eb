//! PKG006: symlink, hard link, device or FIFO entries, which Helm ignores. Docs:
//! `docs/rules/PKG006.md` and `docs/rules/zh/PKG006.md`; fixture: `tests/fixtures/PKG006/`.

use crate::diagnostic::{Diagnostic, FileOperation, Fix};
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG006's declaration.
    pub static PKG006: Warning, Package, Safe, "Symlink, hard link, device or FIFO entries, which Helm ignores."
);

/// What kind of entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A symbolic link.
    Symlink,
    /// A hard link.
    HardLink,
    /// A character or block device.
    Device,
    /// A FIFO.
    Fifo,
    /// Another special entry.
    Special,
}

impl EntryKind {
    fn name(self) -> Message {
        match self {
            EntryKind::Symlink => crate::msg!("pkg006-what-symlink"),
            EntryKind::HardLink => crate::msg!("pkg006-what-hard-link"),
            EntryKind::Device => crate::msg!("pkg006-what-device"),
            EntryKind::Fifo => crate::msg!("pkg006-what-fifo"),
            EntryKind::Special => crate::msg!("pkg006-what-special"),
        }
    }
}

/// What PKG006 finds.
#[derive(Debug)]
pub struct LinkEntry<'a> {
    /// The entry path.
    pub path: &'a str,
    /// What it is.
    pub kind: EntryKind,
}

impl Violation for LinkEntry<'_> {
    const RULE: &'static Rule = &PKG006;

    fn message(&self) -> Message {
        crate::msg!("pkg006-message", path = self.path, what = self.kind.name())
    }

    fn help(&self) -> Message {
        crate::msg!("pkg006-help")
    }
}

/// The finding for `path`, with a safe fix dropping the archive entry `remove_entry` when the
/// input was an archive.
pub(crate) fn diagnostic(path: &str, kind: EntryKind, remove_entry: Option<&str>) -> Diagnostic {
    let d = LinkEntry { path, kind }.diagnostic().in_file(path);
    match remove_entry {
        Some(entry) => d.with_fix(
            Fix::safe(crate::msg!("pkg006-fix", path, what = kind.name()), vec![])
                .with_operations(vec![FileOperation::Remove { path: entry.to_string() }]),
        ),
        None => d,
    }
}
