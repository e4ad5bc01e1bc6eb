//! The shapes Go decodes `extension.yaml` and `Chart.yaml` into, field by field, and the
//! checks that follow from them: SYN003 (a known key in non-canonical case, which Go's
//! `encoding/json` matches case-insensitively and other readers do not) and SYN004 (a scalar
//! of the wrong type).
//!
//! Sources: ksbuilder `pkg/api/metadata.go` (`Metadata`), kubesphere
//! `staging/src/kubesphere.io/api/core/v1alpha1/types.go` (`ExtensionVersionSpec`), Helm
//! `pkg/chart/metadata.go` (`Metadata`, `Maintainer`) and `dependency.go` (`Dependency`).

pub mod syn003;
pub mod syn004;

use self::syn003::KeyCase;
use self::syn004::{NotString, WrongScalar};
use super::TextFile;
use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::yaml::{self, Node, ScalarStyle, ScalarType, Value};

/// The Go type a field decodes into.
#[derive(Debug)]
pub enum Ty {
    /// `string`.
    Str,
    /// `bool`.
    Bool,
    /// Anything (`interface{}`, `import-values`).
    Any,
    /// `[]T`.
    List(&'static Ty),
    /// `map[string]T`.
    Map(&'static Ty),
    /// A struct with these fields (JSON names).
    Struct(&'static [(&'static str, Ty)]),
}

const MAINTAINER: Ty = Ty::Struct(&[("name", Ty::Str), ("email", Ty::Str), ("url", Ty::Str)]);
const DEPENDENCY: Ty = Ty::Struct(&[
    ("name", Ty::Str),
    ("version", Ty::Str),
    ("repository", Ty::Str),
    ("condition", Ty::Str),
    ("tags", Ty::List(&Ty::Str)),
    ("enabled", Ty::Bool),
    ("import-values", Ty::Any),
    ("alias", Ty::Str),
]);
const LOCALES: Ty = Ty::Map(&Ty::Str);

/// `extension.yaml`: the union of ksbuilder's `Metadata` and ks-core's `ExtensionVersionSpec`.
pub static EXTENSION_YAML: Ty = Ty::Struct(&[
    ("apiVersion", Ty::Str),
    ("name", Ty::Str),
    ("version", Ty::Str),
    ("displayName", LOCALES),
    ("description", LOCALES),
    ("category", Ty::Str),
    ("keywords", Ty::List(&Ty::Str)),
    ("home", Ty::Str),
    ("docs", Ty::Str),
    ("sources", Ty::List(&Ty::Str)),
    ("kubeVersion", Ty::Str),
    ("ksVersion", Ty::Str),
    ("maintainers", Ty::List(&MAINTAINER)),
    ("provider", Ty::Map(&MAINTAINER)),
    ("staticFileDirectory", Ty::Str),
    ("icon", Ty::Str),
    ("screenshots", Ty::List(&Ty::Str)),
    ("dependencies", Ty::List(&DEPENDENCY)),
    ("installationMode", Ty::Str),
    ("namespace", Ty::Str),
    ("images", Ty::List(&Ty::Str)),
    (
        "externalDependencies",
        Ty::List(&Ty::Struct(&[("name", Ty::Str), ("type", Ty::Str), ("version", Ty::Str), ("required", Ty::Bool)])),
    ),
    ("annotations", Ty::Map(&Ty::Any)),
]);

/// `Chart.yaml`: Helm's `chart.Metadata`.
pub static CHART_YAML: Ty = Ty::Struct(&[
    ("name", Ty::Str),
    ("home", Ty::Str),
    ("sources", Ty::List(&Ty::Str)),
    ("version", Ty::Any),
    ("description", Ty::Str),
    ("keywords", Ty::List(&Ty::Str)),
    ("maintainers", Ty::List(&MAINTAINER)),
    ("icon", Ty::Str),
    ("apiVersion", Ty::Str),
    ("condition", Ty::Str),
    ("tags", Ty::Str),
    ("appVersion", Ty::Any),
    ("deprecated", Ty::Bool),
    ("annotations", Ty::Map(&Ty::Any)),
    ("kubeVersion", Ty::Str),
    ("dependencies", Ty::List(&DEPENDENCY)),
    ("type", Ty::Str),
]);

impl Ty {
    /// The fields of a struct type (empty otherwise).
    pub fn fields(&self) -> &'static [(&'static str, Ty)] {
        match self {
            Ty::Struct(fields) => fields,
            _ => &[],
        }
    }
}

/// How strictly wrong scalar types are judged for a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strictness {
    /// ks-core decodes `extension.yaml` without a target type: any number or bool in a string
    /// field makes decoding fail and the version is skipped (SYN004 error).
    KsCore,
    /// Helm and ksbuilder convert numbers to strings (`sigs.k8s.io/yaml`): not an error here
    /// (HELM002 covers `version` and `appVersion`).
    Helm,
}

