//! SYN001 (does not parse) and SYN002 (duplicate keys) over the files the platforms parse:
//! `extension.yaml`, `Chart.yaml`, `values.yaml` (also of subcharts), `package.json` and the
//! plugin's `package.json`. (`permissions.yaml` has its own code, KS070.)

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Capped, Ctx, TextFile, block_entry_lines};
use crate::package::Kind;
use crate::syntax::Span;
use crate::syntax::json::JsonNode;
use crate::syntax::yaml::{self, Node};

/// The YAML files of this package that a platform parses, as paths.
pub(crate) fn yaml_manifests(ctx: &Ctx<'_>) -> Vec<String> {
    let mut paths: Vec<String> = ["extension.yaml", "Chart.yaml", "values.yaml"]
        .iter()
        .filter(|p| ctx.package.contains(p))
        .map(|p| p.to_string())
        .collect();
    for path in ctx.package.files.keys() {
        if let Some(rest) = path.strip_prefix("charts/")
            && let Some((_, file)) = rest.split_once('/')
            && matches!(file, "Chart.yaml" | "values.yaml")
        {
            paths.push(path.clone());
        }
    }
    paths
}

/// The JSON files of this package that a platform parses.
pub(crate) fn json_manifests(ctx: &Ctx<'_>) -> Vec<&'static str> {
    let candidates: &[&'static str] = match ctx.kind {
        Kind::RancherPlugin => &["plugin/package.json"],
        _ => &["package.json"],
    };
    candidates.iter().copied().filter(|p| ctx.package.contains(p)).collect()
}

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut with_permissions = yaml_manifests(ctx);
    if ctx.kind == Kind::Kubesphere && ctx.package.contains("permissions.yaml") {
        with_permissions.push("permissions.yaml".to_string());
    }
    for path in &with_permissions {
        if let Some(file) = ctx.text(path) {
            control_characters(&file, out);
        }
    }
    for path in yaml_manifests(ctx) {
        let Some(file) = ctx.yaml(&path) else {
            let bytes = ctx.package.bytes(&path).unwrap_or_default();
            out.push(match crate::package::encoding::decode_utf16(bytes) {
                Some(Err(err)) => broken_utf16(&path, &err),
                _ => not_utf8(&path),
            });
            continue;
        };
        if let Some(err) = &file.stream.error
            && !file.file.text[err.offset.min(file.file.text.len())..].chars().next().is_some_and(is_forbidden_control)
        {
            out.push(yaml_error(&file.file, err.offset, &err.message));
        }
        for doc in &file.stream.documents {
            duplicate_yaml_keys(&file.file, doc, out);
        }
    }
    for path in json_manifests(ctx) {
        if ctx.utf16(path) {
            out.push(utf16_json(path));
        }
        let Some(file) = ctx.json(path) else {
            out.push(not_utf8(path));
            continue;
        };
        match &file.value {
            Err(err) => out.push(file.file.diag(
                "SYN001",
                Severity::Error,
                Span::at(err.offset),
                crate::msg!("syn001-message", path, error = err.message),
                crate::msg!("syn001-help"),
            )),
            Ok(root) => duplicate_json_keys(&file.file, root, out),
        }
    }
}

/// True for a character Go's YAML reader refuses ("control characters are not allowed"):
/// C0 controls other than tab, LF and CR, DEL, and C1 controls other than NEL (U+0085)
/// (`yaml.v2` `is_printable`).
pub fn is_forbidden_control(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || u == 0x7f
        || ((0x80..=0x9f).contains(&u) && u != 0x85)
        || matches!(u, 0xfffe | 0xffff)
}

/// SYN005: control characters in a YAML file, each with a safe fix deleting it. At most ten
/// are reported per file.
fn control_characters(file: &TextFile<'_>, out: &mut Vec<Diagnostic>) {
    for (at, c) in file.text.char_indices().filter(|(_, c)| is_forbidden_control(*c)).take(10) {
        let span = Span::new(at, at + c.len_utf8());
        out.push(
            file.diag(
                "SYN005",
                Severity::Error,
                span,
                crate::msg!("syn005-message", path = file.path, character = format!("U+{:04X}", c as u32)),
                crate::msg!("syn005-help"),
            )
            .with_fix(Fix::safe(format!("Delete U+{:04X}", c as u32), vec![Edit::delete(file.path, span)])),
        );
    }
}

