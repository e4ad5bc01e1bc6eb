//! The compatibility matrix: a grid of platform versions × Kubernetes minors (colour plus
//! symbol), a build-form switch, a legend, the one-line summary, and the gates of the cell under
//! the pointer or the keyboard focus. The matrix itself is computed by the core.

use extcheck_core::matrix::{Cell, CellVerdict, GateOutcome, Matrix, patch_runs};
use extcheck_core::platforms::VendorBuild;
use leptos::prelude::*;

use crate::components::report::Rich;
use crate::i18n::Lang;
use crate::tr;

fn verdict_class(v: CellVerdict) -> &'static str {
    match v {
        CellVerdict::Works => "cell works",
        CellVerdict::Caveat => "cell caveat",
        CellVerdict::Blocked => "cell blocked",
        CellVerdict::Unsupported => "cell unsupported",
        CellVerdict::NotApplicable => "cell na",
        CellVerdict::Mixed => "cell mixed",
    }
}

/// A verdict in words (the legend, a cell without gates).
fn verdict_label(lang: Lang, v: CellVerdict) -> String {
    match v {
        CellVerdict::Works => tr!(lang, "verdict-works"),
        CellVerdict::Caveat => tr!(lang, "verdict-caveat"),
        CellVerdict::Blocked => tr!(lang, "verdict-blocked"),
        CellVerdict::Unsupported => tr!(lang, "verdict-unsupported"),
        CellVerdict::NotApplicable => tr!(lang, "verdict-not-applicable"),
        CellVerdict::Mixed => tr!(lang, "verdict-mixed"),
    }
}

/// A Kubernetes build form's name (`plain` is translated; vendor names are not).
fn vendor_label(lang: Lang, v: VendorBuild) -> String {
    match v {
        VendorBuild::Plain => tr!(lang, "vendor-plain"),
        other => other.label().to_string(),
    }
}

/// A gate outcome in words (the outcome symbol's accessible name).
fn outcome_label(lang: Lang, o: GateOutcome) -> String {
    match o {
        GateOutcome::Pass => tr!(lang, "gate-pass"),
        GateOutcome::Caveat => tr!(lang, "gate-caveat"),
        GateOutcome::Fail => tr!(lang, "gate-fail"),
        GateOutcome::Skipped => tr!(lang, "gate-skipped"),
    }
}

/// The sentence for a cell's accessible name, tooltip and detail heading, as the core's
/// `Cell::describe` in `lang`: "KubeSphere 4.1.3 on Kubernetes 1.28 (EKS): blocked by …".
fn describe(lang: Lang, cell: &Cell, m: &Matrix) -> String {
    let row = m.rows.get(cell.row).map_or(String::new(), |r| r.label.clone());
    let column = m.columns.get(cell.column).map_or(String::new(), |c| c.label.clone());
    let form = if cell.vendor == VendorBuild::Plain { String::new() } else { format!(" ({})", cell.vendor.label()) };
    let verdict = match (cell.verdict, cell.blocker()) {
        (CellVerdict::Blocked, Some(g)) => tr!(lang, "cell-blocked-by", gate = g.name),
        (CellVerdict::Mixed, blocker) => {
            let split = cell.patches.as_ref();
            let label = split.map_or(String::new(), |s| s.label.clone());
            let works = split.map(|s| patch_runs(&s.works)).unwrap_or_default();
            let blocked = split.map(|s| patch_runs(&s.blocked)).unwrap_or_default();
            match blocker {
                Some(g) => tr!(lang, "cell-mixed-by", label, works, blocked, gate = g.name),
                None => tr!(lang, "cell-mixed", label, works, blocked),
            }
        }
        (CellVerdict::Caveat, _) => {
            let who: Vec<&str> =
                cell.gates.iter().filter(|g| g.outcome == GateOutcome::Caveat).map(|g| g.name).collect();
            tr!(lang, "cell-caveat-from", gates = who.join(tr!(lang, "list-and").as_str()))
        }
        (v, _) => verdict_label(lang, v),
    };
    tr!(lang, "cell-describe", row, column, form, verdict)
}

fn outcome_symbol(o: GateOutcome) -> (&'static str, &'static str) {
    match o {
        GateOutcome::Pass => ("✓", "pass"),
        GateOutcome::Caveat => ("!", "caveat"),
        GateOutcome::Fail => ("✗", "fail"),
        GateOutcome::Skipped => ("–", "skipped"),
    }
}

