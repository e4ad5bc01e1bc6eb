//! KubeSphere rules over `extension.yaml` (and the packaged `Chart.yaml` beside it).
//! Sources are cited per rule; section numbers refer to `kubesphere.md`.

use super::iso639;
use crate::diagnostic::{Diagnostic, FileOperation, Fix, Severity};
use crate::document::schema::{self, Strictness};
use crate::document::{Ctx, YamlFile};
use crate::i18n::Message;
use crate::k8s;
use crate::syntax::Span;
use crate::syntax::yaml::{self, Node, ScalarStyle, Value};

mod dependencies;
mod docs;
pub mod ks010;
pub mod media;
mod metadata;
mod permissions;
mod size;

pub use media::{IMAGE_EXTENSIONS, is_url};

const FILE: &str = "extension.yaml";

/// Runs the KubeSphere rules on `ctx` (a package of kind KubeSphere).
pub fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(file) = ctx.yaml(FILE) else { return };
    // An empty or comment-only file, or a null document, decodes in Go (`sigs.k8s.io/yaml`
    // into ks-core's and ksbuilder's structs) as a struct with every field empty: each
    // required field is then reported missing.
    let empty = Node { span: Span::at(0), tag: None, value: Value::Mapping(Vec::new()) };
    let root = match file.root() {
        Some(root) if !root.is_null() => root,
        _ if file.stream.error.is_none() => &empty,
        _ => return,
    };
    if !root.is_mapping() {
        out.push(file.file.diag(
            "KS001",
            Severity::Error,
            root.span,
            crate::msg!("ks001-message"),
            crate::msg!("ks001-help"),
        ));
        return;
    }
    schema::check(&file.file, root, &schema::EXTENSION_YAML, Strictness::KsCore, out);
    if let Some(second) = file.stream.documents.get(1) {
        out.push(file.file.diag(
            "SYN006",
            Severity::Warning,
            Span::at(second.span.start),
            crate::msg!("syn006-message", count = file.stream.documents.len()),
            crate::msg!("syn006-help"),
        ));
    }
    required_fields(&file, root, out);
    for field in ["displayName", "description", "provider"] {
        language_map(&file, root, field, out);
    }
    ks010::check(&file, root, out);
    version(&file, root, out);
    installation_mode(&file, root, out);
    packaged_chart(ctx, &file, root, out);
    packaged_dependencies(ctx, root, out);
    top_folder(ctx, &file, root, out);
    metadata::check(&file, root, out);
    dependencies::check(ctx, &file, root, out);
    if ctx.complete() {
        media::check(ctx, &file, root, out);
        docs::check(ctx, &file, root, out);
        size::check(ctx, &file, root, out);
    }
    permissions::check(ctx, out);
}

/// The field Go binds to `key` (exact, else case-insensitive; SYN003 reports the case).
pub(super) fn field<'n>(root: &'n Node, key: &str) -> Option<&'n yaml::Entry> {
    root.entry_go(key)
}

/// A string field's value, when it is a non-empty scalar.
pub(super) fn string_field<'n>(root: &'n Node, key: &str) -> Option<(&'n str, &'n Node)> {
    let e = field(root, key)?;
    let s = e.value.as_str().filter(|s| !s.is_empty() && !e.value.is_null())?;
    Some((s, &e.value))
}

/// KS001: required fields (ksbuilder `validate:"required"`, kubesphere.md §1.2): present,
/// non-null, and for strings non-empty; `{}` passes for maps.
fn required_fields(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    const REQUIRED: [(&str, Message); 8] = [
        ("apiVersion", Message::new("ks001-help-api-version")),
        ("name", Message::new("ks001-help-name")),
        ("version", Message::new("ks001-help-version")),
        ("displayName", Message::new("ks001-help-display-name")),
        ("description", Message::new("ks001-help-description")),
        ("category", Message::new("ks001-help-category")),
        ("provider", Message::new("ks001-help-provider")),
        ("icon", Message::new("ks001-help-icon")),
    ];
    for (key, help) in REQUIRED {
        let entry = field(root, key);
        let empty = match entry {
            None => true,
            Some(e) => e.value.is_null() || e.value.as_str().is_some_and(str::is_empty),
        };
        if !empty {
            continue;
        }
        let (span, what) = match entry {
            Some(e) => (e.key.span, crate::msg!("ks001-what-empty")),
            None => (Span::at(root.span.start), crate::msg!("ks001-what-missing")),
        };
        out.push(file.file.diag(
            "KS001",
            Severity::Error,
            span,
            crate::msg!("ks001-message-required-field", key, what),
            crate::msg!("ks001-help-required-field", help),
        ));
    }
}

