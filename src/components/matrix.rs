//! The compatibility matrix: a grid of platform versions × Kubernetes minors (colour plus
//! symbol), a build-form switch, a legend, the one-line summary, and the gates of the cell under
//! the pointer or the keyboard focus. The matrix itself is computed by the core.

use extcheck_core::matrix::{CellVerdict, GateOutcome, Matrix};
use extcheck_core::platforms::VendorBuild;
use leptos::prelude::*;

use crate::components::report::Rich;

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
    let matrix = StoredValue::new(matrix);
    let vendor = RwSignal::new(VendorBuild::Plain);
    let selected: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let platform = matrix.with_value(|m| if m.platform == "kubesphere" { "KubeSphere" } else { "Rancher" });
    let columns = matrix.with_value(|m| m.columns.clone());
    let rows = matrix.with_value(|m| m.rows.clone());
    let first_axis = if platform == "Rancher" {
        "Rancher line · local cluster Kubernetes"
    } else {
        "KubeSphere · cluster Kubernetes"
    };

    view! {
        <section class="matrix" aria-label=format!("{platform} compatibility matrix")>
            <p class="matrix-summary">{matrix.with_value(|m| m.summary.clone())}</p>
            {matrix.with_value(|m| m.notes.clone()).into_iter().map(|n| view! { <p class="matrix-note">{n}</p> }).collect_view()}
            <div class="matrix-controls">
                <fieldset class="vendor-switch">
                    <legend>"Kubernetes build"</legend>
                    {VendorBuild::ALL
                        .into_iter()
                        .map(|v| {
                            view! {
                                <label>
                                    <input type="radio" name=format!("vendor-{platform}") value=v.id()
                                        prop:checked=move || vendor.get() == v
                                        on:change=move |_| vendor.set(v) />
                                    <span>{v.label()}</span>
                                    <code class="vendor-example">{v.git_version(28).trim_start_matches("v1.28.0").to_string()}</code>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <ul class="legend" aria-label="Legend">
                    {[CellVerdict::Works, CellVerdict::Mixed, CellVerdict::Caveat, CellVerdict::Blocked, CellVerdict::Unsupported, CellVerdict::NotApplicable]
                        .into_iter()
                        .map(|v| view! { <li><span class=verdict_class(v) aria-hidden="true">{v.symbol()}</span>" " {v.label()}</li> })
                        .collect_view()}
                </ul>
            </div>
            <div class="table-wrap" tabindex="0">
                <table class="grid">
                    <caption class="visually-hidden">{format!("{platform} versions against Kubernetes versions; select a cell for every gate's reason")}</caption>
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
                                                let label = move || matrix.with_value(|m| m.cell(ri, ci, vendor.get()).map(|c| c.describe(m)).unwrap_or_default());
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
                    None => view! { <p class="hint">"Point at, focus or click a cell to see each gate and why."</p> }.into_any(),
                    Some((ri, ci)) => matrix.with_value(|m| {
                        let Some(cell) = m.cell(ri, ci, vendor.get()).cloned() else { return ().into_any() };
                        let title = cell.describe(m);
                        view! {
                            <h3 class="cell-title">{title}</h3>
                            <p class="cell-version">"Kubernetes " <code>{cell.kubernetes.clone()}</code></p>
                            {cell.patches.clone().map(|split| view! {
                                <p class="cell-patches">
                                    "Patch releases differ: works " {split.label} " ("
                                    {extcheck_core::matrix::patch_runs(&split.works)} "); blocked on "
                                    {extcheck_core::matrix::patch_runs(&split.blocked)} ". The gates below are those of "
                                    {split.blocked.last().cloned().unwrap_or_default()} "."
                                </p>
                            })}
                            {if cell.gates.is_empty() {
                                view! { <p class="hint">{cell.verdict.label()}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="gates">
                                        {cell.gates.into_iter().map(|g| {
                                            let (symbol, class) = outcome_symbol(g.outcome);
                                            view! {
                                                <li class=format!("gate gate-{class}") data-gate=g.id>
                                                    <span class="gate-outcome" aria-label=class>{symbol}</span>
                                                    <div>
                                                        <p class="gate-name">{g.name}</p>
                                                        <p class="gate-reason"><Rich text=g.reason /></p>
                                                        {g.message.map(|msg| view! { <p class="gate-message">"What the user sees: " <q>{msg}</q></p> })}
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
