//! PKG003: over the limits of the platform that reads this kind of package (Helm's for charts,
//! Rancher's plugin cache for plugin archives). Docs: `docs/rules/PKG003.md` and
//! `docs/rules/zh/PKG003.md`; fixture: `tests/fixtures/PKG003/`.

use crate::diagnostic::Severity;
use crate::i18n::Message;
use crate::package::human_bytes;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG003's declaration.
    pub static PKG003: Error, Package, None, "Over the limits of the platform that reads this kind of package (Helm's for charts, Rancher's plugin cache for plugin archives)."
);

/// What PKG003 finds.
#[derive(Debug)]
pub enum TooLarge<'a> {
    /// A file over Helm's 5 MiB per file; it was not read.
    File {
        /// The file.
        path: &'a str,
        /// Its decompressed size in bytes.
        bytes: u64,
    },
    /// A plugin archive's file over Rancher's plugin cache limit (warning: Rancher then serves
    /// the plugin uncached, by proxying its endpoint).
    RancherFile {
        /// The file.
        path: &'a str,
        /// Its decompressed size in bytes.
        bytes: u64,
    },
    /// The package passes Helm's 100 MiB in total; reading stopped at `path`.
    Total {
        /// Where reading stopped.
        path: &'a str,
    },
}

impl Violation for TooLarge<'_> {
    const RULE: &'static Rule = &PKG003;

    fn severity(&self) -> Severity {
        match self {
            TooLarge::RancherFile { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> Message {
        match *self {
            TooLarge::File { path, bytes } => crate::msg!("pkg003-message", path, size = human_bytes(bytes)),
            TooLarge::RancherFile { path, bytes } => {
                crate::msg!("pkg003-message-rancher-file", path, size = human_bytes(bytes))
            }
            TooLarge::Total { path } => crate::msg!("pkg003-message-total", path),
        }
    }

    fn help(&self) -> Message {
        match self {
            TooLarge::File { .. } => crate::msg!("pkg003-help"),
            TooLarge::RancherFile { .. } => crate::msg!("pkg003-help-rancher-file"),
            TooLarge::Total { .. } => crate::msg!("pkg003-help-total"),
        }
    }
}
