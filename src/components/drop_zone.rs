//! The drop zone: drag and drop of files and folders, a file picker, a folder picker, and the
//! embedded examples. It only dispatches: reading is in `browser::read`, checking in the core.

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};

use crate::app::{Phase, check_all};
use crate::browser::examples::{EXAMPLES, Example};
use crate::browser::read::{self, Input};

/// Runs a read, showing progress, then checks what was read.
fn run<F, Fut>(phase: RwSignal<Phase>, what: String, read: F)
where
    F: FnOnce(Box<dyn Fn(usize, usize)>) -> Fut + 'static,
    Fut: Future<Output = Result<Vec<Input>, String>> + 'static,
{
    phase.set(Phase::Reading { what: what.clone(), done: 0, total: 0 });
    spawn_local(async move {
        let label = what.clone();
        let progress = Box::new(move |done, total| phase.set(Phase::Reading { what: label.clone(), done, total }));
        match read(progress).await {
            Ok(inputs) if inputs.is_empty() => phase.set(Phase::Idle),
            Ok(inputs) => {
                let files = inputs.iter().map(|i| i.read.package.as_ref().map_or(0, |p| p.files.len())).sum();
                phase.set(Phase::Checking { what, files });
                // Checking is synchronous: let the browser paint the "Checking" state first.
                next_paint().await;
                phase.set(Phase::Checked(Arc::new(check_all(inputs))));
            }
            Err(message) => phase.set(Phase::Failed(message)),
        }
    });
}

/// Resolves after the browser has had the chance to render and paint (a frame, then a task).
async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = window();
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = web_sys::window().map(|w| w.request_animation_frame(after_frame.unchecked_ref()));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Drop target, pickers and examples.
#[component]
pub fn DropZone(phase: RwSignal<Phase>) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let folder_input: NodeRef<leptos::html::Input> = NodeRef::new();

    // `webkitdirectory` has no view-macro attribute; set it on the element once it exists.
    Effect::new(move |_| {
        if let Some(input) = folder_input.get() {
            input.set_webkitdirectory(true);
        }
    });

    let on_drop =
        move |ev: DragEvent| {
            ev.prevent_default();
            dragging.set(false);
            let Some(data) = ev.data_transfer() else { return };
            // Items must be taken now: the browser empties the DataTransfer after this handler.
            let items = read::drop_items(&data);
            if items.is_empty() {
                return;
            }
            run(phase, "the dropped items".into(), move |progress| async move {
                read::read_dropped(items, &*progress).await
            });
        };
    let on_files = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files = read::files_of(&list);
        input.set_value("");
        run(phase, "the chosen files".into(), move |progress| async move {
            read::read_picked_files(files, &*progress).await
        });
    };
    let on_folder = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files = read::files_of(&list);
        input.set_value("");
        run(phase, "the chosen folder".into(), move |progress| async move {
            read::read_picked_folder(files, &*progress).await
        });
    };
    let on_example = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(example) = Example::find(&id) {
            run(phase, example.label.into(), move |_| async move {
                let (name, read) = example.read();
                Ok(vec![Input { name, read }])
            });
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
            <h2 id="drop-title">"Drop a package here"</h2>
            <p class="drop-hint">
                "A KubeSphere extension folder or " <code>".tgz"</code> ", a Rancher " <code>"pkg/<name>"</code>
                " folder, chart or plugin archive, or a single " <code>"extension.yaml"</code> ", "
                <code>"package.json"</code> " or " <code>"Chart.yaml"</code> "."
            </p>
            <div class="drop-actions">
                <button type="button" class="primary" on:click=move |_| { if let Some(i) = file_input.get() { i.click(); } }>
                    "Choose file…"
                </button>
                <button type="button" on:click=move |_| { if let Some(i) = folder_input.get() { i.click(); } }>
                    "Choose folder…"
                </button>
                <label class="example-picker">
                    <span>"or try an example"</span>
                    <select id="example" on:change=on_example>
                        <option value="" selected>"Choose an example…"</option>
                        {EXAMPLES.iter().map(|e| view! { <option value=e.id title=e.note>{e.label}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <input
                id="file-input"
                class="visually-hidden"
                type="file"
                multiple
                aria-label="Choose package files"
                node_ref=file_input
                on:change=on_files
            />
            <input
                id="folder-input"
                class="visually-hidden"
                type="file"
                aria-label="Choose a package folder"
                node_ref=folder_input
                on:change=on_folder
            />
        </section>
    }
}
