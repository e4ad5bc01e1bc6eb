//! RANGE001–RANGE005 (and RC011) on every constraint field: KubeSphere `kubeVersion`,
//! `ksVersion` and `externalDependencies[].version`; Chart.yaml `kubeVersion`; the Rancher
//! annotations `kube-version`, `rancher-version`, `ui-version` and `ui-extensions-version`.
//!
//! Each field is judged by the components that really read it, each with its own engine and
//! its own way of obtaining the current version ([`crate::semver::judge`]), against probe
//! versions from the platform tables ([`crate::platforms`]). Fixes are the meaning-preserving
//! rewrites of [`crate::semver::rewrite`], written back with the field's quoting.

use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Ctx, JsonFile, TextFile, YamlFile};
use crate::package::Kind;
use crate::platforms::{self, VendorBuild};
use crate::rancher::annotations::{KUBE_VERSION, RANCHER_VERSION, UI_EXTENSIONS_VERSION, UI_VERSION};
use crate::semver::MAX_CONSTRAINT_BYTES;
use crate::semver::judge::{self, Component, Field, Judgement, Verdict};
use crate::semver::node;
use crate::semver::rewrite::{self, Rewrite};
use crate::syntax::Span;
use crate::syntax::json::{JsonNode, string_literal};
use crate::syntax::yaml::{self, Node, ScalarStyle};

/// Where a constraint is written, so that a fix can rewrite it in the same style.
enum Holder<'a> {
    Yaml(Rc<YamlFile<'a>>, ScalarStyle),
    Json(Rc<JsonFile<'a>>),
}

/// One constraint as written in the package.
struct Site<'a> {
    holder: Holder<'a>,
    /// The scalar token (quotes included).
    span: Span,
    /// The constraint text.
    value: String,
    /// How it is named in messages (`kubeVersion`, `catalog.cattle.io/kube-version`).
    key: String,
    field: Field,
    /// The components that read this field for this kind of package.
    readers: &'static [Component],
    /// Probe versions (current versions the readers compare with).
    probes: Vec<Probe>,
    /// The platform's releases to check RANGE005 against, with the reader that decides.
    coverage: Option<Coverage>,
}

/// A current version to judge, labelled for messages, with its release twin for RANGE003.
#[derive(Clone)]
struct Probe {
    version: String,
    label: String,
    /// The release version this prerelease build stands for (`v1.28.0` for
    /// `v1.28.0-eks-2d98532`), for RANGE003.
    release_twin: Option<String>,
}

/// What RANGE005 checks: ordered platform versions (oldest first) and the deciding reader.
struct Coverage {
    decider: Component,
    versions: Vec<(String, String)>,
    what: &'static str,
}

impl Site<'_> {
    fn file(&self) -> &TextFile<'_> {
        match &self.holder {
            Holder::Yaml(f, _) => &f.file,
            Holder::Json(f) => &f.file,
        }
    }

    /// The constraint written back as a token in this site's style.
    fn token(&self, value: &str) -> String {
        match &self.holder {
            Holder::Yaml(_, style) => yaml::scalar_token(value, *style),
            Holder::Json(_) => string_literal(value),
        }
    }

    fn edit(&self, rewrite: &Rewrite) -> Edit {
        Edit::replace(self.file().path, self.span, self.token(&rewrite.text))
    }

    /// The file offset of byte `i` of the constraint, when the token holds the text verbatim.
    fn offset_of(&self, i: usize) -> Option<usize> {
        let raw = self.file().slice(self.span);
        let inner_start = if raw.starts_with(['"', '\'']) { 1 } else { 0 };
        let inner = raw.get(inner_start..raw.len() - inner_start)?;
        (inner == self.value).then_some(self.span.start + inner_start + i)
    }

    fn diag(
        &self,
        code: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<crate::diagnostic::Text>,
        help: impl Into<crate::diagnostic::Text>,
    ) -> Diagnostic {
        self.file().diag(code, severity, span, message, help)
    }

    fn shown(&self) -> String {
        format!("`{}: {}`", self.key, self.file().slice(self.span))
    }
}

