//! Template functions: Go's builtins (`text/template/funcs.go`), Sprig v3
//! (`Masterminds/sprig` `functions.go`, `strings.go`, `list.go`, `dict.go`, `numeric.go`,
//! `defaults.go`, `regex.go`, `semver.go`, `crypto.go`) and Helm's (`pkg/engine/funcs.go`,
//! `engine.go`: `required`, `fail`, `toYaml`, `fromYaml`, `toJson`, `lookup`, …).
//!
//! Functions of chance and time (`randAlphaNum`, `uuidv4`, `now`, …) work from the injected
//! seed and clock in [`Env`] and mark the render as not reproducible.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::rc::Rc;

use crate::exec::GoErr;
use crate::value::{Obj, Value, fmt_v_float};

/// Helm's `recursionMaxNums` for `include`.
pub const RECURSION_MAX: usize = 1000;

/// The environment of one render: recursion counters, caps, notes and injected chance/time.
pub struct Env {
    /// `include` counts by template name.
    pub included: HashMap<String, usize>,
    /// Output cap per template, in bytes.
    pub max_output: usize,
    /// Nesting cap for `template`/`include`/`tpl` calls.
    pub max_nesting: usize,
    /// A chance or time function ran.
    pub nondeterministic: bool,
    /// `lookup` ran (it returns an empty map offline).
    pub used_lookup: bool,
    /// Names of chance/time functions used.
    pub used: Vec<String>,
    /// PRNG state (xorshift), seeded by the caller.
    pub rng: u64,
    /// Seconds since the Unix epoch for `now`.
    pub now_unix: i64,
    /// `tpl` texts already parsed, by (template name, text): the tree and its `define`s. At
    /// most [`TPL_CACHE_BYTES`] of text is kept.
    pub tpl_cache: HashMap<(String, String), TplParsed>,
    /// The bytes of text in `tpl_cache`.
    pub tpl_cache_bytes: usize,
    /// `derivePassword`'s scrypt keys by (password, user): at most [`MAX_KEY_DERIVATIONS`].
    pub master_keys: Vec<((String, String), [u8; 64])>,
}

/// A parsed `tpl` text: its tree and the trees of its `define`s.
pub type TplParsed = (Rc<crate::parse::Tree>, Vec<Rc<crate::parse::Tree>>);

/// The most bytes of `tpl` text [`Env::tpl_cache`] keeps (charts call `tpl` on the same value
/// text in every template; parsing it once is a large part of their render time).
pub const TPL_CACHE_BYTES: usize = 4 << 20;

/// The most distinct `derivePassword` (password, user) pairs one render may derive a key for:
/// each costs 32 MiB and about 0.1 s of scrypt, so a template looping over users is cut off
/// (Helm has no such bound; no real chart comes close).
pub const MAX_KEY_DERIVATIONS: usize = 8;

impl Env {
    /// A fresh environment.
    pub fn new(seed: u64, now_unix: i64, max_output: usize) -> Env {
        Env {
            included: HashMap::new(),
            max_output,
            max_nesting: crate::exec::MAX_NESTING,
            nondeterministic: false,
            used_lookup: false,
            used: Vec::new(),
            rng: seed | 1,
            now_unix,
            master_keys: Vec::new(),
            tpl_cache: HashMap::new(),
            tpl_cache_bytes: 0,
        }
    }
    fn rand(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        x
    }
    fn mark(&mut self, name: &str) {
        self.nondeterministic = true;
        if !self.used.iter().any(|n| n == name) {
            self.used.push(name.to_string());
        }
    }
}

/// A function's failure.
pub enum FnErr {
    /// The function returned an error (or panicked): `error calling NAME: …`.
    Call(GoErr),
    /// Argument conversion failed before the call (`wrong type for value; …`).
    Arg(String),
}

type F = Result<Value, FnErr>;

fn call_err(msg: impl Into<String>) -> FnErr {
    FnErr::Call(GoErr::new(msg))
}

/// Every function name a template may use (parse-time check, Go's `function %q not defined`).
pub fn is_defined(name: &str) -> bool {
    NAMES.contains(&name)
}

const NAMES: &[&str] = &[
    // Go builtins
    "and",
    "or",
    "not",
    "len",
    "index",
    "slice",
    "print",
    "printf",
    "println",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "html",
    "js",
    "urlquery",
    "call",
    // Sprig
    "abbrev",
    "abbrevboth",
    "add",
    "add1",
    "add1f",
    "addf",
    "adler32sum",
    "ago",
    "all",
    "any",
    "append",
    "atoi",
    "b32dec",
    "b32enc",
    "b64dec",
    "b64enc",
    "base",
    "bcrypt",
    "biggest",
    "buildCustomCert",
    "camelcase",
    "cat",
    "ceil",
    "chunk",
    "clean",
    "coalesce",
    "compact",
    "concat",
    "contains",
    "date",
    "dateInZone",
    "dateModify",
    "date_in_zone",
    "date_modify",
    "decryptAES",
    "deepCopy",
    "deepEqual",
    "default",
    "derivePassword",
    "dict",
    "dig",
    "dir",
    "div",
    "divf",
    "duration",
    "durationRound",
    "empty",
    "encryptAES",
    "ext",
    "fail",
    "first",
    "float64",
    "floor",
    "fromJson",
    "genCA",
    "genCAWithKey",
    "genPrivateKey",
    "genSelfSignedCert",
    "genSelfSignedCertWithKey",
    "genSignedCert",
    "genSignedCertWithKey",
    "get",
    "getHostByName",
    "has",
    "hasKey",
    "hasPrefix",
    "hasSuffix",
    "hello",
    "htmlDate",
    "htmlDateInZone",
    "htpasswd",
    "indent",
    "initial",
    "initials",
    "int",
    "int64",
    "isAbs",
    "join",
    "kebabcase",
    "keys",
    "kindIs",
    "kindOf",
    "last",
    "list",
    "lower",
    "max",
    "maxf",
    "merge",
    "mergeOverwrite",
    "min",
    "minf",
    "mod",
    "mul",
    "mulf",
    "mustAppend",
    "mustChunk",
    "mustCompact",
    "mustDateModify",
    "mustDeepCopy",
    "mustFirst",
    "mustFromJson",
    "mustHas",
    "mustInitial",
    "mustLast",
    "mustMerge",
    "mustMergeOverwrite",
    "mustPrepend",
    "mustPush",
    "mustRegexFind",
    "mustRegexFindAll",
    "mustRegexMatch",
    "mustRegexReplaceAll",
    "mustRegexReplaceAllLiteral",
    "mustRegexSplit",
    "mustRest",
    "mustReverse",
    "mustSlice",
    "mustToDate",
    "mustToJson",
    "mustToPrettyJson",
    "mustToRawJson",
    "mustUniq",
    "mustWithout",
    "must_date_modify",
    "nindent",
    "nospace",
    "now",
    "omit",
    "osBase",
    "osClean",
    "osDir",
    "osExt",
    "osIsAbs",
    "pick",
    "pluck",
    "plural",
    "prepend",
    "push",
    "quote",
    "randAlpha",
    "randAlphaNum",
    "randAscii",
    "randBytes",
    "randInt",
    "randNumeric",
    "regexFind",
    "regexFindAll",
    "regexMatch",
    "regexQuoteMeta",
    "regexReplaceAll",
    "regexReplaceAllLiteral",
    "regexSplit",
    "repeat",
    "replace",
    "rest",
    "reverse",
    "round",
    "semver",
    "semverCompare",
    "seq",
    "set",
    "sha1sum",
    "sha256sum",
    "sha512sum",
    "shuffle",
    "snakecase",
    "sortAlpha",
    "split",
    "splitList",
    "splitn",
    "squote",
    "sub",
    "subf",
    "substr",
    "swapcase",
    "ternary",
    "title",
    "toDate",
    "toDecimal",
    "toJson",
    "toPrettyJson",
    "toRawJson",
    "toString",
    "toStrings",
    "trim",
    "trimAll",
    "trimPrefix",
    "trimSuffix",
    "trimall",
    "trunc",
    "tuple",
    "typeIs",
    "typeIsLike",
    "typeOf",
    "uniq",
    "unixEpoch",
    "unset",
    "until",
    "untilStep",
    "untitle",
    "upper",
    "urlJoin",
    "urlParse",
    "uuidv4",
    "values",
    "without",
    "wrap",
    "wrapWith",
    // Helm
    "toToml",
    "mustToToml",
    "fromToml",
    "toYaml",
    "mustToYaml",
    "toYamlPretty",
    "fromYaml",
    "fromYamlArray",
    "mustToJson",
    "fromJsonArray",
    "include",
    "tpl",
    "required",
    "lookup",
];

/// A parameter's Go type, for argument conversion (`evalArg`, `validateType`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum P {
    /// `interface{}`.
    A,
    /// `string`.
    S,
    /// `int`.
    I,
    /// `bool`.
    B,
    /// `map[string]interface{}`.
    M,
    /// `uint32` (`derivePassword`'s counter).
    U32,
    /// `time.Time` (`dateModify`).
    T,
}

impl P {
    /// The type as Go prints it.
    pub fn go_type(self) -> &'static str {
        match self {
            P::A => "interface {}",
            P::S => "string",
            P::I => "int",
            P::B => "bool",
            P::M => "map[string]interface {}",
            P::U32 => "uint32",
            P::T => "time.Time",
        }
    }
}

/// The parameters of a function: fixed ones and the variadic element type, as declared in Go.
pub fn signature(name: &str) -> (&'static [P], Option<P>) {
    use P::*;
    match name {
        "upper" | "lower" | "title" | "untitle" | "trim" | "nospace" | "snakecase" | "camelcase" | "kebabcase"
        | "swapcase" | "initials" | "b64enc" | "b64dec" | "b32enc" | "b32dec" | "sha256sum" | "sha1sum"
        | "sha512sum" | "adler32sum" | "base" | "dir" | "ext" | "clean" | "isAbs" | "osBase" | "osDir" | "osExt"
        | "osClean" | "osIsAbs" | "regexQuoteMeta" | "shuffle" | "fromYaml" | "fromYamlArray" | "fromJson"
        | "fromJsonArray" | "mustFromJson" | "atoi" | "semver" | "fail" | "fromToml" | "bcrypt" | "genPrivateKey"
        | "urlParse" => (&[S], None),
        "trimAll" | "trimall" | "trimPrefix" | "trimSuffix" | "contains" | "hasPrefix" | "hasSuffix" | "splitList"
        | "split" | "regexMatch" | "mustRegexMatch" | "regexFind" | "mustRegexFind" | "semverCompare" | "htpasswd" => {
            (&[S, S], None)
        }
        "replace"
        | "regexReplaceAll"
        | "mustRegexReplaceAll"
        | "regexReplaceAllLiteral"
        | "mustRegexReplaceAllLiteral" => (&[S, S, S], None),
        "regexFindAll" | "mustRegexFindAll" | "regexSplit" | "mustRegexSplit" => (&[S, S, I], None),
        "repeat" | "indent" | "nindent" | "trunc" | "abbrev" | "wrap" => (&[I, S], None),
        "substr" | "abbrevboth" => (&[I, I, S], None),
        "wrapWith" => (&[I, S, S], None),
        "splitn" => (&[S, I, S], None),
        "plural" => (&[S, S, I], None),
        "printf" => (&[S], Some(A)),
        "required" | "include" | "tpl" => (&[S, A], None),
        "lookup" => (&[S, S, S, S], None),
        "ternary" => (&[A, A, B], None),
        "set" => (&[M, S, A], None),
        "unset" | "hasKey" | "get" => (&[M, S], None),
        "pick" | "omit" => (&[M], Some(S)),
        "keys" => (&[], Some(M)),
        "values" => (&[M], None),
        "merge" | "mustMerge" | "mergeOverwrite" | "mustMergeOverwrite" => (&[M], Some(M)),
        "pluck" => (&[S], Some(M)),
        "join" => (&[S, A], None),
        "chunk" | "mustChunk" => (&[I, A], None),
        "until" | "randAlphaNum" | "randAlpha" | "randAscii" | "randNumeric" | "randBytes" => (&[I], None),
        "untilStep" => (&[I, I, I], None),
        "randInt" => (&[I, I], None),
        "genCA" => (&[S, I], None),
        "genCAWithKey" => (&[S, I, S], None),
        "genSelfSignedCert" => (&[S, A, A, I], None),
        "genSelfSignedCertWithKey" => (&[S, A, A, I, S], None),
        "genSignedCert" => (&[S, A, A, I, A], None),
        "genSignedCertWithKey" => (&[S, A, A, I, A, S], None),
        "buildCustomCert" | "encryptAES" | "decryptAES" => (&[S, S], None),
        "dateModify" | "date_modify" | "mustDateModify" | "must_date_modify" => (&[S, T], None),
        "derivePassword" => (&[U32, S, S, S, S], None),
        "typeIs" | "typeIsLike" | "kindIs" => (&[S, A], None),
        "not" | "len" | "toString" | "toStrings" | "int" | "int64" | "float64" | "toDecimal" | "empty" | "typeOf"
        | "kindOf" | "toYaml" | "mustToYaml" | "toYamlPretty" | "toJson" | "mustToJson" | "toRawJson"
        | "mustToRawJson" | "toPrettyJson" | "mustToPrettyJson" | "toToml" | "mustToToml" | "first" | "mustFirst"
        | "last" | "mustLast" | "rest" | "mustRest" | "initial" | "mustInitial" | "reverse" | "mustReverse"
        | "uniq" | "mustUniq" | "compact" | "mustCompact" | "sortAlpha" | "deepCopy" | "mustDeepCopy" | "add1"
        | "add1f" | "floor" | "ceil" | "getHostByName" | "durationRound" => (&[A], None),
        "ne" | "lt" | "le" | "gt" | "ge" | "has" | "mustHas" | "append" | "push" | "mustAppend" | "mustPush"
        | "prepend" | "mustPrepend" | "sub" | "div" | "mod" | "deepEqual" | "default" => match name {
            "default" => (&[A], Some(A)),
            _ => (&[A, A], None),
        },
        "eq" | "index" | "without" | "mustWithout" | "slice" | "mustSlice" | "round" => (&[A], Some(A)),
        "now" | "uuidv4" | "hello" => (&[], None),
        _ => (&[], Some(A)),
    }
}

