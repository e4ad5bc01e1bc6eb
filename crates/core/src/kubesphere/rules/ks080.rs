//! KS080: the package as `ksbuilder push` would upload it must stay under 1 MB
//! (kubesphere.md §2.5: "after the replacement, the package must not exceed 1 MB, or the
//! submission fails"; also the 1 MiB ConfigMap limit of `ksbuilder publish`, §2.4). Docs:
//! `docs/rules/KS080.md` and `docs/rules/zh/KS080.md`; fixture: `tests/fixtures/KS080/`.

use std::collections::BTreeMap;

use super::{field, string_field};
use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::package::human_bytes;
use crate::package::write::{Order, write_tgz};
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS080's declaration.
    pub static KS080: Warning, Kubesphere, None, "The package is over 1 MB as it would be pushed."
);

/// What KS080 finds: the pushed package would be `size` bytes, over [`PUSH_LIMIT_BYTES`].
#[derive(Debug)]
pub struct PushedSize {
    /// The size in bytes of the `.tgz` `ksbuilder push` would upload ([`pushed_size`]).
    pub size: u64,
}

impl Violation for PushedSize {
    const RULE: &'static Rule = &KS080;

    fn message(&self) -> Message {
        crate::msg!("ks080-message", size = human_bytes(self.size))
    }

    fn help(&self) -> Message {
        crate::msg!("ks080-help")
    }
}

/// KubeSphere Cloud's limit: 1 MB (10^6 bytes).
pub const PUSH_LIMIT_BYTES: u64 = 1_000_000;

/// The size in bytes of the `.tgz` that `ksbuilder push` would upload: the package without
/// `staticFileDirectory` and without the local icon and screenshots (uploaded separately and
/// replaced by URLs), with a data-URL icon in Chart.yaml replaced by a URL.
pub fn pushed_size(ctx: &Ctx<'_>, root: &Node, name: &str) -> u64 {
    let static_dir = string_field(root, "staticFileDirectory")
        .map(|(d, _)| format!("{}/", d.trim_start_matches("./").trim_end_matches('/')));
    let mut uploaded: Vec<String> = Vec::new();
    if let Some((icon, _)) = string_field(root, "icon") {
        uploaded.push(icon.trim_start_matches("./").to_string());
    }
    if let Some(e) = field(root, "screenshots") {
        uploaded
            .extend(e.value.items().iter().filter_map(Node::as_str).map(|s| s.trim_start_matches("./").to_string()));
    }
    let files: BTreeMap<String, Vec<u8>> = ctx
        .package
        .files
        .iter()
        .filter(|(p, _)| static_dir.as_ref().is_none_or(|d| !p.starts_with(d.as_str())) && !uploaded.contains(p))
        .map(|(p, b)| {
            if p == "Chart.yaml" {
                (p.clone(), without_data_icon(ctx).unwrap_or_else(|| b.clone()))
            } else {
                (p.clone(), b.clone())
            }
        })
        .collect();
    write_tgz(&files, name, Order::Helm).len() as u64
}

/// Chart.yaml with a `data:` icon replaced by a short URL, as after `ksbuilder push`.
fn without_data_icon(ctx: &Ctx<'_>) -> Option<Vec<u8>> {
    let chart = ctx.yaml("Chart.yaml")?;
    let icon = chart.root()?.get("icon")?;
    if !icon.as_str()?.starts_with("data:") {
        return None;
    }
    let text = chart.file.text;
    Some(format!("{}https://example.invalid/icon{}", &text[..icon.span.start], &text[icon.span.end..]).into_bytes())
}

/// Checks the size of the package as pushed (needs the whole package).
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some((name, node)) = string_field(root, "name") else { return };
    let size = pushed_size(ctx, root, name);
    if size <= PUSH_LIMIT_BYTES {
        return;
    }
    out.push(file.file.report(&PushedSize { size }, node.span));
}
