//! Entry point of the extcheck web app: mounts the Leptos app. All logic lives in
//! extcheck-core and the library part of this crate.

fn main() {
    extcheck_web::mount();
}