const KS_KUBE: &[Component] =
    &[Component::KubeSphereServer, Component::HelmExecutor312, Component::Helm319, Component::KubeSphereConsole];
const KS_VERSION: &[Component] = &[Component::KubeSphereServer, Component::KubeSphereConsole];
const KS_EXTERNAL: &[Component] = &[Component::KubeSphereConsole];
const KS_CHART_KUBE: &[Component] = &[Component::HelmExecutor312, Component::Helm319];
const RANCHER_GATES: &[Component] =
    &[Component::RancherBackend, Component::RancherExtensionsPage, Component::RancherLoadGate];
const RANCHER_PAGE: &[Component] = &[Component::RancherExtensionsPage];
const RANCHER_API: &[Component] = &[Component::RancherExtensionsPage, Component::RancherLoadGate];
const RANCHER_CHART_KUBE: &[Component] = &[Component::RancherBackend, Component::Helm319];
const HELM_KUBE: &[Component] = &[Component::HelmExecutor312, Component::Helm319];

/// Kubernetes probes for minors `lo..=hi`: each as a plain release and as EKS and GKE builds.
fn kube_probes(lo: u32, hi: u32) -> Vec<Probe> {
    let mut out = Vec::new();
    for minor in lo..=hi {
        let plain = VendorBuild::Plain.git_version(minor);
        out.push(Probe { version: plain.clone(), label: format!("Kubernetes 1.{minor}"), release_twin: None });
        for vendor in [VendorBuild::Eks, VendorBuild::Gke] {
            out.push(Probe {
                version: vendor.git_version(minor),
                label: format!("{} 1.{minor}", vendor.label()),
                release_twin: Some(plain.clone()),
            });
        }
    }
    out
}

fn kube_coverage(decider: Component, lo: u32, hi: u32, what: &'static str) -> Coverage {
    Coverage {
        decider,
        versions: (lo..=hi).map(|m| (VendorBuild::Plain.git_version(m), format!("1.{m}"))).collect(),
        what,
    }
}

fn ks_probes() -> Vec<Probe> {
    let mut out = Vec::new();
    for r in platforms::KUBESPHERE.iter().filter(|r| r.v4) {
        out.push(Probe {
            version: r.git_version.to_string(),
            label: format!("KubeSphere {}", r.version),
            release_twin: None,
        });
        out.push(Probe {
            version: format!("{}-rc.1", r.git_version),
            label: format!("a KubeSphere {} rc build", r.version),
            release_twin: Some(r.git_version.to_string()),
        });
    }
    out
}

fn ks_coverage() -> Coverage {
    Coverage {
        decider: Component::KubeSphereServer,
        versions: platforms::KUBESPHERE
            .iter()
            .filter(|r| r.v4)
            .map(|r| (r.git_version.to_string(), r.version.to_string()))
            .collect(),
        what: "KubeSphere",
    }
}

fn rancher_probes() -> Vec<Probe> {
    platforms::RANCHER
        .iter()
        .map(|r| Probe {
            version: format!("v{}", r.version),
            label: format!("Rancher {}", r.version),
            release_twin: None,
        })
        .collect()
}

fn rancher_coverage(decider: Component) -> Coverage {
    Coverage {
        decider,
        versions: platforms::RANCHER.iter().map(|r| (format!("v{}", r.version), r.minor.to_string())).collect(),
        what: "Rancher",
    }
}

fn api_probes() -> Vec<Probe> {
    platforms::RANCHER
        .iter()
        .filter(|r| r.load_gate)
        .map(|r| Probe {
            version: r.extensions_api.to_string(),
            label: format!("Rancher {} (Extensions API {})", r.minor, r.extensions_api),
            release_twin: None,
        })
        .collect()
}

fn api_coverage() -> Coverage {
    Coverage {
        decider: Component::RancherExtensionsPage,
        versions: platforms::RANCHER
            .iter()
            .filter(|r| r.load_gate)
            .map(|r| (r.extensions_api.to_string(), r.minor.to_string()))
            .collect(),
        what: "Rancher (Extensions API v3)",
    }
}

