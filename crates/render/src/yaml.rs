//! YAML as Helm reads and writes it.
//!
//! Reading follows `sigs.k8s.io/yaml.Unmarshal` into `interface{}`: the YAML is decoded by its
//! `goyaml.v2` fork (YAML 1.1 scalar resolution: `yes`/`on`/`y` are booleans, `0x1F` and `010`
//! are integers), converted to JSON (keys become strings) and decoded by `encoding/json`, so
//! every number becomes a `float64`.
//!
//! Writing follows `sigs.k8s.io/yaml.Marshal` (Helm's `toYaml`): `encoding/json` first, the JSON
//! read back by `goyaml.v2` (integers stay integers, map keys sorted by its natural key order)
//! and emitted by `goyaml.v2`'s emitter (`encode.go` `stringv`, `emitterc.go` scalar analysis
//! and style selection, best width 80, indent 2, sequences not indented inside mappings).

use std::collections::{BTreeMap, HashMap};

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::value::{Value, fmt_v_float, format_float_g};

/// A YAML node before conversion (goyaml.v2's decoded `interface{}`).
#[derive(Clone, Debug)]
enum Y {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Y>),
    Map(Vec<(Y, Y)>),
}

/// Reads YAML the way Helm reads values files and `fromYaml` (see the module docs). Only the
/// first document counts. An empty document is `nil`.
pub fn parse_helm_yaml(text: &str) -> Result<Value, String> {
    let y = parse_lenient(text)?;
    Ok(to_json_value(&y))
}

/// Nesting of collections read from YAML (Go's decoder has no limit; this bounds recursion).
pub const MAX_DEPTH: usize = 1000;

