//! The rules catalogue: every code from the core's registry with its full explanation (the
//! same Markdown `extcheck rules CODE` prints). Each diagnostic in a report links here
//! (`#/rules/<CODE>`), which opens and scrolls to that rule.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::checker::ask;
use crate::components::markdown::Markdown;
use crate::components::report::{severity_icon, severity_name};
use crate::tr;
use crate::wire::{Request, RuleModel};

/// The catalogue, from the checking worker (the docs live in its wasm), grouped in its order.
#[component]
pub fn RulesPage(focus: Option<String>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let rules: RwSignal<Option<Result<Vec<RuleModel>, String>>> = RwSignal::new(None);
    // Asked again in the new language on a switch (the worker is told the language first).
    Effect::new(move |_| {
        let lang = lang.get();
        spawn_local(async move {
            let _ = crate::browser::checker::localize(lang).await;
            rules.try_set(Some(ask::<Vec<RuleModel>>(Request::Rules).await));
        });
    });
    let focused = focus.clone();
    Effect::new(move |_| {
        if rules.with(Option::is_none) {
            return;
        }
        // After the list is drawn.
        let focused = focused.clone();
        request_animation_frame(move || {
            if let Some(code) = &focused
                && let Some(el) = document().get_element_by_id(&format!("rule-{code}"))
            {
                el.scroll_into_view();
            }
        });
    });
    view! {
        <section class="rules">
            <h1>{move || tr!(lang.get(), "rules-title")}</h1>
            <p class="lede">{move || tr!(lang.get(), "rules-lede")}</p>
            {move || match rules.get() {
                None => view! { <p class="fix-working"><span class="spinner" aria-hidden="true"></span>{tr!(lang.get(), "rules-loading")}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="failed">{tr!(lang.get(), "rules-failed", error = e)}</p> }.into_any(),
                Some(Ok(list)) => {
                    let mut groups: Vec<(String, Vec<RuleModel>)> = Vec::new();
                    for rule in list {
                        match groups.last_mut() {
                            Some((g, rules)) if *g == rule.group => rules.push(rule),
                            _ => groups.push((rule.group.clone(), vec![rule])),
                        }
                    }
                    let focus = focus.clone();
                    groups
                        .into_iter()
                        .map(|(title, list)| {
                            let focus = focus.clone();
                            view! {
                                <h2>{title}</h2>
                                <div class="rule-list">
                                    {list.into_iter().map(|r| view! { <RuleView focused=focus.as_deref() == Some(r.code.as_str()) rule=r /> }).collect_view()}
                                </div>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
        </section>
    }
}

/// One rule, folded unless focused.
#[component]
fn RuleView(rule: RuleModel, focused: bool) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let severity = rule.severity;
    view! {
        <details class="rule" class:focused=focused id=format!("rule-{}", rule.code) open=focused>
            <summary>
                <span class=format!("sev-badge sev-{}", rule.severity.as_str())>
                    <span aria-hidden="true">{severity_icon(rule.severity)}</span>
                    " " {move || severity_name(lang.get(), severity)}
                </span>
                <code class="code">{rule.code.clone()}</code>
                <span class="rule-title">{rule.title}</span>
                {(!rule.fix.is_empty()).then(|| view! { <span class="fix-kind">{rule.fix}</span> })}
            </summary>
            <Markdown blocks=rule.docs shift=1 />
        </details>
    }
}
