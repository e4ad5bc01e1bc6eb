{{- define "h.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "h.labels" -}}
app: {{ include "h.name" . }}
chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}
{{- define "h.rec" -}}
{{- if gt (int .) 0 }}{{ . }},{{ include "h.rec" (sub . 1) }}{{ end }}
{{- end }}
