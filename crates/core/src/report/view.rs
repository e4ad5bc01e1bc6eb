//! The report as the web app shows it: diagnostics grouped by file (input-level findings
//! first), filtered by severity, each with its source snippet. Plain data, so the app's
//! components only render it.

use serde::{Deserialize, Serialize};

use super::{SnippetLine, snippet};
use crate::check::PackageReport;
use crate::diagnostic::{Counts, Diagnostic, Severity};

/// Which severities to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SeverityFilter {
    /// Show errors.
    pub errors: bool,
    /// Show warnings.
    pub warnings: bool,
    /// Show infos.
    pub infos: bool,
}

impl Default for SeverityFilter {
    fn default() -> Self {
        SeverityFilter { errors: true, warnings: true, infos: true }
    }
}

impl SeverityFilter {
    /// True when `severity` is shown.
    pub fn shows(&self, severity: Severity) -> bool {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }

    /// The filter with `severity` toggled.
    pub fn toggled(mut self, severity: Severity) -> Self {
        match severity {
            Severity::Error => self.errors = !self.errors,
            Severity::Warning => self.warnings = !self.warnings,
            Severity::Info => self.infos = !self.infos,
        }
        self
    }
}

/// One diagnostic ready to display.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiagnosticView {
    /// Its position in the package's diagnostic list (a stable key).
    pub index: usize,
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// `file:line:col`, or the file alone, or empty for input-level findings.
    pub location: String,
    /// The source lines with the span marked.
    pub snippet: Vec<SnippetLine>,
}

/// The diagnostics of one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileGroup {
    /// The file (relative to the package root), or `None` for findings about the whole input.
    pub file: Option<String>,
    /// Counts over all of this file's diagnostics (not only the shown ones).
    pub counts: Counts,
    /// The shown diagnostics, in position order.
    pub diagnostics: Vec<DiagnosticView>,
}

/// Groups `report`'s diagnostics by file — input-level findings first, then files in path
/// order — keeping only severities `filter` shows. Files with nothing shown are left out.
pub fn grouped(report: &PackageReport, filter: SeverityFilter) -> Vec<FileGroup> {
    group(&views(report), filter)
}

/// Every diagnostic of `report` ready to display, in report order, each with its location and
/// source snippet (the part of [`grouped`] that reads the package's bytes).
pub fn views(report: &PackageReport) -> Vec<DiagnosticView> {
    report
        .diagnostics
        .iter()
        .enumerate()
        .map(|(index, d)| {
            let location = match (&d.file, &d.location) {
                (Some(f), Some(l)) => format!("{f}:{}:{}", l.start.line, l.start.column),
                (Some(f), None) => f.clone(),
                (None, _) => String::new(),
            };
            DiagnosticView { index, diagnostic: d.clone(), location, snippet: snippet(&report.package, d) }
        })
        .collect()
}

/// Groups diagnostic views (from [`views`]) by file as [`grouped`] does, without the package:
/// the web page groups the views its checking worker sent.
pub fn group(views: &[DiagnosticView], filter: SeverityFilter) -> Vec<FileGroup> {
    let mut groups: Vec<FileGroup> = Vec::new();
    for view in views {
        let d = &view.diagnostic;
        let group = match groups.iter_mut().position(|g| g.file == d.file) {
            Some(i) => &mut groups[i],
            None => {
                groups.push(FileGroup { file: d.file.clone(), counts: Counts::default(), diagnostics: Vec::new() });
                groups.last_mut().expect("just pushed")
            }
        };
        group.counts.add(d.severity);
        if filter.shows(d.severity) {
            group.diagnostics.push(view.clone());
        }
    }
    groups.retain(|g| !g.diagnostics.is_empty());
    groups.sort_by(|a, b| a.file.cmp(&b.file));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::FolderEntry;
    use crate::package::read_folder;

    fn report() -> PackageReport {
        let files = [
            (
                "extension.yaml",
                "apiVersion: v1\nname: Bad_Name\nversion: \"1.0\"\ndisplayName: {zh: 演示}\ndescription: {en: x}\ncategory: dev-tools\nprovider: {en: {name: x}}\nicon: https://x/i.svg\n",
            ),
            ("Chart.yaml", "apiVersion: v2\nname: other\n"),
        ];
        let entries = files
            .iter()
            .map(|(p, t)| FolderEntry::File { path: p.to_string(), bytes: t.as_bytes().to_vec() })
            .collect();
        crate::check("demo", read_folder("demo", entries)).packages.remove(0)
    }

    #[test]
    fn groups_by_file_and_filters_by_severity() {
        let r = report();
        let all = grouped(&r, SeverityFilter::default());
        let files: Vec<Option<&str>> = all.iter().map(|g| g.file.as_deref()).collect();
        // Input-level findings (here KS071: no permissions.yaml) come first.
        assert_eq!(files, [None, Some("Chart.yaml"), Some("extension.yaml")]);
        let ext = &all[2];
        assert!(ext.counts.errors >= 2 && ext.counts.warnings >= 1, "{:?}", ext.counts);
        assert!(ext.diagnostics.iter().any(|d| d.diagnostic.code == "KS010" && d.location == "extension.yaml:2:7"));
        assert!(ext.diagnostics.iter().all(|d| !d.snippet.is_empty()));
        let errors_only = grouped(&r, SeverityFilter::default().toggled(Severity::Warning).toggled(Severity::Info));
        assert!(errors_only.iter().flat_map(|g| &g.diagnostics).all(|d| d.diagnostic.severity == Severity::Error));
        // Counts keep counting what the filter hides.
        assert_eq!(
            errors_only.iter().find(|g| g.file.as_deref() == Some("extension.yaml")).unwrap().counts,
            ext.counts
        );
        let none = grouped(&r, SeverityFilter { errors: false, warnings: false, infos: false });
        assert!(none.is_empty());
    }
}
