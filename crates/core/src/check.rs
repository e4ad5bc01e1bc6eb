//! The checking pipeline: a [`ReadResult`] in, a [`Report`] out. Every stage is a plain
//! function; nothing here does I/O.

use std::collections::BTreeSet;

use crate::diagnostic::{Counts, Diagnostic};
use crate::document::Ctx;
use crate::matrix::CellId;
use crate::package::{Detected, Kind, Origin, Package, ReadResult, detect};
use crate::rules;
use crate::syntax::json;

/// The result of checking one package found in the input.
#[derive(Clone, Debug)]
pub struct PackageReport {
    /// What the package is; `None` when nothing was recognised (PKG001/PKG008).
    pub kind: Option<Kind>,
    /// The package's name from its manifest, when readable.
    pub name: Option<String>,
    /// The package's version from its manifest, when readable.
    pub version: Option<String>,
    /// The package root inside the input, with a trailing `/` (`cert-manager/`), or `""`.
    pub root: String,
    /// Findings, sorted by file, position and code.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings suppressed by an inline `# extcheck:ignore` or by the configuration, with the
    /// reason; not counted ([`crate::suppress`]).
    pub suppressed: Vec<crate::suppress::Suppressed>,
    /// The package's files (paths relative to `root`).
    pub package: Package,
    /// The compatibility matrix (KubeSphere extensions and Rancher packages and charts).
    pub matrix: Option<crate::matrix::Matrix>,
    /// Where the input came from.
    pub origin: Origin,
}

impl PackageReport {
    /// Numbers of diagnostics by severity.
    pub fn counts(&self) -> Counts {
        Counts::of(&self.diagnostics)
    }
}

/// The result of checking one input (an archive, a folder or a file).
#[derive(Clone, Debug)]
pub struct Report {
    /// The input's name as given (path or file name).
    pub input: String,
    /// One entry per package found; at least one.
    pub packages: Vec<PackageReport>,
}

impl Report {
    /// Counts over all packages.
    pub fn summary(&self) -> Counts {
        Counts::of(self.packages.iter().flat_map(|p| &p.diagnostics))
    }

    /// Renders the message and help of every diagnostic, suppressed ones included, and the
    /// matrix's texts ([`crate::matrix::Matrix::localize`]) in `lang` ([`Diagnostic::localize`]). A presentation step: fixes, codes and positions do not
    /// change, and checking again gives English.
    pub fn localize(&mut self, lang: crate::i18n::Lang) {
        for package in &mut self.packages {
            package.diagnostics.iter_mut().for_each(|d| d.localize(lang));
            package.suppressed.iter_mut().for_each(|s| s.diagnostic.localize(lang));
            if let Some(m) = &mut package.matrix {
                m.localize(lang);
            }
        }
    }

    /// True when the input could not be read at all or no package was recognised.
    pub fn unreadable(&self) -> bool {
        self.packages.iter().all(|p| p.kind.is_none())
    }
}

/// Checks everything in `read`, named `input` in the report.
pub fn check(input: &str, read: ReadResult) -> Report {
    check_with(input, read, true)
}

/// [`check`] without the matrix (and so without pricing fixes): reading, detection and every
/// rule, for the fuzz targets ([`crate::fuzz`]).
pub(crate) fn check_rules_only(input: &str, read: ReadResult) -> Report {
    check_with(input, read, false)
}

