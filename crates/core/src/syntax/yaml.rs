//! YAML with spans: a small tree built from `saphyr-parser` events in which every node knows
//! the byte range of its source text, every mapping keeps *all* its entries in source order
//! (duplicate keys included, so they can be reported), and scalars keep their quoting style so
//! that they can be typed the way Go's `yaml.v2` types them (what `sigs.k8s.io/yaml`, and so
//! ksbuilder, ks-core and Helm, use).
//!
//! Aliases are not expanded (a billion-laughs file costs nothing); they appear as
//! [`Value::Alias`], and a stream whose expansion Go's decoder would refuse ends with its error
//! ("document contains excessive aliasing"). The tree is built with an explicit stack, and nesting deeper than
//! [`MAX_DEPTH`] ends the stream with an error, as Go's reader does: deeply nested input can
//! overflow neither this builder nor the code that walks or drops the tree.

use saphyr_parser::{Event, Parser, ScalarStyle as SaphyrStyle};

use super::Span;

/// Deepest nesting of collections (block and flow together) accepted: Go's `yaml.v2` (v2.4.0
/// `scannerc.go`, `max_indents` and `max_flow_level`) and `yaml.v3` stop at 10,000 levels with
/// "exceeded max depth of 10000", so ks-core, Helm and ksbuilder refuse a deeper file. A tree of
/// this depth is still dropped and walked safely on a 1 MiB stack (tested).
pub const MAX_DEPTH: usize = 10_000;

/// Deepest nesting of flow collections (`[`, `{`) the parser (`saphyr-parser`, which counts
/// them in a `u8`) reads; deeper flow nesting is a syntax error.
pub const MAX_FLOW_DEPTH: usize = 255;

/// How a scalar was written, which decides how it is typed (see [`Node::scalar_type`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum ScalarStyle {
    /// `key: value` — typed by its text (`1.10` is a float, `yes` a bool in YAML 1.1).
    Plain,
    /// `'value'` — always a string.
    SingleQuoted,
    /// `"value"` — always a string.
    DoubleQuoted,
    /// `|` block — always a string.
    Literal,
    /// `>` block — always a string.
    Folded,
}

/// The type Go's `yaml.v2` resolver gives a scalar (YAML 1.1 rules for plain scalars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum ScalarType {
    /// `~`, `null`, `Null`, `NULL` or an empty plain scalar.
    Null,
    /// `true`/`false` and the YAML 1.1 forms `yes`, `no`, `on`, `off`, `y`, `n`.
    Bool,
    /// A decimal, `0x`, `0o`/leading-zero octal or `0b` integer.
    Int,
    /// A float such as `1.10` (which becomes `1.1`), `1e3`, `.inf` or `.nan`.
    Float,
    /// Anything else, and every quoted or block scalar.
    Str,
}

/// A YAML node and the byte range of its source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Byte range of the node's text: for a scalar the token itself (quotes included, anchor
    /// and tag excluded); for a collection from its first to its last character.
    pub span: Span,
    /// An explicit tag such as `!!str`, written as handle + suffix.
    pub tag: Option<String>,
    /// The content.
    pub value: Value,
}

/// The content of a [`Node`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar: its decoded text and how it was written.
    Scalar {
        /// The decoded text (escapes resolved, block scalars folded).
        text: String,
        /// Quoting style.
        style: ScalarStyle,
    },
    /// A mapping with every entry in source order, duplicates included.
    Mapping(Vec<Entry>),
    /// A sequence.
    Sequence(Vec<Node>),
    /// An alias (`*name`), not expanded.
    Alias,
}

/// One `key: value` pair of a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key node (usually a plain scalar).
    pub key: Node,
    /// The value node.
    pub value: Node,
}

impl Entry {
    /// The key's text when the key is a scalar.
    pub fn key_str(&self) -> Option<&str> {
        self.key.as_str()
    }
}

/// A syntax error: what the parser said and the byte offset where it stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// The parser's message, e.g. "did not find expected key".
    pub message: String,
    /// Byte offset of the error in the text.
    pub offset: usize,
}

