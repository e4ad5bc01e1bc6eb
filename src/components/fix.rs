//! The fix panel: the fixes on offer (safe ones ticked, unsafe ones not), what the corrected
//! package will be, a per-file diff, its download (a Blob behind an object URL, revoked when
//! replaced or when the panel goes), and re-checking it in place. The checking worker does the
//! work (the core's `fix` module, on the package it keeps) and sends a [`FixModel`] for each
//! change of the ticks; the corrected package's bytes come over only when downloaded.

use extcheck_core::fix::diff::{Change, FileDiff, LineTag};
use extcheck_core::package::human_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::checker::{ask, ask_bytes};
use crate::browser::download::save;
use crate::components::report::Rich;
use crate::tr;
use crate::wire::{CandidateModel, Download, FixModel, PackageModel, Request};

/// Diffs of files with more changed lines than this start folded.
const OPEN_DIFF_LINES: usize = 80;

/// The fix panel of package number `package`; `on_apply` receives the session's packages once
/// it is replaced by the re-check of its corrected package.
#[component]
pub fn FixView(package: usize, on_apply: Callback<Vec<PackageModel>>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    // `None`: the default selection (safe fixes). Each change asks the worker again; `generation`
    // drops stale replies.
    let ticks: RwSignal<Option<Vec<bool>>> = RwSignal::new(None);
    let model: RwSignal<Option<FixModel>> = RwSignal::new(None);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(true);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let chosen = ticks.get();
        busy.set(true);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            let reply = ask::<FixModel>(Request::Fix { package, ticks: chosen }).await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match reply {
                Ok(m) => model.set(Some(m)),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    });
    let download_url: StoredValue<Option<String>> = StoredValue::new(None);
    on_cleanup(move || {
        if let Some(url) = download_url.try_get_value().flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let download = move |_| {
        let chosen = ticks.get_untracked();
        spawn_local(async move {
            let Ok((file, bytes)) = ask_bytes::<Download>(Request::Download { package, ticks: chosen }).await else {
                return;
            };
            if let Some(old) = download_url.try_get_value().flatten() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            if let Some(url) = save(&file.file_name, &bytes, &file.media_type) {
                download_url.try_set_value(Some(url));
            }
        });
    };
    let apply = move |_| {
        let chosen = ticks.get_untracked();
        spawn_local(async move {
            match ask::<Vec<PackageModel>>(Request::Apply { package, ticks: chosen }).await {
                Ok(models) => on_apply.run(models),
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let set_tick = move |i: usize, on: bool| {
        let Some(current) = model.with_untracked(|m| m.as_ref().map(|m| m.ticks.clone())) else { return };
        let mut next = ticks.get_untracked().unwrap_or(current);
        if let Some(t) = next.get_mut(i) {
            *t = on;
        }
        ticks.set(Some(next));
    };
    // The list of fixes is the first reply's (ticking does not change what is offered).
    let offered = Memo::new(move |prev: Option<&Vec<CandidateModel>>| match prev {
        Some(p) if !p.is_empty() => p.clone(),
        _ => model.with(|m| m.as_ref().map(|m| m.candidates.clone()).unwrap_or_default()),
    });
    // Drawn once the first reply is in (not again on each tick: focus stays on the box).
    let loaded = Memo::new(move |_| model.with(Option::is_some));

    view! {
        <section class="fix-panel" aria-label=move || tr!(lang.get(), "fix-panel-label")>
            <h3 class="fix-heading">{move || tr!(lang.get(), "fix-heading")}</h3>
            {move || loaded.get().then(|| {
                let offered = offered.get();
                let costly_count = offered.iter().filter(|c| !c.costs.is_empty()).count();
                let safe_count = offered.iter().filter(|c| c.safe && c.costs.is_empty()).count();
                let unsafe_count = offered.len() - safe_count - costly_count;
                let lang = lang.get();
                let intro = if offered.is_empty() {
                    tr!(lang, "fix-none")
                } else {
                    tr!(lang, "fix-intro", count = offered.len(), safe = safe_count, unsafe = unsafe_count, costly = costly_count)
                };
                view! {
                    <p class="fix-intro">{intro}</p>
                    {(!offered.is_empty()).then(|| view! {
                        <ul class="fix-list">
                            {offered.into_iter().enumerate().map(|(i, c)| {
                                let checked = Signal::derive(move || {
                                    ticks.get().or_else(|| model.with(|m| m.as_ref().map(|m| m.ticks.clone())))
                                        .and_then(|t| t.get(i).copied())
                                        .unwrap_or(false)
                                });
                                view! { <CandidateRow candidate=c checked=checked on_change=Callback::new(move |on| set_tick(i, on)) /> }
                            }).collect_view()}
                        </ul>
                    })}
                }
            })}
            <div class="fix-output" aria-live="polite" aria-busy=move || busy.get().to_string()>
                {move || match (error.get(), busy.get(), model.get()) {
                    (Some(e), _, _) => view! { <p class="fix-error">{tr!(lang.get(), "fix-failed", error = e)}</p> }.into_any(),
                    (_, true, _) | (_, _, None) => view! {
                        <p class="fix-working"><span class="spinner" aria-hidden="true"></span>{tr!(lang.get(), "fix-preparing")}</p>
                    }.into_any(),
                    (None, false, Some(m)) => view! { <OutputSummary model=m download=download apply=apply /> }.into_any(),
                }}
            </div>
            <h3 class="fix-heading">{move || tr!(lang.get(), "fix-changes")}</h3>
            {move || model.get().map(|m| {
                if m.diffs.is_empty() {
                    view! { <p class="fix-nochange">{tr!(lang.get(), "fix-no-change")}</p> }.into_any()
                } else {
                    m.diffs.into_iter().map(|d| view! { <DiffView diff=d /> }).collect_view().into_any()
                }
            })}
        </section>
    }
}

/// One fix with its tick box.
#[component]
fn CandidateRow(candidate: CandidateModel, checked: Signal<bool>, on_change: Callback<bool>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let safe = candidate.safe;
    let class = if safe { "fix-badge fix-badge-safe" } else { "fix-badge fix-badge-unsafe" };
    let label = move || if safe { tr!(lang.get(), "fix-badge-safe") } else { tr!(lang.get(), "fix-badge-unsafe") };
    let rule_href = format!("#/rules/{}", candidate.code);
    let code = candidate.code.clone();
    view! {
        <li class="fix-item" data-code=code>
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_change.run(event_target_checked(&ev))
                />
                <span class=class>{label}</span>
                <span class="fix-title"><Rich text=candidate.title /></span>
            </label>
            <span class="fix-meta">
                <a class="code" href=rule_href title=move || tr!(lang.get(), "rule-link-title")>{candidate.code}</a>
                " · " {candidate.place}
            </span>
            // A fix that would lose matrix cells says which, and is never ticked by default.
            {(!candidate.costs.is_empty()).then(|| view! {
                <p class="fix-costs">{move || tr!(lang.get(), "fix-costs", costs = candidate.costs.clone())}</p>
            })}
        </li>
    }
}

/// What will be downloaded, what was fixed and skipped, the re-check, and the actions.
#[component]
fn OutputSummary(
    model: FixModel,
    download: impl Fn(leptos::ev::MouseEvent) + 'static,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let output = match &model.output {
        Ok(o) => o.clone(),
        Err(e) => {
            let e = e.clone();
            return view! { <p class="fix-error">{move || tr!(lang.get(), "fix-no-output", error = e.clone())}</p> }
                .into_any();
        }
    };
    let FixModel { applied, passes, later, skipped, recheck, layout, .. } = model;
    let recheck = recheck
        .map(|c| move || tr!(lang.get(), "fix-recheck", errors = c.errors, warnings = c.warnings, infos = c.infos));
    let can_apply = recheck.is_some();
    view! {
        <div class="fix-summary">
            <p class="fix-file">
                <span class="fix-file-name">{output.file_name.clone()}</span>
                <span class="fix-file-size">{human_bytes(output.size)}</span>
                <span class="fix-file-applied">
                    {move || tr!(lang.get(), "fix-applied", count = applied, passes)}
                </span>
            </p>
            {layout.map(|n| view! { <p class="fix-layout"><Rich text=n /></p> })}
            {(!later.is_empty()).then(|| view! {
                <div class="fix-later">
                    <p>{move || tr!(lang.get(), "fix-later")}</p>
                    <ul>{later.into_iter().map(|(code, title)| view! { <li><span class="code">{code}</span>" " <Rich text=title /></li> }).collect_view()}</ul>
                </div>
            })}
            {(!skipped.is_empty()).then(|| view! {
                <div class="fix-skipped">
                    <p>{move || tr!(lang.get(), "fix-not-applied")}</p>
                    <ul>{skipped.into_iter().map(|(code, title, why)| view! { <li><span class="code">{code}</span>" " <Rich text=title />{format!(" — {why}")}</li> }).collect_view()}</ul>
                </div>
            })}
            {recheck.map(|t| view! { <p class="fix-recheck">{t}</p> })}
            <div class="fix-actions">
                <button type="button" class="primary" on:click=download>
                    {move || tr!(lang.get(), "fix-download", file = output.file_name.clone())}
                </button>
                <button type="button" on:click=apply disabled=!can_apply
                    title=move || tr!(lang.get(), "fix-apply-title")>
                    {move || tr!(lang.get(), "fix-apply")}
                </button>
            </div>
        </div>
    }
    .into_any()
}

/// One file's change: a foldable unified diff.
#[component]
fn DiffView(diff: FileDiff) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let kind = diff.change;
    let class = match kind {
        Change::Added => "diff-added",
        Change::Removed => "diff-removed",
        Change::Modified => "diff-modified",
    };
    let change = move || match kind {
        Change::Added => tr!(lang.get(), "diff-file-added"),
        Change::Removed => tr!(lang.get(), "diff-file-removed"),
        Change::Modified => tr!(lang.get(), "diff-file-modified"),
    };
    let added = diff.hunks.iter().flat_map(|h| &h.lines).filter(|l| l.tag == LineTag::Added).count();
    let removed = diff.hunks.iter().flat_map(|h| &h.lines).filter(|l| l.tag == LineTag::Removed).count();
    let open = added + removed <= OPEN_DIFF_LINES;
    let (binary, old_bytes, new_bytes) = (diff.binary, human_bytes(diff.old_bytes), human_bytes(diff.new_bytes));
    let counts = move || {
        if binary {
            tr!(lang.get(), "diff-binary", old = old_bytes.clone(), new = new_bytes.clone())
        } else {
            format!("+{added} −{removed}")
        }
    };
    let path = diff.path.clone();
    view! {
        <details class=format!("diff {class}") open=open data-path=diff.path.clone()>
            <summary>
                <span class="diff-path">{diff.path.clone()}</span>
                <span class="diff-change">{change}</span>
                <span class="diff-counts">{counts}</span>
            </summary>
            {(!diff.binary).then(|| view! {
                <div class="diff-body" role="table" tabindex="0" aria-label=move || tr!(lang.get(), "diff-label", path = path.clone())>
                    {diff.hunks.into_iter().map(|h| view! {
                        <div class="hunk-header" role="row"><span role="cell">{h.header}</span></div>
                        {h.lines.into_iter().map(|l| {
                            let tag = l.tag;
                            let (sign, cls) = match tag {
                                LineTag::Context => (" ", "dl dl-context"),
                                LineTag::Removed => ("−", "dl dl-removed"),
                                LineTag::Added => ("+", "dl dl-added"),
                            };
                            let label = move || match tag {
                                LineTag::Context => tr!(lang.get(), "diff-line-unchanged"),
                                LineTag::Removed => tr!(lang.get(), "diff-line-removed"),
                                LineTag::Added => tr!(lang.get(), "diff-line-added"),
                            };
                            view! {
                                <div class=cls role="row" aria-label=label>
                                    <span class="dl-old" role="cell">{l.old_line.map(|n| n.to_string())}</span>
                                    <span class="dl-new" role="cell">{l.new_line.map(|n| n.to_string())}</span>
                                    <span class="dl-sign" role="cell" aria-hidden="true">{sign}</span>
                                    <code role="cell">{l.text}{(l.cut_bytes > 0).then(|| view! {
                                        <span class="dl-cut">{tr!(lang.get_untracked(), "diff-cut", size = human_bytes(l.cut_bytes as u64))}</span>
                                    })}</code>
                                </div>
                            }
                        }).collect_view()}
                    }).collect_view()}
                </div>
            })}
        </details>
    }
}
