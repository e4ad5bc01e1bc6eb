//! The Chart.yaml `ksbuilder package` writes (kubesphere.md §2.1): ksbuilder's `ToChartYaml`
//! mapping of extension.yaml into Helm's `chart.Metadata`, with a local icon turned into a data
//! URL, marshalled the way Helm's `chartutil.Save` does — through `sigs.k8s.io/yaml`, so JSON
//! field names with `omitempty`, keys in sorted order, and `gopkg.in/yaml.v2`'s scalar styles
//! and 80-column line folding.

use base64::Engine;

use crate::package::Package;
use crate::syntax::yaml::{self, Node, ScalarType};

/// A value of the generated document.
#[derive(Clone, Debug, PartialEq)]
enum V {
    Str(String),
    Bool(bool),
    List(Vec<V>),
    /// Keys are emitted sorted, as yaml.v2 sorts map keys.
    Map(Vec<(String, V)>),
}

/// The MIME type Go's `mime.TypeByExtension` gives an icon file (the types ksbuilder meets).
pub fn icon_mime(path: &str) -> &'static str {
    match path.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/vnd.microsoft.icon",
        _ => "application/octet-stream",
    }
}

/// `data:<mime>;base64,<bytes>` for a package file, as ksbuilder encodes a local icon.
pub fn data_url(path: &str, bytes: &[u8]) -> String {
    format!("data:{};base64,{}", icon_mime(path), base64::engine::general_purpose::STANDARD.encode(bytes))
}

fn string_field(root: &Node, key: &str) -> Option<String> {
    let e = root.entry_go(key)?;
    if e.value.is_null() {
        return None;
    }
    e.value.as_str().map(str::to_string).filter(|s| !s.is_empty())
}

fn string_list(node: Option<&Node>) -> Vec<V> {
    node.map_or_else(Vec::new, |n| {
        n.items().iter().filter_map(|i| i.as_str().filter(|s| !s.is_empty()).map(|s| V::Str(s.to_string()))).collect()
    })
}

/// Helm's `Maintainer` (`name`, `email`, `url`, each omitempty).
fn maintainer(n: &Node) -> V {
    let mut fields = Vec::new();
    for k in ["name", "email", "url"] {
        if let Some(v) = n.get(k).and_then(Node::as_str).filter(|s| !s.is_empty()) {
            fields.push((k.to_string(), V::Str(v.to_string())));
        }
    }
    V::Map(fields)
}

/// Helm's `Dependency`: `name` and `repository` always (no omitempty), the rest omitempty.
fn dependency(n: &Node) -> V {
    let s = |k: &str| {
        n.get(k)
            .and_then(Node::as_str)
            .filter(|v| !v.is_empty() && !n.get(k).is_some_and(Node::is_null))
            .map(str::to_string)
    };
    let mut fields = vec![
        ("name".to_string(), V::Str(s("name").unwrap_or_default())),
        ("repository".to_string(), V::Str(s("repository").unwrap_or_default())),
    ];
    for k in ["version", "condition", "alias"] {
        if let Some(v) = s(k) {
            fields.push((k.to_string(), V::Str(v)));
        }
    }
    let tags = string_list(n.get("tags"));
    if !tags.is_empty() {
        fields.push(("tags".into(), V::List(tags)));
    }
    if n.get("enabled").is_some_and(|e| {
        e.scalar_type() == Some(ScalarType::Bool)
            && matches!(e.as_str(), Some("true" | "True" | "TRUE" | "yes" | "on" | "y"))
    }) {
        fields.push(("enabled".into(), V::Bool(true)));
    }
    V::Map(fields)
}

