"""What the benchmarks read: a folder of real articles (by default the shared dev set
beside the repository), given as the first argument of each script."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_ARTICLES = ROOT.parent / "shared" / "dev" / "articles"


def add_articles_argument(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("articles", nargs="?", default=str(DEV_ARTICLES), help="folder of articles (default: the shared dev set)")


def read_articles(folder: str | Path) -> list:
    """The articles under ``folder``; exits with a message when there are none."""
    from kg.read import read_paths
    from kg.types import Article

    base = [a for a in read_paths([str(folder)]) if isinstance(a, Article)]
    if not base:
        raise SystemExit(f"no articles under {folder}")
    return base
