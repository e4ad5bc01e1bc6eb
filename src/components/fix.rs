//! The fix panel: the fixes on offer (safe ones ticked, unsafe ones not), what the corrected
//! package will be, a per-file diff, its download (a Blob behind an object URL, revoked when
//! replaced or when the panel goes), and re-checking it in place. The work is the core's `fix`
//! module; this component only keeps the selection and renders.

use std::sync::Arc;
use std::time::Duration;

use extcheck_core::fix::diff::{Change, FileDiff, LineTag};
use extcheck_core::fix::output::{Corrected, Layout, correct};
use extcheck_core::fix::{Candidate, SkipReason, candidates};
use extcheck_core::fix::{Selection, Skipped};
use extcheck_core::package::human_bytes;
use extcheck_core::{Applicability, PackageReport, Report};
use leptos::prelude::*;

use crate::browser::download::save;
use crate::components::report::Rich;

/// Diffs of files with more changed lines than this start folded.
const OPEN_DIFF_LINES: usize = 80;

/// The fix panel of one package; `on_apply` receives the re-check of the corrected package.
#[component]
pub fn FixView(package: StoredValue<PackageReport>, on_apply: Callback<Report>) -> impl IntoView {
    let offered = package.with_value(candidates);
    let costly_count = offered.iter().filter(|c| !c.costs.is_empty()).count();
    let safe_count = offered.iter().filter(|c| c.applicability == Applicability::Safe && c.costs.is_empty()).count();
    let unsafe_count = offered.len() - safe_count - costly_count;
    let selection = RwSignal::new(Selection::safe());
    // The corrected package for the current selection, computed after the "working" state has
    // been painted (the computation is synchronous). `generation` drops stale results.
    let corrected: RwSignal<Option<Arc<Corrected>>> = RwSignal::new(None);
    let busy = RwSignal::new(true);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let chosen = selection.get();
        busy.set(true);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                let result = package.with_value(|p| correct(p, &chosen));
                corrected.set(Some(Arc::new(result)));
                busy.set(false);
            },
            Duration::from_millis(16),
        );
    });
    let download_url: StoredValue<Option<String>> = StoredValue::new(None);
    on_cleanup(move || {
        if let Some(url) = download_url.try_get_value().flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let download = move |_| {
        let Some(c) = corrected.get_untracked() else { return };
        let Ok(output) = &c.output else { return };
        if let Some(old) = download_url.get_value() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        if let Some(url) = save(&output.file_name, &output.bytes, output.media_type) {
            download_url.set_value(Some(url));
        }
    };
    let apply = move |_| {
        let Some(c) = corrected.get_untracked() else { return };
        if let Some(report) = &c.report {
            on_apply.run(report.clone());
        }
    };

    let intro = if offered.is_empty() {
        "No rule offers a fix for this package.".to_string()
    } else {
        let costly = if costly_count == 0 {
            String::new()
        } else {
            format!(", {costly_count} that would lose platform versions (not ticked; each says what it costs)")
        };
        format!(
            "{} fix{} on offer: {safe_count} safe (ticked: they keep what you meant), {unsafe_count} unsafe (they may change meaning; tick to apply){costly}.",
            offered.len(),
            if offered.len() == 1 { "" } else { "es" }
        )
    };

    view! {
        <section class="fix-panel" aria-label="Fixes and corrected package">
            <h3 class="fix-heading">"Fixes"</h3>
            <p class="fix-intro">{intro}</p>
            {(!offered.is_empty()).then(|| view! {
                <ul class="fix-list">
                    {offered.into_iter().map(|c| view! { <CandidateRow candidate=c selection=selection /> }).collect_view()}
                </ul>
            })}
            <div class="fix-output" aria-live="polite" aria-busy=move || busy.get().to_string()>
                {move || match (busy.get(), corrected.get()) {
                    (_, None) | (true, _) => view! {
                        <p class="fix-working"><span class="spinner" aria-hidden="true"></span>"Preparing the corrected package…"</p>
                    }.into_any(),
                    (false, Some(c)) => view! { <OutputSummary corrected=c download=download apply=apply /> }.into_any(),
                }}
            </div>
            <h3 class="fix-heading">"Changes"</h3>
            {move || corrected.get().map(|c| {
                if c.diffs.is_empty() {
                    view! { <p class="fix-nochange">"The corrected package has the same files and bytes as the input."</p> }.into_any()
                } else {
                    c.diffs.iter().cloned().map(|d| view! { <DiffView diff=d /> }).collect_view().into_any()
                }
            })}
        </section>
    }
}

/// One fix with its tick box.
#[component]
fn CandidateRow(candidate: Candidate, selection: RwSignal<Selection>) -> impl IntoView {
    let (label, class) = match candidate.applicability {
        Applicability::Safe => ("safe", "fix-badge fix-badge-safe"),
        Applicability::Unsafe => ("unsafe", "fix-badge fix-badge-unsafe"),
    };
    let place = match (&candidate.file, candidate.line) {
        (Some(f), Some(l)) => format!("{f}:{l}"),
        (Some(f), None) => f.clone(),
        _ => "the package".to_string(),
    };
    let code = candidate.code;
    let rule_href = format!("#/rules/{code}");
    let title = candidate.title.clone();
    // A fix that would lose matrix cells says which, and is never ticked by default.
    let costs = candidate.costs.clone();
    let candidate = StoredValue::new(candidate);
    view! {
        <li class="fix-item" data-code=code>
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || candidate.with_value(|c| selection.get().is_set(c))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        candidate.with_value(|c| selection.update(|s| s.set(c, on)));
                    }
                />
                <span class=class>{label}</span>
                <span class="fix-title"><Rich text=title /></span>
            </label>
            <span class="fix-meta">
                <a class="code" href=rule_href title="What this rule checks">{code}</a>
                " · " {place}
            </span>
            {(!costs.is_empty()).then(|| view! {
                <p class="fix-costs">"Costs: " {costs} ". Not ticked: tick it only if you mean to give those up."</p>
            })}
        </li>
    }
}

