//! Rancher extension annotations: reading them from package.json, Chart.yaml or values.yaml
//! `plugin.metadata` into one shape, the keys Rancher knows, and misspelling suggestions.

use crate::syntax::Span;
use crate::syntax::json::{JsonNode, JsonValue};
use crate::syntax::yaml::{Node, ScalarType};

/// `catalog.cattle.io/ui-extensions-version`, mandatory from Rancher 2.10.
pub const UI_EXTENSIONS_VERSION: &str = "catalog.cattle.io/ui-extensions-version";
/// `catalog.cattle.io/rancher-version`.
pub const RANCHER_VERSION: &str = "catalog.cattle.io/rancher-version";
/// `catalog.cattle.io/kube-version`.
pub const KUBE_VERSION: &str = "catalog.cattle.io/kube-version";
/// `catalog.cattle.io/ui-version` (legacy, Rancher 2.7.2+).
pub const UI_VERSION: &str = "catalog.cattle.io/ui-version";
/// `catalog.cattle.io/ui-extensions-host`.
pub const UI_EXTENSIONS_HOST: &str = "catalog.cattle.io/ui-extensions-host";
/// `catalog.cattle.io/prime-only`.
pub const PRIME_ONLY: &str = "catalog.cattle.io/prime-only";

/// The keys the load-time gate (`shouldNotLoadPlugin`, Rancher 2.10+) reads from the
/// UIPlugin's metadata (rancher.md §3 Gate C).
pub const GATING_KEYS: [&str; 5] =
    [UI_EXTENSIONS_VERSION, PRIME_ONLY, UI_EXTENSIONS_HOST, KUBE_VERSION, RANCHER_VERSION];

/// Annotation keys Rancher's code knows (`UI_PLUGIN_CHART_ANNOTATIONS` and `CATALOG` in
/// rancher/dashboard `shell/config/`, plus the template's fixed keys).
pub const KNOWN_KEYS: [&str; 24] = [
    UI_EXTENSIONS_VERSION,
    RANCHER_VERSION,
    KUBE_VERSION,
    UI_VERSION,
    UI_EXTENSIONS_HOST,
    PRIME_ONLY,
    "catalog.cattle.io/display-name",
    "catalog.cattle.io/experimental",
    "catalog.cattle.io/certified",
    "catalog.cattle.io/deprecated",
    "catalog.cattle.io/hidden",
    "catalog.cattle.io/ui-hidden-builtin",
    "catalog.cattle.io/ui-component",
    "catalog.cattle.io/namespace",
    "catalog.cattle.io/os",
    "catalog.cattle.io/permits-os",
    "catalog.cattle.io/scope",
    "catalog.cattle.io/release-name",
    "catalog.cattle.io/type",
    "catalog.cattle.io/featured",
    "catalog.cattle.io/auto-install",
    "catalog.cattle.io/provides-gvr",
    "catalog.cattle.io/upstream-version",
    "catalog.cattle.io/ui-extensions-catalog",
];

/// Known misspellings seen in the wild, with the key meant (rancher.md §1, §6.3).
const KNOWN_TYPOS: [(&str, &str); 4] = [
    ("catalog.cattle.io/ui-extension-version", UI_EXTENSIONS_VERSION),
    ("catalog.cattle.io/ui-extenstions-version", UI_EXTENSIONS_VERSION),
    ("catalog.cattle.io/ui-extenstions-host", UI_EXTENSIONS_HOST),
    ("catalog.cattle.io/host", UI_EXTENSIONS_HOST),
];

/// Where an annotation was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// package.json `rancher.annotations`.
    PackageJson,
    /// Chart.yaml `annotations`.
    ChartYaml,
    /// values.yaml `plugin.metadata`.
    PluginMetadata,
}

/// One annotation as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// The key.
    pub key: String,
    /// Byte span of the key in its file.
    pub key_span: Span,
    /// The value when it is a string (YAML: any plain or quoted scalar that Go reads as a
    /// string; JSON: a string), `None` otherwise.
    pub value: Option<String>,
    /// Byte span of the value.
    pub value_span: Span,
}

/// The annotations of a JSON object (package.json `rancher.annotations`).
pub fn from_json(object: &JsonNode) -> Vec<Annotation> {
    object
        .members()
        .iter()
        .map(|m| Annotation {
            key: m.key.clone(),
            key_span: m.key_span,
            value: match &m.value.value {
                JsonValue::String(s) => Some(s.clone()),
                _ => None,
            },
            value_span: m.value.span,
        })
        .collect()
}

