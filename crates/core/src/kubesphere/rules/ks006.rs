//! KS006: a README for each declared language (kubesphere.md §1.4). KubeSphere Cloud
//! (ksbuilder `pkg/parser/extension.go`) takes the languages as the intersection of the
//! `displayName` and `description` keys and reads `README.md` for `en` and `README_<lang>.md`
//! otherwise, at the package root. Docs: `docs/rules/KS006.md` and `docs/rules/zh/KS006.md`;
//! fixture: `tests/fixtures/KS006/`.

use super::field;
use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS006's declaration.
    pub static KS006: Warning, Kubesphere, None, "A README for a declared language is missing."
);

/// What KS006 finds: no `readme` for the declared language `lang`.
#[derive(Debug)]
pub struct MissingReadme<'a> {
    /// The README file KubeSphere Cloud reads ([`readme_for`]).
    pub readme: &'a str,
    /// The language.
    pub lang: &'a str,
}

impl Violation for MissingReadme<'_> {
    const RULE: &'static Rule = &KS006;

    fn message(&self) -> Message {
        crate::msg!("ks006-message", readme = self.readme, lang = self.lang)
    }

    fn help(&self) -> Message {
        crate::msg!("ks006-help", readme = self.readme, lang = self.lang)
    }
}

/// The README file KubeSphere Cloud reads for `lang`.
pub fn readme_for(lang: &str) -> String {
    if lang == "en" { "README.md".to_string() } else { format!("README_{lang}.md") }
}

/// The languages present in both `displayName` and `description`, sorted.
pub fn declared_languages(root: &Node) -> Vec<String> {
    let keys = |k: &str| -> Vec<String> {
        field(root, k).map_or_else(Vec::new, |e| {
            e.value.entries().iter().filter_map(|x| x.key_str().map(str::to_string)).collect()
        })
    };
    let names = keys("displayName");
    let mut both: Vec<String> = keys("description").into_iter().filter(|l| names.contains(l)).collect();
    both.sort();
    both.dedup();
    both
}

/// Checks the READMEs of the languages `extension.yaml` (`root`) declares (needs the whole
/// package).
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    for lang in declared_languages(root) {
        let readme = readme_for(&lang);
        if ctx.package.contains(&readme) {
            continue;
        }
        let span = field(root, "description")
            .and_then(|e| e.value.entries().iter().find(|x| x.key_str() == Some(lang.as_str())).map(|x| x.key.span))
            .unwrap_or_default();
        out.push(file.file.report(&MissingReadme { readme: &readme, lang: &lang }, span));
    }
}