// ------------------------------------------------------------------------------------------
// argument conversion (Go's evalArg / validateType)
// ------------------------------------------------------------------------------------------

fn arity(name: &str, args: &[Value], n: usize) -> Result<(), FnErr> {
    if args.len() != n {
        return Err(FnErr::Arg(format!("wrong number of args for {name}: want {n} got {}", args.len())));
    }
    Ok(())
}

fn at_least(name: &str, args: &[Value], n: usize) -> Result<(), FnErr> {
    if args.len() < n {
        return Err(FnErr::Arg(format!("wrong number of args for {name}: want at least {n} got {}", args.len())));
    }
    Ok(())
}

fn s_arg(v: &Value) -> Result<Rc<str>, FnErr> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Nil => Err(FnErr::Arg("invalid value; expected string".into())),
        o => Err(FnErr::Arg(format!("wrong type for value; expected string; got {}", o.type_name()))),
    }
}

fn i_arg(v: &Value, konst: bool) -> Result<i64, FnErr> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Float(f) if konst => Ok(*f as i64),
        Value::Nil => Err(FnErr::Arg("invalid value; expected int".into())),
        o => Err(FnErr::Arg(format!("wrong type for value; expected int; got {}", o.type_name()))),
    }
}

fn b_arg(v: &Value) -> Result<bool, FnErr> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Nil => Err(FnErr::Arg("invalid value; expected bool".into())),
        o => Err(FnErr::Arg(format!("wrong type for value; expected bool; got {}", o.type_name()))),
    }
}

fn m_arg(v: &Value) -> Result<Option<crate::value::Map>, FnErr> {
    match v {
        Value::Map(m) => Ok(Some(m.clone())),
        Value::Nil => Ok(None),
        o => {
            Err(FnErr::Arg(format!("wrong type for value; expected map[string]interface {{}}; got {}", o.type_name())))
        }
    }
}

/// Sprig's `strval`.
pub fn strval(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        o => o.to_go_string(),
    }
}

/// `spf13/cast.ToInt64` (Sprig's `toInt64`).
pub fn to_i64(v: &Value) -> i64 {
    match v {
        Value::Int(i) | Value::I64(i) => *i,
        Value::Float(f) => *f as i64,
        Value::Bool(b) => *b as i64,
        Value::Str(s) => {
            let t = s.trim();
            crate::yaml::go_parse_int(t).or_else(|| t.parse::<f64>().ok().map(|f| f as i64)).unwrap_or(0)
        }
        _ => 0,
    }
}

/// `spf13/cast.ToFloat64`.
pub fn to_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) | Value::I64(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        Value::Str(s) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

fn strslice(v: &Value) -> Vec<String> {
    match v {
        Value::List(l) => l.iter().filter(|x| !matches!(x, Value::Nil)).map(strval).collect(),
        Value::Nil => Vec::new(),
        Value::Obj(_) if v.as_list().is_some() => v.as_list().unwrap_or_default().iter().map(strval).collect(),
        o => vec![strval(o)],
    }
}

fn list_of(v: &Value, what: &str) -> Result<Vec<Value>, FnErr> {
    match v {
        Value::List(l) => Ok(l.to_vec()),
        Value::Nil => Err(call_err(format!("Cannot {what} on type <nil>"))),
        o => o.as_list().ok_or_else(|| call_err(format!("Cannot {what} on type {}", o.type_name()))),
    }
}

/// Go's `strconv.Quote`.
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
                if (c as u32) < 0x10000 {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                } else {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_go_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{85}' | '\u{A0}')
        || (c as u32 > 0xff && c.is_whitespace())
}

// ------------------------------------------------------------------------------------------
// comparison (Go's eq/lt)
// ------------------------------------------------------------------------------------------

#[derive(PartialEq)]
enum Kind {
    Bool,
    Int,
    Float,
    Str,
    Other,
}

fn basic_kind(v: &Value) -> Kind {
    match v {
        Value::Bool(_) => Kind::Bool,
        Value::Int(_) | Value::I64(_) => Kind::Int,
        Value::Float(_) => Kind::Float,
        Value::Str(_) => Kind::Str,
        _ => Kind::Other,
    }
}

fn go_eq(a: &Value, b: &Value) -> Result<bool, String> {
    let (ka, kb) = (basic_kind(a), basic_kind(b));
    if ka != kb {
        if matches!(a, Value::Nil) || matches!(b, Value::Nil) {
            return Ok(false);
        }
        return Err(format!("incompatible types for comparison: {} and {}", a.type_name(), b.type_name()));
    }
    if ka == Kind::Other {
        if matches!(a, Value::Nil) || matches!(b, Value::Nil) {
            return Ok(matches!(a, Value::Nil) == matches!(b, Value::Nil));
        }
        if a.type_name() != b.type_name() {
            return Err(format!(
                "non-comparable types {}: {}, {}: {}",
                sprintf("%s", std::slice::from_ref(a)),
                a.type_name(),
                b.type_name(),
                b.to_go_string()
            ));
        }
        if matches!(b, Value::List(_) | Value::Map(_) | Value::Bytes(_)) {
            return Err(format!("non-comparable type {}: {}", sprintf("%s", std::slice::from_ref(b)), b.type_name()));
        }
        return Ok(a.to_go_string() == b.to_go_string());
    }
    Ok(match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x) | Value::I64(x), Value::Int(y) | Value::I64(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        _ => false,
    })
}

fn go_lt(a: &Value, b: &Value) -> Result<bool, String> {
    let (ka, kb) = (basic_kind(a), basic_kind(b));
    if ka == Kind::Other || kb == Kind::Other || ka == Kind::Bool {
        return Err("invalid type for comparison".into());
    }
    if ka != kb {
        return Err(format!("incompatible types for comparison: {} and {}", a.type_name(), b.type_name()));
    }
    Ok(match (a, b) {
        (Value::Int(x) | Value::I64(x), Value::Int(y) | Value::I64(y)) => x < y,
        (Value::Float(x), Value::Float(y)) => x < y,
        (Value::Str(x), Value::Str(y)) => x < y,
        _ => false,
    })
}

// ------------------------------------------------------------------------------------------
// Go fmt (printf)
// ------------------------------------------------------------------------------------------

/// Go's `fmt` `parsenum`: the decimal number at `chars[*i..]`, advancing `*i`. A number that
/// grows past 1e6 before its last digit is "crazy long": Go gives up and skips to the end of the
/// format (so the verb is missing: `%!(NOVERB)`).
fn parse_num(chars: &[char], i: &mut usize) -> Option<usize> {
    let mut num: usize = 0;
    let mut any = false;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        if num > 1_000_000 {
            *i = chars.len();
            return None;
        }
        num = num * 10 + (chars[*i] as usize - '0' as usize);
        any = true;
        *i += 1;
    }
    any.then_some(num)
}

/// Go's `fmt.Sprintf` for the verbs templates use (`%s %v %d %q %f %x %X %t %T %c %e %g %%`,
/// flags `-+ 0#`, width and precision).
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut ai = 0;
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut minus = false;
        let mut plus = false;
        let mut zero = false;
        let mut sharp = false;
        let mut space = false;
        while i < chars.len() && "-+ 0#".contains(chars[i]) {
            match chars[i] {
                '-' => minus = true,
                '+' => plus = true,
                '0' => zero = true,
                '#' => sharp = true,
                _ => space = true,
            }
            i += 1;
        }
        let mut prec: Option<usize> = None;
        let width = parse_num(&chars, &mut i);
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            prec = Some(parse_num(&chars, &mut i).unwrap_or(0));
        }
        if i >= chars.len() {
            out.push_str("%!(NOVERB)");
            break;
        }
        let verb = chars[i];
        i += 1;
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(ai) else {
            let _ = write!(out, "%!{verb}(MISSING)");
            continue;
        };
        ai += 1;
        let _ = (sharp, space);
        let body = fmt_arg(verb, arg, prec, plus, true);
        let padded = match width {
            Some(w) if body.chars().count() < w => {
                let pad = w - body.chars().count();
                if minus {
                    format!("{body}{}", " ".repeat(pad))
                } else if zero && matches!(verb, 'd' | 'f' | 'x' | 'X' | 'e' | 'g') {
                    let (sign, digits) = if body.starts_with('-') || body.starts_with('+') {
                        body.split_at(1)
                    } else {
                        ("", body.as_str())
                    };
                    format!("{sign}{}{digits}", "0".repeat(pad))
                } else {
                    format!("{}{body}", " ".repeat(pad))
                }
            }
            _ => body,
        };
        out.push_str(&padded);
    }
    if ai < args.len() {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[ai..].iter().map(|a| format!("{}={}", a.type_name(), a.to_go_string())).collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}

