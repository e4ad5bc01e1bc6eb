pkg001-message = `{ $name }` { $what }（{ $error }）
pkg001-help = 所有文件都已读出，但 `gzip -t`、`tar` 和大多数工具会认为该归档已损坏。Helm 的 Chart 加载器（Helm 和 ks-core 使用）只读到 tar 的结束标记，通常读不到尾部，因此会照常加载该 Chart；但损坏未必只在尾部。请重新构建或下载该归档。
pkg007-message = `{ $path }` 在归档中出现了两次；以后出现的条目为准
pkg007-help = 不同工具使用的副本不一致。请重新构建归档，使每个路径只出现一次。
pkg005-message = 有 { $count } 个条目名以 `./` 开头
pkg005-help = Helm 会去掉路径的第一段（`.`），于是 ks-core 和 ksbuilder 在高一层的位置查找 `name/extension.yaml`，什么也找不到。请在上级文件夹中创建归档（`tar -czf name.tgz name/`），或使用 `ksbuilder package`。
pkg004-help = Helm 会去掉每个条目路径的第一段，并要求所有文件位于一个以 Chart 命名的文件夹下。请归档包文件夹本身：`tar -czf name-version.tgz name/`（或使用 `ksbuilder package` / `helm package`）。
pkg008-message = 未识别出扩展包：找到的是 { $listing }。{ $package_json_note }
pkg008-help = extcheck 能识别 KubeSphere 扩展组件（`extension.yaml`）、Rancher UI 扩展（带 `rancher` 键的 `package.json`）、Rancher 插件归档（`files.txt` 和 `plugin/`）以及 Helm Chart（`Chart.yaml`），它们须位于输入的根目录或其下一级文件夹中。
pkg001-message-not-regular = `{ $file_name }` 不是普通文件（而是 FIFO、套接字或设备），未打开
pkg001-help-not-regular = 请提供保存在磁盘上的扩展包归档（`.tgz`）、文件夹或清单文件。
pkg002-message = 不安全的条目路径 `{ $path }`：它{ $why }；已跳过该条目
pkg002-help = 只要有一个条目路径是绝对路径、包含 `..`、盘符或反斜杠，Helm 就会拒绝整个归档。请用相对的 `/` 路径从包文件夹重新构建归档（例如 `ksbuilder package` 或 `helm package`）。
pkg003-message = `{ $path }` 解压后为 { $size }，超过了 Helm 对单个文件 5 MiB 的限制；未读取该文件
pkg003-help = Helm ≥ 3.17.3 拒绝含有超过 5 MiB 文件的 Chart。请删除该文件，或把大数据移出 Chart（例如在运行时从镜像中获取）。
pkg003-message-rancher-file = `{ $path }` 解压后为 { $size }，超过了 Rancher 插件缓存对单个文件 30 MiB 的限制；未读取该文件
pkg003-help-rancher-file = 只有当每个文件都不超过 `max-ui-plugin-file-byte-size`（默认 30 MiB，见 rancher/rancher `pkg/settings/setting.go`）时，Rancher 才会缓存插件归档；否则它把插件标为 `noCache`，并把每个请求代理到 endpoint（Rancher 2.15 起仅限 https）。请拆分或缩小该文件，例如在构建中去掉 source map。
pkg003-message-total = 扩展包解压后超过了 Helm 100 MiB 的限制；读取在 `{ $path }` 处停止
pkg003-help-total = Helm ≥ 3.17.3 拒绝解压后超过 100 MiB 的 Chart。请删除过大或多余的文件（旧的 `.tgz` 构建产物、二进制文件、媒体文件）。
pkg006-message = `{ $path }` 是{ $what }；Helm 会忽略它，因此扩展包中并不包含其目标
pkg006-help = 请用它指向的文件替换该链接，或将其删除。
pkg009-message = `{ $path }` 是扩展包中的归档（{ $size }），被 `{ $template }` 读取
pkg009-help = 有模板（通过 `.Files`）读取它，因此它是 Chart 的一部分，而不是多余的构建产物：应保留。它计入 Helm 的 100 MiB 限制（以及 KubeSphere Cloud 的 1 MB 限制）。
pkg009-message-unread = `{ $path }` 是扩展包中的归档（{ $size }）
pkg009-help-unread = 它很可能是以前的构建产物：`ksbuilder package` 会复制文件夹中的所有内容，Helm 也会把它计入 100 MiB 限制（以及 KubeSphere Cloud 的 1 MB 限制）。请删除它，并在包文件夹之外进行构建。
pkg001-message-plain-tar = `{ $name }` 是未压缩的 tar 归档，不是 gzip 压缩的
pkg001-help-plain-tar = Helm、ksbuilder 和 Rancher 用 gzip 读取器读取 Chart，会拒绝未压缩的 tar。请压缩它（`tar -czf`），或用 `helm package` / `ksbuilder package` 构建。其内容仍已检查。
pkg001-message-not-tgz = `{ $name }` 是{ $format }，不是 gzip 压缩的 tar 归档
pkg001-help-zip = zip 不是 Chart 归档：Helm 和 ksbuilder 需要 gzip 压缩的 tar（`.tgz`）。请用 `ksbuilder package` 或 `helm package` 构建，或直接拖入文件夹。
pkg001-help-renamed-file = 这看起来是被改名为 `.tgz` 的单个文件。请直接拖入该文件本身（例如 `extension.yaml`、`package.json`、`Chart.yaml`）或扩展包文件夹。
pkg001-help-other-format = extcheck 可读取 gzip 压缩的 tar 归档（`.tgz`、`.tar.gz`）、文件夹，以及单个 `extension.yaml` / `package.json` / `Chart.yaml` 文件。
pkg001-message-empty-gzip = `{ $name }` 是空的 gzip 文件
pkg001-message-empty-tar = `{ $name }` 包含一个空的 tar 归档（没有文件）
pkg001-message-gzip-not-tar = `{ $name }` 是 gzip 压缩的，但其中是{ $format }，不是 tar 归档
pkg001-help-not-tar = Chart 归档是对一个文件夹做 gzip 压缩的 tar。请用 `ksbuilder package` 或 `helm package` 构建。
pkg001-message-no-files = `{ $name }` 不包含任何文件
pkg001-help-no-files = 该归档为空。请用 `ksbuilder package` 或 `helm package` 从扩展包文件夹构建。
pkg001-message-truncated = `{ $name }` 已被截断{ $entries ->
        [0] {""}
       *[other] （已读取 { $entries } 个条目）
    }（{ $error }）
