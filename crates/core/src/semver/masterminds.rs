//! Masterminds/semver v3 (Go), the constraint dialect of Helm, KubeSphere (ks-core) and the
//! Rancher backend, modelled on two library lines:
//!
//! * **3.3.x** (`v3.3.0`, `v3.3.1`; Helm 3.12 ships 3.2.x, whose rules for constraints are the
//!   same): `NewVersion` uses the strict `semVerRegex` (no leading zeros in major, minor or
//!   patch), and every comparator applies its own prerelease test
//!   ([`PrereleaseMode::PerComparator`]).
//! * **3.4.x and later** (`v3.4.0`; Helm ≥ 3.19, Rancher): `NewVersion` runs
//!   `coerceNewVersion` (`CoerceNewVersion = true`: the loose regex, then `strconv.ParseUint`
//!   and prerelease/metadata validation), and one comparator with a prerelease in an AND group
//!   admits prereleases for the whole group ([`PrereleaseMode::PerGroup`]); the
//!   `Constraints.IncludePrerelease` flag admits them everywhere.
//!
//! The grammar is defined by the upstream regular expressions of `constraints.go`
//! (`cvRegex`, `constraintRegex`, `constraintRangeRegex`, `findConstraintRegex`,
//! `validConstraintRegex`) and `version.go` (`semVerRegex`, `looseSemVerRegex`), composed here
//! with Go's `\s` (`[\t\n\f\r ]`) and `\d` (`[0-9]`) spelled out. The `regex` crate has the same
//! leftmost-first semantics as Go's RE2, so matches and submatches are identical.

use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::syntax::Span;

/// Which Masterminds release line parses versions (`NewVersion`) and which error texts it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Line {
    /// v3.2.x (Helm 3.12 to 3.15): the loose `semVerRegex` of that era (leading zeros allowed,
    /// like 3.4's `coerceNewVersion`), per-comparator prerelease checks as in 3.3,
    /// capitalised errors.
    V3_2,
    /// v3.3.0/v3.3.1: strict `semVerRegex` (no leading zeros), capitalised errors.
    V3_3,
    /// v3.4.0 and later: `coerceNewVersion` (leading zeros allowed), lower-case errors.
    V3_4,
}

/// How prereleases are admitted by a constraint (the rule that changed in Masterminds v3.4.0,
/// PR #267).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum PrereleaseMode {
    /// ≤ 3.3: each comparator function rejects a prerelease version unless *that comparator's*
    /// version has a prerelease (in the branches where upstream tests it, see
    /// [`Constraints::check`]).
    PerComparator,
    /// ≥ 3.4: if any comparator of an AND group has a prerelease (`containsPre[i]`), or
    /// `IncludePrerelease` is set, prereleases are admitted for the whole group.
    PerGroup,
}

/// A Masterminds engine profile: the release line plus the `IncludePrerelease` flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Profile {
    /// Release line (version parser, error texts, prerelease rule).
    pub line: Line,
    /// `Constraints.IncludePrerelease` (v3.4.0+ only; ignored by [`Line::V3_3`]). Helm and
    /// Rancher leave it `false`.
    pub include_prerelease: bool,
}

impl Profile {
    /// Masterminds v3.2.x (Helm 3.12, the KubeSphere executor).
    pub const V3_2: Profile = Profile { line: Line::V3_2, include_prerelease: false };
    /// Masterminds v3.3.x (KubeSphere master pins v3.3.1; Helm ≤ 3.18).
    pub const V3_3: Profile = Profile { line: Line::V3_3, include_prerelease: false };
    /// Masterminds v3.4.0+ with `IncludePrerelease = false` (Helm ≥ 3.19, Rancher backend).
    pub const V3_4: Profile = Profile { line: Line::V3_4, include_prerelease: false };
    /// Masterminds v3.4.0+ with `IncludePrerelease = true`.
    pub const V3_4_INCLUDE_PRERELEASE: Profile = Profile { line: Line::V3_4, include_prerelease: true };

    /// The prerelease rule of this profile's release line.
    pub const fn prerelease_mode(self) -> PrereleaseMode {
        match self.line {
            Line::V3_2 | Line::V3_3 => PrereleaseMode::PerComparator,
            Line::V3_4 => PrereleaseMode::PerGroup,
        }
    }

