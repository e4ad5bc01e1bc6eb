//! KS081: unknown top-level keys of `extension.yaml` (e.g. `labels`), which ksbuilder and
//! ks-core ignore silently; keys that differ from a field only in case are SYN003's, fields
//! the system sets are KS082's. Docs: `docs/rules/KS081.md` and `docs/rules/zh/KS081.md`;
//! fixture: `tests/fixtures/KS081/`.

use super::ks082::SYSTEM_FIELDS;
use crate::diagnostic::Diagnostic;
use crate::document::schema::EXTENSION_YAML;
use crate::document::{Capped, YamlFile};
use crate::i18n::{Arg, Message};
use crate::rancher::annotations::levenshtein;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS081's declaration.
    pub static KS081: Warning, Kubesphere, None, "Unknown top-level key in extension.yaml."
);

/// What KS081 finds: a top-level key that is no field.
#[derive(Debug)]
pub struct UnknownKey<'a> {
    /// The key.
    pub key: &'a str,
    /// The nearest field within edit distance 3, if any.
    pub suggestion: Option<&'static str>,
}

impl Violation for UnknownKey<'_> {
    const RULE: &'static Rule = &KS081;

    fn message(&self) -> Message {
        let suggestion = self.suggestion.map_or_else(Arg::none, |name| crate::msg!("ks042-did-you-mean", name).into());
        crate::msg!("ks081-message", key = self.key, suggestion)
    }

    fn help(&self) -> Message {
        let note = if self.key == "labels" { crate::msg!("ks081-note-labels").into() } else { Arg::none() };
        crate::msg!("ks081-help", note)
    }
}

/// Checks the top-level keys of `extension.yaml` (`root`), at most
/// [`crate::check::MAX_PER_RULE_AND_FILE`] built.
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let fields: Vec<&'static str> = EXTENSION_YAML.fields().iter().map(|(k, _)| *k).collect();
    let mut unknown = Capped::new(KS081.code, KS081.severity);
    for e in root.entries() {
        let Some(key) = e.key_str() else { continue };
        if fields.iter().any(|f| f.eq_ignore_ascii_case(key))
            || SYSTEM_FIELDS.iter().any(|s| s.eq_ignore_ascii_case(key))
        {
            continue;
        }
        if unknown.full() {
            continue;
        }
        let nearest =
            fields.iter().map(|f| (levenshtein(&key.to_ascii_lowercase(), &f.to_ascii_lowercase()), *f)).min();
        let suggestion = nearest.filter(|(d, _)| *d <= 3).map(|(_, name)| name);
        unknown.built.push(file.file.report(&UnknownKey { key, suggestion }, e.key.span));
    }
    unknown.finish(out);
}
