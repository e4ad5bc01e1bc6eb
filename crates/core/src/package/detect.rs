//! What a package is, decided from its content (PRODUCT.md "Inputs"): a KubeSphere extension
//! (source folder or packaged chart), a Rancher UI extension's `package.json`, a Rancher
//! extension chart, a Rancher plugin archive, or a plain Helm chart.

use serde::Serialize;

use super::{Origin, Package};
use crate::diagnostic::Diagnostic;
use crate::violation::Violation;

/// The kinds of package extcheck knows, as named in the JSON report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A KubeSphere v4 extension: `extension.yaml` at the root (source folder or ksbuilder tgz).
    Kubesphere,
    /// A Rancher UI extension's `package.json` (`pkg/<name>/`), recognised by its `rancher` key.
    RancherPackage,
    /// A Rancher extension chart (`catalog.cattle.io/ui-component: plugins`, a UIPlugin
    /// template, or `plugin:` values).
    RancherChart,
    /// A Rancher plugin archive: `files.txt` and `plugin/` under a version folder.
    RancherPlugin,
    /// Any other Helm chart.
    HelmChart,
}

impl Kind {
    /// The report name: `kubesphere`, `rancher-package`, `rancher-chart`, `rancher-plugin`,
    /// `helm-chart`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Kubesphere => "kubesphere",
            Kind::RancherPackage => "rancher-package",
            Kind::RancherChart => "rancher-chart",
            Kind::RancherPlugin => "rancher-plugin",
            Kind::HelmChart => "helm-chart",
        }
    }

    /// A human label: "KubeSphere extension", "Rancher extension chart", ...
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Kubesphere => "KubeSphere extension",
            Kind::RancherPackage => "Rancher UI extension (package.json)",
            Kind::RancherChart => "Rancher extension chart",
            Kind::RancherPlugin => "Rancher plugin archive",
            Kind::HelmChart => "Helm chart",
        }
    }

    /// [`Kind::label`] in `lang`.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let id = match self {
            Kind::Kubesphere => "kind-kubesphere",
            Kind::RancherPackage => "kind-rancher-package",
            Kind::RancherChart => "kind-rancher-chart",
            Kind::RancherPlugin => "kind-rancher-plugin",
            Kind::HelmChart => "kind-helm-chart",
        };
        crate::i18n::text(id, lang)
    }
}

/// One package found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    /// What it is.
    pub kind: Kind,
    /// Its folder inside the input: `""` for the input's root, `"name"` for an immediate
    /// subfolder, or `"parent/name"` two levels down (a repository root's `pkg/<name>`).
    pub root: String,
}

/// Finds the packages in `package`: the package at its root, or — when the root holds none —
/// one per immediate subfolder holding one (a dropped parent folder such as `pkg/`, or a folder
/// of several KubeSphere extension folders), or — when no immediate subfolder holds one either —
/// one per folder two levels down holding one (a Rancher extension repository root, whose
/// `package.json` has no `rancher` key and whose packages are `pkg/<name>`). Dependency trees
/// and build outputs (`node_modules`, `dist-pkg`, …) are never read: see
/// [`super::is_skipped_dir`]. A KubeSphere archive whose `extension.yaml` sits one folder too
/// deep is still checked, with KS014.
///
/// Errors: PKG008 naming what was found when nothing is recognised.
pub fn detect(package: &Package, origin: &Origin) -> (Vec<Detected>, Vec<Diagnostic>) {
    if let Some(kind) = kind_at(package, "") {
        return (vec![Detected { kind, root: String::new() }], Vec::new());
    }
    let found = found_at_depth(package, 1);
    let mut diagnostics = Vec::new();
    if found.is_empty() {
        let deeper = found_at_depth(package, 2);
        if !deeper.is_empty() {
            return (deeper, diagnostics);
        }
    }
    if !found.is_empty() {
        if matches!(origin, Origin::Archive { .. }) {
            for d in found.iter().filter(|d| d.kind == Kind::Kubesphere) {
                let finding = super::rules::ks014::NestedExtension { folder: &d.root };
                diagnostics.push(finding.diagnostic().in_file(format!("{}/extension.yaml", d.root)));
            }
        }
        return (found, diagnostics);
    }
    diagnostics.push(nothing_recognised(package));
    (Vec::new(), diagnostics)
}

/// The packages rooted at folders `depth` levels below the root (1 or 2), in path order.
fn found_at_depth(package: &Package, depth: usize) -> Vec<Detected> {
    let mut folders: Vec<&str> =
        package.files.keys().filter_map(|p| p.match_indices('/').nth(depth - 1).map(|(end, _)| &p[..end])).collect();
    folders.dedup();
    folders
        .into_iter()
        .filter_map(|dir| kind_at(package, dir).map(|kind| Detected { kind, root: dir.to_string() }))
        .collect()
}

