range001-message = `{ $key }` 太大，无法检查：{ $length } 字节，超过了 extcheck 评估的上限 { $limit } 字节；未检查 RANGE002–RANGE005
range001-message-unparsable = { $constraint } 无法被 { $readers } 解析{ $detail }
range001-help = 无法解析该约束时，{ $effects }。{ $hint } 请让 Masterminds（Go）和 node-semver（JavaScript）都能读取它：用空格表示“与”，不用 `!=`，用 `>=` 而不是 `=>`。
range002-message = { $constraint } 无法被 { $failing } 解析
range002-help = 在此读取该字段的组件（{ $readers }）接受它，但同一字符串在另一种方言中会出错：Rancher 的 dashboard 和 KubeSphere 控制台使用 node-semver，Helm、ks-core 和 Rancher 后端使用 Masterminds。请使用两者通用的子集：用空格表示“与”，使用 `>=`/`<=`，不用 `!=`。
range003-message = { $constraint } 有一个不带 `-0` 的边界：{ $component } 拒绝 { $probe }（`{ $version }`），却接受 `{ $twin }`
range003-help = { $reason }。请在发行版边界后加上 `-0`（`>=1.19.0-0 <1.30.0-0`），ksbuilder 的所有模板都是这样写的；发行版本的判定结果不变。
range004-message = 读取 { $constraint } 的各组件在 { $cells } 个受支持的版本上判定不一致
range004-help = { $differences }。用户会看到相互矛盾的行为（一个组件提供的版本被另一个组件拒绝）。请让约束在各处读法一致：每个边界都带 `-0`（RANGE003），用空格表示“与”，不用 `!=` 或 `=>`（RANGE002）。
range005-message-none = { $constraint } 不接受任何受支持的 { $what } 版本（{ $first }–{ $last }）
range005-help-none = { $decider } 拒绝平台版本表中列出的每个 { $what } 版本，因此该扩展永远不会被提供。请放宽范围。
range005-message-newest = { $constraint } 排除了最新的受支持版本 { $what } { $last }
range005-help-newest = { $decider } 只接受 { $accepted }：升级到 { $last } 后，该扩展将不再被提供（“扩展不显示”）。请去掉或提高上限。
range001-help-too-large = Masterminds（Helm、ks-core、Rancher 后端）和 node-semver（控制台）都不限制约束的长度，平台会按原样逐个 OR 组地评估它。这么长的约束几乎肯定是生成的：请把它写成几个范围，例如 `>=1.19.0-0 <1.31.0-0`。
range001-effect-kubesphere-server = ks-core 永远不会推荐该版本
range001-effect-helm = Helm 拒绝安装（“chart requires kubeVersion ... which is incompatible”）
range001-effect-kubesphere-console = 控制台将该版本显示为不兼容并禁用它
range001-effect-rancher-backend = Rancher 后端忽略该约束
range001-effect-rancher-extensions-page = “扩展”页面把每个版本都视为不兼容（没有“安装”按钮）
range001-effect-rancher-load-gate = Rancher 不会加载已安装的扩展
range004-difference = { $versions }：{ $accepting }接受，{ $rejecting }拒绝
# 各范围规则（及 RC011）共用。
range-text = { $text }
range-list-and = { $a }和{ $b }
range-list-comma = { $a }、{ $b }
range-list-or = { $a }或{ $b }
range-list-semicolon = { $a }；{ $b }
range-reader = { $component }（{ $engine }）
range-probe-kubesphere-rc = KubeSphere { $version } 的 rc 构建
range-fix-rewrite = 改写为 `{ $text }`
range-component-kubesphere-server = KubeSphere 服务端（ks-core 推荐版本）
range-component-helm-executor-312 = 安装时的 Helm 3.12（KubeSphere 执行器）
range-component-helm-319 = 安装时的 Helm ≥ 3.19
range-component-kubesphere-console = KubeSphere 控制台
range-component-rancher-backend = Rancher 后端索引过滤（门槛 A）
range-component-rancher-extensions-page = Rancher “扩展”页面，2.10+（门槛 B）
range-component-rancher-load-gate = Rancher 加载时检查，2.10+（门槛 C）
