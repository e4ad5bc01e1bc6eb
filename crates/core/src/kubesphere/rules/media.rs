//! The icon and screenshots (kubesphere.md §1.5): KS020–KS024.
//!
//! Both ksbuilder and ks-core treat a value as a URL when it starts with `http://`,
//! `https://` or `data:image`; anything else is a path relative to the extension root, with a
//! leading `./` stripped. ks-core reads the icon from the chart's files, which exclude
//! `templates/` and `charts/`; the console shows screenshots from the package files or from
//! http(s) URLs and silently drops `data:` URLs and missing files.

use super::{field, string_field};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::rules::{Ctx, YamlFile};
use crate::syntax::yaml::{self, Node, ScalarStyle};

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
    icon_file(ctx, file, root, out);
    screenshots(ctx, file, root, out);
}

/// KS020: a local `icon` must exist in the package (kubesphere.md §1.5; `ksbuilder package`
/// fails with "no such file or directory").
fn icon_file(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some((icon, node)) = string_field(root, "icon") else {
        return;
    };
    if is_url(icon) {
        return;
    }
    if icon.starts_with("data:") {
        out.push(file.file.diag(
            "KS022",
            Severity::Warning,
            node.span,
            format!("`icon` is a `data:` URL of `{}`, not an image", icon.split([';', ',']).next().unwrap_or(icon)),
            "Only `data:image/...` URLs are treated as images; anything else is read as a file path. Use an image data URL, an http(s) URL, or a file in the package.",
        ));
        return;
    }
    let path = icon.trim_start_matches("./");
    if ctx.package.contains(path) {
        icon_placement(file, node, icon, path, out);
        return;
    }
    let candidates: Vec<&str> = ctx
        .package
        .files
        .keys()
        .map(String::as_str)
        .filter(|p| !p.starts_with("charts/") && !p.starts_with("templates/"))
        .filter(|p| is_image_path(p))
        .collect();
    // In a source folder `ksbuilder package` fails (no package to offer: an error); in a packaged
    // extension (Chart.yaml beside extension.yaml) ksbuilder is past and ks-core keeps the path:
    // only the card's image is broken (a warning).
    let packaged = ctx.package.contains("Chart.yaml");
    let mut d = file.file.diag(
        "KS020",
        if packaged { Severity::Warning } else { Severity::Error },
        node.span,
        format!("`icon: {icon}` names a file that is not in the package"),
        "`ksbuilder package` fails with \"no such file or directory\", and a package built by hand shows a broken image in the console (it is still listed and installs). Point `icon` at an image inside the package (outside `templates/` and `charts/`) or at an http(s) URL.",
    );
    if let [only] = candidates.as_slice() {
        let value = format!("./{only}");
        let token = yaml::scalar_token(&value, node.style().unwrap_or(ScalarStyle::Plain));
        d = d.with_fix(Fix::unsafe_(
            format!("Point `icon` at `{value}`, the only image in the package"),
            vec![file.file.edit(node.span, token)],
        ));
    }
    out.push(d);
}

/// KS021 (the icon is under `templates/` or `charts/`, where ks-core cannot read it) and KS022
/// (the icon file is not an image).
fn icon_placement(file: &YamlFile<'_>, node: &Node, icon: &str, path: &str, out: &mut Vec<Diagnostic>) {
    if path.starts_with("templates/") || path.starts_with("charts/") {
        out.push(file.file.diag(
            "KS021",
            Severity::Warning,
            node.span,
            format!("`icon: {icon}` sits under `{}/`, where ks-core does not look", path.split('/').next().unwrap_or("")),
            "ks-core looks the icon up among the chart's files, which exclude `templates/` and `charts/`: the path is kept as is and the console shows a broken image on the card. The extension is still listed and installs. Move the icon to e.g. `static/` and point `icon` there.",
        ));
    } else if !is_image_path(path) {
        out.push(file.file.diag(
            "KS022",
            Severity::Warning,
            node.span,
            format!("`icon: {icon}` is not an image file"),
            "The console shows the icon with `<img>` in a 48×48 box; use an SVG, PNG, JPEG, GIF or WebP file (`.svg .png .jpg .jpeg .gif .webp`).",
        ));
    }
}

/// KS022 for a URL icon that is a `data:` URL of something other than an image is covered by
/// [`is_url`] (only `data:image` counts as a URL); KS023 (a local screenshot is missing) and
/// KS024 (a screenshot is a `data:` URL, which the console drops).
fn screenshots(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "screenshots") else { return };
    for item in entry.value.items() {
        let Some(value) = item.as_str().filter(|v| !v.is_empty()) else { continue };
        if value.starts_with("data:") {
            out.push(file.file.diag(
                "KS024",
                Severity::Warning,
                item.span,
                format!("Screenshot `{}` is a `data:` URL", shorten(value)),
                "The console shows screenshots from http(s) URLs or from files in the package and silently drops `data:` URLs. Put the image in the package (e.g. `static/screenshot-1.png`) or host it.",
            ));
        } else if !value.starts_with("http://") && !value.starts_with("https://") {
            let path = value.trim_start_matches("./");
            if !ctx.package.contains(path) {
                out.push(file.file.diag(
                    "KS023",
                    Severity::Warning,
                    item.span,
                    format!("Screenshot `{value}` is not in the package"),
                    "The console looks local screenshots up among the package files and silently drops missing ones (and `ksbuilder push` cannot upload it). Add the file or fix the path.",
                ));
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
