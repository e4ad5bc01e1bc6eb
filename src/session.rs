//! The checking worker's state: the packages of the last check, with their bytes, and the
//! answers to the page's [`Request`]s. Plain data and core calls (no browser API), so it is
//! tested natively; `crate::worker` only moves messages. The page never calls into it.

use extcheck_core::fix::output::{Corrected, Layout, correct};
use extcheck_core::fix::{Candidate, Selection, SkipReason, candidates};
use extcheck_core::i18n::Lang;
use extcheck_core::report::export::Export;
use extcheck_core::report::view::views;
use extcheck_core::rules::registry::{FixKind, Group, RULES};
use extcheck_core::semver::judge::{Field, Verdict};
use extcheck_core::semver::report::{report as judge, verdict_label};
use extcheck_core::{Applicability, PackageReport, Report};

use crate::tr;
use crate::wire::{
    CandidateModel, Download, FixModel, JudgementModel, ManifestModel, ManifestsModel, PackageModel, RangeModel,
    RenderFailureModel, Request, RuleModel, encode_files,
};

/// A reply: the JSON header and, for some requests, bytes to transfer.
pub type Reply = (String, Option<Vec<u8>>);

/// The corrected package last computed: for which package and ticks.
struct LastFix {
    package: usize,
    ticks: Vec<bool>,
    corrected: Corrected,
}

/// The worker's session.
#[derive(Default)]
pub struct Session {
    reports: Vec<Report>,
    last_fix: Option<LastFix>,
    /// The language of everything the session sends: the reports' messages, fix panels, the
    /// rule catalogue, exports ([`Request::Check`] and [`Request::Localize`] set it).
    pub lang: Lang,
}

impl Session {
    /// Replaces the session with `reports` (rendered in the session's language) and returns
    /// their view models.
    pub fn checked(&mut self, mut reports: Vec<Report>) -> Vec<PackageModel> {
        if self.lang != Lang::En {
            reports.iter_mut().for_each(|r| r.localize(self.lang));
        }
        self.reports = reports;
        self.last_fix = None;
        self.models()
    }

    /// Makes `lang` the session's language, re-rendering the reports' messages, and returns the
    /// view models.
    pub fn localize(&mut self, lang: Lang) -> Vec<PackageModel> {
        self.lang = lang;
        self.reports.iter_mut().for_each(|r| r.localize(lang));
        self.last_fix = None;
        self.models()
    }

    /// The view models of every package, in session order.
    pub fn models(&self) -> Vec<PackageModel> {
        self.packages().map(|(input, p)| model(input, p)).collect()
    }

    fn packages(&self) -> impl Iterator<Item = (&str, &PackageReport)> {
        self.reports.iter().flat_map(|r| r.packages.iter().map(move |p| (r.input.as_str(), p)))
    }

    fn package(&self, index: usize) -> Result<&PackageReport, String> {
        self.packages().nth(index).map(|(_, p)| p).ok_or_else(|| format!("there is no package number {index}"))
    }

    /// Answers `request` (every kind but [`Request::Check`], whose reading needs the browser's
    /// files: see `crate::worker`). Errors: an unknown package or format, a malformed tick list.
    pub fn handle(&mut self, request: Request) -> Result<Reply, String> {
        match request {
            Request::Check { .. } => Err("a check needs the browser's files".into()),
            Request::Files { package } => {
                let (list, bytes) = encode_files(&self.package(package)?.package.files);
                Ok((json(&list), Some(bytes)))
            }
            Request::Fix { package, ticks } => Ok((json(&self.fix(package, ticks)?), None)),
            Request::Download { package, ticks } => {
                self.fix(package, ticks)?;
                let output = self.last_fix.as_ref().map(|l| &l.corrected.output);
                match output {
                    Some(Ok(o)) => {
                        Ok((json(&download(&o.file_name, o.media_type, o.bytes.len())), Some(o.bytes.clone())))
                    }
                    Some(Err(e)) => Err(format!("no corrected package can be written: {e}")),
                    None => Err("no corrected package".into()),
                }
            }
            Request::Apply { package, ticks } => {
                self.fix(package, ticks)?;
                let report = self.last_fix.take().and_then(|l| l.corrected.report);
                let mut report = report.ok_or("the corrected package could not be read back")?;
                report.localize(self.lang);
                self.replace(package, report);
                Ok((json(&self.models()), None))
            }
            Request::Export { format } => {
                let format = Export::ALL
                    .into_iter()
                    .find(|f| f.extension() == format)
                    .ok_or_else(|| format!("no export format `{format}`"))?;
                let text = format.render(&self.reports);
                let d = download(&format.file_name(&self.reports), format.media_type(), text.len());
                Ok((json(&d), Some(text.into_bytes())))
            }
            Request::Range { constraint, version, field } => {
                let field = Field::from_name(&field).ok_or_else(|| format!("no field `{field}`"))?;
                Ok((json(&range(&constraint, &version, field)), None))
            }
            Request::Rules => Ok((json(&rules(self.lang)), None)),
            Request::Localize { lang } => Ok((json(&self.localize(lang)), None)),
            Request::Manifests { package, values, minor, agent } => {
                Ok((json(&manifests(self.package(package)?, values, minor, agent)?), None))
            }
            Request::Cards { package, navigator } => {
                let (model, bytes) = crate::wire::cards::build(self.package(package)?, &navigator);
                Ok((json(&model), Some(bytes)))
            }
        }
    }

