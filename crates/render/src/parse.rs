//! Go `text/template` lexer and parser.
//!
//! Upstream: Go `src/text/template/parse/lex.go` (delimiters, `{{-`/`-}}` trimming, comments,
//! numbers, strings) and `parse.go` (actions, control structures, `define`/`block`, variables
//! checked at parse time, errors `template: NAME:LINE: message`).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::value::Value;

/// Default maximum nesting of control structures and parentheses (bounds recursion so that a
/// 1 MiB stack suffices; [`parse_with_depth`] takes another).
pub const MAX_PARSE_DEPTH: usize = 100;

/// A parsed template (one `define` or one file's top level).
#[derive(Debug)]
pub struct Tree {
    /// The template's name.
    pub name: String,
    /// The file it was parsed from (Go's `ParseName`), for error locations.
    pub parse_name: String,
    /// The file's text, for line and column of errors.
    pub text: Rc<str>,
    /// The body.
    pub root: Vec<Node>,
}

impl Tree {
    /// Go's `parse.IsEmptyTree`: only whitespace text (and nothing else).
    pub fn is_empty(&self) -> bool {
        self.root.iter().all(|n| matches!(n, Node::Text(t) if t.trim().is_empty()))
    }
}

/// A node of a template body (`pos`: byte offset in the source text).
#[derive(Debug)]
#[allow(missing_docs)]
pub enum Node {
    /// Literal text.
    Text(Rc<str>),
    /// `{{pipeline}}`.
    Action(Pipe),
    /// `{{if}}`.
    If(Branch),
    /// `{{with}}`.
    With(Branch),
    /// `{{range}}`.
    Range(Branch),
    /// `{{template "name" pipeline}}`.
    Template { pos: usize, name: String, pipe: Option<Pipe> },
    /// `{{break}}`.
    Break(usize),
    /// `{{continue}}`.
    Continue(usize),
}

/// `if`, `with`, `range`.
#[derive(Debug)]
pub struct Branch {
    /// Position of the keyword.
    pub pos: usize,
    /// The condition.
    pub pipe: Pipe,
    /// Body.
    pub list: Vec<Node>,
    /// `else` body.
    pub else_list: Option<Vec<Node>>,
}

/// A pipeline, with its declarations.
#[derive(Debug, Clone)]
pub struct Pipe {
    /// Position.
    pub pos: usize,
    /// Declared or assigned variables.
    pub decl: Vec<String>,
    /// `=` rather than `:=`.
    pub is_assign: bool,
    /// Commands separated by `|`.
    pub cmds: Vec<Cmd>,
}

/// One command of a pipeline.
#[derive(Debug, Clone)]
pub struct Cmd {
    /// Position.
    pub pos: usize,
    /// Operands.
    pub args: Vec<Arg>,
}

/// An operand (`pos`: byte offset in the source text).
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub enum Arg {
    /// `.A.B`.
    Field { pos: usize, idents: Vec<String> },
    /// `$x.A.B`.
    Variable { pos: usize, name: String, idents: Vec<String> },
    /// `.`.
    Dot(usize),
    /// `nil`.
    Nil(usize),
    /// `true`/`false`.
    Bool(usize, bool),
    /// A number constant, with its text.
    Number { pos: usize, text: String, value: Value },
    /// A string constant, with its quoted text.
    Str { pos: usize, quoted: String, value: Rc<str> },
    /// A function name.
    Ident { pos: usize, name: String },
    /// `(pipeline)`.
    Pipe(Box<Pipe>),
    /// `(pipeline).A.B` or `$x` chains of other terms.
    Chain { pos: usize, node: Box<Arg>, fields: Vec<String> },
}

