//! Hostile input through the whole pipeline (read, check, every report format), run on a
//! thread with a 1 MiB stack — about what a browser gives WebAssembly — so that any recursion
//! proportional to the input would overflow here before it overflows the page.

use extcheck_core::package::read_file;
use extcheck_core::report::export::Export;
use extcheck_core::{Report, check};

/// Stack of the checking thread: 1 MiB.
const STACK: usize = 1 << 20;

/// Reads `bytes` as the file `name`, checks it and renders every report format, on a 1 MiB
/// stack. Returns the report.
fn check_small_stack(name: &str, bytes: Vec<u8>) -> Report {
    let name = name.to_string();
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let report = check(&name, read_file(&name, bytes));
            for export in Export::ALL {
                assert!(!export.render(std::slice::from_ref(&report)).is_empty());
            }
            let _ = extcheck_core::report::text::render(&report, false);
            report
        })
        .unwrap()
        .join()
        .expect("the check panicked or overflowed")
}

fn codes(report: &Report) -> Vec<(&str, String)> {
    report.packages.iter().flat_map(|p| &p.diagnostics).map(|d| (d.code, d.message.clone())).collect()
}

fn has(report: &Report, code: &str, needle: &str) -> bool {
    codes(report).iter().any(|(c, m)| *c == code && m.contains(needle))
}

#[test]
fn block_sequences_nested_140000_deep_are_a_syn001_not_a_stack_overflow() {
    let text = format!("{}x\n", "- ".repeat(140_000));
    let report = check_small_stack("extension.yaml", text.into_bytes());
    assert!(has(&report, "SYN001", "nested deeper than 10000 levels"), "{:?}", codes(&report));
}

#[test]
fn flow_and_mapping_nesting_over_the_limit_is_a_syn001() {
    for text in [
        format!("{}{}", "[".repeat(140_000), "]".repeat(140_000)),
        format!("{}1{}", "{a: ".repeat(20_000), "}".repeat(20_000)),
        format!("name: x\nversion: 1.0.0\nkeywords:\n  {}x\n", "- ".repeat(20_000)),
    ] {
        let report = check_small_stack("extension.yaml", text.into_bytes());
        assert!(has(&report, "SYN001", "nested deeper than"), "{:?}", codes(&report));
    }
}

#[test]
fn nesting_at_the_limit_is_read_like_go_reads_it() {
    // 10,000 block levels is what Go's reader still accepts: read, walked and dropped on 1 MiB
    // (flow collections stop at 255 levels in the parser extcheck uses).
    for text in [
        format!("{}x\n", "- ".repeat(10_000)),
        format!("{}{}", "[".repeat(255), "]".repeat(255)),
        format!("a: {}1{}", "{a: ".repeat(255), "}".repeat(255)),
        format!("a:\n{}", (1..2_000).map(|i| format!("{}a:\n", " ".repeat(i))).collect::<String>()),
    ] {
        let report = check_small_stack("extension.yaml", text.into_bytes());
        assert!(!has(&report, "SYN001", "nested deeper"), "{:?}", codes(&report));
        assert!(has(&report, "KS001", ""), "{:?}", codes(&report));
    }
}

#[test]
fn deep_json_is_a_syn001() {
    let deep = format!("{}{}", "[".repeat(140_000), "]".repeat(140_000));
    let text = format!("{{\"name\": \"x\", \"rancher\": {{\"annotations\": {{}}}}, \"deep\": {deep}}}");
    let report = check_small_stack("package.json", text.into_bytes());
    assert!(has(&report, "SYN001", "nesting deeper than"), "{:?}", codes(&report));
}

#[test]
fn an_alias_bomb_is_refused_as_go_refuses_it() {
    let mut text = String::from("name: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 10].join(", ")));
    }
    let report = check_small_stack("extension.yaml", text.into_bytes());
    assert!(has(&report, "SYN001", "excessive aliasing"), "{:?}", codes(&report));
    // A few aliases, as real charts use them, are fine.
    let report = check_small_stack("extension.yaml", b"name: x\nbase: &b {a: 1}\nother: *b\n".to_vec());
    assert!(!has(&report, "SYN001", ""), "{:?}", codes(&report));
}

