//! `ksbuilder package <dir>` reproduced in memory (kubesphere.md §2.1): the files of the package
//! it would write, from a KubeSphere *source folder*.
//!
//! 1. Chart.yaml is generated from extension.yaml ([`chart::generate`], ksbuilder's
//!    `ToChartYaml`), replacing any Chart.yaml the folder has.
//! 2. Helm's `loader.LoadDir` drops what `.helmignore` (and Helm's default `templates/.?*`)
//!    ignores and strips a UTF-8 byte-order mark from every file.
//! 3. Helm's `chartutil.Save` writes every subchart's Chart.yaml from its parsed metadata
//!    ([`chart::remarshal`]) and a subchart archive `charts/<x>.tgz` as the folder
//!    `charts/<its name>/`.
//!
//! The caller writes the result with [`crate::package::write::write_tgz`] in Helm's order
//! under the top folder `{name}`, as `{name}-{version}.tgz`.

use std::collections::BTreeMap;

use super::chart;
use crate::helm::ignore;
use crate::package::{self, Package};

/// The package `ksbuilder package` would write, and how it differs from the source folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Built {
    /// The extension name (the archive's top folder).
    pub name: String,
    /// The extension version.
    pub version: String,
    /// The files, by path relative to the top folder.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Files Helm rewrites: the generated Chart.yaml and re-marshalled subchart Chart.yaml files.
    pub rewritten: Vec<String>,
    /// Source files left out because `.helmignore` ignores them.
    pub ignored: Vec<String>,
    /// Subchart archives (`charts/x.tgz`) written as folders.
    pub expanded: Vec<String>,
}

/// Why a source folder cannot be packaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildError {
    /// extension.yaml is missing or does not parse into a mapping.
    NoMetadata,
    /// extension.yaml has no `name` or no `version` (KS001), so there is no file name.
    NoIdentity,
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BuildError::NoMetadata => "extension.yaml is missing or does not parse",
            BuildError::NoIdentity => "extension.yaml has no `name` or no `version`",
        })
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Packages the source folder `source` as `ksbuilder package` does.
///
/// Errors: [`BuildError`] when extension.yaml cannot give a Chart.yaml with a name and version
/// (ksbuilder fails there too).
pub fn ksbuilder_package(source: &Package) -> Result<Built, BuildError> {
    let chart_yaml = chart::generate(source).ok_or(BuildError::NoMetadata)?;
    let identity = crate::syntax::yaml::parse(&chart_yaml);
    let root = identity.first().ok_or(BuildError::NoMetadata)?;
    let field = |k: &str| root.get(k).and_then(|n| n.as_str()).filter(|s| !s.is_empty()).map(str::to_string);
    let (Some(name), Some(version)) = (field("name"), field("version")) else {
        return Err(BuildError::NoIdentity);
    };
    let rules = source.text(".helmignore").map_or_else(ignore::Rules::defaults, ignore::Rules::parse);
    let mut built = Built { name, version, ..Built::default() };
    for (path, bytes) in &source.files {
        if path == "Chart.yaml" {
            continue;
        }
        if rules.ignores_file(path) {
            built.ignored.push(path.clone());
            continue;
        }
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        if let Some(archive) = subchart_archive(path)
            && let Some((sub_name, files)) = expand(archive, bytes)
        {
            built.expanded.push(path.clone());
            for (p, b) in files {
                built.files.insert(format!("charts/{sub_name}/{p}"), b);
            }
            continue;
        }
        built.files.insert(path.clone(), bytes.to_vec());
    }
    built.files.insert("Chart.yaml".into(), chart_yaml.into_bytes());
    built.rewritten.push("Chart.yaml".into());
    let subchart_metadata: Vec<String> = built.files.keys().filter(|p| is_subchart_metadata(p)).cloned().collect();
    for path in subchart_metadata {
        let Some(text) = std::str::from_utf8(&built.files[&path]).ok() else { continue };
        if let Some(canonical) = chart::remarshal(text)
            && canonical.as_bytes() != built.files[&path].as_slice()
        {
            built.files.insert(path.clone(), canonical.into_bytes());
            built.rewritten.push(path);
        }
    }
    Ok(built)
}

/// `charts/<x>.tgz` directly under a chart's `charts/` folder.
fn subchart_archive(path: &str) -> Option<&str> {
    let (dir, file) = path.rsplit_once('/')?;
    (dir == "charts" || dir.ends_with("/charts")).then_some(file).filter(|f| f.ends_with(".tgz"))
}

/// `…charts/<x>/Chart.yaml`: the metadata of a subchart at any depth.
fn is_subchart_metadata(path: &str) -> bool {
    let Some(dir) = path.strip_suffix("/Chart.yaml") else { return false };
    dir.rsplit_once('/').is_some_and(|(parent, _)| parent == "charts" || parent.ends_with("/charts"))
}

/// A subchart archive's files and chart name, as Helm loads it; `None` when it does not read
/// cleanly (the archive is then kept as a file).
fn expand(_file: &str, bytes: &[u8]) -> Option<(String, BTreeMap<String, Vec<u8>>)> {
    let read = package::read_archive("subchart.tgz", bytes);
    if read.diagnostics.iter().any(|d| d.severity == crate::Severity::Error) {
        return None;
    }
    let inner = read.package?;
    let name = crate::syntax::yaml::parse(inner.text("Chart.yaml")?)
        .first()?
        .get("name")?
        .as_str()
        .filter(|n| !n.is_empty() && !n.contains('/'))?
        .to_string();
    Some((name, inner.files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subchart_paths() {
        assert_eq!(subchart_archive("charts/redis-1.0.0.tgz"), Some("redis-1.0.0.tgz"));
        assert_eq!(subchart_archive("demo-0.1.0.tgz"), None);
        assert!(is_subchart_metadata("charts/backend/Chart.yaml"));
        assert!(is_subchart_metadata("charts/a/charts/b/Chart.yaml"));
        assert!(!is_subchart_metadata("Chart.yaml") && !is_subchart_metadata("charts/Chart.yaml"));
    }

    #[test]
    fn helmignore_and_bom() {
        let mut files = BTreeMap::new();
        files.insert("extension.yaml".to_string(), b"name: demo\nversion: 0.1.0\n".to_vec());
        files.insert(".helmignore".to_string(), b"*.swp\nsecret/\n".to_vec());
        files.insert("values.yaml".to_string(), b"\xEF\xBB\xBFa: 1\n".to_vec());
        files.insert("x.swp".to_string(), b"x".to_vec());
        files.insert("secret/key".to_string(), b"k".to_vec());
        files.insert("templates/.hidden".to_string(), b"h".to_vec());
        files.insert("Chart.yaml".to_string(), b"name: stale\n".to_vec());
        let built = ksbuilder_package(&Package { files, partial: false, ..Package::default() }).unwrap();
        assert_eq!(built.name, "demo");
        assert_eq!(built.files["values.yaml"], b"a: 1\n");
        assert_eq!(built.ignored, ["secret/key", "templates/.hidden", "x.swp"]);
        assert_eq!(
            std::str::from_utf8(&built.files["Chart.yaml"]).unwrap(),
            "apiVersion: v2\nname: demo\nversion: 0.1.0\n"
        );
    }
}
