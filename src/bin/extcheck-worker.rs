//! Entry point of the checking worker: a second wasm, built by Trunk (`data-type="worker"`)
//! and optimised for speed, that reads, inflates and checks packages off the page's thread.

fn main() {
    extcheck_web::worker::start();
}