#[test]
fn an_empty_or_comment_only_extension_yaml_lacks_every_required_field() {
    for text in ["", "# nothing\n", "~\n", "---\n"] {
        let report = check_small_stack("extension.yaml", text.as_bytes().to_vec());
        let missing = codes(&report).iter().filter(|(c, m)| *c == "KS001" && m.contains("is missing")).count();
        assert_eq!(missing, 8, "{text:?}: {:?}", codes(&report));
    }
}

#[test]
fn a_huge_constraint_is_checked_once_in_linear_time() {
    let groups: Vec<String> = (0..10_000).map(|i| format!("~1.{i}")).collect();
    let text = format!("apiVersion: v2\nname: x\nversion: 1.0.0\nkubeVersion: \"{}\"\n", groups.join(" || "));
    let started = std::time::Instant::now();
    let report = check_small_stack("Chart.yaml", text.into_bytes());
    assert!(has(&report, "RANGE001", "too large to check"), "{:?}", codes(&report));
    // Debug build; about 0.1 s in release.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    let json = extcheck_core::report::json::to_string(&report);
    assert!(json.len() < 2_000_000, "the report repeats the constraint: {} bytes", json.len());
}

#[test]
fn diagnostics_are_capped_per_rule_and_file() {
    let text: String = (0..100_000).map(|i| format!("k: {i}\n")).collect();
    let report = check_small_stack("extension.yaml", format!("name: x\n{text}").into_bytes());
    let syn002 = codes(&report).iter().filter(|(c, _)| *c == "SYN002").count();
    assert_eq!(syn002, extcheck_core::check::MAX_PER_RULE_AND_FILE + 1);
    assert!(has(&report, "SYN002", "and 99949 more SYN002 findings"), "{:?}", codes(&report));
}

#[test]
fn a_damaged_gzip_trailer_is_reported() {
    use std::io::Write;
    let mut tar = tar::Builder::new(Vec::new());
    let body = b"apiVersion: v2\nname: x\nversion: 1.0.0\n";
    let mut header = tar::Header::new_gnu();
    header.set_size(body.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    tar.append_data(&mut header, "x/Chart.yaml", &body[..]).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar.into_inner().unwrap()).unwrap();
    let good = gz.finish().unwrap();
    let mut bad_crc = good.clone();
    let at = bad_crc.len() - 8;
    bad_crc[at] ^= 0xff;
    for (bytes, needle) in [(bad_crc, "does not match its data"), (good[..good.len() - 4].to_vec(), "cut short")] {
        let report = check_small_stack("x.tgz", bytes);
        assert!(has(&report, "PKG001", needle), "{:?}", codes(&report));
    }
    assert!(!has(&check_small_stack("x.tgz", good), "PKG001", ""));
}

#[test]
fn deeply_nested_markdown_is_parsed_walked_and_dropped_on_a_small_stack() {
    for deep in [
        format!("{}x\n", "> ".repeat(20_000)),
        format!("{}x\n", "- ".repeat(20_000)),
        format!("{}x\n", (0..2_000).map(|i| format!("{}- a\n", "  ".repeat(i))).collect::<String>()),
        format!("{}x{}\n", "*a ".repeat(20_000), " a*".repeat(20_000)),
        format!("{}x{}\n", "[".repeat(20_000), "](u)".repeat(20_000)),
    ] {
        std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || {
                let blocks = extcheck_core::markdown::parse(&deep);
                assert!(extcheck_core::markdown::to_text(&blocks).contains('x'), "the text is kept");
            })
            .unwrap()
            .join()
            .expect("markdown parsing overflowed the stack");
    }
}