    /// The fix panel of package `index` for `ticks` (default: safe fixes), keeping the
    /// corrected package for a download or an apply.
    fn fix(&mut self, index: usize, ticks: Option<Vec<bool>>) -> Result<FixModel, String> {
        let report = self.package(index)?;
        let offered = candidates(report);
        let selection = selection(&offered, ticks.as_deref())?;
        let ticks: Vec<bool> = offered.iter().map(|c| selection.is_set(c)).collect();
        let cached = self.last_fix.as_ref().is_some_and(|l| l.package == index && l.ticks == ticks);
        if !cached {
            let corrected = correct(report, &selection);
            self.last_fix = Some(LastFix { package: index, ticks: ticks.clone(), corrected });
        }
        let corrected = &self.last_fix.as_ref().expect("just set").corrected;
        Ok(fix_model(&offered, ticks, corrected, self.lang))
    }

    /// Replaces package `index` with the package(s) of `corrected`.
    fn replace(&mut self, index: usize, corrected: Report) {
        let mut n = 0;
        for report in &mut self.reports {
            if index < n + report.packages.len() {
                let local = index - n;
                if report.packages.len() == 1 {
                    *report = corrected;
                } else {
                    report.packages.splice(local..=local, corrected.packages);
                }
                return;
            }
            n += report.packages.len();
        }
    }
}

/// Package `p` rendered for the Manifests tab (see [`extcheck_core::template::preview`]).
/// Errors: the package is not rendered (not a chart), or Helm cannot load it with these values.
fn manifests(
    p: &PackageReport,
    values: Option<String>,
    minor: Option<u32>,
    agent: bool,
) -> Result<ManifestsModel, String> {
    use extcheck_core::rules::Ctx;
    use extcheck_core::template::preview::{default_values, preview};
    let kind = p.kind.ok_or("the package was not recognised")?;
    let ctx = Ctx::new(&p.package, kind, &p.origin, None, &p.root);
    let rendered = preview(&ctx, values.as_deref(), minor, agent)?;
    let failure = rendered.failure.map(|f| RenderFailureModel {
        at: f.template.map(|t| {
            let at = f.source.unwrap_or(t);
            match (f.line, f.column) {
                (Some(l), Some(c)) => format!("{at}:{l}:{c}"),
                (Some(l), None) => format!("{at}:{l}"),
                _ => at,
            }
        }),
        message: f.message,
    });
    Ok(ManifestsModel {
        values: values.or_else(|| default_values(&ctx)).unwrap_or_default(),
        minor: rendered.minor,
        minors: rendered.minors,
        has_agent: rendered.has_agent,
        files: rendered
            .files
            .into_iter()
            .map(|m| ManifestModel { template: m.template, source: m.source, text: m.text })
            .collect(),
        failure,
    })
}

/// A reply's JSON (replies are plain data: serialising them cannot fail).
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn download(file_name: &str, media_type: &str, size: usize) -> Download {
    Download { file_name: file_name.to_string(), media_type: media_type.to_string(), size: size as u64 }
}