/// SYN001 for a YAML file in UTF-16 that does not decode (odd length, unpaired surrogate):
/// Go's YAML reader (`yaml.v2` `readerc.go`, `yaml_parser_update_buffer`) stops with `err`.
/// A UTF-16 file that decodes is read as Go reads it and checked like UTF-8 text, with no
/// finding ([`crate::package::encoding`]).
fn broken_utf16(path: &str, err: &crate::package::encoding::Utf16Error) -> Diagnostic {
    Diagnostic::new(
        "SYN001",
        Severity::Error,
        crate::msg!("syn001-message-utf16-error", path, error = err.message, offset = err.offset),
        crate::msg!("syn001-help-utf16-error"),
    )
    .in_file(path)
}

/// SYN001 for a `package.json` in UTF-16: it is checked decoded, but no JSON reader on the
/// Rancher side decodes UTF-16. Node's `JSON.parse(fs.readFileSync(f, 'utf8'))` (the shell's
/// build scripts, npm, yarn) and `jq` read it as UTF-8 and fail at the first byte; Rancher's
/// `fscache.go` `getVersionFromPackageJSON` uses Go's `encoding/json`, which fails with
/// "invalid character 'ÿ' looking for beginning of value" (`'þ'` for big-endian).
fn utf16_json(path: &str) -> Diagnostic {
    Diagnostic::new(
        "SYN001",
        Severity::Error,
        crate::msg!("syn001-message-utf16-json", path),
        crate::msg!("syn001-help-utf16-json"),
    )
    .in_file(path)
}

fn not_utf8(path: &str) -> Diagnostic {
    Diagnostic::new(
        "SYN001",
        Severity::Error,
        crate::msg!("syn001-message-not-utf8", path),
        crate::msg!("syn001-help-not-utf8"),
    )
    .in_file(path)
}

/// SYN001 for a YAML syntax error at byte `offset`, recognising an unquoted constraint such as
/// `kubeVersion: >=1.19.0` (a `>` starts a folded block scalar) and offering to quote it.
fn yaml_error(file: &TextFile<'_>, offset: usize, message: &str) -> Diagnostic {
    let line_no = file.index.line_col(file.text, offset).line;
    // Budget errors (depth, aliasing) are not about the text at the position.
    let budget = message.contains("nested deeper") || message.starts_with("document contains excessive aliasing");
    if message.starts_with("Go's YAML decoder refuses") {
        return file.diag(
            "SYN001",
            Severity::Error,
            Span::at(offset),
            crate::msg!("syn001-message-go-decode", path = file.path, message),
            crate::msg!("syn001-help-go-decode"),
        );
    }
    if !budget
        && let Some(line) = file.index.line_span(file.text, line_no)
        && let Some((value, key)) = unquoted_indicator_value(file.slice(line))
    {
        let span = Span::new(line.start + value.start, line.start + value.end);
        let raw = file.slice(span);
        return file
            .diag(
                "SYN001",
                Severity::Error,
                span,
                crate::msg!("syn001-message-indicator", path = file.path, key, indicator = &raw[..1]),
                crate::msg!("syn001-help-indicator", key, raw),
            )
            .with_fix(Fix::safe(format!("Quote `{raw}`"), vec![file.edit(span, yaml::double_quoted(raw))]));
    }
    if message.starts_with("flow collections") {
        // Deeper than extcheck's parser reads, not deeper than Go's.
        return file.diag(
            "SYN001",
            Severity::Warning,
            Span::at(offset),
            crate::msg!("syn001-message-too-deep", path = file.path, message),
            crate::msg!("syn001-help-too-deep"),
        );
    }
    file.diag(
        "SYN001",
        Severity::Error,
        Span::at(offset),
        crate::msg!("syn001-message-yaml", path = file.path, message),
        crate::msg!("syn001-help-yaml"),
    )
}

/// For a line `  key: >=1.19.0  # comment`, the byte range of `>=1.19.0` in the line and the
/// key, when the value starts with a YAML indicator that makes it unparseable as text.
fn unquoted_indicator_value(line: &str) -> Option<(Span, &str)> {
    let body_start = line.len() - line.trim_start().len();
    let body = &line[body_start..];
    let body = body.strip_prefix("- ").map_or(body, |b| b.trim_start());
    let offset = line.len() - body.len();
    let colon = body.find(": ")?;
    let key = body[..colon].trim();
    if key.is_empty() || key.contains(['"', '\'', '#', '{', '[']) {
        return None;
    }
    let after = &body[colon + 1..];
    let value_start = colon + 1 + (after.len() - after.trim_start().len());
    let value_part = &body[value_start..];
    if !value_part.starts_with(['>', '|', '*', '&', '!', '%', '@', '`']) {
        return None;
    }
    let value_end = value_part.find(" #").unwrap_or(value_part.len());
    let value = value_part[..value_end].trim_end();
    // Only a value that is plainly text, not a real block scalar header like `>-` or `|2`.
    if value.len() < 2 || value.chars().skip(1).all(|c| matches!(c, '-' | '+' | '0'..='9')) {
        return None;
    }
    Some((Span::new(offset + value_start, offset + value_start + value.len()), key))
}