/// One operand of `fmt.Sprintf`: composite values apply the verb to each element (and map
/// key); a nil element prints `<nil>`; a verb that does not fit prints `%!v(type=value)`.
fn fmt_arg(verb: char, arg: &Value, prec: Option<usize>, plus: bool, top: bool) -> String {
    match (verb, arg) {
        ('T', v) => v.type_name().to_string(),
        ('v', Value::Nil) => "<nil>".to_string(),
        (_, Value::Nil) if !top => "<nil>".to_string(),
        (_, Value::Nil) => format!("%!{verb}(<nil>)"),
        ('v', v @ (Value::List(_) | Value::Map(_))) if prec.is_none() && !plus => v.to_go_string(),
        (_, Value::List(l)) => {
            let parts: Vec<String> = l.iter().map(|x| fmt_arg(verb, x, prec, plus, false)).collect();
            format!("[{}]", parts.join(" "))
        }
        (_, Value::Map(m)) => {
            let parts: Vec<String> = m
                .borrow()
                .iter()
                .map(|(k, x)| {
                    format!(
                        "{}:{}",
                        fmt_arg(verb, &Value::str(k.as_str()), prec, plus, false),
                        fmt_arg(verb, x, prec, plus, false)
                    )
                })
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        ('v', v) => v.to_go_string(),
        ('s', Value::Str(s)) => match prec {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        },
        ('s', Value::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        ('s', Value::Obj(_)) => arg.to_go_string(),
        ('d', Value::Int(n) | Value::I64(n)) => go_int(*n, 10, false, prec, plus),
        ('q', Value::Str(s)) => go_quote(s),
        ('q', Value::Int(n) | Value::I64(n)) => format!("'{}'", char::from_u32(*n as u32).unwrap_or('\u{FFFD}')),
        ('t', Value::Bool(b)) => b.to_string(),
        ('f' | 'F', Value::Float(f)) => {
            let s = go_fixed(*f, prec.unwrap_or(6));
            if plus && *f >= 0.0 { format!("+{s}") } else { s }
        }
        ('e', Value::Float(f)) => go_exp(*f, prec.unwrap_or(6)),
        ('g', Value::Float(f)) => match prec {
            Some(p) if f.is_finite() => go_g(*f, p),
            _ => fmt_v_float(*f),
        },
        ('x', Value::Int(n) | Value::I64(n)) => go_int(*n, 16, false, prec, plus),
        ('X', Value::Int(n) | Value::I64(n)) => go_int(*n, 16, true, prec, plus),
        ('o', Value::Int(n) | Value::I64(n)) => go_int(*n, 8, false, prec, plus),
        ('b', Value::Int(n) | Value::I64(n)) => go_int(*n, 2, false, prec, plus),
        ('c', Value::Int(n) | Value::I64(n)) => char::from_u32(*n as u32).map(String::from).unwrap_or_default(),
        ('x', Value::Str(s)) => s.bytes().map(|b| format!("{b:02x}")).collect(),
        ('X', Value::Str(s)) => s.bytes().map(|b| format!("{b:02X}")).collect(),
        (v, a) => format!("%!{v}({}={})", a.type_name(), a.to_go_string()),
    }
}

fn go_exp(f: f64, prec: usize) -> String {
    // Past EXACT_DIGITS every digit of an f64's decimal expansion is 0 (see `go_fixed`).
    let s = format!("{:.*e}", prec.min(EXACT_DIGITS), f);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let zeros = "0".repeat(prec.saturating_sub(EXACT_DIGITS));
    format!("{m}{zeros}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// Digits after the point past which an f64's exact decimal expansion is all zeros (the
/// smallest subnormal, 2^-1074, has 1,074), and below Rust's formatting limit on a precision
/// (65,535): Go's `%.Nf` for larger N is the expansion padded with zeros.
const EXACT_DIGITS: usize = 1100;

/// `%.{prec}f` of `f` as Go's `strconv.FormatFloat(f, 'f', prec, 64)` writes it (exact decimal
/// expansion, rounded half to even on the exact value), for any `prec`.
fn go_fixed(f: f64, prec: usize) -> String {
    let s = format!("{:.*}", prec.min(EXACT_DIGITS), f);
    if prec <= EXACT_DIGITS || !f.is_finite() {
        return s;
    }
    s + &"0".repeat(prec - EXACT_DIGITS)
}

/// `%.{prec}g` of a finite `f` as Go's `strconv.FormatFloat(f, 'g', prec, 64)` (`ftoa.go`
/// `formatDigits`): `prec` significant digits, trailing zeros dropped; `%e` form when the
/// exponent is below -4 or at least the precision, else `%f` form.
fn go_g(f: f64, prec: usize) -> String {
    let p = prec.clamp(1, EXACT_DIGITS);
    let s = format!("{:.*e}", p - 1, f);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = e.parse().unwrap_or(0);
    let sign = if m.starts_with('-') { "-" } else { "" };
    let digits: Vec<u8> = m.bytes().filter(u8::is_ascii_digit).collect();
    let nd = digits.iter().rposition(|d| *d != b'0').map_or(0, |i| i + 1);
    let digits = &digits[..nd];
    if nd == 0 {
        return format!("{sign}0");
    }
    let dp = exp + 1;
    let nd = nd as i64;
    let mut eprec = p as i64;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    let digit = |i: i64| if (0..nd).contains(&i) { digits[i as usize] as char } else { '0' };
    if exp < -4 || exp >= eprec {
        let shown = (p as i64).min(nd);
        let mut out = format!("{sign}{}", digit(0));
        if shown > 1 {
            out.push('.');
            out.extend((1..shown).map(digit));
        }
        return format!("{out}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    let prec = if p as i64 > dp { nd } else { p as i64 };
    let decimals = (prec - dp).max(0);
    let mut out = sign.to_string();
    if dp > 0 {
        out.extend((0..dp).map(digit));
    } else {
        out.push('0');
    }
    if decimals > 0 {
        out.push('.');
        out.extend((0..decimals).map(|i| digit(dp + i)));
    }
    out
}

/// Go's `fmtInteger` for `%d`, `%x`, `%X`, `%o`, `%b` of a signed integer: a minus sign (or `+`
/// with the flag) then the magnitude in `base`; a precision is the minimum number of digits
/// (zero-padded), and `%.0d` of 0 prints nothing.
fn go_int(n: i64, base: u32, upper: bool, prec: Option<usize>, plus: bool) -> String {
    if prec == Some(0) && n == 0 {
        return String::new();
    }
    let mut digits = Vec::new();
    let mut u = n.unsigned_abs();
    loop {
        let d = (u % u64::from(base)) as u32;
        let c = char::from_digit(d, base).unwrap_or('0');
        digits.push(if upper { c.to_ascii_uppercase() } else { c });
        u /= u64::from(base);
        if u == 0 {
            break;
        }
    }
    let sign = if n < 0 {
        "-"
    } else if plus {
        "+"
    } else {
        ""
    };
    let zeros = "0".repeat(prec.unwrap_or(0).saturating_sub(digits.len()));
    format!("{sign}{zeros}{}", digits.iter().rev().collect::<String>())
}

/// Go's `fmt.Sprint`: spaces between operands when neither is a string.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 && !matches!(a, Value::Str(_)) && !matches!(args[i - 1], Value::Str(_)) {
            out.push(' ');
        }
        out.push_str(&a.to_go_string());
    }
    out
}

// ------------------------------------------------------------------------------------------
// helpers for hashing and encodings
// ------------------------------------------------------------------------------------------

fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([chunk[4 * i], chunk[4 * i + 1], chunk[4 * i + 2], chunk[4 * i + 3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut a = h;
        for i in 0..64 {
            let s1 = a[4].rotate_right(6) ^ a[4].rotate_right(11) ^ a[4].rotate_right(25);
            let ch = (a[4] & a[5]) ^ (!a[4] & a[6]);
            let t1 = a[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a[0].rotate_right(2) ^ a[0].rotate_right(13) ^ a[0].rotate_right(22);
            let maj = (a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]);
            let t2 = s0.wrapping_add(maj);
            a = [t1.wrapping_add(t2), a[0], a[1], a[2], a[3].wrapping_add(t1), a[4], a[5], a[6]];
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(a[i]);
        }
    }
    let mut out = [0u8; 32];
    for i in 0..8 {
        out[4 * i..4 * i + 4].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([chunk[4 * i], chunk[4 * i + 1], chunk[4 * i + 2], chunk[4 * i + 3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        h = [
            h[0].wrapping_add(a),
            h[1].wrapping_add(b),
            h[2].wrapping_add(c),
            h[3].wrapping_add(d),
            h[4].wrapping_add(e),
        ];
    }
    let mut out = [0u8; 20];
    for i in 0..5 {
        out[4 * i..4 * i + 4].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Go's `base64.CorruptInputError` text for a decoding error of an input of `len` bytes.
fn go_b64_err(e: &base64::DecodeError, len: usize) -> String {
    let at = match *e {
        base64::DecodeError::InvalidByte(i, _) | base64::DecodeError::InvalidLastSymbol(i, _) => i,
        _ => len - len % 4,
    };
    format!("illegal base64 data at input byte {at}")
}

fn b64e(b: &[u8]) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, b)
}

fn regex(pat: &str) -> Result<regex::Regex, FnErr> {
    regex::Regex::new(pat).map_err(|e| call_err(format!("error parsing regexp: {e}")))
}

/// Go's `regexp.Expand` template syntax (`$1`, `${name}`) for replacement strings.
fn go_expand(template: &str) -> String {
    template.to_string()
}

// ------------------------------------------------------------------------------------------
// methods of Helm objects
// ------------------------------------------------------------------------------------------

/// `.Files` lookup by key (a map index).
pub fn files_index(o: &Obj, name: &str) -> Option<Value> {
    match o {
        Obj::Files(f) => f.get(name).map(|b| Value::Bytes(b.clone())),
        _ => None,
    }
}

/// Methods and fields of Helm objects. `None` when the object has no such member.
pub fn method(o: &Rc<Obj>, name: &str, args: &[Value], env: &mut Env) -> Option<Result<Value, String>> {
    let _ = env;
    let s0 = || match args.first() {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(o) => Err(format!("wrong type for value; expected string; got {}", o.type_name())),
        None => Err("wrong number of args".to_string()),
    };
    Some(match (&**o, name) {
        (Obj::Files(f), "Get") => {
            s0().map(|p| Value::str(f.get(&p).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default()))
        }
        (Obj::Files(f), "GetBytes") => s0().map(|p| Value::Bytes(f.get(&p).cloned().unwrap_or_default())),
        (Obj::Files(f), "Lines") => s0().and_then(|p| match f.get(&p) {
            None => Ok(Value::list(Vec::new())),
            Some(b) if b.is_empty() => Err("runtime error: index out of range [-1]".to_string()),
            Some(b) => Ok({
                let s = String::from_utf8_lossy(b).into_owned();
                let s = s.strip_suffix('\n').unwrap_or(&s).to_string();
                Value::list(s.split('\n').map(Value::str).collect())
            }),
        }),
        (Obj::Files(f), "Glob") => s0().map(|pat| {
            let m: BTreeMap<String, Rc<Vec<u8>>> = f
                .iter()
                .filter(|(k, _)| crate::glob::glob_match(&pat, k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            Value::Obj(Rc::new(Obj::Files(m)))
        }),
        (Obj::Files(f), "AsConfig") => {
            let m: BTreeMap<String, Value> = f
                .iter()
                .map(|(k, v)| (basename(k).to_string(), Value::str(String::from_utf8_lossy(v).into_owned())))
                .collect();
            {
                let y = crate::yaml::to_yaml(&Value::map(m));
                Ok(Value::str(y.strip_suffix('\n').unwrap_or(&y)))
            }
        }
        (Obj::Files(f), "AsSecrets") => {
            let m: BTreeMap<String, Value> =
                f.iter().map(|(k, v)| (basename(k).to_string(), Value::str(b64e(v)))).collect();
            {
                let y = crate::yaml::to_yaml(&Value::map(m));
                Ok(Value::str(y.strip_suffix('\n').unwrap_or(&y)))
            }
        }
        (Obj::Capabilities(c), "KubeVersion") => Ok(Value::Obj(Rc::new(Obj::KubeVersion(c.kube_version.clone())))),
        (Obj::Capabilities(c), "APIVersions") => Ok(Value::Obj(Rc::new(Obj::VersionSet(c.api_versions.clone())))),
        (Obj::Capabilities(_), "HelmVersion") => Ok(Value::Obj(Rc::new(Obj::HelmVersion))),
        (Obj::KubeVersion(k), "Version" | "GitVersion") => Ok(Value::str(k.version.as_str())),
        (Obj::KubeVersion(k), "String") => Ok(Value::str(k.normalized.as_str())),
        (Obj::KubeVersion(k), "Major") => Ok(Value::str(k.major.as_str())),
        (Obj::KubeVersion(k), "Minor") => Ok(Value::str(k.minor.as_str())),
        (Obj::VersionSet(v), "Has") => s0().map(|a| Value::Bool(v.contains(&a))),
        (Obj::HelmVersion, "Version") => Ok(Value::str("v4.2")),
        (Obj::HelmVersion, "GitCommit" | "GitTreeState") => Ok(Value::str("")),
        (Obj::HelmVersion, "GoVersion") => Ok(Value::str("go1.26.6")),
        (Obj::HelmVersion, "KubeClientVersion") => Ok(Value::str("v1.36")),
        (Obj::Semver(v), "Major") => Ok(Value::Int(v.major as i64)),
        (Obj::Semver(v), "Minor") => Ok(Value::Int(v.minor as i64)),
        (Obj::Semver(v), "Patch") => Ok(Value::Int(v.patch as i64)),
        (Obj::Semver(v), "Prerelease") => Ok(Value::str(v.pre.as_str())),
        (Obj::Semver(v), "Metadata") => Ok(Value::str(v.metadata.as_str())),
        (Obj::Semver(v), "Original") => Ok(Value::str(v.original.as_str())),
        _ => return None,
    })
}

fn basename(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

// ------------------------------------------------------------------------------------------
// the function table
// ------------------------------------------------------------------------------------------

fn warn_wrap(msg: &str) -> String {
    format!("HELM_ERR_START{msg}HELM_ERR_END")
}

fn go_title(s: &str) -> String {
    let mut out = String::new();
    let mut prev_letter = false;
    for c in s.chars() {
        let is_sep = !(c.is_alphanumeric() || c == '_' || c == '\'');
        if !prev_letter && !is_sep {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev_letter = !is_sep;
    }
    out
}

/// mergo's `deepMerge` for `map[string]interface{}` (Sprig's `merge` and, with `overwrite`,
/// `mergeOverwrite`): nested maps merge; a nil source value is copied only when overwriting;
/// otherwise the source wins when overwriting or when the destination is missing or empty.
fn merge_into(dst: &crate::value::Map, src: &crate::value::Map, overwrite: bool) {
    if Rc::ptr_eq(dst, src) {
        return;
    }
    let entries: Vec<(String, Value)> = src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (k, sv) in entries {
        let dv = dst.borrow().get(&k).cloned();
        match &sv {
            Value::Nil => {
                if overwrite {
                    dst.borrow_mut().insert(k, Value::Nil);
                }
                continue;
            }
            Value::Map(sm) => {
                if let Some(Value::Map(dm)) = &dv {
                    merge_into(dm, sm, overwrite);
                }
            }
            Value::List(_) => {
                let dst_empty = dv.as_ref().is_none_or(|d| !d.truthy());
                if overwrite || dst_empty {
                    dst.borrow_mut().insert(k, sv.clone());
                }
                continue;
            }
            _ => {}
        }
        let dst_empty = dv.as_ref().is_none_or(|d| !d.truthy());
        if !dst_empty && matches!(sv, Value::Map(_)) {
            continue;
        }
        if overwrite || dst_empty {
            dst.borrow_mut().insert(k, sv);
        }
    }
}

/// Calls a function by name. `konst[i]` says argument `i` was a number literal.
pub fn call(name: &str, a: &[Value], konst: &[bool], env: &mut Env) -> F {
    let k = |i: usize| konst.get(i).copied().unwrap_or(false);
    match name {
        // ---------------- Go builtins
        "not" => {
            arity(name, a, 1)?;
            Ok(Value::Bool(!a[0].truthy()))
        }
        "len" => {
            arity(name, a, 1)?;
            match a[0].len() {
                Some(n) => Ok(Value::Int(n as i64)),
                None if matches!(a[0], Value::Nil) => Err(call_err("len of nil pointer")),
                None => Err(call_err(format!("len of type {}", a[0].type_name()))),
            }
        }
        "index" => {
            at_least(name, a, 1)?;
            let mut cur = a[0].clone();
            for idx in &a[1..] {
                cur = match &cur {
                    Value::Map(m) => match idx {
                        Value::Str(s) => m.borrow().get(&**s).cloned().unwrap_or(Value::Nil),
                        Value::Nil => return Err(call_err("value is nil; should be of type string")),
                        o => return Err(call_err(format!("value has type {}; should be string", o.type_name()))),
                    },
                    Value::Obj(o) if matches!(&**o, Obj::Files(_)) => match idx {
                        Value::Str(s) => files_index(o, s).unwrap_or(Value::Nil),
                        _ => return Err(call_err("value has wrong type; should be string")),
                    },
                    Value::List(_) | Value::Bytes(_) | Value::Str(_) | Value::Obj(_) => {
                        let i = match idx {
                            Value::Int(i) | Value::I64(i) => *i,
                            Value::Nil => return Err(call_err("cannot index slice/array with nil")),
                            o => return Err(call_err(format!("cannot index slice/array with type {}", o.type_name()))),
                        };
                        if let Value::Str(s) = &cur {
                            let b = s.as_bytes();
                            if i < 0 || i as usize >= b.len() {
                                return Err(call_err(format!("index out of range: {i}")));
                            }
                            Value::Int(b[i as usize] as i64)
                        } else {
                            let l = cur.as_list().unwrap_or_default();
                            if i < 0 || i as usize >= l.len() {
                                return Err(call_err(format!("index out of range: {i}")));
                            }
                            l[i as usize].clone()
                        }
                    }
                    Value::Nil => return Err(call_err("index of untyped nil")),
                    o => return Err(call_err(format!("can't index item of type {}", o.type_name()))),
                };
            }
            Ok(cur)
        }
        "print" => Ok(Value::str(sprint(a))),
        "println" => {
            let parts: Vec<String> = a.iter().map(|x| x.to_go_string()).collect();
            Ok(Value::str(parts.join(" ") + "\n"))
        }
        "printf" => {
            at_least(name, a, 1)?;
            let f = s_arg(&a[0])?;
            Ok(Value::str(sprintf(&f, &a[1..])))
        }
        "eq" => {
            at_least(name, a, 1)?;
            if a.len() == 1 {
                return Err(call_err("missing argument for comparison"));
            }
            for b in &a[1..] {
                if go_eq(&a[0], b).map_err(call_err)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        "ne" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(!go_eq(&a[0], &a[1]).map_err(call_err)?))
        }
        "lt" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(go_lt(&a[0], &a[1]).map_err(call_err)?))
        }
        "le" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(go_lt(&a[0], &a[1]).map_err(call_err)? || go_eq(&a[0], &a[1]).map_err(call_err)?))
        }
        "gt" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(!go_lt(&a[0], &a[1]).map_err(call_err)? && !go_eq(&a[0], &a[1]).map_err(call_err)?))
        }
        "ge" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(!go_lt(&a[0], &a[1]).map_err(call_err)?))
        }
        "html" => Ok(Value::str(
            sprint(a)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&#34;")
                .replace('\'', "&#39;"),
        )),
        "urlquery" => Ok(Value::str(url_escape(&sprint(a)))),
        "js" => Ok(Value::str(
            sprint(a)
                .replace('\\', "\\\\")
                .replace('\'', "\\'")
                .replace('"', "\\\"")
                .replace('<', "\\u003C")
                .replace('>', "\\u003E"),
        )),

        // ---------------- Helm
        "required" => {
            arity(name, a, 2)?;
            let warn = s_arg(&a[0])?;
            match &a[1] {
                Value::Nil => Err(call_err(warn_wrap(&warn))),
                Value::Str(s) if s.is_empty() => Err(call_err(warn_wrap(&warn))),
                v => Ok(v.clone()),
            }
        }
        "fail" => {
            arity(name, a, 1)?;
            let msg = s_arg(&a[0])?;
            Err(call_err(warn_wrap(&msg)))
        }
        "toYaml" | "mustToYaml" => {
            arity(name, a, 1)?;
            let y = crate::yaml::to_yaml(&a[0]);
            Ok(Value::str(y.strip_suffix('\n').unwrap_or(&y)))
        }
        "toYamlPretty" => {
            arity(name, a, 1)?;
            let y = crate::yaml::to_yaml_pretty(&a[0]);
            Ok(Value::str(y.strip_suffix('\n').unwrap_or(&y)))
        }
        "fromYaml" => {
            arity(name, a, 1)?;
            let s = s_arg(&a[0])?;
            Ok(match crate::yaml::parse_helm_yaml(&s) {
                Ok(Value::Map(m)) => Value::Map(m),
                Ok(Value::Nil) => Value::map(BTreeMap::new()),
                Ok(v) => Value::map(BTreeMap::from([(
                    "Error".to_string(),
                    Value::str(format!(
                        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                        json_kind(&v)
                    )),
                )])),
                Err(e) => Value::map(BTreeMap::from([("Error".to_string(), Value::str(yaml_err(&e)))])),
            })
        }
        "fromYamlArray" => {
            arity(name, a, 1)?;
            let s = s_arg(&a[0])?;
            Ok(match crate::yaml::parse_helm_yaml(&s) {
                Ok(Value::List(l)) => Value::List(l),
                Ok(Value::Nil) => Value::list(Vec::new()),
                Ok(v) => Value::list(vec![Value::str(format!(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type []interface {{}}",
                    json_kind(&v)
                ))]),
                Err(e) => Value::list(vec![Value::str(yaml_err(&e))]),
            })
        }
        "toJson" | "mustToJson" | "toRawJson" | "mustToRawJson" => {
            arity(name, a, 1)?;
            let mut s = crate::json::to_json(&a[0]);
            if name.contains("Raw") {
                s = s.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&");
            }
            Ok(Value::str(s))
        }
        "toPrettyJson" | "mustToPrettyJson" => {
            arity(name, a, 1)?;
            Ok(Value::str(pretty_json(&crate::json::to_json(&a[0]))))
        }
        "fromJson" | "mustFromJson" => {
            arity(name, a, 1)?;
            let s = s_arg(&a[0])?;
            match crate::json::from_json(&s) {
                Ok(Value::Map(m)) => Ok(Value::Map(m)),
                Ok(Value::Nil) => Ok(Value::map(BTreeMap::new())),
                Ok(v) if name == "fromJson" => Ok(Value::map(BTreeMap::from([(
                    "Error".to_string(),
                    Value::str(format!(
                        "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                        json_kind(&v)
                    )),
                )]))),
                Err(e) if name == "fromJson" => Ok(Value::map(BTreeMap::from([("Error".to_string(), Value::str(e))]))),
                Ok(v) => Ok(v),
                Err(e) => Err(call_err(e)),
            }
        }
        "fromJsonArray" => {
            arity(name, a, 1)?;
            let s = s_arg(&a[0])?;
            Ok(match crate::json::from_json(&s) {
                Ok(Value::List(l)) => Value::List(l),
                Ok(Value::Nil) => Value::list(Vec::new()),
                Ok(v) => Value::list(vec![Value::str(format!(
                    "json: cannot unmarshal {} into Go value of type []interface {{}}",
                    json_kind(&v)
                ))]),
                Err(e) => Value::list(vec![Value::str(e)]),
            })
        }
        "lookup" => {
            arity(name, a, 4)?;
            for x in a {
                s_arg(x)?;
            }
            env.used_lookup = true;
            Ok(Value::map(BTreeMap::new()))
        }
        "getHostByName" => Ok(Value::str("")),
        "fromToml" => {
            arity(name, a, 1)?;
            let s = s_arg(&a[0])?;
            Ok(match crate::toml::from_toml(&s) {
                Ok(v) => v,
                Err(e) => Value::map(BTreeMap::from([("Error".to_string(), Value::str(e))])),
            })
        }
        "toToml" | "mustToToml" => {
            arity(name, a, 1)?;
            Ok(Value::str(crate::toml::to_toml(&a[0])))
        }

        // ---------------- Sprig strings
        "hello" => Ok(Value::str("Hello!")),
        "upper" => one_s(name, a, |s| s.to_uppercase()),
        "lower" => one_s(name, a, |s| s.to_lowercase()),
        "title" => one_s(name, a, go_title),
        "untitle" => one_s(name, a, |s| {
            let mut out = String::new();
            let mut prev = false;
            for c in s.chars() {
                let sep = c.is_whitespace();
                if !prev && !sep {
                    out.extend(c.to_lowercase());
                } else {
                    out.push(c);
                }
                prev = !sep;
            }
            out
        }),
        "trim" => one_s(name, a, |s| s.trim_matches(is_go_space).to_string()),
        "nospace" => one_s(name, a, |s| s.chars().filter(|c| !c.is_whitespace()).collect()),
        "swapcase" => {
            one_s(name, a, |s| {
                s.chars()
                    .map(|c| {
                        if c.is_uppercase() { c.to_lowercase().collect::<String>() } else { c.to_uppercase().collect() }
                    })
                    .collect()
            })
        }
        "snakecase" => one_s(name, a, snake),
        "kebabcase" => one_s(name, a, |s| snake(s).replace('_', "-")),
        "camelcase" => one_s(name, a, |s| {
            s.split('_')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let mut cs = p.chars();
                    match cs.next() {
                        Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
                        None => String::new(),
                    }
                })
                .collect()
        }),
        "initials" => one_s(name, a, |s| s.split_whitespace().filter_map(|w| w.chars().next()).collect()),
        "trimAll" | "trimall" => {
            arity(name, a, 2)?;
            let cut = s_arg(&a[0])?;
            let s = s_arg(&a[1])?;
            Ok(Value::str(s.trim_matches(|c| cut.contains(c))))
        }
        "trimPrefix" => {
            arity(name, a, 2)?;
            let p = s_arg(&a[0])?;
            let s = s_arg(&a[1])?;
            Ok(Value::str(s.strip_prefix(&*p).unwrap_or(&s)))
        }
        "trimSuffix" => {
            arity(name, a, 2)?;
            let p = s_arg(&a[0])?;
            let s = s_arg(&a[1])?;
            Ok(Value::str(s.strip_suffix(&*p).unwrap_or(&s)))
        }
        "contains" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(s_arg(&a[1])?.contains(&*s_arg(&a[0])?)))
        }
        "hasPrefix" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(s_arg(&a[1])?.starts_with(&*s_arg(&a[0])?)))
        }
        "hasSuffix" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(s_arg(&a[1])?.ends_with(&*s_arg(&a[0])?)))
        }
        "repeat" => {
            arity(name, a, 2)?;
            let n = i_arg(&a[0], k(0))?;
            let s = s_arg(&a[1])?;
            if n < 0 {
                return Err(call_err("strings: negative Repeat count"));
            }
            if (n as usize).saturating_mul(s.len()) > env.max_output {
                return Err(call_err("strings: Repeat output length overflow"));
            }
            Ok(Value::str(s.repeat(n as usize)))
        }
        "replace" => {
            arity(name, a, 3)?;
            let old = s_arg(&a[0])?;
            let new = s_arg(&a[1])?;
            let s = s_arg(&a[2])?;
            if old.is_empty() {
                let mut out = String::new();
                out.push_str(&new);
                for c in s.chars() {
                    out.push(c);
                    out.push_str(&new);
                }
                return Ok(Value::str(out));
            }
            Ok(Value::str(s.replace(&*old, &new)))
        }
        "substr" => {
            arity(name, a, 3)?;
            let start = i_arg(&a[0], k(0))?;
            let end = i_arg(&a[1], k(1))?;
            let s = s_arg(&a[2])?;
            let b = s.as_bytes();
            let len = b.len() as i64;
            let r = if start < 0 {
                if end < 0 || end > len {
                    s.to_string()
                } else {
                    String::from_utf8_lossy(&b[..end as usize]).into_owned()
                }
            } else if end < 0 || end > len {
                if start > len { String::new() } else { String::from_utf8_lossy(&b[start as usize..]).into_owned() }
            } else if start > end {
                String::new()
            } else {
                String::from_utf8_lossy(&b[start as usize..end as usize]).into_owned()
            };
            Ok(Value::str(r))
        }
        "trunc" => {
            arity(name, a, 2)?;
            let c = i_arg(&a[0], k(0))?;
            let s = s_arg(&a[1])?;
            let b = s.as_bytes();
            let len = b.len() as i64;
            let r = if c < 0 && len + c > 0 {
                String::from_utf8_lossy(&b[(len + c) as usize..]).into_owned()
            } else if c >= 0 && len > c {
                String::from_utf8_lossy(&b[..c as usize]).into_owned()
            } else {
                s.to_string()
            };
            Ok(Value::str(r))
        }
        "abbrev" => {
            arity(name, a, 2)?;
            let w = i_arg(&a[0], k(0))?;
            let s = s_arg(&a[1])?;
            if w < 4 || s.chars().count() as i64 <= w {
                return Ok(Value::Str(s));
            }
            let t: String = s.chars().take((w - 3) as usize).collect();
            Ok(Value::str(t + "..."))
        }
        "quote" => {
            let parts: Vec<String> =
                a.iter().filter(|x| !matches!(x, Value::Nil)).map(|x| go_quote(&strval(x))).collect();
            Ok(Value::str(parts.join(" ")))
        }
        "squote" => {
            let parts: Vec<String> =
                a.iter().filter(|x| !matches!(x, Value::Nil)).map(|x| format!("'{}'", strval(x))).collect();
            Ok(Value::str(parts.join(" ")))
        }
        "cat" => {
            let parts: Vec<String> = a.iter().filter(|x| !matches!(x, Value::Nil)).map(|x| x.to_go_string()).collect();
            Ok(Value::str(parts.join(" ")))
        }
        "indent" | "nindent" => {
            arity(name, a, 2)?;
            let n = i_arg(&a[0], k(0))?;
            let s = s_arg(&a[1])?;
            // Sprig's `strings.Repeat(" ", n)`: Go panics on a negative count, and on a length
            // past its allocation limit (2^48 on 64-bit), and the template engine reports the
            // panic; a pad past the output budget is refused before it is allocated.
            if n < 0 {
                return Err(call_err("strings: negative Repeat count"));
            }
            if n >= 1 << 48 {
                return Err(call_err("runtime error: makeslice: len out of range"));
            }
            if n as usize > env.max_output {
                return Err(call_err("output too large"));
            }
            let pad = " ".repeat(n as usize);
            let body = format!("{pad}{}", s.replace('\n', &format!("\n{pad}")));
            if body.len() > env.max_output {
                return Err(call_err("output too large"));
            }
            Ok(Value::str(if name == "nindent" { format!("\n{body}") } else { body }))
        }
        "wrap" | "wrapWith" => {
            let (w, sep, s) = if name == "wrap" {
                arity(name, a, 2)?;
                (i_arg(&a[0], k(0))?, "\n".to_string(), s_arg(&a[1])?)
            } else {
                arity(name, a, 3)?;
                (i_arg(&a[0], k(0))?, s_arg(&a[1])?.to_string(), s_arg(&a[2])?)
            };
            Ok(Value::str(word_wrap(&s, w.max(1) as usize, &sep)))
        }
        "plural" => {
            arity(name, a, 3)?;
            let one = s_arg(&a[0])?;
            let many = s_arg(&a[1])?;
            let n = i_arg(&a[2], k(2))?;
            Ok(Value::Str(if n == 1 { one } else { many }))
        }
        "toString" => {
            arity(name, a, 1)?;
            Ok(Value::str(strval(&a[0])))
        }
        "toStrings" => {
            arity(name, a, 1)?;
            Ok(Value::list(strslice(&a[0]).into_iter().map(Value::str).collect()))
        }
        "atoi" => {
            arity(name, a, 1)?;
            let s = s_arg(&a[0])?;
            Ok(Value::Int(s.parse::<i64>().unwrap_or(0)))
        }
        "int" | "int64" => {
            arity(name, a, 1)?;
            let i = to_i64(&a[0]);
            Ok(if name == "int" { Value::Int(i) } else { Value::I64(i) })
        }
        "float64" => {
            arity(name, a, 1)?;
            Ok(Value::Float(to_f64(&a[0])))
        }
        "toDecimal" => {
            arity(name, a, 1)?;
            let s = strval(&a[0]);
            Ok(Value::I64(i64::from_str_radix(&s, 8).unwrap_or(0)))
        }
        "split" => {
            arity(name, a, 2)?;
            let sep = s_arg(&a[0])?;
            let s = s_arg(&a[1])?;
            let m: BTreeMap<String, Value> =
                go_split(&s, &sep, -1).into_iter().enumerate().map(|(i, p)| (format!("_{i}"), Value::str(p))).collect();
            Ok(Value::map(m))
        }
        "splitn" => {
            arity(name, a, 3)?;
            let sep = s_arg(&a[0])?;
            let n = i_arg(&a[1], k(1))?;
            let s = s_arg(&a[2])?;
            let m: BTreeMap<String, Value> =
                go_split(&s, &sep, n).into_iter().enumerate().map(|(i, p)| (format!("_{i}"), Value::str(p))).collect();
            Ok(Value::map(m))
        }
        "splitList" => {
            arity(name, a, 2)?;
            let sep = s_arg(&a[0])?;
            let s = s_arg(&a[1])?;
            Ok(Value::list(go_split(&s, &sep, -1).into_iter().map(Value::str).collect()))
        }
        "join" => {
            arity(name, a, 2)?;
            let sep = s_arg(&a[0])?;
            Ok(Value::str(strslice(&a[1]).join(&sep)))
        }
        "sortAlpha" => {
            arity(name, a, 1)?;
            let mut l = match &a[0] {
                Value::List(_) => strslice(&a[0]),
                Value::Nil => Vec::new(),
                o => vec![strval(o)],
            };
            l.sort();
            Ok(Value::list(l.into_iter().map(Value::str).collect()))
        }
        "b64enc" => one_s(name, a, |s| b64e(s.as_bytes())),
        "b64dec" => one_s(name, a, |s| match base64::Engine::decode(&base64::engine::general_purpose::STANDARD, s) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => go_b64_err(&e, s.len()),
        }),
        "b32enc" => one_s(name, a, |s| base32(s.as_bytes())),
        "sha256sum" => one_s(name, a, |s| hex(&sha256(s.as_bytes()))),
        "sha1sum" => one_s(name, a, |s| hex(&sha1(s.as_bytes()))),
        "adler32sum" => one_s(name, a, |s| {
            let (mut x, mut y) = (1u32, 0u32);
            for b in s.bytes() {
                x = (x + b as u32) % 65521;
                y = (y + x) % 65521;
            }
            ((y << 16) | x).to_string()
        }),

        // ---------------- defaults, types
        "default" => {
            at_least(name, a, 1)?;
            if a.len() < 2 || !a[1].truthy() { Ok(a[0].clone()) } else { Ok(a[1].clone()) }
        }
        "empty" => {
            arity(name, a, 1)?;
            Ok(Value::Bool(!a[0].truthy()))
        }
        "coalesce" => Ok(a.iter().find(|v| v.truthy()).cloned().unwrap_or(Value::Nil)),
        "all" => Ok(Value::Bool(a.iter().all(|v| v.truthy()))),
        "any" => Ok(Value::Bool(a.iter().any(|v| v.truthy()))),
        "ternary" => {
            arity(name, a, 3)?;
            Ok(if b_arg(&a[2])? { a[0].clone() } else { a[1].clone() })
        }
        "typeOf" => {
            arity(name, a, 1)?;
            Ok(Value::str(a[0].type_name()))
        }
        "kindOf" => {
            arity(name, a, 1)?;
            Ok(Value::str(a[0].kind_name()))
        }
        "typeIs" | "typeIsLike" => {
            arity(name, a, 2)?;
            let t = s_arg(&a[0])?;
            Ok(Value::Bool(*t == *a[1].type_name() || (name == "typeIsLike" && format!("*{}", a[1].type_name()) == *t)))
        }
        "kindIs" => {
            arity(name, a, 2)?;
            let t = s_arg(&a[0])?;
            Ok(Value::Bool(*t == *a[1].kind_name()))
        }
        "deepEqual" => {
            arity(name, a, 2)?;
            Ok(Value::Bool(a[0].to_go_string() == a[1].to_go_string() && a[0].type_name() == a[1].type_name()))
        }

        // ---------------- math
        "add" => Ok(Value::I64(a.iter().map(to_i64).fold(0i64, |x, y| x.wrapping_add(y)))),
        "mul" => {
            at_least(name, a, 1)?;
            Ok(Value::I64(a.iter().map(to_i64).fold(1i64, |x, y| x.wrapping_mul(y))))
        }
        "add1" => {
            arity(name, a, 1)?;
            Ok(Value::I64(to_i64(&a[0]).wrapping_add(1)))
        }
        "sub" => {
            arity(name, a, 2)?;
            Ok(Value::I64(to_i64(&a[0]).wrapping_sub(to_i64(&a[1]))))
        }
        "div" => {
            arity(name, a, 2)?;
            let d = to_i64(&a[1]);
            if d == 0 {
                return Err(call_err("runtime error: integer divide by zero"));
            }
            Ok(Value::I64(to_i64(&a[0]).wrapping_div(d)))
        }
        "mod" => {
            arity(name, a, 2)?;
            let d = to_i64(&a[1]);
            if d == 0 {
                return Err(call_err("runtime error: integer divide by zero"));
            }
            Ok(Value::I64(to_i64(&a[0]).wrapping_rem(d)))
        }
        "max" | "biggest" => {
            at_least(name, a, 1)?;
            Ok(Value::I64(a.iter().map(to_i64).max().unwrap_or(0)))
        }
        "min" => {
            at_least(name, a, 1)?;
            Ok(Value::I64(a.iter().map(to_i64).min().unwrap_or(0)))
        }
        "addf" => Ok(Value::Float(decimal_fold(a, 0.0, DecOp::Add))),
        "add1f" => {
            arity(name, a, 1)?;
            Ok(Value::Float(decimal_fold(&[Value::Float(1.0)], to_f64(&a[0]), DecOp::Add)))
        }
        "subf" => {
            at_least(name, a, 1)?;
            Ok(Value::Float(decimal_fold(&a[1..], to_f64(&a[0]), DecOp::Sub)))
        }
        "mulf" => Ok(Value::Float(decimal_fold(a, 1.0, DecOp::Mul))),
        "divf" => {
            at_least(name, a, 1)?;
            if a[1..].iter().any(|x| to_f64(x) == 0.0) {
                return Err(call_err("decimal division by 0"));
            }
            Ok(Value::Float(decimal_fold(&a[1..], to_f64(&a[0]), DecOp::Div)))
        }
        "maxf" => Ok(Value::Float(a.iter().map(to_f64).fold(f64::NEG_INFINITY, f64::max))),
        "minf" => Ok(Value::Float(a.iter().map(to_f64).fold(f64::INFINITY, f64::min))),
        "floor" => {
            arity(name, a, 1)?;
            Ok(Value::Float(to_f64(&a[0]).floor()))
        }
        "ceil" => {
            arity(name, a, 1)?;
            Ok(Value::Float(to_f64(&a[0]).ceil()))
        }
        "round" => {
            at_least(name, a, 2)?;
            let p = to_i64(&a[1]) as i32;
            let x = to_f64(&a[0]);
            let pow = 10f64.powi(p);
            let d = x * pow;
            // math.Modf keeps the sign: -1.5 has fraction -0.5, so it rounds down
            let r = if d.fract() >= 0.5 { d.ceil() } else { d.floor() };
            Ok(Value::Float(r / pow))
        }
        "until" => {
            arity(name, a, 1)?;
            let n = i_arg(&a[0], k(0))?;
            range_list(0, n, if n < 0 { -1 } else { 1 }, env)
        }
        "untilStep" => {
            arity(name, a, 3)?;
            range_list(i_arg(&a[0], k(0))?, i_arg(&a[1], k(1))?, i_arg(&a[2], k(2))?, env)
        }
        "seq" => {
            let p: Vec<i64> = a.iter().map(to_i64).collect();
            let (start, step, end) = match p.as_slice() {
                [] => return Ok(Value::str("")),
                [e] => (1, if *e >= 1 { 1 } else { -1 }, *e),
                [s, e] => (*s, if e >= s { 1 } else { -1 }, *e),
                [s, st, e] => (*s, *st, *e),
                _ => return Ok(Value::str("")),
            };
            if step == 0 || (step > 0 && end < start) || (step < 0 && end > start) {
                return Ok(Value::str(""));
            }
            let mut out = Vec::new();
            let mut x = start;
            while (step > 0 && x <= end) || (step < 0 && x >= end) {
                out.push(x.to_string());
                x += step;
                if out.len() > env.max_output / 2 {
                    return Err(call_err("seq too long"));
                }
            }
            Ok(Value::str(out.join(" ")))
        }

        // ---------------- lists
        "list" | "tuple" => Ok(Value::list(a.to_vec())),
        "append" | "push" | "mustAppend" | "mustPush" => {
            arity(name, a, 2)?;
            let mut l = list_of(&a[0], "push")?;
            l.push(a[1].clone());
            Ok(Value::list(l))
        }
        "prepend" | "mustPrepend" => {
            arity(name, a, 2)?;
            let mut l = list_of(&a[0], "prepend")?;
            l.insert(0, a[1].clone());
            Ok(Value::list(l))
        }
        "first" | "mustFirst" => {
            arity(name, a, 1)?;
            let l = list_of(&a[0], "find first")?;
            Ok(l.first().cloned().unwrap_or(Value::Nil))
        }
        "last" | "mustLast" => {
            arity(name, a, 1)?;
            let l = list_of(&a[0], "find last")?;
            Ok(l.last().cloned().unwrap_or(Value::Nil))
        }
        "rest" | "mustRest" => {
            arity(name, a, 1)?;
            let l = list_of(&a[0], "find rest")?;
            if l.is_empty() {
                return Ok(Value::list(Vec::new()));
            }
            Ok(Value::list(l[1..].to_vec()))
        }
        "initial" | "mustInitial" => {
            arity(name, a, 1)?;
            let l = list_of(&a[0], "find initial")?;
            if l.is_empty() {
                return Ok(Value::list(Vec::new()));
            }
            Ok(Value::list(l[..l.len() - 1].to_vec()))
        }
        "reverse" | "mustReverse" => {
            arity(name, a, 1)?;
            let mut l = list_of(&a[0], "find reverse")?;
            l.reverse();
            Ok(Value::list(l))
        }
        "uniq" | "mustUniq" => {
            arity(name, a, 1)?;
            let l = list_of(&a[0], "find uniq")?;
            let mut out: Vec<Value> = Vec::new();
            for x in l {
                if !out.iter().any(|y| deep_eq(y, &x)) {
                    out.push(x);
                }
            }
            Ok(Value::list(out))
        }
        "compact" | "mustCompact" => {
            arity(name, a, 1)?;
            let l = list_of(&a[0], "compact")?;
            Ok(Value::list(l.into_iter().filter(|x| x.truthy()).collect()))
        }
        "without" | "mustWithout" => {
            at_least(name, a, 1)?;
            let l = list_of(&a[0], "find without")?;
            Ok(Value::list(l.into_iter().filter(|x| !a[1..].iter().any(|y| deep_eq(x, y))).collect()))
        }
        "has" | "mustHas" => {
            arity(name, a, 2)?;
            match &a[1] {
                Value::Nil => Ok(Value::Bool(false)),
                h => {
                    let l = list_of(h, "find has")?;
                    Ok(Value::Bool(l.iter().any(|x| deep_eq(x, &a[0]))))
                }
            }
        }
        "concat" => {
            let mut out = Vec::new();
            for x in a {
                out.extend(list_of(x, "concat")?);
            }
            Ok(Value::list(out))
        }
        "slice" | "mustSlice" => {
            at_least(name, a, 1)?;
            let l = list_of(&a[0], "slice")?;
            let start = a.get(1).map(to_i64).unwrap_or(0).max(0) as usize;
            let end = a.get(2).map(to_i64).unwrap_or(l.len() as i64).max(0) as usize;
            if start > end || end > l.len() {
                return Err(call_err(format!("runtime error: slice bounds out of range [{start}:{end}]")));
            }
            Ok(Value::list(l[start..end].to_vec()))
        }
        "chunk" | "mustChunk" => {
            arity(name, a, 2)?;
            let n = i_arg(&a[0], k(0))?.max(1) as usize;
            let l = list_of(&a[1], "chunk")?;
            Ok(Value::list(l.chunks(n).map(|c| Value::list(c.to_vec())).collect()))
        }

        // ---------------- dicts
        "dict" => {
            let mut m = BTreeMap::new();
            let mut i = 0;
            while i < a.len() {
                let key = strval(&a[i]);
                m.insert(key, a.get(i + 1).cloned().unwrap_or_else(|| Value::str("")));
                i += 2;
            }
            Ok(Value::map(m))
        }
        "set" => {
            arity(name, a, 3)?;
            let m = m_arg(&a[0])?.ok_or_else(|| call_err("assignment to entry in nil map"))?;
            let key = s_arg(&a[1])?;
            m.borrow_mut().insert(key.to_string(), a[2].clone());
            Ok(Value::Map(m))
        }
        "unset" => {
            arity(name, a, 2)?;
            let m = m_arg(&a[0])?;
            let key = s_arg(&a[1])?;
            match m {
                Some(m) => {
                    m.borrow_mut().remove(&*key);
                    Ok(Value::Map(m))
                }
                None => Ok(Value::Nil),
            }
        }
        "hasKey" => {
            arity(name, a, 2)?;
            let m = m_arg(&a[0])?;
            let key = s_arg(&a[1])?;
            Ok(Value::Bool(m.is_some_and(|m| m.borrow().contains_key(&*key))))
        }
        "get" => {
            arity(name, a, 2)?;
            let m = m_arg(&a[0])?;
            let key = s_arg(&a[1])?;
            Ok(m.and_then(|m| m.borrow().get(&*key).cloned()).unwrap_or_else(|| Value::str("")))
        }
        "keys" => {
            let mut out = Vec::new();
            for x in a {
                if let Some(m) = m_arg(x)? {
                    out.extend(m.borrow().keys().map(|k| Value::str(k.as_str())));
                }
            }
            Ok(Value::list(out))
        }
        "values" => {
            arity(name, a, 1)?;
            let m = m_arg(&a[0])?;
            Ok(Value::list(m.map(|m| m.borrow().values().cloned().collect()).unwrap_or_default()))
        }
        "pluck" => {
            at_least(name, a, 1)?;
            let key = s_arg(&a[0])?;
            let mut out = Vec::new();
            for x in &a[1..] {
                if let Some(m) = m_arg(x)?
                    && let Some(v) = m.borrow().get(&*key)
                {
                    out.push(v.clone());
                }
            }
            Ok(Value::list(out))
        }
        "pick" | "omit" => {
            at_least(name, a, 1)?;
            let m = m_arg(&a[0])?;
            let keys: Vec<String> = a[1..].iter().map(strval).collect();
            let src = m.map(|m| m.borrow().clone()).unwrap_or_default();
            let out: BTreeMap<String, Value> =
                src.into_iter().filter(|(k, _)| keys.contains(k) == (name == "pick")).collect();
            Ok(Value::map(out))
        }
        "merge" | "mustMerge" | "mergeOverwrite" | "mustMergeOverwrite" => {
            at_least(name, a, 1)?;
            let dst = m_arg(&a[0])?.unwrap_or_else(|| Rc::new(RefCell::new(BTreeMap::new())));
            for s in &a[1..] {
                if let Some(sm) = m_arg(s)? {
                    merge_into(&dst, &sm, name.contains("Overwrite"));
                }
            }
            Ok(Value::Map(dst))
        }
        "deepCopy" | "mustDeepCopy" => {
            arity(name, a, 1)?;
            Ok(a[0].deep_copy())
        }
        "dig" => {
            at_least(name, a, 3)?;
            let n = a.len();
            let m = m_arg(&a[n - 1])?;
            let default = a[n - 2].clone();
            let mut cur = match m {
                Some(m) => Value::Map(m),
                None => return Ok(default),
            };
            for key in &a[..n - 2] {
                let key = s_arg(key)?;
                cur = match &cur {
                    Value::Map(m) => match m.borrow().get(&*key) {
                        Some(v) => v.clone(),
                        None => return Ok(default),
                    },
                    _ => return Err(call_err("interface conversion: interface {} is not map[string]interface {}")),
                };
            }
            Ok(cur)
        }

        // ---------------- regex
        "regexMatch" | "mustRegexMatch" => {
            arity(name, a, 2)?;
            let re = regex(&s_arg(&a[0])?)?;
            Ok(Value::Bool(re.is_match(&s_arg(&a[1])?)))
        }
        "regexFind" | "mustRegexFind" => {
            arity(name, a, 2)?;
            let re = regex(&s_arg(&a[0])?)?;
            let s = s_arg(&a[1])?;
            Ok(Value::str(re.find(&s).map(|m| m.as_str()).unwrap_or("")))
        }
        "regexFindAll" | "mustRegexFindAll" => {
            arity(name, a, 3)?;
            let re = regex(&s_arg(&a[0])?)?;
            let s = s_arg(&a[1])?;
            let n = i_arg(&a[2], k(2))?;
            let it = re.find_iter(&s).map(|m| Value::str(m.as_str()));
            let v: Vec<Value> = if n < 0 { it.collect() } else { it.take(n as usize).collect() };
            Ok(Value::list(v))
        }
        "regexReplaceAll" | "mustRegexReplaceAll" => {
            arity(name, a, 3)?;
            let re = regex(&s_arg(&a[0])?)?;
            let s = s_arg(&a[1])?;
            let r = s_arg(&a[2])?;
            Ok(Value::str(re.replace_all(&s, go_expand(&r).as_str()).into_owned()))
        }
        "regexReplaceAllLiteral" | "mustRegexReplaceAllLiteral" => {
            arity(name, a, 3)?;
            let re = regex(&s_arg(&a[0])?)?;
            let s = s_arg(&a[1])?;
            let r = s_arg(&a[2])?;
            Ok(Value::str(re.replace_all(&s, regex::NoExpand(&r)).into_owned()))
        }
        "regexSplit" | "mustRegexSplit" => {
            arity(name, a, 3)?;
            let re = regex(&s_arg(&a[0])?)?;
            let s = s_arg(&a[1])?;
            let n = i_arg(&a[2], k(2))?;
            let v: Vec<Value> = if n < 0 {
                re.split(&s).map(Value::str).collect()
            } else if n == 0 {
                Vec::new()
            } else {
                re.splitn(&s, n as usize).map(Value::str).collect()
            };
            Ok(Value::list(v))
        }
        "regexQuoteMeta" => one_s(name, a, regex::escape),

        // ---------------- semver
        "semverCompare" => {
            arity(name, a, 2)?;
            let c = s_arg(&a[0])?;
            let v = s_arg(&a[1])?;
            let cons = crate::semver::Constraints::parse(&c).map_err(call_err)?;
            let ver = crate::semver::Version::parse(&v).map_err(call_err)?;
            Ok(Value::Bool(cons.check(&ver)))
        }
        "semver" => {
            arity(name, a, 1)?;
            let v = s_arg(&a[0])?;
            let ver = crate::semver::Version::parse(&v).map_err(call_err)?;
            Ok(Value::Obj(Rc::new(Obj::Semver(ver))))
        }

        // ---------------- paths
        "base" | "osBase" => one_s(name, a, |s| {
            let t = s.trim_end_matches('/');
            if s.is_empty() {
                ".".into()
            } else if t.is_empty() {
                "/".into()
            } else {
                t.rsplit('/').next().unwrap_or(t).to_string()
            }
        }),
        "dir" | "osDir" => one_s(name, a, |s| match s.rfind('/') {
            Some(0) => "/".into(),
            Some(i) => s[..i].to_string(),
            None => ".".into(),
        }),
        "ext" | "osExt" => one_s(name, a, |s| {
            let b = s.rsplit('/').next().unwrap_or(s);
            b.rfind('.').map(|i| b[i..].to_string()).unwrap_or_default()
        }),
        "clean" | "osClean" => one_s(name, a, go_clean),
        "abbrevboth" => {
            let left = i_arg(&a[0], k(0))?;
            let right = i_arg(&a[1], k(1))?;
            let s = s_arg(&a[2])?;
            Ok(Value::str(abbrev_both(&s, left, right)))
        }
        "sha512sum" => one_s(name, a, |s| hex(&sha512(s.as_bytes()))),
        "urlParse" => {
            let v = s_arg(&a[0])?;
            Ok(Value::map(url_parse(&v).into_iter().map(|(k, v)| (k.to_string(), Value::str(v))).collect()))
        }
        "urlJoin" => {
            arity(name, a, 1)?;
            let m = m_arg(&a[0])?.map(|m| m.borrow().clone()).unwrap_or_default();
            let g = |k: &str| m.get(k).map(strval).unwrap_or_default();
            let mut out = String::new();
            if !g("scheme").is_empty() {
                out.push_str(&g("scheme"));
                out.push(':');
            }
            if !g("opaque").is_empty() {
                out.push_str(&g("opaque"));
            } else {
                if !g("host").is_empty() || !g("userinfo").is_empty() || !g("scheme").is_empty() {
                    out.push_str("//");
                }
                if !g("userinfo").is_empty() {
                    out.push_str(&g("userinfo"));
                    out.push('@');
                }
                out.push_str(&g("host"));
                let path = g("path");
                if !path.is_empty() && !path.starts_with('/') && !g("host").is_empty() {
                    out.push('/');
                }
                out.push_str(&path);
            }
            if !g("query").is_empty() {
                out.push('?');
                out.push_str(&g("query"));
            }
            if !g("fragment").is_empty() {
                out.push('#');
                out.push_str(&g("fragment"));
            }
            Ok(Value::str(out))
        }
        "b32dec" => one_s(name, a, |s| match base32_decode(s) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => "illegal base32 data at input byte 0".to_string(),
        }),
        "isAbs" | "osIsAbs" => {
            arity(name, a, 1)?;
            Ok(Value::Bool(s_arg(&a[0])?.starts_with('/')))
        }

        // ---------------- chance and time
        "randAlphaNum" | "randAlpha" | "randNumeric" | "randAscii" => {
            arity(name, a, 1)?;
            env.mark(name);
            let n = i_arg(&a[0], k(0))?.clamp(0, 1 << 20) as usize;
            let set: Vec<char> = match name {
                "randAlphaNum" => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".chars().collect(),
                "randAlpha" => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".chars().collect(),
                "randNumeric" => "0123456789".chars().collect(),
                _ => (32u8..127).map(|b| b as char).collect(),
            };
            let s: String = (0..n).map(|_| set[(env.rand() % set.len() as u64) as usize]).collect();
            Ok(Value::str(s))
        }
        "randInt" => {
            arity(name, a, 2)?;
            env.mark(name);
            let lo = to_i64(&a[0]);
            let hi = to_i64(&a[1]);
            if hi <= lo {
                return Err(call_err("invalid argument to Intn"));
            }
            Ok(Value::Int(lo + (env.rand() % (hi - lo) as u64) as i64))
        }
        "randBytes" => {
            arity(name, a, 1)?;
            env.mark(name);
            let n = i_arg(&a[0], k(0))?.clamp(0, 1 << 20) as usize;
            let b: Vec<u8> = (0..n).map(|_| env.rand() as u8).collect();
            Ok(Value::str(b64e(&b)))
        }
        "uuidv4" => {
            env.mark(name);
            let mut b: Vec<u8> = (0..16).map(|_| env.rand() as u8).collect();
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            let h = hex(&b);
            Ok(Value::str(format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])))
        }
        "shuffle" => {
            arity(name, a, 1)?;
            env.mark(name);
            let s = s_arg(&a[0])?;
            let mut cs: Vec<char> = s.chars().collect();
            for i in (1..cs.len()).rev() {
                let j = (env.rand() % (i as u64 + 1)) as usize;
                cs.swap(i, j);
            }
            Ok(Value::str(cs.into_iter().collect::<String>()))
        }
        "now" => {
            env.mark(name);
            Ok(Value::Obj(Rc::new(Obj::Time(env.now_unix, 0))))
        }
        "unixEpoch" => {
            arity(name, a, 1)?;
            let (secs, _) = time_of(&a[0], env);
            Ok(Value::str(secs.to_string()))
        }
        "date" | "dateInZone" | "date_in_zone" => {
            at_least(name, a, 2)?;
            let layout = s_arg(&a[0])?;
            let (secs, nanos) = time_of(&a[1], env);
            Ok(Value::str(crate::gotime::format(secs, nanos, &layout)))
        }
        "htmlDate" | "htmlDateInZone" => {
            at_least(name, a, 1)?;
            let (secs, nanos) = time_of(&a[0], env);
            Ok(Value::str(crate::gotime::format(secs, nanos, "2006-01-02")))
        }
        "ago" => {
            arity(name, a, 1)?;
            env.mark(name);
            let (secs, _) = time_of(&a[0], env);
            Ok(Value::str(crate::gotime::duration_string(((env.now_unix - secs) as i128) * 1_000_000_000)))
        }
        "duration" => {
            arity(name, a, 1)?;
            let n: i64 = match &a[0] {
                Value::Str(s) => s.parse().unwrap_or(0),
                Value::I64(i) => *i,
                _ => 0,
            };
            Ok(Value::str(crate::gotime::duration_string(n as i128 * 1_000_000_000)))
        }
        "toDate" | "mustToDate" => {
            arity(name, a, 2)?;
            let layout = s_arg(&a[0])?;
            let text = s_arg(&a[1])?;
            match crate::gotime::parse(&layout, &text) {
                Some((secs, nanos)) => Ok(Value::Obj(Rc::new(Obj::Time(secs, nanos)))),
                None if name == "toDate" => Ok(Value::Obj(Rc::new(Obj::Time(-62_135_596_800, 0)))),
                None => {
                    Err(call_err(format!("parsing time {} as {}: cannot parse", go_quote(&text), go_quote(&layout))))
                }
            }
        }
        "dateModify" | "date_modify" | "mustDateModify" | "must_date_modify" => {
            let d = crate::gotime::parse_duration(&s_arg(&a[0])?);
            let (secs, nanos) = match &a[1] {
                Value::Obj(o) => match &**o {
                    Obj::Time(s, n) => (*s, *n),
                    _ => (0, 0),
                },
                _ => (0, 0),
            };
            match d {
                Ok(d) => {
                    let total = i128::from(secs) * 1_000_000_000 + i128::from(nanos) + i128::from(d);
                    let (s, n) = (total.div_euclid(1_000_000_000), total.rem_euclid(1_000_000_000));
                    Ok(Value::Obj(Rc::new(Obj::Time(s as i64, n as u32))))
                }
                Err(_) if !name.starts_with("must") => Ok(a[1].clone()),
                // Go returns the zero time.Time with the error
                Err(e) => Err(call_err(e)),
            }
        }
        "durationRound" => {
            let d = match &a[0] {
                Value::Str(s) => crate::gotime::parse_duration(s).unwrap_or(0),
                Value::I64(n) => *n,
                Value::Obj(o) => match &**o {
                    Obj::Time(s, n) => {
                        env.mark(name);
                        let now = i128::from(env.now_unix) * 1_000_000_000;
                        (now - (i128::from(*s) * 1_000_000_000 + i128::from(*n))) as i64
                    }
                    _ => 0,
                },
                _ => 0,
            };
            Ok(Value::str(crate::gotime::duration_round(d)))
        }
        // Keys and certificates: random, so well-formed PEM blocks of random DER-sized bytes
        // stand in for them (the output is marked not reproducible either way).
        "genPrivateKey" => {
            env.mark(name);
            let t = s_arg(&a[0])?;
            let (label, len) = match &*t {
                "rsa" => ("RSA PRIVATE KEY", 1192),
                "dsa" => ("DSA PRIVATE KEY", 446),
                "ecdsa" => ("EC PRIVATE KEY", 121),
                "ed25519" => ("PRIVATE KEY", 48),
                other => return Ok(Value::str(format!("Unknown type {other}"))),
            };
            Ok(Value::str(fake_pem(env, label, len)))
        }
        "genCA"
        | "genCAWithKey"
        | "genSelfSignedCert"
        | "genSelfSignedCertWithKey"
        | "genSignedCert"
        | "genSignedCertWithKey" => {
            env.mark(name);
            let key = match name {
                "genCAWithKey" => s_arg(&a[2])?.to_string(),
                "genSelfSignedCertWithKey" => s_arg(&a[4])?.to_string(),
                "genSignedCertWithKey" => s_arg(&a[5])?.to_string(),
                _ => fake_pem(env, "RSA PRIVATE KEY", 1192),
            };
            let cert = fake_pem(env, "CERTIFICATE", 1040);
            Ok(Value::map(BTreeMap::from([
                ("Cert".to_string(), Value::str(cert)),
                ("Key".to_string(), Value::str(key)),
            ])))
        }
        "buildCustomCert" => {
            let dec = |v: &Value| -> Result<String, FnErr> {
                let s = s_arg(v)?;
                base64::Engine::decode(&base64::engine::general_purpose::STANDARD, s.as_bytes())
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .map_err(|_| call_err("unable to decode base64 certificate"))
            };
            let cert = dec(&a[0])?;
            let key = dec(&a[1])?;
            Ok(Value::map(BTreeMap::from([
                ("Cert".to_string(), Value::str(cert)),
                ("Key".to_string(), Value::str(key)),
            ])))
        }
        "htpasswd" | "bcrypt" => {
            env.mark(name);
            const B: &[u8] = b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            let h: String = (0..53).map(|_| B[(env.rand() % B.len() as u64) as usize] as char).collect();
            let hash = format!("$2a$10${h}");
            if name == "bcrypt" {
                Ok(Value::str(hash))
            } else {
                let user = s_arg(&a[0])?;
                if user.contains(':') {
                    return Ok(Value::str(format!("invalid username: {user}")));
                }
                Ok(Value::str(format!("{user}:{hash}")))
            }
        }
        "encryptAES" => {
            env.mark(name);
            let plain = s_arg(&a[1])?;
            if plain.is_empty() {
                return Ok(Value::str(""));
            }
            let mut iv = [0u8; 16];
            iv.iter_mut().for_each(|b| *b = env.rand() as u8);
            Ok(Value::str(b64e(&crate::crypto::encrypt_aes(s_arg(&a[0])?.as_bytes(), plain.as_bytes(), iv))))
        }
        "decryptAES" => {
            let crypt64 = s_arg(&a[1])?;
            if crypt64.is_empty() {
                return Ok(Value::str(""));
            }
            let crypt = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, crypt64.as_bytes())
                .map_err(|e| call_err(go_b64_err(&e, crypt64.len())))?;
            crate::crypto::decrypt_aes(s_arg(&a[0])?.as_bytes(), &crypt).map(Value::str).map_err(call_err)
        }
        "derivePassword" => {
            let counter = i_arg(&a[0], true)? as u32;
            let (ty, pw, user, site) = (s_arg(&a[1])?, s_arg(&a[2])?, s_arg(&a[3])?, s_arg(&a[4])?);
            if !crate::crypto::is_password_type(&ty) {
                return Ok(Value::str(format!("cannot find password template {ty}")));
            }
            let id = (pw.to_string(), user.to_string());
            let key = match env.master_keys.iter().find(|(k, _)| *k == id) {
                Some((_, key)) => *key,
                None if env.master_keys.len() >= MAX_KEY_DERIVATIONS => {
                    return Err(call_err(format!(
                        "more than {MAX_KEY_DERIVATIONS} password/user pairs in one render (extcheck's bound on scrypt work)"
                    )));
                }
                None => {
                    let key = crate::crypto::master_key(&pw, &user);
                    env.master_keys.push((id, key));
                    key
                }
            };
            Ok(Value::str(crate::crypto::derive_password(counter, &ty, &key, &site)))
        }
        other => Err(call_err(format!("{other} is not supported by extcheck's renderer"))),
    }
}

