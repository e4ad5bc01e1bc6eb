//! KS013: the archive's top folder is the extension name (ksbuilder's readers look for
//! `{name}/extension.yaml`). Docs: `docs/rules/KS013.md` and `docs/rules/zh/KS013.md`;
//! fixture: `tests/fixtures/KS013/`.

use super::string_field;
use crate::diagnostic::{Diagnostic, FileOperation, Fix};
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::k8s;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS013's declaration.
    pub static KS013: Error, Kubesphere, Safe, "The archive's top folder is not the extension `name`."
);

/// What KS013 finds: the archive's top folder `top` differs from the extension name `name`.
#[derive(Debug)]
pub struct TopFolder<'a> {
    /// The archive's top folder.
    pub top: &'a str,
    /// The extension name.
    pub name: &'a str,
}

impl Violation for TopFolder<'_> {
    const RULE: &'static Rule = &KS013;

    fn message(&self) -> Message {
        crate::msg!("ks013-message", top = self.top, name = self.name)
    }

    fn help(&self) -> Message {
        crate::msg!("ks013-help", name = self.name)
    }
}

/// Checks the archive's top folder against `name` in `extension.yaml` (`root` is its
/// mapping); an invalid name is KS010's.
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let (Some(top), Some((name, node))) = (ctx.top_folder, string_field(root, "name")) else {
        return;
    };
    if top == name || k8s::label_problem(name).is_some() {
        return;
    }
    out.push(
        file.file.report(&TopFolder { top, name }, node.span).with_fix(
            Fix::safe(crate::msg!("ks013-fix", name), vec![])
                .with_operations(vec![FileOperation::RenameRoot { to: name.to_string() }]),
        ),
    );
}
