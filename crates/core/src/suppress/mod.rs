//! Suppressed findings: inline `# extcheck:ignore CODE[,CODE] [reason]` comments in YAML files
//! (after ruff's `# noqa`), and the configuration's ignores ([`crate::config`]).
//!
//! A comment at the end of a line suppresses those codes on that line; a comment alone on its
//! line suppresses them on the next line. Findings are matched on the line where they start. A
//! suppression that suppresses nothing (or names no rule) is reported as SUP001, so stale ones do
//! not pile up (the rule, its finding type and its tests are in `sup001.rs`). `package.json`
//! has no comments: suppress its findings in `extcheck.toml`.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::package::Package;
use crate::syntax::{LineIndex, Span};

pub mod sup001;

use sup001::{SUP001, UnusedSuppression};

/// Where a suppression comes from (SARIF `suppression.kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SuppressionKind {
    /// A `# extcheck:ignore` comment in the package's files.
    InSource,
    /// The configuration (`extcheck.toml`).
    External,
}

/// A finding that was suppressed, kept so reports can list it as such.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    /// The finding, unchanged.
    pub diagnostic: Diagnostic,
    /// Where the suppression comes from.
    pub kind: SuppressionKind,
    /// Why, for people: the comment and its place, or the configuration key.
    pub reason: String,
}

/// The marker that starts an inline suppression.
pub const MARKER: &str = "extcheck:ignore";

/// One `# extcheck:ignore` comment.
struct Directive {
    file: String,
    /// 1-based line the codes apply to.
    target: usize,
    /// Each code with its byte span in the file, and whether it suppressed something.
    codes: Vec<(String, Span, bool)>,
    /// The whole comment's span, and its text.
    span: Span,
    text: String,
}

/// The directives of every YAML file of `package`.
fn directives(package: &Package) -> Vec<Directive> {
    let mut out = Vec::new();
    let (spaced, tight) = (format!("# {MARKER}"), format!("#{MARKER}"));
    for (path, bytes) in &package.files {
        if !(path.ends_with(".yaml") || path.ends_with(".yml")) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        if !text.contains(MARKER) {
            continue;
        }
        let mut offset = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += line.len();
            let Some(at) = line.find(&spaced).or_else(|| line.find(&tight)) else {
                continue;
            };
            // A `#` starts a YAML comment only at the line start or after whitespace.
            if at > 0 && !line[..at].ends_with([' ', '\t']) {
                continue;
            }
            let own_line = line[..at].trim().is_empty();
            let after_marker = at + line[at..].find(MARKER).unwrap_or(0) + MARKER.len();
            let rest = &line[after_marker..];
            let mut codes = Vec::new();
            let mut pos = after_marker + (rest.len() - rest.trim_start().len());
            let list = line[pos..].split([' ', '\t', '\r', '\n']).next().unwrap_or("");
            for code in list.split(',') {
                if !code.is_empty() {
                    codes.push((code.to_ascii_uppercase(), Span::new(start + pos, start + pos + code.len()), false));
                }
                pos += code.len() + 1;
            }
            let end = start + line.trim_end().len();
            out.push(Directive {
                file: path.clone(),
                target: if own_line { i + 2 } else { i + 1 },
                codes,
                span: Span::new(start + at, end),
                text: line[at..].trim_end().to_string(),
            });
        }
    }
    out
}