fn yaml_site<'a>(
    file: &Rc<YamlFile<'a>>,
    node: &Node,
    key: &str,
    field: Field,
    readers: &'static [Component],
    probes: Vec<Probe>,
    coverage: Option<Coverage>,
) -> Option<Site<'a>> {
    let value = node.as_str().filter(|_| !node.is_null())?.to_string();
    Some(Site {
        holder: Holder::Yaml(file.clone(), node.style().unwrap_or(ScalarStyle::DoubleQuoted)),
        span: node.span,
        value,
        key: key.to_string(),
        field,
        readers,
        probes,
        coverage,
    })
}

fn json_site<'a>(
    file: &Rc<JsonFile<'a>>,
    node: &JsonNode,
    key: &str,
    field: Field,
    readers: &'static [Component],
    probes: Vec<Probe>,
    coverage: Option<Coverage>,
) -> Option<Site<'a>> {
    Some(Site {
        holder: Holder::Json(file.clone()),
        span: node.span,
        value: node.as_str()?.to_string(),
        key: key.to_string(),
        field,
        readers,
        probes,
        coverage,
    })
}

/// What a constraint field is judged with: its field, readers, probes and coverage.
type FieldSpec = (Field, &'static [Component], Vec<Probe>, Option<Coverage>);

/// Who accepts and who rejects a version (component labels).
type Split = (Vec<&'static str>, Vec<&'static str>);

/// Rancher annotation keys with constraints.
fn rancher_annotation(key: &str) -> Option<FieldSpec> {
    let (lo, hi) = (platforms::RANCHER[0].kube.lo, platforms::newest_rancher().kube.hi);
    Some(match key {
        KUBE_VERSION => (
            Field::KubeVersion,
            RANCHER_GATES,
            kube_probes(lo, hi),
            Some(kube_coverage(Component::RancherBackend, lo, hi, "Kubernetes")),
        ),
        RANCHER_VERSION => {
            (Field::RancherVersion, RANCHER_GATES, rancher_probes(), Some(rancher_coverage(Component::RancherBackend)))
        }
        UI_VERSION => {
            (Field::UiVersion, RANCHER_PAGE, rancher_probes(), Some(rancher_coverage(Component::RancherExtensionsPage)))
        }
        UI_EXTENSIONS_VERSION => (Field::UiExtensionsVersion, RANCHER_API, api_probes(), Some(api_coverage())),
        _ => return None,
    })
}

/// Every constraint of the package.
fn sites<'a>(ctx: &Ctx<'a>) -> Vec<Site<'a>> {
    let mut out = Vec::new();
    let newest_ks = platforms::newest_kubesphere();
    let ks_lo = platforms::KUBESPHERE.iter().filter(|r| r.v4).map(|r| r.kube.lo).min().unwrap_or(21);
    let ext_kube = ctx.yaml("extension.yaml").and_then(|f| {
        f.root().and_then(|r| r.entry_go("kubeVersion")).and_then(|e| e.value.as_str().map(str::to_string))
    });
    match ctx.kind {
        Kind::Kubesphere => {
            if let Some(file) = ctx.yaml("extension.yaml")
                && let Some(root) = file.root()
            {
                if let Some(e) = root.entry_go("kubeVersion") {
                    out.extend(yaml_site(
                        &file,
                        &e.value,
                        "kubeVersion",
                        Field::KubeVersion,
                        KS_KUBE,
                        kube_probes(ks_lo, newest_ks.kube.hi),
                        Some(kube_coverage(Component::KubeSphereServer, ks_lo, newest_ks.kube.hi, "Kubernetes")),
                    ));
                }
                if let Some(e) = root.entry_go("ksVersion") {
                    out.extend(yaml_site(
                        &file,
                        &e.value,
                        "ksVersion",
                        Field::KsVersion,
                        KS_VERSION,
                        ks_probes(),
                        Some(ks_coverage()),
                    ));
                }
                if let Some(e) = root.entry_go("externalDependencies") {
                    for dep in e.value.items() {
                        let name = dep.get("name").and_then(Node::as_str).unwrap_or("?");
                        if let Some(v) = dep.get("version").filter(|v| v.as_str().is_some_and(|s| !s.is_empty())) {
                            out.extend(yaml_site(
                                &file,
                                v,
                                &format!("externalDependencies[{name}].version"),
                                Field::KsVersion,
                                KS_EXTERNAL,
                                Vec::new(),
                                None,
                            ));
                        }
                    }
                }
            }
            if let Some(chart) = ctx.yaml("Chart.yaml")
                && let Some(e) = chart.root().and_then(|r| r.entry_go("kubeVersion"))
                && e.value.as_str().map(str::to_string) != ext_kube
            {
                out.extend(yaml_site(
                    &chart,
                    &e.value,
                    "Chart.yaml kubeVersion",
                    Field::KubeVersion,
                    KS_CHART_KUBE,
                    kube_probes(ks_lo, newest_ks.kube.hi),
                    None,
                ));
            }
        }
        Kind::RancherPackage => {
            if let Some(file) = ctx.json("package.json")
                && let Ok(root) = &file.value
                && let Some(annotations) = root.get("rancher").and_then(|r| r.get("annotations"))
            {
                for m in annotations.members() {
                    if let Some((field, readers, probes, coverage)) = rancher_annotation(&m.key) {
                        out.extend(json_site(&file, &m.value, &m.key, field, readers, probes, coverage));
                    }
                }
            }
        }
        Kind::RancherChart | Kind::HelmChart => {
            if let Some(chart) = ctx.yaml("Chart.yaml")
                && let Some(root) = chart.root()
            {
                let (lo, hi) = if ctx.kind == Kind::RancherChart {
                    (platforms::RANCHER[0].kube.lo, platforms::newest_rancher().kube.hi)
                } else {
                    platforms::KUBE_MINORS
                };
                if let Some(e) = root.entry_go("kubeVersion") {
                    let readers = if ctx.kind == Kind::RancherChart { RANCHER_CHART_KUBE } else { HELM_KUBE };
                    out.extend(yaml_site(
                        &chart,
                        &e.value,
                        "kubeVersion",
                        Field::KubeVersion,
                        readers,
                        kube_probes(lo, hi),
                        Some(kube_coverage(Component::Helm319, lo, hi, "Kubernetes")),
                    ));
                }
                if ctx.kind == Kind::RancherChart {
                    for e in root.get("annotations").map_or(&[][..], Node::entries) {
                        let Some(key) = e.key_str() else { continue };
                        if let Some((field, readers, probes, coverage)) = rancher_annotation(key) {
                            out.extend(yaml_site(&chart, &e.value, key, field, readers, probes, coverage));
                        }
                    }
                }
            }
        }
        Kind::RancherPlugin => {}
    }
    out
}

