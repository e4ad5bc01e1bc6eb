//! The Rancher Extensions-page card (rancher.md §5) and its incompatibility message for a
//! chosen Rancher line (§3 Gates A and B).
//!
//! The card is drawn from one chart version's Chart.yaml (`mapChartToPluginItem` in
//! `shell/pages/c/_cluster/uiplugins/index.vue`). A package.json is first turned into the
//! chart the publish script would make (rancher.md §1–§2: the `patch` script and the
//! template's defaults), so both inputs give the same [`RancherChart`]. [`RancherCard`] is
//! what the card shows; [`status_for`] says, for a Rancher line, whether the card appears
//! (Gate A), whether Install is offered (Gate B), and Rancher's own message and tooltip
//! strings (`shell/assets/translations/en-us.yaml`).
//!
//! Two layouts exist ([`Layout::for_line`]): up to 2.12 the text is inline with badges; from
//! 2.13.0 the card is an `RcItemCard` with a sub-header and footer tags.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ImageRef;
use crate::check::PackageReport;
use crate::document::Ctx;
use crate::matrix::{GateOutcome, Matrix};
use crate::package::{Kind, Origin, Package};
use crate::platforms::{RANCHER, RancherRelease, VendorBuild};
use crate::rancher::annotations::{
    self, KUBE_VERSION, PRIME_ONLY, RANCHER_VERSION, UI_EXTENSIONS_HOST, UI_EXTENSIONS_VERSION, UI_VERSION,
};
use crate::semver::judge::{self, Component, Field, Verdict};
use crate::semver::node;
use crate::syntax::json::{JsonNode, JsonValue};
use crate::syntax::yaml::{Node, ScalarType};

/// `catalog.cattle.io/display-name`: the card title.
pub const DISPLAY_NAME: &str = "catalog.cattle.io/display-name";
/// `catalog.cattle.io/certified`: `rancher` suppresses the Third-Party tag.
pub const CERTIFIED: &str = "catalog.cattle.io/certified";
/// `catalog.cattle.io/experimental`: `"true"` gives the Experimental tag.
pub const EXPERIMENTAL: &str = "catalog.cattle.io/experimental";
/// `catalog.cattle.io/deprecated`: `"true"` marks the extension deprecated.
pub const DEPRECATED: &str = "catalog.cattle.io/deprecated";
/// `catalog.cattle.io/hidden`: `"true"` drops the whole card.
pub const HIDDEN: &str = "catalog.cattle.io/hidden";
/// `catalog.cattle.io/ui-component`: `plugins` makes a chart an extension (`isUIPlugin`).
pub const UI_COMPONENT: &str = "catalog.cattle.io/ui-component";

/// `MAX_DESCRIPTION_LENGTH` of the Extensions page: descriptions longer than this are cut.
pub const MAX_DESCRIPTION_LENGTH: usize = 200;

/// The image the card shows without an icon: `~shell/assets/images/generic-plugin.svg`.
pub const GENERIC_ICON: &str = "generic-plugin.svg";

/// The publish template's Chart.yaml (`shell/scripts/extension/helm/charts/ui-plugin-server`,
/// master, rancher.md §2): the values a package.json cannot remove but only override.
pub mod template {
    /// `description`, kept when package.json has `"description": ""`.
    pub const DESCRIPTION: &str = "Extension server";
    /// `icon`, kept when package.json has `"icon": ""`.
    pub const ICON: &str = "https://docs.ranchermanager.rancher.io/img/rancher-logo-horiz-color.svg";
    /// `home`, kept when package.json has `"homepage": ""`.
    pub const HOME: &str = "https://rancher.com";
    /// The annotations, under package.json's `rancher.annotations` (which win).
    pub const ANNOTATIONS: [(&str, &str); 6] = [
        ("catalog.cattle.io/certified", "rancher"),
        ("catalog.cattle.io/namespace", "cattle-ui-plugin-system"),
        ("catalog.cattle.io/os", "linux"),
        ("catalog.cattle.io/permits-os", "linux, windows"),
        ("catalog.cattle.io/scope", "management"),
        ("catalog.cattle.io/ui-component", "plugins"),
    ];
}

/// Where a [`RancherChart`] was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartSource {
    /// An extension chart's Chart.yaml.
    ChartYaml,
    /// A `pkg/<name>/package.json`, turned into the chart the publish script would build.
    PackageJson,
}