    /// A short label such as `Masterminds ≤ 3.3` for reports.
    pub const fn label(self) -> &'static str {
        match (self.line, self.include_prerelease) {
            (Line::V3_2, _) => "Masterminds 3.2",
            (Line::V3_3, _) => "Masterminds ≤ 3.3",
            (Line::V3_4, false) => "Masterminds ≥ 3.4",
            (Line::V3_4, true) => "Masterminds ≥ 3.4 (IncludePrerelease)",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Regular expressions (Go syntax, with `\s` = [\t\n\f\r ] and `\d` = [0-9]).

const GO_WS: &str = r"[\t\n\x0C\r ]";

/// `cvRegex` of `constraints.go` (note that `|` is a member of the character classes).
fn cv_regex() -> String {
    r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?".to_string()
}

/// The operator alternation, including the empty alternative after `=`.
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

struct Regexes {
    constraint: Regex,
    range: Regex,
    find: Regex,
    valid: Regex,
    strict_version: Regex,
    loose_version: Regex,
}

fn build(pattern: &str) -> Regex {
    regex::RegexBuilder::new(pattern).size_limit(1 << 26).build().expect("upstream Masterminds regex compiles")
}

fn regexes() -> &'static Regexes {
    static R: OnceLock<Regexes> = OnceLock::new();
    R.get_or_init(|| {
        let s = GO_WS;
        let cv = cv_regex();
        let num = "0|[1-9][0-9]*";
        let pre_id = format!("(?:{num}|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)");
        Regexes {
            constraint: build(&format!("^{s}*({OPS}){s}*({cv}){s}*$")),
            range: build(&format!("{s}*({cv}){s}+-{s}+({cv}){s}*")),
            find: build(&format!("({OPS}){s}*({cv})")),
            valid: build(&format!(
                "^({s}*({OPS}){s}*({cv}){s}*)((?:{s}+|,{s}*)({OPS}){s}*({cv}){s}*)*$"
            )),
            strict_version: build(&format!(
                r"^v?({num})(?:\.({num}))?(?:\.({num}))?(?:-({pre_id}(?:\.{pre_id})*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
            )),
            loose_version: build(
                r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$",
            ),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Versions

/// A parsed Masterminds version (`semver.Version`): numeric major/minor/patch (`uint64`), the
/// prerelease and metadata strings as written, and the original input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Version {
    /// Major number.
    pub major: u64,
    /// Minor number (0 when omitted).
    pub minor: u64,
    /// Patch number (0 when omitted).
    pub patch: u64,
    /// Prerelease without the leading `-`; empty when none.
    pub pre: String,
    /// Build metadata without the leading `+`; empty when none.
    pub metadata: String,
    /// The string that was parsed.
    pub original: String,
}

/// Why `NewVersion` rejected a string. `Display` gives the upstream error text of the line
/// that produced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VersionError {
    /// Which line produced the error (the texts differ in case).
    pub line: Line,
    /// What was wrong.
    pub kind: VersionErrorKind,
}

/// The kinds of `NewVersion` failure (`ErrInvalidSemVer`, a `ParseUint` overflow, and the
/// prerelease/metadata validation errors).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum VersionErrorKind {
    /// `ErrInvalidSemVer`: the regular expression did not match.
    InvalidSemVer,
    /// `strconv.ParseUint` failed (the segment does not fit in 64 bits).
    SegmentOutOfRange {
        /// The segment as written.
        segment: String,
    },
    /// `ErrSegmentStartsZero`: a numeric prerelease identifier with a leading zero.
    SegmentStartsZero,
    /// `ErrInvalidPrerelease`.
    InvalidPrerelease,
    /// `ErrInvalidMetadata`.
    InvalidMetadata,
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let upper = self.line != Line::V3_4;
        match &self.kind {
            VersionErrorKind::InvalidSemVer => {
                f.write_str(if upper { "Invalid Semantic Version" } else { "invalid semantic version" })
            }
            VersionErrorKind::SegmentOutOfRange { segment } => write!(
                f,
                "{} parsing version segment: strconv.ParseUint: parsing \"{}\": value out of range",
                if upper { "Error" } else { "error" },
                segment
            ),
            VersionErrorKind::SegmentStartsZero => {
                f.write_str(if upper { "Version segment starts with 0" } else { "version segment starts with 0" })
            }
            VersionErrorKind::InvalidPrerelease => {
                f.write_str(if upper { "Invalid Prerelease string" } else { "invalid prerelease string" })
            }
            VersionErrorKind::InvalidMetadata => {
                f.write_str(if upper { "Invalid Metadata string" } else { "invalid metadata string" })
            }
        }
    }
}

impl std::error::Error for VersionError {}

fn parse_u64(line: Line, s: &str) -> Result<u64, VersionError> {
    // The regex guarantees ASCII digits, so the only failure is overflow.
    s.parse::<u64>()
        .map_err(|_| VersionError { line, kind: VersionErrorKind::SegmentOutOfRange { segment: s.to_string() } })
}

fn is_all(s: &str, pred: impl Fn(u8) -> bool) -> bool {
    s.bytes().all(pred)
}

fn validate_prerelease(line: Line, p: &str) -> Result<(), VersionError> {
    for part in p.split('.') {
        let err = |kind| Err(VersionError { line, kind });
        if part.is_empty() {
            return err(VersionErrorKind::InvalidPrerelease);
        } else if is_all(part, |b| b.is_ascii_digit()) {
            if part.len() > 1 && part.starts_with('0') {
                return err(VersionErrorKind::SegmentStartsZero);
            }
        } else if !is_all(part, |b| b.is_ascii_alphanumeric() || b == b'-') {
            return err(VersionErrorKind::InvalidPrerelease);
        }
    }
    Ok(())
}

fn validate_metadata(line: Line, m: &str) -> Result<(), VersionError> {
    for part in m.split('.') {
        if part.is_empty() || !is_all(part, |b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(VersionError { line, kind: VersionErrorKind::InvalidMetadata });
        }
    }
    Ok(())
}

impl Version {
    /// `semver.NewVersion(v)` as the given release line does it.
    ///
    /// * [`Line::V3_3`]: `semVerRegex` (`v?(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?`
    ///   plus a strict prerelease and metadata), then `ParseUint` for each number.
    /// * [`Line::V3_2`] and [`Line::V3_4`]: `coerceNewVersion` (3.2's `NewVersion` is the same
    ///   code): `looseSemVerRegex`, `ParseUint` (leading zeros are
    ///   accepted and dropped), then `validatePrerelease` (numeric identifiers with a leading
    ///   zero are rejected) and `validateMetadata`.
    ///
    /// Errors: [`VersionError`] with the upstream message (`invalid semantic version`, …).
    pub fn parse(v: &str, line: Line) -> Result<Version, VersionError> {
        let r = regexes();
        match line {
            Line::V3_3 => {
                let m =
                    r.strict_version.captures(v).ok_or(VersionError { line, kind: VersionErrorKind::InvalidSemVer })?;
                let get = |i: usize| m.get(i).map_or("", |x| x.as_str());
                let major = parse_u64(line, get(1))?;
                let minor = if get(2).is_empty() { 0 } else { parse_u64(line, get(2))? };
                let patch = if get(3).is_empty() { 0 } else { parse_u64(line, get(3))? };
                let pre = get(4).to_string();
                let metadata = get(5).to_string();
                if !pre.is_empty() {
                    validate_prerelease(line, &pre)?;
                }
                if !metadata.is_empty() {
                    validate_metadata(line, &metadata)?;
                }
                Ok(Version { major, minor, patch, pre, metadata, original: v.to_string() })
            }
            Line::V3_2 | Line::V3_4 => {
                let m =
                    r.loose_version.captures(v).ok_or(VersionError { line, kind: VersionErrorKind::InvalidSemVer })?;
                let get = |i: usize| m.get(i).map_or("", |x| x.as_str());
                let major = parse_u64(line, get(1))?;
                let minor = match get(2) {
                    "" => 0,
                    s => parse_u64(line, &s[1..])?,
                };
                let patch = match get(3) {
                    "" => 0,
                    s => parse_u64(line, &s[1..])?,
                };
                let pre = get(5).to_string();
                let metadata = get(8).to_string();
                if !pre.is_empty() {
                    validate_prerelease(line, &pre)?;
                }
                if !metadata.is_empty() {
                    validate_metadata(line, &metadata)?;
                }
                Ok(Version { major, minor, patch, pre, metadata, original: v.to_string() })
            }
        }
    }

