report-summary-counts = { $errors } { $errors -> [one] error *[other] errors }, { $warnings } { $warnings -> [one] warning *[other] warnings }, { $infos } { $infos -> [one] info *[other] infos }
