//! npm `semver` 7.5.4 (node-semver), the range dialect of the KubeSphere console
//! (`includePrerelease: true`) and the Rancher dashboard (no options).
//!
//! The grammar is defined by `internal/re.js` of 7.5.4. Since 7.5.2 the library matches with
//! its "safe" regular expressions, where `\s*` became `\s{0,1}`, `\s+` became `\s{1,1}`, `\d*`
//! and `\d+` are bounded by 256 and `[a-zA-Z0-9-]*`/`+` by 250; ranges are whitespace-collapsed
//! before they are matched. The patterns are composed here the same way, with JavaScript's
//! `\s` (WhiteSpace and LineTerminator, as `String.prototype.trim` uses) spelled out. The
//! `regex` crate's leftmost-first semantics give the same matches and captures as the
//! JavaScript backtracking engine for these patterns (no look-around, no back-references).
//!
//! JavaScript number semantics are modelled where they matter: version numbers above
//! `Number.MAX_SAFE_INTEGER` are errors, numeric prerelease identifiers compare as doubles,
//! and `+M + 1` in the tilde/caret/X-range desugaring is formatted as JavaScript formats a
//! double (so `1e+21` appears, and later fails to parse, exactly as upstream).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use regex::{Captures, Regex};
use serde::Serialize;

use crate::syntax::Span;

/// `MAX_LENGTH` (`internal/constants.js`): the longest version string, in UTF-16 code units.
pub const MAX_LENGTH: usize = 256;
/// `Number.MAX_SAFE_INTEGER`.
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// The options node-semver reads (`internal/parse-options.js`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Options {
    /// `loose`: the loose grammars (`LOOSE`, `XRANGEPLAINLOOSE`, …) and dropping of invalid
    /// comparators from ranges.
    pub loose: bool,
    /// `includePrerelease`: prerelease versions are treated as ordinary versions by ranges.
    pub include_prerelease: bool,
}

impl Options {
    /// No options (the Rancher dashboard).
    pub const DEFAULT: Options = Options { loose: false, include_prerelease: false };
    /// `{ includePrerelease: true }` (the KubeSphere console).
    pub const INCLUDE_PRERELEASE: Options = Options { loose: false, include_prerelease: true };
}

// ---------------------------------------------------------------------------------------------
// JavaScript helpers

/// JavaScript's `\s` / `String.prototype.trim` set (WhiteSpace + LineTerminator).
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// `s.trim()`.
fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// `s.split(/\s+/)`.
fn js_split_ws(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_ws = false;
    let mut ws_start = 0;
    for (i, c) in s.char_indices() {
        if is_js_space(c) {
            if !in_ws {
                in_ws = true;
                ws_start = i;
            }
        } else if in_ws {
            out.push(&s[start..ws_start]);
            start = i;
            in_ws = false;
        }
    }
    if in_ws {
        out.push(&s[start..ws_start]);
        out.push("");
    } else {
        out.push(&s[start..]);
    }
    out
}

/// `s.trim().split(/\s+/).join(' ')`.
fn js_collapse(s: &str) -> String {
    js_split_ws(js_trim(s)).join(" ")
}

/// The same collapse, with the original byte offset of every byte of the result (plus one
/// entry for the end).
fn js_collapse_mapped(s: &str) -> (String, Vec<usize>) {
    let trimmed_start = s.len() - s.trim_start_matches(is_js_space).len();
    let t = js_trim(s);
    let mut out = String::with_capacity(t.len());
    let mut map = Vec::with_capacity(t.len() + 1);
    let mut in_ws = false;
    for (i, c) in t.char_indices() {
        let orig = trimmed_start + i;
        if is_js_space(c) {
            if !in_ws {
                out.push(' ');
                map.push(orig);
                in_ws = true;
            }
        } else {
            in_ws = false;
            let mut buf = [0u8; 4];
            for (k, _) in c.encode_utf8(&mut buf).bytes().enumerate() {
                map.push(orig + k);
            }
            out.push(c);
        }
    }
    map.push(trimmed_start + t.len());
    (out, map)
}

/// A double formatted as JavaScript's `Number.prototype.toString` does (integral values only
/// arise here).
fn js_number_to_string(x: f64) -> String {
    if x.is_infinite() {
        if x > 0.0 { "Infinity".into() } else { "-Infinity".into() }
    } else if x.is_nan() {
        "NaN".into()
    } else if x.abs() < 1e21 {
        format!("{x}")
    } else {
        format!("{x:e}").replacen('e', "e+", 1)
    }
}

/// JavaScript's `+s` for a string of ASCII digits.
fn js_to_number(s: &str) -> f64 {
    s.parse::<f64>().unwrap_or(f64::NAN)
}

/// `${+s + 1}` for a numeric identifier captured by a range regex.
fn js_plus_one(s: &str) -> String {
    js_number_to_string(js_to_number(s) + 1.0)
}

/// `!id || id.toLowerCase() === 'x' || id === '*'`.
fn is_x(id: Option<&str>) -> bool {
    match id {
        None | Some("") => true,
        Some(s) => s == "x" || s == "X" || s == "*",
    }
}

// ---------------------------------------------------------------------------------------------
// Regular expressions (the safe forms of internal/re.js, 7.5.4)

struct Re {
    full: Regex,
    loose: Regex,
    xrange: Regex,
    xrange_loose: Regex,
    coerce: Regex,
    tilde_trim: Regex,
    tilde: Regex,
    tilde_loose: Regex,
    caret_trim: Regex,
    caret: Regex,
    caret_loose: Regex,
    comparator: Regex,
    comparator_loose: Regex,
    comparator_trim: Regex,
    hyphen: Regex,
    hyphen_loose: Regex,
    star: Regex,
    gte0: Regex,
    gte0_pre: Regex,
}

