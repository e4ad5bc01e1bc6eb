//! The rule registry: every rule code of RULES.md with its default severity, its one-line
//! summary and what kind of fix it offers. Codes are the contract (JSON, SARIF, UI links,
//! tests): never reuse or renumber one.

pub use crate::violation::{FixKind, Group, Rule};

/// Declarations of the rules not yet in their own file (see [`crate::violation`]); a rule
/// moves out of here into its file, with its implementing function, when it is converted.
mod legacy {
    crate::declare_rule!(pub(crate) static PKG001: Error, Package, None, "The input is unreadable: not gzip, not tar, truncated, or another format.");
    crate::declare_rule!(pub(crate) static PKG002: Error, Package, None, "An entry path is absolute, contains `..`, a Windows drive or backslashes.");
    crate::declare_rule!(pub(crate) static PKG003: Error, Package, None, "Over the limits of the platform that reads this kind of package (Helm's for charts, Rancher's plugin cache for plugin archives).");
    crate::declare_rule!(pub(crate) static PKG004: Error, Package, None, "The archive does not have exactly one top-level folder.");
    crate::declare_rule!(pub(crate) static PKG005: Warning, Package, Safe, "Entry names start with `./`.");
    crate::declare_rule!(pub(crate) static PKG006: Warning, Package, Safe, "Symlink, hard link, device or FIFO entries, which Helm ignores.");
    crate::declare_rule!(pub(crate) static PKG007: Warning, Package, Safe, "The same path appears twice; the later entry wins.");
    crate::declare_rule!(pub(crate) static PKG008: Error, Package, None, "No extension package recognised.");
    crate::declare_rule!(pub(crate) static PKG009: Warning, Package, Unsafe, "A packaged archive (`*.tgz`) sits inside the package.");
    crate::declare_rule!(pub(crate) static SYN001: Error, Syntax, Safe, "The file does not parse.");
    crate::declare_rule!(pub(crate) static SYN002: Warning, Syntax, Unsafe, "Duplicate mapping key.");
    crate::declare_rule!(pub(crate) static SYN003: Warning, Syntax, Safe, "A known key in non-canonical case.");
    crate::declare_rule!(pub(crate) static SYN004: Error, Syntax, Safe, "A scalar of the wrong type (a number where a string is needed, a string where a bool is needed).");
    crate::declare_rule!(pub(crate) static SYN005: Error, Syntax, Safe, "Control characters in a YAML file.");
    crate::declare_rule!(pub(crate) static SYN006: Warning, Syntax, None, "`extension.yaml` has more than one YAML document.");
    crate::declare_rule!(pub(crate) static KS001: Error, Kubesphere, None, "A required field is missing or empty.");
    crate::declare_rule!(pub(crate) static KS002: Error, Kubesphere, Safe, "`displayName`, `description` or `provider` is not a language map.");
    crate::declare_rule!(pub(crate) static KS003: Error, Kubesphere, Safe, "A language key is not an ISO 639-1 two-letter code.");
    crate::declare_rule!(pub(crate) static KS004: Warning, Kubesphere, None, "No `en` entry in displayName, description or provider.");
    crate::declare_rule!(pub(crate) static KS005: Info, Kubesphere, None, "displayName and description have different language sets.");
    crate::declare_rule!(pub(crate) static KS006: Warning, Kubesphere, None, "A README for a declared language is missing.");

