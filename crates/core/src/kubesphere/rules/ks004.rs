//! KS004: language maps have an `en` entry, the console's last fallback (kubesphere.md §1.4).
//! Docs: `docs/rules/KS004.md` and `docs/rules/zh/KS004.md`; fixture: `tests/fixtures/KS004/`.

use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::yaml::Entry;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS004's declaration.
    pub static KS004: Warning, Kubesphere, None, "No `en` entry in displayName, description or provider."
);

/// What KS004 finds: the language map `key` has no `en` entry.
#[derive(Debug)]
pub struct NoEnglish<'a> {
    /// The field (`displayName`, `description` or `provider`).
    pub key: &'a str,
}

impl Violation for NoEnglish<'_> {
    const RULE: &'static Rule = &KS004;

    fn message(&self) -> Message {
        crate::msg!("ks004-message", key = self.key)
    }

    fn help(&self) -> Message {
        match self.key {
            "displayName" => crate::msg!("ks004-help-display-name"),
            "description" => crate::msg!("ks004-help-description"),
            _ => crate::msg!("ks004-help-provider"),
        }
    }
}

/// Checks the language map field `key` (`entry`, a mapping).
pub(super) fn check(file: &YamlFile<'_>, key: &str, entry: &Entry, out: &mut Vec<Diagnostic>) {
    if !entry.value.entries().iter().any(|e| e.key_str() == Some("en")) {
        out.push(file.file.report(&NoEnglish { key }, entry.key.span));
    }
}
