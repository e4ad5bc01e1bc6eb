//! Helm chart rendering in pure Rust, meant to be byte-identical with Helm 4.2.3.
//!
//! - [`parse`] and [`exec`]: Go's `text/template` (lexer, parser, execution, Go's error words).
//! - [`funcs`]: Go's builtins, Sprig v3 and Helm's own functions.
//! - [`yaml`] and [`json`]: values read and written as Helm does (`sigs.k8s.io/yaml`,
//!   `goyaml.v2`'s emitter, `encoding/json`).
//! - [`output`]: what `helm template` prints (documents sorted by kind, hooks last).
//! - [`engine`]: charts in memory, values coalescing, dependencies, the render and Helm's error
//!   messages.
//!
//! No I/O: the caller hands over the chart's files. Chance and time are injected through
//! [`RenderOptions`] and their use is reported in [`Rendered`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod crypto;
pub mod engine;
pub mod exec;
pub mod funcs;
pub mod glob;
pub mod gotime;
pub mod ignore;
pub mod inputs;
pub mod json;
pub mod output;
pub mod parse;
pub mod schema;
pub mod semver;
pub mod toml;
pub mod value;
pub mod yaml;

pub use engine::{Chart, RenderError, RenderOptions, Rendered, load_chart, read_tgz, render};
pub use value::Value;

/// Loads a chart from its files and renders it (`files`: paths relative to the chart folder).
/// `is_folder` applies `.helmignore`, as Helm does for folders.
pub fn render_files(
    files: &[(String, Vec<u8>)],
    is_folder: bool,
    opts: &RenderOptions,
) -> Result<Rendered, RenderError> {
    let chart = load_chart(files, is_folder)?;
    render(&chart, opts)
}
