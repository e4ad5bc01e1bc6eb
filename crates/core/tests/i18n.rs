//! The English and Chinese messages (`crates/core/locales/{en,zh-CN}/*.ftl`, [`extcheck_core::i18n`]):
//! both languages have the same message ids, file by file, none missing and none unused by the
//! code; a Chinese message uses only arguments its English one has; every diagnostic of the
//! corpus and of every rule fixture renders in both languages without a Fluent error; and one
//! text report per rule group is snapshotted in Chinese.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use extcheck_core::i18n::{Lang, resources};
use extcheck_core::report;

/// `id → text` of one `.ftl` file (`#` starts a comment; indented lines continue an entry).
fn entries(text: &str) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut last: Option<String> = None;
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        if line.starts_with(' ') {
            let id = last.as_ref().unwrap_or_else(|| panic!("continuation without an entry: {line}"));
            if let Some(v) = out.get_mut(id) {
                v.push_str(line);
            }
            continue;
        }
        let (id, value) = line.split_once(" = ").unwrap_or_else(|| panic!("not `id = value`: {line}"));
        assert!(out.insert(id.to_string(), value.to_string()).is_none(), "duplicate id {id}");
        last = Some(id.to_string());
    }
    out
}

fn variables(value: &str) -> BTreeSet<String> {
    value.split("{ $").skip(1).map(|rest| rest.split([' ', '}']).next().unwrap_or("").to_string()).collect()
}

fn all_ids(lang: Lang) -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    for (file, text) in resources(lang) {
        let resource = fluent_bundle::FluentResource::try_new((*text).to_string());
        assert!(resource.is_ok(), "{}/{file}.ftl does not parse: {:?}", lang.tag(), resource.err().map(|e| e.1));
        for (id, value) in entries(text) {
            assert!(all.insert(id.clone(), value).is_none(), "{id} is defined twice in {}", lang.tag());
        }
    }
    all
}

#[test]
fn both_languages_have_the_same_ids_file_by_file_and_the_same_arguments() {
    let en = resources(Lang::En);
    let zh = resources(Lang::ZhCn);
    assert_eq!(en.iter().map(|r| r.0).collect::<Vec<_>>(), zh.iter().map(|r| r.0).collect::<Vec<_>>());
    for ((file, en_text), (_, zh_text)) in en.iter().zip(zh) {
        let (en, zh) = (entries(en_text), entries(zh_text));
        let missing_zh: Vec<_> = en.keys().filter(|id| !zh.contains_key(*id)).collect();
        let missing_en: Vec<_> = zh.keys().filter(|id| !en.contains_key(*id)).collect();
        assert!(missing_zh.is_empty(), "{file}.ftl: no Chinese for {missing_zh:?}");
        assert!(missing_en.is_empty(), "{file}.ftl: Chinese only for {missing_en:?}");
        for (id, en_value) in &en {
            let extra: Vec<_> = variables(&zh[id]).difference(&variables(en_value)).cloned().collect();
            assert!(extra.is_empty(), "{id}: the Chinese message uses {extra:?}, which the English one is not given");
        }
    }
    all_ids(Lang::En);
    all_ids(Lang::ZhCn);
}

/// Every message id named in the code (`msg!("…"`, `Message::new("…"`, `text("…"`, and the
/// id tables of `Kind::label_in` and the reports), in the core and the CLI.
fn ids_in_code() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("src"), root.join("../cli/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // Test modules name made-up ids on purpose.
                let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
                // Every `"` followed by id characters and a closing `"` (not relying on
                // quotes pairing up: the code has `'"'` and `\"`).
                for (at, _) in text.match_indices('"') {
                    let rest = &text[at + 1..];
                    let len =
                        rest.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')).unwrap_or(0);
                    if !rest[len..].starts_with('"') {
                        continue;
                    }
                    let quoted = &rest[..len];
                    let is_id = rule_prefixed(quoted)
                        || ["report-", "kind-", "config-", "tpl-", "k8s-", "matrix-", "range-"]
                            .iter()
                            .any(|p| quoted.starts_with(p));
                    if is_id {
                        out.insert(quoted.to_string());
                    }
                }
            }
        }
    }
    out
}

/// `ks010-…`, `pkg001-…`: a rule code in lowercase, then `-`.
fn rule_prefixed(id: &str) -> bool {
    let group: String = id.chars().take_while(char::is_ascii_lowercase).collect();
    let rest = &id.as_bytes()[group.len()..];
    ["pkg", "syn", "range", "ks", "rc", "helm", "sup", "tpl"].contains(&group.as_str())
        && rest.len() > 4
        && rest[..3].iter().all(u8::is_ascii_digit)
        && rest[3] == b'-'
}

#[test]
fn every_id_is_used_and_every_id_used_exists() {
    let defined: BTreeSet<String> = all_ids(Lang::En).into_keys().collect();
    let used = ids_in_code();
    let unused: Vec<_> = defined.difference(&used).collect();
    let undefined: Vec<_> = used.difference(&defined).collect();
    assert!(unused.is_empty(), "ids no code uses: {unused:?}");
    assert!(undefined.is_empty(), "ids the code uses but no .ftl defines: {undefined:?}");
}

