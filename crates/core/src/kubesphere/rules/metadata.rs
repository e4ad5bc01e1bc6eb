//! The remaining `extension.yaml` field rules (kubesphere.md §1.2–§1.4, §1.7, §3.4):
//! KS005, KS041–KS043, KS060 and KS081–KS084.

use super::field;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::block_entry_lines;
use crate::document::schema::EXTENSION_YAML;
use crate::document::{Capped, YamlFile};
use crate::i18n::Arg;
use crate::k8s;
use crate::rancher::annotations::levenshtein;
use crate::syntax::yaml::{self, Node, ScalarStyle, ScalarType};

/// Categories the marketplace filters by: the `Category` objects of ks-core 4.1.1/4.1.2
/// (`config/ks-core/templates/extension-categories.yaml`) plus `deepseek` (4.1.3, and in
/// ksbuilder's suggestions since commit `1348ebe`), kubesphere.md §1.3.
pub const CATEGORIES: [&str; 11] = [
    "ai-machine-learning",
    "database",
    "observability",
    "integration-delivery",
    "networking",
    "security",
    "storage",
    "streaming-messaging",
    "computing",
    "dev-tools",
    "deepseek",
];

/// Common category words → the marketplace category they mean, so KS042 suggests by meaning
/// (`monitoring` → `observability`) where edit distance would not. Source: the `displayName`
/// of each `Category` object in `kubesphere/kubesphere:config/ks-core/templates/extension-categories.yaml`
/// (e.g. `integration-delivery` is "Integration and delivery"), the glosses of ksbuilder's
/// `cmd/create.go` `Categories` (`ai-machine-learning` "AI / LLM", `integration-delivery`
/// "CI / CD"), and the words seen in the wild (`monitoring` in the `grafana-ext` sample, `devops`
/// in ai-manage and the docs example; kubesphere.md §1.3, §6 items 8 and 10). Looked up in ASCII
/// lower case; a word in this table wins over the nearest spelling.
const CATEGORY_WORDS: [(&str, &str); 42] = [
    ("monitoring", "observability"),
    ("monitor", "observability"),
    ("metrics", "observability"),
    ("logging", "observability"),
    ("logs", "observability"),
    ("tracing", "observability"),
    ("alerting", "observability"),
    ("apm", "observability"),
    ("devops", "integration-delivery"),
    ("ci", "integration-delivery"),
    ("cd", "integration-delivery"),
    ("cicd", "integration-delivery"),
    ("ci-cd", "integration-delivery"),
    ("gitops", "integration-delivery"),
    ("pipeline", "integration-delivery"),
    ("delivery", "integration-delivery"),
    ("ai", "ai-machine-learning"),
    ("ml", "ai-machine-learning"),
    ("llm", "ai-machine-learning"),
    ("machine-learning", "ai-machine-learning"),
    ("db", "database"),
    ("databases", "database"),
    ("network", "networking"),
    ("service-mesh", "networking"),
    ("gateway", "networking"),
    ("ingress", "networking"),
    ("auth", "security"),
    ("policy", "security"),
    ("compliance", "security"),
    ("backup", "storage"),
    ("volume", "storage"),
    ("messaging", "streaming-messaging"),
    ("streaming", "streaming-messaging"),
    ("mq", "streaming-messaging"),
    ("compute", "computing"),
    ("gpu", "computing"),
    ("virtualization", "computing"),
    ("tools", "dev-tools"),
    ("devtools", "dev-tools"),
    ("developer-tools", "dev-tools"),
    ("development", "dev-tools"),
    ("ide", "dev-tools"),
];

/// The category KS042 suggests for an unknown `value`: the meaning table first, then the
/// nearest known name within edit distance 4; `None` when neither applies.
fn suggest_category(value: &str) -> Option<&'static str> {
    let lower = value.to_ascii_lowercase();
    if let Some((_, c)) = CATEGORY_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some(c);
    }
    CATEGORIES.iter().map(|c| (levenshtein(&lower, c), *c)).min().filter(|(d, _)| *d <= 4).map(|(_, c)| c)
}

/// Fields ks-core fills in itself (`ExtensionVersionSpec`), which a package should not set.
const SYSTEM_FIELDS: [&str; 5] = ["repository", "digest", "chartURL", "chartDataRef", "created"];

pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    language_sets(file, root, out);
    category(file, root, out);
    annotations(file, root, out);
    external_dependencies(file, root, out);
    unknown_and_system_keys(file, root, out);
    urls_and_maintainers(file, root, out);
    images(file, root, out);
}

