//! Shared by the examples: reading a chart from disk (the crate itself does no I/O).

use std::path::Path;

/// The files of a chart folder, by path relative to `root` (with `/` separators).
pub fn read_folder(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            read_folder(root, &p, out);
        } else if let Ok(b) = std::fs::read(&p) {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, b));
        }
    }
}

/// Runs `f` on a thread with a 1 GiB stack (Helm's recursion limits need a deep stack).
pub fn on_big_stack(f: fn()) {
    let worker = std::thread::Builder::new().stack_size(1 << 30).spawn(f).expect("thread");
    let _ = worker.join();
}
