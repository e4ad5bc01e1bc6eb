//! KubeSphere rules over `extension.yaml` (and the packaged `Chart.yaml` beside it).
//! Sources are cited per rule; section numbers refer to `kubesphere.md`.

use crate::diagnostic::{Diagnostic, FileOperation, Fix};
use crate::document::schema::{self, Strictness};
use crate::document::{Ctx, YamlFile};
use crate::syntax::Span;
use crate::syntax::yaml::{self, Node, Value};

pub mod ks001;
pub mod ks002;
pub mod ks003;
pub mod ks004;
pub mod ks005;
pub mod ks006;
pub mod ks010;
pub mod ks011;
pub mod ks012;
pub mod ks013;
pub mod ks020;
pub mod ks021;
pub mod ks022;
pub mod ks023;
pub mod ks024;
pub mod ks030;
pub mod ks031;
pub mod ks032;
pub mod ks033;
pub mod ks034;
pub mod ks040;
pub mod ks041;
pub mod ks042;
pub mod ks043;
pub mod ks060;
pub mod ks070;
pub mod ks071;
pub mod ks072;
pub mod ks073;
pub mod ks074;
pub mod ks080;
pub mod ks081;
pub mod ks082;
pub mod ks083;
pub mod ks084;
pub mod media;
mod permissions;

pub use media::{IMAGE_EXTENSIONS, is_url};

const FILE: &str = "extension.yaml";

/// Runs the KubeSphere rules on `ctx` (a package of kind KubeSphere).
pub fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(file) = ctx.yaml(FILE) else { return };
    // An empty or comment-only file, or a null document, decodes in Go (`sigs.k8s.io/yaml`
    // into ks-core's and ksbuilder's structs) as a struct with every field empty: each
    // required field is then reported missing.
    let empty = Node { span: Span::at(0), tag: None, value: Value::Mapping(Vec::new()) };
    let root = match file.root() {
        Some(root) if !root.is_null() => root,
        _ if file.stream.error.is_none() => &empty,
        _ => return,
    };
    if !root.is_mapping() {
        out.push(file.file.report(&ks001::RequiredField::NotMapping, root.span));
        return;
    }
    schema::check(&file.file, root, &schema::EXTENSION_YAML, Strictness::KsCore, out);
    ks001::check(&file, root, out);
    for key in ["displayName", "description", "provider"] {
        // KS001 reports a null value.
        if let Some(entry) = field(root, key).filter(|e| !e.value.is_null())
            && ks002::check(&file, key, entry, out)
        {
            ks003::check(&file, key, &entry.value, out);
            ks004::check(&file, key, entry, out);
        }
    }
    ks010::check(&file, root, out);
    ks011::check(&file, root, out);
    ks040::check(&file, root, out);
    ks012::check(ctx, &file, root, out);
    ks034::check(ctx, root, out);
    ks013::check(ctx, &file, root, out);
    ks005::check(&file, root, out);
    if let Some(entry) = field(root, "category")
        && let Some(value) = entry.value.as_str().filter(|v| !v.is_empty() && !entry.value.is_null())
        && ks041::check(&file, value, &entry.value, out)
    {
        ks042::check(&file, value, &entry.value, out);
    }
    ks043::check(&file, root, out);
    ks060::check(&file, root, out);
    ks081::check(&file, root, out);
    ks082::check(&file, root, out);
    ks083::check(&file, root, out);
    ks084::check(&file, root, out);
    let deps: &[Node] = field(root, "dependencies").map_or(&[], |e| e.value.items());
    check_tags(&file, root, deps, out);
    if ctx.complete() {
        let subcharts = crate::helm::subcharts(ctx, "");
        ks030::check(&file, deps, &subcharts, out);
        ks031::check(ctx, &file, root, deps, &subcharts, out);
    }
    if ctx.complete() {
        media::check(ctx, &file, root, out);
        ks006::check(ctx, &file, root, out);
        ks080::check(ctx, &file, root, out);
    }
    permissions::check(ctx, out);
}

/// The field Go binds to `key` (exact, else case-insensitive; SYN003 reports the case).
pub(super) fn field<'n>(root: &'n Node, key: &str) -> Option<&'n yaml::Entry> {
    root.entry_go(key)
}

/// A string field's value, when it is a non-empty scalar.
pub(super) fn string_field<'n>(root: &'n Node, key: &str) -> Option<(&'n str, &'n Node)> {
    let e = field(root, key)?;
    let s = e.value.as_str().filter(|s| !s.is_empty() && !e.value.is_null())?;
    Some((s, &e.value))
}

/// The fix KS012 and KS034 offer: regenerate Chart.yaml from extension.yaml, as `ksbuilder
/// package` does (`ToChartYaml`); safe or unsafe as the rule declares. `None` when
/// extension.yaml cannot be turned into a Chart.yaml.
fn regenerate_chart(ctx: &Ctx<'_>, safe: bool) -> Option<Fix> {
    let contents = crate::kubesphere::chart::generate(ctx.package)?;
    let title = crate::msg!("ks012-fix");
    let fix = if safe { Fix::safe(title, vec![]) } else { Fix::unsafe_(title, vec![]) };
    Some(fix.with_operations(vec![FileOperation::Write { path: "Chart.yaml".into(), contents }]))
}

/// KS032 (HostOnly with an agent-only dependency: never deployed) and KS033 (Multicluster with
/// an untagged dependency: installed by both releases). The Helm executor installs the main
/// chart on the host with `tags.extension=true` and `tags.agent=false`; with
/// `installationMode: Multicluster` a second release `{name}-agent` goes to each selected
/// cluster with `tags.agent=true` and `tags.extension=false` (`installplan_controller.go`
/// `getOverrides`; kubesphere.md §1.6).
fn check_tags(file: &YamlFile<'_>, root: &Node, deps: &[Node], out: &mut Vec<Diagnostic>) {
    let mode = field(root, "installationMode").and_then(|e| e.value.as_str()).unwrap_or("HostOnly");
    for dep in deps {
        let Some(name_node) = dep.get("name") else { continue };
        let name = name_node.as_str().unwrap_or("?");
        let tags: Vec<&str> =
            dep.get("tags").map_or_else(Vec::new, |t| t.items().iter().filter_map(Node::as_str).collect());
        match mode {
            "HostOnly" if tags.contains(&"agent") && !tags.contains(&"extension") => {
                out.push(file.file.report(&ks032::AgentOnHostOnly { name }, name_node.span));
            }
            "Multicluster" if tags.is_empty() => {
                out.push(file.file.report(&ks033::UntaggedOnMulticluster { name }, name_node.span));
            }
            _ => {}
        }
    }
}