/// One extension chart version as the Extensions page reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RancherChart {
    /// What it was read from.
    pub source: ChartSource,
    /// Chart `name` (package.json `name`; `null` when absent, as `jq` prints it).
    pub name: String,
    /// Chart `version`.
    pub version: String,
    /// Chart `appVersion` (package.json: equal to `version`).
    pub app_version: Option<String>,
    /// Chart `description`. From package.json: with every `"` removed (`tr -d '"'`), deleted
    /// when absent or `null`, the template's `Extension server` when `""`.
    pub description: Option<String>,
    /// Chart `icon`: `http(s)` URLs are [`ImageRef::Remote`] (Rancher fetches them through its
    /// own proxy; extcheck never does), `data:image/` URLs [`ImageRef::DataUrl`], anything else
    /// [`ImageRef::Missing`] — Rancher resolves a relative icon against the repository URL,
    /// outside the chart. `None`: the card shows [`GENERIC_ICON`]. From package.json: deleted
    /// when absent, the template's Rancher logo when `""`.
    pub icon: Option<ImageRef>,
    /// Chart `home` (package.json `homepage`).
    pub home: Option<String>,
    /// Chart `keywords`.
    pub keywords: Vec<String>,
    /// Chart annotations with string values (package.json: the template's, overridden by
    /// `rancher.annotations`).
    pub annotations: BTreeMap<String, String>,
    /// The chart's `README.md` path when present (package.json: `README.md` beside it, which
    /// the publish script copies into the chart).
    pub readme: Option<String>,
    /// Fields whose publish-template default stays because package.json set them to `""`
    /// (`description`, `icon`, `home`).
    pub template_defaults: Vec<String>,
    /// Set when only part of the package was given (a single file): absent files are unknown.
    pub partial: bool,
}

impl RancherChart {
    /// Reads a Rancher package.json ([`Kind::RancherPackage`]) or extension chart
    /// ([`Kind::RancherChart`]); `None` for other kinds or when the manifest does not parse.
    pub fn from_package(package: &Package, kind: Kind) -> Option<RancherChart> {
        let origin = Origin::Folder { name: String::new() };
        let ctx = Ctx::new(package, kind, &origin, None, "");
        let readme = package.contains("README.md").then(|| "README.md".to_string());
        match kind {
            Kind::RancherChart => {
                let file = ctx.yaml("Chart.yaml")?;
                let root = file.root().filter(|r| r.is_mapping())?;
                let text = |k: &str| root.entry_go(k).and_then(|e| yaml_text(&e.value)).filter(|s| !s.is_empty());
                let annotations = root
                    .entry_go("annotations")
                    .map(|e| annotations::from_yaml(&e.value))
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|a| Some((a.key, a.value?)))
                    .collect();
                Some(RancherChart {
                    source: ChartSource::ChartYaml,
                    name: text("name").unwrap_or_default(),
                    version: text("version").unwrap_or_default(),
                    app_version: text("appVersion"),
                    description: text("description"),
                    icon: text("icon").map(|v| icon_ref(&v)),
                    home: text("home"),
                    keywords: root
                        .entry_go("keywords")
                        .map(|e| e.value.items().iter().filter_map(yaml_text).collect())
                        .unwrap_or_default(),
                    annotations,
                    readme,
                    template_defaults: Vec::new(),
                    partial: package.partial,
                })
            }
            Kind::RancherPackage => {
                let file = ctx.json("package.json")?;
                let root = file.value.as_ref().ok().filter(|r| r.is_object())?;
                let mut defaults = Vec::new();
                let mut patched = |key: &str, field: &str, default: Option<&str>| match patch_value(root.get(key)) {
                    Patched::Value(v) => Some(v),
                    Patched::Deleted => None,
                    Patched::Kept => {
                        defaults.push(field.to_string());
                        default.map(str::to_string)
                    }
                };
                // `jq ".name"` prints `null` for a missing name, and the script uses it as is (an
                // empty name stops the script with its usage message).
                let name = patched("name", "name", Some("")).unwrap_or_else(|| "null".into());
                let version = patched("version", "version", Some("")).unwrap_or_else(|| "null".into());
                let description = patched("description", "description", Some(template::DESCRIPTION));
                let icon = patched("icon", "icon", Some(template::ICON));
                let home = patched("homepage", "home", Some(template::HOME));
                defaults.retain(|f| f != "name" && f != "version");
                let mut annotations: BTreeMap<String, String> =
                    template::ANNOTATIONS.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
                if let Some(own) = root.get("rancher").and_then(|r| r.get("annotations")).filter(|a| a.is_object()) {
                    for a in annotations::from_json(own) {
                        if let Some(v) = a.value {
                            annotations.insert(a.key, v);
                        }
                    }
                }
                let keywords = match root.get("keywords").map(|k| &k.value) {
                    Some(JsonValue::Array(items)) => {
                        items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect()
                    }
                    _ => Vec::new(),
                };
                Some(RancherChart {
                    source: ChartSource::PackageJson,
                    app_version: Some(version.clone()),
                    name,
                    version,
                    description,
                    icon: icon.map(|v| icon_ref(&v)),
                    home,
                    keywords,
                    annotations,
                    readme,
                    template_defaults: defaults,
                    partial: package.partial,
                })
            }
            _ => None,
        }
    }

    /// The chart of a checked package, when it is a Rancher package.json or extension chart.
    pub fn from_report(report: &PackageReport) -> Option<RancherChart> {
        RancherChart::from_package(&report.package, report.kind?)
    }

    /// The value of annotation `key`.
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.annotations.get(key).map(String::as_str)
    }

    fn flag(&self, key: &str, value: &str) -> bool {
        self.annotation(key) == Some(value)
    }
}

