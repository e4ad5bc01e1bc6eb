# The web page's own messages (src/i18n.rs). Diagnostics, rule docs and the core's matrix texts
# come from crates/core. Backticks mark code where the page shows text with `Rich`.

## Shell
page-title = extcheck — check KubeSphere and Rancher extensions before you submit
skip-link = Skip to content
nav-label = Main
nav-check = Check
nav-range = Range playground
nav-rules = Rules
lang-label = Language
theme-label = Colour theme
theme-auto = Auto theme
theme-light = Light
theme-dark = Dark
intro-title = Check a KubeSphere or Rancher extension before you submit it
intro-lede = Drop a package folder or a `.tgz` and get a precise report. Everything runs in your browser: nothing is uploaded.
footer = extcheck { $version } · judges constraints with each platform's own semver engine · works offline once loaded
list-separator = {", "}
list-and = {" and "}

## Drop zone and progress
drop-title = Drop a package here
drop-hint = A KubeSphere extension folder or `.tgz`, a Rancher `pkg/<name>` folder, chart or plugin archive, or a single `extension.yaml`, `package.json` or `Chart.yaml`.
drop-choose-file = Choose file…
drop-choose-folder = Choose folder…
drop-example-label = or try an example
drop-example-choose = Choose an example…
drop-input-files = Choose package files
drop-input-folder = Choose a package folder
drop-what-dropped = the dropped items
drop-what-files = the chosen files
drop-what-folder = the chosen folder
status-reading = Reading { $what }… { $done } of { $total } files
status-inflating = Inflating { $what } ({ $size })…
status-checking = Checking { $what }: { $files ->
        [one] { $files } file
       *[other] { $files } files
    }…
status-failed = Could not read the input: { $message }
status-checked = Checked { $packages ->
        [one] { $packages } package
       *[other] { $packages } packages
    }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $infos } info.
cancel = Cancel

## Report
kind-kubesphere = KubeSphere extension
kind-rancher-package = Rancher UI extension (package.json)
kind-rancher-chart = Rancher extension chart
kind-rancher-plugin = Rancher plugin archive
kind-helm-chart = Helm chart
kind-unrecognised = Not recognised
package-size = { $files ->
        [one] { $files } file
       *[other] { $files } files
    } · { $size }
tabs-label = Package views
tab-report = Report
tab-compatibility = Compatibility
tab-cards = Marketplace card
tab-fix = Fix & download
tab-manifests = Manifests
report-all-clear = ✓ No problems found.
report-filtered-out = Nothing to show with this filter.
report-show-more = Show { $count } more { $count ->
        [one] diagnostic
       *[other] diagnostics
    }
suppressed-summary = { $count ->
        [one] { $count } suppressed finding
       *[other] { $count } suppressed findings
    }
suppressed-by = Suppressed by { $reason }
filter-label = Filter by severity
filter-show = Show { $severity ->
        [error] errors
        [warning] warnings
       *[info] info
    }
filter-hide = Hide { $severity ->
        [error] errors
        [warning] warnings
       *[info] info
    }
count-errors = { $count ->
        [one] error
       *[other] errors
    }
count-warnings = { $count ->
        [one] warning
       *[other] warnings
    }
count-infos = info
severity-error = error
severity-warning = warning
severity-info = info
file-whole-input = The input as a whole
rule-link-title = What this rule checks
help-label = {"help: "}
snippet-label = Source lines
fix-kind-safe = safe fix
fix-kind-unsafe = unsafe fix

## Compatibility matrix
matrix-label = { $platform } compatibility matrix
matrix-caption = { $platform } versions against Kubernetes versions; select a cell for every gate's reason
matrix-axis-kubesphere = KubeSphere · cluster Kubernetes
matrix-axis-rancher = Rancher line · local cluster Kubernetes
matrix-vendor-legend = Kubernetes build
matrix-legend = Legend
matrix-hint = Point at, focus or click a cell to see each gate and why.
vendor-plain = plain
verdict-works = works
verdict-caveat = works, with a caveat
verdict-blocked = blocked
verdict-unsupported = platform does not support this Kubernetes
verdict-not-applicable = does not run v4 extensions
verdict-mixed = works on some patch releases only
cell-describe = { $row } on Kubernetes { $column }{ $form }: { $verdict }
cell-blocked-by = blocked by { $gate }
cell-mixed = works { $label } ({ $blocked } blocked)
cell-mixed-by = works { $label } ({ $blocked } blocked by { $gate })
cell-caveat-from = works, with a caveat from { $gates }
cell-patches = Patch releases differ: works { $label } ({ $works }); blocked on { $blocked }. The gates below are those of { $last }.
gate-pass = pass
gate-caveat = caveat
gate-fail = fail
gate-skipped = skipped
gate-user-sees = What the user sees:

