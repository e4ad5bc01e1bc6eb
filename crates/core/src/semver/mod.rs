//! Version parsing and the range engines, each exactly as its upstream behaves: Masterminds
//! semver v3 (Go: Helm, KubeSphere, the Rancher backend) and npm `semver` 7.5.4 (JavaScript:
//! the KubeSphere console and the Rancher dashboard).
//!
//! * [`masterminds`]: `NewVersion`, `NewConstraint`, `Check`, `Validate` for the 3.3 and 3.4
//!   release lines.
//! * [`node`]: `SemVer`, `Range`, `Comparator`, `satisfies`, `validRange`, `valid`, `coerce`.
//! * [`judge`]: each platform component (engine plus how it obtains the current version).
//! * [`rewrite`]: meaning-preserving rewrites of constraints (the RANGE fixes).

pub mod judge;
pub mod masterminds;
pub mod node;
pub mod rewrite;
