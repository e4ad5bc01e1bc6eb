//! The TPL rules over the rendered chart ([`super::Analysis`]).

use std::collections::{BTreeMap, BTreeSet};

use super::{Analysis, Object, PROBE, Render, apis};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::Ctx;
use crate::package::Kind;
use crate::platforms::{self, KubeMinor};
use crate::semver::judge::{self, Component, Field};
use crate::syntax::Span;
use crate::syntax::yaml::{Node, ScalarType};

/// Runs every TPL rule on `ctx`'s package.
pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let analysis = super::analysis(ctx);
    let Some(a) = analysis.as_ref() else { return };
    let mut rendered: Vec<&Render> = Vec::new();
    let first = out.len();
    for release in &a.releases {
        let start = out.len();
        let render = match &release.render {
            Ok(r) => r,
            Err(f) => {
                out.push(render_failure(ctx, f));
                label(out, start, release.label);
                continue;
            }
        };
        rendered.push(render);
        yaml_and_types(ctx, render, out);
        names(ctx, a, render, out);
        if ctx.kind == Kind::Kubesphere {
            if let Some(probe) = &release.probe {
                probe_checks(ctx, probe, out);
            }
            registration(ctx, a, render, out);
            cluster_permissions(ctx, render, out);
        }
        if ctx.kind == Kind::RancherChart {
            ui_plugin(ctx, render, out);
        }
        chance_and_lookup(ctx, render, out);
        label(out, start, release.label);
    }
    served_apis(ctx, a, out);
    if ctx.kind == Kind::Kubesphere && !rendered.is_empty() {
        images(ctx, &rendered, out);
    }
    dedupe(out, first);
}

/// Names the release in the findings `out[start..]` of a labelled release.
fn label(out: &mut [Diagnostic], start: usize, label: Option<&str>) {
    if label == Some("agent") {
        for d in &mut out[start..] {
            d.wrap_message(crate::msg!("tpl-agent-release"));
        }
    }
}

/// The message of `d` without the agent release's label ([`label`]).
fn unlabelled(d: &Diagnostic) -> String {
    match &d.message_source {
        Some(m) if m.id == "tpl-agent-release" => match m.args.iter().find(|(name, _)| *name == "message") {
            Some((_, crate::i18n::Arg::Message(inner))) => inner.render(crate::i18n::Lang::En),
            Some((_, crate::i18n::Arg::Text(inner))) => inner.clone(),
            _ => d.message.clone(),
        },
        _ => d.message.clone(),
    }
}

/// Keeps one of the findings that both releases of an extension make on the same template.
fn dedupe(out: &mut Vec<Diagnostic>, first: usize) {
    let mut seen = BTreeSet::new();
    let mut i = first;
    while i < out.len() {
        let d = &out[i];
        let key = (d.code, d.file.clone(), d.location.as_ref().map(|l| l.span.start), unlabelled(d));
        if seen.insert(key) {
            i += 1;
        } else {
            out.remove(i);
        }
    }
}

/// A diagnostic in the package file `source`, on the first line containing `needle` (or the
/// whole file when absent); input-level when the template has no file in the package.
fn at_template(
    ctx: &Ctx<'_>,
    source: Option<&str>,
    needle: Option<&str>,
    code: &'static str,
    severity: Severity,
    message: impl Into<crate::diagnostic::Text>,
    help: impl Into<crate::diagnostic::Text>,
) -> Diagnostic {
    let (message, help): (crate::diagnostic::Text, crate::diagnostic::Text) = (message.into(), help.into());
    let d = Diagnostic::new(code, severity, message.clone(), help.clone());
    let Some(src) = source else { return d };
    let Some(file) = ctx.text(src) else { return d.in_file(src) };
    match needle.and_then(|n| file.text.find(n)) {
        Some(at) => {
            let line = file.index.line_col(file.text, at).line;
            let span = file.index.line_span(file.text, line).unwrap_or(Span::at(at));
            let trimmed = file.slice(span);
            let lead = trimmed.len() - trimmed.trim_start().len();
            let span = Span::new(span.start + lead, span.end.max(span.start + lead));
            file.diag(code, severity, span, message, help)
        }
        None => d.in_file(src),
    }
}

