//! Upstream quirks that the engines must reproduce, each checked against the real library
//! (npm `semver@7.5.4`; Masterminds 3.2.0 from Debian and the 3.3/3.4 sources).

use extcheck_core::semver::masterminds::{Constraints, Line, Profile, Version};
use extcheck_core::semver::node::{self, Options};

fn range_err(r: &str, o: Options) -> String {
    node::Range::parse(r, o).unwrap_err().message
}

#[test]
fn node_js_number_formatting_of_incremented_bounds() {
    // `+M + 1` = 1e21 is printed as `1e+21` and then fails the comparator grammar; in loose
    // mode that comparator is silently dropped, leaving an empty (invalid) range.
    assert_eq!(range_err("<=999999999999999999999.x", Options::DEFAULT), "Invalid comparator: <1e+21.0.0-0");
    let loose = Options { loose: true, include_prerelease: false };
    assert_eq!(range_err("<=999999999999999999999.x", loose), "Invalid SemVer Range: <=999999999999999999999.x");
    assert_eq!(node::valid_range("<=999999999999999999999.x || 1.2.3", loose).as_deref(), Some("1.2.3"));
    // Below 1e21 the digits are kept and the version is rejected as too large.
    assert_eq!(range_err("<=99999999999999999999.x", Options::DEFAULT), "Invalid major version");
    assert_eq!(range_err("~1.9007199254740991", Options::DEFAULT), "Invalid minor version");
}

#[test]
fn node_desugaring_matches_7_5_4() {
    let vr = |r: &str| node::valid_range(r, Options::DEFAULT);
    assert_eq!(vr("<=1.x").as_deref(), Some("<2.0.0-0"));
    assert_eq!(vr(">1").as_deref(), Some(">=2.0.0"));
    assert_eq!(vr("~ 1.2.3").as_deref(), Some(">=1.2.3 <1.3.0-0"));
    assert_eq!(vr("1.2.3 - 2").as_deref(), Some(">=1.2.3 <3.0.0-0"));
    assert_eq!(vr("^0.0.x").as_deref(), Some("<0.1.0-0"));
    assert_eq!(vr("1.x || >=2.0.0-0 || *").as_deref(), Some("*"));
    assert_eq!(vr(">=0.0.0").as_deref(), Some("*"));
    assert_eq!(vr("<0.0.0-0 || 1.2.3").as_deref(), Some("1.2.3"));
    assert_eq!(node::valid_range("~1.1", Options::INCLUDE_PRERELEASE).as_deref(), Some(">=1.1.0 <1.2.0-0"));
    assert_eq!(node::valid_range("^0.2.3", Options::INCLUDE_PRERELEASE).as_deref(), Some(">=0.2.3-0 <0.3.0-0"));
}

#[test]
fn node_coerce_7_5_4() {
    let c = |v: &str| node::coerce(v).map(|v| v.version);
    assert_eq!(c("1.2.3.4").as_deref(), Some("1.2.3"));
    assert_eq!(c("a1b2").as_deref(), Some("1.0.0"));
    // 17 digits cannot match \d{1,16} followed by a non-digit; the later "1" is taken.
    assert_eq!(c("99999999999999999.1").as_deref(), Some("1.0.0"));
    // The coerced string is parsed strictly: a leading zero gives null.
    assert_eq!(c("v01.2.3"), None);
    assert_eq!(c("1.02"), None);
    assert_eq!(c("x9007199254740992.1.1"), None);
    assert_eq!(c("v2.8.1-rc1").as_deref(), Some("2.8.1"));
}

#[test]
fn node_numeric_prerelease_identifiers_compare_as_doubles() {
    // Both identifiers stay strings (≥ MAX_SAFE_INTEGER) and compare equal as doubles, so
    // comparePre returns 0 at once.
    assert!(node::satisfies("1.2.3-9007199254740993", "1.2.3-9007199254740992", Options::DEFAULT));
    assert!(node::satisfies("1.2.3-9007199254740993.b", ">=1.2.3-9007199254740992.c", Options::DEFAULT));
}

#[test]
fn node_lengths_are_utf16_code_units() {
    // 255 ASCII characters plus one astral character (two UTF-16 units) exceed 256.
    let v = format!("1.2.3-{}", "a".repeat(249));
    assert_eq!(v.len(), 255);
    assert!(node::SemVer::parse(&v, Options::DEFAULT).is_ok());
    let long = format!("{v}😀");
    assert_eq!(
        node::SemVer::parse(&long, Options::DEFAULT).unwrap_err().message,
        "version is longer than 256 characters"
    );
}

#[test]
fn masterminds_hyphen_range_followed_by_a_comparator() {
    // 3.3 rewrites to `>= 1.0.0, <= 2.0.0<=2.0.0` (issue #197); 3.4 adds a trailing space.
    let e = Constraints::parse("1.0.0 - 2.0.0 <=2.0.0", Profile::V3_3).unwrap_err();
    assert_eq!(e.message, "improper constraint: >= 1.0.0, <= 2.0.0<=2.0.0");
    assert_eq!((e.span.start, e.span.end), (0, 21));
    let c = Constraints::parse("1.0.0 - 2.0.0 <=2.0.0", Profile::V3_4).unwrap();
    assert_eq!(c.to_text(), ">=1.0.0 <=2.0.0 <=2.0.0");
    // With a comma both lines parse.
    assert!(Constraints::parse("1.0.0 - 2.0.0, <=2.0.0", Profile::V3_3).is_ok());
}

