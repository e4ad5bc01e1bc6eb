//! The exports (PRODUCT.md "Exports") on every corpus package and every rule fixture:
//!
//! * SARIF 2.1.0: the log reads back into the SARIF model generated from the OASIS schema
//!   (`serde-sarif`); every result names its rule (`ruleId` = the rule at `ruleIndex`), its
//!   level, and the diagnostic's place (artifact, lines, columns, byte offset and length);
//!   files inside archives are nested artifacts of the archive; and every SARIF fix, applied
//!   to the original bytes, gives what the fix engine gives.
//! * Markdown: a GFM table with one row of five cells per diagnostic, no HTML, no link and no
//!   image, whatever the package contains.

mod common;

use std::path::Path;

use common::{check_path, corpus_inputs, fixture_inputs};
use extcheck_core::package::{FolderEntry, Origin, read_folder};
use extcheck_core::report::export::Export;
use extcheck_core::{Report, Severity};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

fn all_reports() -> Vec<Report> {
    corpus_inputs().iter().chain(fixture_inputs().iter()).map(|p| check_path(p)).collect()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Applies SARIF replacements (byte regions) to `bytes`, last first.
fn apply_replacements(bytes: &[u8], replacements: &[Value]) -> Vec<u8> {
    let mut edits: Vec<(usize, usize, &str)> = replacements
        .iter()
        .map(|r| {
            let region = &r["deletedRegion"];
            let start = region["byteOffset"].as_u64().unwrap() as usize;
            let len = region["byteLength"].as_u64().unwrap() as usize;
            (start, start + len, r["insertedContent"]["text"].as_str().unwrap())
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = bytes.to_vec();
    for (start, end, text) in edits {
        out.splice(start..end, text.bytes());
    }
    out
}

#[test]
fn sarif_results_match_the_diagnostics() {
    let mut results_seen = 0;
    let mut fixes_seen = 0;
    for report in all_reports() {
        let text = Export::Sarif.render(std::slice::from_ref(&report));
        let model: serde_sarif::sarif::Sarif =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not SARIF: {e}", report.input));
        assert_eq!(model.version, Value::from("2.1.0"));
        let log: Value = serde_json::from_str(&text).unwrap();
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "extcheck");
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let artifacts = run["artifacts"].as_array().unwrap();
        // Suppressed findings are results too, with `suppressions`; the others are the diagnostics.
        let (suppressed, results): (Vec<&Value>, Vec<&Value>) =
            run["results"].as_array().unwrap().iter().partition(|r| r.get("suppressions").is_some());
        let kinds: Vec<Value> =
            report.packages.iter().flat_map(|p| &p.suppressed).map(|x| serde_json::to_value(x.kind).unwrap()).collect();
        let listed: Vec<Value> = suppressed.iter().map(|r| r["suppressions"][0]["kind"].clone()).collect();
        assert_eq!(listed, kinds, "{}", report.input);
        let diagnostics: Vec<_> =
            report.packages.iter().flat_map(|p| p.diagnostics.iter().map(move |d| (p, d))).collect();
        assert_eq!(results.len(), diagnostics.len(), "{}", report.input);
        for (result, (package, d)) in results.iter().zip(&diagnostics) {
            let at = format!("{} {}", report.input, d.code);
            assert_eq!(result["ruleId"], d.code, "{at}");
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], d.code, "{at}");
            assert!(rules[index]["help"]["markdown"].as_str().unwrap().starts_with(&format!("# {}", d.code)), "{at}");
            assert_eq!(result["level"], level(d.severity), "{at}");
            assert!(result["message"]["text"].as_str().unwrap().starts_with(&d.message), "{at}");
            let physical = &result["locations"][0]["physicalLocation"];
            let artifact = &physical["artifactLocation"];
            let listed = &artifacts[artifact["index"].as_u64().unwrap() as usize];
            assert_eq!(listed["location"]["uri"], artifact["uri"], "{at}");
            match (&package.origin, &d.file) {
                (Origin::Archive { .. }, Some(file)) => {
                    assert_eq!(artifact["uri"], format!("{}{file}", package.root), "{at}");
                    let parent = &artifacts[listed["parentIndex"].as_u64().expect("nested in the archive") as usize];
                    assert!(
                        report
                            .input
                            .ends_with(parent["location"]["uri"].as_str().unwrap().trim_start_matches("file://")),
                        "{at}"
                    );
                }
                (Origin::Folder { .. }, Some(file)) => {
                    assert!(artifact["uri"].as_str().unwrap().ends_with(&format!("{}{file}", package.root)), "{at}");
                    assert!(listed.get("parentIndex").is_none(), "{at}");
                }
                _ => {}
            }
            match &d.location {
                Some(l) => {
                    let region = &physical["region"];
                    assert_eq!(region["startLine"], l.start.line, "{at}");
                    assert_eq!(region["startColumn"], l.start.column, "{at}");
                    assert_eq!(region["endLine"], l.end.line, "{at}");
                    assert_eq!(region["endColumn"], l.end.column, "{at}");
                    assert_eq!(region["byteOffset"], l.span.start, "{at}");
                    assert_eq!(region["byteLength"], l.span.end - l.span.start, "{at}");
                }
                None => assert!(physical.get("region").is_none(), "{at}"),
            }
            let sarif_fixes = result["fixes"].as_array().map(Vec::as_slice).unwrap_or_default();
            match &d.fix {
                Some(fix) if fix.operations.is_empty() && !fix.edits.is_empty() => {
                    assert_eq!(sarif_fixes.len(), 1, "{at}");
                    assert_eq!(sarif_fixes[0]["description"]["text"], fix.title.as_str(), "{at}");
                    for change in sarif_fixes[0]["artifactChanges"].as_array().unwrap() {
                        let uri = change["artifactLocation"]["uri"].as_str().unwrap();
                        let file = fix.edits.iter().map(|e| &e.file).find(|f| uri.ends_with(f.as_str())).unwrap();
                        let original = package.package.bytes(file).unwrap();
                        let mut ours: Vec<_> = fix.edits.iter().filter(|e| &e.file == file).collect();
                        let expected = extcheck_core::fix::apply_edits(original, &mut ours);
                        let got = apply_replacements(original, change["replacements"].as_array().unwrap());
                        assert_eq!(got, expected, "{at}: {file}");
                    }
                    fixes_seen += 1;
                }
                Some(_) => {
                    assert!(sarif_fixes.is_empty(), "{at}");
                    assert!(result["properties"]["fixTitle"].is_string(), "{at}");
                }
                None => assert!(sarif_fixes.is_empty(), "{at}"),
            }
            results_seen += 1;
        }
    }
    // The corpus and fixtures hold well over a hundred diagnostics, dozens with byte-edit fixes.
    assert!(results_seen > 100, "{results_seen}");
    assert!(fixes_seen > 30, "{fixes_seen}");
}

