//! Compiler-style text: `file:line:col: severity[CODE] message`, the source lines with the span
//! marked, then `help:` — as rustc and ruff print.

use std::borrow::Cow;
use std::fmt::Write;

use super::snippet;
use crate::check::{PackageReport, Report};
use crate::diagnostic::Diagnostic;
use crate::package::Origin;

/// `text` made safe for a terminal: every control character but tab — C0 (newline and
/// carriage return included), DEL, C1 — and the bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069, which reorder what is shown) are written as escapes:
/// `\n`, `\r`, `\x1b`, `\x7f`, `\u{85}`, `\u{202e}`. A backslash stays as it is. Package
/// text and file names go through this before reaching the text report, so that an ESC
/// sequence cannot drive the terminal and a newline in a file name cannot forge a report line.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(c, &mut out);
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escaped(c: char, out: &mut String) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if !needs_escape(c) => out.push(c),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// A snippet line's text escaped with [`escape_control`] (tabs shown as spaces), and its mark
/// moved to the same characters in the escaped text.
fn escape_line(text: &str, mark: Option<(usize, usize)>) -> (String, Option<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut columns = Vec::with_capacity(text.len() + 1);
    let mut width = 0;
    for c in text.chars() {
        columns.push(width);
        let before = out.len();
        if c == '\t' {
            out.push(' ')
        } else {
            push_escaped(c, &mut out)
        }
        width += out[before..].chars().count();
    }
    columns.push(width);
    let at = |i: usize| columns.get(i).copied().unwrap_or(width + i.saturating_sub(columns.len() - 1));
    (out, mark.map(|(a, b)| (at(a), at(b))))
}

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
        (Some(f), Some(l)) => {
            format!("{}:{}:{}: ", escape_control(&display_path(report, package, f)), l.start.line, l.start.column)
        }
        (Some(f), None) => format!("{}: ", escape_control(&display_path(report, package, f))),
        (None, _) => format!("{}: ", escape_control(&report.input)),
    };
    let _ = writeln!(
        out,
        "{}{} {}",
        paint("1", &place),
        paint(sev_color, &format!("{}[{}]", d.severity.as_str(), d.code)),
        paint("1", &escape_control(&d.message))
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
            let (text, mark) = escape_line(&line.text, line.mark);
            let _ = writeln!(out, "{} {}", paint("1;34", &format!("{:>width$} |", line.number)), text);
            if let Some((a, b)) = mark {
                let _ = writeln!(out, "{gutter} {}{}", " ".repeat(a), paint(sev_color, &"^".repeat((b - a).max(1))));
            }
        }
    }
    let _ = writeln!(out, "  {} {}", paint("1;36", "help:"), escape_control(&d.help));
    if let Some(fix) = &d.fix {
        let _ = writeln!(
            out,
            "  {} {} ({})",
            paint("1;32", "fix:"),
            escape_control(&fix.title),
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
            "{}{}: {}: {e} error{}, {w} warning{}, {i} info{}",
            escape_control(&report.input),
            if package.root.is_empty() { String::new() } else { format!(" ({})", escape_control(&package.root)) },
            escape_control(&what),
            plural(e),
            plural(w),
            if s == 0 { String::new() } else { format!(", {s} suppressed") }
        );
        // A platform line whose patch releases differ (issue 11): the matrix cell is not "works".
        for line in package.matrix.as_ref().map(crate::matrix::Matrix::mixed_lines).unwrap_or_default() {
            let _ = writeln!(out, "  patch releases differ: {}", escape_control(&line));
        }
        for x in &package.suppressed {
            let d = &x.diagnostic;
            let place = match (&d.file, d.line()) {
                (Some(f), Some(l)) => format!("{}:{l}", display_path(report, package, f)),
                (Some(f), None) => display_path(report, package, f),
                (None, _) => report.input.clone(),
            };
            let _ = writeln!(
                out,
                "  suppressed {}[{}] at {}: {} ({})",
                d.severity.as_str(),
                d.code,
                escape_control(&place),
                escape_control(&d.message),
                escape_control(&x.reason)
            );
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_control("plain\ttab"), Cow::Borrowed("plain\ttab"));
        assert_eq!(
            escape_control("a\nb\rc\x1b[31md\x07\x7f\u{85}\u{9b}\u{202e}é"),
            "a\\nb\\rc\\x1b[31md\\x07\\x7f\\u{85}\\u{9b}\\u{202e}é"
        );
    }

    #[test]
    fn marks_follow_the_escaped_text() {
        let (text, mark) = escape_line("\x1bab\tc", Some((1, 2)));
        assert_eq!(text, "\\x1bab c");
        assert_eq!(mark, Some((4, 5)));
        assert_eq!(escape_line("abc", Some((3, 4))).1, Some((3, 4)));
    }
}