/// KS002 (not a language map), KS003 (key not ISO 639-1), KS004 (no `en`) for one of
/// `displayName`, `description`, `provider` (kubesphere.md §1.2, §1.4).
fn language_map(file: &YamlFile<'_>, root: &Node, key: &str, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, key) else {
        return;
    };
    let value = &entry.value;
    if value.is_null() {
        return; // KS001
    }
    if let Value::Scalar { style, .. } = &value.value {
        let raw = file.file.slice(value.span);
        let mut d = file.file.diag(
            "KS002",
            Severity::Error,
            value.span,
            crate::msg!("ks002-message", key),
            crate::msg!("ks002-help", key),
        );
        if !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            let inner = flow_safe(raw, value.as_str().unwrap_or(""), *style);
            let replacement =
                if key == "provider" { format!("{{en: {{name: {inner}}}}}") } else { format!("{{en: {inner}}}") };
            d = d.with_fix(Fix::safe(
                format!("Wrap as `{key}: {replacement}`"),
                vec![file.file.edit(value.span, replacement)],
            ));
        }
        out.push(d);
        return;
    }
    if !value.is_mapping() {
        out.push(file.file.diag(
            "KS002",
            Severity::Error,
            value.span,
            crate::msg!("ks002-message-list", key),
            crate::msg!("ks002-help-list", key),
        ));
        return;
    }
    let keys: Vec<&str> = value.entries().iter().filter_map(|e| e.key_str()).collect();
    for e in value.entries() {
        let Some(lang) = e.key_str() else { continue };
        if iso639::is_code(lang) {
            continue;
        }
        let base = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let mut d = file.file.diag(
            "KS003",
            Severity::Error,
            e.key.span,
            crate::msg!("ks003-message", key, lang),
            crate::msg!("ks003-help"),
        );
        if iso639::is_code(&base) && !keys.contains(&base.as_str()) {
            d = d.with_fix(Fix::safe(
                format!("Rename `{lang}` to `{base}`"),
                vec![file.file.edit(e.key.span, base.clone())],
            ));
        }
        out.push(d);
    }
    let has_en = keys.contains(&"en");
    if !has_en {
        let help = match key {
            "displayName" => crate::msg!("ks004-help-display-name"),
            "description" => crate::msg!("ks004-help-description"),
            _ => crate::msg!("ks004-help-provider"),
        };
        out.push(file.file.diag("KS004", Severity::Warning, entry.key.span, crate::msg!("ks004-message", key), help));
    }
}

/// A scalar written inside a flow mapping: keep the author's quoted token, or quote a plain
/// one that contains flow indicators.
fn flow_safe(raw: &str, value: &str, style: ScalarStyle) -> String {
    match style {
        ScalarStyle::Plain if value.contains([',', '{', '}', '[', ']', '#']) || value.contains(": ") => {
            yaml::double_quoted(value)
        }
        _ => raw.to_string(),
    }
}

/// KS011: the extension version (kubesphere.md §5.2): strict SemVer 2.0 without build
/// metadata, lowercase (a DNS-1123 subdomain), at most 63 characters.
fn version(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some((version, node)) = string_field(root, "version") else {
        return;
    };
    if node.scalar_type() != Some(yaml::ScalarType::Str) {
        return; // SYN004 already explains the type
    }
    let Some(problem) = version_problem(version) else {
        return;
    };
    // A lowercase `v` prefix is accepted by every reader (Masterminds in ks-core and Helm,
    // node-semver in the console, a valid DNS-1123 subdomain): a warning. Everything else is
    // dropped by ks-core's `isValidExtensionVersion`: an error.
    let severity = if version.starts_with('v') && version_problem(&version[1..]).is_none() {
        Severity::Warning
    } else {
        Severity::Error
    };
    out.push(file.file.diag(
        "KS011",
        severity,
        node.span,
        if severity == Severity::Warning {
            crate::msg!("ks011-message-v-prefix", version)
        } else {
            crate::msg!("ks011-message", version, problem)
        },
        crate::msg!("ks011-help"),
    ));
}

