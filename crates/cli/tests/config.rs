//! `extcheck.toml` and inline suppressions through the binary: discovery by walking up from the
//! input, `--config`, `--isolated`, `ignore`, `[severity]`, `[per-path-ignores]`, `[platforms]`,
//! `fail-on` / `--fail-on`, malformed files (exit 2 naming file, line and key), and suppressed
//! findings listed as such in JSON and SARIF.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn extcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_extcheck")).args(args).output().expect("extcheck runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn codes(report: &serde_json::Value, key: &str) -> Vec<String> {
    report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p[key].as_array().into_iter().flatten())
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures").join(name).join("input")
}

/// A project folder `root` holding a copy of the HELM001 fixture (a chart without `version`,
/// one error) at `charts/demo/`.
struct Project(PathBuf);

impl Project {
    fn new(name: &str) -> Self {
        let root = std::env::temp_dir().join(format!("extcheck-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let chart = root.join("charts/demo");
        for entry in ["Chart.yaml", "values.yaml", "templates/cr.yaml"] {
            let to = chart.join(entry);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(fixture("HELM001").join(entry), to).unwrap();
        }
        Project(root)
    }
    fn write(&self, rel: &str, text: &str) -> String {
        let path = self.0.join(rel);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }
    fn chart(&self) -> String {
        self.0.join("charts/demo").display().to_string()
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_nearest_config_ignores_and_isolated_does_not() {
    let p = Project::new("ignore");
    let out = extcheck(&["check", "--format", "json", &p.chart()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(codes(&json(&out), "diagnostics"), ["HELM001"]);

    p.write("extcheck.toml", "ignore = [\"HELM001\"]\n");
    let out = extcheck(&["check", "--format", "json", &p.chart()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    assert!(codes(&report, "diagnostics").is_empty());
    assert_eq!(codes(&report, "suppressed"), ["HELM001"]);
    let s = &report["packages"][0]["suppressed"][0]["suppression"];
    assert_eq!(s["kind"], "external");
    assert!(s["reason"].as_str().unwrap().contains("extcheck.toml: ignore"), "{s}");

    let out = extcheck(&["check", "--isolated", "--format", "json", &p.chart()]);
    assert_eq!(out.status.code(), Some(1));

    let sarif = extcheck(&["check", "--format", "sarif", &p.chart()]);
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "HELM001");
    assert_eq!(result["suppressions"][0]["kind"], "external");
}

#[test]
fn severity_overrides_fail_on_and_an_explicit_config() {
    let p = Project::new("severity");
    let cfg = p.write("other.toml", "[severity]\nHELM001 = \"warning\"\n");
    let out = extcheck(&["check", "--config", &cfg, "--format", "json", &p.chart()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["packages"][0]["diagnostics"][0]["severity"], "warning");
    let out = extcheck(&["check", "--config", &cfg, "--fail-on", "warning", &p.chart()]);
    assert_eq!(out.status.code(), Some(1));
    p.write("extcheck.toml", "fail-on = \"warning\"\n[severity]\nHELM001 = \"warning\"\n");
    assert_eq!(extcheck(&["check", &p.chart()]).status.code(), Some(1));
    assert_eq!(extcheck(&["check", "--fail-on", "error", &p.chart()]).status.code(), Some(0));
}

#[test]
fn per_path_ignores_match_paths_relative_to_the_config() {
    let p = Project::new("paths");
    p.write("extcheck.toml", "[per-path-ignores]\n\"charts/other/**\" = [\"HELM001\"]\n");
    assert_eq!(extcheck(&["check", &p.chart()]).status.code(), Some(1));
    p.write("extcheck.toml", "[per-path-ignores]\n\"charts/*/Chart.yaml\" = [\"HELM001\"]\n");
    let out = extcheck(&["check", &p.chart()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 suppressed"));
}

#[test]
fn a_malformed_config_exits_2_naming_file_line_and_key() {
    let p = Project::new("malformed");
    let cfg = p.write("extcheck.toml", "ignore = [\"HELM001\"]\n[severity]\nHELM001 = \"fatal\"\n");
    let out = extcheck(&["check", &p.chart()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{cfg}:3:11: key `severity.HELM001`: `fatal` is not a severity")), "{err}");
    p.write("extcheck.toml", "ignore = [\"HELM001\"\n");
    let out = extcheck(&["check", &p.chart()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("extcheck.toml:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // --isolated does not read it.
    assert_eq!(extcheck(&["check", "--isolated", &p.chart()]).status.code(), Some(1));
}

#[test]
fn inline_suppressions_are_listed_in_source_and_unused_ones_warn() {
    let out = extcheck(&["check", "--isolated", "--format", "json", &fixture("SUP001").display().to_string()]);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(codes(&report, "diagnostics"), ["SUP001", "SUP001", "SUP001"]);
    assert_eq!(codes(&report, "suppressed"), ["HELM002"]);
    assert_eq!(report["packages"][0]["suppressed"][0]["suppression"]["kind"], "inSource");
    let out = extcheck(&["check", "--isolated", "--format", "sarif", &fixture("SUP001").display().to_string()]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let suppressed: Vec<_> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["suppressions"][0]["kind"] == "inSource")
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(suppressed, ["HELM002"]);
}

#[test]
fn platforms_keep_only_the_lines_that_count() {
    let p = Project::new("platforms");
    let chart = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/corpus/rancher/charts/clock-0.3.3.tgz");
    let rows = |out: &Output| -> Vec<String> {
        json(out)["packages"][0]["matrix"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    let all = rows(&extcheck(&["check", "--isolated", "--format", "json", &chart.display().to_string()]));
    assert!(all.iter().any(|r| r == "2.9"), "{all:?}");
    let cfg = p.write("c.toml", "[platforms]\nrancher = \"2.10\"\n");
    let some = rows(&extcheck(&["check", "--config", &cfg, "--format", "json", &chart.display().to_string()]));
    assert!(!some.is_empty() && some.len() < all.len(), "{some:?}");
    assert!(some.iter().all(|r| r.split('.').nth(1).unwrap().parse::<u32>().unwrap() >= 10), "{some:?}");
}

/// `[platforms]` changes which findings count: the RC021-platforms fixture holds an
/// `extcheck.toml` counting only Rancher 2.11 and later, and its `plugin.metadata` blocks loading
/// on Rancher 2.10 only. With the configuration (found in the input folder) the finding is info
/// naming where it matters, and the run passes; without it (`--isolated`) it is an error.
#[test]
fn platforms_decide_which_findings_count() {
    let input = fixture("RC021-platforms").display().to_string();
    let rc021 = |out: &Output| {
        let report = json(out);
        let d = report["packages"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "RC021")
            .cloned()
            .unwrap_or_else(|| panic!("no RC021: {report}"));
        (d["severity"].as_str().unwrap().to_string(), d["help"].as_str().unwrap().to_string())
    };
    let isolated = extcheck(&["check", "--isolated", "--format", "json", &input]);
    assert_eq!(isolated.status.code(), Some(1));
    assert_eq!(rc021(&isolated).0, "error");
    let counted = extcheck(&["check", "--format", "json", &input]);
    assert_eq!(counted.status.code(), Some(0), "{}", String::from_utf8_lossy(&counted.stderr));
    let (severity, help) = rc021(&counted);
    assert_eq!(severity, "info");
    assert!(
        help.contains("it blocks only Rancher 2.10, and ") && help.contains("counts only Rancher 2.11 and later"),
        "{help}"
    );
    // Info never fails the run, even with `--fail-on warning`.
    assert_eq!(extcheck(&["check", "--fail-on", "warning", &input]).status.code(), Some(0));
}
