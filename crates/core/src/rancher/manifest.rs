//! The manifest of a Rancher package — package.json for a UI extension's source, Chart.yaml
//! for its chart — seen through one interface: where its annotations, icon and description
//! are, and how to edit them.

use std::rc::Rc;

use super::annotations::{self, Annotation, Source};
use crate::diagnostic::Edit;
use crate::document::block_entry_lines;
use crate::document::{Ctx, JsonFile, TextFile, YamlFile};
use crate::edit;
use crate::package::Kind;
use crate::syntax::Span;
use crate::syntax::json::{JsonNode, string_literal};
use crate::syntax::yaml::Node;

/// A parsed package.json or Chart.yaml.
pub enum Manifest<'a> {
    /// package.json (`rancher.annotations`, `icon`, `description`).
    PackageJson(Rc<JsonFile<'a>>),
    /// Chart.yaml (`annotations`, `icon`, `description`).
    ChartYaml(Rc<YamlFile<'a>>),
}

impl<'a> Manifest<'a> {
    /// The manifest of `ctx`'s package, if it parsed: package.json for a UI extension,
    /// Chart.yaml for a chart; `None` for other kinds.
    pub fn of(ctx: &Ctx<'a>) -> Option<Self> {
        match ctx.kind {
            Kind::RancherPackage => {
                let f = ctx.json("package.json")?;
                f.value.is_ok().then_some(Manifest::PackageJson(f))
            }
            Kind::RancherChart => {
                let f = ctx.yaml("Chart.yaml")?;
                f.root().is_some_and(Node::is_mapping).then_some(Manifest::ChartYaml(f))
            }
            _ => None,
        }
    }

    /// The file.
    pub fn file(&self) -> &TextFile<'a> {
        match self {
            Manifest::PackageJson(f) => &f.file,
            Manifest::ChartYaml(f) => &f.file,
        }
    }

    /// Where annotations live in this manifest.
    pub fn source(&self) -> Source {
        match self {
            Manifest::PackageJson(_) => Source::PackageJson,
            Manifest::ChartYaml(_) => Source::ChartYaml,
        }
    }

    fn json_root(&self) -> Option<&JsonNode> {
        match self {
            Manifest::PackageJson(f) => f.value.as_ref().ok(),
            Manifest::ChartYaml(_) => None,
        }
    }

    fn yaml_root(&self) -> Option<&Node> {
        match self {
            Manifest::ChartYaml(f) => f.root(),
            Manifest::PackageJson(_) => None,
        }
    }

    /// The annotations (package.json `rancher.annotations`, Chart.yaml `annotations`).
    pub fn annotations(&self) -> Vec<Annotation> {
        if let Some(root) = self.json_root() {
            return root
                .get("rancher")
                .and_then(|r| r.get("annotations"))
                .map(annotations::from_json)
                .unwrap_or_default();
        }
        self.yaml_root().and_then(|r| r.get("annotations")).map(annotations::from_yaml).unwrap_or_default()
    }

    /// False for a package.json whose `rancher` key is missing or not an object.
    pub fn has_annotations_container(&self) -> bool {
        self.json_root().is_none_or(|root| root.get("rancher").is_some_and(JsonNode::is_object))
    }

    /// A top-level string field (`icon`, `description`) and its span.
    pub fn string(&self, key: &str) -> Option<(String, Span)> {
        if let Some(root) = self.json_root() {
            let n = root.get(key)?;
            return Some((n.as_str()?.to_string(), n.span));
        }
        let n = self.yaml_root()?.entry_go(key)?;
        Some((n.value.as_str()?.to_string(), n.value.span))
    }

    /// The span to point at for a whole-manifest finding: the annotations key, else the start.
    pub fn anchor(&self) -> Span {
        if let Some(root) = self.json_root() {
            return root
                .get("rancher")
                .and_then(|r| r.member("annotations").map(|m| m.key_span))
                .or_else(|| root.member("rancher").map(|m| m.key_span))
                .unwrap_or(Span::at(root.span.start));
        }
        let root = self.yaml_root();
        root.and_then(|r| r.entry("annotations").map(|e| e.key.span))
            .unwrap_or(Span::at(root.map_or(0, |r| r.span.start)))
    }

    /// An edit removing annotation `key`, when it can be removed cleanly.
    pub fn remove_annotation(&self, key: &str) -> Option<Edit> {
        let file = self.file();
        if let Some(root) = self.json_root() {
            let object = root.get("rancher")?.get("annotations")?;
            return edit::json_remove(file.path, object, key);
        }
        let entry = self.yaml_root()?.get("annotations")?.entry(key)?;
        block_entry_lines(file.text, entry.key.span.start, entry.value.span.end)
            .map(|span| Edit::delete(file.path, span))
    }

    /// An edit writing `value` as a string in place of the annotation value at `span`.
    pub fn stringify(&self, span: Span) -> Edit {
        let file = self.file();
        Edit::replace(file.path, span, string_literal(file.slice(span)))
    }
}
