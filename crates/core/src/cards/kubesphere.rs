//! The KubeSphere marketplace card and detail page (kubesphere.md §1.3, §1.4, §1.5, §1.8).
//!
//! The console draws the card from the `Extension` object, whose spec ks-core copies from
//! `extension.yaml` of the package (name and version from Chart.yaml), with the icon read from
//! the chart's files. [`KsCard`] is that data, read from a package — a source folder or a
//! packaged `.tgz`; [`KsCard::view`] applies the console's language fallback
//! ([`resolve`]) for one UI language. [`detail_for`] gives the detail page: the README and
//! CHANGELOG found as the console's `getLocaleFile` finds them ([`locale_file`]), the
//! screenshots as the console shows them, and the basic-info fields.
//!
//! Reading is lenient, like a preview should be: a field of the wrong shape is skipped rather
//! than failing the card (the checker's rules report those).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ImageRef, Locales, classify_image, embedded_or_missing};
use crate::check::PackageReport;
use crate::document::Ctx;
use crate::helm::ignore::Rules;
use crate::markdown::{self, Block};
use crate::package::{Kind, Origin, Package};
use crate::syntax::yaml::{Node, ScalarType};

/// The card's box sizes, in CSS pixels (kubesphere.md §1.8, console `Extension.styles.ts`).
pub mod size {
    /// The icon sits in a 48×48 flex box (`max-width: 100%; height: auto`).
    pub const ICON_BOX: u32 = 48;
    /// Card height.
    pub const CARD_HEIGHT: u32 = 278;
    /// Card padding on every side.
    pub const CARD_PADDING: u32 = 16;
    /// Gap between cards; the width is `calc((100% - 3*16px)/4)`, four cards per row.
    pub const CARD_GAP: u32 = 16;
    /// Cards per row.
    pub const CARDS_PER_ROW: u32 = 4;
    /// Title font size (weight 600).
    pub const TITLE_FONT: u32 = 16;
    /// Title line height.
    pub const TITLE_LINE_HEIGHT: u32 = 24;
    /// The title is clamped to this many lines.
    pub const TITLE_LINES: u32 = 2;
    /// The "by …" line and the description: font size (the "by" line is grey, one line with an
    /// ellipsis and a tooltip).
    pub const SMALL_FONT: u32 = 12;
    /// Description line height; the description is clamped to however many lines fit.
    pub const DESCRIPTION_LINE_HEIGHT: u32 = 20;
}

/// The image the console shows when `spec.icon` is empty (kubesphere.md §1.8).
pub const ICON_PLACEHOLDER: &str = "/assets/extension-icon-placeholder.svg";

/// The console's "by {provider}" line per UI language (`locales/*/l10n-extensions.js`
/// `BY_PROVIDER`, kubesphere.md §1.8), with `{providerName}` as the placeholder. The console's
/// third UI language, `tc`, is not in the spec; [`by_provider`] uses English for it.
pub const BY_PROVIDER: [(&str, &str); 2] = [("en", "by {providerName}"), ("zh", "来自 {providerName}")];

/// The "by …" line for UI language `ui_lang` (`en`, `zh`; English for any other).
pub fn by_provider(ui_lang: &str, provider_name: &str) -> String {
    let template = BY_PROVIDER.iter().find(|(l, _)| *l == ui_lang).map_or(BY_PROVIDER[0].1, |(_, t)| t);
    template.replace("{providerName}", provider_name)
}

/// A marketplace category as ks-core defines it (a `Category` object with an English and a
/// Chinese display name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Category {
    /// The value of `category` in extension.yaml (the label `kubesphere.io/category`).
    pub name: &'static str,
    /// `displayName.en`.
    pub en: &'static str,
    /// `displayName.zh`.
    pub zh: &'static str,
    /// The first KubeSphere release that defines it.
    pub since: &'static str,
}

