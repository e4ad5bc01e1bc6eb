# The compatibility matrix: gate names, reasons and messages, row notes, summaries
# (crates/core/src/matrix). Texts in quotes marked "platform words" are what the platform
# itself shows (Helm's error, the Rancher dashboard's en-us.yaml `plugins.*` strings).

## Lists
matrix-list = { $a }, { $b }
matrix-and = { $a } and { $b }
matrix-join = { $a }; { $b }
matrix-cat = { $a }{ $b }
matrix-more = { $count } more

## Gate names, by gate id
matrix-gate-ks-core = ks-core (recommended version)
matrix-gate-helm = Helm at install (executor Helm 3.12)
matrix-gate-apis = Kubernetes APIs at install (rendered chart)
matrix-gate-console = KubeSphere console (install modal)
matrix-gate-dependencies = Required extensions
matrix-gate-rancher-a = Backend index filter (Gate A)
matrix-gate-rancher-b = Extensions page (Gate B)
matrix-gate-rancher-c = Load-time check (Gate C)
matrix-gate-chart = The extension chart

## Verdicts
matrix-verdict-works = works
matrix-verdict-caveat = works, with a caveat
matrix-verdict-blocked = blocked
matrix-verdict-unsupported = platform does not support this Kubernetes
matrix-verdict-not-applicable = does not run v4 extensions
matrix-verdict-mixed = works on some patch releases only

## Cells
matrix-cell = { $row } on Kubernetes { $column }{ $form }: { $verdict }
matrix-cell-form = { " " }({ $form })
matrix-cell-blocked-by = blocked by { $gate }
matrix-cell-mixed = works { $label } ({ $blocked } blocked)
matrix-cell-mixed-by = works { $label } ({ $blocked } blocked by { $gate })
matrix-cell-caveat-from = works, with a caveat from { $gates }
matrix-some-patches = on some patch releases
matrix-mixed-line = { $row }: works { $label }; { $blocked } blocked
matrix-mixed-line-by = { $row }: works { $label }; { $blocked } blocked ({ $gate })
matrix-split-from = from { $version }
matrix-split-up-to = up to { $version }
matrix-split-blocked-on = blocked on { $versions }
matrix-compact-note = K3s (+k3s1) and RKE2 (+rke2r1) builds carry build metadata only, which every engine ignores: their cells equal the plain ones.
matrix-cells-builds = { $platform } { $name } ({ $forms } builds)
matrix-cells-kube = { $platform } { $name } (Kubernetes { $minors })

## Gates: shared
matrix-field-reason = `{ $field }` { $reason }
matrix-constraint-reason = `{ $key }: { $constraint }` — { $reason }
matrix-meta-reason = metadata `{ $key }: { $constraint }` — { $reason }

## KubeSphere gates
matrix-ks-core-pass = both constraints are satisfied (Masterminds 3.3, raw GitVersion)
matrix-ks-core-caveat = Not the recommended version: ks-core skips it, so the console does not show it by default (it can still be picked if the console allows it).
# Helm's own error (helm/pkg/action/install.go), then what KubeSphere does with it.
matrix-helm-fail = chart requires kubeVersion: { $constraint } which is incompatible with Kubernetes { $kubernetes } (the InstallPlan goes to InstallFailed)
matrix-apis-reason = the chart, rendered with this version's capabilities, uses { $count } API(s) it does not serve (TPL004)
matrix-console-pass = both constraints are satisfied (node-semver 7.5.4, includePrerelease)
matrix-console-fail = The install modal shows this version disabled, with a version-mismatch badge.
matrix-dependencies-reason = needs { $list } installed first (checked by the console only)
matrix-dependencies-message = Install stays disabled until the required extensions are installed at a matching version.
matrix-ks-row-not-v4 = not v4: no extensions
matrix-ks-row-kube-assumed = Kubernetes support not published (1.{ $lo }–1.{ $hi } assumed)
matrix-ks-row-kube = supports Kubernetes 1.{ $lo }–1.{ $hi }
matrix-ks-requires = Requires { $list } to be installed first.
matrix-ks-summary = installable on KubeSphere { $range } with Kubernetes { $minors }
matrix-ks-summary-none = not installable on any supported KubeSphere version
matrix-ks-summary-none-by = not installable on any supported KubeSphere version ({ $gate } blocks it)
matrix-ks-summary-vendor = ; blocked on { $vendor } by { $gate }

