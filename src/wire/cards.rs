//! The card previews' view model ([`crate::wire::Request::Cards`]): everything the Cards tab
//! draws, computed in the checking worker by [`build`] from the core's `cards` module (which
//! parses YAML, JSON and Markdown), so that the page's wasm links none of those parsers. The
//! page only turns image bytes into `blob:` URLs; every other value is drawn as it comes.

use extcheck_core::PackageReport;
use extcheck_core::cards::ImageRef;
use extcheck_core::cards::checklist::{self, Status};
use extcheck_core::cards::kubesphere::{self, KsCard, KsCardView, KsDetail, LocaleFile, Provider, detail_for};
use extcheck_core::cards::rancher::{self, CardStatus, Layout, RancherCard, RancherChart, Tag};
use extcheck_core::package::Kind;
use serde::{Deserialize, Serialize};

/// The UI languages the KubeSphere preview offers, in the order of its switch.
pub const KS_LANGUAGES: [&str; 2] = ["en", "zh"];

/// An image as the page may show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Image {
    /// A package file: bytes `start..end` of the reply's bytes, of MIME type `mime` (the page
    /// makes a `blob:` URL of them).
    Bytes {
        /// MIME type, e.g. `image/png`.
        mime: String,
        /// First byte in the reply's bytes.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// A `data:image/…` URL from the package, drawn as is.
    DataUrl(String),
    /// An http(s) URL: never loaded; the page shows a placeholder and the URL as text.
    Remote(String),
    /// A path that is not in the package: the platform shows a broken image.
    Missing(String),
}

/// One line of the completeness checklist (the core's `checklist::Item`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemModel {
    /// Stable id, e.g. `readme`.
    pub id: String,
    /// Short label, e.g. "README".
    pub label: String,
    /// The verdict.
    pub status: Status,
    /// What was found or is missing (backticks mark code).
    pub detail: String,
}

/// The KubeSphere detail page in one UI language (the core's `KsDetail` without the
/// screenshots, which [`KsModel::shots`] carries once for every language).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KsDetailModel {
    /// The UI language the files were chosen for.
    pub lang: String,
    /// The Overview tab's README, parsed.
    pub readme: Option<LocaleFile>,
    /// The Changelog tab's file, parsed, when there is one.
    pub changelog: Option<LocaleFile>,
    /// `permissions.yaml` as text.
    pub permissions: Option<String>,
    /// `data:` screenshots the console drops.
    pub dropped_screenshots: usize,
    /// The provider for the language.
    pub provider: Option<Provider>,
    /// "Homepage".
    pub home: Option<String>,
    /// "Documents".
    pub docs: Option<String>,
    /// `kubeVersion`.
    pub kube_version: Option<String>,
    /// `ksVersion`.
    pub ks_version: Option<String>,
    /// "Repositories".
    pub sources: Vec<String>,
    /// `keywords`.
    pub keywords: Vec<String>,
    /// `installationMode`.
    pub installation_mode: String,
}

impl From<KsDetail> for KsDetailModel {
    fn from(d: KsDetail) -> KsDetailModel {
        KsDetailModel {
            lang: d.lang,
            readme: d.readme,
            changelog: d.changelog,
            permissions: d.permissions,
            dropped_screenshots: d.dropped_screenshots,
            provider: d.provider,
            home: d.home,
            docs: d.docs,
            kube_version: d.kube_version,
            ks_version: d.ks_version,
            sources: d.sources,
            keywords: d.keywords,
            installation_mode: d.installation_mode,
        }
    }
}

/// The KubeSphere card and detail page in one UI language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KsLangModel {
    /// The UI language (one of [`KS_LANGUAGES`]).
    pub code: String,
    /// The card as the console draws it in that language.
    pub card: KsCardView,
    /// The detail page, when `extension.yaml` is readable.
    pub detail: Option<KsDetailModel>,
}

/// A screenshot with its file's MIME type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShotModel {
    /// The image.
    pub image: Image,
    /// Its MIME type, when known.
    pub mime: Option<String>,
}

