//! The export bar over the reports: download the session's report as JSON, SARIF or Markdown
//! (Blobs behind object URLs, revoked when replaced or when the bar goes), or copy the Markdown
//! for a pull-request comment. The checking worker renders the formats (the core's
//! `report::export`) from the session; the page only names them.

use extcheck_core::report::export::Export;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::checker::ask_bytes;
use crate::browser::download::save;
use crate::tr;
use crate::wire::{Download, Request};
use extcheck_core::i18n::Message;
use extcheck_core::msg;

/// The session's report in `format`, from the worker.
async fn export(format: Export) -> Result<(Download, js_sys::Uint8Array), String> {
    ask_bytes(Request::Export { format: format.extension().to_string() }).await
}

/// Export buttons for `reports` (every report of the session).
#[component]
pub fn ExportBar() -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let last_url: StoredValue<Option<String>> = StoredValue::new(None);
    // The last outcome, as a message: it follows a language switch.
    let note = RwSignal::new(None::<Message>);
    on_cleanup(move || {
        if let Some(url) = last_url.try_get_value().flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let download = move |format: Export| {
        spawn_local(async move {
            let (file, bytes) = match export(format).await {
                Ok(reply) => reply,
                Err(e) => {
                    note.try_set(Some(msg!("export-failed", error = e)));
                    return;
                }
            };
            if let Some(old) = last_url.try_get_value().flatten() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            match save(&file.file_name, &bytes, &file.media_type) {
                Some(url) => {
                    last_url.try_set_value(Some(url));
                    let size = extcheck_core::package::human_bytes(file.size);
                    note.try_set(Some(msg!("export-saved", file = file.file_name, size)));
                }
                None => {
                    note.try_set(Some(msg!("export-blocked")));
                }
            }
        });
    };
    let copy = move |_| {
        spawn_local(async move {
            let text = match export(Export::Markdown).await {
                Ok((_, bytes)) => String::from_utf8_lossy(&bytes.to_vec()).into_owned(),
                Err(e) => {
                    note.try_set(Some(msg!("export-failed", error = e)));
                    return;
                }
            };
            let promise = window().navigator().clipboard().write_text(&text);
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            note.try_set(Some(match done {
                Ok(_) => msg!("export-copied"),
                Err(_) => msg!("export-copy-blocked"),
            }));
        });
    };
    view! {
        <div class="exports" role="group" aria-label=move || tr!(lang.get(), "export-label")>
            <span class="exports-label">{move || tr!(lang.get(), "export-label")}</span>
            {Export::ALL
                .into_iter()
                .map(|format| {
                    let hint = move || match format {
                        Export::Json => tr!(lang.get(), "export-json-hint"),
                        Export::Sarif => tr!(lang.get(), "export-sarif-hint"),
                        Export::Markdown => tr!(lang.get(), "export-markdown-hint"),
                    };
                    view! {
                        <button type="button" data-export=format.extension() title=hint on:click=move |_| download(format)>
                            {format.label()}
                        </button>
                    }
                })
                .collect_view()}
            <button type="button" data-export="copy-markdown" title=move || tr!(lang.get(), "export-copy-hint") on:click=copy>
                {move || tr!(lang.get(), "export-copy")}
            </button>
            <span class="exports-note" role="status" aria-live="polite">
                {move || note.get().map(|m| crate::i18n::render(lang.get(), &m))}
            </span>
        </div>
    }
}
