//! KS005: displayName and description with different language sets; ksbuilder's README lookup
//! for KubeSphere Cloud uses their intersection (`pkg/parser/extension.go`). Docs:
//! `docs/rules/KS005.md` and `docs/rules/zh/KS005.md`; fixture: `tests/fixtures/KS005/`.

use super::field;
use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS005's declaration.
    pub static KS005: Info, Kubesphere, None, "displayName and description have different language sets."
);

/// What KS005 finds: the two maps' language keys, sorted and deduplicated.
#[derive(Debug)]
pub struct LanguageSets<'a> {
    /// `displayName`'s languages.
    pub display: Vec<&'a str>,
    /// `description`'s languages.
    pub description: Vec<&'a str>,
}

impl Violation for LanguageSets<'_> {
    const RULE: &'static Rule = &KS005;

    fn message(&self) -> Message {
        crate::msg!(
            "ks005-message",
            display_languages = self.display.join(", "),
            description_languages = self.description.join(", ")
        )
    }

    fn help(&self) -> Message {
        crate::msg!("ks005-help")
    }
}

fn keys(node: &Node) -> Vec<&str> {
    let mut k: Vec<&str> = node.entries().iter().filter_map(|e| e.key_str()).collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// Compares the languages of `displayName` and `description` in `extension.yaml` (`root`).
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let (Some(names), Some(descs)) = (field(root, "displayName"), field(root, "description")) else { return };
    if !names.value.is_mapping() || !descs.value.is_mapping() {
        return;
    }
    let (display, description) = (keys(&names.value), keys(&descs.value));
    if display == description {
        return;
    }
    out.push(file.file.report(&LanguageSets { display, description }, descs.key.span));
}
