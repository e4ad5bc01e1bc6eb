//! Charts, values and the render as Helm 4.2.3 performs them.
//!
//! Upstream: Helm `pkg/chart/loader` (which files are templates, values, files, subcharts;
//! `.helmignore` for folders), `pkg/chart/common/util/values.go` and `coalesce.go` (chart
//! defaults coalesced with user values, `null` deleting keys, globals copied to subcharts),
//! `pkg/chart/v2/util/dependencies.go` (`condition`, `tags`, `alias`, `import-values`),
//! `pkg/engine/engine.go` (`allTemplates`, `sortTemplates`, parse then execute, `<no value>`
//! removal, error reformatting).

use std::collections::BTreeMap;
use std::io::Read as _;
use std::rc::Rc;

use crate::exec::{self, GoErr};
use crate::funcs::{self, Env};
use crate::parse::{self, TemplateSet};
use crate::value::{Capabilities, KubeVersion, Obj, Value};

/// A chart held in memory.
#[derive(Clone, Debug)]
pub struct Chart {
    /// `Chart.yaml` parsed the Helm way (string keys, float numbers).
    pub metadata: Value,
    /// The name (the dependency alias when aliased).
    pub name: String,
    /// `values.yaml`.
    pub values: Value,
    /// Templates: path relative to the chart (`templates/x.yaml`) and text.
    pub templates: Vec<(String, String)>,
    /// Other files (`.Files`).
    pub files: BTreeMap<String, Rc<Vec<u8>>>,
    /// Subcharts found under `charts/`.
    pub dependencies: Vec<Chart>,
    /// `type: library`.
    pub is_library: bool,
    /// The chart's version.
    pub version: String,
    /// `values.schema.json`, if any.
    pub schema: Option<Vec<u8>>,
    /// `dependencies` of Chart.yaml (`None` when absent), as Helm's dependency processing
    /// leaves them (aliases applied, disabled ones removed).
    pub deps: Option<Vec<DepMeta>>,
}

/// One `dependencies` entry of Chart.yaml (Helm's `chart.Dependency`).
#[derive(Clone, Debug, Default)]
pub struct DepMeta {
    /// `name` (replaced by the alias once processed).
    pub name: String,
    /// `version` (a semver range).
    pub version: String,
    /// `repository`.
    pub repository: String,
    /// `condition`.
    pub condition: String,
    /// `tags`.
    pub tags: Vec<String>,
    /// Enabled after conditions and tags.
    pub enabled: bool,
    /// `import-values`.
    pub import_values: Value,
    /// `alias`.
    pub alias: String,
}

/// Options of a render: release, capabilities, user values, injected chance and time.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// `.Release.Name` (defaults to the chart name when empty).
    pub release_name: String,
    /// `.Release.Namespace` (defaults to the release name when empty).
    pub namespace: String,
    /// `.Release.Revision`.
    pub revision: i64,
    /// `.Release.IsInstall` (`IsUpgrade` is its negation).
    pub is_install: bool,
    /// Kubernetes version for `.Capabilities` (`None`: Helm 4.2.3's default, v1.36.0).
    pub kube_version: Option<String>,
    /// User values (`--values`, `--set`), coalesced over the chart's defaults.
    pub values: Option<Value>,
    /// Seed for chance functions.
    pub seed: u64,
    /// Seconds since the Unix epoch for `now`.
    pub now_unix: i64,
    /// Cap on one template's output, bytes.
    pub max_output: usize,
    /// Cap on nested `template`/`include`/`tpl` calls (and, above the default, on the parser's
    /// nesting). The default (64, parser 100) fits a 1 MiB stack (a browser's); Helm's own
    /// limits (1000 `include`s of one name, 100000 templates) need `100_000` and a thread with
    /// a large stack (about 1 GiB).
    pub max_nesting: usize,
    /// `.Capabilities.APIVersions` (`group/version` and `group/version/Kind` entries): `None`
    /// gives Helm 4.2.3's default set ([`DEFAULT_API_VERSIONS`], what `helm template` uses);
    /// a cluster's discovery gives its own (extcheck-core renders once per Kubernetes minor with
    /// the APIs that minor serves).
    pub api_versions: Option<Vec<String>>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            release_name: String::new(),
            namespace: String::new(),
            revision: 1,
            is_install: true,
            kube_version: None,
            values: None,
            seed: 0x5eed,
            now_unix: 0,
            max_output: 64 << 20,
            max_nesting: crate::exec::MAX_NESTING,
            api_versions: None,
        }
    }
}

/// A successful render.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// Template path as Helm names it → rendered text (partials left out).
    pub manifests: BTreeMap<String, String>,
    /// A chance or time function ran: the output is not reproducible.
    pub nondeterministic: bool,
    /// `lookup` ran (offline it returns an empty map).
    pub used_lookup: bool,
    /// The chance/time functions used.
    pub nondeterministic_functions: Vec<String>,
    /// Templates whose output used a chance or time function.
    pub nondeterministic_templates: std::collections::BTreeSet<String>,
}

/// A failed render, with Helm's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderError {
    /// Helm's error text (`parse error at (…)`, `execution error at (…)`, a template trace).
    pub message: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RenderError {}

