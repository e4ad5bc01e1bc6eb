//! Rancher UI extension rules over `package.json`, the extension chart (`Chart.yaml`,
//! `values.yaml`, `templates/cr.yaml`) and the plugin archive. Section numbers refer to
//! `rancher.md`. Rules converted to typed units have their own file here (`rc003.rs`, …);
//! RC001, RC002, RC004, RC010 and RC021 are still built here.

use super::annotations::{self, Annotation, GATING_KEYS, KUBE_VERSION, RANCHER_VERSION, Source, UI_EXTENSIONS_VERSION};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Ctx, JsonFile, TextFile, YamlFile};
use crate::edit;
use crate::k8s;
use crate::package::Kind;
use crate::syntax::Span;
use crate::syntax::json::{JsonNode, JsonValue, string_literal};
use crate::syntax::yaml::{self, Node};

pub mod rc003;
pub mod rc005;
pub mod rc012;
pub mod rc020;
pub mod rc022;
pub mod rc024;
pub mod rc027;
pub mod rc028;

use rc022::VersionMismatch;
use rc024::NoAuth;

/// The range the Rancher extension creator writes for Extensions API v3 (Rancher 2.10+).
pub const DEFAULT_UI_EXTENSIONS_RANGE: &str = ">= 3.0.0 < 4.0.0";

/// Runs the Rancher rules that apply to `ctx.kind`.
pub fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    match ctx.kind {
        Kind::RancherPackage => package_json(ctx, out),
        Kind::RancherChart => chart(ctx, out),
        Kind::RancherPlugin => plugin(ctx, out),
        _ => {}
    }
    super::listing::check(ctx, out);
}

// ---------------------------------------------------------------- package.json (rancher.md §1)

fn package_json(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(file) = ctx.json("package.json") else {
        return;
    };
    let Ok(root) = &file.value else { return };
    name_and_version(&file, root, out);
    rc003::check(ctx, &file, root, out);
    let Some(rancher) = root.member("rancher") else {
        return;
    };
    if let Some(finding) = rc005::finding(&rancher.value, file.file.slice(rancher.value.span)) {
        out.push(file.file.report(&finding, rancher.value.span));
        return;
    }
    if let Some(no_auth) = rancher.value.get("noAuth")
        && no_auth.value == JsonValue::Bool(true)
    {
        out.push(rc024::report(&file.file, no_auth.span, NoAuth::PackageJson));
    }
    let annotations_node = rancher.value.get("annotations");
    let list = annotations_node.map(annotations::from_json).unwrap_or_default();
    rc012::check(&file.file, &list, out);
    if !list.iter().any(|a| a.key == UI_EXTENSIONS_VERSION) {
        let evidence = api_evidence(&list, shell_major(root));
        let span = rancher.value.member("annotations").map_or(rancher.key_span, |m| m.key_span);
        let fix = evidence.range().map(|range| {
            let edit = match annotations_node {
                Some(obj) if obj.is_object() => {
                    edit::json_set(file.file.path, file.file.text, obj, UI_EXTENSIONS_VERSION, &range)
                }
                _ => insert_annotations_object(&file, &rancher.value, &range),
            };
            Fix::unsafe_(format!("Add `\"{UI_EXTENSIONS_VERSION}\": \"{range}\"` ({})", evidence.why()), vec![edit])
        });
        out.push(missing_ui_extensions_version(ctx, &file.file, span, Source::PackageJson, &evidence, fix));
    }
}

/// Where the value of a missing `ui-extensions-version` can come from (issue 11: from
/// evidence, never a blind default).
enum ApiEvidence {
    /// A misspelled key (RC012 renames it): the fix is that rename, not an addition.
    Misspelled(String),
    /// The major of the `@rancher/shell` dependency, which is the Extensions API version the
    /// package was built with (`shell/package.json` `version`, rancher.md §3).
    Shell(u64),
    /// The Extensions API majors of the Rancher lines the package's own `rancher-version`
    /// admits (rancher.md §4).
    RancherVersion(String, u64, u64),
    /// Nothing says which API the package was built for.
    None,
}

impl ApiEvidence {
    fn range(&self) -> Option<String> {
        match self {
            ApiEvidence::Shell(m) => Some(format!(">= {m}.0.0 < {}.0.0", m + 1)),
            ApiEvidence::RancherVersion(_, lo, hi) => Some(format!(">= {lo}.0.0 < {}.0.0", hi + 1)),
            ApiEvidence::Misspelled(_) | ApiEvidence::None => None,
        }
    }