/// Every category ks-core defines (kubesphere.md §1.3), with its display names.
///
/// Sources: kubesphere.md §1.3 quotes two labels, `integration-delivery` ("Integration and
/// delivery" / "集成和交付") and `dev-tools` ("Developer tools" / "开发者工具"). The other
/// labels are not in the spec; they are quoted from the same file the spec cites,
/// `kubesphere/kubesphere:config/ks-core/templates/extension-categories.yaml` (read at commit
/// `07cc0f8f717c3a79a62a978a389e23a838bae683`), and agree with the two the spec quotes. None
/// is extcheck's own wording. `deepseek` exists from v4.1.3 (§1.3); the others from v4.1.1.
pub const CATEGORIES: [Category; 11] = [
    Category { name: "ai-machine-learning", en: "AI / LLM", zh: "人工智能 / 大模型", since: "4.1.1" },
    Category { name: "deepseek", en: "DeepSeek", zh: "DeepSeek", since: "4.1.3" },
    Category { name: "database", en: "Database", zh: "数据库", since: "4.1.1" },
    Category { name: "integration-delivery", en: "Integration and delivery", zh: "集成和交付", since: "4.1.1" },
    Category { name: "observability", en: "Observability", zh: "可观测性", since: "4.1.1" },
    Category { name: "networking", en: "Networking", zh: "网络", since: "4.1.1" },
    Category { name: "security", en: "Security", zh: "安全", since: "4.1.1" },
    Category { name: "storage", en: "Storage", zh: "存储", since: "4.1.1" },
    Category {
        name: "streaming-messaging", en: "Streaming and messaging", zh: "流平台和消息中间件", since: "4.1.1"
    },
    Category { name: "dev-tools", en: "Developer tools", zh: "开发者工具", since: "4.1.1" },
    Category { name: "computing", en: "Computing", zh: "计算", since: "4.1.1" },
];

/// The display names of category `name` as `{en, zh}`, or `None` for a category ks-core does
/// not define (`other`, `monitoring`, `devops`: the extension installs but appears under no
/// category filter).
pub fn category_label(name: &str) -> Option<Locales> {
    let c = CATEGORIES.iter().find(|c| c.name == name)?;
    Some(Locales::from([("en".to_string(), c.en.to_string()), ("zh".to_string(), c.zh.to_string())]))
}

/// The console's value for the current language (`getLocaleValue`, kubesphere.md §1.4):
/// `data[userLang] ?? data[browserLang] ?? data['en']`. `user_lang` is the console's UI
/// language (`en`, `zh`, `tc`) and `browser_lang` the browser's, already mapped with
/// [`console_lang`]. `None` means the caller's default applies: `metadata.name` for the display
/// name, `""` for the description, and no provider (the "by …" line is hidden). There is no
/// "first available" fallback. An empty string is a value (`??` only skips missing keys).
pub fn resolve<'a, V>(map: &'a BTreeMap<String, V>, user_lang: &str, browser_lang: &str) -> Option<&'a V> {
    map.get(user_lang).or_else(|| map.get(browser_lang)).or_else(|| map.get("en"))
}

/// The console's language code for a browser language (`navigator.language`): `zh-TW` →
/// `tc`, any other `xx-YY` → `xx`, compared without case (kubesphere.md §1.4).
pub fn console_lang(navigator_language: &str) -> String {
    let lower = navigator_language.trim().to_ascii_lowercase();
    if lower == "zh-tw" {
        return "tc".to_string();
    }
    lower.split('-').next().unwrap_or("").to_string()
}

/// The UI language a preview offering `en` and `zh` starts with, for a browser whose
/// `navigator.language` is `navigator_language`: `zh` when the console would use `zh`
/// ([`console_lang`]; `zh-TW` is `tc`, not `zh`), else `en`.
pub fn preview_lang(navigator_language: &str) -> &'static str {
    if console_lang(navigator_language) == "zh" { "zh" } else { "en" }
}

/// `provider.<lang>` of extension.yaml (Go type `Provider`; `email` and `url` optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provider {
    /// Shown as "by {name}"; the line is hidden when empty.
    pub name: String,
    /// Contact address, or `""`.
    pub email: String,
    /// Web site, or `""`.
    pub url: String,
}

