//! `check --changed`: from the files a commit touches to the packages that hold them, so a
//! pre-commit hook or a CI job checks each touched package once.

use std::path::{Path, PathBuf};

/// True when `dir` is the root of a package: it holds `extension.yaml`, `Chart.yaml`, or a
/// `package.json` with a `rancher` key (a monorepo's root `package.json` has none).
fn is_root(dir: &Path) -> bool {
    dir.join("extension.yaml").is_file()
        || dir.join("Chart.yaml").is_file()
        || std::fs::read_to_string(dir.join("package.json"))
            .is_ok_and(|t| serde_json::from_str::<serde_json::Value>(&t).is_ok_and(|v| v.get("rancher").is_some()))
}

/// The package roots holding `files`, each once, in first-seen order. For each file: a packaged
/// archive (`*.tgz`) is its own package; otherwise the outermost ancestor folder holding
/// `extension.yaml` (a KubeSphere extension, whose subcharts hold `Chart.yaml`), else the
/// nearest root ([`is_root`]). Files in no package are skipped (deleted files too). Paths keep
/// the form they were given in (relative to the working directory, as pre-commit passes them).
pub fn package_roots(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    for file in files {
        let root = if file.extension().is_some_and(|e| e == "tgz") && file.is_file() {
            Some(file.clone())
        } else {
            let start = if file.is_dir() { Some(file.as_path()) } else { file.parent() };
            let ancestors: Vec<&Path> = start
                .into_iter()
                .flat_map(Path::ancestors)
                .map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d })
                .collect();
            ancestors
                .iter()
                .rev()
                .find(|d| d.join("extension.yaml").is_file())
                .or_else(|| ancestors.iter().find(|d| is_root(d)))
                .map(|d| d.to_path_buf())
        };
        if let Some(root) = root
            && !roots.contains(&root)
        {
            roots.push(root);
        }
    }
    roots
}