fn render_failure(ctx: &Ctx<'_>, f: &super::Failure) -> Diagnostic {
    const HELP: crate::i18n::Message = crate::i18n::Message::new("tpl001-help");
    let flat: Vec<&str> = f.message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let message = crate::msg!("tpl001-message", error = flat.join(" "));
    let d = Diagnostic::new("TPL001", Severity::Error, message.clone(), HELP);
    let Some(src) = f.source.as_deref() else {
        return match ctx.text("Chart.yaml") {
            Some(_) => d.in_file("Chart.yaml"),
            None => d,
        };
    };
    let Some(file) = ctx.text(src) else { return d.in_file(src) };
    let Some(span) = f.line.and_then(|l| file.index.line_span(file.text, l)) else { return d.in_file(src) };
    let start = match f.column {
        Some(c) => file.text[span.start..span.end]
            .char_indices()
            .nth(c.saturating_sub(1))
            .map_or(span.start, |(i, _)| span.start + i),
        None => span.start,
    };
    file.diag("TPL001", Severity::Error, Span::new(start, span.end.max(start)), message, HELP)
}

fn yaml_and_types(ctx: &Ctx<'_>, r: &Render, out: &mut Vec<Diagnostic>) {
    if let Some((template, message)) = &r.yaml_error {
        out.push(at_template(
            ctx,
            super::source_path(ctx, template).as_deref(),
            None,
            "TPL002",
            Severity::Error,
            crate::msg!("tpl002-message", template, message),
            crate::msg!("tpl002-help"),
        ));
    }
    for (template, missing) in &r.untyped {
        out.push(at_template(
            ctx,
            super::source_path(ctx, template).as_deref(),
            None,
            "TPL002",
            Severity::Error,
            crate::msg!("tpl002-message-incomplete", template, missing, unset = missing.replace(" and ", " not set, ")),
            crate::msg!("tpl002-help-incomplete"),
        ));
    }
}

/// Cluster-scoped kinds: (API group, kind, resource).
const CLUSTER_SCOPED: &[(&str, &str, &str)] = &[
    ("", "Namespace", "namespaces"),
    ("", "PersistentVolume", "persistentvolumes"),
    ("", "Node", "nodes"),
    ("rbac.authorization.k8s.io", "ClusterRole", "clusterroles"),
    ("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings"),
    ("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions"),
    ("admissionregistration.k8s.io", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations"),
    ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations"),
    ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy", "validatingadmissionpolicies"),
    ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings"),
    ("apiregistration.k8s.io", "APIService", "apiservices"),
    ("scheduling.k8s.io", "PriorityClass", "priorityclasses"),
    ("storage.k8s.io", "StorageClass", "storageclasses"),
    ("storage.k8s.io", "CSIDriver", "csidrivers"),
    ("storage.k8s.io", "VolumeAttachment", "volumeattachments"),
    ("networking.k8s.io", "IngressClass", "ingressclasses"),
    ("node.k8s.io", "RuntimeClass", "runtimeclasses"),
    ("flowcontrol.apiserver.k8s.io", "FlowSchema", "flowschemas"),
    ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration", "prioritylevelconfigurations"),
    ("extensions.kubesphere.io", "JSBundle", "jsbundles"),
    ("extensions.kubesphere.io", "APIService", "apiservices"),
    ("extensions.kubesphere.io", "ReverseProxy", "reverseproxies"),
    ("extensions.kubesphere.io", "ExtensionEntry", "extensionentries"),
    ("iam.kubesphere.io", "RoleTemplate", "roletemplates"),
    ("iam.kubesphere.io", "GlobalRole", "globalroles"),
    ("iam.kubesphere.io", "GlobalRoleBinding", "globalrolebindings"),
    ("iam.kubesphere.io", "ClusterRole", "clusterroles"),
    ("iam.kubesphere.io", "ClusterRoleBinding", "clusterrolebindings"),
    ("iam.kubesphere.io", "Category", "categories"),
    ("cert-manager.io", "ClusterIssuer", "clusterissuers"),
];

fn group_of(api_version: &str) -> &str {
    api_version.rsplit_once('/').map_or("", |(g, _)| g)
}

fn cluster_scoped(o: &Object) -> Option<(&'static str, &'static str)> {
    let group = group_of(&o.api_version);
    CLUSTER_SCOPED.iter().find(|(g, k, _)| *g == group && *k == o.kind).map(|(g, _, r)| (*g, *r))
}

fn is_dns_label(s: &str) -> bool {
    s.len() <= 63
        && !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn is_dns_subdomain(s: &str) -> bool {
    s.len() <= 253
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !p.starts_with('-')
                && !p.ends_with('-')
        })
}

