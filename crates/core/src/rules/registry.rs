//! The rule registry: every rule code of RULES.md with its default severity, its one-line
//! summary and what kind of fix it offers. Codes are the contract (JSON, SARIF, UI links,
//! tests): never reuse or renumber one.

use serde::Serialize;

use crate::diagnostic::Severity;

/// Which part of the catalogue a rule belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Reading the input (PKG).
    Package,
    /// YAML and JSON syntax (SYN).
    Syntax,
    /// Version constraints (RANGE).
    Range,
    /// KubeSphere extensions (KS).
    Kubesphere,
    /// Rancher UI extensions (RC).
    Rancher,
    /// Chart.yaml of any chart (HELM).
    Helm,
    /// Suppressions (SUP): `# extcheck:ignore` comments.
    Suppression,
    /// The rendered chart (TPL).
    Template,
}

/// What the rule can do about what it finds (RULES.md "fix" column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// Explains only.
    None,
    /// Offers a safe fix (in the cases the catalogue names).
    Safe,
    /// Offers an unsafe fix.
    Unsafe,
}

/// One rule's metadata.
#[derive(Debug, Serialize)]
pub struct Rule {
    /// Stable code, e.g. `KS001`.
    pub code: &'static str,
    /// Default severity (some rules also emit a lower one, e.g. KS010's length warnings).
    pub severity: Severity,
    /// Catalogue group.
    pub group: Group,
    /// What the rule checks, in one line.
    pub summary: &'static str,
    /// The fix the rule offers.
    pub fix: FixKind,
    /// The rule's explanation in Markdown (`docs/rules/<CODE>.md`): what it checks, why it
    /// matters, an example, how to fix, the source. Written once; the CLI and the web app
    /// render it.
    #[serde(skip)]
    pub docs: &'static str,
}

impl Rule {
    /// The short title from the docs' first heading (`# KS001: Required field missing` gives
    /// `Required field missing`), or the summary when the docs have none.
    pub fn title(&self) -> &'static str {
        self.docs
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .and_then(|l| l.split_once(": ").map(|(_, t)| t))
            .unwrap_or(self.summary)
    }
}

macro_rules! rules {
    ($($code:ident $sev:ident $group:ident $fix:ident $summary:literal;)*) => {
        /// Every rule, in catalogue order.
        pub static RULES: &[Rule] = &[
            $(Rule {
                code: stringify!($code),
                severity: Severity::$sev,
                group: Group::$group,
                summary: $summary,
                fix: FixKind::$fix,
                docs: include_str!(concat!("../../docs/rules/", stringify!($code), ".md")),
            },)*
        ];
    };
}

