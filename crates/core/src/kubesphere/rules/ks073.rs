//! KS073: an `apiGroups` entry that is a resource name (e.g. deepseek's
//! `customresourcedefinitions`), or a dotless name that is not a real API group
//! (kubesphere.md §4). Docs: `docs/rules/KS073.md` and `docs/rules/zh/KS073.md`; fixture:
//! `tests/fixtures/KS073/`.

use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS073's declaration.
    pub static KS073: Warning, Kubesphere, None, "An `apiGroups` entry that looks like a resource name."
);

/// Dotless API groups that exist (`""` is the core group).
const DOTLESS_GROUPS: [&str; 7] = ["", "*", "apps", "batch", "autoscaling", "policy", "extensions"];

/// Resource names people put under `apiGroups` by mistake, with the group they belong to
/// (`""` for the core group).
const RESOURCES: [(&str, &str); 24] = [
    ("customresourcedefinitions", "apiextensions.k8s.io"),
    ("pods", ""),
    ("services", ""),
    ("configmaps", ""),
    ("secrets", ""),
    ("namespaces", ""),
    ("serviceaccounts", ""),
    ("persistentvolumeclaims", ""),
    ("events", ""),
    ("nodes", ""),
    ("deployments", "apps"),
    ("statefulsets", "apps"),
    ("daemonsets", "apps"),
    ("replicasets", "apps"),
    ("jobs", "batch"),
    ("cronjobs", "batch"),
    ("ingresses", "networking.k8s.io"),
    ("networkpolicies", "networking.k8s.io"),
    ("roles", "rbac.authorization.k8s.io"),
    ("rolebindings", "rbac.authorization.k8s.io"),
    ("clusterroles", "rbac.authorization.k8s.io"),
    ("clusterrolebindings", "rbac.authorization.k8s.io"),
    ("mutatingwebhookconfigurations", "admissionregistration.k8s.io"),
    ("validatingwebhookconfigurations", "admissionregistration.k8s.io"),
];

/// What KS073 finds.
#[derive(Debug)]
pub struct NotApiGroup<'a> {
    /// The `apiGroups` entry.
    pub group: &'a str,
    /// The API group the resource `group` belongs to (`""` for the core group), when it is a
    /// known resource name.
    pub belongs_to: Option<&'static str>,
}

impl Violation for NotApiGroup<'_> {
    const RULE: &'static Rule = &KS073;

    fn message(&self) -> Message {
        crate::msg!("ks073-message", group = self.group)
    }

    fn help(&self) -> Message {
        let group = self.group;
        let hint = match self.belongs_to {
            Some("") => crate::msg!("ks073-hint-core-resource", group),
            Some(real) => crate::msg!("ks073-hint-resource", group, real),
            None => crate::msg!("ks073-hint-not-group", group),
        };
        crate::msg!("ks073-help", hint)
    }
}

/// Checks the `apiGroups` entries of one rule, as (text, span).
pub(super) fn check(file: &YamlFile<'_>, groups: &[(String, Span)], out: &mut Vec<Diagnostic>) {
    for (group, span) in groups {
        if group.contains('.') || DOTLESS_GROUPS.contains(&group.as_str()) {
            continue;
        }
        let belongs_to = RESOURCES.iter().find(|(r, _)| r == group).map(|(_, real)| *real);
        out.push(file.file.report(&NotApiGroup { group, belongs_to }, *span));
    }
}
