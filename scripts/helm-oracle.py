#!/usr/bin/env python3
"""Render a Helm chart with Helm's own engine (helm-python-sdk 0.2.2 = Helm 4.2.3).

Usage: helm-oracle.py CHART [RELEASE_NAME [NAMESPACE]]
       helm-oracle.py --many CHART...
CHART is a chart folder or a .tgz. The release name defaults to the chart's name and the
namespace to the release name. Prints JSON: {"ok": {template path: text}} or {"error": message};
with --many, one object mapping each CHART to that result.
Run it with the venv that scripts/setup installs: .tools/helm-venv/bin/python.
"""
import json
import sys

import helm_python


def render(path: str, name: str | None = None, namespace: str | None = None) -> dict:
    try:
        chart = helm_python.Chart.load(path)
        name = name or chart.name
        namespace = namespace or name
        return {"ok": chart.render(name=name, namespace=namespace)}
    except helm_python.HelmError as e:
        return {"error": str(e), "kind": type(e).__name__}


def main() -> int:
    if sys.argv[1] == "--many":
        out = {path: render(path) for path in sys.argv[2:]}
    else:
        args = sys.argv[1:] + [None, None]
        out = render(args[0], args[1], args[2])
    json.dump(out, sys.stdout, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
