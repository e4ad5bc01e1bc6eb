//! Browser glue: reading dropped and picked files, embedded examples, the URL hash.

pub mod checker;
pub mod download;
pub mod examples;
pub mod read;
