//! KS040: `installationMode` is exactly `HostOnly` or `Multicluster` (the ExtensionVersion
//! CRD's enum). Docs: `docs/rules/KS040.md` and `docs/rules/zh/KS040.md`; fixture:
//! `tests/fixtures/KS040/`.

use super::field;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::yaml::{self, Node, ScalarStyle};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS040's declaration.
    pub static KS040: Error, Kubesphere, Safe, "`installationMode` is not exactly `HostOnly` or `Multicluster`."
);

/// What KS040 finds: an `installationMode` the CRD rejects.
#[derive(Debug)]
pub struct InstallationMode<'a> {
    /// The mode as written.
    pub mode: &'a str,
}

impl Violation for InstallationMode<'_> {
    const RULE: &'static Rule = &KS040;

    fn message(&self) -> Message {
        crate::msg!("ks040-message", mode = self.mode)
    }

    fn help(&self) -> Message {
        crate::msg!("ks040-help")
    }
}

/// Checks `installationMode` in `extension.yaml` (`root` is its mapping); a mode that differs
/// only in case or surrounding blanks gets a safe fix.
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some(entry) = field(root, "installationMode") else {
        return;
    };
    let Some(mode) = entry.value.as_str().filter(|_| !entry.value.is_null()) else {
        return;
    };
    if matches!(mode, "HostOnly" | "Multicluster") {
        return;
    }
    let canonical = ["HostOnly", "Multicluster"].into_iter().find(|c| c.eq_ignore_ascii_case(mode.trim()));
    let mut d = file.file.report(&InstallationMode { mode }, entry.value.span);
    if let Some(c) = canonical {
        let token = yaml::scalar_token(c, entry.value.style().unwrap_or(ScalarStyle::Plain));
        d = d.with_fix(Fix::safe(crate::msg!("ks040-fix", mode = c), vec![file.file.edit(entry.value.span, token)]));
    }
    out.push(d);
}