/// The marketplace card of a KubeSphere extension (kubesphere.md §1.8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KsCard {
    /// `metadata.name`: the Chart.yaml `name` of a packaged extension, else extension.yaml's.
    pub name: String,
    /// The version, chosen the same way.
    pub version: String,
    /// The icon, resolved as ks-core does (§1.5): a URL is kept; a path has one leading `./`
    /// removed and is looked up among the chart's files — outside `templates/` and `charts/`,
    /// not Chart.yaml or values.yaml, and (for a source folder) not excluded by `.helmignore`.
    /// `None` when `icon` is empty or absent: the console shows [`ICON_PLACEHOLDER`].
    /// [`ImageRef::Missing`]: ks-core keeps the raw path and the console shows a broken image;
    /// a preview shows the placeholder with the path.
    pub icon: Option<ImageRef>,
    /// `displayName` by language.
    pub display_name: Locales,
    /// `description` by language.
    pub description: Locales,
    /// `provider` by language.
    pub provider: BTreeMap<String, Provider>,
    /// `category`, if set.
    pub category: Option<String>,
    /// The category's display names (`en`, `zh`), when ks-core defines it ([`CATEGORIES`]).
    pub category_label: Option<Locales>,
    /// The declared languages: the keys present in both `displayName` and `description`
    /// (ksbuilder `pkg/parser/extension.go`, §1.4), in code order.
    pub languages: Vec<String>,
}

/// The card as the console shows it in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KsCardView {
    /// The title (clamped to [`size::TITLE_LINES`] lines by the page): the resolved display
    /// name, else `metadata.name`.
    pub title: String,
    /// "by {name}" / "来自 {name}", or `None` when the resolved provider has no name.
    pub by_line: Option<String>,
    /// The resolved provider (for the "by" line's tooltip).
    pub provider: Option<Provider>,
    /// The resolved description, else `""`.
    pub description: String,
    /// The category's display name in the UI language (resolved like the other values).
    pub category_label: Option<String>,
}

impl KsCard {
    /// Reads the card from a KubeSphere package (source folder or packaged chart; paths
    /// relative to the package root). `None` when there is no readable `extension.yaml`
    /// mapping.
    pub fn from_package(package: &Package) -> Option<KsCard> {
        let ext = Extension::read(package)?;
        let files = Files::new(package);
        let icon = ext.icon.as_deref().and_then(|v| classify_image(v, |p| files.chart_file(p)));
        let languages = ext.display_name.keys().filter(|k| ext.description.contains_key(*k)).cloned().collect();
        Some(KsCard {
            category_label: ext.category.as_deref().and_then(category_label),
            name: ext.name,
            version: ext.version,
            icon,
            display_name: ext.display_name,
            description: ext.description,
            provider: ext.provider,
            category: ext.category,
            languages,
        })
    }

    /// The card of a checked package, when it is a KubeSphere extension.
    pub fn from_report(report: &PackageReport) -> Option<KsCard> {
        (report.kind == Some(Kind::Kubesphere)).then(|| KsCard::from_package(&report.package)).flatten()
    }

    /// The card in UI language `ui_lang` (`en`, `zh`, `tc`) for a browser whose
    /// `navigator.language` is `navigator_language` (e.g. `zh-CN`), with the console's
    /// fallback ([`resolve`]) and defaults.
    pub fn view(&self, ui_lang: &str, navigator_language: &str) -> KsCardView {
        let browser = console_lang(navigator_language);
        let provider = resolve(&self.provider, ui_lang, &browser).cloned();
        KsCardView {
            title: resolve(&self.display_name, ui_lang, &browser).cloned().unwrap_or_else(|| self.name.clone()),
            by_line: provider.as_ref().filter(|p| !p.name.is_empty()).map(|p| by_provider(ui_lang, &p.name)),
            provider,
            description: resolve(&self.description, ui_lang, &browser).cloned().unwrap_or_default(),
            category_label: self.category_label.as_ref().and_then(|l| resolve(l, ui_lang, &browser)).cloned(),
        }
    }
}

/// A README or CHANGELOG chosen for a language, parsed into the safe Markdown tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleFile {
    /// The file's path in the package, e.g. `README_zh.md`.
    pub path: String,
    /// Its Markdown, raw HTML dropped (the console renders with `skipHtml`).
    pub blocks: Vec<Block>,
}