/// The Chart.yaml ksbuilder generates from the package's `extension.yaml`, or `None` when
/// extension.yaml does not parse. A local icon becomes a data URL; a missing one stays a path
/// (ksbuilder itself would fail: KS020).
pub fn generate(package: &Package) -> Option<String> {
    let text = package.text("extension.yaml")?;
    let stream = yaml::parse(text);
    let root = stream.first().filter(|r| r.is_mapping())?;
    let mut fields: Vec<(String, V)> = vec![("apiVersion".into(), V::Str("v2".into()))];
    for (json, key) in [("name", "name"), ("version", "version"), ("kubeVersion", "kubeVersion"), ("home", "home")] {
        if let Some(v) = string_field(root, key) {
            fields.push((json.into(), V::Str(v)));
        }
    }
    if let Some(d) =
        root.entry_go("description").and_then(|e| e.value.get("en")).and_then(Node::as_str).filter(|s| !s.is_empty())
    {
        fields.push(("description".into(), V::Str(d.to_string())));
    }
    for key in ["keywords", "sources"] {
        let list = string_list(root.entry_go(key).map(|e| &e.value));
        if !list.is_empty() {
            fields.push((key.into(), V::List(list)));
        }
    }
    if let Some(icon) = string_field(root, "icon") {
        let local = icon.trim_start_matches("./");
        let value = match package.bytes(local) {
            Some(bytes) if !crate::kubesphere::rules::media::is_url(&icon) => data_url(local, bytes),
            _ => icon,
        };
        fields.push(("icon".into(), V::Str(value)));
    }
    let maintainers: Vec<V> =
        root.entry_go("maintainers").map_or_else(Vec::new, |e| e.value.items().iter().map(maintainer).collect());
    if !maintainers.is_empty() {
        fields.push(("maintainers".into(), V::List(maintainers)));
    }
    let deps: Vec<V> =
        root.entry_go("dependencies").map_or_else(Vec::new, |e| e.value.items().iter().map(dependency).collect());
    if !deps.is_empty() {
        fields.push(("dependencies".into(), V::List(deps)));
    }
    if let Some(a) = root.entry_go("annotations").filter(|a| a.value.is_mapping()) {
        let pairs: Vec<(String, V)> = a
            .value
            .entries()
            .iter()
            .filter_map(|e| Some((e.key_str()?.to_string(), V::Str(e.value.as_str().unwrap_or("").to_string()))))
            .collect();
        if !pairs.is_empty() {
            fields.push(("annotations".into(), V::Map(pairs)));
        }
    }
    let mut out = String::new();
    emit_map(&fields, 0, &mut out);
    Some(out)
}

/// The Chart.yaml text Helm's `chartutil.Save` writes for a chart whose Chart.yaml is `text`:
/// the file read into `chart.Metadata` (unknown keys dropped, keys matched as `encoding/json`
/// does) and marshalled back in sorted key order. `ksbuilder package` does this to every
/// subchart. Returns `None` when the file does not parse, or holds a value Helm would convert
/// or reject (a number or bool where a string is expected, `import-values`): the caller then
/// keeps the original bytes rather than guess.
pub fn remarshal(text: &str) -> Option<String> {
    let stream = yaml::parse(text);
    if stream.error.is_some() || stream.documents.len() > 1 {
        return None;
    }
    let root = stream.first().filter(|r| r.is_mapping())?;
    let mut fields: Vec<(String, V)> = Vec::new();
    for key in STRING_FIELDS {
        if let Some(v) = strict_string(root.entry_go(key).map(|e| &e.value))? {
            fields.push(((*key).to_string(), V::Str(v)));
        }
    }
    for key in ["sources", "keywords"] {
        if let Some(list) = strict_list(root.entry_go(key).map(|e| &e.value))? {
            fields.push((key.to_string(), V::List(list)));
        }
    }
    if strict_bool(root.entry_go("deprecated").map(|e| &e.value))? {
        fields.push(("deprecated".into(), V::Bool(true)));
    }
    if let Some(e) = root.entry_go("maintainers").filter(|e| !e.value.is_null()) {
        if !e.value.is_sequence() {
            return None;
        }
        let mut list = Vec::new();
        for item in e.value.items() {
            let mut m = Vec::new();
            for k in ["name", "email", "url"] {
                if let Some(v) = strict_string(item.entry_go(k).map(|e| &e.value))? {
                    m.push((k.to_string(), V::Str(v)));
                }
            }
            list.push(V::Map(m));
        }
        if !list.is_empty() {
            fields.push(("maintainers".into(), V::List(list)));
        }
    }
    if let Some(e) = root.entry_go("annotations").filter(|e| !e.value.is_null()) {
        if !e.value.is_mapping() {
            return None;
        }
        let mut pairs: Vec<(String, V)> = Vec::new();
        for entry in e.value.entries() {
            let key = entry.key_str()?.to_string();
            let value = strict_string(Some(&entry.value))?.unwrap_or_default();
            pairs.retain(|(k, _)| *k != key);
            pairs.push((key, V::Str(value)));
        }
        if !pairs.is_empty() {
            fields.push(("annotations".into(), V::Map(pairs)));
        }
    }
    if let Some(e) = root.entry_go("dependencies").filter(|e| !e.value.is_null()) {
        if !e.value.is_sequence() {
            return None;
        }
        let mut list = Vec::new();
        for item in e.value.items() {
            if item.entry_go("import-values").is_some() || !item.is_mapping() {
                return None;
            }
            let mut m = Vec::new();
            for (k, always) in
                [("name", true), ("version", false), ("repository", true), ("condition", false), ("alias", false)]
            {
                match strict_string(item.entry_go(k).map(|e| &e.value))? {
                    Some(v) => m.push((k.to_string(), V::Str(v))),
                    None if always => m.push((k.to_string(), V::Str(String::new()))),
                    None => {}
                }
            }
            if let Some(tags) = strict_list(item.entry_go("tags").map(|e| &e.value))? {
                m.push(("tags".into(), V::List(tags)));
            }
            if strict_bool(item.entry_go("enabled").map(|e| &e.value))? {
                m.push(("enabled".into(), V::Bool(true)));
            }
            list.push(V::Map(m));
        }
        if !list.is_empty() {
            fields.push(("dependencies".into(), V::List(list)));
        }
    }
    let mut out = String::new();
    emit_map(&fields, 0, &mut out);
    Some(out)
}