    /// `Version.Compare`: -1, 0 or 1 by major, minor, patch, then prerelease precedence
    /// (`comparePrerelease`); metadata is ignored.
    pub fn compare(&self, o: &Version) -> Ordering {
        self.major.cmp(&o.major).then(self.minor.cmp(&o.minor)).then(self.patch.cmp(&o.patch)).then_with(|| {
            match (self.pre.is_empty(), o.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_prerelease(&self.pre, &o.pre),
            }
        })
    }
}

impl fmt::Display for Version {
    /// `Version.String()`: `major.minor.patch[-pre][+metadata]`, without any `v`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        if !self.metadata.is_empty() {
            write!(f, "+{}", self.metadata)?;
        }
        Ok(())
    }
}

/// `comparePrerelease`: identifiers compared pairwise with `comparePrePart`.
fn compare_prerelease(v: &str, o: &str) -> Ordering {
    let s: Vec<&str> = v.split('.').collect();
    let t: Vec<&str> = o.split('.').collect();
    for i in 0..s.len().max(t.len()) {
        let a = s.get(i).copied().unwrap_or("");
        let b = t.get(i).copied().unwrap_or("");
        let d = compare_pre_part(a, b);
        if d != Ordering::Equal {
            return d;
        }
    }
    Ordering::Equal
}

/// `comparePrePart`: numbers (as parsed by `strconv.ParseUint`) sort before strings; two
/// numbers that parse equal but differ in spelling compare as "less" (upstream quirk).
fn compare_pre_part(s: &str, o: &str) -> Ordering {
    if s == o {
        return Ordering::Equal;
    }
    if s.is_empty() {
        return Ordering::Less;
    }
    if o.is_empty() {
        return Ordering::Greater;
    }
    let go_uint = |x: &str| -> Option<u64> {
        // strconv.ParseUint(x, 10, 64): ASCII digits only (no sign), at most u64::MAX.
        if !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()) { x.parse::<u64>().ok() } else { None }
    };
    match (go_uint(s), go_uint(o)) {
        (None, None) => {
            if s > o {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (Some(si), Some(oi)) => {
            if si > oi {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Constraints

/// A comparison operator as written (`origfunc`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Op {
    /// No operator (like `=`; a dirty version behaves like `~`).
    None,
    /// `=`.
    Eq,
    /// `!=`.
    Ne,
    /// `>`.
    Gt,
    /// `<`.
    Lt,
    /// `>=`.
    Ge,
    /// `=>` (same as `>=`).
    GeAlt,
    /// `<=`.
    Le,
    /// `=<` (same as `<=`).
    LeAlt,
    /// `~`.
    Tilde,
    /// `~>` (same as `~`).
    TildeGt,
    /// `^`.
    Caret,
}

impl Op {
    fn from_str(s: &str) -> Op {
        match s {
            "=" => Op::Eq,
            "!=" => Op::Ne,
            ">" => Op::Gt,
            "<" => Op::Lt,
            ">=" => Op::Ge,
            "=>" => Op::GeAlt,
            "<=" => Op::Le,
            "=<" => Op::LeAlt,
            "~" => Op::Tilde,
            "~>" => Op::TildeGt,
            "^" => Op::Caret,
            _ => Op::None,
        }
    }

    /// The operator as written (`""` for none).
    pub const fn as_str(self) -> &'static str {
        match self {
            Op::None => "",
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Gt => ">",
            Op::Lt => "<",
            Op::Ge => ">=",
            Op::GeAlt => "=>",
            Op::Le => "<=",
            Op::LeAlt => "=<",
            Op::Tilde => "~",
            Op::TildeGt => "~>",
            Op::Caret => "^",
        }
    }
}

/// One comparator of an AND group (`constraint` in `constraints.go`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparator {
    /// The operator as written.
    pub op: Op,
    /// The version as written (`orig`, e.g. `4.x`, `v1.2`).
    pub orig: String,
    /// The version compared against (`con`; wildcards and missing parts become 0).
    pub con: Version,
    /// A wildcard or missing part anywhere (`dirty`).
    pub dirty: bool,
    /// The minor is a wildcard or missing (`minorDirty`).
    pub minor_dirty: bool,
    /// The patch is a wildcard or missing (`patchDirty`).
    pub patch_dirty: bool,
    /// Byte range of the comparator in the original constraint string.
    pub span: Span,
}

impl Comparator {
    /// `constraint.string()`: operator plus version as written.
    pub fn text(&self) -> String {
        format!("{}{}", self.op.as_str(), self.orig)
    }
}

/// One AND group (the comparators between two `||`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The comparators, in order.
    pub comparators: Vec<Comparator>,
    /// `containsPre[i]`: some comparator's version has a prerelease.
    pub contains_pre: bool,
    /// Byte range of the group in the original constraint string.
    pub span: Span,
}

/// Parsed constraints (`semver.Constraints`): OR of AND groups, plus the profile that parsed
/// them (which decides the prerelease rule of [`Constraints::check`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Constraints {
    /// The OR groups.
    pub groups: Vec<Group>,
    /// The profile (release line and `IncludePrerelease`).
    pub profile: Profile,
}

