//! Times rendering for `scripts/bench-render`: for each chart (a folder or `.tgz`), loads and
//! renders it `N` times as Helm does (release = chart name) and prints one JSON object per line,
//! `{"chart": path, "runs": N, "median_ms": …, "min_ms": …, "cpu_ms": …, "templates": count}`
//! (wall-clock median and minimum, and the median CPU time of the rendering thread from Linux's
//! `/proc/thread-self/schedstat`, which on a busy machine is the fairer figure). The timed work
//! is the same as the oracle's `Chart.load(path).render(...)`: unpacking, loading, values,
//! rendering.
//!
//! Usage: `cargo run --release -p extcheck-render --example bench -- N CHART...`

use std::path::Path;
use std::time::Instant;

mod common;
use common::read_folder;

fn main() {
    common::on_big_stack(run);
}

/// Nanoseconds this thread has run on a CPU (`/proc/thread-self/schedstat`, first field).
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

fn run() {
    let args: Vec<String> = std::env::args().collect();
    let runs: usize = args.get(1).and_then(|n| n.parse().ok()).expect("usage: bench N CHART...");
    for chart in &args[2..] {
        let path = Path::new(chart);
        let (raw, folder) = if path.is_dir() {
            let mut v = Vec::new();
            read_folder(path, path, &mut v);
            (v, true)
        } else {
            (vec![(String::new(), std::fs::read(path).expect("read"))], false)
        };
        let opts = extcheck_render::RenderOptions { max_nesting: 100_000, ..Default::default() };
        let mut times = Vec::with_capacity(runs);
        let mut cpu = Vec::with_capacity(runs);
        let mut templates = 0;
        for _ in 0..runs {
            let (t, c) = (Instant::now(), thread_cpu_ns());
            let files = if folder { raw.clone() } else { extcheck_render::read_tgz(&raw[0].1).expect("tgz") };
            let r = extcheck_render::render_files(&files, folder, &opts);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            cpu.push((thread_cpu_ns() - c) as f64 / 1e6);
            templates = r.map(|r| r.manifests.len()).unwrap_or(0);
        }
        times.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        let out = serde_json::json!({
            "chart": chart, "runs": runs, "median_ms": times[runs / 2], "min_ms": times[0],
            "cpu_ms": cpu[runs / 2], "templates": templates,
        });
        println!("{out}");
    }
}
