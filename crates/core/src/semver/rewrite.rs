//! Meaning-preserving rewrites of a constraint string (the RANGE fixes), each returned as the
//! new string plus byte-range edits of the original:
//!
//! * [`commas_to_spaces`]: Masterminds' comma AND (`>=1.19.0, <1.30.0`) becomes a space,
//!   which both dialects read as AND.
//! * [`reversed_operators`]: `=>` becomes `>=` and `=<` becomes `<=` (Masterminds-only
//!   spellings).
//! * [`prerelease_floor`]: every release bound gets a `-0` prerelease (`>=1.19.0` →
//!   `>=1.19.0-0`, `<=1.30` → `<1.31.0-0`), so that Masterminds ≤ 3.3 admits vendor builds
//!   such as `v1.27.4-eks-2d98532` while release versions keep their verdicts.
//! * [`make_portable`]: the first two together, offered only if the result parses in both
//!   dialects.
//!
//! A rewrite is returned only when it keeps the meaning: the result is re-parsed by every
//! Masterminds line that accepted the original and must give the same comparators (commas,
//! operators) or the same verdicts on every release version at and around its bounds (`-0`).
//! Forms that cannot be rewritten safely (`!=`, wildcards, `~1`, `^0.0`, hyphen ranges,
//! exact versions) make [`prerelease_floor`] return `None`.

use serde::Serialize;

use super::masterminds::{Comparator, Constraints, Line, Op, Profile, Version};
use super::node;
use crate::syntax::Span;

/// One replacement of bytes `span` of the original constraint with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    /// Byte range in the original constraint (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// Which rewrite produced a [`Rewrite`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RewriteKind {
    /// Commas to spaces.
    CommasToSpaces,
    /// `=>`/`=<` to `>=`/`<=`.
    ReversedOperators,
    /// `-0` on every release bound.
    PrereleaseFloor,
    /// Commas and operators together.
    Portable,
    /// Commas, operators and `-0` together.
    All,
}

/// A rewritten constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rewrite {
    /// Which rewrite.
    pub kind: RewriteKind,
    /// The rewritten constraint.
    pub text: String,
    /// The edits, sorted and non-overlapping, in original byte offsets.
    pub edits: Vec<TextEdit>,
}

/// Applies sorted, non-overlapping `edits` to `s`.
pub fn apply_edits(s: &str, edits: &[TextEdit]) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut pos = 0;
    for e in edits {
        out.push_str(&s[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&s[pos..]);
    out
}

const LINES: [Profile; 3] = [Profile::V3_2, Profile::V3_3, Profile::V3_4];

/// The Masterminds lines that parse `c`, with their parses.
/// The Masterminds lines that parse `c`. Empty — so that no rewrite is offered and the dialects
/// are not said to agree — for a constraint over [`super::MAX_CONSTRAINT_BYTES`]: the meaning
/// checks probe every bound against every OR group, which is quadratic.
fn parses(c: &str) -> Vec<(Profile, Constraints)> {
    if c.len() > super::MAX_CONSTRAINT_BYTES {
        return Vec::new();
    }
    LINES.iter().filter_map(|&p| Constraints::parse(c, p).ok().map(|x| (p, x))).collect()
}

fn same_op(a: Op, b: Op) -> bool {
    let norm = |o: Op| match o {
        Op::GeAlt => Op::Ge,
        Op::LeAlt => Op::Le,
        Op::TildeGt => Op::Tilde,
        o => o,
    };
    norm(a) == norm(b)
}

/// Same groups and comparators (operator up to spelling, version as written, flags).
fn same_structure(a: &Constraints, b: &Constraints) -> bool {
    a.groups.len() == b.groups.len()
        && a.groups.iter().zip(&b.groups).all(|(x, y)| {
            x.comparators.len() == y.comparators.len()
                && x.comparators.iter().zip(&y.comparators).all(|(p, q)| {
                    same_op(p.op, q.op)
                        && p.orig == q.orig
                        && p.con == q.con
                        && p.dirty == q.dirty
                        && p.minor_dirty == q.minor_dirty
                        && p.patch_dirty == q.patch_dirty
                })
        })
}

fn finish(c: &str, kind: RewriteKind, mut edits: Vec<TextEdit>) -> Option<Rewrite> {
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    Some(Rewrite { kind, text: apply_edits(c, &edits), edits })
}

/// Every Masterminds line that accepted `orig` accepts `new` with the same structure.
fn structure_kept(orig: &[(Profile, Constraints)], new: &str) -> bool {
    orig.iter().all(|(p, a)| match Constraints::parse(new, *p) {
        Ok(b) => same_structure(a, &b),
        Err(_) => false,
    })
}

fn is_go_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

fn comma_edits(c: &str) -> Vec<TextEdit> {
    let bytes = c.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b',' {
            let mut a = i;
            while a > 0 && is_go_space(bytes[a - 1]) {
                a -= 1;
            }
            let mut e = i + 1;
            while e < bytes.len() && is_go_space(bytes[e]) {
                e += 1;
            }
            // A run such as `, ,` never parses; each comma is its own edit.
            edits.push(TextEdit { span: Span::new(a, e), replacement: " ".into() });
            i = e;
        } else {
            i += 1;
        }
    }
    edits
}

