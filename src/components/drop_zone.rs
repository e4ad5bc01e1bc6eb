//! The drop zone: drag and drop of files and folders, a file picker, a folder picker, and the
//! embedded examples. It only dispatches: gathering is in `browser::read`, reading and checking
//! in the worker (`browser::checker`).

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{DragEvent, HtmlInputElement};

use crate::app::Phase;
use crate::browser::checker;
use crate::browser::examples::{EXAMPLES, Example};
use crate::browser::read::{self, Batch};
use crate::components::report::Rich;
use crate::tr;
use crate::wire::Job;

/// Gathers the input (showing progress), then has the worker read and check it.
fn run<F, Fut>(phase: RwSignal<Phase>, what: String, gather: F)
where
    F: FnOnce(Box<dyn Fn(usize, usize)>) -> Fut + 'static,
    Fut: Future<Output = Result<Batch, String>> + 'static,
{
    phase.set(Phase::Reading { what: what.clone(), done: 0, total: 0 });
    spawn_local(async move {
        let label = what.clone();
        let progress = Box::new(move |done, total| phase.set(Phase::Reading { what: label.clone(), done, total }));
        let batch = match gather(progress).await {
            Ok(batch) if batch.jobs.is_empty() => return phase.set(Phase::Idle),
            Ok(batch) => batch,
            Err(message) => return phase.set(Phase::Failed(message)),
        };
        let shown = move |p: crate::wire::Progress| {
            phase.set(match p.stage.as_str() {
                "inflating" => Phase::Inflating { what: p.what, bytes: p.bytes },
                "checking" => Phase::Checking { what: p.what, files: p.files },
                _ => Phase::Reading { what: p.what, done: p.files, total: p.total },
            })
        };
        match checker::check(batch, shown).await {
            Ok(reports) => phase.set(Phase::Checked(Arc::new(reports))),
            Err(message) if message == "cancelled" => {}
            Err(message) => phase.set(Phase::Failed(message)),
        }
    });
}

/// Drop target, pickers and examples.
#[component]
pub fn DropZone(phase: RwSignal<Phase>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let dragging = RwSignal::new(false);
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let folder_input: NodeRef<leptos::html::Input> = NodeRef::new();

    // `webkitdirectory` has no view-macro attribute; set it on the element once it exists.
    Effect::new(move |_| {
        if let Some(input) = folder_input.get() {
            input.set_webkitdirectory(true);
        }
    });

    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(data) = ev.data_transfer() else { return };
        // Items must be taken now: the browser empties the DataTransfer after this handler.
        let items = read::drop_items(&data);
        if items.is_empty() {
            return;
        }
        run(phase, tr!(lang.get_untracked(), "drop-what-dropped"), move |progress| async move {
            read::gather_dropped(items, &*progress).await
        });
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files = read::files_of(&list);
        input.set_value("");
        run(phase, tr!(lang.get_untracked(), "drop-what-files"), move |_| async move {
            Ok(read::gather_picked_files(files))
        });
    };
    let on_folder = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files = read::files_of(&list);
        input.set_value("");
        run(phase, tr!(lang.get_untracked(), "drop-what-folder"), move |_| async move {
            Ok(read::gather_picked_folder(files))
        });
    };
    let on_example = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(example) = Example::find(&id) {
            let jobs = vec![Job::Example { id: example.id.into() }];
            run(phase, example.label.into(), move |_| async move { Ok(Batch { jobs, files: Vec::new() }) });
        }
    };

    view! {
        <section
            class="dropzone"
            class:dragging=move || dragging.get()
            aria-labelledby="drop-title"
            on:dragenter=move |ev: DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragover=move |ev: DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="drop-icon" aria-hidden="true">"⇣"</div>
            <h2 id="drop-title">{move || tr!(lang.get(), "drop-title")}</h2>
            <p class="drop-hint">{move || view! { <Rich text=tr!(lang.get(), "drop-hint") /> }}</p>
            <div class="drop-actions">
                <button type="button" class="primary" on:click=move |_| { if let Some(i) = file_input.get() { i.click(); } }>
                    {move || tr!(lang.get(), "drop-choose-file")}
                </button>
                <button type="button" on:click=move |_| { if let Some(i) = folder_input.get() { i.click(); } }>
                    {move || tr!(lang.get(), "drop-choose-folder")}
                </button>
                <label class="example-picker">
                    <span>{move || tr!(lang.get(), "drop-example-label")}</span>
                    <select id="example" on:change=on_example>
                        <option value="" selected>{move || tr!(lang.get(), "drop-example-choose")}</option>
                        {EXAMPLES.iter().map(|e| view! { <option value=e.id title=e.note>{e.label}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <input
                id="file-input"
                class="visually-hidden"
                type="file"
                multiple
                aria-label=move || tr!(lang.get(), "drop-input-files")
                node_ref=file_input
                on:change=on_files
            />
            <input
                id="folder-input"
                class="visually-hidden"
                type="file"
                aria-label=move || tr!(lang.get(), "drop-input-folder")
                node_ref=folder_input
                on:change=on_folder
            />
        </section>
    }
}
