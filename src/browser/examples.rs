//! "Try an example": real packages from the shared corpus, embedded in the build at compile
//! time, so the page does its job without any file of the user's.

use extcheck_core::package::{self, FolderEntry, ReadResult};

/// An embedded example.
pub struct Example {
    /// Stable id (used by the UI and tests).
    pub id: &'static str,
    /// What the user sees.
    pub label: &'static str,
    /// What it demonstrates.
    pub note: &'static str,
}

enum Contents {
    Archive(&'static str, &'static [u8]),
    Folder(&'static str, &'static [(&'static str, &'static [u8])]),
    File(&'static str, &'static [u8]),
}

macro_rules! corpus {
    ($path:literal) => {
        include_bytes!(concat!("../../testdata/corpus/", $path))
    };
}

macro_rules! folder {
    ($root:literal: $($file:literal),* $(,)?) => {
        &[$(($file, include_bytes!(concat!("../../testdata/corpus/", $root, "/", $file)))),*]
    };
}

/// The examples, KubeSphere first.
pub static EXAMPLES: &[Example] = &[
    Example {
        id: "hello-world",
        label: "KubeSphere · hello-world (source folder)",
        note: "The official minimal sample, as `ksbuilder create` makes it.",
    },
    Example {
        id: "metrics-server",
        label: "KubeSphere · metrics-server-0.7.1.tgz",
        note: "A package built by ksbuilder, from kubesphere-extensions/ks-extensions.",
    },
    Example {
        id: "clock-0.1.0",
        label: "Rancher · clock-0.1.0.tgz (chart)",
        note: "A Rancher 2.7-era chart without `ui-extensions-version`.",
    },
    Example {
        id: "kubewarden-4.2.1",
        label: "Rancher · kubewarden-4.2.1.tgz (chart)",
        note: "A current extension chart from rancher/kubewarden-ui.",
    },
    Example {
        id: "extension-crd-package",
        label: "Rancher · extension-crd package.json",
        note: "A UI extension's `pkg/<name>/package.json`.",
    },
];

impl Example {
    /// The example by `id`.
    pub fn find(id: &str) -> Option<&'static Example> {
        EXAMPLES.iter().find(|e| e.id == id)
    }
}

/// The bytes of example `id`. Only the checking worker calls this, so the bytes are linked into
/// the worker's wasm and not into the page's.
fn contents(id: &str) -> Option<Contents> {
    Some(match id {
        "hello-world" => Contents::Folder(
            "hello-world",
            folder!("kubesphere/source/hello-world":
                "CHANGELOG.md", "CHANGELOG_zh.md", "README.md", "README_zh.md", "extension.yaml",
                "favicon.svg", "permissions.yaml", "values.yaml", "charts/frontend/Chart.yaml",
                "charts/frontend/templates/NOTES.txt", "charts/frontend/templates/extension.yaml",
            ),
        ),
        "metrics-server" => {
            Contents::Archive("metrics-server-0.7.1.tgz", corpus!("kubesphere/packaged/metrics-server-0.7.1.tgz"))
        }
        "clock-0.1.0" => Contents::Archive("clock-0.1.0.tgz", corpus!("rancher/charts/clock-0.1.0.tgz")),
        "kubewarden-4.2.1" => Contents::Archive("kubewarden-4.2.1.tgz", corpus!("rancher/charts/kubewarden-4.2.1.tgz")),
        "extension-crd-package" => Contents::File("package.json", corpus!("rancher/source/extension-crd/package.json")),
        _ => return None,
    })
}

/// Reads example `id` as the user's own input would be read; its name and result, or `None`
/// for an unknown id.
pub fn read(id: &str) -> Option<(String, ReadResult)> {
    Some(match contents(id)? {
        Contents::Archive(name, bytes) | Contents::File(name, bytes) => {
            (name.to_string(), package::read_file(name, bytes.to_vec()))
        }
        Contents::Folder(name, files) => {
            let entries = files
                .iter()
                .map(|(path, bytes)| FolderEntry::File { path: path.to_string(), bytes: bytes.to_vec() })
                .collect();
            (name.to_string(), package::read_folder(name, entries))
        }
    })
}
