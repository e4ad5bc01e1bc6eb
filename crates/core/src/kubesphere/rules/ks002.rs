//! KS002: `displayName`, `description` and `provider` are language maps (kubesphere.md §1.2,
//! §1.4). Docs: `docs/rules/KS002.md` and `docs/rules/zh/KS002.md`; fixture:
//! `tests/fixtures/KS002/`.

use crate::diagnostic::Fix;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::yaml::{self, Entry, ScalarStyle, Value};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS002's declaration.
    pub static KS002: Error, Kubesphere, Safe, "`displayName`, `description` or `provider` is not a language map."
);

/// What KS002 finds.
#[derive(Debug)]
pub enum NotLanguageMap<'a> {
    /// The field is a plain string (safe fix: wrap it as `{en: ...}`).
    Scalar {
        /// The field's key.
        key: &'a str,
    },
    /// The field is a list.
    List {
        /// The field's key.
        key: &'a str,
    },
}

impl Violation for NotLanguageMap<'_> {
    const RULE: &'static Rule = &KS002;

    fn message(&self) -> Message {
        match *self {
            NotLanguageMap::Scalar { key } => crate::msg!("ks002-message", key),
            NotLanguageMap::List { key } => crate::msg!("ks002-message-list", key),
        }
    }

    fn help(&self) -> Message {
        match *self {
            NotLanguageMap::Scalar { key } => crate::msg!("ks002-help", key),
            NotLanguageMap::List { key } => crate::msg!("ks002-help-list", key),
        }
    }
}

/// Checks the field `key` (`entry`, not null); true when it is a mapping (a language map
/// whose keys the other rules may read).
pub(super) fn check(
    file: &YamlFile<'_>,
    key: &str,
    entry: &Entry,
    out: &mut Vec<crate::diagnostic::Diagnostic>,
) -> bool {
    let value = &entry.value;
    if let Value::Scalar { style, .. } = &value.value {
        let raw = file.file.slice(value.span);
        let mut d = file.file.report(&NotLanguageMap::Scalar { key }, value.span);
        if !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            let inner = flow_safe(raw, value.as_str().unwrap_or(""), *style);
            let replacement =
                if key == "provider" { format!("{{en: {{name: {inner}}}}}") } else { format!("{{en: {inner}}}") };
            d = d.with_fix(Fix::safe(
                crate::msg!("ks002-fix", key, replacement = replacement.as_str()),
                vec![file.file.edit(value.span, replacement)],
            ));
        }
        out.push(d);
        return false;
    }
    if !value.is_mapping() {
        out.push(file.file.report(&NotLanguageMap::List { key }, value.span));
        return false;
    }
    true
}

/// A scalar written inside a flow mapping: keep the author's quoted token, or quote a plain
/// one that contains flow indicators.
fn flow_safe(raw: &str, value: &str, style: ScalarStyle) -> String {
    match style {
        ScalarStyle::Plain if value.contains([',', '{', '}', '[', ']', '#']) || value.contains(": ") => {
            yaml::double_quoted(value)
        }
        _ => raw.to_string(),
    }
}
