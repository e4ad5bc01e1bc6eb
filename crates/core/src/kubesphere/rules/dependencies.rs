//! Dependencies and their subcharts (kubesphere.md §1.6): KS030–KS033.
//!
//! The Helm executor installs the main chart on the host with `tags.extension=true` and
//! `tags.agent=false`; with `installationMode: Multicluster` a second release `{name}-agent`
//! goes to each selected cluster with `tags.agent=true` and `tags.extension=false`
//! (`installplan_controller.go` `getOverrides`).

use super::field;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Ctx, YamlFile};
use crate::edit;
use crate::syntax::yaml::{self, Node};

/// Runs KS030–KS033. KS030 and KS031 need the whole package.
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let deps: &[Node] = field(root, "dependencies").map_or(&[], |e| e.value.items());
    tags(file, root, deps, out);
    if ctx.complete() {
        let subcharts = crate::helm::subcharts(ctx, "");
        missing_subcharts(file, deps, &subcharts, out);
        unlisted_subcharts(ctx, file, root, deps, &subcharts, out);
    }
}

/// KS030: every `dependencies[].name` needs a subchart with that chart name in `charts/`
/// (Helm `CheckDependencies`: "found in Chart.yaml, but missing in charts/ directory").
fn missing_subcharts(file: &YamlFile<'_>, deps: &[Node], subcharts: &[(String, String)], out: &mut Vec<Diagnostic>) {
    for dep in deps {
        let Some(name_node) = dep.get("name") else {
            continue;
        };
        let Some(name) = name_node.as_str() else {
            continue;
        };
        if subcharts.iter().any(|(n, _)| n == name) {
            continue;
        }
        let available: Vec<String> = subcharts.iter().map(|(n, _)| format!("`{n}`")).collect();
        let available = if available.is_empty() {
            "there are no subcharts".to_string()
        } else {
            format!("the subcharts are {}", available.join(", "))
        };
        out.push(file.file.diag(
            "KS030",
            Severity::Error,
            name_node.span,
            crate::msg!("ks030-message", name, available),
            crate::msg!("ks030-help", name),
        ));
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

/// KS031: a subchart in `charts/` that `dependencies` does not list (ksbuilder lint: "chart
/// metadata is missing these dependencies"). The unsafe fix adds `- name: <chart>`, to
/// extension.yaml and, in a packaged extension, to the packaged Chart.yaml when that does not
/// list it either (Helm and `ksbuilder lint` read Chart.yaml; fixing only extension.yaml would
/// leave the two differing, KS034).
fn unlisted_subcharts(
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
        let mut d = f.diag(
            "KS031",
            Severity::Warning,
            span,
            crate::msg!("ks031-message", name, path),
            crate::msg!("ks031-help", name),
        );
        if let Some(edits) = fix {
            let also = if edits.len() > 1 { " (extension.yaml and the packaged Chart.yaml)" } else { "" };
            d = d.with_fix(Fix::unsafe_(format!("Add `- name: {name}` to `dependencies`{also}"), edits));
        }
        out.push(d);
    }
}

/// The tags of a dependency entry.
fn tags_of(dep: &Node) -> Vec<&str> {
    dep.get("tags").map_or_else(Vec::new, |t| t.items().iter().filter_map(Node::as_str).collect())
}

/// KS032 (HostOnly with an agent-only dependency: never deployed) and KS033 (Multicluster
/// with an untagged dependency: installed by both releases).
fn tags(file: &YamlFile<'_>, root: &Node, deps: &[Node], out: &mut Vec<Diagnostic>) {
    let mode = field(root, "installationMode").and_then(|e| e.value.as_str()).unwrap_or("HostOnly");
    for dep in deps {
        let Some(name_node) = dep.get("name") else { continue };
        let name = name_node.as_str().unwrap_or("?");
        let tags = tags_of(dep);
        match mode {
            "HostOnly" if tags.contains(&"agent") && !tags.contains(&"extension") => out.push(file.file.diag(
                "KS032",
                Severity::Warning,
                name_node.span,
                crate::msg!("ks032-message", name),
                crate::msg!("ks032-help"),
            )),
            "Multicluster" if tags.is_empty() => out.push(file.file.diag(
                "KS033",
                Severity::Warning,
                name_node.span,
                crate::msg!("ks033-message", name),
                crate::msg!("ks033-help"),
            )),
            _ => {}
        }
    }
}
