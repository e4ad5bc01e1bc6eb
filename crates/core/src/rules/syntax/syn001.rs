//! SYN001: a file a platform parses does not parse: YAML or JSON syntax, encoding, or what
//! Go's YAML decoder refuses. Docs: `docs/rules/SYN001.md` and `docs/rules/zh/SYN001.md`;
//! fixture: `tests/fixtures/SYN001/`.

use crate::diagnostic::Severity;
use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SYN001's declaration.
    pub static SYN001: Error, Syntax, Safe, "The file does not parse."
);

/// What SYN001 finds in the file `path`.
#[derive(Debug)]
pub enum Unparsable<'a> {
    /// A JSON syntax error.
    Json {
        /// The file.
        path: &'a str,
        /// The parser's message.
        error: &'a str,
    },
    /// A YAML file in UTF-16 that does not decode (odd length, unpaired surrogate): Go's YAML
    /// reader (`yaml.v2` `readerc.go`, `yaml_parser_update_buffer`) stops there.
    Utf16Error {
        /// The file.
        path: &'a str,
        /// The decoder's message.
        error: &'a str,
        /// The byte offset of the error.
        offset: usize,
    },
    /// A `package.json` in UTF-16: no JSON reader on the Rancher side decodes it (Node's
    /// `JSON.parse(fs.readFileSync(f, 'utf8'))`, npm, yarn and `jq` read it as UTF-8; Rancher's
    /// `fscache.go` `getVersionFromPackageJSON` fails with "invalid character 'ÿ'").
    Utf16Json {
        /// The file.
        path: &'a str,
    },
    /// Neither UTF-8 nor decodable UTF-16.
    NotUtf8 {
        /// The file.
        path: &'a str,
    },
    /// Parses as YAML, but Go's YAML decoder refuses the explicit tag `tag` of a scalar.
    GoRefusesTag {
        /// The file.
        path: &'a str,
        /// The tag, e.g. `!!int`.
        tag: &'a str,
        /// Go's error after `yaml: `, e.g. ``cannot decode !!str `two` as a !!int``.
        error: &'a str,
    },
    /// Parses as YAML, but Go's YAML decoder refuses it (another reason).
    GoDecode {
        /// The file.
        path: &'a str,
        /// Why.
        message: &'a str,
    },
    /// An unquoted value starting with a YAML indicator (`kubeVersion: >=1.19.0`).
    Indicator {
        /// The file.
        path: &'a str,
        /// The key.
        key: &'a str,
        /// The value as written.
        raw: &'a str,
    },
    /// Nested deeper than extcheck's parser reads, not deeper than Go's (warning).
    TooDeep {
        /// The file.
        path: &'a str,
        /// The parser's message.
        message: &'a str,
    },
    /// Another YAML syntax error.
    Yaml {
        /// The file.
        path: &'a str,
        /// The parser's message.
        message: &'a str,
    },
}

impl Violation for Unparsable<'_> {
    const RULE: &'static Rule = &SYN001;

    fn severity(&self) -> Severity {
        match self {
            Unparsable::TooDeep { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> Message {
        match *self {
            Unparsable::Json { path, error } => crate::msg!("syn001-message", path, error),
            Unparsable::Utf16Error { path, error, offset } => {
                crate::msg!("syn001-message-utf16-error", path, error, offset)
            }
            Unparsable::Utf16Json { path } => crate::msg!("syn001-message-utf16-json", path),
            Unparsable::NotUtf8 { path } => crate::msg!("syn001-message-not-utf8", path),
            Unparsable::GoRefusesTag { path, tag, error } => {
                crate::msg!(
                    "syn001-message-go-decode",
                    path,
                    message = crate::msg!("syn001-go-refuses-tag", tag, error)
                )
            }
            Unparsable::GoDecode { path, message } => crate::msg!("syn001-message-go-decode", path, message),
            Unparsable::Indicator { path, key, raw } => {
                crate::msg!("syn001-message-indicator", path, key, indicator = &raw[..1])
            }
            Unparsable::TooDeep { path, message } => crate::msg!("syn001-message-too-deep", path, message),
            Unparsable::Yaml { path, message } => crate::msg!("syn001-message-yaml", path, message),
        }
    }

    fn help(&self) -> Message {
        match *self {
            Unparsable::Json { .. } => crate::msg!("syn001-help"),
            Unparsable::Utf16Error { .. } => crate::msg!("syn001-help-utf16-error"),
            Unparsable::Utf16Json { .. } => crate::msg!("syn001-help-utf16-json"),
            Unparsable::NotUtf8 { .. } => crate::msg!("syn001-help-not-utf8"),
            Unparsable::GoRefusesTag { .. } | Unparsable::GoDecode { .. } => crate::msg!("syn001-help-go-decode"),
            Unparsable::Indicator { key, raw, .. } => crate::msg!("syn001-help-indicator", key, raw),
            Unparsable::TooDeep { .. } => crate::msg!("syn001-help-too-deep"),
            Unparsable::Yaml { .. } => crate::msg!("syn001-help-yaml"),
        }
    }
}