fn build(p: &str) -> Regex {
    regex::RegexBuilder::new(p).size_limit(1 << 28).build().expect("node-semver regex compiles")
}

/// The longest run of `[a-zA-Z0-9-]` characters in `s`.
fn longest_ldn_run(s: &str) -> usize {
    let (mut best, mut cur) = (0, 0);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// The regexes to match `s` with. The safe patterns bound `\d*`/`\d+` by 256 and
/// `[a-zA-Z0-9-]*`/`+` by 250; those bounds can only bind on a run of `[a-zA-Z0-9-]` longer
/// than 250 characters (digits are in that class, and every bounded repetition consumes part
/// of one run). When `s` has no such run, the unbounded patterns explore the same choices in
/// the same priority order and give the same matches and captures, with a far smaller
/// automaton, so they are used instead.
fn rx(s: &str) -> &'static Re {
    if longest_ldn_run(s) <= 250 { re_set(false) } else { re_set(true) }
}

/// The bounded ("safe") set, exactly as 7.5.4 matches.
fn re() -> &'static Re {
    re_set(true)
}

fn re_set(bounded: bool) -> &'static Re {
    static SAFE: OnceLock<Re> = OnceLock::new();
    static FAST: OnceLock<Re> = OnceLock::new();
    let cell = if bounded { &SAFE } else { &FAST };
    cell.get_or_init(|| {
        // JavaScript's `\s`, as a class body (so it can also be merged into `[v=\s]`).
        let ws = r"\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
        let s = format!("[{ws}]");
        let d = "[0-9]";
        let ldn = "[a-zA-Z0-9-]";
        let (d0, d1, l0, l1) =
            if bounded { ("{0,256}", "{1,256}", "{0,250}", "{1,250}") } else { ("*", "+", "*", "+") };
        let ni = format!("0|[1-9]{d}{d0}");
        let nil = format!("{d}{d1}");
        let nni = format!("{d}{d0}[a-zA-Z-]{ldn}{l0}");
        let main = format!(r"({ni})\.({ni})\.({ni})");
        let main_loose = format!(r"({nil})\.({nil})\.({nil})");
        let pri = format!("(?:{ni}|{nni})");
        let pril = format!("(?:{nil}|{nni})");
        let pre = format!(r"(?:-({pri}(?:\.{pri})*))");
        let pre_loose = format!(r"(?:-?({pril}(?:\.{pril})*))");
        let bi = format!("{ldn}{l1}");
        let buildp = format!(r"(?:\+({bi}(?:\.{bi})*))");
        let fullplain = format!("v?{main}{pre}?{buildp}?");
        let looseplain = format!("[v={ws}]*{main_loose}{pre_loose}?{buildp}?");
        let gtlt = "((?:<|>)?=?)";
        let xi = format!(r"{ni}|x|X|\*");
        let xil = format!(r"{nil}|x|X|\*");
        let xplain = format!(r"[v={ws}]*({xi})(?:\.({xi})(?:\.({xi})(?:{pre})?{buildp}?)?)?");
        let xplain_loose = format!(r"[v={ws}]*({xil})(?:\.({xil})(?:\.({xil})(?:{pre_loose})?{buildp}?)?)?");
        let s01 = format!("{s}{{0,1}}");
        let s11 = format!("{s}{{1,1}}");
        Re {
            full: build(&format!("^{fullplain}$")),
            loose: build(&format!("^{looseplain}$")),
            xrange: build(&format!("^{gtlt}{s01}{xplain}$")),
            xrange_loose: build(&format!("^{gtlt}{s01}{xplain_loose}$")),
            coerce: build(r"(^|[^0-9])([0-9]{1,16})(?:\.([0-9]{1,16}))?(?:\.([0-9]{1,16}))?(?:$|[^0-9])"),
            tilde_trim: build(&format!("({s01})(?:~>?){s11}")),
            tilde: build(&format!("^(?:~>?){xplain}$")),
            tilde_loose: build(&format!("^(?:~>?){xplain_loose}$")),
            caret_trim: build(&format!(r"({s01})(?:\^){s11}")),
            caret: build(&format!(r"^(?:\^){xplain}$")),
            caret_loose: build(&format!(r"^(?:\^){xplain_loose}$")),
            comparator: build(&format!("^{gtlt}{s01}({fullplain})$|^$")),
            comparator_loose: build(&format!("^{gtlt}{s01}({looseplain})$|^$")),
            comparator_trim: build(&format!("({s01}){gtlt}{s01}({looseplain}|{xplain})")),
            hyphen: build(&format!("^{s01}({xplain}){s11}-{s11}({xplain}){s01}$")),
            hyphen_loose: build(&format!("^{s01}({xplain_loose}){s11}-{s11}({xplain_loose}){s01}$")),
            star: build(&format!(r"(<|>)?=?{s01}\*")),
            gte0: build(&format!(r"^{s01}>={s01}0\.0\.0{s01}$")),
            gte0_pre: build(&format!(r"^{s01}>={s01}0\.0\.0-0{s01}$")),
        }
    })
}

fn cap<'a>(c: &Captures<'a>, i: usize) -> Option<&'a str> {
    c.get(i).map(|m| m.as_str())
}

/// `String.prototype.replace(nonGlobalRegex, fn)`: replace the first match.
fn replace_first(re: &Regex, s: &str, f: impl Fn(&Captures) -> String) -> String {
    match re.captures(s) {
        None => s.to_string(),
        Some(c) => {
            let m = c.get(0).expect("group 0");
            let mut out = String::with_capacity(s.len() + 16);
            out.push_str(&s[..m.start()]);
            out.push_str(&f(&c));
            out.push_str(&s[m.end()..]);
            out
        }
    }
}

