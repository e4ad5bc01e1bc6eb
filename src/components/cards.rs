//! Marketplace card previews: the KubeSphere card and detail page, the Rancher card in both
//! layouts with its status on a chosen Rancher line, and the completeness checklist. The card
//! data is the core's `cards` module, computed by the checking worker when the view is first
//! opened ([`crate::wire::cards`]): the page draws plain data and links none of the parsers.
//!
//! Package text is always inserted as text. Images are shown only through `<img>` with a
//! `data:` URL from the package or a `blob:` URL made here from the image bytes the worker sends
//! (revoked when the view is cleaned up). Remote images are never loaded: a placeholder and the URL as
//! text stand in for them.

use std::sync::{Arc, Mutex};

use extcheck_core::cards::kubesphere::KsCardView;
use extcheck_core::cards::rancher::{Layout, Tag};
use extcheck_core::package::Kind;
use leptos::either::{Either, EitherOf3, EitherOf4};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::checker::ask_bytes;
use crate::i18n::Lang;
use crate::tr;
use crate::wire::Request;
use crate::wire::cards::{
    CardStatusModel, CardsModel, Image, ItemModel, KS_LANGUAGES, KsDetailModel, KsModel, RancherCardModel, RancherModel,
};

use crate::components::markdown::Markdown;
use crate::components::report::Rich;

/// A fresh number for element ids and radio-group names (several packages on one page).
fn next_id() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The browser's `navigator.language` (e.g. `en-US`), or `""`.
fn navigator_language() -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    js_sys::Reflect::get(&window, &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"language".into()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The `blob:` URLs one view made; they are revoked when the view is cleaned up.
#[derive(Clone)]
struct ObjectUrls(Arc<Mutex<Vec<String>>>);

impl ObjectUrls {
    /// A new set, revoked on the current owner's cleanup.
    fn new() -> ObjectUrls {
        let urls = ObjectUrls(Arc::new(Mutex::new(Vec::new())));
        let list = urls.0.clone();
        on_cleanup(move || {
            for url in list.lock().map(|mut l| std::mem::take(&mut *l)).unwrap_or_default() {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        });
        urls
    }

    /// A `blob:` URL for `bytes` of type `mime`.
    fn blob(&self, bytes: &js_sys::Uint8Array, mime: &str) -> Option<String> {
        let parts = js_sys::Array::of1(bytes);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        if let Ok(mut list) = self.0.lock() {
            list.push(url.clone());
        }
        Some(url)
    }

    /// What the page shows for `image` (its bytes in `bytes`, the reply's): a URL for a
    /// package file or a data URL; the URL as text for a remote image (never loaded); the path
    /// for a missing one.
    fn shown(&self, image: &Image, bytes: &js_sys::Uint8Array) -> Shown {
        match image {
            Image::Bytes { mime, start, end } => {
                let shown = (start <= end && *end <= bytes.length() as usize)
                    .then(|| self.blob(&bytes.subarray(*start as u32, *end as u32), mime))
                    .flatten();
                shown.map_or_else(|| Shown::Missing(String::new()), Shown::Url)
            }
            Image::DataUrl(url) => Shown::Url(url.clone()),
            Image::Remote(url) => Shown::Remote(url.clone()),
            Image::Missing(path) => Shown::Missing(path.clone()),
        }
    }
}

/// An image as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shown {
    /// A `blob:` or `data:` URL, drawn with `<img>`.
    Url(String),
    /// An http(s) URL: not loaded; a placeholder and the URL as text.
    Remote(String),
    /// Not in the package: the platform shows a broken image.
    Missing(String),
    /// No image at all: the platform's placeholder.
    None,
}

/// Whose placeholder to draw when there is no icon.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placeholder {
    /// The console's `extension-icon-placeholder.svg` (drawn here as a neutral cube).
    KubeSphere,
    /// Rancher's `generic-plugin.svg` (drawn here as a neutral puzzle piece).
    Rancher,
}

/// A neutral cube: stands in for the KubeSphere console's icon placeholder.
fn cube_glyph() -> impl IntoView {
    view! {
        <svg class="glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 3 20 7.5v9L12 21l-8-4.5v-9Z M4 7.5 12 12l8-4.5 M12 12v9" />
        </svg>
    }
}

/// A neutral puzzle piece: stands in for Rancher's generic extension icon.
fn puzzle_glyph() -> impl IntoView {
    view! {
        <svg class="glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h5a2.5 2.5 0 1 1 4 0h5v5a2.5 2.5 0 1 1 0 4v4H4Z" />
        </svg>
    }
}

/// A picture frame with a tear: a broken image.
fn broken_glyph() -> impl IntoView {
    view! {
        <svg class="glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 5h16v14H4Z M4 16l5-5 3 3 M14 12l2-2 4 4 M3 3l18 18" />
        </svg>
    }
}

/// A picture frame with an outward arrow: a remote image that is not loaded.
fn remote_glyph() -> impl IntoView {
    view! {
        <svg class="glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 5h16v14H4Z M9 15l6-6 M10 9h5v5" />
        </svg>
    }
}

