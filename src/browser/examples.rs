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
    /// The package.
    contents: Contents,
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
        contents: Contents::Folder(
            "hello-world",
            folder!("kubesphere/source/hello-world":
                "CHANGELOG.md", "CHANGELOG_zh.md", "README.md", "README_zh.md", "extension.yaml",
                "favicon.svg", "permissions.yaml", "values.yaml", "charts/frontend/Chart.yaml",
                "charts/frontend/templates/NOTES.txt", "charts/frontend/templates/extension.yaml",
            ),
        ),
    },
    Example {
        id: "metrics-server",
        label: "KubeSphere · metrics-server-0.7.1.tgz",
        note: "A package built by ksbuilder, from kubesphere-extensions/ks-extensions.",
        contents: Contents::Archive(
            "metrics-server-0.7.1.tgz",
            corpus!("kubesphere/packaged/metrics-server-0.7.1.tgz"),
        ),
    },
    Example {
        id: "clock-0.1.0",
        label: "Rancher · clock-0.1.0.tgz (chart)",
        note: "A Rancher 2.7-era chart without `ui-extensions-version`.",
        contents: Contents::Archive("clock-0.1.0.tgz", corpus!("rancher/charts/clock-0.1.0.tgz")),
    },
    Example {
        id: "kubewarden-4.2.1",
        label: "Rancher · kubewarden-4.2.1.tgz (chart)",
        note: "A current extension chart from rancher/kubewarden-ui.",
        contents: Contents::Archive("kubewarden-4.2.1.tgz", corpus!("rancher/charts/kubewarden-4.2.1.tgz")),
    },
    Example {
        id: "extension-crd-package",
        label: "Rancher · extension-crd package.json",
        note: "A UI extension's `pkg/<name>/package.json`.",
        contents: Contents::File("package.json", corpus!("rancher/source/extension-crd/package.json")),
    },
];

impl Example {
    /// The example by `id`.
    pub fn find(id: &str) -> Option<&'static Example> {
        EXAMPLES.iter().find(|e| e.id == id)
    }

    /// Reads the example as the user's own input would be read; returns its name and result.
    pub fn read(&self) -> (String, ReadResult) {
        match self.contents {
            Contents::Archive(name, bytes) => (name.to_string(), package::read_file(name, bytes.to_vec())),
            Contents::File(name, bytes) => (name.to_string(), package::read_file(name, bytes.to_vec())),
            Contents::Folder(name, files) => {
                let entries = files
                    .iter()
                    .map(|(path, bytes)| FolderEntry::File { path: path.to_string(), bytes: bytes.to_vec() })
                    .collect();
                (name.to_string(), package::read_folder(name, entries))
            }
        }
    }
}