/// What a component does when it cannot parse the constraint.
fn on_invalid(c: Component) -> &'static str {
    match c {
        Component::KubeSphereServer => "ks-core never recommends this version",
        Component::HelmExecutor312 | Component::Helm319 => {
            "Helm refuses to install it (\"chart requires kubeVersion ... which is incompatible\")"
        }
        Component::KubeSphereConsole => "the console shows the version as incompatible and disables it",
        Component::RancherBackend => "Rancher's backend ignores the constraint",
        Component::RancherExtensionsPage => "the Extensions page treats every version as incompatible (no Install)",
        Component::RancherLoadGate => "Rancher does not load the installed extension",
    }
}

/// Runs RANGE001–RANGE005 and RC011 on every constraint of the package.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(ctx) {
        if site.value.trim().is_empty() {
            continue;
        }
        if site.value.len() > MAX_CONSTRAINT_BYTES {
            out.push(site.diag(
                "RANGE001",
                Severity::Warning,
                site.span,
                crate::msg!("range001-message", key = site.key, length = site.value.len(), limit = MAX_CONSTRAINT_BYTES),
                "Masterminds (Helm, ks-core, the Rancher backend) and node-semver (the consoles) put no limit on a constraint's length, so the platforms evaluate it as written, one OR group after another. A constraint this long is almost certainly generated: write it as a few ranges, e.g. `>=1.19.0-0 <1.31.0-0`.".to_string(),
            ));
            continue;
        }
        let blocked = parse_failures(&site, out);
        if !blocked {
            portability(&site, out);
        }
        prerelease_bounds(&site, out);
        disagreements(&site, out);
        coverage(&site, out);
        if site.field == Field::UiExtensionsVersion {
            upper_bound(&site, out);
        }
    }
}