/// A scalar's text (any non-null scalar, as Go reads it into a string field).
fn yaml_text(node: &Node) -> Option<String> {
    match node.scalar_type()? {
        ScalarType::Null => None,
        _ => node.as_str().map(str::to_string),
    }
}

/// What the `patch` script does with one package.json field (`jq ".x" | tr -d '"'`).
enum Patched {
    /// The value written into Chart.yaml.
    Value(String),
    /// `null` or absent: the key is deleted (`del(.x)`).
    Deleted,
    /// An empty string: the script skips the field and the template's value stays.
    Kept,
}

fn patch_value(node: Option<&JsonNode>) -> Patched {
    let Some(node) = node else { return Patched::Deleted };
    let text = match &node.value {
        JsonValue::Null => return Patched::Deleted,
        JsonValue::String(s) => s.replace('"', ""),
        JsonValue::Number(n) => n.clone(),
        JsonValue::Bool(b) => b.to_string(),
        // `jq` prints the JSON text; what `yq` then makes of it is not modelled.
        JsonValue::Array(_) | JsonValue::Object(_) => return Patched::Deleted,
    };
    match text.as_str() {
        "" => Patched::Kept,
        "null" => Patched::Deleted,
        _ => Patched::Value(text),
    }
}

fn icon_ref(value: &str) -> ImageRef {
    if value.starts_with("http://") || value.starts_with("https://") {
        ImageRef::Remote(value.to_string())
    } else if super::is_image_data_url(value) {
        ImageRef::DataUrl(value.to_string())
    } else {
        ImageRef::Missing { path: value.to_string() }
    }
}

/// Which card layout a Rancher line uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// Rancher ≤ 2.12: name, description, version and the grey incompatibility paragraph
    /// inline; badges Built-in / Third-Party / Experimental; buttons Install / Uninstall /
    /// Update / Rollback.
    Inline,
    /// Rancher ≥ 2.13.0 (`RcItemCard`, commit ef6d0a8ffb): title with status icons, a
    /// sub-header (version label, last-updated date), footer tags, action menu.
    ItemCard,
}

impl Layout {
    /// The layout of Rancher line `minor` (`2.12`, `2.13`, also `v2.13.1`). `None` when the
    /// text is not a `2.N` version.
    pub fn for_line(minor: &str) -> Option<Layout> {
        let (major, minor) = line_numbers(minor)?;
        Some(if major > 2 || minor >= 13 { Layout::ItemCard } else { Layout::Inline })
    }
}

/// The Rancher lines [`status_for`] can evaluate with `matrix` (the package's Rancher matrix):
/// the lines of [`RANCHER`] that have a row in it, oldest first — the choices a page offers.
pub fn lines(matrix: &Matrix) -> Vec<&'static str> {
    RANCHER.iter().map(|r| r.minor).filter(|m| matrix.row_index(m).is_some()).collect()
}

fn line_numbers(line: &str) -> Option<(u32, u32)> {
    let mut parts = line.trim().trim_start_matches('v').split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// A tag or flag of the card, in the order the ≥ 2.13 item card shows its footer tags
/// (`getFooterItems`: Prime only, Third-Party, Experimental), then the two flags that are not
/// footer tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tag {
    /// `prime-only: "true"`: "Prime only" (item card only).
    PrimeOnly,
    /// `certified` is not `rancher`: "Third-Party" (both layouts).
    ThirdParty,
    /// `experimental: "true"`: "Experimental" (both layouts).
    Experimental,
    /// `deprecated: "true"`: not a footer tag; the ≥ 2.13 card adds "Deprecated" to its red
    /// status icon's tooltip, and the side panel warns.
    Deprecated,
    /// `hidden: "true"`: Rancher drops the whole card.
    Hidden,
}

impl Tag {
    /// The text Rancher shows (`plugins.labels.*`, `generic.deprecated`); `Hidden` is
    /// extcheck's word, since Rancher shows nothing.
    pub const fn label(self) -> &'static str {
        match self {
            Tag::PrimeOnly => "Prime only",
            Tag::ThirdParty => "Third-Party",
            Tag::Experimental => "Experimental",
            Tag::Deprecated => "Deprecated",
            Tag::Hidden => "Hidden",
        }
    }

    /// True when the tag is drawn as a badge or footer tag in `layout`.
    pub const fn is_badge_in(self, layout: Layout) -> bool {
        match self {
            Tag::PrimeOnly => matches!(layout, Layout::ItemCard),
            Tag::ThirdParty | Tag::Experimental => true,
            Tag::Deprecated | Tag::Hidden => false,
        }
    }
}

