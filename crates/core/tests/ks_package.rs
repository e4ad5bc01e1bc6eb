//! `ksbuilder package` reproduced: the Chart.yaml generated from each corpus source folder is
//! byte-identical to the one in the corpus's packaged `.tgz` built from it.

use std::path::Path;

use extcheck_core::kubesphere::chart;
use extcheck_core::package::fs::read_path;

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/kubesphere")
}

#[test]
fn generated_chart_yaml_matches_packaged() {
    for name in ["cert-manager", "deepseek", "metrics-server"] {
        let (_, source) = read_path(&corpus().join("source").join(name)).unwrap();
        let generated = chart::generate(source.package.as_ref().unwrap()).expect("extension.yaml parses");
        let packaged_path = std::fs::read_dir(corpus().join("packaged"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(&format!("{name}-")))
            .unwrap();
        let (_, packaged) = read_path(&packaged_path).unwrap();
        let expected = packaged.package.as_ref().unwrap().text("Chart.yaml").unwrap();
        std::fs::write(format!("/tmp/ksc/{name}.gen.yaml"), &generated).unwrap();
        std::fs::write(format!("/tmp/ksc/{name}.pkg.yaml"), expected).unwrap();
        assert_eq!(generated, expected, "{name}");
    }
}

#[test]
fn subchart_chart_yaml_remarshalled_as_helm_saves_it() {
    for name in ["cert-manager", "deepseek", "metrics-server"] {
        let (_, source) = read_path(&corpus().join("source").join(name)).unwrap();
        let source = source.package.unwrap();
        let packaged_path = std::fs::read_dir(corpus().join("packaged"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(&format!("{name}-")))
            .unwrap();
        let (_, packaged) = read_path(&packaged_path).unwrap();
        let packaged = packaged.package.unwrap();
        for path in source.files.keys().filter(|p| p.starts_with("charts/") && p.ends_with("/Chart.yaml")) {
            let got = chart::remarshal(source.text(path).unwrap()).expect("remarshals");
            assert_eq!(got, packaged.text(path).unwrap(), "{name}/{path}");
        }
    }
}