    crate::declare_rule!(pub(crate) static KS011: Error, Kubesphere, None, "`version` is not strict SemVer 2.0, or not a DNS-1123 subdomain.");
    crate::declare_rule!(pub(crate) static KS012: Error, Kubesphere, Safe, "Packaged Chart.yaml `name` or `version` differs from extension.yaml.");
    crate::declare_rule!(pub(crate) static KS013: Error, Kubesphere, Safe, "The archive's top folder is not the extension `name`.");
    crate::declare_rule!(pub(crate) static KS014: Error, Kubesphere, None, "`extension.yaml` is not at the package root.");
    crate::declare_rule!(pub(crate) static KS020: Error, Kubesphere, Unsafe, "`icon` names a local file that is not in the package.");
    crate::declare_rule!(pub(crate) static KS021: Warning, Kubesphere, None, "The icon file sits under `templates/` or `charts/`.");
    crate::declare_rule!(pub(crate) static KS022: Warning, Kubesphere, None, "The icon is not an image.");
    crate::declare_rule!(pub(crate) static KS023: Warning, Kubesphere, None, "A local screenshot file is missing.");
    crate::declare_rule!(pub(crate) static KS024: Warning, Kubesphere, None, "A screenshot is a `data:` URL; the console drops it.");
    crate::declare_rule!(pub(crate) static KS030: Error, Kubesphere, None, "A `dependencies[]` entry has no subchart in `charts/`.");
    crate::declare_rule!(pub(crate) static KS031: Warning, Kubesphere, Unsafe, "A subchart in `charts/` is not listed in `dependencies`.");
    crate::declare_rule!(pub(crate) static KS032: Warning, Kubesphere, None, "`installationMode: HostOnly` with a dependency tagged only `agent`.");
    crate::declare_rule!(pub(crate) static KS033: Warning, Kubesphere, None, "`installationMode: Multicluster` with an untagged dependency.");
    crate::declare_rule!(pub(crate) static KS034: Warning, Kubesphere, Unsafe, "Packaged Chart.yaml `dependencies` differ from extension.yaml's.");
    crate::declare_rule!(pub(crate) static KS040: Error, Kubesphere, Safe, "`installationMode` is not exactly `HostOnly` or `Multicluster`.");
    crate::declare_rule!(pub(crate) static KS041: Error, Kubesphere, None, "`category` is not a valid Kubernetes label value.");
    crate::declare_rule!(pub(crate) static KS042: Warning, Kubesphere, Unsafe, "`category` is not a known category.");
    crate::declare_rule!(pub(crate) static KS043: Error, Kubesphere, None, "An annotation key is invalid, or a value is not a string.");
    crate::declare_rule!(pub(crate) static KS060: Error, Kubesphere, None, "An `externalDependencies` entry lacks `name`, `version` or `required`.");
    crate::declare_rule!(pub(crate) static KS070: Error, Kubesphere, None, "`permissions.yaml` does not parse.");
    crate::declare_rule!(pub(crate) static KS071: Warning, Kubesphere, None, "No `permissions.yaml`.");
    crate::declare_rule!(pub(crate) static KS072: Warning, Kubesphere, None, "A `permissions.yaml` document whose `kind` is not `ClusterRole` or `Role`.");
    crate::declare_rule!(pub(crate) static KS073: Warning, Kubesphere, None, "An `apiGroups` entry that looks like a resource name.");
    crate::declare_rule!(pub(crate) static KS074: Info, Kubesphere, None, "Broad permissions.");
    crate::declare_rule!(pub(crate) static KS080: Warning, Kubesphere, None, "The package is over 1 MB as it would be pushed.");
    crate::declare_rule!(pub(crate) static KS081: Warning, Kubesphere, None, "Unknown top-level key in extension.yaml.");
    crate::declare_rule!(pub(crate) static KS082: Warning, Kubesphere, Safe, "System-set fields present.");
    crate::declare_rule!(pub(crate) static KS083: Warning, Kubesphere, None, "`home`, `docs` or a `sources` entry is not an http(s) URL, or a maintainer is invalid.");
    crate::declare_rule!(pub(crate) static KS084: Info, Kubesphere, None, "`images` is empty or missing.");
    crate::declare_rule!(pub(crate) static RC001: Error, Rancher, None, "package.json has no `name` or no `version`.");
    crate::declare_rule!(pub(crate) static RC002: Error, Rancher, None, "`name` is not a valid Helm release name.");
    crate::declare_rule!(pub(crate) static RC004: Error, Rancher, None, "`version` is not valid SemVer.");
    crate::declare_rule!(pub(crate) static RC006: Error, Rancher, Safe, "An annotation value is not a string.");
    crate::declare_rule!(pub(crate) static RC010: Error, Rancher, Unsafe, "`catalog.cattle.io/ui-extensions-version` is missing.");
    crate::declare_rule!(pub(crate) static RC013: Warning, Rancher, Unsafe, "`catalog.cattle.io/ui-extensions-host` is set.");
    crate::declare_rule!(pub(crate) static RC021: Error, Rancher, Safe, "values.yaml `plugin.metadata`, read by the load-time check, lacks or contradicts Chart.yaml's gating annotations.");
    crate::declare_rule!(pub(crate) static RC023: Warning, Rancher, None, "No icon.");
    crate::declare_rule!(pub(crate) static RC025: Info, Rancher, None, "No `catalog.cattle.io/display-name`.");
    crate::declare_rule!(pub(crate) static RC026: Info, Rancher, None, "Description over 200 characters, or containing `\"`.");
    crate::declare_rule!(pub(crate) static RC029: Warning, Rancher, None, "`catalog.cattle.io/hidden: \"true\"`.");
    crate::declare_rule!(pub(crate) static RC030: Info, Rancher, None, "Annotations equal to an old shell template default.");
    crate::declare_rule!(pub(crate) static SUP002: Warning, Suppression, None, "An `extcheck.toml` inside the checked folder cannot be used (the page's configuration).");
    crate::declare_rule!(pub(crate) static TPL001: Error, Template, None, "A template fails to render (parse error, execution error, `required`, `fail`).");
    crate::declare_rule!(pub(crate) static TPL002: Error, Template, None, "A rendered manifest is not valid YAML, or an object lacks `apiVersion` or `kind`.");
    crate::declare_rule!(pub(crate) static TPL003: Error, Template, None, "An object lacks `metadata.name`, its name is invalid for its kind, or two objects share kind, namespace and name.");
    crate::declare_rule!(pub(crate) static TPL004: Error, Template, None, "A rendered API is not served by a Kubernetes version that `kubeVersion` admits.");
    crate::declare_rule!(pub(crate) static TPL005: Warning, Template, None, "A rendered API is deprecated in a Kubernetes version that `kubeVersion` admits.");
    crate::declare_rule!(pub(crate) static TPL010: Warning, Template, None, "An image in extension.yaml `images` is not used by any rendered template.");
    crate::declare_rule!(pub(crate) static TPL011: Warning, Template, Unsafe, "A rendered workload's image is not listed in extension.yaml `images`.");
    crate::declare_rule!(pub(crate) static TPL012: Warning, Template, None, "A workload's image does not follow `global.imageRegistry`.");
    crate::declare_rule!(pub(crate) static TPL013: Warning, Template, None, "A workload's pod spec does not take `global.nodeSelector`.");
    crate::declare_rule!(pub(crate) static TPL020: Error, Template, None, "A KubeSphere registration object lacks a required field or points to a Service the chart does not render.");
    crate::declare_rule!(pub(crate) static TPL021: Warning, Template, None, "A cluster-scoped object is rendered but no ClusterRole rule in permissions.yaml allows creating it.");
    crate::declare_rule!(pub(crate) static TPL030: Error, Template, None, "The rendered Rancher UIPlugin loses what the load-time check needs.");
    crate::declare_rule!(pub(crate) static TPL040: Info, Template, None, "A template uses functions of chance or time: every install renders differently.");
    crate::declare_rule!(pub(crate) static TPL041: Info, Template, None, "A template calls `lookup`, which returns nothing when rendered offline.");
}

