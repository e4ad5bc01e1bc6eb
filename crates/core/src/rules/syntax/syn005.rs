//! SYN005: control characters in a YAML file, which Go's YAML reader refuses ("control
//! characters are not allowed", `yaml.v2` `is_printable`). Docs: `docs/rules/SYN005.md` and
//! `docs/rules/zh/SYN005.md`; fixture: `tests/fixtures/SYN005/`.

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::TextFile;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// SYN005's declaration.
    pub static SYN005: Error, Syntax, Safe, "Control characters in a YAML file."
);

/// What SYN005 finds: the character `character` in `path`.
#[derive(Debug)]
pub struct ControlCharacter<'a> {
    /// The file.
    pub path: &'a str,
    /// The character.
    pub character: char,
}

impl Violation for ControlCharacter<'_> {
    const RULE: &'static Rule = &SYN005;

    fn message(&self) -> Message {
        crate::msg!("syn005-message", path = self.path, character = code_point(self.character))
    }

    fn help(&self) -> Message {
        crate::msg!("syn005-help")
    }
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// True for a character Go's YAML reader refuses: C0 controls other than tab, LF and CR, DEL,
/// and C1 controls other than NEL (U+0085) (`yaml.v2` `is_printable`).
pub fn is_forbidden_control(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || u == 0x7f
        || ((0x80..=0x9f).contains(&u) && u != 0x85)
        || matches!(u, 0xfffe | 0xffff)
}

/// Checks `file`, each character with a safe fix deleting it; at most ten are reported per
/// file.
pub(super) fn check(file: &TextFile<'_>, out: &mut Vec<Diagnostic>) {
    for (at, c) in file.text.char_indices().filter(|(_, c)| is_forbidden_control(*c)).take(10) {
        let span = Span::new(at, at + c.len_utf8());
        out.push(file.report(&ControlCharacter { path: file.path, character: c }, span).with_fix(Fix::safe(
            crate::msg!("syn005-fix", character = code_point(c)),
            vec![Edit::delete(file.path, span)],
        )));
    }
}