/// The icon inside a card's icon box. An `<img>` that fails to decode (an unknown file type)
/// is marked broken, as the platform would show it. (`Either` rather than `AnyView` keeps the
/// wasm small: these views are built once and never rebuilt.)
fn icon_view(shown: Shown, alt: String, placeholder: Placeholder) -> impl IntoView {
    let (class, label, glyph) = match shown {
        Shown::Url(src) => {
            let broken = RwSignal::new(false);
            return Either::Left(view! {
                <img class="icon-img" src=src alt=alt class:broken=move || broken.get()
                    on:error=move |_| broken.set(true) />
            });
        }
        Shown::Remote(url) => {
            ("icon-glyph icon-remote", format!("{alt}: remote image {url}, not loaded"), EitherOf4::A(remote_glyph()))
        }
        Shown::Missing(path) => (
            "icon-glyph icon-broken",
            format!("{alt}: broken image ({path} is not in the package)"),
            EitherOf4::B(broken_glyph()),
        ),
        Shown::None if placeholder == Placeholder::KubeSphere => {
            ("icon-glyph icon-placeholder", "The console's placeholder icon".to_string(), EitherOf4::C(cube_glyph()))
        }
        Shown::None => (
            "icon-glyph icon-placeholder",
            "Rancher's generic extension icon".to_string(),
            EitherOf4::D(puzzle_glyph()),
        ),
    };
    Either::Right(view! { <span class=class role="img" title=label.clone() aria-label=label>{glyph}</span> })
}

/// The note under a card about its icon, or `None` when the icon is drawn as is.
fn icon_note(shown: &Shown, platform: Placeholder) -> Option<impl IntoView + use<>> {
    let (console, generic) = match platform {
        Placeholder::KubeSphere => ("the console", "its placeholder image (`extension-icon-placeholder.svg`)"),
        Placeholder::Rancher => ("Rancher", "its generic extension icon (`generic-plugin.svg`)"),
    };
    let (class, symbol, text) = match shown {
        Shown::Url(_) => return None,
        Shown::Remote(url) => (
            "card-note note-remote",
            "↗",
            format!(
                "Icon `{url}`: {console} would load this URL. extcheck makes no network requests, so a placeholder stands in for it."
            ),
        ),
        Shown::Missing(path) => (
            "card-note note-broken",
            "✗",
            match platform {
                Placeholder::KubeSphere => {
                    format!("Icon `{path}`: not among the files ks-core reads, so the console shows a broken image.")
                }
                Placeholder::Rancher => format!(
                    "Icon `{path}`: not a URL. Rancher resolves it against the repository's URL, so it shows only if the file exists there."
                ),
            },
        ),
        Shown::None => {
            ("card-note", "ℹ", format!("No icon: {console} shows {generic}; a neutral stand-in is drawn here."))
        }
    };
    Some(view! {
        <li class=class>
            <span class="note-symbol" aria-hidden="true">{symbol}</span>
            <span><Rich text=text /></span>
        </li>
    })
}

/// A value that may be a web link: http(s) URLs become links (opened in a new tab), anything
/// else is shown as text.
fn maybe_link(value: String) -> impl IntoView {
    if value.starts_with("https://") || value.starts_with("http://") {
        let href = value.clone();
        Either::Left(view! { <a href=href target="_blank" rel="noopener noreferrer">{value}</a> })
    } else {
        Either::Right(view! { <span>{value}</span> })
    }
}

/// The cards of package number `index`: the checking worker computes them when the view is
/// first opened, then [`Cards`] draws them.
#[component]
pub fn CardsView(index: usize) -> impl IntoView {
    type Loaded = Result<StoredValue<(CardsModel, js_sys::Uint8Array), LocalStorage>, String>;
    let loaded: RwSignal<Option<Loaded>, LocalStorage> = RwSignal::new_local(None);
    spawn_local(async move {
        let request = Request::Cards { package: index, navigator: navigator_language() };
        let reply = ask_bytes::<CardsModel>(request).await;
        loaded.try_set(Some(reply.map(StoredValue::new_local)));
    });
    let lang = crate::i18n::use_lang();
    move || {
        match loaded.get() {
        None => {
            view! { <p class="fix-working"><span class="spinner" aria-hidden="true"></span>{tr!(lang.get(), "cards-drawing")}</p> }
                .into_any()
        }
        Some(Err(e)) => view! { <p class="failed">{tr!(lang.get(), "cards-failed", error = e)}</p> }.into_any(),
        Some(Ok(m)) => {
            m.with_value(|(model, bytes)| view! { <Cards model=model.clone() bytes=bytes.clone() /> }).into_any()
        }
    }
    }
}

