//! UTF-16 text with a byte-order mark, read as Go's YAML reader reads it.
//!
//! `yaml.v2` and `yaml.v3` (`readerc.go`, `yaml_parser_determine_encoding`) look at the first
//! bytes: `FF FE` is UTF-16LE, `FE FF` UTF-16BE, and the rest of the file is decoded to UTF-8
//! before parsing, so ks-core, Helm and ksbuilder read such a YAML file like its UTF-8 twin.
//! extcheck does the same: [`transcode`] gives the rules a copy of the package whose UTF-16
//! YAML and JSON files are decoded (the mark kept as U+FEFF, as a UTF-8 mark is kept), and
//! [`Transcoded::restore`] maps the findings' byte ranges back to the original file. Fixes in
//! a decoded file are dropped: their edits are UTF-8 text and cannot be spliced into UTF-16
//! bytes. JSON readers do not decode UTF-16 (Go's `encoding/json`, Node's
//! `JSON.parse(fs.readFileSync(f, 'utf8'))`, `jq`); SYN001 says so, and the content is still
//! checked.

use std::collections::BTreeMap;

use super::Package;
use crate::diagnostic::Diagnostic;

/// A UTF-16 file that could not be decoded: Go's reader stops with `message` (`readerc.go`)
/// at byte `offset`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utf16Error {
    /// Go's words, e.g. "incomplete UTF-16 character".
    pub message: &'static str,
    /// Byte offset of the offending code unit in the original file.
    pub offset: usize,
}

/// A decoded UTF-16 file: the UTF-8 text (its byte-order mark as U+FEFF) and a table to map
/// UTF-8 offsets back to the original bytes.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text, starting with U+FEFF.
    pub text: String,
    /// `(UTF-8 offset, original offset)` of every 64th character, in order.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT_EVERY: usize = 64;

/// True when `bytes` start with a UTF-16 byte-order mark (LE `FF FE` or BE `FE FF`).
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

/// Decodes `bytes` when they start with a UTF-16 byte-order mark: `None` otherwise; the error
/// Go's reader gives for an odd byte count or an unpaired surrogate. Cost: linear in the size.
pub fn decode_utf16(bytes: &[u8]) -> Option<Result<Decoded, Utf16Error>> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    if bytes.len() % 2 == 1 {
        return Some(Err(Utf16Error { message: "incomplete UTF-16 character", offset: bytes.len() - 1 }));
    }
    let units = bytes
        .chunks_exact(2)
        .map(|p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
    let mut text = String::with_capacity(bytes.len() / 2 + bytes.len() / 4);
    let mut checkpoints = Vec::with_capacity(bytes.len() / (2 * CHECKPOINT_EVERY) + 1);
    let mut original = 0;
    for (n, c) in char::decode_utf16(units).enumerate() {
        let Ok(c) = c else {
            let unit = if little {
                u16::from_le_bytes([bytes[original], bytes[original + 1]])
            } else {
                u16::from_be_bytes([bytes[original], bytes[original + 1]])
            };
            let message = if (0xdc00..0xe000).contains(&unit) {
                "unexpected low surrogate area"
            } else if original + 2 >= bytes.len() {
                "incomplete UTF-16 surrogate pair"
            } else {
                "expected low surrogate area"
            };
            return Some(Err(Utf16Error { message, offset: original }));
        };
        if n % CHECKPOINT_EVERY == 0 {
            checkpoints.push((text.len(), original));
        }
        text.push(c);
        original += 2 * c.len_utf16();
    }
    Some(Ok(Decoded { text, checkpoints }))
}

impl Decoded {
    /// The offset in the original UTF-16 bytes of UTF-8 offset `at` of [`Decoded::text`]
    /// (clamped to the text; an offset inside a character maps to that character's start).
    pub fn original(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let i = self.checkpoints.partition_point(|&(utf8, _)| utf8 <= at).saturating_sub(1);
        let Some(&(mut utf8, mut original)) = self.checkpoints.get(i) else { return 0 };
        for c in self.text[utf8..].chars() {
            if utf8 + c.len_utf8() > at {
                break;
            }
            utf8 += c.len_utf8();
            original += 2 * c.len_utf16();
        }
        original
    }
}

