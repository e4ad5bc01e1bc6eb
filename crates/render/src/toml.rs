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
