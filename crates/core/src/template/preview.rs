//! The rendered manifests of one package as a person previews them (the web app's Manifests
//! tab): the chart rendered once, with values text the person edits in place of the chart's
//! `values.yaml`, at one Kubernetes minor (that version's `.Capabilities`). Every rendered file
//! is returned with the template it came from; a failure comes with Helm's message and the
//! template:line:col it names.
//!
//! A KubeSphere source folder renders as the chart `ksbuilder package` builds, and an extension
//! renders as KubeSphere installs its host release (`tags.extension=true`), as in the TPL rules
//! ([`super::analysis`]).

use super::Kind;
use super::{KubeMinor, apis, chart_files, failure, kubesphere_values, options, platform_minors, source_path};
use crate::document::Ctx;

/// The most bytes of values text read; longer text is refused.
pub const MAX_VALUES_BYTES: usize = 1 << 20;

/// One rendered file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// The template as Helm names it (`demo/templates/x.yaml`).
    pub template: String,
    /// That template's path in the package, when it has one.
    pub source: Option<String>,
    /// The rendered text (partials are left out, as in Helm's render map).
    pub text: String,
}

/// A package rendered for preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The Kubernetes minor rendered for (`1.<minor>`).
    pub minor: KubeMinor,
    /// The minors the package's platform supports, lowest and highest ([`platform_minors`]).
    pub minors: (KubeMinor, KubeMinor),
    /// A KubeSphere extension with an agent release (dependencies tagged `agent`, installed on
    /// member clusters), which [`preview`] renders on request.
    pub has_agent: bool,
    /// The rendered files, in Helm's template order; empty when the render failed.
    pub files: Vec<Manifest>,
    /// Why the render failed: Helm's message and the template, line and column it names.
    pub failure: Option<super::Failure>,
}