/// `String.prototype.replace(globalRegex, fn)` (none of these patterns matches empty).
fn replace_all(re: &Regex, s: &str, f: impl Fn(&Captures) -> String) -> String {
    re.replace_all(s, |c: &Captures| f(c)).into_owned()
}

// ---------------------------------------------------------------------------------------------
// SemVer

/// A prerelease identifier: digit strings below `MAX_SAFE_INTEGER` become numbers, as in
/// `classes/semver.js`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Identifier {
    /// A numeric identifier (`< MAX_SAFE_INTEGER`).
    Number(u64),
    /// Any other identifier (including digit strings too large to be safe integers).
    Text(String),
}

impl Identifier {
    fn is_numeric(&self) -> bool {
        match self {
            Identifier::Number(_) => true,
            Identifier::Text(t) => !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()),
        }
    }

    fn as_f64(&self) -> f64 {
        match self {
            Identifier::Number(n) => *n as f64,
            Identifier::Text(t) => js_to_number(t),
        }
    }

    /// JavaScript `===` between the two stored values.
    fn strict_eq(&self, o: &Identifier) -> bool {
        match (self, o) {
            (Identifier::Number(a), Identifier::Number(b)) => a == b,
            (Identifier::Text(a), Identifier::Text(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Identifier::Number(n) => write!(f, "{n}"),
            Identifier::Text(t) => f.write_str(t),
        }
    }
}

/// `compareIdentifiers` (`internal/identifiers.js`): numeric identifiers compare as doubles
/// and sort before alphanumeric ones; alphanumeric ones compare as strings.
fn compare_identifiers(a: &Identifier, b: &Identifier) -> Ordering {
    let (an, bn) = (a.is_numeric(), b.is_numeric());
    if an && bn {
        let (x, y) = (a.as_f64(), b.as_f64());
        return x.partial_cmp(&y).unwrap_or(Ordering::Greater);
    }
    if a.strict_eq(b) {
        Ordering::Equal
    } else if an && !bn {
        Ordering::Less
    } else if bn && !an {
        Ordering::Greater
    } else {
        let (Identifier::Text(x), Identifier::Text(y)) = (a, b) else {
            return Ordering::Greater;
        };
        // JavaScript compares UTF-16 code units; identifiers are ASCII.
        if x < y { Ordering::Less } else { Ordering::Greater }
    }
}

/// A parsed version (`classes/semver.js`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SemVer {
    /// Major number (≤ `MAX_SAFE_INTEGER`).
    pub major: u64,
    /// Minor number.
    pub minor: u64,
    /// Patch number.
    pub patch: u64,
    /// Prerelease identifiers.
    pub prerelease: Vec<Identifier>,
    /// Build identifiers.
    pub build: Vec<String>,
    /// The normalised version (`major.minor.patch[-prerelease]`, no build).
    pub version: String,
}

/// Why node-semver threw (`TypeError` messages of 7.5.4), with the byte span of the offending
/// part of the input when it is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeError {
    /// The upstream message, e.g. `Invalid comparator: !=2.11.0`.
    pub message: String,
    /// What kind of failure.
    pub kind: NodeErrorKind,
    /// Byte range of the offending comparator or OR segment in the input.
    pub span: Span,
    /// A hint for people, e.g. that node-semver has no `!=` operator.
    pub hint: Option<String>,
}

/// The kinds of node-semver failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum NodeErrorKind {
    /// `version is longer than 256 characters`.
    TooLong,
    /// `Invalid Version: …`.
    InvalidVersion,
    /// `Invalid major version` (also minor, patch): above `MAX_SAFE_INTEGER`.
    NumberTooLarge,
    /// `Invalid comparator: …`.
    InvalidComparator,
    /// `Invalid SemVer Range: …` (loose mode dropped every comparator).
    InvalidRange,
}

impl fmt::Display for NodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at bytes {}..{})", self.message, self.span.start, self.span.end)?;
        if let Some(h) = &self.hint {
            write!(f, "; {h}")?;
        }
        Ok(())
    }
}

impl std::error::Error for NodeError {}

fn err(kind: NodeErrorKind, message: String, span: Span) -> NodeError {
    NodeError { message, kind, span, hint: None }
}

/// Parses a JavaScript number from a digit string and checks `> MAX_SAFE_INTEGER`.
fn safe_number(digits: &str) -> Option<u64> {
    let t = digits.trim_start_matches('0');
    if t.len() > 16 {
        return None;
    }
    let n: u64 = if t.is_empty() { 0 } else { t.parse().ok()? };
    (n <= MAX_SAFE_INTEGER).then_some(n)
}

