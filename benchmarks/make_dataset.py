"""Write a large synthetic drugs file for the benchmarks: N profiles cloned from the real
ones (so sizes are realistic), each with ~10 unique aliases. Not medical data.

    python benchmarks/make_dataset.py 10000 benchmarks/out/drugs-10000.yaml
"""

from __future__ import annotations

import copy
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make(n: int) -> dict:
    with open(os.path.join(ROOT, "data", "drugs.yaml"), encoding="utf-8") as fh:
        shipped = yaml.safe_load(fh)
    templates = list(shipped["drugs"].values())
    if not templates:
        with open(os.path.join(ROOT, "tests", "fixtures", "drugs.yaml"), encoding="utf-8") as fh:
            fixture = yaml.safe_load(fh)
        templates = list(fixture["drugs"].values())
        shipped["sources"].update(fixture["sources"])
    drugs = {}
    for i in range(n):
        profile = copy.deepcopy(templates[i % len(templates)])
        did = f"synthdrug-{i:05d}"
        profile["name"] = f"Synthdrug {i:05d}"
        profile["aliases"] = [{"name": f"Synthbrand {i:05d} {k}", "kind": "brand", "country": ["US"]}
                              for k in range(6)] + [
            {"name": f"synthdrug {i:05d} hydrochloride", "kind": "salt"},
            {"name": f"SD{i:05d}", "kind": "abbreviation"},
            {"name": f"synthstreet {i:05d}", "kind": "street"},
            {"name": f"synthusan {i:05d}", "kind": "usan"},
        ]
        profile.pop("misconceptions", None)
        profile["sources"] = [s for s in profile["sources"]]
        drugs[did] = profile
        for s in profile["sources"]:  # misconceptions were dropped: keep sections consistent
            if "sections" in s and "misconceptions" in s["sections"] and len(s["sections"]) > 1:
                s["sections"] = [x for x in s["sections"] if x != "misconceptions"]
    return {"schema_version": 1, "sources": shipped.get("sources", {}), "drugs": drugs}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "benchmarks", "out", f"drugs-{n}.yaml")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        yaml.dump(make(n), fh, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                  sort_keys=False, width=120)
    print(f"{out}: {os.path.getsize(out) / 1e6:.1f} MB, {n} drugs")


if __name__ == "__main__":
    main()
