#!/usr/bin/env python3
"""Render a Helm chart with Helm's own engine (helm-python-sdk 0.2.2 = Helm 4.2.3).

Usage: helm-oracle.py CHART [RELEASE_NAME [NAMESPACE]]
CHART is a chart folder or a .tgz. The release name defaults to the chart's name and the
namespace to the release name. Prints JSON: {"ok": {template path: text}} or {"error": message}.
Run it with the venv that scripts/setup installs: .tools/helm-venv/bin/python.
"""
import json
import sys

import helm_python


def main() -> int:
    path = sys.argv[1]
    try:
        chart = helm_python.Chart.load(path)
        name = sys.argv[2] if len(sys.argv) > 2 else chart.name
        namespace = sys.argv[3] if len(sys.argv) > 3 else name
        out = {"ok": chart.render(name=name, namespace=namespace)}
    except helm_python.HelmError as e:
        out = {"error": str(e), "kind": type(e).__name__}
    json.dump(out, sys.stdout, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