fn keys(node: &Node) -> Vec<&str> {
    let mut k: Vec<&str> = node.entries().iter().filter_map(|e| e.key_str()).collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// KS005: displayName and description with different language sets; ksbuilder's README lookup
/// for KubeSphere Cloud uses their intersection (`pkg/parser/extension.go`).
fn language_sets(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let (Some(names), Some(descs)) = (field(root, "displayName"), field(root, "description")) else { return };
    if !names.value.is_mapping() || !descs.value.is_mapping() {
        return;
    }
    let (a, b) = (keys(&names.value), keys(&descs.value));
    if a == b {
        return;
    }
    out.push(file.file.diag(
        "KS005",
        Severity::Info,
        descs.key.span,
        crate::msg!("ks005-message", display_languages = a.join(", "), description_languages = b.join(", ")),
        crate::msg!("ks005-help"),
    ));
}

/// KS041 (not a label value) and KS042 (not a known category).
fn category(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "category") else { return };
    let Some(value) = entry.value.as_str().filter(|v| !v.is_empty() && !entry.value.is_null()) else { return };
    if !k8s::is_label_value(value) {
        out.push(file.file.diag(
            "KS041",
            Severity::Error,
            entry.value.span,
            crate::msg!("ks041-message", value),
            crate::msg!("ks041-help"),
        ));
        return;
    }
    if CATEGORIES.contains(&value) {
        return;
    }
    let nearest = suggest_category(value);
    let mut d = file.file.diag(
        "KS042",
        Severity::Warning,
        entry.value.span,
        crate::msg!(
            "ks042-message",
            value,
            suggestion = nearest.map_or_else(Arg::none, |name| crate::msg!("ks042-did-you-mean", name).into())
        ),
        crate::msg!("ks042-help", categories = CATEGORIES.join(", ")),
    );
    if let Some(n) = nearest {
        let token = yaml::scalar_token(n, entry.value.style().unwrap_or(ScalarStyle::Plain));
        d = d.with_fix(Fix::unsafe_(format!("Use `category: {n}`"), vec![file.file.edit(entry.value.span, token)]));
    }
    out.push(d);
}

/// KS043: annotation keys must be valid Kubernetes annotation keys and values strings.
fn annotations(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "annotations") else { return };
    for e in entry.value.entries() {
        let key = e.key_str().unwrap_or("");
        if !k8s::is_annotation_key(key) {
            out.push(file.file.diag(
                "KS043",
                Severity::Error,
                e.key.span,
                crate::msg!("ks043-message", key),
                crate::msg!("ks043-help"),
            ));
        }
        let is_string = e.value.scalar_type() == Some(ScalarType::Str);
        if !is_string && !e.value.is_null() {
            out.push(file.file.diag(
                "KS043",
                Severity::Error,
                e.value.span,
                crate::msg!("ks043-message-value-not-string", key),
                crate::msg!("ks043-help-value-not-string"),
            ));
        }
    }
}

/// KS060: each `externalDependencies` entry needs `name`, `version` and `required` (the CRD
/// requires them), and `required` must be a bool. A quoted `"true"` is SYN004's.
fn external_dependencies(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "externalDependencies") else { return };
    for (i, dep) in entry.value.items().iter().enumerate() {
        let missing: Vec<&str> =
            ["name", "version", "required"].into_iter().filter(|k| dep.get(k).is_none_or(Node::is_null)).collect();
        if !missing.is_empty() {
            let name = dep.get("name").and_then(Node::as_str).map_or(format!("#{}", i + 1), |n| format!("`{n}`"));
            out.push(file.file.diag(
                "KS060",
                Severity::Error,
                dep.span,
                crate::msg!(
                    "ks060-message",
                    name,
                    missing = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                ),
                crate::msg!("ks060-help"),
            ));
        }
        if let Some(required) = dep.get("required") {
            let quoted_bool =
                required.style() != Some(ScalarStyle::Plain) && matches!(required.as_str(), Some("true" | "false"));
            if !required.is_null() && required.scalar_type() != Some(ScalarType::Bool) && !quoted_bool {
                out.push(file.file.diag(
                    "KS060",
                    Severity::Error,
                    required.span,
                    crate::msg!("ks060-message-required-not-bool", value = file.file.slice(required.span)),
                    crate::msg!("ks060-help-required-not-bool"),
                ));
            }
        }
    }
}

