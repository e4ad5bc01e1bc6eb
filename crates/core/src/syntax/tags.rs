//! Explicit YAML tags on scalars, decoded as Go's `yaml.v2` decodes them (what
//! `sigs.k8s.io/yaml`, and so ks-core, Helm and ksbuilder, use): `decode.go` `scalar()` and
//! `resolve.go` `resolve()`.
//!
//! - The core tags `!!str`, `!!bool`, `!!int`, `!!float`, `!!null` and `!!timestamp` are
//!   "resolvable": the text must be what the tag says, else decoding fails with
//!   "cannot decode !!str `abc` as a !!int" (`!!float` also takes an integer; `!!str` takes
//!   anything).
//! - `!!binary` text is base64 (Go's `base64.StdEncoding`, line breaks ignored); it is replaced
//!   by the bytes it encodes, else decoding fails with "!!binary value contains invalid base64
//!   data".
//! - Any other tag (`!foo`, `!!python/object:x`, `!<tag:example.com,2000:x>`, `!!map` on a
//!   scalar) is not resolvable: Go keeps the text as a string, without a word.
//!
//! Tags on mappings and sequences are not checked by `yaml.v2`'s decoder.

use base64::Engine as _;

use super::yaml::{ScalarType, resolve_plain};

/// What Go's decoder makes of scalar `text` written with explicit tag `tag` (short form,
/// `!!int`): `Ok(None)` keeps the text, `Ok(Some(decoded))` replaces it (`!!binary`), `Err`
/// carries Go's message (without the `yaml: ` prefix).
pub(crate) fn decode(tag: &str, text: &str) -> Result<Option<String>, String> {
    let tag = tag.strip_prefix("tag:yaml.org,2002:").map_or_else(|| tag.to_string(), |rest| format!("!!{rest}"));
    let wanted = match tag.as_str() {
        "!!binary" => return binary(text).map(Some),
        "!!str" => return Ok(None),
        "!!bool" => "!!bool",
        "!!int" => "!!int",
        "!!float" => "!!float",
        "!!null" => "!!null",
        "!!timestamp" => "!!timestamp",
        _ => return Ok(None),
    };
    let resolved = if wanted == "!!timestamp" && is_timestamp(text) {
        "!!timestamp"
    } else if wanted == "!!int" && is_u64(text) {
        // `strconv.ParseUint` after `ParseInt`: 18446744073709551615 is an int to Go.
        "!!int"
    } else {
        match resolve_plain(text) {
            ScalarType::Null => "!!null",
            ScalarType::Bool => "!!bool",
            ScalarType::Int => "!!int",
            ScalarType::Float => "!!float",
            ScalarType::Str => "!!str",
        }
    };
    if resolved == wanted || (wanted == "!!float" && resolved == "!!int") {
        Ok(None)
    } else {
        Err(format!("cannot decode {resolved} `{text}` as a {wanted}"))
    }
}

fn is_u64(text: &str) -> bool {
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    let digits = plain.strip_prefix('+').unwrap_or(&plain);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && digits.parse::<u64>().is_ok()
}

/// Go's `base64.StdEncoding.DecodeString` (padding required; `\r` and `\n` ignored); invalid
/// UTF-8 in the result is replaced as Go's `encoding/json` does when `sigs.k8s.io/yaml`
/// converts the value.
fn binary(text: &str) -> Result<String, String> {
    let cleaned: String = text.chars().filter(|c| !matches!(c, '\r' | '\n')).collect();
    base64::engine::general_purpose::STANDARD
        .decode(cleaned.as_bytes())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|_| "!!binary value contains invalid base64 data".to_string())
}