## Rancher gates
matrix-rancher-a-fail = The backend removes this version from the repository index; with no version left the chart is deleted and the card disappears from the Extensions page.
matrix-rancher-a-pass = no `rancher-version`, `kube-version` or Chart `kubeVersion` excludes it (Masterminds ≥ 3.4)
# Platform words: the dashboard's en-us.yaml `plugins.incompatible*`.
matrix-card-rancher = The latest version of this extension ({ $version }) is not compatible with the current Rancher version ({ $required }).
matrix-card-kube = The latest version of this extension ({ $version }) is not compatible with the current Kube version ({ $required }).
matrix-card-api-missing = The latest version of this extension ({ $version }) is missing the mandatory annotation catalog.cattle.io/ui-extensions-version from Rancher 2.10 and onwards.
matrix-card-api = The latest version of this extension ({ $version }) is not compatible with the current Extensions API version ({ $required }).
matrix-card-host = The latest version of this extension ({ $version }) has a host of "{ $required }" which is not compatible with this application "rancher-manager".
matrix-card-prime = The latest version of this extension ({ $version }) needs Rancher Prime in order to be installed.
matrix-rancher-b-api-missing = `catalog.cattle.io/ui-extensions-version` is missing: mandatory from Rancher 2.10
matrix-rancher-b-host = `ui-extensions-host: { $host }` — `semver.satisfies('rancher-manager', '{ $host }')` is always false
matrix-rancher-b-prime = `prime-only: "true"`: installable on Rancher Prime only
matrix-rancher-b-pass = every annotation is satisfied (node-semver 7.5.4, Extensions API { $api })
matrix-rancher-b-old-api = `ui-extensions-version: { $constraint }` is not satisfied by the Extensions API { $api } of Rancher { $line } (node-semver 7.5.4)
matrix-rancher-b-old-api-message = No Install button for this version: "Requires Extensions API version" (side panel).
matrix-rancher-b-old-host = `ui-extensions-host: { $host }` is not `rancher-manager`
matrix-rancher-b-old-host-message = No Install button: "Requires a host that matches" (side panel).
matrix-rancher-b-old-unsatisfied = `{ $key }: { $constraint }` is not satisfied by { $version } (node-semver 7.5.4)
matrix-rancher-b-old-kube-message = No Install button: "Requires Kube version" (side panel).
matrix-rancher-b-old-rancher-message = No Install button: "Requires Rancher" (side panel).
matrix-rancher-b-old-pass = Rancher { $line } checks `ui-extensions-version` only when present (API { $api }), and it passes
matrix-rancher-c-skipped = no load-time check before Rancher 2.10
matrix-rancher-c-no-endpoint = the UIPlugin has no endpoint
# Platform words: the dashboard's en-us.yaml `plugins.error.*`.
matrix-rancher-c-error-generic = Extension error
matrix-rancher-c-api-missing = `ui-extensions-version` is not in the UIPlugin metadata (values.yaml `plugin.metadata`)
matrix-rancher-c-error-api-missing = Unable to load Extension. The version installed is not compatible with the current Extensions API Version (Extension is missing the annotation catalog.cattle.io/ui-extensions-version which implies incompatibility with Rancher 2.10 and onwards)
matrix-rancher-c-error-api = Unable to load Extension. The version installed is not compatible with the current Extensions API version
matrix-rancher-c-prime = `prime-only`: loads on Rancher Prime only
matrix-rancher-c-error-prime = Unable to load Rancher Prime Extension in Rancher Community
matrix-rancher-c-host = metadata `ui-extensions-host: { $host }`
matrix-rancher-c-error-host = Unable to load Extension. The version installed is not compatible with this application host
matrix-rancher-c-error-kube = Unable to load Extension. The version installed is not compatible with the current Rancher kubernetes version
matrix-rancher-c-error-version = Unable to load Extension. The version installed is not compatible with the current version of Rancher
matrix-rancher-c-pass = the UIPlugin metadata passes every check
matrix-chart-reason = a plugin archive has no annotations: the chart that installs it carries the gating annotations (check the chart)
matrix-plugin-summary = a plugin archive is loaded for whichever chart installs it; its compatibility is decided by that chart's annotations
matrix-rancher-line-split = { $line } ({ $split })
matrix-rancher-summary = installable on Rancher { $lines } with Kubernetes { $minors }
matrix-rancher-summary-none = not installable on any Rancher 2.7–2.15 line
matrix-rancher-summary-none-by = not installable on any Rancher 2.7–2.15 line: on Rancher { $line } the { $gate } stops it ({ $reason })
matrix-rancher-summary-vendor = ; blocked on { $vendor } local clusters by the { $gate }
matrix-fix-costs = no longer works on { $cells }
