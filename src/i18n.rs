//! The page in English and Simplified Chinese, through Fluent: the page's own messages are in
//! `locales/{en,zh-CN}/page.ftl` (this crate), rendered with the core's
//! [`extcheck_core::i18n::Bundle`]; diagnostics are rendered by the worker
//! (`Report::localize`) and arrive in the page's language.
//!
//! The language is a signal in the context ([`PageLang`], read with [`use_lang`]): every text
//! of the page is a closure over it ([`tr!`]), so a switch re-renders the page in place. It
//! starts as the stored choice (`localStorage["extcheck-lang"]`), else the browser's first
//! language ([`initial`]: `zh*` is Chinese, anything else English); `<html lang>` follows.
//!
//! Chinese terms are the platforms' own: KubeSphere's 扩展组件 and 扩展市场, Rancher's 扩展
//! (the dashboard's `zh-hans.yaml`); see the note at the top of [`extcheck_core::i18n`].

use std::sync::OnceLock;

pub use extcheck_core::i18n::Lang;
use extcheck_core::i18n::{Bundle, Message};
use leptos::prelude::*;

/// The page's Fluent resources in `lang`: `(file name, text)`.
pub fn resources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[("page", include_str!("../locales/en/page.ftl"))],
        Lang::ZhCn => &[("page", include_str!("../locales/zh-CN/page.ftl"))],
    }
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| Bundle::new(lang, resources(lang)))
}

/// `message` rendered in `lang` from the page's resources (a missing id renders as the id:
/// the tests below keep that from happening).
pub fn render(lang: Lang, message: &Message) -> String {
    message.render_in(bundle(lang))
}

/// A page message in a language: `tr!(lang, "drop-title")`, or with arguments
/// `tr!(lang, "report-show-more", count = n)`; a bare identifier passes the variable of that
/// name (as [`extcheck_core::msg!`], but numbers stay numbers, so that they select plural
/// variants). `lang` is a [`Lang`]; read the signal inside a closure so that the text follows
/// a switch.
#[macro_export]
macro_rules! tr {
    (@value $name:ident) => { $name };
    (@value $name:ident, $value:expr) => { $value };
    ($lang:expr, $id:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::i18n::render(
            $lang,
            &extcheck_core::i18n::Message::new($id)
                $(.arg(stringify!($name), extcheck_core::i18n::Arg::from($crate::tr!(@value $name $(, $value)?))))*,
        )
    };
}

/// The page's language, shared by every component through the context.
#[derive(Clone, Copy)]
pub struct PageLang(pub RwSignal<Lang>);

/// The page's language signal (English outside the app, e.g. in a test).
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<PageLang>().map_or_else(|| RwSignal::new(Lang::En), |l| l.0)
}

/// Where the user's choice is kept.
pub const STORAGE_KEY: &str = "extcheck-lang";

/// A stored choice: exactly a language's tag (`en`, `zh-CN`); anything else is no choice.
pub fn from_tag(tag: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.tag() == tag)
}

/// The language to start in: the stored choice when there is one, else the first of the
/// browser's `languages` ([`Lang::from_locale`]: `zh`, `zh-CN`, `zh-TW`, `zh-Hans` … are
/// Chinese; anything else English); English when the browser names none.
pub fn initial(stored: Option<&str>, languages: &[String]) -> Lang {
    stored.and_then(from_tag).unwrap_or_else(|| languages.first().map_or(Lang::En, |l| Lang::from_locale(l)))
}

/// The browser's languages, most preferred first (`navigator.languages`, else
/// `navigator.language`).
pub fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() { navigator.language().into_iter().collect() } else { list }
}

/// The stored choice, if any.
pub fn stored() -> Option<String> {
    window().local_storage().ok().flatten().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
}

/// Keeps `lang` as the user's choice and sets `<html lang>` to it.
pub fn remember(lang: Lang) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    apply(lang);
}