fn skip_reason(s: &Skipped) -> String {
    match &s.reason {
        SkipReason::Conflict { with } => format!("its edits overlap those of {with}"),
        SkipReason::InvalidEdit => "its edit does not fit the file".into(),
        SkipReason::Unresolved => "applied, but the problem is still reported".into(),
        SkipReason::PassLimit => "found after the last of 5 passes".into(),
        SkipReason::LosesCells { cells } => format!("it would stop the package working on {cells}"),
    }
}

/// What will be downloaded, what was fixed and skipped, the re-check, and the actions.
#[component]
fn OutputSummary(
    corrected: Arc<Corrected>,
    download: impl Fn(leptos::ev::MouseEvent) + 'static,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let output = match &corrected.output {
        Ok(o) => o.clone(),
        Err(e) => {
            return view! { <p class="fix-error">{format!("No corrected package can be written: {e}.")}</p> }
                .into_any();
        }
    };
    let fixed = &corrected.fixed;
    let applied = fixed.applied.len();
    let passes = fixed.passes;
    let later: Vec<_> = fixed.applied.iter().filter(|a| a.pass > 1).cloned().collect();
    let skipped = fixed.skipped.clone();
    let recheck = corrected.report.as_ref().map(|r| {
        let c = r.summary();
        format!(
            "Re-checked from its bytes: {} error{}, {} warning{}, {} info.",
            c.errors,
            if c.errors == 1 { "" } else { "s" },
            c.warnings,
            if c.warnings == 1 { "" } else { "s" },
            c.infos
        )
    });
    let layout_note = match output.layout {
        Layout::Ksbuilder => Some(format!(
            "Packaged as `ksbuilder package` does: Chart.yaml generated from extension.yaml{}, every entry under `{}/` in Helm's order.",
            if output.ignored.is_empty() {
                String::new()
            } else {
                format!(
                    ", {} file{} left out by `.helmignore`",
                    output.ignored.len(),
                    if output.ignored.len() == 1 { "" } else { "s" }
                )
            },
            output.top_folder.clone().unwrap_or_default()
        )),
        Layout::Helm => Some(format!(
            "Written as Helm writes charts: every entry under `{}/`, `Chart.yaml` first, files only.",
            output.top_folder.clone().unwrap_or_default()
        )),
        Layout::Folder => Some(format!("The same files under `{}/`.", output.top_folder.clone().unwrap_or_default())),
        Layout::SingleFile => None,
    };
    let can_apply = corrected.report.is_some();
    view! {
        <div class="fix-summary">
            <p class="fix-file">
                <span class="fix-file-name">{output.file_name.clone()}</span>
                <span class="fix-file-size">{human_bytes(output.bytes.len() as u64)}</span>
                <span class="fix-file-applied">
                    {format!("{applied} fix{} applied", if applied == 1 { "" } else { "es" })}
                    {(passes > 1).then(|| format!(" in {passes} passes"))}
                </span>
            </p>
            {layout_note.map(|n| view! { <p class="fix-layout"><Rich text=n /></p> })}
            {(!later.is_empty()).then(|| view! {
                <div class="fix-later">
                    <p>"Found and fixed after the first pass:"</p>
                    <ul>{later.into_iter().map(|a| view! { <li><span class="code">{a.code}</span>" " <Rich text=a.title /></li> }).collect_view()}</ul>
                </div>
            })}
            {(!skipped.is_empty()).then(|| view! {
                <div class="fix-skipped">
                    <p>"Not applied:"</p>
                    <ul>{skipped.iter().map(|s| view! { <li><span class="code">{s.code}</span>" " <Rich text=s.title.clone() />{format!(" — {}", skip_reason(s))}</li> }).collect_view()}</ul>
                </div>
            })}
            {recheck.map(|t| view! { <p class="fix-recheck">{t}</p> })}
            <div class="fix-actions">
                <button type="button" class="primary" on:click=download>
                    {format!("Download {}", output.file_name)}
                </button>
                <button type="button" on:click=apply disabled=!can_apply
                    title="Replace this report with the corrected package's">
                    "Check the corrected package"
                </button>
            </div>
        </div>
    }
    .into_any()
}

