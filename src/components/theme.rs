//! Light / dark / automatic theme. The choice is kept in `localStorage` and applied as
//! `data-theme` on the root element; "auto" follows `prefers-color-scheme`.

use leptos::prelude::*;

use crate::tr;

const KEY: &str = "extcheck-theme";

fn apply(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = match theme {
            "light" | "dark" => root.set_attribute("data-theme", theme),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

fn stored() -> String {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .unwrap_or_else(|| "auto".into())
}

/// A select for the colour theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let theme = RwSignal::new(stored());
    apply(&theme.get_untracked());
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        apply(&value);
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(KEY, &value);
        }
        theme.set(value);
    };
    view! {
        <label class="theme">
            <span class="visually-hidden">{move || tr!(lang.get(), "theme-label")}</span>
            <select on:change=on_change prop:value=move || theme.get()>
                <option value="auto">{move || tr!(lang.get(), "theme-auto")}</option>
                <option value="light">{move || tr!(lang.get(), "theme-light")}</option>
                <option value="dark">{move || tr!(lang.get(), "theme-dark")}</option>
            </select>
        </label>
    }
}
