//! Development aid: renders a one-template chart on a thread with the given stack (KiB) and
//! nesting cap, to size [`extcheck_render::RenderOptions::max_nesting`].
//! Usage: `stack_probe KIB NESTING TEMPLATE`
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let kib: usize = a[1].parse().expect("KiB");
    let nesting: usize = a[2].parse().expect("nesting");
    let t = a[3].clone();
    let h = std::thread::Builder::new()
        .stack_size(kib * 1024)
        .spawn(move || {
            let files = vec![
                ("Chart.yaml".to_string(), b"apiVersion: v2\nname: p\nversion: 0.1.0\n".to_vec()),
                ("templates/a.yaml".to_string(), t.into_bytes()),
            ];
            let opts = extcheck_render::RenderOptions { max_nesting: nesting, ..Default::default() };
            extcheck_render::render_files(&files, true, &opts).is_ok()
        })
        .expect("thread");
    println!("{:?}", h.join().ok());
}
