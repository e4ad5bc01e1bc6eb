//! SARIF 2.1.0 (PRODUCT.md "Exports"), for code scanning (GitHub, GitLab, Azure DevOps, the
//! VS Code SARIF viewer). The model is `serde-sarif`'s, generated from the OASIS schema.
//!
//! The mapping:
//! * one run; `tool.driver` is extcheck with the rules that occur, each with its title, its
//!   one-line summary, its documentation (`docs/rules/<CODE>.md`) as `help`, and its default
//!   level;
//! * one result per diagnostic: `ruleId`/`ruleIndex`, `level` (`error`, `warning`, and `note`
//!   for info), the message with the help after it, and the place;
//! * places: a file of a folder is `<input>/<root><file>`, as the text report prints it (so it
//!   resolves against the repository when the CLI runs at its root); a file inside an archive
//!   is a *nested* artifact (SARIF §3.24.3: `parentIndex` points at the archive, the `uri` is
//!   the path inside it). Regions give 1-based lines, columns in Unicode code points
//!   (`run.columnKind`), and the byte offset and length of the span;
//! * a fix whose changes are all byte edits becomes a SARIF `fix` (deleted byte region,
//!   inserted text); fixes that add, remove or regenerate whole files are described in the
//!   result's properties instead, since SARIF replacements cannot create files.

use std::collections::BTreeMap;

use serde_sarif::sarif;

use crate::check::{PackageReport, Report};
use crate::diagnostic::{Diagnostic, Severity};
use crate::package::Origin;
use crate::rules::registry::{Rule, rule};

/// The `$schema` written into the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF log of `reports` (one run, results in report order).
pub fn to_sarif(reports: &[Report]) -> sarif::Sarif {
    let mut artifacts = Artifacts::default();
    let mut rules: Vec<&'static Rule> = Vec::new();
    let mut results = Vec::new();
    for report in reports {
        for package in &report.packages {
            for d in &package.diagnostics {
                let index = rule_index(&mut rules, d.code);
                results.push(result(report, package, d, index, &mut artifacts));
            }
            for x in &package.suppressed {
                let d = &x.diagnostic;
                let index = rule_index(&mut rules, d.code);
                let mut r = result(report, package, d, index, &mut artifacts);
                let kind = serde_json::to_value(x.kind).unwrap_or_default();
                r.suppressions =
                    Some(vec![sarif::Suppression::builder().kind(kind).justification(x.reason.clone()).build()]);
                results.push(r);
            }
        }
    }
    let driver = sarif::ToolComponent::builder()
        .name("extcheck")
        .version(crate::report::json::TOOL.version)
        .semantic_version(crate::report::json::TOOL.version)
        .full_name(format!("extcheck {}", crate::report::json::TOOL.version))
        .rules(rules.iter().map(|r| descriptor(r)).collect::<Vec<_>>())
        .build();
    // Platform lines whose patch releases differ (issue 11), as a run property when any.
    let mixed: Vec<String> = reports
        .iter()
        .flat_map(|r| &r.packages)
        .flat_map(|p| p.matrix.as_ref().map(crate::matrix::Matrix::mixed_lines).unwrap_or_default())
        .collect();
    let mut run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .artifacts(artifacts.list)
        .results(results)
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .build();
    if !mixed.is_empty() {
        let mut properties = BTreeMap::new();
        properties.insert("mixedPatchReleases".to_string(), serde_json::Value::from(mixed));
        run.properties = Some(sarif::PropertyBag::builder().additional_properties(properties).build());
    }
    sarif::Sarif::builder().schema(SCHEMA_URI).version(serde_json::Value::from("2.1.0")).runs(vec![run]).build()
}

/// The index of `code`'s rule in `rules`, added on first use.
fn rule_index(rules: &mut Vec<&'static Rule>, code: &str) -> Option<usize> {
    match rules.iter().position(|r| r.code == code) {
        Some(i) => Some(i),
        None => rule(code).map(|r| {
            rules.push(r);
            rules.len() - 1
        }),
    }
}

/// The SARIF log of `reports` as pretty-printed JSON.
pub fn to_string(reports: &[Report]) -> String {
    serde_json::to_string_pretty(&to_sarif(reports)).unwrap_or_default()
}

