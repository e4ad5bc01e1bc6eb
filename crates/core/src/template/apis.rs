//! Which built-in Kubernetes APIs each minor serves: the data behind TPL004 (not served) and
//! TPL005 (deprecated), and the `.Capabilities.APIVersions` a chart sees when it is installed on
//! that minor.
//!
//! Every row comes from the Kubernetes deprecation guide,
//! <https://kubernetes.io/docs/reference/using-api/deprecation-guide/> ("Removed APIs by
//! release", each entry's "Migrate to … available since v1.N"); rows of stable versions that were
//! served long before the oldest minor of the matrix (1.19) carry `added: None`. API groups not
//! in the table (custom resources, aggregated APIs) are never judged.

use crate::platforms::KubeMinor;

/// One API version of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApiRow {
    /// `group/version` as written in `apiVersion` (`v1` for the core group).
    pub group_version: &'static str,
    /// The kind.
    pub kind: &'static str,
    /// First minor that serves it; `None` when served before 1.19.
    pub added: Option<KubeMinor>,
    /// First minor in which it is deprecated (removal announced).
    pub deprecated: Option<KubeMinor>,
    /// First minor that no longer serves it.
    pub removed: Option<KubeMinor>,
}

macro_rules! rows {
    ($($gv:literal $kind:ident $added:tt $dep:tt $rem:tt;)*) => {
        /// The table: every removed API of the deprecation guide and its replacement.
        pub static APIS: &[ApiRow] = &[$(ApiRow {
            group_version: $gv,
            kind: stringify!($kind),
            added: rows!(@o $added),
            deprecated: rows!(@o $dep),
            removed: rows!(@o $rem),
        },)*];
    };
    (@o -) => { None };
    (@o $n:literal) => { Some($n) };
}