#[test]
fn every_diagnostic_of_the_corpus_and_the_fixtures_renders_in_both_languages() {
    let mut inputs = common::corpus_inputs();
    inputs.extend(common::fixture_inputs());
    let (mut total, mut localisable, mut same) = (0, 0, 0);
    let mut plain = BTreeSet::new();
    for input in &inputs {
        let report = common::check_path(input);
        for d in
            report.packages.iter().flat_map(|p| p.diagnostics.iter().chain(p.suppressed.iter().map(|s| &s.diagnostic)))
        {
            total += 1;
            for (source, english) in [(&d.message_source, &d.message), (&d.help_source, &d.help)] {
                let Some(m) = source else {
                    plain.insert(format!("{}: {english}", d.code));
                    continue;
                };
                localisable += 1;
                assert_eq!(&m.try_render(Lang::En).unwrap(), english, "{}: {}", input.display(), m.id);
                let zh = m
                    .try_render(Lang::ZhCn)
                    .unwrap_or_else(|e| panic!("{}: {} in Chinese: {e}", input.display(), m.id));
                if &zh == english {
                    same += 1;
                }
            }
        }
    }
    eprintln!(
        "{total} diagnostics; {localisable} messages and helps localisable, {same} of them the same in Chinese; {} plain",
        plain.len()
    );
    assert!(plain.is_empty(), "messages and helps without a Fluent message: {plain:#?}");
}

/// One Chinese text report per rule group, on its fixture.
#[test]
fn chinese_reports_per_group() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for case in ["PKG005", "SYN002", "RANGE003", "KS010", "RC011", "HELM002", "SUP001", "TPL011"] {
        let dir = fixtures.join(case);
        let input = if dir.join("input.tgz").exists() { dir.join("input.tgz") } else { dir.join("input") };
        let (_, read) = extcheck_core::package::fs::read_path(&input).unwrap();
        let shown = input.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string();
        let mut report = extcheck_core::config::check_in_tree(&shown, read);
        report.localize(Lang::ZhCn);
        let text = report::text::render_in(&report, false, Lang::ZhCn);
        assert!(text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{case}: no Chinese in\n{text}");
        insta::assert_snapshot!(format!("zh_{case}"), text);
    }
}

/// A report sent as JSON (the web app's worker to its page) keeps its messages' sources, so
/// the receiver renders it in Chinese exactly as the sender would.
#[test]
fn diagnostics_read_back_from_json_localise_the_same() {
    let report = common::check_path(&common::corpus("kubesphere/packaged/cert-manager-1.0.0.tgz"));
    let diagnostics = &report.packages[0].diagnostics;
    let json = serde_json::to_string(diagnostics).unwrap();
    let mut back: Vec<extcheck_core::Diagnostic> = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, diagnostics);
    let mut direct = diagnostics.clone();
    direct.iter_mut().chain(back.iter_mut()).for_each(|d| d.localize(Lang::ZhCn));
    assert_eq!(back, direct);
    assert!(back.iter().all(|d| d.message_source.is_some() && d.help_source.is_some()));
}

/// The matrix of every corpus package renders in Chinese (gate names, reasons, summaries, row
/// notes: every source renders without a Fluent error and the summary has Chinese), and back
/// in English exactly as checked; its Rancher dashboard texts follow `zh-hans.yaml` where it has
/// them (`plugins.incompatible*`, `plugins.error.*`).
#[test]
fn every_corpus_matrix_renders_in_chinese_and_back() {
    let mut matrices = 0;
    let mut dashboard_zh = false;
    for input in common::corpus_inputs() {
        let report = common::check_path(&input);
        for package in &report.packages {
            let Some(english) = &package.matrix else { continue };
            matrices += 1;
            let mut m = english.clone();
            m.localize(Lang::ZhCn);
            let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(han(&m.summary), "{}: {}", input.display(), m.summary);
            for cell in &m.cells {
                for g in &cell.gates {
                    assert!(han(g.name), "{}: gate {}", input.display(), g.id);
                    let source = g.reason_source.as_ref().map(|s| s.try_render(Lang::ZhCn));
                    assert!(source.is_none_or(|r| r.is_ok()), "{}: {}", input.display(), g.reason);
                    dashboard_zh |= g.message.as_deref().is_some_and(|m| m.starts_with("此扩展"));
                }
            }
            assert!(
                m.rows
                    .iter()
                    .all(|r| r.note_source.is_none() || r.note.as_deref().is_some_and(|n| !n.contains("matrix-")))
            );
            m.localize(Lang::En);
            assert_eq!(&m, english, "{}: English again", input.display());
        }
    }
    assert!(matrices >= 20, "{matrices}");
    assert!(dashboard_zh, "no corpus package shows a dashboard message that zh-hans.yaml translates");
}
