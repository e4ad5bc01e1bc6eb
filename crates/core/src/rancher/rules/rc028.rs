//! RC028: the plugin archive's layout (rancher.md §2 "What Rancher requires from the
//! assets"): the top folder is the version, `files.txt` exists, and its entries do not match
//! `(^[/\\.])|\.\.` and exist in the archive. Docs: `docs/rules/RC028.md` and
//! `docs/rules/zh/RC028.md`; fixture: `tests/fixtures/RC028/`.

use crate::diagnostic::Diagnostic;
use crate::document::Ctx;
use crate::i18n::Message;
use crate::syntax::Span;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC028's declaration.
    pub static RC028: Error, Rancher, None, "Plugin archive layout is wrong."
);

/// What RC028 finds.
#[derive(Debug)]
pub enum Layout<'a> {
    /// The top folder is not a version.
    Top(&'a str),
    /// No `files.txt`.
    NoFilesTxt,
    /// A `files.txt` entry Rancher refuses.
    Refused(&'a str),
    /// A `files.txt` entry not in the archive.
    Missing(&'a str),
}

impl Violation for Layout<'_> {
    const RULE: &'static Rule = &RC028;

    fn message(&self) -> Message {
        match *self {
            Layout::Top(top) => crate::msg!("rc028-message-top", top),
            Layout::NoFilesTxt => crate::msg!("rc028-message-no-files-txt"),
            Layout::Refused(entry) => crate::msg!("rc028-message-refused", entry),
            Layout::Missing(entry) => crate::msg!("rc028-message-missing", entry),
        }
    }

    fn help(&self) -> Message {
        crate::msg!("rc028-help")
    }
}

/// True for a folder name that can be a plugin version (`0.2.5`, `1.0.0-rc.1`).
fn looks_like_version(s: &str) -> bool {
    let main = s.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = main.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Checks the plugin archive's top folder and `files.txt`.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(top) = ctx.top_folder
        && !looks_like_version(top)
    {
        out.push(Layout::Top(top).diagnostic());
    }
    let Some(file) = ctx.text("files.txt") else {
        out.push(Layout::NoFilesTxt.diagnostic());
        return;
    };
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let entry = line.trim_end_matches(['\n', '\r']);
        let span = Span::new(offset, offset + entry.len());
        offset += line.len();
        if entry.is_empty() {
            continue;
        }
        let problem = if entry.starts_with(['/', '\\', '.']) || entry.contains("..") {
            Layout::Refused(entry)
        } else if !ctx.package.contains(entry) && !ctx.package.skipped.contains(entry) {
            Layout::Missing(entry)
        } else {
            continue;
        };
        out.push(problem.diagnostic().in_file("files.txt").at(file.text, &file.index, span));
    }
}
