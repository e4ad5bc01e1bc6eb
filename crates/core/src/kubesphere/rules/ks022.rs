//! KS022: the icon is not an image: a `data:` URL of another media type, or a file without an
//! image extension (kubesphere.md §1.5). Docs: `docs/rules/KS022.md` and
//! `docs/rules/zh/KS022.md`; fixture: `tests/fixtures/KS022/`.

use crate::i18n::Message;
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// KS022's declaration.
    pub static KS022: Warning, Kubesphere, None, "The icon is not an image."
);

/// What KS022 finds (checked by [`super::media::check`]).
#[derive(Debug)]
pub enum NotImage<'a> {
    /// A `data:` URL of `media_type` (only `data:image/...` counts as an image URL).
    DataUrl {
        /// The URL's media type (`data:text/plain`).
        media_type: &'a str,
    },
    /// A package file whose extension is no image's.
    File {
        /// The icon value.
        icon: &'a str,
    },
}

impl Violation for NotImage<'_> {
    const RULE: &'static Rule = &KS022;

    fn message(&self) -> Message {
        match *self {
            NotImage::DataUrl { media_type } => crate::msg!("ks022-message", media_type),
            NotImage::File { icon } => crate::msg!("ks022-message-not-image", icon),
        }
    }

    fn help(&self) -> Message {
        match self {
            NotImage::DataUrl { .. } => crate::msg!("ks022-help"),
            NotImage::File { .. } => crate::msg!("ks022-help-not-image"),
        }
    }
}
