//! `extcheck.toml`: the project's configuration (README "Configuration"). It decides which
//! findings count: codes ignored everywhere (`ignore`), severities changed per code
//! (`[severity]`), codes ignored in some files (`[per-path-ignores]`, glob → codes), the platform
//! lines that count (`[platforms]`, e.g. only Rancher ≥ 2.10) and the severity that fails the run
//! (`fail-on`).
//!
//! ```toml
//! ignore = ["KS070"]
//! fail-on = "warning"
//!
//! [severity]
//! RANGE003 = "error"
//!
//! [per-path-ignores]
//! "**/templates/**" = ["HELM002"]
//!
//! [platforms]
//! rancher = "2.10"
//! kubesphere = "4.1"
//! ```
//!
//! Parsing is pure (text in, [`Config`] or [`ConfigError`] out); finding the file (walking up
//! from each input) is the caller's job (the CLI). A config never changes what the rules find:
//! [`Config::apply`] moves ignored findings to [`PackageReport::suppressed`] with the reason,
//! re-grades the overridden ones, turns into info the findings whose consequence lies only on
//! platform lines that do not count, and hides those lines' matrix rows. [`check_in_tree`] does
//! the same with the `extcheck.toml` files inside an input (the page's dropped folder).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

pub mod sup002;

use crate::check::{PackageReport, Report};
use crate::diagnostic::Severity;
use crate::package::{Origin, ReadResult};
use crate::suppress::{Suppressed, SuppressionKind};

/// The usual file name, looked up in the input's folder and its parents.
pub const FILE_NAME: &str = "extcheck.toml";

/// Which findings fail the run (exit code 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FailOn {
    /// Errors only (the default).
    #[default]
    Error,
    /// Errors and warnings.
    Warning,
}

/// A parsed `extcheck.toml`. [`Config::default`] is "no configuration": nothing ignored,
/// default severities, every platform line, fail on errors.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Where the file was read from, as given to [`Config::parse`] (used in reasons).
    pub file: String,
    /// Codes ignored everywhere.
    pub ignore: Vec<String>,
    /// Severity per code, replacing the rule's.
    pub severity: BTreeMap<String, Severity>,
    /// `(glob, codes)`: the codes ignored in files whose path matches the glob.
    pub per_path_ignores: Vec<(String, Vec<String>)>,
    /// The platform lines that count (`[platforms]`).
    pub platforms: Platforms,
    /// Which findings fail the run.
    pub fail_on: FailOn,
    matchers: Vec<globset::GlobMatcher>,
}

/// The platform lines that count (`[platforms]`): the oldest Rancher line and the oldest
/// KubeSphere version, each compared on the components given (`2.10` counts 2.10, 2.11, ...;
/// `4.1` counts 4.1.0 and later). [`Platforms::default`] counts every line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Platforms {
    /// The oldest Rancher line that counts (`[2, 10]`), if limited.
    pub rancher_from: Option<Vec<u64>>,
    /// The oldest KubeSphere version that counts (`[4, 1]`), if limited.
    pub kubesphere_from: Option<Vec<u64>>,
}

impl Platforms {
    /// The oldest counted version of `platform` (`rancher`, `kubesphere`), if limited.
    pub fn from(&self, platform: &str) -> Option<&[u64]> {
        match platform {
            "rancher" => self.rancher_from.as_deref(),
            "kubesphere" => self.kubesphere_from.as_deref(),
            _ => None,
        }
    }

    /// True when the matrix row `row` (`2.10`, `4.1.3`) of `platform` counts.
    pub fn counts(&self, platform: &str, row: &str) -> bool {
        self.from(platform).is_none_or(|from| counts(row, from))
    }

    /// True when none of `lines` counts: a non-empty list, all outside the counted lines.
    pub fn excludes_all(&self, lines: &[crate::diagnostic::PlatformLine]) -> bool {
        !lines.is_empty() && lines.iter().all(|l| !self.counts(&l.platform, &l.row))
    }

    /// "Rancher 2.10 and later" for the platform's limit, if any.
    fn describe(&self, platform: &str) -> Option<crate::Message> {
        let from = self.from(platform)?;
        let name = if platform == "rancher" { "Rancher" } else { "KubeSphere" };
        let version = from.iter().map(u64::to_string).collect::<Vec<_>>().join(".");
        Some(crate::msg!("config-platform-from", name, version))
    }
}