fn duplicate_yaml_keys(file: &TextFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let mut capped = Capped::new("SYN002", Severity::Warning);
    yaml::walk(root, |node| {
        let entries = node.entries();
        let next = next_same(entries.iter().map(|e| e.key_str()));
        for (i, entry) in entries.iter().enumerate() {
            let Some(key) = entry.key_str() else { continue };
            let Some(later) = next[i].map(|j| &entries[j]) else {
                continue;
            };
            if capped.full() {
                continue;
            }
            let later_line = file.index.line_col(file.text, later.key.span.start).line;
            let mut d = file.diag(
                "SYN002",
                Severity::Warning,
                entry.key.span,
                crate::msg!("syn002-message", key, later_line),
                crate::msg!("syn002-help"),
            );
            if let Some(span) = block_entry_lines(file.text, entry.key.span.start, entry.value.span.end) {
                d = d.with_fix(Fix::unsafe_(
                    format!("Delete the earlier `{key}` entry"),
                    vec![Edit::delete(file.path, span)],
                ));
            }
            capped.built.push(d);
        }
    });
    capped.finish(out);
}

/// For each key of a mapping, the index of the next entry with the same key (linear time, so
/// that 100,000 duplicate keys cost no more than 100,000 distinct ones).
fn next_same<'k>(keys: impl DoubleEndedIterator<Item = Option<&'k str>> + ExactSizeIterator) -> Vec<Option<usize>> {
    let mut next = vec![None; keys.len()];
    let mut last_seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, key) in keys.enumerate().rev() {
        if let Some(key) = key {
            next[i] = last_seen.insert(key, i);
        }
    }
    next
}

fn duplicate_json_keys(file: &TextFile<'_>, root: &JsonNode, out: &mut Vec<Diagnostic>) {
    let mut capped = Capped::new("SYN002", Severity::Warning);
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let members = node.members();
        let next = next_same(members.iter().map(|m| Some(m.key.as_str())));
        for (i, m) in members.iter().enumerate() {
            stack.push(&m.value);
            if let Some(later) = next[i].map(|j| &members[j])
                && !capped.full()
            {
                let later_line = file.index.line_col(file.text, later.key_span.start).line;
                let next_key = members[i + 1].key_span.start;
                capped.built.push(
                    file.diag(
                        "SYN002",
                        Severity::Warning,
                        m.key_span,
                        crate::msg!("syn002-message-json", key = m.key, later_line),
                        crate::msg!("syn002-help-json"),
                    )
                    .with_fix(Fix::unsafe_(
                        format!("Delete the earlier `{}` member", m.key),
                        vec![Edit::delete(file.path, Span::new(m.key_span.start, next_key))],
                    )),
                );
            }
        }
        if let crate::syntax::json::JsonValue::Array(items) = &node.value {
            stack.extend(items.iter());
        }
    }
    capped.finish(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_unquoted_constraints() {
        let (span, key) = unquoted_indicator_value("kubeVersion: >=1.19.0  # min").unwrap();
        assert_eq!(key, "kubeVersion");
        assert_eq!(&"kubeVersion: >=1.19.0  # min"[span.start..span.end], ">=1.19.0");
        let line = "    - version: >= 1.0.2";
        let (span, key) = unquoted_indicator_value(line).unwrap();
        assert_eq!((key, &line[span.start..span.end]), ("version", ">= 1.0.2"));
        assert_eq!(unquoted_indicator_value("description: >-"), None);
        assert_eq!(unquoted_indicator_value("notes: |2"), None);
        assert_eq!(unquoted_indicator_value("name: plain"), None);
    }

    #[test]
    fn block_entry_lines_cover_whole_lines() {
        let text = "a: 1\nlist:\n  - x\n  - y # c\nb: 2\n";
        let start = text.find("list").unwrap();
        let end = text.find("y").unwrap() + 1;
        let span = block_entry_lines(text, start, end).unwrap();
        assert_eq!(&text[span.start..span.end], "list:\n  - x\n  - y # c\n");
        assert_eq!(block_entry_lines("- name: a\n", 2, 9), None);
    }
}