#[test]
fn sarif_for_several_inputs_lists_each_artifact_once() {
    let reports: Vec<Report> = corpus_inputs().iter().map(|p| check_path(p)).collect();
    let log: Value = serde_json::from_str(&Export::Sarif.render(&reports)).unwrap();
    let run = &log["runs"][0];
    let artifacts = run["artifacts"].as_array().unwrap();
    let mut keys: Vec<(Option<u64>, &str)> =
        artifacts.iter().map(|a| (a["parentIndex"].as_u64(), a["location"]["uri"].as_str().unwrap())).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "an artifact is listed twice");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let m = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), m, "a rule is listed twice");
    let total: usize = reports.iter().map(|r| r.packages.iter().map(|p| p.diagnostics.len()).sum::<usize>()).sum();
    assert_eq!(run["results"].as_array().unwrap().len(), total);
}

/// What pulldown-cmark (GFM tables) makes of a Markdown report: rows of cell texts, and
/// whether any HTML, link or image appeared.
struct Parsed {
    rows: Vec<Vec<String>>,
    html: Vec<String>,
    links: usize,
    text: String,
}

fn parse(markdown: &str) -> Parsed {
    let mut parsed = Parsed { rows: Vec::new(), html: Vec::new(), links: 0, text: String::new() };
    let mut in_head = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) if !in_head => parsed.rows.push(Vec::new()),
            Event::Start(Tag::TableCell) if !in_head => {
                if let Some(row) = parsed.rows.last_mut() {
                    row.push(String::new());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                parsed.text.push_str(&t);
                if !in_head && let Some(cell) = parsed.rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => parsed.html.push(h.to_string()),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => parsed.links += 1,
            _ => {}
        }
    }
    parsed
}

