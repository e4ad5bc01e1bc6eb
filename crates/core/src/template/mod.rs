//! The rendering step of [`crate::check`]: every chart-like package (a KubeSphere package or
//! source folder, a Rancher extension chart, a plain Helm chart) is rendered with
//! `extcheck-render` (Helm 4.2.3's engine, exact) and its manifests are read back into objects
//! for the TPL rules ([`rules`]) and the KubeSphere matrix's API gate.
//!
//! - A KubeSphere source folder renders as the package `ksbuilder package` would build
//!   ([`crate::kubesphere::build::ksbuilder_package`]: Chart.yaml generated from extension.yaml,
//!   `.helmignore` applied); a packaged extension or chart renders as it is (a dropped chart
//!   folder with its `.helmignore` applied, as Helm loads folders).
//! - Values are the chart's defaults; release name = chart name, namespace = release name.
//! - One render with Helm's default capabilities (Kubernetes v1.36.0, `helm template`'s API
//!   set) gives the objects; one render per Kubernetes minor of the matrix, with that minor's
//!   version and served APIs ([`apis::capabilities`]), gives the APIs each minor is asked for;
//!   for KubeSphere, one render with ksbuilder lint's probe values gives TPL012/TPL013.
//!
//! Bounded: the renderer's nesting cap (sized for a browser's 1 MiB stack) and output cap per
//! template ([`MAX_TEMPLATE_OUTPUT`]), and a budget on the total rendered bytes read back
//! ([`MAX_RENDERED`]). Results are memoised per package content, so pricing fixes (which
//! recompute the matrix for every fix) does not re-render a chart whose templates did not change.
//!
//! Nothing here is reachable from the types the web page's main thread uses: only
//! [`crate::check`] (through [`crate::rules::run`] and the KubeSphere matrix inputs) renders.

pub mod apis;
pub mod preview;
pub(crate) mod rules;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use crate::document::Ctx;
use crate::package::{Kind, Origin};
use crate::platforms::{self, KubeMinor};
use crate::syntax::yaml::{self, Node};

/// Cap on one template's rendered output, bytes (Helm has none; a chart that prints more is
/// reported as a render failure).
pub const MAX_TEMPLATE_OUTPUT: usize = 16 << 20;

/// Budget on the rendered bytes read back into objects per render; documents past it are not
/// checked.
pub const MAX_RENDERED: usize = 32 << 20;

/// `global.imageRegistry` and the `kubernetes.io/os` node selector of the probe render
/// (ksbuilder lint uses a random 12-character string; a fixed one keeps reports reproducible).
pub const PROBE: &str = "extcheck-probe-x7q2";

/// `(apiVersion, kind, template)` of the objects one render asks for.
pub type Apis = BTreeSet<(String, String, String)>;

/// A chart's files (path relative to the chart, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// One object of the rendered output.
#[derive(Clone, Debug)]
pub struct Object {
    /// The template that produced it, as Helm names it (`demo/templates/x.yaml`).
    pub template: String,
    /// That template's path in the package, when it has one.
    pub source: Option<String>,
    /// `apiVersion`.
    pub api_version: String,
    /// `kind`.
    pub kind: String,
    /// `metadata.name`, when a non-empty string.
    pub name: Option<String>,
    /// `metadata.namespace`, when set.
    pub namespace: Option<String>,
    /// A Helm hook (`helm.sh/hook`): created apart from the release's resources.
    pub hook: bool,
    /// The document, parsed with positions in [`Object::text`].
    pub root: Node,
    /// The document's text.
    pub text: String,
}

impl Object {
    /// The node at `path` (mapping keys) under the root.
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(&self.root, |n, k| n.get(k))
    }

    /// The string at `path`, when a non-empty scalar.
    pub fn str_at(&self, path: &[&str]) -> Option<&str> {
        self.at(path).and_then(Node::as_str).filter(|s| !s.is_empty())
    }
}

/// A rendered package: its manifests and the objects read from them.
#[derive(Clone, Debug, Default)]
pub struct Render {
    /// Template path as Helm names it → rendered text (partials left out).
    pub manifests: BTreeMap<String, String>,
    /// The objects, in template order.
    pub objects: Vec<Object>,
    /// A document that is not valid YAML (Helm stops there: template, message).
    pub yaml_error: Option<(String, String)>,
    /// Objects without `apiVersion` or `kind` (template, which ones are missing).
    pub untyped: Vec<(String, String)>,
    /// Templates whose output changes between renders (chance or time functions), with the
    /// functions used.
    pub nondeterministic: BTreeSet<String>,
    /// The chance and time functions that ran.
    pub chance_functions: Vec<String>,
    /// `lookup` ran.
    pub used_lookup: bool,
}

