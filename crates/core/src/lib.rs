//! extcheck-core: checks KubeSphere v4 and Rancher UI extension packages before submission.
//!
//! Data flows one way, and every stage is a plain function:
//! bytes → [`package::Package`] (files) → parsed documents with spans ([`syntax`]) →
//! rules ([`rules`]) → `Vec<Diagnostic>` → reports ([`report`]).
//!
//! The crate has no web dependencies: the same code runs in the browser (wasm32) and in the
//! native CLI. Nothing here performs I/O; callers hand in bytes.

#![deny(missing_docs)]

pub mod cards;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod edit;
pub mod fix;
pub mod fuzz;
pub mod helm;
pub mod i18n;
mod interned;
pub mod k8s;
pub mod kubesphere;
pub mod markdown;
pub mod matrix;
pub mod package;
pub mod platforms;
pub mod rancher;
pub mod report;
pub mod rules;
pub mod semver;
pub mod suppress;
pub mod syntax;
pub mod template;
pub mod violation;

pub use check::{PackageReport, Report, check};
pub use diagnostic::{Applicability, Counts, Diagnostic, Edit, Fix, Severity};
pub use i18n::{Lang, Message};
