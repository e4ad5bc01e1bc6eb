//! The range playground: type a constraint and a version, see every platform component's
//! verdict and reason side by side, updating as you type. The judging is the core's
//! `semver::report`.

use extcheck_core::semver::judge::{Field, Verdict};
use extcheck_core::semver::report::{self, verdict_label};
use leptos::prelude::*;

/// Real cases, one click away: (label, constraint, version, field).
const EXAMPLES: [(&str, &str, &str, Field); 6] = [
    ("EKS cluster, no -0", ">=1.19.0", "v1.27.4-eks-2d98532", Field::KubeVersion),
    ("GKE cluster, -0 on the lower bound only", ">=1.19.0-0 <1.30.0", "v1.28.3-gke.100", Field::KubeVersion),
    ("Comma range on Rancher", ">= 2.10.0, < 2.11.0", "v2.10.1", Field::RancherVersion),
    ("Rancher rc build", ">= 2.10.0", "v2.10.1-rc1", Field::RancherVersion),
    ("Extensions API of Rancher 2.11", ">= 3.0.0 < 4.0.0", "3.0.2-rc.6", Field::UiExtensionsVersion),
    ("KubeSphere 4.1.3 and ksVersion", ">=4.1.2-0", "v4.1.3", Field::KsVersion),
];

const FIELDS: [Field; 5] =
    [Field::KubeVersion, Field::KsVersion, Field::RancherVersion, Field::UiVersion, Field::UiExtensionsVersion];

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Accepted => "verdict ok",
        Verdict::Ignored => "verdict ignored",
        _ => "verdict no",
    }
}

/// The playground page.
#[component]
pub fn Playground() -> impl IntoView {
    let constraint = RwSignal::new(EXAMPLES[1].1.to_string());
    let version = RwSignal::new(EXAMPLES[1].2.to_string());
    let field = RwSignal::new(EXAMPLES[1].3);
    let report = Memo::new(move |_| report::report(&constraint.get(), &version.get(), field.get()));

    view! {
        <section class="playground">
            <h1>"Range playground"</h1>
            <p class="lede">
                "Five platform components judge version constraints with four different semver engines, each obtaining the \
                 current version its own way. Type a constraint and a version to see every verdict and why."
            </p>
            <div class="examples" role="group" aria-label="Examples">
                {EXAMPLES
                    .iter()
                    .map(|(label, c, v, f)| {
                        view! {
                            <button type="button" class="chip" on:click=move |_| {
                                constraint.set(c.to_string());
                                version.set(v.to_string());
                                field.set(*f);
                            }>{*label}</button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="range-inputs">
                <label>
                    <span>"Constraint"</span>
                    <input id="range-constraint" type="text" spellcheck="false" autocomplete="off"
                        prop:value=move || constraint.get()
                        on:input=move |ev| constraint.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>"Field"</span>
                    <select id="range-field" on:change=move |ev| {
                        if let Some(f) = Field::from_name(&event_target_value(&ev)) { field.set(f); }
                    }>
                        {FIELDS.iter().map(|f| view! {
                            <option value=f.name() selected=move || field.get() == *f>{f.name()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || field.get().version_label()}</span>
                    <input id="range-version" type="text" spellcheck="false" autocomplete="off"
                        prop:value=move || version.get()
                        on:input=move |ev| version.set(event_target_value(&ev)) />
                </label>
            </div>
            <div class="table-wrap" tabindex="0">
                <table class="judgements">
                    <caption class="visually-hidden">"Each component's verdict"</caption>
                    <thead><tr><th scope="col">"Component"</th><th scope="col">"Engine"</th><th scope="col">"Verdict"</th><th scope="col">"Why"</th></tr></thead>
                    <tbody>
                        {move || report.get().judgements.into_iter().map(|j| {
                            let reason = j.reason.split_once(": ").map_or(j.reason.clone(), |(_, r)| r.to_string());
                            view! {
                                <tr data-component=format!("{:?}", j.component)>
                                    <th scope="row">{j.component_label}</th>
                                    <td class="engine">{j.engine_label.clone()}</td>
                                    <td class=verdict_class(j.verdict)>{verdict_label(j.verdict)}</td>
                                    <td class="reason">{reason}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || {
                let r = report.get();
                let p = r.portability.clone();
                let problems: Vec<String> = [("Masterminds ≤ 3.3", &p.masterminds_3_3), ("Masterminds ≥ 3.4", &p.masterminds_3_4), ("node-semver 7.5.4", &p.node)]
                    .iter()
                    .filter_map(|(n, e)| e.as_ref().map(|e| format!("{n}: {e}")))
                    .collect();
                view! {
                    <div class="portability">
                        {if p.portable {
                            view! { <p class="ok">"✓ Portable: parses in Masterminds 3.3, ≥ 3.4 and node-semver 7.5.4."</p> }.into_any()
                        } else {
                            view! { <ul class="problems">{problems.into_iter().map(|e| view! { <li>"✗ Does not parse in " {e}</li> }).collect_view()}</ul> }.into_any()
                        }}
                        {r.suggestion.map(|s| {
                            let text = s.text.clone();
                            view! {
                                <p class="suggestion">
                                    "Safer: " <code>{s.text.clone()}</code> " (same verdicts on release versions, and vendor builds pass) "
                                    <button type="button" on:click=move |_| constraint.set(text.clone())>"Use it"</button>
                                </p>
                            }
                        })}
                    </div>
                }
            }}
        </section>
    }
}