## Fix panel
fix-panel-label = Fixes and corrected package
fix-heading = Fixes
fix-none = No rule offers a fix for this package.
fix-intro = { $count ->
        [one] { $count } fix
       *[other] { $count } fixes
    } on offer: { $safe } safe (ticked: they keep what you meant), { $unsafe } unsafe (they may change meaning; tick to apply){ $costly ->
        [0] {""}
       *[other] , { $costly } that would lose platform versions (not ticked; each says what it costs)
    }.
fix-failed = The fix failed: { $error }.
fix-preparing = Preparing the corrected package…
fix-changes = Changes
fix-no-change = The corrected package has the same files and bytes as the input.
fix-badge-safe = safe
fix-badge-unsafe = unsafe
fix-costs = Costs: { $costs }. Not ticked: tick it only if you mean to give those up.
fix-no-output = No corrected package can be written: { $error }.
fix-recheck = Re-checked from its bytes: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $infos } info.
fix-applied = { $count ->
        [one] { $count } fix applied
       *[other] { $count } fixes applied
    }{ $passes ->
        [0] {""}
        [1] {""}
       *[other] {" "}in { $passes } passes
    }
fix-later = Found and fixed after the first pass:
fix-not-applied = Not applied:
fix-download = Download { $file }
fix-apply = Check the corrected package
fix-apply-title = Replace this report with the corrected package's
fix-place-package = the package
diff-file-added = added
diff-file-removed = removed
diff-file-modified = modified
diff-binary = binary, { $old } → { $new }
diff-label = Changes to { $path }
diff-line-unchanged = unchanged
diff-line-removed = removed
diff-line-added = added
diff-cut = {" "}… { $size } more
skip-conflict = its edits overlap those of { $with }
skip-invalid-edit = its edit does not fit the file
skip-unresolved = applied, but the problem is still reported
skip-pass-limit = found after the last of { $passes } passes
skip-loses-cells = it would stop the package working on { $cells }
layout-ksbuilder = Packaged as `ksbuilder package` does: Chart.yaml generated from extension.yaml{ $ignored ->
        [0] {""}
        [one] , { $ignored } file left out by `.helmignore`
       *[other] , { $ignored } files left out by `.helmignore`
    }, every entry under `{ $top }/` in Helm's order.
layout-helm = Written as Helm writes charts: every entry under `{ $top }/`, `Chart.yaml` first, files only.
layout-folder = The same files under `{ $top }/`.

## Exports
export-label = Export the report
export-json-hint = The stable JSON report, as extcheck check --format json prints it
export-sarif-hint = SARIF 2.1.0, for code scanning
export-markdown-hint = Markdown, for a pull-request comment
export-copy = Copy Markdown
export-copy-hint = Copy the Markdown report to the clipboard
export-failed = The export failed: { $error }
export-saved = Saved { $file } ({ $size }).
export-blocked = The browser did not allow the download.
export-copied = Markdown copied: paste it into a pull-request comment.
export-copy-blocked = The browser did not allow copying; download the Markdown instead.

## Manifests tab
manifests-label = Rendered manifests
manifests-intro = What Helm 4.2.3 renders from this package's chart, file by file. Edit the values or pick a Kubernetes version to render again.
manifests-kubernetes = Kubernetes
manifests-release = Release
manifests-host = host cluster
manifests-agent = agent (member clusters)
manifests-rendering = Rendering…
manifests-failed = The chart does not render
manifests-failed-at = at
manifests-empty = This release renders no files (its templates are all in subcharts it disables).
manifests-files = Rendered files
manifests-empty-file = {" "}(empty)
manifests-text = Rendered text

