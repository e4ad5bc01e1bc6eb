//! Card previews on real packages (`testdata/corpus`), each expectation read from the file
//! itself or from a cited passage of the specs (`docs/platforms/`).

use std::path::{Path, PathBuf};

use base64::Engine as _;
use extcheck_core::PackageReport;
use extcheck_core::cards::checklist::{self, Status};
use extcheck_core::cards::kubesphere::{KsCard, detail_for};
use extcheck_core::cards::rancher::{
    self as rc, CardStatus, IncompatibilityKind, Layout, RancherCard, RancherChart, Tag, status_at, status_for,
};
use extcheck_core::cards::{ImageRef, rancher::GENERIC_ICON};
use extcheck_core::markdown::{Block, Inline};
use extcheck_core::matrix::GateOutcome;
use extcheck_core::package::fs::read_path;
use extcheck_core::package::{Kind, Package};
use extcheck_core::platforms::{RANCHER, VendorBuild};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/corpus").join(rel)
}

fn report(rel: &str) -> PackageReport {
    let (name, read) = read_path(&corpus(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let mut r = extcheck_core::check(&name, read);
    assert_eq!(r.packages.len(), 1, "{rel}");
    r.packages.remove(0)
}

fn ks_card(rel: &str) -> (KsCard, Package) {
    let r = report(rel);
    assert_eq!(r.kind, Some(Kind::Kubesphere), "{rel}");
    (KsCard::from_report(&r).unwrap_or_else(|| panic!("{rel}: no card")), r.package)
}

fn embedded(image: &Option<ImageRef>) -> (&str, &[u8]) {
    match image {
        Some(ImageRef::Embedded { mime, bytes }) => (mime, bytes),
        other => panic!("not embedded: {other:?}"),
    }
}

fn text(blocks: &[Block]) -> String {
    fn inlines(out: &mut String, list: &[Inline]) {
        for i in list {
            match i {
                Inline::Text { text } | Inline::Code { text } => out.push_str(text),
                Inline::Emphasis { children }
                | Inline::Strong { children }
                | Inline::Strike { children }
                | Inline::Link { children, .. } => inlines(out, children),
                _ => {}
            }
        }
    }
    let mut out = String::new();
    for b in blocks {
        if let Block::Heading { inlines: l, .. } | Block::Paragraph { inlines: l } = b {
            inlines(&mut out, l);
            out.push('\n');
        }
    }
    out
}

/// kubesphere.md §1.4 (fallback, "by …" line) and §1.5 (icon): cert-manager's source folder
/// has `provider.en.name: QingCloud Technologies`, `provider.zh.name: 北京青云科技股份有限公司`
/// and `icon: ./static/favicon.svg`.
#[test]
fn cert_manager_card_in_english_and_chinese() {
    let (card, package) = ks_card("kubesphere/source/cert-manager");
    assert_eq!((card.name.as_str(), card.version.as_str()), ("cert-manager", "1.0.0"));
    assert_eq!(card.languages, ["en", "zh"]);
    let en = card.view("en", "en-US");
    assert_eq!(en.title, "cert-manager");
    assert_eq!(en.by_line.as_deref(), Some("by QingCloud Technologies"));
    assert!(en.description.starts_with("cert-manager creates TLS certificates"), "{}", en.description);
    assert_eq!(en.category_label.as_deref(), Some("Security"));
    let zh = card.view("zh", "zh-CN");
    assert_eq!(zh.by_line.as_deref(), Some("来自 北京青云科技股份有限公司"));
    assert_eq!(zh.description, "cert-manager 可以为您集群中的 workload 自动创建和更新证书");
    assert_eq!(zh.category_label.as_deref(), Some("安全"));
    // A UI language the package lacks: the browser's, then `en`. (The console's `tc` wording of
    // the "by" line is not in the spec; extcheck uses the English one.)
    assert_eq!(card.view("tc", "zh-TW").by_line.as_deref(), Some("by QingCloud Technologies"));
    assert_eq!(card.view("tc", "zh-CN").by_line.as_deref(), Some("by 北京青云科技股份有限公司"));
    let (mime, bytes) = embedded(&card.icon);
    assert_eq!(mime, "image/svg+xml");
    assert_eq!(bytes, package.bytes("static/favicon.svg").unwrap());
}

/// kubesphere.md §1.5: in `cert-manager-1.0.0.tgz` Chart.yaml has the icon as a data URL while
/// extension.yaml still says `./static/favicon.svg`; ks-core resolves the path among the
/// chart's files, so the card's icon is the archive's file — the same bytes ksbuilder encoded.
#[test]
fn packaged_cert_manager_resolves_the_relative_icon_in_the_archive() {
    let (card, package) = ks_card("kubesphere/packaged/cert-manager-1.0.0.tgz");
    let ext = package.text("extension.yaml").unwrap();
    assert!(ext.contains("icon: ./static/favicon.svg"));
    let (mime, bytes) = embedded(&card.icon);
    assert_eq!(mime, "image/svg+xml");
    assert_eq!(bytes, package.bytes("static/favicon.svg").unwrap());
    let chart = package.text("Chart.yaml").unwrap();
    let data_url = chart.lines().find_map(|l| l.strip_prefix("icon: ")).unwrap();
    let payload = data_url.strip_prefix("data:image/svg+xml;base64,").unwrap();
    assert_eq!(base64::engine::general_purpose::STANDARD.decode(payload).unwrap(), bytes);
    // Both forms give the same card.
    let (source, _) = ks_card("kubesphere/source/cert-manager");
    assert_eq!(card, source);
}

/// kubesphere.md §1.3: `other` was removed and ks-core defines no such Category, so the card has
/// no category label; the sample's icon sits at the root (`./favicon.svg`).
#[test]
fn hello_world_category_other_has_no_label() {
    let (card, _) = ks_card("kubesphere/source/hello-world");
    assert_eq!(card.category.as_deref(), Some("other"));
    assert_eq!(card.category_label, None);
    assert_eq!(card.view("en", "en").category_label, None);
    assert_eq!(card.view("zh", "en").title, "示例扩展组件");
    assert_eq!(card.view("en", "en").by_line.as_deref(), Some("by hongming"));
    assert_eq!(embedded(&card.icon).0, "image/svg+xml");
}

/// Corpus README: `devops` uses a PNG icon (`./static/devops-icon.png`) and category
/// `integration-delivery` ("Integration and delivery" / "集成和交付", kubesphere.md §1.3).
#[test]
fn devops_png_icon_and_category_label() {
    let (card, package) = ks_card("kubesphere/packaged/devops-1.1.3.tgz");
    let (mime, bytes) = embedded(&card.icon);
    assert_eq!(mime, "image/png");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(bytes, package.bytes("static/devops-icon.png").unwrap());
    assert_eq!(card.view("en", "en").category_label.as_deref(), Some("Integration and delivery"));
    assert_eq!(card.view("zh", "en").category_label.as_deref(), Some("集成和交付"));
}

/// Every packaged KubeSphere extension in the corpus has its icon in the archive.
#[test]
fn every_packaged_kubesphere_icon_is_embedded() {
    for name in [
        "cert-manager-1.0.0",
        "deepseek-0.1.0",
        "devops-1.1.3",
        "grafana-10.4.1",
        "higress-2.1.4",
        "loki-1.0.1",
        "metrics-server-0.7.1",
        "opensearch-2.11.1",
    ] {
        let (card, _) = ks_card(&format!("kubesphere/packaged/{name}.tgz"));
        assert!(card.icon.as_ref().is_some_and(ImageRef::is_displayable), "{name}: {:?}", card.icon);
        assert!(card.category_label.is_some(), "{name}");
        assert_eq!(card.languages, ["en", "zh"], "{name}");
        assert!(name.starts_with(&format!("{}-{}", card.name, card.version)), "{name}");
    }
}

/// kubesphere.md §1.4 `getLocaleFile`: deepseek ships `README.md` and `README_zh.md` and no
/// CHANGELOG.
#[test]
fn deepseek_readme_in_chinese_and_english() {
    let (card, package) = ks_card("kubesphere/source/deepseek");
    assert_eq!(card.view("zh", "en").category_label.as_deref(), Some("DeepSeek"));
    let zh = detail_for(&package, "zh").unwrap();
    let readme = zh.readme.as_ref().unwrap();
    assert_eq!(readme.path, "README_zh.md");
    assert!(text(&readme.blocks).contains("该扩展组件基于 ollama 运行 deepseek-r1 模型"));
    assert_eq!(zh.changelog, None);
    let en = detail_for(&package, "en").unwrap();
    assert_eq!(en.readme.as_ref().unwrap().path, "README.md");
    // `tc` has no file of its own: the console falls back to README.md.
    assert_eq!(detail_for(&package, "tc").unwrap().readme.unwrap().path, "README.md");
    assert_eq!(zh.docs.as_deref(), Some("https://docs.kubesphere.com.cn/"));
    assert_eq!(zh.installation_mode, "HostOnly");
    assert_eq!(zh.keywords, ["ollama", "AI", "LLM", "deepseek"]);
    assert_eq!(zh.provider.unwrap().name, "北京青云科技股份有限公司");
}

/// kubesphere.md §1.8 detail page: basic info, changelog tab, permissions tab.
#[test]
fn cert_manager_detail_page() {
    let (_, package) = ks_card("kubesphere/packaged/cert-manager-1.0.0.tgz");
    let d = detail_for(&package, "zh").unwrap();
    assert_eq!(d.readme.unwrap().path, "README_zh.md");
    assert_eq!(d.changelog.unwrap().path, "CHANGELOG_zh.md");
    assert_eq!(d.home.as_deref(), Some("https://cert-manager.io/"));
    assert_eq!(d.kube_version.as_deref(), Some(">=1.22.0-0"));
    assert_eq!(d.ks_version.as_deref(), Some(">=4.0.0-0"));
    assert_eq!(d.sources, ["https://github.com/kubesphere"]);
    assert_eq!(d.installation_mode, "Multicluster");
    assert_eq!(d.permissions.as_deref(), package.text("permissions.yaml"));
    // The screenshots are commented out.
    assert!(d.screenshots.is_empty());
    assert_eq!(d.dropped_screenshots, 0);
}

/// kubesphere.md §1.5 and §1.9: a screenshot list with a duplicate key (the last wins, as in
/// Go), a `data:` URL (dropped), a URL and a package file.
#[test]
fn screenshots_as_the_console_shows_them() {
    let r = report("kubesphere/source/hello-world");
    let mut package = r.package.clone();
    let ext = package.text("extension.yaml").unwrap().replace(
        "screenshots: []",
        "screenshots: [./nothing.png]\nscreenshots:\n  - ./favicon.svg\n  - data:image/png;base64,AAAA\n  - https://example.com/s.png\n  - ./static/missing.png",
    );
    package.files.insert("extension.yaml".into(), ext.into_bytes());
    let d = detail_for(&package, "en").unwrap();
    assert_eq!(d.dropped_screenshots, 1);
    assert_eq!(d.screenshots.len(), 3);
    assert_eq!(embedded(&Some(d.screenshots[0].clone())).1, package.bytes("favicon.svg").unwrap());
    assert_eq!(d.screenshots[1], ImageRef::Remote("https://example.com/s.png".into()));
    assert_eq!(d.screenshots[2], ImageRef::Missing { path: "static/missing.png".into() });
    let items = checklist::kubesphere(&package);
    let shots = items.iter().find(|i| i.id == "screenshots").unwrap();
    assert_eq!(shots.status, Status::Partial);
    assert!(shots.detail.contains("`favicon.svg` is SVG"), "{}", shots.detail);
}

fn rancher_card(rel: &str) -> (RancherCard, RancherChart, PackageReport) {
    let r = report(rel);
    let chart = RancherChart::from_report(&r).unwrap_or_else(|| panic!("{rel}: no chart"));
    (RancherCard::from_chart(&chart), chart, r)
}

/// rancher.md §5 fields and §7 corpus: titles from `display-name` or the chart name, version
/// labels, icons and tags.
#[test]
fn rancher_card_titles_versions_icons_and_tags() {
    let (harvester, ..) = rancher_card("rancher/charts/harvester-1.8.0.tgz");
    assert_eq!(harvester.title, "Harvester");
    assert_eq!(harvester.version_label, "1.8.0");
    assert_eq!(
        harvester.icon,
        Some(ImageRef::Remote(
            "https://raw.githubusercontent.com/rancher/ui-plugin-charts/main/icons/harvester/1.8.0-icon.svg".into()
        ))
    );
    assert_eq!(harvester.tags, []);
    assert_eq!(harvester.description.as_deref(), Some("Rancher UI Extension for Harvester"));

    let (kubewarden, ..) = rancher_card("rancher/charts/kubewarden-4.2.1.tgz");
    assert_eq!(kubewarden.title, "kubewarden");
    assert_eq!(kubewarden.version_text(Layout::ItemCard), "4.2.1");
    assert_eq!(kubewarden.version_text(Layout::Inline), "4.2.1");
    assert_eq!(kubewarden.icon_alt, "Icon for kubewarden extension card");

    let (ai, ..) = rancher_card("rancher/charts/rancher-ai-ui-1.0.1.tgz");
    assert_eq!(ai.title, "AI Assistant");
    assert_eq!(ai.tags, [Tag::PrimeOnly]);
    assert_eq!(ai.badges(Layout::ItemCard), [Tag::PrimeOnly]);
    assert_eq!(ai.badges(Layout::Inline), []);

    let (crd, ..) = rancher_card("rancher/charts/extension-crd-0.2.5.tgz");
    assert_eq!(crd.tags, [Tag::Experimental]);
    assert_eq!(crd.badges(Layout::Inline).iter().map(|t| t.label()).collect::<Vec<_>>(), ["Experimental"]);

    let (clock, ..) = rancher_card("rancher/charts/clock-0.3.3.tgz");
    assert_eq!(clock.icon, None, "no icon: the card shows {GENERIC_ICON}");
    assert_eq!(clock.title, "clock");

    let (openstack, ..) = rancher_card("rancher/charts/openstack-1.0.3.tgz");
    assert_eq!(openstack.title, "openstack");
}

/// rancher.md §1–§2: the publish script turns package.json into the chart; the corpus holds
/// both for clock 0.3.3, extension-crd 0.2.5 and kubewarden 4.2.1, and the cards agree.
#[test]
fn package_json_cards_equal_the_published_charts() {
    for (source, chart) in [
        ("rancher/source/clock", "rancher/charts/clock-0.3.3.tgz"),
        ("rancher/source/extension-crd", "rancher/charts/extension-crd-0.2.5.tgz"),
        ("rancher/source/kubewarden", "rancher/charts/kubewarden-4.2.1.tgz"),
        ("rancher/source/kubewarden/package.json", "rancher/charts-unpacked/kubewarden"),
    ] {
        let (from_json, json_chart, r) = rancher_card(source);
        assert_eq!(r.kind, Some(Kind::RancherPackage), "{source}");
        let (published, published_chart, _) = rancher_card(chart);
        assert_eq!(from_json, published, "{source} vs {chart}");
        for key in
            [rc::CERTIFIED, rc::UI_COMPONENT, "catalog.cattle.io/kube-version", "catalog.cattle.io/rancher-version"]
        {
            assert_eq!(json_chart.annotation(key), published_chart.annotation(key), "{source}: {key}");
        }
    }
    // node-driver's package.json has `display-name` (rancher.md §7 row 3).
    let (driver, ..) = rancher_card("rancher/source/node-driver");
    assert_eq!(driver.title, "OpenStack Node Driver UI");
    assert_eq!(driver.icon, None);
    let (prime, ..) = rancher_card("rancher/source/homepageprime");
    assert_eq!(prime.tags, [Tag::PrimeOnly]);
}

/// rancher.md §5: descriptions longer than 200 characters are cut to 200 and get " ...".
#[test]
fn long_description_is_cut_at_200_characters() {
    let r = report("rancher/charts/clock-0.3.3.tgz");
    let mut package = r.package.clone();
    let long = format!("Ünïcödé {}", "lorem ipsum ".repeat(30));
    let chart = package.text("Chart.yaml").unwrap().replace(
        "description: Adds a new feature to the top-level menu that shows a full-page clock",
        &format!("description: \"{long}\""),
    );
    package.files.insert("Chart.yaml".into(), chart.into_bytes());
    let chart = RancherChart::from_package(&package, Kind::RancherChart).unwrap();
    let card = RancherCard::from_chart(&chart);
    assert_eq!(card.description_full.as_deref(), Some(long.as_str()));
    let shown = card.description.unwrap();
    assert_eq!(shown.chars().count(), 204);
    assert!(shown.ends_with(" ..."));
    assert_eq!(shown.trim_end_matches(" ..."), long.chars().take(200).collect::<String>());
}

fn status(chart: &RancherChart, r: &PackageReport, line: &str) -> CardStatus {
    status_for(chart, r.matrix.as_ref().unwrap(), line).unwrap_or_else(|| panic!("no status for {line}"))
}

/// rancher.md §3 (Gate A, Gate B check 4), §5 (card messages; a single incompatible version
/// shows no message and no Install), §7 row 1: clock 0.1.0 predates `ui-extensions-version`
/// and says `rancher-version: '>= 2.7.0 < 2.10.0'`.
#[test]
fn clock_0_1_0_on_2_10() {
    let (_, chart, r) = rancher_card("rancher/charts/clock-0.1.0.tgz");
    let s = status(&chart, &r, "2.10");
    assert_eq!(s.layout, Layout::Inline);
    assert_eq!(s.rancher_version, "2.10.12");
    assert_eq!(s.kubernetes, "v1.31.0");
    // Gate A: `< 2.10.0` removes the version from the index on release builds.
    assert!(!s.shown);
    assert!(!s.installable);
    assert!(s.note.contains("removes this chart version from the repository index"), "{}", s.note);
    assert!(s.note.contains("no message and no Install"), "{}", s.note);
    let missing = s.incompatibilities.iter().find(|i| i.kind == IncompatibilityKind::ExtensionsApiMissing).unwrap();
    assert_eq!(
        missing.message,
        "The latest version of this extension (0.1.0) is missing the mandatory annotation catalog.cattle.io/ui-extensions-version from Rancher 2.10 and onwards."
    );
    assert_eq!(
        missing.tooltip,
        "Missing the annotation catalog.cattle.io/ui-extensions-version which implies incompatibility with Rancher 2.10 and onwards"
    );
    // Rancher runs the rancher-version check first (isSupportedChartVersion order), so that is
    // the message its card would show.
    let kinds: Vec<IncompatibilityKind> = s.incompatibilities.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [IncompatibilityKind::RancherVersion, IncompatibilityKind::ExtensionsApiMissing]);
    assert_eq!(
        s.message.as_deref(),
        Some(
            "The latest version of this extension (0.1.0) is not compatible with the current Rancher version (>= 2.7.0 < 2.10.0)."
        )
    );
    assert_eq!(s.tooltip.as_deref(), Some("Requires Rancher >= 2.7.0 < 2.10.0"));
    // On 2.9 its ranges admit it and the annotation is not mandatory.
    let s = status(&chart, &r, "2.9");
    assert!(s.shown && s.installable, "{s:?}");
    assert_eq!(s.message, None);
    assert_eq!(s.note, "Install is offered.");
}

/// rancher.md §7 row 5: kubewarden 0.1.0 is a 2.7-era chart (`kube-version: >= 1.16.0-0 <
/// 1.28.0-0`, `rancher-version: >= 2.7.0-0 < 2.8.0-0`); on 2.7 it installs, on 2.8 the backend
/// drops it and the page's kube check (2.7/2.8 order: API, host, kube, ui) fails at 1.28.
#[test]
fn kubewarden_0_1_0_on_2_7_and_2_8() {
    let (_, chart, r) = rancher_card("rancher/charts/kubewarden-0.1.0.tgz");
    let s = status(&chart, &r, "2.7");
    assert!(s.shown && s.installable, "{s:?}");
    let s = status(&chart, &r, "2.8");
    assert!(!s.shown && !s.installable);
    assert_eq!(s.kubernetes, "v1.28.0");
    assert_eq!(
        s.message.as_deref(),
        Some(
            "The latest version of this extension (0.1.0) is not compatible with the current Kube version (>= 1.16.0-0 < 1.28.0-0)."
        )
    );
    assert_eq!(s.tooltip.as_deref(), Some("Requires Kube version >= 1.16.0-0 < 1.28.0-0"));
    assert!(s.note.contains("Rancher 2.7 and 2.8 word it differently"), "{}", s.note);
    // At a Kubernetes the range admits, the page would offer it (the backend still drops it).
    let s = status_at(&chart, r.matrix.as_ref().unwrap(), "2.8", 27, VendorBuild::Plain).unwrap();
    assert!(s.incompatibilities.is_empty() && !s.shown, "{s:?}");
}

/// A chart with only the missing annotation: the API-missing message is the first one.
#[test]
fn missing_api_annotation_alone_is_the_card_message() {
    let r = report("rancher/charts/clock-0.3.3.tgz");
    let mut package = r.package.clone();
    let chart = package
        .text("Chart.yaml")
        .unwrap()
        .replace("  catalog.cattle.io/ui-extensions-version: '>= 3.0.0 < 4.0.0'\n", "");
    package.files.insert("Chart.yaml".into(), chart.into_bytes());
    let (name, read) = (
        "clock".to_string(),
        extcheck_core::package::ReadResult {
            package: Some(package),
            origin: r.origin.clone(),
            diagnostics: Vec::new(),
        },
    );
    let r = extcheck_core::check(&name, read).packages.remove(0);
    let chart = RancherChart::from_report(&r).unwrap();
    for line in ["2.10", "2.13", "2.15"] {
        let s = status(&chart, &r, line);
        assert!(s.shown && !s.installable, "{line}");
        assert_eq!(
            s.message.as_deref(),
            Some(
                "The latest version of this extension (0.3.3) is missing the mandatory annotation catalog.cattle.io/ui-extensions-version from Rancher 2.10 and onwards."
            ),
            "{line}"
        );
    }
    // Before 2.10 the annotation is not mandatory; clock 0.3.3's `rancher-version: >= 2.10.0-0`
    // makes the backend drop it there, and 2.9 checks that range only on non-release builds.
    let s = status(&chart, &r, "2.9");
    assert!(!s.shown);
    assert!(s.incompatibilities.is_empty(), "{s:?}");
}

/// rancher.md §3 Gate B check 7 and §5: `prime-only` charts need Rancher Prime on lines that
/// check it; rancher-ai-ui also needs Rancher ≥ 2.13.0 (Gate A removes it from 2.12).
#[test]
fn rancher_ai_ui_is_prime_only_from_2_13() {
    let (_, chart, r) = rancher_card("rancher/charts/rancher-ai-ui-1.0.1.tgz");
    let s = status(&chart, &r, "2.13");
    assert_eq!(s.layout, Layout::ItemCard);
    assert!(s.shown && !s.installable && s.prime_only, "{s:?}");
    assert_eq!(
        s.message.as_deref(),
        Some("The latest version of this extension (1.0.1) needs Rancher Prime in order to be installed.")
    );
    assert_eq!(s.tooltip.as_deref(), Some("Requires Rancher Prime"));
    let s = status(&chart, &r, "2.12");
    assert!(!s.shown, "{s:?}");
}

/// Statuses of current charts: installable, no message.
#[test]
fn current_charts_are_installable() {
    for (rel, lines) in [
        ("rancher/charts/kubewarden-4.2.1.tgz", &["2.11", "2.12", "2.13", "2.14", "2.15"][..]),
        ("rancher/charts/harvester-1.8.0.tgz", &["2.14", "2.15"][..]),
        ("rancher/source/clock", &["2.10", "2.15"][..]),
    ] {
        let (_, chart, r) = rancher_card(rel);
        for line in lines {
            let s = status(&chart, &r, line);
            assert!(s.shown && s.installable && !s.prime_only, "{rel} {line}: {s:?}");
            assert_eq!((s.message.as_deref(), s.incompatibilities.len()), (None, 0), "{rel} {line}");
        }
    }
    let (_, chart, r) = rancher_card("rancher/charts/harvester-1.8.0.tgz");
    assert!(!status(&chart, &r, "2.13").shown);
    // Every line of the matrix can be chosen, oldest first.
    let lines = rc::lines(r.matrix.as_ref().unwrap());
    assert_eq!(lines, RANCHER.iter().map(|r| r.minor).collect::<Vec<_>>());
    assert!(lines.iter().all(|l| status_for(&chart, r.matrix.as_ref().unwrap(), l).is_some()));
    assert_eq!(status_for(&chart, r.matrix.as_ref().unwrap(), "2.99"), None);
}

/// The statuses agree with the matrix everywhere: a failing check is found exactly when Gate B
/// fails (or is a Prime-only caveat), and on 2.10+ the first one's message is Gate B's message.
#[test]
fn statuses_agree_with_the_matrix_on_every_cell() {
    let inputs = [
        "rancher/charts/clock-0.1.0.tgz",
        "rancher/charts/clock-0.3.3.tgz",
        "rancher/charts/elemental-3.0.1.tgz",
        "rancher/charts/extension-crd-0.2.5.tgz",
        "rancher/charts/harvester-1.8.0.tgz",
        "rancher/charts/kubewarden-0.1.0.tgz",
        "rancher/charts/kubewarden-4.2.1.tgz",
        "rancher/charts/openstack-1.0.3.tgz",
        "rancher/charts/rancher-ai-ui-1.0.1.tgz",
        "rancher/charts-unpacked/kubewarden",
        "rancher/source/clock",
        "rancher/source/extension-crd",
        "rancher/source/homepageprime",
        "rancher/source/kubewarden",
        "rancher/source/node-driver",
    ];
    let mut cells = 0;
    for rel in inputs {
        let (_, chart, r) = rancher_card(rel);
        let m = r.matrix.as_ref().unwrap();
        for release in RANCHER {
            for minor in release.kube.lo..=release.kube.hi {
                for vendor in [VendorBuild::Plain, VendorBuild::Eks, VendorBuild::Gke] {
                    let s = status_at(&chart, m, release.minor, minor, vendor).unwrap();
                    let cell =
                        m.cell(m.row_index(release.minor).unwrap(), m.column_index(minor).unwrap(), vendor).unwrap();
                    let b = cell.gates.iter().find(|g| g.id == "rancher-b").unwrap();
                    let at = format!("{rel} on {} at {}", release.minor, cell.kubernetes);
                    assert_eq!(!s.incompatibilities.is_empty(), b.outcome != GateOutcome::Pass, "{at}: {b:?}");
                    if release.minor.split('.').nth(1).unwrap().parse::<u32>().unwrap() >= 10 {
                        assert_eq!(s.message, b.message, "{at}");
                    }
                    let a = cell.gates.iter().find(|g| g.id == "rancher-a").unwrap();
                    assert_eq!(s.shown, a.outcome != GateOutcome::Fail, "{at}");
                    assert_eq!(s.installable, s.shown && b.outcome == GateOutcome::Pass, "{at}");
                    cells += 1;
                }
            }
        }
    }
    assert!(cells > 1000, "{cells}");
}

/// Checklists on real packages (the expectations are read from the files).
#[test]
fn checklists_on_the_corpus() {
    let get = |items: &[checklist::Item], id: &str| items.iter().find(|i| i.id == id).unwrap().status;
    let r = report("kubesphere/source/cert-manager");
    let items = checklist::for_report(&r);
    assert_eq!(get(&items, "icon"), Status::Provided);
    assert_eq!(get(&items, "readme"), Status::Provided);
    assert_eq!(get(&items, "changelog"), Status::Provided);
    assert_eq!(get(&items, "screenshots"), Status::Missing);
    assert_eq!(get(&items, "provider"), Status::Provided);
    assert_eq!(get(&items, "home"), Status::Provided);
    assert_eq!(get(&items, "docs"), Status::Missing);
    assert_eq!(get(&items, "keywords"), Status::Provided);
    assert_eq!(get(&items, "maintainers"), Status::Provided);
    assert_eq!(get(&items, "images"), Status::Provided);
    let items = checklist::for_report(&report("kubesphere/source/deepseek"));
    assert_eq!(get(&items, "changelog"), Status::Missing);
    assert_eq!(get(&items, "docs"), Status::Provided);
    let items = checklist::for_report(&report("kubesphere/source/hello-world"));
    assert_eq!(get(&items, "images"), Status::Missing);
    assert_eq!(get(&items, "screenshots"), Status::Missing);

    let items = checklist::for_report(&report("rancher/charts/clock-0.3.3.tgz"));
    assert_eq!(get(&items, "icon"), Status::Missing);
    assert_eq!(get(&items, "display-name"), Status::Missing);
    assert_eq!(get(&items, "description"), Status::Provided);
    assert_eq!(get(&items, "readme"), Status::Provided);
    assert_eq!(get(&items, "home"), Status::Missing);
    let items = checklist::for_report(&report("rancher/charts/harvester-1.8.0.tgz"));
    assert_eq!(get(&items, "icon"), Status::Provided);
    assert_eq!(get(&items, "display-name"), Status::Provided);
    let items = checklist::for_report(&report("rancher/source/kubewarden/package.json"));
    assert_eq!(get(&items, "readme"), Status::Unknown);
    assert!(checklist::for_report(&report("rancher/plugin/extension-crd-0.2.5.tgz")).is_empty());
}

/// The previews serialize (the JSON a page or the CLI may carry).
#[test]
fn previews_serialize() {
    let (card, package) = ks_card("kubesphere/source/deepseek");
    let json = serde_json::to_value(&card).unwrap();
    assert!(json["icon"]["embedded"]["bytes"].as_str().unwrap().starts_with("iVBORw0KGgo"));
    assert!(serde_json::to_string(&detail_for(&package, "zh").unwrap()).unwrap().contains("README_zh.md"));
    let (card, chart, r) = rancher_card("rancher/charts/extension-crd-0.2.5.tgz");
    assert_eq!(serde_json::to_value(&card).unwrap()["tags"], serde_json::json!(["experimental"]));
    let s = serde_json::to_value(status(&chart, &r, "2.13")).unwrap();
    assert_eq!(s["layout"], "item-card");
}
