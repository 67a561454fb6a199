"""Run the property-based tests with the "thorough" hypothesis profile (10,000+ generated cases).

Usage: python benchmarks/fuzz.py
Four properties (random Unicode/word text, determinism, random article structure, random HTML)
at 3,400 examples each: 13,600 generated inputs. Exit code is pytest's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    env = {**os.environ, "HYPOTHESIS_PROFILE": "thorough"}
    cmd = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_properties.py"), "-q",
           "--hypothesis-show-statistics", "-p", "no:cacheprovider"]  # fmt: skip
    print("$ HYPOTHESIS_PROFILE=thorough", " ".join(cmd[1:]), flush=True)
    return subprocess.call(cmd, env=env, cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
