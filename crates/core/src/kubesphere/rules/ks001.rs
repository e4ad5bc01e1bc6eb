//! KS001: required fields of `extension.yaml` (ksbuilder `validate:"required"`,
//! kubesphere.md §1.2). Docs: `docs/rules/KS001.md` and `docs/rules/zh/KS001.md`; fixture:
//! `tests/fixtures/KS001/`.

use super::field;
use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS001's declaration.
    pub static KS001: Error, Kubesphere, None, "A required field is missing or empty."
);

/// What KS001 finds.
#[derive(Debug)]
pub enum RequiredField<'a> {
    /// The document is not a mapping of fields at all.
    NotMapping,
    /// A required field is absent, null, or an empty string.
    Field {
        /// The field's key.
        key: &'a str,
        /// True when the key is present with an empty value, false when it is absent.
        empty: bool,
        /// What to write, for this field.
        help: Message,
    },
}

impl Violation for RequiredField<'_> {
    const RULE: &'static Rule = &KS001;

    fn message(&self) -> Message {
        match *self {
            RequiredField::NotMapping => crate::msg!("ks001-message"),
            RequiredField::Field { key, empty, .. } => {
                let what = if empty { crate::msg!("ks001-what-empty") } else { crate::msg!("ks001-what-missing") };
                crate::msg!("ks001-message-required-field", key, what)
            }
        }
    }

    fn help(&self) -> Message {
        match self {
            RequiredField::NotMapping => crate::msg!("ks001-help"),
            RequiredField::Field { help, .. } => crate::msg!("ks001-help-required-field", help = help.clone()),
        }
    }
}

/// Checks the required fields (present, non-null, and for strings non-empty; `{}` passes for
/// maps) of `extension.yaml`, whose root mapping is `root`.
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    const REQUIRED: [(&str, Message); 8] = [
        ("apiVersion", Message::new("ks001-help-api-version")),
        ("name", Message::new("ks001-help-name")),
        ("version", Message::new("ks001-help-version")),
        ("displayName", Message::new("ks001-help-display-name")),
        ("description", Message::new("ks001-help-description")),
        ("category", Message::new("ks001-help-category")),
        ("provider", Message::new("ks001-help-provider")),
        ("icon", Message::new("ks001-help-icon")),
    ];
    for (key, help) in REQUIRED {
        let entry = field(root, key);
        let empty = match entry {
            None => true,
            Some(e) => e.value.is_null() || e.value.as_str().is_some_and(str::is_empty),
        };
        if !empty {
            continue;
        }
        let span = entry.map_or(Span::at(root.span.start), |e| e.key.span);
        out.push(file.file.report(&RequiredField::Field { key, empty: entry.is_some(), help }, span));
    }
}