impl SemVer {
    /// `new SemVer(version, options)`: length check (`MAX_LENGTH`, in UTF-16 code units),
    /// `trim()`, `FULL` (or `LOOSE`), numbers ≤ `MAX_SAFE_INTEGER`, numeric prerelease
    /// identifiers below `MAX_SAFE_INTEGER` become numbers.
    ///
    /// Errors: [`NodeError`] with the upstream `TypeError` message; the span covers `version`.
    pub fn parse(version: &str, options: Options) -> Result<SemVer, NodeError> {
        let whole = Span::new(0, version.len());
        if version.encode_utf16().count() > MAX_LENGTH {
            return Err(err(NodeErrorKind::TooLong, format!("version is longer than {MAX_LENGTH} characters"), whole));
        }
        let r = rx(version);
        let rx = if options.loose { &r.loose } else { &r.full };
        let m = rx
            .captures(js_trim(version))
            .ok_or_else(|| err(NodeErrorKind::InvalidVersion, format!("Invalid Version: {version}"), whole))?;
        let num = |i: usize, what: &str| {
            safe_number(cap(&m, i).unwrap_or("0"))
                .ok_or_else(|| err(NodeErrorKind::NumberTooLarge, format!("Invalid {what} version"), whole))
        };
        let major = num(1, "major")?;
        let minor = num(2, "minor")?;
        let patch = num(3, "patch")?;
        let prerelease = match cap(&m, 4) {
            None | Some("") => Vec::new(),
            Some(p) => p
                .split('.')
                .map(|id| {
                    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
                        match safe_number(id) {
                            Some(n) if n < MAX_SAFE_INTEGER => return Identifier::Number(n),
                            _ => {}
                        }
                    }
                    Identifier::Text(id.to_string())
                })
                .collect(),
        };
        let build = match cap(&m, 5) {
            None | Some("") => Vec::new(),
            Some(b) => b.split('.').map(str::to_string).collect(),
        };
        let mut v = SemVer { major, minor, patch, prerelease, build, version: String::new() };
        v.version = v.format();
        Ok(v)
    }

    fn format(&self) -> String {
        let mut s = format!("{}.{}.{}", self.major, self.minor, self.patch);
        if !self.prerelease.is_empty() {
            s.push('-');
            let ids: Vec<String> = self.prerelease.iter().map(|i| i.to_string()).collect();
            s.push_str(&ids.join("."));
        }
        s
    }

    /// `compareMain`.
    pub fn compare_main(&self, o: &SemVer) -> Ordering {
        self.major.cmp(&o.major).then(self.minor.cmp(&o.minor)).then(self.patch.cmp(&o.patch))
    }

    /// `comparePre`, including its early `0` when two identifiers are numerically equal
    /// doubles without being `===`.
    pub fn compare_pre(&self, o: &SemVer) -> Ordering {
        match (self.prerelease.is_empty(), o.prerelease.is_empty()) {
            (false, true) => return Ordering::Less,
            (true, false) => return Ordering::Greater,
            (true, true) => return Ordering::Equal,
            _ => {}
        }
        let mut i = 0;
        loop {
            match (self.prerelease.get(i), o.prerelease.get(i)) {
                (None, None) => return Ordering::Equal,
                (Some(_), None) => return Ordering::Greater,
                (None, Some(_)) => return Ordering::Less,
                (Some(a), Some(b)) => {
                    if !a.strict_eq(b) {
                        return compare_identifiers(a, b);
                    }
                }
            }
            i += 1;
        }
    }

    /// `compare`: equal normalised strings are equal; else `compareMain || comparePre`.
    pub fn compare(&self, o: &SemVer) -> Ordering {
        if self.version == o.version {
            return Ordering::Equal;
        }
        self.compare_main(o).then_with(|| self.compare_pre(o))
    }

    /// True when the version has a prerelease.
    pub fn is_prerelease(&self) -> bool {
        !self.prerelease.is_empty()
    }
}

impl fmt::Display for SemVer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.version)
    }
}

// ---------------------------------------------------------------------------------------------
// Comparator

/// A primitive operator after parsing (`=` is stored as the empty operator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Operator {
    /// `=` or none.
    Eq,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

impl Operator {
    /// The operator as node-semver prints it (`""` for equality).
    pub const fn as_str(self) -> &'static str {
        match self {
            Operator::Eq => "",
            Operator::Lt => "<",
            Operator::Le => "<=",
            Operator::Gt => ">",
            Operator::Ge => ">=",
        }
    }
}

/// A primitive comparator (`classes/comparator.js`): an operator and a version, or ANY.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparator {
    /// The operator.
    pub operator: Operator,
    /// The version; `None` is `Comparator.ANY` (matches everything).
    pub semver: Option<SemVer>,
    /// `operator + version`, or `""` for ANY.
    pub value: String,
}

impl Comparator {
    /// `new Comparator(comp, options)`: whitespace collapse, `COMPARATOR` (or
    /// `COMPARATORLOOSE`), then `new SemVer(m[2], loose)`.
    ///
    /// Errors: `Invalid comparator: <comp>` or the `SemVer` error; spans are relative to
    /// `comp`.
    pub fn parse(comp: &str, options: Options) -> Result<Comparator, NodeError> {
        let comp = js_collapse(comp);
        let r = rx(&comp);
        let rx = if options.loose { &r.comparator_loose } else { &r.comparator };
        let whole = Span::new(0, comp.len());
        let m = rx
            .captures(&comp)
            .ok_or_else(|| err(NodeErrorKind::InvalidComparator, format!("Invalid comparator: {comp}"), whole))?;
        let operator = match cap(&m, 1).unwrap_or("") {
            "<" => Operator::Lt,
            "<=" => Operator::Le,
            ">" => Operator::Gt,
            ">=" => Operator::Ge,
            _ => Operator::Eq,
        };
        let semver = match cap(&m, 2) {
            None | Some("") => None,
            Some(v) => Some(SemVer::parse(v, Options { loose: options.loose, include_prerelease: false })?),
        };
        let value = match &semver {
            None => String::new(),
            Some(v) => format!("{}{}", operator.as_str(), v.version),
        };
        Ok(Comparator { operator, semver, value })
    }

    /// `Comparator.test(version)`.
    pub fn test(&self, v: &SemVer) -> bool {
        let Some(c) = &self.semver else { return true };
        let o = v.compare(c);
        match self.operator {
            Operator::Eq => o == Ordering::Equal,
            Operator::Lt => o == Ordering::Less,
            Operator::Le => o != Ordering::Greater,
            Operator::Gt => o == Ordering::Greater,
            Operator::Ge => o != Ordering::Less,
        }
    }

    fn is_null_set(&self) -> bool {
        self.value == "<0.0.0-0"
    }

