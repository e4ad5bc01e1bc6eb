sup002-help = 本次检查未使用该配置：不忽略任何发现，不调整任何严重级别，所有平台版本线都计入。请修正所指出的键（`extcheck rules` 列出所有规则代码；严重级别为 "error"、"warning" 或 "info"；平台版本线形如 "2.10"）。
sup001-help = 请从注释中删除该代码（或删除整条注释）；什么也没抑制的抑制注释会掩盖该行以后出现的真实问题。
config-info-here = { $help } 此处为提示而不是 { $severity }：它只影响 { $lines }，而 { $file } 只计入 { $counted }。
sup001-message-no-code = `{ $comment }` 没有写规则代码
sup001-message-unknown = `{ $marker } { $code }`：没有规则 `{ $code }`
sup001-message = `{ $marker } { $code }` 没有抑制任何内容：第 { $line } 行没有 { $code } 发现
sup002-message-key = { $file } 无法使用：键 `{ $key }`：{ $error }
sup002-message = { $file } 无法使用：{ $error }
