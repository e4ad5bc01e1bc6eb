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