/// Why `name` is not a valid name for `o`'s kind (Kubernetes `apimachinery` validation), if so.
fn invalid_name(o: &Object, name: &str) -> Option<&'static str> {
    let rbac = group_of(&o.api_version) == "rbac.authorization.k8s.io";
    if rbac {
        // ValidateRBACName: path.IsValidPathSegmentName
        return (name == "." || name == ".." || name.contains('/') || name.contains('%'))
            .then_some("may not be '.' or '..' and may not contain '/' or '%'");
    }
    let label = matches!((o.api_version.as_str(), o.kind.as_str()), ("v1", "Namespace") | ("v1", "Service"));
    if label {
        return (!is_dns_label(name))
            .then_some("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', start and end with one, and be at most 63 characters");
    }
    (!is_dns_subdomain(name))
        .then_some("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (at most 253 characters)")
}

fn names(ctx: &Ctx<'_>, a: &Analysis, r: &Render, out: &mut Vec<Diagnostic>) {
    const HELP: crate::i18n::Message = crate::i18n::Message::new("tpl003-help-invalid-name");
    let namespace = a.chart.as_str();
    let mut seen: BTreeMap<(String, String, String, String), &Object> = BTreeMap::new();
    for o in &r.objects {
        let needle = format!("kind: {}", o.kind);
        let Some(name) = o.name.as_deref() else {
            if o.str_at(&["metadata", "generateName"]).is_none() {
                out.push(at_template(
                    ctx,
                    o.source.as_deref(),
                    Some(&needle),
                    "TPL003",
                    Severity::Error,
                    crate::msg!("tpl003-message", template = o.template, kind = o.kind),
                    HELP,
                ));
            }
            continue;
        };
        // A name made from a release name that is itself invalid (KS010 on the extension's name):
        // that rule reports the cause once; every derived name would repeat it.
        let from_bad_release = !is_dns_label(&a.chart) && name.contains(a.chart.as_str());
        if let Some(why) = invalid_name(o, name).filter(|_| !from_bad_release) {
            out.push(at_template(
                ctx,
                o.source.as_deref(),
                Some(&needle),
                "TPL003",
                Severity::Error,
                crate::msg!("tpl003-message-invalid-name", template = o.template, kind = o.kind, name, why),
                HELP,
            ));
            continue;
        }
        if o.hook {
            continue;
        }
        let ns = if cluster_scoped(o).is_some() { "" } else { o.namespace.as_deref().unwrap_or(namespace) };
        let key = (group_of(&o.api_version).to_string(), o.kind.clone(), ns.to_string(), name.to_string());
        if let Some(first) = seen.get(&key) {
            out.push(at_template(
                ctx,
                o.source.as_deref(),
                Some(&needle),
                "TPL003",
                Severity::Error,
                crate::msg!(
                    "tpl003-message-duplicate",
                    template = o.template,
                    kind = o.kind,
                    name,
                    namespace = if ns.is_empty() { String::new() } else { format!(" in namespace \"{ns}\"") },
                    first_template = first.template
                ),
                crate::msg!("tpl003-help"),
            ));
        } else {
            seen.insert(key, o);
        }
    }
}

/// The minors of the matrix that the chart's `kubeVersion` admits, read by the Helm that
/// installs it (KubeSphere's executor Helm 3.12; Helm ≥ 3.19 elsewhere).
fn admitted_minors(ctx: &Ctx<'_>) -> Vec<KubeMinor> {
    let chart = ctx
        .yaml("Chart.yaml")
        .and_then(|c| c.root().and_then(|r| r.get("kubeVersion")).and_then(Node::as_str).map(str::to_string));
    let constraint = chart
        .or_else(|| {
            (ctx.kind == Kind::Kubesphere)
                .then(|| {
                    ctx.yaml("extension.yaml").and_then(|e| {
                        e.root().and_then(|r| r.get("kubeVersion")).and_then(Node::as_str).map(str::to_string)
                    })
                })
                .flatten()
        })
        .unwrap_or_default();
    let component = if ctx.kind == Kind::Kubesphere { Component::HelmExecutor312 } else { Component::Helm319 };
    let (lo, hi) = platforms::KUBE_MINORS;
    (lo..=hi)
        .filter(|m| {
            constraint.trim().is_empty()
                || judge::judge(component, Field::KubeVersion, &constraint, &format!("v1.{m}.0"))
                    .is_some_and(|j| j.verdict.admits())
        })
        .collect()
}

