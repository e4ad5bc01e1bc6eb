//! The export bar over the reports: download the session's report as JSON, SARIF or Markdown
//! (Blobs behind object URLs, revoked when replaced or when the bar goes), or copy the Markdown
//! for a pull-request comment. The checking worker renders the formats (the core's
//! `report::export`) from the session; the page only names them.

use extcheck_core::report::export::Export;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::checker::ask_bytes;
use crate::browser::download::save;
use crate::wire::{Download, Request};

/// The session's report in `format`, from the worker.
async fn export(format: Export) -> Result<(Download, js_sys::Uint8Array), String> {
    ask_bytes(Request::Export { format: format.extension().to_string() }).await
}

/// Export buttons for `reports` (every report of the session).
#[component]
pub fn ExportBar() -> impl IntoView {
    let last_url: StoredValue<Option<String>> = StoredValue::new(None);
    let note = RwSignal::new(String::new());
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
                    note.try_set(format!("The export failed: {e}"));
                    return;
                }
            };
            if let Some(old) = last_url.try_get_value().flatten() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            match save(&file.file_name, &bytes, &file.media_type) {
                Some(url) => {
                    last_url.try_set_value(Some(url));
                    note.try_set(format!(
                        "Saved {} ({}).",
                        file.file_name,
                        extcheck_core::package::human_bytes(file.size)
                    ));
                }
                None => {
                    note.try_set("The browser did not allow the download.".into());
                }
            }
        });
    };
    let copy = move |_| {
        spawn_local(async move {
            let text = match export(Export::Markdown).await {
                Ok((_, bytes)) => String::from_utf8_lossy(&bytes.to_vec()).into_owned(),
                Err(e) => {
                    note.try_set(format!("The export failed: {e}"));
                    return;
                }
            };
            let promise = window().navigator().clipboard().write_text(&text);
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            note.try_set(match done {
                Ok(_) => "Markdown copied: paste it into a pull-request comment.".into(),
                Err(_) => "The browser did not allow copying; download the Markdown instead.".into(),
            });
        });
    };
    view! {
        <div class="exports" role="group" aria-label="Export the report">
            <span class="exports-label">"Export the report"</span>
            {Export::ALL
                .into_iter()
                .map(|format| {
                    let hint = match format {
                        Export::Json => "The stable JSON report, as extcheck check --format json prints it",
                        Export::Sarif => "SARIF 2.1.0, for code scanning",
                        Export::Markdown => "Markdown, for a pull-request comment",
                    };
                    view! {
                        <button type="button" data-export=format.extension() title=hint on:click=move |_| download(format)>
                            {format.label()}
                        </button>
                    }
                })
                .collect_view()}
            <button type="button" data-export="copy-markdown" title="Copy the Markdown report to the clipboard" on:click=copy>
                "Copy Markdown"
            </button>
            <span class="exports-note" role="status" aria-live="polite">{move || note.get()}</span>
        </div>
    }
}
