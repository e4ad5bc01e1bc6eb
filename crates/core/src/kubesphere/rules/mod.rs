//! KubeSphere rules over `extension.yaml` (and the packaged `Chart.yaml` beside it).
//! Sources are cited per rule; section numbers refer to `kubesphere.md`.

use super::iso639;
use crate::diagnostic::{Diagnostic, FileOperation, Fix, Severity};
use crate::k8s;
use crate::rules::schema::{self, Strictness};
use crate::rules::{Ctx, YamlFile};
use crate::syntax::Span;
use crate::syntax::yaml::{self, Node, ScalarStyle, Value};

mod dependencies;
mod docs;
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
            "`extension.yaml` is not a mapping of fields",
            "extension.yaml must be a YAML mapping (`name: ...`, `version: ...`). See `ksbuilder create` for the template.",
        ));
        return;
    }
    schema::check(&file.file, root, &schema::EXTENSION_YAML, Strictness::KsCore, out);
    if let Some(second) = file.stream.documents.get(1) {
        out.push(file.file.diag(
            "SYN006",
            Severity::Warning,
            Span::at(second.span.start),
            format!("`extension.yaml` has {} YAML documents; only the first is read", file.stream.documents.len()),
            "ks-core decodes only the first document of extension.yaml; everything after `---` is ignored. Merge the fields into one document.",
        ));
    }
    required_fields(&file, root, out);
    for field in ["displayName", "description", "provider"] {
        language_map(&file, root, field, out);
    }
    name(&file, root, out);
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
    const REQUIRED: [(&str, &str); 8] = [
        ("apiVersion", "Add `apiVersion: kubesphere.io/v1alpha1` (the value itself is not checked)."),
        ("name", "Add `name:` with the extension name (lowercase letters, digits and `-`)."),
        ("version", "Add `version:` with a SemVer version such as `\"1.0.0\"`."),
        ("displayName", "Add `displayName:` as a language map, e.g. `displayName: {en: My Extension, zh: 我的扩展}`."),
        ("description", "Add `description:` as a language map, e.g. `description: {en: What it does}`."),
        (
            "category",
            "Add `category:`, one of the marketplace categories (e.g. `observability`, `security`, `dev-tools`).",
        ),
        (
            "provider",
            "Add `provider:` as a language map of `{name, email, url}`, e.g. `provider: {en: {name: Example Inc.}}`.",
        ),
        (
            "icon",
            "Add `icon:` with a path inside the package (e.g. `./static/favicon.svg`) or an http(s) URL; `ksbuilder package` fails without it.",
        ),
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
            Some(e) => (e.key.span, "is empty"),
            None => (Span::at(root.span.start), "is missing"),
        };
        out.push(file.file.diag(
            "KS001",
            Severity::Error,
            span,
            format!("Required field `{key}` {what}"),
            format!("ksbuilder refuses to package or publish the extension without it. {help}"),
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
            format!("`{key}` is a plain string, not a language map"),
            format!(
                "ks-core decodes `{key}` as a map from language code to text (`Locales`); a plain string fails to decode and the version is skipped, and ksbuilder rejects it. Write it as `{key}: {{en: ...}}`."
            ),
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
            format!("`{key}` is a list, not a language map"),
            format!("Write `{key}` as a map from language code to text, e.g. `{key}: {{en: ...}}`."),
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
            format!("`{key}.{lang}`: `{lang}` is not an ISO 639-1 language code"),
            "ksbuilder accepts only two-letter ISO 639-1 codes (`en`, `zh`, ...) and fails with `invalid language code`; regional forms such as `zh-CN`, `en_US` or `tc` are rejected.",
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
        let consequence = match key {
            "description" => {
                "the packaged Chart.yaml `description` is empty (ksbuilder copies only `description.en`) and"
            }
            _ => "",
        };
        let shown = match key {
            "displayName" => "users whose language is missing see the raw extension name",
            "description" => "users whose language is missing see no description",
            _ => "the \"by …\" line is hidden for users whose language is missing",
        };
        out.push(file.file.diag(
            "KS004",
            Severity::Warning,
            entry.key.span,
            format!("`{key}` has no `en` entry"),
            format!(
                "The console looks up the user's language, then the browser's, then `en`, with no other fallback: {consequence} {shown}. Add an `en` entry."
            )
            .replace(":  ", ": "),
        ));
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

/// KS010: the extension name (kubesphere.md §5.1).
fn name(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some((name, node)) = string_field(root, "name") else {
        return;
    };
    if let Some(problem) = k8s::label_problem(name) {
        out.push(file.file.diag(
            "KS010",
            Severity::Error,
            node.span,
            format!("Extension name `{name}` is invalid: {problem}"),
            "The name becomes the Helm release name, the namespace `extension-{name}` and label values: use lowercase letters, digits and `-` (`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`), at most 63 characters; ks-core skips invalid names.",
        ));
        return;
    }
    let multicluster = field(root, "installationMode").and_then(|e| e.value.as_str()) == Some("Multicluster");
    let (limit, why) = if multicluster {
        (
            35,
            "with `installationMode: Multicluster` the agent release `{name}-agent` and the executor's job names `helm-install-{release}-xxxxxx` must stay within 63 characters, which allows 35",
        )
    } else {
        (
            41,
            "the executor's job names `helm-uninstall-{release}-xxxxxx` must stay within 63 characters, which allows 41",
        )
    };
    if name.len() > limit {
        out.push(file.file.diag(
            "KS010",
            Severity::Warning,
            node.span,
            format!("Extension name `{name}` is {} characters long; install jobs may fail above {limit}", name.len()),
            format!("{why} (inferred from ks-core's executor; not documented). Shorten the name."),
        ));
    } else if name.len() > 32 {
        out.push(file.file.diag(
            "KS010",
            Severity::Warning,
            node.span,
            format!("Extension name `{name}` is {} characters long; the developer guide allows at most 32", name.len()),
            "The KubeSphere developer guide limits names to 32 characters (the code allows more, but KubeSphere Cloud review follows the guide). Shorten the name.",
        ));
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
            format!("Extension version `{version}` starts with `v`: ks-core, Helm and the console accept it, but it is not strict SemVer")
        } else {
            format!("Extension version `{version}` is invalid: {problem}")
        },
        "ks-core accepts a version only if it parses as SemVer and is a DNS-1123 subdomain of at most 63 characters (it names the ExtensionVersion `{name}-{version}`); otherwise the version is silently dropped. Use `MAJOR.MINOR.PATCH` with an optional lowercase `-prerelease`, e.g. `1.2.0` or `1.2.0-rc.1`.",
    ));
}