/// "1.25–1.36" or "1.22, 1.24–1.25".
pub(crate) fn minor_ranges(minors: &[KubeMinor]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < minors.len() {
        let mut j = i;
        while j + 1 < minors.len() && minors[j + 1] == minors[j] + 1 {
            j += 1;
        }
        parts.push(if i == j { format!("1.{}", minors[i]) } else { format!("1.{}–1.{}", minors[i], minors[j]) });
        i = j + 1;
    }
    parts.join(", ")
}

fn replacement(row: &apis::ApiRow) -> Option<&'static apis::ApiRow> {
    apis::APIS.iter().find(|r| r.kind == row.kind && r.group_version != row.group_version && r.removed.is_none())
}

fn served_apis(ctx: &Ctx<'_>, a: &Analysis, out: &mut Vec<Diagnostic>) {
    let admitted: BTreeSet<KubeMinor> = admitted_minors(ctx).into_iter().collect();
    let mut unserved: BTreeMap<(String, String, String), (Vec<KubeMinor>, apis::ApiRow)> = BTreeMap::new();
    let mut deprecated: BTreeMap<(String, String, String), (Vec<KubeMinor>, apis::ApiRow)> = BTreeMap::new();
    for (minor, found) in &a.per_minor {
        if !admitted.contains(minor) {
            continue;
        }
        for (api, kind, template) in found.iter().flatten() {
            let key = (api.clone(), kind.clone(), template.clone());
            match apis::status(api, kind, *minor) {
                apis::Status::NotServed(row) => unserved.entry(key).or_insert((Vec::new(), row)).0.push(*minor),
                apis::Status::Deprecated(row) => deprecated.entry(key).or_insert((Vec::new(), row)).0.push(*minor),
                apis::Status::Served => {}
            }
        }
    }
    for ((api, kind, template), (minors, row)) in unserved {
        let why = match (row.removed, row.added) {
            (Some(r), _) if minors.iter().all(|m| *m >= r) => format!("removed in 1.{r}"),
            (_, Some(ad)) => format!("served from 1.{ad}"),
            (Some(r), _) => format!("removed in 1.{r}"),
            _ => String::new(),
        };
        let instead = replacement(&row).map_or(String::new(), |n| {
            format!("; use {}{}", n.group_version, n.added.map_or(String::new(), |ad| format!(" (served from 1.{ad})")))
        });
        out.push(at_template(
            ctx,
            super::source_path(ctx, &template).as_deref(),
            Some(api.as_str()),
            "TPL004",
            Severity::Error,
            crate::msg!("tpl004-message", template, kind, api, versions = minor_ranges(&minors), why, instead),
            crate::msg!("tpl004-help"),
        ));
    }
    for ((api, kind, template), (minors, row)) in deprecated {
        let instead = replacement(&row).map_or(String::new(), |n| format!("; use {}", n.group_version));
        out.push(at_template(
            ctx,
            super::source_path(ctx, &template).as_deref(),
            Some(api.as_str()),
            "TPL005",
            Severity::Warning,
            crate::msg!(
                "tpl005-message",
                template,
                kind,
                api,
                versions = minor_ranges(&minors),
                removed = row.removed.unwrap_or_default(),
                instead
            ),
            crate::msg!("tpl005-help"),
        ));
    }
}

const WORKLOADS: &[&str] = &["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Pod", "CronJob"];

/// The pod spec of a workload (ksbuilder lint's paths).
fn pod_spec(o: &Object) -> Option<&Node> {
    match o.kind.as_str() {
        "Pod" => o.at(&["spec"]),
        "CronJob" => o.at(&["spec", "jobTemplate", "spec", "template", "spec"]),
        k if WORKLOADS.contains(&k) => o.at(&["spec", "template", "spec"]),
        _ => None,
    }
}