/// The result of parsing a YAML stream: the documents read before any error, and the error.
/// Consumers that stop at the first error (ks-core for `permissions.yaml`) get exactly the
/// documents they would have seen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YamlStream {
    /// Complete documents in order. An empty document is a `Null` scalar.
    pub documents: Vec<Node>,
    /// The first syntax error, if any; parsing stops there.
    pub error: Option<YamlError>,
}

impl YamlStream {
    /// The first document, if the stream has one.
    pub fn first(&self) -> Option<&Node> {
        self.documents.first()
    }
}

/// Parses `text` as a YAML stream. Never panics; a syntax error ends the stream and is
/// returned in [`YamlStream::error`] with its byte offset.
///
/// Cost: linear in the text; memory proportional to the number of nodes (aliases are not
/// expanded).
pub fn parse(text: &str) -> YamlStream {
    let mut go_quote: Option<GoQuoteEscape> = None;
    for _ in 0..GoQuoteEscape::MAX_RETRIES {
        let stream = parse_with(text, go_quote.as_ref());
        let Some(err) = &stream.error else { return stream };
        if !err.message.contains("found unknown escape character") {
            return stream;
        }
        let Some(next) = GoQuoteEscape::rewrite(text, go_quote.take(), err.offset) else { return stream };
        go_quote = Some(next);
    }
    parse_with(text, go_quote.as_ref())
}