    fn is_any(&self) -> bool {
        self.value.is_empty()
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

// ---------------------------------------------------------------------------------------------
// Range desugaring (classes/range.js)

fn replace_caret(comp: &str, o: Options) -> String {
    let r = rx(comp);
    let rx = if o.loose { &r.caret_loose } else { &r.caret };
    let z = if o.include_prerelease { "-0" } else { "" };
    replace_first(rx, comp, |c| {
        let (mj, mn, pt, pr) = (cap(c, 1), cap(c, 2), cap(c, 3), cap(c, 4));
        let (big, min, pat) = (mj.unwrap_or(""), mn.unwrap_or(""), pt.unwrap_or(""));
        if is_x(mj) {
            String::new()
        } else if is_x(mn) {
            format!(">={big}.0.0{z} <{}.0.0-0", js_plus_one(big))
        } else if is_x(pt) {
            if big == "0" {
                format!(">={big}.{min}.0{z} <{big}.{}.0-0", js_plus_one(min))
            } else {
                format!(">={big}.{min}.0{z} <{}.0.0-0", js_plus_one(big))
            }
        } else if let Some(pr) = pr.filter(|p| !p.is_empty()) {
            if big == "0" {
                if min == "0" {
                    format!(">={big}.{min}.{pat}-{pr} <{big}.{min}.{}-0", js_plus_one(pat))
                } else {
                    format!(">={big}.{min}.{pat}-{pr} <{big}.{}.0-0", js_plus_one(min))
                }
            } else {
                format!(">={big}.{min}.{pat}-{pr} <{}.0.0-0", js_plus_one(big))
            }
        } else if big == "0" {
            if min == "0" {
                format!(">={big}.{min}.{pat}{z} <{big}.{min}.{}-0", js_plus_one(pat))
            } else {
                format!(">={big}.{min}.{pat}{z} <{big}.{}.0-0", js_plus_one(min))
            }
        } else {
            format!(">={big}.{min}.{pat} <{}.0.0-0", js_plus_one(big))
        }
    })
}

fn replace_tilde(comp: &str, o: Options) -> String {
    let r = rx(comp);
    let rx = if o.loose { &r.tilde_loose } else { &r.tilde };
    replace_first(rx, comp, |c| {
        let (mj, mn, pt, pr) = (cap(c, 1), cap(c, 2), cap(c, 3), cap(c, 4));
        let (big, min, pat) = (mj.unwrap_or(""), mn.unwrap_or(""), pt.unwrap_or(""));
        if is_x(mj) {
            String::new()
        } else if is_x(mn) {
            format!(">={big}.0.0 <{}.0.0-0", js_plus_one(big))
        } else if is_x(pt) {
            format!(">={big}.{min}.0 <{big}.{}.0-0", js_plus_one(min))
        } else if let Some(pr) = pr.filter(|p| !p.is_empty()) {
            format!(">={big}.{min}.{pat}-{pr} <{big}.{}.0-0", js_plus_one(min))
        } else {
            format!(">={big}.{min}.{pat} <{big}.{}.0-0", js_plus_one(min))
        }
    })
}

fn replace_xrange(comp: &str, o: Options) -> String {
    let comp = js_trim(comp);
    let r = rx(comp);
    let rx = if o.loose { &r.xrange_loose } else { &r.xrange };
    replace_first(rx, comp, |c| {
        let ret = cap(c, 0).unwrap_or("");
        let mut gtlt = cap(c, 1).unwrap_or("").to_string();
        let (mj, mn, pt) = (cap(c, 2), cap(c, 3), cap(c, 4));
        let xm_major = is_x(mj);
        let xm = xm_major || is_x(mn);
        let xp = xm || is_x(pt);
        let any_x = xp;
        if gtlt == "=" && any_x {
            gtlt.clear();
        }
        let mut pr = if o.include_prerelease { "-0" } else { "" };
        if xm_major {
            if gtlt == ">" || gtlt == "<" { "<0.0.0-0".to_string() } else { "*".to_string() }
        } else if !gtlt.is_empty() && any_x {
            let mut big = mj.unwrap_or("").to_string();
            let mut min = if xm { "0".to_string() } else { mn.unwrap_or("").to_string() };
            let pat = "0";
            if gtlt == ">" {
                gtlt = ">=".into();
                if xm {
                    big = js_plus_one(&big);
                    min = "0".into();
                } else {
                    min = js_plus_one(&min);
                }
            } else if gtlt == "<=" {
                gtlt = "<".into();
                if xm {
                    big = js_plus_one(&big);
                } else {
                    min = js_plus_one(&min);
                }
            }
            if gtlt == "<" {
                pr = "-0";
            }
            format!("{gtlt}{big}.{min}.{pat}{pr}")
        } else if xm {
            let big = mj.unwrap_or("");
            format!(">={big}.0.0{pr} <{}.0.0-0", js_plus_one(big))
        } else if xp {
            let (big, min) = (mj.unwrap_or(""), mn.unwrap_or(""));
            format!(">={big}.{min}.0{pr} <{big}.{}.0-0", js_plus_one(min))
        } else {
            ret.to_string()
        }
    })
}

fn replace_stars(comp: &str) -> String {
    replace_first(&rx(comp).star, js_trim(comp), |_| String::new())
}

fn replace_gte0(comp: &str, o: Options) -> String {
    let r = rx(comp);
    let rx = if o.include_prerelease { &r.gte0_pre } else { &r.gte0 };
    replace_first(rx, js_trim(comp), |_| String::new())
}

fn parse_comparator_sugar(comp: &str, o: Options) -> String {
    let c: Vec<String> = js_split_ws(js_trim(comp)).iter().map(|c| replace_caret(c, o)).collect();
    let comp = c.join(" ");
    let c: Vec<String> = js_split_ws(js_trim(&comp)).iter().map(|c| replace_tilde(c, o)).collect();
    let comp = c.join(" ");
    let c: Vec<String> = js_split_ws(&comp).iter().map(|c| replace_xrange(c, o)).collect();
    let comp = c.join(" ");
    replace_stars(&comp)
}

fn hyphen_replace(c: &Captures, inc_pr: bool) -> String {
    let z = if inc_pr { "-0" } else { "" };
    let from_all = cap(c, 1).unwrap_or("");
    let (fm, fmi, fp, fpr) = (cap(c, 2), cap(c, 3), cap(c, 4), cap(c, 5));
    let to_all = cap(c, 7).unwrap_or("");
    let (tm, tmi, tp, tpr) = (cap(c, 8), cap(c, 9), cap(c, 10), cap(c, 11));
    let from = if is_x(fm) {
        String::new()
    } else if is_x(fmi) {
        format!(">={}.0.0{z}", fm.unwrap_or(""))
    } else if is_x(fp) {
        format!(">={}.{}.0{z}", fm.unwrap_or(""), fmi.unwrap_or(""))
    } else if fpr.is_some_and(|p| !p.is_empty()) {
        format!(">={from_all}")
    } else {
        format!(">={from_all}{z}")
    };
    let (tm_s, tmi_s, tp_s) = (tm.unwrap_or(""), tmi.unwrap_or(""), tp.unwrap_or(""));
    let to = if is_x(tm) {
        String::new()
    } else if is_x(tmi) {
        format!("<{}.0.0-0", js_plus_one(tm_s))
    } else if is_x(tp) {
        format!("<{tm_s}.{}.0-0", js_plus_one(tmi_s))
    } else if let Some(p) = tpr.filter(|p| !p.is_empty()) {
        format!("<={tm_s}.{tmi_s}.{tp_s}-{p}")
    } else if inc_pr {
        format!("<{tm_s}.{tmi_s}.{}-0", js_plus_one(tp_s))
    } else {
        format!("<={to_all}")
    };
    js_trim(&format!("{from} {to}")).to_string()
}

/// One OR group after parsing: its comparators (deduplicated, null set and ANY handled).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparatorSet {
    /// The comparators (AND).
    pub comparators: Vec<Comparator>,
    /// Byte range of the OR segment in the original range string.
    pub span: Span,
}

/// A parsed range (`classes/range.js`): an OR of comparator sets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Range {
    /// The input with whitespace collapsed (`range.raw`).
    pub raw: String,
    /// The comparator sets.
    pub set: Vec<ComparatorSet>,
    /// The options the range was parsed with.
    pub options: Options,
}

