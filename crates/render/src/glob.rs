//! `.Files.Glob` patterns as Helm compiles them (`github.com/gobwas/glob` with `/` as the
//! separator): `*` and `?` stop at `/`, `**` crosses it, `[abc]`/`[!a-z]` classes, `{a,b}`
//! alternatives.

/// Whether gobwas/glob compiles the pattern (balanced `[` `]` and `{` `}`); Helm's `Glob`
/// falls back to `**` otherwise.
pub fn is_valid(pattern: &str) -> bool {
    let (mut sq, mut br) = (0i32, 0i32);
    let mut esc = false;
    for c in pattern.chars() {
        if esc {
            esc = false;
            continue;
        }
        match c {
            '\\' => esc = true,
            '[' => sq += 1,
            ']' => sq -= 1,
            '{' => br += 1,
            '}' => br -= 1,
            _ => {}
        }
        if sq < 0 || br < 0 || sq > 1 {
            return false;
        }
    }
    sq == 0 && br == 0 && !esc
}

/// True when `name` matches `pattern`.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    if !is_valid(pattern) {
        return true;
    }
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    m(&p, &n, 0)
}

fn m(p: &[char], n: &[char], depth: usize) -> bool {
    if depth > 64 {
        return false;
    }
    if p.is_empty() {
        return n.is_empty();
    }
    match p[0] {
        '*' => {
            let super_ = p.len() > 1 && p[1] == '*';
            let rest = if super_ { &p[2..] } else { &p[1..] };
            for i in 0..=n.len() {
                if m(rest, &n[i..], depth + 1) {
                    return true;
                }
                if i < n.len() && !super_ && n[i] == '/' {
                    return false;
                }
            }
            false
        }
        '?' => !n.is_empty() && n[0] != '/' && m(&p[1..], &n[1..], depth + 1),
        '[' => {
            let Some(close) = p.iter().skip(1).position(|&c| c == ']').map(|i| i + 1) else {
                return !n.is_empty() && n[0] == '[' && m(&p[1..], &n[1..], depth + 1);
            };
            if n.is_empty() {
                return false;
            }
            let class = &p[1..close];
            let (neg, class) = if class.first() == Some(&'!') { (true, &class[1..]) } else { (false, class) };
            let mut hit = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == '-' {
                    if class[i] <= n[0] && n[0] <= class[i + 2] {
                        hit = true;
                    }
                    i += 3;
                } else {
                    if class[i] == n[0] {
                        hit = true;
                    }
                    i += 1;
                }
            }
            hit != neg && m(&p[close + 1..], &n[1..], depth + 1)
        }
        '{' => {
            let Some(close) = p.iter().position(|&c| c == '}') else {
                return !n.is_empty() && n[0] == '{' && m(&p[1..], &n[1..], depth + 1);
            };
            let inner: String = p[1..close].iter().collect();
            let rest = &p[close + 1..];
            inner.split(',').any(|alt| {
                let mut q: Vec<char> = alt.chars().collect();
                q.extend_from_slice(rest);
                m(&q, n, depth + 1)
            })
        }
        '\\' if p.len() > 1 => !n.is_empty() && n[0] == p[1] && m(&p[2..], &n[1..], depth + 1),
        c => !n.is_empty() && n[0] == c && m(&p[1..], &n[1..], depth + 1),
    }
}