/// Why `NewConstraint` rejected a string: the upstream message and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConstraintError {
    /// The upstream error text, e.g. `improper constraint: >=1.19.0,, <2`.
    pub message: String,
    /// Byte range in the original string of the offending OR segment or comparator.
    pub span: Span,
    /// What kind of failure it was (boxed: errors stay small).
    pub kind: Box<ConstraintErrorKind>,
    /// The exact bytes at fault inside `span`, when they can be pinpointed (for example the
    /// second comma of `>=1.19.0,, <2`).
    pub culprit: Option<Span>,
    /// What is wrong there, for people (not an upstream text).
    pub hint: Option<String>,
}

/// The kinds of `NewConstraint` failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum ConstraintErrorKind {
    /// `validConstraintRegex` rejected an OR segment (after hyphen-range rewriting).
    ImproperSegment {
        /// The segment text as Masterminds saw it (after `rewriteRange`).
        segment: String,
    },
    /// `constraintRegex` rejected a found comparator.
    ImproperComparator {
        /// The comparator text.
        comparator: String,
    },
    /// The comparator's version did not parse with `NewVersion` (`constraint parser error`).
    VersionParse {
        /// The comparator text.
        comparator: String,
        /// The version string handed to `NewVersion`.
        version: String,
        /// The `NewVersion` error.
        error: VersionError,
    },
}

impl fmt::Display for ConstraintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at bytes {}..{})", self.message, self.span.start, self.span.end)
    }
}

impl std::error::Error for ConstraintError {}

/// A text rewrite with a map from positions of the rewritten string back to the original.
struct Mapped {
    text: String,
    orig_len: usize,
    /// Pieces `(new_start, new_end, orig_start, orig_end, verbatim)`.
    pieces: Vec<(usize, usize, usize, usize, bool)>,
}

impl Mapped {
    fn identity(s: &str) -> Mapped {
        Mapped { text: s.to_string(), orig_len: s.len(), pieces: vec![(0, s.len(), 0, s.len(), true)] }
    }

    /// Replace bytes `a..b` of the current text with `with`.
    fn replace(&mut self, a: usize, b: usize, with: &str) {
        let orig_a = self.to_orig(a, false);
        let orig_b = self.to_orig(b, true);
        let mut pieces = Vec::new();
        let delta = with.len() as isize - (b - a) as isize;
        for &(ns, ne, os, oe, verb) in &self.pieces {
            if ne <= a {
                pieces.push((ns, ne, os, oe, verb));
            } else if ns >= b {
                let shift = |x: usize| (x as isize + delta) as usize;
                pieces.push((shift(ns), shift(ne), os, oe, verb));
            } else {
                // Overlapping piece: keep the parts outside a..b.
                if ns < a {
                    let cut = a - ns;
                    let (oe2, v) = if verb { (os + cut, true) } else { (oe, false) };
                    pieces.push((ns, a, os, oe2, v));
                }
                if ne > b {
                    let cut = b - ns;
                    let (os2, v) = if verb { (os + cut, true) } else { (os, false) };
                    let shift = |x: usize| (x as isize + delta) as usize;
                    pieces.push((shift(b), shift(ne), os2, oe, v));
                }
            }
        }
        pieces.push((a, a + with.len(), orig_a, orig_b, false));
        pieces.sort_by_key(|p| (p.0, p.1));
        self.pieces = pieces;
        self.text.replace_range(a..b, with);
    }

    /// Map a position of the current text to the original. A position inside a replaced
    /// piece maps to the start (`end == false`) or the end (`end == true`) of what it replaced.
    fn to_orig(&self, pos: usize, end: bool) -> usize {
        for &(ns, ne, os, oe, verb) in &self.pieces {
            let inside = if end { ns < pos && pos <= ne } else { ns <= pos && pos < ne };
            if inside {
                return if verb {
                    os + (pos - ns)
                } else if end {
                    oe
                } else {
                    os
                };
            }
        }
        if pos == 0 { 0 } else { self.orig_len }
    }

    fn span(&self, a: usize, b: usize) -> Span {
        let s = self.to_orig(a, false);
        let e = self.to_orig(b, true).max(s);
        Span::new(s, e)
    }
}

