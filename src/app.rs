//! The app shell: header, routes (checker and rules catalogue, from the URL hash), and the
//! session state. Components render and dispatch; the work is done by extcheck-core in the
//! checking worker (see [`crate::wire`]).

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::drop_zone::DropZone;
use crate::components::playground::Playground;
use crate::components::report::Reports;
use crate::components::report::Rich;
use crate::components::rules::RulesPage;
use crate::i18n::{self, Lang};
use crate::tr;
use crate::wire::PackageModel;

/// Where the session is.
#[derive(Clone)]
pub enum Phase {
    /// Nothing checked yet.
    Idle,
    /// Reading files: a label and how many of how many files are read.
    Reading {
        /// What is being read.
        what: String,
        /// Files read.
        done: usize,
        /// Files found.
        total: usize,
    },
    /// Inflating an archive of `bytes` bytes (in the worker).
    Inflating {
        /// The archive's name.
        what: String,
        /// Its size, compressed.
        bytes: u64,
    },
    /// Read; checking (parsing, rules, matrices) `files` files.
    Checking {
        /// What is being checked.
        what: String,
        /// Files read.
        files: usize,
    },
    /// Checked: every package's view model (the packages stay in the worker).
    Checked(Arc<Vec<PackageModel>>),
    /// Reading failed before anything could be checked (a browser error).
    Failed(String),
}

/// The page being shown, from `location.hash`: `#/rules` or `#/rules/KS001` is the rules
/// catalogue, `#/range` the range playground; anything else is the checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The checker.
    Check,
    /// The rules catalogue, optionally focused on one code.
    Rules(Option<String>),
    /// The range playground.
    Range,
}

impl Route {
    /// Parses a `location.hash` value.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("rules", code)) if !code.is_empty() => Route::Rules(Some(code.to_string())),
            _ if path == "rules" => Route::Rules(None),
            _ if path == "range" => Route::Range,
            _ => Route::Check,
        }
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let phase = RwSignal::new(Phase::Idle);
    let route = RwSignal::new(Route::from_hash(&window().location().hash().unwrap_or_default()));
    let on_hash = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        route.set(Route::from_hash(&window().location().hash().unwrap_or_default()));
    });
    let _ =
        window().add_event_listener_with_callback("hashchange", wasm_bindgen::JsCast::unchecked_ref(on_hash.as_ref()));
    on_hash.forget();
    // The checking engine (a second wasm, in a worker) loads while the page is already usable.
    let _ = crate::browser::checker::warm_up();
    let lang = RwSignal::new(i18n::initial(i18n::stored().as_deref(), &i18n::browser_languages()));
    provide_context(i18n::PageLang(lang));
    // `<html lang>`, the title and the skip link follow the language; the worker is told, so that
    // the reports it keeps (and the rules, fixes and exports it sends) are in it too.
    Effect::new(move |_| {
        let lang = lang.get();
        i18n::apply(lang);
        document().set_title(&tr!(lang, "page-title"));
        if let Ok(Some(skip)) = document().query_selector(".skip-link") {
            skip.set_text_content(Some(&tr!(lang, "skip-link")));
        }
        // The reports shown are re-rendered by the worker, which keeps them: no re-drop.
        leptos::task::spawn_local(async move {
            if let Ok(models) = crate::browser::checker::localize(lang).await
                && matches!(phase.get_untracked(), Phase::Checked(_))
            {
                phase.set(Phase::Checked(Arc::new(models)));
            }
        });
    });

    view! {
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"✓"</span>
                "extcheck"
            </a>
            <nav aria-label=move || tr!(lang.get(), "nav-label")>
                <a href="#/" aria-current=move || (route.get() == Route::Check).then_some("page")>{move || tr!(lang.get(), "nav-check")}</a>
                <a href="#/range" aria-current=move || (route.get() == Route::Range).then_some("page")>{move || tr!(lang.get(), "nav-range")}</a>
                <a href="#/rules" aria-current=move || matches!(route.get(), Route::Rules(_)).then_some("page")>{move || tr!(lang.get(), "nav-rules")}</a>
            </nav>
            <LangSwitch lang=lang />
            <crate::components::theme::ThemeToggle />
        </header>
        <main id="main">
            {move || match route.get() {
                Route::Rules(code) => view! { <RulesPage focus=code /> }.into_any(),
                Route::Range => view! { <Playground /> }.into_any(),
                Route::Check => view! {
                    <section class="intro">
                        <h1>{move || tr!(lang.get(), "intro-title")}</h1>
                        <p class="lede">{move || view! { <Rich text=tr!(lang.get(), "intro-lede") /> }}</p>
                    </section>
                    <DropZone phase=phase />
                    <Status phase=phase />
                    <Reports phase=phase />
                }
                .into_any(),
            }}
        </main>
        <footer class="footer">
            <p>{move || tr!(lang.get(), "footer", version = env!("CARGO_PKG_VERSION"))}</p>
        </footer>
    }
}

/// Progress and the one-line outcome, announced to screen readers.
#[component]
fn Status(phase: RwSignal<Phase>) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || match phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Reading { what, done, total } => view! {
                    <div class="progress">
                        <span>{tr!(lang.get(), "status-reading", what = what.clone(), done, total)}</span>
                        <progress max=total.max(1) value=done></progress>
                        <CancelButton phase=phase />
                    </div>
                }
                .into_any(),
                Phase::Inflating { what, bytes } => view! {
                    <div class="progress">
                        <span class="spinner" aria-hidden="true"></span>
                        <span>{tr!(lang.get(), "status-inflating", what = what.clone(), size = extcheck_core::package::human_bytes(bytes))}</span>
                        <CancelButton phase=phase />
                    </div>
                }
                .into_any(),
                Phase::Checking { what, files } => view! {
                    <div class="progress">
                        <span class="spinner" aria-hidden="true"></span>
                        <span>{tr!(lang.get(), "status-checking", what = what.clone(), files)}</span>
                        <CancelButton phase=phase />
                    </div>
                }
                .into_any(),
                Phase::Failed(message) => view! { <p class="failed">{tr!(lang.get(), "status-failed", message)}</p> }.into_any(),
                Phase::Checked(packages) => {
                    let counts = extcheck_core::Counts::of(packages.iter().flat_map(|p| p.diagnostics()));
                    let packages = packages.len();
                    view! {
                        <p class="outcome">
                            {tr!(lang.get(), "status-checked", packages, errors = counts.errors, warnings = counts.warnings, infos = counts.infos)}
                        </p>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

/// Stops the running check (the worker is terminated) and returns to the empty checker.
#[component]
fn CancelButton(phase: RwSignal<Phase>) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <button type="button" class="cancel" on:click=move |_| {
            crate::browser::checker::cancel();
            phase.set(Phase::Idle);
        }>{move || tr!(lang.get(), "cancel")}</button>
    }
}

/// The language switch: English or 简体中文, at once and remembered (each option is named in its
/// own language, marked with its `lang`).
#[component]
fn LangSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(chosen) = i18n::from_tag(&event_target_value(&ev)) {
            i18n::remember(chosen);
            lang.set(chosen);
        }
    };
    view! {
        <label class="lang">
            <span class="visually-hidden">{move || tr!(lang.get(), "lang-label")}</span>
            <select data-testid="lang-switch" on:change=on_change prop:value=move || lang.get().tag()>
                <option value="en" lang="en">"English"</option>
                <option value="zh-CN" lang="zh-CN">"简体中文"</option>
            </select>
        </label>
    }
}