/// goyaml.v2 accepts a quoted scalar's continuation line at its key's indentation; saphyr
/// does not. Leading blanks of continuation lines fold away, so indenting the offending line
/// and parsing again reads the same value.
fn parse_lenient(text: &str) -> Result<Y, String> {
    let mut owned: Option<String> = None;
    for _ in 0..50 {
        let cur = owned.as_deref().unwrap_or(text);
        match parse_first_doc(cur) {
            Err((msg, idx)) if msg.contains("invalid indentation in quoted scalar") => {
                // `idx` is the opening quote: indent every continuation line of the scalar
                let byte = cur.char_indices().nth(idx).map(|(b, _)| b).unwrap_or(cur.len());
                let bytes = cur.as_bytes();
                let Some(&q) = bytes.get(byte) else { return Err(msg) };
                if q != b'\'' && q != b'"' {
                    return Err(msg);
                }
                let mut end = byte + 1;
                while end < bytes.len() {
                    if q == b'"' && bytes[end] == b'\\' {
                        end += 2;
                        continue;
                    }
                    if bytes[end] == q {
                        if q == b'\'' && bytes.get(end + 1) == Some(&b'\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end += 1;
                }
                let end = end.min(bytes.len());
                let pad = cur[..byte].rsplit('\n').next().map(|l| l.len()).unwrap_or(0) + 1;
                let mut next = String::with_capacity(cur.len() + 64);
                next.push_str(&cur[..byte]);
                for c in cur[byte..end].chars() {
                    next.push(c);
                    if c == '\n' {
                        next.push_str(&" ".repeat(pad));
                    }
                }
                next.push_str(&cur[end..]);
                owned = Some(next);
            }
            Err((msg, idx)) if msg.contains("invalid indentation") && in_flow(cur, idx) => {
                // goyaml.v2 accepts flow content at its key's indentation; flow collections
                // ignore indentation, so indenting the offending line reads the same value
                let byte = cur.char_indices().nth(idx).map(|(b, _)| b).unwrap_or(cur.len());
                let line_start = cur[..byte].rfind('\n').map(|i| i + 1).unwrap_or(0);
                let mut next = String::with_capacity(cur.len() + 64);
                next.push_str(&cur[..line_start]);
                next.push_str(&" ".repeat(64));
                next.push_str(&cur[line_start..]);
                owned = Some(next);
            }
            Err((msg, idx)) if msg.contains("found unknown escape character") => {
                // goyaml.v2 (`scannerc.go`, `yaml_parser_scan_flow_scalar`) reads `\'` in a
                // double-quoted scalar as `'`; YAML 1.2 does not. `idx` is the opening quote:
                // spell those escapes `\x27` and parse again.
                let byte = cur.char_indices().nth(idx).map(|(b, _)| b).unwrap_or(cur.len());
                let bytes = cur.as_bytes();
                if bytes.get(byte) != Some(&b'"') {
                    return Err(msg);
                }
                let mut next = String::with_capacity(cur.len() + 64);
                next.push_str(&cur[..=byte]);
                let mut end = byte + 1;
                let mut changed = false;
                while end < bytes.len() && bytes[end] != b'"' {
                    if bytes[end] == b'\\' && bytes.get(end + 1) == Some(&b'\'') {
                        next.push_str("\\x27");
                        changed = true;
                        end += 2;
                    } else if bytes[end] == b'\\' && end + 1 < bytes.len() {
                        let n = cur[end + 1..].chars().next().map_or(1, char::len_utf8);
                        next.push_str(&cur[end..end + 1 + n]);
                        end += 1 + n;
                    } else {
                        let n = cur[end..].chars().next().map_or(1, char::len_utf8);
                        next.push_str(&cur[end..end + n]);
                        end += n;
                    }
                }
                if !changed {
                    return Err(msg);
                }
                next.push_str(&cur[end.min(cur.len())..]);
                owned = Some(next);
            }
            Err((msg, _)) => return Err(msg),
            Ok(y) => return Ok(y),
        }
    }
    parse_first_doc(owned.as_deref().unwrap_or(text)).map_err(|(m, _)| m)
}

/// All documents (for `fromYamlArray`-like uses and tests).
fn parse_first_doc(text: &str) -> Result<Y, (String, usize)> {
    let mut stack: Vec<(Y, Option<Y>, Option<usize>)> = Vec::new();
    let mut anchors: HashMap<usize, Y> = HashMap::new();
    let mut root: Option<Y> = None;
    for item in Parser::new_from_str(text) {
        let (event, span) = item
            .map_err(|e| (go_yaml_error(text, e.marker().line(), e.marker().index(), e.info()), e.marker().index()))?;
        let _ = span;
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentStart(_) => continue,
            Event::DocumentEnd => {
                if root.is_some() {
                    break;
                }
                root = Some(Y::Null);
                break;
            }
            Event::MappingStart(..) | Event::SequenceStart(..) if stack.len() >= MAX_DEPTH => {
                return Err((format!("yaml: exceeded max depth of {MAX_DEPTH}"), 0));
            }
            Event::MappingStart(anchor, _) => {
                stack.push((Y::Map(Vec::new()), None, (anchor > 0).then_some(anchor)));
                continue;
            }
            Event::SequenceStart(anchor, _) => {
                stack.push((Y::Seq(Vec::new()), None, (anchor > 0).then_some(anchor)));
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let Some((node, _, anchor)) = stack.pop() else { continue };
                let node = if let Y::Map(entries) = node { Y::Map(apply_merge(entries)) } else { node };
                if let Some(a) = anchor {
                    anchors.insert(a, node.clone());
                }
                node
            }
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix));
                let node = resolve_scalar(&text, style, tag.as_deref());
                if anchor > 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Alias(id) => anchors.get(&id).cloned().unwrap_or(Y::Null),
        };
        match stack.last_mut() {
            Some((Y::Map(entries), key, _)) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
            Some((Y::Seq(items), _, _)) => items.push(node),
            Some(_) => {}
            None => {
                root = Some(node);
            }
        }
    }
    Ok(root.unwrap_or(Y::Null))
}

/// Whether the character at `idx` is inside a flow collection (`[`/`{` not closed), skipping
/// quoted scalars and comments.
fn in_flow(text: &str, idx: usize) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = ' ';
    for (i, c) in text.chars().enumerate() {
        if i >= idx {
            break;
        }
        if comment {
            if c == '\n' {
                comment = false;
            }
            prev = c;
            continue;
        }
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                '#' if prev == ' ' || prev == '\n' || prev == '\t' => comment = true,
                '"' | '\'' if depth > 0 || matches!(prev, ' ' | ':' | '\n' | '[' | '{' | ',') => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                _ => {}
            },
        }
        prev = c;
    }
    depth > 0
}

