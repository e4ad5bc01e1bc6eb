//! A completeness checklist for the listing, in the spirit of Artifact Hub's `ah lint`: which
//! of the things a marketplace page shows the package provides. These are not errors (the
//! rules report those); they say what a visitor will miss.
//!
//! * KubeSphere ([`kubesphere`]): icon, screenshots, a README and a CHANGELOG for every
//!   declared language, provider, home, docs, keywords, maintainers, images.
//! * Rancher ([`rancher`]): icon, display name, description, keywords, home, README.

use serde::{Deserialize, Serialize};

use super::ImageRef;
use super::kubesphere::{Extension, Files, locale_file};
use super::rancher::{ChartSource, DISPLAY_NAME, RancherChart};
use crate::check::PackageReport;
use crate::kubesphere::rules::media::is_url;
use crate::package::{Kind, Package};

/// How far the package provides an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Provided.
    Provided,
    /// Provided in part (some languages, some files, or in a form the platform shows badly).
    Partial,
    /// Not provided.
    Missing,
    /// Cannot be told: only part of the package was given (a single file).
    Unknown,
}

impl Status {
    /// Every status, in the order above.
    pub const ALL: [Status; 4] = [Status::Provided, Status::Partial, Status::Missing, Status::Unknown];

    /// The id used in JSON and as a CSS class: `provided`, `partial`, `missing`, `unknown`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Provided => "provided",
            Status::Partial => "partial",
            Status::Missing => "missing",
            Status::Unknown => "unknown",
        }
    }

    /// A symbol for the status, so that a page never tells it by colour alone.
    pub const fn symbol(self) -> &'static str {
        match self {
            Status::Provided => "✓",
            Status::Partial => "◐",
            Status::Missing => "✗",
            Status::Unknown => "?",
        }
    }

    /// The status in words: "Provided", "Partial", "Missing", "Unknown".
    pub const fn label(self) -> &'static str {
        match self {
            Status::Provided => "Provided",
            Status::Partial => "Partial",
            Status::Missing => "Missing",
            Status::Unknown => "Unknown",
        }
    }
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Stable id: `icon`, `screenshots`, `readme`, `changelog`, `provider`, `home`, `docs`,
    /// `keywords`, `maintainers`, `images`, `display-name`, `description`.
    pub id: &'static str,
    /// A short label, e.g. "README".
    pub label: &'static str,
    /// The verdict.
    pub status: Status,
    /// What was found or is missing, and what the platform does then.
    pub detail: String,
}

fn item(id: &'static str, label: &'static str, status: Status, detail: impl Into<String>) -> Item {
    Item { id, label, status, detail: detail.into() }
}

/// The checklist of a checked package (KubeSphere extension, Rancher package.json or
/// extension chart); empty for other kinds.
pub fn for_report(report: &PackageReport) -> Vec<Item> {
    match report.kind {
        Some(Kind::Kubesphere) => kubesphere(&report.package),
        Some(kind @ (Kind::RancherPackage | Kind::RancherChart)) => rancher(&report.package, kind),
        _ => Vec::new(),
    }
}