fn judge_one(site: &Site<'_>, c: Component, version: &str) -> Option<Judgement> {
    judge::judge(c, site.field, &site.value, version)
}

/// RANGE001: a reader that enforces the constraint cannot parse it. Returns true when emitted.
fn parse_failures(site: &Site<'_>, out: &mut Vec<Diagnostic>) -> bool {
    let probe = site.probes.first().map_or("1.0.0", |p| p.version.as_str());
    let failing: Vec<Judgement> = site
        .readers
        .iter()
        .filter_map(|&c| judge_one(site, c, probe))
        .filter(|j| j.verdict == Verdict::InvalidConstraint)
        .collect();
    let Some(first) = failing.first() else { return false };
    let problem = first.constraint_error.clone();
    let span = problem
        .as_ref()
        .and_then(|p| {
            let s = p.culprit.unwrap_or(p.span);
            Some(Span::new(site.offset_of(s.start)?, site.offset_of(s.end)?))
        })
        .filter(|s| s.end > s.start)
        .unwrap_or(site.span);
    let who: Vec<String> = failing.iter().map(|j| format!("{} ({})", j.component_label, j.engine_label)).collect();
    let effects: Vec<&str> = failing.iter().map(|j| on_invalid(j.component)).collect();
    let mut effects_unique: Vec<&str> = Vec::new();
    for e in effects {
        if !effects_unique.contains(&e) {
            effects_unique.push(e);
        }
    }
    let detail = problem.as_ref().map(|p| format!(": {}", p.message)).unwrap_or_default();
    let hint = problem.as_ref().and_then(|p| p.hint.clone()).map(|h| format!(" {h}.")).unwrap_or_default();
    let mut d = site.diag(
        "RANGE001",
        Severity::Error,
        span,
        crate::msg!("range001-message-unparsable", constraint = site.shown(), readers = who.join(" and "), detail),
        crate::msg!("range001-help", effects = effects_unique.join("; "), hint),
    );
    if let Some(r) = rewrite::fix_all(&site.value).or_else(|| rewrite::make_portable(&site.value)) {
        d = d.with_fix(Fix::safe(format!("Rewrite as `{}`", r.text), vec![site.edit(&r)]));
    }
    out.push(d);
    true
}

/// RANGE002: parses in one dialect and not the other, where no reader is blocked by it.
fn portability(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    let p = rewrite::portability(&site.value);
    if p.portable {
        return;
    }
    let failing: Vec<String> = [
        ("Masterminds ≤ 3.3", &p.masterminds_3_3),
        ("Masterminds ≥ 3.4", &p.masterminds_3_4),
        ("node-semver 7.5.4", &p.node),
    ]
    .iter()
    .filter_map(|(name, err)| err.as_ref().map(|e| format!("{name} ({e})")))
    .collect();
    let readers: Vec<&str> = site.readers.iter().map(|c| c.label()).collect();
    let mut d = site.diag(
        "RANGE002",
        Severity::Warning,
        site.span,
        crate::msg!("range002-message", constraint = site.shown(), failing = failing.join(" or ")),
        crate::msg!("range002-help", readers = readers.join(", ")),
    );
    if let Some(r) = rewrite::make_portable(&site.value) {
        d = d.with_fix(Fix::safe(format!("Rewrite as `{}`", r.text), vec![site.edit(&r)]));
    }
    out.push(d);
}