/// [`parse`], reading `go_quote`'s rewritten text when given (same length as `text`).
fn parse_with(text: &str, go_quote: Option<&GoQuoteEscape>) -> YamlStream {
    let offsets = CharOffsets::new(text);
    let mut stream = YamlStream::default();
    // Stack of open collections: (start byte, tag, children, pending key for mappings).
    let mut stack: Vec<Open> = Vec::new();
    let mut pending_doc: Option<Node> = None;
    let mut aliasing = Aliasing::default();
    // A scalar whose explicit tag Go's decoder refuses: reported when its document ends (Go
    // parses the whole document before decoding it, so a later syntax error comes first).
    let mut tag_error: Option<YamlError> = None;
    for item in Parser::new_from_str(go_quote.map_or(text, |g| g.text.as_str())) {
        let (event, span) = match item {
            Ok(ok) => ok,
            Err(err) => {
                let message = match err.info() {
                    // saphyr-parser counts flow levels in a `u8`.
                    "recursion limit exceeded" => format!(
                        "flow collections (`[`, `{{`) nested deeper than {MAX_FLOW_DEPTH} levels: extcheck's YAML parser stops here (Go's reader accepts up to {MAX_DEPTH})"
                    ),
                    other => other.to_string(),
                };
                stream.error = Some(YamlError { message, offset: offsets.byte(err.marker().index()) });
                return stream;
            }
        };
        let is_map = matches!(event, Event::MappingStart(..));
        let start = offsets.byte(span.start.index());
        let end = offsets.byte(span.end.index());
        let node = match event {
            Event::DocumentStart(_) => {
                pending_doc = None;
                aliasing = Aliasing::default();
                continue;
            }
            Event::DocumentEnd => {
                if let Some(err) = tag_error.take() {
                    stream.error = Some(err);
                    return stream;
                }
                stream.documents.push(pending_doc.take().unwrap_or(Node {
                    span: Span::at(start),
                    tag: None,
                    value: Value::Scalar { text: String::new(), style: ScalarStyle::Plain },
                }));
                continue;
            }
            Event::StreamStart | Event::StreamEnd | Event::Nothing => continue,
            Event::MappingStart(anchor, tag) | Event::SequenceStart(anchor, tag) => {
                aliasing.decodes += 1;
                if stack.len() >= MAX_DEPTH {
                    stream.error = Some(YamlError {
                        message: format!(
                            "nested deeper than {MAX_DEPTH} levels (Go's YAML reader stops here with \"exceeded max depth of {MAX_DEPTH}\")"
                        ),
                        offset: start,
                    });
                    return stream;
                }
                let content_start = skip_properties(text, start);
                stack.push(Open {
                    anchor,
                    decodes_before: aliasing.decodes - 1,
                    start: content_start,
                    tag: tag.map(|t| tag_name(&t.handle, &t.suffix)),
                    is_map,
                    children: Vec::new(),
                    entries: Vec::new(),
                    key: None,
                });
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let Some(open) = stack.pop() else { continue };
                if open.anchor != 0 {
                    aliasing.sizes.insert(open.anchor, aliasing.decodes - open.decodes_before);
                }
                // Flow collections end at their closing bracket; block ones at their last child.
                let flow = text.as_bytes().get(open.start).is_some_and(|b| *b == b'{' || *b == b'[');
                let last_child_end = if open.is_map {
                    open.entries.last().map(|e| e.value.span.end)
                } else {
                    open.children.last().map(|c| c.span.end)
                };
                let end = if flow { end } else { last_child_end.unwrap_or(open.start) }.max(open.start);
                Node {
                    span: Span::new(open.start, end),
                    tag: open.tag,
                    value: if open.is_map { Value::Mapping(open.entries) } else { Value::Sequence(open.children) },
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                aliasing.decodes += 1;
                if anchor != 0 {
                    aliasing.sizes.insert(anchor, 1);
                }
                let token_start = skip_properties(text, start);
                let style = match style {
                    SaphyrStyle::Plain => ScalarStyle::Plain,
                    SaphyrStyle::SingleQuoted => ScalarStyle::SingleQuoted,
                    SaphyrStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
                    SaphyrStyle::Literal => ScalarStyle::Literal,
                    SaphyrStyle::Folded => ScalarStyle::Folded,
                };
                let token_end = scalar_end(text, token_start, end, style);
                let tag = tag.map(|t| tag_name(&t.handle, &t.suffix));
                let mut value = value.into_owned();
                if let Some(g) = go_quote {
                    g.restore(&mut value, style);
                }
                if let Some(tag) = &tag {
                    match super::tags::decode(tag, &value) {
                        Ok(None) => {}
                        Ok(Some(decoded)) => value = decoded,
                        Err(message) => {
                            tag_error.get_or_insert(YamlError {
                                message: format!("Go's YAML decoder refuses `{tag}` here: \"yaml: {message}\""),
                                offset: start,
                            });
                        }
                    }
                }
                Node { span: Span::new(token_start, token_end), tag, value: Value::Scalar { text: value, style } }
            }
            Event::Alias(anchor) => {
                if stack.iter().any(|open| open.anchor == anchor) {
                    stream.error = Some(YamlError {
                        message: "the anchor's value contains an alias to itself (Go's YAML reader stops with \"anchor ... value contains itself\")".into(),
                        offset: start,
                    });
                    return stream;
                }
                if aliasing.alias(anchor) {
                    stream.error = Some(YamlError {
                        message: format!(
                            "document contains excessive aliasing: expanding its aliases takes {} node decodes, {} of them from aliases (Go's YAML reader refuses this)",
                            aliasing.decodes, aliasing.aliased
                        ),
                        offset: start,
                    });
                    return stream;
                }
                Node { span: Span::new(start, end.max(start)), tag: None, value: Value::Alias }
            }
        };
        // Attach the finished node to its parent, or make it the document root.
        match stack.last_mut() {
            Some(parent) if parent.is_map => match parent.key.take() {
                None => parent.key = Some(node),
                Some(key) => parent.entries.push(Entry { key, value: node }),
            },
            Some(parent) => parent.children.push(node),
            None => pending_doc = Some(node),
        }
    }
    stream
}

/// Go's YAML readers (`yaml.v2` and `yaml.v3` `scannerc.go`, `yaml_parser_scan_flow_scalar`)
/// accept `\'` in a double-quoted scalar as an escaped `'`; YAML 1.2, and so saphyr-parser,
/// refuses it ("found unknown escape character"). Helm reads rendered manifests with Go's
/// reader, so a chart writing `"it\'s"` installs. To read such text as Go does without
/// shifting any byte offset, each double-quoted scalar the parser refuses for this reason has
/// its `\'` escapes rewritten to `\a` (same length) and the text is parsed again; BEL in a
/// double-quoted value (where `\a` decodes to BEL) is then mapped back to `'`. This is exact
/// only when the original text spells BEL nowhere (`\a`, `\x07`, `\u0007`, `\U00000007`,
/// a BEL byte); otherwise, or after [`Self::MAX_RETRIES`] scalars, the error stands.
///
/// Not followed: Go's `yaml.v2` refuses `\/`, which YAML 1.2 allows; extcheck accepts it (a
/// missed error rather than a false one, since `yaml.v3` accepts it too).
struct GoQuoteEscape {
    text: String,
}

impl GoQuoteEscape {
    /// Re-parses allowed per text: each costs one parse, so the cost stays linear.
    const MAX_RETRIES: usize = 32;

    /// `previous` (or `text`) with the double-quoted scalar starting at byte `at` rewritten, or
    /// `None` when there is nothing to rewrite there or BEL is spelled in `text`.
    fn rewrite(text: &str, previous: Option<Self>, at: usize) -> Option<Self> {
        let bytes = text.as_bytes();
        if previous.is_none() {
            let bel = ["\\a", "\\x07", "\\u0007", "\\U00000007"];
            if bel.iter().any(|b| text.contains(b)) || bytes.contains(&0x07) {
                return None;
            }
        }
        let mut out = previous.map_or_else(|| bytes.to_vec(), |p| p.text.into_bytes());
        if out.get(at) != Some(&b'"') {
            return None;
        }
        let mut changed = false;
        let mut i = at + 1;
        while i < out.len() {
            match out[i] {
                b'"' => break,
                b'\\' if out.get(i + 1) == Some(&b'\'') => {
                    out[i + 1] = b'a';
                    changed = true;
                    i += 2;
                }
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
        if !changed {
            return None;
        }
        String::from_utf8(out).ok().map(|text| Self { text })
    }

    /// Maps a scalar's value back to what Go's reader decodes from the original text.
    fn restore(&self, value: &mut String, style: ScalarStyle) {
        if style == ScalarStyle::DoubleQuoted && value.contains('\x07') {
            *value = value.replace('\x07', "'");
        }
    }
}

/// Drops a tree without recursion: the derived drop would use stack in proportion to the
/// nesting (10,000 levels overflow a 1 MiB stack in a debug build).
impl Drop for Node {
    fn drop(&mut self) {
        let mut pending = Vec::new();
        take_children(&mut self.value, &mut pending);
        while let Some(mut node) = pending.pop() {
            take_children(&mut node.value, &mut pending);
        }
    }
}

/// Moves the nested collections of `value` to `out`, leaving `value` shallow.
fn take_children(value: &mut Value, out: &mut Vec<Node>) {
    match value {
        Value::Mapping(entries) => {
            for entry in std::mem::take(entries) {
                let Entry { key, value } = entry;
                out.extend([key, value].into_iter().filter(|n| n.is_collection()));
            }
        }
        Value::Sequence(items) => out.extend(std::mem::take(items).into_iter().filter(Node::is_collection)),
        Value::Scalar { .. } | Value::Alias => {}
    }
}

/// Go's alias budget (`gopkg.in/yaml.v2` v2.2.8+ and `yaml.v3` `decode.go`,
/// `allowedAliasRatio`): decoding fails with "document contains excessive aliasing" once more
/// than 100 nodes came from alias expansion, more than 1,000 nodes were decoded in all, and
/// the share from aliases passes 99 % (for up to 400,000 decodes), falling linearly to 10 % at
/// 4,000,000. extcheck does not expand aliases; it counts what Go's decoder would decode, in
/// document order (an alias costs one decode plus the size of what it names).
#[derive(Default)]
struct Aliasing {
    /// Nodes decoded so far, aliases expanded.
    decodes: u64,
    /// Of which from alias expansion.
    aliased: u64,
    /// Expanded size of each anchored node, by anchor id.
    sizes: std::collections::HashMap<usize, u64>,
}

impl Aliasing {
    /// Counts an alias to `anchor`; true when Go's decoder would now stop.
    fn alias(&mut self, anchor: usize) -> bool {
        let size = self.sizes.get(&anchor).copied().unwrap_or(0);
        self.decodes = self.decodes.saturating_add(1).saturating_add(size);
        self.aliased = self.aliased.saturating_add(size);
        self.aliased > 100
            && self.decodes > 1000
            && (self.aliased as f64 / self.decodes as f64) > allowed_alias_ratio(self.decodes)
    }
}

/// `allowedAliasRatio(decodeCount)` of Go's YAML decoders.
fn allowed_alias_ratio(decodes: u64) -> f64 {
    const LOW: u64 = 400_000;
    const HIGH: u64 = 4_000_000;
    if decodes <= LOW {
        0.99
    } else if decodes >= HIGH {
        0.10
    } else {
        0.99 - 0.89 * ((decodes - LOW) as f64 / (HIGH - LOW) as f64)
    }
}

struct Open {
    /// Anchor id (0 for none) and decodes counted before this collection, for [`Aliasing`].
    anchor: usize,
    decodes_before: u64,
    start: usize,
    tag: Option<String>,
    is_map: bool,
    children: Vec<Node>,
    entries: Vec<Entry>,
    key: Option<Node>,
}

/// A tag as written in short form: the core schema's `tag:yaml.org,2002:str` is `!!str`.
fn tag_name(handle: &str, suffix: &str) -> String {
    if handle == "tag:yaml.org,2002:" || handle == "!!" { format!("!!{suffix}") } else { format!("{handle}{suffix}") }
}

/// Skips an anchor (`&name`) and a tag (`!tag`, `!!str`, `!<uri>`) and the spaces after them.
/// An anchor name ends at a flow indicator too (`&a[x]`).
fn skip_properties(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    for _ in 0..2 {
        match bytes.get(at) {
            Some(&first @ (b'&' | b'!')) => {
                while at < bytes.len()
                    && !matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r')
                    && !(first == b'&' && matches!(bytes[at], b'[' | b']' | b'{' | b'}' | b','))
                {
                    at += 1;
                }
                while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
                    at += 1;
                }
            }
            _ => break,
        }
    }
    at
}

/// The true end of a scalar token starting at `start`. The parser's end marker can run past a
/// quoted scalar (into trailing spaces and comments), so quoted scalars are re-scanned to their
/// closing quote and plain scalars are trimmed of trailing whitespace.
fn scalar_end(text: &str, start: usize, parser_end: usize, style: ScalarStyle) -> usize {
    let bytes = text.as_bytes();
    let parser_end = parser_end.clamp(start, bytes.len());
    match style {
        ScalarStyle::DoubleQuoted => {
            let mut i = start + 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return i + 1,
                    _ => i += 1,
                }
            }
            parser_end
        }
        ScalarStyle::SingleQuoted => {
            let mut i = start + 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i += 1;
            }
            parser_end
        }
        ScalarStyle::Plain | ScalarStyle::Literal | ScalarStyle::Folded => {
            let mut end = parser_end;
            while end > start && matches!(bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
                end -= 1;
            }
            end
        }
    }
}