/// Why `v` is not a strict SemVer 2.0 version usable as a KubeSphere extension version.
pub fn version_problem(v: &str) -> Option<String> {
    if v.len() > 63 {
        return Some(format!("it is {} characters long (at most 63)", v.len()));
    }
    if v.starts_with(['v', 'V']) {
        return Some("it starts with `v`; write the bare number".into());
    }
    if v.contains('+') {
        return Some("it has build metadata (`+...`), which is not allowed in object names".into());
    }
    if let Some(c) = v.chars().find(|c| c.is_ascii_uppercase()) {
        return Some(format!("it contains the uppercase letter `{c}`, which is not allowed in object names"));
    }
    let (main, pre) = match v.split_once('-') {
        Some((m, p)) => (m, Some(p)),
        None => (v, None),
    };
    let parts: Vec<&str> = main.split('.').collect();
    if parts.len() != 3 {
        return Some(format!("it has {} numeric parts; SemVer needs exactly three (`MAJOR.MINOR.PATCH`)", parts.len()));
    }
    for p in &parts {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Some(format!("`{p}` is not a number"));
        }
        if p.len() > 1 && p.starts_with('0') {
            return Some(format!("`{p}` has a leading zero"));
        }
    }
    if let Some(pre) = pre {
        for id in pre.split('.') {
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return Some(format!("the prerelease `{pre}` is not dot-separated `[0-9a-z-]` identifiers"));
            }
            if id.len() > 1 && id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit()) {
                return Some(format!("the prerelease identifier `{id}` has a leading zero"));
            }
        }
        if let Some(id) = pre.split('.').find(|id| id.starts_with('-') || id.ends_with('-')) {
            return Some(format!(
                "the prerelease part `{id}` starts or ends with `-`, which is not allowed in object names"
            ));
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
        format!("`installationMode: {mode}` is neither `HostOnly` nor `Multicluster`"),
        "The ExtensionVersion CRD allows only `HostOnly` and `Multicluster` (case-sensitive): the API server rejects the object, and a repository sync stops at this extension. Omit the field for `HostOnly`.",
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
        let d = chart
                .file
                .diag(
                    "KS012",
                    Severity::Error,
                    entry.value.span,
                    format!("Chart.yaml `{key}: {chart_value}` differs from extension.yaml `{key}: {ext_value}`"),
                    format!(
                        "ks-core takes the name and version from Chart.yaml while the console installs `spec.version` from extension.yaml; when they differ the version is skipped or the install fetches the wrong object. Regenerate Chart.yaml with `ksbuilder package`. ({} line {})",
                        file.file.path,
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
        format!("Chart.yaml `dependencies` differ from extension.yaml: Chart.yaml {}", parts.join("; ")),
        "Helm installs from Chart.yaml alone: its dependency tags decide which subcharts the host release (`tags.extension=true`) and the agent releases (`tags.agent=true`) install, and a subchart it does not list is installed in every release. extension.yaml's list is not read at install time. Regenerate Chart.yaml with `ksbuilder package`.",
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
                format!("The archive's top folder is `{top}/`, but the extension is named `{name}`"),
                format!("KubeSphere Cloud's package reader (ksbuilder `pkg/parser`) looks for `{name}/extension.yaml` in the archive and finds nothing. Rebuild it with `ksbuilder package`, which names the folder after the extension."),
            )
            .with_fix(Fix::safe(format!("Rename the top folder to `{name}/`"), vec![]).with_operations(vec![FileOperation::RenameRoot { to: name.to_string() }])),
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
            let p = version_problem(bad).unwrap_or_default();
            assert!(p.contains(says), "{bad}: {p}");
        }
    }
}
