//! RC012: a misspelled annotation key (rancher.md §6.3: `ui-extension-version` in kubewarden
//! 2.0.0, `ui-extenstions-*` in Rancher 2.7.0's own code, `catalog.cattle.io/host` in the
//! docs). Docs: `docs/rules/RC012.md` and `docs/rules/zh/RC012.md`; fixture:
//! `tests/fixtures/RC012/`.

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::TextFile;
use crate::i18n::Message;
use crate::rancher::annotations::{self, Annotation};
use crate::syntax::json::string_literal;
use crate::syntax::yaml;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC012's declaration.
    pub static RC012: Warning, Rancher, Safe, "A misspelled annotation key."
);

/// What RC012 finds.
#[derive(Debug)]
pub struct Misspelled<'a> {
    /// The key as written.
    pub key: &'a str,
    /// The key it was meant to be.
    pub suggestion: &'a str,
}

impl Violation for Misspelled<'_> {
    const RULE: &'static Rule = &RC012;

    fn message(&self) -> Message {
        crate::msg!("rc012-message", key = self.key, suggestion = self.suggestion)
    }

    fn help(&self) -> Message {
        crate::msg!("rc012-help")
    }
}

/// Checks the keys of `list` (annotations read from `file`), offering the rename.
pub(super) fn check(file: &TextFile<'_>, list: &[Annotation], out: &mut Vec<Diagnostic>) {
    for a in list {
        let Some(suggestion) = annotations::suggest(&a.key) else {
            continue;
        };
        let replacement = if file.text.as_bytes().get(a.key_span.start) == Some(&b'"') {
            string_literal(suggestion)
        } else {
            yaml::scalar_token(suggestion, yaml::ScalarStyle::Plain)
        };
        out.push(
            file.report(&Misspelled { key: &a.key, suggestion }, a.key_span)
                .with_fix(Fix::safe(crate::msg!("rc012-fix", suggestion), vec![file.edit(a.key_span, replacement)])),
        );
    }
}