#[test]
fn masterminds_strings_replace_first_occurrence_quirk() {
    // Two identical hyphen ranges: each match text is replaced at its first occurrence in the
    // evolving string, which still yields both rewrites here.
    let c = Constraints::parse("1 - 2 || 1 - 2", Profile::V3_3).unwrap();
    assert_eq!(c.to_text(), ">=1 <=2 || >=1 <=2");
    // `|` belongs to cvRegex's character class: a single `|` is a "version".
    let e = Constraints::parse(">=1 | 2", Profile::V3_4).unwrap_err();
    assert_eq!(e.message, "constraint parser error");
    assert!(e.hint.unwrap().contains("`||`"));
}

#[test]
fn masterminds_version_lines() {
    // Leading zeros: 3.2 and 3.4 coerce, 3.3 rejects.
    assert_eq!(Version::parse("01.02.03", Line::V3_2).unwrap().to_string(), "1.2.3");
    assert_eq!(Version::parse("01.02.03", Line::V3_4).unwrap().to_string(), "1.2.3");
    assert_eq!(Version::parse("01.02.03", Line::V3_3).unwrap_err().to_string(), "Invalid Semantic Version");
    // Numeric prerelease identifiers with a leading zero are rejected by all.
    assert_eq!(Version::parse("1.2.3-01", Line::V3_4).unwrap_err().to_string(), "version segment starts with 0");
    assert_eq!(Version::parse("1.2.3-01", Line::V3_2).unwrap_err().to_string(), "Version segment starts with 0");
    assert!(Version::parse("1.2.3-01", Line::V3_3).is_err());
    // uint64 overflow.
    assert_eq!(
        Version::parse("18446744073709551616", Line::V3_4).unwrap_err().to_string(),
        "error parsing version segment: strconv.ParseUint: parsing \"18446744073709551616\": value out of range"
    );
    assert_eq!(Version::parse("v1.28.3-gke.100", Line::V3_3).unwrap().to_string(), "1.28.3-gke.100");
}

#[test]
fn masterminds_prerelease_rules_per_line() {
    let v33 = Version::parse("1.28.3-gke.100", Line::V3_3).unwrap();
    let v34 = Version::parse("1.28.3-gke.100", Line::V3_4).unwrap();
    let c33 = Constraints::parse(">=1.19.0-0 <1.30.0", Profile::V3_3).unwrap();
    let c34 = Constraints::parse(">=1.19.0-0 <1.30.0", Profile::V3_4).unwrap();
    assert!(!c33.check(&v33));
    assert!(c34.check(&v34));
    // Validate reports the prerelease message once, with Masterminds' exact text.
    let errs = c33.validate(&v33).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].message,
        "1.28.3-gke.100 is a prerelease version and the constraint is only looking for release versions"
    );
    assert_eq!(errs[0].comparator, "<1.30.0");
    // 3.3's `!=` only tests prereleases when dirty; Validate pre-checks every comparator.
    let ne = Constraints::parse("!=2.11.0", Profile::V3_3).unwrap();
    assert!(ne.check(&v33));
    assert!(ne.validate(&v33).is_err());
    let ne34 = Constraints::parse("!=2.11.0", Profile::V3_4).unwrap();
    assert!(!ne34.check(&v34));
    // IncludePrerelease admits prereleases in every group.
    let inc = Constraints::parse(">=1.19.0 <1.30.0", Profile::V3_4_INCLUDE_PRERELEASE).unwrap();
    assert!(inc.check(&v34));
}

#[test]
fn masterminds_3_3_check_and_validate_disagree_on_a_prerelease_and_not_equal() {
    // 3.2/3.3 `constraintNotEqual` refuses a prerelease version only for a wildcard
    // (`!=1.x`), while `Validate` refuses it before every comparator without a prerelease:
    // `Check` is true and `Validate` false. 3.4 passes the group's flag to every comparator,
    // so both refuse. Found by the masterminds fuzz target (fuzz/corpus/masterminds/
    // ne-prerelease).
    let version = "1-626.99.0";
    for profile in [Profile::V3_2, Profile::V3_3] {
        let c = Constraints::parse("!=1.0.0", profile).unwrap();
        let v = Version::parse(version, profile.line).unwrap();
        assert!(c.check(&v), "{profile:?}");
        assert!(c.explain(&v).satisfied, "{profile:?}");
        let errors = c.validate(&v).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .message
                .ends_with("is a prerelease version and the constraint is only looking for release versions")
        );
        assert!(!Constraints::parse("!=1.x", profile).unwrap().check(&v));
    }
    let c = Constraints::parse("!=1.0.0", Profile::V3_4).unwrap();
    let v = Version::parse(version, Line::V3_4).unwrap();
    assert!(!c.check(&v));
    assert!(c.validate(&v).is_err());
    extcheck_core::fuzz::masterminds_engine(b"1-626.99.0\n!=1.0.0");
}