/// Replaces each comma AND separator (with the whitespace around it) by one space.
///
/// Returns `None` when `c` has no comma, does not parse in Masterminds, or when the result
/// would not parse to the same comparators in every Masterminds line that parsed `c` (for
/// example `1 - 2,3`, where the space changes the hyphen range).
pub fn commas_to_spaces(c: &str) -> Option<Rewrite> {
    let orig = parses(c);
    if orig.is_empty() || !c.contains(',') {
        return None;
    }
    let r = finish(c, RewriteKind::CommasToSpaces, comma_edits(c))?;
    structure_kept(&orig, &r.text).then_some(r)
}

fn operator_edits(c: &str, orig: &[(Profile, Constraints)]) -> Vec<TextEdit> {
    let Some((_, cs)) = orig.last() else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    for g in &cs.groups {
        for comp in &g.comparators {
            let (from, to) = match comp.op {
                Op::GeAlt => ("=>", ">="),
                Op::LeAlt => ("=<", "<="),
                _ => continue,
            };
            let at = comp.span.start;
            if c.get(at..at + 2) == Some(from) {
                edits.push(TextEdit { span: Span::new(at, at + 2), replacement: to.into() });
            }
        }
    }
    edits
}

/// Rewrites the Masterminds-only operators `=>` and `=<` to `>=` and `<=`.
///
/// Returns `None` when there are none, when `c` does not parse in Masterminds, or when the
/// result would not parse to the same comparators.
pub fn reversed_operators(c: &str) -> Option<Rewrite> {
    let orig = parses(c);
    if orig.is_empty() {
        return None;
    }
    let r = finish(c, RewriteKind::ReversedOperators, operator_edits(c, &orig))?;
    structure_kept(&orig, &r.text).then_some(r)
}

/// Commas and reversed operators together; `Some` only when the result is [`is_portable`],
/// the dialects agree on it ([`dialects_agree`]), and it keeps the comparators of every
/// Masterminds line that parsed `c`.
pub fn make_portable(c: &str) -> Option<Rewrite> {
    let orig = parses(c);
    if orig.is_empty() {
        return None;
    }
    let mut edits = comma_edits(c);
    edits.extend(operator_edits(c, &orig));
    let r = finish(c, RewriteKind::Portable, edits)?;
    (structure_kept(&orig, &r.text) && is_portable(&r.text) && dialects_agree(&r.text)).then_some(r)
}

