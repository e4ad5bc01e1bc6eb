//! The Manifests tab: every file the package's chart renders to, with the template it came
//! from, as Helm 4.2.3 renders it (the core's `template::preview`, in the checking worker). The
//! values are in an editor (re-rendered as you type, after a pause), the Kubernetes version in a
//! select, and for a KubeSphere extension with an agent the release (host or member clusters).
//! A render failure shows Helm's message at the template's line and column.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::checker::ask;
use crate::tr;
use crate::wire::{ManifestsModel, Request};

/// The pause after the last keystroke before the values are rendered again.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The Manifests tab of package number `package`.
#[component]
pub fn ManifestsView(package: usize) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    // `None`: the chart's own values / the platform's newest minor (the worker's default).
    let values: RwSignal<Option<String>> = RwSignal::new(None);
    let minor: RwSignal<Option<u32>> = RwSignal::new(None);
    let agent = RwSignal::new(false);
    let model: RwSignal<Option<ManifestsModel>> = RwSignal::new(None);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(true);
    let selected = RwSignal::new(None::<String>);
    // Each change asks the worker after a pause; a newer change drops the older request and reply.
    let generation = StoredValue::new(0u64);
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let request = Request::Manifests { package, values: values.get(), minor: minor.get(), agent: agent.get() };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        busy.set(true);
        let send = move || {
            if generation.try_get_value() != Some(mine) {
                return;
            }
            spawn_local(async move {
                let reply = ask::<ManifestsModel>(request).await;
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                match reply {
                    Ok(m) => {
                        error.try_set(None);
                        model.try_set(Some(m));
                    }
                    Err(e) => {
                        error.try_set(Some(e));
                    }
                }
                busy.try_set(false);
            });
        };
        if first.get_value() {
            first.set_value(false);
            send();
        } else {
            set_timeout(send, DEBOUNCE);
        }
    });
    // The editor's text: the chart's values once the first reply is in, then what is typed.
    let text = Memo::new(move |_| values.get().or_else(|| model.with(|m| m.as_ref().map(|m| m.values.clone()))));
    let loaded = Memo::new(move |_| model.with(Option::is_some));
    let minors = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.minors)));
    let has_agent = Memo::new(move |_| model.with(|m| m.as_ref().is_some_and(|m| m.has_agent)));
    let current_minor = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.minor)));
    let files = Memo::new(move |_| {
        model.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.files
                        .iter()
                        .map(|f| (f.template.clone(), f.source.clone(), f.text.trim().is_empty()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The file shown: the one picked, else the first with content.
    let shown = Memo::new(move |_| {
        model.with(|m| {
            let m = m.as_ref()?;
            let picked = selected.get();
            m.files
                .iter()
                .find(|f| picked.as_ref() == Some(&f.template))
                .or_else(|| m.files.iter().find(|f| !f.text.trim().is_empty()))
                .or(m.files.first())
                .map(|f| (f.template.clone(), f.text.clone()))
        })
    });

    view! {
        <section class="manifests" aria-label=move || tr!(lang.get(), "manifests-label")>
            <p class="manifests-intro">
                {move || tr!(lang.get(), "manifests-intro")}
            </p>
            <div class="manifests-controls">
                <label class="manifests-kube">
                    {move || tr!(lang.get(), "manifests-kubernetes")} " "
                    <select
                        disabled=move || minors.get().is_none()
                        on:change=move |ev| minor.set(event_target_value(&ev).parse().ok())
                    >
                        {move || minors.get().map(|(lo, hi)| {
                            (lo..=hi).rev().map(|m| view! {
                                <option value=m.to_string() selected=move || current_minor.get() == Some(m)>{format!("1.{m}")}</option>
                            }).collect_view()
                        })}
                    </select>
                </label>
                <Show when=move || has_agent.get()>
                    <label class="manifests-release">
                        {move || tr!(lang.get(), "manifests-release")} " "
                        <select on:change=move |ev| agent.set(event_target_value(&ev) == "agent")>
                            <option value="host" selected=move || !agent.get()>{move || tr!(lang.get(), "manifests-host")}</option>
                            <option value="agent" selected=move || agent.get()>{move || tr!(lang.get(), "manifests-agent")}</option>
                        </select>
                    </label>
                </Show>
                <span class="manifests-status" role="status">{move || if busy.get() { tr!(lang.get(), "manifests-rendering") } else { String::new() }}</span>
            </div>
            <div class="manifests-layout">
                <label class="manifests-values">
                    <span>"values.yaml"</span>
                    <textarea
                        spellcheck="false"
                        rows="16"
                        prop:value=move || text.get().unwrap_or_default()
                        on:input=move |ev| values.set(Some(event_target_value(&ev)))
                    ></textarea>
                </label>
                <div class="manifests-output">
                    {move || error.get().map(|e| view! { <p class="render-error" role="alert">{e}</p> })}
                    {move || model.with(|m| m.as_ref().and_then(|m| m.failure.clone())).map(|f| view! {
                        <div class="render-error" role="alert">
                            <p><strong>{tr!(lang.get(), "manifests-failed")}</strong>{f.at.map(|at| view! { " " {tr!(lang.get(), "manifests-failed-at")} " " <code>{at}</code> })}</p>
                            <pre class="snippet render-message" tabindex="0">{f.message}</pre>
                        </div>
                    })}
                    <Show when=move || loaded.get() && files.with(Vec::is_empty) && error.with(Option::is_none)
                        && model.with(|m| m.as_ref().is_some_and(|m| m.failure.is_none()))>
                        <p class="manifests-empty">
                            {move || tr!(lang.get(), "manifests-empty")}
                        </p>
                    </Show>
                    <Show when=move || !files.with(Vec::is_empty)>
                        <ul class="manifest-files" aria-label=move || tr!(lang.get(), "manifests-files")>
                            <For each=move || files.get() key=|f| f.clone() let:f>
                                {
                                    let (template, source, empty) = f;
                                    let t = template.clone();
                                    let current = move || shown.with(|s| s.as_ref().map(|(t, _)| t.clone())) == Some(t.clone());
                                    let label = source.clone().unwrap_or_else(|| template.clone());
                                    view! {
                                        <li>
                                            <button type="button" class="manifest-file" class:empty=empty
                                                title=template.clone()
                                                aria-pressed=move || current().to_string()
                                                on:click=move |_| selected.set(Some(template.clone()))>
                                                {label}{move || empty.then(|| tr!(lang.get(), "manifests-empty-file"))}
                                            </button>
                                        </li>
                                    }
                                }
                            </For>
                        </ul>
                        {move || shown.get().map(|(template, text)| view! {
                            <figure class="manifest">
                                <figcaption><code>{template}</code></figcaption>
                                <pre class="snippet manifest-text" role="group" aria-label=move || tr!(lang.get(), "manifests-text") tabindex="0">{text}</pre>
                            </figure>
                        })}
                    </Show>
                </div>
            </div>
        </section>
    }
}