/// goyaml.v2's wording of a syntax error: libyaml's problem without its context, `line N: `
/// from the problem's 0-based line for parser errors and 1-based for scanner errors, left out
/// on the first line.
fn go_yaml_error(text: &str, line: usize, index: usize, info: &str) -> String {
    let mut msg = info.to_string();
    if msg.starts_with("while ")
        && let Some(c) = msg.find(", ")
    {
        msg = msg[c + 2..].to_string();
    }
    if msg == "found unknown anchor" {
        let name: String =
            text.chars().skip(index + 1).take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c)).collect();
        return format!("yaml: unknown anchor '{name}' referenced");
    }
    if msg.starts_with("tabs disallowed") {
        msg = "found character that cannot start any token".into();
    }
    if msg.starts_with("expected ',' or") {
        msg = format!("did not find {msg}");
    }
    let parser_error = msg.starts_with("did not find expected") || msg.starts_with("found undefined tag handle");
    let go_line = if parser_error {
        line.saturating_sub(1)
    } else if line > 1 {
        line
    } else {
        0
    };
    if go_line == 0 { format!("yaml: {msg}") } else { format!("yaml: line {go_line}: {msg}") }
}

/// `<<` merge keys (goyaml.v2 supports them when decoding).
fn apply_merge(entries: Vec<(Y, Y)>) -> Vec<(Y, Y)> {
    if !entries.iter().any(|(k, _)| matches!(k, Y::Str(s) if s == "<<")) {
        return entries;
    }
    let mut out: Vec<(Y, Y)> = Vec::new();
    let mut merged: Vec<(Y, Y)> = Vec::new();
    for (k, v) in entries {
        if matches!(&k, Y::Str(s) if s == "<<") {
            match v {
                Y::Map(m) => merged.extend(m),
                Y::Seq(items) => {
                    for it in items {
                        if let Y::Map(m) = it {
                            merged.extend(m);
                        }
                    }
                }
                _ => {}
            }
        } else {
            out.push((k, v));
        }
    }
    let mut result = merged;
    result.extend(out);
    result
}

/// goyaml.v2 `resolve`: plain scalars by YAML 1.1 rules; quoted ones are strings.
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&str>) -> Y {
    if let Some(tag) = tag {
        let t = tag.trim_start_matches("tag:yaml.org,2002:").trim_start_matches("!!");
        match t {
            "str" => return Y::Str(text.to_string()),
            "int" | "float" | "bool" | "null" => {}
            _ => {}
        }
    }
    if style != ScalarStyle::Plain {
        return Y::Str(text.to_string());
    }
    resolve_plain(text)
}