    fn why(&self) -> String {
        match self {
            ApiEvidence::Shell(m) => format!("the `@rancher/shell` {m}.x it is built with"),
            ApiEvidence::RancherVersion(r, _, _) => {
                format!("the Extensions API of the Rancher lines its `rancher-version: {r}` admits")
            }
            ApiEvidence::Misspelled(k) => format!("rename `{k}` (RC012)"),
            ApiEvidence::None => "no evidence".into(),
        }
    }
}

/// The evidence for a missing `ui-extensions-version` among `list` and the shell major.
fn api_evidence(list: &[Annotation], shell: Option<u64>) -> ApiEvidence {
    if let Some(a) = list.iter().find(|a| annotations::suggest(&a.key) == Some(UI_EXTENSIONS_VERSION)) {
        return ApiEvidence::Misspelled(a.key.clone());
    }
    if let Some(m) = shell {
        return ApiEvidence::Shell(m);
    }
    if let Some(r) = list.iter().find(|a| a.key == annotations::RANCHER_VERSION).and_then(|a| a.value.clone()) {
        let majors = crate::matrix::rancher::api_majors_admitted(&r);
        if let (Some(lo), Some(hi)) = (majors.first(), majors.last()) {
            return ApiEvidence::RancherVersion(r, *lo, *hi);
        }
    }
    ApiEvidence::None
}

fn insert_annotations_object(file: &JsonFile<'_>, rancher: &JsonNode, range: &str) -> Edit {
    let inner = format!("{{ {}: {} }}", string_literal(UI_EXTENSIONS_VERSION), string_literal(range));
    match rancher.members().last() {
        Some(last) => Edit::insert(file.file.path, last.value.span.end, format!(", \"annotations\": {inner}")),
        None => Edit::replace(file.file.path, rancher.span, format!("{{ \"annotations\": {inner} }}")),
    }
}

