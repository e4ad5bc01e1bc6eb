//! `ksbuilder package` reproduced: the Chart.yaml generated from each corpus source folder, and
//! each subchart's Chart.yaml as Helm re-marshals it, are byte-identical to those in the
//! corpus's packaged `.tgz` built from it.

mod common;

use common::{corpus, packaged};
use extcheck_core::kubesphere::chart;
use extcheck_core::package::Package;
use extcheck_core::package::fs::read_path;

/// The source folder `name` and the packaged archive built from it.
fn pair(name: &str) -> (Package, Package) {
    let (_, source) = read_path(&corpus("kubesphere/source").join(name)).unwrap();
    let (_, packaged) = read_path(&packaged(name)).unwrap();
    (source.package.unwrap(), packaged.package.unwrap())
}

#[test]
fn generated_chart_yaml_matches_packaged() {
    for name in ["cert-manager", "deepseek", "metrics-server"] {
        let (source, packaged) = pair(name);
        let generated = chart::generate(&source).expect("extension.yaml parses");
        assert_eq!(generated, packaged.text("Chart.yaml").unwrap(), "{name}");
    }
}

#[test]
fn subchart_chart_yaml_remarshalled_as_helm_saves_it() {
    for name in ["cert-manager", "deepseek", "metrics-server"] {
        let (source, packaged) = pair(name);
        for path in source.files.keys().filter(|p| p.starts_with("charts/") && p.ends_with("/Chart.yaml")) {
            let got = chart::remarshal(source.text(path).unwrap()).expect("remarshals");
            assert_eq!(got, packaged.text(path).unwrap(), "{name}/{path}");
        }
    }
}

/// Issue 11: KS031 on a *packaged* archive. The KS031 fixture (`charts/backend` listed
/// nowhere) packaged with the Chart.yaml ksbuilder generates: the two files agree (no KS034),
/// both lack `backend`. With every fix applied, extension.yaml and the packaged Chart.yaml both
/// list it, the corrected archive re-checks with neither KS031 nor KS034, and no matrix cell is
/// lost.
#[test]
fn ks031_on_a_packaged_archive_fixes_extension_yaml_and_chart_yaml_together() {
    use std::io::Write;

    use extcheck_core::fix::Selection;
    use extcheck_core::fix::output::correct;

    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/KS031/input");
    let (_, read) = read_path(&fixture).unwrap();
    let mut source = read.package.unwrap();
    let generated = chart::generate(&source).expect("extension.yaml parses");
    source.files.insert("Chart.yaml".into(), generated.into_bytes());
    let mut builder = tar::Builder::new(Vec::new());
    for (path, bytes) in &source.files {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, format!("demo/{path}"), bytes.as_slice()).unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&builder.into_inner().unwrap()).unwrap();
    let archive = gz.finish().unwrap();

    let report =
        extcheck_core::check("demo-0.1.0.tgz", extcheck_core::package::read_archive("demo-0.1.0.tgz", &archive));
    let package = &report.packages[0];
    let codes: Vec<&str> = package.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"KS031") && !codes.contains(&"KS034"), "{codes:?}");

    let corrected = correct(package, &Selection::all());
    let output = corrected.output.as_ref().expect("a corrected archive");
    let lists_backend = |path: &str| {
        let text = std::str::from_utf8(&output.files[path]).unwrap();
        text.lines().any(|l| l.trim() == "- name: backend")
    };
    assert!(lists_backend("extension.yaml"), "extension.yaml");
    assert!(lists_backend("Chart.yaml"), "Chart.yaml");
    let back = &corrected.report.as_ref().expect("re-checked").packages[0];
    let left: Vec<&str> =
        back.diagnostics.iter().map(|d| d.code).filter(|c| matches!(*c, "KS031" | "KS034" | "KS030")).collect();
    assert!(left.is_empty(), "{left:?}");
    let before = package.matrix.as_ref().unwrap().working();
    let after = back.matrix.as_ref().unwrap().working();
    assert!(!before.is_empty() && before.is_subset(&after), "lost {:?}", before.difference(&after).next());
}