/// Walks `node` against `ty`, emitting SYN003 and (for [`Strictness::KsCore`]) SYN004.
pub fn check(file: &TextFile<'_>, node: &Node, ty: &'static Ty, strictness: Strictness, out: &mut Vec<Diagnostic>) {
    let mut stack: Vec<(&Node, &'static Ty, String)> = vec![(node, ty, String::new())];
    while let Some((node, ty, path)) = stack.pop() {
        match ty {
            Ty::Any => {}
            Ty::Str | Ty::Bool => {
                if strictness == Strictness::KsCore {
                    wrong_scalar(file, node, ty, &path, out);
                }
            }
            Ty::List(item) => {
                for (i, n) in node.items().iter().enumerate() {
                    stack.push((n, item, format!("{path}[{i}]")));
                }
            }
            Ty::Map(value) => {
                for e in node.entries() {
                    let key = e.key_str().unwrap_or("?");
                    stack.push((&e.value, value, join(&path, key)));
                }
            }
            Ty::Struct(fields) => {
                for e in node.entries() {
                    let Some(key) = e.key_str() else { continue };
                    if let Some((_, fty)) = fields.iter().find(|(name, _)| *name == key) {
                        stack.push((&e.value, fty, join(&path, key)));
                    } else if let Some((canonical, fty)) =
                        fields.iter().find(|(name, _)| name.eq_ignore_ascii_case(key))
                    {
                        out.push(file.report(&KeyCase { key, canonical }, e.key.span).with_fix(Fix::safe(
                            crate::msg!("syn003-fix", key, canonical = *canonical),
                            vec![file.edit(e.key.span, *canonical)],
                        )));
                        stack.push((&e.value, fty, join(&path, canonical)));
                    }
                }
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

/// SYN004: a number or bool where Go expects a string, or a quoted `"true"` where it expects
/// a bool.
fn wrong_scalar(file: &TextFile<'_>, node: &Node, ty: &Ty, path: &str, out: &mut Vec<Diagnostic>) {
    let Value::Scalar { text, style } = &node.value else {
        return;
    };
    let Some(actual) = node.scalar_type() else {
        return;
    };
    let raw = file.slice(node.span);
    match (ty, actual) {
        (Ty::Str, ScalarType::Int | ScalarType::Float | ScalarType::Bool) => {
            let actual = match actual {
                ScalarType::Bool => NotString::Bool,
                ScalarType::Float => {
                    let go = go_float_string(text);
                    NotString::Float { go: (go != *text).then_some(go) }
                }
                _ => NotString::Int,
            };
            out.push(file.report(&WrongScalar::NotString { path, raw, actual }, node.span).with_fix(Fix::safe(
                crate::msg!("syn001-fix-quote", raw),
                vec![file.edit(node.span, yaml::double_quoted(raw))],
            )));
        }
        (Ty::Bool, ScalarType::Str) if *style != ScalarStyle::Plain && matches!(text.as_str(), "true" | "false") => {
            out.push(file.report(&WrongScalar::QuotedBool { path, raw }, node.span).with_fix(Fix::safe(
                crate::msg!("syn004-fix-unquote", raw),
                vec![file.edit(node.span, text.as_str())],
            )));
        }
        _ => {}
    }
}

/// How Go prints the float a YAML scalar becomes (`strconv.FormatFloat(f, 'g', -1, 64)` as
/// `sigs.k8s.io/yaml` converts it): `1.10` → `1.1`, `1.0` → `1`.
pub fn go_float_string(text: &str) -> String {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    match clean.parse::<f64>() {
        Ok(f) if f.is_finite() && f == f.trunc() && f.abs() < 1e21 => format!("{}", f as i64),
        Ok(f) => format!("{f}"),
        Err(_) => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::LineIndex;

    fn run(text: &str, ty: &'static Ty, strictness: Strictness) -> Vec<Diagnostic> {
        let file = TextFile { path: "extension.yaml", text, index: LineIndex::new(text) };
        let stream = yaml::parse(text);
        let mut out = Vec::new();
        check(&file, &stream.documents[0], ty, strictness, &mut out);
        out
    }

    #[test]
    fn numbers_in_string_fields_and_quoted_bools() {
        let text = "name: demo\nversion: 1.10\nexternalDependencies:\n  - name: x\n    version: '>=1.0.0-0'\n    required: \"true\"\n";
        let out = run(text, &EXTENSION_YAML, Strictness::KsCore);
        assert_eq!(out.len(), 2, "{out:#?}");
        assert_eq!(out[0].code, "SYN004");
        let msgs: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("`version: 1.10` is a YAML number") && m.contains("`1.1`")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("externalDependencies[0].required")), "{msgs:?}");
        assert!(run(text, &CHART_YAML, Strictness::Helm).is_empty());
    }

    #[test]
    fn non_canonical_case() {
        let out = run("Icon: ./a.svg\nprovider:\n  en:\n    Name: x\n", &EXTENSION_YAML, Strictness::KsCore);
        let found: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(found, ["`Icon` should be spelled `icon`", "`Name` should be spelled `name`"]);
        assert_eq!(out[0].fix.as_ref().unwrap().edits[0].replacement, "icon");
    }

    #[test]
    fn go_floats() {
        assert_eq!(go_float_string("1.10"), "1.1");
        assert_eq!(go_float_string("1.0"), "1");
        assert_eq!(go_float_string("2.5e3"), "2500");
    }
}
