# 网页自身的文案（src/i18n.rs）。诊断、规则文档和核心的矩阵文本来自 crates/core。
# 用语遵循平台自己的中文：KubeSphere 的“扩展组件”“扩展市场”；Rancher 仪表板 zh-hans.yaml 的
# “扩展”“安装”“Chart”“仓库”。反引号标记代码。

## 外框
page-title = extcheck — 提交之前检查 KubeSphere 和 Rancher 扩展
skip-link = 跳到正文
nav-label = 主导航
nav-check = 检查
nav-range = 版本范围试验场
nav-rules = 规则
lang-label = 语言
theme-label = 配色主题
theme-auto = 自动主题
theme-light = 浅色
theme-dark = 深色
intro-title = 在提交之前检查 KubeSphere 扩展组件或 Rancher 扩展
intro-lede = 拖入包文件夹或 `.tgz`，即可得到精确的报告。一切都在浏览器中运行：不会上传任何内容。
footer = extcheck { $version } · 用各平台自己的 semver 引擎判断版本约束 · 加载后可离线使用
list-separator = {"，"}
list-and = {"和"}

## 拖放区与进度
drop-title = 把包拖到这里
drop-hint = KubeSphere 扩展组件文件夹或 `.tgz`，Rancher 的 `pkg/<name>` 文件夹、Chart 或插件归档，或者单个 `extension.yaml`、`package.json` 或 `Chart.yaml`。
drop-choose-file = 选择文件…
drop-choose-folder = 选择文件夹…
drop-example-label = 或者试试示例
drop-example-choose = 选择示例…
drop-input-files = 选择包文件
drop-input-folder = 选择包文件夹
drop-what-dropped = 拖入的内容
drop-what-files = 所选文件
drop-what-folder = 所选文件夹
status-reading = 正在读取 { $what }… 第 { $done } 个，共 { $total } 个文件
status-inflating = 正在解压 { $what }（{ $size }）…
status-checking = 正在检查 { $what }：{ $files } 个文件…
status-failed = 无法读取输入：{ $message }
status-checked = 已检查 { $packages } 个包：{ $errors } 个错误，{ $warnings } 个警告，{ $infos } 个提示。
cancel = 取消

## 报告
kind-kubesphere = KubeSphere 扩展组件
kind-rancher-package = Rancher UI 扩展（package.json）
kind-rancher-chart = Rancher 扩展 Chart
kind-rancher-plugin = Rancher 插件归档
kind-helm-chart = Helm Chart
kind-unrecognised = 无法识别
package-size = { $files } 个文件 · { $size }
tabs-label = 包视图
tab-report = 报告
tab-compatibility = 兼容性
tab-cards = 市场卡片
tab-fix = 修复与下载
tab-manifests = 清单
report-all-clear = ✓ 没有发现问题。
report-filtered-out = 此筛选条件下没有可显示的内容。
report-show-more = 再显示 { $count } 条诊断
suppressed-summary = { $count } 条已抑制的发现
suppressed-by = 抑制来源：{ $reason }
filter-label = 按严重程度筛选
filter-show = 显示{ $severity ->
        [error] 错误
        [warning] 警告
       *[info] 提示
    }
filter-hide = 隐藏{ $severity ->
        [error] 错误
        [warning] 警告
       *[info] 提示
    }
count-errors = 个错误
count-warnings = 个警告
count-infos = 个提示
severity-error = 错误
severity-warning = 警告
severity-info = 提示
file-whole-input = 整个输入
rule-link-title = 这条规则检查什么
help-label = {"帮助："}
snippet-label = 源代码行
fix-kind-safe = 安全修复
fix-kind-unsafe = 不安全修复

## 兼容性矩阵
matrix-label = { $platform } 兼容性矩阵
matrix-caption = { $platform } 版本与 Kubernetes 版本的对照；选择一个单元格查看每道关卡的理由
matrix-axis-kubesphere = KubeSphere · 集群 Kubernetes
matrix-axis-rancher = Rancher 版本线 · local 集群 Kubernetes
matrix-vendor-legend = Kubernetes 构建
matrix-legend = 图例
matrix-hint = 指向、聚焦或点击一个单元格，查看每道关卡及其理由。
vendor-plain = 原版
verdict-works = 可用
verdict-caveat = 可用，但有注意事项
verdict-blocked = 受阻
verdict-unsupported = 平台不支持此 Kubernetes 版本
verdict-not-applicable = 不运行 v4 扩展组件
verdict-mixed = 仅部分补丁版本可用
cell-describe = { $row } 在 Kubernetes { $column }{ $form } 上：{ $verdict }
cell-blocked-by = 被{ $gate }阻止
cell-mixed = 在 { $works } 上可用（{ $blocked } 受阻）
cell-mixed-by = 在 { $works } 上可用（{ $blocked } 被{ $gate }阻止）
cell-caveat-from = 可用，但{ $gates }给出注意事项
cell-patches = 各补丁版本结果不同：在 { $works } 上可用；在 { $blocked } 上受阻。下面是 { $last } 的关卡。
gate-pass = 通过
gate-caveat = 注意
gate-fail = 失败
gate-skipped = 跳过
gate-user-sees = 用户看到的内容：