/// Error while desugaring one OR segment; the failing comparator text (after desugaring).
struct SegmentError {
    comp: String,
    error: NodeError,
}

fn parse_range_segment(range: &str, o: Options) -> Result<Vec<Comparator>, SegmentError> {
    let r = rx(range);
    let hr = if o.loose { &r.hyphen_loose } else { &r.hyphen };
    let range = replace_first(hr, range, |c| hyphen_replace(c, o.include_prerelease));
    let r = rx(&range);
    let range = replace_all(&r.comparator_trim, &range, |c| {
        format!("{}{}{}", cap(c, 1).unwrap_or(""), cap(c, 2).unwrap_or(""), cap(c, 3).unwrap_or(""))
    });
    let range = replace_all(&rx(&range).tilde_trim, &range, |c| format!("{}~", cap(c, 1).unwrap_or("")));
    let range = replace_all(&rx(&range).caret_trim, &range, |c| format!("{}^", cap(c, 1).unwrap_or("")));
    let sugared: Vec<String> = range.split(' ').map(|c| parse_comparator_sugar(c, o)).collect();
    let joined = sugared.join(" ");
    let mut list: Vec<String> = js_split_ws(&joined).iter().map(|c| replace_gte0(c, o)).collect();
    if o.loose {
        list.retain(|c| rx(c).comparator_loose.is_match(c));
    }
    let mut comparators = Vec::with_capacity(list.len());
    for c in &list {
        match Comparator::parse(c, o) {
            Ok(comp) => comparators.push(comp),
            Err(error) => {
                return Err(SegmentError { comp: js_collapse(c), error });
            }
        }
    }
    let mut out: Vec<Comparator> = Vec::with_capacity(comparators.len());
    let mut index: HashMap<String, usize> = HashMap::new();
    for comp in comparators {
        if comp.is_null_set() {
            return Ok(vec![comp]);
        }
        match index.get(&comp.value) {
            Some(&i) => out[i] = comp,
            None => {
                index.insert(comp.value.clone(), out.len());
                out.push(comp);
            }
        }
    }
    if out.len() > 1 && index.contains_key("") {
        out.retain(|c| !c.value.is_empty());
    }
    Ok(out)
}

/// Finds `needle` in `hay[within]`, letting whitespace in either side be skipped, and
/// returns its byte span in `hay`.
fn locate(hay: &str, within: Span, needle: &str) -> Option<Span> {
    let want: Vec<char> = needle.chars().filter(|c| !is_js_space(*c)).collect();
    if want.is_empty() {
        return None;
    }
    let region = &hay[within.start..within.end];
    let chars: Vec<(usize, char)> = region.char_indices().collect();
    for start in 0..chars.len() {
        if is_js_space(chars[start].1) {
            continue;
        }
        let mut k = 0;
        let mut j = start;
        let mut end = start;
        while j < chars.len() && k < want.len() {
            let ch = chars[j].1;
            if is_js_space(ch) {
                j += 1;
                continue;
            }
            if ch != want[k] {
                break;
            }
            k += 1;
            end = j;
            j += 1;
        }
        if k == want.len() {
            let (e, ch) = chars[end];
            return Some(Span::new(within.start + chars[start].0, within.start + e + ch.len_utf8()));
        }
    }
    None
}

fn hint_for(comp: &str) -> Option<String> {
    let t = js_trim(comp);
    if t.starts_with("!=") || t.contains("!=") {
        Some("node-semver has no `!=` operator".into())
    } else if t.contains(',') {
        Some("node-semver separates the comparators of an AND group with spaces only; a comma is invalid".into())
    } else if t.starts_with("=>") || t.starts_with("=<") {
        Some("node-semver has no `=>`/`=<` operators; write `>=`/`<=`".into())
    } else {
        None
    }
}

