//! The syntax rules over the files the platforms parse: `extension.yaml`, `Chart.yaml`,
//! `values.yaml` (also of subcharts), `package.json` and the plugin's `package.json`
//! (`permissions.yaml` has its own code, KS070): SYN001 (does not parse), SYN002 (duplicate
//! keys), SYN005 (control characters) and SYN006 (several documents in `extension.yaml`), each
//! declared with its finding type in its own file. (SYN003 and SYN004 come from the typed walk
//! of [`crate::document::schema`].)

pub mod syn001;
pub mod syn002;
pub mod syn005;
pub mod syn006;

use self::syn001::Unparsable;
use self::syn002::{DuplicateKey, SYN002};
pub use self::syn005::is_forbidden_control;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::{Capped, Ctx, TextFile, block_entry_lines};
use crate::package::Kind;
use crate::syntax::Span;
use crate::syntax::json::JsonNode;
use crate::syntax::yaml::{self, Node};
use crate::violation::Violation;

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
            syn005::check(&file, out);
        }
    }
    for path in yaml_manifests(ctx) {
        let Some(file) = ctx.yaml(&path) else {
            let bytes = ctx.package.bytes(&path).unwrap_or_default();
            out.push(
                match crate::package::encoding::decode_utf16(bytes) {
                    Some(Err(err)) => {
                        Unparsable::Utf16Error { path: &path, error: err.message, offset: err.offset }.diagnostic()
                    }
                    _ => Unparsable::NotUtf8 { path: &path }.diagnostic(),
                }
                .in_file(path.as_str()),
            );
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
        if ctx.kind == Kind::Kubesphere && path == "extension.yaml" {
            syn006::check(&file, out);
        }
    }
    for path in json_manifests(ctx) {
        if ctx.utf16(path) {
            out.push(Unparsable::Utf16Json { path }.diagnostic().in_file(path));
        }
        let Some(file) = ctx.json(path) else {
            out.push(Unparsable::NotUtf8 { path }.diagnostic().in_file(path));
            continue;
        };
        match &file.value {
            Err(err) => {
                out.push(file.file.report(&Unparsable::Json { path, error: &err.message }, Span::at(err.offset)))
            }
            Ok(root) => duplicate_json_keys(&file.file, root, out),
        }
    }
}

/// SYN001 for a YAML syntax error at byte `offset`, recognising an unquoted constraint such as
/// `kubeVersion: >=1.19.0` (a `>` starts a folded block scalar) and offering to quote it.
fn yaml_error(file: &TextFile<'_>, offset: usize, message: &str) -> Diagnostic {
    let line_no = file.index.line_col(file.text, offset).line;
    // Budget errors (depth, aliasing) are not about the text at the position.
    let budget = message.contains("nested deeper") || message.starts_with("document contains excessive aliasing");
    let path = file.path;
    // The parser's message for a tag Go refuses (`crate::syntax::yaml`): its parts are values
    // (the tag, Go's own error), the rest is said in the reader's language.
    if let Some(rest) = message.strip_prefix("Go's YAML decoder refuses `")
        && let Some((tag, rest)) = rest.split_once("` here: \"yaml: ")
        && let Some(error) = rest.strip_suffix('"')
    {
        return file.report(&Unparsable::GoRefusesTag { path, tag, error }, Span::at(offset));
    }
    if message.starts_with("Go's YAML decoder refuses") {
        return file.report(&Unparsable::GoDecode { path, message }, Span::at(offset));
    }
    if !budget
        && let Some(line) = file.index.line_span(file.text, line_no)
        && let Some((value, key)) = unquoted_indicator_value(file.slice(line))
    {
        let span = Span::new(line.start + value.start, line.start + value.end);
        let raw = file.slice(span);
        return file.report(&Unparsable::Indicator { path, key, raw }, span).with_fix(Fix::safe(
            crate::msg!("syn001-fix-quote", raw),
            vec![file.edit(span, yaml::double_quoted(raw))],
        ));
    }
    if message.starts_with("flow collections") {
        // Deeper than extcheck's parser reads, not deeper than Go's.
        return file.report(&Unparsable::TooDeep { path, message }, Span::at(offset));
    }
    file.report(&Unparsable::Yaml { path, message }, Span::at(offset))
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
    let mut capped = Capped::new(SYN002.code, SYN002.severity);
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
            let mut d = file.report(&DuplicateKey { key, later_line, json: false }, entry.key.span);
            if let Some(span) = block_entry_lines(file.text, entry.key.span.start, entry.value.span.end) {
                d = d.with_fix(Fix::unsafe_(crate::msg!("syn002-fix", key), vec![Edit::delete(file.path, span)]));
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
    let mut capped = Capped::new(SYN002.code, SYN002.severity);
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
                let finding = DuplicateKey { key: &m.key, later_line, json: true };
                capped.built.push(file.report(&finding, m.key_span).with_fix(Fix::unsafe_(
                    crate::msg!("syn002-fix-json", key = m.key.as_str()),
                    vec![Edit::delete(file.path, Span::new(m.key_span.start, next_key))],
                )));
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
