//! The checking worker's side (`src/bin/extcheck-worker.rs` calls [`start`]): it receives
//! [`Request`]s from the page; for a check, it reads the `File` objects synchronously
//! (`FileReaderSync`), inflates archives, checks every input with the core, keeps the reports
//! in the [`Session`] and posts back their view models (see [`crate::wire`]), with progress
//! messages as it goes; every other request is the session's. Nothing here touches the DOM.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use crate::browser::read::{FileSource, describe, read_jobs};
use crate::session::{Reply, Session};
use crate::wire::{Job, Progress, Request};

/// Installs the message handler. Messages that arrive while the wasm loads are queued by
/// `worker.js` and replayed once this has run.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| handle(&reply, &ev.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// The files of one message, read with `FileReaderSync`.
struct Files(Vec<File>);

impl FileSource for Files {
    fn size(&self, index: usize) -> u64 {
        self.0.get(index).map_or(0, |f| f.size() as u64)
    }

    fn bytes(&self, index: usize) -> Result<Vec<u8>, String> {
        let file = self.0.get(index).ok_or("a job names a file that was not sent")?;
        let reader = FileReaderSync::new().map_err(describe)?;
        let buffer = reader.read_as_array_buffer(file).map_err(describe)?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, parts: &[JsValue], transfer: Option<&JsValue>) {
    let message = parts.iter().collect::<Array>();
    let _ = match transfer {
        Some(buffer) => scope.post_message_with_transfer(&message, &Array::of1(buffer)),
        None => scope.post_message(&message),
    };
}

thread_local! {
    /// The session: the packages of the last check with their bytes.
    static SESSION: std::cell::RefCell<Session> = std::cell::RefCell::new(Session::default());
}

fn handle(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let message = Array::from(data);
    let id = message.get(0);
    let header = message.get(1).as_string().unwrap_or_default();
    let result = serde_json::from_str::<Request>(&header)
        .map_err(|e| format!("the page sent a malformed request: {e}"))
        .and_then(|request| match request {
            Request::Check { jobs, lang } => {
                let files = Files(Array::from(&message.get(2)).iter().map(JsCast::unchecked_into).collect());
                check(scope, &id, jobs, lang, &files)
            }
            other => SESSION.with_borrow_mut(|s| s.handle(other)),
        });
    match result {
        Ok((json, Some(bytes))) => {
            let bytes = Uint8Array::from(bytes.as_slice());
            post(scope, &["done".into(), id, json.into(), bytes.clone().into()], Some(&bytes.buffer().into()));
        }
        Ok((json, None)) => post(scope, &["done".into(), id, json.into(), JsValue::NULL], None),
        Err(message) => post(scope, &["failed".into(), id, message.into()], None),
    }
}

/// Reads and checks `jobs`, posting progress, and makes the reports the session.
fn check(
    scope: &DedicatedWorkerGlobalScope,
    id: &JsValue,
    jobs: Vec<Job>,
    lang: extcheck_core::i18n::Lang,
    files: &Files,
) -> Result<Reply, String> {
    let progress = |stage: &str, what: &str, files: usize, total: usize, bytes: u64| {
        let p = Progress { stage: stage.into(), what: what.into(), files, total, bytes };
        let json = serde_json::to_string(&p).unwrap_or_default();
        post(scope, &["progress".into(), id.clone(), json.into()], None);
    };
    let inputs = read_jobs(jobs, files, &progress)?;
    let reports = inputs
        .into_iter()
        .map(|input| {
            let count = input.read.package.as_ref().map_or(0, |p| p.files.len());
            progress("checking", &input.name, count, count, 0);
            // An `extcheck.toml` in a dropped folder applies, as the CLI applies it on disk.
            extcheck_core::config::check_in_tree(&input.name, input.read)
        })
        .collect();
    let models = SESSION.with_borrow_mut(|s| {
        s.lang = lang;
        s.checked(reports)
    });
    Ok((serde_json::to_string(&models).unwrap_or_default(), None))
}
