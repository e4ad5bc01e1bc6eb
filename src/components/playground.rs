//! The range playground: type a constraint and a version, see every platform component's
//! verdict and reason side by side, updating as you type. The judging is the core's
//! `semver::report`, in the checking worker.

use extcheck_core::semver::judge::Field;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::checker::ask;
use crate::i18n::Lang;
use crate::tr;
use crate::wire::{JudgementModel, RangeModel, Request};

/// An example's label in a language.
type Label = fn(Lang) -> String;

/// Real cases, one click away: (label, constraint, version, field).
const EXAMPLES: [(Label, &str, &str, Field); 6] = [
    (|l| tr!(l, "range-example-eks"), ">=1.19.0", "v1.27.4-eks-2d98532", Field::KubeVersion),
    (|l| tr!(l, "range-example-gke"), ">=1.19.0-0 <1.30.0", "v1.28.3-gke.100", Field::KubeVersion),
    (|l| tr!(l, "range-example-comma"), ">= 2.10.0, < 2.11.0", "v2.10.1", Field::RancherVersion),
    (|l| tr!(l, "range-example-rc"), ">= 2.10.0", "v2.10.1-rc1", Field::RancherVersion),
    (|l| tr!(l, "range-example-extensions-api"), ">= 3.0.0 < 4.0.0", "3.0.2-rc.6", Field::UiExtensionsVersion),
    (|l| tr!(l, "range-example-ks-version"), ">=4.1.2-0", "v4.1.3", Field::KsVersion),
];

const FIELDS: [Field; 5] =
    [Field::KubeVersion, Field::KsVersion, Field::RancherVersion, Field::UiVersion, Field::UiExtensionsVersion];

fn verdict_class(j: &JudgementModel) -> &'static str {
    if j.accepted {
        "verdict ok"
    } else if j.ignored {
        "verdict ignored"
    } else {
        "verdict no"
    }
}

/// The playground page.
#[component]
pub fn Playground() -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let constraint = RwSignal::new(EXAMPLES[1].1.to_string());
    let version = RwSignal::new(EXAMPLES[1].2.to_string());
    let field = RwSignal::new(EXAMPLES[1].3);
    // The checking worker judges (the semver engines live there); a newer input drops the reply
    // to an older one.
    let report = RwSignal::new(RangeModel::default());
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let request = Request::Range {
            constraint: constraint.get(),
            version: version.get(),
            field: field.get().name().to_string(),
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            if let Ok(r) = ask::<RangeModel>(request).await
                && generation.try_get_value() == Some(mine)
            {
                report.set(r);
            }
        });
    });

    view! {
        <section class="playground">
            <h1>{move || tr!(lang.get(), "range-title")}</h1>
            <p class="lede">{move || tr!(lang.get(), "range-lede")}</p>
            <div class="examples" role="group" aria-label=move || tr!(lang.get(), "range-examples")>
                {EXAMPLES
                    .iter()
                    .map(|(label, c, v, f)| {
                        view! {
                            <button type="button" class="chip" on:click=move |_| {
                                constraint.set(c.to_string());
                                version.set(v.to_string());
                                field.set(*f);
                            }>{move || label(lang.get())}</button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="range-inputs">
                <label>
                    <span>{move || tr!(lang.get(), "range-constraint")}</span>
                    <input id="range-constraint" type="text" spellcheck="false" autocomplete="off"
                        prop:value=move || constraint.get()
                        on:input=move |ev| constraint.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{move || tr!(lang.get(), "range-field")}</span>
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
                    <caption class="visually-hidden">{move || tr!(lang.get(), "range-caption")}</caption>
                    <thead><tr>
                        <th scope="col">{move || tr!(lang.get(), "range-col-component")}</th>
                        <th scope="col">{move || tr!(lang.get(), "range-col-engine")}</th>
                        <th scope="col">{move || tr!(lang.get(), "range-col-verdict")}</th>
                        <th scope="col">{move || tr!(lang.get(), "range-col-why")}</th>
                    </tr></thead>
                    <tbody>
                        {move || report.get().judgements.into_iter().map(|j| {
                            view! {
                                <tr data-component=j.component.clone()>
                                    <th scope="row">{j.label.clone()}</th>
                                    <td class="engine">{j.engine.clone()}</td>
                                    <td class=verdict_class(&j)>{j.verdict.clone()}</td>
                                    <td class="reason">{j.reason.clone()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || {
                let r = report.get();
                if r.judgements.is_empty() {
                    return ().into_any();
                }
                let problems = r.problems.clone();
                view! {
                    <div class="portability">
                        {if r.portable {
                            view! { <p class="ok">{tr!(lang.get(), "range-portable")}</p> }.into_any()
                        } else {
                            view! { <ul class="problems">{problems.into_iter().map(|e| view! { <li>{tr!(lang.get(), "range-does-not-parse", problem = e)}</li> }).collect_view()}</ul> }.into_any()
                        }}
                        {r.suggestion.map(|s| {
                            let text = s.clone();
                            view! {
                                <p class="suggestion">
                                    {tr!(lang.get(), "range-safer")} " " <code>{s}</code> " " {tr!(lang.get(), "range-safer-why")} " "
                                    <button type="button" on:click=move |_| constraint.set(text.clone())>{tr!(lang.get(), "range-use-it")}</button>
                                </p>
                            }
                        })}
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
