//! The export bar over the reports: download the session's report as JSON, SARIF or Markdown
//! (Blobs behind object URLs, revoked when replaced or when the bar goes), or copy the Markdown
//! for a pull-request comment. The formats are the core's `report::export`.

use std::sync::Arc;

use extcheck_core::Report;
use extcheck_core::report::export::Export;
use leptos::prelude::*;

use crate::browser::download::save;

/// Export buttons for `reports` (every report of the session).
#[component]
pub fn ExportBar(reports: Arc<Vec<Report>>) -> impl IntoView {
    let reports = StoredValue::new(reports);
    let last_url: StoredValue<Option<String>> = StoredValue::new(None);
    let note = RwSignal::new(String::new());
    on_cleanup(move || {
        if let Some(url) = last_url.try_get_value().flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let download = move |format: Export| {
        let (name, text) = reports.with_value(|r| (format.file_name(r), format.render(r)));
        if let Some(old) = last_url.get_value() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        match save(&name, text.as_bytes(), format.media_type()) {
            Some(url) => {
                last_url.set_value(Some(url));
                note.set(format!("Saved {name} ({}).", extcheck_core::package::human_bytes(text.len() as u64)));
            }
            None => note.set("The browser did not allow the download.".into()),
        }
    };
    let copy = move |_| {
        let text = reports.with_value(|r| Export::Markdown.render(r));
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            note.set(match done {
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