/// A KubeSphere extension's card previews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KsModel {
    /// The UI language the preview starts in (`en` or `zh`), from the browser's language.
    pub preview_lang: String,
    /// The browser's language as the console reads it (`zh`, `tc`, `en`; `""` when unknown).
    pub console_lang: String,
    /// Declared languages.
    pub languages: Vec<String>,
    /// `metadata.name`.
    pub name: String,
    /// The version.
    pub version: String,
    /// The icon; `None` for the console's placeholder.
    pub icon: Option<Image>,
    /// One entry per [`KS_LANGUAGES`].
    pub langs: Vec<KsLangModel>,
    /// The screenshots (the same in every language).
    pub shots: Vec<ShotModel>,
}

/// One failing check of a Rancher line (the core's `Incompatibility`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncompatibilityModel {
    /// The annotation read.
    pub annotation: String,
    /// Its value, when it has one.
    pub required: Option<String>,
    /// Rancher's card message.
    pub message: String,
}

/// What one Rancher line's Extensions page does with the card (the core's `CardStatus`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardStatusModel {
    /// The line, e.g. `2.10`.
    pub line: String,
    /// The Rancher release evaluated.
    pub rancher_version: String,
    /// The local cluster's Kubernetes evaluated.
    pub kubernetes: String,
    /// The line's card layout.
    pub layout: Layout,
    /// The card appears.
    pub shown: bool,
    /// Install is offered on Rancher Community.
    pub installable: bool,
    /// Install is offered on Rancher Prime only.
    pub prime_only: bool,
    /// The card message.
    pub message: Option<String>,
    /// The side panel's tooltip.
    pub tooltip: Option<String>,
    /// Every failing check, in the line's order.
    pub incompatibilities: Vec<IncompatibilityModel>,
    /// What happens on the real page (backticks mark code).
    pub note: String,
}

impl From<CardStatus> for CardStatusModel {
    fn from(s: CardStatus) -> CardStatusModel {
        CardStatusModel {
            line: s.line,
            rancher_version: s.rancher_version,
            kubernetes: s.kubernetes,
            layout: s.layout,
            shown: s.shown,
            installable: s.installable,
            prime_only: s.prime_only,
            message: s.message,
            tooltip: s.tooltip,
            incompatibilities: s
                .incompatibilities
                .into_iter()
                .map(|i| IncompatibilityModel {
                    annotation: i.annotation.to_string(),
                    required: i.required,
                    message: i.message,
                })
                .collect(),
            note: s.note,
        }
    }
}

/// The Rancher Extensions-page card (the core's `RancherCard`, with each layout's version text
/// and badges).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RancherCardModel {
    /// The icon; `None` for Rancher's generic icon.
    pub icon: Option<Image>,
    /// The icon's alt text.
    pub icon_alt: String,
    /// The title.
    pub title: String,
    /// The description as shown.
    pub description: Option<String>,
    /// Tags and flags.
    pub tags: Vec<Tag>,
    /// The version text of the ≤ 2.12 inline card.
    pub version_inline: String,
    /// The version label of the ≥ 2.13 item card.
    pub version_item: String,
    /// The badges of the inline card.
    pub badges_inline: Vec<Tag>,
    /// The footer tags of the item card.
    pub badges_item: Vec<Tag>,
}

impl RancherCardModel {
    /// The version text `layout` shows.
    pub fn version_text(&self, layout: Layout) -> &str {
        match layout {
            Layout::Inline => &self.version_inline,
            Layout::ItemCard => &self.version_item,
        }
    }

    /// The tags drawn as badges in `layout`.
    pub fn badges(&self, layout: Layout) -> &[Tag] {
        match layout {
            Layout::Inline => &self.badges_inline,
            Layout::ItemCard => &self.badges_item,
        }
    }
}

/// A Rancher package's card previews: the card, and its status on each Rancher line the
/// package's matrix covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RancherModel {
    /// The card.
    pub card: RancherCardModel,
    /// The Rancher lines that can be evaluated, oldest first, each with the card's status there
    /// (`None` when that cell is not in the matrix).
    pub lines: Vec<(String, Option<CardStatusModel>)>,
}

