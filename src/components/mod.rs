//! Leptos components: they render state and dispatch events; logic lives in extcheck-core.

pub mod cards;
pub mod drop_zone;
pub mod export;
pub mod fix;
pub mod manifests;
pub mod markdown;
pub mod matrix;
pub mod playground;
pub mod report;
pub mod rules;
pub mod theme;
