//! Helm's `toToml` (`github.com/BurntSushi/toml` encoder): in each table the plain keys first,
//! then sub-tables and arrays of tables, each group sorted; a blank line before top-level
//! tables and before each `[[array]]` entry; nested keys indented two spaces per level; `nil`
//! values left out; numbers from YAML are float64 (`1.0`).

use crate::value::{Value, fmt_v_float};

/// Encodes a value as TOML.
pub fn to_toml(v: &Value) -> String {
    let mut enc = Enc { out: String::new() };
    match v {
        Value::Map(_) => enc.table(&[], v),
        other => {
            if let Some(s) = scalar(other) {
                enc.out.push_str(&s);
            }
        }
    }
    enc.out
}

fn key(k: &str) -> String {
    if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        k.to_string()
    } else {
        crate::funcs::go_quote(k)
    }
}

fn scalar(v: &Value) -> Option<String> {
    Some(match v {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) | Value::I64(i) => i.to_string(),
        Value::Float(f) => {
            if f.is_nan() {
                "nan".into()
            } else if f.is_infinite() {
                if *f > 0.0 { "inf".into() } else { "-inf".into() }
            } else {
                let s = fmt_v_float(*f);
                if s.contains(['.', 'e']) { s } else { format!("{s}.0") }
            }
        }
        Value::Str(s) => crate::funcs::go_quote(s),
        Value::List(l) => {
            let parts: Option<Vec<String>> = l.iter().filter(|x| !matches!(x, Value::Nil)).map(scalar).collect();
            format!("[{}]", parts?.join(", "))
        }
        _ => return None,
    })
}

fn is_table_array(v: &Value) -> bool {
    matches!(v, Value::List(l) if !l.is_empty() && l.iter().all(|x| matches!(x, Value::Map(_))))
}

struct Enc {
    out: String,
}

impl Enc {
    fn newline(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    fn table(&mut self, path: &[String], v: &Value) {
        let Value::Map(m) = v else { return };
        let entries: Vec<(String, Value)> = m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let indent = "  ".repeat(path.len());
        for (k, x) in &entries {
            if matches!(x, Value::Map(_) | Value::Nil) || is_table_array(x) {
                continue;
            }
            if let Some(s) = scalar(x) {
                self.out.push_str(&format!("{indent}{} = {s}\n", key(k)));
            }
        }
        for (k, x) in &entries {
            let mut p = path.to_vec();
            p.push(key(k));
            let header_indent = "  ".repeat(p.len() - 1);
            if let Value::Map(_) = x {
                if p.len() == 1 {
                    self.newline();
                }
                self.out.push_str(&format!("{header_indent}[{}]\n", p.join(".")));
                self.table(&p, x);
            } else if is_table_array(x)
                && let Value::List(l) = x
            {
                for t in l.iter() {
                    self.newline();
                    self.out.push_str(&format!("{header_indent}[[{}]]\n", p.join(".")));
                    self.table(&p, t);
                }
            }
        }
    }
}

/// Helm's `fromToml` (BurntSushi decoding into `map[string]interface{}`): integers are
/// `int64`, floats `float64`. Supports key/value pairs (bare, quoted and dotted keys), tables,
/// arrays of tables, strings (basic, literal, multi-line), numbers, booleans, arrays and inline
/// tables. Errors read `toml: line N: …`.
pub fn from_toml(text: &str) -> Result<Value, String> {
    use std::collections::BTreeMap;
    let root = Value::map(BTreeMap::new());
    let mut current = root.clone();
    let mut p = P { s: text.as_bytes(), i: 0, line: 1 };
    loop {
        p.skip_ws_comments_newlines();
        if p.i >= p.s.len() {
            break;
        }
        if p.s[p.i] == b'[' {
            let array = p.s.get(p.i + 1) == Some(&b'[');
            p.i += if array { 2 } else { 1 };
            p.skip_ws();
            let path = p.key_path()?;
            p.skip_ws();
            let close: &[u8] = if array { b"]]" } else { b"]" };
            if !p.s[p.i..].starts_with(close) {
                return Err(p.err("expected ']'"));
            }
            p.i += close.len();
            current = descend(&root, &path, array).ok_or_else(|| p.err("key conflict"))?;
            continue;
        }
        let path = p.key_path()?;
        p.skip_ws();
        if p.s.get(p.i) != Some(&b'=') {
            return Err(p.err("expected '='"));
        }
        p.i += 1;
        p.skip_ws();
        let v = p.value(0)?;
        let (last, parents) = path.split_last().ok_or_else(|| p.err("empty key"))?;
        let target = descend(&current, parents, false).ok_or_else(|| p.err("key conflict"))?;
        if let Value::Map(m) = &target {
            m.borrow_mut().insert(last.clone(), v);
        }
    }
    Ok(root)
}

fn descend(from: &Value, path: &[String], array: bool) -> Option<Value> {
    use std::collections::BTreeMap;
    let mut cur = from.clone();
    for (n, k) in path.iter().enumerate() {
        let Value::Map(m) = &cur else { return None };
        let last = n == path.len() - 1;
        let existing = m.borrow().get(k).cloned();
        let next = match existing {
            Some(Value::List(l)) if !last || !array => l.last().cloned()?,
            Some(Value::List(l)) => {
                let t = Value::map(BTreeMap::new());
                let mut v = l.to_vec();
                v.push(t.clone());
                m.borrow_mut().insert(k.clone(), Value::list(v));
                t
            }
            Some(v @ Value::Map(_)) => v,
            Some(_) => return None,
            None if last && array => {
                let t = Value::map(BTreeMap::new());
                m.borrow_mut().insert(k.clone(), Value::list(vec![t.clone()]));
                t
            }
            None => {
                let t = Value::map(BTreeMap::new());
                m.borrow_mut().insert(k.clone(), t.clone());
                t
            }
        };
        cur = next;
    }
    Some(cur)
}

struct P<'a> {
    s: &'a [u8],
    i: usize,
    line: usize,
}