impl Range {
    /// `new Range(range, options)`: collapse whitespace, split on `||`, and for each segment
    /// replace a hyphen range, trim comparators, tildes and carets, desugar carets, tildes,
    /// X-ranges and stars, drop `>=0.0.0`, (loose: drop invalid comparators), build the
    /// comparators, keep only a null set if there is one, dedupe, and drop ANY beside others;
    /// then drop null sets beside other sets and collapse to `*` if a set is ANY.
    ///
    /// Errors: the first `TypeError` upstream would throw, with the byte span of the offending
    /// comparator (or its OR segment) in `range` and a hint for common mistakes (`!=`, commas).
    pub fn parse(range: &str, options: Options) -> Result<Range, NodeError> {
        let (raw, map) = js_collapse_mapped(range);
        let mut set: Vec<ComparatorSet> = Vec::new();
        let mut pos = 0usize;
        for part in raw.split("||") {
            let (a, b) = (pos, pos + part.len());
            pos = b + 2;
            let seg_span = Span::new(map[a], if b > a { char_end(range, map[b - 1]) } else { map[a] });
            let trimmed = js_trim(part);
            match parse_range_segment(trimmed, options) {
                Ok(comparators) => {
                    if !comparators.is_empty() {
                        set.push(ComparatorSet { comparators, span: seg_span });
                    }
                }
                Err(SegmentError { comp, mut error }) => {
                    error.span = locate(range, seg_span, &comp).unwrap_or(seg_span);
                    error.hint = hint_for(&comp).or_else(|| hint_for(trimmed));
                    if error.kind == NodeErrorKind::InvalidComparator {
                        error.message = format!("Invalid comparator: {comp}");
                    }
                    return Err(error);
                }
            }
        }
        if set.is_empty() {
            return Err(err(
                NodeErrorKind::InvalidRange,
                format!("Invalid SemVer Range: {raw}"),
                Span::new(0, range.len()),
            ));
        }
        if set.len() > 1 {
            let first = set[0].clone();
            set.retain(|s| !s.comparators[0].is_null_set());
            if set.is_empty() {
                set = vec![first];
            } else if set.len() > 1
                && let Some(any) = set.iter().find(|s| s.comparators.len() == 1 && s.comparators[0].is_any())
            {
                set = vec![any.clone()];
            }
        }
        Ok(Range { raw, set, options })
    }

    /// `range.range` (what `validRange` returns, before its `|| '*'`): sets joined with `||`,
    /// comparators with a space.
    pub fn formatted(&self) -> String {
        let sets: Vec<String> = self
            .set
            .iter()
            .map(|s| {
                let c: Vec<&str> = s.comparators.iter().map(|c| c.value.as_str()).collect();
                c.join(" ").trim().to_string()
            })
            .collect();
        sets.join("||").trim().to_string()
    }

    /// `range.test(version)`: false for an empty or invalid version string.
    pub fn test_str(&self, version: &str) -> bool {
        if version.is_empty() {
            return false;
        }
        match SemVer::parse(version, self.options) {
            Ok(v) => self.test(&v),
            Err(_) => false,
        }
    }

    /// `range.test(semver)`: some set passes `testSet`.
    pub fn test(&self, v: &SemVer) -> bool {
        self.set.iter().any(|s| test_set(&s.comparators, v, self.options).is_ok())
    }

    /// Explains [`Range::test`] for each comparator set: which comparator failed, or how the
    /// prerelease rule decided.
    pub fn explain(&self, v: &SemVer) -> RangeExplanation {
        let sets: Vec<SetExplanation> = (0..self.set.len()).map(|i| self.explain_set(i, v)).collect();
        RangeExplanation { satisfied: sets.iter().any(|s| s.satisfied), version: v.version.clone(), sets }
    }

    /// [`Range::explain`] bounded for reasons kept per matrix cell: the first `limit` rejecting
    /// sets are explained in full, later ones only tested until one passes, which is then
    /// explained. `satisfied` is exact; `sets` holds at most `limit + 1` entries, so the number of
    /// sets is [`Range::set`]'s length, not `sets.len()`. Linear in the range's size.
    pub fn explain_first(&self, v: &SemVer, limit: usize) -> RangeExplanation {
        let mut sets = Vec::new();
        for index in 0..self.set.len() {
            if sets.len() >= limit && test_set(&self.set[index].comparators, v, self.options).is_err() {
                continue;
            }
            let set = self.explain_set(index, v);
            let ok = set.satisfied;
            sets.push(set);
            if ok {
                break;
            }
        }
        RangeExplanation { satisfied: sets.last().is_some_and(|s| s.satisfied), version: v.version.clone(), sets }
    }

    /// How comparator set `index` decides `v` (one entry of [`Range::explain`]).
    fn explain_set(&self, index: usize, v: &SemVer) -> SetExplanation {
        let s = &self.set[index];
        let outcome = match test_set(&s.comparators, v, self.options) {
            Ok(o) => o,
            Err(o) => o,
        };
        let satisfied = matches!(
            outcome,
            SetOutcome::Passed | SetOutcome::PrereleaseAllowedBy { .. } | SetOutcome::PrereleaseIncluded
        );
        SetExplanation {
            index,
            span: s.span,
            comparators: s.comparators.iter().map(|c| c.value.clone()).collect(),
            satisfied,
            outcome,
        }
    }

    /// [`Range::explain`] on a version string (`None` when it is not a valid version).
    pub fn explain_str(&self, version: &str) -> Option<RangeExplanation> {
        SemVer::parse(version, self.options).ok().map(|v| self.explain(&v))
    }
}