/// `(container name, image)` of every container and init container of a workload.
fn container_images(o: &Object) -> Vec<(String, String)> {
    let Some(spec) = pod_spec(o) else { return Vec::new() };
    ["initContainers", "containers"]
        .iter()
        .flat_map(|k| spec.get(k).map(Node::items).unwrap_or_default())
        .filter_map(|c| {
            let image = c.get("image").and_then(Node::as_str)?;
            Some((c.get("name").and_then(Node::as_str).unwrap_or("").to_string(), image.to_string()))
        })
        .collect()
}

fn normalise(image: &str) -> &str {
    image.strip_prefix("docker.io/library/").or_else(|| image.strip_prefix("docker.io/")).unwrap_or(image)
}

fn images(ctx: &Ctx<'_>, renders: &[&Render], out: &mut Vec<Diagnostic>) {
    let Some(ext) = ctx.yaml("extension.yaml") else { return };
    let Some(root) = ext.root() else { return };
    let entry = root.entry_go("images");
    let listed: Vec<&Node> = entry.map(|e| e.value.items().iter().collect()).unwrap_or_default();
    // TPL010: ksbuilder lint looks for each image as a substring of the rendered YAML files.
    let yaml_text: Vec<&String> = renders
        .iter()
        .flat_map(|r| r.manifests.iter())
        .filter(|(k, _)| k.ends_with(".yaml") || k.ends_with(".yml"))
        .map(|(_, v)| v)
        .collect();
    for item in &listed {
        let Some(image) = item.as_str().filter(|s| !s.is_empty()) else { continue };
        let found = yaml_text.iter().any(|t| {
            t.contains(image)
                || image.strip_prefix("docker.io/").is_some_and(|i| t.contains(i))
                || image.strip_prefix("docker.io/library/").is_some_and(|i| t.contains(i))
        });
        if !found {
            out.push(ext.file.diag(
                "TPL010",
                Severity::Warning,
                item.span,
                crate::msg!("tpl010-message", image),
                crate::msg!("tpl010-help"),
            ));
        }
    }
    // TPL011: every workload image should be listed (KS084 reports an empty or missing list).
    if listed.is_empty() {
        return;
    }
    let listed_norm: BTreeSet<&str> = listed.iter().filter_map(|n| n.as_str()).map(normalise).collect();
    let mut reported = BTreeSet::new();
    for o in renders.iter().flat_map(|r| r.objects.iter()).filter(|o| WORKLOADS.contains(&o.kind.as_str())) {
        for (_, image) in container_images(o) {
            if image.is_empty() || listed_norm.contains(normalise(&image)) || !reported.insert(image.clone()) {
                continue;
            }
            let mut d = Diagnostic::new(
                "TPL011",
                Severity::Warning,
                crate::msg!(
                    "tpl011-message",
                    template = o.template,
                    image,
                    kind = o.kind,
                    name = o.name.as_deref().unwrap_or("")
                ),
                crate::msg!("tpl011-help"),
            );
            d = d.in_file("extension.yaml");
            if let Some(e) = entry {
                d = d.at(ext.file.text, &ext.file.index, e.key.span);
                if let Some(fix) = add_image_fix(ext.file.text, e, &image) {
                    d = d.with_fix(fix);
                }
            }
            out.push(d);
        }
    }
}

/// Appends `image` to the block sequence `images` (flow sequences are left alone).
fn add_image_fix(text: &str, e: &crate::syntax::yaml::Entry, image: &str) -> Option<Fix> {
    let item = crate::syntax::yaml::scalar_token(image, crate::syntax::yaml::ScalarStyle::Plain);
    let title = format!("List `{image}` under `images` in extension.yaml");
    let last = e.value.items().last()?;
    if !e.value.is_sequence() || text[e.value.span.start..].starts_with('[') {
        return None;
    }
    // The dash of the last item: the last `-` before it on its line.
    let line_start = text[..last.span.start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..last.span.start];
    let dash = prefix.find('-')?;
    let indent = &prefix[..dash];
    if !indent.chars().all(|c| c == ' ') {
        return None;
    }
    let end = text[last.span.end..].find('\n').map_or(text.len(), |i| last.span.end + i);
    Some(Fix::unsafe_(title, vec![Edit::insert("extension.yaml", end, format!("\n{indent}- {item}"))]))
}

