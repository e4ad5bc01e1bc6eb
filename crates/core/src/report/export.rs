//! The report exports (PRODUCT.md "Exports"), as one value the CLI and the web app share: what
//! each format is called, its file name, its media type, and its text.

use crate::check::Report;

/// A report export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Export {
    /// The stable JSON report ([`super::json`]): one object, or an array for several inputs.
    Json,
    /// One SARIF 2.1.0 log for all inputs ([`super::sarif`]).
    Sarif,
    /// Markdown for a pull-request comment or a CI job summary ([`super::markdown`]).
    Markdown,
}

impl Export {
    /// Every format, in the order the web app offers them.
    pub const ALL: [Export; 3] = [Export::Json, Export::Sarif, Export::Markdown];

    /// The name shown to people: `JSON`, `SARIF`, `Markdown`.
    pub const fn label(self) -> &'static str {
        match self {
            Export::Json => "JSON",
            Export::Sarif => "SARIF",
            Export::Markdown => "Markdown",
        }
    }

    /// The file extension, without the dot: `json`, `sarif`, `md`.
    pub const fn extension(self) -> &'static str {
        match self {
            Export::Json => "json",
            Export::Sarif => "sarif",
            Export::Markdown => "md",
        }
    }

    /// The media type of the file: `application/json`, `application/sarif+json` (the type
    /// registered for SARIF), `text/markdown; charset=utf-8`.
    pub const fn media_type(self) -> &'static str {
        match self {
            Export::Json => "application/json",
            Export::Sarif => "application/sarif+json",
            Export::Markdown => "text/markdown; charset=utf-8",
        }
    }

    /// The export of `reports`, ending with a newline.
    pub fn render(self, reports: &[Report]) -> String {
        let mut text = match self {
            Export::Json => {
                let value = super::json::one_or_array(reports.iter().map(super::json::to_value).collect());
                serde_json::to_string_pretty(&value).unwrap_or_default()
            }
            Export::Sarif => super::sarif::to_string(reports),
            Export::Markdown => super::markdown::render(reports),
        };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text
    }

    /// A file name for the export of `reports`: `extcheck-<name>-<version>.<extension>` from the
    /// first package with a name, else from the first input's file name (without `.tgz`), else
    /// `extcheck-report`. Only ASCII letters, digits, `.`, `-` and `_` are kept.
    pub fn file_name(self, reports: &[Report]) -> String {
        let from_package = reports.iter().flat_map(|r| &r.packages).find_map(|p| {
            p.name.as_ref().map(|n| match &p.version {
                Some(v) => format!("{n}-{v}"),
                None => n.clone(),
            })
        });
        let from_input = || {
            reports.first().map(|r| {
                let last = r.input.trim_end_matches(['/', '\\']).rsplit(['/', '\\']).next().unwrap_or_default();
                last.trim_end_matches(".tgz").trim_end_matches(".tar.gz").to_string()
            })
        };
        let stem: String = from_package
            .or_else(from_input)
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .take(100)
            .collect();
        let stem = stem.trim_matches('.');
        if stem.is_empty() {
            format!("extcheck-report.{}", self.extension())
        } else {
            format!("extcheck-{stem}.{}", self.extension())
        }
    }
}