/// The annotations of a YAML mapping (Chart.yaml `annotations`, values.yaml `plugin.metadata`).
/// Later duplicates win, as in Go.
pub fn from_yaml(mapping: &Node) -> Vec<Annotation> {
    let mut out: Vec<Annotation> = Vec::new();
    for e in mapping.entries() {
        let Some(key) = e.key_str() else { continue };
        let value = match e.value.scalar_type() {
            Some(ScalarType::Str | ScalarType::Int | ScalarType::Float | ScalarType::Bool) => {
                e.value.as_str().map(str::to_string)
            }
            _ => None,
        };
        let a = Annotation { key: key.to_string(), key_span: e.key.span, value, value_span: e.value.span };
        match out.iter_mut().find(|x| x.key == key) {
            Some(earlier) => *earlier = a,
            None => out.push(a),
        }
    }
    out
}

/// The key `key` was probably meant to be: a known misspelling, or a `catalog.cattle.io/` key
/// within edit distance 2 of exactly one known key. `None` for known and unrelated keys.
pub fn suggest(key: &str) -> Option<&'static str> {
    if KNOWN_KEYS.contains(&key) {
        return None;
    }
    if let Some((_, meant)) = KNOWN_TYPOS.iter().find(|(typo, _)| *typo == key) {
        return Some(meant);
    }
    let near_prefix =
        key.split_once('/').is_some_and(|(prefix, _)| levenshtein_at_most(prefix, "catalog.cattle.io", 2).is_some());
    if !near_prefix {
        return None;
    }
    // The distance is at least the difference in length: most keys need no computing.
    let length = key.chars().count();
    let mut close = KNOWN_KEYS
        .iter()
        .filter(|k| k.chars().count().abs_diff(length) <= 2)
        .filter_map(|k| levenshtein_at_most(key, k, 2).map(|d| (d, *k)))
        .collect::<Vec<_>>();
    close.sort();
    match close.as_slice() {
        [(d, k), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => Some(k),
        _ => None,
    }
}

/// Edit distance (insertions, deletions, substitutions) between two strings, by characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    levenshtein_at_most(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// The edit distance between `a` and `b` when it is at most `max`, else `None`. Stops as soon as
/// a whole row of the table exceeds `max`, and allocates two rows: a key compared against every
/// known key stays linear in the keys (the hostile set has 50,000 annotations).
pub fn levenshtein_at_most(a: &str, b: &str, max: usize) -> Option<usize> {
    // A common prefix or suffix never changes the distance: drop them first (most keys share
    // `catalog.cattle.io/`), so only the differing middles are compared.
    let head: usize = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let (a, b) = (&a[head..], &b[head..]);
    let tail: usize = a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let (a, b) = (&a[..a.len() - tail], &b[..b.len() - tail]);
    if a.chars().count().abs_diff(b.chars().count()) > max {
        return None;
    }
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("catalog.cattle.io/ui-extension-version"), Some(UI_EXTENSIONS_VERSION));
        assert_eq!(suggest("catalog.cattle.io/host"), Some(UI_EXTENSIONS_HOST));
        assert_eq!(suggest("catalog.cattle.io/rancher-verison"), Some(RANCHER_VERSION));
        assert_eq!(suggest("catalog.catle.io/kube-version"), Some(KUBE_VERSION));
        assert_eq!(suggest(KUBE_VERSION), None);
        assert_eq!(suggest("example.com/anything"), None);
        assert_eq!(suggest("catalog.cattle.io/something-else-entirely"), None);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein_at_most("kitten", "sitting", 3), Some(3));
        assert_eq!(levenshtein_at_most("kitten", "sitting", 2), None);
        assert_eq!(levenshtein_at_most("", "ab", 2), Some(2));
        assert_eq!(levenshtein("catalog.cattle.io/ui-extension-version", UI_EXTENSIONS_VERSION), 1);
        assert_eq!(levenshtein("abcxdef", "abcdef"), 1);
        assert_eq!(levenshtein("aaa", "aaaa"), 1);
        assert_eq!(levenshtein("héllo", "hello"), 1);
    }
}