/// RANGE003: a Masterminds reader admits a release version but rejects its vendor or rc build,
/// because a bound lacks `-0`.
fn prerelease_bounds(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    for probe in &site.probes {
        let Some(twin) = &probe.release_twin else { continue };
        for &c in site.readers {
            if !matches!(c.engine(), judge::Engine::Masterminds(_)) {
                continue;
            }
            let (Some(release), Some(build)) = (judge_one(site, c, twin), judge_one(site, c, &probe.version)) else {
                continue;
            };
            if !(release.verdict == Verdict::Accepted && build.verdict == Verdict::Rejected) {
                continue;
            }
            let mut d = site.diag(
                "RANGE003",
                Severity::Warning,
                site.span,
                crate::msg!(
                    "range003-message",
                    constraint = site.shown(),
                    component = c.label(),
                    probe = probe.label,
                    version = probe.version,
                    twin
                ),
                crate::msg!(
                    "range003-help",
                    reason =
                        build.reason.split_once(": ").map_or(build.reason.as_str(), |(_, r)| r).trim_end_matches('.')
                ),
            );
            if let Some(r) = rewrite::prerelease_floor(&site.value) {
                d = d.with_fix(Fix::safe(format!("Rewrite as `{}`", r.text), vec![site.edit(&r)]));
            }
            out.push(d);
            return;
        }
    }
}

/// RANGE004: readers that parse the constraint give different verdicts on a supported version
/// (a plain release or a vendor build); the cells are grouped by who accepts and who rejects.
/// Parse failures are RANGE001's and RANGE002's.
fn disagreements(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    // (accepting readers, rejecting readers) → probe labels, in probe order.
    let mut groups: Vec<(Split, Vec<String>)> = Vec::new();
    for probe in &site.probes {
        let verdicts: Vec<Judgement> = site
            .readers
            .iter()
            .filter_map(|&c| judge_one(site, c, &probe.version))
            .filter(|j| matches!(j.verdict, Verdict::Accepted | Verdict::Rejected))
            .collect();
        let accepting: Vec<&'static str> =
            verdicts.iter().filter(|j| j.verdict.admits()).map(|j| j.component_label).collect();
        let rejecting: Vec<&'static str> =
            verdicts.iter().filter(|j| !j.verdict.admits()).map(|j| j.component_label).collect();
        if accepting.is_empty() || rejecting.is_empty() {
            continue;
        }
        let key = (accepting, rejecting);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, labels)) => labels.push(probe.label.clone()),
            None => groups.push((key, vec![probe.label.clone()])),
        }
    }
    if groups.is_empty() {
        return;
    }
    let cells: usize = groups.iter().map(|(_, l)| l.len()).sum();
    let parts: Vec<String> = groups
        .iter()
        .map(|((acc, rej), labels)| {
            format!(
                "{}: {} accept{}, {} reject{}",
                summarize_labels(labels),
                acc.join(" and "),
                if acc.len() == 1 { "s" } else { "" },
                rej.join(" and "),
                if rej.len() == 1 { "s" } else { "" }
            )
        })
        .collect();
    out.push(site.diag(
        "RANGE004",
        Severity::Warning,
        site.span,
        crate::msg!("range004-message", constraint = site.shown(), cells, plural = if cells == 1 { "" } else { "s" }),
        crate::msg!("range004-help", differences = parts.join("; ")),
    ));
}

/// Groups labels such as `EKS 1.21`, `EKS 1.22`, `GKE 1.21` into `EKS 1.21–1.22, GKE 1.21`;
/// other labels are listed as they are.
fn summarize_labels(labels: &[String]) -> String {
    let mut by_prefix: Vec<(String, Vec<u32>)> = Vec::new();
    let mut plain: Vec<String> = Vec::new();
    for label in labels {
        let parsed =
            label.rsplit_once(" 1.").and_then(|(prefix, minor)| Some((prefix.to_string(), minor.parse::<u32>().ok()?)));
        match parsed {
            Some((prefix, minor)) => match by_prefix.iter_mut().find(|(p, _)| *p == prefix) {
                Some((_, minors)) => minors.push(minor),
                None => by_prefix.push((prefix, vec![minor])),
            },
            None => plain.push(label.clone()),
        }
    }
    let mut parts: Vec<String> = by_prefix
        .into_iter()
        .map(|(prefix, minors)| {
            let (lo, hi) = (minors[0], minors[minors.len() - 1]);
            let contiguous = minors.windows(2).all(|w| w[1] == w[0] + 1);
            if lo == hi {
                format!("{prefix} 1.{lo}")
            } else if contiguous {
                format!("{prefix} 1.{lo}–1.{hi}")
            } else {
                format!("{prefix} {}", minors.iter().map(|m| format!("1.{m}")).collect::<Vec<_>>().join(", "))
            }
        })
        .collect();
    parts.extend(plain);
    parts.join(", ")
}