/// Sets `<html lang>` to `lang`'s tag.
pub fn apply(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// The ids of one `.ftl` text (entries start at the beginning of a line, `#` comments).
    fn ids(text: &str) -> BTreeSet<String> {
        text.lines()
            .filter(|l| !l.starts_with([' ', '#', '\t']) && !l.trim().is_empty())
            .map(|l| l.split_once(" = ").unwrap_or_else(|| panic!("not `id = value`: {l}")).0.to_string())
            .collect()
    }

    /// Every Rust source file under `dir`, with its text.
    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    /// The message ids the source asks for: the literal after `tr!(<lang>,` or `msg!(`.
    fn used(text: &str) -> Vec<String> {
        let literal = |s: &str| s.trim_start().strip_prefix('"')?.split('"').next().map(str::to_string);
        let tr = text.split("tr!(").skip(1).filter_map(|rest| literal(rest.split_once(',')?.1));
        let msg = text.split("msg!(").skip(1).filter_map(literal);
        // Only what can be an id (the scan also meets this function's own text).
        let id =
            |s: &String| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        tr.chain(msg).filter(id).collect()
    }

    #[test]
    fn both_languages_have_every_id_the_page_uses_and_no_other() {
        let en = ids(resources(Lang::En)[0].1);
        let zh = ids(resources(Lang::ZhCn)[0].1);
        assert_eq!(
            en.len(),
            resources(Lang::En)[0].1.lines().filter(|l| l.contains(" = ") && !l.starts_with([' ', '#'])).count(),
            "duplicate ids"
        );
        let missing_zh: Vec<_> = en.difference(&zh).collect();
        let missing_en: Vec<_> = zh.difference(&en).collect();
        assert!(missing_zh.is_empty(), "no Chinese for {missing_zh:?}");
        assert!(missing_en.is_empty(), "Chinese only for {missing_en:?}");
        let mut files = Vec::new();
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        let mut all_used = BTreeSet::new();
        for (file, text) in &files {
            for id in used(text).into_iter().filter(|id| id != "$id") {
                assert!(en.contains(&id), "{file} uses `{id}`, which page.ftl does not define");
                all_used.insert(id);
            }
        }
        let unused: Vec<_> = en.difference(&all_used).collect();
        assert!(unused.is_empty(), "page.ftl defines ids no source uses: {unused:?}");
        assert!(all_used.len() > 100, "only {} ids found: is the scan broken?", all_used.len());
    }

    #[test]
    fn every_message_renders_without_a_fluent_error_in_both_languages() {
        // Arguments are given as numbers and text so that plural selectors and `$name`s resolve.
        for lang in Lang::ALL {
            let text = resources(lang)[0].1;
            assert!(fluent_syntax_ok(text), "{}/page.ftl does not parse", lang.tag());
            for id in ids(text) {
                assert!(bundle(lang).has(&id), "{}: `{id}` has no value", lang.tag());
            }
        }
        let checked = |lang| tr!(lang, "status-checked", packages = 2, errors = 1, warnings = 0, infos = 3);
        assert_eq!(checked(Lang::En), "Checked 2 packages: 1 error, 0 warnings, 3 info.");
        assert_eq!(checked(Lang::ZhCn), "已检查 2 个包：1 个错误，0 个警告，3 个提示。");
        assert_eq!(tr!(Lang::En, "report-show-more", count = 1), "Show 1 more diagnostic");
    }

    fn fluent_syntax_ok(text: &str) -> bool {
        // A syntax error makes the parser skip the entry as junk, which the id count shows.
        let entries = ids(text).len();
        let bundle = Bundle::new(Lang::En, &[("page", text)]);
        ids(text).iter().filter(|id| bundle.has(id)).count() == entries
    }

    #[test]
    fn the_stored_choice_wins_then_the_browser_language() {
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(initial(None, &langs(&["zh-CN", "en"])), Lang::ZhCn);
        assert_eq!(initial(None, &langs(&["zh-TW"])), Lang::ZhCn);
        assert_eq!(initial(None, &langs(&["en-US", "zh-CN"])), Lang::En);
        assert_eq!(initial(None, &langs(&["de"])), Lang::En);
        assert_eq!(initial(None, &[]), Lang::En);
        assert_eq!(initial(Some("en"), &langs(&["zh-CN"])), Lang::En);
        assert_eq!(initial(Some("zh-CN"), &langs(&["en"])), Lang::ZhCn);
        assert_eq!(initial(Some("klingon"), &langs(&["zh"])), Lang::ZhCn);
    }
}
