//! Card previews (PRODUCT.md "Card previews"): the data a page needs to draw the KubeSphere
//! marketplace card and detail page ([`kubesphere`]), the Rancher Extensions-page card in both
//! layouts with its incompatibility message for a chosen Rancher line ([`rancher`]), and a
//! completeness checklist in the spirit of Artifact Hub's `ah lint` ([`checklist`]).
//!
//! Everything here is plain data. Package text is never turned into HTML: titles and
//! descriptions are strings, READMEs are [`crate::markdown::Block`] trees (raw HTML dropped),
//! and images are [`ImageRef`]s that a page shows only through `<img>` with a data or blob URL
//! (SVG in `<img>` runs no script). extcheck makes no network requests, so a remote image is
//! never loaded: [`ImageRef::Remote`] carries the URL for the page to show as text next to a
//! placeholder.

pub mod checklist;
pub mod kubesphere;
pub mod rancher;

use std::collections::BTreeMap;

use base64::Engine as _;
use serde::{Serialize, Serializer};

/// A localized string map, language code → text (KubeSphere `Locales`, kubesphere.md §1.4).
/// Keys are kept as written (`en`, `zh`; ksbuilder rejects `zh-CN`, `tc`).
pub type Locales = BTreeMap<String, String>;

/// An image a card shows, in the form a page can display without fetching anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImageRef {
    /// A file of the package, to be shown through a `blob:` or `data:` URL built from `bytes`
    /// with type `mime`. The MIME type comes from the file extension (`.svg` →
    /// `image/svg+xml`, `.png`, `.jpg`/`.jpeg` → `image/jpeg`, `.gif`, `.webp`); for other
    /// names it is sniffed from the first bytes, else `application/octet-stream` (which a
    /// browser will not draw — as the platform would not either). In JSON, `bytes` is base64.
    Embedded {
        /// MIME type, e.g. `image/svg+xml`.
        mime: String,
        /// The file's bytes.
        #[serde(serialize_with = "base64_bytes")]
        bytes: Vec<u8>,
    },
    /// A `data:image/...` URL from the package, kept exactly as written (only its prefix was
    /// checked: `data:image/` and a `,`).
    DataUrl(String),
    /// An `http://` or `https://` URL. extcheck makes no network requests: the page must not
    /// load it, but show a placeholder and the URL as text.
    Remote(String),
    /// A path that is not in the package (or that the platform does not look at), or a value
    /// no browser can show (a malformed `data:image` URL). The platform shows a broken image;
    /// a preview shows a placeholder and `path`.
    Missing {
        /// The path as looked up (a leading `./` removed), or the raw value.
        path: String,
    },
}

impl ImageRef {
    /// True for [`ImageRef::Embedded`] and [`ImageRef::DataUrl`]: the page can draw it now.
    pub fn is_displayable(&self) -> bool {
        matches!(self, ImageRef::Embedded { .. } | ImageRef::DataUrl(_))
    }

    /// The MIME type of an embedded file or a data URL (`image/png`), if known.
    pub fn mime(&self) -> Option<&str> {
        match self {
            ImageRef::Embedded { mime, .. } => Some(mime),
            ImageRef::DataUrl(url) => url.get(5..).and_then(|rest| rest.split([';', ',']).next()),
            _ => None,
        }
    }
}

fn base64_bytes<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// The MIME type for an image file name, by its extension (any case): `svg`, `png`, `jpg`,
/// `jpeg`, `gif`, `webp`. `None` for anything else.
pub fn mime_for_extension(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    Some(match ext.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    })
}

/// The MIME type of an image file: by extension ([`mime_for_extension`]), else sniffed from
/// the first bytes (PNG, JPEG, GIF, WebP and SVG signatures), else `application/octet-stream`.
pub fn mime_for_file(path: &str, bytes: &[u8]) -> &'static str {
    if let Some(m) = mime_for_extension(path) {
        return m;
    }
    let head = &bytes[..bytes.len().min(512)];
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if head.starts_with(b"\xff\xd8\xff") {
        "image/jpeg"
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        "image/gif"
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        "image/webp"
    } else if String::from_utf8_lossy(head).contains("<svg") {
        "image/svg+xml"
    } else {
        "application/octet-stream"
    }
}

/// True when `value` is a data URL a browser may draw as an image: it starts with
/// `data:image/` (any case, as browsers read the scheme and type) and has the `,` that
/// separates the header from the payload.
pub fn is_image_data_url(value: &str) -> bool {
    value.get(..11).is_some_and(|p| p.eq_ignore_ascii_case("data:image/")) && value.contains(',')
}