/// The files of a package whose UTF-16 YAML and JSON files were decoded for checking.
pub struct Transcoded {
    /// The package with the decoded files in UTF-8.
    pub package: Package,
    decoded: BTreeMap<String, Decoded>,
}

/// A copy of `package` with its UTF-16 YAML and JSON files decoded, or `None` when it has none
/// (the common case costs one look at each such file's first two bytes). Files that do not
/// decode stay as they are (SYN001 reports them).
pub fn transcode(package: &Package) -> Option<Transcoded> {
    let is_text = |path: &str| {
        let lower = path.to_ascii_lowercase();
        [".yaml", ".yml", ".json"].iter().any(|ext| lower.ends_with(ext))
    };
    let decoded: BTreeMap<String, Decoded> = package
        .files
        .iter()
        .filter(|(path, bytes)| is_text(path) && has_utf16_bom(bytes))
        .filter_map(|(path, bytes)| Some((path.clone(), decode_utf16(bytes)?.ok()?)))
        .collect();
    if decoded.is_empty() {
        return None;
    }
    let mut copy = package.clone();
    for (path, file) in &decoded {
        copy.files.insert(path.clone(), file.text.as_bytes().to_vec());
    }
    Some(Transcoded { package: copy, decoded })
}

impl Transcoded {
    /// True when `path` was decoded from UTF-16.
    pub fn decoded(&self, path: &str) -> bool {
        self.decoded.contains_key(path)
    }

    /// Maps the byte ranges of `diagnostics` in decoded files back to the original UTF-16
    /// bytes (line and column stay those of the text), and drops fixes that edit a decoded
    /// file.
    pub fn restore(&self, diagnostics: &mut [Diagnostic]) {
        for d in diagnostics {
            if let (Some(file), Some(location)) = (&d.file, &mut d.location)
                && let Some(decoded) = self.decoded.get(file)
            {
                location.span.start = decoded.original(location.span.start);
                location.span.end = decoded.original(location.span.end);
            }
            if d.fix.as_ref().is_some_and(|f| f.edits.iter().any(|e| self.decoded(&e.file))) {
                d.fix = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut out = if little { vec![0xff, 0xfe] } else { vec![0xfe, 0xff] };
        for u in text.encode_utf16() {
            out.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn both_byte_orders_decode_and_offsets_map_back() {
        let text = format!("name: café\nicon: 😀{}\n", "x".repeat(200));
        for little in [true, false] {
            let bytes = utf16(&text, little);
            let decoded = decode_utf16(&bytes).unwrap().unwrap();
            assert_eq!(decoded.text, format!("\u{feff}{text}"));
            // Every character start maps to the start of its code units.
            let mut original = 0;
            for (at, c) in decoded.text.char_indices() {
                assert_eq!(decoded.original(at), original, "at {at}");
                original += 2 * c.len_utf16();
            }
            assert_eq!(decoded.original(decoded.text.len()), bytes.len());
        }
    }

    #[test]
    fn broken_utf16_gets_gos_words() {
        let mut odd = utf16("a: b", true);
        odd.push(b'x');
        assert_eq!(decode_utf16(&odd).unwrap().unwrap_err().message, "incomplete UTF-16 character");
        let lone_low = [0xff, 0xfe, 0x00, 0xdc, b'a', 0];
        assert_eq!(
            decode_utf16(&lone_low).unwrap().unwrap_err(),
            Utf16Error { message: "unexpected low surrogate area", offset: 2 }
        );
        let high_then_a = [0xff, 0xfe, 0x00, 0xd8, b'a', 0];
        assert_eq!(decode_utf16(&high_then_a).unwrap().unwrap_err().message, "expected low surrogate area");
        let high_at_end = [0xff, 0xfe, b'a', 0, 0x00, 0xd8];
        assert_eq!(decode_utf16(&high_at_end).unwrap().unwrap_err().message, "incomplete UTF-16 surrogate pair");
        assert!(decode_utf16(b"a: b").is_none());
    }
}
