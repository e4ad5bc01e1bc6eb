//! RC024: `noAuth: true`, in package.json `rancher` or values.yaml `plugin` (rancher.md §1,
//! §2): the extension loads before login. Docs: `docs/rules/RC024.md` and
//! `docs/rules/zh/RC024.md`; fixture: `tests/fixtures/RC024/`.

use crate::diagnostic::Diagnostic;
use crate::document::TextFile;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC024's declaration.
    pub static RC024: Warning, Rancher, None, "`noAuth: true`."
);

/// What RC024 finds: where `noAuth: true` is set.
#[derive(Debug, Clone, Copy)]
pub enum NoAuth {
    /// package.json `rancher.noAuth`.
    PackageJson,
    /// values.yaml `plugin.noAuth`.
    Values,
}

impl Violation for NoAuth {
    const RULE: &'static Rule = &RC024;

    fn message(&self) -> Message {
        let what = match self {
            NoAuth::PackageJson => "`rancher.noAuth: true`",
            NoAuth::Values => "values.yaml `plugin.noAuth: true`",
        };
        crate::msg!("rc024-message", what)
    }

    fn help(&self) -> Message {
        crate::msg!("rc024-help")
    }
}

/// The diagnostic of `finding` at `span` of `file`.
pub(super) fn report(file: &TextFile<'_>, span: Span, finding: NoAuth) -> Diagnostic {
    file.report(&finding, span)
}
