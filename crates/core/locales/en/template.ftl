tpl010-message = Image `{ $image }` is listed in `images` but no rendered template uses it
tpl010-help = `ksbuilder lint` warns (`image … has not found`), and the marketplace CI fetches every listed image (`oras manifest fetch`); offline installers mirror it for nothing. Remove it, or correct its name or tag to the one the chart renders.
tpl011-message = `{ $o_template }` runs image `{ $image }` ({ $o_kind } { $o_name_as_deref_unwrap_or }), which `images` does not list
tpl011-help = KubeSphere's offline installer and the marketplace mirror only the images extension.yaml lists: an air-gapped install cannot pull this one. List it under `images`.
