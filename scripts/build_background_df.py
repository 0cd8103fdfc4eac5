"""Rebuild ``chronique/lang/fr_df.json``: document frequencies of words in French news (the RPM2
corpus shipped in ``data/rpm2``). Words seen in one document only are dropped.

    python scripts/build_background_df.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from chronique.dates.corpus import tokens
from chronique.lang import get_language

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    lang = get_language("fr")
    df: Counter[str] = Counter()
    files = sorted((ROOT / "data" / "rpm2" / "documents").glob("*.txt"))
    for path in files:
        df.update(set(tokens(path.read_text(encoding="utf-8-sig"), lang)))
    data = {"documents": len(files), "df": {w: c for w, c in sorted(df.items()) if c >= 2}}
    out = ROOT / "chronique" / "lang" / "fr_df.json"
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(data['df'])} words from {len(files)} documents → {out}")


if __name__ == "__main__":
    main()
