"""Write the story and event gold of the RPM2 corpus (tests/data/gold/rpm2-clusters.json).

RPM2 names its files TNN_CK_DD.txt: story NN, cluster K (the story's first wave of articles, then its
developments about a month later), document DD. The gold story is TNN, the gold event TNN_CK.

    python scripts/build_rpm2_cluster_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"^(T\d\d)_(C\d)_\d\d\.txt$")


def main() -> None:
    articles = {}
    for path in sorted((ROOT / "data" / "rpm2" / "documents").glob("*.txt")):
        m = NAME.match(path.name)
        if m:
            articles[path.name] = {"story": m.group(1), "event": f"{m.group(1)}_{m.group(2)}"}
    gold = {
        "about": "RPM2 (de Loupy et al., LREC 2010; GPL-3): story = TNN, event = TNN_CK of the file names.",
        "articles": articles,
    }
    out = ROOT / "tests" / "data" / "gold" / "rpm2-clusters.json"
    out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles → {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