fn check_with(input: &str, read: ReadResult, with_matrix: bool) -> Report {
    let ReadResult { package, origin, diagnostics: read_diagnostics } = read;
    let top = match &origin {
        Origin::Archive { top_folder, .. } => top_folder.clone(),
        _ => None,
    };
    let Some(package) = package else {
        return Report {
            input: input.to_string(),
            packages: vec![unrecognised(origin, read_diagnostics, Package::default(), top)],
        };
    };
    let (found, detect_diagnostics) = {
        let transcoded = crate::package::encoding::transcode(&package);
        detect(transcoded.as_ref().map_or(&package, |t| &t.package), &origin)
    };
    if found.is_empty() {
        let mut all = read_diagnostics;
        all.extend(detect_diagnostics);
        return Report { input: input.to_string(), packages: vec![unrecognised(origin, all, package, top)] };
    }
    let parts = split(package, &found);
    let mut packages = Vec::with_capacity(parts.len());
    let mut pending_read = Some(read_diagnostics);
    for (detected, part) in found.iter().zip(parts) {
        let top_folder = if detected.root.is_empty() { top.as_deref() } else { None };
        let transcoded = crate::package::encoding::transcode(&part);
        let ctx = Ctx::decoded(&part, transcoded.as_ref(), detected.kind, &origin, top_folder, &detected.root);
        let mut diagnostics = pending_read.take().unwrap_or_default();
        diagnostics.extend(
            detect_diagnostics
                .iter()
                .filter(|d| d.file.as_deref().is_some_and(|f| f.starts_with(&format!("{}/", detected.root))))
                .cloned()
                .map(|mut d| {
                    d.file = d.file.map(|f| f[detected.root.len() + 1..].to_string());
                    d
                }),
        );
        diagnostics.extend(rules::run(&ctx));
        sort(&mut diagnostics);
        let (mut diagnostics, suppressed) = crate::suppress::inline(&part, diagnostics);
        cap(&mut diagnostics);
        let (name, version) = identity(&ctx);
        let matrix = if with_matrix { compute_matrix(&ctx) } else { None };
        drop(ctx);
        if let Some(m) = &matrix {
            price_fixes(&part, detected.kind, &origin, top_folder, &detected.root, &m.working(), &mut diagnostics);
        }
        let root = [top.as_deref().unwrap_or(""), detected.root.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| format!("{s}/"))
            .collect::<String>();
        packages.push(PackageReport {
            kind: Some(detected.kind),
            name,
            version,
            root,
            diagnostics,
            suppressed,
            package: part,
            origin: origin.clone(),
            matrix,
        });
    }
    Report { input: input.to_string(), packages }
}

/// Re-checks `package`, a changed copy of the files of `previous` (same kind, found at the same
/// place of the same input), with the archive top folder `top_folder`. Used between fix passes;
/// reading and detection are not repeated, so PKG001–PKG008 and KS014 are not re-reported, and
/// no matrix is computed (`matrix` is `None`).
pub fn recheck(previous: &PackageReport, package: Package, top_folder: Option<&str>) -> PackageReport {
    let Some(kind) = previous.kind else {
        return PackageReport { package, ..previous.clone() };
    };
    let (origin, part, top) = place(previous, top_folder);
    let transcoded = crate::package::encoding::transcode(&package);
    let ctx = Ctx::decoded(&package, transcoded.as_ref(), kind, &origin, top.as_deref(), &part);
    let mut diagnostics = rules::run(&ctx);
    sort(&mut diagnostics);
    let (mut diagnostics, suppressed) = crate::suppress::inline(&package, diagnostics);
    cap(&mut diagnostics);
    let (name, version) = identity(&ctx);
    let before = compute_matrix(&ctx).map(|m| m.working()).unwrap_or_default();
    drop(ctx);
    price_fixes(&package, kind, &origin, top.as_deref(), &part, &before, &mut diagnostics);
    PackageReport {
        kind: Some(kind),
        name,
        version,
        root: previous.root.clone(),
        diagnostics,
        suppressed,
        package,
        matrix: None,
        origin,
    }
}

/// The working cells of `package`, a changed copy of the files of `previous` (as [`recheck`]
/// places it); empty when `previous` was not recognised.
pub fn recheck_cells(previous: &PackageReport, package: &Package, top_folder: Option<&str>) -> BTreeSet<CellId> {
    let Some(kind) = previous.kind else { return BTreeSet::new() };
    let (origin, part, top) = place(previous, top_folder);
    working_cells(package, kind, &origin, top.as_deref(), &part)
}

/// Where a changed copy of `previous` sits: its origin (with the archive top folder
/// `top_folder`), its root inside the input, and the top folder its rules see.
fn place(previous: &PackageReport, top_folder: Option<&str>) -> (Origin, String, Option<String>) {
    let (origin, part) = match &previous.origin {
        Origin::Archive { name, bytes, top_folder: old } => {
            let part = old
                .as_deref()
                .and_then(|t| previous.root.strip_prefix(&format!("{t}/")))
                .unwrap_or(&previous.root)
                .trim_end_matches('/')
                .to_string();
            let top = if part.is_empty() { top_folder.map(str::to_string) } else { old.clone() };
            (Origin::Archive { name: name.clone(), bytes: *bytes, top_folder: top }, part)
        }
        other => (other.clone(), previous.root.trim_end_matches('/').to_string()),
    };
    let top = match (&origin, part.is_empty()) {
        (Origin::Archive { top_folder, .. }, true) => top_folder.clone(),
        _ => None,
    };
    (origin, part, top)
}

