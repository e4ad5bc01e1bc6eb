//! JSON with spans, for `package.json`: every node keeps the byte range of its text, objects
//! keep all members in source order (duplicates included; lookups return the last, as
//! `JSON.parse` does). Parsing is strict JSON (no comments, no trailing commas), as npm and the
//! Rancher shell scripts (`jq`, `node`) read it.

use jsonc_parser::ast::{ObjectPropName, Value as Ast};
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

use super::Span;

/// Deepest nesting accepted. The underlying parser is recursive; deeper input is rejected
/// with an error instead of risking the stack (a stack overflow aborts a wasm page).
pub const MAX_DEPTH: usize = 256;

/// A JSON value and the byte range of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonNode {
    /// Byte range of the value's text (strings include their quotes).
    pub span: Span,
    /// The value.
    pub value: JsonValue,
}

/// The content of a [`JsonNode`].
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string, decoded.
    String(String),
    /// An array.
    Array(Vec<JsonNode>),
    /// An object with every member in source order.
    Object(Vec<JsonMember>),
}

/// One `"key": value` member of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonMember {
    /// The decoded key.
    pub key: String,
    /// Byte range of the key's text, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: JsonNode,
}

/// A syntax error and the byte offset where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong, e.g. "Expected comma".
    pub message: String,
    /// Byte offset of the error.
    pub offset: usize,
}

/// Parses `text` as strict JSON. Errors: any syntax error (with its byte offset), an empty
/// document, or nesting deeper than [`MAX_DEPTH`]. Never panics.
pub fn parse(text: &str) -> Result<JsonNode, JsonError> {
    if let Some(offset) = too_deep(text) {
        return Err(JsonError { message: format!("nesting deeper than {MAX_DEPTH} levels"), offset });
    }
    let parse_options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        ..ParseOptions::default()
    };
    let collect = CollectOptions { comments: CommentCollectionStrategy::Off, tokens: false };
    let result = jsonc_parser::parse_to_ast(text, &collect, &parse_options)
        .map_err(|e| JsonError { message: e.kind().to_string(), offset: e.range().start })?;
    let value = result.value.ok_or(JsonError { message: "the file is empty".into(), offset: 0 })?;
    Ok(convert(value))
}

/// Byte offset of the first bracket nested deeper than [`MAX_DEPTH`], if any.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn convert(value: Ast<'_>) -> JsonNode {
    let (span, value) = match value {
        Ast::NullKeyword(n) => (n.range, JsonValue::Null),
        Ast::BooleanLit(b) => (b.range, JsonValue::Bool(b.value)),
        Ast::NumberLit(n) => (n.range, JsonValue::Number(n.value.to_string())),
        Ast::StringLit(s) => (s.range, JsonValue::String(s.value.into_owned())),
        Ast::Array(a) => (a.range, JsonValue::Array(a.elements.into_iter().map(convert).collect())),
        Ast::Object(o) => (
            o.range,
            JsonValue::Object(
                o.properties
                    .into_iter()
                    .map(|p| {
                        let (key, key_span) = match p.name {
                            ObjectPropName::String(s) => (s.value.into_owned(), s.range),
                            ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                        };
                        JsonMember { key, key_span: Span::new(key_span.start, key_span.end), value: convert(p.value) }
                    })
                    .collect(),
            ),
        ),
    };
    JsonNode { span: Span::new(span.start, span.end), value }
}

impl JsonNode {
    /// The members of an object (empty for other values).
    pub fn members(&self) -> &[JsonMember] {
        match &self.value {
            JsonValue::Object(members) => members,
            _ => &[],
        }
    }

    /// The member `key` of an object; the last one wins when duplicated (`JSON.parse`).
    pub fn member(&self, key: &str) -> Option<&JsonMember> {
        self.members().iter().rev().find(|m| m.key == key)
    }

    /// The value of member `key` (see [`JsonNode::member`]).
    pub fn get(&self, key: &str) -> Option<&JsonNode> {
        self.member(key).map(|m| &m.value)
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// True for an object.
    pub fn is_object(&self) -> bool {
        matches!(self.value, JsonValue::Object(_))
    }

    /// The JSON type name, for messages: `null`, `boolean`, `number`, `string`, `array`, `object`.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "boolean",
            JsonValue::Number(_) => "number",
            JsonValue::String(_) => "string",
            JsonValue::Array(_) => "array",
            JsonValue::Object(_) => "object",
        }
    }
}

/// `value` as a JSON string literal (quotes included).
pub fn string_literal(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_members() {
        let text = r#"{ "name": "clock", "rancher": { "annotations": { "a": "x" } }, "name": "later" }"#;
        let root = parse(text).unwrap();
        let name = root.get("name").unwrap();
        assert_eq!(&text[name.span.start..name.span.end], "\"later\"");
        assert_eq!(root.members().len(), 3);
        let ann = root.get("rancher").unwrap().get("annotations").unwrap();
        let m = ann.member("a").unwrap();
        assert_eq!(&text[m.key_span.start..m.key_span.end], "\"a\"");
        assert_eq!(root.get("rancher").unwrap().type_name(), "object");
    }

    #[test]
    fn strict_json_errors_have_offsets() {
        let text = "{\n  \"a\": 1,\n}";
        let err = parse(text).unwrap_err();
        assert!(err.offset >= text.find(',').unwrap(), "{err:?}");
        assert!(parse("{ // c\n}").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn deep_nesting_is_rejected_not_overflowed() {
        let text = "[".repeat(100_000);
        let err = parse(&text).unwrap_err();
        assert_eq!(err.offset, MAX_DEPTH);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