/// The Extensions-page card of one chart version (rancher.md §5 "Fields").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RancherCard {
    /// The chart name (used for the icon's alt text and for sorting).
    pub name: String,
    /// `display-name`, else the chart name.
    pub title: String,
    /// The description as shown: cut after [`MAX_DESCRIPTION_LENGTH`] characters with
    /// `" ..."` appended ([`cut_description`]).
    pub description: Option<String>,
    /// The whole description (the side panel).
    pub description_full: Option<String>,
    /// The icon; `None` → [`GENERIC_ICON`].
    pub icon: Option<ImageRef>,
    /// The icon's alt text, `plugins.altIcon`: "Icon for {name} extension card".
    pub icon_alt: String,
    /// The ≥ 2.13 version label, `getPluginChartVersionLabel`: `"<appVersion> (<version>)"`
    /// when they differ, else `"<version>"`.
    pub version_label: String,
    /// The ≤ 2.12 inline version: the chart `version` (`displayVersion`).
    pub display_version: String,
    /// Tags and flags, in [`Tag`] order.
    pub tags: Vec<Tag>,
    /// The "last updated" date: Rancher takes `created` from the repository index (written by
    /// `helm repo index`), which a chart does not carry, so this is `None` for a package and
    /// the sub-header omits the item, as Rancher does when it is empty.
    pub created: Option<String>,
}

impl RancherCard {
    /// The card of `chart`.
    pub fn from_chart(chart: &RancherChart) -> RancherCard {
        let full = chart.description.clone().filter(|d| !d.is_empty());
        let mut tags = Vec::new();
        if chart.flag(PRIME_ONLY, "true") {
            tags.push(Tag::PrimeOnly);
        }
        if !chart.flag(CERTIFIED, "rancher") {
            tags.push(Tag::ThirdParty);
        }
        if chart.flag(EXPERIMENTAL, "true") {
            tags.push(Tag::Experimental);
        }
        if chart.flag(DEPRECATED, "true") {
            tags.push(Tag::Deprecated);
        }
        if chart.flag(HIDDEN, "true") {
            tags.push(Tag::Hidden);
        }
        RancherCard {
            name: chart.name.clone(),
            title: chart.annotation(DISPLAY_NAME).filter(|t| !t.is_empty()).unwrap_or(&chart.name).to_string(),
            description: full.as_deref().map(cut_description),
            description_full: full,
            icon: chart.icon.clone(),
            icon_alt: format!("Icon for {} extension card", chart.name),
            version_label: version_label(&chart.version, chart.app_version.as_deref()),
            display_version: chart.version.clone(),
            tags,
            created: None,
        }
    }

    /// The card of a checked package, when it is a Rancher package.json or extension chart.
    pub fn from_report(report: &PackageReport) -> Option<RancherCard> {
        RancherChart::from_report(report).map(|c| RancherCard::from_chart(&c))
    }

    /// The version text `layout` shows: [`RancherCard::display_version`] inline,
    /// [`RancherCard::version_label`] on the item card.
    pub fn version_text(&self, layout: Layout) -> &str {
        match layout {
            Layout::Inline => &self.display_version,
            Layout::ItemCard => &self.version_label,
        }
    }

    /// The tags drawn as badges (≤ 2.12) or footer tags (≥ 2.13), in display order.
    pub fn badges(&self, layout: Layout) -> Vec<Tag> {
        self.tags.iter().copied().filter(|t| t.is_badge_in(layout)).collect()
    }
}

/// `getPluginChartVersionLabel`: `"<appVersion> (<version>)"` when `app_version` is set and
/// differs from `version`, else `version`.
pub fn version_label(version: &str, app_version: Option<&str>) -> String {
    match app_version.filter(|a| !a.is_empty() && *a != version) {
        Some(app) => format!("{app} ({version})"),
        None => version.to_string(),
    }
}

/// The Extensions page's description clamp: longer than [`MAX_DESCRIPTION_LENGTH`] →
/// the first 200 followed by `" ..."`. Lengths are JavaScript string lengths (UTF-16 code
/// units, `description.length` and `substr`), which equal characters for all text outside
/// the astral planes (emoji count 2). A cut through a surrogate pair leaves a lone surrogate,
/// which the browser draws as U+FFFD; so does this function.
pub fn cut_description(description: &str) -> String {
    let units: Vec<u16> = description.encode_utf16().collect();
    if units.len() <= MAX_DESCRIPTION_LENGTH {
        return description.to_string();
    }
    format!("{} ...", String::from_utf16_lossy(&units[..MAX_DESCRIPTION_LENGTH]))
}

/// Which check of the Extensions page rejects a chart version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IncompatibilityKind {
    /// `kube-version` is not satisfied by the local cluster's Kubernetes.
    KubeVersion,
    /// `rancher-version` is not satisfied by the Rancher version.
    RancherVersion,
    /// `ui-version` is not satisfied by the Rancher version (same strings as
    /// `RancherVersion`, with the `ui-version` range).
    UiVersion,
    /// `ui-extensions-version` is missing (2.10+).
    ExtensionsApiMissing,
    /// `ui-extensions-version` is not satisfied by the Extensions API version.
    ExtensionsApi,
    /// `ui-extensions-host` is set (2.10+ always fails it) or is not `rancher-manager`.
    Host,
    /// `prime-only: "true"` on Rancher Community (2.12.5+, 2.13.1+, 2.14+).
    PrimeOnly,
}