/// A configuration that cannot be used: the file, the 1-based line and column, the key (dotted,
/// when known) and what is wrong. The CLI prints it as `file:line:column: key: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, as given to [`Config::parse`].
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// The key at fault, e.g. `severity.KS999`, when known.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(key) = &self.key {
            write!(f, "key `{key}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    per_path_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    platforms: RawPlatforms,
    fail_on: Option<Spanned<String>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlatforms {
    rancher: Option<Spanned<String>>,
    kubesphere: Option<Spanned<String>>,
}

impl Config {
    /// Parses `text`, the contents of the configuration `file` (a name for messages).
    ///
    /// Errors: TOML syntax, unknown keys, unknown rule codes, severities other than `error`,
    /// `warning`, `info`, invalid globs, platform versions that are not `MAJOR.MINOR[.PATCH]`,
    /// `fail-on` other than `error` or `warning`; each names the line and the key.
    pub fn parse(file: &str, text: &str) -> Result<Config, ConfigError> {
        let error = |span: Option<std::ops::Range<usize>>, key: Option<String>, message: String| {
            let at = span.map_or(0, |s| s.start.min(text.len()));
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            // A syntax error names no key; the key is what precedes `=` on that line.
            let key = key.or_else(|| {
                let l = text.lines().nth(line - 1)?;
                l.split_once('=').map(|(k, _)| k.trim().trim_matches('"').to_string()).filter(|k| !k.is_empty())
            });
            ConfigError { file: file.to_string(), line, column, key, message }
        };
        let raw: Raw = toml::from_str(text).map_err(|e| error(e.span(), None, e.message().trim().to_string()))?;
        let code = |s: &Spanned<String>, key: String| -> Result<String, ConfigError> {
            let c = s.get_ref().trim().to_ascii_uppercase();
            if crate::rules::rule(&c).is_some() {
                Ok(c)
            } else {
                Err(error(Some(s.span()), Some(key), format!("no rule `{}`; `extcheck rules` lists them", s.get_ref())))
            }
        };
        let mut config = Config { file: file.to_string(), ..Config::default() };
        for c in &raw.ignore {
            config.ignore.push(code(c, "ignore".into())?);
        }
        for (k, v) in &raw.severity {
            let key = format!("severity.{}", k.get_ref());
            let c = code(k, key.clone())?;
            let sev = match v.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "info" => Severity::Info,
                other => {
                    return Err(error(
                        Some(v.span()),
                        Some(key),
                        format!("`{other}` is not a severity; use \"error\", \"warning\" or \"info\""),
                    ));
                }
            };
            config.severity.insert(c, sev);
        }
        for (glob, codes) in &raw.per_path_ignores {
            let key = format!("per-path-ignores.\"{}\"", glob.get_ref());
            let matcher = globset::GlobBuilder::new(glob.get_ref())
                .literal_separator(true)
                .build()
                .map_err(|e| error(Some(glob.span()), Some(key.clone()), format!("not a glob: {}", e.kind())))?
                .compile_matcher();
            let codes = codes.iter().map(|c| code(c, key.clone())).collect::<Result<Vec<_>, _>>()?;
            config.per_path_ignores.push((glob.get_ref().clone(), codes));
            config.matchers.push(matcher);
        }
        let version = |v: &Spanned<String>, key: &str| {
            let t = v.get_ref().trim().trim_start_matches(">=").trim().trim_start_matches('v');
            let parts: Option<Vec<u64>> = t.split('.').map(|p| p.parse().ok()).collect();
            parts.filter(|p| (2..=3).contains(&p.len())).ok_or_else(|| {
                error(
                    Some(v.span()),
                    Some(key.to_string()),
                    format!("`{}` is not a version; give the oldest line that counts, e.g. \"2.10\"", v.get_ref()),
                )
            })
        };
        if let Some(v) = &raw.platforms.rancher {
            config.platforms.rancher_from = Some(version(v, "platforms.rancher")?);
        }
        if let Some(v) = &raw.platforms.kubesphere {
            config.platforms.kubesphere_from = Some(version(v, "platforms.kubesphere")?);
        }
        if let Some(f) = &raw.fail_on {
            config.fail_on = match f.get_ref().as_str() {
                "error" => FailOn::Error,
                "warning" => FailOn::Warning,
                other => {
                    return Err(error(
                        Some(f.span()),
                        Some("fail-on".into()),
                        format!("`{other}` is not a level; use \"error\" or \"warning\""),
                    ));
                }
            };
        }
        Ok(config)
    }

    /// Applies the configuration to `report`, whose input lies at `input_path` relative to the
    /// configuration file's folder (`/`-separated; `""` when unknown). A finding is ignored when
    /// its code is in `ignore`, or when a `[per-path-ignores]` glob matches its file's path —
    /// either relative to the configuration's folder (`input_path/root/file`) or inside the
    /// package (`file`). Ignored findings move to [`PackageReport::suppressed`] (kind
    /// [`SuppressionKind::External`]); the others take their `[severity]` override; matrix rows
    /// of platform lines older than `[platforms]` are removed.
    pub fn apply(&self, report: &mut Report, input_path: &str) {
        for package in &mut report.packages {
            let prefix = join(&[input_path, &package.root]);
            self.apply_package(package, &prefix);
        }
    }

    /// Applies the configuration to one package whose root lies at `prefix` (relative to the
    /// configuration's folder, `/`-separated).
    fn apply_package(&self, package: &mut PackageReport, prefix: &str) {
        let diagnostics = std::mem::take(&mut package.diagnostics);
        for mut d in diagnostics {
            if let Some(reason) = self.ignored(&d, prefix) {
                package.suppressed.push(Suppressed { diagnostic: d, kind: SuppressionKind::External, reason });
                continue;
            }
            if let Some(sev) = self.severity.get(d.code) {
                d.severity = *sev;
            }
            self.outside_counted_lines(&mut d);
            package.diagnostics.push(d);
        }
        if let Some(matrix) = &mut package.matrix {
            let platform = matrix.platform;
            if let (Some(from), Some(label)) = (self.platforms.from(platform), self.platforms.describe(platform)) {
                crate::matrix::keep_rows(matrix, |id| counts(id, from));
                matrix.push_note(crate::msg!("config-platforms-note", file = self.file.as_str(), label));
            }
        }
    }

    /// A finding whose consequence lies only on platform lines that `[platforms]` does not count
    /// ([`crate::Diagnostic::matters_on`]) becomes info, its help naming where it matters; a fix
    /// whose cost lies only there is noted as such (and `--unsafe-fixes` applies it when the
    /// selection carries these platforms, [`crate::fix::Selection::counted`]).
    fn outside_counted_lines(&self, d: &mut crate::Diagnostic) {
        if d.severity > Severity::Info && self.platforms.excludes_all(&d.matters_on) {
            let lines = describe_lines(&d.matters_on);
            let counted = self.counted_description(&d.matters_on);
            d.wrap_help(crate::msg!(
                "config-info-here",
                severity = d.severity.as_str(),
                lines,
                file = self.file,
                counted
            ));
            d.severity = Severity::Info;
        }
        if let Some(fix) = &mut d.fix
            && !fix.costs.is_empty()
            && self.platforms.excludes_all(&fix.costs_on)
        {
            let counted = self.counted_description(&fix.costs_on);
            let costs = fix.costs_source.clone().map_or_else(|| crate::i18n::Arg::Text(fix.costs.clone()), Into::into);
            d.set_costs(crate::msg!("config-costs-outside", costs, file = self.file.as_str(), counted));
        }
    }

    /// "Rancher 2.12 and later" for the platforms of `lines`.
    fn counted_description(&self, lines: &[crate::diagnostic::PlatformLine]) -> crate::i18n::Arg {
        let mut platforms: Vec<&str> = lines.iter().map(|l| l.platform.as_str()).collect();
        platforms.dedup();
        let limits = platforms.iter().filter_map(|p| self.platforms.describe(p)).map(crate::i18n::Arg::Message);
        crate::matrix::joined("matrix-and", limits)
    }

    /// Why the configuration ignores `d` (in a package whose root lies at `prefix`).
    fn ignored(&self, d: &crate::Diagnostic, prefix: &str) -> Option<String> {
        if self.ignore.iter().any(|c| c == d.code) {
            return Some(format!("{}: ignore = [\"{}\"]", self.file, d.code));
        }
        let file = d.file.as_deref()?;
        let full = join(&[prefix, file]);
        self.per_path_ignores
            .iter()
            .zip(&self.matchers)
            .find(|((_, codes), m)| codes.iter().any(|c| c == d.code) && (m.is_match(&full) || m.is_match(file)))
            .map(|((glob, _), _)| format!("{}: per-path-ignores \"{glob}\"", self.file))
    }

    /// True when the run fails with these counts (exit code 1).
    pub fn fails(&self, counts: crate::Counts) -> bool {
        counts.errors > 0 || (self.fail_on == FailOn::Warning && counts.warnings > 0)
    }
}

