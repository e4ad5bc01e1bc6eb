//! PKG008: no extension package recognised. Docs: `docs/rules/PKG008.md` and
//! `docs/rules/zh/PKG008.md`; fixture: `tests/fixtures/PKG008/`.

use crate::i18n::{Arg, Message};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// PKG008's declaration.
    pub static PKG008: Error, Package, None, "No extension package recognised."
);

/// What PKG008 finds: the top-level names seen (files and folders, in order).
#[derive(Debug)]
pub struct NothingRecognised<'a> {
    /// The top-level names.
    pub seen: Vec<&'a str>,
    /// True when there is a `package.json` (without a `rancher` key).
    pub package_json: bool,
}

impl Violation for NothingRecognised<'_> {
    const RULE: &'static Rule = &PKG008;

    fn message(&self) -> Message {
        let listing: Arg = if self.seen.is_empty() {
            crate::msg!("pkg008-listing-none").into()
        } else {
            let shown: Vec<String> = self.seen.iter().take(6).map(|s| format!("`{s}`")).collect();
            if self.seen.len() > 6 {
                crate::msg!("pkg008-listing-more", shown = shown.join(", "), count = self.seen.len() - 6).into()
            } else {
                shown.join(", ").into()
            }
        };
        let package_json_note =
            if self.package_json { crate::msg!("pkg008-note-package-json").into() } else { Arg::none() };
        crate::msg!("pkg008-message", listing, package_json_note)
    }

    fn help(&self) -> Message {
        crate::msg!("pkg008-help")
    }
}
