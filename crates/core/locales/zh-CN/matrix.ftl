# 兼容性矩阵：关卡名称、原因与消息、行注释、摘要（crates/core/src/matrix）。
# 平台原话：Helm 的报错始终为英文；Rancher 控制台的文案取自 rancher/dashboard
# `shell/assets/translations/zh-hans.yaml`（17ad8a68ba）的 `plugins.*`，该文件没有的键，
# 控制台回退到 en-us.yaml 的英文原文，这里也照样保留英文。

## 列表
matrix-list = { $a }、{ $b }
matrix-and = { $a }和{ $b }
matrix-join = { $a }；{ $b }
matrix-cat = { $a }{ $b }
matrix-more = 另外 { $count } 个

## 关卡名称
matrix-gate-ks-core = ks-core（推荐版本）
matrix-gate-helm = 安装时的 Helm（执行器 Helm 3.12）
matrix-gate-apis = 安装时的 Kubernetes API（渲染后的 Chart）
matrix-gate-console = KubeSphere 控制台（安装对话框）
matrix-gate-dependencies = 依赖的扩展组件
matrix-gate-rancher-a = 后端索引过滤（关卡 A）
matrix-gate-rancher-b = “扩展”页面（关卡 B）
matrix-gate-rancher-c = 加载时检查（关卡 C）
matrix-gate-chart = 扩展的 Chart

## 结论
matrix-verdict-works = 可用
matrix-verdict-caveat = 可用，但有注意事项
matrix-verdict-blocked = 被阻止
matrix-verdict-unsupported = 平台不支持该 Kubernetes 版本
matrix-verdict-not-applicable = 不运行 v4 扩展组件
matrix-verdict-mixed = 仅在部分补丁版本上可用

## 单元格
matrix-cell = { $row }，Kubernetes { $column }{ $form }：{ $verdict }
matrix-cell-form = （{ $form }）
matrix-cell-blocked-by = 被 { $gate } 阻止
matrix-cell-mixed = { $label }可用（{ $blocked } 被阻止）
matrix-cell-mixed-by = { $label }可用（{ $blocked } 被 { $gate } 阻止）
matrix-cell-caveat-from = 可用，但 { $gates } 提出了注意事项
matrix-some-patches = 在部分补丁版本上
matrix-mixed-line = { $row }：{ $label }可用；{ $blocked } 被阻止
matrix-mixed-line-by = { $row }：{ $label }可用；{ $blocked } 被阻止（{ $gate }）
matrix-split-from = 自 { $version } 起
matrix-split-up-to = 至 { $version } 为止
matrix-split-blocked-on = 在 { $versions } 上被阻止
matrix-compact-note = K3s（+k3s1）和 RKE2（+rke2r1）构建只带有构建元数据，所有引擎都会忽略它：其单元格与普通构建相同。
matrix-cells-builds = { $platform } { $name }（{ $forms } 构建）
matrix-cells-kube = { $platform } { $name }（Kubernetes { $minors }）

## 关卡：通用
matrix-field-reason = `{ $field }` { $reason }
matrix-constraint-reason = `{ $key }: { $constraint }` — { $reason }
matrix-meta-reason = 元数据 `{ $key }: { $constraint }` — { $reason }

## KubeSphere 关卡
matrix-ks-core-pass = 两个约束都满足（Masterminds 3.3，原始 GitVersion）
matrix-ks-core-caveat = 不是推荐版本：ks-core 会跳过它，因此控制台默认不显示该版本（若控制台允许，仍可选择）。
# Helm 的报错原文（helm/pkg/action/install.go），之后是 KubeSphere 的处理。
matrix-helm-fail = chart requires kubeVersion: { $constraint } which is incompatible with Kubernetes { $kubernetes }（InstallPlan 进入 InstallFailed 状态）
matrix-apis-reason = 按该版本的能力渲染后，Chart 使用了 { $count } 个该版本不提供的 API（TPL004）
matrix-console-pass = 两个约束都满足（node-semver 7.5.4，includePrerelease）
matrix-console-fail = 安装对话框将该版本显示为不可用，并带有版本不匹配标记。
matrix-dependencies-reason = 需要先安装 { $list }（仅由控制台检查）
matrix-dependencies-message = 在以匹配的版本安装所依赖的扩展组件之前，“安装”保持不可用。
matrix-ks-row-not-v4 = 不是 v4：没有扩展组件
matrix-ks-row-kube-assumed = 未公布支持的 Kubernetes 版本（假定为 1.{ $lo }–1.{ $hi }）
matrix-ks-row-kube = 支持 Kubernetes 1.{ $lo }–1.{ $hi }
matrix-ks-requires = 需要先安装 { $list }。
matrix-ks-summary = 可安装于 KubeSphere { $range }，Kubernetes { $minors }
matrix-ks-summary-none = 在任何受支持的 KubeSphere 版本上都无法安装
matrix-ks-summary-none-by = 在任何受支持的 KubeSphere 版本上都无法安装（被 { $gate } 阻止）
matrix-ks-summary-vendor = ；在 { $vendor } 上被 { $gate } 阻止

