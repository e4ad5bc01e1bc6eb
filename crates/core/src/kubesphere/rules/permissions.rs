//! `permissions.yaml` (kubesphere.md §4): the walk that runs KS070–KS074 (each rule's
//! declaration and finding type is in its own file).
//!
//! ks-core (`usesPermissions`, `pkg/controller/core/util.go`) decodes the file as a stream of
//! `rbacv1.Role` documents; only `kind: ClusterRole` and `kind: Role` count, and a decode error
//! silently stops parsing — the rules read so far are kept, and the Helm job later fails with
//! RBAC "forbidden" errors.

use super::ks070::{DecodeProblem, Permissions};
use super::{ks071, ks072, ks073, ks074};
use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, YamlFile};
use crate::syntax::Span;
use crate::syntax::yaml::{Node, Value};
use crate::violation::Violation;

const FILE: &str = "permissions.yaml";

/// Runs KS070–KS074 on the package's `permissions.yaml`.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(file) = ctx.yaml(FILE) else {
        if ctx.complete() {
            out.push(ks071::NoPermissions.diagnostic());
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
        out.push(file.file.report(&Permissions::Syntax { error: &err.message, rules_read }, Span::at(err.offset)));
    }
}

/// Checks one document as ks-core decodes it. Returns the number of rules it contributes, or
/// `None` when decoding fails (KS070 emitted; parsing stops).
fn decode(file: &YamlFile<'_>, doc: &Node, out: &mut Vec<Diagnostic>) -> Option<usize> {
    let fail = |problem: DecodeProblem<'_>, span: Span, out: &mut Vec<Diagnostic>| {
        out.push(file.file.report(&Permissions::NotRbac(problem), span));
        None
    };
    if doc.is_null() {
        return Some(0);
    }
    if !doc.is_mapping() {
        return fail(DecodeProblem::NotMapping, doc.span, out);
    }
    let kind = doc.get("kind");
    let kind_str = kind.and_then(Node::as_str);
    let rules = doc.get("rules");
    if let Some(rules) = rules.filter(|r| !r.is_null()) {
        if !rules.is_sequence() {
            return fail(DecodeProblem::RulesNotList, rules.span, out);
        }
        for rule in rules.items() {
            if !rule.is_mapping() {
                return fail(DecodeProblem::RuleNotMapping, rule.span, out);
            }
            for key in ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"] {
                if let Some(list) = rule.get(key).filter(|l| !l.is_null())
                    && (!list.is_sequence() || list.items().iter().any(|i| !matches!(i.value, Value::Scalar { .. })))
                {
                    return fail(DecodeProblem::NotStrings(key), list.span, out);
                }
            }
        }
    }
    if !matches!(kind_str, Some("ClusterRole" | "Role")) {
        let span = kind.map_or(Span::at(doc.span.start), |k| k.span);
        out.push(file.file.report(&ks072::IgnoredKind { kind: kind_str }, span));
        return Some(0);
    }
    let rules: &[Node] = rules.map_or(&[], Node::items);
    for rule in rules {
        let groups = strings(rule, "apiGroups");
        ks073::check(file, &groups, out);
        let (verbs, resources) = (strings(rule, "verbs"), strings(rule, "resources"));
        ks074::check(file, rule.span, &verbs, &groups, &resources, kind_str == Some("ClusterRole"), out);
    }
    Some(rules.len())
}

fn strings(rule: &Node, key: &str) -> Vec<(String, Span)> {
    rule.get(key)
        .map_or_else(Vec::new, |l| l.items().iter().filter_map(|i| Some((i.as_str()?.to_string(), i.span))).collect())
}
