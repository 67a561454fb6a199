"""Build ``data/lexicons/given_name_genders.csv`` from the US Census Bureau's 1990 given-name files.

    python tools/build_name_genders.py --census DIR [--out data/lexicons/given_name_genders.csv]

``DIR`` holds ``dist.male.first`` and ``dist.female.first`` (1990 Census, "Frequently Occurring Names";
public domain; the same files ship in the ``names`` package on PyPI, MIT, ``names-0.3.0/names/``). Each
line is ``NAME  percent  cumulative  rank``; the percent is of the men, or of the women, counted. A name
is kept with the gender that holds at least ``--share`` of its combined percent (0.95: "Jordan" and
"Morgan", borne by both, are left out) and a percent of at least ``--min-percent`` of its gender's people.
The table only gives pronouns a hint for a full name ("Reginald Vanderbilt ... she" is not him): it never
makes a word a name (that is ``first_names.csv``, short on purpose, which wins where both list a name).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def read_census(path: Path) -> dict[str, float]:
    """``{Name: percent}`` of one Census given-name file (names title-cased)."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].title()] = float(parts[1])
    if not out:
        raise SystemExit(f"{path}: no names read")
    return out


def name_genders(male: dict[str, float], female: dict[str, float], share: float, min_percent: float
                 ) -> list[tuple[str, str, float]]:  # fmt: skip
    """``(name, gender, share)`` rows, sorted by name."""
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        gender, top = ("male", m) if m >= f else ("female", f)
        if top >= min_percent and top / (m + f) >= share:
            rows.append((name, gender, round(top / (m + f), 3)))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--census", type=Path, required=True, help="folder with dist.male.first and dist.female.first")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "lexicons" / "given_name_genders.csv")
    ap.add_argument("--share", type=float, default=0.95)
    ap.add_argument("--min-percent", type=float, default=0.001)
    args = ap.parse_args(argv)
    rows = name_genders(read_census(args.census / "dist.male.first"), read_census(args.census / "dist.female.first"),
                        args.share, args.min_percent)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "gender", "share"])
        w.writerows(rows)
    print(f"wrote {len(rows)} names to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
