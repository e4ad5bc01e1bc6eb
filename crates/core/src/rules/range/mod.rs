//! RANGE001–RANGE005 (and RC011) on every constraint field: KubeSphere `kubeVersion`,
//! `ksVersion` and `externalDependencies[].version`; Chart.yaml `kubeVersion`; the Rancher
//! annotations `kube-version`, `rancher-version`, `ui-version` and `ui-extensions-version`.
//! Each rule is one file here (`range001.rs` … `range005.rs`, and `rc011.rs`, the Rancher rule
//! on `ui-extensions-version`'s upper bound, which reads the same sites); this module finds the
//! sites and holds what the rules share.
//!
//! Each field is judged by the components that really read it, each with its own engine and
//! its own way of obtaining the current version ([`crate::semver::judge`]), against probe
//! versions from the platform tables ([`crate::platforms`]). Fixes are the meaning-preserving
//! rewrites of [`crate::semver::rewrite`], written back with the field's quoting.

use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::{Ctx, JsonFile, TextFile, YamlFile};
use crate::i18n::Message;
use crate::package::Kind;
use crate::platforms::{self, VendorBuild};
use crate::rancher::annotations::{KUBE_VERSION, RANCHER_VERSION, UI_EXTENSIONS_VERSION, UI_VERSION};
use crate::semver::judge::{self, Component, Field, Judgement};
use crate::semver::rewrite::Rewrite;
use crate::syntax::Span;
use crate::syntax::json::{JsonNode, string_literal};
use crate::syntax::yaml::{self, Node, ScalarStyle};
use crate::violation::Violation;

pub mod range001;
pub mod range002;
pub mod range003;
pub mod range004;
pub mod range005;
pub mod rc011;

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
    label: ProbeLabel,
    /// The release version this prerelease build stands for (`v1.28.0` for
    /// `v1.28.0-eks-2d98532`), for RANGE003.
    release_twin: Option<String>,
}

/// How a probe is named in messages.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ProbeLabel {
    /// A product and its version, the same in every language (`Kubernetes 1.28`, `EKS 1.28`,
    /// `Rancher 2.10 (Extensions API v3)`).
    Named(String),
    /// A release candidate of a KubeSphere release (`a KubeSphere 4.1 rc build`).
    KubeSphereRc(String),
}

impl ProbeLabel {
    fn message(&self) -> Message {
        match self {
            ProbeLabel::Named(name) => crate::msg!("range-text", text = name),
            ProbeLabel::KubeSphereRc(version) => crate::msg!("range-probe-kubesphere-rc", version),
        }
    }
}

/// What RANGE005 checks: ordered platform versions (oldest first) and the deciding reader.
struct Coverage {
    decider: Component,
    versions: Vec<(String, String)>,
    /// The platform, named as its product is (`Kubernetes`, `Rancher (Extensions API v3)`).
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

    /// The diagnostic of `finding` at `span` of this site's file.
    fn report(&self, finding: &impl Violation, span: Span) -> Diagnostic {
        self.file().report(finding, span)
    }

    /// The safe fix rewriting the constraint as `rewrite`.
    fn rewrite_fix(&self, rewrite: &Rewrite) -> Fix {
        Fix::safe(crate::msg!("range-fix-rewrite", text = rewrite.text), vec![self.edit(rewrite)])
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
        out.push(Probe {
            version: plain.clone(),
            label: ProbeLabel::Named(format!("Kubernetes 1.{minor}")),
            release_twin: None,
        });
        for vendor in [VendorBuild::Eks, VendorBuild::Gke] {
            out.push(Probe {
                version: vendor.git_version(minor),
                label: ProbeLabel::Named(format!("{} 1.{minor}", vendor.label())),
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
            label: ProbeLabel::Named(format!("KubeSphere {}", r.version)),
            release_twin: None,
        });
        out.push(Probe {
            version: format!("{}-rc.1", r.git_version),
            label: ProbeLabel::KubeSphereRc(r.version.to_string()),
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
            label: ProbeLabel::Named(format!("Rancher {}", r.version)),
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
            label: ProbeLabel::Named(format!("Rancher {} (Extensions API {})", r.minor, r.extensions_api)),
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

/// Runs RANGE001–RANGE005 and RC011 on every constraint of the package.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(ctx) {
        if site.value.trim().is_empty() {
            continue;
        }
        if range001::too_large(&site, out) {
            continue;
        }
        let blocked = range001::check(&site, out);
        if !blocked {
            range002::check(&site, out);
        }
        range003::check(&site, out);
        range004::check(&site, out);
        range005::check(&site, out);
        if site.field == Field::UiExtensionsVersion {
            rc011::check(&site, out);
        }
    }
}

fn judge_one(site: &Site<'_>, c: Component, version: &str) -> Option<Judgement> {
    judge::judge(c, site.field, &site.value, version)
}

/// `items` joined with the list message `id` (`range-list-and`: `a and b and c`), in the
/// message's language; empty text when there are none.
fn join(id: &'static str, items: impl IntoIterator<Item = Message>) -> Message {
    items
        .into_iter()
        .reduce(|a, b| Message::new(id).arg("a", a).arg("b", b))
        .unwrap_or_else(|| crate::msg!("range-text", text = ""))
}

/// The list message ids [`join`] takes.
const LIST_AND: &str = "range-list-and";
const LIST_COMMA: &str = "range-list-comma";
const LIST_OR: &str = "range-list-or";
const LIST_SEMICOLON: &str = "range-list-semicolon";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn lists_join_in_the_language() {
        let items = || ["a", "b", "c"].map(|t| crate::msg!("range-text", text = t));
        assert_eq!(join(LIST_AND, items()).render(Lang::En), "a and b and c");
        assert_eq!(join(LIST_COMMA, items()).render(Lang::ZhCn), "a、b、c");
        assert_eq!(join(LIST_SEMICOLON, []).render(Lang::En), "");
    }
}