/// A failed render: Helm's message and where it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Helm's error text.
    pub message: String,
    /// The template it names, as Helm names it.
    pub template: Option<String>,
    /// That template's path in the package.
    pub source: Option<String>,
    /// 1-based line and column in the template, when Helm gives them.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
}

/// One Helm release of the package, rendered.
#[derive(Clone, Debug)]
pub struct Release {
    /// `None` for the package's only release; `Some("agent")` for a KubeSphere extension's
    /// agent release (`tags.agent=true`, installed on member clusters).
    pub label: Option<&'static str>,
    /// The render with Helm's default capabilities.
    pub render: Result<Render, Failure>,
    /// The render with ksbuilder lint's probe values (KubeSphere packages only).
    pub probe: Option<Render>,
}

/// Everything the TPL rules and the matrix need from rendering one package.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The chart's name (the first segment of every template path).
    pub chart: String,
    /// The releases: the package's release (for KubeSphere the host release, `tags.extension=true`),
    /// then a KubeSphere extension's agent release when the chart has an `agent`-tagged
    /// dependency.
    pub releases: Vec<Release>,
    /// Per Kubernetes minor of the matrix: the `(apiVersion, kind, template)` rendered there by
    /// any release (`None` when that minor's render failed).
    pub per_minor: Vec<(KubeMinor, Option<Apis>)>,
}

impl Analysis {
    /// The package path of template `template` (`demo/templates/x.yaml` →
    /// `templates/x.yaml`), when the package has that file.
    pub fn source_of(&self, ctx: &Ctx<'_>, template: &str) -> Option<String> {
        source_path(ctx, template)
    }

    /// Per minor, the `(apiVersion, kind, template)` not served there ([`apis::status`]).
    pub fn unserved(&self) -> BTreeMap<KubeMinor, Vec<(String, String, String)>> {
        let mut out: BTreeMap<KubeMinor, Vec<(String, String, String)>> = BTreeMap::new();
        for (minor, found) in &self.per_minor {
            for (api, kind, template) in found.iter().flatten() {
                if let apis::Status::NotServed(_) = apis::status(api, kind, *minor) {
                    out.entry(*minor).or_default().push((api.clone(), kind.clone(), template.clone()));
                }
            }
        }
        out
    }
}

fn source_path(ctx: &Ctx<'_>, template: &str) -> Option<String> {
    let (_, rest) = template.split_once('/')?;
    ctx.package.files.contains_key(rest).then(|| rest.to_string())
}

/// True for the kinds of package that are rendered.
pub fn renders(kind: Kind) -> bool {
    matches!(kind, Kind::Kubesphere | Kind::RancherChart | Kind::HelmChart)
}

thread_local! {
    static MEMO: RefCell<Vec<(u64, Rc<Option<Analysis>>)>> = const { RefCell::new(Vec::new()) };
}

/// The analysis of `ctx`'s package (memoised by content), or `None` when it is not chart-like,
/// incomplete, or has no chart to render (no Chart.yaml, no extension.yaml identity).
pub fn analysis(ctx: &Ctx<'_>) -> Rc<Option<Analysis>> {
    if !renders(ctx.kind) || !ctx.complete() {
        return Rc::new(None);
    }
    // The key is what is rendered: a source folder's chart is built from extension.yaml
    // first, so a change there that reaches Chart.yaml (name, version) renders again.
    let Some((files, folder)) = chart_files(ctx) else { return Rc::new(None) };
    let key = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (ctx.kind as u8).hash(&mut h);
        folder.hash(&mut h);
        matches!(ctx.origin, Origin::Folder { .. }).hash(&mut h);
        for (path, bytes) in &files {
            if !outside_the_chart(ctx.kind, path) {
                (path, bytes).hash(&mut h);
            }
        }
        h.finish()
    };
    if let Some(hit) = MEMO.with(|m| m.borrow().iter().find(|(k, _)| *k == key).map(|(_, a)| a.clone())) {
        return hit;
    }
    let result = Rc::new(analyse(ctx, files, folder));
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 4 {
            m.remove(0);
        }
        m.push((key, result.clone()));
    });
    result
}

