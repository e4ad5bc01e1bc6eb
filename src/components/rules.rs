//! The rules catalogue: every code from the core's registry with its full explanation (the
//! same Markdown `extcheck rules CODE` prints). Each diagnostic in a report links here
//! (`#/rules/<CODE>`), which opens and scrolls to that rule.

use extcheck_core::markdown;
use extcheck_core::rules::registry::{FixKind, Group, RULES};
use leptos::prelude::*;

use crate::components::markdown::Markdown;
use crate::components::report::severity_icon;

fn group_title(group: Group) -> &'static str {
    match group {
        Group::Package => "PKG · reading the input",
        Group::Syntax => "SYN · file syntax",
        Group::Range => "RANGE · version constraints",
        Group::Kubesphere => "KS · KubeSphere extensions",
        Group::Rancher => "RC · Rancher UI extensions",
        Group::Helm => "HELM · Chart.yaml",
        Group::Template => "TPL · rendered templates",
        Group::Suppression => "SUP · suppressions",
    }
}

/// The catalogue page; `focus` opens and scrolls to one code.
#[component]
pub fn RulesPage(focus: Option<String>) -> impl IntoView {
    let groups = [
        Group::Package,
        Group::Syntax,
        Group::Range,
        Group::Kubesphere,
        Group::Rancher,
        Group::Helm,
        Group::Template,
        Group::Suppression,
    ];
    let focused = focus.clone();
    Effect::new(move |_| {
        if let Some(code) = &focused
            && let Some(el) = document().get_element_by_id(&format!("rule-{code}"))
        {
            el.scroll_into_view();
        }
    });
    view! {
        <section class="rules">
            <h1>"Rules"</h1>
            <p class="lede">
                "Every code is stable. Severity says what happens on the real platform: "
                <strong>"error"</strong> " — a platform rejects, hides, or fails to install or load the extension; "
                <strong>"warning"</strong> " — it works but is degraded somewhere, or is very likely a mistake; "
                <strong>"info"</strong> " — a suggestion. Open a rule for what it checks, why it matters, an example, how to fix it, and the source."
            </p>
            {groups
                .into_iter()
                .map(|group| {
                    let focus = focus.clone();
                    view! {
                        <h2>{group_title(group)}</h2>
                        <div class="rule-list">
                            {RULES
                                .iter()
                                .filter(|r| r.group == group)
                                .map(|r| {
                                    let fix = match r.fix {
                                        FixKind::None => "",
                                        FixKind::Safe => "safe fix",
                                        FixKind::Unsafe => "unsafe fix",
                                    };
                                    let focused = focus.as_deref() == Some(r.code);
                                    // The doc's own first heading repeats the summary line; drop it.
                                    let blocks: Vec<markdown::Block> = markdown::parse(r.docs).into_iter().skip(1).collect();
                                    view! {
                                        <details class="rule" class:focused=focused id=format!("rule-{}", r.code) open=focused>
                                            <summary>
                                                <span class=format!("sev-badge sev-{}", r.severity.as_str())>
                                                    <span aria-hidden="true">{severity_icon(r.severity)}</span>
                                                    " " {r.severity.as_str()}
                                                </span>
                                                <code class="code">{r.code}</code>
                                                <span class="rule-title">{r.title()}</span>
                                                {(!fix.is_empty()).then(|| view! { <span class="fix-kind">{fix}</span> })}
                                            </summary>
                                            <Markdown blocks=blocks shift=1 />
                                        </details>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}
