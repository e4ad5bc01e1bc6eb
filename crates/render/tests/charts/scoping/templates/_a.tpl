{{- define "show" -}}[{{ . }}|{{ $ }}]{{- end -}}
{{- define "dollar" -}}{{ $.Values.s }}{{- end -}}
{{- define "vars" -}}{{ $x := "inner" }}{{ $x }}{{- end -}}
