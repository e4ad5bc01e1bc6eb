//! KS083: `home`, `docs` and `sources` entries are http(s) URLs; maintainers have a name, and a
//! valid email and URL when given (ksbuilder lint: `validateChartSources`,
//! `validateChartMaintainer`). Docs: `docs/rules/KS083.md` and `docs/rules/zh/KS083.md`;
//! fixture: `tests/fixtures/KS083/`.

use super::field;
use crate::diagnostic::Diagnostic;
use crate::document::YamlFile;
use crate::i18n::{Arg, Message};
use crate::syntax::yaml::Node;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS083's declaration.
    pub static KS083: Warning, Kubesphere, None, "`home`, `docs` or a `sources` entry is not an http(s) URL, or a maintainer is invalid."
);

/// Where a URL that KS083 checks sits.
#[derive(Debug, Clone, Copy)]
pub enum UrlField<'a> {
    /// A top-level field (`home`, `docs`).
    Field(&'a str),
    /// A `sources` entry.
    Source,
    /// A maintainer's `url`.
    MaintainerUrl,
}

/// What KS083 finds.
#[derive(Debug)]
pub enum Link<'a> {
    /// A URL that is not http(s).
    NotHttp {
        /// Where it sits.
        what: UrlField<'a>,
        /// The URL.
        url: &'a str,
    },
    /// A maintainer without a name.
    NoName {
        /// The maintainer's 1-based number.
        number: usize,
    },
    /// A maintainer's invalid email.
    BadEmail {
        /// The email.
        email: &'a str,
    },
}

impl Violation for Link<'_> {
    const RULE: &'static Rule = &KS083;

    fn message(&self) -> Message {
        match *self {
            Link::NotHttp { what, url } => {
                let what: Arg = match what {
                    UrlField::Field(key) => format!("`{key}`").into(),
                    UrlField::Source => crate::msg!("ks083-what-source").into(),
                    UrlField::MaintainerUrl => crate::msg!("ks083-what-maintainer-url").into(),
                };
                crate::msg!("ks083-message", what, url)
            }
            Link::NoName { number } => crate::msg!("ks083-message-no-name", number),
            Link::BadEmail { email } => crate::msg!("ks083-message-bad-email", email),
        }
    }

    fn help(&self) -> Message {
        match self {
            Link::NotHttp { .. } => crate::msg!("ks083-help"),
            Link::NoName { .. } => crate::msg!("ks083-help-no-name"),
            Link::BadEmail { .. } => crate::msg!("ks083-help-bad-email"),
        }
    }
}

fn is_http_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// A plain e-mail address check: one `@`, a non-empty local part, a dotted domain, no spaces.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
}

/// Checks the links and maintainers of `extension.yaml` (`root`).
pub(super) fn check(file: &YamlFile<'_>, root: &Node, out: &mut Vec<Diagnostic>) {
    let bad_url = |node: &Node, what: UrlField<'_>, out: &mut Vec<Diagnostic>| {
        if let Some(url) = node.as_str().filter(|v| !v.is_empty() && !node.is_null())
            && !is_http_url(url)
        {
            out.push(file.file.report(&Link::NotHttp { what, url }, node.span));
        }
    };
    for key in ["home", "docs"] {
        if let Some(e) = field(root, key) {
            bad_url(&e.value, UrlField::Field(key), out);
        }
    }
    if let Some(e) = field(root, "sources") {
        for item in e.value.items() {
            bad_url(item, UrlField::Source, out);
        }
    }
    let Some(maintainers) = field(root, "maintainers") else { return };
    for (i, m) in maintainers.value.items().iter().enumerate() {
        let name = m.get("name").and_then(Node::as_str).filter(|n| !n.is_empty());
        if name.is_none() {
            out.push(file.file.report(&Link::NoName { number: i + 1 }, m.span));
        }
        if let Some(email) = m.get("email").and_then(Node::as_str).filter(|e| !e.is_empty())
            && !is_email(email)
        {
            out.push(file.file.report(&Link::BadEmail { email }, m.get("email").map_or(m.span, |n| n.span)));
        }
        if let Some(url_node) = m.get("url") {
            bad_url(url_node, UrlField::MaintainerUrl, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_emails() {
        assert!(is_http_url("https://kubesphere.io/") && is_http_url("http://a.b/c"));
        assert!(!is_http_url("kubesphere.io") && !is_http_url("https://") && !is_http_url("ftp://x"));
        assert!(is_email("kubesphere@yunify.com") && !is_email("nobody") && !is_email("a@b") && !is_email("a @b.c"));
    }
}