## Rancher 关卡
matrix-rancher-a-fail = 后端会把该版本从仓库索引中移除；没有剩余版本时该 Chart 会被删除，卡片也会从“扩展”页面消失。
matrix-rancher-a-pass = `rancher-version`、`kube-version` 和 Chart 的 `kubeVersion` 都没有排除它（Masterminds ≥ 3.4）
# 平台原话：zh-hans.yaml 的 `plugins.incompatibleRancherVersion` 与 `plugins.incompatibleKubeVersion`；其余键没有中文，控制台显示英文。
matrix-card-rancher = 此扩展的最新版本 ({ $version }) 与当前的 Rancher 版本 ({ $required }) 不兼容。
matrix-card-kube = 此扩展的最新版本 ({ $version }) 与当前的 Kube 版本 ({ $required }) 不兼容。
matrix-card-api-missing = The latest version of this extension ({ $version }) is missing the mandatory annotation catalog.cattle.io/ui-extensions-version from Rancher 2.10 and onwards.
matrix-card-api = The latest version of this extension ({ $version }) is not compatible with the current Extensions API version ({ $required }).
matrix-card-host = The latest version of this extension ({ $version }) has a host of "{ $required }" which is not compatible with this application "rancher-manager".
matrix-card-prime = The latest version of this extension ({ $version }) needs Rancher Prime in order to be installed.
matrix-rancher-b-api-missing = 缺少 `catalog.cattle.io/ui-extensions-version`：从 Rancher 2.10 起为必需
matrix-rancher-b-host = `ui-extensions-host: { $host }` — `semver.satisfies('rancher-manager', '{ $host }')` 始终为 false
matrix-rancher-b-prime = `prime-only: "true"`：仅可在 Rancher Prime 上安装
matrix-rancher-b-pass = 所有注解都满足（node-semver 7.5.4，Extensions API { $api }）
matrix-rancher-b-old-api = Rancher { $line } 的 Extensions API { $api } 不满足 `ui-extensions-version: { $constraint }`（node-semver 7.5.4）
matrix-rancher-b-old-api-message = 该版本没有“安装”按钮：侧边栏显示 "Requires Extensions API version"。
matrix-rancher-b-old-host = `ui-extensions-host: { $host }` 不是 `rancher-manager`
matrix-rancher-b-old-host-message = 没有“安装”按钮：侧边栏显示 "Requires a host that matches"。
matrix-rancher-b-old-unsatisfied = { $version } 不满足 `{ $key }: { $constraint }`（node-semver 7.5.4）
matrix-rancher-b-old-kube-message = 没有“安装”按钮：侧边栏显示“需要 Kube …”。
matrix-rancher-b-old-rancher-message = 没有“安装”按钮：侧边栏显示“需要 Rancher …”。
matrix-rancher-b-old-pass = Rancher { $line } 仅在存在时检查 `ui-extensions-version`（API { $api }），检查通过
matrix-rancher-c-skipped = Rancher 2.10 之前没有加载时检查
matrix-rancher-c-no-endpoint = UIPlugin 没有 endpoint
# 平台原话：zh-hans.yaml 的 `plugins.error.generic`、`plugins.error.api`、`plugins.error.host`、`plugins.error.version`；其余键没有中文。
matrix-rancher-c-error-generic = 扩展错误
matrix-rancher-c-api-missing = UIPlugin 的 metadata 中没有 `ui-extensions-version`（values.yaml 的 `plugin.metadata`）
matrix-rancher-c-error-api-missing = Unable to load Extension. The version installed is not compatible with the current Extensions API Version (Extension is missing the annotation catalog.cattle.io/ui-extensions-version which implies incompatibility with Rancher 2.10 and onwards)
matrix-rancher-c-error-api = 此扩展与 Extensions API 不兼容
matrix-rancher-c-prime = `prime-only`：仅在 Rancher Prime 上加载
matrix-rancher-c-error-prime = Unable to load Rancher Prime Extension in Rancher Community
matrix-rancher-c-host = 元数据 `ui-extensions-host: { $host }`
matrix-rancher-c-error-host = 此扩展与此应用程序不兼容
matrix-rancher-c-error-kube = Unable to load Extension. The version installed is not compatible with the current Rancher kubernetes version
matrix-rancher-c-error-version = 此扩展与此 Rancher 版本不兼容
matrix-rancher-c-pass = UIPlugin 的 metadata 通过了所有检查
matrix-chart-reason = 插件归档没有注解：门控注解在安装它的 Chart 上（请检查该 Chart）
matrix-plugin-summary = 插件归档由安装它的 Chart 加载；其兼容性由该 Chart 的注解决定
matrix-rancher-line-split = { $line }（{ $split }）
matrix-rancher-summary = 可安装于 Rancher { $lines }，Kubernetes { $minors }
matrix-rancher-summary-none = 在任何 Rancher 2.7–2.15 版本线上都无法安装
matrix-rancher-summary-none-by = 在任何 Rancher 2.7–2.15 版本线上都无法安装：在 Rancher { $line } 上，{ $gate } 阻止了它（{ $reason }）
matrix-rancher-summary-vendor = ；在 { $vendor } local 集群上被 { $gate } 阻止
matrix-fix-costs = 将不再能用于 { $cells }