/// KS081 (unknown top-level key, e.g. `labels`, with a suggestion) and KS082 (system-set
/// fields). Keys that differ from a field only in case are SYN003's.
fn unknown_and_system_keys(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let fields: Vec<&str> = EXTENSION_YAML.fields().iter().map(|(k, _)| *k).collect();
    let mut unknown = Capped::new("KS081", Severity::Warning);
    for e in root.entries() {
        let Some(key) = e.key_str() else { continue };
        if fields.iter().any(|f| f.eq_ignore_ascii_case(key)) {
            continue;
        }
        let system = SYSTEM_FIELDS.iter().any(|s| s.eq_ignore_ascii_case(key));
        if !system && unknown.full() {
            continue;
        }
        if let Some(system) = SYSTEM_FIELDS.iter().find(|s| s.eq_ignore_ascii_case(key)) {
            let mut d = file.file.diag(
                "KS082",
                Severity::Warning,
                e.key.span,
                crate::msg!("ks082-message", key),
                crate::msg!("ks082-help", system),
            );
            if let Some(span) = block_entry_lines(file.file.text, e.key.span.start, e.value.span.end) {
                d = d.with_fix(Fix::safe(format!("Remove `{key}`"), vec![Edit::delete(file.file.path, span)]));
            }
            out.push(d);
            continue;
        }
        let nearest =
            fields.iter().map(|f| (levenshtein(&key.to_ascii_lowercase(), &f.to_ascii_lowercase()), *f)).min();
        let suggestion = nearest
            .filter(|(d, _)| *d <= 3)
            .map_or_else(Arg::none, |(_, name)| crate::msg!("ks042-did-you-mean", name).into());
        let note = if key == "labels" { crate::msg!("ks081-note-labels").into() } else { Arg::none() };
        unknown.built.push(file.file.diag(
            "KS081",
            Severity::Warning,
            e.key.span,
            crate::msg!("ks081-message", key, suggestion),
            crate::msg!("ks081-help", note),
        ));
    }
    unknown.finish(out);
}

fn is_http_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// A plain e-mail address check: one `@`, a non-empty local part, a dotted domain, no spaces.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
}

/// KS083: `home`, `docs` and `sources` entries must be http(s) URLs; maintainers need a name,
/// and a valid email and URL when given (ksbuilder lint: `validateChartSources`,
/// `validateChartMaintainer`).
fn urls_and_maintainers(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let bad_url = |node: &Node, what: Arg, out: &mut Vec<Diagnostic>| {
        if let Some(v) = node.as_str().filter(|v| !v.is_empty() && !node.is_null())
            && !is_http_url(v)
        {
            out.push(file.file.diag(
                "KS083",
                Severity::Warning,
                node.span,
                crate::msg!("ks083-message", what, url = v),
                crate::msg!("ks083-help"),
            ));
        }
    };
    for key in ["home", "docs"] {
        if let Some(e) = field(root, key) {
            bad_url(&e.value, Arg::from(format!("`{key}`")), out);
        }
    }
    if let Some(e) = field(root, "sources") {
        for item in e.value.items() {
            bad_url(item, crate::msg!("ks083-what-source").into(), out);
        }
    }
    let Some(maintainers) = field(root, "maintainers") else { return };
    for (i, m) in maintainers.value.items().iter().enumerate() {
        let name = m.get("name").and_then(Node::as_str).filter(|n| !n.is_empty());
        if name.is_none() {
            out.push(file.file.diag(
                "KS083",
                Severity::Warning,
                m.span,
                crate::msg!("ks083-message-no-name", number = i + 1),
                crate::msg!("ks083-help-no-name"),
            ));
        }
        if let Some(email) = m.get("email").and_then(Node::as_str).filter(|e| !e.is_empty())
            && !is_email(email)
        {
            out.push(file.file.diag(
                "KS083",
                Severity::Warning,
                m.get("email").map_or(m.span, |n| n.span),
                crate::msg!("ks083-message-bad-email", email),
                crate::msg!("ks083-help-bad-email"),
            ));
        }
        if let Some(url_node) = m.get("url") {
            bad_url(url_node, crate::msg!("ks083-what-maintainer-url").into(), out);
        }
    }
}

/// KS084: no images listed (ks-extensions CI and `ksbuilder lint` use them).
fn images(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let entry = field(root, "images");
    if entry.is_some_and(|e| e.value.items().iter().any(|i| i.as_str().is_some_and(|s| !s.is_empty()))) {
        return;
    }
    let span = entry.map_or(crate::syntax::Span::at(root.span.start), |e| e.key.span);
    out.push(file.file.diag("KS084", Severity::Info, span, crate::msg!("ks084-message"), crate::msg!("ks084-help")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_emails() {
        assert!(is_http_url("https://kubesphere.io/") && is_http_url("http://a.b/c"));
        assert!(!is_http_url("kubesphere.io") && !is_http_url("https://") && !is_http_url("ftp://x"));
        assert!(is_email("kubesphere@yunify.com") && !is_email("nobody") && !is_email("a@b") && !is_email("a @b.c"));
    }

    #[test]
    fn categories_by_meaning_then_spelling() {
        assert_eq!(suggest_category("monitoring"), Some("observability"));
        assert_eq!(suggest_category("DevOps"), Some("integration-delivery"));
        assert_eq!(suggest_category("storag"), Some("storage"));
        assert_eq!(suggest_category("other"), None);
        for (word, category) in CATEGORY_WORDS {
            assert!(CATEGORIES.contains(&category) && !CATEGORIES.contains(&word), "{word} → {category}");
            assert_eq!(word, word.to_ascii_lowercase());
        }
    }
}
