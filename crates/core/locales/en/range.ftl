range001-message = `{ $key }` is too large to check: { $length } bytes, over the { $limit } bytes extcheck evaluates; RANGE002–RANGE005 were not checked
range001-message-unparsable = { $constraint } does not parse in { $readers }{ $detail }
range001-help = When it cannot parse the constraint, { $effects }.{ $hint } Write it so that both Masterminds (Go) and node-semver (JavaScript) read it: AND with spaces, no `!=`, `>=` rather than `=>`.
range002-message = { $constraint } does not parse in { $failing }
range002-help = The components that read this field here ({ $readers }) accept it, but the same string breaks in the other dialect: Rancher's dashboard and the KubeSphere console use node-semver, Helm, ks-core and Rancher's backend use Masterminds. Use the portable subset: AND with spaces, `>=`/`<=`, no `!=`.
range003-message = { $constraint } has a bound without `-0`: { $component } rejects { $probe } (`{ $version }`) although it accepts `{ $twin }`
range003-help = { $reason }. Append `-0` to the release bounds (`>=1.19.0-0 <1.30.0-0`), as every ksbuilder template does; release versions keep their verdicts.
range004-message = The components that read { $constraint } disagree on { $cells } supported version{ $plural }
range004-help = { $differences }. Users then see contradictory behaviour (a version offered by one component and refused by another). Make the constraint read the same everywhere: `-0` on every bound (RANGE003), AND with spaces, no `!=` or `=>` (RANGE002).
range005-message-none = { $constraint } admits no supported { $what } version ({ $first }–{ $last })
range005-help-none = { $decider } rejects every { $what } version the platform tables list, so the extension is never offered. Widen the range.
range005-message-newest = { $constraint } excludes { $what } { $last }, the newest supported
range005-help-newest = { $decider } accepts only { $accepted }: after an upgrade to { $last } the extension is no longer offered (it "does not show up"). Drop or raise the upper bound.