/// Helm 4.2.3's default API versions (`chartutil.DefaultVersionSet`, from client-go's scheme).
pub const DEFAULT_API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/v1alpha1",
    "admissionregistration.k8s.io/v1beta1",
    "internal.apiserver.k8s.io/v1alpha1",
    "apps/v1",
    "apps/v1beta1",
    "apps/v1beta2",
    "authentication.k8s.io/v1",
    "authentication.k8s.io/v1alpha1",
    "authentication.k8s.io/v1beta1",
    "authorization.k8s.io/v1",
    "authorization.k8s.io/v1beta1",
    "autoscaling/v1",
    "autoscaling/v2",
    "batch/v1",
    "batch/v1beta1",
    "certificates.k8s.io/v1",
    "certificates.k8s.io/v1beta1",
    "certificates.k8s.io/v1alpha1",
    "coordination.k8s.io/v1alpha2",
    "coordination.k8s.io/v1beta1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "discovery.k8s.io/v1beta1",
    "events.k8s.io/v1",
    "events.k8s.io/v1beta1",
    "extensions/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1beta2",
    "flowcontrol.apiserver.k8s.io/v1beta3",
    "networking.k8s.io/v1",
    "networking.k8s.io/v1beta1",
    "node.k8s.io/v1",
    "node.k8s.io/v1alpha1",
    "node.k8s.io/v1beta1",
    "policy/v1",
    "policy/v1beta1",
    "rbac.authorization.k8s.io/v1",
    "rbac.authorization.k8s.io/v1beta1",
    "rbac.authorization.k8s.io/v1alpha1",
    "resource.k8s.io/v1",
    "resource.k8s.io/v1beta2",
    "resource.k8s.io/v1beta1",
    "resource.k8s.io/v1alpha3",
    "scheduling.k8s.io/v1alpha2",
    "scheduling.k8s.io/v1beta1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1beta1",
    "storage.k8s.io/v1",
    "storage.k8s.io/v1alpha1",
    "storagemigration.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1",
];

/// Helm 4.2.3's default Kubernetes version.
pub const DEFAULT_KUBE_VERSION: &str = "v1.36.0";

fn load_err(msg: impl Into<String>) -> RenderError {
    RenderError { message: msg.into() }
}

/// Loads a chart from its files (paths relative to the chart folder, `/`-separated).
/// `.helmignore` applies when `apply_helmignore` (Helm applies it to folders, not archives).
pub fn load_chart(files: &[(String, Vec<u8>)], apply_helmignore: bool) -> Result<Chart, RenderError> {
    // Helm's loader strips a UTF-8 byte-order mark from every file
    let mut files: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(p, b)| (p.trim_start_matches("./").to_string(), b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b).to_vec()))
        .collect();
    if apply_helmignore {
        let rules = match files.iter().find(|(p, _)| p == ".helmignore") {
            Some((_, b)) => crate::ignore::Rules::parse(&String::from_utf8_lossy(b)),
            None => crate::ignore::Rules::defaults(),
        };
        files.retain(|(p, _)| !rules.ignores_file(p));
    }
    let chart_yaml =
        files.iter().find(|(p, _)| p == "Chart.yaml").ok_or_else(|| load_err("Chart.yaml file is missing"))?;
    let metadata = crate::yaml::parse_helm_yaml(&String::from_utf8_lossy(&chart_yaml.1))
        .map_err(|e| load_err(format!("cannot load Chart.yaml: {e}")))?;
    let mut meta_map = match &metadata {
        Value::Map(m) => m.borrow().clone(),
        _ => BTreeMap::new(),
    };
    // requirements.yaml (Helm 2 charts) fills the dependencies
    if let Some((_, b)) = files.iter().find(|(p, _)| p == "requirements.yaml")
        && let Ok(Value::Map(req)) = crate::yaml::parse_helm_yaml(&String::from_utf8_lossy(b))
        && let Some(d) = req.borrow().get("dependencies")
    {
        meta_map.insert("dependencies".into(), d.clone());
    }
    validate_metadata(&mut meta_map)?;
    let metadata = Value::map(meta_map.clone());
    let api_v1 = meta_map.get("apiVersion").map(funcs::strval).as_deref() == Some("v1");
    let name = meta_map.get("name").map(funcs::strval).unwrap_or_default();
    let is_library = meta_map.get("type").map(funcs::strval).as_deref() == Some("library");
    let mut values = Value::map(BTreeMap::new());
    let mut templates = Vec::new();
    let mut other = BTreeMap::new();
    let mut sub_files: BTreeMap<String, Vec<(String, Vec<u8>)>> = BTreeMap::new();
    let mut sub_archives: Vec<(String, Vec<u8>)> = Vec::new();
    for (p, b) in &files {
        if p == "Chart.yaml" {
            continue;
        }
        if p == "values.yaml" {
            values = match crate::yaml::parse_helm_yaml(&String::from_utf8_lossy(b)) {
                Ok(Value::Nil) => Value::map(BTreeMap::new()),
                Ok(v @ Value::Map(_)) => v,
                Ok(_) => return Err(load_err("cannot load values.yaml: error converting YAML to JSON")),
                Err(e) => return Err(load_err(format!("cannot load values.yaml: error converting YAML to JSON: {e}"))),
            };
            continue;
        }
        if p == "values.schema.json" || p == "Chart.lock" {
            continue;
        }
        if (p == "requirements.yaml" || p == "requirements.lock") && !api_v1 {
            continue;
        }
        if let Some(rest) = p.strip_prefix("templates/") {
            let _ = rest;
            templates.push((p.clone(), String::from_utf8_lossy(b).into_owned()));
            continue;
        }
        if p.starts_with("charts/") && p.ends_with(".prov") {
            other.insert(p.clone(), Rc::new(b.clone()));
            continue;
        }
        if let Some(rest) = p.strip_prefix("charts/") {
            // Helm's loader: entries starting with `_` or `.` are skipped, `*.tgz` are archives,
            // anything else must be a chart folder
            if rest.starts_with('_') || rest.starts_with('.') {
                continue;
            }
            match rest.split_once('/') {
                Some((dir, inner)) => {
                    sub_files.entry(dir.to_string()).or_default().push((inner.to_string(), b.clone()))
                }
                None if rest.ends_with(".tgz") => sub_archives.push((rest.to_string(), b.clone())),
                None => {
                    sub_files.entry(rest.to_string()).or_default();
                }
            }
            continue;
        }
        other.insert(p.clone(), Rc::new(b.clone()));
    }
    let mut dependencies = Vec::new();
    let unpack = |n: &str, e: RenderError| load_err(format!("error unpacking subchart {n} in {name}: {}", e.message));
    for (n, fs) in sub_files {
        dependencies.push(load_chart(&fs, false).map_err(|e| unpack(&n, e))?);
    }
    for (n, a) in sub_archives {
        let fs = read_tgz(&a).map_err(|e| unpack(&n, load_err(e)))?;
        dependencies.push(load_chart(&fs, false).map_err(|e| unpack(&n, e))?);
    }
    let version = meta_map.get("version").map(funcs::strval).unwrap_or_default();
    let deps = match meta_map.get("dependencies") {
        Some(Value::List(l)) => Some(
            l.iter()
                .map(|d| {
                    let m = get_map(d);
                    let g = |k: &str| m.get(k).map(funcs::strval).unwrap_or_default();
                    DepMeta {
                        name: g("name"),
                        version: g("version"),
                        repository: g("repository"),
                        condition: g("condition"),
                        tags: match m.get("tags") {
                            Some(Value::List(t)) => t.iter().map(funcs::strval).collect(),
                            _ => Vec::new(),
                        },
                        enabled: false,
                        import_values: m.get("import-values").cloned().unwrap_or_default(),
                        alias: g("alias"),
                    }
                })
                .collect(),
        ),
        _ => None,
    };
    let schema = files.iter().find(|(p, _)| p == "values.schema.json").map(|(_, b)| b.clone());
    Ok(Chart { metadata, name, values, templates, files: other, dependencies, is_library, version, deps, schema })
}