/// The chart's own `values.yaml` text (of the chart `ksbuilder package` builds, for a
/// KubeSphere source folder); `None` when the package has no chart to render. Non-UTF-8 bytes
/// are replaced.
pub fn default_values(ctx: &Ctx<'_>) -> Option<String> {
    if !super::renders(ctx.kind) {
        return None;
    }
    let (files, _) = chart_files(ctx)?;
    let bytes = files.iter().find(|(p, _)| p == "values.yaml").map(|(_, b)| b.as_slice()).unwrap_or_default();
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// Renders `ctx`'s package with `values` (text that replaces the chart's `values.yaml`; `None`
/// keeps it) at Kubernetes `1.<minor>` (`None`: the platform's newest minor, clamped into the
/// platform's range). For a KubeSphere extension, `agent` renders the release installed on
/// member clusters (`tags.agent=true`) instead of the host's. Errors: the package is not a chart-like kind or has no chart, the values
/// text is over [`MAX_VALUES_BYTES`], or Helm cannot load the chart (its message). A template
/// that fails to render is not an error: [`Preview::failure`] says where.
pub fn preview(ctx: &Ctx<'_>, values: Option<&str>, minor: Option<KubeMinor>, agent: bool) -> Result<Preview, String> {
    if !super::renders(ctx.kind) {
        return Err("only Helm charts and KubeSphere extensions are rendered".into());
    }
    let (mut files, folder) = chart_files(ctx).ok_or("the package has no chart to render")?;
    if let Some(text) = values {
        if text.len() > MAX_VALUES_BYTES {
            return Err(format!("the values are over {} KiB", MAX_VALUES_BYTES / 1024));
        }
        files.retain(|(p, _)| p != "values.yaml");
        files.push(("values.yaml".to_string(), text.as_bytes().to_vec()));
    }
    let chart = extcheck_render::load_chart(&files, folder).map_err(|e| e.message)?;
    let minors = platform_minors(ctx.kind);
    let minor = minor.unwrap_or(minors.1).clamp(minors.0, minors.1);
    let has_agent =
        ctx.kind == Kind::Kubesphere && chart.deps.iter().flatten().any(|d| d.tags.iter().any(|t| t == "agent"));
    let extra = if ctx.kind == Kind::Kubesphere { kubesphere_values(&chart, agent) } else { None };
    let mut opts = options(Some(minor), extra);
    opts.api_versions = Some(apis::capabilities(minor));
    Ok(match extcheck_render::render(&chart, &opts) {
        Ok(r) => Preview {
            minor,
            minors,
            has_agent,
            files: r
                .manifests
                .into_iter()
                .map(|(template, text)| Manifest { source: source_path(ctx, &template), template, text })
                .collect(),
            failure: None,
        },
        Err(e) => Preview { minor, minors, has_agent, files: Vec::new(), failure: Some(failure(ctx, &e.message)) },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::read_file;

    fn with_ctx<T>(path: &str, f: impl FnOnce(&Ctx<'_>) -> T) -> T {
        let file = format!("{}/../../testdata/corpus/{path}", env!("CARGO_MANIFEST_DIR"));
        let name = path.rsplit('/').next().unwrap();
        let report = crate::check(name, read_file(name, std::fs::read(file).unwrap()));
        let p = &report.packages[0];
        let ctx = Ctx::new(&p.package, p.kind.unwrap(), &p.origin, None, &p.root);
        f(&ctx)
    }

    const METRICS: &str = "kubesphere/packaged/metrics-server-0.7.1.tgz";
    const DEPLOYMENT: &str = "metrics-server/charts/metrics-server/templates/deployment.yaml";

    #[test]
    fn an_extension_renders_its_host_release_or_its_agent_release() {
        with_ctx(METRICS, |ctx| {
            assert!(default_values(ctx).unwrap().contains("repository: kubesphere/metrics-server"));
            // metrics-server is the agent's: KubeSphere installs nothing of it on the host.
            let host = preview(ctx, None, None, false).unwrap();
            assert!(host.has_agent);
            assert_eq!((host.failure.clone(), host.minor, host.minors), (None, 30, (21, 30)));
            // Helm leaves a disabled subchart's templates out of its render map.
            assert!(host.files.is_empty(), "{:?}", host.files);
            let agent = preview(ctx, None, Some(25), true).unwrap();
            assert_eq!(agent.minor, 25);
            let d = agent.files.iter().find(|m| m.template == DEPLOYMENT).expect("the Deployment");
            assert_eq!(d.source.as_deref(), Some("charts/metrics-server/templates/deployment.yaml"));
            assert!(d.text.contains("image: docker.io/kubesphere/metrics-server:v0.7.0"), "{}", d.text);
        });
    }

    #[test]
    fn edited_values_replace_the_charts_and_a_failure_names_template_line_and_column() {
        with_ctx(METRICS, |ctx| {
            let p = preview(
                ctx,
                Some("metrics-server:\n  image:\n    registry: r.example\n    repository: ms\n    tag: v1\n"),
                None,
                true,
            )
            .unwrap();
            let d = p.files.iter().find(|m| m.template == DEPLOYMENT).unwrap();
            assert!(d.text.contains("image: r.example/ms:v1"), "{}", d.text);
            let p = preview(ctx, Some("metrics-server:\n  args: 3\n"), Some(0), true).unwrap();
            assert_eq!(p.minor, 21, "clamped into KubeSphere's range");
            assert!(p.files.is_empty());
            let f = p.failure.unwrap();
            assert_eq!((f.template.as_deref(), f.line, f.column), (Some(DEPLOYMENT), Some(72), Some(27)));
            assert_eq!(f.source.as_deref(), Some("charts/metrics-server/templates/deployment.yaml"));
            assert!(f.message.ends_with("range can't iterate over 3"), "{}", f.message);
            // Values that are not YAML: Helm does not load the chart.
            let e = preview(ctx, Some("a: [\n"), None, true).unwrap_err();
            assert!(e.starts_with("cannot load values.yaml"), "{e}");
            let e = preview(ctx, Some(&"#".repeat(MAX_VALUES_BYTES + 1)), None, true).unwrap_err();
            assert!(e.contains("over 1024 KiB"), "{e}");
        });
    }

    #[test]
    fn a_ui_plugin_package_is_not_rendered() {
        with_ctx("rancher/plugin/extension-crd-0.2.5.tgz", |ctx| {
            assert_eq!(ctx.kind, Kind::RancherPlugin);
            assert!(preview(ctx, None, None, false).is_err());
            assert!(default_values(ctx).is_none());
        });
    }
}
