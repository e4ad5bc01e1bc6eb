//! How the extension appears on the Extensions page (rancher.md §5): RC006, RC013, RC023–RC026,
//! RC029 and RC030 — annotation values and the card's fields.

use super::annotations::{Annotation, UI_EXTENSIONS_HOST};
use super::manifest::Manifest;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::Ctx;

/// The card cuts descriptions at this many characters (`MAX_DESCRIPTION_LENGTH`).
pub const MAX_DESCRIPTION_CHARS: usize = 200;

/// Old `@rancher/shell` template defaults that hide the extension on the Rancher it targets
/// (rancher.md §2 "Template Chart.yaml", §6.13), with the template that shipped them.
const OLD_DEFAULTS: [(&str, &str, &str); 5] = [
    ("catalog.cattle.io/rancher-version", ">= 2.7.0-0 < 2.8.0-0", "the v2.7.5 template"),
    ("catalog.cattle.io/rancher-version", ">= 2.7.0-0 < 2.9.0-0", "the v2.8/v2.9 templates and shell-pkg 2.0.1/3.0.0"),
    ("catalog.cattle.io/kube-version", ">= 1.16.0-0 < 1.28.0-0", "the v2.7.5 template"),
    ("catalog.cattle.io/kube-version", ">= 1.16.0-0 < 1.29.0-0", "shell-pkg 2.0.1"),
    ("catalog.cattle.io/kube-version", "< 1.29.0-0", "the v2.8/v2.9 templates"),
];

/// Runs the listing rules on the package's manifest.
pub fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(manifest) = Manifest::of(ctx) else { return };
    let list = manifest.annotations();
    for a in &list {
        value_types(&manifest, a, out);
        host(&manifest, a, out);
        hidden(&manifest, a, out);
        old_default(&manifest, a, out);
    }
    icon(&manifest, out);
    // A package.json whose `rancher` is not an object has no annotations at all: RC005 says so.
    if manifest.has_annotations_container() {
        display_name(&manifest, &list, out);
    }
    description(&manifest, out);
}

/// RC006: an annotation value that is not a string. Helm types annotations `map[string]string`,
/// so a JSON `true` in package.json breaks `helm package` (inferred from the type, rancher.md
/// §1); a map or list breaks any chart.
fn value_types(manifest: &Manifest<'_>, a: &Annotation, out: &mut Vec<Diagnostic>) {
    if a.value.is_some() {
        return;
    }
    let file = manifest.file();
    let raw = file.slice(a.value_span);
    let scalar = !raw.starts_with(['{', '[']) && !raw.contains('\n');
    let mut d = file.diag(
        "RC006",
        Severity::Error,
        a.value_span,
        crate::msg!("rc006-message", key = a.key, value = raw.lines().next().unwrap_or("")),
        crate::msg!("rc006-help"),
    );
    if scalar && !raw.is_empty() && raw != "null" {
        d = d.with_fix(Fix::safe(format!("Write `\"{raw}\"`"), vec![manifest.stringify(a.value_span)]));
    }
    out.push(d);
}

/// RC013: `catalog.cattle.io/ui-extensions-host`. On Rancher 2.10+ the Extensions page checks it
/// with `semver.satisfies('rancher-manager', value)`, which is always false, so every version
/// is marked not installable (rancher.md §3 Gate B, "Bug found in the code").
fn host(manifest: &Manifest<'_>, a: &Annotation, out: &mut Vec<Diagnostic>) {
    if a.key != UI_EXTENSIONS_HOST {
        return;
    }
    let value = a.value.as_deref().unwrap_or("");
    let (severity, extra) = if value == "rancher-manager" {
        (Severity::Warning, String::new())
    } else {
        (
            Severity::Error,
            format!(
                " The only host Rancher accepts is `rancher-manager`, and `{value}` also fails the load-time check."
            ),
        )
    };
    let mut d = manifest.file().diag(
        "RC013",
        severity,
        a.key_span,
        crate::msg!("rc013-message", key = UI_EXTENSIONS_HOST, value),
        crate::msg!("rc013-help", extra),
    );
    if let Some(edit) = manifest.remove_annotation(&a.key) {
        d = d.with_fix(Fix::unsafe_(format!("Remove `{UI_EXTENSIONS_HOST}`"), vec![edit]));
    }
    out.push(d);
}