rules! {
    PKG001 Error Package None "The input is unreadable: not gzip, not tar, truncated, or another format.";
    PKG002 Error Package None "An entry path is absolute, contains `..`, a Windows drive or backslashes.";
    PKG003 Error Package None "Over the limits of the platform that reads this kind of package (Helm's for charts, Rancher's plugin cache for plugin archives).";
    PKG004 Error Package None "The archive does not have exactly one top-level folder.";
    PKG005 Warning Package Safe "Entry names start with `./`.";
    PKG006 Warning Package Safe "Symlink, hard link, device or FIFO entries, which Helm ignores.";
    PKG007 Warning Package Safe "The same path appears twice; the later entry wins.";
    PKG008 Error Package None "No extension package recognised.";
    PKG009 Warning Package Unsafe "A packaged archive (`*.tgz`) sits inside the package.";
    SYN001 Error Syntax Safe "The file does not parse.";
    SYN002 Warning Syntax Unsafe "Duplicate mapping key.";
    SYN003 Warning Syntax Safe "A known key in non-canonical case.";
    SYN004 Error Syntax Safe "A scalar of the wrong type (a number where a string is needed, a string where a bool is needed).";
    SYN005 Error Syntax Safe "Control characters in a YAML file.";
    SYN006 Warning Syntax None "`extension.yaml` has more than one YAML document.";
    RANGE001 Error Range Safe "The constraint does not parse in an engine that enforces it.";
    RANGE002 Warning Range Safe "The constraint parses in one dialect and not the other.";
    RANGE003 Warning Range Safe "A bound lacks `-0`, so vendor Kubernetes builds and rc platform builds are rejected.";
    RANGE004 Warning Range None "The engines that read this field disagree for some supported platform version.";
    RANGE005 Warning Range None "The constraint admits no supported platform version, or excludes the newest one.";
    KS001 Error Kubesphere None "A required field is missing or empty.";
    KS002 Error Kubesphere Safe "`displayName`, `description` or `provider` is not a language map.";
    KS003 Error Kubesphere Safe "A language key is not an ISO 639-1 two-letter code.";
    KS004 Warning Kubesphere None "No `en` entry in displayName, description or provider.";
    KS005 Info Kubesphere None "displayName and description have different language sets.";
    KS006 Warning Kubesphere None "A README for a declared language is missing.";
    KS010 Error Kubesphere None "`name` is not a valid extension name, or is too long.";
    KS011 Error Kubesphere None "`version` is not strict SemVer 2.0, or not a DNS-1123 subdomain.";
    KS012 Error Kubesphere Safe "Packaged Chart.yaml `name` or `version` differs from extension.yaml.";
    KS013 Error Kubesphere Safe "The archive's top folder is not the extension `name`.";
    KS014 Error Kubesphere None "`extension.yaml` is not at the package root.";
    KS020 Error Kubesphere Unsafe "`icon` names a local file that is not in the package.";
    KS021 Warning Kubesphere None "The icon file sits under `templates/` or `charts/`.";
    KS022 Warning Kubesphere None "The icon is not an image.";
    KS023 Warning Kubesphere None "A local screenshot file is missing.";
    KS024 Warning Kubesphere None "A screenshot is a `data:` URL; the console drops it.";
    KS030 Error Kubesphere None "A `dependencies[]` entry has no subchart in `charts/`.";
    KS031 Warning Kubesphere Unsafe "A subchart in `charts/` is not listed in `dependencies`.";
    KS032 Warning Kubesphere None "`installationMode: HostOnly` with a dependency tagged only `agent`.";
    KS033 Warning Kubesphere None "`installationMode: Multicluster` with an untagged dependency.";
    KS034 Warning Kubesphere Unsafe "Packaged Chart.yaml `dependencies` differ from extension.yaml's.";
    KS040 Error Kubesphere Safe "`installationMode` is not exactly `HostOnly` or `Multicluster`.";
    KS041 Error Kubesphere None "`category` is not a valid Kubernetes label value.";
    KS042 Warning Kubesphere Unsafe "`category` is not a known category.";
    KS043 Error Kubesphere None "An annotation key is invalid, or a value is not a string.";
    KS060 Error Kubesphere None "An `externalDependencies` entry lacks `name`, `version` or `required`.";
    KS070 Error Kubesphere None "`permissions.yaml` does not parse.";
    KS071 Warning Kubesphere None "No `permissions.yaml`.";
    KS072 Warning Kubesphere None "A `permissions.yaml` document whose `kind` is not `ClusterRole` or `Role`.";
    KS073 Warning Kubesphere None "An `apiGroups` entry that looks like a resource name.";
    KS074 Info Kubesphere None "Broad permissions.";
    KS080 Warning Kubesphere None "The package is over 1 MB as it would be pushed.";
    KS081 Warning Kubesphere None "Unknown top-level key in extension.yaml.";
    KS082 Warning Kubesphere Safe "System-set fields present.";
    KS083 Warning Kubesphere None "`home`, `docs` or a `sources` entry is not an http(s) URL, or a maintainer is invalid.";
    KS084 Info Kubesphere None "`images` is empty or missing.";
    RC001 Error Rancher None "package.json has no `name` or no `version`.";
    RC002 Error Rancher None "`name` is not a valid Helm release name.";
    RC003 Error Rancher None "The `pkg/<folder>` name differs from `name`.";
    RC004 Error Rancher None "`version` is not valid SemVer.";
    RC005 Error Rancher None "`rancher` is not an object.";
    RC006 Error Rancher Safe "An annotation value is not a string.";
    RC010 Error Rancher Unsafe "`catalog.cattle.io/ui-extensions-version` is missing.";
    RC011 Warning Rancher Unsafe "`ui-extensions-version` has no upper bound.";
    RC012 Warning Rancher Safe "A misspelled annotation key.";
    RC013 Warning Rancher Unsafe "`catalog.cattle.io/ui-extensions-host` is set.";
    RC020 Error Rancher Safe "The chart lacks `catalog.cattle.io/ui-component: plugins`.";
    RC021 Error Rancher Safe "values.yaml `plugin.metadata`, read by the load-time check, lacks or contradicts Chart.yaml's gating annotations.";
    RC022 Error Rancher None "Versions disagree between Chart.yaml, package.json and the plugin.";
    RC023 Warning Rancher None "No icon.";
    RC024 Warning Rancher None "`noAuth: true`.";
    RC025 Info Rancher None "No `catalog.cattle.io/display-name`.";
    RC026 Info Rancher None "Description over 200 characters, or containing `\"`.";
    RC027 Error Rancher None "No plugin endpoint.";
    RC028 Error Rancher None "Plugin archive layout is wrong.";
    RC029 Warning Rancher None "`catalog.cattle.io/hidden: \"true\"`.";
    RC030 Info Rancher None "Annotations equal to an old shell template default.";
    HELM001 Error Helm None "Chart.yaml lacks `apiVersion`, `name` or `version`, or they are invalid.";
    HELM002 Warning Helm Safe "`version` or `appVersion` is a YAML number, not a string.";
    HELM003 Error Helm None "A Chart.yaml `dependencies[]` entry has no subchart in `charts/`.";
    SUP001 Warning Suppression None "An `# extcheck:ignore` comment suppresses nothing, or names no rule.";
    SUP002 Warning Suppression None "An `extcheck.toml` inside the checked folder cannot be used (the page's configuration).";
    TPL001 Error Template None "A template fails to render (parse error, execution error, `required`, `fail`).";
    TPL002 Error Template None "A rendered manifest is not valid YAML, or an object lacks `apiVersion` or `kind`.";
    TPL003 Error Template None "An object lacks `metadata.name`, its name is invalid for its kind, or two objects share kind, namespace and name.";
    TPL004 Error Template None "A rendered API is not served by a Kubernetes version that `kubeVersion` admits.";
    TPL005 Warning Template None "A rendered API is deprecated in a Kubernetes version that `kubeVersion` admits.";
    TPL010 Warning Template None "An image in extension.yaml `images` is not used by any rendered template.";
    TPL011 Warning Template Unsafe "A rendered workload's image is not listed in extension.yaml `images`.";
    TPL012 Warning Template None "A workload's image does not follow `global.imageRegistry`.";
    TPL013 Warning Template None "A workload's pod spec does not take `global.nodeSelector`.";
    TPL020 Error Template None "A KubeSphere registration object lacks a required field or points to a Service the chart does not render.";
    TPL021 Warning Template None "A cluster-scoped object is rendered but no ClusterRole rule in permissions.yaml allows creating it.";
    TPL030 Error Template None "The rendered Rancher UIPlugin loses what the load-time check needs.";
    TPL040 Info Template None "A template uses functions of chance or time: every install renders differently.";
    TPL041 Info Template None "A template calls `lookup`, which returns nothing when rendered offline.";
}

