#!/usr/bin/env python3
"""Writes a large synthetic corpus for scaling runs (python -m newsprism.distributed): N distinct
articles as JSON Lines, each made by recombining sentences of one ECB+ event cluster
(../shared/data/news/ecbplus.jsonl), so articles drawn from one cluster read as reports of one event.
Deterministic for a seed. The corpus is for measuring only: never commit it.

    python3 scripts/gen-corpus.py --articles 200000 --out /tmp/corpus-200k.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "news" / "ecbplus.jsonl"
OUTLETS = ["Courier", "Ledger", "Gazette", "Herald", "Tribune", "Chronicle", "Observer", "Sentinel"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--source", type=Path, default=ECB, help="ECB+ JSON Lines (default: %(default)s)")
    parser.add_argument("--min-sentences", type=int, default=6)
    parser.add_argument("--max-sentences", type=int, default=14)
    args = parser.parse_args()

    # Each cluster's articles, as lists of sentences (in their order).
    clusters: dict[str, list[list[str]]] = defaultdict(list)
    with open(args.source, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            sentences = [s.strip() for s in doc["sentences"] if len(s.split()) >= 4]
            if sentences:
                clusters[doc["cluster_id"]].append(sentences)
    names = sorted(clusters)
    # Clusters drawn in proportion to their sentences, so small clusters are not worn out.
    weights = [sum(len(a) for a in clusters[c]) for c in names]
    rng = random.Random(args.seed)
    seen: set[bytes] = set()
    total = 0
    with open(args.out, "w", encoding="utf-8") as out:
        n = 0
        while n < args.articles:
            articles = clusters[rng.choices(names, weights)[0]]
            # The lead of one article of the cluster, then sentences of up to four of its articles, in order.
            lead = rng.choice(articles)
            others = rng.sample(articles, min(len(articles), rng.randint(2, 4)))
            pool = [(i, s) for a in others for i, s in enumerate(a)]
            want = rng.randint(args.min_sentences, args.max_sentences)
            picked = sorted(rng.sample(pool, min(len(pool), want - 1)))
            sentences = [lead[0]] + [s for _, s in picked if s != lead[0]]
            # Distinct bodies: the loader tells two articles apart by their text, not their headline.
            key = hashlib.sha1("\n".join(sentences[1:]).encode()).digest()
            if key in seen or len(sentences) < 3:
                continue
            seen.add(key)
            # Paragraphs of one to three sentences; the lead is the headline.
            paragraphs, i = [], 1
            while i < len(sentences):
                k = rng.randint(1, 3)
                paragraphs.append(" ".join(sentences[i : i + k]))
                i += k
            record = {
                "id": f"gen-{n}",
                "title": sentences[0],
                "outlet": rng.choice(OUTLETS),
                "text": "\n\n".join(paragraphs),
            }
            line = json.dumps(record, ensure_ascii=False)
            out.write(line + "\n")
            total += len(line) + 1
            n += 1
    print(f"{args.articles} articles, {total / 1e6:.1f} MB: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
