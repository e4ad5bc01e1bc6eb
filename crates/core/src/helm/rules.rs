//! HELM001 (Chart.yaml's required fields, Helm `Metadata.Validate`) and SYN003 on Chart.yaml.
//! Source: helm/helm `pkg/chart/metadata.go` (`Validate`, `isValidSemver`), v3.18.1.

use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::schema::{self, Strictness};
use crate::document::{Ctx, YamlFile};
use crate::i18n::{Arg, Message};
use crate::package::Kind;
use crate::syntax::Span;
use crate::syntax::yaml::Node;
use crate::syntax::yaml::{self, ScalarType};

/// Runs the Chart.yaml rules on the package's own Chart.yaml and on every subchart's.
pub fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut charts: Vec<String> = ctx
        .package
        .files
        .keys()
        .filter(|p| {
            p.strip_prefix("charts/").and_then(|r| r.strip_suffix("/Chart.yaml")).is_some_and(|d| !d.contains('/'))
        })
        .cloned()
        .collect();
    if ctx.package.contains("Chart.yaml") {
        charts.insert(0, "Chart.yaml".to_string());
    }
    for path in charts {
        let Some(file) = ctx.yaml(&path) else {
            continue;
        };
        let Some(root) = file.root() else { continue };
        if !root.is_mapping() {
            continue;
        }
        schema::check(&file.file, root, &schema::CHART_YAML, Strictness::Helm, out);
        // A packaged KubeSphere Chart.yaml is generated; KS012 compares it with extension.yaml.
        let generated = ctx.kind == Kind::Kubesphere && path == "Chart.yaml";
        required(&file, root, generated, out);
        numeric_versions(&file, root, out);
        // KubeSphere's own dependencies are checked on extension.yaml (KS030).
        if !generated && ctx.complete() {
            let dir = path.strip_suffix("/Chart.yaml").unwrap_or("");
            missing_subcharts(ctx, &file, root, dir, out);
        }
    }
}

fn required(file: &YamlFile<'_>, root: &Node, generated: bool, out: &mut Vec<Diagnostic>) {
    let regenerate = if generated { Arg::from(crate::msg!("helm001-regenerate")) } else { Arg::none() };
    let mut problem = |span: Span, message: Message, help: Message| {
        out.push(file.file.diag(
            "HELM001",
            Severity::Error,
            span,
            message,
            crate::msg!("helm001-help", help, regenerate),
        ));
    };
    let start = Span::at(root.span.start);
    let path = file.file.path;
    match root.entry_go("apiVersion") {
        None => problem(
            start,
            crate::msg!("helm001-message-no-api-version", path),
            crate::msg!("helm001-help-no-api-version"),
        ),
        Some(e) => match e.value.as_str() {
            Some("v1" | "v2") => {}
            other => problem(
                e.value.span,
                crate::msg!("helm001-message-api-version", value = other.unwrap_or("")),
                crate::msg!("helm001-help-api-version"),
            ),
        },
    }
    match root.entry_go("name").and_then(|e| e.value.as_str().map(|s| (s, e))) {
        None | Some(("", _)) => {
            problem(start, crate::msg!("helm001-message-no-name", path), crate::msg!("helm001-help-no-name"))
        }
        Some((name, e)) if name.contains(['/', '\\']) || name == "." || name == ".." => {
            problem(e.value.span, crate::msg!("helm001-message-name-path", name), crate::msg!("helm001-help-name-path"))
        }
        _ => {}
    }
    match root.entry_go("version").and_then(|e| e.value.as_str().map(|s| (s, e))) {
        None | Some(("", _)) => {
            problem(start, crate::msg!("helm001-message-no-version", path), crate::msg!("helm001-help-no-version"))
        }
        Some((version, e)) if !is_masterminds_version(version) => {
            problem(e.value.span, crate::msg!("helm001-message-version", version), crate::msg!("helm001-help-version"))
        }
        _ => {}
    }
}

/// True when Helm's `isValidSemver` accepts `v`: Masterminds `NewVersion` (lenient: `v`
/// prefix, one to three numeric parts), as in the Helm line that reads it (3.3 for Helm ≤ 3.18).
fn is_masterminds_version(v: &str) -> bool {
    crate::semver::masterminds::Version::parse(v, crate::semver::masterminds::Line::V3_3).is_ok()
}

/// HELM002: `version` or `appVersion` written as a YAML number. Helm converts it to a string,
/// so `1.10` becomes `1.1` and `1.0` becomes `1` (`sigs.k8s.io/yaml`), and `helm lint` warns.
fn numeric_versions(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    for key in ["version", "appVersion"] {
        let Some(entry) = root.entry_go(key) else { continue };
        if !matches!(entry.value.scalar_type(), Some(ScalarType::Int | ScalarType::Float)) {
            continue;
        }
        let raw = file.file.slice(entry.value.span);
        let read_as = crate::document::schema::go_float_string(raw);
        let note = if read_as != raw { Arg::from(crate::msg!("helm002-note", read_as)) } else { Arg::none() };
        out.push(
            file.file
                .diag(
                    "HELM002",
                    Severity::Warning,
                    entry.value.span,
                    crate::msg!("helm002-message", key, raw, note),
                    crate::msg!("helm002-help"),
                )
                .with_fix(Fix::safe(
                    format!("Quote `{raw}`"),
                    vec![file.file.edit(entry.value.span, yaml::double_quoted(raw))],
                )),
        );
    }
}

/// HELM003: a `dependencies[]` entry of a Chart.yaml without a subchart of that name in the
/// chart's `charts/` (Helm `CheckDependencies`, run by `helm install` and `helm upgrade`).
fn missing_subcharts(ctx: &Ctx<'_>, file: &YamlFile<'_>, root: &Node, dir: &str, out: &mut Vec<Diagnostic>) {
    let Some(deps) = root.get("dependencies") else { return };
    let subcharts = crate::helm::subcharts(ctx, dir);
    for dep in deps.items() {
        let Some(name_node) = dep.get("name") else { continue };
        let Some(name) = name_node.as_str() else { continue };
        if subcharts.iter().any(|(n, _)| n == name) {
            continue;
        }
        let charts_dir = if dir.is_empty() { "charts/".to_string() } else { format!("{dir}/charts/") };
        out.push(file.file.diag(
            "HELM003",
            Severity::Error,
            name_node.span,
            crate::msg!("helm003-message", name, charts_dir),
            crate::msg!("helm003-help", name, charts_dir),
        ));
    }
}
