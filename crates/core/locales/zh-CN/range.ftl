range001-message = `{ $site_key }` 太大，无法检查：{ $site_value_len } 字节，超过了 extcheck 评估的上限 { $MAX_CONSTRAINT_BYTES } 字节；未检查 RANGE002–RANGE005
range001-message-2 = { $site_shown } 无法被 { $who_join_and } 解析{ $detail }
range001-help = 无法解析该约束时，{ $effects_unique_join }。{ $hint } 请让 Masterminds（Go）和 node-semver（JavaScript）都能读取它：用空格表示“与”，不用 `!=`，用 `>=` 而不是 `=>`。
range002-message = { $site_shown } 无法被 { $failing_join_or } 解析
range002-help = 在此读取该字段的组件（{ $readers_join }）接受它，但同一字符串在另一种方言中会出错：Rancher 的 dashboard 和 KubeSphere 控制台使用 node-semver，Helm、ks-core 和 Rancher 后端使用 Masterminds。请使用两者通用的子集：用空格表示“与”，使用 `>=`/`<=`，不用 `!=`。
range003-message = { $site_shown } 有一个不带 `-0` 的边界：{ $c_label } 拒绝 { $probe_label }（`{ $probe_version }`），却接受 `{ $twin }`
range003-help = { $build_reason_split_once_map_or }。请在发行版边界后加上 `-0`（`>=1.19.0-0 <1.30.0-0`），ksbuilder 的所有模板都是这样写的；发行版本的判定结果不变。
range004-message = 读取 { $site_shown } 的各组件在 { $cells } 个受支持的版本上判定不一致
range004-help = { $parts_join }。用户会看到相互矛盾的行为（一个组件提供的版本被另一个组件拒绝）。请让约束在各处读法一致：每个边界都带 `-0`（RANGE003），用空格表示“与”，不用 `!=` 或 `=>`（RANGE002）。
range005-message-none = { $site_shown } 不接受任何受支持的 { $what } 版本（{ $first }–{ $last }）
range005-help-none = { $decider } 拒绝平台版本表中列出的每个 { $what } 版本，因此该扩展永远不会被提供。请放宽范围。
range005-message-newest = { $site_shown } 排除了最新的受支持版本 { $what } { $last }
range005-help-newest = { $decider } 只接受 { $accepted }：升级到 { $last } 后，该扩展将不再被提供（“扩展不显示”）。请去掉或提高上限。
