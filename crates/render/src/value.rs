//! Dynamic values with Go's types as Helm's templates see them (`interface{}` holding
//! `map[string]interface{}`, `[]interface{}`, `string`, `float64`, `int`, `bool`, `nil`), and
//! Go's `fmt` printing of them (`%v`: `map[a:1 b:2]`, `[1 2]`, `<nil>`, `1e+06`).
//!
//! Upstream: Go `fmt/print.go` (`printValue`), `strconv/ftoa.go` (`%v` of a float64 is `%g`
//! with the shortest precision, exponent form from 1e+06 on).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::rc::Rc;

/// A Go map with string keys (`map[string]interface{}`), shared by reference as in Go: Sprig's
/// `set` mutates it in place and every holder sees the change.
pub type Map = Rc<RefCell<BTreeMap<String, Value>>>;

/// A value as a Go template sees it.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// Go's untyped `nil` (an empty interface).
    #[default]
    Nil,
    /// `bool`.
    Bool(bool),
    /// `int`.
    Int(i64),
    /// `int64` (what Sprig's integer arithmetic returns).
    I64(i64),
    /// `float64`: every number read from YAML or JSON, as in Helm.
    Float(f64),
    /// `string`.
    Str(Rc<str>),
    /// `[]byte` (`.Files.GetBytes`, `.Files` entries).
    Bytes(Rc<Vec<u8>>),
    /// `[]interface{}` (also `[]string` for printing purposes).
    List(Rc<Vec<Value>>),
    /// `map[string]interface{}`.
    Map(Map),
    /// A Helm object with methods (`.Files`, `.Capabilities`, …).
    Obj(Rc<Obj>),
}

/// Helm's objects that have methods, not only fields.
#[derive(Debug)]
pub enum Obj {
    /// `.Files`: `map[string][]byte` with Get/GetBytes/Glob/Lines/AsConfig/AsSecrets.
    Files(BTreeMap<String, Rc<Vec<u8>>>),
    /// `.Capabilities` (`*common.Capabilities`).
    Capabilities(Capabilities),
    /// `.Capabilities.KubeVersion` (`common.KubeVersion`).
    KubeVersion(KubeVersion),
    /// `.Capabilities.APIVersions` (`common.VersionSet`).
    VersionSet(Vec<String>),
    /// `.Capabilities.HelmVersion` (`version.BuildInfo`).
    HelmVersion,
    /// A parsed semantic version (Sprig's `semver`, `*semver.Version`).
    Semver(crate::semver::Version),
    /// A `time.Time` (UTC): Unix seconds and nanoseconds.
    Time(i64, u32),
}

/// Helm's `common.Capabilities`.
#[derive(Clone, Debug)]
pub struct Capabilities {
    /// The Kubernetes version.
    pub kube_version: KubeVersion,
    /// API versions the cluster serves (`group/version`), for `.Capabilities.APIVersions.Has`.
    pub api_versions: Vec<String>,
}

/// Helm's `common.KubeVersion`.
#[derive(Clone, Debug)]
pub struct KubeVersion {
    /// As given, with a leading `v` (`GitVersion`, `Version`).
    pub version: String,
    /// `vMAJOR.MINOR.PATCH` (what `String()` prints).
    pub normalized: String,
    /// Major, decimal.
    pub major: String,
    /// Minor, decimal.
    pub minor: String,
}