rows! {
    // v1.16 removals (before the matrix: never served on 1.19+)
    "extensions/v1beta1" DaemonSet - 9 16;
    "extensions/v1beta1" Deployment - 9 16;
    "extensions/v1beta1" ReplicaSet - 9 16;
    "extensions/v1beta1" NetworkPolicy - 9 16;
    "extensions/v1beta1" PodSecurityPolicy - 10 16;
    "apps/v1beta1" Deployment - 9 16;
    "apps/v1beta1" StatefulSet - 9 16;
    "apps/v1beta2" DaemonSet - 9 16;
    "apps/v1beta2" Deployment - 9 16;
    "apps/v1beta2" ReplicaSet - 9 16;
    "apps/v1beta2" StatefulSet - 9 16;
    "apps/v1" DaemonSet - - -;
    "apps/v1" Deployment - - -;
    "apps/v1" ReplicaSet - - -;
    "apps/v1" StatefulSet - - -;
    "networking.k8s.io/v1" NetworkPolicy - - -;
    // v1.22 removals
    "admissionregistration.k8s.io/v1beta1" MutatingWebhookConfiguration - 16 22;
    "admissionregistration.k8s.io/v1beta1" ValidatingWebhookConfiguration - 16 22;
    "admissionregistration.k8s.io/v1" MutatingWebhookConfiguration - - -;
    "admissionregistration.k8s.io/v1" ValidatingWebhookConfiguration - - -;
    "apiextensions.k8s.io/v1beta1" CustomResourceDefinition - 16 22;
    "apiextensions.k8s.io/v1" CustomResourceDefinition - - -;
    "apiregistration.k8s.io/v1beta1" APIService - 19 22;
    "apiregistration.k8s.io/v1" APIService - - -;
    "authentication.k8s.io/v1beta1" TokenReview - 19 22;
    "authentication.k8s.io/v1" TokenReview - - -;
    "authorization.k8s.io/v1beta1" SubjectAccessReview - 19 22;
    "authorization.k8s.io/v1beta1" LocalSubjectAccessReview - 19 22;
    "authorization.k8s.io/v1beta1" SelfSubjectAccessReview - 19 22;
    "authorization.k8s.io/v1" SubjectAccessReview - - -;
    "authorization.k8s.io/v1" LocalSubjectAccessReview - - -;
    "authorization.k8s.io/v1" SelfSubjectAccessReview - - -;
    "certificates.k8s.io/v1beta1" CertificateSigningRequest - 19 22;
    "certificates.k8s.io/v1" CertificateSigningRequest 19 - -;
    "coordination.k8s.io/v1beta1" Lease - 19 22;
    "coordination.k8s.io/v1" Lease - - -;
    "extensions/v1beta1" Ingress - 14 22;
    "networking.k8s.io/v1beta1" Ingress - 19 22;
    "networking.k8s.io/v1beta1" IngressClass - 19 22;
    "networking.k8s.io/v1" Ingress 19 - -;
    "networking.k8s.io/v1" IngressClass 19 - -;
    "rbac.authorization.k8s.io/v1beta1" ClusterRole - 17 22;
    "rbac.authorization.k8s.io/v1beta1" ClusterRoleBinding - 17 22;
    "rbac.authorization.k8s.io/v1beta1" Role - 17 22;
    "rbac.authorization.k8s.io/v1beta1" RoleBinding - 17 22;
    "rbac.authorization.k8s.io/v1" ClusterRole - - -;
    "rbac.authorization.k8s.io/v1" ClusterRoleBinding - - -;
    "rbac.authorization.k8s.io/v1" Role - - -;
    "rbac.authorization.k8s.io/v1" RoleBinding - - -;
    "scheduling.k8s.io/v1beta1" PriorityClass - 14 22;
    "scheduling.k8s.io/v1" PriorityClass - - -;
    "storage.k8s.io/v1beta1" CSIDriver - 19 22;
    "storage.k8s.io/v1beta1" CSINode - 19 22;
    "storage.k8s.io/v1beta1" StorageClass - 19 22;
    "storage.k8s.io/v1beta1" VolumeAttachment - 19 22;
    "storage.k8s.io/v1" CSIDriver - - -;
    "storage.k8s.io/v1" CSINode - - -;
    "storage.k8s.io/v1" StorageClass - - -;
    "storage.k8s.io/v1" VolumeAttachment - - -;
    // v1.25 removals
    "batch/v1beta1" CronJob - 21 25;
    "batch/v1" CronJob 21 - -;
    "discovery.k8s.io/v1beta1" EndpointSlice - 21 25;
    "discovery.k8s.io/v1" EndpointSlice 21 - -;
    "events.k8s.io/v1beta1" Event - 19 25;
    "events.k8s.io/v1" Event 19 - -;
    "autoscaling/v2beta1" HorizontalPodAutoscaler - 22 25;
    "autoscaling/v2" HorizontalPodAutoscaler 23 - -;
    "policy/v1beta1" PodDisruptionBudget - 21 25;
    "policy/v1" PodDisruptionBudget 21 - -;
    "policy/v1beta1" PodSecurityPolicy - 21 25;
    "node.k8s.io/v1beta1" RuntimeClass - 20 25;
    "node.k8s.io/v1" RuntimeClass 20 - -;
    // v1.26 removals
    "flowcontrol.apiserver.k8s.io/v1beta1" FlowSchema - 23 26;
    "flowcontrol.apiserver.k8s.io/v1beta1" PriorityLevelConfiguration - 23 26;
    "autoscaling/v2beta2" HorizontalPodAutoscaler - 23 26;
    // v1.27 removals
    "storage.k8s.io/v1beta1" CSIStorageCapacity - 24 27;
    "storage.k8s.io/v1" CSIStorageCapacity 24 - -;
    // v1.29 removals
    "flowcontrol.apiserver.k8s.io/v1beta2" FlowSchema 23 26 29;
    "flowcontrol.apiserver.k8s.io/v1beta2" PriorityLevelConfiguration 23 26 29;
    // v1.32 removals
    "flowcontrol.apiserver.k8s.io/v1beta3" FlowSchema 26 29 32;
    "flowcontrol.apiserver.k8s.io/v1beta3" PriorityLevelConfiguration 26 29 32;
    "flowcontrol.apiserver.k8s.io/v1" FlowSchema 29 - -;
    "flowcontrol.apiserver.k8s.io/v1" PriorityLevelConfiguration 29 - -;
}