/// The rule with `code`, if any.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// The rule catalogue as Markdown: the checked-in `docs/rules.md` of the repository.
///
/// Generated from [`RULES`] alone (a table per group with code, severity, summary and fix, then
/// every rule's documentation with its headings demoted one level), so the registry is the
/// catalogue's single source of truth; a test fails when the checked-in file is stale.
pub fn catalogue_markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "# extcheck rule catalogue\n\n\
         <!-- Generated from the rule registry (crates/core/src/rules/registry.rs and\n\
         crates/core/docs/rules/*.md). Do not edit: run `EXTCHECK_BLESS=1 cargo test -p extcheck-core\n\
         --test docs` to regenerate. -->\n\n\
         Every diagnostic has a stable code. Severity follows from the consequence on the platform:\n\
         **error** when, on some platform version the package otherwise supports, the package is not\n\
         offered, not installed or not loaded; **warning** when it works but is degraded or the finding\n\
         is very likely a mistake; **info** for a suggestion. Fixes are **safe** (applied by default),\n\
         **unsafe** (applied only when chosen) or **none**. No fix may make a package work in fewer\n\
         cells of the compatibility matrix. The platform facts the rules cite are in\n\
         [`platforms/`](platforms/).\n",
    );
    let groups = [
        (Group::Package, "PKG: reading the input"),
        (Group::Syntax, "SYN: file syntax (YAML and JSON)"),
        (Group::Range, "RANGE: version constraints"),
        (Group::Kubesphere, "KS: KubeSphere extensions"),
        (Group::Rancher, "RC: Rancher UI extensions"),
        (Group::Helm, "HELM: Chart.yaml"),
        (Group::Suppression, "SUP: suppressions"),
        (Group::Template, "TPL: the rendered chart"),
    ];
    for (group, heading) in groups {
        let _ = write!(out, "\n## {heading}\n\n| code | severity | what it checks | fix |\n|---|---|---|---|\n");
        for r in RULES.iter().filter(|r| r.group == group) {
            let fix = match r.fix {
                FixKind::None => "none",
                FixKind::Safe => "safe",
                FixKind::Unsafe => "unsafe",
            };
            let _ = writeln!(
                out,
                "| [{code}](#{anchor}) | {sev} | {summary} | {fix} |",
                code = r.code,
                anchor = r.code.to_ascii_lowercase(),
                sev = r.severity.as_str(),
                summary = r.summary.replace('|', "\\|"),
            );
        }
    }
    out.push_str("\n## The rules\n");
    for r in RULES {
        let _ = write!(out, "\n<a id=\"{}\"></a>\n\n", r.code.to_ascii_lowercase());
        let mut in_code = false;
        for line in r.docs.trim_end().lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
            }
            if !in_code && line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            let prefix = r.code.trim_end_matches(|c: char| c.is_ascii_digit());
            let digits = &r.code[prefix.len()..];
            assert_eq!(digits.len(), 3, "{}", r.code);
            let expected = match r.group {
                Group::Package => "PKG",
                Group::Syntax => "SYN",
                Group::Range => "RANGE",
                Group::Kubesphere => "KS",
                Group::Rancher => "RC",
                Group::Helm => "HELM",
                Group::Suppression => "SUP",
                Group::Template => "TPL",
            };
            assert_eq!(prefix, expected, "{}", r.code);
            assert!(r.summary.ends_with('.'), "{}", r.code);
        }
    }

    #[test]
    fn every_rule_has_docs_with_the_five_sections_and_a_fixture() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let fixture_codes: HashSet<String> = std::fs::read_dir(&fixtures)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().split('-').next().unwrap().to_string())
            .collect();
        for r in RULES {
            assert!(r.docs.starts_with(&format!("# {}: ", r.code)), "{}: docs title", r.code);
            let mut at = 0;
            for section in ["## What it checks", "## Why it matters", "## Example", "## How to fix", "## Source"] {
                let found = r.docs[at..]
                    .find(section)
                    .unwrap_or_else(|| panic!("{}: no `{section}` after the previous one", r.code));
                at += found + section.len();
            }
            assert!(
                r.docs.contains(&format!("| {} |", r.severity.as_str()))
                    || r.docs.contains(&format!("| {} (", r.severity.as_str())),
                "{}: severity cell",
                r.code
            );
            assert!(!r.title().is_empty() && !r.title().ends_with('.'), "{}", r.code);
            assert!(fixture_codes.contains(r.code), "{}: no fixture in tests/fixtures/{}", r.code, r.code);
        }
    }
}
