//! KS042: `category` is one of the marketplace categories (kubesphere.md §1.3). Docs:
//! `docs/rules/KS042.md` and `docs/rules/zh/KS042.md`; fixture: `tests/fixtures/KS042/`.

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::YamlFile;
use crate::i18n::{Arg, Message};
use crate::rancher::annotations::levenshtein;
use crate::syntax::yaml::{self, Node, ScalarStyle};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS042's declaration.
    pub static KS042: Warning, Kubesphere, Unsafe, "`category` is not a known category."
);

/// What KS042 finds: a valid label value that is no marketplace category.
#[derive(Debug)]
pub struct UnknownCategory<'a> {
    /// The category as written.
    pub value: &'a str,
    /// The category suggested ([`suggest_category`]), if any.
    pub suggestion: Option<&'static str>,
}

impl Violation for UnknownCategory<'_> {
    const RULE: &'static Rule = &KS042;

    fn message(&self) -> Message {
        crate::msg!(
            "ks042-message",
            value = self.value,
            suggestion = self.suggestion.map_or_else(Arg::none, |name| crate::msg!("ks042-did-you-mean", name).into())
        )
    }

    fn help(&self) -> Message {
        crate::msg!("ks042-help", categories = CATEGORIES.join(", "))
    }
}

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

/// Checks the category `value` (a valid label value; its node `node`); the suggestion, if any,
/// comes with an unsafe fix.
pub(super) fn check(file: &YamlFile<'_>, value: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    if CATEGORIES.contains(&value) {
        return;
    }
    let suggestion = suggest_category(value);
    let mut d = file.file.report(&UnknownCategory { value, suggestion }, node.span);
    if let Some(n) = suggestion {
        let token = yaml::scalar_token(n, node.style().unwrap_or(ScalarStyle::Plain));
        d = d.with_fix(Fix::unsafe_(crate::msg!("ks042-fix", category = n), vec![file.file.edit(node.span, token)]));
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;

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