/// One failing check, with Rancher's strings for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Incompatibility {
    /// The check.
    pub kind: IncompatibilityKind,
    /// The annotation read.
    pub annotation: &'static str,
    /// The annotation's value (`{ required }`), when it has one.
    pub required: Option<String>,
    /// The card message (`plugins.incompatible*`), for version `chart.version`.
    pub message: String,
    /// The side panel's tooltip on that version (`plugins.info.requires*`).
    pub tooltip: String,
}

impl IncompatibilityKind {
    /// Rancher's card message (`cardMessageKey`) for chart version `version`.
    pub fn card_message(self, version: &str, required: &str) -> String {
        match self {
            IncompatibilityKind::KubeVersion => format!(
                "The latest version of this extension ({version}) is not compatible with the current Kube version ({required})."
            ),
            IncompatibilityKind::RancherVersion | IncompatibilityKind::UiVersion => format!(
                "The latest version of this extension ({version}) is not compatible with the current Rancher version ({required})."
            ),
            IncompatibilityKind::ExtensionsApiMissing => format!(
                "The latest version of this extension ({version}) is missing the mandatory annotation catalog.cattle.io/ui-extensions-version from Rancher 2.10 and onwards."
            ),
            IncompatibilityKind::ExtensionsApi => format!(
                "The latest version of this extension ({version}) is not compatible with the current Extensions API version ({required})."
            ),
            IncompatibilityKind::Host => format!(
                "The latest version of this extension ({version}) has a host of \"{required}\" which is not compatible with this application \"rancher-manager\"."
            ),
            IncompatibilityKind::PrimeOnly => format!(
                "The latest version of this extension ({version}) needs Rancher Prime in order to be installed."
            ),
        }
    }

    /// Rancher's side-panel tooltip (`tooltipKey`).
    pub fn tooltip(self, required: &str) -> String {
        match self {
            IncompatibilityKind::KubeVersion => format!("Requires Kube version {required}"),
            IncompatibilityKind::RancherVersion | IncompatibilityKind::UiVersion => {
                format!("Requires Rancher {required}")
            }
            IncompatibilityKind::ExtensionsApiMissing => "Missing the annotation catalog.cattle.io/ui-extensions-version which implies incompatibility with Rancher 2.10 and onwards".into(),
            IncompatibilityKind::ExtensionsApi => format!("Requires Extensions API version {required}"),
            IncompatibilityKind::Host => "Requires a host that matches \"rancher-manager\"".into(),
            IncompatibilityKind::PrimeOnly => "Requires Rancher Prime".into(),
        }
    }
}

fn incompatibility(
    chart: &RancherChart,
    kind: IncompatibilityKind,
    annotation: &'static str,
    required: Option<&str>,
) -> Incompatibility {
    let r = required.unwrap_or("");
    Incompatibility {
        kind,
        annotation,
        required: required.map(str::to_string),
        message: kind.card_message(&chart.version, r),
        tooltip: kind.tooltip(r),
    }
}