/// The cells where `package` (of `kind`, found at `root` of `origin`) works, by its platform's
/// matrix; empty for kinds without one.
pub fn working_cells(
    package: &Package,
    kind: Kind,
    origin: &Origin,
    top_folder: Option<&str>,
    root: &str,
) -> BTreeSet<CellId> {
    let transcoded = crate::package::encoding::transcode(package);
    let ctx = Ctx::decoded(package, transcoded.as_ref(), kind, origin, top_folder, root);
    compute_matrix(&ctx).map(|m| m.working()).unwrap_or_default()
}

/// Prices every fix in `diagnostics`: the package is evaluated with that fix alone applied,
/// and the cells of `before` (where it works now) that no longer work are written into
/// [`crate::Fix::costs`], which makes the fix unsafe and applied only when chosen by name
/// (issue 11: no fix may make a package work in fewer matrix cells). Kinds whose matrix does
/// not depend on their files (plugin archives, plain Helm charts) are not priced.
fn price_fixes(
    package: &Package,
    kind: Kind,
    origin: &Origin,
    top_folder: Option<&str>,
    root: &str,
    before: &BTreeSet<CellId>,
    diagnostics: &mut [Diagnostic],
) {
    if before.is_empty() || matches!(kind, Kind::RancherPlugin | Kind::HelmChart) {
        return;
    }
    // Each price re-reads the files the fix edits; past this many bytes in all, the rest are left
    // unpriced (bounded time on hostile input: 100,000 duplicate keys give 50 fixes on one large
    // file). Unpriced fixes stay guarded: the fix engine refuses any fix that loses a cell
    // ([`crate::fix::SkipReason::LosesCells`]).
    const PRICING_BUDGET: usize = 2 << 20;
    let mut spent = 0usize;
    for d in diagnostics.iter_mut() {
        let Some(fix) = d.fix.as_mut() else { continue };
        let files: BTreeSet<&str> = fix.edits.iter().map(|e| e.file.as_str()).collect();
        spent += files.iter().map(|f| package.bytes(f).map_or(0, <[u8]>::len)).sum::<usize>().max(1);
        if spent > PRICING_BUDGET {
            break;
        }
        let Some(after) = crate::fix::with_fix(package, fix) else { continue };
        let lost: BTreeSet<CellId> =
            before.difference(&working_cells(&after, kind, origin, top_folder, root)).cloned().collect();
        if !lost.is_empty() {
            fix.applicability = crate::diagnostic::Applicability::Unsafe;
            fix.costs_on = crate::diagnostic::PlatformLine::of_cells(&lost);
            d.set_costs(crate::msg!("matrix-fix-costs", cells = crate::matrix::describe_cells_message(&lost)));
        }
    }
}

/// The matrix for the package's platform, when it has one.
fn compute_matrix(ctx: &Ctx<'_>) -> Option<crate::matrix::Matrix> {
    use crate::matrix::{kubesphere, rancher};
    match ctx.kind {
        Kind::Kubesphere => kubesphere::Inputs::from_ctx(ctx).map(|i| kubesphere::compute(&i)),
        Kind::RancherPackage | Kind::RancherChart => rancher::Inputs::from_ctx(ctx).map(|i| rancher::compute(&i)),
        Kind::RancherPlugin => Some(rancher::compute_for_plugin_archive()),
        Kind::HelmChart => None,
    }
}

fn unrecognised(
    origin: Origin,
    mut diagnostics: Vec<Diagnostic>,
    package: Package,
    top: Option<String>,
) -> PackageReport {
    sort(&mut diagnostics);
    PackageReport {
        matrix: None,
        kind: None,
        name: None,
        version: None,
        root: top.map(|t| format!("{t}/")).unwrap_or_default(),
        diagnostics,
        suppressed: Vec::new(),
        package,
        origin,
    }
}

/// Moves each detected package's files into its own [`Package`] with root-relative paths
/// (no copies). Files outside every package are dropped.
fn split(mut package: Package, found: &[Detected]) -> Vec<Package> {
    if let [only] = found
        && only.root.is_empty()
    {
        return vec![package];
    }
    found
        .iter()
        .map(|d| {
            let prefix = format!("{}/", d.root);
            let paths: Vec<String> = package.files.keys().filter(|p| p.starts_with(&prefix)).cloned().collect();
            let files = paths
                .into_iter()
                .filter_map(|p| package.files.remove(&p).map(|bytes| (p[prefix.len()..].to_string(), bytes)))
                .collect();
            let skipped = package.skipped.iter().filter_map(|p| p.strip_prefix(&prefix)).map(str::to_string).collect();
            Package { files, partial: package.partial, skipped }
        })
        .collect()
}

