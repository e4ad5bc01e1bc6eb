//! What `helm template` prints: manifests split into documents, non-hook documents sorted by
//! kind in Helm's install order, then hooks, each as `---\n# Source: <path>\n<document>\n`.
//!
//! Upstream: Helm `pkg/release/v1/util/manifest.go` (`SplitManifests`), `manifest_sorter.go`
//! (`SortManifests`: files in path order, hooks by the `helm.sh/hook` annotation, unknown hook
//! types dropped), `kind_sorter.go` (`InstallOrder`), `pkg/action/action.go` and
//! `pkg/cmd/template.go` (the output). `NOTES.txt` files are left out.

use std::collections::BTreeMap;

use crate::engine::RenderError;
use crate::value::Value;

/// Helm's `InstallOrder`.
pub const INSTALL_ORDER: &[&str] = &[
    "PriorityClass",
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

const HOOK_EVENTS: &[&str] = &[
    "pre-install",
    "post-install",
    "pre-delete",
    "post-delete",
    "pre-upgrade",
    "post-upgrade",
    "pre-rollback",
    "post-rollback",
    "test",
    "test-success",
];

/// One document of a rendered file.
#[derive(Clone, Debug)]
pub struct Document {
    /// The template path it came from.
    pub source: String,
    /// The document text (leading blanks trimmed, as Helm does).
    pub content: String,
    /// `kind`.
    pub kind: String,
    /// Whether it is a hook (`helm.sh/hook` with known events).
    pub hook: bool,
}

/// `SplitManifests`: documents separated by `---` lines, blanks around them dropped.
pub fn split_manifests(text: &str) -> Vec<String> {
    let t = text.trim_start();
    let mut docs = Vec::new();
    // sep = (?:^|\s*\n)---\s*
    let re = regex::Regex::new(r"(?:^|\s*\n)---\s*").expect("separator");
    for d in re.split(t) {
        if d.trim().is_empty() {
            continue;
        }
        docs.push(d.trim_start().to_string());
    }
    docs
}

/// Sorts rendered templates into Helm's documents: (non-hook documents in install order,
/// hooks in install order).
pub fn sort_manifests(manifests: &BTreeMap<String, String>) -> Result<(Vec<Document>, Vec<Document>), RenderError> {
    let mut generic = Vec::new();
    let mut hooks = Vec::new();
    for (path, content) in manifests {
        let base = path.rsplit('/').next().unwrap_or(path);
        if base.starts_with('_') || path.ends_with("NOTES.txt") || content.trim().is_empty() {
            continue;
        }
        for doc in split_manifests(content) {
            let head = crate::yaml::parse_helm_yaml(&doc).map_err(|e| RenderError {
                message: format!("YAML parse error on {path}: error converting YAML to JSON: {e}"),
            })?;
            let get = |v: &Value, k: &str| match v {
                Value::Map(m) => m.borrow().get(k).cloned(),
                _ => None,
            };
            let kind = get(&head, "kind").map(|k| crate::funcs::strval(&k)).unwrap_or_default();
            let hook_types = get(&head, "metadata")
                .and_then(|m| get(&m, "annotations"))
                .and_then(|a| get(&a, "helm.sh/hook"))
                .map(|h| crate::funcs::strval(&h));
            let d = Document { source: path.clone(), content: doc, kind, hook: hook_types.is_some() };
            match hook_types {
                None => generic.push(d),
                Some(types) => {
                    let known = types.split(',').all(|t| HOOK_EVENTS.contains(&t.trim().to_lowercase().as_str()));
                    if known {
                        hooks.push(d);
                    }
                }
            }
        }
    }
    sort_by_kind(&mut generic);
    sort_by_kind(&mut hooks);
    Ok((generic, hooks))
}

fn sort_by_kind(docs: &mut [Document]) {
    let rank = |k: &str| INSTALL_ORDER.iter().position(|x| *x == k);
    docs.sort_by(|a, b| match (rank(&a.kind), rank(&b.kind)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.kind.cmp(&b.kind),
    });
}

/// The text `helm template` prints for rendered templates.
pub fn template_text(manifests: &BTreeMap<String, String>) -> Result<String, RenderError> {
    let (generic, hooks) = sort_manifests(manifests)?;
    let mut body = String::new();
    for d in &generic {
        body.push_str(&format!("---\n# Source: {}\n{}\n", d.source, d.content));
    }
    let mut out = format!("{}\n", body.trim());
    for d in &hooks {
        out.push_str(&format!("---\n# Source: {}\n{}\n", d.source, d.content));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_kind_and_puts_hooks_last() {
        let m = BTreeMap::from([
            (
                "c/templates/a.yaml".to_string(),
                "kind: Deployment\nmetadata:\n  name: d\n---\nkind: Service\n".to_string(),
            ),
            (
                "c/templates/h.yaml".to_string(),
                "kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: post-install\n".to_string(),
            ),
            ("c/templates/NOTES.txt".to_string(), "notes".to_string()),
            ("c/templates/e.yaml".to_string(), "  \n".to_string()),
        ]);
        let t = template_text(&m).unwrap();
        assert_eq!(
            t,
            // Helm 4 keeps a document's trailing newline (`SplitManifests` trims only the left)
            "---\n# Source: c/templates/a.yaml\nkind: Service\n\n---\n# Source: c/templates/a.yaml\nkind: Deployment\nmetadata:\n  name: d\n---\n# Source: c/templates/h.yaml\nkind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: post-install\n\n"
        );
    }
}
