//! Finding and loading `extcheck.toml` for each input: `--config FILE` for all inputs, none with
//! `--isolated`, else the nearest `extcheck.toml` in the input's folder or one of its parents.

use std::path::{Path, PathBuf};

use extcheck_core::config::{Config, FILE_NAME};

/// How the configuration is chosen (the `check` options).
pub struct Choice<'a> {
    /// `--config FILE`.
    pub file: Option<&'a Path>,
    /// `--isolated`: no configuration at all.
    pub isolated: bool,
}

/// A loaded configuration and its folder (per-path globs are relative to it).
pub struct Loaded {
    /// The configuration (the default when none applies).
    pub config: Config,
    /// The folder of the file, canonical; `None` without a file.
    pub dir: Option<PathBuf>,
}

impl Loaded {
    /// `input`'s path relative to the configuration's folder, `/`-separated (`""` when it lies
    /// elsewhere or there is no file).
    pub fn relative(&self, input: &Path) -> String {
        let (Some(dir), Ok(abs)) = (&self.dir, std::fs::canonicalize(input)) else { return String::new() };
        abs.strip_prefix(dir)
            .map(|p| p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
            .unwrap_or_default()
    }
}

/// The nearest `extcheck.toml` at or above `input` (its folder, for a file).
fn discover(input: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(input).ok()?;
    let start = if abs.is_dir() { abs.as_path() } else { abs.parent()? };
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|f| f.is_file())
}

/// Loads `file`. Errors are printed as `file:line:column: key `k`: message`.
pub fn load_file(file: &Path) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {}", file.display(), io_message(&e)))?;
    let config = Config::parse(&file.display().to_string(), &text).map_err(|e| e.to_string())?;
    let dir = std::fs::canonicalize(file).ok().and_then(|f| f.parent().map(Path::to_path_buf));
    Ok(Loaded { config, dir })
}

/// The configuration that applies to `input` under `choice`.
pub fn for_input(input: &Path, choice: &Choice<'_>) -> Result<Loaded, String> {
    if choice.isolated {
        return Ok(Loaded { config: Config::default(), dir: None });
    }
    match choice.file.map(Path::to_path_buf).or_else(|| discover(input)) {
        Some(file) => load_file(&file),
        None => Ok(Loaded { config: Config::default(), dir: None }),
    }
}

/// An I/O error for people, without the platform's error number (`No such file or directory`,
/// not `... (os error 2)`): the numbers differ between Linux and WASI, and the npm build must
/// print what the native one prints.
pub fn io_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(i) if text.ends_with(')') => text[..i].to_string(),
        _ => text,
    }
}
