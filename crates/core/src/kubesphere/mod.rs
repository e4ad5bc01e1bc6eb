//! KubeSphere v4 extensions: `extension.yaml`, its rules, and the language table.

pub mod build;
pub mod chart;
pub mod iso639;
pub mod rules;
