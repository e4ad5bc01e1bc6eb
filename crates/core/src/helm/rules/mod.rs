//! The Chart.yaml rules, one file each: HELM001 (required fields, Helm `Metadata.Validate`),
//! HELM002 (numeric versions), HELM003 (dependencies without a subchart); and SYN003 on
//! Chart.yaml through its schema. Source: helm/helm `pkg/chart/metadata.go` (`Validate`,
//! `isValidSemver`), v3.18.1, and `pkg/action/dependency.go` (`CheckDependencies`).

use crate::diagnostic::Diagnostic;
use crate::document::Ctx;
use crate::document::schema::{self, Strictness};
use crate::package::Kind;

pub mod helm001;
pub mod helm002;
pub mod helm003;

/// Runs the Chart.yaml rules on the package's own Chart.yaml and on every subchart's.
pub fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut charts: Vec<String> = ctx
        .package
        .files
        .keys()
        .filter(|p| {
            p.strip_prefix("charts/").and_then(|r| r.strip_suffix("/Chart.yaml")).is_some_and(|d| !d.contains('/'))
        })
        .cloned()
        .collect();
    if ctx.package.contains("Chart.yaml") {
        charts.insert(0, "Chart.yaml".to_string());
    }
    for path in charts {
        let Some(file) = ctx.yaml(&path) else {
            continue;
        };
        let Some(root) = file.root() else { continue };
        if !root.is_mapping() {
            continue;
        }
        schema::check(&file.file, root, &schema::CHART_YAML, Strictness::Helm, out);
        // A packaged KubeSphere Chart.yaml is generated; KS012 compares it with extension.yaml.
        let generated = ctx.kind == Kind::Kubesphere && path == "Chart.yaml";
        helm001::check(&file, root, generated, out);
        helm002::check(&file, root, out);
        // KubeSphere's own dependencies are checked on extension.yaml (KS030).
        if !generated && ctx.complete() {
            let dir = path.strip_suffix("/Chart.yaml").unwrap_or("");
            helm003::check(ctx, &file, root, dir, out);
        }
    }
}
