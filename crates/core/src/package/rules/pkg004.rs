//! PKG004: the archive does not have exactly one top-level folder (Helm drops the first path
//! segment of every entry). Docs: `docs/rules/PKG004.md` and `docs/rules/zh/PKG004.md`;
//! fixture: `tests/fixtures/PKG004/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG004's declaration.
    pub static PKG004: Error, Package, None, "The archive does not have exactly one top-level folder."
);

/// What PKG004 finds.
#[derive(Debug)]
pub enum TopFolders<'a> {
    /// Files at the archive's root (the first three shown).
    RootFiles {
        /// The files at the root.
        files: &'a [&'a str],
    },
    /// No folder at all.
    NoFolder,
    /// Several top-level folders (the first four shown).
    Folders {
        /// The folders.
        folders: Vec<&'a str>,
    },
}

impl Violation for TopFolders<'_> {
    const RULE: &'static Rule = &PKG004;

    fn message(&self) -> Message {
        match self {
            TopFolders::RootFiles { files } => {
                let shown: Vec<String> = files.iter().take(3).map(|f| format!("`{f}`")).collect();
                let files = format!("{}{}", shown.join(", "), if files.len() > 3 { ", ..." } else { "" });
                crate::msg!("pkg004-message-root-files", files)
            }
            TopFolders::NoFolder => crate::msg!("pkg004-message-no-folder"),
            TopFolders::Folders { folders } => {
                let shown: Vec<String> = folders.iter().take(4).map(|t| format!("`{t}/`")).collect();
                crate::msg!("pkg004-message-folders", count = folders.len(), folders = shown.join(", "))
            }
        }
    }

    fn help(&self) -> Message {
        crate::msg!("pkg004-help")
    }
}
