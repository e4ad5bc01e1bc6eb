//! KS020: a local `icon` exists in the package (kubesphere.md §1.5; `ksbuilder package` fails
//! with "no such file or directory"). Docs: `docs/rules/KS020.md` and
//! `docs/rules/zh/KS020.md`; fixture: `tests/fixtures/KS020/`.

use super::media::is_image_path;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::syntax::yaml::{self, Node, ScalarStyle};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS020's declaration.
    pub static KS020: Error, Kubesphere, Unsafe, "`icon` names a local file that is not in the package."
);

/// What KS020 finds: `icon` names a file the package lacks.
#[derive(Debug)]
pub struct MissingIcon<'a> {
    /// The icon value.
    pub icon: &'a str,
    /// True in a packaged extension (Chart.yaml beside extension.yaml): ksbuilder is past and
    /// ks-core keeps the path, so only the card's image is broken (warning). In a source
    /// folder `ksbuilder package` fails (error).
    pub packaged: bool,
}

impl Violation for MissingIcon<'_> {
    const RULE: &'static Rule = &KS020;

    fn severity(&self) -> Severity {
        if self.packaged { Severity::Warning } else { Severity::Error }
    }

    fn message(&self) -> Message {
        crate::msg!("ks020-message", icon = self.icon)
    }

    fn help(&self) -> Message {
        crate::msg!("ks020-help")
    }
}

/// Reports the local icon `icon` (its node `node`), known to be missing; when the package has
/// exactly one image outside `templates/` and `charts/`, an unsafe fix points `icon` at it.
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, node: &Node, icon: &str, out: &mut Vec<Diagnostic>) {
    let candidates: Vec<&str> = ctx
        .package
        .files
        .keys()
        .map(String::as_str)
        .filter(|p| !p.starts_with("charts/") && !p.starts_with("templates/"))
        .filter(|p| is_image_path(p))
        .collect();
    let packaged = ctx.package.contains("Chart.yaml");
    let mut d = file.file.report(&MissingIcon { icon, packaged }, node.span);
    if let [only] = candidates.as_slice() {
        let value = format!("./{only}");
        let token = yaml::scalar_token(&value, node.style().unwrap_or(ScalarStyle::Plain));
        d = d.with_fix(Fix::unsafe_(
            crate::msg!("ks020-fix", value = value.as_str()),
            vec![file.file.edit(node.span, token)],
        ));
    }
    out.push(d);
}
