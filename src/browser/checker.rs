//! The page's side of the checking worker: starts it from `worker.js` (a same-origin file next
//! to the page, so the CSP's `worker-src 'self'` admits it from any sub-path and offline), sends
//! it a [`Batch`], relays its progress, and turns its reply back into reports. One request runs
//! at a time; [`cancel`] terminates the worker (a new one starts with the next request).

use std::cell::RefCell;

use extcheck_core::Report;
use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::browser::read::Batch;
use crate::wire::{Progress, WireReport, decode};

/// The running request: its id, the progress callback and the promise's resolve function.
struct Pending {
    id: u32,
    progress: Box<dyn Fn(Progress)>,
    resolve: Function,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
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
    Ok(worker)
}

/// Stops the running request, if any: the worker is terminated and the request's future
/// resolves to `Err("cancelled")`.
pub fn cancel() {
    if let Some(worker) = WORKER.take() {
        worker.terminate();
    }
    finish(None, Array::of2(&"failed".into(), &"cancelled".into()));
}

/// Resolves the pending request with `message` (when `id` is `None` or matches).
fn finish(id: Option<u32>, message: Array) {
    let pending = PENDING.with_borrow_mut(|p| {
        let current = p.as_ref().is_some_and(|c| id.is_none_or(|id| id == c.id));
        if current { p.take() } else { None }
    });
    if let Some(pending) = pending {
        let _ = pending.resolve.call1(&JsValue::NULL, &message);
    }
}

fn on_message(ev: MessageEvent) {
    let message = Array::from(&ev.data());
    let kind = message.get(0).as_string().unwrap_or_default();
    let id = message.get(1).as_f64().map(|n| n as u32);
    if kind == "progress" {
        let progress: Option<Progress> = message.get(2).as_string().and_then(|s| serde_json::from_str(&s).ok());
        PENDING.with_borrow(|p| {
            if let (Some(p), Some(progress)) = (p, progress)
                && Some(p.id) == id
            {
                (p.progress)(progress);
            }
        });
    } else if let Some(id) = id {
        finish(Some(id), message);
    }
}

/// Checks `batch` in the worker; `progress` is called as it reads, inflates and checks.
/// Errors: the worker could not start or failed, the request was cancelled (`"cancelled"`), or
/// a reply was malformed.
pub async fn check(batch: Batch, progress: impl Fn(Progress) + 'static) -> Result<Vec<Report>, String> {
    cancel_quietly();
    let worker = warm_up()?;
    let id = NEXT_ID.with_borrow_mut(|n| {
        *n += 1;
        *n
    });
    let header = serde_json::to_string(&batch.jobs).map_err(|e| e.to_string())?;
    let files: Array = batch.files.iter().collect();
    let mut progress: Option<Box<dyn Fn(Progress)>> = Some(Box::new(progress));
    let reply = Promise::new(&mut |resolve, _| {
        if let Some(progress) = progress.take() {
            PENDING.set(Some(Pending { id, progress, resolve }));
        }
    });
    worker.post_message(&Array::of3(&id.into(), &header.into(), &files)).map_err(crate::browser::read::describe)?;
    let message = Array::from(&JsFuture::from(reply).await.map_err(crate::browser::read::describe)?);
    match message.get(0).as_string().as_deref() {
        Some("done") => {
            let wire: Vec<WireReport> = serde_json::from_str(&message.get(2).as_string().unwrap_or_default())
                .map_err(|e| format!("the checking engine's reply is malformed: {e}"))?;
            let bytes: Uint8Array = message.get(3).unchecked_into();
            decode(wire, bytes.length() as usize, |start, end| bytes.subarray(start as u32, end as u32).to_vec())
        }
        _ => Err(message
            .get(message.length().saturating_sub(1))
            .as_string()
            .unwrap_or_else(|| "the checking engine failed".into())),
    }
}

/// A new request replaces a running one: the old one's future resolves as cancelled, but the
/// worker is only restarted if it is busy.
fn cancel_quietly() {
    if PENDING.with_borrow(Option::is_some) {
        cancel();
    }
}