/// Resolves a plain scalar (goyaml.v2 `resolve.go`).
fn resolve_plain(s: &str) -> Y {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Y::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => return Y::Bool(true),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            return Y::Bool(false);
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Y::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Y::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Y::Float(f64::NAN),
        _ => {}
    }
    let first = s.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return Y::Str(s.to_string());
    }
    let plain = s.replace('_', "");
    if let Some(i) = go_parse_int(&plain) {
        return Y::Int(i);
    }
    if let Some(u) = go_parse_uint(&plain) {
        return Y::Uint(u);
    }
    if is_yaml_float(&plain)
        && let Ok(f) = plain.parse::<f64>()
    {
        return Y::Float(f);
    }
    if let Some(rest) = plain.strip_prefix("0b") {
        if let Ok(i) = i64::from_str_radix(rest, 2) {
            return Y::Int(i);
        }
    } else if let Some(rest) = plain.strip_prefix("-0b")
        && let Ok(i) = i64::from_str_radix(rest, 2)
    {
        return Y::Int(-i);
    }
    Y::Str(s.to_string())
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let fs = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if int_digits == 0 && i == fs {
            return false;
        }
    } else if int_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let es = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == es {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseInt(s, 0, 64)`.
pub fn go_parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let u = go_parse_uint_base0(body)?;
    if neg {
        if u <= (i64::MAX as u64) + 1 { Some((u as i128).wrapping_neg() as i64) } else { None }
    } else if u <= i64::MAX as u64 {
        Some(u as i64)
    } else {
        None
    }
}

fn go_parse_uint(s: &str) -> Option<u64> {
    go_parse_uint_base0(s)
}

pub(crate) fn go_parse_uint_base0(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let (radix, digits) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (2, r)
    } else if s.len() > 1 && s.starts_with('0') {
        (8, &s[1..])
    } else {
        (10, s)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

/// YAML → JSON → `interface{}`: keys as strings, numbers as float64.
fn to_json_value(y: &Y) -> Value {
    match y {
        Y::Null => Value::Nil,
        Y::Bool(b) => Value::Bool(*b),
        Y::Int(i) => Value::Float(*i as f64),
        Y::Uint(u) => Value::Float(*u as f64),
        Y::Float(f) => Value::Float(*f),
        Y::Str(s) => Value::str(s.as_str()),
        Y::Seq(items) => Value::list(items.iter().map(to_json_value).collect()),
        Y::Map(entries) => {
            let mut m = BTreeMap::new();
            for (k, v) in entries {
                m.insert(key_string(k), to_json_value(v));
            }
            Value::map(m)
        }
    }
}

fn key_string(k: &Y) -> String {
    match k {
        Y::Null => "null".into(),
        Y::Bool(b) => b.to_string(),
        Y::Int(i) => i.to_string(),
        Y::Uint(u) => u.to_string(),
        Y::Float(f) => format_float_g(*f, 21),
        Y::Str(s) => s.clone(),
        Y::Seq(_) | Y::Map(_) => fmt_v_float(0.0),
    }
}

// ---------------------------------------------------------------------------------------------
// Emission (toYaml)
// ---------------------------------------------------------------------------------------------

/// What goyaml.v2 decodes the JSON into before emitting it.
enum E {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<E>),
    Map(Vec<(String, E)>),
}

/// Helm's `toYaml` (without its final newline trimmed: the caller trims).
pub fn to_yaml(v: &Value) -> String {
    emit(to_e(v, false), false)
}

/// Helm's `toYamlPretty`: goyaml.v3's encoder with indent 2 on the values themselves (no JSON
/// round trip: float64 stays a float), sequences indented under their key, no line wrapping.
pub fn to_yaml_pretty(v: &Value) -> String {
    emit(to_e(v, true), true)
}

fn emit(e: E, pretty: bool) -> String {
    let mut em = Emitter { out: String::new(), column: 0, width: if pretty { usize::MAX } else { BEST_WIDTH }, pretty };
    let top_indent =
        if matches!(e, E::Map(ref m) if !m.is_empty()) || matches!(e, E::Seq(ref s) if !s.is_empty()) { 0 } else { 2 };
    em.node(&e, top_indent, Ctx::Top);
    if !em.out.ends_with('\n') {
        em.out.push('\n');
    }
    em.out
}

fn to_e(v: &Value, pretty: bool) -> E {
    match v {
        Value::Nil => E::Null,
        Value::Bool(b) => E::Bool(*b),
        Value::Int(i) | Value::I64(i) => E::Int(*i as i128),
        Value::Float(f) if pretty => E::Float(*f),
        Value::Float(f) => {
            // encoding/json text, then goyaml.v2 resolution of that text.
            let text = crate::json::float_json(*f);
            match resolve_plain(&text) {
                Y::Int(i) => E::Int(i as i128),
                Y::Uint(u) => E::Int(u as i128),
                _ => E::Float(*f),
            }
        }
        Value::Str(s) => E::Str(s.to_string()),
        Value::Bytes(b) => E::Str(base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &**b)),
        Value::List(l) => E::Seq(l.iter().map(|x| to_e(x, pretty)).collect()),
        Value::Map(m) => {
            let mut entries: Vec<(String, E)> = m.borrow().iter().map(|(k, v)| (k.clone(), to_e(v, pretty))).collect();
            entries.sort_by(|a, b| key_order(&a.0, &b.0));
            E::Map(entries)
        }
        Value::Obj(_) => match crate::json::obj_to_value(v) {
            Some(x) => to_e(&x, pretty),
            None => E::Null,
        },
    }
}

/// goyaml.v2 `keyList.Less` for string keys: letters after non-letters, digit runs compared
/// numerically.
pub fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    if less(a, b) {
        Ordering::Less
    } else if less(b, a) {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

fn less(a: &str, b: &str) -> bool {
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    let mut i = 0;
    while i < ar.len() && i < br.len() {
        if ar[i] == br[i] {
            i += 1;
            continue;
        }
        let al = ar[i].is_alphabetic();
        let bl = br[i].is_alphabetic();
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return bl;
        }
        let mut an: i64 = 0;
        let mut bn: i64 = 0;
        if ar[i] == '0' || br[i] == '0' {
            let mut j = i;
            while j > 0 && ar[j - 1].is_ascii_digit() {
                j -= 1;
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && ar[ai].is_ascii_digit() {
            an = an.wrapping_mul(10).wrapping_add(ar[ai] as i64 - '0' as i64);
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && br[bi].is_ascii_digit() {
            bn = bn.wrapping_mul(10).wrapping_add(br[bi] as i64 - '0' as i64);
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Top,
    MapValue,
    SeqItem,
}

struct Emitter {
    out: String,
    column: usize,
    width: usize,
    pretty: bool,
}

const BEST_WIDTH: usize = 80;

impl Emitter {
    fn write(&mut self, s: &str) {
        for c in s.chars() {
            if c == '\n' {
                self.column = 0;
            } else {
                self.column += 1;
            }
        }
        self.out.push_str(s);
    }

    fn newline_indent(&mut self, indent: usize) {
        self.write("\n");
        self.write(&" ".repeat(indent));
    }

    /// Emits a node; the cursor is where the node starts (after `key:` or `- ` or at top).
    fn node(&mut self, e: &E, indent: usize, ctx: Ctx) {
        match e {
            E::Map(entries) if !entries.is_empty() => {
                let mut first = true;
                for (k, v) in entries {
                    if first {
                        if ctx == Ctx::MapValue {
                            self.newline_indent(indent);
                        }
                        first = false;
                    } else {
                        self.newline_indent(indent);
                    }
                    let key_simple = k.chars().count() <= 128 && !k.contains('\n');
                    if key_simple {
                        self.scalar(k, indent, true);
                        self.write(":");
                    } else {
                        self.write("? ");
                        self.scalar(k, indent + 2, false);
                        self.newline_indent(indent);
                        self.write(":");
                    }
                    match v {
                        E::Map(m) if !m.is_empty() => self.node(v, indent + 2, Ctx::MapValue),
                        E::Seq(s) if !s.is_empty() => {
                            let at = if self.pretty { indent + 2 } else { indent };
                            self.node(v, at, Ctx::MapValue)
                        }
                        _ => {
                            self.write(" ");
                            self.node(v, indent + 2, Ctx::MapValue);
                        }
                    }
                }
            }
            E::Seq(items) if !items.is_empty() => {
                let mut first = true;
                for it in items {
                    if first {
                        if ctx == Ctx::MapValue {
                            self.newline_indent(indent);
                        }
                        first = false;
                    } else {
                        self.newline_indent(indent);
                    }
                    self.write("-");
                    match it {
                        E::Map(m) if !m.is_empty() => {
                            self.write(" ");
                            self.node(it, indent + 2, Ctx::SeqItem);
                        }
                        E::Seq(s) if !s.is_empty() => {
                            self.write(" ");
                            self.node(it, indent + 2, Ctx::SeqItem);
                        }
                        _ => {
                            self.write(" ");
                            self.node(it, indent + 2, Ctx::SeqItem);
                        }
                    }
                }
            }
            E::Map(_) => self.write("{}"),
            E::Seq(_) => self.write("[]"),
            E::Null => self.write("null"),
            E::Bool(b) => self.write(if *b { "true" } else { "false" }),
            E::Int(i) => self.write(&i.to_string()),
            E::Float(f) => {
                let s = if f.is_infinite() {
                    if *f > 0.0 { ".inf".to_string() } else { "-.inf".to_string() }
                } else if f.is_nan() {
                    ".nan".to_string()
                } else {
                    format_float_g(*f, 6)
                };
                self.write(&s)
            }
            E::Str(s) => self.scalar(s, indent, false),
        }
    }

    /// A string scalar with goyaml.v2's style choice. `indent` is the block indentation for
    /// continuation lines.
    fn scalar(&mut self, s: &str, indent: usize, simple_key: bool) {
        let can_plain = matches!(resolve_plain_for_emit(s), Y::Str(_)) && !is_base60_float(s);
        let mut style = if s.contains('\n') {
            Style::Literal
        } else if can_plain {
            Style::Plain
        } else {
            Style::Double
        };
        let a = analyze(s);
        if simple_key && a.multiline {
            style = Style::Double;
        }
        if style == Style::Plain {
            if !a.block_plain_allowed || (s.is_empty() && simple_key) {
                style = Style::Single;
            }
            if s.is_empty() {
                style = Style::Single;
            }
        }
        if style == Style::Single && !a.single_quoted_allowed {
            style = Style::Double;
        }
        if style == Style::Literal && (!a.block_allowed || simple_key) {
            style = Style::Double;
        }
        match style {
            Style::Plain => self.write_plain(s, indent, !simple_key),
            Style::Single => self.write_single(s, indent, !simple_key),
            Style::Double => self.write_double(s, indent, !simple_key),
            Style::Literal => self.write_literal(s, indent),
        }
    }

    fn write_plain(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks && !spaces && self.column > self.width && !next_space {
                    self.newline_indent(indent);
                } else {
                    self.write(" ");
                }
                spaces = true;
            } else {
                let mut b = [0u8; 4];
                self.write(c.encode_utf8(&mut b));
                spaces = false;
            }
        }
    }

    fn write_single(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        self.write("'");
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        let mut breaks = false;
        for (i, &c) in chars.iter().enumerate() {
            if is_break(c) {
                if !breaks && c == '\n' {
                    self.write("\n");
                }
                let mut b = [0u8; 4];
                self.out.push_str(c.encode_utf8(&mut b));
                self.column = 0;
                breaks = true;
                continue;
            }
            if breaks {
                self.write(&" ".repeat(indent));
                breaks = false;
            }
            if c == ' ' {
                let next_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks && !spaces && self.column > self.width && i != 0 && i != chars.len() - 1 && !next_space
                {
                    self.newline_indent(indent);
                } else {
                    self.write(" ");
                }
                spaces = true;
            } else {
                if c == '\'' {
                    self.write("'");
                }
                let mut b = [0u8; 4];
                self.write(c.encode_utf8(&mut b));
                spaces = false;
            }
        }
        self.write("'");
    }

    fn write_double(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        self.write("\"");
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if !is_printable(c) || c == '\u{FEFF}' || is_break(c) || c == '"' || c == '\\' {
                let esc = match c {
                    '\0' => "\\0".to_string(),
                    '\u{7}' => "\\a".into(),
                    '\u{8}' => "\\b".into(),
                    '\t' => "\\t".into(),
                    '\n' => "\\n".into(),
                    '\u{B}' => "\\v".into(),
                    '\u{C}' => "\\f".into(),
                    '\r' => "\\r".into(),
                    '\u{1B}' => "\\e".into(),
                    '"' => "\\\"".into(),
                    '\\' => "\\\\".into(),
                    '\u{85}' => "\\N".into(),
                    '\u{A0}' => "\\_".into(),
                    '\u{2028}' => "\\L".into(),
                    '\u{2029}' => "\\P".into(),
                    c if (c as u32) <= 0xFF => format!("\\x{:02X}", c as u32),
                    c if (c as u32) <= 0xFFFF => format!("\\u{:04X}", c as u32),
                    c => format!("\\U{:08X}", c as u32),
                };
                self.write(&esc);
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > self.width && i != 0 && i != chars.len() - 1 {
                    self.newline_indent(indent);
                    if chars.get(i + 1) == Some(&' ') {
                        self.write("\\");
                    }
                } else {
                    self.write(" ");
                }
                spaces = true;
            } else {
                let mut b = [0u8; 4];
                self.write(c.encode_utf8(&mut b));
                spaces = false;
            }
        }
        self.write("\"");
    }

    fn write_literal(&mut self, s: &str, indent: usize) {
        self.write("|");
        if s.starts_with(' ') || s.starts_with('\n') {
            self.write("2");
        }
        // chomping
        if !s.ends_with('\n') {
            self.write("-");
        } else if s.len() == 1 || s[..s.len() - 1].ends_with('\n') {
            self.write("+");
        }
        let body = s.strip_suffix('\n').unwrap_or(s);
        let _ = body;
        // Each line: indent + text; empty lines have no indentation.
        let mut breaks = true;
        self.write("\n");
        let mut pending_indent = true;
        for c in s.chars() {
            if c == '\n' {
                self.write("\n");
                pending_indent = true;
                breaks = true;
            } else {
                if pending_indent {
                    self.write(&" ".repeat(indent));
                    pending_indent = false;
                }
                let mut b = [0u8; 4];
                self.write(c.encode_utf8(&mut b));
                breaks = false;
            }
        }
        let _ = breaks;
        // The emitter ends after the final break; remove a trailing newline we'd double.
        if self.out.ends_with('\n') {
            self.out.pop();
            self.column = self.out.len() - self.out.rfind('\n').map(|i| i + 1).unwrap_or(0);
        }
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

fn resolve_plain_for_emit(s: &str) -> Y {
    if s.is_empty() {
        return Y::Null;
    }
    if is_timestamp(s) {
        return Y::Null;
    }
    resolve_plain(s)
}

/// goyaml.v2 `parseTimestamp`: `2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00` (`T` or `t`) and
/// `2006-1-2 15:4:5.999999999` resolve to timestamps, so `toYaml` quotes such strings.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let i = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if i != 4 || i == b.len() || b[i] != b'-' {
        return false;
    }
    fn num(b: &[u8], at: &mut usize, min: usize, max: usize) -> Option<u32> {
        let start = *at;
        while *at < b.len() && b[*at].is_ascii_digit() && *at - start < max {
            *at += 1;
        }
        if *at - start < min {
            return None;
        }
        std::str::from_utf8(&b[start..*at]).ok()?.parse().ok()
    }
    let mut at = 0;
    let Some(year) = num(b, &mut at, 4, 4) else { return false };
    at += 1;
    let Some(month) = num(b, &mut at, 1, 2) else { return false };
    if at >= b.len() || b[at] != b'-' {
        return false;
    }
    at += 1;
    let Some(day) = num(b, &mut at, 1, 2) else { return false };
    if !(1..=12).contains(&month) || day < 1 {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let dim = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1];
    if day > dim {
        return false;
    }
    if at == b.len() {
        return true;
    }
    let sep = b[at];
    if !matches!(sep, b'T' | b't' | b' ') {
        return false;
    }
    at += 1;
    let time_ok = |at: &mut usize| -> bool {
        let Some(h) = num(b, at, 1, 2) else { return false };
        if *at >= b.len() || b[*at] != b':' {
            return false;
        }
        *at += 1;
        let Some(m) = num(b, at, 1, 2) else { return false };
        if *at >= b.len() || b[*at] != b':' {
            return false;
        }
        *at += 1;
        let Some(sec) = num(b, at, 1, 2) else { return false };
        if h > 23 || m > 59 || sec > 59 {
            return false;
        }
        if *at < b.len() && b[*at] == b'.' {
            *at += 1;
            let st = *at;
            while *at < b.len() && b[*at].is_ascii_digit() {
                *at += 1;
            }
            if *at == st {
                return false;
            }
        }
        true
    };
    if !time_ok(&mut at) {
        return false;
    }
    if sep == b' ' {
        return at == b.len();
    }
    // zone: Z or ±hh:mm
    if at < b.len() && b[at] == b'Z' {
        return at + 1 == b.len();
    }
    if at < b.len() && (b[at] == b'+' || b[at] == b'-') {
        let z = &s[at + 1..];
        let zb = z.as_bytes();
        return zb.len() == 5 && zb[2] == b':' && zb[..2].iter().chain(&zb[3..]).all(|c| c.is_ascii_digit());
    }
    false
}

/// goyaml.v2 `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() {
        return false;
    }
    let c = b[0];
    if !(c == b'+' || c == b'-' || c.is_ascii_digit()) || !s.contains(':') {
        return false;
    }
    let mut i = 0;
    if b[i] == b'+' || b[i] == b'-' {
        i += 1;
    }
    if i >= b.len() || !b[i].is_ascii_digit() {
        return false;
    }
    i += 1;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while i < b.len() && b[i] == b':' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 2 {
            i += 1;
        }
        let n = i - start;
        if n == 0 || (n == 2 && b[start] > b'5') {
            return false;
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// goyaml.v2's `is_printable` (on UTF-8 bytes): no NEL and nothing beyond the BMP.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    u == 0x0A
        || (0x20..=0x7E).contains(&u)
        || (0xA0..=0xD7FF).contains(&u)
        || ((0xE000..=0xFFFD).contains(&u) && u != 0xFEFF)
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blankz(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c == ' ' || c == '\t' || is_break(c) || c == '\0',
    }
}

struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

/// libyaml `yaml_emitter_analyze_scalar` (block context).
fn analyze(s: &str) -> Analysis {
    if s.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let chars: Vec<char> = s.chars().collect();
    let mut block_indicators = false;
    let mut line_breaks = false;
    let mut special = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;
    let mut previous_space = false;
    let mut previous_break = false;
    if s.starts_with("---") || s.starts_with("...") {
        block_indicators = true;
    }
    let mut preceded_by_ws = true;
    let mut followed_by_ws = is_blankz(chars.get(1).copied());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(c) {
                block_indicators = true;
            }
            if (c == '?' || c == ':') && followed_by_ws {
                block_indicators = true;
            }
            if c == '-' && followed_by_ws {
                block_indicators = true;
            }
        } else {
            if c == ':' && followed_by_ws {
                block_indicators = true;
            }
            if c == '#' && preceded_by_ws {
                block_indicators = true;
            }
        }
        if !is_printable(c) || c == '\u{FEFF}' {
            special = true;
        }
        if is_break(c) {
            line_breaks = true;
        }
        if c == ' ' {
            if i == 0 {
                leading_space = true;
            }
            if i == chars.len() - 1 {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            if i == 0 {
                leading_break = true;
            }
            if i == chars.len() - 1 {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_break = true;
            previous_space = false;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_ws = is_blankz(Some(c)) || c == '\t';
        followed_by_ws = is_blankz(chars.get(i + 2).copied());
    }
    let mut a = Analysis {
        multiline: line_breaks,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
        a.block_allowed = false;
    }
    if line_breaks {
        a.block_plain_allowed = false;
    }
    if block_indicators {
        a.block_plain_allowed = false;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_continuation_at_parent_indent() {
        for (text, want) in [
            ("    a: '{x\n\n    '\n    b: 1\n", "map[a:{x\n b:1]"),
            ("a:\n  b: 'x\n  y'\n", "map[a:map[b:x y]]"),
            ("a: \"p\\\"q\n\"\n", "map[a:p\"q ]"),
            // goyaml.v2 reads `\'` in double quotes as `'` (checked against Helm 4.2.3's fromYaml)
            ("a: \"it\\'s \\\\'\"\nb: \"\\'\"\n", "map[a:it's \\' b:']"),
            ("v:\n  args: [\n    \"x\",\n    \"y\"\n  ]\n  k: 1\n", "map[v:map[args:[x y] k:1]]"),
        ] {
            assert_eq!(parse_helm_yaml(text).unwrap().to_go_string(), want, "{text:?}");
        }
    }

    #[test]
    fn yaml_1_1_scalars() {
        let v = parse_helm_yaml("a: yes\nb: 010\nc: 0x1F\nd: 1e3\ne: ~\nf: 2024-04-01\ny: 1000000\n").unwrap();
        assert_eq!(v.to_go_string(), "map[a:true b:8 c:31 d:1000 e:<nil> f:2024-04-01 true:1e+06]");
    }
}
