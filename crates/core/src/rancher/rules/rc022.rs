//! RC022: versions disagree between Chart.yaml, package.json and the plugin (rancher.md §2:
//! the UIPlugin version comes from `appVersion`; the plugin cache requires
//! `plugin/package.json`'s version to equal it). Docs: `docs/rules/RC022.md` and
//! `docs/rules/zh/RC022.md`; fixture: `tests/fixtures/RC022/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC022's declaration.
    pub static RC022: Error, Rancher, None, "Versions disagree between Chart.yaml, package.json and the plugin."
);

/// What RC022 finds.
#[derive(Debug)]
pub enum VersionMismatch<'a> {
    /// Chart.yaml `appVersion` differs from `version` (and no `plugin.versionOverride`).
    AppVersion {
        /// `appVersion`.
        app_version: &'a str,
        /// `version`.
        version: &'a str,
    },
    /// plugin/package.json `version` differs from the archive's version folder.
    Folder {
        /// plugin/package.json `version`.
        version: &'a str,
        /// The archive's top folder.
        folder: &'a str,
    },
}

impl Violation for VersionMismatch<'_> {
    const RULE: &'static Rule = &RC022;

    fn message(&self) -> Message {
        match *self {
            VersionMismatch::AppVersion { app_version, version } => {
                crate::msg!("rc022-message", app_version, version)
            }
            VersionMismatch::Folder { version, folder } => crate::msg!("rc022-message-folder", version, folder),
        }
    }

    fn help(&self) -> Message {
        match self {
            VersionMismatch::AppVersion { .. } => crate::msg!("rc022-help"),
            VersionMismatch::Folder { .. } => crate::msg!("rc022-help-folder"),
        }
    }
}
