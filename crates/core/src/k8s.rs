//! Kubernetes and Helm name rules (`k8s.io/apimachinery/pkg/util/validation`, Helm
//! `pkg/chartutil/validate_name.go`), shared by the KubeSphere and Rancher rules.

/// `IsDNS1123Label`: at most 63 characters of `[a-z0-9-]`, alphanumeric at both ends.
pub fn is_dns1123_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// `IsDNS1123Subdomain`: at most 253 characters, dot-separated parts of `[a-z0-9-]`, each
/// alphanumeric at both ends.
pub fn is_dns1123_subdomain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|part| {
            !part.is_empty()
                && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !part.starts_with('-')
                && !part.ends_with('-')
        })
}

/// A label value: empty, or at most 63 characters of `[A-Za-z0-9._-]`, alphanumeric at both
/// ends (`IsValidLabelValue`).
pub fn is_label_value(s: &str) -> bool {
    s.is_empty()
        || (s.len() <= 63
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            && s.as_bytes()[0].is_ascii_alphanumeric()
            && s.as_bytes()[s.len() - 1].is_ascii_alphanumeric())
}

/// A Helm release name: `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`,
/// at most 53 characters (Helm `ValidateReleaseName`).
pub fn is_helm_release_name(s: &str) -> bool {
    s.len() <= 53 && is_dns1123_subdomain(s)
}

/// An annotation key: an optional DNS-1123 subdomain prefix (≤ 253) and `/`, then a name of at
/// most 63 characters of `[A-Za-z0-9._-]`, alphanumeric at both ends (`IsQualifiedName`).
pub fn is_annotation_key(s: &str) -> bool {
    let (prefix, name) = match s.split_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, s),
    };
    prefix.is_none_or(is_dns1123_subdomain) && !name.is_empty() && is_label_value(name)
}

/// Why `s` is not a DNS-1123 label, in words, or `None` when it is one.
pub fn label_problem(s: &str) -> Option<crate::i18n::Message> {
    if s.is_empty() {
        return Some(crate::msg!("k8s-problem-empty"));
    }
    if let Some(c) = s.chars().find(|c| c.is_ascii_uppercase()) {
        return Some(crate::msg!("k8s-problem-uppercase", letter = c));
    }
    if let Some(c) = s.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
        return Some(crate::msg!("k8s-problem-character", character = c));
    }
    if s.starts_with('-') || s.ends_with('-') {
        return Some(crate::msg!("k8s-problem-dash"));
    }
    if s.len() > 63 {
        return Some(crate::msg!("k8s-problem-long", length = s.len()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_dns1123_label("cert-manager") && !is_dns1123_label("Cert") && !is_dns1123_label("a.b"));
        assert!(is_dns1123_subdomain("a.b-c") && !is_dns1123_subdomain("a..b") && !is_dns1123_subdomain("-a"));
        assert!(
            is_label_value("integration-delivery")
                && is_label_value("")
                && !is_label_value("a b")
                && !is_label_value("-a")
        );
        assert!(
            is_helm_release_name("extension-crd")
                && !is_helm_release_name("@rancher/clock")
                && !is_helm_release_name(&"a".repeat(54))
        );
        assert!(is_annotation_key("executor-hook-image.kubesphere.io/install") && is_annotation_key("simple"));
        assert!(!is_annotation_key("bad key") && !is_annotation_key("Bad_Prefix/x") && !is_annotation_key("a/"));
        assert_eq!(
            label_problem("Hello").unwrap().render(crate::i18n::Lang::En),
            "it contains the uppercase letter `H`"
        );
        assert_eq!(
            label_problem("a_b").unwrap().render(crate::i18n::Lang::En),
            "it contains `_`; only lowercase letters, digits and `-` are allowed"
        );
        assert_eq!(label_problem("ok-1"), None);
    }
}