/// Converts the parser's character indices to byte offsets. ASCII text maps 1:1; otherwise a
/// checkpoint every 64 characters keeps memory at 1/64 of a full table.
struct CharOffsets<'a> {
    text: &'a str,
    checkpoints: Option<Vec<usize>>,
}

const CHECKPOINT_EVERY: usize = 64;

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        let checkpoints = (!text.is_ascii()).then(|| {
            text.char_indices()
                .enumerate()
                .filter(|(n, _)| n % CHECKPOINT_EVERY == 0)
                .map(|(_, (byte, _))| byte)
                .collect()
        });
        CharOffsets { text, checkpoints }
    }

    fn byte(&self, char_index: usize) -> usize {
        let Some(checkpoints) = &self.checkpoints else {
            return char_index.min(self.text.len());
        };
        let Some(&base) = checkpoints.get(char_index / CHECKPOINT_EVERY) else {
            return self.text.len();
        };
        let rest = char_index % CHECKPOINT_EVERY;
        self.text[base..].char_indices().nth(rest).map_or(self.text.len(), |(i, _)| base + i)
    }
}

impl Node {
    /// The decoded text of a scalar node, whatever its type (`1.10` gives `"1.10"`).
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The scalar's quoting style, if this is a scalar.
    pub fn style(&self) -> Option<ScalarStyle> {
        match &self.value {
            Value::Scalar { style, .. } => Some(*style),
            _ => None,
        }
    }