/// The kind of the package rooted at `dir` (`""` for the root), if any.
fn kind_at(package: &Package, dir: &str) -> Option<Kind> {
    let path = |name: &str| {
        if dir.is_empty() { name.to_string() } else { format!("{dir}/{name}") }
    };
    let text = |name: &str| package.text(&path(name));
    if package.contains(&path("extension.yaml")) {
        return Some(Kind::Kubesphere);
    }
    if package.contains(&path("files.txt")) && package.files_under(&path("plugin")).next().is_some() {
        return Some(Kind::RancherPlugin);
    }
    if let Some(chart) = text("Chart.yaml") {
        let values = text("values.yaml").unwrap_or("");
        let cr = text("templates/cr.yaml").unwrap_or("");
        let rancher = chart.contains("catalog.cattle.io/ui-component")
            || chart.contains("catalog.cattle.io/ui-extensions-version")
            || cr.contains("UIPlugin")
            || (values.contains("plugin:") && (values.contains("endpoint") || values.contains("metadata")));
        return Some(if rancher { Kind::RancherChart } else { Kind::HelmChart });
    }
    if package.contains(&path("Chart.yaml")) {
        return Some(Kind::HelmChart);
    }
    if let Some(json) = text("package.json") {
        // A package.json that does not parse is still recognised by its `rancher` key, so that
        // its syntax error gets reported (SYN001) instead of "nothing recognised".
        let rancher = match crate::syntax::json::parse(json) {
            Ok(root) => root.get("rancher").is_some(),
            Err(_) => json.contains("\"rancher\""),
        };
        if rancher {
            return Some(Kind::RancherPackage);
        }
    }
    None
}

fn nothing_recognised(package: &Package) -> Diagnostic {
    let mut seen: Vec<&str> = package.files.keys().map(|p| p.split('/').next().unwrap_or(p)).collect();
    seen.dedup();
    super::rules::pkg008::NothingRecognised { seen, package_json: package.contains("package.json") }.diagnostic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pkg(files: &[(&str, &str)]) -> Package {
        Package {
            files: files.iter().map(|(p, t)| (p.to_string(), t.as_bytes().to_vec())).collect(),
            partial: false,
            ..Package::default()
        }
    }
    fn folder() -> Origin {
        Origin::Folder { name: "x".into() }
    }

    #[test]
    fn kinds_from_content() {
        let cases: [(&[(&str, &str)], Kind); 5] = [
            (&[("extension.yaml", "name: a"), ("Chart.yaml", "name: a")], Kind::Kubesphere),
            (&[("package.json", r#"{"name":"clock","rancher":{"annotations":{}}}"#)], Kind::RancherPackage),
            (&[("Chart.yaml", "annotations:\n  catalog.cattle.io/ui-component: plugins\n")], Kind::RancherChart),
            (&[("files.txt", "plugin/x.js\n"), ("plugin/package.json", "{}")], Kind::RancherPlugin),
            (&[("Chart.yaml", "name: nginx\n"), ("values.yaml", "replicaCount: 1\n")], Kind::HelmChart),
        ];
        for (files, kind) in cases {
            let (found, diags) = detect(&pkg(files), &folder());
            assert_eq!(found, vec![Detected { kind, root: String::new() }], "{files:?}");
            assert!(diags.is_empty());
        }
    }

    #[test]
    fn parent_folders_hold_several_packages() {
        let p = pkg(&[
            ("clock/package.json", r#"{"rancher":{}}"#),
            ("crd/package.json", r#"{"rancher":true}"#),
            ("README.md", ""),
        ]);
        let (found, _) = detect(&p, &folder());
        assert_eq!(found.iter().map(|d| d.root.as_str()).collect::<Vec<_>>(), ["clock", "crd"]);
    }

    #[test]
    fn two_levels_down_only_when_one_level_holds_nothing() {
        let root = pkg(&[
            ("package.json", r#"{"name":"repo","private":true}"#),
            ("pkg/clock/package.json", r#"{"rancher":{}}"#),
            ("pkg/crd/package.json", r#"{"rancher":{}}"#),
            ("shell/a/b.ts", ""),
        ]);
        let (found, diags) = detect(&root, &folder());
        assert_eq!(found.iter().map(|d| d.root.as_str()).collect::<Vec<_>>(), ["pkg/clock", "pkg/crd"]);
        assert!(diags.is_empty());
        let shallow = pkg(&[("a/extension.yaml", "name: a"), ("b/c/extension.yaml", "name: c")]);
        let (found, _) = detect(&shallow, &folder());
        assert_eq!(found.iter().map(|d| d.root.as_str()).collect::<Vec<_>>(), ["a"]);
    }

    #[test]
    fn nested_extension_yaml_in_an_archive_is_ks014() {
        let p = pkg(&[("inner/extension.yaml", "name: a")]);
        let origin = Origin::Archive { name: "a.tgz".into(), bytes: 1, top_folder: Some("a".into()) };
        let (found, diags) = detect(&p, &origin);
        assert_eq!(found[0].root, "inner");
        assert_eq!(diags[0].code, "KS014");
    }

    #[test]
    fn nothing_recognised_says_what_was_found() {
        let (found, diags) = detect(&pkg(&[("package.json", r#"{"name":"app"}"#), ("src/main.ts", "")]), &folder());
        assert!(found.is_empty());
        assert_eq!(diags[0].code, "PKG008");
        assert!(diags[0].message.contains("`package.json`, `src`"), "{}", diags[0].message);
        assert!(diags[0].message.contains("no `rancher` key"));
    }
}