/// `rewriteRange`: every `A - B` found by `constraintRangeRegex` (in the original string) is
/// replaced, with Go's `strings.Replace(o, match, repl, 1)`, by `>= A, <= B` in the evolving
/// string: the *first occurrence* of the match text is replaced, which may not be where it was
/// found. v3.4.0 appends a trailing space to the replacement; v3.3 does not.
fn rewrite_range(i: &str, line: Line) -> Mapped {
    let r = regexes();
    let mut out = Mapped::identity(i);
    // `\s+-\s+` needs whitespace, `-`, whitespace: without that the regex cannot match.
    let ws = |b: u8| matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | b' ');
    if !i.as_bytes().windows(3).any(|w| ws(w[0]) && w[1] == b'-' && ws(w[2])) {
        return out;
    }
    let matches: Vec<(String, String, String)> = r
        .range
        .captures_iter(i)
        .map(|c| {
            (
                c.get(0).map_or("", |m| m.as_str()).to_string(),
                c.get(1).map_or("", |m| m.as_str()).to_string(),
                c.get(11).map_or("", |m| m.as_str()).to_string(),
            )
        })
        .collect();
    for (whole, a, b) in matches {
        let t = match line {
            Line::V3_2 | Line::V3_3 => format!(">= {a}, <= {b}"),
            Line::V3_4 => format!(">= {a}, <= {b} "),
        };
        if let Some(pos) = out.text.find(&whole) {
            out.replace(pos, pos + whole.len(), &t);
        }
    }
    out
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "X" | "*")
}

impl Constraints {
    /// `semver.NewConstraint(c)`: `rewriteRange`, split on `||`, validate each segment with
    /// `validConstraintRegex`, find the comparators with `findConstraintRegex` and parse each
    /// with `parseConstraint` (dirty/minorDirty/patchDirty for wildcards and missing parts,
    /// `NewVersion` of the profile's line for the version).
    ///
    /// Errors: [`ConstraintError`] with Masterminds' message (`improper constraint: …`,
    /// `constraint Parser Error` in 3.3 / `constraint parser error` in 3.4) and the byte span of
    /// the offending segment or comparator in `c`.
    pub fn parse(c: &str, profile: Profile) -> Result<Constraints, ConstraintError> {
        let r = regexes();
        let line = profile.line;
        let mapped = rewrite_range(c, line);
        let text = mapped.text.as_str();
        let mut groups = Vec::new();
        let mut seg_start = 0usize;
        let mut segments: Vec<(usize, usize)> = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i + 1 < bytes.len() {
            if bytes[i] == b'|' && bytes[i + 1] == b'|' {
                segments.push((seg_start, i));
                i += 2;
                seg_start = i;
            } else {
                i += 1;
            }
        }
        segments.push((seg_start, text.len()));
        for (a, b) in segments {
            let seg = &text[a..b];
            let seg_span = mapped.span(a, b);
            if !r.valid.is_match(seg) {
                let (culprit, hint) = match pinpoint(seg) {
                    Some((s, e, h)) => (Some(mapped.span(a + s, a + e)), Some(h)),
                    None => (None, None),
                };
                return Err(ConstraintError {
                    message: format!("improper constraint: {seg}"),
                    span: seg_span,
                    kind: Box::new(ConstraintErrorKind::ImproperSegment { segment: seg.to_string() }),
                    culprit,
                    hint,
                });
            }
            let mut found: Vec<(usize, usize)> = r.find.find_iter(seg).map(|m| (a + m.start(), a + m.end())).collect();
            if found.is_empty() {
                found.push((a, b));
            }
            let mut comparators = Vec::with_capacity(found.len());
            let mut contains_pre = false;
            for (s, e) in found {
                let cs = &text[s..e];
                let span = mapped.span(s, e);
                let comp = parse_comparator(cs, line, span)?;
                if !comp.con.pre.is_empty() {
                    contains_pre = true;
                }
                comparators.push(comp);
            }
            groups.push(Group { comparators, contains_pre, span: seg_span });
        }
        Ok(Constraints { groups, profile })
    }

    /// `Constraints.Check(v)`: true when every comparator of some AND group accepts `v`.
    ///
    /// With [`PrereleaseMode::PerComparator`] (3.3) each operator function applies its own
    /// prerelease test where upstream has one (`!=` only for a dirty comparator); with
    /// [`PrereleaseMode::PerGroup`] (3.4) a prerelease version is admitted by a group when the
    /// group contains a prerelease comparator or `IncludePrerelease` is set.
    pub fn check(&self, v: &Version) -> bool {
        self.groups.iter().any(|g| self.check_group(g, v))
    }

    fn check_group(&self, g: &Group, v: &Version) -> bool {
        let include = self.include_pre(g);
        g.comparators.iter().all(|c| check_one(self.profile.line, v, c, include).is_ok())
    }

    fn include_pre(&self, g: &Group) -> bool {
        match self.profile.prerelease_mode() {
            PrereleaseMode::PerComparator => false,
            PrereleaseMode::PerGroup => self.profile.include_prerelease || g.contains_pre,
        }
    }

    /// `Constraints.Validate(v)`: `Ok(())` when satisfied, else every reason in upstream
    /// order. Before checking each comparator, a prerelease version meets a comparator without
    /// a prerelease (3.3) or a group that does not admit prereleases (3.4): the message
    /// `<v> is a prerelease version and the constraint is only looking for release versions`
    /// is recorded once, and the comparator fails.
    pub fn validate(&self, v: &Version) -> Result<(), Vec<CheckFailure>> {
        let mut errors = Vec::new();
        match self.validate_with(v, |r, c| errors.push(r.failure(v, c))) {
            Ok(()) => Ok(()),
            Err(_) => Err(errors),
        }
    }

    /// [`Constraints::validate`] without spelling out the reasons: `Err(true)` when they
    /// include the prerelease message. Costs no formatting, whatever the number of groups.
    pub fn validate_prerelease(&self, v: &Version) -> Result<(), bool> {
        self.validate_with(v, |_, _| {})
    }

