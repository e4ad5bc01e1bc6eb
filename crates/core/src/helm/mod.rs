//! Chart.yaml rules shared by every chart: KubeSphere packages, Rancher extension charts and
//! plain Helm charts (HELM codes).

pub mod ignore;
pub mod rules;

use crate::document::Ctx;
use crate::syntax::yaml::{self, Node};

/// The subcharts of the chart at folder `chart_dir` (`""` for the package root): for each
/// `charts/<dir>/Chart.yaml` its `name` (the folder name when unreadable), and for each
/// `charts/*.tgz` the `name` in its Chart.yaml (read with the same limits as any archive).
/// Returns `(chart name, path)` pairs in path order.
pub fn subcharts(ctx: &Ctx<'_>, chart_dir: &str) -> Vec<(String, String)> {
    let prefix = if chart_dir.is_empty() { "charts/".to_string() } else { format!("{chart_dir}/charts/") };
    let mut names = Vec::new();
    for path in ctx.package.files.keys() {
        let Some(rest) = path.strip_prefix(&prefix) else { continue };
        if let Some(dir) = rest.strip_suffix("/Chart.yaml").filter(|d| !d.contains('/')) {
            let name = ctx
                .yaml(path)
                .and_then(|f| f.root().and_then(|r| r.get("name")).and_then(Node::as_str).map(str::to_string));
            names.push((name.unwrap_or_else(|| dir.to_string()), path.clone()));
        } else if !rest.contains('/') && (rest.ends_with(".tgz") || rest.ends_with(".tar.gz")) {
            let read = crate::package::read_archive(rest, ctx.package.bytes(path).unwrap_or_default());
            let name = read.package.as_ref().and_then(|p| p.text("Chart.yaml")).and_then(|t| {
                yaml::parse(t).first().and_then(|r| r.get("name")).and_then(Node::as_str).map(str::to_string)
            });
            if let Some(name) = name {
                names.push((name, path.clone()));
            }
        }
    }
    names
}
