//! Copied from extcheck-core `helm/ignore.rs` (the renderer must not depend on the core).
//!
//! `.helmignore`, as Helm's `LoadDir` applies it when a chart folder is packaged (Helm
//! `pkg/ignore/rules.go`, v3.18.1): one pattern per line, `#` comments, `!` negation, a
//! trailing `/` for directories only, a leading `/` anchored at the root, a pattern with a `/`
//! matched against the whole relative path, and one without matched against the base name
//! only; patterns use Go's `filepath.Match` syntax; `**` is not supported. Helm always adds the
//! rule `templates/.?*`. Only the chart's top-level `.helmignore` is read.

/// One parsed rule.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    pattern: String,
    negate: bool,
    must_dir: bool,
    anchored: bool,
    has_slash: bool,
}

/// The rules of a `.helmignore` plus Helm's default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<Rule>,
}

impl Rules {
    /// Parses `.helmignore` text. Lines Helm would reject (`**`, malformed brackets) are
    /// skipped; the default rule `templates/.?*` is appended, as `AddDefaults` does.
    pub fn parse(text: &str) -> Rules {
        let mut rules: Vec<Rule> = text.lines().filter_map(parse_rule).collect();
        rules.extend(parse_rule("templates/.?*"));
        Rules { rules }
    }

    /// Only Helm's default rule (no `.helmignore`).
    pub fn defaults() -> Rules {
        Rules::parse("")
    }

    /// True when Helm ignores the file at `path` (relative, `/`-separated): the file itself or
    /// one of its folders matches, checked folder by folder from the top as Helm's walk does.
    pub fn ignores_file(&self, path: &str) -> bool {
        let segments: Vec<&str> = path.split('/').collect();
        for depth in 1..segments.len() {
            if self.ignores(&segments[..depth].join("/"), true) {
                return true;
            }
        }
        self.ignores(path, false)
    }

    /// Helm's `Rules.Ignore` for one path: rules in order, the first match decides; a negated
    /// rule that does not match means "ignore".
    fn ignores(&self, path: &str, is_dir: bool) -> bool {
        if path.is_empty() || path == "." {
            return false;
        }
        for r in &self.rules {
            if r.negate {
                if r.must_dir && !is_dir {
                    return true;
                }
                if !r.matches(path) {
                    return true;
                }
                continue;
            }
            if r.must_dir && !is_dir {
                continue;
            }
            if r.matches(path) {
                return true;
            }
        }
        false
    }
}

impl Rule {
    fn matches(&self, path: &str) -> bool {
        if self.anchored || self.has_slash {
            go_match(&self.pattern, path).unwrap_or(false)
        } else {
            go_match(&self.pattern, path.rsplit('/').next().unwrap_or(path)).unwrap_or(false)
        }
    }
}

fn parse_rule(line: &str) -> Option<Rule> {
    let mut rule = line.trim();
    if rule.is_empty() || rule.starts_with('#') || rule.contains("**") {
        return None;
    }
    go_match(rule, "abc").ok()?;
    let negate = rule.starts_with('!');
    if negate {
        rule = &rule[1..];
    }
    let must_dir = rule.ends_with('/');
    let rule = rule.trim_end_matches('/');
    let anchored = rule.starts_with('/');
    let pattern = rule.trim_start_matches('/').to_string();
    Some(Rule { has_slash: pattern.contains('/'), pattern, negate, must_dir, anchored })
}

/// A malformed glob pattern (Go's `filepath.ErrBadPattern`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadPattern;

/// Go's `path/filepath.Match` on Unix: `*` matches any run of non-`/` characters, `?` one
/// non-`/` character, `[...]`/`[^...]` a class with ranges, `\` escapes. `Err` for a malformed
/// pattern (Go's `ErrBadPattern`).
pub fn go_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    validate(&p)?;
    Ok(match_from(&p, &n))
}

fn validate(p: &[char]) -> Result<(), BadPattern> {
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '\\' => {
                if i + 1 >= p.len() {
                    return Err(BadPattern);
                }
                i += 2;
            }
            '[' => i = class_end(p, i + 1).ok_or(BadPattern)?,
            _ => i += 1,
        }
    }
    Ok(())
}

/// The index after the `]` closing a class whose body starts at `i`, or `None` if malformed.
fn class_end(p: &[char], mut i: usize) -> Option<usize> {
    if p.get(i) == Some(&'^') {
        i += 1;
    }
    let mut first = true;
    loop {
        match p.get(i)? {
            ']' if !first => return Some(i + 1),
            '\\' => i += 2,
            '-' if first => return None,
            _ => i += 1,
        }
        if p.get(i) == Some(&'-') && p.get(i + 1).is_some_and(|c| *c != ']') {
            i += 1;
            if p[i] == '\\' {
                i += 1;
            }
            i += 1;
        }
        first = false;
        if i > p.len() {
            return None;
        }
    }
}

fn match_class(p: &[char], start: usize, c: char) -> (bool, usize) {
    let end = class_end(p, start).unwrap_or(p.len());
    let mut i = start;
    let negated = p.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    let mut matched = false;
    while i < end - 1 {
        let mut lo = p[i];
        if lo == '\\' {
            i += 1;
            lo = p[i];
        }
        i += 1;
        let mut hi = lo;
        if p.get(i) == Some(&'-') && i + 1 < end - 1 {
            i += 1;
            hi = p[i];
            if hi == '\\' {
                i += 1;
                hi = p[i];
            }
            i += 1;
        }
        if lo <= c && c <= hi {
            matched = true;
        }
    }
    (matched != negated, end)
}

fn match_from(p: &[char], n: &[char]) -> bool {
    let (mut pi, mut ni) = (0, 0);
    // Backtracking point for the last `*`: (pattern index after it, name index).
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() || pi < p.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi + 1, ni));
                    pi += 1;
                    continue;
                }
                '?' if ni < n.len() && n[ni] != '/' => {
                    pi += 1;
                    ni += 1;
                    continue;
                }
                '[' if ni < n.len() && n[ni] != '/' => {
                    let (ok, end) = match_class(p, pi + 1, n[ni]);
                    if ok {
                        pi = end;
                        ni += 1;
                        continue;
                    }
                }
                '\\' if ni < n.len() && pi + 1 < p.len() && p[pi + 1] == n[ni] => {
                    pi += 2;
                    ni += 1;
                    continue;
                }
                c if ni < n.len() && !matches!(c, '*' | '?' | '[' | '\\') && c == n[ni] => {
                    pi += 1;
                    ni += 1;
                    continue;
                }
                _ => {}
            }
        }
        // Mismatch: let the last `*` eat one more character, unless that would cross a `/`.
        match star {
            Some((after, from)) if from < n.len() && n[from] != '/' => {
                star = Some((after, from + 1));
                pi = after;
                ni = from + 1;
            }
            _ => return false,
        }
    }
    true
}