/// Every check of the Extensions page (Gate B) that rejects `chart` on `release` with a local
/// cluster at Kubernetes `kubernetes` (a `GitVersion` such as `v1.31.0`), read from the
/// annotations, in the order the line runs them — so the first is the one whose message
/// Rancher shows. The engines and comparisons are the matrix's (rancher.md §3):
///
/// * 2.10+ (`isSupportedChartVersion`): kube, rancher-version, ui-version, missing
///   `ui-extensions-version`, `ui-extensions-version`, host (always fails when set: the
///   `semver.satisfies('rancher-manager', …)` bug), then prime-only where the line checks it.
/// * 2.9: kube, host (`!==`), `ui-extensions-version` only when present (coerced API),
///   ui-version; `rancher-version` is checked only on non-release builds, so not here.
/// * 2.7 / 2.8: `ui-extensions-version` when present (the line's constant API, uncoerced),
///   host, kube, ui-version.
pub fn incompatibilities(chart: &RancherChart, release: &RancherRelease, kubernetes: &str) -> Vec<Incompatibility> {
    use IncompatibilityKind as K;
    let minor = line_numbers(release.minor).map_or(0, |(_, m)| m);
    let rancher = format!("v{}", release.version);
    let mut out = Vec::new();
    let mut push = |kind, key, required: Option<&str>| out.push(incompatibility(chart, kind, key, required));
    if minor >= 10 {
        let fails = |field: Field, constraint: &str, current: &str| {
            judge::judge(Component::RancherExtensionsPage, field, constraint, current)
                .is_some_and(|j| j.verdict != Verdict::Accepted)
        };
        for (key, field, current, kind) in [
            (KUBE_VERSION, Field::KubeVersion, kubernetes, K::KubeVersion),
            (RANCHER_VERSION, Field::RancherVersion, rancher.as_str(), K::RancherVersion),
            (UI_VERSION, Field::UiVersion, rancher.as_str(), K::UiVersion),
        ] {
            if let Some(c) = chart.annotation(key).filter(|c| fails(field, c, current)) {
                push(kind, key, Some(c));
            }
        }
        match chart.annotation(UI_EXTENSIONS_VERSION) {
            None => push(K::ExtensionsApiMissing, UI_EXTENSIONS_VERSION, None),
            Some(api) if fails(Field::UiExtensionsVersion, api, release.extensions_api) => {
                push(K::ExtensionsApi, UI_EXTENSIONS_VERSION, Some(api));
            }
            Some(_) => {}
        }
        if let Some(host) = chart.annotation(UI_EXTENSIONS_HOST) {
            push(K::Host, UI_EXTENSIONS_HOST, Some(host));
        }
        if release.prime_only_check && chart.flag(PRIME_ONLY, "true") {
            push(K::PrimeOnly, PRIME_ONLY, Some("true"));
        }
        return out;
    }
    let satisfies = |version: &str, range: &str| node::satisfies(version, range, node::Options::DEFAULT);
    let base = judge::kubernetes_version_base(kubernetes);
    let api = if minor == 9 {
        node::coerce(release.extensions_api).map_or(release.extensions_api.to_string(), |v| v.version)
    } else {
        release.extensions_api.to_string()
    };
    let rancher_plain = release.version.split('-').next().unwrap_or(release.version);
    let kube = chart.annotation(KUBE_VERSION).filter(|c| !satisfies(&base, c));
    let host = chart.annotation(UI_EXTENSIONS_HOST).filter(|h| *h != "rancher-manager");
    let api_fail = chart.annotation(UI_EXTENSIONS_VERSION).filter(|c| !satisfies(&api, c));
    let ui = chart.annotation(UI_VERSION).filter(|c| !satisfies(rancher_plain, c));
    let order: [(K, &'static str, Option<&str>); 4] = if minor == 9 {
        [
            (K::KubeVersion, KUBE_VERSION, kube),
            (K::Host, UI_EXTENSIONS_HOST, host),
            (K::ExtensionsApi, UI_EXTENSIONS_VERSION, api_fail),
            (K::UiVersion, UI_VERSION, ui),
        ]
    } else {
        [
            (K::ExtensionsApi, UI_EXTENSIONS_VERSION, api_fail),
            (K::Host, UI_EXTENSIONS_HOST, host),
            (K::KubeVersion, KUBE_VERSION, kube),
            (K::UiVersion, UI_VERSION, ui),
        ]
    };
    for (kind, key, failing) in order {
        if let Some(required) = failing {
            push(kind, key, Some(required));
        }
    }
    out
}

/// What the Extensions page of one Rancher line does with the card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CardStatus {
    /// The Rancher line, e.g. `2.10`.
    pub line: String,
    /// The Rancher release evaluated (the matrix's row), e.g. `2.10.12`.
    pub rancher_version: String,
    /// The local cluster's Kubernetes `GitVersion` evaluated, e.g. `v1.31.0`.
    pub kubernetes: String,
    /// The line's card layout.
    pub layout: Layout,
    /// False when the card does not appear at all: Gate A removed the version from the
    /// repository index (release builds), the chart lacks `ui-component: plugins`, or it is
    /// `hidden`.
    pub shown: bool,
    /// Install is offered on Rancher Community (shown, and Gate B passes).
    pub installable: bool,
    /// Install is offered on Rancher Prime only (`prime-only`, Gate B's caveat).
    pub prime_only: bool,
    /// The card message of the first failing check ([`Incompatibility::message`]), for the
    /// preview; filled even when `shown` is false (builds that skip Gate A, such as `-head`,
    /// show the card). See `note` for when the real card shows it.
    pub message: Option<String>,
    /// The side panel's tooltip for the first failing check.
    pub tooltip: Option<String>,
    /// Every failing check, in the order the line runs them (one fix may reveal the next).
    pub incompatibilities: Vec<Incompatibility>,
    /// What happens on the real page, in a sentence or two.
    pub note: String,
}

/// The card's status on Rancher line `rancher_minor` (`2.10`) with a local cluster at the
/// newest Kubernetes minor the line supports (plain build), using `matrix` — the package's
/// Rancher matrix — for Gates A and B. `None` when the line or that cell is not in the matrix.
pub fn status_for(chart: &RancherChart, matrix: &Matrix, rancher_minor: &str) -> Option<CardStatus> {
    let release = RANCHER.iter().find(|r| r.minor == rancher_minor)?;
    status_at(chart, matrix, rancher_minor, release.kube.hi, VendorBuild::Plain)
}