/// The detail page of a KubeSphere extension in one UI language (kubesphere.md §1.8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KsDetail {
    /// `metadata.name`.
    pub name: String,
    /// The version.
    pub version: String,
    /// The UI language the files were chosen for.
    pub lang: String,
    /// The Overview tab's README ([`locale_file`] with base `README`).
    pub readme: Option<LocaleFile>,
    /// The Changelog tab (shown only when a file is found), base `CHANGELOG`.
    pub changelog: Option<LocaleFile>,
    /// Screenshots in order: `http(s)` values as [`ImageRef::Remote`], package paths (one
    /// leading `./` removed, looked up among the package files) as [`ImageRef::Embedded`] or
    /// [`ImageRef::Missing`] (the console silently drops a missing one; a preview may show
    /// it). The MIME type is the file's: the console itself labels every screenshot
    /// `image/png`, which browsers sniff past for raster images but not for SVG (the
    /// checklist says so).
    pub screenshots: Vec<ImageRef>,
    /// How many `data:` screenshots were dropped, as the console drops them.
    pub dropped_screenshots: usize,
    /// The provider for the UI language (`provider[lang] ?? provider['en']`; the console also
    /// tries the browser language in between — use [`resolve`] on [`KsCard::provider`] for that).
    pub provider: Option<Provider>,
    /// "Homepage" (`home`).
    pub home: Option<String>,
    /// "Documents" (`docs`).
    pub docs: Option<String>,
    /// `kubeVersion`.
    pub kube_version: Option<String>,
    /// `ksVersion`.
    pub ks_version: Option<String>,
    /// "Repositories" (`sources`).
    pub sources: Vec<String>,
    /// `keywords`.
    pub keywords: Vec<String>,
    /// The "Permission requirements" tab: `permissions.yaml` as text (lossy UTF-8).
    pub permissions: Option<String>,
    /// `installationMode`, `HostOnly` when empty (ksbuilder's and the CRD's default).
    pub installation_mode: String,
}

/// The detail page of a KubeSphere package in UI language `lang` (`en`, `zh`, `tc`). `None`
/// when there is no readable `extension.yaml` mapping.
pub fn detail_for(package: &Package, lang: &str) -> Option<KsDetail> {
    let ext = Extension::read(package)?;
    let files = Files::new(package);
    let visible: Vec<&str> = package.files.keys().map(String::as_str).filter(|p| files.visible(p)).collect();
    let pick = |base: &str| {
        locale_file(visible.iter().copied(), base, lang).map(|path| LocaleFile {
            path: path.to_string(),
            blocks: markdown::parse(&lossy_text(package.bytes(path).unwrap_or_default())),
        })
    };
    let mut screenshots = Vec::new();
    let mut dropped_screenshots = 0;
    for value in &ext.screenshots {
        if value.starts_with("data:") {
            dropped_screenshots += 1;
        } else if value.starts_with("http://") || value.starts_with("https://") {
            screenshots.push(ImageRef::Remote(value.clone()));
        } else if !value.is_empty() {
            let path = value.strip_prefix("./").unwrap_or(value);
            screenshots.push(embedded_or_missing(path, files.visible(path).then(|| package.bytes(path)).flatten()));
        }
    }
    Some(KsDetail {
        readme: pick("README"),
        changelog: pick("CHANGELOG"),
        screenshots,
        dropped_screenshots,
        provider: resolve(&ext.provider, lang, lang).cloned(),
        home: ext.home,
        docs: ext.docs,
        kube_version: ext.kube_version,
        ks_version: ext.ks_version,
        sources: ext.sources,
        keywords: ext.keywords,
        permissions: files
            .visible("permissions.yaml")
            .then(|| package.bytes("permissions.yaml"))
            .flatten()
            .map(lossy_text),
        installation_mode: ext.installation_mode.filter(|m| !m.is_empty()).unwrap_or_else(|| "HostOnly".into()),
        name: ext.name,
        version: ext.version,
        lang: lang.to_string(),
    })
}

