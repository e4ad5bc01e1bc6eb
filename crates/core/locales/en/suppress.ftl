sup002-help = This package was checked without it: nothing is ignored or re-graded and every platform line counts. Correct the key named (`extcheck rules` lists the codes; severities are "error", "warning" or "info"; platform lines look like "2.10").
sup001-help = Remove the code from the comment (or the whole comment); a suppression that suppresses nothing hides the next real finding on that line.
config-info-here = { $help } Info here, not { $severity }: it blocks only { $lines }, and { $file } counts only { $counted }.
sup001-message-no-code = `{ $comment }` names no rule code
sup001-message-unknown = `{ $marker } { $code }`: there is no rule `{ $code }`
sup001-message = `{ $marker } { $code }` suppresses nothing: no { $code } finding on line { $line }
sup002-message-key = { $file } cannot be used: key `{ $key }`: { $error }
sup002-message = { $file } cannot be used: { $error }