/// Splits `diagnostics` of `package` into the findings that count and those suppressed inline,
/// adding SUP001 for each suppression that suppressed nothing or names no rule.
///
/// Bounded like the findings shown: at most [`crate::check::MAX_PER_RULE_AND_FILE`] suppressed
/// findings of one code in one file are listed, the rest counted in one "and N more"
/// suppressed finding; the same cap holds for SUP001. Cost: linear in the findings and the
/// files' size (directives are looked up by file and line).
pub fn inline(package: &Package, diagnostics: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Suppressed>) {
    use std::collections::HashMap;
    const CAP: usize = crate::check::MAX_PER_RULE_AND_FILE;
    let mut directives = directives(package);
    if directives.is_empty() {
        return (diagnostics, Vec::new());
    }
    let mut by_line: HashMap<(String, usize), Vec<usize>> = HashMap::new();
    for (i, x) in directives.iter().enumerate() {
        by_line.entry((x.file.clone(), x.target)).or_default().push(i);
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut suppressed = Vec::new();
    // Per (code, file): how many were suppressed, and the summary of those past the cap.
    let mut listed: HashMap<(&'static str, Option<String>), usize> = HashMap::new();
    let mut more: Vec<(Diagnostic, usize, Severity)> = Vec::new();
    let mut more_slot: HashMap<(&'static str, Option<String>), usize> = HashMap::new();
    // Codes whose findings in a file were counted but not built (a rule's cap): their lines are
    // unknown, so a suppression of them is never called unused, and their summary is never
    // suppressed (one line's comment must not hide findings nobody saw).
    let mut uncounted: std::collections::HashSet<(&'static str, Option<String>)> = Default::default();
    for d in diagnostics {
        if crate::check::is_more(&d) {
            uncounted.insert((d.code, d.file.clone()));
            kept.push(d);
            continue;
        }
        let ids = d.file.as_deref().zip(d.line()).and_then(|(file, line)| by_line.get(&(file.to_string(), line)));
        let hit = ids.and_then(|ids| {
            ids.iter().find_map(|&i| {
                let x = &mut directives[i];
                let code = x.codes.iter_mut().find(|(c, _, _)| c == d.code)?;
                code.2 = true;
                Some(i)
            })
        });
        let Some(i) = hit else {
            kept.push(d);
            continue;
        };
        let key = (d.code, d.file.clone());
        let n = listed.entry(key.clone()).or_default();
        *n += 1;
        if *n <= CAP {
            let x = &directives[i];
            let reason = format!("`{}` in {}", x.text, x.file);
            suppressed.push(Suppressed { diagnostic: d, kind: SuppressionKind::InSource, reason });
            continue;
        }
        match more_slot.get(&key) {
            Some(&j) => {
                more[j].1 += 1;
                more[j].2 = more[j].2.max(d.severity);
            }
            None => {
                more_slot.insert(key, more.len());
                let severity = d.severity;
                more.push((d, 1, severity));
            }
        }
    }
    for (first, count, severity) in more {
        let location = suppressed
            .iter()
            .rev()
            .find(|s| s.diagnostic.code == first.code && s.diagnostic.file == first.file)
            .and_then(|s| s.diagnostic.location.clone());
        let reason =
            format!("{count} more {} findings in this file are suppressed by `# {MARKER}` comments", first.code);
        suppressed.push(Suppressed {
            diagnostic: crate::check::more(first.code, severity, first.file, count, location),
            kind: SuppressionKind::InSource,
            reason,
        });
    }
    // SUP001, capped per file the same way.
    let mut unused_count: HashMap<&str, usize> = HashMap::new();
    let mut index: Option<(&str, &str, LineIndex)> = None;
    for x in &directives {
        let unused_codes = x.codes.iter().filter(|(code, _, used)| {
            !*used && !uncounted.iter().any(|(c, f)| c == code && f.as_deref() == Some(x.file.as_str()))
        });
        let problems = usize::from(x.codes.is_empty()) + unused_codes.clone().count();
        if problems == 0 {
            continue;
        }
        let n = unused_count.entry(x.file.as_str()).or_default();
        let room = CAP.saturating_sub(*n);
        *n += problems;
        if room == 0 {
            continue;
        }
        if index.as_ref().is_none_or(|(file, _, _)| *file != x.file) {
            let Some(text) = package.files.get(&x.file).and_then(|b| std::str::from_utf8(b).ok()) else { continue };
            index = Some((x.file.as_str(), text, LineIndex::new(text)));
        }
        let Some((_, text, index)) = &index else { continue };
        let mut problems: Vec<(Span, UnusedSuppression<'_>)> = Vec::new();
        if x.codes.is_empty() {
            problems.push((x.span, UnusedSuppression::NoCode { comment: &x.text }));
        }
        for (code, span, _) in unused_codes {
            let finding = if crate::rules::rule(code).is_none() {
                UnusedSuppression::Unknown { code }
            } else {
                UnusedSuppression::Unused { code, line: x.target }
            };
            problems.push((*span, finding));
        }
        for (span, finding) in problems.into_iter().take(room) {
            kept.push(sup001::report(&finding, &x.file, text, index, span));
        }
    }
    for (file, n) in unused_count {
        if n > CAP {
            let location = kept
                .iter()
                .rev()
                .find(|d| d.code == SUP001.code && d.file.as_deref() == Some(file))
                .and_then(|d| d.location.clone());
            kept.push(crate::check::more(SUP001.code, SUP001.severity, Some(file.to_string()), n - CAP, location));
        }
    }
    kept.sort_by(|a, b| {
        (a.file.as_deref(), a.location.as_ref().map(|l| l.span.start), a.code).cmp(&(
            b.file.as_deref(),
            b.location.as_ref().map(|l| l.span.start),
            b.code,
        ))
    });
    (kept, suppressed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(text: &str) -> Package {
        Package { files: [("values.yaml".to_string(), text.as_bytes().to_vec())].into(), ..Package::default() }
    }

    fn finding(line_text: &str, text: &str, code: &'static str) -> Diagnostic {
        let start = text.find(line_text).unwrap();
        Diagnostic::new(code, Severity::Error, "m", "h").in_file("values.yaml").at(
            text,
            &LineIndex::new(text),
            Span::new(start, start + 1),
        )
    }

    #[test]
    fn end_of_line_and_line_above() {
        let text =
            "a: 1 # extcheck:ignore KS001,KS002 accepted\n# extcheck:ignore KS003\nb: 2\nc: 3 #extcheck:ignore KS004\n";
        let ds = vec![finding("a: 1", text, "KS001"), finding("b: 2", text, "KS003"), finding("c: 3", text, "KS005")];
        let (kept, suppressed) = inline(&package(text), ds);
        let codes: Vec<_> = suppressed.iter().map(|s| s.diagnostic.code).collect();
        assert_eq!(codes, ["KS001", "KS003"]);
        assert!(suppressed[0].reason.contains("# extcheck:ignore KS001,KS002 accepted"), "{:?}", suppressed[0]);
        let kept: Vec<_> = kept.iter().map(|d| (d.code, d.line(), d.message.clone())).collect();
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert_eq!((kept[0].0, kept[0].1), ("SUP001", Some(1)));
        assert!(kept[0].2.contains("KS002"), "{kept:?}");
        assert_eq!((kept[1].0, kept[1].1), ("KS005", Some(4)));
        assert_eq!((kept[2].0, kept[2].1), ("SUP001", Some(4)));
    }

    #[test]
    fn suppressed_and_unused_suppressions_are_capped_per_rule_and_file() {
        // 100,000 lines with a suppression each: 100,000 KS001 findings suppressed, and 100,000
        // unused KS002 codes. Lists stay at 50 plus one "and N more", in linear time.
        let n = 100_000;
        let text: String = (0..n).map(|i| format!("k{i}: v # extcheck:ignore KS001,KS002\n")).collect();
        let index = LineIndex::new(&text);
        let mut at = 0;
        let ds: Vec<Diagnostic> = text
            .split_inclusive('\n')
            .map(|line| {
                let d = Diagnostic::new("KS001", Severity::Error, "m", "h").in_file("values.yaml").at(
                    &text,
                    &index,
                    Span::new(at, at + 1),
                );
                at += line.len();
                d
            })
            .collect();
        let started = std::time::Instant::now();
        let (kept, suppressed) = inline(&package(&text), ds);
        assert!(started.elapsed().as_secs_f64() < 5.0, "{:?}", started.elapsed());
        assert_eq!(suppressed.len(), 51);
        let last = suppressed.last().unwrap();
        assert_eq!(last.diagnostic.message, "… and 99950 more KS001 findings in `values.yaml`, not listed");
        assert_eq!(last.diagnostic.severity, Severity::Error);
        assert_eq!(last.diagnostic.line(), Some(50));
        assert!(last.reason.starts_with("99950 more KS001 findings"), "{}", last.reason);
        assert_eq!(kept.len(), 51);
        assert!(kept.iter().all(|d| d.code == "SUP001"));
        assert!(kept.iter().any(|d| d.message == "… and 99950 more SUP001 findings in `values.yaml`, not listed"));
    }

    #[test]
    fn a_rules_summary_is_never_suppressed_and_its_code_never_called_unused() {
        let text = "a: 1 # extcheck:ignore SYN002\nb: 2 # extcheck:ignore SYN002\n";
        let listed = finding("a: 1", text, "SYN002");
        let summary =
            crate::check::more("SYN002", Severity::Warning, Some("values.yaml".into()), 7, listed.location.clone());
        let (kept, suppressed) = inline(&package(text), vec![listed, summary]);
        assert_eq!(suppressed.len(), 1);
        let kept: Vec<_> = kept.iter().map(|d| d.code).collect();
        assert_eq!(kept, ["SYN002"], "the summary stays; line 2's comment is not called unused");
    }

    #[test]
    fn a_marker_inside_a_value_is_not_a_comment() {
        let text = "a: \"x#extcheck:ignore KS001\"\n";
        let (kept, suppressed) = inline(&package(text), vec![finding("a:", text, "KS001")]);
        assert_eq!((kept.len(), suppressed.len()), (1, 0));
    }
}
