range001-message = `{ $key }` is too large to check: { $length } bytes, over the { $limit } bytes extcheck evaluates; RANGE002–RANGE005 were not checked
range001-message-unparsable = { $constraint } does not parse in { $readers }{ $detail }
range001-help = When it cannot parse the constraint, { $effects }.{ $hint } Write it so that both Masterminds (Go) and node-semver (JavaScript) read it: AND with spaces, no `!=`, `>=` rather than `=>`.
range002-message = { $constraint } does not parse in { $failing }
range002-help = The components that read this field here ({ $readers }) accept it, but the same string breaks in the other dialect: Rancher's dashboard and the KubeSphere console use node-semver, Helm, ks-core and Rancher's backend use Masterminds. Use the portable subset: AND with spaces, `>=`/`<=`, no `!=`.
range003-message = { $constraint } has a bound without `-0`: { $component } rejects { $probe } (`{ $version }`) although it accepts `{ $twin }`
range003-help = { $reason }. Append `-0` to the release bounds (`>=1.19.0-0 <1.30.0-0`), as every ksbuilder template does; release versions keep their verdicts.
range004-message = The components that read { $constraint } disagree on { $cells } supported { $cells ->
        [one] version
       *[other] versions
    }
range004-help = { $differences }. Users then see contradictory behaviour (a version offered by one component and refused by another). Make the constraint read the same everywhere: `-0` on every bound (RANGE003), AND with spaces, no `!=` or `=>` (RANGE002).
range005-message-none = { $constraint } admits no supported { $what } version ({ $first }–{ $last })
range005-help-none = { $decider } rejects every { $what } version the platform tables list, so the extension is never offered. Widen the range.
range005-message-newest = { $constraint } excludes { $what } { $last }, the newest supported
range005-help-newest = { $decider } accepts only { $accepted }: after an upgrade to { $last } the extension is no longer offered (it "does not show up"). Drop or raise the upper bound.
range001-help-too-large = Masterminds (Helm, ks-core, the Rancher backend) and node-semver (the consoles) put no limit on a constraint's length, so the platforms evaluate it as written, one OR group after another. A constraint this long is almost certainly generated: write it as a few ranges, e.g. `>=1.19.0-0 <1.31.0-0`.
range001-effect-kubesphere-server = ks-core never recommends this version
range001-effect-helm = Helm refuses to install it ("chart requires kubeVersion ... which is incompatible")
range001-effect-kubesphere-console = the console shows the version as incompatible and disables it
range001-effect-rancher-backend = Rancher's backend ignores the constraint
range001-effect-rancher-extensions-page = the Extensions page treats every version as incompatible (no Install)
range001-effect-rancher-load-gate = Rancher does not load the installed extension
range004-difference = { $versions }: { $accepting } { $accepting_count ->
        [one] accepts
       *[other] accept
    }, { $rejecting } { $rejecting_count ->
        [one] rejects
       *[other] reject
    }
# Shared by the range rules (and RC011).
range-text = { $text }
range-list-and = { $a } and { $b }
range-list-comma = { $a }, { $b }
range-list-or = { $a } or { $b }
range-list-semicolon = { $a }; { $b }
range-reader = { $component } ({ $engine })
range-probe-kubesphere-rc = a KubeSphere { $version } rc build
range-fix-rewrite = Rewrite as `{ $text }`
range-component-kubesphere-server = KubeSphere server (ks-core recommended version)
range-component-helm-executor-312 = Helm 3.12 at install (KubeSphere executor)
range-component-helm-319 = Helm ≥ 3.19 at install
range-component-kubesphere-console = KubeSphere console
range-component-rancher-backend = Rancher backend index filter (Gate A)
range-component-rancher-extensions-page = Rancher Extensions page, 2.10+ (Gate B)
range-component-rancher-load-gate = Rancher load-time gate, 2.10+ (Gate C)