/// One file's change: a foldable unified diff.
#[component]
fn DiffView(diff: FileDiff) -> impl IntoView {
    let (change, class) = match diff.change {
        Change::Added => ("added", "diff-added"),
        Change::Removed => ("removed", "diff-removed"),
        Change::Modified => ("modified", "diff-modified"),
    };
    let added = diff.hunks.iter().flat_map(|h| &h.lines).filter(|l| l.tag == LineTag::Added).count();
    let removed = diff.hunks.iter().flat_map(|h| &h.lines).filter(|l| l.tag == LineTag::Removed).count();
    let open = added + removed <= OPEN_DIFF_LINES;
    let counts = if diff.binary {
        format!("binary, {} → {}", human_bytes(diff.old_bytes), human_bytes(diff.new_bytes))
    } else {
        format!("+{added} −{removed}")
    };
    view! {
        <details class=format!("diff {class}") open=open data-path=diff.path.clone()>
            <summary>
                <span class="diff-path">{diff.path.clone()}</span>
                <span class="diff-change">{change}</span>
                <span class="diff-counts">{counts}</span>
            </summary>
            {(!diff.binary).then(|| view! {
                <div class="diff-body" role="table" tabindex="0" aria-label=format!("Changes to {}", diff.path)>
                    {diff.hunks.into_iter().map(|h| view! {
                        <div class="hunk-header" role="row"><span role="cell">{h.header}</span></div>
                        {h.lines.into_iter().map(|l| {
                            let (sign, cls, label) = match l.tag {
                                LineTag::Context => (" ", "dl dl-context", "unchanged"),
                                LineTag::Removed => ("−", "dl dl-removed", "removed"),
                                LineTag::Added => ("+", "dl dl-added", "added"),
                            };
                            view! {
                                <div class=cls role="row" aria-label=label>
                                    <span class="dl-old" role="cell">{l.old_line.map(|n| n.to_string())}</span>
                                    <span class="dl-new" role="cell">{l.new_line.map(|n| n.to_string())}</span>
                                    <span class="dl-sign" role="cell" aria-hidden="true">{sign}</span>
                                    <code role="cell">{l.text}{(l.cut_bytes > 0).then(|| view! {
                                        <span class="dl-cut">{format!(" … {} more", human_bytes(l.cut_bytes as u64))}</span>
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
