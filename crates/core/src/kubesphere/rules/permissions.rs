//! `permissions.yaml` (kubesphere.md §4): KS070–KS074.
//!
//! ks-core (`usesPermissions`, `pkg/controller/core/util.go`) decodes the file as a stream of
//! `rbacv1.Role` documents; only `kind: ClusterRole` and `kind: Role` count, and a decode error
//! silently stops parsing — the rules read so far are kept, and the Helm job later fails with
//! RBAC "forbidden" errors.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Ctx, YamlFile};
use crate::syntax::Span;
use crate::syntax::yaml::{Node, Value};

const FILE: &str = "permissions.yaml";

/// Dotless API groups that exist (`""` is the core group).
const DOTLESS_GROUPS: [&str; 7] = ["", "*", "apps", "batch", "autoscaling", "policy", "extensions"];

/// Resource names people put under `apiGroups` by mistake, with the group they belong to.
const RESOURCES: [(&str, &str); 24] = [
    ("customresourcedefinitions", "apiextensions.k8s.io"),
    ("pods", "\"\" (core)"),
    ("services", "\"\" (core)"),
    ("configmaps", "\"\" (core)"),
    ("secrets", "\"\" (core)"),
    ("namespaces", "\"\" (core)"),
    ("serviceaccounts", "\"\" (core)"),
    ("persistentvolumeclaims", "\"\" (core)"),
    ("events", "\"\" (core)"),
    ("nodes", "\"\" (core)"),
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

/// Resources whose write access is worth a second look (kubesphere.md §4, the dev-guide's
/// "justify sensitive resources").
const SENSITIVE: [&str; 6] = [
    "secrets",
    "rolebindings",
    "clusterrolebindings",
    "mutatingwebhookconfigurations",
    "validatingwebhookconfigurations",
    "*",
];
const WRITE_VERBS: [&str; 6] = ["*", "create", "update", "patch", "delete", "deletecollection"];

/// Runs KS070–KS074 on the package's `permissions.yaml`.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(file) = ctx.yaml(FILE) else {
        if ctx.complete() {
            out.push(Diagnostic::new(
                "KS071",
                Severity::Warning,
                crate::msg!("ks071-message"),
                crate::msg!("ks071-help"),
            ));
        }
        return;
    };
    let mut rules_read = 0usize;
    for doc in &file.stream.documents {
        match decode(&file, doc, out) {
            Some(n) => rules_read += n,
            None => return, // ks-core stops at the first decode error
        }
    }
    if let Some(err) = &file.stream.error {
        out.push(file.file.diag(
            "KS070",
            Severity::Error,
            Span::at(err.offset),
            crate::msg!("ks070-message", error = err.message),
            crate::msg!("ks070-help", rules_read, plural = if rules_read == 1 { "" } else { "s" }),
        ));
    }
}

/// Checks one document as ks-core decodes it. Returns the number of rules it contributes, or
/// `None` when decoding fails (KS070 emitted; parsing stops).
fn decode(file: &YamlFile<'_>, doc: &Node, out: &mut Vec<Diagnostic>) -> Option<usize> {
    if doc.is_null() {
        return Some(0);
    }
    if !doc.is_mapping() {
        decode_error(file, doc.span, "the document is not a mapping", out);
        return None;
    }
    let kind = doc.get("kind");
    let kind_str = kind.and_then(Node::as_str);
    let rules = doc.get("rules");
    if let Some(rules) = rules.filter(|r| !r.is_null()) {
        if !rules.is_sequence() {
            decode_error(file, rules.span, "`rules` is not a list", out);
            return None;
        }
        for rule in rules.items() {
            if !rule.is_mapping() {
                decode_error(file, rule.span, "a rule is not a mapping", out);
                return None;
            }
            for key in ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"] {
                if let Some(list) = rule.get(key).filter(|l| !l.is_null())
                    && (!list.is_sequence() || list.items().iter().any(|i| !matches!(i.value, Value::Scalar { .. })))
                {
                    decode_error(file, list.span, &format!("`{key}` is not a list of strings"), out);
                    return None;
                }
            }
        }
    }
    match kind_str {
        Some("ClusterRole" | "Role") => {}
        other => {
            let span = kind.map_or(Span::at(doc.span.start), |k| k.span);
            out.push(file.file.diag(
                "KS072",
                Severity::Warning,
                span,
                match other {
                    Some(kind) => crate::msg!("ks072-message", kind),
                    None => crate::msg!("ks072-message-no-kind"),
                },
                crate::msg!("ks072-help"),
            ));
            return Some(0);
        }
    }
    let rules: &[Node] = rules.map_or(&[], Node::items);
    for rule in rules {
        api_groups(file, rule, out);
        broad(file, rule, kind_str == Some("ClusterRole"), out);
    }
    Some(rules.len())
}

