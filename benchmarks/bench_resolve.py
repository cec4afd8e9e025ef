"""Cross-article entity resolution at scale: time and peak memory for N mentions.

Generates organisation and person names with realistic variation (legal forms,
case, typos, acronym aliases, units of a parent) and resolves them.

    python benchmarks/bench_resolve.py            # 1,000,000 mentions
    python benchmarks/bench_resolve.py -n 100000
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.normalize.resolve import Resolver  # noqa: E402

FIRST = ["Budi", "Siti", "Ahmad", "Dewi", "Agus", "Sri", "Eko", "Rina", "Joko", "Made", "Nur", "Hadi", "Yanti",
         "Bambang", "Wayan", "Putu", "Rudi", "Lestari", "Fajar", "Indah", "Teguh", "Ratna", "Andi", "Maria"]
LAST = ["Santoso", "Wahyuni", "Hidayat", "Lestari", "Purnomo", "Rahmawati", "Saputra", "Nugroho", "Siregar",
        "Simanjuntak", "Pratama", "Kurniawan", "Setiawan", "Susanti", "Harahap", "Wijaya", "Gunawan", "Halim"]
FORMS = ["PT", "Koperasi", "Kelompok Tani", "Dinas Koperasi dan UKM", "Yayasan", "Bank", "Universitas", "CV"]
WORDS = ["Maju", "Jaya", "Makmur", "Sejahtera", "Mandiri", "Abadi", "Sentosa", "Bersama", "Harapan", "Karya",
         "Lestari", "Sumber", "Rejeki", "Tani", "Mulia", "Bahari", "Nusantara", "Indah", "Berkah", "Utama"]
PLACES = ["Sleman", "Bantul", "Kendal", "Gianyar", "Malang", "Kupang", "Sigi", "Boja", "Muncar", "Jerowaru"]


def typo(s: str, rng: random.Random) -> str:
    if len(s) < 6:
        return s
    i = rng.randrange(1, len(s) - 1)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def generate(n: int, seed: int = 0):
    rng = random.Random(seed)
    n_orgs = max(10, n // 20)
    orgs = []
    for _ in range(n_orgs):
        form = rng.choice(FORMS)
        name = f"{form} {' '.join(rng.sample(WORDS, rng.randint(1, 3)))} {rng.choice(PLACES)}"
        acro = "".join(w[0] for w in name.split() if w[0].isupper())
        orgs.append((name, acro))
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}" for _ in range(max(10, n // 20))]
    for i in range(n):
        article = f"a{i // 8:07d}"
        if rng.random() < 0.5:
            name, acro = rng.choice(orgs)
            r = rng.random()
            surface = typo(name, rng) if r < 0.05 else name.upper() if r < 0.1 else name
            yield "org", surface, ([acro] if rng.random() < 0.3 else []), article
        else:
            name = rng.choice(people)
            r = rng.random()
            surface = typo(name, rng) if r < 0.05 else name
            yield "per", surface, [name.split()[0]], article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1_000_000)
    a = ap.parse_args()
    t0 = time.perf_counter()
    res = Resolver()
    for kind, name, aliases, article in generate(a.n):
        res.add(kind, name, aliases, article)
    t_add = time.perf_counter() - t0
    t1 = time.perf_counter()
    roots, entities = res.entities()
    t_resolve = time.perf_counter() - t1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"mentions          {a.n:,}")
    print(f"entities          {len(entities):,}")
    print(f"add               {t_add:.1f} s")
    print(f"resolve           {t_resolve:.1f} s")
    print(f"total             {t_add + t_resolve:.1f} s  ({a.n / (t_add + t_resolve):,.0f} mentions/s)")
    print(f"peak RSS          {peak:,.0f} MB")


if __name__ == "__main__":
    main()
