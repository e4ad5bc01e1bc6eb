//! Reading back `&'static str` fields (rule codes, gate ids and names, platform names) when a
//! report is deserialised — the web app's page receives reports from its checking worker as
//! JSON. Each distinct value is leaked once and reused; the set is small and fixed (the rule
//! registry and the matrix's gates), and capped at [`MAX_INTERNED`] so that no input can grow it
//! without bound.

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde::{Deserialize, Deserializer};

/// `&'static str`, named so that serde's derive does not take the field for a borrow from the
/// input (which would tie the deserialiser's lifetime to `'static`).
pub type StaticStr = &'static str;

/// At most this many distinct strings are interned; more is an error, not a leak.
pub(crate) const MAX_INTERNED: usize = 4096;

/// At most this many bytes per interned string.
const MAX_LEN: usize = 256;

static INTERNED: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

/// `deserialize_with` for `&'static str` fields: the string, interned.
///
/// Errors: the value is not a string, is over 256 bytes, or [`MAX_INTERNED`] distinct strings
/// have already been interned.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let value = String::deserialize(deserializer)?;
    intern(value).map_err(serde::de::Error::custom)
}

pub(crate) fn intern(value: String) -> Result<&'static str, &'static str> {
    if value.len() > MAX_LEN {
        return Err("interned string too long");
    }
    let mut set = INTERNED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(found) = set.get(value.as_str()) {
        return Ok(found);
    }
    if set.len() >= MAX_INTERNED {
        return Err("too many distinct interned strings");
    }
    let leaked: &'static str = Box::leak(value.into_boxed_str());
    set.insert(leaked);
    Ok(leaked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_share_one_allocation_and_long_ones_are_refused() {
        let a = intern("KS001".to_string()).unwrap();
        let b = intern("KS001".to_string()).unwrap();
        assert_eq!(a, "KS001");
        assert!(std::ptr::eq(a, b));
        assert!(intern("x".repeat(MAX_LEN + 1)).is_err());
    }

    #[test]
    fn a_diagnostic_and_a_matrix_survive_a_json_round_trip() {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/corpus/rancher/charts/clock-0.1.0.tgz");
        let bytes = std::fs::read(corpus).unwrap();
        let report = crate::check("clock-0.1.0.tgz", crate::package::read_file("clock-0.1.0.tgz", bytes));
        let package = &report.packages[0];
        assert!(!package.diagnostics.is_empty());
        let json = serde_json::to_string(&package.diagnostics).unwrap();
        let back: Vec<crate::diagnostic::Diagnostic> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, package.diagnostics);
        let matrix = package.matrix.as_ref().unwrap();
        let back: crate::matrix::Matrix = serde_json::from_str(&serde_json::to_string(matrix).unwrap()).unwrap();
        assert_eq!(&back, matrix);
        let origin: crate::package::Origin =
            serde_json::from_str(&serde_json::to_string(&package.origin).unwrap()).unwrap();
        assert_eq!(origin, package.origin);
    }
}