impl KubeVersion {
    /// Parses like Helm's `ParseKubeVersion` (k8s `ParseGeneric`: `v?MAJOR.MINOR[.PATCH]`,
    /// anything after the numbers ignored for the normalised form).
    pub fn parse(text: &str) -> Option<KubeVersion> {
        let t = text.trim();
        let body = t.strip_prefix('v').unwrap_or(t);
        let end = body.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(body.len());
        let nums: Vec<&str> = body[..end].split('.').collect();
        if nums.len() < 2 || nums.len() > 3 || nums.iter().any(|n| n.is_empty()) {
            return None;
        }
        let parsed: Vec<u64> = nums.iter().map(|n| n.parse().ok()).collect::<Option<_>>()?;
        if nums.len() == 2 && end < body.len() {
            return None;
        }
        let patch = parsed.get(2).copied().unwrap_or(0);
        let git = if t.starts_with('v') { t.to_string() } else { format!("v{t}") };
        Some(KubeVersion {
            version: git,
            normalized: format!("v{}.{}.{}", parsed[0], parsed[1], patch),
            major: parsed[0].to_string(),
            minor: parsed[1].to_string(),
        })
    }
}

impl Value {
    /// A string value.
    pub fn str(s: impl Into<Rc<str>>) -> Value {
        Value::Str(s.into())
    }

    /// A new map value.
    pub fn map(m: BTreeMap<String, Value>) -> Value {
        Value::Map(Rc::new(RefCell::new(m)))
    }