/// The Cards tab of one package; its image bytes travel as the reply's bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardsModel {
    /// The package's kind.
    pub kind: Option<Kind>,
    /// The completeness checklist (empty for kinds without one).
    pub checklist: Vec<ItemModel>,
    /// A KubeSphere extension's previews, when it has a readable `extension.yaml` mapping.
    pub kubesphere: Option<KsModel>,
    /// A Rancher package's previews, when its `package.json` or `Chart.yaml` parses.
    pub rancher: Option<RancherModel>,
}

/// Collects image bytes back to back for one reply.
#[derive(Default)]
struct Images(Vec<u8>);

impl Images {
    fn add(&mut self, image: &ImageRef) -> Image {
        match image {
            ImageRef::Embedded { mime, bytes } => {
                let start = self.0.len();
                self.0.extend_from_slice(bytes);
                Image::Bytes { mime: mime.clone(), start, end: self.0.len() }
            }
            ImageRef::DataUrl(url) => Image::DataUrl(url.clone()),
            ImageRef::Remote(url) => Image::Remote(url.clone()),
            ImageRef::Missing { path } => Image::Missing(path.clone()),
        }
    }
}

fn kubesphere(report: &PackageReport, card: KsCard, navigator: &str, images: &mut Images) -> KsModel {
    // Screenshots do not depend on the language: their bytes are sent once.
    let shots = detail_for(&report.package, "en").map_or_else(Vec::new, |d| {
        d.screenshots.iter().map(|s| ShotModel { image: images.add(s), mime: s.mime().map(str::to_string) }).collect()
    });
    KsModel {
        preview_lang: kubesphere::preview_lang(navigator).to_string(),
        console_lang: kubesphere::console_lang(navigator),
        languages: card.languages.clone(),
        name: card.name.clone(),
        version: card.version.clone(),
        icon: card.icon.as_ref().map(|i| images.add(i)),
        langs: KS_LANGUAGES
            .iter()
            .map(|code| KsLangModel {
                code: code.to_string(),
                card: card.view(code, navigator),
                detail: detail_for(&report.package, code).map(KsDetailModel::from),
            })
            .collect(),
        shots,
    }
}

fn rancher(report: &PackageReport, chart: &RancherChart, images: &mut Images) -> RancherModel {
    let card = RancherCard::from_chart(chart);
    let lines = report.matrix.as_ref().map_or_else(Vec::new, |m| {
        rancher::lines(m)
            .into_iter()
            .map(|line| (line.to_string(), rancher::status_for(chart, m, line).map(CardStatusModel::from)))
            .collect()
    });
    RancherModel {
        card: RancherCardModel {
            icon: card.icon.as_ref().map(|i| images.add(i)),
            icon_alt: card.icon_alt.clone(),
            title: card.title.clone(),
            description: card.description.clone(),
            version_inline: card.version_text(Layout::Inline).to_string(),
            version_item: card.version_text(Layout::ItemCard).to_string(),
            badges_inline: card.badges(Layout::Inline),
            badges_item: card.badges(Layout::ItemCard),
            tags: card.tags,
        },
        lines,
    }
}

/// The Cards tab of `report` for a browser whose `navigator.language` is `navigator` (the
/// KubeSphere console resolves languages with it), and the image bytes its [`Image::Bytes`]
/// point into.
pub fn build(report: &PackageReport, navigator: &str) -> (CardsModel, Vec<u8>) {
    let mut images = Images::default();
    let kubesphere = KsCard::from_report(report).map(|card| kubesphere(report, card, navigator, &mut images));
    let rancher = RancherChart::from_report(report).map(|chart| rancher(report, &chart, &mut images));
    let checklist = checklist::for_report(report)
        .into_iter()
        .map(|i| ItemModel { id: i.id.to_string(), label: i.label.to_string(), status: i.status, detail: i.detail })
        .collect();
    (CardsModel { kind: report.kind, checklist, kubesphere, rancher }, images.0)
}
