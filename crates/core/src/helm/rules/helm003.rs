//! HELM003: a Chart.yaml `dependencies[]` entry without a subchart of that name in the chart's
//! `charts/` (Helm `CheckDependencies`, run by `helm install` and `helm upgrade`). Docs:
//! `docs/rules/HELM003.md` and `docs/rules/zh/HELM003.md`; fixture: `tests/fixtures/HELM003/`.

use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// HELM003's declaration.
    pub static HELM003: Error, Helm, None, "A Chart.yaml `dependencies[]` entry has no subchart in `charts/`."
);

/// What HELM003 finds.
#[derive(Debug)]
pub struct MissingSubchart<'a> {
    /// The dependency's name.
    pub name: &'a str,
    /// The folder it is missing from (`charts/`, `charts/sub/charts/`).
    pub charts_dir: String,
}

impl Violation for MissingSubchart<'_> {
    const RULE: &'static Rule = &HELM003;

    fn message(&self) -> Message {
        crate::msg!("helm003-message", name = self.name, charts_dir = self.charts_dir)
    }

    fn help(&self) -> Message {
        crate::msg!("helm003-help", name = self.name, charts_dir = self.charts_dir)
    }
}

/// Checks the dependencies of the Chart.yaml in `dir` (`""` for the package's own).
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, dir: &str, out: &mut Vec<Diagnostic>) {
    let Some(deps) = root.get("dependencies") else { return };
    let subcharts = crate::helm::subcharts(ctx, dir);
    for dep in deps.items() {
        let Some(name_node) = dep.get("name") else { continue };
        let Some(name) = name_node.as_str() else { continue };
        if subcharts.iter().any(|(n, _)| n == name) {
            continue;
        }
        let charts_dir = if dir.is_empty() { "charts/".to_string() } else { format!("{dir}/charts/") };
        out.push(file.file.report(&MissingSubchart { name, charts_dir }, name_node.span));
    }
}
