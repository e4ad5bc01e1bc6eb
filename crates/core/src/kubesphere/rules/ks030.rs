//! KS030: every `dependencies[].name` has a subchart with that chart name in `charts/` (Helm
//! `CheckDependencies`: "found in Chart.yaml, but missing in charts/ directory";
//! kubesphere.md §1.6). Docs: `docs/rules/KS030.md` and `docs/rules/zh/KS030.md`; fixture:
//! `tests/fixtures/KS030/`.

use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS030's declaration.
    pub static KS030: Error, Kubesphere, None, "A `dependencies[]` entry has no subchart in `charts/`."
);

/// What KS030 finds: dependency `name` has no subchart; `available` are the chart names in
/// `charts/`.
#[derive(Debug)]
pub struct MissingSubchart<'a> {
    /// The dependency's name.
    pub name: &'a str,
    /// The subcharts' chart names.
    pub available: Vec<&'a str>,
}

impl Violation for MissingSubchart<'_> {
    const RULE: &'static Rule = &KS030;

    fn message(&self) -> Message {
        let available = if self.available.is_empty() {
            crate::msg!("ks030-no-subcharts")
        } else {
            let names: Vec<String> = self.available.iter().map(|n| format!("`{n}`")).collect();
            crate::msg!("ks030-subcharts", names = names.join(", "))
        };
        crate::msg!("ks030-message", name = self.name, available)
    }

    fn help(&self) -> Message {
        crate::msg!("ks030-help", name = self.name)
    }
}

/// Checks each dependency of `deps` against `subcharts` (chart name, path).
pub(super) fn check(file: &YamlFile<'_>, deps: &[Node], subcharts: &[(String, String)], out: &mut Vec<Diagnostic>) {
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
        let available = subcharts.iter().map(|(n, _)| n.as_str()).collect();
        out.push(file.file.report(&MissingSubchart { name, available }, name_node.span));
    }
}