/// Why `v` is not a strict SemVer 2.0 version usable as a KubeSphere extension version.
pub fn version_problem(v: &str) -> Option<crate::i18n::Message> {
    if v.len() > 63 {
        return Some(crate::msg!("k8s-problem-long", length = v.len()));
    }
    if v.starts_with(['v', 'V']) {
        return Some(crate::msg!("ks011-problem-v"));
    }
    if v.contains('+') {
        return Some(crate::msg!("ks011-problem-build"));
    }
    if let Some(c) = v.chars().find(|c| c.is_ascii_uppercase()) {
        return Some(crate::msg!("ks011-problem-uppercase", letter = c));
    }
    let (main, pre) = match v.split_once('-') {
        Some((m, p)) => (m, Some(p)),
        None => (v, None),
    };
    let parts: Vec<&str> = main.split('.').collect();
    if parts.len() != 3 {
        return Some(crate::msg!("ks011-problem-parts", count = parts.len()));
    }
    for p in &parts {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Some(crate::msg!("ks011-problem-not-number", part = p));
        }
        if p.len() > 1 && p.starts_with('0') {
            return Some(crate::msg!("ks011-problem-leading-zero", part = p));
        }
    }
    if let Some(pre) = pre {
        for id in pre.split('.') {
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return Some(crate::msg!("ks011-problem-prerelease", prerelease = pre));
            }
            if id.len() > 1 && id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit()) {
                return Some(crate::msg!("ks011-problem-prerelease-zero", identifier = id));
            }
        }
        if let Some(id) = pre.split('.').find(|id| id.starts_with('-') || id.ends_with('-')) {
            return Some(crate::msg!("ks011-problem-prerelease-dash", identifier = id));
        }
    }
    None
}

/// KS040: `installationMode` must be exactly `HostOnly` or `Multicluster` (the CRD enum).
fn installation_mode(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "installationMode") else {
        return;
    };
    let Some(mode) = entry.value.as_str().filter(|_| !entry.value.is_null()) else {
        return;
    };
    if matches!(mode, "HostOnly" | "Multicluster") {
        return;
    }
    let canonical = ["HostOnly", "Multicluster"].into_iter().find(|c| c.eq_ignore_ascii_case(mode.trim()));
    let mut d = file.file.diag(
        "KS040",
        Severity::Error,
        entry.value.span,
        crate::msg!("ks040-message", mode),
        crate::msg!("ks040-help"),
    );
    if let Some(c) = canonical {
        let token = yaml::scalar_token(c, entry.value.style().unwrap_or(ScalarStyle::Plain));
        d = d.with_fix(Fix::safe(format!("Write `{c}`"), vec![file.file.edit(entry.value.span, token)]));
    }
    out.push(d);
}

/// KS012: a packaged Chart.yaml must carry extension.yaml's name and version (ksbuilder's
/// `ToChartYaml`; ks-core names the ExtensionVersion from Chart.yaml).
fn packaged_chart(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(chart) = ctx.yaml("Chart.yaml") else {
        return;
    };
    let Some(chart_root) = chart.root() else {
        return;
    };
    for key in ["name", "version"] {
        let Some((ext_value, _)) = string_field(root, key) else {
            continue;
        };
        let Some(entry) = chart_root.entry(key) else {
            continue;
        };
        let Some(chart_value) = entry.value.as_str() else {
            continue;
        };
        if chart_value == ext_value {
            continue;
        }
        // ksbuilder writes Chart.yaml from extension.yaml (`ToChartYaml`), so the fix is to
        // regenerate it the same way; both KS012 findings carry the same file write.
        let regenerate = crate::kubesphere::chart::generate(ctx.package).map(|contents| {
            Fix::safe("Regenerate Chart.yaml from extension.yaml, as `ksbuilder package` does", vec![])
                .with_operations(vec![FileOperation::Write { path: "Chart.yaml".into(), contents }])
        });
        let d = chart.file.diag(
            "KS012",
            Severity::Error,
            entry.value.span,
            crate::msg!("ks012-message", key, chart_value, ext_value),
            crate::msg!(
                "ks012-help",
                file = file.file.path,
                line =
                    file.file.index.line_col(file.file.text, field(root, key).map_or(0, |e| e.value.span.start)).line
            ),
        );
        out.push(match regenerate {
            Some(fix) => d.with_fix(fix),
            None => d,
        });
    }
}

