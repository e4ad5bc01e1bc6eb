//! Masterminds/semver v3 as Sprig uses it (`semver`, `semverCompare`): loose version parsing
//! and constraints (`>=1.19-0`, `^1.2`, `~1.2.3`, `1.2.x`, `1 - 2`, `||`, `,`).
//!
//! Upstream: github.com/Masterminds/semver/v3 `version.go` (`NewVersion`) and `constraints.go`.

use std::cmp::Ordering;

/// A parsed version (`*semver.Version`).
#[derive(Clone, Debug)]
pub struct Version {
    /// Major.
    pub major: u64,
    /// Minor.
    pub minor: u64,
    /// Patch.
    pub patch: u64,
    /// Pre-release, without the dash.
    pub pre: String,
    /// Build metadata, without the plus.
    pub metadata: String,
    /// The text as given.
    pub original: String,
}

impl Version {
    /// `semver.NewVersion`: `v?MAJOR(.MINOR(.PATCH)?)?(-pre)?(+meta)?`. The error text is
    /// Masterminds' ("Invalid Semantic Version").
    pub fn parse(s: &str) -> Result<Version, String> {
        let err = || "Invalid Semantic Version".to_string();
        let body = s.strip_prefix('v').unwrap_or(s);
        let (rest, metadata) = match body.split_once('+') {
            Some((a, b)) => (a, b.to_string()),
            None => (body, String::new()),
        };
        let (nums, pre) = match rest.find('-') {
            Some(i) => (&rest[..i], rest[i + 1..].to_string()),
            None => (rest, String::new()),
        };
        let parts: Vec<&str> = nums.split('.').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(err());
        }
        let mut n = [0u64; 3];
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            n[i] = p.parse().map_err(|_| err())?;
        }
        let ident_ok = |x: &str| {
            x.split('.').all(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        };
        if (!pre.is_empty() || rest.contains('-')) && !ident_ok(&pre) {
            return Err(err());
        }
        if (!metadata.is_empty() || body.contains('+')) && !ident_ok(&metadata) {
            return Err(err());
        }
        Ok(Version { major: n[0], minor: n[1], patch: n[2], pre, metadata, original: s.to_string() })
    }

    /// Precedence comparison (metadata ignored).
    pub fn compare(&self, o: &Version) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(o.major, o.minor, o.patch))
            .then_with(|| compare_pre(&self.pre, &o.pre))
    }
}

