//! Version parsing and the range engines, each exactly as its upstream behaves: Masterminds
//! semver v3 (Go: Helm, KubeSphere, the Rancher backend) and npm `semver` 7.5.4 (JavaScript:
//! the KubeSphere console and the Rancher dashboard).
//!
//! * [`masterminds`]: `NewVersion`, `NewConstraint`, `Check`, `Validate` for the 3.2, 3.3 and
//!   3.4 release lines ([`masterminds::Profile`]), with [`masterminds::Constraints::explain`]
//!   naming the comparator that decided.
//! * [`node`]: `SemVer`, `Range`, `Comparator`, `satisfies`, `validRange`, `valid`, `coerce`,
//!   with [`node::Range::explain`].
//! * [`judge`]: each platform component (engine plus how it obtains the current version) and
//!   its verdict with a reason.
//! * [`rewrite`]: meaning-preserving rewrites of constraints (the RANGE fixes) as byte-range
//!   edits, and the portability check.
//!
//! Every entry point takes arbitrary strings and never panics; errors carry the upstream
//! message and the byte span of the offending comparator or OR segment.
//!
//! Conformance: `tests/semver_conformance.rs` runs the shared vector corpus and the upstream
//! fixtures; the engines were also fuzzed differentially against npm `semver@7.5.4` and
//! against Masterminds 3.2.0 (Debian) and its 3.3/3.4 variants.

/// Longest constraint, in bytes, that the rewrites and the RANGE rules evaluate. Their meaning
/// checks probe every bound against every OR group (quadratic), and no real constraint comes
/// near: the longest in the corpus and the sweep of real packages is 66 bytes. Masterminds and
/// node-semver put no limit on a range (node-semver's `MAX_LENGTH` of 256 applies to one
/// version), so the platforms evaluate a longer one as written; a verdict (`check`, `judge`)
/// stays linear in the constraint's length and is computed whatever its size.
pub const MAX_CONSTRAINT_BYTES: usize = 4096;

#[warn(missing_docs)]
pub mod judge;
#[warn(missing_docs)]
pub mod masterminds;
#[warn(missing_docs)]
pub mod node;
#[warn(missing_docs)]
pub mod report;
#[warn(missing_docs)]
pub mod rewrite;
