//! KS074: broad permissions: every verb on every resource of every group, or write access to
//! secrets, role bindings or webhook configurations (kubesphere.md §4, the developer guide's
//! "justify sensitive resources"). Docs: `docs/rules/KS074.md` and `docs/rules/zh/KS074.md`;
//! fixture: `tests/fixtures/KS074/`.

use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS074's declaration.
    pub static KS074: Info, Kubesphere, None, "Broad permissions."
);

/// Resources whose write access is worth a second look.
const SENSITIVE: [&str; 6] = [
    "secrets",
    "rolebindings",
    "clusterrolebindings",
    "mutatingwebhookconfigurations",
    "validatingwebhookconfigurations",
    "*",
];
const WRITE_VERBS: [&str; 6] = ["*", "create", "update", "patch", "delete", "deletecollection"];

/// What KS074 finds; `cluster` is true for a `ClusterRole` rule, false for a `Role` rule.
#[derive(Debug)]
pub enum Broad<'a> {
    /// Every verb on every resource of every group.
    Everything {
        /// ClusterRole (cluster-wide) or Role (the extension's namespace).
        cluster: bool,
    },
    /// Write access to a sensitive resource.
    SensitiveWrite {
        /// The resource.
        resource: &'a str,
        /// ClusterRole (cluster-wide) or Role (the extension's namespace).
        cluster: bool,
    },
}

fn scope(cluster: bool) -> Message {
    if cluster { crate::msg!("ks074-scope-cluster") } else { crate::msg!("ks074-scope-namespace") }
}

impl Violation for Broad<'_> {
    const RULE: &'static Rule = &KS074;

    fn message(&self) -> Message {
        match *self {
            Broad::Everything { cluster } => crate::msg!("ks074-message", scope = scope(cluster)),
            Broad::SensitiveWrite { resource, cluster } => {
                crate::msg!("ks074-message-sensitive-write", resource, scope = scope(cluster))
            }
        }
    }

    fn help(&self) -> Message {
        match self {
            Broad::Everything { .. } => crate::msg!("ks074-help"),
            Broad::SensitiveWrite { .. } => crate::msg!("ks074-help-sensitive-write"),
        }
    }
}

/// Checks one rule (`span` is the rule's) given its verbs, API groups and resources.
pub(super) fn check(
    file: &YamlFile<'_>,
    span: Span,
    verbs: &[(String, Span)],
    groups: &[(String, Span)],
    resources: &[(String, Span)],
    cluster: bool,
    out: &mut Vec<Diagnostic>,
) {
    let all = |v: &[(String, Span)]| v.iter().any(|(x, _)| x == "*");
    if all(verbs) && all(groups) && all(resources) {
        out.push(file.file.report(&Broad::Everything { cluster }, span));
        return;
    }
    if !verbs.iter().any(|(v, _)| WRITE_VERBS.contains(&v.as_str())) {
        return;
    }
    for (resource, span) in resources {
        if SENSITIVE.contains(&resource.as_str()) && resource != "*" {
            out.push(file.file.report(&Broad::SensitiveWrite { resource, cluster }, *span));
        }
    }
}