fn compare_pre(a: &str, b: &str) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let pa: Vec<&str> = a.split('.').collect();
    let pb: Vec<&str> = b.split('.').collect();
    for i in 0..pa.len().max(pb.len()) {
        let (Some(x), Some(y)) = (pa.get(i), pb.get(i)) else {
            return pa.len().cmp(&pb.len());
        };
        let nx = x.parse::<u64>().ok();
        let ny = y.parse::<u64>().ok();
        let c = match (nx, ny) {
            (Some(p), Some(q)) => p.cmp(&q),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => x.cmp(y),
        };
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

#[derive(Clone, Debug)]
struct Con {
    op: String,
    v: Version,
    /// Which parts were wildcards or absent: 0 = none, 1 = patch, 2 = minor (and patch), 3 = all.
    dirty: u8,
    pre: bool,
}

/// A constraint set: OR of ANDs.
#[derive(Clone, Debug)]
pub struct Constraints(Vec<Vec<Con>>);

impl Constraints {
    /// `semver.NewConstraint`.
    pub fn parse(s: &str) -> Result<Constraints, String> {
        let mut ors = Vec::new();
        for group in s.split("||") {
            let mut ands = Vec::new();
            let g = group.trim();
            // hyphen ranges
            let tokens = tokenize(g);
            let mut i = 0;
            while i < tokens.len() {
                if i + 2 < tokens.len() && tokens[i + 1] == "-" {
                    ands.push(parse_con(&format!(">={}", tokens[i]))?);
                    ands.push(parse_con(&format!("<={}", tokens[i + 2]))?);
                    i += 3;
                    continue;
                }
                ands.push(parse_con(&tokens[i])?);
                i += 1;
            }
            if ands.is_empty() {
                return Err(format!("improper constraint: {}", crate::funcs::go_quote(s)));
            }
            ors.push(ands);
        }
        Ok(Constraints(ors))
    }

    /// `Check`.
    pub fn check(&self, v: &Version) -> bool {
        self.0.iter().any(|ands| ands.iter().all(|c| c.check(v)))
    }
}

fn tokenize(g: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in g.split([',', ' ']) {
        if part.is_empty() {
            continue;
        }
        // join an operator standing alone with the next token: ">= 1.2"
        if let Some(last) = out.last_mut()
            && !last.is_empty()
            && last.chars().all(|c| "<>=!~^".contains(c))
        {
            last.push_str(part);
            continue;
        }
        out.push(part.to_string());
    }
    out
}

fn parse_con(t: &str) -> Result<Con, String> {
    let opend = t.find(|c: char| !"<>=!~^".contains(c)).unwrap_or(t.len());
    let op = t[..opend].to_string();
    if !matches!(op.as_str(), "" | "=" | "!=" | ">" | "<" | ">=" | "=>" | "<=" | "=<" | "~" | "~>" | "^") {
        return Err(format!("improper constraint: {}", crate::funcs::go_quote(t)));
    }
    let vs = t[opend..].trim_start_matches('v');
    let (core, tail) = match vs.find(['-', '+']) {
        Some(i) => (&vs[..i], &vs[i..]),
        None => (vs, ""),
    };
    let parts: Vec<&str> = core.split('.').collect();
    if parts.is_empty() || parts.len() > 3 || parts[0].is_empty() {
        return Err(format!("improper constraint: {}", crate::funcs::go_quote(t)));
    }
    let mut nums = Vec::new();
    let mut dirty = 0u8;
    for (i, p) in parts.iter().enumerate() {
        if matches!(*p, "x" | "X" | "*") {
            dirty = dirty.max(3 - i as u8);
            nums.push("0");
        } else {
            nums.push(p);
        }
    }
    if parts.len() < 3 && dirty == 0 {
        dirty = 3 - parts.len() as u8;
    }
    let text = format!("{}{}", nums.join("."), tail);
    let v = Version::parse(&text).map_err(|_| format!("improper constraint: {}", crate::funcs::go_quote(t)))?;
    let pre = !v.pre.is_empty();
    Ok(Con { op, v, dirty, pre })
}

impl Con {
    fn check(&self, v: &Version) -> bool {
        if !v.pre.is_empty() && !self.pre {
            return false;
        }
        let c = &self.v;
        let cmp = v.compare(c);
        match self.op.as_str() {
            "" | "=" => {
                if self.dirty > 0 {
                    wildcard_eq(v, c, self.dirty)
                } else {
                    cmp == Ordering::Equal
                }
            }
            "!=" => {
                if self.dirty > 0 {
                    !wildcard_eq(v, c, self.dirty)
                } else {
                    cmp != Ordering::Equal
                }
            }
            ">" => {
                if self.dirty == 0 {
                    cmp == Ordering::Greater
                } else if self.dirty >= 3 {
                    false
                } else if self.dirty == 2 {
                    v.major > c.major
                } else {
                    v.major > c.major || (v.major == c.major && v.minor > c.minor)
                }
            }
            "<" => cmp == Ordering::Less,
            ">=" | "=>" => cmp != Ordering::Less,
            "<=" | "=<" => {
                if self.dirty == 0 {
                    cmp != Ordering::Greater
                } else if self.dirty >= 3 {
                    true
                } else if self.dirty == 2 {
                    v.major <= c.major
                } else {
                    v.major < c.major || (v.major == c.major && v.minor <= c.minor)
                }
            }
            "~" | "~>" => {
                if cmp == Ordering::Less {
                    return false;
                }
                if self.dirty >= 3 {
                    return true;
                }
                if v.major != c.major {
                    return false;
                }
                if self.dirty == 2 {
                    return true;
                }
                v.minor == c.minor
            }
            "^" => {
                if cmp == Ordering::Less {
                    return false;
                }
                if c.major > 0 || self.dirty >= 2 {
                    return v.major == c.major;
                }
                if c.minor > 0 || self.dirty >= 1 {
                    return v.major == 0 && v.minor == c.minor;
                }
                v.major == 0 && v.minor == 0 && v.patch == c.patch
            }
            _ => false,
        }
    }
}

fn wildcard_eq(v: &Version, c: &Version, dirty: u8) -> bool {
    match dirty {
        3 => true,
        2 => v.major == c.major,
        _ => v.major == c.major && v.minor == c.minor,
    }
}
