//! The Markdown report (PRODUCT.md "Exports"), for a pull-request comment or a CI job summary:
//! per input and package, the counts, a table of the diagnostics (severity, rule, place, what,
//! how to fix) and the compatibility matrix's one-line summary.
//!
//! Everything that comes from the package (names, messages quoting values) is escaped, so a
//! hostile package cannot add links, images, HTML or table cells: text outside backticks has
//! every Markdown punctuation character backslash-escaped, code spans get a fence longer than
//! any backtick run inside them, and `|` is escaped everywhere in a table row (GFM splits cells
//! before it parses code spans).

use std::fmt::Write;

use super::{Segment, segments};
use crate::check::{PackageReport, Report};
use crate::diagnostic::{Applicability, Counts, Diagnostic};

/// The Markdown report of `reports`.
pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    let total = Counts::of(reports.iter().flat_map(|r| &r.packages).flat_map(|p| &p.diagnostics));
    let _ = writeln!(out, "## extcheck {}\n", crate::report::json::TOOL.version);
    let _ = writeln!(out, "{}\n", counts_line(total));
    for report in reports {
        let _ = writeln!(out, "### {}\n", code(&report.input, false));
        for package in &report.packages {
            render_package(&mut out, report, package);
        }
    }
    out
}

fn render_package(out: &mut String, report: &Report, package: &PackageReport) {
    let what = match (package.kind, &package.name, &package.version) {
        (Some(kind), Some(name), Some(version)) => format!("**{} {}** ({})", text(name), text(version), kind.label()),
        (Some(kind), Some(name), None) => format!("**{}** ({})", text(name), kind.label()),
        (Some(kind), None, _) => kind.label().to_string(),
        (None, _, _) => "Not a recognised package".to_string(),
    };
    let root = if package.root.is_empty() { String::new() } else { format!(" in {}", code(&package.root, false)) };
    let _ = writeln!(out, "{what}{root}: {}\n", counts_line(package.counts()));
    if !package.diagnostics.is_empty() {
        out.push_str("| Severity | Rule | Where | What | How to fix |\n|---|---|---|---|---|\n");
        for d in &package.diagnostics {
            row(out, report, package, d);
        }
        out.push('\n');
    }
    if let Some(matrix) = &package.matrix {
        let platform = if matrix.platform == "kubesphere" { "KubeSphere" } else { "Rancher" };
        let _ = writeln!(out, "**Compatibility ({platform}):** {}\n", inline(&matrix.summary, false));
        for note in &matrix.notes {
            let _ = writeln!(out, "- {}", inline(note, false));
        }
        let mixed = matrix.mixed_lines();
        for line in &mixed {
            let _ = writeln!(out, "- Patch releases differ: {}", inline(line, false));
        }
        if !matrix.notes.is_empty() || !mixed.is_empty() {
            out.push('\n');
        }
    }
}

fn row(out: &mut String, report: &Report, package: &PackageReport, d: &Diagnostic) {
    let place = match (&d.file, &d.location) {
        (Some(f), Some(l)) => code(
            &format!("{}:{}:{}", super::text::display_path(report, package, f), l.start.line, l.start.column),
            true,
        ),
        (Some(f), None) => code(&super::text::display_path(report, package, f), true),
        (None, _) => code(&report.input, true),
    };
    let mut how = inline(&d.help, true);
    if let Some(fix) = &d.fix {
        let kind = match fix.applicability {
            Applicability::Safe => "safe fix",
            Applicability::Unsafe => "unsafe fix",
        };
        let _ = write!(how, "{}**{kind}:** {}", if how.is_empty() { "" } else { " " }, inline(&fix.title, true));
    }
    let _ = writeln!(
        out,
        "| {} | {} | {place} | {} | {how} |",
        d.severity.as_str(),
        code(d.code, true),
        inline(&d.message, true),
    );
}

fn counts_line(c: Counts) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        plural(c.errors, "error", "errors"),
        plural(c.warnings, "warning", "warnings"),
        plural(c.infos, "info", "infos")
    )
}

/// A message or help text: backticked parts as code spans, the rest escaped; line breaks
/// become spaces. `in_table` escapes `|` inside code spans too.
fn inline(s: &str, in_table: bool) -> String {
    segments(s)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => text(t),
            Segment::Code(c) => code(c, in_table),
        })
        .collect()
}

/// Plain text with the ASCII punctuation that means something inline backslash-escaped
/// (emphasis, links, images, HTML, code, tables, math), `:` (URL schemes, emoji shortcodes),
/// `@` and the `.` of `www.`, so GFM cannot autolink a URL or an e-mail address.
/// Characters that only matter at the start of a line (`-`, `+`) stay: text is never placed
/// there.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\r' | '\n' => out.push(' '),
            // `www.` starts an autolink; a `.` elsewhere means nothing.
            '.' if out.len() >= 3 && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www") => {
                out.push_str("\\.")
            }
            ',' | ';' | '\'' | '"' | '?' | '=' | '/' | '-' | '.' | '(' | ')' | '+' | '%' => out.push(ch),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A code span around `s`, fenced with one backtick more than its longest backtick run.
fn code(s: &str, in_table: bool) -> String {
    let content: String = s.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let content = if in_table { content.replace('|', "\\|") } else { content };
    let longest = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if content.starts_with('`') || content.ends_with('`') || content.is_empty() { " " } else { "" };
    format!("{fence}{pad}{content}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_fences() {
        assert_eq!(text("a *b* [c](d) <e> $x$ :+1:"), r"a \*b\* \[c\](d) \<e\> \$x\$ \:+1\:");
        assert_eq!(text("www.x.io a@b.c https://x, 1.2-3"), r"www\.x.io a\@b.c https\://x, 1.2-3");
        assert_eq!(code("a`b", false), "``a`b``");
        assert_eq!(code("`x", false), "`` `x ``");
        assert_eq!(code("a|b", true), r"`a\|b`");
        assert_eq!(inline("Set `kubeVersion: \">=1.19.0-0\"` now.", true), "Set `kubeVersion: \">=1.19.0-0\"` now.");
    }
}