/// The end of the character of `s` that contains byte `i`.
fn char_end(s: &str, i: usize) -> usize {
    let mut x = (i + 1).min(s.len());
    while !s.is_char_boundary(x) {
        x += 1;
    }
    x
}

/// How one comparator set decided (see [`Range::explain`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SetOutcome {
    /// Every comparator accepted a release version.
    Passed,
    /// The comparator `comparator` rejected the version.
    ComparatorFailed {
        /// The comparator (normalised).
        comparator: String,
    },
    /// All comparators accepted the prerelease version, and `comparator` has a prerelease on
    /// the same `[major, minor, patch]`, so it is allowed.
    PrereleaseAllowedBy {
        /// The comparator that allows it.
        comparator: String,
    },
    /// All comparators accepted the prerelease version, but no comparator has a prerelease on
    /// the same `[major, minor, patch]`.
    PrereleaseNotAllowed {
        /// Comparators that have a prerelease, but on another tuple.
        other_tuple_prereleases: Vec<String>,
    },
    /// `includePrerelease` is set, so the prerelease was treated as a normal version.
    PrereleaseIncluded,
}

/// One comparator set in a [`RangeExplanation`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SetExplanation {
    /// Index of the set.
    pub index: usize,
    /// Span of its OR segment in the original range.
    pub span: Span,
    /// The comparators (normalised).
    pub comparators: Vec<String>,
    /// Whether the set accepted the version.
    pub satisfied: bool,
    /// How it decided.
    pub outcome: SetOutcome,
}

/// The result of [`Range::explain`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RangeExplanation {
    /// The verdict.
    pub satisfied: bool,
    /// The version as node-semver normalises it.
    pub version: String,
    /// Every set, in order.
    pub sets: Vec<SetExplanation>,
}

/// `testSet`: every comparator must accept; then a prerelease version (without
/// `includePrerelease`) needs a comparator with a prerelease on the same tuple.
fn test_set(set: &[Comparator], v: &SemVer, o: Options) -> Result<SetOutcome, SetOutcome> {
    for c in set {
        if !c.test(v) {
            return Err(SetOutcome::ComparatorFailed { comparator: c.value.clone() });
        }
    }
    if v.is_prerelease() {
        if o.include_prerelease {
            return Ok(SetOutcome::PrereleaseIncluded);
        }
        let mut others = Vec::new();
        for c in set {
            let Some(a) = &c.semver else { continue };
            if a.is_prerelease() {
                if a.major == v.major && a.minor == v.minor && a.patch == v.patch {
                    return Ok(SetOutcome::PrereleaseAllowedBy { comparator: c.value.clone() });
                }
                others.push(c.value.clone());
            }
        }
        return Err(SetOutcome::PrereleaseNotAllowed { other_tuple_prereleases: others });
    }
    Ok(SetOutcome::Passed)
}

// ---------------------------------------------------------------------------------------------
// Functions

/// `semver.satisfies(version, range, options)` (`functions/satisfies.js`): false when the
/// range does not parse or the version is not valid.
///
/// Like upstream (whose `parseRange` keeps an LRU of 1000 parsed segments), parsed ranges are
/// memoised per thread (at most [`RANGE_MEMO_CAPACITY`] entries); parsing is deterministic, so
/// this changes nothing but speed.
pub fn satisfies(version: &str, range: &str, options: Options) -> bool {
    with_memoised_range(range, options, |r| match r {
        Ok(r) => r.test_str(version),
        Err(_) => false,
    })
}

/// Entries kept by the per-thread memo of [`satisfies`] before it is cleared.
pub const RANGE_MEMO_CAPACITY: usize = 1000;

type Memo = HashMap<(String, Options), std::rc::Rc<Result<Range, NodeError>>>;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(HashMap::new());
}

fn with_memoised_range<T>(range: &str, o: Options, f: impl FnOnce(&Result<Range, NodeError>) -> T) -> T {
    let key = (range.to_string(), o);
    let hit = MEMO.with(|m| m.borrow().get(&key).cloned());
    let parsed = match hit {
        Some(p) => p,
        None => {
            let p = std::rc::Rc::new(Range::parse(range, o));
            MEMO.with(|m| {
                let mut m = m.borrow_mut();
                if m.len() >= RANGE_MEMO_CAPACITY {
                    m.clear();
                }
                m.insert(key, p.clone());
            });
            p
        }
    };
    f(&parsed)
}

/// `semver.validRange(range, options)` (`ranges/valid.js`): the normalised range, `*` for
/// an empty one, `None` when invalid.
pub fn valid_range(range: &str, options: Options) -> Option<String> {
    let r = Range::parse(range, options).ok()?;
    let f = r.formatted();
    Some(if f.is_empty() { "*".to_string() } else { f })
}

/// `semver.valid(version, options)` (`functions/valid.js`): the normalised version or `None`.
pub fn valid(version: &str, options: Options) -> Option<String> {
    SemVer::parse(version, options).ok().map(|v| v.version)
}

/// `semver.coerce(version)` of 7.5.4 (`functions/coerce.js`, no options): the first
/// `COERCE` match (`(^|[^\d])(\d{1,16})(?:\.(\d{1,16}))?(?:\.(\d{1,16}))?(?:$|[^\d])`),
/// parsed strictly as `M.m.p` with missing parts 0. Prerelease and build are dropped.
/// `None` when nothing matches or the result is not a valid version (e.g. a leading zero or a
/// number above `MAX_SAFE_INTEGER`).
pub fn coerce(version: &str) -> Option<SemVer> {
    let m = re().coerce.captures(version)?;
    let s = format!("{}.{}.{}", cap(&m, 2).unwrap_or(""), cap(&m, 3).unwrap_or("0"), cap(&m, 4).unwrap_or("0"));
    SemVer::parse(&s, Options::DEFAULT).ok()
}