/// Every rule, in catalogue order.
pub static RULES: &[&Rule] = &[
    &legacy::PKG001,
    &legacy::PKG002,
    &legacy::PKG003,
    &legacy::PKG004,
    &legacy::PKG005,
    &legacy::PKG006,
    &legacy::PKG007,
    &legacy::PKG008,
    &legacy::PKG009,
    &legacy::SYN001,
    &legacy::SYN002,
    &legacy::SYN003,
    &legacy::SYN004,
    &legacy::SYN005,
    &legacy::SYN006,
    &crate::rules::range::range001::RANGE001,
    &crate::rules::range::range002::RANGE002,
    &crate::rules::range::range003::RANGE003,
    &crate::rules::range::range004::RANGE004,
    &crate::rules::range::range005::RANGE005,
    &legacy::KS001,
    &legacy::KS002,
    &legacy::KS003,
    &legacy::KS004,
    &legacy::KS005,
    &legacy::KS006,
    &crate::kubesphere::rules::ks010::KS010,
    &legacy::KS011,
    &legacy::KS012,
    &legacy::KS013,
    &legacy::KS014,
    &legacy::KS020,
    &legacy::KS021,
    &legacy::KS022,
    &legacy::KS023,
    &legacy::KS024,
    &legacy::KS030,
    &legacy::KS031,
    &legacy::KS032,
    &legacy::KS033,
    &legacy::KS034,
    &legacy::KS040,
    &legacy::KS041,
    &legacy::KS042,
    &legacy::KS043,
    &legacy::KS060,
    &legacy::KS070,
    &legacy::KS071,
    &legacy::KS072,
    &legacy::KS073,
    &legacy::KS074,
    &legacy::KS080,
    &legacy::KS081,
    &legacy::KS082,
    &legacy::KS083,
    &legacy::KS084,
    &legacy::RC001,
    &legacy::RC002,
    &crate::rancher::rules::rc003::RC003,
    &legacy::RC004,
    &crate::rancher::rules::rc005::RC005,
    &legacy::RC006,
    &legacy::RC010,
    &crate::rules::range::rc011::RC011,
    &crate::rancher::rules::rc012::RC012,
    &legacy::RC013,
    &crate::rancher::rules::rc020::RC020,
    &legacy::RC021,
    &crate::rancher::rules::rc022::RC022,
    &legacy::RC023,
    &crate::rancher::rules::rc024::RC024,
    &legacy::RC025,
    &legacy::RC026,
    &crate::rancher::rules::rc027::RC027,
    &crate::rancher::rules::rc028::RC028,
    &legacy::RC029,
    &legacy::RC030,
    &crate::helm::rules::helm001::HELM001,
    &crate::helm::rules::helm002::HELM002,
    &crate::helm::rules::helm003::HELM003,
    &crate::suppress::sup001::SUP001,
    &legacy::SUP002,
    &legacy::TPL001,
    &legacy::TPL002,
    &legacy::TPL003,
    &legacy::TPL004,
    &legacy::TPL005,
    &legacy::TPL010,
    &legacy::TPL011,
    &legacy::TPL012,
    &legacy::TPL013,
    &legacy::TPL020,
    &legacy::TPL021,
    &legacy::TPL030,
    &legacy::TPL040,
    &legacy::TPL041,
];

/// The rule with `code`, if any.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
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