## Range playground
range-title = Range playground
range-lede = Five platform components judge version constraints with four different semver engines, each obtaining the current version its own way. Type a constraint and a version to see every verdict and why.
range-examples = Examples
range-constraint = Constraint
range-field = Field
range-caption = Each component's verdict
range-col-component = Component
range-col-engine = Engine
range-col-verdict = Verdict
range-col-why = Why
range-portable = ✓ Portable: parses in Masterminds 3.3, ≥ 3.4 and node-semver 7.5.4.
range-does-not-parse = ✗ Does not parse in { $problem }
range-safer = Safer:
range-safer-why = (same verdicts on release versions, and vendor builds pass)
range-use-it = Use it

## Rules page
rules-title = Rules
rules-lede = Every code is stable. Severity says what happens on the real platform: error — a platform rejects, hides, or fails to install or load the extension; warning — it works but is degraded somewhere, or is very likely a mistake; info — a suggestion. Open a rule for what it checks, why it matters, an example, how to fix it, and the source.
rules-loading = Loading the rules…
rules-failed = The rules could not be loaded: { $error }
group-package = PKG · reading the input
group-syntax = SYN · file syntax
group-range = RANGE · version constraints
group-kubesphere = KS · KubeSphere extensions
group-rancher = RC · Rancher UI extensions
group-helm = HELM · Chart.yaml
group-template = TPL · rendered templates
group-suppression = SUP · suppressions

## Around the card previews (the cards themselves are in the platforms' own words)
cards-label = Marketplace card preview
cards-drawing = Drawing the cards…
cards-failed = The cards could not be drawn: { $error }
cards-none-extension-yaml = No card: the package has no readable `extension.yaml` mapping, which is where the console reads the card from (see the report).
cards-none-package-json = No card: `package.json` does not parse as a JSON object (see the report).
cards-none-chart-yaml = No card: `Chart.yaml` does not parse as a mapping (see the report).
cards-none-plugin = A Rancher plugin archive (`files.txt` and `plugin/`) has no card of its own: it is the code the extension server hands to the browser once the extension is installed. The Extensions page draws the card from the extension's chart — its Chart.yaml and annotations in a Helm repository. Check the chart or the `pkg/<name>/package.json` to preview the card.
cards-none-helm = A plain Helm chart has no marketplace card: the KubeSphere marketplace reads `extension.yaml`, and Rancher's Extensions page lists only charts annotated `catalog.cattle.io/ui-component: plugins` (the Apps catalog lists the others).
cards-none-unrecognised = The package was not recognised, so there is no card to preview.
checklist-title = Listing completeness
checklist-hint = What a visitor of the marketplace page will see or miss. These are not errors.
cards-none-value = none
cards-unknown-value = unknown
cards-ks-fallback = The console picks each value in its UI language, then the browser's (`navigator.language` is { $navigator }, read as { $browser }), then `en`, then the extension name. Declared languages (in both `displayName` and `description`): { $declared }.
cards-ks-title = KubeSphere marketplace card
cards-ks-console-language = Console language
cards-ks-detail = Detail page
cards-ks-no-detail = No detail page: extension.yaml is not readable.
cards-rc-title = Rancher Extensions page card
cards-rc-version = Rancher version
cards-rc-both = Both layouts are drawn; the one the chosen line uses carries its status.
cards-rc-inline = Rancher ≤ 2.12 · inline card
cards-rc-item = Rancher ≥ 2.13 · item card
cards-rc-as-on = ✓ As on Rancher { $line }
cards-rc-not-listed = ✗ Not listed on Rancher { $line }
cards-rc-choose-old = Choose a 2.12 or earlier line for its status
cards-rc-choose-new = Choose a 2.13 or later line for its status
cards-rc-no-matrix = No Rancher compatibility matrix for this package, so no line can be evaluated.
cards-rc-on = On Rancher { $line }
cards-rc-local-kube = , local cluster Kubernetes
cards-rc-layout-inline = inline card
cards-rc-layout-item = item card
cards-rc-listed = Card listed
cards-rc-unlisted = Card not listed
cards-rc-install = Install offered
cards-rc-install-prime = Install offered on Rancher Prime only
cards-rc-no-install = Install not offered
cards-rc-message = {"Card message: "}
cards-rc-tooltip = {"Side-panel tooltip: "}
cards-rc-failing = Failing checks, in the order this line runs them

## Range playground examples
range-example-eks = EKS cluster, no -0
range-example-gke = GKE cluster, -0 on the lower bound only
range-example-comma = Comma range on Rancher
range-example-rc = Rancher rc build
range-example-extensions-api = Extensions API of Rancher 2.11
range-example-ks-version = KubeSphere 4.1.3 and ksVersion