/// The view model of one package.
pub fn model(input: &str, p: &PackageReport) -> PackageModel {
    PackageModel {
        input: input.to_string(),
        kind: p.kind,
        name: p.name.clone(),
        version: p.version.clone(),
        root: p.root.clone(),
        diagnostics: views(p),
        suppressed: p.suppressed.clone(),
        files: p.package.files.len(),
        bytes: p.package.total_bytes(),
        partial: p.package.partial,
        skipped: p.package.skipped.clone(),
        // The page renders the texts as the worker localised them; the sources stay here.
        matrix: p.matrix.clone().map(|mut m| {
            m.strip_sources();
            m
        }),
        origin: p.origin.clone(),
    }
}

/// The selection the page's ticks stand for (one per candidate); `None` is the default.
fn selection(offered: &[Candidate], ticks: Option<&[bool]>) -> Result<Selection, String> {
    let mut selection = Selection::safe();
    if let Some(ticks) = ticks {
        if ticks.len() != offered.len() {
            return Err(format!("{} ticks for {} fixes", ticks.len(), offered.len()));
        }
        for (c, on) in offered.iter().zip(ticks) {
            selection.set(c, *on);
        }
    }
    Ok(selection)
}

fn skip_reason(reason: &SkipReason, lang: Lang) -> String {
    match reason {
        SkipReason::Conflict { with } => tr!(lang, "skip-conflict", with),
        SkipReason::InvalidEdit => tr!(lang, "skip-invalid-edit"),
        SkipReason::Unresolved => tr!(lang, "skip-unresolved"),
        SkipReason::PassLimit => tr!(lang, "skip-pass-limit", passes = 5),
        SkipReason::LosesCells { cells } => tr!(lang, "skip-loses-cells", cells),
    }
}

fn fix_model(offered: &[Candidate], ticks: Vec<bool>, corrected: &Corrected, lang: Lang) -> FixModel {
    let candidates = offered
        .iter()
        .map(|c| CandidateModel {
            code: c.code.to_string(),
            title: c.title.clone(),
            place: match (&c.file, c.line) {
                (Some(f), Some(l)) => format!("{f}:{l}"),
                (Some(f), None) => f.clone(),
                _ => tr!(lang, "fix-place-package"),
            },
            safe: c.applicability == Applicability::Safe,
            costs: c.costs.clone(),
        })
        .collect();
    let layout = corrected.output.as_ref().ok().and_then(|output| {
        let top = output.top_folder.clone().unwrap_or_default();
        match output.layout {
            Layout::Ksbuilder => Some(tr!(lang, "layout-ksbuilder", top, ignored = output.ignored.len())),
            Layout::Helm => Some(tr!(lang, "layout-helm", top)),
            Layout::Folder => Some(tr!(lang, "layout-folder", top)),
            Layout::SingleFile => None,
        }
    });
    let fixed = &corrected.fixed;
    FixModel {
        candidates,
        ticks,
        output: match &corrected.output {
            Ok(o) => Ok(download(&o.file_name, o.media_type, o.bytes.len())),
            Err(e) => Err(e.to_string()),
        },
        layout,
        applied: fixed.applied.len(),
        passes: fixed.passes,
        later: fixed.applied.iter().filter(|a| a.pass > 1).map(|a| (a.code.to_string(), a.title.clone())).collect(),
        skipped: fixed
            .skipped
            .iter()
            .map(|s| (s.code.to_string(), s.title.clone(), skip_reason(&s.reason, lang)))
            .collect(),
        recheck: corrected.report.as_ref().map(Report::summary),
        diffs: corrected.diffs.clone(),
    }
}