fn list(items: &[String]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

/// The checklist of a KubeSphere package (paths relative to its root); empty when there is no
/// readable `extension.yaml` mapping. "Declared languages" are the keys present in both
/// `displayName` and `description` (ksbuilder's parser for KubeSphere Cloud, kubesphere.md
/// §1.4); with none, `en` is assumed.
pub fn kubesphere(package: &Package) -> Vec<Item> {
    let Some(ext) = Extension::read(package) else { return Vec::new() };
    let files = Files::new(package);
    let partial = package.partial;
    let mut languages: Vec<String> =
        ext.display_name.keys().filter(|k| ext.description.contains_key(*k)).cloned().collect();
    if languages.is_empty() {
        languages.push("en".into());
    }
    let mut out = Vec::new();

    // Icon (required by ksbuilder; §1.5).
    let icon = ext.icon.as_deref().filter(|v| !v.is_empty());
    out.push(match icon.and_then(|v| super::classify_image(v, |p| files.chart_file(p))) {
        _ if icon.is_some_and(|v| !is_url(v)) && partial => {
            item("icon", "Icon", Status::Unknown, "only part of the package was given: the icon file cannot be checked")
        }
        None => item(
            "icon",
            "Icon",
            Status::Missing,
            "no `icon`: ksbuilder requires one, and the console shows its placeholder",
        ),
        Some(ImageRef::Missing { path }) => item(
            "icon",
            "Icon",
            Status::Missing,
            format!("`{path}` is not among the files ks-core reads (outside `templates/` and `charts/`, not excluded by `.helmignore`): the console shows a broken image"),
        ),
        Some(ImageRef::Embedded { mime, bytes }) if !mime.starts_with("image/") => item(
            "icon",
            "Icon",
            Status::Partial,
            format!("the icon file ({} bytes) is not a known image type: the console's `<img>` will not draw it", bytes.len()),
        ),
        Some(ImageRef::Embedded { mime, bytes }) => {
            item("icon", "Icon", Status::Provided, format!("`{}` ({mime}, {} bytes)", icon.unwrap_or_default(), bytes.len()))
        }
        Some(ImageRef::DataUrl(_)) => item("icon", "Icon", Status::Provided, "a `data:image` URL"),
        Some(ImageRef::Remote(url)) => {
            item("icon", "Icon", Status::Provided, format!("an http(s) URL the console loads as is: {url}"))
        }
    });

    // Screenshots (§1.5: the console drops `data:` URLs and missing files, and labels every
    // local screenshot `image/png`).
    out.push(screenshots(&ext.screenshots, &files, package, partial));

    // README and CHANGELOG per declared language.
    let visible: Vec<&str> = package.files.keys().map(String::as_str).filter(|p| files.visible(p)).collect();
    for (id, label, base) in [("readme", "README", "README"), ("changelog", "CHANGELOG", "CHANGELOG")] {
        out.push(if partial {
            item(id, label, Status::Unknown, "only part of the package was given: its files cannot be checked")
        } else {
            locale_files(id, label, base, &languages, &visible)
        });
    }

    // Provider for every declared language.
    let named: Vec<&String> =
        languages.iter().filter(|l| ext.provider.get(*l).is_some_and(|p| !p.name.is_empty())).collect();
    out.push(if named.len() == languages.len() {
        item("provider", "Provider", Status::Provided, format!("a provider name for {}", list(&languages)))
    } else if named.is_empty() {
        item(
            "provider",
            "Provider",
            Status::Missing,
            "no provider name for the declared languages: the card hides its \"by …\" line",
        )
    } else {
        let missing: Vec<String> = languages.iter().filter(|l| !named.contains(l)).cloned().collect();
        item(
            "provider",
            "Provider",
            Status::Partial,
            format!("no provider name for {}: the card hides its \"by …\" line there", list(&missing)),
        )
    });

    for (id, label, value, shown_as) in
        [("home", "Homepage", &ext.home, "\"Homepage\""), ("docs", "Documentation", &ext.docs, "\"Documents\"")]
    {
        out.push(match value {
            None => item(id, label, Status::Missing, format!("the detail page shows no {shown_as} link")),
            Some(v) if !(v.starts_with("http://") || v.starts_with("https://")) => {
                item(id, label, Status::Partial, format!("`{v}` is not an http(s) URL"))
            }
            Some(v) => item(id, label, Status::Provided, v.clone()),
        });
    }
    out.push(if ext.keywords.is_empty() {
        item("keywords", "Keywords", Status::Missing, "no `keywords` (copied to Chart.yaml and the marketplace search)")
    } else {
        item("keywords", "Keywords", Status::Provided, list(&ext.keywords))
    });
    let unnamed = ext.maintainers.iter().filter(|m| m.name.is_empty()).count();
    out.push(match (ext.maintainers.len(), unnamed) {
        (0, _) => item("maintainers", "Maintainers", Status::Missing, "no `maintainers` (Chart.yaml)"),
        (_, 0) => item(
            "maintainers",
            "Maintainers",
            Status::Provided,
            ext.maintainers.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", "),
        ),
        (_, k) => item(
            "maintainers",
            "Maintainers",
            Status::Partial,
            format!("{k} maintainer(s) without a `name`, which `ksbuilder lint` requires"),
        ),
    });
    out.push(if ext.images.is_empty() {
        item(
            "images",
            "Images",
            Status::Missing,
            "no `images`: `ksbuilder lint` and the ks-extensions CI use the list to check the images exist",
        )
    } else {
        item("images", "Images", Status::Provided, format!("{} image(s)", ext.images.len()))
    });
    out
}

