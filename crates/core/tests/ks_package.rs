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