/// The range playground's evaluation of `constraint` against `version` for `field`.
pub fn range(constraint: &str, version: &str, field: Field) -> RangeModel {
    let r = judge(constraint, version, field);
    let p = &r.portability;
    RangeModel {
        judgements: r
            .judgements
            .iter()
            .map(|j| JudgementModel {
                component: format!("{:?}", j.component),
                label: j.component_label.to_string(),
                engine: j.engine_label.clone(),
                verdict: verdict_label(j.verdict).to_string(),
                accepted: j.verdict == Verdict::Accepted,
                ignored: j.verdict == Verdict::Ignored,
                reason: j.reason.split_once(": ").map_or(j.reason.clone(), |(_, r)| r.to_string()),
            })
            .collect(),
        portable: p.portable,
        problems: [
            ("Masterminds ≤ 3.3", &p.masterminds_3_3),
            ("Masterminds ≥ 3.4", &p.masterminds_3_4),
            ("node-semver 7.5.4", &p.node),
        ]
        .iter()
        .filter_map(|(n, e)| e.as_ref().map(|e| format!("{n}: {e}")))
        .collect(),
        suggestion: r.suggestion.as_ref().map(|s| s.text.clone()),
    }
}

fn group_title(group: Group, lang: Lang) -> String {
    match group {
        Group::Package => tr!(lang, "group-package"),
        Group::Syntax => tr!(lang, "group-syntax"),
        Group::Range => tr!(lang, "group-range"),
        Group::Kubesphere => tr!(lang, "group-kubesphere"),
        Group::Rancher => tr!(lang, "group-rancher"),
        Group::Helm => tr!(lang, "group-helm"),
        Group::Template => tr!(lang, "group-template"),
        Group::Suppression => tr!(lang, "group-suppression"),
    }
}

/// A rule's documentation in `lang`: the Chinese docs (`crates/core/docs/rules/zh/<CODE>.md`,
/// embedded by `build.rs`) or the English ones when a rule has none.
fn rule_docs(rule: &extcheck_core::rules::registry::Rule, lang: Lang) -> &'static str {
    match lang {
        Lang::En => rule.docs,
        Lang::ZhCn => zh_docs(rule.code).unwrap_or(rule.docs),
    }
}

include!(concat!(env!("OUT_DIR"), "/zh_docs.rs"));

/// The title of a rule's docs: its first line `# CODE: title`, as the registry's `title()`.
fn title_of(docs: &str) -> Option<&str> {
    docs.lines().next()?.strip_prefix("# ")?.split_once(": ").map(|(_, t)| t.trim())
}