/// Whether node-semver 7.5.4 and every Masterminds line give `c` the same verdict on every
/// release version at and around its bounds. Parsing in both dialects is not enough: for
/// example `^*` accepts 1.0.0 in node-semver (it is `*`) but not in Masterminds. False when
/// `c` does not parse in both.
pub fn dialects_agree(c: &str) -> bool {
    let orig = parses(c);
    if orig.len() != LINES.len() {
        return false;
    }
    let Ok(range) = node::Range::parse(c, node::Options::DEFAULT) else {
        return false;
    };
    let versions = probes(&orig);
    versions.iter().all(|v| {
        let Ok(nv) = node::SemVer::parse(&v.original, node::Options::DEFAULT) else {
            return false;
        };
        let n = range.test(&nv);
        orig.iter().all(|(_, m)| m.check(v) == n)
    })
}

/// Whether a constraint parses in each dialect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Portability {
    /// The Masterminds 3.3 parse error, if any.
    pub masterminds_3_3: Option<String>,
    /// The Masterminds ≥ 3.4 parse error, if any.
    pub masterminds_3_4: Option<String>,
    /// The node-semver 7.5.4 parse error (default options, then `includePrerelease`), if any.
    pub node: Option<String>,
    /// True when all three parse.
    pub portable: bool,
}

/// Parses `c` with Masterminds 3.3, Masterminds ≥ 3.4 and node-semver 7.5.4 (default options
/// and `includePrerelease`) and reports each error.
pub fn portability(c: &str) -> Portability {
    let m33 = Constraints::parse(c, Profile::V3_3).err().map(|e| e.to_string());
    let m34 = Constraints::parse(c, Profile::V3_4).err().map(|e| e.to_string());
    let n = node::Range::parse(c, node::Options::DEFAULT)
        .and_then(|_| node::Range::parse(c, node::Options::INCLUDE_PRERELEASE))
        .err()
        .map(|e| e.to_string());
    let portable = m33.is_none() && m34.is_none() && n.is_none();
    Portability { masterminds_3_3: m33, masterminds_3_4: m34, node: n, portable }
}

/// True when `c` parses in both dialects (Masterminds 3.3 and ≥ 3.4, node-semver 7.5.4).
pub fn is_portable(c: &str) -> bool {
    portability(c).portable
}

// ---------------------------------------------------------------------------------------------
// -0 on release bounds

/// The numeric parts as written (without `v`, prerelease or build), or `None` with a
/// wildcard, a prerelease or an unexpected character.
fn numeric_parts(orig: &str) -> Option<(Vec<u64>, Option<usize>)> {
    let body = orig.strip_prefix('v').unwrap_or(orig);
    let build_at = body.find('+');
    let core = &body[..build_at.unwrap_or(body.len())];
    if core.contains('-') {
        return None;
    }
    let mut parts = Vec::new();
    for p in core.split('.') {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parts.push(p.parse::<u64>().ok()?);
    }
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    // Offset in `orig` where a prerelease would be inserted (before any build metadata).
    let insert = build_at.map(|b| b + (orig.len() - body.len()));
    Some((parts, insert))
}

fn fmt3(prefix: &str, p: [u64; 3]) -> String {
    format!("{prefix}{}.{}.{}-0", p[0], p[1], p[2])
}