    /// The entries of a mapping (empty for other nodes).
    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Mapping(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a sequence (empty for other nodes).
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Sequence(items) => items,
            _ => &[],
        }
    }

    /// True for a mapping or a sequence.
    pub fn is_collection(&self) -> bool {
        matches!(self.value, Value::Mapping(_) | Value::Sequence(_))
    }

    /// True for a mapping.
    pub fn is_mapping(&self) -> bool {
        matches!(self.value, Value::Mapping(_))
    }

    /// True for a sequence.
    pub fn is_sequence(&self) -> bool {
        matches!(self.value, Value::Sequence(_))
    }

    /// True for a null scalar (see [`ScalarType::Null`]).
    pub fn is_null(&self) -> bool {
        self.scalar_type() == Some(ScalarType::Null)
    }

    /// The value of `key` in a mapping, exact case; the *last* entry wins when the key is
    /// duplicated, as in Go's decoders.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entry of `key` in a mapping, exact case, last one winning.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().rev().find(|e| e.key_str() == Some(key))
    }

    /// The entry Go's `encoding/json` would bind to field `key` (as `sigs.k8s.io/yaml` does):
    /// an exact match if there is one, else a case-insensitive match; last one wins.
    pub fn entry_go(&self, key: &str) -> Option<&Entry> {
        self.entry(key)
            .or_else(|| self.entries().iter().rev().find(|e| e.key_str().is_some_and(|k| k.eq_ignore_ascii_case(key))))
    }

    /// The type Go's `yaml.v2` gives this scalar: quoted and block scalars are strings; plain
    /// scalars follow YAML 1.1 resolution (`resolve.go`); an explicit core tag wins.
    /// `None` for collections and aliases.
    pub fn scalar_type(&self) -> Option<ScalarType> {
        let Value::Scalar { text, style } = &self.value else {
            return None;
        };
        if let Some(tag) = &self.tag {
            return Some(match tag.as_str() {
                "!!int" => ScalarType::Int,
                "!!float" => ScalarType::Float,
                "!!bool" => ScalarType::Bool,
                "!!null" => ScalarType::Null,
                _ => ScalarType::Str,
            });
        }
        if *style != ScalarStyle::Plain {
            return Some(ScalarType::Str);
        }
        Some(resolve_plain(text))
    }
}