/// An [`ImageRef`] for a package file at `path` (already without `./`), or
/// [`ImageRef::Missing`] when `bytes` is `None`.
pub(crate) fn embedded_or_missing(path: &str, bytes: Option<&[u8]>) -> ImageRef {
    match bytes {
        Some(bytes) => ImageRef::Embedded { mime: mime_for_file(path, bytes).to_string(), bytes: bytes.to_vec() },
        None => ImageRef::Missing { path: path.to_string() },
    }
}

/// Classifies an icon value the way ksbuilder and ks-core do (kubesphere.md §1.5): a value
/// starting with `http://` or `https://` is [`ImageRef::Remote`]; one starting with
/// `data:image` is a URL too ([`ImageRef::DataUrl`] when well formed, else
/// [`ImageRef::Missing`]); anything else is a package path with one leading `./` removed,
/// looked up with `lookup`. `None` for an empty value.
pub(crate) fn classify_image<'a>(value: &str, lookup: impl Fn(&str) -> Option<&'a [u8]>) -> Option<ImageRef> {
    if value.is_empty() {
        return None;
    }
    if value.starts_with("http://") || value.starts_with("https://") {
        return Some(ImageRef::Remote(value.to_string()));
    }
    if value.starts_with("data:image") {
        return Some(if is_image_data_url(value) {
            ImageRef::DataUrl(value.to_string())
        } else {
            ImageRef::Missing { path: value.to_string() }
        });
    }
    let path = value.strip_prefix("./").unwrap_or(value);
    Some(embedded_or_missing(path, lookup(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_types_by_extension_and_content() {
        assert_eq!(mime_for_extension("static/favicon.SVG"), Some("image/svg+xml"));
        assert_eq!(mime_for_extension("a.jpeg"), Some("image/jpeg"));
        assert_eq!(mime_for_extension("a.jpg"), Some("image/jpeg"));
        assert_eq!(mime_for_extension("a.webp"), Some("image/webp"));
        assert_eq!(mime_for_extension("a.ico"), None);
        assert_eq!(mime_for_extension("noext"), None);
        assert_eq!(mime_for_file("icon", b"\x89PNG\r\n\x1a\nrest"), "image/png");
        assert_eq!(mime_for_file("icon", b"<?xml version=\"1.0\"?><svg/>"), "image/svg+xml");
        assert_eq!(mime_for_file("icon", b"RIFF\0\0\0\0WEBPVP8 "), "image/webp");
        assert_eq!(mime_for_file("icon.txt", b"hello"), "application/octet-stream");
        assert_eq!(mime_for_file("icon", b""), "application/octet-stream");
    }

    #[test]
    fn data_urls_are_checked_by_prefix() {
        assert!(is_image_data_url("data:image/svg+xml;base64,PHN2Zz4="));
        assert!(is_image_data_url("DATA:IMAGE/png,abc"));
        assert!(!is_image_data_url("data:image/png;base64"));
        assert!(!is_image_data_url("data:text/html,<script>"));
        assert!(!is_image_data_url("data:imag"));
        assert!(!is_image_data_url("dátá:image/png,x"));
    }

    #[test]
    fn classification_follows_ksbuilder_and_ks_core() {
        let files = |p: &str| (p == "static/icon.png").then_some(&b"\x89PNG\r\n\x1a\n"[..]);
        assert_eq!(classify_image("", files), None);
        assert_eq!(classify_image("https://x/i.svg", files), Some(ImageRef::Remote("https://x/i.svg".into())));
        assert_eq!(classify_image("data:image/png,AA", files), Some(ImageRef::DataUrl("data:image/png,AA".into())));
        assert_eq!(classify_image("data:imagery", files), Some(ImageRef::Missing { path: "data:imagery".into() }));
        // Not a URL to ksbuilder or ks-core: read as a path.
        assert_eq!(
            classify_image("data:text/plain,x", files),
            Some(ImageRef::Missing { path: "data:text/plain,x".into() })
        );
        let found = classify_image("./static/icon.png", files).unwrap();
        assert_eq!(found.mime(), Some("image/png"));
        assert!(found.is_displayable());
        // Only one `./` is stripped (`strings.TrimPrefix`).
        assert_eq!(
            classify_image("././static/icon.png", files),
            Some(ImageRef::Missing { path: "./static/icon.png".into() })
        );
    }

    #[test]
    fn embedded_bytes_serialize_as_base64() {
        let json = serde_json::to_value(ImageRef::Embedded { mime: "image/png".into(), bytes: vec![1, 2, 3] }).unwrap();
        assert_eq!(json, serde_json::json!({"embedded": {"mime": "image/png", "bytes": "AQID"}}));
        let json = serde_json::to_value(ImageRef::Remote("https://a".into())).unwrap();
        assert_eq!(json, serde_json::json!({"remote": "https://a"}));
        assert_eq!(ImageRef::DataUrl("data:image/gif;base64,R0".into()).mime(), Some("image/gif"));
    }
}
