//! `extcheck`: the command-line front end over extcheck-core, for CI.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 an input could not be read (or no package was
//! recognised in it) or the command line was wrong.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use extcheck_core::report;

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
        /// Output format. `json` prints one report object per path (an array for several paths).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check { paths, format } => check(&paths, format),
    }
}

fn check(paths: &[std::path::PathBuf], format: Format) -> ExitCode {
    let mut reports = Vec::new();
    let mut unreadable = false;
    for path in paths {
        match extcheck_core::package::fs::read_path(path) {
            Ok((name, read)) => reports.push(extcheck_core::check(&name, read)),
            Err(e) => {
                eprintln!("extcheck: {}: {e}", path.display());
                unreadable = true;
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    match format {
        Format::Text => {
            let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for r in &reports {
                let _ = write!(stdout, "{}", report::text::render(r, color));
            }
        }
        Format::Json => {
            let values: Vec<serde_json::Value> = reports.iter().map(report::json::to_value).collect();
            let out = if values.len() == 1 {
                values.into_iter().next().unwrap_or_default()
            } else {
                serde_json::Value::Array(values)
            };
            let _ = writeln!(stdout, "{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
    }
    if unreadable || reports.iter().any(|r| r.unreadable()) {
        ExitCode::from(2)
    } else if reports.iter().any(|r| r.summary().errors > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
