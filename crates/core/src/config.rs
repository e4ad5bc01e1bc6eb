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
//! re-grades the overridden ones and hides the matrix rows of the platform lines that do not
//! count.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::check::{PackageReport, Report};
use crate::diagnostic::Severity;
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
    /// The oldest Rancher line that counts (`2.10`), if limited.
    pub rancher_from: Option<Vec<u64>>,
    /// The oldest KubeSphere version that counts (`4.1`), if limited.
    pub kubesphere_from: Option<Vec<u64>>,
    /// Which findings fail the run.
    pub fail_on: FailOn,
    matchers: Vec<globset::GlobMatcher>,
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
            config.rancher_from = Some(version(v, "platforms.rancher")?);
        }
        if let Some(v) = &raw.platforms.kubesphere {
            config.kubesphere_from = Some(version(v, "platforms.kubesphere")?);
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
            self.apply_package(package, input_path);
        }
    }

    fn apply_package(&self, package: &mut PackageReport, input_path: &str) {
        let diagnostics = std::mem::take(&mut package.diagnostics);
        for mut d in diagnostics {
            if let Some(reason) = self.ignored(&d, &package.root, input_path) {
                package.suppressed.push(Suppressed { diagnostic: d, kind: SuppressionKind::External, reason });
                continue;
            }
            if let Some(sev) = self.severity.get(d.code) {
                d.severity = *sev;
            }
            package.diagnostics.push(d);
        }
        if let Some(matrix) = &mut package.matrix {
            let from = match matrix.platform {
                "rancher" => self.rancher_from.as_deref(),
                "kubesphere" => self.kubesphere_from.as_deref(),
                _ => None,
            };
            if let Some(from) = from {
                let label = from.iter().map(u64::to_string).collect::<Vec<_>>().join(".");
                crate::matrix::keep_rows(matrix, |id| counts(id, from));
                matrix.notes.push(format!("{}: only {} {label} and later count.", self.file, matrix.platform));
            }
        }
    }

    /// Why the configuration ignores `d` (in a package at `root` of the input at `input_path`).
    fn ignored(&self, d: &crate::Diagnostic, root: &str, input_path: &str) -> Option<String> {
        if self.ignore.iter().any(|c| c == d.code) {
            return Some(format!("{}: ignore = [\"{}\"]", self.file, d.code));
        }
        let file = d.file.as_deref()?;
        let full: String = [input_path.trim_end_matches('/'), root.trim_end_matches('/'), file]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("/");
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
        assert_eq!(c.rancher_from.as_deref(), Some(&[2, 10][..]));
        assert_eq!(c.kubesphere_from.as_deref(), Some(&[4, 1][..]));
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
