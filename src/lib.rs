//! The extcheck web app (Leptos, client-side rendered). `main.rs` only mounts [`app::App`].

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod session;
pub mod wire;
pub mod worker;

/// Mounts the app on `<body>`, with panics reported to the browser console.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