impl Arg {
    /// Position.
    pub fn pos(&self) -> usize {
        match self {
            Arg::Field { pos, .. }
            | Arg::Variable { pos, .. }
            | Arg::Dot(pos)
            | Arg::Nil(pos)
            | Arg::Bool(pos, _)
            | Arg::Number { pos, .. }
            | Arg::Str { pos, .. }
            | Arg::Ident { pos, .. }
            | Arg::Chain { pos, .. } => *pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Field { idents, .. } => {
                for i in idents {
                    write!(f, ".{i}")?;
                }
                Ok(())
            }
            Arg::Variable { name, idents, .. } => {
                write!(f, "{name}")?;
                for i in idents {
                    write!(f, ".{i}")?;
                }
                Ok(())
            }
            Arg::Dot(_) => write!(f, "."),
            Arg::Nil(_) => write!(f, "nil"),
            Arg::Bool(_, b) => write!(f, "{b}"),
            Arg::Number { text, .. } => write!(f, "{text}"),
            Arg::Str { quoted, .. } => write!(f, "{quoted}"),
            Arg::Ident { name, .. } => write!(f, "{name}"),
            Arg::Pipe(p) => write!(f, "({p})"),
            Arg::Chain { node, fields, .. } => {
                match &**node {
                    Arg::Pipe(p) => write!(f, "({p})")?,
                    n => write!(f, "{n}")?,
                }
                for i in fields {
                    write!(f, ".{i}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::fmt::Display for Cmd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                write!(f, " ")?;
            }
            if let Arg::Pipe(p) = a {
                write!(f, "({p})")?;
            } else {
                write!(f, "{a}")?;
            }
        }
        Ok(())
    }
}

impl std::fmt::Display for Pipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.decl.is_empty() {
            write!(f, "{}", self.decl.join(", "))?;
            write!(f, "{}", if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                write!(f, " | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Text(String),
    Left,
    Right,
    Space,
    Field(String),
    Var(String),
    Ident(String),
    Str(String, String),
    RawStr(String, String),
    Char(String),
    Number(String),
    Bool(bool),
    Nil,
    Dot,
    Pipe,
    LParen,
    RParen,
    Assign,
    Declare,
    Comma,
    Keyword(&'static str),
    Punct(char),
    Eof,
    Error(String),
}

#[derive(Debug, Clone)]
struct Item {
    tok: Tok,
    pos: usize,
    line: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Lexes the whole text (Go's lexer is a goroutine; the order of items is the same).
fn lex(text: &str) -> Vec<Item> {
    let b = text.as_bytes();
    let mut items = Vec::new();
    let mut pos = 0;
    let mut line = 1;
    let count_lines = |s: &str| s.bytes().filter(|&c| c == b'\n').count();
    loop {
        // text
        let next = text[pos..].find("{{").map(|i| pos + i);
        let end = next.unwrap_or(b.len());
        let mut text_end = end;
        let mut trim_left = false;
        if let Some(n) = next
            && b.len() > n + 3
            && b[n + 2] == b'-'
            && is_space(b[n + 3])
        {
            trim_left = true;
            while text_end > pos && is_space(b[text_end - 1]) {
                text_end -= 1;
            }
        }
        if text_end > pos {
            items.push(Item { tok: Tok::Text(text[pos..text_end].to_string()), pos, line });
        }
        line += count_lines(&text[pos..end]);
        let Some(n) = next else {
            items.push(Item { tok: Tok::Eof, pos: b.len(), line });
            return items;
        };
        pos = n + 2;
        if trim_left {
            pos += 1; // the '-'; the space is lexed as space
        }
        let p = if trim_left { pos + 1 } else { pos };
        if text[p..].starts_with("/*") {
            let Some(close) = text[p + 2..].find("*/") else {
                items.push(Item { tok: Tok::Error("unclosed comment".into()), pos: p, line });
                return items;
            };
            let cend = p + 2 + close + 2;
            line += count_lines(&text[pos..cend]);
            let mut q = cend;
            let mut trim_right = false;
            if text[q..].starts_with(" -}}")
                || text[q..].starts_with("\t-}}")
                || text[q..].starts_with("\n-}}")
                || text[q..].starts_with("\r-}}")
            {
                trim_right = true;
                q += 2;
            }
            if !text[q..].starts_with("}}") {
                items.push(Item { tok: Tok::Error("comment ends before closing delimiter".into()), pos: q, line });
                return items;
            }
            pos = q + 2;
            if trim_right {
                while pos < b.len() && is_space(b[pos]) {
                    if b[pos] == b'\n' {
                        line += 1;
                    }
                    pos += 1;
                }
            }
            continue;
        }
        items.push(Item { tok: Tok::Left, pos: n, line });
        let action_line = line;
        // inside action
        let mut paren = 0i32;
        loop {
            let rest = &text[pos..];
            // right delimiter with trim
            if rest.len() >= 4 && is_space(b[pos]) && rest[1..].starts_with("-}}") {
                let sp_lines = count_lines(&rest[..1]);
                line += sp_lines;
                items.push(Item { tok: Tok::Right, pos: pos + 2, line });
                pos += 4;
                while pos < b.len() && is_space(b[pos]) {
                    if b[pos] == b'\n' {
                        line += 1;
                    }
                    pos += 1;
                }
                break;
            }
            if rest.starts_with("}}") {
                if paren > 0 {
                    items.push(Item { tok: Tok::Error("unclosed left paren".into()), pos, line });
                    return items;
                }
                items.push(Item { tok: Tok::Right, pos, line });
                pos += 2;
                break;
            }
            let Some(c) = rest.chars().next() else {
                items.push(Item {
                    tok: Tok::Error(format!("unclosed action started at {{NAME}}:{action_line}")),
                    pos,
                    line,
                });
                return items;
            };
            let start = pos;
            match c {
                ' ' | '\t' | '\r' | '\n' => {
                    let mut q = pos;
                    while q < b.len() && is_space(b[q]) && !text[q + 1..].starts_with("-}}") {
                        q += 1;
                    }
                    let nl = count_lines(&text[pos..q]);
                    items.push(Item { tok: Tok::Space, pos, line });
                    line += nl;
                    pos = q;
                    let _ = start;
                }
                '=' => {
                    items.push(Item { tok: Tok::Assign, pos, line });
                    pos += 1;
                }
                ':' => {
                    if rest.starts_with(":=") {
                        items.push(Item { tok: Tok::Declare, pos, line });
                        pos += 2;
                    } else {
                        items.push(Item { tok: Tok::Error("expected :=".into()), pos, line });
                        return items;
                    }
                }
                '|' => {
                    items.push(Item { tok: Tok::Pipe, pos, line });
                    pos += 1;
                }
                ',' => {
                    items.push(Item { tok: Tok::Comma, pos, line });
                    pos += 1;
                }
                '(' => {
                    paren += 1;
                    items.push(Item { tok: Tok::LParen, pos, line });
                    pos += 1;
                }
                ')' => {
                    paren -= 1;
                    if paren < 0 {
                        items.push(Item { tok: Tok::Error("unexpected right paren".into()), pos, line });
                        return items;
                    }
                    items.push(Item { tok: Tok::RParen, pos, line });
                    pos += 1;
                }
                '"' => {
                    let mut q = pos + 1;
                    loop {
                        if q >= b.len() || b[q] == b'\n' {
                            items.push(Item { tok: Tok::Error("unterminated quoted string".into()), pos, line });
                            return items;
                        }
                        if b[q] == b'\\' {
                            q += 2;
                            continue;
                        }
                        if b[q] == b'"' {
                            break;
                        }
                        q += 1;
                    }
                    let quoted = &text[pos..=q];
                    match unquote(quoted) {
                        Some(v) => items.push(Item { tok: Tok::Str(quoted.to_string(), v), pos, line }),
                        None => {
                            items.push(Item { tok: Tok::Error(format!("invalid syntax: {quoted}")), pos, line });
                            return items;
                        }
                    }
                    pos = q + 1;
                }
                '`' => {
                    let Some(close) = text[pos + 1..].find('`') else {
                        items.push(Item { tok: Tok::Error("unterminated raw quoted string".into()), pos, line });
                        return items;
                    };
                    let q = pos + 1 + close;
                    let raw = text[pos + 1..q].to_string();
                    items.push(Item { tok: Tok::RawStr(text[pos..=q].to_string(), raw.clone()), pos, line });
                    line += count_lines(&raw);
                    pos = q + 1;
                }
                '\'' => {
                    let mut q = pos + 1;
                    while q < b.len() && b[q] != b'\'' {
                        if b[q] == b'\\' {
                            q += 1;
                        }
                        q += 1;
                    }
                    if q >= b.len() {
                        items.push(Item { tok: Tok::Error("unterminated character constant".into()), pos, line });
                        return items;
                    }
                    items.push(Item { tok: Tok::Char(text[pos..=q].to_string()), pos, line });
                    pos = q + 1;
                }
                '$' => {
                    let mut q = pos + 1;
                    while let Some(ch) = text[q..].chars().next() {
                        if !is_alnum(ch) {
                            break;
                        }
                        q += ch.len_utf8();
                    }
                    if let Some(e) = bad_char(text, q) {
                        items.push(Item { tok: Tok::Error(e), pos: q, line });
                        return items;
                    }
                    items.push(Item { tok: Tok::Var(text[pos..q].to_string()), pos, line });
                    pos = q;
                }
                '.' => {
                    let nc = rest[1..].chars().next();
                    if nc.is_some_and(|c| c.is_ascii_digit()) {
                        let q = scan_number(text, pos);
                        items.push(Item { tok: Tok::Number(text[pos..q].to_string()), pos, line });
                        pos = q;
                    } else if nc.is_some_and(is_alnum) {
                        let mut q = pos + 1;
                        while let Some(ch) = text[q..].chars().next() {
                            if !is_alnum(ch) {
                                break;
                            }
                            q += ch.len_utf8();
                        }
                        if let Some(e) = bad_char(text, q) {
                            items.push(Item { tok: Tok::Error(e), pos: q, line });
                            return items;
                        }
                        items.push(Item { tok: Tok::Field(text[pos + 1..q].to_string()), pos, line });
                        pos = q;
                    } else {
                        items.push(Item { tok: Tok::Dot, pos, line });
                        pos += 1;
                    }
                }
                '+' | '-' | '0'..='9' => {
                    let q = scan_number(text, pos);
                    if q == pos || text[q..].chars().next().is_some_and(is_alnum) {
                        // Go's scanNumber stops after the first alphanumeric that follows
                        let bad_end = q + text[q..].chars().next().map_or(0, char::len_utf8);
                        items.push(Item {
                            tok: Tok::Error(format!("bad number syntax: {:?}", &text[pos..bad_end.max(pos + 1)])),
                            pos,
                            line,
                        });
                        return items;
                    }
                    items.push(Item { tok: Tok::Number(text[pos..q].to_string()), pos, line });
                    pos = q;
                }
                c if is_alnum(c) => {
                    let mut q = pos;
                    while let Some(ch) = text[q..].chars().next() {
                        if !is_alnum(ch) {
                            break;
                        }
                        q += ch.len_utf8();
                    }
                    let word = &text[pos..q];
                    if let Some(e) = bad_char(text, q) {
                        items.push(Item { tok: Tok::Error(e), pos: q, line });
                        return items;
                    }
                    let tok = match word {
                        "true" => Tok::Bool(true),
                        "false" => Tok::Bool(false),
                        "nil" => Tok::Nil,
                        "block" => Tok::Keyword("block"),
                        "break" => Tok::Keyword("break"),
                        "continue" => Tok::Keyword("continue"),
                        "define" => Tok::Keyword("define"),
                        "else" => Tok::Keyword("else"),
                        "end" => Tok::Keyword("end"),
                        "if" => Tok::Keyword("if"),
                        "range" => Tok::Keyword("range"),
                        "template" => Tok::Keyword("template"),
                        "with" => Tok::Keyword("with"),
                        _ => Tok::Ident(word.to_string()),
                    };
                    items.push(Item { tok, pos, line });
                    pos = q;
                }
                c if c.is_ascii() && !c.is_ascii_control() => {
                    items.push(Item { tok: Tok::Punct(c), pos, line });
                    pos += 1;
                }
                c => {
                    items.push(Item {
                        tok: Tok::Error(format!("unrecognized character in action: {}", go_quote_rune(c))),
                        pos,
                        line,
                    });
                    return items;
                }
            }
        }
    }
}

/// Go's `atTerminator` check after a word, field or variable: `bad character U+002D '-'`.
fn bad_char(text: &str, q: usize) -> Option<String> {
    let rest = &text[q..];
    let c = rest.chars().next()?;
    if matches!(c, ' ' | '\t' | '\r' | '\n' | '.' | ',' | '|' | ':' | ')' | '(') || rest.starts_with("}}") {
        return None;
    }
    Some(format!("bad character {}", go_quote_rune(c)))
}

fn go_quote_rune(c: char) -> String {
    format!("U+{:04X} '{}'", c as u32, c)
}

fn scan_number(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut q = pos;
    if q < b.len() && (b[q] == b'+' || b[q] == b'-') {
        q += 1;
    }
    let mut digits: &[u8] = b"0123456789_";
    if q + 1 < b.len() && b[q] == b'0' && matches!(b[q + 1], b'x' | b'X') {
        q += 2;
        digits = b"0123456789abcdefABCDEF_";
    } else if q + 1 < b.len() && b[q] == b'0' && matches!(b[q + 1], b'o' | b'O') {
        q += 2;
        digits = b"01234567_";
    } else if q + 1 < b.len() && b[q] == b'0' && matches!(b[q + 1], b'b' | b'B') {
        q += 2;
        digits = b"01_";
    }
    while q < b.len() && digits.contains(&b[q]) {
        q += 1;
    }
    if q < b.len() && b[q] == b'.' {
        q += 1;
        while q < b.len() && digits.contains(&b[q]) {
            q += 1;
        }
    }
    if digits.len() == 23 && q < b.len() && matches!(b[q], b'p' | b'P') {
        q += 1;
        if q < b.len() && (b[q] == b'+' || b[q] == b'-') {
            q += 1;
        }
        while q < b.len() && b"0123456789_".contains(&b[q]) {
            q += 1;
        }
    }
    if digits.len() == 11 && q < b.len() && matches!(b[q], b'e' | b'E') {
        q += 1;
        if q < b.len() && (b[q] == b'+' || b[q] == b'-') {
            q += 1;
        }
        while q < b.len() && b"0123456789_".contains(&b[q]) {
            q += 1;
        }
    }
    if q < b.len() && b[q] == b'i' {
        q += 1;
    }
    q
}

/// Go's `strconv.Unquote` for double-quoted strings.
pub fn unquote(q: &str) -> Option<String> {
    let inner = q.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut it = inner.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = it.next()?;
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => return None,
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let h: String = (0..n).filter_map(|_| it.next()).collect();
                if h.len() != n {
                    return None;
                }
                let v = u32::from_str_radix(&h, 16).ok()?;
                if e == 'x' {
                    // a byte; only valid UTF-8 sequences survive in a Rust string
                    out.push(char::from_u32(v)?);
                } else {
                    out.push(char::from_u32(v)?);
                }
            }
            '0'..='7' => {
                let mut s = String::from(e);
                for _ in 0..2 {
                    s.push(it.next()?);
                }
                let v = u32::from_str_radix(&s, 8).ok()?;
                out.push(char::from_u32(v)?);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Parses a number constant the way Go's `parse.NumberNode` does for templates: integers stay
/// integers (`int`), others are `float64`; character constants are integers.
fn number_value(text: &str) -> Option<Value> {
    if text.starts_with('\'') {
        let inner = &text[1..text.len() - 1];
        let c = if let Some(esc) = inner.strip_prefix('\\') {
            match esc {
                "n" => '\n',
                "t" => '\t',
                "\\" => '\\',
                "'" => '\'',
                "r" => '\r',
                "0" => '\0',
                _ => return None,
            }
        } else {
            let mut cs = inner.chars();
            let c = cs.next()?;
            if cs.next().is_some() {
                return None;
            }
            c
        };
        return Some(Value::Int(c as i64));
    }
    if text.ends_with('i') {
        return None;
    }
    let clean = text.replace('_', "");
    if let Some(i) = crate::yaml::go_parse_int(&clean) {
        return Some(Value::Int(i));
    }
    if let Some(u) = crate::yaml::go_parse_uint_base0(&clean) {
        // Past int64: only a uint64 (see `uint_only`).
        return Some(Value::Float(u as f64));
    }
    let lower = clean.to_ascii_lowercase();
    if lower.contains("0x") {
        return hex_float(&lower).map(Value::Float);
    }
    clean.parse::<f64>().ok().map(|f| {
        if f.fract() == 0.0 && !lower.contains('e') && !lower.contains('.') && f.abs() < 9.2e18 {
            Value::Int(f as i64)
        } else {
            Value::Float(f)
        }
    })
}

/// A literal that Go's `newNumber` reads as a uint64 only (past int64, no float syntax): as an
/// operand, `idealConstant` (`text/template/exec.go`) fails with "N overflows int".
pub(crate) fn uint_only(text: &str) -> bool {
    let clean = text.replace('_', "");
    !text.starts_with('\'')
        && crate::yaml::go_parse_int(&clean).is_none()
        && crate::yaml::go_parse_uint_base0(&clean).is_some()
}

/// Go's `newNumber` (`text/template/parse/node.go`) refuses a literal that reads as a float but
/// looks like an integer (none of `.eEpP`) and fits neither int64 nor uint64: "integer
/// overflow: %q".
fn integer_overflow(text: &str) -> bool {
    let clean = text.replace('_', "");
    !text.starts_with('\'')
        && !clean.contains(['.', 'e', 'E', 'p', 'P'])
        && crate::yaml::go_parse_int(&clean).is_none()
        && crate::yaml::go_parse_uint_base0(&clean).is_none()
        && clean.parse::<f64>().is_ok()
}

/// A parse error (`template: NAME:LINE: message`).
#[derive(Debug, Clone)]
pub struct ParseError {
    /// Go's full message.
    pub message: String,
}

struct Parser<'a> {
    name: String,
    text: Rc<str>,
    items: Vec<Item>,
    i: usize,
    funcs: &'a dyn Fn(&str) -> bool,
    vars: Vec<String>,
    range_depth: usize,
    depth: usize,
    max_depth: usize,
    defines: Vec<Tree>,
}

/// Parses a template file: its top-level tree and its `define`d templates.
pub fn parse(name: &str, text: &str, funcs: &dyn Fn(&str) -> bool) -> Result<(Tree, Vec<Tree>), ParseError> {
    parse_with_depth(name, text, funcs, MAX_PARSE_DEPTH)
}

/// [`parse`] with a nesting limit.
pub fn parse_with_depth(
    name: &str,
    text: &str,
    funcs: &dyn Fn(&str) -> bool,
    max_depth: usize,
) -> Result<(Tree, Vec<Tree>), ParseError> {
    let rc: Rc<str> = Rc::from(text);
    let mut p = Parser {
        name: name.to_string(),
        text: rc.clone(),
        items: lex(text),
        i: 0,
        funcs,
        vars: vec!["$".into()],
        range_depth: 0,
        depth: 0,
        max_depth,
        defines: Vec::new(),
    };
    let mut root = Vec::new();
    loop {
        let it = p.peek().clone();
        match &it.tok {
            Tok::Eof => break,
            Tok::Left => {
                // define?
                let save = p.i;
                p.next();
                let kw = p.next_non_space();
                if kw.tok == Tok::Keyword("define") {
                    p.parse_define()?;
                    continue;
                }
                p.i = save;
            }
            _ => {}
        }
        match p.text_or_action()? {
            Some(n) => root.push(n),
            None => {
                let it = p.items[p.i.saturating_sub(1)].clone();
                return Err(p.err_at(&it, &format!("unexpected {}", describe(&it.tok))));
            }
        }
    }
    let tree = Tree { name: name.into(), parse_name: name.into(), text: rc, root };
    Ok((tree, p.defines))
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Keyword(k) => format!("{{{{{k}}}}}"),
        Tok::Eof => "EOF".into(),
        Tok::Right => "\"}}\"".into(),
        Tok::RParen => "\")\"".into(),
        Tok::Ident(s) | Tok::Number(s) | Tok::Char(s) => format!("{s:?}"),
        Tok::Str(q, _) | Tok::RawStr(q, _) => format!("{q:?}"),
        Tok::Field(f) => format!("\".{f}\""),
        Tok::Var(v) => format!("{v:?}"),
        Tok::Pipe => "\"|\"".into(),
        Tok::LParen => "\"(\"".into(),
        Tok::Comma => "\",\"".into(),
        Tok::Assign => "\"=\"".into(),
        Tok::Declare => "\":=\"".into(),
        Tok::Dot => "\".\"".into(),
        Tok::Bool(b) => format!("\"{b}\""),
        Tok::Nil => "\"nil\"".into(),
        Tok::Space => "space".into(),
        Tok::Left => "\"{{\"".into(),
        Tok::Text(s) => format!("{s:?}"),
        Tok::Error(e) => e.clone(),
        Tok::Punct(c) => format!("\"{c}\""),
    }
}

enum EndKind {
    End,
    Else,
}

impl Parser<'_> {
    fn peek(&self) -> &Item {
        &self.items[self.i.min(self.items.len() - 1)]
    }
    fn next(&mut self) -> Item {
        let it = self.items[self.i.min(self.items.len() - 1)].clone();
        if self.i < self.items.len() - 1 {
            self.i += 1;
        }
        it
    }
    fn next_non_space(&mut self) -> Item {
        loop {
            let it = self.next();
            if it.tok != Tok::Space {
                return it;
            }
        }
    }
    fn peek_non_space(&mut self) -> Item {
        let save = self.i;
        let it = self.next_non_space();
        self.i = save;
        it
    }

    fn err_at(&self, it: &Item, msg: &str) -> ParseError {
        let msg = msg.replace("{NAME}", &self.name);
        ParseError { message: format!("template: {}:{}: {}", self.name, it.line, msg) }
    }
    fn err(&self, msg: &str) -> ParseError {
        let it = &self.items[self.i.saturating_sub(1).min(self.items.len() - 1)];
        if let Tok::Error(e) = &it.tok {
            return self.err_at(it, e);
        }
        self.err_at(it, msg)
    }

    fn unexpected(&self, it: &Item, context: &str) -> ParseError {
        if let Tok::Error(e) = &it.tok {
            return self.err_at(it, e);
        }
        self.err_at(it, &format!("unexpected {} in {}", describe(&it.tok), context))
    }

    fn parse_define(&mut self) -> Result<(), ParseError> {
        let name_tok = self.next_non_space();
        let name = match &name_tok.tok {
            Tok::Str(_, v) | Tok::RawStr(_, v) => v.clone(),
            _ => return Err(self.unexpected(&name_tok, "define clause")),
        };
        let r = self.next_non_space();
        if r.tok != Tok::Right {
            return Err(self.unexpected(&r, "define clause"));
        }
        let saved_vars = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let (list, end) = self.item_list()?;
        self.vars = saved_vars;
        if let EndKind::Else = end {
            return Err(self.err("unexpected {{else}}"));
        }
        let tree = Tree { name, parse_name: self.name.clone(), text: self.text.clone(), root: list };
        if !tree.is_empty()
            && let Some(i) = self.defines.iter().position(|d| d.name == tree.name)
        {
            if !self.defines[i].is_empty() {
                let it = self.items[self.i.saturating_sub(1)].clone();
                return Err(self.err_at(&it, &format!("template: multiple definition of template {:?}", tree.name)));
            }
            self.defines.remove(i);
        }
        self.defines.push(tree);
        Ok(())
    }

    /// Parses nodes until `{{end}}` or `{{else}}`.
    fn item_list(&mut self) -> Result<(Vec<Node>, EndKind), ParseError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.err("max nesting depth exceeded"));
        }
        let mut list = Vec::new();
        loop {
            if self.peek().tok == Tok::Eof {
                let it = self.peek().clone();
                return Err(self.err_at(&it, "unexpected EOF"));
            }
            // end / else
            if self.peek().tok == Tok::Left {
                let save = self.i;
                self.next();
                let kw = self.next_non_space();
                match kw.tok {
                    Tok::Keyword("end") => {
                        let r = self.next_non_space();
                        if r.tok != Tok::Right {
                            return Err(self.unexpected(&r, "end"));
                        }
                        self.depth -= 1;
                        return Ok((list, EndKind::End));
                    }
                    Tok::Keyword("else") => {
                        self.depth -= 1;
                        // leave "else ..." for the caller: position after 'else'
                        return Ok((list, EndKind::Else));
                    }
                    Tok::Keyword("define") => {
                        return Err(self.err_at(&kw, "unexpected <define> in command"));
                    }
                    _ => self.i = save,
                }
            }
            if let Some(n) = self.text_or_action()? {
                list.push(n);
            }
        }
    }

    fn text_or_action(&mut self) -> Result<Option<Node>, ParseError> {
        let it = self.next();
        match it.tok.clone() {
            Tok::Text(s) => Ok(Some(Node::Text(Rc::from(s.as_str())))),
            Tok::Left => self.action().map(Some),
            Tok::Error(e) => Err(self.err_at(&it, &e)),
            _ => Err(self.unexpected(&it, "input")),
        }
    }

    fn action(&mut self) -> Result<Node, ParseError> {
        let save = self.i;
        let it = self.next_non_space();
        match it.tok.clone() {
            Tok::Keyword("block") => return self.block(it.pos),
            Tok::Keyword("break") => return self.break_continue(it, true),
            Tok::Keyword("continue") => return self.break_continue(it, false),
            Tok::Keyword("if") => return self.branch("if", it.pos).map(Node::If),
            Tok::Keyword("range") => return self.branch("range", it.pos).map(Node::Range),
            Tok::Keyword("with") => return self.branch("with", it.pos).map(Node::With),
            Tok::Keyword("template") => return self.template(it.pos),
            Tok::Keyword("else") => return Err(self.err_at(&it, "unexpected {{else}}")),
            Tok::Keyword("end") => return Err(self.err_at(&it, "unexpected {{end}}")),
            Tok::Keyword("define") => return Err(self.err_at(&it, "unexpected <define> in command")),
            _ => {}
        }
        self.i = save;
        let pipe = self.pipeline("command", Tok::Right)?;
        Ok(Node::Action(pipe))
    }

    fn break_continue(&mut self, it: Item, is_break: bool) -> Result<Node, ParseError> {
        let word = if is_break { "break" } else { "continue" };
        let r = self.next_non_space();
        if r.tok != Tok::Right {
            return Err(self.unexpected(&r, &format!("{{{{{word}}}}}")));
        }
        if self.range_depth == 0 {
            return Err(self.err_at(&it, &format!("{{{{{word}}}}} outside {{{{range}}}}")));
        }
        Ok(if is_break { Node::Break(it.pos) } else { Node::Continue(it.pos) })
    }

    fn template(&mut self, _pos: usize) -> Result<Node, ParseError> {
        let t = self.next_non_space();
        let pos = t.pos;
        let name = match &t.tok {
            Tok::Str(_, v) | Tok::RawStr(_, v) => v.clone(),
            _ => return Err(self.unexpected(&t, "template clause")),
        };
        let pipe = if self.peek_non_space().tok != Tok::Right {
            Some(self.pipeline("template clause", Tok::Right)?)
        } else {
            self.next_non_space();
            None
        };
        Ok(Node::Template { pos, name, pipe })
    }

    fn block(&mut self, pos: usize) -> Result<Node, ParseError> {
        let t = self.next_non_space();
        let name = match &t.tok {
            Tok::Str(_, v) | Tok::RawStr(_, v) => v.clone(),
            _ => return Err(self.unexpected(&t, "block clause")),
        };
        let pipe = self.pipeline("block clause", Tok::Right)?;
        let saved_vars = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let (list, end) = self.item_list()?;
        self.vars = saved_vars;
        if let EndKind::Else = end {
            return Err(self.err("unexpected {{else}}"));
        }
        self.defines.push(Tree {
            name: name.clone(),
            parse_name: self.name.clone(),
            text: self.text.clone(),
            root: list,
        });
        Ok(Node::Template { pos, name, pipe: Some(pipe) })
    }

    fn branch(&mut self, ctx: &'static str, pos: usize) -> Result<Branch, ParseError> {
        let vars_len = self.vars.len();
        let pipe = self.pipeline(ctx, Tok::Right)?;
        if ctx == "range" {
            self.range_depth += 1;
        }
        let (list, end) = self.item_list()?;
        if ctx == "range" {
            self.range_depth -= 1;
        }
        let mut else_list = None;
        if let EndKind::Else = end {
            // else, else if, else with
            let nxt = self.peek_non_space();
            if (ctx == "if" && nxt.tok == Tok::Keyword("if")) || (ctx == "with" && nxt.tok == Tok::Keyword("with")) {
                let kw = self.next_non_space();
                let inner = self.branch(ctx, kw.pos)?;
                let node = if ctx == "if" { Node::If(inner) } else { Node::With(inner) };
                else_list = Some(vec![node]);
            } else {
                let r = self.next_non_space();
                if r.tok != Tok::Right {
                    return Err(self.unexpected(&r, "else"));
                }
                let (el, end2) = self.item_list()?;
                if let EndKind::Else = end2 {
                    return Err(self.err("expected end; found {{else}}"));
                }
                else_list = Some(el);
            }
        }
        self.vars.truncate(vars_len);
        Ok(Branch { pos, pipe, list, else_list })
    }

    fn pipeline(&mut self, context: &str, end: Tok) -> Result<Pipe, ParseError> {
        let start = self.peek_non_space();
        let mut pipe = Pipe { pos: start.pos, decl: Vec::new(), is_assign: false, cmds: Vec::new() };
        // declarations
        if let Tok::Var(v) = &start.tok {
            let save = self.i;
            self.next_non_space();
            let next = self.peek_non_space();
            match next.tok {
                Tok::Assign | Tok::Declare => {
                    pipe.is_assign = next.tok == Tok::Assign;
                    self.next_non_space();
                    pipe.decl.push(v.clone());
                    self.vars.push(v.clone());
                }
                Tok::Comma => {
                    self.next_non_space();
                    pipe.decl.push(v.clone());
                    self.vars.push(v.clone());
                    if context == "range" {
                        let v2 = self.next_non_space();
                        if let Tok::Var(v2n) = &v2.tok {
                            let op = self.next_non_space();
                            if op.tok == Tok::Comma {
                                return Err(self.err_at(&op, &format!("too many declarations in {context}")));
                            }
                            if op.tok == Tok::Declare || op.tok == Tok::Assign {
                                pipe.is_assign = op.tok == Tok::Assign;
                                pipe.decl.push(v2n.clone());
                                self.vars.push(v2n.clone());
                            } else {
                                return Err(self.unexpected(&op, context));
                            }
                        } else {
                            return Err(self.err("range can only initialize variables"));
                        }
                    } else {
                        return Err(self.err(&format!("too many declarations in {context}")));
                    }
                }
                _ => self.i = save,
            }
        }
        loop {
            let it = self.peek_non_space();
            if it.tok == end {
                self.next_non_space();
                if pipe.cmds.is_empty() {
                    return Err(self.err_at(&it, &format!("missing value for {context}")));
                }
                // Go's checkPipeline: only the first command may start with a constant
                for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
                    if matches!(
                        c.args[0],
                        Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Number { .. } | Arg::Str { .. }
                    ) {
                        return Err(self.err_at(&it, &format!("non executable command in pipeline stage {}", i + 1)));
                    }
                }
                return Ok(pipe);
            }
            match it.tok.clone() {
                Tok::Bool(_)
                | Tok::Char(_)
                | Tok::Dot
                | Tok::Field(_)
                | Tok::Ident(_)
                | Tok::Number(_)
                | Tok::Nil
                | Tok::RawStr(..)
                | Tok::Str(..)
                | Tok::Var(_)
                | Tok::LParen => {
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                }
                Tok::Error(e) => {
                    self.next_non_space();
                    return Err(self.err_at(&it, &e));
                }
                _ => {
                    self.next_non_space();
                    return Err(self.unexpected(&it, context));
                }
            }
        }
    }

    fn command(&mut self) -> Result<Cmd, ParseError> {
        let first = self.peek_non_space();
        let mut cmd = Cmd { pos: first.pos, args: Vec::new() };
        loop {
            self.peek_non_space();
            // skip spaces
            while self.peek().tok == Tok::Space {
                self.next();
            }
            let op = self.operand()?;
            if let Some(op) = op {
                cmd.args.push(op);
            }
            let it = self.next();
            match it.tok.clone() {
                Tok::Space => continue,
                Tok::Right | Tok::RParen => {
                    self.i -= 1;
                }
                Tok::Pipe => {}
                Tok::Error(e) => return Err(self.err_at(&it, &e)),
                _ => return Err(self.unexpected(&it, "operand")),
            }
            break;
        }
        if cmd.args.is_empty() {
            return Err(self.err("empty command"));
        }
        Ok(cmd)
    }

    fn operand(&mut self) -> Result<Option<Arg>, ParseError> {
        let Some(term) = self.term()? else { return Ok(None) };
        if let Tok::Field(_) = self.peek().tok {
            let chain_pos = self.peek().pos;
            let mut fields = Vec::new();
            while let Tok::Field(f) = &self.peek().tok {
                fields.push(f.clone());
                self.next();
            }
            return Ok(Some(match term {
                Arg::Field { pos, mut idents } => {
                    idents.extend(fields);
                    Arg::Field { pos, idents }
                }
                Arg::Variable { name, mut idents, .. } => {
                    idents.extend(fields);
                    Arg::Variable { pos: chain_pos, name, idents }
                }
                Arg::Bool(..) | Arg::Str { .. } | Arg::Number { .. } | Arg::Nil(_) | Arg::Dot(_) => {
                    return Err(self.err(&format!("unexpected . after term {:?}", term.to_string())));
                }
                t => Arg::Chain { pos: chain_pos, node: Box::new(t), fields },
            }));
        }
        Ok(Some(term))
    }

    fn term(&mut self) -> Result<Option<Arg>, ParseError> {
        let it = self.next_non_space();
        Ok(Some(match it.tok.clone() {
            Tok::Ident(name) => {
                if !(self.funcs)(&name) {
                    return Err(self.err_at(&it, &format!("function {name:?} not defined")));
                }
                Arg::Ident { pos: it.pos, name }
            }
            Tok::Dot => Arg::Dot(it.pos),
            Tok::Nil => Arg::Nil(it.pos),
            Tok::Var(name) => {
                if !self.vars.contains(&name) {
                    return Err(self.err_at(&it, &format!("undefined variable {name:?}")));
                }
                Arg::Variable { pos: it.pos, name, idents: Vec::new() }
            }
            // Go positions a field at the token after it (`newField(p.peek().pos, …)`).
            Tok::Field(f) => Arg::Field { pos: self.peek().pos, idents: vec![f] },
            Tok::Bool(b) => Arg::Bool(it.pos, b),
            Tok::Number(t) if integer_overflow(&t) => {
                return Err(self.err_at(&it, &format!("integer overflow: {t:?}")));
            }
            Tok::Char(t) | Tok::Number(t) => match number_value(&t) {
                Some(value) => Arg::Number { pos: it.pos, text: t, value },
                None => return Err(self.err_at(&it, &format!("illegal number syntax: {t:?}"))),
            },
            Tok::LParen => {
                self.depth += 1;
                if self.depth > self.max_depth {
                    return Err(self.err("max nesting depth exceeded"));
                }
                let pipe = self.pipeline("parenthesized pipeline", Tok::RParen)?;
                self.depth -= 1;
                Arg::Pipe(Box::new(pipe))
            }
            Tok::Str(q, v) | Tok::RawStr(q, v) => Arg::Str { pos: it.pos, quoted: q, value: Rc::from(v.as_str()) },
            Tok::Error(e) => return Err(self.err_at(&it, &e)),
            _ => {
                self.i -= 1;
                return Ok(None);
            }
        }))
    }
}

/// The set of templates of one render: name → tree (later definitions replace earlier ones,
/// except that an empty definition does not replace a non-empty one, as Go's `AddParseTree`).
#[derive(Default)]
pub struct TemplateSet {
    /// Trees by name.
    pub trees: HashMap<String, Rc<Tree>>,
    /// Names of file templates (not `define`s).
    pub files: HashSet<String>,
}

impl TemplateSet {
    /// Adds a parsed file.
    pub fn add(&mut self, tree: Tree, defines: Vec<Tree>) {
        self.add_rc(Rc::new(tree), defines);
    }

    /// Adds a parsed file whose tree is shared.
    pub fn add_rc(&mut self, tree: Rc<Tree>, defines: Vec<Tree>) {
        self.add_shared(tree, defines.into_iter().map(Rc::new).collect());
    }

    /// Adds a parsed file and its `define`s, all shared (Go's `AddParseTree` for each, an empty
    /// tree not replacing a non-empty one).
    pub fn add_shared(&mut self, tree: Rc<Tree>, defines: Vec<Rc<Tree>>) {
        self.files.insert(tree.name.clone());
        for t in std::iter::once(tree).chain(defines) {
            if let Some(old) = self.trees.get(&t.name)
                && t.is_empty()
                && !old.is_empty()
            {
                continue;
            }
            self.trees.insert(t.name.clone(), t);
        }
    }
}

/// A Go hexadecimal floating-point literal (`0x1p60`, `-0x1.8p-3`).
fn hex_float(t: &str) -> Option<f64> {
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let body = body.strip_prefix("0x")?;
    let (mant, exp) = body.split_once('p')?;
    let exp: i32 = exp.parse().ok()?;
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    let v = v * 2f64.powi(exp);
    Some(if neg { -v } else { v })
}