/// The rule catalogue in `lang`, group by group in the catalogue's order.
pub fn rules(lang: Lang) -> Vec<RuleModel> {
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
    groups
        .into_iter()
        .flat_map(|group| RULES.iter().filter(move |r| r.group == group))
        .map(|r| RuleModel {
            group: group_title(r.group, lang),
            code: r.code.to_string(),
            severity: r.severity,
            title: title_of(rule_docs(r, lang)).unwrap_or_else(|| r.title()).to_string(),
            fix: match r.fix {
                FixKind::None => String::new(),
                FixKind::Safe => tr!(lang, "fix-kind-safe"),
                FixKind::Unsafe => tr!(lang, "fix-kind-unsafe"),
            },
            docs: extcheck_core::markdown::parse(rule_docs(r, lang)).into_iter().skip(1).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use extcheck_core::package::read_file;
    use extcheck_core::report::view::{SeverityFilter, group, grouped};

    fn corpus(path: &str) -> Report {
        let file = format!("{}/testdata/corpus/{path}", env!("CARGO_MANIFEST_DIR"));
        let name = path.rsplit('/').next().unwrap();
        extcheck_core::check(name, read_file(name, std::fs::read(file).unwrap()))
    }

    fn session() -> Session {
        let mut s = Session::default();
        s.checked(vec![corpus("kubesphere/packaged/metrics-server-0.7.1.tgz")]);
        s
    }

    fn reply<T: serde::de::DeserializeOwned>(s: &mut Session, r: Request) -> (T, Option<Vec<u8>>) {
        let (json, bytes) = s.handle(r).unwrap();
        (serde_json::from_str(&json).unwrap(), bytes)
    }

    #[test]
    fn models_carry_no_bytes_but_group_as_the_core_does() {
        let report = corpus("kubesphere/packaged/metrics-server-0.7.1.tgz");
        let p = &report.packages[0];
        let mut s = Session::default();
        let models = s.checked(vec![report.clone()]);
        let json = serde_json::to_string(&models).unwrap();
        let back: Vec<PackageModel> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, models);
        // No file travels whole: the largest text file is not in the models (snippets are lines).
        let (path, largest) = p
            .package
            .files
            .iter()
            .filter(|(_, b)| std::str::from_utf8(b).is_ok())
            .max_by_key(|(_, b)| b.len())
            .unwrap();
        let text = serde_json::to_string(std::str::from_utf8(largest).unwrap()).unwrap();
        assert!(largest.len() > 1000 && !json.contains(text.trim_matches('"')), "{path} is in the models");
        assert_eq!(back[0].counts(), p.counts());
        for filter in [SeverityFilter::default(), SeverityFilter::default().toggled(extcheck_core::Severity::Info)] {
            assert_eq!(group(&back[0].diagnostics, filter), grouped(p, filter));
        }
        assert_eq!(back[0].files, p.package.files.len());
    }

    #[test]
    fn files_are_sent_on_request() {
        let mut s = session();
        let (list, bytes): (Vec<(String, usize)>, _) = reply(&mut s, Request::Files { package: 0 });
        let bytes = bytes.unwrap();
        let files = crate::wire::decode_files(list, bytes.len(), |a, b| bytes[a..b].to_vec()).unwrap();
        assert_eq!(files, s.reports[0].packages[0].package.files);
        assert!(s.handle(Request::Files { package: 1 }).is_err());
    }

    #[test]
    fn fix_download_and_apply_use_the_same_corrected_package() {
        let mut s = Session::default();
        s.checked(vec![corpus("rancher/charts/clock-0.1.0.tgz")]);
        let (fix, _): (FixModel, _) = reply(&mut s, Request::Fix { package: 0, ticks: None });
        assert_eq!(fix.ticks.len(), fix.candidates.len());
        // Safe fixes are ticked by default, unsafe ones are not.
        assert!(fix.candidates.iter().zip(&fix.ticks).all(|(c, t)| c.safe == *t || !c.costs.is_empty()));
        let (d, bytes): (Download, _) = reply(&mut s, Request::Download { package: 0, ticks: Some(fix.ticks.clone()) });
        assert_eq!(Ok(d.clone()), fix.output);
        assert_eq!(bytes.unwrap().len() as u64, d.size);
        assert!(s.handle(Request::Fix { package: 0, ticks: Some(vec![]) }).is_err() || fix.candidates.is_empty());
        let (models, _): (Vec<PackageModel>, _) = reply(&mut s, Request::Apply { package: 0, ticks: None });
        assert_eq!(models.len(), 1);
        assert_eq!(Some(models[0].counts()), fix.recheck);
    }

    #[test]
    fn exports_range_and_rules() {
        let mut s = session();
        for format in Export::ALL {
            let (d, bytes): (Download, _) = reply(&mut s, Request::Export { format: format.extension().into() });
            let text = String::from_utf8(bytes.unwrap()).unwrap();
            assert_eq!(text, format.render(&s.reports));
            assert_eq!(d.file_name, format.file_name(&s.reports));
        }
        assert!(s.handle(Request::Export { format: "pdf".into() }).is_err());
        let request = Request::Range {
            constraint: ">=1.19.0".into(),
            version: "v1.27.4-eks-2d98532".into(),
            field: "kubeVersion".into(),
        };
        let (r, _): (RangeModel, _) = reply(&mut s, request);
        assert!(!r.judgements.is_empty());
        assert!(r.judgements.iter().any(|j| !j.accepted), "{r:?}");
        let (rules, _): (Vec<RuleModel>, _) = reply(&mut s, Request::Rules);
        assert_eq!(rules.len(), RULES.len());
        // The title is left out; every rule's docs have their sections.
        assert!(rules.iter().all(|r| !r.docs.is_empty()
            && !r.docs.iter().any(|b| matches!(b, extcheck_core::markdown::Block::Heading { level: 1, .. }))));
        // In Chinese every rule has its Chinese docs and title.
        let _: (Vec<PackageModel>, _) = reply(&mut s, Request::Localize { lang: Lang::ZhCn });
        let (zh, _): (Vec<RuleModel>, _) = reply(&mut s, Request::Rules);
        for (en, zh) in rules.iter().zip(&zh) {
            assert!(
                format!("{:?}", zh.docs).contains("检查内容") && zh.docs != en.docs,
                "{}: no Chinese docs",
                zh.code
            );
            assert!(!zh.title.is_empty(), "{}: the Chinese title", zh.code);
        }
        assert!(zh.iter().any(|r| r.group == "KS · KubeSphere 扩展组件"));
    }

    #[test]
    fn cards_are_built_here_with_their_image_bytes() {
        use crate::wire::cards::{CardsModel, Image};
        use extcheck_core::cards::kubesphere::KsCard;
        use extcheck_core::cards::rancher::{RancherCard, RancherChart, status_for};
        let mut s = session();
        s.checked(vec![
            corpus("kubesphere/packaged/metrics-server-0.7.1.tgz"),
            corpus("rancher/charts/kubewarden-4.2.1.tgz"),
        ]);
        let (ks, bytes): (CardsModel, _) = reply(&mut s, Request::Cards { package: 0, navigator: "zh-CN".into() });
        let bytes = bytes.unwrap();
        let p = &s.reports[0].packages[0];
        let card = KsCard::from_report(p).unwrap();
        let model = ks.kubesphere.unwrap();
        assert_eq!((model.preview_lang.as_str(), model.console_lang.as_str()), ("zh", "zh"));
        assert_eq!(
            model.langs.iter().map(|l| l.card.clone()).collect::<Vec<_>>(),
            [card.view("en", "zh-CN"), card.view("zh", "zh-CN")]
        );
        assert_eq!(ks.checklist.len(), extcheck_core::cards::checklist::for_report(p).len());
        // An embedded icon travels as bytes: exactly the file's.
        match (&model.icon, &card.icon) {
            (
                Some(Image::Bytes { start, end, .. }),
                Some(extcheck_core::cards::ImageRef::Embedded { bytes: icon, .. }),
            ) => {
                assert_eq!(&bytes[*start..*end], icon.as_slice())
            }
            (icon, core) => assert_eq!(icon.is_some(), core.is_some()),
        }
        assert!(ks.rancher.is_none());
        let (rc, _): (CardsModel, _) = reply(&mut s, Request::Cards { package: 1, navigator: String::new() });
        let p = &s.reports[1].packages[0];
        let model = rc.rancher.unwrap();
        assert_eq!(model.card.title, RancherCard::from_report(p).unwrap().title);
        assert!(!model.lines.is_empty());
        let chart = RancherChart::from_report(p).unwrap();
        for (line, status) in &model.lines {
            let core = status_for(&chart, p.matrix.as_ref().unwrap(), line);
            assert_eq!(status.as_ref().map(|s| (&s.note, s.shown)), core.as_ref().map(|c| (&c.note, c.shown)));
        }
        assert!(s.handle(Request::Cards { package: 2, navigator: String::new() }).is_err());
    }

    #[test]
    fn manifests_render_the_agent_release_with_edited_values_and_locate_failures() {
        let mut s = session();
        let ask = |s: &mut Session, values: Option<&str>, minor, agent| {
            let request = Request::Manifests { package: 0, values: values.map(str::to_string), minor, agent };
            s.handle(request).map(|(j, _)| serde_json::from_str::<ManifestsModel>(&j).unwrap())
        };
        let host = ask(&mut s, None, None, false).unwrap();
        assert!(host.has_agent && host.failure.is_none());
        assert!(host.values.contains("repository: kubesphere/metrics-server"));
        assert_eq!((host.minor, host.minors), (30, (21, 30)));
        let agent = ask(&mut s, None, Some(24), true).unwrap();
        let d = agent.files.iter().find(|f| f.template.ends_with("templates/deployment.yaml")).unwrap();
        assert_eq!(d.source.as_deref(), Some("charts/metrics-server/templates/deployment.yaml"));
        assert!(d.text.contains("image: docker.io/kubesphere/metrics-server:v0.7.0"));
        let failed = ask(&mut s, Some("metrics-server:\n  args: 3\n"), None, true).unwrap();
        let f = failed.failure.unwrap();
        assert_eq!(f.at.as_deref(), Some("charts/metrics-server/templates/deployment.yaml:72:27"));
        assert!(f.message.ends_with("range can't iterate over 3"));
        assert!(ask(&mut s, Some("a: [\n"), None, true).unwrap_err().starts_with("cannot load values.yaml"));
        assert!(ask(&mut s, None, None, false).is_ok());
    }
}
