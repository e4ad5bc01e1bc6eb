//! Limits by kind (issue 11): a Rancher plugin archive is read with Rancher's plugin cache
//! limit (30 MiB per file, a warning: the plugin turns `noCache`), a chart with Helm's (5 MiB
//! per file, an error); a file skipped by a limit is never reported missing.

use std::io::Write;

use extcheck_core::Severity;
use extcheck_core::fix::Selection;
use extcheck_core::fix::output::correct;
use extcheck_core::package::read_archive;

fn tgz(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (path, bytes) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, path, *bytes).unwrap();
    }
    let tar = builder.into_inner().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).unwrap();
    gz.finish().unwrap()
}

fn plugin_archive(big: &[u8]) -> Vec<u8> {
    tgz(&[
        (
            "4.1.0/files.txt",
            b"plugin/package.json\nplugin/kubewarden-4.1.0.umd.min.js\nplugin/kubewarden-4.1.0.umd.min.js.map\n",
        ),
        ("4.1.0/plugin/package.json", br#"{ "name": "kubewarden", "version": "4.1.0", "rancher": true }"#),
        ("4.1.0/plugin/kubewarden-4.1.0.umd.min.js", b"window.x = 1;"),
        ("4.1.0/plugin/kubewarden-4.1.0.umd.min.js.map", big),
    ])
}

fn findings(bytes: &[u8]) -> (extcheck_core::Report, Vec<(String, Severity)>) {
    let report = extcheck_core::check("4.1.0.tgz", read_archive("4.1.0.tgz", bytes));
    let list = report.packages.iter().flat_map(|p| &p.diagnostics).map(|d| (d.code.to_string(), d.severity)).collect();
    (report, list)
}

#[test]
fn a_source_map_over_helms_limit_is_fine_in_a_plugin_archive() {
    // kubewarden 4.1.0's plugin archive carries a 6.9 MiB source map.
    let (report, list) = findings(&plugin_archive(&vec![b'x'; 7 * 1024 * 1024]));
    assert!(list.iter().all(|(c, _)| c != "PKG003" && c != "RC028"), "{list:?}");
    let corrected = correct(&report.packages[0], &Selection::all());
    assert!(corrected.output.is_ok(), "--fix runs: {:?}", corrected.output.err());
}

#[test]
fn a_file_over_the_plugin_cache_limit_is_a_warning_and_not_missing() {
    let (_, list) = findings(&plugin_archive(&vec![b'x'; 31 * 1024 * 1024]));
    assert_eq!(list, [("PKG003".to_string(), Severity::Warning)], "{list:?}");
}

#[test]
fn helms_limit_still_applies_to_charts() {
    let big = vec![b'x'; 6 * 1024 * 1024];
    let bytes =
        tgz(&[("demo/Chart.yaml", b"apiVersion: v2\nname: demo\nversion: 0.1.0\n"), ("demo/files/big.bin", &big)]);
    let report = extcheck_core::check("demo.tgz", read_archive("demo.tgz", &bytes));
    let pkg003: Vec<_> = report.packages[0].diagnostics.iter().filter(|d| d.code == "PKG003").collect();
    assert_eq!(pkg003.len(), 1);
    assert_eq!(pkg003[0].severity, Severity::Error);
    assert!(!report.packages[0].package.contains("files/big.bin"));
}

/// Writes `files` under a fresh folder of the system temp dir and returns it.
fn folder(label: &str, files: &[(&str, &[u8])]) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("extcheck-limits-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, bytes) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    root
}

fn folder_findings(root: &std::path::Path) -> (extcheck_core::Report, Vec<(String, Severity)>) {
    let (name, read) = extcheck_core::package::fs::read_path(root).unwrap();
    let report = extcheck_core::check(&name, read);
    let list = report.packages.iter().flat_map(|p| &p.diagnostics).map(|d| (d.code.to_string(), d.severity)).collect();
    (report, list)
}

const FILES_TXT: &[u8] =
    b"plugin/package.json\nplugin/kubewarden-4.1.0.umd.min.js\nplugin/kubewarden-4.1.0.umd.min.js.map\n";
const PLUGIN_JSON: &[u8] = br#"{ "name": "kubewarden", "version": "4.1.0", "rancher": true }"#;

#[test]
fn a_plugin_folder_has_the_plugin_cache_limit_too() {
    // The unpacked plugin archive, as a folder: a 7 MiB source map is read (Rancher's 30 MiB
    // limit), not reported, and the package is whole.
    let big = vec![b'x'; 7 * 1024 * 1024];
    let root = folder(
        "plugin",
        &[
            ("files.txt", FILES_TXT),
            ("plugin/package.json", PLUGIN_JSON),
            ("plugin/kubewarden-4.1.0.umd.min.js", b"window.x = 1;"),
            ("plugin/kubewarden-4.1.0.umd.min.js.map", &big),
        ],
    );
    let (report, list) = folder_findings(&root);
    assert_eq!(report.packages[0].kind.map(|k| k.as_str()), Some("rancher-plugin"));
    assert!(list.iter().all(|(c, _)| c != "PKG003" && c != "RC028"), "{list:?}");
    assert!(report.packages[0].package.contains("plugin/kubewarden-4.1.0.umd.min.js.map"));
    let corrected = correct(&report.packages[0], &Selection::all());
    assert!(corrected.output.is_ok(), "--fix runs: {:?}", corrected.output.err());
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_plugin_folder_file_over_30_mib_is_a_warning_and_never_missing() {
    // Listed in files.txt but over the plugin cache limit: skipped, a PKG003 warning, and not
    // reported missing from the folder (RC028).
    let big = vec![b'x'; 31 * 1024 * 1024];
    let root = folder(
        "plugin-huge",
        &[
            ("4.1.0/files.txt", FILES_TXT),
            ("4.1.0/plugin/package.json", PLUGIN_JSON),
            ("4.1.0/plugin/kubewarden-4.1.0.umd.min.js", b"window.x = 1;"),
            ("4.1.0/plugin/kubewarden-4.1.0.umd.min.js.map", &big),
        ],
    );
    let (_, list) = folder_findings(&root);
    assert_eq!(list, [("PKG003".to_string(), Severity::Warning)], "{list:?}");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_chart_folder_keeps_helms_limit() {
    let big = vec![b'x'; 6 * 1024 * 1024];
    let root =
        folder("chart", &[("Chart.yaml", b"apiVersion: v2\nname: demo\nversion: 0.1.0\n"), ("files/big.bin", &big)]);
    let (report, list) = folder_findings(&root);
    assert!(list.contains(&("PKG003".to_string(), Severity::Error)), "{list:?}");
    assert!(!report.packages[0].package.contains("files/big.bin"));
    assert!(report.packages[0].package.skipped.contains("files/big.bin"));
    std::fs::remove_dir_all(root).unwrap();
}