fn descriptor(r: &Rule) -> sarif::ReportingDescriptor {
    let level = level(r.severity);
    let tags = vec![group_tag(r), r.severity.as_str().to_string()];
    sarif::ReportingDescriptor::builder()
        .id(r.code)
        .name(pascal_case(r.title()))
        .short_description(sarif::MultiformatMessageString::builder().text(r.title()).build())
        .full_description(sarif::MultiformatMessageString::builder().text(r.summary).build())
        .help(sarif::MultiformatMessageString::builder().text(r.summary).markdown(r.docs).build())
        .default_configuration(
            sarif::ReportingConfiguration::builder().level(serde_json::to_value(level).unwrap_or_default()).build(),
        )
        .properties(sarif::PropertyBag::builder().tags(tags).build())
        .build()
}

fn group_tag(r: &Rule) -> String {
    use crate::rules::registry::Group;
    match r.group {
        Group::Package => "package",
        Group::Syntax => "syntax",
        Group::Range => "version-range",
        Group::Kubesphere => "kubesphere",
        Group::Rancher => "rancher",
        Group::Helm => "helm",
        Group::Suppression => "suppression",
        Group::Template => "template",
    }
    .to_string()
}

/// "Required field missing" gives "RequiredFieldMissing" (SARIF §3.49.7 recommends a
/// readable identifier for `name`).
fn pascal_case(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

const fn level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn result(
    report: &Report,
    package: &PackageReport,
    d: &Diagnostic,
    rule_index: Option<usize>,
    artifacts: &mut Artifacts,
) -> sarif::Result {
    let text = match (d.help.is_empty(), d.message.ends_with(['.', '!', '?'])) {
        (true, _) => d.message.clone(),
        (false, true) => format!("{} {}", d.message, d.help),
        (false, false) => format!("{}. {}", d.message, d.help),
    };
    let file = d.file.as_deref();
    let artifact = artifacts.location(report, package, file);
    let region = d.location.as_ref().map(|l| {
        sarif::Region::builder()
            .start_line(l.start.line as i64)
            .start_column(l.start.column as i64)
            .end_line(l.end.line as i64)
            .end_column(l.end.column as i64)
            .byte_offset(l.span.start as i64)
            .byte_length(l.span.end.saturating_sub(l.span.start) as i64)
            .build()
    });
    let physical = match region {
        Some(region) => sarif::PhysicalLocation::builder().artifact_location(artifact).region(region).build(),
        None => sarif::PhysicalLocation::builder().artifact_location(artifact).build(),
    };
    let mut properties = BTreeMap::new();
    if let Some(kind) = package.kind {
        properties.insert("packageKind".to_string(), serde_json::Value::from(kind.as_str()));
    }
    if let Some(name) = &package.name {
        properties.insert("package".to_string(), serde_json::Value::from(name.as_str()));
    }
    let mut fixes = Vec::new();
    if let Some(fix) = &d.fix {
        properties.insert("fixApplicability".to_string(), serde_json::to_value(fix.applicability).unwrap_or_default());
        properties.insert("fixTitle".to_string(), serde_json::Value::from(fix.title.as_str()));
        if fix.operations.is_empty() && !fix.edits.is_empty() {
            fixes.push(sarif_fix(report, package, fix, artifacts));
        }
    }
    let builder = sarif::Result::builder()
        .rule_id(d.code)
        .level(level(d.severity))
        .message(sarif::Message::builder().text(text).build())
        .locations(vec![sarif::Location::builder().physical_location(physical).build()])
        .properties(sarif::PropertyBag::builder().additional_properties(properties).build())
        .fixes(fixes);
    match rule_index {
        Some(i) => builder.rule_index(i as i64).build(),
        None => builder.build(),
    }
}

fn sarif_fix(report: &Report, package: &PackageReport, fix: &crate::Fix, artifacts: &mut Artifacts) -> sarif::Fix {
    let mut by_file: Vec<(&str, Vec<sarif::Replacement>)> = Vec::new();
    for edit in &fix.edits {
        let replacement = sarif::Replacement::builder()
            .deleted_region(
                sarif::Region::builder()
                    .byte_offset(edit.start as i64)
                    .byte_length(edit.end.saturating_sub(edit.start) as i64)
                    .build(),
            )
            .inserted_content(sarif::ArtifactContent::builder().text(edit.replacement.as_str()).build())
            .build();
        match by_file.iter_mut().find(|(f, _)| *f == edit.file) {
            Some((_, list)) => list.push(replacement),
            None => by_file.push((&edit.file, vec![replacement])),
        }
    }
    let changes = by_file
        .into_iter()
        .map(|(file, replacements)| {
            sarif::ArtifactChange::builder()
                .artifact_location(artifacts.location(report, package, Some(file)))
                .replacements(replacements)
                .build()
        })
        .collect::<Vec<_>>();
    sarif::Fix::builder()
        .description(sarif::Message::builder().text(fix.title.as_str()).build())
        .artifact_changes(changes)
        .build()
}

/// The run's `artifacts`, each listed once, archives before the files nested in them.
#[derive(Default)]
struct Artifacts {
    list: Vec<sarif::Artifact>,
    keys: Vec<(Option<usize>, String)>,
}

impl Artifacts {
    /// The artifact location of `file` of `package` (the input itself when `file` is `None`).
    fn location(&mut self, report: &Report, package: &PackageReport, file: Option<&str>) -> sarif::ArtifactLocation {
        let input = clean_input(&report.input);
        let (parent, uri) = match (&package.origin, file) {
            (Origin::Archive { .. }, Some(file)) => {
                let parent = self.index(None, &input);
                (Some(parent), format!("{}{}", package.root, file))
            }
            (Origin::Folder { .. }, Some(file)) => {
                let base = if input.is_empty() || input == "." { String::new() } else { format!("{input}/") };
                (None, format!("{base}{}{file}", package.root))
            }
            _ => (None, input),
        };
        let index = self.index(parent, &uri);
        sarif::ArtifactLocation::builder().uri(uri_of(parent, &uri)).index(index as i64).build()
    }

    fn index(&mut self, parent: Option<usize>, uri: &str) -> usize {
        if let Some(i) = self.keys.iter().position(|(p, u)| *p == parent && u == uri) {
            return i;
        }
        let location = sarif::ArtifactLocation::builder().uri(uri_of(parent, uri)).build();
        let artifact = match parent {
            Some(p) => sarif::Artifact::builder().location(location).parent_index(p as i64).build(),
            None => sarif::Artifact::builder().location(location).build(),
        };
        self.list.push(artifact);
        self.keys.push((parent, uri.to_string()));
        self.list.len() - 1
    }
}

/// The URI of `path`: inside an archive (`parent` set) the path itself; otherwise an absolute
/// path becomes a `file://` URI (`/a/b`, `C:/a/b`) and a relative one stays relative to the
/// directory the check ran in (what code scanning resolves against the repository root).
fn uri_of(parent: Option<usize>, path: &str) -> String {
    if parent.is_some() {
        return encode_uri(path);
    }
    let bytes = path.as_bytes();
    if path.starts_with('/') {
        format!("file://{}", encode_uri(path))
    } else if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/' {
        format!("file:///{}:{}", &path[..1], encode_uri(&path[2..]))
    } else {
        encode_uri(path)
    }
}

