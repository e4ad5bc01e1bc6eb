//! Suppressed findings: inline `# extcheck:ignore CODE[,CODE] [reason]` comments in YAML files
//! (after ruff's `# noqa`), and the configuration's ignores ([`crate::config`]).
//!
//! A comment at the end of a line suppresses those codes on that line; a comment alone on its
//! line suppresses them on the next line. Findings are matched on the line where they start. A
//! suppression that suppresses nothing (or names no rule) is reported as SUP001, so stale ones do
//! not pile up. `package.json` has no comments: suppress its findings in `extcheck.toml`.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::package::Package;
use crate::syntax::{LineIndex, Span};

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
            let Some(at) = line.find(&format!("# {MARKER}")).or_else(|| line.find(&format!("#{MARKER}"))) else {
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
pub fn inline(package: &Package, diagnostics: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Suppressed>) {
    let mut directives = directives(package);
    if directives.is_empty() {
        return (diagnostics, Vec::new());
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut suppressed = Vec::new();
    for d in diagnostics {
        let hit = d.file.as_deref().zip(d.line()).and_then(|(file, line)| {
            directives.iter_mut().filter(|x| x.file == file && x.target == line).find_map(|x| {
                let code = x.codes.iter_mut().find(|(c, _, _)| c == d.code)?;
                code.2 = true;
                Some(format!("`{}` in {}", x.text, x.file))
            })
        });
        match hit {
            Some(reason) => suppressed.push(Suppressed { diagnostic: d, kind: SuppressionKind::InSource, reason }),
            None => kept.push(d),
        }
    }
    for x in &directives {
        let Some(text) = package.files.get(&x.file).and_then(|b| std::str::from_utf8(b).ok()) else { continue };
        let index = LineIndex::new(text);
        if x.codes.is_empty() {
            kept.push(unused(&x.file, text, &index, x.span, format!("`{}` names no rule code", x.text)));
        }
        for (code, span, used) in &x.codes {
            if *used {
                continue;
            }
            let message = if crate::rules::rule(code).is_none() {
                format!("`{MARKER} {code}`: there is no rule `{code}`")
            } else {
                format!("`{MARKER} {code}` suppresses nothing: no {code} finding on line {}", x.target)
            };
            kept.push(unused(&x.file, text, &index, *span, message));
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

fn unused(file: &str, text: &str, index: &LineIndex, span: Span, message: String) -> Diagnostic {
    Diagnostic::new(
        "SUP001",
        Severity::Warning,
        message,
        "Remove the code from the comment (or the whole comment); a suppression that suppresses nothing hides the next real finding on that line.",
    )
    .in_file(file)
    .at(text, index, span)
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
    fn a_marker_inside_a_value_is_not_a_comment() {
        let text = "a: \"x#extcheck:ignore KS001\"\n";
        let (kept, suppressed) = inline(&package(text), vec![finding("a:", text, "KS001")]);
        assert_eq!((kept.len(), suppressed.len()), (1, 0));
    }
}
