//! The rule registry: every rule code of RULES.md with its default severity, its one-line
//! summary and what kind of fix it offers. Codes are the contract (JSON, SARIF, UI links,
//! tests): never reuse or renumber one.

pub use crate::violation::{FixKind, Group, Rule};

/// Declarations of the rules not yet in their own file (see [`crate::violation`]); a rule
/// moves out of here into its file, with its implementing function, when it is converted.
mod legacy {
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
    &crate::package::rules::pkg001::PKG001,
    &crate::package::rules::pkg002::PKG002,
    &crate::package::rules::pkg003::PKG003,
    &crate::package::rules::pkg004::PKG004,
    &crate::package::rules::pkg005::PKG005,
    &crate::package::rules::pkg006::PKG006,
    &crate::package::rules::pkg007::PKG007,
    &crate::package::rules::pkg008::PKG008,
    &crate::rules::pkg009::PKG009,
    &crate::rules::syntax::syn001::SYN001,
    &crate::rules::syntax::syn002::SYN002,
    &crate::document::schema::syn003::SYN003,
    &crate::document::schema::syn004::SYN004,
    &crate::rules::syntax::syn005::SYN005,
    &crate::rules::syntax::syn006::SYN006,
    &crate::rules::range::range001::RANGE001,
    &crate::rules::range::range002::RANGE002,
    &crate::rules::range::range003::RANGE003,
    &crate::rules::range::range004::RANGE004,
    &crate::rules::range::range005::RANGE005,
    &crate::kubesphere::rules::ks001::KS001,
    &crate::kubesphere::rules::ks002::KS002,
    &crate::kubesphere::rules::ks003::KS003,
    &crate::kubesphere::rules::ks004::KS004,
    &crate::kubesphere::rules::ks005::KS005,
    &crate::kubesphere::rules::ks006::KS006,
    &crate::kubesphere::rules::ks010::KS010,
    &crate::kubesphere::rules::ks011::KS011,
    &crate::kubesphere::rules::ks012::KS012,
    &crate::kubesphere::rules::ks013::KS013,
    &crate::package::rules::ks014::KS014,
    &crate::kubesphere::rules::ks020::KS020,
    &crate::kubesphere::rules::ks021::KS021,
    &crate::kubesphere::rules::ks022::KS022,
    &crate::kubesphere::rules::ks023::KS023,
    &crate::kubesphere::rules::ks024::KS024,
    &crate::kubesphere::rules::ks030::KS030,
    &crate::kubesphere::rules::ks031::KS031,
    &crate::kubesphere::rules::ks032::KS032,
    &crate::kubesphere::rules::ks033::KS033,
    &crate::kubesphere::rules::ks034::KS034,
    &crate::kubesphere::rules::ks040::KS040,
    &crate::kubesphere::rules::ks041::KS041,
    &crate::kubesphere::rules::ks042::KS042,
    &crate::kubesphere::rules::ks043::KS043,
    &crate::kubesphere::rules::ks060::KS060,
    &crate::kubesphere::rules::ks070::KS070,
    &crate::kubesphere::rules::ks071::KS071,
    &crate::kubesphere::rules::ks072::KS072,
    &crate::kubesphere::rules::ks073::KS073,
    &crate::kubesphere::rules::ks074::KS074,
    &crate::kubesphere::rules::ks080::KS080,
    &crate::kubesphere::rules::ks081::KS081,
    &crate::kubesphere::rules::ks082::KS082,
    &crate::kubesphere::rules::ks083::KS083,
    &crate::kubesphere::rules::ks084::KS084,
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
    &crate::config::sup002::SUP002,
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