## 修复面板
fix-panel-label = 修复与修正后的包
fix-heading = 修复
fix-none = 没有规则为这个包提供修复。
fix-intro = 共有 { $count } 项修复：{ $safe } 项安全（已勾选：保留你的本意），{ $unsafe } 项不安全（可能改变含义；勾选后应用）{ $costly ->
        [0] {""}
       *[other] ，{ $costly } 项会失去一些平台版本（未勾选；每项都写明代价）
    }。
fix-failed = 修复失败：{ $error }。
fix-preparing = 正在准备修正后的包…
fix-changes = 改动
fix-no-change = 修正后的包与输入的文件和字节完全相同。
fix-badge-safe = 安全
fix-badge-unsafe = 不安全
fix-costs = 代价：{ $costs }。未勾选：只有确定要放弃这些时才勾选。
fix-no-output = 无法写出修正后的包：{ $error }。
fix-recheck = 按其字节重新检查：{ $errors } 个错误，{ $warnings } 个警告，{ $infos } 个提示。
fix-applied = 已应用 { $count } 项修复{ $passes ->
        [0] {""}
        [1] {""}
       *[other] （共 { $passes } 轮）
    }
fix-later = 第一轮之后发现并修复：
fix-not-applied = 未应用：
fix-download = 下载 { $file }
fix-apply = 检查修正后的包
fix-apply-title = 用修正后的包的报告替换这份报告
fix-place-package = 整个包
diff-file-added = 新增
diff-file-removed = 删除
diff-file-modified = 修改
diff-binary = 二进制，{ $old } → { $new }
diff-label = { $path } 的改动
diff-line-unchanged = 未改动
diff-line-removed = 删除
diff-line-added = 新增
diff-cut = {" "}… 还有 { $size }
skip-conflict = 它的编辑与 { $with } 的重叠
skip-invalid-edit = 它的编辑与文件不符
skip-unresolved = 已应用，但问题仍被报告
skip-pass-limit = 在第 { $passes } 轮（最后一轮）之后才发现
skip-loses-cells = 它会让包在 { $cells } 上无法使用
layout-ksbuilder = 按 `ksbuilder package` 的方式打包：Chart.yaml 由 extension.yaml 生成{ $ignored ->
        [0] {""}
       *[other] ，`.helmignore` 排除了 { $ignored } 个文件
    }，所有条目按 Helm 的顺序位于 `{ $top }/` 下。
layout-helm = 按 Helm 写 Chart 的方式写出：所有条目位于 `{ $top }/` 下，`Chart.yaml` 在最前，只含文件。
layout-folder = 相同的文件，位于 `{ $top }/` 下。

## 导出
export-label = 导出报告
export-json-hint = 稳定的 JSON 报告，与 extcheck check --format json 的输出相同
export-sarif-hint = SARIF 2.1.0，用于代码扫描
export-markdown-hint = Markdown，用于拉取请求评论
export-copy = 复制 Markdown
export-copy-hint = 把 Markdown 报告复制到剪贴板
export-failed = 导出失败：{ $error }
export-saved = 已保存 { $file }（{ $size }）。
export-blocked = 浏览器不允许下载。
export-copied = 已复制 Markdown：可粘贴到拉取请求评论中。
export-copy-blocked = 浏览器不允许复制；请改为下载 Markdown。

## 清单标签页
manifests-label = 渲染出的清单
manifests-intro = Helm 4.2.3 从这个包的 Chart 渲染出的内容，逐个文件列出。编辑 values 或选择 Kubernetes 版本即可重新渲染。
manifests-kubernetes = Kubernetes
manifests-release = Release
manifests-host = host 集群
manifests-agent = agent（member 集群）
manifests-rendering = 正在渲染…
manifests-failed = Chart 无法渲染
manifests-failed-at = 位置
manifests-empty = 这个 Release 没有渲染出任何文件（它的模板都在它禁用的子 Chart 中）。
manifests-files = 渲染出的文件
manifests-empty-file = {"（空）"}
manifests-text = 渲染出的文本

## 版本范围试验场
range-title = 版本范围试验场
range-lede = 五个平台组件用四种不同的 semver 引擎判断版本约束，并各自以自己的方式获取当前版本。输入约束和版本，即可看到每个判定及其原因。
range-examples = 示例
range-constraint = 约束
range-field = 字段
range-caption = 每个组件的判定
range-col-component = 组件
range-col-engine = 引擎
range-col-verdict = 判定
range-col-why = 原因
range-portable = ✓ 可移植：在 Masterminds 3.3、≥ 3.4 和 node-semver 7.5.4 中都能解析。
range-does-not-parse = ✗ 无法解析：{ $problem }
range-safer = 更安全的写法：
range-safer-why = （正式版本上的判定相同，且厂商构建版本也能通过）
range-use-it = 使用它

