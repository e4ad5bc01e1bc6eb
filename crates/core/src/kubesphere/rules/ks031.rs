//! KS031: a subchart in `charts/` that `dependencies` does not list (ksbuilder lint: "chart
//! metadata is missing these dependencies"; kubesphere.md §1.6). The unsafe fix adds
//! `- name: <chart>`, to extension.yaml and, in a packaged extension, to the packaged Chart.yaml
//! when that does not list it either (Helm and `ksbuilder lint` read Chart.yaml; fixing only
//! extension.yaml would leave the two differing, KS034). Docs: `docs/rules/KS031.md` and
//! `docs/rules/zh/KS031.md`; fixture: `tests/fixtures/KS031/`.

use super::field;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Ctx, YamlFile};
use crate::edit;
use crate::i18n::Message;
use crate::syntax::yaml::{self, Node};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS031's declaration.
    pub static KS031: Warning, Kubesphere, Unsafe, "A subchart in `charts/` is not listed in `dependencies`."
);

/// What KS031 finds: the subchart `name` at `path` is not listed.
#[derive(Debug)]
pub struct UnlistedSubchart<'a> {
    /// The subchart's chart name.
    pub name: &'a str,
    /// Its folder in the package.
    pub path: &'a str,
}

impl Violation for UnlistedSubchart<'_> {
    const RULE: &'static Rule = &KS031;

    fn message(&self) -> Message {
        crate::msg!("ks031-message", name = self.name, path = self.path)
    }

    fn help(&self) -> Message {
        crate::msg!("ks031-help", name = self.name)
    }
}

/// The edit that appends `- name: <name>` to the `dependencies` of the YAML mapping `root` in
/// `f` (after the last entry, at its indentation, or as a new `dependencies:` at the end);
/// `None` when `dependencies` is not a list this can extend.
fn add_dependency(f: &crate::document::TextFile<'_>, root: &Node, name: &str) -> Option<crate::diagnostic::Edit> {
    match field(root, "dependencies") {
        Some(entry) if entry.value.is_sequence() && !entry.value.items().is_empty() => {
            let last = entry.value.items().last().expect("non-empty");
            let dash = f.text[..last.span.start].rfind('-').unwrap_or(last.span.start);
            let dash_indent = dash - f.text[..dash].rfind('\n').map_or(0, |i| i + 1);
            let at = edit::line_end(f.text, last.span.end);
            Some(f.edit(
                crate::syntax::Span::at(at),
                format!(
                    "{}{}- name: {}",
                    edit::newline(f.text),
                    " ".repeat(dash_indent),
                    yaml::scalar_token(name, yaml::ScalarStyle::Plain)
                ),
            ))
        }
        Some(_) => None,
        None => Some(crate::diagnostic::Edit::insert(
            f.path,
            f.text.len(),
            format!(
                "{}dependencies:{nl}  - name: {}{nl}",
                if f.text.ends_with('\n') || f.text.is_empty() { "" } else { edit::newline(f.text) },
                yaml::scalar_token(name, yaml::ScalarStyle::Plain),
                nl = edit::newline(f.text)
            ),
        )),
    }
}

/// Checks the subcharts `subcharts` (chart name, path) against the dependencies `deps` of
/// `extension.yaml` (`root`).
pub(super) fn check(
    ctx: &Ctx<'_>,
    file: &YamlFile<'_>,
    root: &Node,
    deps: &[Node],
    subcharts: &[(String, String)],
    out: &mut Vec<Diagnostic>,
) {
    let listed: Vec<&str> = deps.iter().filter_map(|d| d.get("name").and_then(Node::as_str)).collect();
    let packaged_chart = ctx.yaml("Chart.yaml");
    for (name, path) in subcharts {
        if listed.contains(&name.as_str()) {
            continue;
        }
        let f = &file.file;
        let fix = add_dependency(f, root, name).map(|edit| {
            let mut edits = vec![edit];
            if let Some(chart) = packaged_chart.as_ref()
                && let Some(chart_root) = chart.root().filter(|r| r.is_mapping())
            {
                let listed_there = field(chart_root, "dependencies").is_some_and(|e| {
                    e.value.items().iter().any(|d| d.get("name").and_then(Node::as_str) == Some(name))
                });
                if !listed_there && let Some(chart_edit) = add_dependency(&chart.file, chart_root, name) {
                    edits.push(chart_edit);
                }
            }
            edits
        });
        let span = field(root, "dependencies").map_or(crate::syntax::Span::at(root.span.start), |e| e.key.span);
        let mut d = f.report(&UnlistedSubchart { name, path }, span);
        if let Some(edits) = fix {
            let title = if edits.len() > 1 {
                crate::msg!("ks031-fix-both", name = name.as_str())
            } else {
                crate::msg!("ks031-fix", name = name.as_str())
            };
            d = d.with_fix(Fix::unsafe_(title, edits));
        }
        out.push(d);
    }
}