fn deep_eq(a: &Value, b: &Value) -> bool {
    a.type_name() == b.type_name() && a.to_go_string() == b.to_go_string()
}

fn one_s(name: &str, a: &[Value], f: impl Fn(&str) -> String) -> F {
    arity(name, a, 1)?;
    let s = s_arg(&a[0])?;
    Ok(Value::str(f(&s)))
}

fn range_list(start: i64, stop: i64, step: i64, env: &Env) -> F {
    let mut v = Vec::new();
    if step == 0 {
        return Ok(Value::list(v));
    }
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        v.push(Value::Int(i));
        i += step;
        if v.len() > env.max_output / 8 {
            return Err(call_err("list too long"));
        }
    }
    Ok(Value::list(v))
}

fn go_split(s: &str, sep: &str, n: i64) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let cs: Vec<String> = s.chars().map(String::from).collect();
        if n > 0 && cs.len() > n as usize {
            let mut head: Vec<String> = cs[..n as usize - 1].to_vec();
            head.push(cs[n as usize - 1..].concat());
            return head;
        }
        return cs;
    }
    if n < 0 { s.split(sep).map(String::from).collect() } else { s.splitn(n as usize, sep).map(String::from).collect() }
}

fn snake(s: &str) -> String {
    let mut out = String::new();
    let cs: Vec<char> = s.chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        if c.is_uppercase() {
            if i > 0
                && (cs[i - 1].is_lowercase() || cs.get(i + 1).is_some_and(|n| n.is_lowercase()))
                && !out.ends_with('_')
            {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else if c == ' ' || c == '-' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}

fn word_wrap(s: &str, width: usize, sep: &str) -> String {
    let mut out = String::new();
    for (li, line) in s.split('\n').enumerate() {
        if li > 0 {
            out.push('\n');
        }
        let mut col = 0;
        for (wi, w) in line.split(' ').enumerate() {
            if wi > 0 {
                if col + 1 + w.len() > width && col > 0 {
                    out.push_str(sep);
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(w);
            col += w.len();
        }
    }
    out
}

fn url_escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

fn base32(b: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    for chunk in b.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = u64::from_be_bytes([0, 0, 0, buf[0], buf[1], buf[2], buf[3], buf[4]]);
        let chars = (chunk.len() * 8).div_ceil(5);
        for i in 0..8 {
            if i < chars {
                out.push(A[((n >> (35 - 5 * i)) & 31) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn pretty_json(compact: &str) -> String {
    // re-indent compact JSON (strings are already escaped) with two spaces, like json.MarshalIndent
    let mut out = String::new();
    let mut indent = 0usize;
    let mut in_str = false;
    let mut esc = false;
    let cs: Vec<char> = compact.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if in_str {
            out.push(c);
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                out.push(c);
            }
            '{' | '[' => {
                let close = if c == '{' { '}' } else { ']' };
                if cs.get(i + 1) == Some(&close) {
                    out.push(c);
                    out.push(close);
                    i += 2;
                    continue;
                }
                indent += 1;
                out.push(c);
                out.push('\n');
                out.push_str(&"  ".repeat(indent));
            }
            '}' | ']' => {
                indent = indent.saturating_sub(1);
                out.push('\n');
                out.push_str(&"  ".repeat(indent));
                out.push(c);
            }
            ',' => {
                out.push(',');
                out.push('\n');
                out.push_str(&"  ".repeat(indent));
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Go's `path.Clean`.
fn go_clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}

/// `goutils.AbbreviateFull` as Sprig's `abbrevboth` calls it.
fn abbrev_both(s: &str, offset: i64, max_width: i64) -> String {
    let chars: Vec<char> = s.chars().collect();
    let len = chars.len() as i64;
    if s.is_empty() || max_width < 4 {
        return s.to_string();
    }
    if len <= max_width {
        return s.to_string();
    }
    let mut offset = offset.min(len);
    if len - offset < max_width - 3 {
        offset = len - (max_width - 3);
    }
    let abbr = "...";
    if offset <= 4 {
        let t: String = chars[..(max_width - 3) as usize].iter().collect();
        return t + abbr;
    }
    if max_width < 7 {
        return s.to_string();
    }
    if offset + max_width - 3 < len {
        let rest: String = chars[offset as usize..].iter().collect();
        return format!("{abbr}{}", abbrev_both(&rest, 0, max_width - 3));
    }
    let t: String = chars[(len - (max_width - 3)) as usize..].iter().collect();
    format!("{abbr}{t}")
}

fn sha512(data: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u128).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(128) {
        let mut w = [0u64; 80];
        for i in 0..16 {
            let mut b = [0u8; 8];
            b.copy_from_slice(&chunk[8 * i..8 * i + 8]);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut a = h;
        for i in 0..80 {
            let s1 = a[4].rotate_right(14) ^ a[4].rotate_right(18) ^ a[4].rotate_right(41);
            let ch = (a[4] & a[5]) ^ (!a[4] & a[6]);
            let t1 = a[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a[0].rotate_right(28) ^ a[0].rotate_right(34) ^ a[0].rotate_right(39);
            let maj = (a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]);
            let t2 = s0.wrapping_add(maj);
            a = [t1.wrapping_add(t2), a[0], a[1], a[2], a[3].wrapping_add(t1), a[4], a[5], a[6]];
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(a[i]);
        }
    }
    let mut out = [0u8; 64];
    for i in 0..8 {
        out[8 * i..8 * i + 8].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

/// sigs.k8s.io/yaml's wording of a YAML syntax error (libyaml's problem without its context).
fn yaml_err(e: &str) -> String {
    format!("error converting YAML to JSON: {e}")
}

/// The JSON kind `encoding/json` names in "cannot unmarshal X into …".
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::List(_) => "array",
        Value::Map(_) => "object",
        Value::Str(_) => "string",
        Value::Bool(_) => "bool",
        _ => "number",
    }
}

/// A PEM block of `len` random bytes.
fn fake_pem(env: &mut Env, label: &str, len: usize) -> String {
    let b: Vec<u8> = (0..len).map(|_| env.rand() as u8).collect();
    let body = b64e(&b);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// shopspring/decimal as Sprig's float functions use it: operands from their shortest decimal
/// form, exact sums and products, quotients rounded to 16 decimal places.
#[derive(Clone, Copy)]
struct Dec {
    m: i128,
    scale: u32,
}

impl Dec {
    fn from_f64(f: f64) -> Option<Dec> {
        if !f.is_finite() {
            return None;
        }
        if f == 0.0 {
            return Some(Dec { m: 0, scale: 0 });
        }
        let (neg, digits, exp) = crate::value::shortest_digits(f);
        let mut m: i128 = digits.parse().ok()?;
        let point = exp - (digits.len() as i32 - 1);
        let scale = if point < 0 {
            (-point) as u32
        } else {
            m = m.checked_mul(10i128.checked_pow(point as u32)?)?;
            0
        };
        if scale > 30 {
            return None;
        }
        Some(Dec { m: if neg { -m } else { m }, scale })
    }

    fn to_f64(self) -> f64 {
        format!("{}e-{}", self.m, self.scale).parse().unwrap_or(0.0)
    }

    fn align(a: Dec, b: Dec) -> Option<(i128, i128, u32)> {
        let s = a.scale.max(b.scale);
        let am = a.m.checked_mul(10i128.checked_pow(s - a.scale)?)?;
        let bm = b.m.checked_mul(10i128.checked_pow(s - b.scale)?)?;
        Some((am, bm, s))
    }

    fn add(a: Dec, b: Dec) -> Option<Dec> {
        let (x, y, s) = Dec::align(a, b)?;
        Some(Dec { m: x.checked_add(y)?, scale: s })
    }

    fn sub(a: Dec, b: Dec) -> Option<Dec> {
        let (x, y, s) = Dec::align(a, b)?;
        Some(Dec { m: x.checked_sub(y)?, scale: s })
    }

    fn mul(a: Dec, b: Dec) -> Option<Dec> {
        let scale = a.scale + b.scale;
        if scale > 36 {
            return None;
        }
        Some(Dec { m: a.m.checked_mul(b.m)?, scale })
    }

    fn div(a: Dec, b: Dec) -> Option<Dec> {
        if b.m == 0 {
            return None;
        }
        // a/b to 16 places, rounded half away from zero (DivRound, DivisionPrecision 16)
        let (x, y, _) = Dec::align(a, b)?;
        let q = x.checked_mul(10i128.pow(17))? / y;
        let r = if q % 10 >= 5 {
            q / 10 + 1
        } else if q % 10 <= -5 {
            q / 10 - 1
        } else {
            q / 10
        };
        Some(Dec { m: r, scale: 16 })
    }
}

#[derive(Clone, Copy)]
enum DecOp {
    Add,
    Sub,
    Mul,
    Div,
}

fn decimal_fold(args: &[Value], start: f64, kind: DecOp) -> f64 {
    let op: fn(Dec, Dec) -> Option<Dec> = match kind {
        DecOp::Add => Dec::add,
        DecOp::Sub => Dec::sub,
        DecOp::Mul => Dec::mul,
        DecOp::Div => Dec::div,
    };
    let mut acc = Dec::from_f64(start);
    let mut fallback = start;
    for v in args {
        let f = to_f64(v);
        acc = acc.and_then(|d| Dec::from_f64(f).and_then(|e| op(d, e)));
        fallback = match kind {
            DecOp::Add => fallback + f,
            DecOp::Sub => fallback - f,
            DecOp::Mul => fallback * f,
            DecOp::Div => fallback / f,
        };
    }
    acc.map(Dec::to_f64).unwrap_or(fallback)
}

/// The instant Sprig's date functions take: a `time.Time`, or Unix seconds as a number; anything
/// else is `time.Now()`.
fn time_of(v: &Value, env: &mut Env) -> (i64, u32) {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Time(s, n) => (*s, *n),
            _ => {
                env.mark("now");
                (env.now_unix, 0)
            }
        },
        Value::Int(i) | Value::I64(i) => (*i, 0),
        Value::Float(f) => (*f as i64, 0),
        _ => {
            env.mark("now");
            (env.now_unix, 0)
        }
    }
}

/// Go's `url.Parse` parts as Sprig's `urlParse` returns them.
fn url_parse(v: &str) -> Vec<(&'static str, String)> {
    let (rest, fragment) = match v.split_once('#') {
        Some((r, f)) => (r, f.to_string()),
        None => (v, String::new()),
    };
    let mut scheme = String::new();
    let mut rest = rest.to_string();
    if let Some(i) = rest.find(':') {
        let cand = &rest[..i];
        if !cand.is_empty()
            && cand.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && cand.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            scheme = cand.to_lowercase();
            rest = rest[i + 1..].to_string();
        }
    }
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r.to_string(), q.to_string()),
        None => (rest, String::new()),
    };
    let mut opaque = String::new();
    let (mut host, mut userinfo, mut path) = (String::new(), String::new(), String::new());
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find('/').unwrap_or(after.len());
        let authority = &after[..end];
        path = after[end..].to_string();
        match authority.rsplit_once('@') {
            Some((u, h)) => {
                userinfo = u.to_string();
                host = h.to_string();
            }
            None => host = authority.to_string(),
        }
    } else if !scheme.is_empty() && !rest.starts_with('/') {
        opaque = rest;
    } else {
        path = rest;
    }
    let hostname = if host.starts_with('[') {
        host.trim_start_matches('[').split(']').next().unwrap_or("").to_string()
    } else {
        host.split(':').next().unwrap_or("").to_string()
    };
    vec![
        ("scheme", scheme),
        ("host", host),
        ("hostname", hostname),
        ("path", path),
        ("query", query),
        ("opaque", opaque),
        ("fragment", fragment),
        ("userinfo", userinfo),
    ]
}

fn base32_decode(s: &str) -> Option<Vec<u8>> {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits: u64 = 0;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.trim_end_matches('=').bytes() {
        let v = A.iter().position(|x| *x == c)? as u64;
        bits = (bits << 5) | v;
        n += 5;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    Some(out)
}
