//! KS010: the extension name (kubesphere.md §5.1). Docs: `docs/rules/KS010.md` and
//! `docs/rules/zh/KS010.md`; fixture: `tests/fixtures/KS010/`.

use super::{field, string_field};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::k8s;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS010's declaration.
    pub static KS010: Error, Kubesphere, None, "`name` is not a valid extension name, or is too long."
);

/// What KS010 finds.
#[derive(Debug)]
pub enum ExtensionName<'a> {
    /// Not a DNS-1123 label: ks-core skips the extension (error).
    Invalid {
        /// The name.
        name: &'a str,
        /// Why, from [`k8s::label_problem`].
        problem: Message,
    },
    /// Longer than the executor's job names allow (warning): 35 characters with
    /// `installationMode: Multicluster`, 41 otherwise.
    Long {
        /// The name.
        name: &'a str,
        /// Whether the extension installs an agent per member cluster.
        multicluster: bool,
    },
    /// Within the executor's limits but over the developer guide's 32 characters (warning).
    OverGuide {
        /// The name.
        name: &'a str,
    },
}

impl Violation for ExtensionName<'_> {
    const RULE: &'static Rule = &KS010;

    fn severity(&self) -> Severity {
        match self {
            ExtensionName::Invalid { .. } => Severity::Error,
            ExtensionName::Long { .. } | ExtensionName::OverGuide { .. } => Severity::Warning,
        }
    }

    fn message(&self) -> Message {
        match *self {
            ExtensionName::Invalid { name, ref problem } => {
                crate::msg!("ks010-message", name, problem = problem.clone())
            }
            ExtensionName::Long { name, multicluster } => {
                crate::msg!("ks010-message-long", name, length = name.len(), limit = limit(multicluster))
            }
            ExtensionName::OverGuide { name } => crate::msg!("ks010-message-over-guide", name, length = name.len()),
        }
    }

    fn help(&self) -> Message {
        match self {
            ExtensionName::Invalid { .. } => crate::msg!("ks010-help"),
            ExtensionName::Long { multicluster: true, .. } => crate::msg!("ks010-help-long-multicluster"),
            ExtensionName::Long { multicluster: false, .. } => crate::msg!("ks010-help-long"),
            ExtensionName::OverGuide { .. } => crate::msg!("ks010-help-over-guide"),
        }
    }
}

/// The longest name whose executor job names stay within 63 characters: the agent release
/// `{name}-agent` in `helm-install-{release}-xxxxxx` with `Multicluster`, else
/// `helm-uninstall-{release}-xxxxxx`.
fn limit(multicluster: bool) -> usize {
    if multicluster { 35 } else { 41 }
}

/// Checks `name` in `extension.yaml` (`root` is its mapping).
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some((name, node)) = string_field(root, "name") else {
        return;
    };
    let finding = if let Some(problem) = k8s::label_problem(name) {
        ExtensionName::Invalid { name, problem }
    } else {
        let multicluster = field(root, "installationMode").and_then(|e| e.value.as_str()) == Some("Multicluster");
        if name.len() > limit(multicluster) {
            ExtensionName::Long { name, multicluster }
        } else if name.len() > 32 {
            ExtensionName::OverGuide { name }
        } else {
            return;
        }
    };
    out.push(file.file.report(&finding, node.span));
}
