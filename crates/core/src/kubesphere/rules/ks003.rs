//! KS003: language keys are ISO 639-1 two-letter codes (ksbuilder's `invalid language code`,
//! kubesphere.md §1.4). Docs: `docs/rules/KS003.md` and `docs/rules/zh/KS003.md`; fixture:
//! `tests/fixtures/KS003/`.

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::kubesphere::iso639;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS003's declaration.
    pub static KS003: Error, Kubesphere, Safe, "A language key is not an ISO 639-1 two-letter code."
);

/// What KS003 finds: `key.lang` where `lang` is not an ISO 639-1 code.
#[derive(Debug)]
pub struct LanguageCode<'a> {
    /// The field (`displayName`, `description` or `provider`).
    pub key: &'a str,
    /// The language key as written.
    pub lang: &'a str,
}

impl Violation for LanguageCode<'_> {
    const RULE: &'static Rule = &KS003;

    fn message(&self) -> Message {
        crate::msg!("ks003-message", key = self.key, lang = self.lang)
    }

    fn help(&self) -> Message {
        crate::msg!("ks003-help")
    }
}

/// Checks the keys of the language map `map` of field `key`; a regional form (`zh-CN`) whose
/// base code is not also present gets a safe fix renaming it to the base code.
pub(super) fn check(file: &YamlFile<'_>, key: &str, map: &Node, out: &mut Vec<Diagnostic>) {
    let keys: Vec<&str> = map.entries().iter().filter_map(|e| e.key_str()).collect();
    for e in map.entries() {
        let Some(lang) = e.key_str() else { continue };
        if iso639::is_code(lang) {
            continue;
        }
        let base = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let mut d = file.file.report(&LanguageCode { key, lang }, e.key.span);
        if iso639::is_code(&base) && !keys.contains(&base.as_str()) {
            d = d.with_fix(Fix::safe(
                crate::msg!("ks003-fix", lang, base = base.as_str()),
                vec![file.file.edit(e.key.span, base.clone())],
            ));
        }
        out.push(d);
    }
}
