//! Rancher UI extensions: package.json, the extension chart and the plugin archive.

pub mod annotations;
pub mod listing;
pub mod manifest;
pub mod rules;
