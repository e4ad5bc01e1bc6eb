//! User values as `helm template` takes them: `--values` files merged in order and `--set`
//! assignments applied on top.
//!
//! Upstream: Helm `pkg/cli/values/options.go` (`MergeValues`, `mergeMaps`) and
//! `pkg/strvals/parser.go` (`ParseInto`: `a.b=c,d[0]=e`, `{x,y}` lists, `\` escapes, typed
//! values: `true`/`false`, `null`, integers not starting with 0).

use std::collections::BTreeMap;

use crate::value::Value;

/// `mergeMaps(base, current)`: maps merge recursively, anything else replaces.
pub fn merge_maps(base: &Value, current: &Value) -> Value {
    let mut out = match base {
        Value::Map(m) => m.borrow().clone(),
        _ => BTreeMap::new(),
    };
    if let Value::Map(c) = current {
        for (k, v) in c.borrow().iter() {
            let merged = match (out.get(k), v) {
                (Some(b @ Value::Map(_)), Value::Map(_)) => merge_maps(b, v),
                _ => v.clone(),
            };
            out.insert(k.clone(), merged);
        }
    }
    Value::map(out)
}

/// Reads a `--values` file the way Helm does (YAML into a map; empty is an empty map).
pub fn parse_values_file(name: &str, text: &str) -> Result<Value, String> {
    match crate::yaml::parse_helm_yaml(text) {
        Ok(v @ Value::Map(_)) => Ok(v),
        Ok(Value::Nil) => Ok(Value::map(BTreeMap::new())),
        Ok(_) => Err(format!("failed to parse {name}: error unmarshaling JSON: not a map")),
        Err(e) => Err(format!("failed to parse {name}: error converting YAML to JSON: {e}")),
    }
}

fn typed(v: &str) -> Value {
    if v.eq_ignore_ascii_case("true") {
        return Value::Bool(true);
    }
    if v.eq_ignore_ascii_case("false") {
        return Value::Bool(false);
    }
    if v.eq_ignore_ascii_case("null") {
        return Value::Nil;
    }
    if v == "0" {
        return Value::I64(0);
    }
    if !v.is_empty()
        && !v.starts_with('0')
        && let Ok(i) = v.parse::<i64>()
    {
        return Value::I64(i);
    }
    Value::str(v)
}

/// Splits on an unescaped separator, keeping `\` escapes for the next stage.
fn split_unescaped(s: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '{' => {
                depth += 1;
                cur.push(c);
            }
            '}' => {
                depth -= 1;
                cur.push(c);
            }
            c if c == sep && depth == 0 => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn set_path(target: &Value, path: &[String], value: Value) -> Value {
    let Some((first, rest)) = path.split_first() else { return value };
    // name[idx]
    let (name, index) = match first.find('[') {
        Some(i) if first.ends_with(']') => {
            (first[..i].to_string(), first[i + 1..first.len() - 1].parse::<usize>().ok())
        }
        _ => (first.clone(), None),
    };
    let mut m = match target {
        Value::Map(m) => m.borrow().clone(),
        _ => BTreeMap::new(),
    };
    let existing = m.get(&name).cloned().unwrap_or_default();
    let new = match index {
        Some(i) => {
            let mut l = existing.as_list().unwrap_or_default();
            while l.len() <= i {
                l.push(Value::Nil);
            }
            l[i] = set_path(&l[i], rest, value);
            Value::list(l)
        }
        None => set_path(&existing, rest, value),
    };
    if rest.is_empty() && index.is_none() && matches!(new, Value::Nil) {
        m.insert(name, Value::Nil);
    } else {
        m.insert(name, new);
    }
    Value::map(m)
}

/// Applies one `--set` argument (`a.b=c,d=e`) to `values`.
pub fn apply_set(values: &Value, arg: &str) -> Result<Value, String> {
    let mut v = values.clone();
    for assignment in split_unescaped(arg, ',') {
        if assignment.is_empty() {
            continue;
        }
        let Some((key, raw)) = assignment.split_once('=') else {
            return Err(format!("key {:?} has no value", unescape(&assignment)));
        };
        let path: Vec<String> = split_unescaped(key, '.').iter().map(|p| unescape(p)).collect();
        let val = if raw.starts_with('{') && raw.ends_with('}') {
            Value::list(split_unescaped(&raw[1..raw.len() - 1], ',').iter().map(|x| typed(&unescape(x))).collect())
        } else {
            typed(&unescape(raw))
        };
        v = set_path(&v, &path, val);
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_merge() {
        let base = parse_values_file("a", "a: {b: 1, c: 2}\nl: [1]\n").unwrap();
        let over = parse_values_file("b", "a: {c: 3}\nl: [9]\n").unwrap();
        let m = merge_maps(&base, &over);
        let m = apply_set(&m, "a.d=true,x[1]=07,y={p,q},name=a\\,b,n=12").unwrap();
        assert_eq!(m.to_go_string(), "map[a:map[b:1 c:3 d:true] l:[9] n:12 name:a,b x:[<nil> 07] y:[p q]]");
    }
}
