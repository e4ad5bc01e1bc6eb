//! SUP002: an `extcheck.toml` inside the checked folder cannot be used; reported where
//! [`crate::config`] applies the folder's configurations. Docs: `docs/rules/SUP002.md` and `docs/rules/zh/SUP002.md`; fixture:
//! `tests/fixtures/SUP002/`.

use super::ConfigError;
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SUP002's declaration.
    pub static SUP002: Warning, Suppression, None, "An `extcheck.toml` inside the checked folder cannot be used (the page's configuration)."
);

/// What SUP002 finds: the configuration `file` has `error`.
#[derive(Debug)]
pub struct BadConfig<'a> {
    /// The configuration's file name.
    pub file: &'a str,
    /// The error.
    pub error: &'a ConfigError,
    /// True when the configuration is at the package's root (the message then names the key
    /// and the error alone; the location says where), false when it is in a parent folder (the
    /// message carries the whole error, with its file and line).
    pub at_root: bool,
}

impl Violation for BadConfig<'_> {
    const RULE: &'static Rule = &SUP002;

    fn message(&self) -> Message {
        let (file, e) = (self.file, self.error);
        match (self.at_root, e.key.as_deref()) {
            (true, Some(key)) => crate::msg!("sup002-message-key", file, key, error = e.message.as_str()),
            (true, None) => crate::msg!("sup002-message", file, error = e.message.as_str()),
            (false, _) => crate::msg!("sup002-message", file, error = e),
        }
    }

    fn help(&self) -> Message {
        crate::msg!("sup002-help")
    }
}