/// The input path with `\` as `/`, a leading `./` and trailing `/` removed.
fn clean_input(input: &str) -> String {
    let mut s = input.replace('\\', "/");
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.to_string();
    }
    while s.len() > 1 && s.ends_with('/') {
        s.pop();
    }
    s
}

/// Percent-encodes a path for a URI reference (RFC 3986): unreserved characters, `/` and the
/// sub-delimiters allowed in a path segment stay; spaces, `%`, `#`, `?` and non-ASCII bytes
/// are encoded.
pub fn encode_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // A first segment with `:` would read as a scheme; ours never have one (`:` is encoded).
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(pascal_case("Required field missing"), "RequiredFieldMissing");
        assert_eq!(pascal_case("`kubeVersion` prerelease (EKS/GKE)"), "KubeVersionPrereleaseEKSGKE");
        assert_eq!(encode_uri("my charts/π.yaml"), "my%20charts/%CF%80.yaml");
        assert_eq!(encode_uri("a#b?c:d%"), "a%23b%3Fc%3Ad%25");
        assert_eq!(clean_input("./charts/demo/"), "charts/demo");
        assert_eq!(clean_input("C:\\x\\y.tgz"), "C:/x/y.tgz");
        assert_eq!(uri_of(None, "C:/x/y.tgz"), "file:///C:/x/y.tgz");
        assert_eq!(uri_of(None, "/work/a b/Chart.yaml"), "file:///work/a%20b/Chart.yaml");
        assert_eq!(uri_of(None, "charts/demo/Chart.yaml"), "charts/demo/Chart.yaml");
        assert_eq!(uri_of(Some(0), "demo/Chart.yaml"), "demo/Chart.yaml");
    }
}