/// The console's `getLocaleFile` (kubesphere.md §1.4): among `paths`, the root-level file named
/// `{base}{_|-|.}{lang}.md` compared without case (the first in path order), else exactly
/// `{base}.md`. `base` is `README` or `CHANGELOG`.
pub fn locale_file<'a>(paths: impl IntoIterator<Item = &'a str>, base: &str, lang: &str) -> Option<&'a str> {
    let fallback = format!("{base}.md");
    let wanted = [
        format!("{base}_{lang}.md").to_lowercase(),
        format!("{base}-{lang}.md").to_lowercase(),
        format!("{base}.{lang}.md").to_lowercase(),
    ];
    let mut found_fallback = None;
    for path in paths {
        if path.contains('/') {
            continue;
        }
        if !lang.is_empty() && wanted.contains(&path.to_lowercase()) {
            return Some(path);
        }
        if path == fallback && found_fallback.is_none() {
            found_fallback = Some(path);
        }
    }
    found_fallback
}

/// Text of a file for display: UTF-8 with invalid bytes replaced, a byte-order mark removed.
fn lossy_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()
}

/// Which files of the package the platform sees: for a source folder (no Chart.yaml at the
/// root, which `ksbuilder package` writes) Helm's `LoadDir` drops what `.helmignore` names;
/// a packaged chart has been filtered already.
pub(crate) struct Files<'a> {
    package: &'a Package,
    ignore: Option<Rules>,
}

impl<'a> Files<'a> {
    pub(crate) fn new(package: &'a Package) -> Files<'a> {
        let source = !package.contains("Chart.yaml");
        let ignore = source.then(|| package.text(".helmignore").map(Rules::parse).unwrap_or_else(Rules::defaults));
        Files { package, ignore }
    }

    /// True when the file at `path` exists and is part of the chart Helm loads.
    pub(crate) fn visible(&self, path: &str) -> bool {
        self.package.contains(path) && !self.ignore.as_ref().is_some_and(|r| r.ignores_file(path))
    }

    /// The bytes of `path` when it is one of the chart's *Files*, where ks-core looks the icon
    /// up: not Chart.yaml, values.yaml and the other files Helm consumes, and not under
    /// `templates/` or `charts/`.
    pub(crate) fn chart_file(&self, path: &str) -> Option<&'a [u8]> {
        const CONSUMED: [&str; 6] =
            ["Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json", "requirements.yaml", "requirements.lock"];
        if CONSUMED.contains(&path) || path.starts_with("templates/") || path.starts_with("charts/") {
            return None;
        }
        self.visible(path).then(|| self.package.bytes(path)).flatten()
    }
}

/// A maintainer (Helm `chart.Maintainer`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Maintainer {
    pub(crate) name: String,
}

/// What the cards read from extension.yaml (and Chart.yaml for name and version).
#[derive(Clone, Debug, Default)]
pub(crate) struct Extension {
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) display_name: Locales,
    pub(crate) description: Locales,
    pub(crate) provider: BTreeMap<String, Provider>,
    pub(crate) category: Option<String>,
    pub(crate) icon: Option<String>,
    pub(crate) screenshots: Vec<String>,
    pub(crate) home: Option<String>,
    pub(crate) docs: Option<String>,
    pub(crate) kube_version: Option<String>,
    pub(crate) ks_version: Option<String>,
    pub(crate) sources: Vec<String>,
    pub(crate) keywords: Vec<String>,
    pub(crate) maintainers: Vec<Maintainer>,
    pub(crate) images: Vec<String>,
    pub(crate) installation_mode: Option<String>,
}

/// A scalar's text; `None` for null, collections and aliases.
fn scalar(node: &Node) -> Option<String> {
    match node.scalar_type()? {
        ScalarType::Null => None,
        _ => node.as_str().map(str::to_string),
    }
}

/// A mapping of language → string, as Go decodes `Locales`: a null value is `""`; values of
/// other shapes are skipped; the last duplicate wins.
fn locales(node: Option<&Node>) -> Locales {
    let mut out = Locales::new();
    for e in node.map(Node::entries).unwrap_or_default() {
        let Some(key) = e.key_str() else { continue };
        let value = match e.value.scalar_type() {
            Some(ScalarType::Null) => String::new(),
            Some(_) => e.value.as_str().unwrap_or_default().to_string(),
            None => continue,
        };
        out.insert(key.to_string(), value);
    }
    out
}

fn strings(node: Option<&Node>) -> Vec<String> {
    node.map(Node::items).unwrap_or_default().iter().filter_map(scalar).collect()
}

