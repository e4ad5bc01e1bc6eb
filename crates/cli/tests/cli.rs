//! The `extcheck` binary as CI uses it: exit codes, JSON on stdout, compiler-style text, and
//! hostile inputs (a zip renamed to `.tgz`, a truncated gzip, a gzip bomb inflating to 1 GiB,
//! a `../../etc/passwd` entry).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the binary in English whatever the developer's locale (`--lang` defaults from it).
fn extcheck(args: &[&str]) -> Output {
    extcheck_in(&[], args)
}

/// Runs the binary with exactly the locale variables `env` set.
fn extcheck_in(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_extcheck"));
    command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG").envs(env.iter().copied());
    command.args(args).output().expect("extcheck runs")
}

fn corpus(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/corpus").join(path).display().to_string()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["diagnostics"].as_array().unwrap().iter())
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("extcheck-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes an entry's content.
type Content<'a> = &'a dyn Fn(&mut dyn Write);

/// A gzip-compressed tar of `entries`: (name, declared size, content writer). Names are
/// written raw so that unsafe names reach the reader.
fn tar_gz(entries: &[(&str, u64, Content<'_>)]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for (name, size, write) in entries {
        let mut header = [0u8; 512];
        header[..name.len()].copy_from_slice(name.as_bytes());
        header[100..108].copy_from_slice(b"0000644\0");
        let size_field = format!("{size:011o}\0");
        header[124..136].copy_from_slice(size_field.as_bytes());
        header[136..148].copy_from_slice(b"00000000000\0");
        header[156] = b'0';
        header[257..263].copy_from_slice(b"ustar\0");
        header[263..265].copy_from_slice(b"00");
        header[148..156].copy_from_slice(b"        ");
        let sum: u32 = header.iter().map(|&b| b as u32).sum();
        header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        enc.write_all(&header).unwrap();
        write(&mut enc);
        let pad = (512 - (*size % 512) as usize) % 512;
        enc.write_all(&vec![0; pad]).unwrap();
    }
    enc.write_all(&[0; 1024]).unwrap();
    enc.finish().unwrap()
}

#[test]
fn a_clean_package_exits_0_and_prints_valid_json() {
    let out = extcheck(&["check", "--format", "json", &corpus("kubesphere/packaged/cert-manager-1.0.0.tgz")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    assert_eq!(report["packages"][0]["kind"], "kubesphere");
    assert_eq!(report["packages"][0]["name"], "cert-manager");
    assert_eq!(report["packages"][0]["root"], "cert-manager/");
    assert_eq!(report["summary"]["errors"], 0);
}

#[test]
fn errors_exit_1_and_several_paths_give_a_json_array() {
    let out = extcheck(&[
        "check",
        "--format",
        "json",
        &corpus("rancher/charts/clock-0.1.0.tgz"),
        &corpus("rancher/source/clock"),
    ]);
    // RC010 on clock-0.1.0 is a warning: its `rancher-version: >= 2.7.0 < 2.10.0` already
    // excludes every Rancher line that checks the annotation (issue 11).
    assert_eq!(out.status.code(), Some(0));
    let reports = json(&out);
    let reports = reports.as_array().expect("an array for two paths");
    assert_eq!(reports[0]["packages"][0]["diagnostics"][0]["severity"], "warning");
    assert_eq!(codes(&reports[0]), ["RC010", "RC025", "RANGE003", "RANGE004", "RANGE005"]);
    let d = &reports[0]["packages"][0]["diagnostics"][0];
    assert_eq!((d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("Chart.yaml"), Some(1), Some(1)));
    assert_eq!(d["fix"]["applicability"], "unsafe");
    assert_eq!(reports[1]["packages"][0]["kind"], "rancher-package");
}

#[test]
fn text_output_is_compiler_style() {
    let out = extcheck(&["check", &corpus("rancher/charts/kubewarden-0.1.0.tgz")]);
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.ends_with("kubewarden-0.1.0.tgz!/kubewarden/Chart.yaml:1:1: warning[RC010] Chart.yaml `annotations` has no `catalog.cattle.io/ui-extensions-version`"), "{first}");
    assert!(text.contains("1 | annotations:\n  | ^^^^^^^^^^^"), "{text}");
    assert!(text.contains("  help: The package's own annotations (`rancher-version`"), "{text}");
}

#[test]
fn sarif_is_one_log_for_several_paths_with_the_exit_code_of_the_check() {
    let out = extcheck(&[
        "check",
        "--format",
        "sarif",
        &corpus("rancher/charts/clock-0.1.0.tgz"),
        &corpus("kubesphere/source/hello-world"),
    ]);
    assert_eq!(out.status.code(), Some(0), "RC010 on clock-0.1.0 is a warning (its rancher-version excludes 2.10+)");
    let log = json(&out);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    let ids: Vec<&str> = results.iter().map(|r| r["ruleId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["RC010", "RC025", "RANGE003", "RANGE004", "RANGE005", "KS084", "KS042"]);
    // A file in a folder is named by its path as given; a file in an archive is nested in it.
    let uri = |r: &serde_json::Value| {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap().to_string()
    };
    assert!(uri(&results[6]).ends_with("corpus/kubesphere/source/hello-world/extension.yaml"), "{}", uri(&results[6]));
    assert_eq!(uri(&results[0]), "clock/Chart.yaml");
    let region = &results[6]["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(10), Some(11)));
    assert_eq!(results[6]["level"], "warning");
}

#[test]
fn markdown_is_a_table_per_package() {
    let out = extcheck(&["check", "--format", "markdown", &corpus("kubesphere/source/hello-world")]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("## extcheck "), "{text}");
    assert!(text.contains("**hello-world 0.1.0** (KubeSphere extension): 0 errors, 1 warning, 1 info"), "{text}");
    assert!(text.contains("| Severity | Rule | Where | What | How to fix |"), "{text}");
    assert!(text.contains("| warning | `KS042` | `"), "{text}");
    assert!(text.contains("**Compatibility (KubeSphere):** installable on KubeSphere 4.1.0–4.2.1"), "{text}");
}

#[test]
fn a_zip_renamed_to_tgz() {
    let dir = TempDir::new("zip");
    let path = dir.file("extension.tgz", b"PK\x03\x04\x14\x00\x00\x00\x08\x00rest of a zip");
    let out = extcheck(&["check", "--format", "json", &path]);
    assert_eq!(out.status.code(), Some(2));
    let report = json(&out);
    assert_eq!(codes(&report), ["PKG001"]);
    assert!(report["packages"][0]["diagnostics"][0]["message"].as_str().unwrap().contains("zip archive"));
}

#[test]
fn a_truncated_gzip() {
    let dir = TempDir::new("truncated");
    let whole = std::fs::read(corpus("kubesphere/packaged/devops-1.1.3.tgz")).unwrap();
    let path = dir.file("devops.tgz", &whole[..whole.len() / 3]);
    let out = extcheck(&["check", "--format", "json", &path]);
    assert!(matches!(out.status.code(), Some(1 | 2)));
    let report = json(&out);
    assert!(codes(&report).contains(&"PKG001".to_string()), "{report}");
    let messages: Vec<&str> =
        report["packages"][0]["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("truncated")), "{messages:?}");
}

#[test]
fn a_gzip_bomb_inflating_to_1_gib_stops_at_the_limit() {
    let dir = TempDir::new("bomb");
    // One entry declaring 1 GiB of zeros (about 1 MiB compressed).
    let zeros = |w: &mut dyn Write| {
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..1024 {
            w.write_all(&chunk).unwrap();
        }
    };
    let path = dir.file("bomb.tgz", &tar_gz(&[("bomb/Chart.yaml", 1 << 30, &zeros)]));
    assert!(std::fs::metadata(&path).unwrap().len() < 2 << 20);
    let out = extcheck(&["check", "--format", "json", &path]);
    assert!(matches!(out.status.code(), Some(1 | 2)));
    let report = json(&out);
    assert_eq!(codes(&report), ["PKG003"]);
    assert!(report["packages"][0]["diagnostics"][0]["message"].as_str().unwrap().contains("100 MiB"));
}

#[test]
fn an_entry_climbing_out_with_dot_dot() {
    let dir = TempDir::new("traversal");
    let chart = b"apiVersion: v2\nname: evil\nversion: 1.0.0\n";
    let passwd = b"root:x:0:0:root:/root:/bin/sh\n";
    let path = dir.file(
        "evil.tgz",
        &tar_gz(&[
            ("evil/Chart.yaml", chart.len() as u64, &|w: &mut dyn Write| w.write_all(chart).unwrap()),
            ("../../etc/passwd", passwd.len() as u64, &|w: &mut dyn Write| w.write_all(passwd).unwrap()),
        ]),
    );
    let out = extcheck(&["check", "--format", "json", &path]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(codes(&report), ["PKG002"]);
    assert!(report["packages"][0]["diagnostics"][0]["message"].as_str().unwrap().contains("../../etc/passwd"));
}

#[test]
fn usage_errors_and_missing_paths_exit_2() {
    assert_eq!(extcheck(&["check"]).status.code(), Some(2));
    assert_eq!(extcheck(&["frobnicate"]).status.code(), Some(2));
    let out = extcheck(&["check", "/nonexistent/extcheck/path"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/extcheck/path"));
}

#[test]
fn range_reports_every_judge_with_reasons() {
    let out = extcheck(&["range", ">=1.19.0-0 <1.30.0", "v1.28.3-gke.100"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |label: &str| {
        text.lines().find(|l| l.contains(label)).unwrap_or_else(|| panic!("{label} in {text}")).to_string()
    };
    assert!(line("KubeSphere server").contains("rejected"), "{text}");
    assert!(line("Helm ≥ 3.19").contains("accepted"), "{text}");
    assert!(line("KubeSphere console").contains("accepted"), "{text}");
    assert!(
        text.contains("1.28.3-gke.100 is a prerelease and comparator <1.30.0 has none (Masterminds ≤ 3.3)"),
        "{text}"
    );

    let out = extcheck(&["range", ">= 2.10.0, < 2.11.0", "v2.10.1", "--field", "rancher-version", "--format", "json"]);
    let r = json(&out);
    let verdicts: Vec<(&str, &str)> = r["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| (j["component"].as_str().unwrap(), j["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("rancher_backend", "accepted"),
            ("rancher_extensions_page", "invalid_constraint"),
            ("rancher_load_gate", "invalid_constraint")
        ]
    );
    assert_eq!(r["suggestion"]["text"], ">= 2.10.0-0 < 2.11.0-0");
    assert_eq!(extcheck(&["range", "1", "1", "--field", "nope"]).status.code(), Some(2));
}

#[test]
fn rules_lists_and_explains() {
    let out = extcheck(&["rules"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().filter(|l| l.len() > 9 && l.as_bytes()[0].is_ascii_uppercase()).count(),
        extcheck_core::rules::registry::RULES.len(),
        "{text}"
    );
    let out = extcheck(&["rules", "ks001"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("KS001: Required field missing or empty\n"), "{text}");
    assert!(text.contains("How to fix") && !text.contains("## "), "{text}");
    assert_eq!(extcheck(&["rules", "NOPE"]).status.code(), Some(2));
}

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures").join(path).display().to_string()
}

#[test]
fn fix_writes_a_corrected_package_that_rechecks_clean() {
    let dir = TempDir::new("fix");
    let out = dir.0.join("demo.tgz").display().to_string();
    let input = fixture("_fix/rancher-chart-many/input");
    // Safe fixes only: RC010 (unsafe) is left, so the re-check still has an error.
    let safe = extcheck(&["check", &input, "--fix", &out, "--format", "json"]);
    assert_eq!(safe.status.code(), Some(1), "{}", String::from_utf8_lossy(&safe.stderr));
    let report = json(&safe);
    assert_eq!(codes(&report), ["RC010"].map(String::from));
    let applied: Vec<&str> =
        report["fix"]["applied"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert_eq!(applied, ["RC012", "RANGE001"]);
    // With the unsafe fixes the written chart re-checks clean, read back by a second run.
    let all = extcheck(&["check", &input, "--fix", &out, "--unsafe-fixes"]);
    assert_eq!(all.status.code(), Some(0), "{}", String::from_utf8_lossy(&all.stderr));
    assert!(String::from_utf8_lossy(&all.stderr).contains("4 fixes applied"));
    let again = extcheck(&["check", &out, "--format", "json"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(codes(&json(&again)), Vec::<String>::new());
}

#[test]
fn diff_prints_a_unified_diff_without_writing() {
    let input = fixture("_fix/rancher-chart-many/input");
    let out = extcheck(&["check", &input, "--diff"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("--- a/Chart.yaml\n+++ b/Chart.yaml\n"), "{text}");
    assert!(text.contains("-  catalog.cattle.io/dispaly-name: Demo  # shown in the Extensions page\n"), "{text}");
    assert!(text.contains("+  catalog.cattle.io/display-name: Demo  # shown in the Extensions page\n"), "{text}");
}

#[test]
fn diff_output_escapes_control_characters_like_the_text_report() {
    // SYN005's fix deletes the ESC; the context and removed lines still hold package text with
    // ESC, BEL, a lone CR and a C1 control, and a file name holds ESC.
    let dir = TempDir::new("diff-escape");
    std::fs::write(
        dir.0.join("extension.yaml"),
        "name: demo\nversion: 1.0.0\nnote: \"a\x1b]0;pwned\x07\"\nother: \"b\rc\u{9b}31m\"\n",
    )
    .unwrap();
    std::fs::write(dir.0.join("\x1b[31mred.png"), "x").unwrap();
    let out = extcheck(&["check", &dir.0.display().to_string(), "--diff"]);
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.contains("-note: \"a\\x1b]0;pwned\\x07\"\n"), "{text}");
    let raw: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(raw.is_empty(), "raw control characters {raw:?} in {text:?}");
}

#[test]
fn fix_packages_a_kubesphere_source_folder_as_ksbuilder() {
    let dir = TempDir::new("fix-ks");
    let out = extcheck(&["check", &corpus("kubesphere/source/cert-manager"), "--fix", &dir.0.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read(dir.0.join("cert-manager-1.0.0.tgz")).expect("named {name}-{version}.tgz");
    let chart = |bytes: &[u8]| {
        let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
        let mut entry = archive.entries().unwrap().next().unwrap().unwrap();
        assert_eq!(entry.path().unwrap().to_str(), Some("cert-manager/Chart.yaml"), "Chart.yaml comes first");
        let mut text = String::new();
        std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
        text
    };
    let packaged = std::fs::read(corpus("kubesphere/packaged/cert-manager-1.0.0.tgz")).unwrap();
    assert_eq!(chart(&written), chart(&packaged));
}

#[test]
fn fix_usage_errors_exit_2() {
    let input = fixture("_fix/rancher-chart-many/input");
    assert_eq!(extcheck(&["check", &input, "--unsafe-fixes"]).status.code(), Some(2));
    assert_eq!(extcheck(&["check", &input, &input, "--diff"]).status.code(), Some(2));
}

fn render_chart(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../render/tests/charts").join(name).display().to_string()
}

#[test]
fn template_prints_what_helm_template_prints() {
    let out = extcheck(&["template", &render_chart("helpers-include"), "--set", "nameOverride=zz"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("---\n# Source: helpers-include/templates/a.yaml\nmetadata:\n  name: zz\n"), "{text}");
    let out = extcheck(&[
        "template",
        &render_chart("basics"),
        "--format",
        "json",
        "--release-name",
        "r",
        "--namespace",
        "ns",
    ]);
    let v = json(&out);
    assert!(v["basics/templates/a.yaml"].as_str().unwrap().contains("Name:r Namespace:ns"), "{v}");
}

#[test]
fn template_failure_exits_1_with_the_tpl001_diagnostic_and_helms_message() {
    let chart = render_chart("err-fail");
    let out = extcheck(&["template", &chart]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "{chart}/templates/a.yaml:2:3: error[TPL001] The chart does not render: execution error at (err-fail/templates/a.yaml:2:3): custom failure"
        )
    );
    assert!(stderr.lines().nth(1).is_some_and(|l| l.starts_with("  help: ")), "{stderr}");
}

/// Helm 4.2.3 itself (`scripts/helm-oracle.py` with helm-python-sdk 0.2.2 in `.tools/helm-venv`,
/// installed by `scripts/setup`) rendering a chart archive: template path → text.
fn helm_oracle(tgz: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let py = root.join(".tools/helm-venv/bin/python");
    assert!(py.exists(), "the Helm oracle is missing at {}: run scripts/setup", py.display());
    let out = Command::new(py).arg(root.join("scripts/helm-oracle.py")).arg(tgz).output().expect("the oracle runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the oracle prints JSON");
    v["ok"].clone()
}

#[test]
fn template_renders_a_kubesphere_source_folder_as_the_package_ksbuilder_builds() {
    // the corpus holds both the source folder and the package ksbuilder built from it
    for (source, packaged) in [
        ("cert-manager", "cert-manager-1.0.0"),
        ("deepseek", "deepseek-0.1.0"),
        ("metrics-server", "metrics-server-0.7.1"),
    ] {
        let out = extcheck(&["template", &corpus(&format!("kubesphere/source/{source}")), "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{source}: {}", String::from_utf8_lossy(&out.stderr));
        let helm = helm_oracle(&corpus(&format!("kubesphere/packaged/{packaged}.tgz")));
        assert!(helm.as_object().is_some_and(|m| !m.is_empty()), "{packaged}: Helm rendered nothing");
        assert_eq!(
            json(&out),
            helm,
            "{source}: extcheck's render of the source folder differs from Helm's of the package"
        );
    }
    // hello-world has no published package: Helm renders the one ksbuilder would write
    let source = corpus("kubesphere/source/hello-world");
    let read = extcheck_core::package::fs::read_path(Path::new(&source)).unwrap().1.package.unwrap();
    let built = extcheck_core::kubesphere::build::ksbuilder_package(&read).unwrap();
    let dir = TempDir::new("ks-template");
    let tgz =
        extcheck_core::package::write::write_tgz(&built.files, &built.name, extcheck_core::package::write::Order::Helm);
    let tgz = dir.file("hello-world.tgz", &tgz);
    let out = extcheck(&["template", &source, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let ours = json(&out);
    assert!(ours.as_object().unwrap().keys().all(|k| k.starts_with("hello-world/")), "{ours}");
    assert_eq!(ours, helm_oracle(&tgz));
}

/// `--lang zh` (or a `zh*` locale) prints messages, help and headings in Chinese; codes, JSON
/// field names and positions stay the same (issue 16).
#[test]
fn chinese_on_a_corpus_package() {
    let path = corpus("kubesphere/packaged/cert-manager-1.0.0.tgz");
    let en = extcheck(&["check", "--format", "json", &path]);
    let zh = extcheck(&["check", "--lang", "zh", "--format", "json", &path]);
    let (en, zh) = (json(&en), json(&zh));
    assert!(!codes(&en).is_empty());
    assert_eq!(codes(&en), codes(&zh));
    let messages = |r: &serde_json::Value, key: &str| -> Vec<String> {
        r["packages"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d[key].as_str().unwrap().to_string())
            .collect()
    };
    for key in ["message", "help"] {
        for (e, z) in messages(&en, key).iter().zip(messages(&zh, key)) {
            assert_ne!(e, &z, "{key} not translated");
            assert!(z.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{key}: {z}");
        }
    }
    let summary = zh["packages"][0]["matrix"]["summary"].as_str().unwrap().to_string();
    assert!(summary.starts_with("可安装于 KubeSphere"), "the matrix follows the language: {summary}");
    let strip = |mut r: serde_json::Value| {
        for d in r["packages"][0]["diagnostics"].as_array_mut().unwrap() {
            d["message"] = "".into();
            d["help"] = "".into();
        }
        // Verdicts stay; texts follow the language.
        let m = &mut r["packages"][0]["matrix"];
        let verdicts: Vec<serde_json::Value> =
            m["cells"].as_array().unwrap().iter().map(|c| c["verdict"].clone()).collect();
        *m = verdicts.into();
        r
    };
    assert_eq!(strip(en), strip(zh), "only messages, help and the matrix's texts follow the language");

    let text = extcheck_in(&[("LANG", "zh_CN.UTF-8")], &["check", &path]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("帮助: ") && text.contains("KubeSphere 扩展组件 cert-manager 1.0.0: 0 个错误，"), "{text}");
    assert!(text.contains("warning[TPL013]"), "severity names and codes stay: {text}");
    let c = extcheck_in(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], &["check", &path]);
    assert!(String::from_utf8(c.stdout).unwrap().contains("help: "), "LC_ALL wins over LANG");
    let md = extcheck_in(&[("LANG", "en_US.UTF-8")], &["check", "--lang", "zh", "--format", "markdown", &path]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("| 严重级别 | 规则 | 位置 | 问题 | 如何修复 |") && md.contains("**兼容性（KubeSphere）：**"),
        "{md}"
    );
}
