//! RC003: the `pkg/<folder>` folder must be named like the package: the bundle is built and
//! named after the folder, but requested by `name` (rancher.md §1 `name`, §6.8). Docs:
//! `docs/rules/RC003.md` and `docs/rules/zh/RC003.md`; fixture: `tests/fixtures/RC003/`.

use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, JsonFile};
use crate::i18n::Message;
use crate::syntax::json::JsonNode;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC003's declaration.
    pub static RC003: Error, Rancher, None, "The `pkg/<folder>` name differs from `name`."
);

/// What RC003 finds.
#[derive(Debug)]
pub struct FolderName<'a> {
    /// The folder under `pkg/`.
    pub folder: &'a str,
    /// package.json `name`.
    pub name: &'a str,
}

impl Violation for FolderName<'_> {
    const RULE: &'static Rule = &RC003;

    fn message(&self) -> Message {
        crate::msg!("rc003-message", folder = self.folder, name = self.name)
    }

    fn help(&self) -> Message {
        crate::msg!("rc003-help", folder = self.folder, name = self.name)
    }
}

/// Checks package.json `name` (`root`) against the package's folder.
pub(super) fn check(ctx: &Ctx<'_>, file: &JsonFile<'_>, root: &JsonNode, out: &mut Vec<Diagnostic>) {
    let (Some(folder), Some(m)) = (ctx.folder_name(), root.member("name")) else { return };
    let Some(name) = m.value.as_str().filter(|n| !n.is_empty()) else { return };
    if folder == name {
        return;
    }
    out.push(file.file.report(&FolderName { folder, name }, m.value.span));
}