/// `chart.Metadata`'s string fields, by JSON name.
const STRING_FIELDS: &[&str] = &[
    "name",
    "home",
    "version",
    "description",
    "icon",
    "apiVersion",
    "condition",
    "tags",
    "appVersion",
    "kubeVersion",
    "type",
];

/// A string field: `Some(None)` when absent, null or empty (omitted), `Some(Some(s))` for a
/// string, `None` when the value is of another type (Helm would convert or reject it).
fn strict_string(node: Option<&Node>) -> Option<Option<String>> {
    let Some(node) = node else { return Some(None) };
    match node.scalar_type() {
        Some(ScalarType::Null) => Some(None),
        Some(ScalarType::Str) => Some(node.as_str().filter(|s| !s.is_empty()).map(str::to_string)),
        _ => None,
    }
}

/// A bool field with `omitempty`: `Some(true)` for a yaml.v2 true, `Some(false)` when absent,
/// null or false, `None` when the value is not a bool.
fn strict_bool(node: Option<&Node>) -> Option<bool> {
    let Some(node) = node else { return Some(false) };
    match node.scalar_type()? {
        ScalarType::Bool => Some(matches!(
            node.as_str(),
            Some("true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "y" | "Y")
        )),
        ScalarType::Null => Some(false),
        _ => None,
    }
}

/// A list of strings: `Some(None)` when absent, null or empty, `None` on a wrong type.
fn strict_list(node: Option<&Node>) -> Option<Option<Vec<V>>> {
    let Some(node) = node else { return Some(None) };
    if node.is_null() {
        return Some(None);
    }
    if !node.is_sequence() {
        return None;
    }
    let mut out = Vec::new();
    for item in node.items() {
        out.push(V::Str(strict_string(Some(item))?.unwrap_or_default()));
    }
    Some((!out.is_empty()).then_some(out))
}

fn sorted(fields: &[(String, V)]) -> Vec<&(String, V)> {
    let mut v: Vec<&(String, V)> = fields.iter().collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// A block mapping at `indent`; `first_inline` is the prefix already written on the first line
/// (a sequence item's `- `).
fn emit_map(fields: &[(String, V)], indent: usize, out: &mut String) {
    for (i, (key, value)) in sorted(fields).into_iter().enumerate() {
        if i > 0 || !out.ends_with("- ") {
            if !out.is_empty() && !out.ends_with('\n') && !out.ends_with("- ") {
                out.push('\n');
            }
            if !out.ends_with("- ") {
                out.push_str(&" ".repeat(indent));
            }
        }
        let key_token = scalar(key, indent);
        out.push_str(&key_token);
        out.push(':');
        match value {
            V::Str(s) => {
                out.push(' ');
                let column = current_column(out);
                out.push_str(&scalar_at(s, indent + 2, column));
                out.push('\n');
            }
            V::Bool(b) => {
                out.push_str(if *b { " true\n" } else { " false\n" });
            }
            V::List(items) if items.is_empty() => out.push_str(" []\n"),
            V::List(items) => {
                out.push('\n');
                emit_list(items, indent, out);
            }
            V::Map(m) if m.is_empty() => out.push_str(" {}\n"),
            V::Map(m) => {
                out.push('\n');
                emit_map(m, indent + 2, out);
            }
        }
    }
}

/// A block sequence whose items start at `indent` (yaml.v2 does not indent sequences under
/// their key).
fn emit_list(items: &[V], indent: usize, out: &mut String) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match item {
            V::Str(s) => {
                let column = current_column(out);
                out.push_str(&scalar_at(s, indent + 2, column));
                out.push('\n');
            }
            V::Bool(b) => out.push_str(if *b { "true\n" } else { "false\n" }),
            V::Map(m) => emit_map(m, indent + 2, out),
            V::List(l) => {
                out.push('\n');
                emit_list(l, indent + 2, out);
            }
        }
    }
}