/// The matrix of one package.
#[component]
pub fn MatrixView(matrix: Matrix) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let matrix = StoredValue::new(matrix);
    let vendor = RwSignal::new(VendorBuild::Plain);
    let selected: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let platform = matrix.with_value(|m| if m.platform == "kubesphere" { "KubeSphere" } else { "Rancher" });
    let columns = matrix.with_value(|m| m.columns.clone());
    let rows = matrix.with_value(|m| m.rows.clone());
    let first_axis = move || {
        if platform == "Rancher" {
            tr!(lang.get(), "matrix-axis-rancher")
        } else {
            tr!(lang.get(), "matrix-axis-kubesphere")
        }
    };

    view! {
        <section class="matrix" aria-label=move || tr!(lang.get(), "matrix-label", platform)>
            <p class="matrix-summary">{matrix.with_value(|m| m.summary.clone())}</p>
            {matrix.with_value(|m| m.notes.clone()).into_iter().map(|n| view! { <p class="matrix-note">{n}</p> }).collect_view()}
            <div class="matrix-controls">
                <fieldset class="vendor-switch">
                    <legend>{move || tr!(lang.get(), "matrix-vendor-legend")}</legend>
                    {VendorBuild::ALL
                        .into_iter()
                        .map(|v| {
                            view! {
                                <label>
                                    <input type="radio" name=format!("vendor-{platform}") value=v.id()
                                        prop:checked=move || vendor.get() == v
                                        on:change=move |_| vendor.set(v) />
                                    <span>{move || vendor_label(lang.get(), v)}</span>
                                    <code class="vendor-example">{v.git_version(28).trim_start_matches("v1.28.0").to_string()}</code>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <ul class="legend" aria-label=move || tr!(lang.get(), "matrix-legend")>
                    {[CellVerdict::Works, CellVerdict::Mixed, CellVerdict::Caveat, CellVerdict::Blocked, CellVerdict::Unsupported, CellVerdict::NotApplicable]
                        .into_iter()
                        .map(|v| view! { <li><span class=verdict_class(v) aria-hidden="true">{v.symbol()}</span>" " {move || verdict_label(lang.get(), v)}</li> })
                        .collect_view()}
                </ul>
            </div>
            <div class="table-wrap" tabindex="0">
                <table class="grid">
                    <caption class="visually-hidden">{move || tr!(lang.get(), "matrix-caption", platform)}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="corner">{first_axis}</th>
                            {columns.iter().map(|c| view! { <th scope="col">{c.label.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .enumerate()
                            .map(|(ri, row)| {
                                let ncols = columns.len();
                                view! {
                                    <tr>
                                        <th scope="row" title=row.note.clone().unwrap_or_default()>
                                            <span class="row-label">{row.id.clone()}</span>
                                            {row.note.clone().map(|n| view! { <span class="row-note">{n}</span> })}
                                        </th>
                                        {(0..ncols)
                                            .map(|ci| {
                                                let cell = move || matrix.with_value(|m| m.cell(ri, ci, vendor.get()).cloned());
                                                let label = move || matrix.with_value(|m| m.cell(ri, ci, vendor.get()).map(|c| describe(lang.get(), c, m)).unwrap_or_default());
                                                view! {
                                                    <td>
                                                        <button type="button"
                                                            class=move || cell().map_or("cell", |c| verdict_class(c.verdict))
                                                            class:selected=move || selected.get() == Some((ri, ci))
                                                            aria-label=label
                                                            title=label
                                                            on:mouseenter=move |_| selected.set(Some((ri, ci)))
                                                            on:focus=move |_| selected.set(Some((ri, ci)))
                                                            on:click=move |_| selected.set(Some((ri, ci)))>
                                                            {move || cell().map_or("", |c| c.verdict.symbol())}
                                                        </button>
                                                    </td>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="cell-detail" aria-live="polite">
                {move || match selected.get() {
                    None => view! { <p class="hint">{tr!(lang.get(), "matrix-hint")}</p> }.into_any(),
                    Some((ri, ci)) => matrix.with_value(|m| {
                        let Some(cell) = m.cell(ri, ci, vendor.get()).cloned() else { return ().into_any() };
                        let lang = lang.get();
                        let title = describe(lang, &cell, m);
                        view! {
                            <h3 class="cell-title">{title}</h3>
                            <p class="cell-version">"Kubernetes " <code>{cell.kubernetes.clone()}</code></p>
                            {cell.patches.clone().map(|split| view! {
                                <p class="cell-patches">
                                    {tr!(
                                        lang,
                                        "cell-patches",
                                        label = split.label.clone(),
                                        works = patch_runs(&split.works),
                                        blocked = patch_runs(&split.blocked),
                                        last = split.blocked.last().cloned().unwrap_or_default()
                                    )}
                                </p>
                            })}
                            {if cell.gates.is_empty() {
                                view! { <p class="hint">{verdict_label(lang, cell.verdict)}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="gates">
                                        {cell.gates.into_iter().map(|g| {
                                            let (symbol, class) = outcome_symbol(g.outcome);
                                            view! {
                                                <li class=format!("gate gate-{class}") data-gate=g.id>
                                                    <span class="gate-outcome" role="img" aria-label=outcome_label(lang, g.outcome)>{symbol}</span>
                                                    <div>
                                                        <p class="gate-name">{g.name}</p>
                                                        <p class="gate-reason"><Rich text=g.reason /></p>
                                                        {g.message.map(|msg| view! { <p class="gate-message">{tr!(lang, "gate-user-sees")} " " <q>{msg}</q></p> })}
                                                    </div>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                        }
                        .into_any()
                    }),
                }}
            </div>
        </section>
    }
}