/// Types a plain scalar as Go's `gopkg.in/yaml.v2` `resolve()` does (YAML 1.1).
pub fn resolve_plain(text: &str) -> ScalarType {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarType::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" | "n" | "N" | "no" | "No"
        | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            return ScalarType::Bool;
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN"
        | ".NAN" => return ScalarType::Float,
        _ => {}
    }
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return ScalarType::Str;
    }
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    if is_go_int(&plain) {
        return ScalarType::Int;
    }
    if is_yaml_float(&plain) {
        return ScalarType::Float;
    }
    ScalarType::Str
}

/// `strconv.ParseInt(s, 0, 64)` syntax (sign, then `0x`/`0o`/`0b`/leading-0 octal or decimal),
/// plus yaml.v2's explicit `0b` handling. Range overflow still counts as a number-looking
/// scalar that yaml.v2 would then try as a float.
fn is_go_int(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (body, radix) = if let Some(rest) = digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        (rest, 16)
    } else if let Some(rest) = digits.strip_prefix("0b").or_else(|| digits.strip_prefix("0B")) {
        (rest, 2)
    } else if let Some(rest) = digits.strip_prefix("0o").or_else(|| digits.strip_prefix("0O")) {
        (rest, 8)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (&digits[1..], 8)
    } else {
        (digits, 10)
    };
    !body.is_empty() && body.chars().all(|c| c.is_digit(radix)) && i64::from_str_radix(body, radix).is_ok()
}