/// At most this many `extcheck.toml` files of one input are read ([`check_in_tree`]); the
/// others (deepest first) are left out.
pub const MAX_TREE_CONFIGS: usize = 64;

/// Checks `read` as [`crate::check`] does, then applies to each package the nearest
/// `extcheck.toml` inside the input at or above the package's root — what the page does with a
/// dropped folder, as the CLI does on disk by walking up from its input. Per-path globs are
/// relative to the configuration's folder. A configuration that cannot be used is reported as
/// SUP002 (file, line, key) in each package it would apply to, and that package is checked
/// without it. Pure: the configuration files are among `read`'s files.
pub fn check_in_tree(input: &str, read: ReadResult) -> Report {
    let configs: Vec<(String, Result<Config, ConfigError>, String)> = match &read.package {
        Some(package) => {
            let mut found: Vec<(&String, &Vec<u8>)> = package
                .files
                .iter()
                .filter(|(path, _)| path.as_str() == FILE_NAME || path.ends_with(&format!("/{FILE_NAME}")))
                .collect();
            found.sort_by_key(|(path, _)| path.matches('/').count());
            found
                .into_iter()
                .take(MAX_TREE_CONFIGS)
                .map(|(path, bytes)| {
                    let dir = path.strip_suffix(FILE_NAME).unwrap_or("").trim_end_matches('/').to_string();
                    let text = String::from_utf8_lossy(bytes).into_owned();
                    let name = join(&[input, path]);
                    (dir, Config::parse(&name, &text), text)
                })
                .collect()
        }
        None => Vec::new(),
    };
    let top = match &read.origin {
        Origin::Archive { top_folder: Some(t), .. } => format!("{t}/"),
        _ => String::new(),
    };
    let mut report = crate::check(input, read);
    if configs.is_empty() {
        return report;
    }
    for package in &mut report.packages {
        let root = package.root.strip_prefix(&top).unwrap_or(&package.root).trim_end_matches('/').to_string();
        let nearest = configs
            .iter()
            .filter(|(dir, _, _)| dir.is_empty() || root == *dir || root.starts_with(&format!("{dir}/")))
            .max_by_key(|(dir, _, _)| dir.len());
        let Some((dir, config, text)) = nearest else { continue };
        let prefix = root.strip_prefix(dir.as_str()).unwrap_or(&root).trim_start_matches('/').to_string();
        match config {
            Ok(config) => config.apply_package(package, &prefix),
            Err(e) => {
                let finding = sup002::BadConfig { file: FILE_NAME, error: e, at_root: prefix.is_empty() };
                let mut d = crate::violation::Violation::diagnostic(&finding);
                if prefix.is_empty() {
                    let start: usize = text.split_inclusive('\n').take(e.line.saturating_sub(1)).map(str::len).sum();
                    let line = text[start..].lines().next().unwrap_or("");
                    let span = crate::syntax::Span::new(start, start + line.len());
                    d = d.in_file(FILE_NAME).at(text, &crate::syntax::LineIndex::new(text), span);
                }
                package.diagnostics.insert(0, d);
            }
        }
    }
    report
}