/// [`status_for`] at Kubernetes `1.kube_minor` in build form `vendor`.
pub fn status_at(
    chart: &RancherChart,
    matrix: &Matrix,
    rancher_minor: &str,
    kube_minor: u32,
    vendor: VendorBuild,
) -> Option<CardStatus> {
    let release = RANCHER.iter().find(|r| r.minor == rancher_minor)?;
    let cell = matrix.cell(matrix.row_index(rancher_minor)?, matrix.column_index(kube_minor)?, vendor)?;
    let gate = |id: &str| cell.gates.iter().find(|g| g.id == id);
    let gate_a = gate("rancher-a");
    let gate_b = gate("rancher-b");
    let layout = Layout::for_line(rancher_minor).unwrap_or(Layout::ItemCard);
    let list = incompatibilities(chart, release, &cell.kubernetes);
    let filtered = gate_a.is_some_and(|g| g.outcome == GateOutcome::Fail);
    let not_extension = !chart.flag(UI_COMPONENT, "plugins");
    let hidden = chart.flag(HIDDEN, "true");
    let shown = !filtered && !not_extension && !hidden;
    let b = gate_b.map_or(GateOutcome::Pass, |g| g.outcome);
    let installable = shown && b == GateOutcome::Pass;
    let prime_only = shown && b == GateOutcome::Caveat && list.iter().any(|i| i.kind == IncompatibilityKind::PrimeOnly);
    let first = list.first();
    let mut message = first.map(|i| i.message.clone());
    let tooltip = first.map(|i| i.tooltip.clone());
    if message.is_none() && b == GateOutcome::Fail {
        message = gate_b.and_then(|g| g.message.clone());
    }
    let mut note = Vec::new();
    if filtered {
        let why = gate_a.map(|g| g.reason.as_str()).unwrap_or_default();
        note.push(format!(
            "On Rancher {rancher_minor} release builds the backend removes this chart version from the repository index ({why}); with no other version the card does not appear. Builds that skip the filter (e.g. -head) show it."
        ));
    }
    if not_extension {
        note.push("The chart lacks `catalog.cattle.io/ui-component: plugins`: the Extensions page does not list it (the Apps catalog does).".into());
    }
    if hidden {
        note.push("`catalog.cattle.io/hidden: \"true\"`: the Extensions page drops the card.".into());
    }
    match b {
        GateOutcome::Fail => note.push(format!(
            "The Extensions page does not offer this version for install. With a single chart version Rancher's card shows no message and no Install action; the message is what the card shows when an older version is installable and this one is newer. The side panel shows the tooltip on the version.{}",
            if line_numbers(rancher_minor).is_some_and(|(_, m)| m <= 8) {
                " Rancher 2.7 and 2.8 word it differently (2.8 fills in other placeholders, 2.7.5 has one disclaimer); the text is 2.9+'s."
            } else {
                ""
            }
        )),
        GateOutcome::Caveat if prime_only => note.push(
            "Installable on Rancher Prime only. On Community the version is not installable: with a single chart version the card shows no message and no Install action, and the side panel says \"Requires Rancher Prime\".".into(),
        ),
        _ if shown => note.push("Install is offered.".into()),
        _ => {}
    }
    Some(CardStatus {
        line: rancher_minor.to_string(),
        rancher_version: release.version.to_string(),
        kubernetes: cell.kubernetes.clone(),
        layout,
        shown,
        installable,
        prime_only,
        message,
        tooltip,
        incompatibilities: list,
        note: note.join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(files: &[(&str, &str)]) -> Package {
        Package {
            files: files.iter().map(|(p, b)| (p.to_string(), b.as_bytes().to_vec())).collect(),
            partial: false,
            ..Package::default()
        }
    }

    #[test]
    fn layouts_by_line() {
        assert_eq!(Layout::for_line("2.7"), Some(Layout::Inline));
        assert_eq!(Layout::for_line("2.12"), Some(Layout::Inline));
        assert_eq!(Layout::for_line("2.13"), Some(Layout::ItemCard));
        assert_eq!(Layout::for_line("v2.15.0"), Some(Layout::ItemCard));
        assert_eq!(Layout::for_line("3.0"), Some(Layout::ItemCard));
        assert_eq!(Layout::for_line("latest"), None);
        assert_eq!(Layout::for_line(""), None);
    }

    #[test]
    fn description_cut_counts_javascript_characters() {
        let exact = "é".repeat(200);
        assert_eq!(cut_description(&exact), exact);
        let long = format!("{}xyz", "中".repeat(200));
        assert_eq!(cut_description(&long), format!("{} ...", "中".repeat(200)));
        // Emoji are two UTF-16 units: 100 of them fill the 200.
        let emoji = "😀".repeat(101);
        assert_eq!(cut_description(&emoji), format!("{} ...", "😀".repeat(100)));
        // A cut through a surrogate pair leaves U+FFFD, as the browser shows the lone half.
        let odd = format!("a{}", "😀".repeat(100));
        assert_eq!(cut_description(&odd), format!("a{}\u{fffd} ...", "😀".repeat(99)));
    }

    #[test]
    fn version_labels() {
        assert_eq!(version_label("1.2.3", Some("1.2.3")), "1.2.3");
        assert_eq!(version_label("1.2.3", Some("4.5.6")), "4.5.6 (1.2.3)");
        assert_eq!(version_label("1.2.3", None), "1.2.3");
        assert_eq!(version_label("1.2.3", Some("")), "1.2.3");
    }

    #[test]
    fn package_json_becomes_the_published_chart() {
        let p = package(&[(
            "package.json",
            r#"{"name":"demo","version":"1.0.0","description":"Say \"hi\"","icon":"",
                "rancher":{"annotations":{"catalog.cattle.io/certified":"partner","catalog.cattle.io/display-name":"Demo",
                "catalog.cattle.io/experimental":"true","catalog.cattle.io/prime-only":true}}}"#,
        )]);
        let chart = RancherChart::from_package(&p, Kind::RancherPackage).unwrap();
        assert_eq!(chart.description.as_deref(), Some("Say hi"));
        assert_eq!(chart.icon, Some(ImageRef::Remote(template::ICON.into())));
        assert_eq!(chart.template_defaults, ["icon"]);
        assert_eq!(chart.home, None);
        assert_eq!(chart.annotation(UI_COMPONENT), Some("plugins"));
        // A boolean annotation value is not a string (it would break `helm package`).
        assert_eq!(chart.annotation(PRIME_ONLY), None);
        let card = RancherCard::from_chart(&chart);
        assert_eq!(card.title, "Demo");
        assert_eq!(card.tags, [Tag::ThirdParty, Tag::Experimental]);
        assert_eq!(card.version_label, "1.0.0");
        // Without `rancher.annotations` the template's `certified: rancher` stays: no Third-Party.
        let p = package(&[("package.json", r#"{"name":"x","version":"0.1.0","description":"null","rancher":true}"#)]);
        let chart = RancherChart::from_package(&p, Kind::RancherPackage).unwrap();
        let card = RancherCard::from_chart(&chart);
        assert_eq!(card.tags, []);
        assert_eq!(card.description, None);
        assert_eq!(card.icon, None);
        let p = package(&[("package.json", r#"{"description":""}"#)]);
        let chart = RancherChart::from_package(&p, Kind::RancherPackage).unwrap();
        assert_eq!(chart.name, "null");
        assert_eq!(chart.description.as_deref(), Some(template::DESCRIPTION));
    }

    #[test]
    fn bad_manifests_give_no_card_and_no_panic() {
        for (kind, path, text) in [
            (Kind::RancherPackage, "package.json", "{not json"),
            (Kind::RancherPackage, "package.json", "[1,2]"),
            (Kind::RancherChart, "Chart.yaml", "- a"),
            (Kind::RancherChart, "Chart.yaml", "a: [unclosed"),
        ] {
            assert_eq!(RancherChart::from_package(&package(&[(path, text)]), kind), None, "{text}");
        }
        assert_eq!(RancherChart::from_package(&package(&[("Chart.yaml", "name: x")]), Kind::Kubesphere), None);
        let odd = "name: [1]\nversion: 1.10\ndescription: {a: 1}\nannotations: [x]\nkeywords: a\nicon: ./icon.svg\n";
        let chart = RancherChart::from_package(&package(&[("Chart.yaml", odd)]), Kind::RancherChart).unwrap();
        assert_eq!((chart.name.as_str(), chart.version.as_str()), ("", "1.10"));
        assert_eq!(chart.icon, Some(ImageRef::Missing { path: "./icon.svg".into() }));
        let card = RancherCard::from_chart(&chart);
        assert_eq!(card.tags, [Tag::ThirdParty]);
        assert_eq!(card.description, None);
    }

    #[test]
    fn first_failing_check_follows_each_lines_order() {
        let chart = |a: &[(&str, &str)]| RancherChart {
            source: ChartSource::ChartYaml,
            name: "x".into(),
            version: "1.0.0".into(),
            app_version: None,
            description: None,
            icon: None,
            home: None,
            keywords: Vec::new(),
            annotations: a.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            readme: None,
            template_defaults: Vec::new(),
            partial: false,
        };
        let line = |m: &str| RANCHER.iter().find(|r| r.minor == m).unwrap();
        let c = chart(&[(KUBE_VERSION, "< 1.20.0"), (UI_EXTENSIONS_HOST, "rancher-manager")]);
        let kinds = |r: &str| incompatibilities(&c, line(r), "v1.31.0").iter().map(|i| i.kind).collect::<Vec<_>>();
        use IncompatibilityKind as K;
        assert_eq!(kinds("2.12"), [K::KubeVersion, K::ExtensionsApiMissing, K::Host]);
        assert_eq!(kinds("2.9"), [K::KubeVersion]);
        let c = chart(&[(UI_EXTENSIONS_VERSION, ">= 3.0.0"), (KUBE_VERSION, "< 1.20.0")]);
        let kinds = incompatibilities(&c, line("2.8"), "v1.28.0").iter().map(|i| i.kind).collect::<Vec<_>>();
        assert_eq!(kinds, [K::ExtensionsApi, K::KubeVersion]);
        let host = incompatibilities(
            &chart(&[(UI_EXTENSIONS_HOST, "rancher-manager"), (UI_EXTENSIONS_VERSION, ">= 3.0.0 < 4.0.0")]),
            line("2.15"),
            "v1.35.0",
        );
        assert_eq!(
            host[0].message,
            "The latest version of this extension (1.0.0) has a host of \"rancher-manager\" which is not compatible with this application \"rancher-manager\"."
        );
        assert_eq!(host[0].tooltip, "Requires a host that matches \"rancher-manager\"");
    }
}
