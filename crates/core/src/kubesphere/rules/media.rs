//! The icon and screenshots (kubesphere.md §1.5): what KS020–KS024 share, and the walk that
//! runs them (each rule's declaration and finding type is in its own file).
//!
//! Both ksbuilder and ks-core treat a value as a URL when it starts with `http://`,
//! `https://` or `data:image`; anything else is a path relative to the extension root, with a
//! leading `./` stripped. ks-core reads the icon from the chart's files, which exclude
//! `templates/` and `charts/`; the console shows screenshots from the package files or from
//! http(s) URLs and silently drops `data:` URLs and missing files.

use super::{field, ks020, ks021, ks022, ks023, ks024, string_field};
use crate::diagnostic::Diagnostic;
use crate::document::{Ctx, YamlFile};
use crate::syntax::yaml::Node;

/// True when an icon or screenshot value is a URL rather than a package path (ksbuilder
/// `IsLocalFile`, ks-core `util.go`).
pub fn is_url(value: &str) -> bool {
    value.starts_with("http://") || value.starts_with("https://") || value.starts_with("data:image")
}

/// Image file extensions the console can show through `<img>`.
pub const IMAGE_EXTENSIONS: [&str; 6] = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"];

/// True when `path` ends with an image extension (any case).
pub fn is_image_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    IMAGE_EXTENSIONS.iter().any(|ext| lower.ends_with(ext))
}

/// Runs KS020–KS024 (needs the whole package).
pub(super) fn check(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    icon(ctx, file, root, out);
    screenshots(ctx, file, root, out);
}

/// KS020 (a local icon is missing), KS021 (it is under `templates/` or `charts/`, where ks-core
/// cannot read it) and KS022 (it is not an image).
fn icon(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some((icon, node)) = string_field(root, "icon") else {
        return;
    };
    if is_url(icon) {
        return;
    }
    if icon.starts_with("data:") {
        let media_type = icon.split([';', ',']).next().unwrap_or(icon);
        out.push(file.file.report(&ks022::NotImage::DataUrl { media_type }, node.span));
        return;
    }
    let path = icon.trim_start_matches("./");
    if !ctx.package.contains(path) {
        ks020::check(ctx, file, node, icon, out);
    } else if path.starts_with("templates/") || path.starts_with("charts/") {
        let folder = path.split('/').next().unwrap_or("");
        out.push(file.file.report(&ks021::IconFolder { icon, folder }, node.span));
    } else if !is_image_path(path) {
        out.push(file.file.report(&ks022::NotImage::File { icon }, node.span));
    }
}

/// KS023 (a local screenshot is missing) and KS024 (a screenshot is a `data:` URL, which the
/// console drops).
fn screenshots(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "screenshots") else { return };
    for item in entry.value.items() {
        let Some(value) = item.as_str().filter(|v| !v.is_empty()) else { continue };
        if value.starts_with("data:") {
            out.push(file.file.report(&ks024::DataScreenshot { value: shorten(value) }, item.span));
        } else if !value.starts_with("http://") && !value.starts_with("https://") {
            let path = value.trim_start_matches("./");
            if !ctx.package.contains(path) {
                out.push(file.file.report(&ks023::MissingScreenshot { value }, item.span));
            }
        }
    }
}

/// The first 48 characters of a long value, with `…`.
fn shorten(value: &str) -> String {
    if value.chars().count() > 48 {
        format!("{}…", value.chars().take(48).collect::<String>())
    } else {
        value.to_string()
    }
}