/// The replacement text for one comparator, `Ok(None)` when it needs none, `Err(())` when it
/// cannot be rewritten without changing the meaning for release versions.
fn floor_comparator(c: &Comparator, text: &str, normalize: bool) -> Result<Option<String>, ()> {
    if !c.con.pre.is_empty() {
        return Ok(None);
    }
    let (parts, build_at) = numeric_parts(&c.orig).ok_or(())?;
    let v = if c.orig.starts_with('v') { "v" } else { "" };
    let op = &text[..text.len() - text.trim_start_matches(['=', '<', '>', '~', '^', '!']).len()];
    let ws_end = op.len() + (text[op.len()..].len() - text[op.len()..].trim_start().len());
    let spacing = &text[op.len()..ws_end];
    let op = match (op, normalize) {
        ("=>", true) => ">=",
        (o, _) => o,
    };
    let bump = |p: &[u64]| -> Option<[u64; 3]> {
        Some(match p.len() {
            1 => [p[0].checked_add(1)?, 0, 0],
            2 => [p[0], p[1].checked_add(1)?, 0],
            _ => [p[0], p[1], p[2].checked_add(1)?],
        })
    };
    let append = |orig: &str| -> String {
        // Fill missing parts with `.0` and add `-0` before any build metadata.
        let fill = ".0".repeat(3 - parts.len());
        match build_at {
            Some(i) => format!("{}{fill}-0{}", &orig[..i], &orig[i..]),
            None => format!("{orig}{fill}-0"),
        }
    };
    let out = match c.op {
        // `>=` and `<` ignore the dirty flags: fill zeros.
        Op::Ge | Op::GeAlt | Op::Lt => format!("{op}{spacing}{}", append(&c.orig)),
        // `~X.Y.Z`, `~X.Y` (patch dirty) and `^X.Y.Z`, `^X.Y` with X > 0 or Y > 0 keep their
        // release intervals with `-0` on the filled version.
        Op::Tilde | Op::TildeGt if parts.len() >= 2 => format!("{op}{spacing}{}", append(&c.orig)),
        Op::Caret if parts.len() == 3 || (parts.len() == 2 && (parts[0] > 0 || parts[1] > 0)) => {
            format!("{op}{spacing}{}", append(&c.orig))
        }
        Op::Caret if parts.len() == 1 && parts[0] > 0 => {
            format!("{op}{spacing}{}", append(&c.orig))
        }
        // `<=X[.Y[.Z]]` is `<` the next tuple; `>X[.Y[.Z]]` is `>=` the next tuple.
        Op::Le | Op::LeAlt => format!("<{spacing}{}", fmt3(v, bump(&parts).ok_or(())?)),
        Op::Gt => format!(">={spacing}{}", fmt3(v, bump(&parts).ok_or(())?)),
        _ => return Err(()),
    };
    Ok(Some(out))
}

/// Release versions at and around every bound of `c` (the probe set for meaning checks).
fn probes(cs: &[(Profile, Constraints)]) -> Vec<Version> {
    let mut tuples: Vec<[u64; 3]> = vec![[0, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0]];
    for (_, c) in cs {
        for g in &c.groups {
            for comp in &g.comparators {
                let (a, b, p) = (comp.con.major, comp.con.minor, comp.con.patch);
                for (da, db, dp) in [
                    (0i64, 0i64, 0i64),
                    (0, 0, 1),
                    (0, 0, -1),
                    (0, 1, 0),
                    (0, -1, 0),
                    (1, 0, 0),
                    (-1, 0, 0),
                    (0, 1, 1),
                    (0, 0, 2),
                    (0, 2, 0),
                    (2, 0, 0),
                ] {
                    let f = |x: u64, d: i64| x.checked_add_signed(d);
                    if let (Some(x), Some(y), Some(z)) = (f(a, da), f(b, db), f(p, dp)) {
                        tuples.push([x, y, z]);
                        tuples.push([x, y, 0]);
                        tuples.push([x, 0, 0]);
                        tuples.push([x, y, 99]);
                        tuples.push([x, 99, 0]);
                    }
                }
            }
        }
    }
    tuples.sort();
    tuples.dedup();
    tuples
        .into_iter()
        .map(|[a, b, c]| Version {
            major: a,
            minor: b,
            patch: c,
            pre: String::new(),
            metadata: String::new(),
            original: format!("{a}.{b}.{c}"),
        })
        .collect()
}

