//! Renders a chart folder or `.tgz` and prints JSON like `scripts/helm-oracle.py`:
//! `{"ok": {path: text}, "nondeterministic": [path…]}` or `{"error": message}`.
//!
//! Usage: `cargo run -p extcheck-render --example render -- CHART [RELEASE [NAMESPACE]]`

use std::path::Path;

mod common;
use common::read_folder;

fn main() {
    common::on_big_stack(run);
}

fn run() {
    let args: Vec<String> = std::env::args().collect();
    let path = Path::new(&args[1]);
    let (files, folder) = if path.is_dir() {
        let mut v = Vec::new();
        read_folder(path, path, &mut v);
        (v, true)
    } else {
        let data = std::fs::read(path).expect("read");
        (extcheck_render::read_tgz(&data).expect("tgz"), false)
    };
    let opts = extcheck_render::RenderOptions {
        release_name: args.get(2).cloned().unwrap_or_default(),
        namespace: args.get(3).cloned().unwrap_or_default(),
        max_nesting: 100_000,
        ..Default::default()
    };
    let out = match extcheck_render::render_files(&files, folder, &opts) {
        Ok(r) => serde_json::json!({ "ok": r.manifests, "nondeterministic": r.nondeterministic_templates }),
        Err(e) => serde_json::json!({ "error": e.message }),
    };
    use std::io::Write as _;
    let _ = writeln!(std::io::stdout().lock(), "{}", serde_json::to_string(&out).expect("json"));
}
