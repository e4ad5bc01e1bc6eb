//! The rules found while reading the input, before any document is parsed: PKG001–PKG008 and
//! KS014 (a KubeSphere extension one folder too deep, found by detection). Each rule's
//! declaration and finding type is in its own file; the reading code in [`super`] reports
//! them. (PKG009, which reads the package's files, is in `crate::rules`.)

pub mod ks014;
pub mod pkg001;
pub mod pkg002;
pub mod pkg003;
pub mod pkg004;
pub mod pkg005;
pub mod pkg006;
pub mod pkg007;
pub mod pkg008;
