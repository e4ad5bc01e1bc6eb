range001-message = `{ $site_key }` is too large to check: { $site_value_len } bytes, over the { $MAX_CONSTRAINT_BYTES } bytes extcheck evaluates; RANGE002–RANGE005 were not checked
range001-message-2 = { $site_shown } does not parse in { $who_join_and }{ $detail }
range001-help = When it cannot parse the constraint, { $effects_unique_join }.{ $hint } Write it so that both Masterminds (Go) and node-semver (JavaScript) read it: AND with spaces, no `!=`, `>=` rather than `=>`.
range002-message = { $site_shown } does not parse in { $failing_join_or }
range002-help = The components that read this field here ({ $readers_join }) accept it, but the same string breaks in the other dialect: Rancher's dashboard and the KubeSphere console use node-semver, Helm, ks-core and Rancher's backend use Masterminds. Use the portable subset: AND with spaces, `>=`/`<=`, no `!=`.
range003-message = { $site_shown } has a bound without `-0`: { $c_label } rejects { $probe_label } (`{ $probe_version }`) although it accepts `{ $twin }`
range003-help = { $build_reason_split_once_map_or }. Append `-0` to the release bounds (`>=1.19.0-0 <1.30.0-0`), as every ksbuilder template does; release versions keep their verdicts.
range004-message = The components that read { $site_shown } disagree on { $cells } supported version{ $if_cells_1_else_s }
range004-help = { $parts_join }. Users then see contradictory behaviour (a version offered by one component and refused by another). Make the constraint read the same everywhere: `-0` on every bound (RANGE003), AND with spaces, no `!=` or `=>` (RANGE002).
range005-message-none = { $site_shown } admits no supported { $what } version ({ $first }–{ $last })
range005-help-none = { $decider } rejects every { $what } version the platform tables list, so the extension is never offered. Widen the range.
range005-message-newest = { $site_shown } excludes { $what } { $last }, the newest supported
range005-help-newest = { $decider } accepts only { $accepted }: after an upgrade to { $last } the extension is no longer offered (it "does not show up"). Drop or raise the upper bound.
