//! The extcheck web app: mounts the Leptos app. All logic lives in extcheck-core.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <p>"extcheck"</p> });
}
