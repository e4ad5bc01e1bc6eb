//! KS082: fields ks-core sets itself (`ExtensionVersionSpec`), which a package should not set.
//! Docs: `docs/rules/KS082.md` and `docs/rules/zh/KS082.md`; fixture: `tests/fixtures/KS082/`.

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::schema::EXTENSION_YAML;
use crate::document::{YamlFile, block_entry_lines};
use crate::i18n::Message;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS082's declaration.
    pub static KS082: Warning, Kubesphere, Safe, "System-set fields present."
);

/// Fields ks-core fills in itself (`ExtensionVersionSpec`), which a package should not set.
pub(super) const SYSTEM_FIELDS: [&str; 5] = ["repository", "digest", "chartURL", "chartDataRef", "created"];

/// What KS082 finds: `key` (as written) is the system-set field `system`.
#[derive(Debug)]
pub struct SystemField<'a> {
    /// The key as written.
    pub key: &'a str,
    /// The field's canonical name.
    pub system: &'static str,
}

impl Violation for SystemField<'_> {
    const RULE: &'static Rule = &KS082;

    fn message(&self) -> Message {
        crate::msg!("ks082-message", key = self.key)
    }

    fn help(&self) -> Message {
        crate::msg!("ks082-help", system = self.system)
    }
}

/// Checks the top-level keys of `extension.yaml` (`root`); a block entry gets a safe fix
/// deleting its lines.
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let fields = EXTENSION_YAML.fields();
    for e in root.entries() {
        let Some(key) = e.key_str() else { continue };
        if fields.iter().any(|(f, _)| f.eq_ignore_ascii_case(key)) {
            continue;
        }
        let Some(system) = SYSTEM_FIELDS.iter().find(|s| s.eq_ignore_ascii_case(key)) else { continue };
        let mut d = file.file.report(&SystemField { key, system }, e.key.span);
        if let Some(span) = block_entry_lines(file.file.text, e.key.span.start, e.value.span.end) {
            d = d.with_fix(Fix::safe(crate::msg!("ks082-fix", key), vec![Edit::delete(file.file.path, span)]));
        }
        out.push(d);
    }
}
