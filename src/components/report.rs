//! The report: per package, its identity and counts, a severity filter, and the diagnostics
//! grouped by file, each with code (linked to its rule), message, location, the offending
//! source lines with the span marked, help and fix. The view models come from the checking
//! worker (snippets included); the grouping and filtering are the core's `report::view::group`.

use extcheck_core::report::view::{DiagnosticView, FileGroup, SeverityFilter, group};
use extcheck_core::report::{Segment, SnippetLine, segments};
use extcheck_core::{Applicability, Counts, Severity};
use leptos::prelude::*;

use crate::app::Phase;
use crate::components::cards::CardsView;
use crate::components::export::ExportBar;
use crate::components::fix::FixView;
use crate::components::manifests::ManifestsView;
use crate::components::matrix::MatrixView;
use crate::i18n::Lang;
use crate::tr;
use crate::wire::PackageModel;

/// Every report of the session.
#[component]
pub fn Reports(phase: RwSignal<Phase>) -> impl IntoView {
    move || match phase.get() {
        Phase::Checked(packages) => {
            let packages = packages
                .iter()
                .cloned()
                .enumerate()
                .map(|(index, package)| view! { <PackageView package=package index=index phase=phase /> })
                .collect_view();
            view! { <ExportBar /> {packages} }.into_any()
        }
        _ => ().into_any(),
    }
}

/// The views of a package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Report,
    Compatibility,
    Cards,
    Fix,
    Manifests,
}

impl Tab {
    const fn id(self) -> &'static str {
        match self {
            Tab::Report => "report",
            Tab::Compatibility => "compatibility",
            Tab::Cards => "cards",
            Tab::Fix => "fix",
            Tab::Manifests => "manifests",
        }
    }

    fn label(self, lang: Lang) -> String {
        match self {
            Tab::Report => tr!(lang, "tab-report"),
            Tab::Compatibility => tr!(lang, "tab-compatibility"),
            Tab::Cards => tr!(lang, "tab-cards"),
            Tab::Fix => tr!(lang, "tab-fix"),
            Tab::Manifests => tr!(lang, "tab-manifests"),
        }
    }
}