    fn validate_with(&self, v: &Version, mut record: impl FnMut(Reject, &Comparator)) -> Result<(), bool> {
        let mut pre_reported = false;
        for g in &self.groups {
            let include = self.include_pre(g);
            let mut joy = true;
            for c in &g.comparators {
                let pre_blocked = match self.profile.prerelease_mode() {
                    PrereleaseMode::PerComparator => c.con.pre.is_empty() && !v.pre.is_empty(),
                    PrereleaseMode::PerGroup => !include && !v.pre.is_empty(),
                };
                if pre_blocked {
                    if !pre_reported {
                        record(Reject::Prerelease, c);
                        pre_reported = true;
                    }
                    joy = false;
                } else if let Err(e) = check_one(self.profile.line, v, c, include) {
                    record(e, c);
                    joy = false;
                }
            }
            if joy {
                return Ok(());
            }
        }
        Err(pre_reported)
    }

    /// Explains [`Constraints::check`]: for each AND group, whether prereleases are admitted
    /// for it and, comparator by comparator in upstream order, the first one that rejects `v`
    /// (upstream stops there) with its reason.
    pub fn explain(&self, v: &Version) -> Explanation {
        self.explain_first(v, usize::MAX)
    }

    /// [`Constraints::explain`] with at most `limit` rejecting groups described (the first
    /// ones); the satisfying group, if any, is always described. Costs formatting for at most
    /// `limit + 1` groups, whatever the number of groups.
    pub fn explain_first(&self, v: &Version, limit: usize) -> Explanation {
        let mut groups = Vec::new();
        let mut satisfied = false;
        let mut described = 0;
        for (index, g) in self.groups.iter().enumerate() {
            if described >= limit {
                if self.check_group(g, v) {
                    satisfied = true;
                } else {
                    continue;
                }
            }
            let include = self.include_pre(g);
            let mut failure = None;
            for c in &g.comparators {
                if let Err(e) = check_one(self.profile.line, v, c, include) {
                    failure = Some(e.failure(v, c));
                    break;
                }
            }
            let ok = failure.is_none();
            satisfied |= ok;
            described += usize::from(!ok);
            groups.push(GroupExplanation {
                index,
                span: g.span,
                text: g.comparators.iter().map(|c| c.text()).collect::<Vec<_>>().join(" "),
                prerelease_admitted: match self.profile.prerelease_mode() {
                    PrereleaseMode::PerComparator => None,
                    PrereleaseMode::PerGroup => Some(include),
                },
                prerelease_comparator: g.comparators.iter().find(|c| !c.con.pre.is_empty()).map(|c| c.text()),
                satisfied: ok,
                failure,
            });
            if ok {
                break;
            }
        }
        Explanation { satisfied, version: v.to_string(), groups }
    }

    /// `Constraints.String()`: groups joined with ` || `, comparators with a space.
    pub fn to_text(&self) -> String {
        self.groups
            .iter()
            .map(|g| g.comparators.iter().map(|c| c.text()).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(" || ")
    }
}

/// Why one comparator rejected a version (the `error` returned by an upstream check function).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckFailure {
    /// The comparator as written (operator plus version).
    pub comparator: String,
    /// Its span in the original constraint string.
    pub span: Span,
    /// True when the failure is the prerelease rule rather than the comparison.
    pub prerelease: bool,
    /// The upstream error text.
    pub message: String,
}

impl CheckFailure {
    fn prerelease(v: &Version, c: &Comparator) -> CheckFailure {
        CheckFailure {
            comparator: c.text(),
            span: c.span,
            prerelease: true,
            message: format!("{v} is a prerelease version and the constraint is only looking for release versions"),
        }
    }

    fn msg(v: &Version, c: &Comparator, text: &str) -> CheckFailure {
        CheckFailure {
            comparator: c.text(),
            span: c.span,
            prerelease: false,
            message: format!("{} {} {}", v, text, c.orig),
        }
    }
}

impl fmt::Display for CheckFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The result of [`Constraints::explain`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The verdict (same as [`Constraints::check`]).
    pub satisfied: bool,
    /// The version as Masterminds prints it.
    pub version: String,
    /// The groups examined, in order (upstream stops at the first satisfied one).
    pub groups: Vec<GroupExplanation>,
}

/// One AND group in an [`Explanation`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupExplanation {
    /// Index of the group.
    pub index: usize,
    /// Span of the group in the original constraint.
    pub span: Span,
    /// The group's comparators as Masterminds prints them.
    pub text: String,
    /// 3.4 only: whether the group admits prereleases (`IncludePrerelease || containsPre`).
    pub prerelease_admitted: Option<bool>,
    /// The first comparator of the group with a prerelease, if any.
    pub prerelease_comparator: Option<String>,
    /// Whether every comparator accepted the version.
    pub satisfied: bool,
    /// The first comparator that rejected it.
    pub failure: Option<CheckFailure>,
}

fn parse_comparator(c: &str, line: Line, span: Span) -> Result<Comparator, ConstraintError> {
    let r = regexes();
    // `parseConstraint("")` (the empty-string case) is unreachable from NewConstraint: an
    // empty segment fails validConstraintRegex first.
    let m = r.constraint.captures(c).ok_or_else(|| ConstraintError {
        message: format!("improper constraint: {c}"),
        span,
        culprit: None,
        hint: None,
        kind: Box::new(ConstraintErrorKind::ImproperComparator { comparator: c.to_string() }),
    })?;
    let get = |i: usize| m.get(i).map_or("", |x| x.as_str());
    let op = Op::from_str(get(1));
    let orig = get(2).to_string();
    let (m3, m4, m5, m6) = (get(3), get(4), get(5), get(6));
    let trim_dot = |s: &str| s.strip_prefix('.').unwrap_or(s).to_string();
    let (mut dirty, mut minor_dirty, mut patch_dirty) = (false, false, false);
    let ver = if is_x(m3) || m3.is_empty() {
        dirty = true;
        format!("0.0.0{m6}")
    } else if is_x(&trim_dot(m4)) || m4.is_empty() {
        minor_dirty = true;
        dirty = true;
        format!("{m3}.0.0{m6}")
    } else if is_x(&trim_dot(m5)) || m5.is_empty() {
        dirty = true;
        patch_dirty = true;
        format!("{m3}{m4}.0{m6}")
    } else {
        orig.clone()
    };
    let con = Version::parse(&ver, line).map_err(|error| ConstraintError {
        message: match line {
            Line::V3_2 | Line::V3_3 => "constraint Parser Error".to_string(),
            Line::V3_4 => "constraint parser error".to_string(),
        },
        span,
        culprit: None,
        hint: Some(version_hint(&orig, &ver, line, &error)),
        kind: Box::new(ConstraintErrorKind::VersionParse { comparator: c.to_string(), version: ver.clone(), error }),
    })?;
    Ok(Comparator { op, orig, con, dirty, minor_dirty, patch_dirty, span })
}

