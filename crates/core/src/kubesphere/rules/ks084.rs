//! KS084: no images listed (ks-extensions CI and `ksbuilder lint` use them). Docs:
//! `docs/rules/KS084.md` and `docs/rules/zh/KS084.md`; fixture: `tests/fixtures/KS084/`.

use super::field;
use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS084's declaration.
    pub static KS084: Info, Kubesphere, None, "`images` is empty or missing."
);

/// What KS084 finds: `images` lists no image.
#[derive(Debug)]
pub struct NoImages;

impl Violation for NoImages {
    const RULE: &'static Rule = &KS084;

    fn message(&self) -> Message {
        crate::msg!("ks084-message")
    }

    fn help(&self) -> Message {
        crate::msg!("ks084-help")
    }
}

/// Checks `images` in `extension.yaml` (`root`).
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let entry = field(root, "images");
    if entry.is_some_and(|e| e.value.items().iter().any(|i| i.as_str().is_some_and(|s| !s.is_empty()))) {
        return;
    }
    let span = entry.map_or(Span::at(root.span.start), |e| e.key.span);
    out.push(file.file.report(&NoImages, span));
}