pkg001-help-truncated = 归档在数据中途结束：下载或复制被中断。请重新构建或下载。
pkg001-message-corrupt = `{ $name }` 的 gzip 数据已损坏{ $entries ->
        [0] {""}
       *[other] （已读取 { $entries } 个条目）
    }（{ $error }）
pkg001-help-corrupt = 压缩数据已损坏。请重新构建或下载该归档。
pkg001-message-not-tar = `{ $name }` 无法作为 tar 归档读取{ $entries ->
        [0] {""}
       *[other] （已读取 { $entries } 个条目）
    }（{ $error }）
pkg001-help-rebuild = 请用 `ksbuilder package` 或 `helm package` 重新构建该归档。
pkg001-trailer-cut = 在 gzip 尾部（数据的 CRC-32 和长度）之前就结束了：文件被截断
pkg001-trailer-mismatch = 的 gzip 尾部与数据不符（CRC-32 或长度）：文件已损坏
pkg001-format-gzip = gzip 文件
pkg001-format-tar = 未压缩的 tar 归档
pkg001-format-zip = zip 归档
pkg001-format-bzip2 = bzip2 文件
pkg001-format-xz = xz 文件
pkg001-format-zstd = zstd 文件
pkg001-format-7z = 7-Zip 归档
pkg001-format-rar = RAR 归档
pkg001-format-json = 单个 JSON 文件
pkg001-format-text = 单个文本（YAML？）文件
pkg001-format-empty = 空文件
pkg001-format-binary = 未知格式的文件
pkg004-message-root-files = 归档的根目录下有文件（{ $files }），而不是只有一个顶层文件夹
pkg004-message-no-folder = 归档没有顶层文件夹
pkg004-message-folders = 归档有 { $count } 个顶层文件夹（{ $folders }），而不是一个
# 条目路径不安全的原因（PKG002）。
pkg002-why-absolute = 是绝对路径
pkg002-why-parent = 用 `..` 跳出了扩展包
pkg002-why-drive = 以 Windows 盘符开头
pkg002-why-backslash = 包含反斜杠
# 链接或特殊条目的类型（PKG006）。
pkg006-what-symlink = 符号链接
pkg006-what-hard-link = 硬链接
pkg006-what-device = 设备文件
pkg006-what-fifo = FIFO
pkg006-what-special = 特殊条目
# 未识别出扩展包时输入中的内容（PKG008）。
pkg008-listing-none = 没有任何文件
pkg008-listing-more = { $shown } 等（另有 { $count } 项）
pkg008-note-package-json = `package.json` 没有 `rancher` 键，因此它不是 Rancher UI 扩展。
# 修复标题。
pkg005-fix = 去掉每个条目开头的 `./`
pkg006-fix = 删除{ $what } `{ $path }`
pkg007-fix = 只保留后出现的 `{ $path }`
pkg009-fix = 删除 `{ $path }`