/// A fresh number for element ids (tabs and panels of several packages on one page).
fn next_id() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The tab that ArrowRight or ArrowLeft on a tablist moves to from `current` (wrapping around,
/// as the WAI-ARIA tabs pattern has it); `None` for other keys. Consumes the key when it moves.
pub fn arrow_to_tab<T: Copy + PartialEq>(ev: &leptos::ev::KeyboardEvent, tabs: &[T], current: T) -> Option<T> {
    let step: isize = match ev.key().as_str() {
        "ArrowRight" => 1,
        "ArrowLeft" => -1,
        _ => return None,
    };
    if tabs.is_empty() {
        return None;
    }
    ev.prevent_default();
    let n = tabs.len() as isize;
    let i = tabs.iter().position(|t| *t == current).unwrap_or(0) as isize;
    Some(tabs[((i + step + n) % n) as usize])
}

/// A severity's symbol, so that it is never told by colour alone.
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

/// One package's report.
#[component]
fn PackageView(package: PackageModel, index: usize, phase: RwSignal<Phase>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let input = package.input.clone();
    let filter = RwSignal::new(SeverityFilter::default());
    let counts = package.counts();
    let title = match (&package.name, &package.version) {
        (Some(n), Some(v)) => format!("{n} {v}"),
        (Some(n), None) => n.clone(),
        _ => input.clone(),
    };
    let kind = package.kind;
    let source = if package.root.is_empty() { input.clone() } else { format!("{input} → {}", package.root) };
    let files = package.files;
    let bytes = extcheck_core::package::human_bytes(package.bytes);
    let size = move || tr!(lang.get(), "package-size", files, size = bytes.clone());
    let matrix = package.matrix.clone();
    let has_matrix = matrix.is_some();
    let package = StoredValue::new(package);
    let groups = Memo::new(move |_| package.with_value(|p| group(&p.diagnostics, filter.get())));
    let tab = RwSignal::new(Tab::Report);
    let id = format!("pkg-{}", next_id());
    let recognised = package.with_value(|p| p.kind.is_some());
    // Charts and KubeSphere extensions render (Rancher UI plugin packages have no chart).
    let renders = package.with_value(|p| p.kind.is_some_and(extcheck_core::template::renders));
    let tabs: Vec<Tab> = [Tab::Report, Tab::Compatibility, Tab::Cards, Tab::Fix, Tab::Manifests]
        .into_iter()
        .filter(|t| match t {
            Tab::Compatibility => has_matrix,
            Tab::Cards | Tab::Fix => recognised,
            Tab::Manifests => renders,
            Tab::Report => true,
        })
        .collect();
    let tab_ids = tabs.clone();
    // Whether the compatibility, cards and fix tabs have been opened: their panels are built
    // then, once (nothing is computed or rendered for a tab that was never open).
    let opened = Memo::new(move |prev: Option<&(bool, bool, bool, bool)>| {
        let (matrix, cards, fix, manifests) = prev.copied().unwrap_or_default();
        let t = tab.get();
        (
            matrix || t == Tab::Compatibility,
            cards || t == Tab::Cards,
            fix || t == Tab::Fix,
            manifests || t == Tab::Manifests,
        )
    });
    // Long reports are paged: the first diagnostics at once, more on request.
    let shown_limit = RwSignal::new(PAGE);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(next) = arrow_to_tab(&ev, &tab_ids, tab.get()) {
            tab.set(next);
        }
    };

    view! {
        <article class="package" data-kind=package.with_value(|p| p.kind.map(|k| k.as_str()))>
            <header class="package-head">
                <div>
                    <p class="kind">{move || kind_label(lang.get(), kind)}</p>
                    <h2 class="package-title">{title}</h2>
                    <p class="source">{source}</p>
                    <p class="size">{size}</p>
                </div>
                <SeverityToggles counts=counts filter=filter />
            </header>
            <div class="tabs" role="tablist" aria-label=move || tr!(lang.get(), "tabs-label") on:keydown=on_key>
                {tabs
                    .into_iter()
                    .map(|t| {
                        let tab_id = format!("{id}-tab-{}", t.id());
                        let panel_id = format!("{id}-panel-{}", t.id());
                        view! {
                            <button type="button" role="tab" id=tab_id aria-controls=panel_id
                                class="tab" data-tab=t.id()
                                aria-selected=move || (tab.get() == t).to_string()
                                tabindex=move || if tab.get() == t { "0" } else { "-1" }
                                on:click=move |_| tab.set(t)>
                                {move || t.label(lang.get())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div role="tabpanel" id=format!("{id}-panel-report") aria-labelledby=format!("{id}-tab-report") hidden=move || tab.get() != Tab::Report>
                {move || {
                    let groups = groups.get();
                    if counts.total() == 0 {
                        view! { <p class="all-clear">{tr!(lang.get(), "report-all-clear")}</p> }.into_any()
                    } else if groups.is_empty() {
                        view! { <p class="filtered-out">{tr!(lang.get(), "report-filtered-out")}</p> }.into_any()
                    } else {
                        let (page, hidden) = first_diagnostics(groups, shown_limit.get());
                        view! {
                            {page.into_iter().map(|g| view! { <FileGroupView group=g /> }).collect_view()}
                            {(hidden > 0).then(|| view! {
                                <button type="button" class="show-more" on:click=move |_| shown_limit.update(|n| *n += PAGE * 4)>
                                    {tr!(lang.get(), "report-show-more", count = hidden.min(PAGE * 4))}
                                </button>
                            })}
                        }
                        .into_any()
                    }
                }}
                <SuppressedView package=package />
            </div>
            {matrix.map(|m| view! {
                <div role="tabpanel" id=format!("{id}-panel-compatibility") aria-labelledby=format!("{id}-tab-compatibility") hidden=move || tab.get() != Tab::Compatibility>
                    <Show when=move || opened.get().0>
                        <MatrixView matrix=m.clone() />
                    </Show>
                </div>
            })}
            {recognised.then(|| view! {
                <div role="tabpanel" id=format!("{id}-panel-cards") aria-labelledby=format!("{id}-tab-cards") hidden=move || tab.get() != Tab::Cards>
                    // Built on first opening (cards decode icons and render READMEs), then kept.
                    <Show when=move || opened.get().1>
                        <CardsView index=index />
                    </Show>
                </div>
                <div role="tabpanel" id=format!("{id}-panel-fix") aria-labelledby=format!("{id}-tab-fix") hidden=move || tab.get() != Tab::Fix>
                    // Built on first opening (fixing writes and re-checks the whole package), then kept.
                    <Show when=move || opened.get().2>
                        <FixView package=index on_apply=Callback::new(move |models: Vec<PackageModel>| phase.set(Phase::Checked(std::sync::Arc::new(models)))) />
                    </Show>
                </div>
            })}
            {renders.then(|| view! {
                <div role="tabpanel" id=format!("{id}-panel-manifests") aria-labelledby=format!("{id}-tab-manifests") hidden=move || tab.get() != Tab::Manifests>
                    // Built on first opening (rendering runs the chart's templates), then kept.
                    <Show when=move || opened.get().3>
                        <ManifestsView package=index />
                    </Show>
                </div>
            })}
        </article>
    }
}

/// Findings suppressed by `# extcheck:ignore` comments or by an `extcheck.toml` in the dropped
/// folder, folded, each with its reason.
#[component]
fn SuppressedView(package: StoredValue<PackageModel>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let items: Vec<(String, String, String)> = package.with_value(|p| {
        p.suppressed
            .iter()
            .map(|x| {
                let d = &x.diagnostic;
                let place = match (&d.file, d.line()) {
                    (Some(f), Some(l)) => format!("{f}:{l}"),
                    (Some(f), None) => f.clone(),
                    (None, _) => String::new(),
                };
                (format!("{}[{}] {place}", d.severity.as_str(), d.code), d.message.clone(), x.reason.clone())
            })
            .collect()
    });
    (!items.is_empty()).then(|| {
        let n = items.len();
        view! {
            <details class="suppressed">
                <summary>{move || tr!(lang.get(), "suppressed-summary", count = n)}</summary>
                <ul>
                    {items
                        .into_iter()
                        .map(|(head, message, reason)| view! {
                            <li><code>{head}</code>" "{message}<br /><small>{move || tr!(lang.get(), "suppressed-by", reason = reason.clone())}</small></li>
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}

/// How many diagnostics a report shows before "Show more".
const PAGE: usize = 50;

/// The groups cut to their first `limit` diagnostics in page order, and how many were cut.
fn first_diagnostics(groups: Vec<FileGroup>, limit: usize) -> (Vec<FileGroup>, usize) {
    let mut left = limit;
    let mut hidden = 0;
    let mut page = Vec::new();
    for mut group in groups {
        let n = group.diagnostics.len();
        if left == 0 {
            hidden += n;
            continue;
        }
        if n > left {
            hidden += n - left;
            group.diagnostics.truncate(left);
        }
        left -= group.diagnostics.len();
        page.push(group);
    }
    (page, hidden)
}

/// The counts per severity, which double as the filter's toggle buttons.
#[component]
fn SeverityToggles(counts: Counts, filter: RwSignal<SeverityFilter>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let toggle = move |severity: Severity, n: usize| {
        let label = move || severity_count_label(lang.get(), severity, n);
        view! {
            <button
                type="button"
                class=format!("sev-toggle sev-{}", severity.as_str())
                aria-pressed=move || filter.get().shows(severity).to_string()
                title=move || {
                    let shown = severity;
                    let severity = severity.as_str();
                    if filter.get().shows(shown) {
                        tr!(lang.get(), "filter-hide", severity)
                    } else {
                        tr!(lang.get(), "filter-show", severity)
                    }
                }
                on:click=move |_| filter.update(|f| *f = f.toggled(severity))
            >
                <span aria-hidden="true">{severity_icon(severity)}</span>
                <span class="count">{n}</span>
                " " {label}
            </button>
        }
    };
    view! {
        <div class="sev-toggles" role="group" aria-label=move || tr!(lang.get(), "filter-label")>
            {toggle(Severity::Error, counts.errors)}
            {toggle(Severity::Warning, counts.warnings)}
            {toggle(Severity::Info, counts.infos)}
        </div>
    }
}

/// `n` diagnostics of `severity` in words: "1 error", "3 warnings", "2 info" (the label of a
/// severity toggle, the counts of a file's group).
pub fn severity_count_label(lang: Lang, severity: Severity, n: usize) -> String {
    match severity {
        Severity::Error => tr!(lang, "count-errors", count = n),
        Severity::Warning => tr!(lang, "count-warnings", count = n),
        Severity::Info => tr!(lang, "count-infos", count = n),
    }
}

/// A severity's name in `lang` (its badge).
pub fn severity_name(lang: Lang, severity: Severity) -> String {
    match severity {
        Severity::Error => tr!(lang, "severity-error"),
        Severity::Warning => tr!(lang, "severity-warning"),
        Severity::Info => tr!(lang, "severity-info"),
    }
}

#[component]
fn FileGroupView(group: FileGroup) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let file = group.file.clone();
    let name = move || file.clone().unwrap_or_else(|| tr!(lang.get(), "file-whole-input"));
    let c = group.counts;
    let summary = move || {
        [(c.errors, Severity::Error), (c.warnings, Severity::Warning), (c.infos, Severity::Info)]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, s)| format!("{n} {}", severity_count_label(lang.get(), *s, *n)))
            .collect::<Vec<_>>()
            .join(tr!(lang.get(), "list-separator").as_str())
    };
    view! {
        <section class="file-group" data-file=group.file.clone().unwrap_or_default()>
            <h3 class="file-name">
                <span class="file-path">{name}</span>
                <span class="file-counts">{summary}</span>
            </h3>
            <ol class="diagnostics">
                {group.diagnostics.into_iter().map(|d| view! { <DiagnosticItem view=d /> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn DiagnosticItem(view: DiagnosticView) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let d = view.diagnostic;
    let severity = d.severity;
    let sev = d.severity.as_str();
    let rule_href = format!("#/rules/{}", d.code);
    let fix = d.fix.map(|f| {
        let (safe, class) = match f.applicability {
            Applicability::Safe => (true, "fix fix-safe"),
            Applicability::Unsafe => (false, "fix fix-unsafe"),
        };
        let label = move || if safe { tr!(lang.get(), "fix-kind-safe") } else { tr!(lang.get(), "fix-kind-unsafe") };
        view! { <p class=class><span class="fix-kind">{label}</span>" " <Rich text=f.title /></p> }
    });
    view! {
        <li class=format!("diagnostic sev-{sev}") data-code=d.code data-line=view.location.clone()>
            <p class="diag-head">
                <span class="sev-badge">
                    <span aria-hidden="true">{severity_icon(d.severity)}</span>
                    " " {move || severity_name(lang.get(), severity)}
                </span>
                <a class="code" href=rule_href title=move || tr!(lang.get(), "rule-link-title")>{d.code}</a>
                <span class="message"><Rich text=d.message /></span>
            </p>
            {(!view.location.is_empty()).then(|| view! { <p class="location">{view.location.clone()}</p> })}
            {(!view.snippet.is_empty()).then(|| view! { <Snippet lines=view.snippet.clone() /> })}
            <p class="help"><span class="help-label">{move || tr!(lang.get(), "help-label")}</span><Rich text=d.help /></p>
            {fix}
        </li>
    }
}

/// Source lines with the span marked. The text is inserted as text, never as HTML.
#[component]
fn Snippet(lines: Vec<SnippetLine>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let width = lines.iter().map(|l| l.number.to_string().len()).max().unwrap_or(1);
    view! {
        <pre class="snippet" role="group" aria-label=move || tr!(lang.get(), "snippet-label") tabindex="0">
            {lines
                .into_iter()
                .map(|line| {
                    let chars: Vec<char> = line.text.chars().collect();
                    let (a, b) = line.mark.unwrap_or((0, 0));
                    let (a, b) = (a.min(chars.len()), b.min(chars.len()));
                    let before: String = chars[..a].iter().collect();
                    let marked: String = chars[a..b].iter().collect();
                    let after: String = chars[b..].iter().collect();
                    // An insertion point (or a span past the line end) still shows a caret.
                    let marked = if marked.is_empty() && line.mark.is_some() { " ".to_string() } else { marked };
                    view! {
                        <span class="line">
                            <span class="ln">{format!("{:>width$}", line.number)}</span>
                            <code>{before}<mark>{marked}</mark>{after}</code>
                        </span>
                    }
                })
                .collect_view()}
        </pre>
    }
}

/// Text with its backtick spans shown as `<code>`; every piece is inserted as text.
#[component]
pub fn Rich(text: String) -> impl IntoView {
    segments(&text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t.to_string().into_any(),
            Segment::Code(c) => view! { <code>{c.to_string()}</code> }.into_any(),
        })
        .collect_view()
}

/// The package's kind in `lang` (the page's own messages: the core's renderer would link every
/// diagnostic's messages into the page).
fn kind_label(lang: crate::i18n::Lang, kind: Option<extcheck_core::package::Kind>) -> String {
    use extcheck_core::package::Kind;
    match kind {
        Some(Kind::Kubesphere) => tr!(lang, "kind-kubesphere"),
        Some(Kind::RancherPackage) => tr!(lang, "kind-rancher-package"),
        Some(Kind::RancherChart) => tr!(lang, "kind-rancher-chart"),
        Some(Kind::RancherPlugin) => tr!(lang, "kind-rancher-plugin"),
        Some(Kind::HelmChart) => tr!(lang, "kind-helm-chart"),
        None => tr!(lang, "kind-unrecognised"),
    }
}
