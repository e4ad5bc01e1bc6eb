//! SYN006: `extension.yaml` has more than one YAML document; ks-core and ksbuilder read only the
//! first. Docs: `docs/rules/SYN006.md` and `docs/rules/zh/SYN006.md`; fixture:
//! `tests/fixtures/SYN006/`.

use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SYN006's declaration.
    pub static SYN006: Warning, Syntax, None, "`extension.yaml` has more than one YAML document."
);

/// What SYN006 finds: `count` documents.
#[derive(Debug)]
pub struct Documents {
    /// How many documents the file has.
    pub count: usize,
}

impl Violation for Documents {
    const RULE: &'static Rule = &SYN006;

    fn message(&self) -> Message {
        crate::msg!("syn006-message", count = self.count)
    }

    fn help(&self) -> Message {
        crate::msg!("syn006-help")
    }
}

/// Checks a KubeSphere package's `extension.yaml`, when the KubeSphere rules read it: its first
/// document is a mapping, or null (or absent) with no syntax error (an empty struct to Go).
pub(super) fn check(file: &YamlFile<'_>, out: &mut Vec<Diagnostic>) {
    let Some(second) = file.stream.documents.get(1) else { return };
    let read = match file.root() {
        Some(root) if !root.is_null() => root.is_mapping(),
        _ => file.stream.error.is_none(),
    };
    if read {
        out.push(file.file.report(&Documents { count: file.stream.documents.len() }, Span::at(second.span.start)));
    }
}
