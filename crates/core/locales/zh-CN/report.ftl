report-summary-counts = { $errors } 个错误，{ $warnings } 个警告，{ $infos } 个提示
