//! RC020: the chart lacks `catalog.cattle.io/ui-component: plugins`, so the Extensions page
//! does not list it (rancher.md §2, `isUIPlugin`). Docs: `docs/rules/RC020.md` and
//! `docs/rules/zh/RC020.md`; fixture: `tests/fixtures/RC020/`.

use super::{annotation_edit, annotations_key_span};
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::rancher::annotations::Annotation;
use crate::syntax::Span;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC020's declaration.
    pub static RC020: Error, Rancher, Safe, "The chart lacks `catalog.cattle.io/ui-component: plugins`."
);

const KEY: &str = "catalog.cattle.io/ui-component";

/// What RC020 finds.
#[derive(Debug)]
pub enum UiComponent<'a> {
    /// The annotation has another value (`?` when it is not a string).
    Value(&'a str),
    /// The annotation is missing.
    Missing,
}

impl Violation for UiComponent<'_> {
    const RULE: &'static Rule = &RC020;

    fn message(&self) -> Message {
        match *self {
            UiComponent::Value(value) => crate::msg!("rc020-message-value", value),
            UiComponent::Missing => crate::msg!("rc020-message-missing"),
        }
    }

    fn help(&self) -> Message {
        crate::msg!("rc020-help")
    }
}

/// Checks Chart.yaml's annotations (`list`, read from `root`), offering to set the value.
pub(super) fn check(chart: &YamlFile<'_>, root: &Node, list: &[Annotation], out: &mut Vec<Diagnostic>) {
    let ui_component = list.iter().find(|a| a.key == KEY);
    if ui_component.and_then(|a| a.value.as_deref()) == Some("plugins") {
        return;
    }
    let (span, finding) = match ui_component {
        Some(a) => (a.value_span, UiComponent::Value(a.value.as_deref().unwrap_or("?"))),
        None => (annotations_key_span(root).unwrap_or(Span::at(root.span.start)), UiComponent::Missing),
    };
    let edit = annotation_edit(chart, root, KEY, "plugins");
    out.push(chart.file.report(&finding, span).with_fix(Fix::safe(crate::msg!("rc020-fix"), vec![edit])));
}