/// The cards of one package: the KubeSphere card and detail page, or the Rancher card in both
/// layouts, each next to the completeness checklist; an explanation for kinds with no card.
/// `bytes` holds the images' bytes.
#[component]
fn Cards(model: CardsModel, bytes: js_sys::Uint8Array) -> impl IntoView {
    // Drawn again on a language switch (the report is), so the language is read once.
    let page_lang = crate::i18n::use_lang().get_untracked();
    let CardsModel { kind, checklist: items, kubesphere, rancher } = model;
    let body = match kind {
        Some(Kind::Kubesphere) => match kubesphere {
            Some(ks) => EitherOf3::A(view! { <KubeSphereCards ks=ks bytes=bytes /> }),
            None => EitherOf3::C(no_card(tr!(page_lang, "cards-none-extension-yaml"))),
        },
        Some(Kind::RancherPackage | Kind::RancherChart) => match rancher {
            Some(model) => EitherOf3::B(view! { <RancherCards model=model bytes=bytes /> }),
            None => EitherOf3::C(no_card(if kind == Some(Kind::RancherPackage) {
                tr!(page_lang, "cards-none-package-json")
            } else {
                tr!(page_lang, "cards-none-chart-yaml")
            })),
        },
        Some(Kind::RancherPlugin) => EitherOf3::C(no_card(tr!(page_lang, "cards-none-plugin"))),
        Some(Kind::HelmChart) => EitherOf3::C(no_card(tr!(page_lang, "cards-none-helm"))),
        None => EitherOf3::C(no_card(tr!(page_lang, "cards-none-unrecognised"))),
    };
    let has_items = !items.is_empty();
    view! {
        <section class="cards" aria-label=tr!(page_lang, "cards-label")>
            <div class="cards-layout" class:with-checklist=has_items>
                <div class="cards-main">{body}</div>
                {has_items.then(|| view! { <Checklist items=items /> })}
            </div>
        </section>
    }
}

fn no_card(text: String) -> impl IntoView {
    view! {
        <p class="no-card">
            <span class="note-symbol" aria-hidden="true">"ℹ"</span>
            " " <Rich text=text />
        </p>
    }
}

