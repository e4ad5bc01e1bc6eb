//! The page's side of the checking worker: starts it from `worker.js` (a same-origin file next
//! to the page, so the CSP's `worker-src 'self'` admits it from any sub-path and offline), sends
//! it [`Request`]s, relays a check's progress, and decodes the replies (see [`crate::wire`]).
//! The worker answers requests in order; a new check cancels a running one, and [`cancel`]
//! terminates the worker (a new one starts with the next request, with an empty session).

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::browser::read::Batch;
use crate::i18n::Lang;
use crate::wire::{PackageModel, Progress, Request};

/// A request waiting for its reply: its id, the progress callback (checks only) and the
/// promise's resolve function.
struct Pending {
    id: u32,
    progress: Option<Box<dyn Fn(Progress)>>,
    resolve: Function,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
    /// The page's language, which every new worker is told first.
    static LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// The worker, started on first use. Also called at start-up so that the checking engine loads
/// while the user looks at the page.
pub fn warm_up() -> Result<Worker, String> {
    if let Some(worker) = WORKER.with_borrow(Clone::clone) {
        return Ok(worker);
    }
    let worker = Worker::new("./worker.js").map_err(crate::browser::read::describe)?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|ev: web_sys::ErrorEvent| {
        finish(None, Array::of2(&"failed".into(), &format!("the checking engine failed: {}", ev.message()).into()));
        cancel();
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    WORKER.set(Some(worker.clone()));
    // A new worker (at start-up or after a cancel) starts in English: tell it the page's
    // language before anything else (id 0: nobody waits for the reply).
    let lang = LANG.get();
    if lang != Lang::En
        && let Ok(header) = serde_json::to_string(&Request::Localize { lang })
    {
        let _ = worker.post_message(&Array::of3(&0.into(), &header.into(), &Array::new()));
    }
    Ok(worker)
}

/// Stops the worker: every waiting request's future resolves to `Err("cancelled")`, and the
/// session is gone (the next request starts a new worker).
pub fn cancel() {
    if let Some(worker) = WORKER.take() {
        worker.terminate();
    }
    finish(None, Array::of2(&"failed".into(), &"cancelled".into()));
}

/// Resolves the pending request `id` with `message` (every pending request when `id` is `None`).
fn finish(id: Option<u32>, message: Array) {
    let done: Vec<Pending> = PENDING.with_borrow_mut(|pending| {
        let (done, keep) = std::mem::take(pending).into_iter().partition(|p| id.is_none_or(|id| id == p.id));
        *pending = keep;
        done
    });
    for p in done {
        let _ = p.resolve.call1(&JsValue::NULL, &message);
    }
}

/// Marks `name` on the page's performance timeline (`performance.mark`), so that
/// `scripts/bench-browser` can tell the worker's time from the page's; nothing else reads it.
fn mark(name: &str) {
    let global = js_sys::global();
    if let Ok(performance) = js_sys::Reflect::get(&global, &"performance".into())
        && let Ok(f) = js_sys::Reflect::get(&performance, &"mark".into())
        && let Some(f) = f.dyn_ref::<Function>()
    {
        let _ = f.call1(&performance, &name.into());
    }
}

fn on_message(ev: MessageEvent) {
    let message = Array::from(&ev.data());
    let kind = message.get(0).as_string().unwrap_or_default();
    if kind == "done" {
        mark("extcheck:reply");
    }
    let id = message.get(1).as_f64().map(|n| n as u32);
    if kind == "progress" {
        let progress: Option<Progress> = message.get(2).as_string().and_then(|s| serde_json::from_str(&s).ok());
        PENDING.with_borrow(|pending| {
            if let (Some(p), Some(progress)) = (pending.iter().find(|p| Some(p.id) == id), progress)
                && let Some(f) = &p.progress
            {
                f(progress);
            }
        });
    } else if let Some(id) = id {
        finish(Some(id), message);
    }
}

/// Sends `request` (with `files` for a check) and waits for its reply: the JSON header and the
/// transferred bytes, if any. Errors: the worker could not start or failed, the request was
/// cancelled (`"cancelled"`), or the worker could not answer it (its message).
async fn send(
    request: &Request,
    files: Array,
    progress: Option<Box<dyn Fn(Progress)>>,
) -> Result<(String, Option<Uint8Array>), String> {
    let worker = warm_up()?;
    let id = NEXT_ID.with_borrow_mut(|n| {
        *n += 1;
        *n
    });
    let header = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let mut progress = Some(progress);
    let reply = Promise::new(&mut |resolve, _| {
        if let Some(progress) = progress.take() {
            PENDING.with_borrow_mut(|p| p.push(Pending { id, progress, resolve }));
        }
    });
    worker.post_message(&Array::of3(&id.into(), &header.into(), &files)).map_err(crate::browser::read::describe)?;
    let message = Array::from(&JsFuture::from(reply).await.map_err(crate::browser::read::describe)?);
    match message.get(0).as_string().as_deref() {
        Some("done") => {
            let bytes = message.get(3);
            Ok((message.get(2).as_string().unwrap_or_default(), (!bytes.is_null()).then(|| bytes.unchecked_into())))
        }
        _ => Err(message
            .get(message.length().saturating_sub(1))
            .as_string()
            .unwrap_or_else(|| "the checking engine failed".into())),
    }
}

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| format!("the checking engine's reply is malformed: {e}"))
}

/// Asks the worker `request` and decodes its JSON reply (the type each [`Request`] variant
/// names). Errors as [`check`].
pub async fn ask<T: serde::de::DeserializeOwned>(request: Request) -> Result<T, String> {
    let (json, _) = send(&request, Array::new(), None).await?;
    parse(&json)
}

/// As [`ask`], for the requests whose reply carries bytes.
pub async fn ask_bytes<T: serde::de::DeserializeOwned>(request: Request) -> Result<(T, Uint8Array), String> {
    let (json, bytes) = send(&request, Array::new(), None).await?;
    Ok((parse(&json)?, bytes.unwrap_or_else(|| Uint8Array::new_with_length(0))))
}

/// Checks `batch` in the worker, replacing its session; `progress` is called as it reads,
/// inflates and checks. A running check is cancelled first. Errors: the worker could not start
/// or failed, the request was cancelled (`"cancelled"`), or a reply was malformed.
pub async fn check(batch: Batch, progress: impl Fn(Progress) + 'static) -> Result<Vec<PackageModel>, String> {
    if PENDING.with_borrow(|p| p.iter().any(|p| p.progress.is_some())) {
        cancel();
    }
    let files: Array = batch.files.iter().collect();
    mark("extcheck:sent");
    let request = Request::Check { jobs: batch.jobs, lang: LANG.get() };
    let (json, _) = send(&request, files, Some(Box::new(progress))).await?;
    let models = parse(&json);
    mark("extcheck:decoded");
    models
}

/// Makes `lang` the session's language: the worker re-renders the reports it keeps and answers
/// later requests in it. Returns the session's packages in `lang` (empty before a check).
/// Errors as [`check`].
pub async fn localize(lang: Lang) -> Result<Vec<PackageModel>, String> {
    LANG.set(lang);
    ask(Request::Localize { lang }).await
}
