//! `values.schema.json` checks as Helm 4.2.3 runs them before rendering
//! (`pkg/chart/common/util/jsonschema.go`, `santhosh-tekuri/jsonschema/v6`): the chart's schema
//! against its coalesced values, each subchart's against its part. Supported keywords: `type`,
//! `required`, `properties`, `additionalProperties`, `items`, `enum`, `const`, `minimum`,
//! `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength`, `pattern`,
//! `minItems`, `maxItems`, `allOf`, `patternProperties`, local `$ref` (remote ones accept
//! anything). Errors read `- at '/a/b': message`.

use serde_json::Value as J;

use crate::value::Value;

/// Validates `values` against a schema text; returns the error lines (empty when valid).
pub fn validate(schema_text: &[u8], values: &Value) -> Result<Vec<String>, String> {
    let schema: J = serde_json::from_slice(schema_text).map_err(|e| e.to_string())?;
    let mut errs = Vec::new();
    check(&schema, &schema, values, "", &mut errs, 0);
    let mut lines = Vec::new();
    for e in &errs {
        print(e, 0, &mut lines);
    }
    Ok(lines)
}

/// A failed check: a keyword's message, or a location where several checks failed.
enum Err {
    Leaf(String, String),
    Group(String, Vec<Err>),
}

fn print(e: &Err, indent: usize, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    match e {
        Err::Leaf(at, msg) => out.push(format!("{pad}- at '{at}': {msg}")),
        Err::Group(at, children) => {
            out.push(format!("{pad}- at '{at}': validation failed"));
            for c in children {
                print(c, indent + 2, out);
            }
        }
    }
}

/// Checks one schema node; several failures under a non-root node become one group.
fn check(root: &J, s: &J, v: &Value, at: &str, out: &mut Vec<Err>, depth: usize) {
    let mut mine = Vec::new();
    check_node(root, s, v, at, &mut mine, depth);
    if mine.len() > 1 && !at.is_empty() {
        out.push(Err::Group(at.to_string(), mine));
    } else {
        out.extend(mine);
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Nil => "null",
        Value::Bool(_) => "boolean",
        Value::Int(_) | Value::I64(_) => "integer",
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => "integer",
        Value::Float(_) => "number",
        Value::Str(_) => "string",
        Value::List(_) | Value::Bytes(_) => "array",
        _ => "object",
    }
}

fn type_ok(want: &str, v: &Value) -> bool {
    let k = kind(v);
    want == k || (want == "number" && k == "integer")
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) | Value::I64(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn fmt_num(f: f64) -> String {
    crate::value::fmt_v_float(f)
}

fn json_eq(j: &J, v: &Value) -> bool {
    match (j, v) {
        (J::Null, Value::Nil) => true,
        (J::Bool(a), Value::Bool(b)) => a == b,
        (J::Number(n), _) => num(v).is_some_and(|x| n.as_f64() == Some(x)),
        (J::String(s), Value::Str(t)) => s.as_str() == &**t,
        (J::Array(a), Value::List(l)) => a.len() == l.len() && a.iter().zip(l.iter()).all(|(x, y)| json_eq(x, y)),
        (J::Object(o), Value::Map(m)) => {
            let m = m.borrow();
            o.len() == m.len() && o.iter().all(|(k, x)| m.get(k).is_some_and(|y| json_eq(x, y)))
        }
        _ => false,
    }
}

fn resolve<'a>(root: &'a J, r: &str) -> Option<&'a J> {
    let p = r.strip_prefix('#')?;
    root.pointer(p)
}

