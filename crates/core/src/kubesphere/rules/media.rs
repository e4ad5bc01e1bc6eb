//! The icon and screenshots (kubesphere.md §1.5): KS020–KS024.
//!
//! Both ksbuilder and ks-core treat a value as a URL when it starts with `http://`,
//! `https://` or `data:image`; anything else is a path relative to the extension root, with a
//! leading `./` stripped. ks-core reads the icon from the chart's files, which exclude
//! `templates/` and `charts/`; the console shows screenshots from the package files or from
//! http(s) URLs and silently drops `data:` URLs and missing files.

use super::{field, string_field};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Ctx, YamlFile};
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
            crate::msg!("ks022-message", media_type = icon.split([';', ',']).next().unwrap_or(icon)),
            crate::msg!("ks022-help"),
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
        crate::msg!("ks020-message", icon),
        crate::msg!("ks020-help"),
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
            crate::msg!("ks021-message", icon, folder = path.split('/').next().unwrap_or("")),
            crate::msg!("ks021-help"),
        ));
    } else if !is_image_path(path) {
        out.push(file.file.diag(
            "KS022",
            Severity::Warning,
            node.span,
            crate::msg!("ks022-message-not-image", icon),
            crate::msg!("ks022-help-not-image"),
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
                crate::msg!("ks024-message", value = shorten(value)),
                crate::msg!("ks024-help"),
            ));
        } else if !value.starts_with("http://") && !value.starts_with("https://") {
            let path = value.trim_start_matches("./");
            if !ctx.package.contains(path) {
                out.push(file.file.diag(
                    "KS023",
                    Severity::Warning,
                    item.span,
                    crate::msg!("ks023-message", value),
                    crate::msg!("ks023-help"),
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