fn current_column(out: &str) -> usize {
    out.rsplit('\n').next().map_or(0, |l| l.chars().count())
}

fn scalar(s: &str, indent: usize) -> String {
    scalar_at(s, indent, 0)
}

/// How yaml.v2 writes a string: plain when it reads back as the same string, single-quoted when
/// plain is not allowed but the string is printable, double-quoted when it would resolve to
/// another type (`1.0`, `true`); long plain and single-quoted scalars fold at spaces once the
/// column passes 80 (the emitter's `best_width`), continuing at `indent`.
fn scalar_at(s: &str, indent: usize, column: usize) -> String {
    if s.contains('\n') {
        let pad = " ".repeat(indent);
        let body: Vec<String> = s
            .trim_end_matches('\n')
            .lines()
            .map(|l| if l.is_empty() { String::new() } else { format!("{pad}{l}") })
            .collect();
        let chomp = if s.ends_with('\n') { "" } else { "-" };
        return format!("|{chomp}\n{}", body.join("\n"));
    }
    if yaml::resolve_plain(s) != ScalarType::Str {
        return yaml::double_quoted(s);
    }
    if plain_allowed(s) {
        return fold(s, indent, column, false);
    }
    fold(&s.replace('\'', "''"), indent, column, true)
}

/// yaml.v2 `yaml_emitter_analyze_scalar` for block context: no leading indicator (except `-`,
/// `?`, `:` followed by a non-space), no `: ` or ` #`, no leading or trailing space.
fn plain_allowed(s: &str) -> bool {
    let Some(first) = s.chars().next() else { return false };
    let second = s.chars().nth(1);
    let indicator_start = match first {
        '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%' | '@' | '`' => true,
        '-' | '?' | ':' => second.is_none_or(|c| c == ' '),
        _ => false,
    };
    !indicator_start
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && s.chars().all(|c| !c.is_control())
}

fn fold(s: &str, indent: usize, start_column: usize, quoted: bool) -> String {
    let mut out = String::new();
    let mut column = start_column;
    if quoted {
        out.push('\'');
        column += 1;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_is_space = chars.get(i + 1).is_some_and(|n| *n == ' ');
        let prev_is_space = i > 0 && chars[i - 1] == ' ';
        if c == ' ' && column > 80 && !next_is_space && !prev_is_space && i > 0 && i + 1 < chars.len() {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
            continue;
        }
        out.push(c);
        column += 1;
    }
    if quoted {
        out.push('\'');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_as_yaml_v2_writes_them() {
        assert_eq!(scalar(">=1.22.0-0", 0), "'>=1.22.0-0'");
        assert_eq!(scalar("1.0", 0), "\"1.0\"");
        assert_eq!(scalar("1.0.0", 0), "1.0.0");
        assert_eq!(scalar("it's", 0), "it's");
        assert_eq!(scalar("", 0), "\"\"");
        assert_eq!(scalar("Integration & Delivery", 0), "Integration & Delivery");
        let long = "cert-manager creates TLS certificates for workloads in your Kubernetes and renews the certificates before they expire.";
        assert_eq!(
            scalar_at(long, 2, 13),
            "cert-manager creates TLS certificates for workloads in your Kubernetes\n  and renews the certificates before they expire."
        );
    }
}