/// The completeness checklist: each item with a symbol, its label, its status in words and
/// what was found or is missing.
#[component]
fn Checklist(items: Vec<ItemModel>) -> impl IntoView {
    let page_lang = crate::i18n::use_lang().get_untracked();
    let heading = format!("checklist-{}", next_id());
    let labelledby = heading.clone();
    view! {
        <aside class="checklist" aria-labelledby=labelledby>
            <h3 id=heading>{tr!(page_lang, "checklist-title")}</h3>
            <p class="hint">{tr!(page_lang, "checklist-hint")}</p>
            <ul class="check-items">
                {items
                    .into_iter()
                    .map(|i| {
                        let status = i.status;
                        view! {
                            <li class=format!("check-item check-{}", status.as_str()) data-item=i.id>
                                <span class="check-symbol" aria-hidden="true">{status.symbol()}</span>
                                <div>
                                    <p class="check-head">
                                        <span class="check-label">{i.label}</span>
                                        <span class="check-status">{status.label()}</span>
                                    </p>
                                    <p class="check-detail"><Rich text=i.detail /></p>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </aside>
    }
}

// ---------------------------------------------------------------------------------------------
// KubeSphere

/// The labels of the languages the preview offers ([`KS_LANGUAGES`]).
const KS_LANGUAGE_LABELS: [&str; 2] = ["English", "中文"];

/// The tabs of the detail page, as the console names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DetailTab {
    Overview,
    Changelog,
    Permissions,
}

impl DetailTab {
    const fn id(self) -> &'static str {
        match self {
            DetailTab::Overview => "overview",
            DetailTab::Changelog => "changelog",
            DetailTab::Permissions => "permissions",
        }
    }

    const fn label(self) -> &'static str {
        match self {
            DetailTab::Overview => "Overview",
            DetailTab::Changelog => "Changelog",
            DetailTab::Permissions => "Permission requirements",
        }
    }
}

/// A screenshot as the page shows it, with its image type.
#[derive(Clone)]
struct Shot {
    shown: Shown,
    mime: Option<String>,
}

/// The KubeSphere card with its language switch, and the detail page (`bytes` holds the
/// images' bytes).
#[component]
fn KubeSphereCards(ks: KsModel, bytes: js_sys::Uint8Array) -> impl IntoView {
    let page_lang = crate::i18n::use_lang().get_untracked();
    let id = next_id();
    let navigator = navigator_language();
    let start = KS_LANGUAGES.into_iter().find(|l| *l == ks.preview_lang).unwrap_or(KS_LANGUAGES[0]);
    let lang = RwSignal::new(start);
    let urls = ObjectUrls::new();
    let icon = ks.icon.as_ref().map_or(Shown::None, |i| urls.shown(i, &bytes));
    let languages = ks.languages;
    let name = ks.name;
    let version = ks.version;
    // Both languages are drawn once and the switch shows one: nothing is rebuilt on a switch.
    let views: Vec<(&'static str, KsCardView, Option<KsDetailModel>)> =
        KS_LANGUAGES.iter().zip(ks.langs).map(|(code, l)| (*code, l.card, l.detail)).collect();
    // Screenshots do not depend on the language: their URLs are made once.
    let shots: Vec<Shot> =
        ks.shots.iter().map(|s| Shot { shown: urls.shown(&s.image, &bytes), mime: s.mime.clone() }).collect();
    let browser = ks.console_lang;
    let none = tr!(page_lang, "cards-none-value");
    let fallback = tr!(
        page_lang,
        "cards-ks-fallback",
        navigator = if navigator.is_empty() { tr!(page_lang, "cards-unknown-value") } else { format!("`{navigator}`") },
        browser = if browser.is_empty() { none.clone() } else { format!("`{browser}`") },
        declared = if languages.is_empty() {
            none.clone()
        } else {
            languages.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ")
        }
    );
    let icon_alt = format!("Icon of {name}");
    let tab = RwSignal::new(DetailTab::Overview);
    let note = icon_note(&icon, Placeholder::KubeSphere);
    let cards = views
        .iter()
        .map(|(code, v, _)| {
            let code = *code;
            view! {
                <div class="ks-stage" data-lang=code hidden=move || lang.get() != code>
                    <KsCardBox view=v.clone() lang=code icon=icon.clone() alt=icon_alt.clone() />
                </div>
            }
        })
        .collect_view();
    let details = views
        .into_iter()
        .map(|(code, v, d)| {
            let page = match d {
                Some(d) => Either::Left(view! {
                    <KsDetailPage detail=d view=v icon=icon.clone() alt=icon_alt.clone()
                        shots=shots.clone() version=version.clone() id=id tab=tab />
                }),
                None => Either::Right(view! { <p class="hint">{tr!(page_lang, "cards-ks-no-detail")}</p> }),
            };
            view! { <div class="ks-detail-lang" data-lang=code hidden=move || lang.get() != code>{page}</div> }
        })
        .collect_view();

    view! {
        <section class="ks-preview" aria-labelledby=format!("ks-card-h-{id}")>
            <div class="cards-toolbar">
                <h3 id=format!("ks-card-h-{id}")>{tr!(page_lang, "cards-ks-title")}</h3>
                <fieldset class="segmented lang-switch">
                    <legend>{tr!(page_lang, "cards-ks-console-language")}</legend>
                    {KS_LANGUAGES
                        .into_iter()
                        .zip(KS_LANGUAGE_LABELS)
                        .map(|(code, label)| {
                            view! {
                                <label>
                                    <input type="radio" name=format!("ks-lang-{id}") value=code
                                        prop:checked=move || lang.get() == code
                                        on:change=move |_| lang.set(code) />
                                    <span lang=code>{label}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </div>
            <p class="hint"><Rich text=fallback /></p>
            {cards}
            {note.map(|n| view! { <ul class="card-notes">{n}</ul> })}
        </section>
        <section class="ks-detail" aria-labelledby=format!("ks-detail-h-{id}")>
            <h3 id=format!("ks-detail-h-{id}")>{tr!(page_lang, "cards-ks-detail")}</h3>
            {details}
        </section>
    }
}

/// The card as the console draws it (kubesphere.md §1.8): a 48×48 icon box, the title clamped
/// to two lines, the "by …" line, the description and the category.
#[component]
fn KsCardBox(view: KsCardView, lang: &'static str, icon: Shown, alt: String) -> impl IntoView {
    let provider_tip = view.provider.as_ref().map(|p| p.name.clone());
    view! {
        <article class="ks-card" lang=lang aria-label="KubeSphere marketplace card">
            <div class="ks-card-top">
                <div class="ks-icon">{icon_view(icon, alt, Placeholder::KubeSphere)}</div>
                {view.category_label.clone().map(|c| view! { <span class="ks-category">{c}</span> })}
            </div>
            <h4 class="ks-title" title=view.title.clone()>{view.title.clone()}</h4>
            {view.by_line.clone().map(|b| view! { <p class="ks-by" title=provider_tip.clone()>{b}</p> })}
            <p class="ks-desc">{view.description.clone()}</p>
        </article>
    }
}

/// The detail page: header, the Overview / Changelog / Permission requirements tabs, and the
/// basic information.
#[component]
fn KsDetailPage(
    detail: KsDetailModel,
    view: KsCardView,
    icon: Shown,
    alt: String,
    shots: Vec<Shot>,
    version: String,
    id: usize,
    tab: RwSignal<DetailTab>,
) -> impl IntoView {
    let mut tabs = vec![DetailTab::Overview];
    let has_changelog = detail.changelog.is_some();
    if has_changelog {
        tabs.push(DetailTab::Changelog);
    }
    tabs.push(DetailTab::Permissions);
    // The tab is shared by both languages' pages; one without a changelog shows its Overview.
    let current = move || match tab.get() {
        DetailTab::Changelog if !has_changelog => DetailTab::Overview,
        t => t,
    };
    let tab_keys = tabs.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(next) = crate::components::report::arrow_to_tab(&ev, &tab_keys, current()) {
            tab.set(next);
        }
    };
    let lang = detail.lang.clone();
    let page_lang = lang.clone();
    let readme = detail.readme.clone();
    let changelog = detail.changelog.clone();
    let permissions = detail.permissions.clone();
    let dropped = detail.dropped_screenshots;
    let panel = |t: DetailTab| format!("ks-{id}-{lang}-panel-{}", t.id());
    let tab_id = |t: DetailTab| format!("ks-{id}-{lang}-tab-{}", t.id());

    view! {
        <div class="ks-detail-page" lang=page_lang>
            <header class="ks-detail-head">
                <div class="ks-icon ks-icon-large">{icon_view(icon, alt, Placeholder::KubeSphere)}</div>
                <div>
                    <h4 class="ks-detail-title">{view.title.clone()}</h4>
                    {view.by_line.clone().map(|b| view! { <p class="ks-by">{b}</p> })}
                    <p class="ks-detail-desc">{view.description.clone()}</p>
                </div>
            </header>
            <div class="ks-detail-body">
                <div class="ks-detail-main">
                    <div class="subtabs" role="tablist" aria-label="Detail page tabs" on:keydown=on_key>
                        {tabs
                            .iter()
                            .map(|&t| view! {
                                <button type="button" role="tab" class="subtab" id=tab_id(t) aria-controls=panel(t)
                                    data-tab=t.id()
                                    aria-selected=move || (current() == t).to_string()
                                    tabindex=move || if current() == t { "0" } else { "-1" }
                                    on:click=move |_| tab.set(t)>
                                    {t.label()}
                                </button>
                            })
                            .collect_view()}
                    </div>
                    <div role="tabpanel" class="ks-tabpanel ks-overview" id=panel(DetailTab::Overview)
                        aria-labelledby=tab_id(DetailTab::Overview) hidden=move || current() != DetailTab::Overview>
                        {match readme {
                            Some(r) => Either::Left(view! {
                                <p class="file-source">"From " <code>{r.path}</code></p>
                                <Markdown blocks=r.blocks shift=4 relative=true />
                            }),
                            None => Either::Right(view! { <p class="hint">"No README: the Overview shows only the screenshots."</p> }),
                        }}
                        <Screenshots shots=shots dropped=dropped />
                    </div>
                    {changelog.map(|c| view! {
                        <div role="tabpanel" class="ks-tabpanel" id=panel(DetailTab::Changelog)
                            aria-labelledby=tab_id(DetailTab::Changelog) hidden=move || current() != DetailTab::Changelog>
                            <p class="file-source">"From " <code>{c.path}</code></p>
                            <Markdown blocks=c.blocks shift=4 relative=true />
                        </div>
                    })}
                    <div role="tabpanel" class="ks-tabpanel" id=panel(DetailTab::Permissions)
                        aria-labelledby=tab_id(DetailTab::Permissions) hidden=move || current() != DetailTab::Permissions>
                        {match permissions {
                            Some(text) => Either::Left(view! {
                                <p class="file-source">"From " <code>"permissions.yaml"</code></p>
                                <pre class="code-block permissions" tabindex="0"><code>{text}</code></pre>
                            }),
                            None => Either::Right(view! { <p class="hint">"No permissions.yaml in the package."</p> }),
                        }}
                    </div>
                </div>
                <BasicInfo detail=detail version=version />
            </div>
        </div>
    }
}

/// One row of the basic information.
fn info_row(label: &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <div class="info-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// A dash for a value the package does not give.
fn info_none() -> impl IntoView {
    view! { <span class="info-none">"—"</span> }
}

/// A value as text, or a dash.
fn info_text(value: Option<String>, code: bool) -> impl IntoView {
    match value {
        Some(v) if code => EitherOf3::A(view! { <code>{v}</code> }),
        Some(v) => EitherOf3::B(view! { <span>{v}</span> }),
        None => EitherOf3::C(info_none()),
    }
}

/// A list of values (links for http(s) URLs when `link`), or a dash.
fn info_list(values: Vec<String>, link: bool) -> impl IntoView {
    if values.is_empty() {
        return Either::Right(info_none());
    }
    Either::Left(view! {
        <ul class="info-list">
            {values
                .into_iter()
                .map(|v| view! { <li>{if link { Either::Left(maybe_link(v)) } else { Either::Right(v) }}</li> })
                .collect_view()}
        </ul>
    })
}

/// The detail page's basic information.
#[component]
fn BasicInfo(detail: KsDetailModel, version: String) -> impl IntoView {
    let provider = match detail.provider.clone().filter(|p| !p.name.is_empty()) {
        Some(p) => {
            let name = if p.url.starts_with("http://") || p.url.starts_with("https://") {
                Either::Left(view! { <a href=p.url target="_blank" rel="noopener noreferrer">{p.name}</a> })
            } else {
                Either::Right(view! { <span>{p.name}</span> })
            };
            let email = (!p.email.is_empty()).then(|| view! { <span class="info-sub">{p.email}</span> });
            Either::Left(view! { {name} {email} })
        }
        None => Either::Right(info_none()),
    };
    let opt_link = |v: Option<String>| match v {
        Some(v) => Either::Left(maybe_link(v)),
        None => Either::Right(info_none()),
    };
    view! {
        <aside class="ks-basic-info" aria-label="Basic information">
            <h5>"Basic information"</h5>
            <dl>
                {info_row("Version", info_text(Some(version), true))}
                {info_row("Provider", provider)}
                {info_row("Homepage", opt_link(detail.home))}
                {info_row("Documents", opt_link(detail.docs))}
                {info_row("Repositories", info_list(detail.sources, true))}
                {info_row("Kubernetes version", info_text(detail.kube_version, true))}
                {info_row("KubeSphere version", info_text(detail.ks_version, true))}
                {info_row("Installation mode", info_text(Some(detail.installation_mode), true))}
                {info_row("Keywords", info_list(detail.keywords, false))}
            </dl>
            <p class="hint">"The release date comes from the repository at publication; a package does not carry it."</p>
        </aside>
    }
}

/// The screenshots as the console shows them, with notes for those it drops or cannot show.
#[component]
fn Screenshots(shots: Vec<Shot>, dropped: usize) -> impl IntoView {
    if shots.is_empty() && dropped == 0 {
        return Either::Left(view! { <p class="hint shots-none">"No screenshots."</p> });
    }
    Either::Right(view! {
        <h5 class="shots-title">"Screenshots"</h5>
        <ul class="shots">
            {shots
                .into_iter()
                .enumerate()
                .map(|(n, s)| {
                    let svg = s.mime.as_deref() == Some("image/svg+xml");
                    match s.shown {
                        Shown::Url(src) => Either::Left(view! {
                            <li class="shot">
                                <img src=src alt=format!("Screenshot {}", n + 1) loading="lazy" />
                                {svg.then(|| view! {
                                    <p class="shot-note">"✗ SVG: the console labels every screenshot " <code>"image/png"</code> ", so this one does not display there."</p>
                                })}
                            </li>
                        }),
                        other => {
                            let (glyph, note) = match other {
                                Shown::Remote(url) => (
                                    Either::Left(remote_glyph()),
                                    format!("↗ `{url}` — the console loads this URL; extcheck does not fetch it."),
                                ),
                                Shown::Missing(path) => (
                                    Either::Right(broken_glyph()),
                                    format!("✗ `{path}` is not in the package: the console drops it."),
                                ),
                                // Screenshots are never `None`, and URLs are drawn above.
                                Shown::Url(_) | Shown::None => (Either::Right(broken_glyph()), String::new()),
                            };
                            Either::Right(view! {
                                <li class="shot shot-placeholder">
                                    <span class="icon-glyph">{glyph}</span>
                                    <p class="shot-note"><Rich text=note /></p>
                                </li>
                            })
                        }
                    }
                })
                .collect_view()}
        </ul>
        {(dropped > 0).then(|| view! {
            <p class="hint"><Rich text=format!("{dropped} `data:` screenshot(s) not shown: the console drops them.") /></p>
        })}
    })
}

// ---------------------------------------------------------------------------------------------
// Rancher

/// What each layout is called on the page.
fn layout_caption(layout: Layout, lang: Lang) -> String {
    match layout {
        Layout::Inline => tr!(lang, "cards-rc-inline"),
        Layout::ItemCard => tr!(lang, "cards-rc-item"),
    }
}

/// The Rancher card in both layouts, the Rancher line chooser and the card's status there
/// (`bytes` holds the icon's bytes). The cards are drawn once; only their status-dependent
/// parts follow the chosen line.
#[component]
fn RancherCards(model: RancherModel, bytes: js_sys::Uint8Array) -> impl IntoView {
    let page_lang = crate::i18n::use_lang().get_untracked();
    let id = next_id();
    let RancherModel { card, lines } = model;
    let urls = ObjectUrls::new();
    let icon = card.icon.as_ref().map_or(Shown::None, |i| urls.shown(i, &bytes));
    let note = icon_note(&icon, Placeholder::Rancher);
    let line = RwSignal::new(lines.last().map(|(l, _)| l.clone()).unwrap_or_default());
    let lines = StoredValue::new(lines);
    let status = Memo::new(move |_| {
        line.with(|line| lines.with_value(|ls| ls.iter().find(|(l, _)| l == line).and_then(|(_, s)| s.clone())))
    });
    let hidden = card.tags.contains(&Tag::Hidden);
    let deprecated = card.tags.contains(&Tag::Deprecated);
    let select_id = format!("rc-line-{id}");
    let has_lines = lines.with_value(|ls| !ls.is_empty());

    view! {
        <section class="rc-preview" aria-labelledby=format!("rc-h-{id}")>
            <div class="cards-toolbar">
                <h3 id=format!("rc-h-{id}")>{tr!(page_lang, "cards-rc-title")}</h3>
                {has_lines.then(|| view! {
                    <label class="rc-line-picker" for=select_id.clone()>
                        {tr!(page_lang, "cards-rc-version")} " "
                        <select id=select_id.clone() class="rc-line"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if lines.with_value(|ls| ls.iter().any(|(l, _)| *l == v)) {
                                    line.set(v);
                                }
                            }>
                            {lines.with_value(|ls| ls
                                .iter()
                                .rev()
                                .map(|(l, _)| {
                                    let selected = line.with_untracked(|c| c == l);
                                    view! { <option value=l.clone() selected=selected>{format!("Rancher {l}")}</option> }
                                })
                                .collect_view())}
                        </select>
                    </label>
                })}
            </div>
            <p class="hint">{tr!(page_lang, "cards-rc-both")}</p>
            <div class="rc-layouts">
                {[Layout::Inline, Layout::ItemCard]
                    .into_iter()
                    .map(|layout| {
                        let chosen = move || status.with(|s| s.as_ref().is_some_and(|s| s.layout == layout));
                        let caption = move || {
                            status.with(|s| match s.as_ref().filter(|s| s.layout == layout) {
                                Some(s) if s.shown => tr!(page_lang, "cards-rc-as-on", line = s.line.clone()),
                                Some(s) => tr!(page_lang, "cards-rc-not-listed", line = s.line.clone()),
                                None if layout == Layout::Inline => tr!(page_lang, "cards-rc-choose-old"),
                                None => tr!(page_lang, "cards-rc-choose-new"),
                            })
                        };
                        let data_layout = if layout == Layout::Inline { "inline" } else { "item-card" };
                        let card = card.clone();
                        let icon = icon.clone();
                        view! {
                            <figure class="rc-layout" class:active=chosen data-layout=data_layout>
                                <figcaption>
                                    <span>{layout_caption(layout, page_lang)}</span>
                                    <span class=move || if chosen() { "rc-chosen" } else { "rc-other" }>{caption}</span>
                                </figcaption>
                                {match layout {
                                    Layout::Inline => Either::Left(view! { <InlineCard card=card icon=icon status=status /> }),
                                    Layout::ItemCard => Either::Right(view! { <ItemCard card=card icon=icon status=status /> }),
                                }}
                            </figure>
                        }
                    })
                    .collect_view()}
            </div>
            <ul class="card-notes">
                {note}
                {hidden.then(|| view! {
                    <li class="card-note note-broken"><span class="note-symbol" aria-hidden="true">"✗"</span>
                    <span><Rich text="`catalog.cattle.io/hidden: \"true\"`: the Extensions page drops the whole card.".to_string() /></span></li>
                })}
                {deprecated.then(|| view! {
                    <li class="card-note"><span class="note-symbol" aria-hidden="true">"ℹ"</span>
                    <span><Rich text="`catalog.cattle.io/deprecated: \"true\"`: the ≥ 2.13 card adds \"Deprecated\" to its red status icon's tooltip, and the side panel warns.".to_string() /></span></li>
                })}
            </ul>
            {move || match status.get() {
                Some(s) => view! { <StatusPanel status=s /> }.into_any(),
                None => view! { <p class="hint">{tr!(page_lang, "cards-rc-no-matrix")}</p> }.into_any(),
            }}
        </section>
    }
}

/// The tags drawn as badges (inline) or footer tags (item card).
fn tags_view(card: &RancherCardModel, layout: Layout) -> impl IntoView + use<> {
    let tags = card.badges(layout).to_vec();
    (!tags.is_empty()).then(|| {
        view! {
            <ul class="rc-tags" aria-label="Tags">
                {tags
                    .into_iter()
                    .map(|t| view! { <li class=format!("rc-tag rc-tag-{}", tag_class(t))>{t.label()}</li> })
                    .collect_view()}
            </ul>
        }
    })
}

fn tag_class(tag: Tag) -> &'static str {
    match tag {
        Tag::PrimeOnly => "prime",
        Tag::ThirdParty => "third-party",
        Tag::Experimental => "experimental",
        Tag::Deprecated => "deprecated",
        Tag::Hidden => "hidden",
    }
}

/// The status of the chosen line when `layout` is its layout.
fn status_in(status: &Option<CardStatusModel>, layout: Layout) -> Option<&CardStatusModel> {
    status.as_ref().filter(|s| s.layout == layout)
}

/// The install action a card in `layout` shows for the chosen line: CSS class and text (no
/// text: no action drawn).
fn action(status: &Option<CardStatusModel>, layout: Layout) -> (&'static str, &'static str) {
    match status_in(status, layout) {
        Some(s) if s.shown && s.installable => ("rc-btn", "Install"),
        Some(s) if s.shown && s.prime_only => ("rc-btn rc-btn-muted", "Install (Rancher Prime only)"),
        Some(s) if s.shown => ("rc-no-action", "No Install action"),
        _ => ("", ""),
    }
}

/// The card's install action, following the chosen line.
fn action_view(status: Memo<Option<CardStatusModel>>, layout: Layout) -> impl IntoView {
    let act = move || status.with(|s| action(s, layout));
    view! {
        <div class="rc-actions">
            <span class=move || act().0 hidden=move || act().1.is_empty()>{move || act().1}</span>
        </div>
    }
}

/// The ≤ 2.12 card: name, description, version and the grey incompatibility paragraph inline,
/// badges beside the name, buttons at the bottom.
#[component]
fn InlineCard(card: RancherCardModel, icon: Shown, status: Memo<Option<CardStatusModel>>) -> impl IntoView {
    const L: Layout = Layout::Inline;
    let message = move || status.with(|s| status_in(s, L).and_then(|s| s.message.clone()));
    let not_listed = move || status.with(|s| status_in(s, L).is_some_and(|s| !s.shown));
    view! {
        <article class="rc-card rc-inline" class:not-listed=not_listed aria-label="Rancher 2.12 and earlier card">
            <div class="rc-icon">{icon_view(icon, card.icon_alt.clone(), Placeholder::Rancher)}</div>
            <div class="rc-body">
                <div class="rc-head">
                    <h4 class="rc-title"><span class="rc-name">{card.title.clone()}</span></h4>
                    {tags_view(&card, L)}
                </div>
                {card.description.clone().map(|d| view! { <p class="rc-desc">{d}</p> })}
                <p class="rc-version">{card.version_text(L).to_string()}</p>
                <p class="rc-message rc-incompatible" hidden=move || message().is_none()>
                    {move || message().unwrap_or_default()}
                </p>
                {action_view(status, L)}
            </div>
        </article>
    }
}

/// The ≥ 2.13 item card (`RcItemCard`): title with status icons, the sub-header with the
/// version label, the description, and the footer tags.
#[component]
fn ItemCard(card: RancherCardModel, icon: Shown, status: Memo<Option<CardStatusModel>>) -> impl IntoView {
    const L: Layout = Layout::ItemCard;
    let deprecated = card.tags.contains(&Tag::Deprecated);
    // The red status icon's tooltip: the incompatibility message, plus "Deprecated".
    let tooltip = move || {
        let message = status.with(|s| status_in(s, L).and_then(|s| s.message.clone()));
        match (message, deprecated) {
            (Some(m), true) => Some(format!("{m} Deprecated")),
            (Some(m), false) => Some(m),
            (None, true) => Some("Deprecated".to_string()),
            (None, false) => None,
        }
    };
    let not_listed = move || status.with(|s| status_in(s, L).is_some_and(|s| !s.shown));
    view! {
        <article class="rc-card rc-item" class:not-listed=not_listed aria-label="Rancher 2.13 and later card">
            <div class="rc-item-head">
                <div class="rc-icon">{icon_view(icon, card.icon_alt.clone(), Placeholder::Rancher)}</div>
                <div class="rc-item-titles">
                    <h4 class="rc-title">
                        <span class="rc-name">{card.title.clone()}</span>
                        <span class="rc-alert" role="img" hidden=move || tooltip().is_none()
                            title=move || tooltip().unwrap_or_default()
                            aria-label=move || tooltip().unwrap_or_default()>
                            "⚠"
                        </span>
                    </h4>
                    <p class="rc-subheader"><span class="rc-version">{card.version_text(L).to_string()}</span></p>
                </div>
                <span class="rc-menu" aria-hidden="true">"⋮"</span>
            </div>
            {card.description.clone().map(|d| view! { <p class="rc-desc">{d}</p> })}
            <div class="rc-footer">
                {tags_view(&card, L)}
                {action_view(status, L)}
            </div>
        </article>
    }
}

/// What the chosen Rancher line does with the card: listed, installable, the message and
/// tooltip, every failing check, and the note.
#[component]
fn StatusPanel(status: CardStatusModel) -> impl IntoView {
    let page_lang = crate::i18n::use_lang().get_untracked();
    let fact = |symbol: &'static str, class: &'static str, text: String| {
        view! { <li class=format!("fact {class}")><span class="fact-symbol" aria-hidden="true">{symbol}</span>" " {text}</li> }
    };
    let listed = if status.shown {
        fact("✓", "fact-yes", tr!(page_lang, "cards-rc-listed"))
    } else {
        fact("✗", "fact-no", tr!(page_lang, "cards-rc-unlisted"))
    };
    let install = if status.installable {
        fact("✓", "fact-yes", tr!(page_lang, "cards-rc-install"))
    } else if status.prime_only {
        fact("!", "fact-caveat", tr!(page_lang, "cards-rc-install-prime"))
    } else {
        fact("✗", "fact-no", tr!(page_lang, "cards-rc-no-install"))
    };
    let layout = match status.layout {
        Layout::Inline => tr!(page_lang, "cards-rc-layout-inline"),
        Layout::ItemCard => tr!(page_lang, "cards-rc-layout-item"),
    };
    view! {
        <div class="rc-status" aria-live="polite" data-line=status.line.clone()>
            <h4>{tr!(page_lang, "cards-rc-on", line = status.line.clone())}</h4>
            <p class="rc-evaluated">
                "Rancher " <code>{status.rancher_version.clone()}</code>
                {tr!(page_lang, "cards-rc-local-kube")} " " <code>{status.kubernetes.clone()}</code>
                {format!(" · {layout}")}
            </p>
            <ul class="facts">
                {listed}
                {install}
            </ul>
            {status.message.clone().map(|m| view! {
                <p class="rc-status-message"><span class="label">{tr!(page_lang, "cards-rc-message")}</span><q class="rc-message-text">{m}</q></p>
            })}
            {status.tooltip.clone().map(|t| view! {
                <p class="rc-status-tooltip"><span class="label">{tr!(page_lang, "cards-rc-tooltip")}</span><q>{t}</q></p>
            })}
            {(!status.incompatibilities.is_empty()).then(|| view! {
                <h5>{tr!(page_lang, "cards-rc-failing")}</h5>
                <ol class="incompatibilities">
                    {status.incompatibilities.iter().map(|i| view! {
                        <li>
                            <code>{i.annotation.clone()}</code>
                            {i.required.clone().map(|r| view! { " " <code class="required">{r}</code> })}
                            <p>{i.message.clone()}</p>
                        </li>
                    }).collect_view()}
                </ol>
            })}
            <p class="rc-note"><Rich text=status.note.clone() /></p>
        </div>
    }
}
