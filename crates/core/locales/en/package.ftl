pkg001-message = `{ $name }` { $what } ({ $error })
pkg001-help = Every file was read, but `gzip -t`, `tar` and most tools reject the archive as corrupt. Helm's chart loader (used by Helm and ks-core) reads the tar only up to its end marker, so it usually never reaches the trailer and loads the chart as is; the damage may not be limited to the trailer. Build or download the archive again.
pkg007-message = `{ $path }` appears twice in the archive; the later entry wins
pkg007-help = Tools disagree on which copy they use. Rebuild the archive so that each path appears once.
pkg005-message = { $count } entry names start with `./`
pkg005-help = Helm strips the first path segment (`.`), so ks-core and ksbuilder look for `name/extension.yaml` one level too high and find nothing. Create the archive from the parent folder (`tar -czf name.tgz name/`) or with `ksbuilder package`.
pkg004-help = Helm drops the first path segment of every entry and expects all files under one folder named after the chart. Archive the package folder itself: `tar -czf name-version.tgz name/` (or `ksbuilder package` / `helm package`).
pkg008-message = No extension package recognised: found { $listing }.{ $package_json_note }
pkg008-help = extcheck recognises a KubeSphere extension (`extension.yaml`), a Rancher UI extension (`package.json` with a `rancher` key), a Rancher plugin archive (`files.txt` and `plugin/`) and Helm charts (`Chart.yaml`), at the root of the input or one folder below.
pkg001-message-not-regular = `{ $file_name }` is not a regular file (a FIFO, socket or device); it was not opened
pkg001-help-not-regular = Give extcheck a package archive (`.tgz`), a folder, or a manifest file saved on disk.
pkg002-message = Unsafe entry path `{ $path }`: it { $why }; the entry was skipped
pkg002-help = Helm rejects the whole archive when one entry path is absolute, contains `..`, a drive letter or backslashes. Rebuild the archive from the package folder with relative `/` paths (e.g. `ksbuilder package` or `helm package`).
pkg003-message = `{ $path }` is { $size } when decompressed, over Helm's limit of 5 MiB for one file; it was not read
pkg003-help = Helm ≥ 3.17.3 refuses charts with a file over 5 MiB. Remove the file or move large data out of the chart (e.g. pull it from an image at run time).
pkg003-message-rancher-file = `{ $path }` is { $size } when decompressed, over Rancher's plugin cache limit of 30 MiB for one file; it was not read
pkg003-help-rancher-file = Rancher caches a plugin archive only when every file is within `max-ui-plugin-file-byte-size` (30 MiB by default, rancher/rancher `pkg/settings/setting.go`); otherwise it marks the plugin `noCache` and proxies every request to the endpoint (https only from Rancher 2.15). Split or shrink the file, e.g. drop source maps from the build.
pkg003-message-total = The package passes Helm's limit of 100 MiB decompressed; reading stopped at `{ $path }`
pkg003-help-total = Helm ≥ 3.17.3 refuses charts over 100 MiB decompressed. Remove large or stray files (old `.tgz` builds, binaries, media).
pkg006-message = `{ $path }` is a { $what }; Helm ignores it, so the package does not contain its target
pkg006-help = Replace the link by the file it points to, or remove it.
pkg009-message = `{ $path }` is an archive inside the package ({ $size }), read by `{ $template }`
pkg009-help = A template reads it (through `.Files`), so it is part of the chart, not a stray build: it stays. It counts toward Helm's 100 MiB limit (and KubeSphere Cloud's 1 MB).
pkg009-message-unread = `{ $path }` is an archive inside the package ({ $size })
pkg009-help-unread = It is probably an earlier build: `ksbuilder package` copies everything in the folder, and Helm counts it toward the 100 MiB limit (and KubeSphere Cloud's 1 MB). Delete it, and build outside the package folder.
pkg001-message-plain-tar = `{ $name }` is a plain (uncompressed) tar archive, not gzip-compressed
pkg001-help-plain-tar = Helm, ksbuilder and Rancher read charts with a gzip reader and reject an uncompressed tar. Compress it (`tar -czf`), or build it with `helm package` / `ksbuilder package`. Its contents were checked anyway.
pkg001-message-not-tgz = `{ $name }` is { $format }, not a gzip-compressed tar archive
pkg001-help-zip = A zip is not a chart archive: Helm and ksbuilder need a gzip-compressed tar (`.tgz`). Build it with `ksbuilder package` or `helm package`, or drop the folder instead.
pkg001-help-renamed-file = This looks like a single file renamed to `.tgz`. Drop the file itself (e.g. `extension.yaml`, `package.json`, `Chart.yaml`) or the package folder.
pkg001-help-other-format = extcheck reads gzip-compressed tar archives (`.tgz`, `.tar.gz`), folders, and single `extension.yaml` / `package.json` / `Chart.yaml` files.
pkg001-message-empty-gzip = `{ $name }` is an empty gzip file
pkg001-message-empty-tar = `{ $name }` holds an empty tar archive (no files)
pkg001-message-gzip-not-tar = `{ $name }` is gzip-compressed, but what is inside is { $format }, not a tar archive
pkg001-help-not-tar = A chart archive is a gzip-compressed tar of one folder. Build it with `ksbuilder package` or `helm package`.
pkg001-message-no-files = `{ $name }` contains no files
pkg001-help-no-files = The archive is empty. Build it from the package folder with `ksbuilder package` or `helm package`.
pkg001-message-truncated = `{ $name }` is truncated{ $entries ->
        [0] {""}
       *[other] {" "}after { $entries } entries
    } ({ $error })
pkg001-help-truncated = The archive ends in the middle of its data: the download or copy was cut short. Build or download it again.
pkg001-message-corrupt = `{ $name }` has corrupt gzip data{ $entries ->
        [0] {""}
       *[other] {" "}after { $entries } entries
    } ({ $error })
pkg001-help-corrupt = The compressed data is damaged. Build or download the archive again.
pkg001-message-not-tar = `{ $name }` could not be read as a tar archive{ $entries ->
        [0] {""}
       *[other] {" "}after { $entries } entries
    } ({ $error })
pkg001-help-rebuild = Build the archive again with `ksbuilder package` or `helm package`.
pkg001-trailer-cut = ends before its gzip trailer (the CRC-32 and length of the data): the file was cut short
pkg001-trailer-mismatch = has a gzip trailer that does not match its data (CRC-32 or length): the file is damaged
pkg001-format-gzip = a gzip file
pkg001-format-tar = a plain (uncompressed) tar archive
pkg001-format-zip = a zip archive
pkg001-format-bzip2 = a bzip2 file
pkg001-format-xz = an xz file
pkg001-format-zstd = a zstd file
pkg001-format-7z = a 7-Zip archive
pkg001-format-rar = a RAR archive
pkg001-format-json = a single JSON file
pkg001-format-text = a single text (YAML?) file
pkg001-format-empty = an empty file
pkg001-format-binary = a file of unknown format
pkg004-message-root-files = The archive has files at its root ({ $files }) instead of one top-level folder
pkg004-message-no-folder = The archive has no top-level folder
pkg004-message-folders = The archive has { $count } top-level folders ({ $folders }) instead of one
# Why an entry path is unsafe (PKG002).
pkg002-why-absolute = is absolute
pkg002-why-parent = climbs out of the package with `..`
pkg002-why-drive = starts with a Windows drive
pkg002-why-backslash = contains backslashes
# What a link or special entry is (PKG006).
pkg006-what-symlink = symbolic link
pkg006-what-hard-link = hard link
pkg006-what-device = device file
pkg006-what-fifo = FIFO
pkg006-what-special = special entry
# What the input holds, when nothing is recognised (PKG008).
pkg008-listing-none = no files
pkg008-listing-more = { $shown } and { $count } more
pkg008-note-package-json = {" "}`package.json` has no `rancher` key, so it is not a Rancher UI extension.
# Fix titles.
pkg005-fix = Strip the `./` prefix from every entry
pkg006-fix = Drop the { $what } `{ $path }`
pkg007-fix = Keep only the later `{ $path }`
pkg009-fix = Remove `{ $path }`
