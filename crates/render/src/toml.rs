//! Helm's `toToml` (`github.com/BurntSushi/toml` encoder) for maps of scalars, lists and
//! nested tables: scalars first, then sub-tables as `[a.b]` sections.

use crate::value::{Value, fmt_v_float};

/// Encodes a map as TOML; other values encode to an empty string, as the encoder errors.
pub fn to_toml(v: &Value) -> String {
    let mut out = String::new();
    if let Value::Map(_) = v {
        table(&mut out, v, &[]);
    }
    out
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
            let s = fmt_v_float(*f);
            if s.contains(['.', 'e', 'n', 'N', 'I']) { s } else { format!("{s}.0") }
        }
        Value::Str(s) => crate::funcs::go_quote(s),
        Value::List(l) => {
            let parts: Option<Vec<String>> = l.iter().map(scalar).collect();
            format!("[{}]", parts?.join(", "))
        }
        _ => return None,
    })
}

fn table(out: &mut String, v: &Value, path: &[String]) {
    let Value::Map(m) = v else { return };
    let m = m.borrow();
    let indent = "  ".repeat(path.len());
    for (k, x) in m.iter() {
        if let Some(s) = scalar(x) {
            out.push_str(&format!("{indent}{} = {s}\n", key(k)));
        }
    }
    for (k, x) in m.iter() {
        if let Value::Map(_) = x {
            let mut p = path.to_vec();
            p.push(key(k));
            let ind = "  ".repeat(p.len() - 1);
            out.push_str(&format!("\n{ind}[{}]\n", p.join(".")));
            table(out, x, &p);
        }
    }
}
