//! Building byte-range edits that insert or change entries in YAML mappings and JSON objects
//! while keeping the author's layout: the new line copies the indentation of its siblings,
//! nothing else in the file moves.

use crate::diagnostic::Edit;
use crate::syntax::json::{JsonNode, string_literal};
use crate::syntax::yaml::{self, Node};

/// The indentation (spaces) of the line holding byte `offset`.
pub fn indent_at(text: &str, offset: usize) -> usize {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    text[start..].bytes().take_while(|b| *b == b' ').count()
}

/// The offset just past the end of the line holding `offset` (before its `\n` or `\r\n`).
pub fn line_end(text: &str, offset: usize) -> usize {
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    if end > 0 && text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end }
}

/// The file's line ending: `\r\n` when the first line ends that way, else `\n`.
pub fn newline(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// An edit of `file` (text `text`) that sets `key` to the scalar `value` in the YAML mapping
/// `mapping`: replaces the value if the key exists (keeping its quoting style), else inserts
/// `key: value` after the last entry with the same indentation. Flow mappings (`{}`) are
/// rewritten in flow style. A new `value` is written plain when that reads back the same, else
/// with the quotes its sibling values use (double quotes when none is quoted).
pub fn yaml_set(file: &str, text: &str, mapping: &Node, key: &str, value: &str) -> Edit {
    if let Some(entry) = mapping.entry(key) {
        let style = entry.value.style().unwrap_or(yaml::ScalarStyle::DoubleQuoted);
        return Edit::replace(file, entry.value.span, yaml::scalar_token(value, style));
    }
    let key_token = yaml::scalar_token(key, yaml::ScalarStyle::Plain);
    // A value that needs quotes gets the quotes its siblings use (the last quoted one).
    let sibling_quotes = mapping
        .entries()
        .iter()
        .rev()
        .filter_map(|e| e.value.style())
        .find(|s| matches!(s, yaml::ScalarStyle::SingleQuoted | yaml::ScalarStyle::DoubleQuoted));
    let value_token = if yaml::is_safe_plain(value) {
        value.to_string()
    } else {
        yaml::scalar_token(value, sibling_quotes.unwrap_or(yaml::ScalarStyle::DoubleQuoted))
    };
    let flow = text.as_bytes().get(mapping.span.start) == Some(&b'{');
    match mapping.entries().last() {
        _ if flow => {
            let inner = text[mapping.span.start + 1..mapping.span.end.saturating_sub(1)].trim();
            let sep = if inner.is_empty() { "" } else { ", " };
            let new = format!("{{{inner}{sep}{key_token}: {value_token}}}");
            Edit::replace(file, mapping.span, new)
        }
        Some(last) => {
            let indent = indent_at(text, last.key.span.start);
            let at = line_end(text, last.value.span.end);
            Edit::insert(file, at, format!("{}{}{key_token}: {value_token}", newline(text), " ".repeat(indent)))
        }
        None => Edit::replace(file, mapping.span, format!("{{{key_token}: {value_token}}}")),
    }
}

/// An edit appending `key:` with one nested `child: value` entry to the top-level YAML mapping
/// `root` of `text`, for a section that does not exist yet.
pub fn yaml_append_section(file: &str, text: &str, key: &str, child: &str, value: &str) -> Edit {
    let nl = newline(text);
    let sep = if text.is_empty() || text.ends_with('\n') { "" } else { nl };
    Edit::insert(
        file,
        text.len(),
        format!(
            "{sep}{}:{nl}  {}: {}{nl}",
            yaml::scalar_token(key, yaml::ScalarStyle::Plain),
            yaml::scalar_token(child, yaml::ScalarStyle::Plain),
            yaml::scalar_token(value, yaml::ScalarStyle::Plain)
        ),
    )
}

/// An edit of `file` that sets member `key` of the JSON object `object` to the string `value`:
/// replaces an existing member's value, or inserts a member after the last one on its own line
/// with the same indentation (or inside an empty `{}`).
pub fn json_set(file: &str, text: &str, object: &JsonNode, key: &str, value: &str) -> Edit {
    if let Some(member) = object.member(key) {
        return Edit::replace(file, member.value.span, string_literal(value));
    }
    let member = format!("{}: {}", string_literal(key), string_literal(value));
    match object.members().last() {
        Some(last) => {
            let last_line_start = text[..last.key_span.start].rfind('\n').map_or(0, |i| i + 1);
            let same_line = !text[object.span.start..last.key_span.start].contains('\n');
            if same_line {
                Edit::insert(file, last.value.span.end, format!(", {member}"))
            } else {
                let indent = &text[last_line_start..last.key_span.start];
                Edit::insert(file, last.value.span.end, format!(",{}{indent}{member}", newline(text)))
            }
        }
        None => Edit::replace(file, object.span, format!("{{ {member} }}")),
    }
}

/// An edit removing member `key` from the JSON object `object` with its separating comma, or
/// `None` when there is no such member.
pub fn json_remove(file: &str, object: &JsonNode, key: &str) -> Option<Edit> {
    let members = object.members();
    let i = members.iter().rposition(|m| m.key == key)?;
    let span = match (members.get(i + 1), i.checked_sub(1).and_then(|p| members.get(p))) {
        (Some(next), _) => crate::syntax::Span::new(members[i].key_span.start, next.key_span.start),
        (None, Some(previous)) => crate::syntax::Span::new(previous.value.span.end, members[i].value.span.end),
        (None, None) => crate::syntax::Span::new(object.span.start + 1, object.span.end - 1),
    };
    Some(Edit::delete(file, span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{json, yaml};

    fn apply(text: &str, e: &Edit) -> String {
        format!("{}{}{}", &text[..e.start], e.replacement, &text[e.end..])
    }

    #[test]
    fn yaml_insert_keeps_indentation_and_comments() {
        let text = "annotations:\n    a/b: x # note\n    c: 'y'\nname: z\n";
        let root = &yaml::parse(text).documents[0];
        let ann = root.get("annotations").unwrap();
        let e = yaml_set("Chart.yaml", text, ann, "catalog.cattle.io/ui-component", "plugins");
        assert_eq!(
            apply(text, &e),
            "annotations:\n    a/b: x # note\n    c: 'y'\n    catalog.cattle.io/ui-component: plugins\nname: z\n"
        );
        let e = yaml_set("Chart.yaml", text, ann, "c", ">= 3.0.0");
        assert_eq!(apply(text, &e), "annotations:\n    a/b: x # note\n    c: '>= 3.0.0'\nname: z\n");
    }

    #[test]
    fn yaml_flow_mappings() {
        let text = "plugin:\n  metadata: {}\n";
        let root = &yaml::parse(text).documents[0];
        let meta = root.get("plugin").unwrap().get("metadata").unwrap();
        let e = yaml_set("values.yaml", text, meta, "k", ">= 1");
        assert_eq!(apply(text, &e), "plugin:\n  metadata: {k: \">= 1\"}\n");
    }

    #[test]
    fn json_insert_keeps_indentation() {
        let text = "{\n  \"rancher\": {\n    \"annotations\": {\n      \"a\": \"1\"\n    }\n  }\n}\n";
        let root = json::parse(text).unwrap();
        let ann = root.get("rancher").unwrap().get("annotations").unwrap();
        let e = json_set("package.json", text, ann, "b", ">= 3.0.0 < 4.0.0");
        assert_eq!(
            apply(text, &e),
            "{\n  \"rancher\": {\n    \"annotations\": {\n      \"a\": \"1\",\n      \"b\": \">= 3.0.0 < 4.0.0\"\n    }\n  }\n}\n"
        );
        let text = "{\"annotations\": {}}";
        let root = json::parse(text).unwrap();
        let e = json_set("p", text, root.get("annotations").unwrap(), "k", "v");
        assert_eq!(apply(text, &e), "{\"annotations\": { \"k\": \"v\" }}");
    }

    #[test]
    fn json_remove_takes_the_comma() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        let root = json::parse(text).unwrap();
        assert_eq!(apply(text, &json_remove("p", &root, "a").unwrap()), "{\n  \"b\": 2\n}");
        assert_eq!(apply(text, &json_remove("p", &root, "b").unwrap()), "{\n  \"a\": 1\n}");
        let one = "{\"a\": 1}";
        assert_eq!(apply(one, &json_remove("p", &json::parse(one).unwrap(), "a").unwrap()), "{}");
    }

    #[test]
    fn crlf_files_get_crlf() {
        let text = "a:\r\n  b: 1\r\n";
        let root = &yaml::parse(text).documents[0];
        let e = yaml_set("f", text, root.get("a").unwrap(), "c", "x");
        assert_eq!(apply(text, &e), "a:\r\n  b: 1\r\n  c: x\r\n");
    }
}