/// RC029: `catalog.cattle.io/hidden: "true"` hides the whole card.
fn hidden(manifest: &Manifest<'_>, a: &Annotation, out: &mut Vec<Diagnostic>) {
    if a.key == "catalog.cattle.io/hidden" && a.value.as_deref() == Some("true") {
        out.push(manifest.file().diag(
            "RC029",
            Severity::Warning,
            a.key_span,
            crate::msg!("rc029-message"),
            crate::msg!("rc029-help"),
        ));
    }
}

/// RC030: an annotation equal to an old shell template default that hides the extension on the
/// Rancher it targets (rancher.md §2, §6.13).
fn old_default(manifest: &Manifest<'_>, a: &Annotation, out: &mut Vec<Diagnostic>) {
    let Some(value) = a.value.as_deref() else { return };
    let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((_, _, origin)) = OLD_DEFAULTS.iter().find(|(k, v, _)| *k == a.key && normal(v) == normal(value)) else {
        return;
    };
    out.push(manifest.file().diag(
        "RC030",
        Severity::Info,
        a.value_span,
        crate::msg!("rc030-message", key = a.key, value, origin),
        crate::msg!("rc030-help"),
    ));
}

/// RC023: no icon, so the card shows the generic one.
fn icon(manifest: &Manifest<'_>, out: &mut Vec<Diagnostic>) {
    if manifest.string("icon").is_some_and(|(i, _)| !i.is_empty()) {
        return;
    }
    let field = match manifest {
        Manifest::PackageJson(_) => {
            "package.json has no `icon`, so the publish script deletes the template's icon and the chart has none"
        }
        Manifest::ChartYaml(_) => "Chart.yaml has no `icon`",
    };
    out.push(manifest.file().diag(
        "RC023",
        Severity::Warning,
        manifest.anchor(),
        crate::msg!("rc023-message", field),
        crate::msg!("rc023-help"),
    ));
}

/// RC025: no `catalog.cattle.io/display-name`: the card shows the chart name.
fn display_name(manifest: &Manifest<'_>, list: &[Annotation], out: &mut Vec<Diagnostic>) {
    if list
        .iter()
        .any(|a| a.key == "catalog.cattle.io/display-name" && a.value.as_deref().is_some_and(|v| !v.is_empty()))
    {
        return;
    }
    out.push(manifest.file().diag(
        "RC025",
        Severity::Info,
        manifest.anchor(),
        crate::msg!("rc025-message"),
        crate::msg!("rc025-help"),
    ));
}

/// RC026: a description longer than the card shows, or with `"` (removed by the publish script).
fn description(manifest: &Manifest<'_>, out: &mut Vec<Diagnostic>) {
    let Some((text, span)) = manifest.string("description") else { return };
    let chars = text.chars().count();
    let mut problems = Vec::new();
    if chars > MAX_DESCRIPTION_CHARS {
        problems.push(format!(
            "it is {chars} characters long and the card cuts it at {MAX_DESCRIPTION_CHARS} (plus \" ...\")"
        ));
    }
    if matches!(manifest, Manifest::PackageJson(_)) && text.contains('"') {
        problems.push("it contains `\"`, which the publish script removes (`tr -d '\"'`)".to_string());
    }
    if problems.is_empty() {
        return;
    }
    out.push(manifest.file().diag(
        "RC026",
        Severity::Info,
        span,
        crate::msg!("rc026-message", problems = problems.join("; ")),
        crate::msg!("rc026-help"),
    ));
}