/// yaml.v2's float syntax: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_float(s: &str) -> bool {
    let b = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if int_digits == 0 && frac == 0 {
            return false;
        }
        i += frac;
    } else if int_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

/// Visits every node of `root` depth-first (pre-order) without recursion.
pub fn walk<'a>(root: &'a Node, mut visit: impl FnMut(&'a Node)) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        visit(node);
        match &node.value {
            Value::Mapping(entries) => {
                for e in entries.iter().rev() {
                    stack.push(&e.value);
                    stack.push(&e.key);
                }
            }
            Value::Sequence(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
}

/// Renders `value` as a YAML scalar token in the given style, for edits that replace a scalar
/// while keeping the author's quoting: double quotes escape `\` and `"`; single quotes double
/// `'`; a plain scalar that would change type or meaning is double-quoted instead.
pub fn scalar_token(value: &str, style: ScalarStyle) -> String {
    match style {
        ScalarStyle::SingleQuoted if !value.contains('\n') => {
            format!("'{}'", value.replace('\'', "''"))
        }
        ScalarStyle::Plain if is_safe_plain(value) => value.to_string(),
        _ => double_quoted(value),
    }
}

/// `value` as a double-quoted YAML scalar.
pub fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// True when `value` written plain reads back as the same string (no indicator at the start,
/// no `: ` or ` #`, not typed as a number, bool or null).
pub fn is_safe_plain(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() {
        return false;
    }
    if value.ends_with(char::is_whitespace) || value.contains(": ") || value.contains(" #") || value.ends_with(':') {
        return false;
    }
    if value.chars().any(|c| c.is_control()) {
        return false;
    }
    resolve_plain(value) == ScalarType::Str
}

#[cfg(test)]
mod tests {
    #[test]
    fn escaped_single_quote_reads_as_go_reads_it() {
        let text = "a: \"it\\'s\"\nb: plain\\'s\nc: '\\'\nd: \"x\\\\'\"\n\"it\\'s\": k\n";
        let stream = super::parse(text);
        assert!(stream.error.is_none(), "{:?}", stream.error);
        let doc = &stream.documents[0];
        assert_eq!(doc.get("a").and_then(|n| n.as_str()), Some("it's"));
        assert_eq!(doc.get("b").and_then(|n| n.as_str()), Some("plain\\'s"));
        assert_eq!(doc.get("c").and_then(|n| n.as_str()), Some("\\"));
        assert_eq!(doc.get("d").and_then(|n| n.as_str()), Some("x\\'"));
        assert_eq!(doc.get("it's").and_then(|n| n.as_str()), Some("k"));
        // Spans are those of the original text.
        let a = doc.get("a").unwrap();
        assert_eq!(&text[a.span.start..a.span.end], "\"it\\'s\"");
        // With a real `\a` in the text the rewrite would be ambiguous: parsed as YAML 1.2.
        assert!(super::parse("a: \"\\a\\'\"\n").error.is_some());
    }

    use super::*;

    fn slice(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn scalar_spans_cover_exactly_the_token() {
        let text = "a: \"x\\\"y\"  # comment\nb: 'it''s'\nc: &anchor !!str plain value   \nd: π-ünï\n";
        let doc = &parse(text).documents[0];
        assert_eq!(slice(text, doc.get("a").unwrap().span), "\"x\\\"y\"");
        assert_eq!(doc.get("a").unwrap().as_str(), Some("x\"y"));
        assert_eq!(slice(text, doc.get("b").unwrap().span), "'it''s'");
        assert_eq!(doc.get("b").unwrap().as_str(), Some("it's"));
        let c = doc.get("c").unwrap();
        assert_eq!(slice(text, c.span), "plain value");
        assert_eq!(c.tag.as_deref(), Some("!!str"));
        assert_eq!(slice(text, doc.get("d").unwrap().span), "π-ünï");
        assert_eq!(slice(text, doc.entry("d").unwrap().key.span), "d");
    }

    #[test]
    fn duplicate_keys_are_kept_and_the_last_wins() {
        let text = "screenshots: [a.png]\nscreenshots: []\n";
        let doc = &parse(text).documents[0];
        assert_eq!(doc.entries().len(), 2);
        assert!(doc.get("screenshots").unwrap().items().is_empty());
        assert_eq!(slice(text, doc.get("screenshots").unwrap().span), "[]");
    }

    #[test]
    fn go_field_matching_prefers_exact_then_case_insensitive() {
        let doc = &parse("Icon: a.svg\nname: x\n").documents[0];
        assert_eq!(doc.get("icon"), None);
        assert_eq!(doc.entry_go("icon").unwrap().value.as_str(), Some("a.svg"));
    }

    #[test]
    fn plain_scalars_are_typed_like_yaml_v2() {
        let doc = &parse(
            "a: 1.10\nb: \"1.10\"\nc: yes\nd: 0x1F\ne: 1.0.0\nf: ~\ng: '>=1.19.0'\nh: 1e3\ni: 010\nj: -.5\nk: 1_000\n",
        )
        .documents[0];
        let ty = |k: &str| doc.get(k).unwrap().scalar_type().unwrap();
        assert_eq!(ty("a"), ScalarType::Float);
        assert_eq!(ty("b"), ScalarType::Str);
        assert_eq!(ty("c"), ScalarType::Bool);
        assert_eq!(ty("d"), ScalarType::Int);
        assert_eq!(ty("e"), ScalarType::Str);
        assert_eq!(ty("f"), ScalarType::Null);
        assert_eq!(ty("g"), ScalarType::Str);
        assert_eq!(ty("h"), ScalarType::Float);
        assert_eq!(ty("i"), ScalarType::Int);
        assert_eq!(ty("j"), ScalarType::Float);
        assert_eq!(ty("k"), ScalarType::Int);
    }

    #[test]
    fn collections_span_from_first_to_last_character() {
        let text = "list:\n  - a\n  - b # c\nflow: {x: 1, y: [2]}\n";
        let doc = &parse(text).documents[0];
        assert_eq!(slice(text, doc.get("list").unwrap().span), "- a\n  - b");
        assert_eq!(slice(text, doc.get("flow").unwrap().span), "{x: 1, y: [2]}");
        assert_eq!(slice(text, doc.span), text.trim_end());
    }

    #[test]
    fn errors_carry_byte_offsets_and_keep_earlier_documents() {
        let text = "kind: Role\n---\nkubeVersion: >=1.19.0\n";
        let stream = parse(text);
        assert_eq!(stream.documents.len(), 1);
        let err = stream.error.unwrap();
        assert_eq!(&text[err.offset..err.offset + 2], ">=");
        assert!(err.message.contains("block scalar"), "{}", err.message);
    }

    #[test]
    fn multiple_documents_and_empty_documents() {
        let stream = parse("a: 1\n---\n---\nb: 2\n");
        assert_eq!(stream.documents.len(), 3);
        assert!(stream.documents[1].is_null());
        assert_eq!(stream.documents[2].get("b").unwrap().as_str(), Some("2"));
    }

    #[test]
    fn deep_nesting_and_aliases_do_not_blow_up() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let stream = parse(&deep);
        assert!(stream.error.is_some() || !stream.documents.is_empty());
        let laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n";
        let doc = &parse(laughs).documents[0];
        assert_eq!(doc.get("c").unwrap().items()[0].value, Value::Alias);
    }

    #[test]
    fn scalar_tokens_keep_style_and_meaning() {
        assert_eq!(scalar_token(">=1.19.0-0", ScalarStyle::DoubleQuoted), "\">=1.19.0-0\"");
        assert_eq!(scalar_token("it's", ScalarStyle::SingleQuoted), "'it''s'");
        assert_eq!(scalar_token("1.10", ScalarStyle::Plain), "\"1.10\"");
        assert_eq!(scalar_token("cert-manager", ScalarStyle::Plain), "cert-manager");
        assert_eq!(scalar_token(">= 1.0", ScalarStyle::Plain), "\">= 1.0\"");
        for v in ["yes", "null", "1e3", "a: b", "#x", "", " x"] {
            assert!(!is_safe_plain(v), "{v}");
        }
    }
}
