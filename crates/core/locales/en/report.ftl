# The text and Markdown reports' labels and headings (crates/core/src/report/{text,markdown}.rs).
report-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 info
       *[other] { $infos } infos
    }
report-suppressed-count = , { $count } suppressed
report-help = help:
report-fix = fix:
report-safe = safe
report-unsafe = unsafe
report-no-package = no package recognised
report-patch-releases-differ = patch releases differ: { $line }
report-suppressed-line = suppressed { $severity }[{ $code }] at { $place }: { $message } ({ $reason })
report-md-not-recognised = Not a recognised package
report-md-in-root = {" "}in { $root }
report-md-table-header = | Severity | Rule | Where | What | How to fix |
report-md-compatibility = Compatibility ({ $platform }):
report-md-patch-releases-differ = Patch releases differ: { $line }
report-md-safe-fix = safe fix
report-md-unsafe-fix = unsafe fix
# What a package is (Kind::label_in).
kind-kubesphere = KubeSphere extension
kind-rancher-package = Rancher UI extension (package.json)
kind-rancher-chart = Rancher extension chart
kind-rancher-plugin = Rancher plugin archive
kind-helm-chart = Helm chart
# The diagnostic that counts the findings of one rule in one file beyond the first 50 (any code).
report-more-message = … and { $count } more { $code } findings in { $place }, not listed
report-more-this-package = this package
report-more-help = A report lists at most 50 findings of one rule in one file. Fix the ones listed and check again.
# The text report's summary line (`info` is not pluralised there).
report-text-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos } info
