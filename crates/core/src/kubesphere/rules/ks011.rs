//! KS011: the extension version (kubesphere.md §5.2): strict SemVer 2.0 without build
//! metadata, lowercase (a DNS-1123 subdomain), at most 63 characters. Docs:
//! `docs/rules/KS011.md` and `docs/rules/zh/KS011.md`; fixture: `tests/fixtures/KS011/`.

use super::string_field;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::YamlFile;
use crate::i18n::Message;
use crate::syntax::yaml::{self, Node};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS011's declaration.
    pub static KS011: Error, Kubesphere, None, "`version` is not strict SemVer 2.0, or not a DNS-1123 subdomain."
);

/// What KS011 finds.
#[derive(Debug)]
pub enum ExtensionVersion<'a> {
    /// ks-core's `isValidExtensionVersion` drops the version (error).
    Invalid {
        /// The version.
        version: &'a str,
        /// Why, from [`version_problem`].
        problem: Message,
    },
    /// A lowercase `v` before an otherwise valid version: every reader accepts it (Masterminds
    /// in ks-core and Helm, node-semver in the console), but it is not strict SemVer (warning).
    VPrefix {
        /// The version.
        version: &'a str,
    },
}

impl Violation for ExtensionVersion<'_> {
    const RULE: &'static Rule = &KS011;

    fn severity(&self) -> Severity {
        match self {
            ExtensionVersion::Invalid { .. } => Severity::Error,
            ExtensionVersion::VPrefix { .. } => Severity::Warning,
        }
    }

    fn message(&self) -> Message {
        match *self {
            ExtensionVersion::Invalid { version, ref problem } => {
                crate::msg!("ks011-message", version, problem = problem.clone())
            }
            ExtensionVersion::VPrefix { version } => crate::msg!("ks011-message-v-prefix", version),
        }
    }

    fn help(&self) -> Message {
        crate::msg!("ks011-help")
    }
}

/// Checks `version` in `extension.yaml` (`root` is its mapping).
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let Some((version, node)) = string_field(root, "version") else {
        return;
    };
    if node.scalar_type() != Some(yaml::ScalarType::Str) {
        return; // SYN004 already explains the type
    }
    let Some(problem) = version_problem(version) else {
        return;
    };
    let finding = if version.starts_with('v') && version_problem(&version[1..]).is_none() {
        ExtensionVersion::VPrefix { version }
    } else {
        ExtensionVersion::Invalid { version, problem }
    };
    out.push(file.file.report(&finding, node.span));
}

/// Why `v` is not a strict SemVer 2.0 version usable as a KubeSphere extension version.
pub fn version_problem(v: &str) -> Option<Message> {
    if v.len() > 63 {
        return Some(crate::msg!("k8s-problem-long", length = v.len()));
    }
    if v.starts_with(['v', 'V']) {
        return Some(crate::msg!("ks011-problem-v"));
    }
    if v.contains('+') {
        return Some(crate::msg!("ks011-problem-build"));
    }
    if let Some(c) = v.chars().find(|c| c.is_ascii_uppercase()) {
        return Some(crate::msg!("ks011-problem-uppercase", letter = c));
    }
    let (main, pre) = match v.split_once('-') {
        Some((m, p)) => (m, Some(p)),
        None => (v, None),
    };
    let parts: Vec<&str> = main.split('.').collect();
    if parts.len() != 3 {
        return Some(crate::msg!("ks011-problem-parts", count = parts.len()));
    }
    for p in &parts {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Some(crate::msg!("ks011-problem-not-number", part = p));
        }
        if p.len() > 1 && p.starts_with('0') {
            return Some(crate::msg!("ks011-problem-leading-zero", part = p));
        }
    }
    if let Some(pre) = pre {
        for id in pre.split('.') {
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return Some(crate::msg!("ks011-problem-prerelease", prerelease = pre));
            }
            if id.len() > 1 && id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit()) {
                return Some(crate::msg!("ks011-problem-prerelease-zero", identifier = id));
            }
        }
        if let Some(id) = pre.split('.').find(|id| id.starts_with('-') || id.ends_with('-')) {
            return Some(crate::msg!("ks011-problem-prerelease-dash", identifier = id));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_problems() {
        for ok in ["1.0.0", "0.1.0", "1.2.3-rc.1", "23.9.2", "1.0.0-alpha-1"] {
            assert_eq!(version_problem(ok), None, "{ok}");
        }
        for (bad, says) in [
            ("1.0", "three"),
            ("v1.0.0", "`v`"),
            ("1.0.0+build", "build metadata"),
            ("1.0.0-RC1", "uppercase"),
            ("01.0.0", "leading zero"),
            ("1.0.0-01", "leading zero"),
            ("1.0.0_1", "not a number"),
            ("1.0.0-rc.-1", "starts or ends with `-`"),
        ] {
            let p = version_problem(bad).map(|m| m.render(crate::i18n::Lang::En)).unwrap_or_default();
            assert!(p.contains(says), "{bad}: {p}");
        }
    }
}