/// Finds where a segment rejected by `validConstraintRegex` goes wrong: text before, between or
/// after the comparators that `findConstraintRegex` sees that is not a separator (`\s+` or
/// `,\s*`). Returns the byte range within `seg` and a hint.
fn pinpoint(seg: &str) -> Option<(usize, usize, String)> {
    let r = regexes();
    let ws = |c: char| matches!(c, '\t' | '\n' | '\x0C' | '\r' | ' ');
    let comps: Vec<(usize, usize)> = r.find.find_iter(seg).map(|m| (m.start(), m.end())).collect();
    let trimmed = |a: usize, b: usize| -> (usize, usize) {
        let g = &seg[a..b];
        let s = a + (g.len() - g.trim_start_matches(ws).len());
        let e = b - (g.len() - g.trim_end_matches(ws).len());
        (s, e.max(s))
    };
    if comps.is_empty() {
        let (s, e) = trimmed(0, seg.len());
        return Some(if s == e {
            (0, seg.len(), "empty constraint: expected an operator and a version".to_string())
        } else {
            (s, e, format!("no comparator here: expected an operator and a version, found `{}`", &seg[s..e]))
        });
    }
    let (first, _) = comps[0];
    if !seg[..first].chars().all(ws) {
        let (s, e) = trimmed(0, first);
        return Some((s, e, format!("unexpected `{}` before the first comparator", &seg[s..e])));
    }
    for w in comps.windows(2) {
        let (gap_a, gap_b) = (w[0].1, w[1].0);
        let gap = &seg[gap_a..gap_b];
        let commas = gap.matches(',').count();
        let only_ws_and_commas = gap.chars().all(|c| ws(c) || c == ',');
        if gap.is_empty() {
            return Some((
                gap_b,
                w[1].1,
                format!("`{}` follows the previous comparator without a space or comma", &seg[gap_b..w[1].1]),
            ));
        }
        if only_ws_and_commas && commas <= 1 {
            continue;
        }
        let (s, e) = trimmed(gap_a, gap_b);
        let hint = if only_ws_and_commas {
            "two commas in a row: comparators are separated by one comma or by spaces".to_string()
        } else {
            format!("unexpected `{}` between comparators", &seg[s..e])
        };
        return Some((s, e, hint));
    }
    let last = comps[comps.len() - 1].1;
    if !seg[last..].chars().all(ws) {
        let (s, e) = trimmed(last, seg.len());
        let hint = if seg[s..e].starts_with(',') && seg[s..e].trim_start_matches(',').trim().is_empty() {
            "trailing comma after the last comparator".to_string()
        } else {
            format!("unexpected `{}` after the last comparator", &seg[s..e])
        };
        return Some((s, e, hint));
    }
    None
}

/// Explains why a comparator's version did not parse.
fn version_hint(orig: &str, ver: &str, line: Line, e: &VersionError) -> String {
    let leading_zero = ver
        .trim_start_matches('v')
        .split(['-', '+'])
        .next()
        .unwrap_or("")
        .split('.')
        .any(|p| p.len() > 1 && p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit()));
    if orig.contains('|') {
        "a single `|` is not an operator; write `||` for OR".to_string()
    } else if leading_zero && line == Line::V3_3 {
        "Masterminds 3.3 rejects leading zeros in version numbers (3.2 and 3.4 accept them)".to_string()
    } else {
        format!("the version `{orig}` is not a valid version ({e})")
    }
}

/// Why a comparator rejected a version, before it is spelled out as a [`CheckFailure`]: the
/// check itself allocates nothing, so checking many versions costs no formatting.
#[derive(Clone, Copy, Debug)]
enum Reject {
    /// The prerelease rule.
    Prerelease,
    /// The comparison failed: the upstream verb phrase and the text appended after the
    /// comparator.
    Msg(&'static str, &'static str),
}

impl Reject {
    fn failure(self, v: &Version, c: &Comparator) -> CheckFailure {
        match self {
            Reject::Prerelease => CheckFailure::prerelease(v, c),
            Reject::Msg(text, suffix) => {
                let mut f = CheckFailure::msg(v, c, text);
                f.message.push_str(suffix);
                f
            }
        }
    }
}

