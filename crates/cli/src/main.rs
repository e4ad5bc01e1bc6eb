//! `extcheck`: the command-line front end over extcheck-core, for CI.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 an input could not be read (or no package was
//! recognised in it) or the command line was wrong.

mod config;
mod roots;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use extcheck_core::Lang;
use extcheck_core::report;
use extcheck_core::report::export::Export;

/// Check KubeSphere and Rancher extension packages before you submit them.
#[derive(Parser)]
#[command(name = "extcheck", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check packages: `.tgz` archives, folders, or single `extension.yaml` / `package.json` /
    /// `Chart.yaml` files.
    Check {
        /// Packages to check.
        #[arg(required = true)]
        paths: Vec<std::path::PathBuf>,
        /// Output format. `json` prints one report object per path (an array for several paths);
        /// `sarif` prints one SARIF 2.1.0 log for all paths (for code scanning); `markdown`
        /// prints a report for a pull-request comment or a CI job summary.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Apply the safe fixes and write the corrected package to OUT (a `.tgz` for packages
        /// and folders, the corrected file for a single file; a directory when the input holds
        /// several packages). The report then shows the corrected package, re-checked.
        #[arg(long, value_name = "OUT")]
        fix: Option<std::path::PathBuf>,
        /// With --fix or --diff: apply the unsafe fixes too (they may change meaning).
        #[arg(long)]
        unsafe_fixes: bool,
        /// Print the unified diff of what the fixes change (with or without --fix).
        #[arg(long)]
        diff: bool,
        /// Read the configuration from FILE instead of the nearest `extcheck.toml` at or above
        /// each input.
        #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
        config: Option<std::path::PathBuf>,
        /// Ignore every `extcheck.toml` (inline `# extcheck:ignore` comments still apply).
        #[arg(long)]
        isolated: bool,
        /// The paths are changed files (as pre-commit passes them): check each package that holds
        /// one, once (the folder with `extension.yaml`, else the nearest with `Chart.yaml` or a
        /// Rancher `package.json`). Files in no package are skipped.
        #[arg(long)]
        changed: bool,
        /// Which findings fail the run (exit 1); overrides the configuration's `fail-on`.
        #[arg(long, value_enum, value_name = "LEVEL")]
        fail_on: Option<FailOn>,
        /// The language of messages, help and report headings (codes, JSON field names and SARIF
        /// rule ids never change). Default: `zh` when the first set of `LC_ALL`, `LC_MESSAGES`,
        /// `LANG` starts with `zh`, else `en`.
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<LangArg>,
    },
    /// Show every platform component's verdict on a version constraint, with the reason: for
    /// debugging `kubeVersion`, `ksVersion` or a Rancher `catalog.cattle.io/*-version` annotation.
    Range {
        /// The constraint, e.g. '>=1.19.0-0 <1.30.0'.
        constraint: String,
        /// The current version it is compared with, e.g. v1.28.3-gke.100.
        version: String,
        /// Which field the constraint is (decides who reads it and how they obtain the version):
        /// kube-version, ks-version, rancher-version, ui-version, ui-extensions-version.
        #[arg(long, default_value = "kube-version")]
        field: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Render a chart as `helm template` does (Helm 4.2.3, offline): a chart folder or `.tgz`.
    /// A KubeSphere source folder (with extension.yaml) renders as the package `ksbuilder
    /// package` builds from it (Chart.yaml from extension.yaml, `.helmignore` applied).
    Template {
        /// The chart: a folder with Chart.yaml, a KubeSphere source folder or a `.tgz`.
        path: std::path::PathBuf,
        /// Values files, merged in order over the chart's defaults.
        #[arg(long = "values", short = 'f', value_name = "FILE")]
        values: Vec<std::path::PathBuf>,
        /// Set values (`a.b=c,d[0]=e`), applied after the files.
        #[arg(long = "set", value_name = "K=V")]
        set: Vec<String>,
        /// Kubernetes version for `.Capabilities` (default: Helm 4.2.3's, v1.36.0).
        #[arg(long)]
        kube_version: Option<String>,
        /// Release name (default: the chart's name).
        #[arg(long)]
        release_name: Option<String>,
        /// Namespace (default: the release name).
        #[arg(long)]
        namespace: Option<String>,
        /// `text` prints what `helm template` prints; `json` one object, template path → text.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the rules, or explain one: `extcheck rules KS001`.
    Rules {
        /// A rule code, e.g. RANGE003.
        code: Option<String>,
        /// Output format (`json` prints the registry).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// `--fail-on`: the lowest severity that fails the run.
#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

/// `--lang`.
#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The formats of `check` (PRODUCT.md "Exports").
#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    Sarif,
    Markdown,
}

fn main() -> ExitCode {
    // Under Node's WASI (the npm package), there is no working directory: the JS launcher
    // preopens `/` and passes the real one, so relative paths read and print as natively.
    #[cfg(target_os = "wasi")]
    if let Some(cwd) = std::env::var_os("EXTCHECK_CWD") {
        let _ = std::env::set_current_dir(cwd);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check { paths, format, fix, unsafe_fixes, diff, config, isolated, changed, fail_on, lang } => {
            let paths = if changed { roots::package_roots(&paths) } else { paths };
            if paths.is_empty() {
                eprintln!("extcheck: no package holds the changed files");
                return ExitCode::SUCCESS;
            }
            let choice = config::Choice { file: config.as_deref(), isolated };
            let lang = match lang {
                Some(LangArg::Zh) => Lang::ZhCn,
                Some(LangArg::En) => Lang::En,
                None => Lang::from_env(|name| std::env::var(name).ok()),
            };
            let settings = Settings { choice, fail_on, lang };
            if fix.is_none() && !diff {
                if unsafe_fixes {
                    eprintln!("extcheck: --unsafe-fixes needs --fix or --diff");
                    return ExitCode::from(2);
                }
                check(&paths, format, &settings)
            } else {
                fix_command(&paths, format, fix.as_deref(), unsafe_fixes, diff, &settings)
            }
        }
        Command::Range { constraint, version, field, format } => range(&constraint, &version, &field, format),
        Command::Rules { code, format } => rules(code.as_deref(), format),
        Command::Template { path, values, set, kube_version, release_name, namespace, format } => {
            template(&path, &values, &set, kube_version, release_name, namespace, format)
        }
    }
}

/// `extcheck template`: renders with extcheck-render; 1 when the render fails, 2 when the
/// input or the values cannot be read.
fn template(
    path: &std::path::Path,
    values_file_paths: &[std::path::PathBuf],
    set: &[String],
    kube_version: Option<String>,
    release_name: Option<String>,
    namespace: Option<String>,
    format: Format,
) -> ExitCode {
    use extcheck_render::{Value, inputs};
    // A KubeSphere source folder (extension.yaml, no build yet) renders as the package
    // `ksbuilder package` writes: Chart.yaml from extension.yaml, `.helmignore` applied.
    let mut is_dir = path.is_dir();
    let files: Vec<(String, Vec<u8>)> = match extcheck_core::package::fs::read_path(path) {
        Ok((_, read)) => match read.package {
            Some(p) if is_dir && p.files.contains_key("extension.yaml") => {
                match extcheck_core::kubesphere::build::ksbuilder_package(&p) {
                    Ok(built) => {
                        is_dir = false;
                        built.files.into_iter().collect()
                    }
                    Err(e) => {
                        eprintln!("extcheck: {}: cannot package as ksbuilder does: {e}", path.display());
                        return ExitCode::from(2);
                    }
                }
            }
            Some(p) => p.files.into_iter().collect(),
            None => {
                eprintln!("extcheck: {}: not a chart", path.display());
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("extcheck: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let mut values_files: Vec<(String, String)> = Vec::new();
    for f in values_file_paths {
        match std::fs::read_to_string(f) {
            Ok(text) => values_files.push((f.display().to_string(), text)),
            Err(e) => {
                eprintln!("extcheck: {}: {e}", f.display());
                return ExitCode::from(2);
            }
        }
    }
    let set = set.to_vec();
    // Values are built on the render thread (they are not `Send`); Helm's recursion limits
    // need a deep stack, hence the thread.
    let render = move || -> Result<String, String> {
        let mut values = Value::map(Default::default());
        for (name, text) in &values_files {
            values = inputs::merge_maps(&values, &inputs::parse_values_file(name, text)?);
        }
        for s in &set {
            values = inputs::apply_set(&values, s).map_err(|e| format!("--set {s}: {e}"))?;
        }
        let opts = extcheck_render::RenderOptions {
            release_name: release_name.unwrap_or_default(),
            namespace: namespace.unwrap_or_default(),
            kube_version,
            values: Some(values),
            max_nesting: 100_000,
            ..Default::default()
        };
        let rendered = extcheck_render::render_files(&files, is_dir, &opts);
        rendered
            .and_then(|r| match format {
                Format::Json => Ok(format!("{}\n", serde_json::to_string_pretty(&r.manifests).unwrap_or_default())),
                Format::Text => extcheck_render::output::template_text(&r.manifests),
            })
            .map_err(|e| e.to_string())
    };
    let text = match std::thread::Builder::new().stack_size(1 << 30).spawn(render).map(|h| h.join()) {
        Ok(Ok(r)) => r,
        _ => Err("the render thread failed".to_string()),
    };
    match text {
        Ok(t) => {
            emit(&t);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", render_failure(path, is_dir, &e));
            ExitCode::from(1)
        }
    }
}

/// A failed render as the TPL001 diagnostic `extcheck check` reports (its message and help, in
/// the environment's language), located at the template line and column Helm's message names
/// (`PATH/templates/x.yaml:6:50`, or `PATH!/chart/…` inside an archive), with Helm's message;
/// control characters escaped.
fn render_failure(path: &std::path::Path, is_dir: bool, message: &str) -> String {
    use extcheck_core::report::text::escape_control;
    let f = extcheck_core::template::locate(message);
    let file = match &f.template {
        Some(t) if is_dir => format!("{}/{}", path.display(), t.split_once('/').map_or(t.as_str(), |(_, rest)| rest)),
        Some(t) => format!("{}!/{t}", path.display()),
        None => path.display().to_string(),
    };
    let place = match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file,
    };
    let flat: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    // In the language of the environment (`template` has no `--lang`), as `check` by default.
    let lang = extcheck_core::i18n::Lang::from_env(|name| std::env::var(name).ok());
    let text = extcheck_core::i18n::Message::new("tpl001-message").arg("error", flat.join(" ")).render(lang);
    let help = extcheck_core::i18n::text("tpl001-help", lang);
    format!("{}: error[TPL001] {}\n  help: {}\n", escape_control(&place), escape_control(&text), escape_control(&help))
}

/// Writes `text` to stdout; a closed pipe (`extcheck rules | head`) is not an error.
fn emit(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn range(constraint: &str, version: &str, field: &str, format: Format) -> ExitCode {
    use extcheck_core::semver::judge::Field;
    use extcheck_core::semver::report;
    let Some(field) = Field::from_name(field) else {
        let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        eprintln!("extcheck: unknown field `{field}`; use one of {}", names.join(", "));
        return ExitCode::from(2);
    };
    let r = report::report(constraint, version, field);
    match format {
        Format::Text => emit(&report::to_text(&r)),
        Format::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&r).unwrap_or_default())),
    }
    ExitCode::SUCCESS
}

fn rules(code: Option<&str>, format: Format) -> ExitCode {
    use extcheck_core::markdown;
    use extcheck_core::rules::RULES;
    match (code, format) {
        (None, Format::Json) => emit(&format!("{}\n", serde_json::to_string_pretty(RULES).unwrap_or_default())),
        (None, Format::Text) => {
            let mut text = String::new();
            for r in RULES {
                let fix = match r.fix {
                    extcheck_core::rules::registry::FixKind::None => "",
                    extcheck_core::rules::registry::FixKind::Safe => "  [safe fix]",
                    extcheck_core::rules::registry::FixKind::Unsafe => "  [unsafe fix]",
                };
                text.push_str(&format!("{:<9} {:<8} {}{fix}\n", r.code, r.severity.as_str(), r.title()));
            }
            text.push_str("\n`extcheck rules <CODE>` explains one rule.\n");
            emit(&text);
        }
        (Some(code), format) => {
            let wanted = code.to_ascii_uppercase();
            let Some(rule) = extcheck_core::rules::rule(&wanted) else {
                eprintln!("extcheck: no rule `{code}`; `extcheck rules` lists them");
                return ExitCode::from(2);
            };
            match format {
                Format::Json => emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&serde_json::json!({"rule": rule, "docs": rule.docs}))
                        .unwrap_or_default()
                )),
                Format::Text => emit(&markdown::to_text(&markdown::parse(rule.docs))),
            }
        }
    }
    ExitCode::SUCCESS
}