fn probe_checks(ctx: &Ctx<'_>, probe: &Render, out: &mut Vec<Diagnostic>) {
    for o in probe.objects.iter().filter(|o| WORKLOADS.contains(&o.kind.as_str())) {
        let name = o.name.as_deref().unwrap_or("");
        for (container, image) in container_images(o) {
            if !image.contains(PROBE) {
                out.push(at_template(
                    ctx,
                    o.source.as_deref(),
                    Some("image:"),
                    "TPL012",
                    Severity::Warning,
                    crate::msg!("tpl012-message", template = o.template, container, kind = o.kind, name, image),
                    crate::msg!("tpl012-help"),
                ));
            }
        }
        // ksbuilder lint checks the node selector of these kinds only (not DaemonSet).
        if o.kind == "DaemonSet" {
            continue;
        }
        let honoured = pod_spec(o)
            .and_then(|s| s.get("nodeSelector"))
            .and_then(|n| n.get("kubernetes.io/os"))
            .and_then(Node::as_str)
            == Some(PROBE);
        if !honoured {
            out.push(at_template(
                ctx,
                o.source.as_deref(),
                Some(&format!("kind: {}", o.kind)),
                "TPL013",
                Severity::Warning,
                crate::msg!("tpl013-message", template = o.template, kind = o.kind, name),
                crate::msg!("tpl013-help"),
            ));
        }
    }
}

const REGISTRATION: &[&str] = &["JSBundle", "APIService", "ReverseProxy", "ExtensionEntry"];

/// The service references of a registration object, with their field path.
fn service_refs(o: &Object) -> Vec<(String, &Node)> {
    let mut found: Vec<(String, Option<&Node>)> = vec![
        ("spec.rawFrom.service".into(), o.at(&["spec", "rawFrom", "service"])),
        ("spec.assets.style.service".into(), o.at(&["spec", "assets", "style", "service"])),
        ("spec.upstream.service".into(), o.at(&["spec", "upstream", "service"])),
        ("spec.service".into(), o.at(&["spec", "service"])),
    ];
    for (i, f) in o.at(&["spec", "assets", "files"]).map(Node::items).unwrap_or_default().iter().enumerate() {
        found.push((format!("spec.assets.files[{i}].service"), f.get("service")));
    }
    found.into_iter().filter_map(|(p, n)| Some((p, n.filter(|n| n.is_mapping())?))).collect()
}

fn registration(ctx: &Ctx<'_>, a: &Analysis, r: &Render, out: &mut Vec<Diagnostic>) {
    const HELP: crate::i18n::Message = crate::i18n::Message::new("tpl020-help-required");
    let release_ns = a.chart.as_str();
    let services: BTreeSet<(String, String)> = r
        .objects
        .iter()
        .filter(|o| o.api_version == "v1" && o.kind == "Service")
        .filter_map(|o| Some((o.namespace.clone().unwrap_or_else(|| release_ns.to_string()), o.name.clone()?)))
        .collect();
    for o in r
        .objects
        .iter()
        .filter(|o| group_of(&o.api_version) == "extensions.kubesphere.io" && REGISTRATION.contains(&o.kind.as_str()))
    {
        let name = o.name.as_deref().unwrap_or("");
        let mut missing: Vec<String> = Vec::new();
        for (path, s) in service_refs(o) {
            for field in ["name", "namespace"] {
                if s.get(field).and_then(Node::as_str).is_none_or(str::is_empty) {
                    missing.push(format!("{path}.{field}"));
                }
            }
            if let (Some(n), Some(ns)) =
                (s.get("name").and_then(Node::as_str), s.get("namespace").and_then(Node::as_str))
                && ns == release_ns
                && !n.is_empty()
                && !services.contains(&(ns.to_string(), n.to_string()))
            {
                out.push(at_template(
                    ctx,
                    o.source.as_deref(),
                    Some("service:"),
                    "TPL020",
                    Severity::Warning,
                    crate::msg!("tpl020-message", template = o.template, kind = o.kind, name, path, service = n),
                    crate::msg!("tpl020-help"),
                ));
            }
        }
        for key in ["configMapKeyRef", "secretKeyRef"] {
            if let Some(k) = o.at(&["spec", "rawFrom", key]).filter(|n| n.is_mapping()) {
                for field in ["key", "namespace"] {
                    if k.get(field).and_then(Node::as_str).is_none_or(str::is_empty) {
                        missing.push(format!("spec.rawFrom.{key}.{field}"));
                    }
                }
            }
        }
        if o.kind == "ReverseProxy"
            && let Some(m) = o.at(&["spec", "matcher"]).filter(|n| n.is_mapping())
        {
            for field in ["method", "path"] {
                if m.get(field).and_then(Node::as_str).is_none_or(str::is_empty) {
                    missing.push(format!("spec.matcher.{field}"));
                }
            }
        }
        if o.kind == "JSBundle"
            && o.at(&["spec", "rawFrom"]).is_none()
            && o.at(&["spec", "raw"]).is_none()
            && o.at(&["spec", "assets"]).is_none()
        {
            missing.push("spec.rawFrom (or spec.raw)".into());
        }
        if !missing.is_empty() {
            out.push(at_template(
                ctx,
                o.source.as_deref(),
                Some(&format!("kind: {}", o.kind)),
                "TPL020",
                Severity::Error,
                crate::msg!(
                    "tpl020-message-required",
                    template = o.template,
                    kind = o.kind,
                    name,
                    missing = missing.join(", ")
                ),
                HELP,
            ));
        }
    }
}