    /// A new list value.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(v))
    }

    /// Go's truthiness (`text/template` `isTrue`): false, 0, "", empty collections and nil are
    /// false.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(i) | Value::I64(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.borrow().is_empty(),
            Value::Obj(o) => match &**o {
                Obj::Files(f) => !f.is_empty(),
                Obj::VersionSet(v) => !v.is_empty(),
                _ => true,
            },
        }
    }

    /// Go's type name as `%T` prints it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "<nil>",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::I64(_) => "int64",
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Bytes(_) => "[]uint8",
            Value::List(_) => "[]interface {}",
            Value::Map(_) => "map[string]interface {}",
            Value::Obj(o) => match &**o {
                Obj::Files(_) => "engine.files",
                Obj::Capabilities(_) => "*common.Capabilities",
                Obj::KubeVersion(_) => "common.KubeVersion",
                Obj::VersionSet(_) => "common.VersionSet",
                Obj::HelmVersion => "version.BuildInfo",
                Obj::Semver(_) => "*semver.Version",
                Obj::Time(..) => "time.Time",
            },
        }
    }

    /// Go's `reflect.Kind` name (Sprig's `kindOf`).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Nil => "invalid",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::I64(_) => "int64",
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Bytes(_) | Value::List(_) => "slice",
            Value::Map(_) => "map",
            Value::Obj(o) => match &**o {
                Obj::Files(_) => "map",
                Obj::Capabilities(_) | Obj::Semver(_) => "ptr",
                Obj::KubeVersion(_) | Obj::HelmVersion | Obj::Time(..) => "struct",
                Obj::VersionSet(_) => "slice",
            },
        }
    }

    /// `%v` as Go's `fmt` prints the value.
    pub fn to_go_string(&self) -> String {
        let mut out = String::new();
        write_go(&mut out, self, true);
        out
    }

    /// Length as Go's `len` sees it, if the value has one.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> Option<usize> {
        match self {
            Value::Str(s) => Some(s.len()),
            Value::Bytes(b) => Some(b.len()),
            Value::List(l) => Some(l.len()),
            Value::Map(m) => Some(m.borrow().len()),
            Value::Obj(o) => match &**o {
                Obj::Files(f) => Some(f.len()),
                Obj::VersionSet(v) => Some(v.len()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The elements of a list-like value (`[]interface{}`, `[]byte` as numbers, version sets).
    pub fn as_list(&self) -> Option<Vec<Value>> {
        match self {
            Value::List(l) => Some(l.to_vec()),
            Value::Bytes(b) => Some(b.iter().map(|x| Value::Int(*x as i64)).collect()),
            Value::Obj(o) => match &**o {
                Obj::VersionSet(v) => Some(v.iter().map(|s| Value::str(s.as_str())).collect()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Deep copy (maps are shared by reference otherwise).
    pub fn deep_copy(&self) -> Value {
        match self {
            Value::List(l) => Value::list(l.iter().map(Value::deep_copy).collect()),
            Value::Map(m) => Value::map(m.borrow().iter().map(|(k, v)| (k.clone(), v.deep_copy())).collect()),
            v => v.clone(),
        }
    }
}

/// `%v` of a float64 as Go's `fmt` prints it: `strconv.FormatFloat(f, 'g', -1, 64)`, the
/// shortest digits that round-trip, in exponent form when the exponent is < -4 or >= 6
/// (`1e+06`, `123456`, `1.5e-05`).
pub fn fmt_v_float(f: f64) -> String {
    format_float_g(f, 6)
}

/// Shortest `'g'` formatting with the given exponent threshold (Go's `eprec`).
pub fn format_float_g(f: f64, eprec: i32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf".into() } else { "-Inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let (neg, digits, exp) = shortest_digits(f);
    let nd = digits.len() as i32;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if exp < -4 || exp >= eprec {
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.abs();
        if a < 10 {
            out.push('0');
        }
        let _ = write!(out, "{a}");
    } else {
        out.push_str(&fixed_from_digits(&digits, exp));
    }
    out
}

/// The shortest round-trip decimal digits of a finite non-zero float: (negative, digits,
/// decimal exponent of the first digit).
pub fn shortest_digits(f: f64) -> (bool, String, i32) {
    let e = format!("{:e}", f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (neg, digits, exp)
}

/// Digits placed as a plain decimal (no exponent).
pub fn fixed_from_digits(digits: &str, exp: i32) -> String {
    let mut out = String::new();
    if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(digits);
    } else {
        let int_len = (exp + 1) as usize;
        if digits.len() <= int_len {
            out.push_str(digits);
            for _ in 0..(int_len - digits.len()) {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

fn write_go(out: &mut String, v: &Value, top: bool) {
    match v {
        Value::Nil => out.push_str("<nil>"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) | Value::I64(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&fmt_v_float(*f)),
        Value::Str(s) => out.push_str(s),
        Value::Bytes(b) => {
            out.push('[');
            for (i, x) in b.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{x}");
            }
            out.push(']');
        }
        Value::List(l) => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_go(out, x, false);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push_str("map[");
            for (i, (k, x)) in m.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_go(out, x, false);
            }
            out.push(']');
        }
        Value::Obj(o) => match &**o {
            Obj::Files(f) => {
                out.push_str("map[");
                for (i, (k, x)) in f.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(k);
                    out.push(':');
                    write_go(out, &Value::Bytes(x.clone()), false);
                }
                out.push(']');
            }
            Obj::Capabilities(c) => {
                let _ = top;
                out.push('{');
                write_kube(out, &c.kube_version);
                out.push_str(" [");
                out.push_str(&c.api_versions.join(" "));
                out.push_str("] ");
                out.push_str(HELM_VERSION_PRINTED);
                out.push('}');
            }
            // a copied struct: fmt has no `String()` (it has a pointer receiver)
            Obj::KubeVersion(k) => write_kube(out, k),
            Obj::VersionSet(v) => {
                out.push('[');
                out.push_str(&v.join(" "));
                out.push(']');
            }
            Obj::HelmVersion => out.push_str(HELM_VERSION_PRINTED),
            Obj::Time(secs, nanos) => out.push_str(&crate::gotime::time_string(*secs, *nanos)),
            Obj::Semver(s) => {
                let _ = write!(out, "{}.{}.{}", s.major, s.minor, s.patch);
                if !s.pre.is_empty() {
                    let _ = write!(out, "-{}", s.pre);
                }
                if !s.metadata.is_empty() {
                    let _ = write!(out, "+{}", s.metadata);
                }
            }
        },
    }
}

fn write_kube(out: &mut String, k: &KubeVersion) {
    let _ = write!(out, "{{{} {} {} {}}}", k.version, k.normalized, k.major, k.minor);
}

/// How Helm 4.2.3 (the oracle's build) prints `.Capabilities.HelmVersion`.
pub const HELM_VERSION_PRINTED: &str = "{v4.2   go1.26.6 v1.36}";