/// Helm's `sanitizeString`: whitespace becomes a space, other unprintable characters go.
fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some(' ')
            } else if c.is_control() {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// `Metadata.Validate` (the checks a render meets) and its `sanitizeString` of text fields;
/// an absent `apiVersion` is `v1`, as Helm's loader assumes.
fn validate_metadata(m: &mut BTreeMap<String, Value>) -> Result<(), RenderError> {
    let verr = |msg: String| load_err(format!("validation: {msg}"));
    let api = m.get("apiVersion").map(funcs::strval).unwrap_or_default();
    if api.is_empty() || matches!(m.get("apiVersion"), Some(Value::Nil)) {
        m.insert("apiVersion".into(), Value::str("v1"));
    }
    for k in ["name", "description", "home", "icon", "condition", "tags", "appVersion", "kubeVersion"] {
        if let Some(v) = m.get(k).cloned()
            && !matches!(v, Value::Nil | Value::List(_) | Value::Map(_))
        {
            m.insert(k.into(), Value::str(sanitize(&funcs::strval(&v))));
        }
    }
    for k in ["sources", "keywords"] {
        if let Some(Value::List(l)) = m.get(k).cloned() {
            m.insert(k.into(), Value::list(l.iter().map(|x| Value::str(sanitize(&funcs::strval(x)))).collect()));
        }
    }
    let get = |k: &str| match m.get(k) {
        None | Some(Value::Nil) => String::new(),
        Some(v) => funcs::strval(v),
    };
    let name = get("name");
    if name.is_empty() {
        return Err(verr("chart.metadata.name is required".into()));
    }
    if name == "." || name == ".." {
        return Err(verr(format!("chart.metadata.name {name:?} is not allowed")));
    }
    if name.contains('/') {
        return Err(verr(format!("chart.metadata.name {name:?} is invalid")));
    }
    let version = get("version");
    if version.is_empty() {
        return Err(verr("chart.metadata.version is required".into()));
    }
    if crate::semver::Version::parse(&version).is_err() {
        return Err(verr(format!("chart.metadata.version {version:?} is invalid")));
    }
    if !matches!(get("type").as_str(), "" | "application" | "library") {
        return Err(verr("chart.metadata.type must be application or library".into()));
    }
    Ok(())
}

/// The files of a `.tgz` chart archive, with the top folder stripped.
pub fn read_tgz(data: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let gz = flate2::read::GzDecoder::new(data);
    let mut limited = gz.take(512 << 20);
    let mut raw = Vec::new();
    limited.read_to_end(&mut raw).map_err(|e| format!("gzip: {e}"))?;
    let mut ar = tar::Archive::new(&raw[..]);
    let mut out = Vec::new();
    for entry in ar.entries().map_err(|e| e.to_string())? {
        let mut entry = entry.map_err(|e| e.to_string())?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let path = entry.path().map_err(|e| e.to_string())?.to_string_lossy().replace('\\', "/");
        let Some((_, rest)) = path.split_once('/') else { continue };
        let mut buf = Vec::new();
        entry.read_to_end(&mut buf).map_err(|e| e.to_string())?;
        out.push((rest.to_string(), buf));
    }
    Ok(out)
}

fn get_map(v: &Value) -> BTreeMap<String, Value> {
    match v {
        Value::Map(m) => m.borrow().clone(),
        _ => BTreeMap::new(),
    }
}

type MapRef = crate::value::Map;

fn new_map() -> MapRef {
    Rc::new(std::cell::RefCell::new(BTreeMap::new()))
}

fn as_map(v: &Value) -> Option<MapRef> {
    match v {
        Value::Map(m) => Some(m.clone()),
        _ => None,
    }
}

/// `cleanNilValues`.
fn clean_nil_values(m: &MapRef) {
    m.borrow_mut().retain(|_, v| !matches!(v, Value::Nil));
    let subs: Vec<MapRef> = m.borrow().values().filter_map(as_map).collect();
    for s in subs {
        if !Rc::ptr_eq(&s, m) {
            clean_nil_values(&s);
        }
    }
}

/// `coalesceTablesFullKey(dst, src, merge)`.
fn coalesce_tables_full(dst: &MapRef, src: &MapRef, merge: bool) {
    if Rc::ptr_eq(dst, src) {
        return;
    }
    let src_non_nil: Vec<String> =
        src.borrow().iter().filter(|(_, v)| !matches!(v, Value::Nil)).map(|(k, _)| k.clone()).collect();
    let dst_nils: Vec<String> =
        dst.borrow().iter().filter(|(_, v)| matches!(v, Value::Nil)).map(|(k, _)| k.clone()).collect();
    for k in dst_nils {
        src.borrow_mut().insert(k, Value::Nil);
    }
    let entries: Vec<(String, Value)> = src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (key, val) in entries {
        let dv = dst.borrow().get(&key).cloned();
        match dv {
            Some(Value::Nil) if !merge && src_non_nil.contains(&key) => {
                dst.borrow_mut().remove(&key);
            }
            None => {
                dst.borrow_mut().insert(key, val);
            }
            Some(dv) => {
                if let (Value::Map(sv), Value::Map(dm)) = (&val, &dv) {
                    coalesce_tables_full(dm, sv, merge);
                }
            }
        }
    }
}

/// Helm's `coalesce(chart, dest, merge)`: `coalesceValues` then `coalesceDeps`.
fn coalesce(chart: &Chart, dest: &MapRef, merge: bool) -> Result<(), RenderError> {
    coalesce_values(chart, dest, merge);
    coalesce_deps(chart, dest, merge)
}

fn coalesce_values(chart: &Chart, v: &MapRef, merge: bool) {
    let vc = chart.values.deep_copy();
    let Some(vc) = as_map(&vc) else { return };
    let entries: Vec<(String, Value)> = vc.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (key, val) in entries {
        let existing = v.borrow().get(&key).cloned();
        match existing {
            Some(Value::Nil) if !merge => {
                v.borrow_mut().remove(&key);
            }
            Some(Value::Map(dest)) => {
                if let Value::Map(src) = &val {
                    let m2 = merge || chart.dependencies.iter().any(|d| d.name == key);
                    if !m2 {
                        clean_nil_values(src);
                    }
                    coalesce_tables_full(&dest, src, m2);
                }
            }
            Some(_) => {}
            None => {
                if !merge {
                    if matches!(val, Value::Nil) {
                        continue;
                    }
                    if let Value::Map(sub) = &val {
                        clean_nil_values(sub);
                    }
                }
                v.borrow_mut().insert(key, val);
            }
        }
    }
}

fn coalesce_deps(chart: &Chart, dest: &MapRef, merge: bool) -> Result<(), RenderError> {
    for sub in &chart.dependencies {
        let cur = dest.borrow().get(&sub.name).cloned();
        let dv = match cur {
            None => {
                let m = new_map();
                dest.borrow_mut().insert(sub.name.clone(), Value::Map(m.clone()));
                m
            }
            Some(Value::Map(m)) => m,
            Some(other) => {
                return Err(load_err(format!(
                    "type mismatch on {}: %!t({}={})",
                    sub.name,
                    other.type_name(),
                    other.to_go_string()
                )));
            }
        };
        coalesce_globals(&dv, dest);
        coalesce(sub, &dv, merge)?;
    }
    Ok(())
}

fn coalesce_globals(dest: &MapRef, src: &MapRef) {
    let dg = match dest.borrow().get("global") {
        None => new_map(),
        Some(Value::Map(m)) => m.clone(),
        Some(_) => return,
    };
    let sg = match src.borrow().get("global") {
        None => new_map(),
        Some(Value::Map(m)) => m.clone(),
        Some(_) => return,
    };
    if !Rc::ptr_eq(&dg, &sg) {
        let entries: Vec<(String, Value)> = sg.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (key, val) in entries {
            if let Value::Map(vm) = &val {
                let vv: MapRef = Rc::new(std::cell::RefCell::new(vm.borrow().clone()));
                let existing = dg.borrow().get(&key).cloned();
                match existing {
                    None => {
                        dg.borrow_mut().insert(key, Value::Map(vv));
                    }
                    Some(Value::Map(destv)) => {
                        coalesce_tables_full(&vv, &destv, true);
                        dg.borrow_mut().insert(key, Value::Map(vv));
                    }
                    Some(_) => {}
                }
            } else if matches!(dg.borrow().get(&key), Some(Value::Map(_))) {
            } else {
                dg.borrow_mut().insert(key, val);
            }
        }
    }
    dest.borrow_mut().insert("global".into(), Value::Map(dg));
}

/// `CoalesceValues(chart, vals)` (or `MergeValues` with `merge`).
fn coalesce_values_top(chart: &Chart, vals: &Value, merge: bool) -> Result<MapRef, RenderError> {
    let copy = vals.deep_copy();
    let m = as_map(&copy).unwrap_or_else(new_map);
    coalesce(chart, &m, merge)?;
    Ok(m)
}

/// `Values.PathValue`: a value at a dotted path (the last element must exist).
fn path_value(v: &MapRef, path: &str) -> Option<Value> {
    let parts: Vec<&str> = path.split('.').collect();
    let mut cur = v.clone();
    for (i, p) in parts.iter().enumerate() {
        let x = cur.borrow().get(*p).cloned()?;
        if i == parts.len() - 1 {
            return Some(x);
        }
        cur = as_map(&x)?;
    }
    None
}

fn compatible(constraint: &str, version: &str) -> bool {
    let Ok(v) = crate::semver::Version::parse(version) else { return false };
    let Ok(c) = crate::semver::Constraints::parse(constraint) else { return false };
    c.check(&v)
}

/// `processDependencyEnabled`.
fn process_dependency_enabled(c: &mut Chart, v: &Value, path: &str) -> Result<(), RenderError> {
    let Some(reqs) = c.deps.clone() else { return Ok(()) };
    let existing = std::mem::take(&mut c.dependencies);
    let mut chart_deps: Vec<Chart> = existing
        .iter()
        .filter(|e| !reqs.iter().any(|r| e.name == r.name && compatible(&r.version, &e.version)))
        .cloned()
        .collect();
    let mut reqs = reqs;
    for r in reqs.iter_mut() {
        if let Some(found) = existing.iter().find(|e| e.name == r.name && compatible(&r.version, &e.version)) {
            let mut out = found.clone();
            if !r.alias.is_empty() {
                out.name = r.alias.clone();
            }
            chart_deps.push(out);
        }
        if !r.alias.is_empty() {
            r.name = r.alias.clone();
        }
        r.enabled = true;
    }
    c.dependencies = chart_deps;
    let cvals = coalesce_values_top(c, v, false)?;
    // tags
    if let Some(Value::Map(vt)) = cvals.borrow().get("tags").cloned() {
        for r in reqs.iter_mut() {
            let (mut has_true, mut has_false) = (false, false);
            for t in &r.tags {
                if let Some(Value::Bool(b)) = vt.borrow().get(t) {
                    if *b {
                        has_true = true;
                    } else {
                        has_false = true;
                    }
                }
            }
            r.enabled = has_true || !has_false;
        }
    }
    // conditions
    for r in reqs.iter_mut() {
        for cond in r.condition.trim().split(',') {
            if cond.is_empty() {
                continue;
            }
            if let Some(Value::Bool(b)) = path_value(&cvals, &format!("{path}{cond}")) {
                r.enabled = b;
                break;
            }
        }
    }
    let rm: Vec<String> = reqs.iter().filter(|r| !r.enabled).map(|r| r.name.clone()).collect();
    c.dependencies.retain(|d| !rm.contains(&d.name));
    reqs.retain(|r| !rm.contains(&r.name));
    let cv = Value::Map(cvals);
    for t in c.dependencies.iter_mut() {
        let sub = format!("{path}{}.", t.name);
        process_dependency_enabled(t, &cv, &sub)?;
    }
    c.deps = if reqs.is_empty() { None } else { Some(reqs) };
    Ok(())
}

/// `processDependencyImportValues(c, merge=true)`.
fn process_dependency_import_values(c: &mut Chart) -> Result<(), RenderError> {
    for d in c.dependencies.iter_mut() {
        process_dependency_import_values(d)?;
    }
    let Some(mut reqs) = c.deps.clone() else { return Ok(()) };
    let cvals = coalesce_values_top(c, &Value::Nil, true)?;
    let b = new_map();
    for r in reqs.iter_mut() {
        let mut outiv = Vec::new();
        let ivs = match &r.import_values {
            Value::List(l) => l.to_vec(),
            _ => Vec::new(),
        };
        for iv in ivs {
            let (child, parent) = match &iv {
                Value::Map(m) => {
                    let m = m.borrow();
                    let child = m.get("child").map(|x| x.to_go_string()).unwrap_or_else(|| "<nil>".into());
                    let parent = m.get("parent").map(|x| x.to_go_string()).unwrap_or_else(|| "<nil>".into());
                    (child, parent)
                }
                Value::Str(s) => (format!("exports.{s}"), ".".to_string()),
                _ => continue,
            };
            outiv.push(Value::map(BTreeMap::from([
                ("child".to_string(), Value::str(child.as_str())),
                ("parent".to_string(), Value::str(parent.as_str())),
            ])));
            let Some(Value::Map(vv)) = path_value(&cvals, &format!("{}.{}", r.name, child)) else { continue };
            let vv: MapRef = Rc::new(std::cell::RefCell::new(vv.borrow().clone()));
            let src = if parent == "." {
                vv
            } else {
                let mut cur = Value::Map(vv);
                for p in parent.split('.').rev() {
                    cur = Value::map(BTreeMap::from([(p.to_string(), cur)]));
                }
                as_map(&cur).unwrap_or_else(new_map)
            };
            coalesce_tables_full(&b, &src, true);
        }
        r.import_values = Value::list(outiv);
    }
    let copy = as_map(&Value::Map(cvals).deep_copy()).unwrap_or_else(new_map);
    coalesce_tables_full(&copy, &b, true);
    c.values = Value::Map(copy);
    c.deps = Some(reqs);
    Ok(())
}

/// `.Chart`: `structToMap` of the chart's `Metadata` with Helm's capitalised field names.
fn chart_object(chart: &Chart, is_root: bool) -> Value {
    let m = get_map(&chart.metadata);
    let s = |k: &str| Value::str(m.get(k).map(funcs::strval).unwrap_or_default());
    let strs = |k: &str| match m.get(k) {
        Some(Value::List(l)) => Value::list(l.iter().map(|x| Value::str(funcs::strval(x))).collect()),
        _ => Value::list(Vec::new()),
    };
    let maintainers = match m.get("maintainers") {
        Some(Value::List(l)) => Value::list(
            l.iter()
                .map(|x| {
                    let mm = get_map(x);
                    let g = |k: &str| Value::str(mm.get(k).map(funcs::strval).unwrap_or_default());
                    Value::map(BTreeMap::from([
                        ("Name".into(), g("name")),
                        ("Email".into(), g("email")),
                        ("URL".into(), g("url")),
                    ]))
                })
                .collect(),
        ),
        _ => Value::list(Vec::new()),
    };
    let dependencies = match &chart.deps {
        Some(reqs) => Value::list(
            reqs.iter()
                .map(|r| {
                    Value::map(BTreeMap::from([
                        ("Name".into(), Value::str(r.name.as_str())),
                        ("Version".into(), Value::str(r.version.as_str())),
                        ("Repository".into(), Value::str(r.repository.as_str())),
                        ("Condition".into(), Value::str(r.condition.as_str())),
                        ("Tags".into(), Value::list(r.tags.iter().map(|t| Value::str(t.as_str())).collect())),
                        ("Enabled".into(), Value::Bool(r.enabled)),
                        (
                            "ImportValues".into(),
                            match &r.import_values {
                                Value::List(l) => Value::List(l.clone()),
                                _ => Value::list(Vec::new()),
                            },
                        ),
                        ("Alias".into(), Value::str(r.alias.as_str())),
                    ]))
                })
                .collect(),
        ),
        None => Value::list(Vec::new()),
    };
    let annotations = match m.get("annotations") {
        Some(Value::Map(a)) => {
            Value::map(a.borrow().iter().map(|(k, v)| (k.clone(), Value::str(funcs::strval(v)))).collect())
        }
        _ => Value::map(BTreeMap::new()),
    };
    Value::map(BTreeMap::from([
        ("Name".into(), Value::str(chart.name.as_str())),
        ("Home".into(), s("home")),
        ("Sources".into(), strs("sources")),
        ("Version".into(), s("version")),
        ("Description".into(), s("description")),
        ("Keywords".into(), strs("keywords")),
        ("Maintainers".into(), maintainers),
        ("Icon".into(), s("icon")),
        ("APIVersion".into(), s("apiVersion")),
        ("Condition".into(), s("condition")),
        ("Tags".into(), s("tags")),
        ("AppVersion".into(), s("appVersion")),
        ("Deprecated".into(), Value::Bool(matches!(m.get("deprecated"), Some(Value::Bool(true))))),
        ("Annotations".into(), annotations),
        ("KubeVersion".into(), s("kubeVersion")),
        ("Dependencies".into(), dependencies),
        ("Type".into(), s("type")),
        ("IsRoot".into(), Value::Bool(is_root)),
    ]))
}

struct Renderable {
    text: String,
    vals: Value,
    base_path: String,
}

fn all_templates(
    chart: &Chart,
    parent_path: Option<&str>,
    top: &BTreeMap<String, Value>,
    values: &Value,
    out: &mut BTreeMap<String, Renderable>,
) -> Value {
    let is_root = parent_path.is_none();
    let full = match parent_path {
        None => chart.name.clone(),
        Some(p) => format!("{p}/charts/{}", chart.name),
    };
    let subcharts = Value::map(BTreeMap::new());
    let mut next = BTreeMap::new();
    next.insert("Chart".to_string(), chart_object(chart, is_root));
    next.insert("Files".to_string(), Value::Obj(Rc::new(Obj::Files(chart.files.clone()))));
    next.insert("Release".to_string(), top.get("Release").cloned().unwrap_or_default());
    next.insert("Capabilities".to_string(), top.get("Capabilities").cloned().unwrap_or_default());
    next.insert("Values".to_string(), values.clone());
    next.insert("Subcharts".to_string(), subcharts.clone());
    for dep in &chart.dependencies {
        let sub_vals = match values {
            Value::Map(m) => match m.borrow().get(&dep.name) {
                Some(v @ Value::Map(_)) => v.clone(),
                _ => Value::map(BTreeMap::new()),
            },
            _ => Value::map(BTreeMap::new()),
        };
        let sub = all_templates(dep, Some(&full), top, &sub_vals, out);
        if let Value::Map(sm) = &subcharts {
            sm.borrow_mut().insert(dep.name.clone(), sub);
        }
    }
    let next_v = Value::map(next);
    for (p, text) in &chart.templates {
        if chart.is_library && !p.rsplit('/').next().unwrap_or(p).starts_with('_') {
            continue;
        }
        out.insert(
            format!("{full}/{p}"),
            Renderable { text: text.clone(), vals: next_v.clone(), base_path: format!("{full}/templates") },
        );
    }
    next_v
}

/// Helm's `sortTemplates`: deepest paths first, then reverse lexical order.
fn sort_templates(keys: &mut [String]) {
    keys.sort_by(|a, b| {
        let (ca, cb) = (a.matches('/').count(), b.matches('/').count());
        cb.cmp(&ca).then_with(|| b.cmp(a))
    });
}

/// Renders a chart as Helm's `engine.Render` after `ToRenderValues`.
///
/// When a chance or time function ran, the chart is rendered a second time with another seed
/// and clock: every template whose text changes is reported in
/// [`Rendered::nondeterministic_templates`] (this also catches random values that one template
/// stores in a shared map and another prints).
pub fn render(chart: &Chart, opts: &RenderOptions) -> Result<Rendered, RenderError> {
    let mut first = render_once(chart, opts)?;
    if first.nondeterministic {
        let other = RenderOptions {
            seed: opts.seed ^ 0x9E37_79B9_7F4A_7C15,
            now_unix: opts.now_unix.wrapping_add(86_400 * 400 + 3_723),
            ..opts.clone()
        };
        if let Ok(second) = render_once(chart, &other) {
            for (k, v) in &first.manifests {
                if second.manifests.get(k) != Some(v) {
                    first.nondeterministic_templates.insert(k.clone());
                }
            }
        }
    }
    Ok(first)
}

/// [`render`] without its second pass: a chart that uses chance or time functions has
/// [`Rendered::nondeterministic`] set but [`Rendered::nondeterministic_templates`] empty. For
/// callers that render one chart many times (extcheck-core, once per Kubernetes minor).
pub fn render_single(chart: &Chart, opts: &RenderOptions) -> Result<Rendered, RenderError> {
    render_once(chart, opts)
}

fn render_once(chart: &Chart, opts: &RenderOptions) -> Result<Rendered, RenderError> {
    let release = if opts.release_name.is_empty() { chart.name.clone() } else { opts.release_name.clone() };
    let namespace = if opts.namespace.is_empty() { release.clone() } else { opts.namespace.clone() };
    let kube = match &opts.kube_version {
        None => KubeVersion::parse(DEFAULT_KUBE_VERSION),
        Some(v) => KubeVersion::parse(v),
    }
    .ok_or_else(|| load_err(format!("invalid kube version {:?}", opts.kube_version.clone().unwrap_or_default())))?;
    let api_versions = match &opts.api_versions {
        Some(v) => v.clone(),
        None => DEFAULT_API_VERSIONS.iter().map(|s| s.to_string()).collect(),
    };
    let caps = Capabilities { kube_version: kube, api_versions };

    // values: ProcessDependenciesWithMerge, then ToRenderValues' CoalesceValues
    let mut chart = chart.clone();
    let user = opts.values.clone().unwrap_or_else(|| Value::map(BTreeMap::new()));
    process_dependency_enabled(&mut chart, &user, "")?;
    process_dependency_import_values(&mut chart)?;
    let vals = coalesce_values_top(&chart, &user, false)?;
    let schema_errors = validate_schemas(&chart, &Value::Map(vals.clone()));
    if !schema_errors.is_empty() {
        return Err(load_err(format!(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n{schema_errors}"
        )));
    }

    let mut top = BTreeMap::new();
    top.insert(
        "Release".to_string(),
        Value::map(BTreeMap::from([
            ("Name".into(), Value::str(release.as_str())),
            ("Namespace".into(), Value::str(namespace.as_str())),
            ("IsInstall".into(), Value::Bool(opts.is_install)),
            ("IsUpgrade".into(), Value::Bool(!opts.is_install)),
            ("Revision".into(), Value::Int(opts.revision)),
            ("Service".into(), Value::str("Helm")),
        ])),
    );
    top.insert("Capabilities".to_string(), Value::Obj(Rc::new(Obj::Capabilities(caps))));
    let values = Value::Map(vals);
    let mut tpls = BTreeMap::new();
    all_templates(&chart, None, &top, &values, &mut tpls);

    let mut keys: Vec<String> = tpls.keys().cloned().collect();
    sort_templates(&mut keys);
    let mut set = TemplateSet::default();
    for k in &keys {
        let r = &tpls[k];
        let (tree, defines) = parse::parse_with_depth(k, &r.text, &funcs::is_defined, parse_depth(opts.max_nesting))
            .map_err(|e| cleanup_parse_error(k, &e.message))?;
        set.add(tree, defines);
    }
    let mut env = Env::new(opts.seed, opts.now_unix, opts.max_output);
    env.max_nesting = opts.max_nesting;
    let mut manifests = BTreeMap::new();
    let mut nondeterministic_templates = std::collections::BTreeSet::new();
    for k in &keys {
        if k.rsplit('/').next().unwrap_or(k).starts_with('_') {
            continue;
        }
        let r = &tpls[k];
        if let Value::Map(m) = &r.vals {
            m.borrow_mut().insert(
                "Template".into(),
                Value::map(BTreeMap::from([
                    ("Name".into(), Value::str(k.as_str())),
                    ("BasePath".into(), Value::str(r.base_path.as_str())),
                ])),
            );
        }
        let mut out = String::new();
        let before = std::mem::replace(&mut env.nondeterministic, false);
        exec::execute(&set, &mut env, k, r.vals.clone(), &mut out, 0).map_err(|e| reformat_exec_error(k, &e))?;
        if env.nondeterministic {
            nondeterministic_templates.insert(k.clone());
        }
        env.nondeterministic |= before;
        manifests.insert(k.clone(), out.replace("<no value>", ""));
    }
    Ok(Rendered {
        manifests,
        nondeterministic: env.nondeterministic,
        used_lookup: env.used_lookup,
        nondeterministic_functions: env.used.clone(),
        nondeterministic_templates,
    })
}

/// Helm's `tpl`: parse `text` as a template named like the calling one, in a copy of the set.
pub fn tpl(
    set: &TemplateSet,
    env: &mut Env,
    name: &str,
    text: &str,
    data: Value,
    depth: usize,
) -> Result<String, GoErr> {
    let key = (name.to_string(), text.to_string());
    let (tree, defines) = match env.tpl_cache.get(&key) {
        Some(parsed) => parsed.clone(),
        None => {
            let (tree, defines) = parse::parse_with_depth(name, text, &funcs::is_defined, parse_depth(env.max_nesting))
                .map_err(|e| GoErr {
                    msg: format!("cannot parse template {}: {}", funcs::go_quote(text), e.message),
                    wrapped: Some(Box::new(GoErr::new(e.message))),
                })?;
            let parsed: funcs::TplParsed = (Rc::new(tree), defines.into_iter().map(Rc::new).collect());
            if env.tpl_cache_bytes + text.len() <= funcs::TPL_CACHE_BYTES {
                env.tpl_cache_bytes += text.len();
                env.tpl_cache.insert(key, parsed.clone());
            }
            parsed
        }
    };
    let mut copy = TemplateSet { trees: set.trees.clone(), files: set.files.clone() };
    copy.add_shared(tree.clone(), defines);
    let mut out = String::new();
    // Go executes the template object `Parse` returned: its own tree, even when an empty tree
    // did not replace a non-empty one of the same name in the set
    exec::execute_tree(&copy, env, tree, data, &mut out, depth).map_err(|e| GoErr {
        msg: format!("error during tpl function execution for {}: {}", funcs::go_quote(text), e.msg),
        wrapped: Some(Box::new(e)),
    })?;
    Ok(out.replace("<no value>", ""))
}

/// `ValidateAgainstSchema`: the chart's schema on its values, then each subchart's on its part.
fn validate_schemas(chart: &Chart, values: &Value) -> String {
    let mut sb = String::new();
    if let Some(schema) = &chart.schema {
        match crate::schema::validate(schema, values) {
            Ok(errs) if errs.is_empty() => {}
            Ok(errs) => sb.push_str(&format!("{}:\n{}\n", chart.name, errs.join("\n"))),
            Err(e) => sb.push_str(&format!("{}:\n{e}\n", chart.name)),
        }
    }
    for sub in &chart.dependencies {
        let raw = match values {
            Value::Map(m) => m.borrow().get(&sub.name).cloned(),
            _ => None,
        };
        match raw {
            None | Some(Value::Nil) => {}
            Some(v @ Value::Map(_)) => sb.push_str(&validate_schemas(sub, &v)),
            Some(other) => sb.push_str(&format!(
                "{}:\ninvalid type for values: expected object (map), got {}\n",
                sub.name,
                other.type_name()
            )),
        }
    }
    sb
}

/// The parser's nesting limit for a nesting cap: the default for the default cap, up to 10000
/// when a deep stack is provided.
fn parse_depth(max_nesting: usize) -> usize {
    if max_nesting <= crate::exec::MAX_NESTING { parse::MAX_PARSE_DEPTH } else { max_nesting.min(10_000) }
}

/// `cleanupParseError`.
fn cleanup_parse_error(filename: &str, msg: &str) -> RenderError {
    let tokens: Vec<&str> = msg.split(": ").collect();
    if tokens.len() == 1 {
        return load_err(format!("parse error in ({filename}): {msg}"));
    }
    load_err(format!("parse error at ({}): {}", tokens[1], tokens[tokens.len() - 1]))
}

#[derive(PartialEq, Clone)]
struct Trace {
    location: String,
    message: String,
    executed: String,
}

fn parse_trace(s: &str) -> Option<Trace> {
    let remainder = s.strip_prefix("template: ")?;
    if remainder.starts_with("no template ") {
        return Some(Trace { location: String::new(), message: s.to_string(), executed: String::new() });
    }
    if let Some((tname, after)) = remainder.split_once(": executing ")
        && let Some(after1) = after.strip_prefix('"')
        && let Some(endq) = after1.find('"')
    {
        let func = &after1[..endq];
        let after_func = &after1[endq + 1..];
        if let Some(after_at) = after_func.strip_prefix(" at <")
            && let Some((loc, msg)) = after_at.split_once(">: ")
        {
            let msg = match msg.find(" template:") {
                Some(c) => &msg[..c],
                None => msg,
            };
            return Some(Trace {
                location: tname.to_string(),
                message: msg.to_string(),
                executed: format!("executing \"{func}\" at <{loc}>:"),
            });
        }
    }
    if let Some(sep) = remainder.rfind(": ") {
        let mut msg = &remainder[sep + 2..];
        if let Some(c) = msg.find(" template:") {
            msg = &msg[..c];
        }
        return Some(Trace {
            location: remainder[..sep].to_string(),
            message: msg.to_string(),
            executed: String::new(),
        });
    }
    None
}

/// `reformatExecErrorMsg`.
fn reformat_exec_error(filename: &str, err: &GoErr) -> RenderError {
    let tokens: Vec<&str> = err.msg.splitn(3, ": ").collect();
    if tokens.len() != 3 {
        return load_err(format!("execution error in ({filename}): {}", err.msg));
    }
    let location = tokens[1];
    if let Some(start) = tokens[2].find("HELM_ERR_START")
        && let Some(end) = tokens[2].rfind("HELM_ERR_END")
        && end >= start + 14
    {
        return load_err(format!("execution error at ({location}): {}", &tokens[2][start + 14..end]));
    }
    let mut traces: Vec<Trace> = Vec::new();
    let mut cur = Some(err);
    while let Some(e) = cur {
        match parse_trace(&e.msg) {
            Some(t) => {
                if traces.last() != Some(&t) {
                    traces.push(t);
                }
            }
            None => return load_err(err.msg.clone()),
        }
        cur = e.wrapped.as_deref();
    }
    let mut s = String::new();
    for t in traces {
        if !t.location.is_empty() {
            s.push_str(&format!("{}\n  ", t.location));
        }
        if !t.executed.is_empty() {
            s.push_str(&format!("{}\n    ", t.executed));
        }
        if !t.message.is_empty() {
            s.push_str(&format!("{}\n", t.message));
        }
    }
    load_err(s.trim().to_string())
}
