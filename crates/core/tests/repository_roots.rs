//! What users actually drop: a Rancher extension repository root (a `package.json` without a
//! `rancher` key, its packages in `pkg/<name>`, with `node_modules/`, `dist-pkg/` and `.git/`
//! beside them), and a folder holding several KubeSphere extension folders. Built as temporary
//! folders from corpus files and read through `package::fs::read_path` like the CLI.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::corpus;
use extcheck_core::package::Kind;
use extcheck_core::package::fs::read_path;

/// A fresh temporary folder for `case`, removed first if a previous run left it.
fn scratch(case: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("extcheck-roots-{}-{case}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// (kind, root) of each package the report found.
fn found(dir: &Path) -> Vec<(Option<Kind>, String)> {
    let (_, read) = read_path(dir).unwrap();
    let files: Vec<String> = read.package.as_ref().unwrap().files.keys().cloned().collect();
    assert!(
        files.iter().all(|f| !f.split('/').any(|s| matches!(s, "node_modules" | ".git" | "dist-pkg"))),
        "skipped folders were read: {files:?}"
    );
    let report = extcheck_core::check("root", read);
    report.packages.iter().map(|p| (p.kind, p.root.clone())).collect()
}

#[test]
fn rancher_repository_root_is_read_as_its_pkg_packages() {
    let dir = scratch("rancher");
    let clock = fs::read(corpus("rancher/source/clock/package.json")).unwrap();
    write(&dir, "package.json", br#"{"name":"ui-plugin-examples","private":true,"workspaces":["pkg/*"]}"#);
    write(&dir, "pkg/clock/package.json", &clock);
    write(&dir, "node_modules/x/package.json", br#"{"name":"x","rancher":{"annotations":{}}}"#);
    write(&dir, "dist-pkg/clock-0.1.0/package.json", &clock);
    write(&dir, ".git/HEAD", b"ref: refs/heads/main\n");
    let result = found(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(result, [(Some(Kind::RancherPackage), "pkg/clock/".to_string())]);
}

#[test]
fn folder_of_kubesphere_extensions_is_read_as_each() {
    let dir = scratch("kubesphere");
    let hello = corpus("kubesphere/source/hello-world");
    copy_tree(&hello, &dir.join("hello-world"));
    copy_tree(&hello, &dir.join("hello-world-copy"));
    write(&dir, ".git/HEAD", b"ref: refs/heads/main\n");
    let result = found(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        result,
        [
            // In path order: `-` sorts before `/`.
            (Some(Kind::Kubesphere), "hello-world-copy/".to_string()),
            (Some(Kind::Kubesphere), "hello-world/".to_string())
        ]
    );
}