fn permitted(rules: &[&Node], group: &str, resource: &str) -> bool {
    let has = |n: &Node, k: &str, want: &str| {
        n.get(k).map(Node::items).unwrap_or_default().iter().any(|i| i.as_str().is_some_and(|s| s == want || s == "*"))
    };
    rules.iter().any(|r| has(r, "verbs", "create") && has(r, "apiGroups", group) && has(r, "resources", resource))
}

fn cluster_permissions(ctx: &Ctx<'_>, r: &Render, out: &mut Vec<Diagnostic>) {
    let Some(perms) = ctx.yaml("permissions.yaml") else { return };
    let rules: Vec<&Node> = perms
        .stream
        .documents
        .iter()
        .filter(|d| d.get("kind").and_then(Node::as_str) == Some("ClusterRole"))
        .flat_map(|d| d.get("rules").map(Node::items).unwrap_or_default())
        .collect();
    let mut reported = BTreeSet::new();
    for o in &r.objects {
        let Some((group, resource)) = cluster_scoped(o) else { continue };
        if permitted(&rules, group, resource) || !reported.insert((group, resource)) {
            continue;
        }
        let group_text = if group.is_empty() { "\"\"".to_string() } else { group.to_string() };
        out.push(at_template(
            ctx,
            o.source.as_deref(),
            Some(&format!("kind: {}", o.kind)),
            "TPL021",
            Severity::Warning,
            crate::msg!(
                "tpl021-message",
                template = o.template,
                kind = o.kind,
                name = o.name.as_deref().unwrap_or(""),
                resource,
                group = group_text
            ),
            crate::msg!("tpl021-help"),
        ));
    }
}

const GATING: &[&str] = &[
    "catalog.cattle.io/ui-extensions-version",
    "catalog.cattle.io/kube-version",
    "catalog.cattle.io/rancher-version",
    "catalog.cattle.io/ui-extensions-host",
    "catalog.cattle.io/prime-only",
];