/// Diagnostics in reading order: input-level first, then by file, position and code.
/// Most diagnostics of one code in one file that a report lists; the rest are summed up in one
/// more diagnostic of that code ("and N more"). Keeps reports small whatever the input (100,000
/// duplicate keys would otherwise give a report of hundreds of megabytes).
pub const MAX_PER_RULE_AND_FILE: usize = 50;

const MORE_HELP: &str = "report-more-help";

/// True for a diagnostic made by [`more`] (it counts findings that were not built).
pub(crate) fn is_more(d: &Diagnostic) -> bool {
    d.help_source.as_ref().is_some_and(|m| m.id == MORE_HELP)
}

/// The diagnostic that stands for `count` more findings of `code` in `file` beyond
/// [`MAX_PER_RULE_AND_FILE`], placed at `location` (the last one listed). Rules that can find
/// very many (duplicate keys) stop building diagnostics at the cap and add this one.
pub(crate) fn more(
    code: &'static str,
    severity: crate::Severity,
    file: Option<String>,
    count: usize,
    location: Option<crate::diagnostic::Location>,
) -> Diagnostic {
    let place = file
        .as_deref()
        .map_or_else(|| crate::i18n::Arg::from(crate::msg!("report-more-this-package")), |f| format!("`{f}`").into());
    let mut d = Diagnostic::new(
        code,
        severity,
        crate::msg!("report-more-message", count, code, place),
        crate::i18n::Message::new(MORE_HELP),
    );
    d.file = file;
    d.location = location;
    d
}

/// Applies [`MAX_PER_RULE_AND_FILE`] to sorted `diagnostics`: keeps the first ones of each code
/// and file, and adds after the last kept one a diagnostic counting the others, with the most
/// severe severity among them (so the counts and the exit code keep their meaning).
fn cap(diagnostics: &mut Vec<Diagnostic>) {
    use std::collections::HashMap;
    let mut seen: HashMap<(&'static str, Option<String>), usize> = HashMap::new();
    let mut dropped: Vec<(Diagnostic, usize, crate::Severity)> = Vec::new();
    let mut slot: HashMap<(&'static str, Option<String>), usize> = HashMap::new();
    diagnostics.retain(|d| {
        if is_more(d) {
            return true;
        }
        let key = (d.code, d.file.clone());
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        if *n <= MAX_PER_RULE_AND_FILE {
            return true;
        }
        match slot.get(&key) {
            Some(&i) => {
                dropped[i].1 += 1;
                dropped[i].2 = dropped[i].2.max(d.severity);
            }
            None => {
                slot.insert(key, dropped.len());
                dropped.push((d.clone(), 1, d.severity));
            }
        }
        false
    });
    if dropped.is_empty() {
        return;
    }
    for (first, count, severity) in dropped {
        let location = diagnostics
            .iter()
            .rev()
            .find(|d| d.code == first.code && d.file == first.file)
            .and_then(|d| d.location.clone());
        diagnostics.push(more(first.code, severity, first.file, count, location));
    }
    sort(diagnostics);
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file.as_deref(), a.location.as_ref().map(|l| l.span.start), a.code).cmp(&(
            b.file.as_deref(),
            b.location.as_ref().map(|l| l.span.start),
            b.code,
        ))
    });
}

/// The package's name and version from its manifest.
fn identity(ctx: &Ctx<'_>) -> (Option<String>, Option<String>) {
    let from_yaml = |path: &str| {
        let file = ctx.yaml(path)?;
        let root = file.root()?;
        let get =
            |k: &str| root.entry_go(k).and_then(|e| e.value.as_str()).filter(|s| !s.is_empty()).map(str::to_string);
        Some((get("name"), get("version")))
    };
    let from_json = |path: &str| {
        let file = ctx.json(path)?;
        let root = file.value.as_ref().ok()?;
        let get = |k: &str| root.get(k).and_then(json::JsonNode::as_str).map(str::to_string);
        Some((get("name"), get("version")))
    };
    let found = match ctx.kind {
        Kind::Kubesphere => from_yaml("extension.yaml"),
        Kind::RancherPackage => from_json("package.json"),
        Kind::RancherPlugin => {
            from_json("plugin/package.json").map(|(n, v)| (n, v.or_else(|| ctx.top_folder.map(str::to_string))))
        }
        Kind::RancherChart | Kind::HelmChart => from_yaml("Chart.yaml"),
    };
    found.unwrap_or((None, None))
}
