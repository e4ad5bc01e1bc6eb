//! KS034: a packaged Chart.yaml whose `dependencies` (names and tags) differ from
//! extension.yaml's. Helm reads only Chart.yaml: its tags decide which subcharts the host and
//! agent releases install, and a subchart it does not list is rendered in every release
//! (`helm/helm:pkg/chartutil/dependencies.go` `ProcessDependencies`; kubesphere.md §1.6).
//! Docs: `docs/rules/KS034.md` and `docs/rules/zh/KS034.md`; fixture: `tests/fixtures/KS034/`.

use super::regenerate_chart;
use crate::diagnostic::Diagnostic;
use crate::document::Ctx;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS034's declaration.
    pub static KS034: Warning, Kubesphere, Unsafe, "Packaged Chart.yaml `dependencies` differ from extension.yaml's."
);

/// What KS034 finds: the dependencies only extension.yaml lists (`missing`) and those only
/// Chart.yaml lists (`extra`), each as `` `name` [tags] `` joined with `, `, at least one
/// non-empty.
#[derive(Debug)]
pub struct PackagedDependencies {
    /// Listed in extension.yaml, not in Chart.yaml.
    pub missing: String,
    /// Listed in Chart.yaml, not in extension.yaml.
    pub extra: String,
}

impl Violation for PackagedDependencies {
    const RULE: &'static Rule = &KS034;

    fn message(&self) -> Message {
        let (missing, extra) = (self.missing.as_str(), self.extra.as_str());
        match (missing.is_empty(), extra.is_empty()) {
            (false, true) => crate::msg!("ks034-message-lacks", missing),
            (true, false) => crate::msg!("ks034-message-has", extra),
            _ => crate::msg!("ks034-message", missing, extra),
        }
    }

    fn help(&self) -> Message {
        crate::msg!("ks034-help")
    }
}

/// Each `dependencies` entry of a mapping as `name [tags]`, sorted.
fn dependency_keys(root: &Node) -> Vec<String> {
    let items: &[Node] = root.get("dependencies").map_or(&[], Node::items);
    let mut out: Vec<String> = items
        .iter()
        .filter_map(|d| {
            let name = d.get("name")?.as_str()?;
            let mut tags: Vec<&str> =
                d.get("tags").map_or(&[][..], Node::items).iter().filter_map(Node::as_str).collect();
            tags.sort_unstable();
            Some(if tags.is_empty() { format!("`{name}`") } else { format!("`{name}` [{}]", tags.join(", ")) })
        })
        .collect();
    out.sort();
    out
}

/// Compares the packaged Chart.yaml's `dependencies` with extension.yaml's (`root`).
pub(super) fn check(ctx: &Ctx<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(chart) = ctx.yaml("Chart.yaml") else { return };
    let Some(chart_root) = chart.root().filter(|r| r.is_mapping()) else { return };
    let (ext, packaged) = (dependency_keys(root), dependency_keys(chart_root));
    if ext == packaged {
        return;
    }
    let only = |a: &[String], b: &[String]| a.iter().filter(|k| !b.contains(k)).cloned().collect::<Vec<_>>().join(", ");
    let finding = PackagedDependencies { missing: only(&ext, &packaged), extra: only(&packaged, &ext) };
    let span = chart_root.entry("dependencies").map_or(Span::at(chart_root.span.start), |e| e.key.span);
    let d = chart.file.report(&finding, span);
    out.push(match regenerate_chart(ctx, false) {
        Some(fix) => d.with_fix(fix),
        None => d,
    });
}