/// Each `dependencies` entry of a mapping as `name [tags]`, sorted, for KS034.
fn dependency_keys(root: &Node) -> Vec<String> {
    let items: &[Node] = root.get("dependencies").map_or(&[], Node::items);
    let mut out: Vec<String> = items
        .iter()
        .filter_map(|d| {
            let name = d.get("name")?.as_str()?;
            let mut tags: Vec<&str> =
                d.get("tags").map_or(&[][..], Node::items).iter().filter_map(Node::as_str).collect();
            tags.sort_unstable();
            Some(if tags.is_empty() { format!("`{name}`") } else { format!("`{name}` [{}]", tags.join(", ")) })
        })
        .collect();
    out.sort();
    out
}

/// KS034: a packaged Chart.yaml whose `dependencies` (names and tags) differ from
/// extension.yaml's. Helm reads only Chart.yaml: its tags decide which subcharts the host and
/// agent releases install, and a subchart it does not list is rendered in every release
/// (`helm/helm:pkg/chartutil/dependencies.go` `ProcessDependencies`; kubesphere.md §1.6).
fn packaged_dependencies(ctx: &Ctx<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(chart) = ctx.yaml("Chart.yaml") else { return };
    let Some(chart_root) = chart.root().filter(|r| r.is_mapping()) else { return };
    let (ext, packaged) = (dependency_keys(root), dependency_keys(chart_root));
    if ext == packaged {
        return;
    }
    let only = |a: &[String], b: &[String]| a.iter().filter(|k| !b.contains(k)).cloned().collect::<Vec<_>>().join(", ");
    let (missing, extra) = (only(&ext, &packaged), only(&packaged, &ext));
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("lacks {missing}"));
    }
    if !extra.is_empty() {
        parts.push(format!("has {extra} that extension.yaml does not"));
    }
    let span = chart_root.entry("dependencies").map_or(Span::at(chart_root.span.start), |e| e.key.span);
    let d = chart.file.diag(
        "KS034",
        Severity::Warning,
        span,
        crate::msg!("ks034-message", differences = parts.join("; ")),
        crate::msg!("ks034-help"),
    );
    out.push(match crate::kubesphere::chart::generate(ctx.package) {
        Some(contents) => d.with_fix(
            Fix::unsafe_("Regenerate Chart.yaml from extension.yaml, as `ksbuilder package` does", vec![])
                .with_operations(vec![FileOperation::Write { path: "Chart.yaml".into(), contents }]),
        ),
        None => d,
    });
}

/// KS013: the archive's top folder must be the extension name (ksbuilder's readers look for
/// `{name}/extension.yaml`).
fn top_folder(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let (Some(top), Some((name, node))) = (ctx.top_folder, string_field(root, "name")) else {
        return;
    };
    if top == name || k8s::label_problem(name).is_some() {
        return;
    }
    out.push(
        file.file
            .diag(
                "KS013",
                Severity::Error,
                node.span,
                crate::msg!("ks013-message", top, name),
                crate::msg!("ks013-help", name),
            )
            .with_fix(
                Fix::safe(format!("Rename the top folder to `{name}/`"), vec![])
                    .with_operations(vec![FileOperation::RenameRoot { to: name.to_string() }]),
            ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_problems() {
        for ok in ["1.0.0", "0.1.0", "1.2.3-rc.1", "23.9.2", "1.0.0-alpha-1"] {
            assert_eq!(version_problem(ok), None, "{ok}");
        }
        for (bad, says) in [
            ("1.0", "three"),
            ("v1.0.0", "`v`"),
            ("1.0.0+build", "build metadata"),
            ("1.0.0-RC1", "uppercase"),
            ("01.0.0", "leading zero"),
            ("1.0.0-01", "leading zero"),
            ("1.0.0_1", "not a number"),
            ("1.0.0-rc.-1", "starts or ends with `-`"),
        ] {
            let p = version_problem(bad).map(|m| m.render(crate::i18n::Lang::En)).unwrap_or_default();
            assert!(p.contains(says), "{bad}: {p}");
        }
    }
}
