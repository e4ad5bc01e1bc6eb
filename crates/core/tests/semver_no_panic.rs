//! No input makes any parse, check, judge or rewrite entry point panic (a panic aborts the
//! WebAssembly instance). Two generators: arbitrary strings up to 1 KiB, and strings over a
//! range-like alphabet (operators, digits, wildcards, `v`, `-`, `+`, `||`, commas, Unicode
//! spaces, huge numbers) that reach deep into the grammars.

use extcheck_core::semver::judge::{Component, Field, judge_all};
use extcheck_core::semver::masterminds::{self, Constraints, Profile, Version};
use extcheck_core::semver::{node, rewrite};
use proptest::prelude::*;

fn exercise(range: &str, version: &str) {
    for p in [Profile::V3_3, Profile::V3_4, Profile::V3_4_INCLUDE_PRERELEASE] {
        let c = Constraints::parse(range, p);
        let v = Version::parse(version, p.line);
        if let Ok(c) = &c {
            let _ = c.to_text();
            if let Ok(v) = &v {
                let _ = c.check(v);
                let _ = c.validate(v);
                let _ = c.explain(v);
            }
        }
        if let Err(e) = &c {
            assert!(e.span.start <= e.span.end && e.span.end <= range.len(), "{e:?}");
            assert!(range.is_char_boundary(e.span.start) && range.is_char_boundary(e.span.end));
            let _ = e.to_string();
        }
        let _ = masterminds::check(range, version, p);
    }
    for o in [
        node::Options::DEFAULT,
        node::Options::INCLUDE_PRERELEASE,
        node::Options { loose: true, include_prerelease: false },
        node::Options { loose: true, include_prerelease: true },
    ] {
        match node::Range::parse(range, o) {
            Ok(r) => {
                let _ = r.formatted();
                let _ = r.test_str(version);
                let _ = r.explain_str(version);
            }
            Err(e) => {
                assert!(e.span.start <= e.span.end && e.span.end <= range.len(), "{e:?}");
                assert!(range.is_char_boundary(e.span.start) && range.is_char_boundary(e.span.end));
                let _ = e.to_string();
            }
        }
        let _ = node::satisfies(version, range, o);
        let _ = node::valid_range(range, o);
        let _ = node::valid(version, o);
        let _ = node::Comparator::parse(range, o);
    }
    let _ = node::coerce(range);
    let _ = node::coerce(version);
    for f in [
        Field::KubeVersion,
        Field::KsVersion,
        Field::RancherVersion,
        Field::UiVersion,
        Field::UiExtensionsVersion,
        Field::UiExtensionsHost,
    ] {
        for j in judge_all(range, version, f) {
            let _ = serde_json::to_string(&j).unwrap();
            assert!(Component::ALL.contains(&j.component));
        }
    }
    for r in [
        rewrite::commas_to_spaces(range),
        rewrite::reversed_operators(range),
        rewrite::prerelease_floor(range),
        rewrite::make_portable(range),
        rewrite::fix_all(range),
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(rewrite::apply_edits(range, &r.edits), r.text);
    }
    let _ = rewrite::portability(range);
}

fn range_like() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "0",
        "1",
        "2",
        "9",
        "10",
        ".",
        ".",
        ".",
        "x",
        "X",
        "*",
        "v",
        "=",
        "<",
        ">",
        "~",
        "^",
        "!",
        "-",
        "+",
        "|",
        "||",
        ",",
        " ",
        " ",
        "\t",
        "\u{a0}",
        "\u{3000}",
        "\u{0b}",
        "\n",
        "a",
        "rc",
        "-0",
        " - ",
        "01",
        "9007199254740991",
        "9007199254740993",
        "18446744073709551616",
        "99999999999999999999999",
        "é",
        "😀",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

/// Cases per property: `PROPTEST_CASES` when set (e.g. 5000 for a long local run), else 64,
/// which keeps the debug-mode test run short.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_do_not_panic(range in "\\PC{0,1024}", version in "\\PC{0,300}") {
        exercise(&range, &version);
    }

    #[test]
    fn arbitrary_bytes_as_utf8_do_not_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let s = String::from_utf8_lossy(&bytes);
        exercise(&s, &s);
    }

    #[test]
    fn range_like_strings_do_not_panic(range in range_like(), version in range_like()) {
        exercise(&range, &version);
    }
}

#[test]
fn huge_numbers_are_errors_not_panics() {
    // `+M + 1` beyond MAX_SAFE_INTEGER formats like JavaScript and then fails to parse.
    assert!(node::Range::parse("~9007199254740991", node::Options::DEFAULT).is_err());
    assert!(node::Range::parse("^99999999999999999999999", node::Options::DEFAULT).is_err());
    assert!(node::Range::parse("9007199254740991.x", node::Options::DEFAULT).is_err());
    assert_eq!(
        node::valid_range("9007199254740990.x", node::Options::DEFAULT).as_deref(),
        Some(">=9007199254740990.0.0 <9007199254740991.0.0-0")
    );
    assert!(Constraints::parse(">=18446744073709551616", Profile::V3_4).is_err());
    assert!(Constraints::parse(">=18446744073709551615", Profile::V3_4).is_ok());
    exercise(&"9".repeat(2000), &"1.".repeat(500));
}