/// Files a fix may change that the render does not read as templates or values: left out of the
/// memo's key, so that pricing a fix to extension.yaml or permissions.yaml (which recomputes the
/// matrix) does not render the chart again. (A source folder's Chart.yaml, built from
/// extension.yaml, is in the key.)
fn outside_the_chart(kind: Kind, path: &str) -> bool {
    kind == Kind::Kubesphere
        && (matches!(path, "extension.yaml" | "permissions.yaml")
            || path.starts_with("static/")
            || (!path.contains('/') && path.ends_with(".md")))
}

/// The chart files to render and whether `.helmignore` still applies.
fn chart_files(ctx: &Ctx<'_>) -> Option<(Files, bool)> {
    let files = &ctx.package.files;
    if ctx.kind == Kind::Kubesphere && !files.contains_key("Chart.yaml") {
        let built = crate::kubesphere::build::ksbuilder_package(ctx.package).ok()?;
        return Some((built.files.into_iter().collect(), false));
    }
    if !files.contains_key("Chart.yaml") {
        return None;
    }
    let folder = matches!(ctx.origin, Origin::Folder { .. });
    Some((files.iter().map(|(p, b)| (p.clone(), b.clone())).collect(), folder))
}

fn options(kube: Option<KubeMinor>, values: Option<extcheck_render::Value>) -> extcheck_render::RenderOptions {
    extcheck_render::RenderOptions {
        kube_version: kube.map(|m| format!("v1.{m}.0")),
        api_versions: kube.map(apis::capabilities),
        values,
        max_output: MAX_TEMPLATE_OUTPUT,
        ..Default::default()
    }
}

/// The values KubeSphere's Helm executor installs a release with (`getOverrides` in
/// kubesphere/kubesphere `pkg/controller/core/installplan_controller.go`, kubesphere.md §1.6):
/// the host release gets `tags.extension=true`, `tags.agent=false` and `<condition>=false` for
/// every agent-tagged dependency; the agent release the reverse tags.
fn kubesphere_values(chart: &extcheck_render::Chart, agent: bool) -> Option<extcheck_render::Value> {
    use extcheck_render::inputs::apply_set;
    let mut v = extcheck_render::Value::map(BTreeMap::new());
    v = apply_set(&v, &format!("tags.extension={}", !agent)).ok()?;
    v = apply_set(&v, &format!("tags.agent={agent}")).ok()?;
    if !agent {
        for d in chart.deps.iter().flatten().filter(|d| d.tags.iter().any(|t| t == "agent")) {
            for c in d.condition.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                v = apply_set(&v, &format!("{c}=false")).ok()?;
            }
        }
    }
    Some(v)
}