fn ui_plugin(ctx: &Ctx<'_>, r: &Render, out: &mut Vec<Diagnostic>) {
    let values = ctx.yaml("values.yaml");
    let plugin = values.as_ref().and_then(|v| v.root()).and_then(|r| r.get("plugin"));
    let vstr = |k: &str| plugin.and_then(|p| p.get(k)).and_then(Node::as_str).filter(|s| !s.is_empty());
    for o in r.objects.iter().filter(|o| o.kind == "UIPlugin" && group_of(&o.api_version) == "catalog.cattle.io") {
        let spec = |k: &str| o.str_at(&["spec", "plugin", k]);
        let mut errors: Vec<String> = Vec::new();
        let mut warnings: Vec<String> = Vec::new();
        if spec("name").is_none() || spec("version").is_none() {
            errors.push("`spec.plugin.name` or `spec.plugin.version` is empty (plugins.error.generic)".into());
        }
        if spec("endpoint").is_none()
            && spec("compressedEndpoint").is_none()
            && (vstr("endpoint").is_some() || vstr("compressedEndpoint").is_some())
        {
            errors.push("no `endpoint`, although values.yaml sets `plugin.endpoint` (plugins.error.generic)".into());
        }
        if let Some(n) = o.at(&["spec", "plugin", "noCache"])
            && !n.is_null()
            && n.scalar_type() != Some(ScalarType::Bool)
        {
            errors.push(format!(
                "`noCache` renders as `{}`, not a boolean (the UIPlugin CRD rejects it)",
                n.as_str().unwrap_or("…")
            ));
        }
        let rendered = o.at(&["spec", "plugin", "metadata"]);
        let meta = plugin.and_then(|p| p.get("metadata"));
        for key in GATING {
            let Some(want) = meta.and_then(|m| m.get(key)).and_then(Node::as_str) else { continue };
            match rendered.and_then(|m| m.get(key)).and_then(Node::as_str) {
                Some(got) if got == want => {}
                got => {
                    let text = match got {
                        None => {
                            format!("`spec.plugin.metadata` lacks `{key}`, which values.yaml `plugin.metadata` sets")
                        }
                        Some(g) => {
                            format!("`spec.plugin.metadata` renders `{key}` as \"{g}\", values.yaml says \"{want}\"")
                        }
                    };
                    if *key == "catalog.cattle.io/ui-extensions-version" && got.is_none() {
                        errors.push(format!("{text} (plugins.error.apiAnnotationMissing)"));
                    } else {
                        warnings.push(text);
                    }
                }
            }
        }
        for (sev, list) in [(Severity::Error, errors), (Severity::Warning, warnings)] {
            if list.is_empty() {
                continue;
            }
            out.push(at_template(
                ctx,
                o.source.as_deref(),
                Some("kind: UIPlugin"),
                "TPL030",
                sev,
                crate::msg!("tpl030-message", template = o.template, problems = list.join("; ")),
                if sev == Severity::Error {
                    crate::msg!("tpl030-help-error")
                } else {
                    crate::msg!("tpl030-help-warning")
                },
            ));
        }
    }
}

const CHANCE: &[&str] = &[
    "randAlphaNum",
    "randAlpha",
    "randAscii",
    "randNumeric",
    "randBytes",
    "randInt",
    "uuidv4",
    "now",
    "date",
    "genCA",
    "genPrivateKey",
    "genSelfSignedCert",
    "genSignedCert",
    "genCAWithKey",
    "genSelfSignedCertWithKey",
    "genSignedCertWithKey",
    "shuffle",
];

fn chance_and_lookup(ctx: &Ctx<'_>, r: &Render, out: &mut Vec<Diagnostic>) {
    let functions = if r.chance_functions.is_empty() {
        String::from("chance or time functions")
    } else {
        r.chance_functions.join(", ")
    };
    for template in &r.nondeterministic {
        let source = super::source_path(ctx, template);
        let needle = source.as_deref().and_then(|s| ctx.package.text(s)).and_then(|t| {
            r.chance_functions
                .iter()
                .chain(CHANCE.iter().map(|s| s.to_string()).collect::<Vec<_>>().iter())
                .find(|f| t.contains(f.as_str()))
                .cloned()
        });
        out.push(at_template(
            ctx,
            source.as_deref(),
            needle.as_deref(),
            "TPL040",
            Severity::Info,
            crate::msg!("tpl040-message", template, functions),
            crate::msg!("tpl040-help"),
        ));
    }
    if r.used_lookup {
        let re = regex::Regex::new(r"\blookup\b").expect("pattern");
        for (path, _) in
            ctx.package.files.iter().filter(|(p, _)| p.starts_with("templates/") || p.contains("/templates/"))
        {
            if ctx.package.text(path).is_some_and(|t| re.is_match(t)) {
                out.push(at_template(
                    ctx,
                    Some(path),
                    Some("lookup"),
                    "TPL041",
                    Severity::Info,
                    crate::msg!("tpl041-message", path),
                    crate::msg!("tpl041-help"),
                ));
            }
        }
    }
}
