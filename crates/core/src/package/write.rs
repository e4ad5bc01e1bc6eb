//! Writing packages as `.tgz`, the way Helm's `chartutil.Save` does (`pkg/chartutil/save.go`
//! `writeTarContents`, v3.18.1), which is what `ksbuilder package` produces: every entry under
//! one top folder, files only, mode 0644, uid/gid 0, in Helm's order — `Chart.yaml`,
//! `values.yaml`, `templates/…`, the other files, then each subchart in `charts/` the same way
//! — gzip-compressed with Helm's header comment. The output is deterministic: the same files
//! always give the same bytes (a fixed modification time replaces Helm's "now").

use std::cmp::Ordering;
use std::collections::BTreeMap;

use flate2::{Compression, GzBuilder};

/// Helm's gzip header: the extra field its `chartutil.Save` writes, and the comment.
const HELM_GZIP_EXTRA: &[u8] = b"+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=";
const HELM_GZIP_COMMENT: &str = "Helm";

/// Modification time written into every entry: 2024-01-01T00:00:00Z, in seconds since the epoch.
pub const FIXED_MTIME: u64 = 1_704_067_200;

/// How entries are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Helm's chart order (see the module docs).
    Helm,
    /// Directory-walk order (folder by folder, names byte-wise), as `tar -c` of a folder gives.
    Walk,
}

/// Compares two `/`-separated paths as Go's `filepath.Walk` visits them: segment by segment,
/// each segment byte-wise (so `a/b` comes before `a-c`, unlike plain string order).
pub fn walk_order(a: &str, b: &str) -> Ordering {
    a.split('/').cmp(b.split('/'))
}

/// The paths of a chart's files in Helm's save order; the chart's root is `dir` (`""` for the
/// package root). Subcharts under `charts/<name>/` follow recursively; `charts/*.tgz` archives
/// are kept as files, last.
pub fn helm_order<'a>(paths: &[&'a str], dir: &str) -> Vec<&'a str> {
    let prefix = if dir.is_empty() { String::new() } else { format!("{dir}/") };
    let local: Vec<&'a str> = paths.iter().copied().filter(|p| p.starts_with(&prefix)).collect();
    let rel = |p: &'a str| &p[prefix.len()..];
    let mut out = Vec::with_capacity(local.len());
    for first in ["Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json"] {
        out.extend(local.iter().copied().filter(|p| rel(p) == first));
    }
    let mut templates: Vec<&str> = local.iter().copied().filter(|p| rel(p).starts_with("templates/")).collect();
    templates.sort_by(|a, b| walk_order(a, b));
    out.extend(templates);
    let special = |r: &str| matches!(r, "Chart.yaml" | "Chart.lock" | "values.yaml" | "values.schema.json");
    let mut files: Vec<&str> = local
        .iter()
        .copied()
        .filter(|p| {
            let r = rel(p);
            !special(r) && !r.starts_with("templates/") && !r.starts_with("charts/")
        })
        .collect();
    files.sort_by(|a, b| walk_order(a, b));
    out.extend(files);
    let mut subcharts: Vec<&str> =
        local.iter().filter_map(|p| rel(p).strip_prefix("charts/")?.split_once('/').map(|(name, _)| name)).collect();
    subcharts.sort_unstable();
    subcharts.dedup();
    for name in subcharts {
        let sub_dir = format!("{prefix}charts/{name}");
        out.extend(helm_order(&local, &sub_dir));
    }
    let mut archives: Vec<&str> =
        local.iter().copied().filter(|p| rel(p).strip_prefix("charts/").is_some_and(|r| !r.contains('/'))).collect();
    archives.sort_by(|a, b| walk_order(a, b));
    out.extend(archives);
    out
}

/// Writes `files` as a gzip-compressed tar with every entry under `top/`, in `order`.
/// Deterministic; never fails (entry names over 100 bytes use GNU long-name records).
pub fn write_tgz(files: &BTreeMap<String, Vec<u8>>, top: &str, order: Order) -> Vec<u8> {
    let paths: Vec<&str> = files.keys().map(String::as_str).collect();
    let ordered: Vec<&str> = match order {
        Order::Helm => helm_order(&paths, ""),
        Order::Walk => {
            let mut p = paths.clone();
            p.sort_by(|a, b| walk_order(a, b));
            p
        }
    };
    let encoder = GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .extra(HELM_GZIP_EXTRA.to_vec())
        .comment(HELM_GZIP_COMMENT)
        .write(Vec::new(), Compression::default());
    let mut builder = tar::Builder::new(encoder);
    builder.mode(tar::HeaderMode::Deterministic);
    for path in ordered {
        let data = &files[path];
        let mut header = tar::Header::new_ustar();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_mode(0o644);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(FIXED_MTIME);
        header.set_size(data.len() as u64);
        let name = format!("{top}/{path}");
        // `append_data` writes long names as GNU records and sets the checksum.
        let _ = builder.append_data(&mut header, &name, data.as_slice());
    }
    let encoder = builder.into_inner().unwrap_or_else(|_| GzBuilder::new().write(Vec::new(), Compression::default()));
    encoder.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::read_archive;

    fn files(paths: &[&str]) -> BTreeMap<String, Vec<u8>> {
        paths.iter().map(|p| (p.to_string(), format!("content of {p}\n").into_bytes())).collect()
    }

    #[test]
    fn helm_order_matches_ksbuilder_output() {
        // The order of cert-manager-1.0.0.tgz in the corpus (built by ksbuilder), shortened.
        let paths = [
            "values.yaml",
            "static/favicon.svg",
            "charts/cert-manager/templates/deployment.yaml",
            ".helmignore",
            "charts/cert-manager/README.md",
            "extension.yaml",
            "Chart.yaml",
            "charts/cert-manager/files/check.sh",
            "charts/cert-manager/Chart.yaml",
            "charts/cert-manager/templates/NOTES.txt",
            "README_zh.md",
            "charts/cert-manager/values.yaml",
            "README.md",
        ];
        assert_eq!(
            helm_order(&paths, ""),
            [
                "Chart.yaml",
                "values.yaml",
                ".helmignore",
                "README.md",
                "README_zh.md",
                "extension.yaml",
                "static/favicon.svg",
                "charts/cert-manager/Chart.yaml",
                "charts/cert-manager/values.yaml",
                "charts/cert-manager/templates/NOTES.txt",
                "charts/cert-manager/templates/deployment.yaml",
                "charts/cert-manager/README.md",
                "charts/cert-manager/files/check.sh",
            ]
        );
    }

    #[test]
    fn walk_order_is_by_segment() {
        assert_eq!(walk_order("a/b", "a-c"), Ordering::Less);
        assert_eq!(walk_order("a-c", "a/b"), Ordering::Greater);
        assert_eq!(walk_order("a", "a/b"), Ordering::Less);
    }

    #[test]
    fn output_is_deterministic_and_reads_back() {
        let f = files(&["Chart.yaml", "values.yaml", "templates/a.yaml", &format!("docs/{}.md", "x".repeat(120))]);
        let a = write_tgz(&f, "demo", Order::Helm);
        let b = write_tgz(&f, "demo", Order::Helm);
        assert_eq!(a, b);
        assert_eq!(&a[..3], &[0x1f, 0x8b, 8]);
        let read = read_archive("demo.tgz", &a);
        assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
        assert_eq!(read.package.unwrap().files, f);
    }
}