fn decode_error(file: &YamlFile<'_>, span: Span, what: &str, out: &mut Vec<Diagnostic>) {
    out.push(file.file.diag(
        "KS070",
        Severity::Error,
        span,
        crate::msg!("ks070-message-not-rbac", what),
        crate::msg!("ks070-help-not-rbac"),
    ));
}

fn strings(rule: &Node, key: &str) -> Vec<(String, Span)> {
    rule.get(key)
        .map_or_else(Vec::new, |l| l.items().iter().filter_map(|i| Some((i.as_str()?.to_string(), i.span))).collect())
}

/// KS073: an `apiGroups` entry that is a resource name (e.g. deepseek's
/// `customresourcedefinitions`), or a dotless name that is not a real API group.
fn api_groups(file: &YamlFile<'_>, rule: &Node, out: &mut Vec<Diagnostic>) {
    for (group, span) in strings(rule, "apiGroups") {
        if group.contains('.') || DOTLESS_GROUPS.contains(&group.as_str()) {
            continue;
        }
        let hint = match RESOURCES.iter().find(|(r, _)| *r == group) {
            Some((_, real)) => format!(
                "`{group}` is a resource; it belongs to the API group {real}. Put it under `resources` and its group under `apiGroups`."
            ),
            None => format!(
                "API groups are DNS names such as `apps` or `networking.k8s.io`; `{group}` looks like a resource name. Put it under `resources`."
            ),
        };
        out.push(file.file.diag(
            "KS073",
            Severity::Warning,
            span,
            crate::msg!("ks073-message", group),
            crate::msg!("ks073-help", hint),
        ));
    }
}

/// KS074: every verb on every resource of every group, or write access to secrets, role
/// bindings or webhook configurations.
fn broad(file: &YamlFile<'_>, rule: &Node, cluster: bool, out: &mut Vec<Diagnostic>) {
    let verbs: Vec<String> = strings(rule, "verbs").into_iter().map(|(v, _)| v).collect();
    let groups: Vec<String> = strings(rule, "apiGroups").into_iter().map(|(g, _)| g).collect();
    let resources = strings(rule, "resources");
    let all = |v: &[String]| v.iter().any(|x| x == "*");
    let scope = if cluster { crate::msg!("ks074-scope-cluster") } else { crate::msg!("ks074-scope-namespace") };
    if all(&verbs) && all(&groups) && resources.iter().any(|(r, _)| r == "*") {
        out.push(file.file.diag(
            "KS074",
            Severity::Info,
            rule.span,
            crate::msg!("ks074-message", scope),
            crate::msg!("ks074-help"),
        ));
        return;
    }
    if !verbs.iter().any(|v| WRITE_VERBS.contains(&v.as_str())) {
        return;
    }
    for (resource, span) in resources {
        if SENSITIVE.contains(&resource.as_str()) && resource != "*" {
            out.push(file.file.diag(
                "KS074",
                Severity::Info,
                span,
                crate::msg!("ks074-message-sensitive-write", resource, scope),
                crate::msg!("ks074-help-sensitive-write"),
            ));
        }
    }
}