fn screenshots(values: &[String], files: &Files<'_>, package: &Package, partial: bool) -> Item {
    let values: Vec<&String> = values.iter().filter(|v| !v.is_empty()).collect();
    if values.is_empty() {
        return item(
            "screenshots",
            "Screenshots",
            Status::Missing,
            "no `screenshots`: the Overview tab shows only the README",
        );
    }
    let mut problems = Vec::new();
    let (mut shown, mut unknown) = (0, 0);
    for v in &values {
        if v.starts_with("data:") {
            problems.push("a `data:` URL, which the console drops".to_string());
        } else if v.starts_with("http://") || v.starts_with("https://") {
            shown += 1;
        } else {
            let path = v.strip_prefix("./").unwrap_or(v);
            if partial {
                unknown += 1;
            } else if !files.visible(path) {
                problems.push(format!("`{path}` is not in the package (the console drops it)"));
            } else if super::mime_for_file(path, package.bytes(path).unwrap_or_default()) == "image/svg+xml" {
                problems.push(format!(
                    "`{path}` is SVG, and the console labels every screenshot `image/png`, so it does not display"
                ));
            } else {
                shown += 1;
            }
        }
    }
    if unknown > 0 {
        problems.push(format!("{unknown} package file(s) cannot be checked: only part of the package was given"));
    }
    let (status, detail) = match (shown, problems.len(), unknown) {
        (_, 0, _) => (Status::Provided, format!("{shown} screenshot(s)")),
        (0, n, u) if n == usize::from(u > 0) && u > 0 => (Status::Unknown, problems.join("; ")),
        (0, _, 0) => (Status::Missing, problems.join("; ")),
        _ => {
            let verb = if unknown > 0 { "known to show" } else { "shown" };
            (Status::Partial, format!("{shown} of {} {verb}: {}", values.len(), problems.join("; ")))
        }
    };
    item("screenshots", "Screenshots", status, detail)
}

/// README or CHANGELOG for each language: KubeSphere Cloud (ksbuilder) reads exactly
/// `{base}.md` for `en` and `{base}_{lang}.md` otherwise; the console also accepts `-` and `.`
/// separators in any case, and falls back to `{base}.md`.
fn locale_files(id: &'static str, label: &'static str, base: &str, languages: &[String], visible: &[&str]) -> Item {
    let mut exact = Vec::new();
    let mut console_only = Vec::new();
    let mut fallback = Vec::new();
    let mut missing = Vec::new();
    for lang in languages {
        let cloud = if lang == "en" { format!("{base}.md") } else { format!("{base}_{lang}.md") };
        if visible.contains(&cloud.as_str()) {
            exact.push(cloud);
            continue;
        }
        match locale_file(visible.iter().copied(), base, lang) {
            Some(found) if found == format!("{base}.md") => fallback.push(lang.clone()),
            Some(found) => console_only.push(format!("`{found}` for `{lang}` (KubeSphere Cloud reads `{cloud}`)")),
            None => missing.push(lang.clone()),
        }
    }
    if exact.len() == languages.len() {
        return item(id, label, Status::Provided, list(&exact));
    }
    if exact.is_empty() && console_only.is_empty() && fallback.is_empty() {
        return item(id, label, Status::Missing, format!("no {base}.md: the detail page has no {label}"));
    }
    let mut parts = Vec::new();
    if !exact.is_empty() {
        parts.push(format!("found {}", list(&exact)));
    }
    parts.extend(console_only);
    if !fallback.is_empty() {
        parts.push(format!("{} fall back to `{base}.md`", list(&fallback)));
    }
    if !missing.is_empty() {
        parts.push(format!("nothing for {}", list(&missing)));
    }
    item(id, label, Status::Partial, parts.join("; "))
}