#[test]
fn markdown_has_one_row_per_diagnostic_and_no_html() {
    for report in all_reports() {
        let markdown = Export::Markdown.render(std::slice::from_ref(&report));
        let parsed = parse(&markdown);
        let diagnostics: Vec<_> = report.packages.iter().flat_map(|p| &p.diagnostics).collect();
        assert_eq!(parsed.rows.len(), diagnostics.len(), "{}:\n{markdown}", report.input);
        for (row, d) in parsed.rows.iter().zip(&diagnostics) {
            assert_eq!(row.len(), 5, "{}: {row:?}", report.input);
            assert_eq!(row[0], d.severity.as_str());
            assert_eq!(row[1], d.code);
            if let Some(l) = &d.location {
                assert!(row[2].ends_with(&format!(":{}:{}", l.start.line, l.start.column)), "{row:?}");
            }
            // The message reads the same once rendered (backticks become code spans).
            assert_eq!(row[3], d.message.replace('`', "").replace('\n', " "), "{}", report.input);
        }
        assert!(parsed.html.is_empty(), "{}: {:?}", report.input, parsed.html);
        assert_eq!(parsed.links, 0, "{}", report.input);
    }
}

/// A package whose values try to break out of the table and inject HTML and links.
#[test]
fn markdown_keeps_hostile_values_as_text() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/KS042/input");
    let hostile = "x|y <script>alert(1)</script> [a](https://e.example) ![i](https://e.example/i.png) `tick` *b* www.e.example a@e.example";
    let entries: Vec<FolderEntry> = walk(&fixture)
        .into_iter()
        .map(|(path, bytes)| {
            let bytes = if path == "extension.yaml" {
                let text = String::from_utf8(bytes).unwrap();
                let quoted = serde_json::to_string(hostile).unwrap();
                text.replace("category: devtools", &format!("category: {quoted}"))
                    .replace("name: demo\n", &format!("name: {quoted}\n"))
                    .into_bytes()
            } else {
                bytes
            };
            FolderEntry::File { path, bytes }
        })
        .collect();
    let report = extcheck_core::check("evil | <b>folder</b>", read_folder("evil", entries));
    let markdown = Export::Markdown.render(std::slice::from_ref(&report));
    let parsed = parse(&markdown);
    assert!(parsed.html.is_empty(), "{:?}\n{markdown}", parsed.html);
    assert_eq!(parsed.links, 0, "{markdown}");
    let diagnostics: usize = report.packages.iter().map(|p| p.diagnostics.len()).sum();
    assert_eq!(parsed.rows.len(), diagnostics, "{markdown}");
    assert!(parsed.rows.iter().all(|r| r.len() == 5), "{:?}", parsed.rows);
    // The hostile category is reported (not a label value: KS041), and reads as the package
    // wrote it; only its backticks are lost, since messages mark code with backticks.
    let ks041 = parsed.rows.iter().find(|r| r[1] == "KS041").unwrap_or_else(|| panic!("KS041 fires:\n{markdown}"));
    assert!(ks041[3].contains(&hostile.replace('`', "")), "{:?}", ks041[3]);
    assert!(parsed.text.contains("<script>alert(1)</script>"));
}

fn walk(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn export_file_names() {
    let report = check_path(&common::packaged("cert-manager"));
    assert_eq!(Export::Sarif.file_name(std::slice::from_ref(&report)), "extcheck-cert-manager-1.0.0.sarif");
    assert_eq!(Export::Markdown.file_name(std::slice::from_ref(&report)), "extcheck-cert-manager-1.0.0.md");
    let unreadable = extcheck_core::check(
        "../odd name!.tgz",
        extcheck_core::package::read_file("odd name!.tgz", b"PK\x03\x04".to_vec()),
    );
    assert_eq!(Export::Json.file_name(std::slice::from_ref(&unreadable)), "extcheck-oddname.json");
    assert_eq!(Export::Json.file_name(&[]), "extcheck-report.json");
    for format in Export::ALL {
        assert!(format.render(std::slice::from_ref(&report)).ends_with('\n'));
    }
}

#[test]
fn snapshots_of_a_many_rule_fixture() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/_fix/rancher-chart-many/input");
    let (_, read) = extcheck_core::package::fs::read_path(&input).unwrap();
    let report = extcheck_core::check("rancher-chart-many", read);
    let reports = std::slice::from_ref(&report);
    insta::assert_snapshot!("rancher-chart-many-markdown", Export::Markdown.render(reports));
    insta::assert_snapshot!("rancher-chart-many-sarif", Export::Sarif.render(reports));
}
