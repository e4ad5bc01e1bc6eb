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