/// `parseTimestamp` of `yaml.v2` `resolve.go`: four digits and `-`, then one of the layouts
/// `2006-1-2T15:4:5.999999999Z07:00` (also with `t`), `2006-1-2 15:4:5.999999999`,
/// `2006-1-2`, with the field ranges `time.Parse` checks.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let mut p = Cursor { b, i: 5 };
    let (Some(month), true, Some(day)) = (p.num(2), p.eat(b'-'), p.num(2)) else { return false };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    if p.done() {
        return true;
    }
    let zoned = match p.next() {
        Some(b'T' | b't') => true,
        Some(b' ') => false,
        _ => return false,
    };
    let (Some(h), true, Some(m), true, Some(sec)) = (p.num(2), p.eat(b':'), p.num(2), p.eat(b':'), p.num(2)) else {
        return false;
    };
    if h > 23 || m > 59 || sec > 59 {
        return false;
    }
    if p.eat(b'.') && p.num(9).is_none() {
        return false;
    }
    if !zoned {
        return p.done();
    }
    match p.next() {
        Some(b'Z') => p.done(),
        Some(b'+' | b'-') => {
            let (Some(zh), true, Some(zm)) = (p.fixed(2), p.eat(b':'), p.fixed(2)) else { return false };
            zh < 24 && zm < 60 && p.done()
        }
        _ => false,
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn done(&self) -> bool {
        self.i == self.b.len()
    }
    fn next(&mut self) -> Option<u8> {
        let c = self.b.get(self.i).copied();
        self.i += 1;
        c
    }
    fn eat(&mut self, c: u8) -> bool {
        let hit = self.b.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }
    /// One to `max` digits.
    fn num(&mut self, max: usize) -> Option<u32> {
        let n = self.b[self.i.min(self.b.len())..].iter().take(max).take_while(|c| c.is_ascii_digit()).count();
        (n > 0).then(|| {
            let v = std::str::from_utf8(&self.b[self.i..self.i + n]).ok()?.parse().ok();
            self.i += n;
            v
        })?
    }
    /// Exactly `n` digits.
    fn fixed(&mut self, n: usize) -> Option<u32> {
        let start = self.i;
        let v = self.num(n)?;
        (self.i - start == n).then_some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn core_tags_refuse_text_of_another_type_with_gos_words() {
        assert_eq!(decode("!!int", "abc"), Err("cannot decode !!str `abc` as a !!int".into()));
        assert_eq!(decode("!!int", "1.5"), Err("cannot decode !!float `1.5` as a !!int".into()));
        assert_eq!(decode("!!bool", "1"), Err("cannot decode !!int `1` as a !!bool".into()));
        assert_eq!(decode("!!null", "x"), Err("cannot decode !!str `x` as a !!null".into()));
        assert_eq!(decode("!!timestamp", "soon"), Err("cannot decode !!str `soon` as a !!timestamp".into()));
        assert_eq!(decode("tag:yaml.org,2002:float", "yes"), Err("cannot decode !!bool `yes` as a !!float".into()));
    }

    #[test]
    fn core_tags_accept_their_own_text() {
        for (tag, text) in [
            ("!!int", "0x1F"),
            ("!!int", "18446744073709551615"),
            ("!!float", "1"),
            ("!!float", ".inf"),
            ("!!bool", "yes"),
            ("!!null", "~"),
            ("!!null", ""),
            ("!!str", "12"),
            ("!!timestamp", "2001-12-14"),
            ("!!timestamp", "2001-12-14t21:59:43.10-05:00"),
            ("!!timestamp", "2001-12-14 21:59:43.10"),
        ] {
            assert_eq!(decode(tag, text), Ok(None), "{tag} {text}");
        }
    }

    #[test]
    fn other_tags_keep_the_text_as_a_string() {
        for tag in ["!foo", "!!python/object:os.system", "!", "!!map", "tag:example.com,2000:x"] {
            assert_eq!(decode(tag, "rm -rf /"), Ok(None), "{tag}");
        }
    }

    #[test]
    fn binary_is_decoded_or_refused() {
        assert_eq!(decode("!!binary", "aGVsbG8="), Ok(Some("hello".into())));
        assert_eq!(decode("!!binary", "aGVs\nbG8="), Ok(Some("hello".into())));
        assert_eq!(decode("!!binary", "hello world"), Err("!!binary value contains invalid base64 data".into()));
        assert_eq!(decode("!!binary", "aGVsbG8"), Err("!!binary value contains invalid base64 data".into()));
    }
}