## 规则页
rules-title = 规则
rules-lede = 每个代码都是稳定的。严重程度说明在真实平台上会发生什么：错误 — 平台拒绝、隐藏扩展，或无法安装或加载它；警告 — 能用，但在某处功能受损，或者很可能是个失误；提示 — 一条建议。展开一条规则，查看它检查什么、为什么重要、示例、如何修复以及来源。
rules-loading = 正在加载规则…
rules-failed = 无法加载规则：{ $error }
group-package = PKG · 读取输入
group-syntax = SYN · 文件语法
group-range = RANGE · 版本约束
group-kubesphere = KS · KubeSphere 扩展组件
group-rancher = RC · Rancher UI 扩展
group-helm = HELM · Chart.yaml
group-template = TPL · 渲染后的模板
group-suppression = SUP · 抑制

## 卡片预览的周边（卡片本身使用平台自己的用语）
cards-label = 市场卡片预览
cards-drawing = 正在绘制卡片…
cards-failed = 无法绘制卡片：{ $error }
cards-none-extension-yaml = 没有卡片：包中没有可读的 `extension.yaml` 映射，而控制台正是从那里读取卡片内容（见报告）。
cards-none-package-json = 没有卡片：`package.json` 无法解析为 JSON 对象（见报告）。
cards-none-chart-yaml = 没有卡片：`Chart.yaml` 无法解析为映射（见报告）。
cards-none-plugin = Rancher 插件归档（`files.txt` 和 `plugin/`）没有自己的卡片：它是扩展安装后由扩展服务器交给浏览器的代码。“扩展”页面根据扩展的 Chart（Helm 仓库中的 Chart.yaml 和注解）绘制卡片。请检查该 Chart 或 `pkg/<name>/package.json` 来预览卡片。
cards-none-helm = 普通 Helm Chart 没有市场卡片：KubeSphere 扩展市场读取 `extension.yaml`，而 Rancher 的“扩展”页面只列出带有 `catalog.cattle.io/ui-component: plugins` 注解的 Chart（其他 Chart 列在“应用”页面）。
cards-none-unrecognised = 无法识别这个包，因此没有可预览的卡片。
checklist-title = 上架信息完整度
checklist-hint = 市场页面的访问者会看到或缺少的内容。这些都不是错误。
cards-none-value = 无
cards-unknown-value = 未知
cards-ks-fallback = 控制台按以下顺序选取每个值：界面语言，然后是浏览器的语言（`navigator.language` 为 { $navigator }，读作 { $browser }），然后是 `en`，最后是扩展组件名称。已声明的语言（`displayName` 和 `description` 中都有）：{ $declared }。
cards-ks-title = KubeSphere 扩展市场卡片
cards-ks-console-language = 控制台语言
cards-ks-detail = 详情页
cards-ks-no-detail = 没有详情页：extension.yaml 不可读。
cards-rc-title = Rancher “扩展”页面卡片
cards-rc-version = Rancher 版本
cards-rc-both = 两种布局都已绘制；所选版本线使用的那一种带有状态。
cards-rc-inline = Rancher ≤ 2.12 · 内联卡片
cards-rc-item = Rancher ≥ 2.13 · 条目卡片
cards-rc-as-on = ✓ 与 Rancher { $line } 上一致
cards-rc-not-listed = ✗ 在 Rancher { $line } 上不列出
cards-rc-choose-old = 选择 2.12 或更早的版本线以查看其状态
cards-rc-choose-new = 选择 2.13 或更新的版本线以查看其状态
cards-rc-no-matrix = 这个包没有 Rancher 兼容性矩阵，因此无法评估任何版本线。
cards-rc-on = 在 Rancher { $line } 上
cards-rc-local-kube = ，local 集群 Kubernetes
cards-rc-layout-inline = 内联卡片
cards-rc-layout-item = 条目卡片
cards-rc-listed = 卡片会列出
cards-rc-unlisted = 卡片不会列出
cards-rc-install = 提供“安装”
cards-rc-install-prime = 仅在 Rancher Prime 上提供“安装”
cards-rc-no-install = 不提供“安装”
cards-rc-message = {"卡片消息："}
cards-rc-tooltip = {"侧边栏提示："}
cards-rc-failing = 未通过的检查，按此版本线的执行顺序

## 版本范围试验场示例
range-example-eks = EKS 集群，没有 -0
range-example-gke = GKE 集群，只有下界带 -0
range-example-comma = Rancher 上的逗号范围
range-example-rc = Rancher rc 构建
range-example-extensions-api = Rancher 2.11 的 Extensions API
range-example-ks-version = KubeSphere 4.1.3 与 ksVersion
