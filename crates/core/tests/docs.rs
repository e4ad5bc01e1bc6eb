//! The checked-in documentation generated from the code: `docs/rules.md` is the rule registry
//! rendered by `extcheck_core::rules::registry::catalogue_markdown`. Stale → this test fails;
//! `EXTCHECK_BLESS=1 cargo test -p extcheck-core --test docs` rewrites it.

use std::path::Path;

#[test]
fn docs_rules_md_is_generated_from_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let want = extcheck_core::rules::registry::catalogue_markdown();
    if std::env::var_os("EXTCHECK_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "docs/rules.md is stale: run `EXTCHECK_BLESS=1 cargo test -p extcheck-core --test docs`");
}

#[test]
fn every_relative_link_in_the_readme_and_docs_resolves() {
    // The repository stands alone: every relative link in README.md and docs/**/*.md names a
    // file or folder inside it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("README.md"), root.join("testdata/PROVENANCE.md")];
    let mut stack = vec![root.join("docs")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    let mut bad = Vec::new();
    for f in &files {
        let text = without_code(&std::fs::read_to_string(f).unwrap());
        let mut rest = text.as_str();
        while let Some(i) = rest.find("](") {
            rest = &rest[i + 2..];
            let Some(end) = rest.find(')') else { break };
            let target = &rest[..end];
            rest = &rest[end..];
            let target = target.split('#').next().unwrap_or("");
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            if !f.parent().unwrap().join(target).exists() {
                bad.push(format!("{}: {target}", f.strip_prefix(&root).unwrap().display()));
            }
        }
    }
    assert!(bad.is_empty(), "links that do not resolve inside the repository:\n{}", bad.join("\n"));
}

/// `text` without fenced code blocks and inline code spans (a regex such as `[a-z]([-a-z])` is
/// not a link).
fn without_code(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                out.push_str(part);
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_rule_has_its_chinese_docs_with_the_five_sections() {
    // `crates/core/docs/rules/zh/<CODE>.md`: the same title line and the five sections, in order.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules/zh");
    let mut missing = Vec::new();
    for r in extcheck_core::rules::registry::RULES {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{}.md", r.code))) else {
            missing.push(format!("{}: no zh docs", r.code));
            continue;
        };
        if !text.starts_with(&format!("# {}: ", r.code)) {
            missing.push(format!("{}: title line", r.code));
        }
        let mut at = 0;
        for section in ["## 检查内容", "## 为什么重要", "## 示例", "## 如何修复", "## 来源"] {
            match text[at..].find(section) {
                Some(i) => at += i + section.len(),
                None => missing.push(format!("{}: no `{section}` after the previous section", r.code)),
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
