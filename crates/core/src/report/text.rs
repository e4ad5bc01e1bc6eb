//! Compiler-style text: `file:line:col: severity[CODE] message`, the source lines with the span
//! marked, then `help:` — as rustc and ruff print.

use std::fmt::Write;

use super::snippet;
use crate::check::{PackageReport, Report};
use crate::diagnostic::Diagnostic;
use crate::package::Origin;

/// How a file inside the package is named in text output: `<folder>/<file>` for folders
/// (clickable in terminals and editors), `<archive>!/<root><file>` for archives.
pub fn display_path(report: &Report, package: &PackageReport, file: &str) -> String {
    match &package.origin {
        Origin::Archive { .. } => format!("{}!/{}{}", report.input, package.root, file),
        Origin::Folder { .. } => format!("{}/{}{}", report.input.trim_end_matches('/'), package.root, file),
        Origin::File { .. } => report.input.clone(),
    }
}

/// Renders one diagnostic (see the module docs). `color` adds ANSI colours.
pub fn render_diagnostic(report: &Report, package: &PackageReport, d: &Diagnostic, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    };
    let sev_color = match d.severity {
        crate::Severity::Error => "1;31",
        crate::Severity::Warning => "1;33",
        crate::Severity::Info => "1;36",
    };
    let mut out = String::new();
    let place = match (&d.file, &d.location) {
        (Some(f), Some(l)) => format!("{}:{}:{}: ", display_path(report, package, f), l.start.line, l.start.column),
        (Some(f), None) => format!("{}: ", display_path(report, package, f)),
        (None, _) => format!("{}: ", report.input),
    };
    let _ = writeln!(
        out,
        "{}{} {}",
        paint("1", &place),
        paint(sev_color, &format!("{}[{}]", d.severity.as_str(), d.code)),
        paint("1", &d.message)
    );
    let lines = snippet(&package.package, d);
    if !lines.is_empty() {
        let width = lines.iter().map(|l| l.number.to_string().len()).max().unwrap_or(1);
        let gutter = paint("1;34", &format!("{:width$} |", ""));
        let _ = writeln!(out, "{gutter}");
        let mut previous = None;
        for line in &lines {
            if previous.is_some_and(|p: usize| line.number > p + 1) {
                let _ = writeln!(out, "{}", paint("1;34", &format!("{:width$} |", "...")));
            }
            previous = Some(line.number);
            let _ = writeln!(
                out,
                "{} {}",
                paint("1;34", &format!("{:>width$} |", line.number)),
                line.text.replace('\t', " ")
            );
            if let Some((a, b)) = line.mark {
                let _ = writeln!(out, "{gutter} {}{}", " ".repeat(a), paint(sev_color, &"^".repeat((b - a).max(1))));
            }
        }
    }
    let _ = writeln!(out, "  {} {}", paint("1;36", "help:"), d.help);
    if let Some(fix) = &d.fix {
        let _ = writeln!(
            out,
            "  {} {} ({})",
            paint("1;32", "fix:"),
            fix.title,
            match fix.applicability {
                crate::Applicability::Safe => "safe",
                crate::Applicability::Unsafe => "unsafe",
            }
        );
    }
    out
}

/// Renders the whole report: every diagnostic, then one summary line per package.
pub fn render(report: &Report, color: bool) -> String {
    let mut out = String::new();
    for package in &report.packages {
        for d in &package.diagnostics {
            out.push_str(&render_diagnostic(report, package, d, color));
            out.push('\n');
        }
    }
    for package in &report.packages {
        let what = match (package.kind, &package.name, &package.version) {
            (Some(kind), Some(name), Some(version)) => format!("{} {name} {version}", kind.label()),
            (Some(kind), Some(name), None) => format!("{} {name}", kind.label()),
            (Some(kind), None, _) => kind.label().to_string(),
            (None, _, _) => "no package recognised".to_string(),
        };
        let c = package.counts();
        let (e, w, i) = (c.errors, c.warnings, c.infos);
        let s = package.suppressed.len();
        let _ = writeln!(
            out,
            "{}{}: {what}: {e} error{}, {w} warning{}, {i} info{}",
            report.input,
            if package.root.is_empty() { String::new() } else { format!(" ({})", package.root) },
            plural(e),
            plural(w),
            if s == 0 { String::new() } else { format!(", {s} suppressed") }
        );
        for x in &package.suppressed {
            let d = &x.diagnostic;
            let place = match (&d.file, d.line()) {
                (Some(f), Some(l)) => format!("{}:{l}", display_path(report, package, f)),
                (Some(f), None) => display_path(report, package, f),
                (None, _) => report.input.clone(),
            };
            let _ = writeln!(
                out,
                "  suppressed {}[{}] at {place}: {} ({})",
                d.severity.as_str(),
                d.code,
                d.message,
                x.reason
            );
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