/// Appends `-0` to every release bound that lacks a prerelease, so that Masterminds ≤ 3.3
/// (each comparator needs its own prerelease) admits vendor builds such as
/// `1.27.4-eks-2d98532`. `>=`, `=>`, `<`, `~X.Y[.Z]` and `^` (except `^0`, `^0.0`) get `-0`
/// (missing parts filled with `.0`); `<=B` becomes `<` the next tuple with `-0`, `>B` becomes
/// `>=` the next tuple with `-0`.
///
/// Release versions keep their verdicts (checked on every release version at and around the
/// bounds, in every Masterminds line that parsed `c`); only prereleases change. Returns `None`
/// when nothing needs a floor, when `c` does not parse in Masterminds, or when a comparator
/// cannot be rewritten safely (`!=`, `=`/bare versions, wildcards, `~X`, `^0`, `^0.0`, hyphen
/// ranges).
pub fn prerelease_floor(c: &str) -> Option<Rewrite> {
    let orig = parses(c);
    let edits = floor_edits(c, &orig, false)?;
    let r = finish(c, RewriteKind::PrereleaseFloor, edits)?;
    releases_kept(&orig, &r.text).then_some(r)
}

/// The `-0` edits, or `None` when a comparator cannot take one safely.
fn floor_edits(c: &str, orig: &[(Profile, Constraints)], normalize: bool) -> Option<Vec<TextEdit>> {
    let (_, cs) = orig.last()?;
    let mut edits = Vec::new();
    for g in &cs.groups {
        for comp in &g.comparators {
            let text = c.get(comp.span.start..comp.span.end)?;
            // The comparator must be written verbatim at its span (not made by a hyphen range).
            if !text.starts_with(comp.op.as_str()) || !text.trim_end().ends_with(comp.orig.as_str()) {
                return None;
            }
            let trimmed = text.trim_end();
            match floor_comparator(comp, trimmed, normalize) {
                Ok(None) => {}
                Ok(Some(new)) => edits.push(TextEdit {
                    span: Span::new(comp.span.start, comp.span.start + trimmed.len()),
                    replacement: new,
                }),
                Err(()) => return None,
            }
        }
    }
    Some(edits)
}

/// Every Masterminds line that parsed the original parses `new` and gives the same verdict on
/// every release version at and around the original's bounds.
fn releases_kept(orig: &[(Profile, Constraints)], new: &str) -> bool {
    let versions = probes(orig);
    orig.iter().all(|(p, a)| match Constraints::parse(new, *p) {
        Ok(b) => versions.iter().all(|v| a.check(v) == b.check(v)),
        Err(_) => false,
    })
}

/// All fixes together: commas to spaces, `=>`/`=<` to `>=`/`<=`, and `-0` on every release
/// bound when that is safe (else without it). `Some` only when the result is [`is_portable`],
/// the dialects agree on it ([`dialects_agree`]), it differs from `c`, and it keeps the verdict
/// of every release version in every Masterminds line that parsed `c`.
pub fn fix_all(c: &str) -> Option<Rewrite> {
    let orig = parses(c);
    if orig.is_empty() {
        return None;
    }
    let mut edits = comma_edits(c);
    let ops = operator_edits(c, &orig);
    match floor_edits(c, &orig, true) {
        Some(floor) => {
            edits.extend(
                ops.into_iter()
                    .filter(|o| !floor.iter().any(|f| f.span.start <= o.span.start && o.span.end <= f.span.end)),
            );
            edits.extend(floor);
        }
        None => edits.extend(ops),
    }
    let r = finish(c, RewriteKind::All, edits)?;
    (releases_kept(&orig, &r.text) && is_portable(&r.text) && dialects_agree(&r.text)).then_some(r)
}

/// The Masterminds line name for messages.
pub fn line_name(line: Line) -> &'static str {
    match line {
        Line::V3_2 => "Masterminds 3.2",
        Line::V3_3 => "Masterminds ≤ 3.3",
        Line::V3_4 => "Masterminds ≥ 3.4",
    }
}