impl P<'_> {
    fn err(&self, m: &str) -> String {
        format!("toml: line {}: {m}", self.line)
    }
    fn skip_ws(&mut self) {
        while self.i < self.s.len() && (self.s[self.i] == b' ' || self.s[self.i] == b'\t') {
            self.i += 1;
        }
    }
    fn skip_ws_comments_newlines(&mut self) {
        loop {
            self.skip_ws();
            match self.s.get(self.i) {
                Some(b'#') => {
                    while self.i < self.s.len() && self.s[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                Some(b'\n') => {
                    self.line += 1;
                    self.i += 1;
                }
                Some(b'\r') => self.i += 1,
                _ => return,
            }
        }
    }
    fn key_path(&mut self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            let k = match self.s.get(self.i) {
                Some(b'"') | Some(b'\'') => match self.value(0)? {
                    Value::Str(s) => s.to_string(),
                    _ => return Err(self.err("bad key")),
                },
                _ => {
                    let st = self.i;
                    while self.i < self.s.len()
                        && (self.s[self.i].is_ascii_alphanumeric() || b"_-".contains(&self.s[self.i]))
                    {
                        self.i += 1;
                    }
                    if st == self.i {
                        return Err(self.err("expected a key"));
                    }
                    String::from_utf8_lossy(&self.s[st..self.i]).into_owned()
                }
            };
            out.push(k);
            self.skip_ws();
            if self.s.get(self.i) == Some(&b'.') {
                self.i += 1;
                continue;
            }
            return Ok(out);
        }
    }
    fn value(&mut self, depth: usize) -> Result<Value, String> {
        use std::collections::BTreeMap;
        if depth > 100 {
            return Err(self.err("nesting too deep"));
        }
        let rest = &self.s[self.i..];
        if rest.starts_with(b"\"\"\"") || rest.starts_with(b"'''") {
            let q = &rest[..3];
            let body_start = self.i + 3;
            let end =
                self.s[body_start..].windows(3).position(|w| w == q).ok_or_else(|| self.err("unterminated string"))?;
            let mut body = String::from_utf8_lossy(&self.s[body_start..body_start + end]).into_owned();
            self.line += body.matches('\n').count();
            self.i = body_start + end + 3;
            if body.starts_with('\n') {
                body.remove(0);
            }
            return Ok(Value::str(if q == b"\"\"\"" { unescape(&body) } else { body }));
        }
        match rest.first() {
            Some(b'"') => {
                let mut j = self.i + 1;
                while j < self.s.len() && self.s[j] != b'"' {
                    if self.s[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                if j >= self.s.len() {
                    return Err(self.err("unterminated string"));
                }
                let body = String::from_utf8_lossy(&self.s[self.i + 1..j]).into_owned();
                self.i = j + 1;
                Ok(Value::str(unescape(&body)))
            }
            Some(b'\'') => {
                let j = self.s[self.i + 1..]
                    .iter()
                    .position(|b| *b == b'\'')
                    .ok_or_else(|| self.err("unterminated string"))?;
                let body = String::from_utf8_lossy(&self.s[self.i + 1..self.i + 1 + j]).into_owned();
                self.i += j + 2;
                Ok(Value::str(body))
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws_comments_newlines();
                    if self.s.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Ok(Value::list(items));
                    }
                    items.push(self.value(depth + 1)?);
                    self.skip_ws_comments_newlines();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {}
                        _ => return Err(self.err("expected ',' or ']'")),
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let t = Value::map(BTreeMap::new());
                loop {
                    self.skip_ws();
                    if self.s.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        return Ok(t);
                    }
                    let path = self.key_path()?;
                    self.skip_ws();
                    if self.s.get(self.i) != Some(&b'=') {
                        return Err(self.err("expected '='"));
                    }
                    self.i += 1;
                    self.skip_ws();
                    let v = self.value(depth + 1)?;
                    let (last, parents) = path.split_last().ok_or_else(|| self.err("empty key"))?;
                    if let Some(Value::Map(m)) = descend(&t, parents, false) {
                        m.borrow_mut().insert(last.clone(), v);
                    }
                    self.skip_ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
            }
            _ => {
                let st = self.i;
                while self.i < self.s.len() && !b" \t\r\n,]}#".contains(&self.s[self.i]) {
                    self.i += 1;
                }
                let word = String::from_utf8_lossy(&self.s[st..self.i]).replace('_', "");
                match word.as_str() {
                    "true" => Ok(Value::Bool(true)),
                    "false" => Ok(Value::Bool(false)),
                    "inf" | "+inf" => Ok(Value::Float(f64::INFINITY)),
                    "-inf" => Ok(Value::Float(f64::NEG_INFINITY)),
                    "nan" | "+nan" | "-nan" => Ok(Value::Float(f64::NAN)),
                    w => {
                        if let Some(i) = crate::yaml::go_parse_int(w).filter(|_| {
                            !w.starts_with('0')
                                || w.len() == 1
                                || w.starts_with("0x")
                                || w.starts_with("0o")
                                || w.starts_with("0b")
                        }) {
                            Ok(Value::I64(i))
                        } else if let Ok(f) = w.parse::<f64>() {
                            Ok(Value::Float(f))
                        } else {
                            Ok(Value::str(w))
                        }
                    }
                }
            }
        }
    }
}

fn unescape(s: &str) -> String {
    crate::parse::unquote(&format!("\"{}\"", s.replace('\n', "\\n"))).unwrap_or_else(|| s.to_string())
}