/// What a minor does with one `apiVersion` and `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Served, not deprecated (or not in the table: custom resources are not judged).
    Served,
    /// Served, removal announced for `removed`.
    Deprecated(ApiRow),
    /// Not served: removed, or not added yet.
    NotServed(ApiRow),
}

impl ApiRow {
    /// True when `minor` serves this API.
    pub fn served(&self, minor: KubeMinor) -> bool {
        self.added.is_none_or(|a| minor >= a) && self.removed.is_none_or(|r| minor < r)
    }
}

/// The status of `group_version`/`kind` on Kubernetes 1.`minor`.
pub fn status(group_version: &str, kind: &str, minor: KubeMinor) -> Status {
    let Some(row) = APIS.iter().find(|r| r.group_version == group_version && r.kind == kind) else {
        return Status::Served;
    };
    if !row.served(minor) {
        return Status::NotServed(*row);
    }
    match row.deprecated {
        Some(d) if minor >= d && row.removed.is_some() => Status::Deprecated(*row),
        _ => Status::Served,
    }
}

/// The `.Capabilities.APIVersions` of a cluster at 1.`minor`: Helm 4.2.3's default set without
/// the group/versions the table says that minor does not serve, plus the table's served
/// group/versions it lacks, plus `group/version/Kind` for every served row (API discovery lists
/// both forms).
pub fn capabilities(minor: KubeMinor) -> Vec<String> {
    let served_gv = |gv: &str| APIS.iter().any(|r| r.group_version == gv && r.served(minor));
    let in_table = |gv: &str| APIS.iter().any(|r| r.group_version == gv);
    let mut out: Vec<String> = extcheck_render::engine::DEFAULT_API_VERSIONS
        .iter()
        .filter(|gv| !in_table(gv) || served_gv(gv))
        .map(|s| s.to_string())
        .collect();
    for r in APIS.iter().filter(|r| r.served(minor)) {
        if !out.iter().any(|g| g == r.group_version) {
            out.push(r.group_version.to_string());
        }
        out.push(format!("{}/{}", r.group_version, r.kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_and_additions_follow_the_guide() {
        assert!(matches!(status("policy/v1beta1", "PodDisruptionBudget", 24), Status::Deprecated(_)));
        assert!(matches!(status("policy/v1beta1", "PodDisruptionBudget", 25), Status::NotServed(_)));
        assert!(matches!(status("policy/v1", "PodDisruptionBudget", 20), Status::NotServed(_)));
        assert_eq!(status("policy/v1", "PodDisruptionBudget", 21), Status::Served);
        assert_eq!(status("apps/v1", "Deployment", 36), Status::Served);
        assert_eq!(status("example.com/v1", "Widget", 19), Status::Served, "custom resources are not judged");
        assert!(matches!(status("extensions/v1beta1", "Ingress", 21), Status::Deprecated(_)));
        assert!(matches!(status("extensions/v1beta1", "Deployment", 19), Status::NotServed(_)));
    }

    #[test]
    fn capabilities_follow_the_minor() {
        let c20 = capabilities(20);
        let c30 = capabilities(30);
        assert!(c20.iter().any(|g| g == "policy/v1beta1") && !c20.iter().any(|g| g == "policy/v1"));
        assert!(c30.iter().any(|g| g == "policy/v1") && !c30.iter().any(|g| g == "policy/v1beta1"));
        assert!(c30.iter().any(|g| g == "policy/v1/PodDisruptionBudget"));
        assert!(!c20.iter().any(|g| g == "apps/v1beta1"), "removed in 1.16");
        assert!(c30.iter().any(|g| g == "apiregistration.k8s.io/v1"));
    }
}