/// RANGE005: the constraint admits no supported platform version, or excludes the newest.
fn coverage(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    let Some(cov) = &site.coverage else { return };
    let admitted: Vec<bool> = cov
        .versions
        .iter()
        .map(|(v, _)| judge_one(site, cov.decider, v).is_some_and(|j| j.verdict == Verdict::Accepted))
        .collect();
    if cov.versions.is_empty()
        || judge_one(site, cov.decider, &cov.versions[0].0)
            .is_some_and(|j| j.verdict != Verdict::Accepted && j.verdict != Verdict::Rejected)
    {
        return; // parse problems are RANGE001/RANGE002's
    }
    let labels = |pred: bool| -> Vec<&str> {
        cov.versions.iter().zip(&admitted).filter(|(_, a)| **a == pred).map(|((_, l), _)| l.as_str()).collect()
    };
    let first = &cov.versions[0].1;
    let last = &cov.versions[cov.versions.len() - 1].1;
    let (constraint, what, decider) = (site.shown(), cov.what, cov.decider.label());
    let (message, help) = if admitted.iter().all(|a| !a) {
        (
            crate::msg!("range005-message-none", constraint, what, first, last),
            crate::msg!("range005-help-none", decider, what),
        )
    } else if !admitted.last().copied().unwrap_or(true) {
        let accepted = summarize(&labels(true));
        (
            crate::msg!("range005-message-newest", constraint, what, last),
            crate::msg!("range005-help-newest", decider, accepted, last),
        )
    } else {
        return;
    };
    out.push(site.diag("RANGE005", Severity::Warning, site.span, message, help));
}

/// `2.7, 2.8, 2.9` → `2.7–2.9`; a single label stays as it is; gaps are listed.
fn summarize(labels: &[&str]) -> String {
    match labels {
        [] => "none".into(),
        [one] => (*one).into(),
        [first, .., last] => format!("{first}–{last}"),
    }
}

/// RC011: `ui-extensions-version` with no upper bound admits future Extensions API majors.
fn upper_bound(site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    let Ok(range) = node::Range::parse(&site.value, node::Options::DEFAULT) else { return };
    let unbounded = range.set.iter().any(|set| {
        !set.comparators
            .iter()
            .any(|c| matches!(c.operator, node::Operator::Lt | node::Operator::Le) && c.semver.is_some())
    });
    if !unbounded {
        return;
    }
    let major = range
        .set
        .iter()
        .flat_map(|s| &s.comparators)
        .filter_map(|c| c.semver.as_ref().map(|v| v.major))
        .max()
        .unwrap_or(3);
    let mut d = site.diag(
        "RC011",
        Severity::Warning,
        site.span,
        crate::msg!("rc011-message", constraint = site.shown()),
        crate::msg!("rc011-help", next = major + 1, major),
    );
    if range.set.len() == 1 {
        let new = format!("{} < {}.0.0", site.value.trim_end(), major + 1);
        d = d.with_fix(Fix::unsafe_(
            format!("Rewrite as `{new}`"),
            vec![Edit::replace(site.file().path, site.span, site.token(&new))],
        ));
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_grouped() {
        let labels: Vec<String> = ["EKS 1.21", "EKS 1.22", "EKS 1.23", "GKE 1.21", "GKE 1.23", "Rancher 2.10"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(summarize_labels(&labels), "EKS 1.21–1.23, GKE 1.21, 1.23, Rancher 2.10");
        assert_eq!(summarize(&["2.7", "2.8", "2.9"]), "2.7–2.9");
    }
}