impl Extension {
    pub(crate) fn read(package: &Package) -> Option<Extension> {
        let origin = Origin::Folder { name: String::new() };
        let ctx = Ctx::new(package, Kind::Kubesphere, &origin, None, "");
        let file = ctx.yaml("extension.yaml")?;
        let root = file.root().filter(|r| r.is_mapping())?;
        let field = |key: &str| root.entry_go(key).map(|e| &e.value);
        let text = |key: &str| field(key).and_then(scalar);
        let chart = ctx.yaml("Chart.yaml");
        let chart_text = |key: &str| {
            chart.as_ref().and_then(|c| c.root()).and_then(|r| r.entry_go(key)).and_then(|e| scalar(&e.value))
        };
        let mut provider = BTreeMap::new();
        for e in field("provider").map(Node::entries).unwrap_or_default() {
            let Some(lang) = e.key_str() else { continue };
            let p = if e.value.is_null() {
                Provider::default()
            } else if e.value.is_mapping() {
                let get = |k: &str| e.value.entry_go(k).and_then(|f| scalar(&f.value)).unwrap_or_default();
                Provider { name: get("name"), email: get("email"), url: get("url") }
            } else {
                continue;
            };
            provider.insert(lang.to_string(), p);
        }
        let maintainers = field("maintainers")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .filter(|m| m.is_mapping())
            .map(|m| Maintainer { name: m.entry_go("name").and_then(|e| scalar(&e.value)).unwrap_or_default() })
            .collect();
        Some(Extension {
            name: chart_text("name").filter(|s| !s.is_empty()).or_else(|| text("name")).unwrap_or_default(),
            version: chart_text("version").filter(|s| !s.is_empty()).or_else(|| text("version")).unwrap_or_default(),
            display_name: locales(field("displayName")),
            description: locales(field("description")),
            provider,
            category: text("category").filter(|s| !s.is_empty()),
            icon: text("icon"),
            screenshots: strings(field("screenshots")),
            home: text("home").filter(|s| !s.is_empty()),
            docs: text("docs").filter(|s| !s.is_empty()),
            kube_version: text("kubeVersion").filter(|s| !s.is_empty()),
            ks_version: text("ksVersion").filter(|s| !s.is_empty()),
            sources: strings(field("sources")),
            keywords: strings(field("keywords")),
            maintainers,
            images: strings(field("images")),
            installation_mode: text("installationMode"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(files: &[(&str, &[u8])]) -> Package {
        Package {
            files: files.iter().map(|(p, b)| (p.to_string(), b.to_vec())).collect(),
            partial: false,
            ..Package::default()
        }
    }

    const EXT: &str = "name: demo\nversion: 1.0.0\ndisplayName:\n  zh: 示例\n  en: Demo\ndescription:\n  en: A demo\n\
provider:\n  en:\n    name: Acme\n  zh: ~\ncategory: dev-tools\nicon: ./static/icon.svg\n";

    #[test]
    fn the_console_fallback_has_no_first_available_step() {
        let m = Locales::from([("zh".to_string(), "只有中文".to_string())]);
        assert_eq!(resolve(&m, "en", "en").map(String::as_str), None);
        assert_eq!(resolve(&m, "en", "zh").map(String::as_str), Some("只有中文"));
        let m = Locales::from([("en".to_string(), "E".to_string()), ("tc".to_string(), "T".to_string())]);
        assert_eq!(resolve(&m, "zh", "tc").map(String::as_str), Some("T"));
        assert_eq!(resolve(&m, "zh", "fr").map(String::as_str), Some("E"));
        // `??` only skips missing keys: an empty string is a value.
        let m = Locales::from([("zh".to_string(), String::new()), ("en".to_string(), "E".to_string())]);
        assert_eq!(resolve(&m, "zh", "en").map(String::as_str), Some(""));
    }

    #[test]
    fn browser_languages_map_like_the_console() {
        assert_eq!(console_lang("zh-TW"), "tc");
        assert_eq!(console_lang("zh-tw"), "tc");
        assert_eq!(console_lang("zh-CN"), "zh");
        assert_eq!(console_lang("en-US"), "en");
        assert_eq!(console_lang("fr"), "fr");
        assert_eq!(console_lang(""), "");
        assert_eq!(preview_lang("zh-CN"), "zh");
        assert_eq!(preview_lang("ZH"), "zh");
        assert_eq!(preview_lang("zh-TW"), "en");
        assert_eq!(preview_lang("en-GB"), "en");
        assert_eq!(preview_lang(""), "en");
    }

    #[test]
    fn a_card_in_both_languages_with_defaults() {
        let p = package(&[("extension.yaml", EXT.as_bytes()), ("static/icon.svg", b"<svg/>")]);
        let card = KsCard::from_package(&p).unwrap();
        assert_eq!(card.languages, ["en"]);
        assert_eq!(card.icon.as_ref().and_then(ImageRef::mime), Some("image/svg+xml"));
        let en = card.view("en", "en-US");
        assert_eq!(en.title, "Demo");
        assert_eq!(en.by_line.as_deref(), Some("by Acme"));
        assert_eq!(en.category_label.as_deref(), Some("Developer tools"));
        let zh = card.view("zh", "zh-CN");
        assert_eq!(zh.title, "示例");
        // `zh: ~` decodes to an empty Provider, which `??` picks: the line is hidden.
        assert_eq!(zh.by_line, None);
        assert_eq!(zh.description, "A demo");
        assert_eq!(zh.category_label.as_deref(), Some("开发者工具"));
        let fr = card.view("fr", "de-DE");
        assert_eq!(fr.title, "Demo");
        // A language with neither a value nor `en` falls back to the defaults.
        let only_zh = "name: demo\nversion: 1\ndisplayName: {zh: 中}\n";
        let card = KsCard::from_package(&package(&[("extension.yaml", only_zh.as_bytes())])).unwrap();
        let v = card.view("en", "en");
        assert_eq!((v.title.as_str(), v.description.as_str(), v.by_line), ("demo", "", None));
        assert_eq!(card.icon, None);
    }

    #[test]
    fn icon_lookup_follows_ks_core() {
        for (icon, expect_found) in [
            ("./static/icon.svg", true),
            ("static/icon.svg", true),
            ("./templates/icon.svg", false),
            ("charts/sub/icon.svg", false),
            ("./values.yaml", false),
            ("./ignored.svg", false),
        ] {
            let ext = format!("name: x\nversion: 1.0.0\nicon: {icon}\n");
            let p = package(&[
                ("extension.yaml", ext.as_bytes()),
                (".helmignore", b"ignored.svg\n"),
                ("static/icon.svg", b"<svg/>"),
                ("templates/icon.svg", b"<svg/>"),
                ("charts/sub/icon.svg", b"<svg/>"),
                ("values.yaml", b"a: 1"),
                ("ignored.svg", b"<svg/>"),
            ]);
            let card = KsCard::from_package(&p).unwrap();
            assert_eq!(card.icon.as_ref().is_some_and(ImageRef::is_displayable), expect_found, "{icon}");
        }
        // In a packaged chart `.helmignore` was applied already and is not applied again.
        let p = package(&[
            ("Chart.yaml", b"name: x\nversion: 1.0.0\n"),
            ("extension.yaml", b"name: x\nicon: ignored.svg\n"),
            (".helmignore", b"ignored.svg\n"),
            ("ignored.svg", b"<svg/>"),
        ]);
        assert!(KsCard::from_package(&p).unwrap().icon.unwrap().is_displayable());
    }

    #[test]
    fn name_and_version_come_from_chart_yaml_when_packaged() {
        let p = package(&[
            ("Chart.yaml", b"apiVersion: v2\nname: real\nversion: 2.0.0\n"),
            ("extension.yaml", b"name: other\nversion: 1.0.0\n"),
        ]);
        let card = KsCard::from_package(&p).unwrap();
        assert_eq!((card.name.as_str(), card.version.as_str()), ("real", "2.0.0"));
    }

    #[test]
    fn bad_input_gives_no_card_and_no_panic() {
        for text in [&b"- a list\n"[..], b"\xff\xfe not utf-8", b"key: [unclosed", b"", b"*alias", b"a: &x 1\nb: *x"] {
            let p = package(&[("extension.yaml", text)]);
            let _ = KsCard::from_package(&p);
            let _ = detail_for(&p, "zh");
        }
        assert_eq!(KsCard::from_package(&package(&[("extension.yaml", b"- a\n")])), None);
        assert_eq!(KsCard::from_package(&Package::default()), None);
        // Wrong shapes are skipped, not fatal.
        let weird = "name: [1]\ndisplayName: plain string\nprovider: {en: [x], zh: {name: {a: 1}}}\nicon: {a: 1}\n\
screenshots: {a: 1}\nkeywords: [a, {b: 1}, ~]\n";
        let card = KsCard::from_package(&package(&[("extension.yaml", weird.as_bytes())])).unwrap();
        assert_eq!(card.name, "");
        assert!(card.display_name.is_empty());
        assert_eq!(card.provider.get("zh").map(|p| p.name.as_str()), Some(""));
        assert!(!card.provider.contains_key("en"));
        assert_eq!(card.icon, None);
    }

    #[test]
    fn locale_files_are_found_like_get_locale_file() {
        let paths = ["CHANGELOG.md", "README.md", "Readme-ZH.md", "charts/x/README_zh.md", "README_tc.md"];
        assert_eq!(locale_file(paths, "README", "zh"), Some("Readme-ZH.md"));
        assert_eq!(locale_file(paths, "README", "tc"), Some("README_tc.md"));
        assert_eq!(locale_file(paths, "README", "en"), Some("README.md"));
        assert_eq!(locale_file(paths, "CHANGELOG", "zh"), Some("CHANGELOG.md"));
        assert_eq!(locale_file(["readme.md"], "README", "en"), None);
        assert_eq!(locale_file(["README.zh.md"], "README", "zh"), Some("README.zh.md"));
        assert_eq!(locale_file(["README_zh.markdown"], "README", "zh"), None);
        assert_eq!(locale_file(["README.md"], "README", ""), Some("README.md"));
    }

    #[test]
    fn detail_screenshots_and_files() {
        let ext = concat!(
            "name: d\nversion: 1.0.0\nprovider: {en: {name: A}}\nscreenshots:\n  - https://x/1.png\n",
            "  - ./static/2.png\n  - data:image/png;base64,AA==\n  - static/missing.png\n  - ''\n"
        );
        let p = package(&[
            ("extension.yaml", ext.as_bytes()),
            ("static/2.png", b"\x89PNG\r\n\x1a\n"),
            ("README.md", b"# Title\n\n<script>alert(1)</script>\n\nText"),
            ("README_zh.md", b"\xef\xbb\xbf# \xe6\xa0\x87\xe9\xa2\x98 \xff"),
            ("permissions.yaml", b"kind: ClusterRole\n"),
        ]);
        let d = detail_for(&p, "zh").unwrap();
        assert_eq!(d.readme.as_ref().unwrap().path, "README_zh.md");
        assert!(matches!(&d.readme.as_ref().unwrap().blocks[0], Block::Heading { level: 1, .. }));
        assert_eq!(d.changelog, None);
        assert_eq!(d.dropped_screenshots, 1);
        assert_eq!(d.screenshots.len(), 3);
        assert_eq!(d.screenshots[0], ImageRef::Remote("https://x/1.png".into()));
        assert!(d.screenshots[1].is_displayable());
        assert_eq!(d.screenshots[2], ImageRef::Missing { path: "static/missing.png".into() });
        assert_eq!(d.provider.as_ref().map(|p| p.name.as_str()), Some("A"));
        assert_eq!(d.installation_mode, "HostOnly");
        assert_eq!(d.permissions.as_deref(), Some("kind: ClusterRole\n"));
        let en = detail_for(&p, "en").unwrap();
        let blocks = &en.readme.as_ref().unwrap().blocks;
        // Raw HTML is dropped by the Markdown tree.
        assert!(!format!("{blocks:?}").contains("script"));
    }

    #[test]
    fn every_category_has_both_labels() {
        for c in CATEGORIES {
            let l = category_label(c.name).unwrap();
            assert!(!l["en"].is_empty() && !l["zh"].is_empty(), "{}", c.name);
        }
        assert_eq!(category_label("integration-delivery").unwrap()["zh"], "集成和交付");
        assert_eq!(category_label("other"), None);
        assert_eq!(by_provider("zh", "青云"), "来自 青云");
        assert_eq!(by_provider("tc", "X"), "by X");
    }
}