fn analyse(ctx: &Ctx<'_>, files: Files, folder: bool) -> Option<Analysis> {
    let chart = match extcheck_render::load_chart(&files, folder) {
        Ok(c) => c,
        // A chart Helm cannot load is reported by the HELM/KS rules on Chart.yaml.
        Err(_) => return None,
    };
    let ks = ctx.kind == Kind::Kubesphere;
    let has_agent = ks && chart.deps.iter().flatten().any(|d| d.tags.iter().any(|t| t == "agent"));
    let mut labelled: Vec<(Option<&'static str>, Option<extcheck_render::Value>)> =
        vec![(None, if ks { kubesphere_values(&chart, false) } else { None })];
    if has_agent {
        labelled.push((Some("agent"), kubesphere_values(&chart, true)));
    }
    let once = |kube: Option<KubeMinor>, values: Option<extcheck_render::Value>| {
        extcheck_render::render(&chart, &options(kube, values)).map_err(|e| failure(ctx, &e.message))
    };
    // Later renders only need the objects, not which templates vary between renders.
    let single = |kube: Option<KubeMinor>, values: Option<extcheck_render::Value>| {
        extcheck_render::engine::render_single(&chart, &options(kube, values)).map_err(|e| failure(ctx, &e.message))
    };
    let probe_values = extcheck_render::yaml::parse_helm_yaml(&format!(
        "global:\n  imageRegistry: {PROBE}\n  nodeSelector:\n    kubernetes.io/os: {PROBE}\n"
    ))
    .ok();
    let mut releases = Vec::new();
    for (label, values) in &labelled {
        let render = once(None, values.clone()).map(|r| read_back(ctx, r));
        let probe = match (ks && render.is_ok(), values, &probe_values) {
            (true, Some(v), Some(p)) => {
                single(None, Some(extcheck_render::inputs::merge_maps(v, p))).ok().map(|r| read_back(ctx, r))
            }
            _ => None,
        };
        releases.push(Release { label: *label, render, probe });
    }
    let (lo, hi) = platform_minors(ctx.kind);
    let points = sample_minors(&files, lo, hi);
    let mut per_minor: Vec<(KubeMinor, Option<Apis>)> = Vec::new();
    for m in lo..=hi {
        if !points.contains(&m) {
            // Between two sample points the chart renders the same APIs (see `sample_minors`).
            let previous = per_minor.last().map(|(_, found)| found.clone()).unwrap_or_default();
            per_minor.push((m, previous));
            continue;
        }
        let mut set = BTreeSet::new();
        let mut failed = false;
        for ((_, values), release) in labelled.iter().zip(&releases) {
            if release.render.is_err() {
                continue;
            }
            let Ok(r) = single(Some(m), values.clone()) else {
                failed = true;
                break;
            };
            for (template, text) in &r.manifests {
                if !is_manifest(template) {
                    continue;
                }
                for doc in extcheck_render::output::split_manifests(text) {
                    let root = yaml::parse(&doc).documents.into_iter().next();
                    let s = |k: &str| root.as_ref().and_then(|r| r.get(k)).and_then(Node::as_str).map(str::to_string);
                    if let (Some(a), Some(k)) = (s("apiVersion"), s("kind")) {
                        set.insert((a, k, template.clone()));
                    }
                }
            }
        }
        per_minor.push((m, (!failed).then_some(set)));
    }
    Some(Analysis { chart: chart.name.clone(), releases, per_minor })
}

/// The Kubernetes minors the package's platform supports (the union of the KubeSphere v4 or
/// Rancher releases' ranges; the whole matrix for plain charts): TPL004 and TPL005 judge these.
pub fn platform_minors(kind: Kind) -> (KubeMinor, KubeMinor) {
    let ranges: Vec<platforms::KubeRange> = match kind {
        Kind::Kubesphere => platforms::KUBESPHERE.iter().filter(|r| r.v4).map(|r| r.kube).collect(),
        Kind::RancherChart | Kind::RancherPackage | Kind::RancherPlugin => {
            platforms::RANCHER.iter().map(|r| r.kube).collect()
        }
        Kind::HelmChart => Vec::new(),
    };
    match (ranges.iter().map(|r| r.lo).min(), ranges.iter().map(|r| r.hi).max()) {
        (Some(lo), Some(hi)) => (lo, hi),
        _ => platforms::KUBE_MINORS,
    }
}

/// The minors to render (the sample points): `lo`; where a group/version that the chart's text
/// names (`.Capabilities.APIVersions.Has "policy/v1"`) starts or stops being served
/// ([`apis::APIS`]); and for every minor `1.n` written in a template, helper or values file
/// (`semverCompare ">=1.21-0"`), `n` and `n + 1` — every two-digit number when the text reads
/// `KubeVersion.Minor`. Between two consecutive sample points the chart's `.Capabilities`
/// differ only in ways its text does not test, so it renders the same objects there (short of
/// computing an `apiVersion` from the version's digits). Charts with subchart archives, whose
/// text is not searched, render every minor.
fn sample_minors(files: &[(String, Vec<u8>)], lo: KubeMinor, hi: KubeMinor) -> BTreeSet<KubeMinor> {
    let mut points = BTreeSet::from([lo]);
    if files.iter().any(|(p, _)| p.ends_with(".tgz")) {
        return (lo..=hi).collect();
    }
    let texts: Vec<&[u8]> = files
        .iter()
        .filter(|(p, _)| p.contains("templates/") || p.ends_with("values.yaml") || p.ends_with(".tpl"))
        .map(|(_, b)| b.as_slice())
        .collect();
    let contains = |needle: &[u8]| texts.iter().any(|b| b.windows(needle.len()).any(|w| w == needle));
    if !contains(b"Capabilities") {
        return points;
    }
    for r in apis::APIS.iter().filter(|r| contains(r.group_version.as_bytes())) {
        points.extend([r.added, r.removed].into_iter().flatten());
    }
    let any_number = contains(b".Minor");
    for b in &texts {
        for i in 0..b.len().saturating_sub(1) {
            let two = b[i].is_ascii_digit() && b[i + 1].is_ascii_digit();
            let bounded = (i == 0 || !b[i - 1].is_ascii_digit()) && b.get(i + 2).is_none_or(|c| !c.is_ascii_digit());
            let minor = i >= 2 && &b[i - 2..i] == b"1." && (i == 2 || !b[i - 3].is_ascii_digit());
            if two && bounded && (minor || any_number) {
                let n = KubeMinor::from((b[i] - b'0') * 10 + (b[i + 1] - b'0'));
                points.extend([n, n + 1]);
            }
        }
    }
    points.retain(|m| (lo..=hi).contains(m));
    points
}

/// Helm splits and reads every rendered template but partials and `NOTES.txt`.
fn is_manifest(template: &str) -> bool {
    let base = template.rsplit('/').next().unwrap_or(template);
    !base.starts_with('_') && !template.ends_with("NOTES.txt")
}

fn read_back(ctx: &Ctx<'_>, r: extcheck_render::Rendered) -> Render {
    let mut out = Render {
        nondeterministic: r.nondeterministic_templates.clone(),
        chance_functions: r.nondeterministic_functions.clone(),
        used_lookup: r.used_lookup,
        ..Default::default()
    };
    if let Err(e) = extcheck_render::output::sort_manifests(&r.manifests) {
        let template = e.message.strip_prefix("YAML parse error on ").and_then(|m| m.split(':').next()).unwrap_or("");
        out.yaml_error = Some((template.to_string(), e.message.clone()));
    }
    let mut budget = MAX_RENDERED;
    for (template, text) in &r.manifests {
        if !is_manifest(template) || text.trim().is_empty() {
            continue;
        }
        if budget < text.len() {
            break;
        }
        budget -= text.len();
        if out.yaml_error.as_ref().is_some_and(|(t, _)| t == template) {
            continue;
        }
        for doc in extcheck_render::output::split_manifests(text) {
            let stream = yaml::parse(&doc);
            let Some(root) = stream.documents.into_iter().next() else { continue };
            if root.is_null() || stream.error.is_some() {
                continue;
            }
            // `kind: List` (v1): Helm's kube client builds its items (resource builder `Flatten`).
            let items: Vec<Node> = match (root.get("kind").and_then(Node::as_str), root.get("items")) {
                (Some("List"), Some(items)) if items.is_sequence() => items.items().to_vec(),
                _ => vec![root],
            };
            for root in items {
                let s = |k: &str| root.get(k).and_then(Node::as_str).filter(|s| !s.is_empty()).map(str::to_string);
                let (api, kind) = (s("apiVersion"), s("kind"));
                if api.is_none() || kind.is_none() {
                    let missing = match (&api, &kind) {
                        (None, None) => "apiVersion and kind",
                        (None, _) => "apiVersion",
                        _ => "kind",
                    };
                    out.untyped.push((template.clone(), missing.to_string()));
                    continue;
                }
                let meta = |k: &str| {
                    root.get("metadata").and_then(|m| m.get(k)).and_then(Node::as_str).filter(|s| !s.is_empty())
                };
                let (name, namespace) = (meta("name").map(str::to_string), meta("namespace").map(str::to_string));
                let hook = root
                    .get("metadata")
                    .and_then(|m| m.get("annotations"))
                    .and_then(|a| a.get("helm.sh/hook"))
                    .is_some();
                out.objects.push(Object {
                    template: template.clone(),
                    source: source_path(ctx, template),
                    api_version: api.unwrap_or_default(),
                    kind: kind.unwrap_or_default(),
                    name,
                    namespace,
                    hook,
                    root,
                    text: doc.clone(),
                });
            }
        }
    }
    out.manifests = r.manifests;
    out
}

/// Reads Helm's error text: the first `template:line[:col]` it names.
fn failure(ctx: &Ctx<'_>, message: &str) -> Failure {
    let mut f = locate(message);
    f.source = f.template.as_deref().and_then(|t| source_path(ctx, t));
    f
}

/// Where Helm's error `message` points: the first `<chart>/templates/...:line[:col]` it names
/// (Go's `template: NAME:LINE:COL: ...` and Helm's `parse error at (NAME:LINE): ...`). The
/// returned [`Failure::source`] is `None` (it needs the package).
pub fn locate(message: &str) -> Failure {
    let re = regex::Regex::new(r"([A-Za-z0-9_.\-/]+/templates/[^\s:()]+):(\d+)(?::(\d+))?").expect("pattern");
    let found = re.captures(message);
    let template = found.as_ref().map(|c| c[1].to_string());
    let num = |i: usize| found.as_ref().and_then(|c| c.get(i)).and_then(|m| m.as_str().parse().ok());
    Failure { message: message.to_string(), source: None, template, line: num(2), column: num(3) }
}