fn check_node(root: &J, s: &J, v: &Value, at: &str, errs: &mut Vec<Err>, depth: usize) {
    if depth > 64 {
        return;
    }
    let J::Object(s) = s else {
        if *s == J::Bool(false) {
            errs.push(Err::Leaf(at.to_string(), "false schema".to_string()));
        }
        return;
    };
    if let Some(J::String(r)) = s.get("$ref")
        && let Some(t) = resolve(root, r)
    {
        check(root, t, v, at, errs, depth + 1);
    }
    if let Some(t) = s.get("type") {
        let wants: Vec<&str> = match t {
            J::String(w) => vec![w.as_str()],
            J::Array(a) => a.iter().filter_map(J::as_str).collect(),
            _ => Vec::new(),
        };
        if !wants.is_empty() && !wants.iter().any(|w| type_ok(w, v)) {
            let got = if matches!(v, Value::Float(f) if f.fract() != 0.0) { "number" } else { kind(v) };
            errs.push(Err::Leaf(at.to_string(), format!("got {got}, want {}", wants.join(" or "))));
            return;
        }
    }
    if let Some(J::Array(e)) = s.get("enum")
        && !e.iter().any(|x| json_eq(x, v))
    {
        let vals: Vec<String> = e
            .iter()
            .map(|x| match x {
                J::String(s) => format!("'{s}'"),
                o => o.to_string(),
            })
            .collect();
        errs.push(Err::Leaf(at.to_string(), format!("value must be one of {}", vals.join(", "))));
    }
    if let Some(c) = s.get("const")
        && !json_eq(c, v)
    {
        let want = match c {
            J::String(s) => format!("'{s}'"),
            o => o.to_string(),
        };
        errs.push(Err::Leaf(at.to_string(), format!("value must be {want}")));
    }
    if let Some(x) = num(v) {
        if let Some(m) = s.get("minimum").and_then(J::as_f64)
            && x < m
        {
            errs.push(Err::Leaf(at.to_string(), format!("minimum: got {}, want {}", fmt_num(x), fmt_num(m))));
        }
        if let Some(m) = s.get("maximum").and_then(J::as_f64)
            && x > m
        {
            errs.push(Err::Leaf(at.to_string(), format!("maximum: got {}, want {}", fmt_num(x), fmt_num(m))));
        }
        if let Some(m) = s.get("exclusiveMinimum").and_then(J::as_f64)
            && x <= m
        {
            errs.push(Err::Leaf(at.to_string(), format!("exclusiveMinimum: got {}, want {}", fmt_num(x), fmt_num(m))));
        }
        if let Some(m) = s.get("exclusiveMaximum").and_then(J::as_f64)
            && x >= m
        {
            errs.push(Err::Leaf(at.to_string(), format!("exclusiveMaximum: got {}, want {}", fmt_num(x), fmt_num(m))));
        }
    }
    if let Value::Str(t) = v {
        let n = t.chars().count() as u64;
        if let Some(m) = s.get("minLength").and_then(J::as_u64)
            && n < m
        {
            errs.push(Err::Leaf(at.to_string(), format!("minLength: got {n}, want {m}")));
        }
        if let Some(m) = s.get("maxLength").and_then(J::as_u64)
            && n > m
        {
            errs.push(Err::Leaf(at.to_string(), format!("maxLength: got {n}, want {m}")));
        }
        if let Some(J::String(p)) = s.get("pattern")
            && let Ok(re) = regex::Regex::new(p)
            && !re.is_match(t)
        {
            errs.push(Err::Leaf(at.to_string(), format!("'{t}' does not match pattern '{p}'")));
        }
    }
    if let Value::List(l) = v {
        let n = l.len() as u64;
        if let Some(m) = s.get("minItems").and_then(J::as_u64)
            && n < m
        {
            errs.push(Err::Leaf(at.to_string(), format!("minItems: got {n}, want {m}")));
        }
        if let Some(m) = s.get("maxItems").and_then(J::as_u64)
            && n > m
        {
            errs.push(Err::Leaf(at.to_string(), format!("maxItems: got {n}, want {m}")));
        }
        if let Some(items) = s.get("items")
            && items.is_object()
        {
            for (i, x) in l.iter().enumerate() {
                check(root, items, x, &format!("{at}/{i}"), errs, depth + 1);
            }
        }
    }
    if let Value::Map(m) = v {
        let m = m.borrow();
        if let Some(J::Array(req)) = s.get("required") {
            let missing: Vec<String> =
                req.iter().filter_map(J::as_str).filter(|k| !m.contains_key(*k)).map(|k| format!("'{k}'")).collect();
            match missing.len() {
                0 => {}
                1 => errs.push(Err::Leaf(at.to_string(), format!("missing property {}", missing[0]))),
                _ => errs.push(Err::Leaf(at.to_string(), format!("missing properties {}", missing.join(", ")))),
            }
        }
        let props = s.get("properties").and_then(J::as_object);
        if let Some(props) = props {
            for (k, ps) in props {
                if let Some(x) = m.get(k) {
                    check(root, ps, x, &format!("{at}/{}", escape(k)), errs, depth + 1);
                }
            }
        }
        // patternProperties: matching keys are checked against each matching schema
        let patterns: Vec<(regex::Regex, &J)> = s
            .get("patternProperties")
            .and_then(J::as_object)
            .map(|pp| pp.iter().filter_map(|(p, sch)| regex::Regex::new(p).ok().map(|r| (r, sch))).collect())
            .unwrap_or_default();
        for (k, x) in m.iter() {
            for (re, sch) in &patterns {
                if re.is_match(k) {
                    check(root, sch, x, &format!("{at}/{}", escape(k)), errs, depth + 1);
                }
            }
        }
        let additional =
            |k: &String| !props.is_some_and(|p| p.contains_key(k)) && !patterns.iter().any(|(re, _)| re.is_match(k));
        match s.get("additionalProperties") {
            Some(J::Bool(false)) => {
                let extra: Vec<String> = m.keys().filter(|k| additional(k)).map(|k| format!("'{k}'")).collect();
                if !extra.is_empty() {
                    errs.push(Err::Leaf(
                        at.to_string(),
                        format!("additional properties {} not allowed", extra.join(", ")),
                    ));
                }
            }
            Some(ap @ J::Object(_)) => {
                for (k, x) in m.iter() {
                    if additional(k) {
                        check(root, ap, x, &format!("{at}/{}", escape(k)), errs, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(J::Array(all)) = s.get("allOf") {
        for sub in all {
            check(root, sub, v, at, errs, depth + 1);
        }
    }
}

fn escape(k: &str) -> String {
    k.replace('~', "~0").replace('/', "~1")
}