/// Runs the upstream check function of `c`'s operator. `include` is the 3.4 group flag
/// (`IncludePrerelease || containsPre[i]`); 3.3 ignores it.
fn check_one(line: Line, v: &Version, c: &Comparator, include: bool) -> Result<(), Reject> {
    let per_group = line == Line::V3_4;
    let pre_gate = || -> Result<(), Reject> {
        let blocked = if per_group { !v.pre.is_empty() && !include } else { !v.pre.is_empty() && c.con.pre.is_empty() };
        if blocked { Err(Reject::Prerelease) } else { Ok(()) }
    };
    match c.op {
        Op::Ne => {
            if per_group {
                pre_gate()?;
            }
            not_equal(v, c, || if per_group { Ok(()) } else { pre_gate() })
        }
        Op::Gt => {
            pre_gate()?;
            greater_than(v, c)
        }
        Op::Lt => {
            pre_gate()?;
            if v.compare(&c.con) == Ordering::Less {
                Ok(())
            } else {
                Err(Reject::Msg("is greater than or equal to", ""))
            }
        }
        Op::Ge | Op::GeAlt => {
            pre_gate()?;
            if v.compare(&c.con) != Ordering::Less { Ok(()) } else { Err(Reject::Msg("is less than", "")) }
        }
        Op::Le | Op::LeAlt => {
            pre_gate()?;
            less_than_equal(v, c)
        }
        Op::Tilde | Op::TildeGt => {
            pre_gate()?;
            tilde(v, c)
        }
        Op::None | Op::Eq => {
            pre_gate()?;
            if c.dirty {
                // constraintTildeOrEqual → constraintTilde (whose prerelease test repeats).
                tilde(v, c)
            } else if v.compare(&c.con) == Ordering::Equal {
                Ok(())
            } else {
                Err(Reject::Msg("is not equal to", ""))
            }
        }
        Op::Caret => {
            pre_gate()?;
            caret(v, c)
        }
    }
}

/// `constraintNotEqual`; `dirty_pre_gate` is the 3.3 prerelease test that only runs for a dirty
/// comparator.
fn not_equal(v: &Version, c: &Comparator, dirty_pre_gate: impl Fn() -> Result<(), Reject>) -> Result<(), Reject> {
    let equal = || Err(Reject::Msg("is equal to", ""));
    if c.dirty {
        dirty_pre_gate()?;
        if c.con.major != v.major {
            return Ok(());
        }
        if c.con.minor != v.minor && !c.minor_dirty {
            return Ok(());
        } else if c.minor_dirty {
            return equal();
        } else if c.con.patch != v.patch && !c.patch_dirty {
            return Ok(());
        } else if c.patch_dirty {
            if (!v.pre.is_empty() || !c.con.pre.is_empty()) && compare_prerelease(&v.pre, &c.con.pre) != Ordering::Equal
            {
                return Ok(());
            }
            return equal();
        }
    }
    if v.compare(&c.con) == Ordering::Equal { equal() } else { Ok(()) }
}

/// `constraintGreaterThan` after the prerelease test.
fn greater_than(v: &Version, c: &Comparator) -> Result<(), Reject> {
    let fail = || Err(Reject::Msg("is less than or equal to", ""));
    if !c.dirty {
        return if v.compare(&c.con) == Ordering::Greater { Ok(()) } else { fail() };
    }
    if v.major > c.con.major {
        Ok(())
    } else if v.major < c.con.major || c.minor_dirty {
        fail()
    } else if c.patch_dirty {
        if v.minor > c.con.minor { Ok(()) } else { fail() }
    } else if v.compare(&c.con) == Ordering::Greater {
        Ok(())
    } else {
        fail()
    }
}

/// `constraintLessThanEqual` after the prerelease test.
fn less_than_equal(v: &Version, c: &Comparator) -> Result<(), Reject> {
    let fail = || Err(Reject::Msg("is greater than", ""));
    if !c.dirty {
        return if v.compare(&c.con) != Ordering::Greater { Ok(()) } else { fail() };
    }
    if v.major > c.con.major || (v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty) {
        return fail();
    }
    Ok(())
}

/// `constraintTilde` after the prerelease test.
fn tilde(v: &Version, c: &Comparator) -> Result<(), Reject> {
    if v.compare(&c.con) == Ordering::Less {
        return Err(Reject::Msg("is less than", ""));
    }
    // ~0.0.0 accepts everything.
    if c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty && !c.patch_dirty {
        return Ok(());
    }
    if v.major != c.con.major {
        return Err(Reject::Msg("does not have same major version as", ""));
    }
    if v.minor != c.con.minor && !c.minor_dirty {
        return Err(Reject::Msg("does not have same major and minor version as", ""));
    }
    Ok(())
}

/// `constraintCaret` after the prerelease test.
fn caret(v: &Version, c: &Comparator) -> Result<(), Reject> {
    if v.compare(&c.con) == Ordering::Less {
        return Err(Reject::Msg("is less than", ""));
    }
    if c.con.major > 0 || c.minor_dirty {
        return if v.major == c.con.major {
            Ok(())
        } else {
            Err(Reject::Msg("does not have same major version as", ""))
        };
    }
    if c.con.major == 0 && v.major > 0 {
        return Err(Reject::Msg("does not have same major version as", ""));
    }
    if c.con.minor > 0 || c.patch_dirty {
        return if v.minor == c.con.minor {
            Ok(())
        } else {
            Err(Reject::Msg(
                "does not have same minor version as",
                ". Expected minor versions to match when constraint major version is 0",
            ))
        };
    }
    if c.con.minor == 0 && v.minor > 0 {
        return Err(Reject::Msg("does not have same minor version as", ""));
    }
    if c.con.patch == v.patch {
        Ok(())
    } else {
        Err(Reject::Msg(
            "does not equal",
            ". Expect version and constraint to equal when major and minor versions are 0",
        ))
    }
}

/// Convenience: parse `constraint` and `version` with `profile` and run `Check`. `None` when
/// either does not parse (callers decide what that means for their platform).
pub fn check(constraint: &str, version: &str, profile: Profile) -> Option<bool> {
    let c = Constraints::parse(constraint, profile).ok()?;
    let v = Version::parse(version, profile.line).ok()?;
    Some(c.check(&v))
}