/// The major of `@rancher/shell` the package depends on (`^3.0.5` → 3), when declared.
fn shell_major(root: &JsonNode) -> Option<u64> {
    ["dependencies", "devDependencies", "peerDependencies"].iter().find_map(|section| {
        let spec = root.get(section)?.get("@rancher/shell")?.as_str()?;
        let digits: String =
            spec.trim_start_matches(|c: char| !c.is_ascii_digit()).chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// RC001, RC002, RC004 (rancher.md §1 `name`, `version`).
fn name_and_version(file: &JsonFile<'_>, root: &JsonNode, out: &mut Vec<Diagnostic>) {
    let f = &file.file;
    for key in ["name", "version"] {
        let member = root.member(key);
        let empty = member.is_none_or(|m| matches!(m.value.value, JsonValue::Null) || m.value.as_str() == Some(""));
        if empty {
            let span = member.map_or(Span::at(root.span.start), |m| m.key_span);
            let consequence = if key == "name" {
                "the publish script's `jq .name` prints `null`, so the chart is silently named `null`"
            } else {
                "the chart has no version and `helm package` fails"
            };
            out.push(f.diag(
                "RC001",
                Severity::Error,
                span,
                crate::msg!("rc001-message", key),
                crate::msg!("rc001-help", consequence, key),
            ));
        }
    }
    if let Some(m) = root.member("name")
        && let Some(name) = m.value.as_str().filter(|n| !n.is_empty())
        && !k8s::is_helm_release_name(name)
    {
        let why = if name.starts_with('@') {
            crate::msg!("rc002-why-scoped")
        } else if name.len() > 53 {
            crate::msg!("rc002-why-long", length = name.len())
        } else {
            k8s::label_problem(&name.replace('.', "")).unwrap_or_else(|| crate::msg!("rc002-why-subdomain"))
        };
        out.push(f.diag(
            "RC002",
            Severity::Error,
            m.value.span,
            crate::msg!("rc002-message", name, why),
            crate::msg!("rc002-help"),
        ));
    }
    if let Some(m) = root.member("version") {
        let problem = match &m.value.value {
            JsonValue::String(v) if v.is_empty() => None,
            JsonValue::String(v) => semver_problem(v),
            JsonValue::Number(n) => Some(format!("it is the JSON number {n}, not a string")),
            JsonValue::Null => None,
            _ => Some(format!("it is {}", m.value.type_name())),
        };
        if let Some(problem) = problem {
            out.push(f.diag(
                "RC004",
                Severity::Error,
                m.value.span,
                crate::msg!("rc004-message", version = f.slice(m.value.span), problem),
                crate::msg!("rc004-help"),
            ));
        }
    }
}

/// Why `v` is not a version npm accepts in package.json (node-semver `valid`, strict), or
/// `None`.
fn semver_problem(v: &str) -> Option<String> {
    crate::semver::node::SemVer::parse(v, crate::semver::node::Options::DEFAULT).err().map(|e| {
        let base = v.trim_start_matches(['v', '=']).split(['-', '+']).next().unwrap_or("");
        match base.split('.').count() {
            3 => e.to_string(),
            n => format!(
                "it has {n} numeric part{}; SemVer needs exactly three (`MAJOR.MINOR.PATCH`)",
                if n == 1 { "" } else { "s" }
            ),
        }
    })
}

// ----------------------------------------------------------------- annotations (rancher.md §1)

/// RC010, with its severity from its consequence: an error when the missing annotation costs
/// matrix cells (the Rancher lines that would otherwise offer, install and load the package),
/// a warning when the package's own gates already exclude every line that checks it.
fn missing_ui_extensions_version(
    ctx: &Ctx<'_>,
    file: &TextFile<'_>,
    span: Span,
    source: Source,
    evidence: &ApiEvidence,
    fix: Option<Fix>,
) -> Diagnostic {
    use crate::matrix::rancher::{Inputs, cells_lost_to_api, lines_of};
    let place = match source {
        Source::PackageJson => crate::msg!("rc010-place-package-json"),
        Source::ChartYaml => crate::msg!("rc010-place-chart-yaml"),
        Source::PluginMetadata => crate::msg!("rc010-place-plugin-metadata"),
    };
    let lost = Inputs::from_ctx(ctx).map(|i| cells_lost_to_api(&i)).unwrap_or_default();
    let how = match evidence {
        ApiEvidence::Misspelled(key) => crate::msg!("rc010-how-misspelled", key),
        ApiEvidence::None => crate::msg!("rc010-how-none", key = UI_EXTENSIONS_VERSION),
        e => match e.range() {
            Some(range) => crate::msg!("rc010-how-add", range, why = e.why()),
            None => crate::msg!("rc010-how-add-bare"),
        },
    };
    let (severity, consequence) = if lost.is_empty() {
        (Severity::Warning, crate::msg!("rc010-consequence-none"))
    } else {
        (Severity::Error, crate::msg!("rc010-consequence-blocks", lines = lines_of(&lost)))
    };
    let d = file.diag(
        "RC010",
        severity,
        span,
        crate::msg!("rc010-message", place, key = UI_EXTENSIONS_VERSION),
        crate::msg!("rc010-help", consequence, how),
    );
    let d = d.blocking(&lost);
    match fix {
        Some(f) => d.with_fix(f),
        None => d,
    }
}

// ------------------------------------------------------------------------ chart (rancher.md §2)

fn chart(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(chart) = ctx.yaml("Chart.yaml") else {
        return;
    };
    let Some(root) = chart.root() else { return };
    let annotations_node = root.get("annotations");
    let list = annotations_node.map(annotations::from_yaml).unwrap_or_default();
    rc012::check(&chart.file, &list, out);
    let values = ctx.yaml("values.yaml");
    let metadata =
        values.as_ref().and_then(|v| v.root().and_then(|r| r.get("plugin")).and_then(|p| p.get("metadata")).cloned());
    let renders_metadata = templates_render_metadata(ctx);
    // The load-time check reads `plugin.metadata` too: a misspelled key there is as silent.
    if let (Some(v), Some(m)) = (&values, &metadata) {
        rc012::check(&v.file, &annotations::from_yaml(m), out);
    }

    rc020::check(&chart, root, &list, out);

    // RC010 on the chart, with the fix also writing plugin.metadata when the template reads it.
    let has_api = list.iter().any(|a| a.key == UI_EXTENSIONS_VERSION);
    if !has_api {
        let evidence = api_evidence(&list, None);
        let fix = evidence.range().map(|range| {
            let mut edits = vec![annotation_edit(&chart, root, UI_EXTENSIONS_VERSION, &range)];
            if renders_metadata && let Some(v) = &values {
                edits.extend(metadata_edit(v, metadata.as_ref(), UI_EXTENSIONS_VERSION, &range));
            }
            Fix::unsafe_(format!("Add `{UI_EXTENSIONS_VERSION}: \"{range}\"` ({})", evidence.why()), edits)
        });
        let span = annotations_key_span(root).unwrap_or(Span::at(root.span.start));
        out.push(missing_ui_extensions_version(ctx, &chart.file, span, Source::ChartYaml, &evidence, fix));
    }

    // RC021: the load-time gate reads plugin.metadata, not Chart.yaml. It only matters where the
    // chart can be installed on 2.10+, i.e. when Chart.yaml has ui-extensions-version.
    if has_api && let Some(values) = &values {
        let meta_list = metadata.as_ref().map(annotations::from_yaml).unwrap_or_default();
        let mut edits = Vec::new();
        let mut differences = Vec::new();
        let mut differences_keys = Vec::new();
        for key in GATING_KEYS {
            let chart_value = list.iter().find(|a| a.key == key).and_then(|a| a.value.clone());
            let meta_value = meta_list.iter().find(|a| a.key == key).and_then(|a| a.value.clone());
            if chart_value == meta_value {
                continue;
            }
            differences_keys.push((key, chart_value.clone(), meta_value.clone()));
            differences.push(match (&chart_value, &meta_value) {
                (Some(c), None) => format!("`{key}` (`{c}`) is missing"),
                (Some(c), Some(m)) => format!("`{key}` is `{m}` instead of `{c}`"),
                (None, Some(m)) => format!("`{key}` (`{m}`) is not in Chart.yaml"),
                (None, None) => unreachable!(),
            });
            // A misspelled key there that RC012 renames supplies it: adding it too would
            // write the key twice.
            let renamed = meta_list.iter().any(|a| annotations::suggest(&a.key) == Some(key));
            if let Some(c) = chart_value
                && !renamed
            {
                edits.extend(metadata_edit(values, metadata.as_ref(), key, &c));
            }
        }
        if !differences.is_empty() {
            let span = metadata_span(values).unwrap_or(Span::at(0));
            // The consequence: the cells the load-time check costs because of the difference.
            let lost = crate::matrix::rancher::Inputs::from_ctx(ctx)
                .map(|i| crate::matrix::rancher::cells_lost_to_metadata(&i))
                .unwrap_or_default();
            let only_missing_checks = differences_keys
                .iter()
                .all(|(k, c, m)| m.is_none() && c.is_some() && [KUBE_VERSION, RANCHER_VERSION].contains(k));
            let (severity, help) = if !lost.is_empty() {
                (Severity::Error, crate::msg!("rc021-help-blocks", lines = crate::matrix::rancher::lines_of(&lost)))
            } else if only_missing_checks {
                (Severity::Info, crate::msg!("rc021-help-skips"))
            } else {
                (Severity::Warning, crate::msg!("rc021-help-differs"))
            };
            let mut d = values.file.diag(
                "RC021",
                severity,
                span,
                crate::msg!("rc021-message", differences = differences.join("; ")),
                help,
            );
            d = d.blocking(&lost);
            if renders_metadata && !edits.is_empty() {
                d = d.with_fix(Fix::safe(
                    "Copy the Chart.yaml gating annotations into `plugin.metadata`",
                    merge_edits(edits),
                ));
            }
            out.push(d);
        }
    }

    // RC024 and RC027 read the plugin values.
    let plugin_values = values.as_ref().and_then(|v| v.root().and_then(|r| r.get("plugin")).cloned());
    if let (Some(v), Some(plugin)) = (&values, &plugin_values)
        && let Some(entry) = plugin.entry("noAuth")
        && entry.value.as_str() == Some("true")
    {
        out.push(rc024::report(&v.file, entry.value.span, NoAuth::Values));
    }
    rc027::check(ctx, values.as_deref(), out);

    // RC022: chart version vs appVersion (the UIPlugin version comes from appVersion).
    let version = root.get("version").and_then(Node::as_str);
    let app_version = root.entry("appVersion");
    let override_set = values
        .as_ref()
        .and_then(|v| {
            v.root().and_then(|r| r.get("plugin")).and_then(|p| p.get("versionOverride")).and_then(Node::as_str)
        })
        .is_some_and(|s| !s.is_empty());
    if let (Some(version), Some(app)) = (version, app_version)
        && let Some(app_value) = app.value.as_str()
        && app_value != version
        && !override_set
    {
        out.push(chart.file.report(&VersionMismatch::AppVersion { app_version: app_value, version }, app.value.span));
    }
}

/// True when the chart's UIPlugin gets an endpoint: values.yaml `plugin.endpoint` or
/// `plugin.compressedEndpoint`, or one hard-coded in a template by an older shell.
pub fn has_endpoint(ctx: &Ctx<'_>) -> bool {
    let plugin = ctx.yaml("values.yaml").and_then(|v| v.root().and_then(|r| r.get("plugin")).cloned());
    let set = |key: &str| {
        plugin.as_ref().and_then(|p| p.get(key)).and_then(Node::as_str).is_some_and(|s| !s.trim().is_empty())
    };
    set("endpoint")
        || set("compressedEndpoint")
        || ctx.package.files_under("templates").any(|p| {
            ctx.package.text(p).is_some_and(|t| {
                t.lines().any(|l| {
                    let l = l.trim();
                    (l.starts_with("endpoint:") || l.starts_with("compressedEndpoint:"))
                        && l.contains("://")
                        && !l.contains(".Values")
                })
            })
        })
}

/// The span of values.yaml's `plugin` key.
fn plugin_key_span(values: &YamlFile<'_>) -> Option<Span> {
    values.root()?.entry("plugin").map(|e| e.key.span)
}

/// Applies several edits to the same insertion point as one (multiple inserted lines).
fn merge_edits(mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by_key(|e| (e.file.clone(), e.start, e.end));
    let mut merged: Vec<Edit> = Vec::new();
    for e in edits {
        match merged.last_mut() {
            Some(last) if last.file == e.file && last.start == e.start && last.end == e.end && e.start == e.end => {
                last.replacement.push_str(&e.replacement);
            }
            _ => merged.push(e),
        }
    }
    merged
}

/// The span of Chart.yaml's `annotations` key.
fn annotations_key_span(root: &Node) -> Option<Span> {
    root.entry("annotations").map(|e| e.key.span)
}

/// The edit that sets annotation `key` in Chart.yaml (creating `annotations:` if needed).
fn annotation_edit(chart: &YamlFile<'_>, root: &Node, key: &str, value: &str) -> Edit {
    match root.get("annotations").filter(|n| n.is_mapping()) {
        Some(map) => edit::yaml_set(chart.file.path, chart.file.text, map, key, value),
        None => edit::yaml_append_section(chart.file.path, chart.file.text, "annotations", key, value),
    }
}

/// The edit that sets `key` in values.yaml `plugin.metadata`, when that mapping exists or can
/// be added under an existing `plugin:` mapping.
fn metadata_edit(values: &YamlFile<'_>, metadata: Option<&Node>, key: &str, value: &str) -> Option<Edit> {
    let f = &values.file;
    if let Some(meta) = metadata.filter(|m| m.is_mapping()) {
        return Some(edit::yaml_set(f.path, f.text, meta, key, value));
    }
    let plugin = values.root()?.get("plugin").filter(|p| p.is_mapping())?;
    let last = plugin.entries().last()?;
    let indent = edit::indent_at(f.text, last.key.span.start);
    let at = edit::line_end(f.text, last.value.span.end);
    let nl = edit::newline(f.text);
    let pad = " ".repeat(indent);
    Some(Edit::insert(
        f.path,
        at,
        format!(
            "{nl}{pad}metadata:{nl}{pad}  {}: {}",
            yaml::scalar_token(key, yaml::ScalarStyle::Plain),
            yaml::scalar_token(value, yaml::ScalarStyle::DoubleQuoted)
        ),
    ))
}

fn metadata_span(values: &YamlFile<'_>) -> Option<Span> {
    let plugin = values.root()?.entry("plugin")?;
    Some(plugin.value.entry("metadata").map_or(plugin.key.span, |e| e.key.span))
}

/// True when a template renders `.Values.plugin.metadata` into the UIPlugin (the shell ≥ 2.0.0
/// template's `extension-server.pluginMetadata` helper); older templates hard-code the CR.
pub fn templates_render_metadata(ctx: &Ctx<'_>) -> bool {
    ctx.package.files_under("templates").any(|p| {
        ctx.package.text(p).is_some_and(|t| t.contains("pluginMetadata") || t.contains(".Values.plugin.metadata"))
    })
}

// ------------------------------------------------------------------ plugin archive (rancher.md §2)

fn plugin(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    rc028::check(ctx, out);
    let Some(file) = ctx.json("plugin/package.json") else {
        return;
    };
    let Ok(root) = &file.value else { return };
    let Some(folder) = ctx.top_folder else { return };
    let Some(m) = root.member("version") else {
        return;
    };
    let Some(version) = m.value.as_str() else {
        return;
    };
    if version != folder {
        out.push(file.file.report(&VersionMismatch::Folder { version, folder }, m.value.span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_insertions_at_one_point() {
        let e = merge_edits(vec![
            Edit::insert("v", 5, "\n  a: 1"),
            Edit::insert("v", 5, "\n  b: 2"),
            Edit::replace("v", Span::new(1, 2), "x"),
        ]);
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].replacement, "\n  a: 1\n  b: 2");
    }
}
