//! JSON as Go's `encoding/json` writes and reads it (Helm's `toJson`, `fromJson`).
//!
//! Upstream: Go `encoding/json/encode.go` (sorted map keys, `<`, `>`, `&`, U+2028 and U+2029
//! escaped, float64 in `'f'` form unless the exponent is < -6 or >= 21) and `decode.go`
//! (numbers decode to float64).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::value::{Obj, Value, fixed_from_digits, shortest_digits};

/// A float64 as `encoding/json` writes it.
pub fn float_json(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    if !f.is_finite() {
        return "null".into();
    }
    let abs = f.abs();
    let (neg, digits, exp) = shortest_digits(f);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if !(1e-6..1e21).contains(&abs) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let _ = write!(out, "{}", exp.abs());
    } else {
        out.push_str(&fixed_from_digits(&digits, exp));
    }
    out
}

/// `json.Marshal` of a value.
pub fn to_json(v: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, v);
    out
}

fn write_json(out: &mut String, v: &Value) {
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) | Value::I64(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&float_json(*f)),
        Value::Str(s) => write_json_str(out, s),
        Value::Bytes(b) => {
            write_json_str(out, &base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &**b))
        }
        Value::List(l) => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, x);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, x)) in m.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_str(out, k);
                out.push(':');
                write_json(out, x);
            }
            out.push('}');
        }
        Value::Obj(o) => match &**o {
            // structs encode their fields in declaration order
            Obj::KubeVersion(k) => {
                out.push_str("{\"Version\":");
                write_json_str(out, &k.version);
                out.push_str(",\"Major\":");
                write_json_str(out, &k.major);
                out.push_str(",\"Minor\":");
                write_json_str(out, &k.minor);
                out.push('}');
            }
            // version.BuildInfo: `json:"version,omitempty"` … (empty fields left out)
            Obj::HelmVersion => {
                out.push_str(r#"{"version":"v4.2","go_version":"go1.26.6","kube_client_version":"v1.36"}"#)
            }
            Obj::Capabilities(c) => {
                out.push_str("{\"KubeVersion\":");
                write_json(out, &Value::Obj(std::rc::Rc::new(Obj::KubeVersion(c.kube_version.clone()))));
                out.push_str(",\"APIVersions\":");
                write_json(out, &Value::Obj(std::rc::Rc::new(Obj::VersionSet(c.api_versions.clone()))));
                out.push_str(",\"HelmVersion\":");
                write_json(out, &Value::Obj(std::rc::Rc::new(Obj::HelmVersion)));
                out.push('}');
            }
            _ => match obj_to_value(v) {
                Some(x) => write_json(out, &x),
                None => out.push_str("null"),
            },
        },
    }
}

/// A Go string as `encoding/json` quotes it (HTML-safe).
pub fn write_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Helm objects as the maps `encoding/json` would produce from their exported fields.
pub fn obj_to_value(v: &Value) -> Option<Value> {
    let Value::Obj(o) = v else { return None };
    Some(match &**o {
        Obj::Files(f) => Value::map(f.iter().map(|(k, b)| (k.clone(), Value::Bytes(b.clone()))).collect()),
        Obj::KubeVersion(k) => Value::map(BTreeMap::from([
            ("Version".to_string(), Value::str(k.version.as_str())),
            ("Major".to_string(), Value::str(k.major.as_str())),
            ("Minor".to_string(), Value::str(k.minor.as_str())),
        ])),
        Obj::VersionSet(vs) => Value::list(vs.iter().map(|s| Value::str(s.as_str())).collect()),
        Obj::Capabilities(c) => Value::map(BTreeMap::from([
            (
                "KubeVersion".to_string(),
                obj_to_value(&Value::Obj(std::rc::Rc::new(Obj::KubeVersion(c.kube_version.clone()))))?,
            ),
            ("APIVersions".to_string(), Value::list(c.api_versions.iter().map(|s| Value::str(s.as_str())).collect())),
            ("HelmVersion".to_string(), helm_version_map()),
        ])),
        Obj::HelmVersion => helm_version_map(),
        Obj::Semver(s) => Value::str(s.original.as_str()),
        Obj::Time(secs, nanos) => {
            Value::str(crate::gotime::format(*secs, *nanos, "2006-01-02T15:04:05.999999999Z07:00"))
        }
    })
}

fn helm_version_map() -> Value {
    Value::map(BTreeMap::from([
        ("version".to_string(), Value::str("v4.2")),
        ("go_version".to_string(), Value::str("go1.26.6")),
        ("kube_client_version".to_string(), Value::str("v1.36")),
    ]))
}

/// `json.Unmarshal` into `interface{}`.
pub fn from_json(text: &str) -> Result<Value, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| go_json_error(text, &e))?;
    Ok(convert(&v))
}

fn convert(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
        serde_json::Value::String(s) => Value::str(s.as_str()),
        serde_json::Value::Array(a) => Value::list(a.iter().map(convert).collect()),
        serde_json::Value::Object(o) => Value::map(o.iter().map(|(k, v)| (k.clone(), convert(v))).collect()),
    }
}

/// `encoding/json`'s wording for the common syntax errors.
fn go_json_error(text: &str, e: &serde_json::Error) -> String {
    if e.is_eof() {
        return "unexpected end of JSON input".into();
    }
    // serde counts columns in characters from 1
    let line_start: usize = text.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum();
    let rest = &text[line_start.min(text.len())..];
    let c = rest.chars().nth(e.column().saturating_sub(1));
    match c {
        Some(c) if e.to_string().starts_with("expected value") => {
            format!("invalid character {} looking for beginning of value", go_quote_char(c))
        }
        Some(c) if e.to_string().starts_with("trailing characters") => {
            format!("invalid character {} after top-level value", go_quote_char(c))
        }
        _ => e.to_string(),
    }
}

fn go_quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".into(),
        '"' => "'\"'".into(),
        c => format!("'{c}'"),
    }
}
