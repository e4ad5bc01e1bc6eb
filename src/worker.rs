//! The checking worker's side (`src/bin/extcheck-worker.rs` calls [`start`]): it receives jobs
//! and `File` objects from the page, reads them synchronously (`FileReaderSync`), inflates
//! archives, checks every input with the core, and posts back the reports (see [`crate::wire`]),
//! with progress messages as it goes. Nothing here touches the DOM.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use crate::browser::read::{FileSource, describe, read_jobs};
use crate::wire::{Job, Progress, encode};

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

fn handle(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let message = Array::from(data);
    let id = message.get(0);
    let header = message.get(1).as_string().unwrap_or_default();
    let files = Files(Array::from(&message.get(2)).iter().map(JsCast::unchecked_into).collect());
    let progress = |stage: &str, what: &str, files: usize, total: usize, bytes: u64| {
        let p = Progress { stage: stage.into(), what: what.into(), files, total, bytes };
        let json = serde_json::to_string(&p).unwrap_or_default();
        post(scope, &["progress".into(), id.clone(), json.into()], None);
    };
    let result = serde_json::from_str::<Vec<Job>>(&header)
        .map_err(|e| format!("the page sent a malformed request: {e}"))
        .and_then(|jobs| read_jobs(jobs, &files, &progress))
        .map(|inputs| {
            let reports = inputs
                .into_iter()
                .map(|input| {
                    let count = input.read.package.as_ref().map_or(0, |p| p.files.len());
                    progress("checking", &input.name, count, count, 0);
                    // An `extcheck.toml` in a dropped folder applies, as the CLI applies it on disk.
                    extcheck_core::config::check_in_tree(&input.name, input.read)
                })
                .collect();
            encode(reports)
        });
    match result {
        Ok((wire, bytes)) => {
            let json = serde_json::to_string(&wire).unwrap_or_default();
            let bytes = Uint8Array::from(bytes.as_slice());
            post(scope, &["done".into(), id, json.into(), bytes.clone().into()], Some(&bytes.buffer().into()));
        }
        Err(message) => post(scope, &["failed".into(), id, message.into()], None),
    }
}
