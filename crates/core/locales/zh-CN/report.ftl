# 文本和 Markdown 报告的标签与标题（crates/core/src/report/{text,markdown}.rs）。
report-counts = { $errors } 个错误，{ $warnings } 个警告，{ $infos } 个提示
report-suppressed-count = ，{ $count } 个已抑制
report-help = 帮助:
report-fix = 修复:
report-safe = 安全
report-unsafe = 不安全
report-no-package = 未识别出扩展包
report-patch-releases-differ = 补丁版本之间结果不同：{ $line }
report-suppressed-line = 已抑制 { $severity }[{ $code }]，位于 { $place }：{ $message }（{ $reason }）
report-md-not-recognised = 不是可识别的扩展包
report-md-in-root = {" "}位于 { $root }
report-md-table-header = | 严重级别 | 规则 | 位置 | 问题 | 如何修复 |
report-md-compatibility = 兼容性（{ $platform }）：
report-md-patch-releases-differ = 补丁版本之间结果不同：{ $line }
report-md-safe-fix = 安全修复
report-md-unsafe-fix = 不安全修复
# 扩展包的类型（Kind::label_in）。
kind-kubesphere = KubeSphere 扩展组件
kind-rancher-package = Rancher UI 扩展（package.json）
kind-rancher-chart = Rancher 扩展 Chart
kind-rancher-plugin = Rancher 插件归档
kind-helm-chart = Helm Chart
# 同一文件中同一规则超过 50 条的发现，由这一条诊断计数（任意代码）。
report-more-message = …… 另有 { $count } 条 { $code } 发现位于 { $place }，未列出
report-more-this-package = 此扩展包
report-more-help = 报告中每个文件的每条规则最多列出 50 条发现。请修复已列出的问题后再次检查。
# 文本报告的汇总行。
report-text-counts = { $errors } 个错误，{ $warnings } 个警告，{ $infos } 个提示