/// `check --fix OUT` / `check --diff`: fixes one input, writes the corrected package(s), prints
/// the diff or the re-checked report; the exit code is the re-check's.
fn fix_command(
    paths: &[std::path::PathBuf],
    format: CheckFormat,
    out: Option<&std::path::Path>,
    unsafe_fixes: bool,
    diff: bool,
    settings: &Settings<'_>,
) -> ExitCode {
    use extcheck_core::fix::output::correct;
    use extcheck_core::fix::{Selection, diff::to_unified_terminal};
    let [path] = paths else {
        eprintln!("extcheck: --fix and --diff take exactly one PATH");
        return ExitCode::from(2);
    };
    let loaded = match config::for_input(path, &settings.choice) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("extcheck: {e}");
            return ExitCode::from(2);
        }
    };
    let report = match extcheck_core::package::fs::read_path(path) {
        Ok((name, read)) => extcheck_core::check(&name, read),
        Err(e) => {
            eprintln!(
                "extcheck: {}: {}",
                report::text::escape_control(&path.display().to_string()),
                config::io_message(&e)
            );
            return ExitCode::from(2);
        }
    };
    if report.unreadable() {
        let mut report = report;
        report.localize(settings.lang);
        let _ = write!(std::io::stdout().lock(), "{}", report::text::render_in(&report, false, settings.lang));
        eprintln!("extcheck: {}: no package to fix", path.display());
        return ExitCode::from(2);
    }
    let mut selection = if unsafe_fixes { Selection::all() } else { Selection::safe() };
    selection.counted = loaded.config.platforms.clone();
    let corrected: Vec<_> = report.packages.iter().map(|p| correct(p, &selection)).collect();
    let into_dir = out.is_some_and(std::path::Path::is_dir);
    if corrected.len() > 1 && out.is_some() && !into_dir {
        eprintln!(
            "extcheck: {} holds {} packages; give an existing directory to --fix to write one file per package",
            path.display(),
            corrected.len()
        );
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut rechecked = Vec::new();
    let mut fix_json = Vec::new();
    for c in &corrected {
        let output = match &c.output {
            Ok(o) => o,
            Err(e) => {
                eprintln!("extcheck: {}: cannot write a corrected package: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let target = out.map(|o| if into_dir { o.join(&output.file_name) } else { o.to_path_buf() });
        if let Some(target) = &target
            && let Err(e) = std::fs::write(target, &output.bytes)
        {
            eprintln!("extcheck: {}: {}", target.display(), config::io_message(&e));
            failed = true;
            continue;
        }
        for a in &c.fixed.applied {
            eprintln!("fixed {} in {}: {}", a.code, a.file.as_deref().unwrap_or("the package"), a.title);
        }
        for s in &c.fixed.skipped {
            eprintln!(
                "not fixed {} in {}: {} ({:?})",
                s.code,
                s.file.as_deref().unwrap_or("the package"),
                s.title,
                s.reason
            );
        }
        match &target {
            Some(t) => eprintln!(
                "wrote {} ({} bytes, {} fix{} applied)",
                t.display(),
                output.bytes.len(),
                c.fixed.applied.len(),
                if c.fixed.applied.len() == 1 { "" } else { "es" }
            ),
            None => eprintln!(
                "{} fix{} would be applied",
                c.fixed.applied.len(),
                if c.fixed.applied.len() == 1 { "" } else { "es" }
            ),
        }
        fix_json.push(serde_json::json!({
            "output": {"file": target.as_ref().map(|t| t.display().to_string()), "name": output.file_name, "bytes": output.bytes.len()},
            "applied": c.fixed.applied,
            "skipped": c.fixed.skipped,
            "diff": c.diffs,
        }));
        if let Some(r) = &c.report {
            let mut r = r.clone();
            loaded.config.apply(&mut r, &loaded.relative(path));
            rechecked.push(r);
        }
    }
    if diff {
        let text: String = corrected.iter().map(|c| to_unified_terminal(&c.diffs)).collect();
        emit(&text);
    } else {
        print_reports(&rechecked, format, Some(fix_json), settings.lang);
    }
    if failed {
        ExitCode::from(2)
    } else if rechecked.iter().any(|r| settings.fails(&loaded.config, r)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints `reports` on stdout: compiler-style text (coloured on a terminal unless `NO_COLOR`),
/// JSON (one object, or an array for several), one SARIF log, or Markdown. With `fixes`, entry
/// `i` is added to report `i`'s JSON object under `"fix"` (what `--fix` applied, skipped and
/// wrote).
///
/// Messages and help are rendered in `lang` (in every format), and so are the text and
/// Markdown headings.
fn print_reports(
    reports: &[extcheck_core::Report],
    format: CheckFormat,
    fixes: Option<Vec<serde_json::Value>>,
    lang: Lang,
) {
    let localized: Vec<extcheck_core::Report>;
    let reports = if lang == Lang::En {
        reports
    } else {
        localized = reports
            .iter()
            .cloned()
            .map(|mut r| {
                r.localize(lang);
                r
            })
            .collect();
        &localized
    };
    let mut stdout = std::io::stdout().lock();
    match format {
        CheckFormat::Sarif => {
            let _ = write!(stdout, "{}", Export::Sarif.render(reports));
        }
        CheckFormat::Markdown => {
            let _ = write!(stdout, "{}", report::markdown::render_in(reports, lang));
        }
        CheckFormat::Text => {
            let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for r in reports {
                let _ = write!(stdout, "{}", report::text::render_in(r, color, lang));
            }
        }
        CheckFormat::Json => {
            let mut fixes = fixes.map(Vec::into_iter);
            let values: Vec<serde_json::Value> = reports
                .iter()
                .map(|r| {
                    let mut value = report::json::to_value(r);
                    if let (Some(obj), Some(fix)) = (value.as_object_mut(), fixes.as_mut().and_then(Iterator::next)) {
                        obj.insert("fix".into(), fix);
                    }
                    value
                })
                .collect();
            let out = report::json::one_or_array(values);
            let _ = writeln!(stdout, "{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
    }
}

/// The `check` options that decide which findings count and fail the run, and the language.
struct Settings<'a> {
    choice: config::Choice<'a>,
    fail_on: Option<FailOn>,
    lang: Lang,
}

impl Settings<'_> {
    /// True when `report`, under `config`, fails the run (`--fail-on` overrides `fail-on`).
    fn fails(&self, config: &extcheck_core::config::Config, report: &extcheck_core::Report) -> bool {
        use extcheck_core::config::FailOn as Level;
        let mut config = config.clone();
        match self.fail_on {
            Some(FailOn::Error) => config.fail_on = Level::Error,
            Some(FailOn::Warning) => config.fail_on = Level::Warning,
            None => {}
        }
        config.fails(report.summary())
    }
}

fn check(paths: &[std::path::PathBuf], format: CheckFormat, settings: &Settings<'_>) -> ExitCode {
    let mut reports = Vec::new();
    let mut unreadable = false;
    let mut fails = false;
    for path in paths {
        let loaded = match config::for_input(path, &settings.choice) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("extcheck: {e}");
                return ExitCode::from(2);
            }
        };
        match extcheck_core::package::fs::read_path(path) {
            Ok((name, read)) => {
                let mut report = extcheck_core::check(&name, read);
                loaded.config.apply(&mut report, &loaded.relative(path));
                fails |= settings.fails(&loaded.config, &report);
                reports.push(report);
            }
            Err(e) => {
                eprintln!(
                    "extcheck: {}: {}",
                    report::text::escape_control(&path.display().to_string()),
                    config::io_message(&e)
                );
                unreadable = true;
            }
        }
    }
    print_reports(&reports, format, None, settings.lang);
    if unreadable || reports.iter().any(|r| r.unreadable()) {
        ExitCode::from(2)
    } else if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
