//! Downloads: bytes offered as a file through a Blob and an object URL (nothing leaves the
//! browser). The caller keeps the URL and revokes it when it is replaced or goes away.

use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// Offers `bytes` (as the checking worker sent them: they are not copied into the wasm) as a
/// download named `file_name`; returns the object URL to revoke later.
pub fn save(file_name: &str, bytes: &js_sys::Uint8Array, media_type: &str) -> Option<String> {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = window().document()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body()?;
    let _ = body.append_child(&anchor);
    anchor.click();
    let _ = body.remove_child(&anchor);
    Some(url)
}
