{{- define "x.name" -}}{{ .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
name: {{ include "x.name" . }}
ns: {{ .Release.Namespace }}
{{ if semverCompare ">=1.25-0" .Capabilities.KubeVersion.GitVersion }}new{{ else }}old{{ end }}