/// The non-empty parts joined with `/`, each without its trailing `/`.
fn join(parts: &[&str]) -> String {
    parts.iter().map(|p| p.trim_end_matches('/')).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("/")
}

/// "Rancher 2.10, 2.11" for people.
fn describe_lines(lines: &[crate::diagnostic::PlatformLine]) -> String {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let name = if l.platform == "rancher" { "Rancher" } else { "KubeSphere" };
        match out.last_mut() {
            Some(last) if last.starts_with(name) => {
                last.push_str(", ");
                last.push_str(&l.row);
            }
            _ => out.push(format!("{name} {}", l.row)),
        }
    }
    out.join("; ")
}

/// True when the platform version `id` (`2.10`, `4.1.3`) is at or after `from` (compared on
/// `from`'s components). An id that is not numeric counts.
fn counts(id: &str, from: &[u64]) -> bool {
    let parts: Option<Vec<u64>> = id.split('.').take(from.len()).map(|p| p.parse().ok()).collect();
    parts.is_none_or(|p| p.as_slice() >= from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() {
        let c = Config::parse(
            "extcheck.toml",
            "ignore = [\"ks070\"]\nfail-on = \"warning\"\n[severity]\nRANGE003 = \"error\"\n\
             [per-path-ignores]\n\"**/templates/*.yaml\" = [\"HELM002\"]\n[platforms]\nrancher = \">= 2.10\"\nkubesphere = \"4.1\"\n",
        )
        .unwrap();
        assert_eq!(c.ignore, ["KS070"]);
        assert_eq!(c.fail_on, FailOn::Warning);
        assert_eq!(c.severity.get("RANGE003"), Some(&Severity::Error));
        assert_eq!(c.platforms.rancher_from.as_deref(), Some(&[2, 10][..]));
        assert_eq!(c.platforms.kubesphere_from.as_deref(), Some(&[4, 1][..]));
        assert!(c.matchers[0].is_match("a/b/templates/x.yaml"));
        assert!(!c.matchers[0].is_match("templates/sub/x.yaml"));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let e = Config::parse("x/extcheck.toml", "ignore = []\n[severity]\nKS999 = \"error\"\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (3, Some("severity.KS999")), "{e}");
        assert!(e.to_string().starts_with("x/extcheck.toml:3:1: key `severity.KS999`: no rule `KS999`"), "{e}");
        let e = Config::parse("c.toml", "\nfail-on = \"never\"\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (2, Some("fail-on")), "{e}");
        let e = Config::parse("c.toml", "ignore = [\"KS001\"]\nignroe = 1\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (2, Some("ignroe")), "{e}");
        assert!(e.message.contains("unknown field"), "{e}");
        let e = Config::parse("c.toml", "[severity\n").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        let e = Config::parse("c.toml", "[platforms]\nrancher = \"latest\"\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (2, Some("platforms.rancher")), "{e}");
    }

    fn line(platform: &str, row: &str) -> crate::diagnostic::PlatformLine {
        crate::diagnostic::PlatformLine { platform: platform.into(), row: row.into() }
    }

    #[test]
    fn findings_and_fix_costs_outside_the_counted_lines_do_not_count() {
        use crate::diagnostic::{Diagnostic, Fix};
        use crate::fix::Selection;
        let c = Config::parse("extcheck.toml", "[platforms]\nrancher = \">= 2.11\"\n").unwrap();
        let mut fix = Fix::unsafe_("Add it", Vec::new());
        fix.costs = "no longer works on Rancher 2.9 (Kubernetes 1.25)".into();
        fix.costs_on = vec![line("rancher", "2.9")];
        let finding = |lines: Vec<crate::diagnostic::PlatformLine>| {
            let mut d = Diagnostic::new("RC010", Severity::Error, "m", "h.").with_fix(fix.clone());
            d.matters_on = lines;
            d
        };
        // Blocks only 2.10: info, naming where it matters.
        let mut d = finding(vec![line("rancher", "2.10")]);
        c.outside_counted_lines(&mut d);
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(
            d.help,
            "h. Info here, not error: it blocks only Rancher 2.10, and extcheck.toml counts only Rancher 2.11 and later."
        );
        assert!(
            d.fix
                .as_ref()
                .unwrap()
                .costs
                .ends_with("which extcheck.toml does not count (it counts only Rancher 2.11 and later)")
        );
        // Blocks a counted line too, or says nothing about where: unchanged.
        for lines in
            [vec![line("rancher", "2.10"), line("rancher", "2.11")], Vec::new(), vec![line("kubesphere", "4.0.2")]]
        {
            let mut d = finding(lines);
            c.outside_counted_lines(&mut d);
            assert_eq!(d.severity, Severity::Error, "{:?}", d.matters_on);
        }
        // `--unsafe-fixes` applies a fix whose cost lies only on uncounted lines, and only when
        // the selection carries the narrowed platforms.
        let d = finding(Vec::new());
        assert!(!Selection::all().chooses(&d));
        assert!(Selection { counted: c.platforms.clone(), ..Selection::all() }.chooses(&d));
        assert!(!Selection { counted: c.platforms.clone(), ..Selection::safe() }.chooses(&d));
        let mut counted_cost = d.clone();
        counted_cost.fix.as_mut().unwrap().costs_on.push(line("rancher", "2.12"));
        assert!(!Selection { counted: c.platforms.clone(), ..Selection::all() }.chooses(&counted_cost));
    }

    #[test]
    fn the_nearest_configuration_inside_the_input_applies() {
        use crate::package::{FolderEntry, read_folder};
        let chart = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/RC021-platforms/input");
        let mut entries = vec![FolderEntry::File {
            path: FILE_NAME.into(),
            bytes: b"[severity]\nRC021 = \"warning\"\n[per-path-ignores]\n\"c/values.yaml\" = [\"RC021\"]\n".to_vec(),
        }];
        for package in ["a", "b", "c"] {
            for file in ["Chart.yaml", "values.yaml", "templates/cr.yaml"] {
                let bytes = std::fs::read(chart.join(file)).unwrap();
                entries.push(FolderEntry::File { path: format!("{package}/{file}"), bytes });
            }
        }
        entries.push(FolderEntry::File { path: format!("b/{FILE_NAME}"), bytes: b"ignore = [\"RC021\"]\n".to_vec() });
        let report = check_in_tree("drop", read_folder("drop", entries));
        let rc021 = |root: &str| {
            let p = report.packages.iter().find(|p| p.root == root).unwrap_or_else(|| panic!("no {root}"));
            let found = p.diagnostics.iter().find(|d| d.code == "RC021").map(|d| d.severity);
            let suppressed = p.suppressed.iter().find(|s| s.diagnostic.code == "RC021").map(|s| s.reason.clone());
            (found, suppressed)
        };
        assert_eq!(rc021("a/"), (Some(Severity::Warning), None));
        assert_eq!(rc021("b/"), (None, Some("drop/b/extcheck.toml: ignore = [\"RC021\"]".into())));
        assert_eq!(rc021("c/"), (None, Some("drop/extcheck.toml: per-path-ignores \"c/values.yaml\"".into())));
        // A malformed configuration is SUP002 in the packages it would apply to, which are
        // checked without it.
        let entries =
            vec![FolderEntry::File { path: FILE_NAME.into(), bytes: b"[platforms]\nrancher = \"latest\"\n".to_vec() }]
                .into_iter()
                .chain(["Chart.yaml", "values.yaml", "templates/cr.yaml"].map(|file| FolderEntry::File {
                    path: format!("a/{file}"),
                    bytes: std::fs::read(chart.join(file)).unwrap(),
                }))
                .collect();
        let report = check_in_tree("drop", read_folder("drop", entries));
        let d = &report.packages[0].diagnostics;
        assert_eq!(d[0].code, "SUP002");
        assert_eq!(d[0].file, None);
        assert!(d[0].message.contains("drop/extcheck.toml:2:11: key `platforms.rancher`"), "{}", d[0].message);
        assert!(d.iter().any(|d| d.code == "RC021" && d.severity == Severity::Error));
    }

    #[test]
    fn platform_lines_compare_on_the_given_components() {
        assert!(counts("2.10", &[2, 10]));
        assert!(counts("2.11", &[2, 10]));
        assert!(!counts("2.9", &[2, 10]));
        assert!(counts("4.1.3", &[4, 1]));
        assert!(!counts("4.0.2", &[4, 1]));
        assert!(!counts("3.5", &[4, 1]));
    }
}