/// The checklist of a Rancher package.json ([`Kind::RancherPackage`]) or extension chart
/// ([`Kind::RancherChart`]); empty for other kinds or an unreadable manifest.
pub fn rancher(package: &Package, kind: Kind) -> Vec<Item> {
    let Some(chart) = RancherChart::from_package(package, kind) else { return Vec::new() };
    let from_json = chart.source == ChartSource::PackageJson;
    let kept = |field: &str| chart.template_defaults.iter().any(|f| f == field);
    let mut out = Vec::new();
    out.push(match &chart.icon {
        _ if kept("icon") => {
            item("icon", "Icon", Status::Partial, "`\"icon\": \"\"` keeps the publish template's Rancher logo")
        }
        None => item(
            "icon",
            "Icon",
            Status::Missing,
            if from_json {
                "no `icon` in package.json: the card shows the generic extension icon"
            } else {
                "no `icon`: the card shows the generic extension icon"
            },
        ),
        Some(ImageRef::Missing { path }) => item(
            "icon",
            "Icon",
            Status::Partial,
            format!("`{path}` is not a URL: Rancher resolves it against the repository's URL, so it must exist there"),
        ),
        Some(ImageRef::Remote(url)) => item("icon", "Icon", Status::Provided, url.clone()),
        Some(_) => item("icon", "Icon", Status::Provided, "a `data:image` URL"),
    });
    out.push(match chart.annotation(DISPLAY_NAME).filter(|d| !d.is_empty()) {
        Some(d) => item("display-name", "Display name", Status::Provided, d.to_string()),
        None => item(
            "display-name",
            "Display name",
            Status::Missing,
            format!("no `{DISPLAY_NAME}`: the card's title is the chart name `{}`", chart.name),
        ),
    });
    out.push(match &chart.description {
        _ if kept("description") => item(
            "description",
            "Description",
            Status::Partial,
            "`\"description\": \"\"` keeps the publish template's \"Extension server\"",
        ),
        None => item("description", "Description", Status::Missing, "no description: the card shows none"),
        Some(d) if d.encode_utf16().count() > super::rancher::MAX_DESCRIPTION_LENGTH => item(
            "description",
            "Description",
            Status::Partial,
            format!(
                "{} characters: the card cuts it after {} and appends \" ...\"",
                d.encode_utf16().count(),
                super::rancher::MAX_DESCRIPTION_LENGTH
            ),
        ),
        Some(d) => item("description", "Description", Status::Provided, d.clone()),
    });
    out.push(if chart.keywords.is_empty() {
        item("keywords", "Keywords", Status::Missing, "no `keywords`")
    } else {
        item("keywords", "Keywords", Status::Provided, list(&chart.keywords))
    });
    out.push(match &chart.home {
        _ if kept("home") => item(
            "home",
            "Homepage",
            Status::Partial,
            "`\"homepage\": \"\"` keeps the publish template's https://rancher.com",
        ),
        None => item(
            "home",
            "Homepage",
            Status::Missing,
            if from_json { "no `homepage` in package.json" } else { "no `home` in Chart.yaml" },
        ),
        Some(h) => item("home", "Homepage", Status::Provided, h.clone()),
    });
    out.push(match &chart.readme {
        Some(path) => item("readme", "README", Status::Provided, format!("`{path}` (shown in the side panel)")),
        None if chart.partial => {
            item("readme", "README", Status::Unknown, "only part of the package was given: README.md cannot be checked")
        }
        None => item(
            "readme",
            "README",
            Status::Missing,
            if from_json {
                "no README.md beside package.json (the publish script copies it into the chart)"
            } else {
                "no README.md in the chart: the side panel has no README"
            },
        ),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(files: &[(&str, &[u8])], partial: bool) -> Package {
        Package {
            files: files.iter().map(|(p, b)| (p.to_string(), b.to_vec())).collect(),
            partial,
            ..Package::default()
        }
    }

    fn status(items: &[Item], id: &str) -> Status {
        items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("no {id}")).status
    }

    #[test]
    fn statuses_have_distinct_symbols_and_their_json_ids() {
        let symbols: std::collections::BTreeSet<&str> = Status::ALL.iter().map(|s| s.symbol()).collect();
        assert_eq!(symbols.len(), Status::ALL.len());
        for s in Status::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
            assert!(s.label().to_lowercase() == s.as_str());
        }
    }

    #[test]
    fn kubesphere_items() {
        let ext = concat!(
            "name: d\nversion: 1.0.0\ndisplayName: {en: D, zh: 中}\ndescription: {en: E, zh: 中}\n",
            "provider: {en: {name: A}}\nicon: ./icon.svg\nscreenshots: [./s1.png, ./s2.svg, 'data:image/png,AA']\n",
            "home: kubesphere.io\nmaintainers: [{email: a@b}]\nkeywords: [x]\n"
        );
        let p = package(
            &[
                ("extension.yaml", ext.as_bytes()),
                ("icon.svg", b"<svg/>"),
                ("s1.png", b"\x89PNG\r\n\x1a\n"),
                ("s2.svg", b"<svg/>"),
                ("README.md", b"# en"),
                ("readme-ZH.md", b"# zh"),
                ("CHANGELOG.md", b"# log"),
            ],
            false,
        );
        let items = kubesphere(&p);
        let ids: Vec<&str> = items.iter().map(|i| i.id).collect();
        assert_eq!(
            ids,
            [
                "icon",
                "screenshots",
                "readme",
                "changelog",
                "provider",
                "home",
                "docs",
                "keywords",
                "maintainers",
                "images"
            ]
        );
        assert_eq!(status(&items, "icon"), Status::Provided);
        assert_eq!(status(&items, "screenshots"), Status::Partial);
        let shots = &items[1].detail;
        assert!(shots.starts_with("1 of 3 shown") && shots.contains("`s2.svg` is SVG"), "{shots}");
        assert_eq!(status(&items, "readme"), Status::Partial);
        assert!(items[2].detail.contains("`readme-ZH.md` for `zh` (KubeSphere Cloud reads `README_zh.md`)"));
        assert_eq!(status(&items, "changelog"), Status::Partial);
        assert!(items[3].detail.contains("`zh` fall back to `CHANGELOG.md`"), "{}", items[3].detail);
        assert_eq!(status(&items, "provider"), Status::Partial);
        assert_eq!(status(&items, "home"), Status::Partial);
        assert_eq!(status(&items, "docs"), Status::Missing);
        assert_eq!(status(&items, "keywords"), Status::Provided);
        assert_eq!(status(&items, "maintainers"), Status::Partial);
        assert_eq!(status(&items, "images"), Status::Missing);
        // With only extension.yaml, file checks are unknown rather than missing.
        let only = package(&[("extension.yaml", ext.as_bytes())], true);
        let items = kubesphere(&only);
        assert_eq!(status(&items, "icon"), Status::Unknown);
        assert_eq!(status(&items, "readme"), Status::Unknown);
        assert_eq!(status(&items, "screenshots"), Status::Partial);
        assert!(kubesphere(&package(&[("extension.yaml", b"- x")], false)).is_empty());
    }

    #[test]
    fn rancher_items() {
        let json = br#"{"name":"x","version":"1.0.0","description":"","icon":"","keywords":["a"]}"#;
        let p = package(&[("package.json", json)], true);
        let items = rancher(&p, Kind::RancherPackage);
        let ids: Vec<&str> = items.iter().map(|i| i.id).collect();
        assert_eq!(ids, ["icon", "display-name", "description", "keywords", "home", "readme"]);
        assert_eq!(status(&items, "icon"), Status::Partial);
        assert_eq!(status(&items, "display-name"), Status::Missing);
        assert!(items[1].detail.contains("chart name `x`"));
        assert_eq!(status(&items, "description"), Status::Partial);
        assert_eq!(status(&items, "keywords"), Status::Provided);
        assert_eq!(status(&items, "home"), Status::Missing);
        assert_eq!(status(&items, "readme"), Status::Unknown);
        let long = format!("description: {}\nname: y\nversion: 1.0.0\n", "a".repeat(201));
        let items = rancher(&package(&[("Chart.yaml", long.as_bytes())], false), Kind::RancherChart);
        assert_eq!(status(&items, "description"), Status::Partial);
        assert_eq!(status(&items, "icon"), Status::Missing);
        assert_eq!(status(&items, "readme"), Status::Missing);
        assert!(rancher(&package(&[("Chart.yaml", b"x: 1")], false), Kind::Kubesphere).is_empty());
    }
}
