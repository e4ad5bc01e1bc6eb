//! RC027: the UIPlugin needs an endpoint: values.yaml `plugin.endpoint` or
//! `plugin.compressedEndpoint`, or one written into `templates/cr.yaml` by older shells
//! (rancher.md §2 "Endpoints"; Gate C check 1 gives `plugins.error.generic`). Docs:
//! `docs/rules/RC027.md` and `docs/rules/zh/RC027.md`; fixture: `tests/fixtures/RC027/`.

use super::{has_endpoint, plugin_key_span};
use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC027's declaration.
    pub static RC027: Error, Rancher, None, "No plugin endpoint."
);

/// What RC027 finds: a chart without a plugin endpoint.
#[derive(Debug)]
pub struct NoEndpoint;

impl Violation for NoEndpoint {
    const RULE: &'static Rule = &RC027;

    fn message(&self) -> Message {
        crate::msg!("rc027-message")
    }

    fn help(&self) -> Message {
        crate::msg!("rc027-help")
    }
}

/// Checks that the chart's UIPlugin gets an endpoint (reported on values.yaml, when present).
pub(super) fn check(ctx: &Ctx<'_>, values: Option<&YamlFile<'_>>, out: &mut Vec<Diagnostic>) {
    if has_endpoint(ctx) {
        return;
    }
    let Some(v) = values else { return };
    out.push(v.file.report(&NoEndpoint, plugin_key_span(v).unwrap_or(Span::at(0))));
}
