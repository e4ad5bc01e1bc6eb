helm001-help = { $help }{ $regenerate }
helm002-message = `{ $key }: { $raw }` is a YAML number, not a string{ $note }
helm002-help = Helm expects `version` and `appVersion` to be strings; a number is converted and can lose digits (`1.10` → `1.1`), and `helm lint` warns. Quote it.
helm003-message = Dependency `{ $name }` has no subchart in `{ $charts_dir }`
helm003-help = `helm install` and `helm upgrade` fail with "found in Chart.yaml, but missing in charts/ directory: { $name }". Run `helm dependency build`, or add the chart under `{ $charts_dir }`.
