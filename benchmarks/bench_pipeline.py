"""End-to-end throughput and memory of ``python -m pipeline run`` on a generated corpus.

The corpus is made from the templates in ``benchmarks/templates/`` (Indonesian news about CSR,
training, aid and cooperatives, ~400-500 tokens each, written for this benchmark) with names,
titles, places, counts and dates drawn at random, so it is reproducible (``--seed``) and as large
as asked. Each run is a real subprocess with ``--no-cache``; its peak RSS is the sum over the
process tree (main process and workers), sampled every 0.1 s.

    .venv/bin/python benchmarks/bench_pipeline.py                 # speed at N=1000, RSS at N=1000
    .venv/bin/python benchmarks/bench_pipeline.py --sizes 1000 20000

Reports, in one run: articles/s and tokens/s for 1 and 2 workers and the speed-up, each stage's
share of the summed stage time (run.json ``stage_seconds``), and peak RSS for each size.

Real pages: the same measurement on the corpus of real news pages in ``../shared/corpus/articles``
(read from there, never copied; skipped when it is not there, or with ``--no-real``): 595 articles of
about 2,800 characters, with the seconds of each stage.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"

KABUPATEN = [("Sleman", "Daerah Istimewa Yogyakarta", ["Depok", "Mlati", "Ngaglik", "Kalasan"]),
             ("Banyumas", "Jawa Tengah", ["Sokaraja", "Ajibarang", "Wangon", "Baturraden"]),
             ("Jember", "Jawa Timur", ["Ambulu", "Puger", "Kencong", "Tanggul"]),
             ("Garut", "Jawa Barat", ["Cikajang", "Bayongbong", "Leles", "Pameungpeuk"]),
             ("Lombok Timur", "Nusa Tenggara Barat", ["Selong", "Masbagik", "Aikmel", "Labuhan Haji"]),
             ("Gowa", "Sulawesi Selatan", ["Bajeng", "Pallangga", "Bontonompo", "Tinggimoncong"]),
             ("Deli Serdang", "Sumatera Utara", ["Lubuk Pakam", "Percut Sei Tuan", "Tanjung Morawa", "Pagar Merbau"]),
             ("Kubu Raya", "Kalimantan Barat", ["Sungai Raya", "Rasau Jaya", "Kuala Mandor B", "Sungai Kakap"])]
DESA = ["Sukamaju", "Mekarsari", "Karanganyar", "Sidomulyo", "Tegalrejo", "Sumberejo", "Margamulya", "Wonosari"]
ORGS = ["PT Bank Rakyat Indonesia (Persero) Tbk", "PT Pertamina (Persero)", "PT Semen Indonesia Tbk",
        "PT Telkom Indonesia", "Bank Indonesia", "PT PLN (Persero)", "PT Astra International Tbk",
        "Yayasan Dharma Bakti Nusantara", "PT Pupuk Kaltim"]
TITLES1 = ["Manajer CSR", "Kepala Kantor Cabang", "Direktur Utama", "Pimpinan Wilayah", "Area Manager"]
TITLES2 = ["Bupati", "Wakil Bupati", "Kepala Dinas Koperasi dan UMKM", "Sekretaris Daerah", "Kepala Bappeda"]
FIRST = ["Budi", "Siti", "Agus", "Dewi", "Hendra", "Rina", "Joko", "Lestari", "Bambang", "Yuni", "Andi", "Wahyu"]
LAST = ["Santoso", "Rahmawati", "Wibowo", "Kurniawan", "Hidayat", "Saputra", "Pratama", "Nugroho", "Susanti"]
KEGIATAN = ["pemasaran digital", "pengolahan hasil perikanan", "budidaya jamur tiram", "menjahit dan tata busana",
            "pengolahan kopi", "kerajinan anyaman bambu"]
BANTUAN = ["mesin jahit", "alat pengering kopi", "mesin perahu tempel", "gerobak dagang", "jaring dan alat tangkap",
           "peralatan dapur produksi"]
PRODUK = ["keripik singkong", "batik tulis", "kopi bubuk", "jaring ikan", "gula aren", "tas anyaman"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MEDIA = ["KABARDAERAH.COM", "Warta Nusantara", "Suara Desa", "Lensa Daerah"]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last


def article(rng: random.Random, template: str) -> str:
    """One article: the template with every placeholder drawn at random."""
    kab, prov, kecs = rng.choice(KABUPATEN)
    p1, p1s = _person(rng)
    p2, p2s = _person(rng)
    year = rng.choice([2022, 2023, 2024])
    month = rng.randrange(12)
    values = {
        "KOTA": kab, "KOTA_UPPER": kab.upper(), "KABUPATEN": kab, "PROVINSI": prov, "MEDIA": rng.choice(MEDIA),
        "KECAMATAN": kecs[0], "KECAMATAN2": rng.choice(kecs[1:]), "DESA": rng.choice(DESA), "ORG": rng.choice(ORGS),
        "JABATAN1": rng.choice(TITLES1), "PEJABAT1": p1, "PEJABAT1_PENDEK": p1s,
        "JABATAN2": rng.choice(TITLES2), "PEJABAT2": p2, "PEJABAT2_PENDEK": p2s,
        "WARGA": _person(rng)[0], "WARTAWAN": _person(rng)[0], "EDITOR": _person(rng)[0],
        "HARI": rng.choice(DAYS), "TANGGAL": f"{rng.randint(1, 28)}/{month + 1}/{year}",
        "BULAN_DATA": MONTHS[(month - 2) % 12], "BULAN_LANJUT": MONTHS[(month + 2) % 12],
        "TAHUN": str(year), "TAHUN_MULAI": str(year - rng.randint(1, 4)), "LAMA": rng.choice(["dua", "tiga", "4"]),
        "JUMLAH": str(rng.randint(20, 300)), "JUMLAH2": str(rng.randint(10, 90)), "JUMLAH3": str(rng.randint(2, 12)),
        "JUMLAH4": str(rng.randint(5, 50)), "JUMLAH5": str(rng.randint(30, 400)),
        "JUMLAH_DATA": str(rng.randint(300, 900)), "JUMLAH_UMKM": f"{rng.randint(2, 60)}.{rng.randint(100, 999)}",
        "NILAI": str(rng.randint(50, 900)), "PERSEN": str(rng.randint(5, 60)),
        "KEGIATAN": rng.choice(KEGIATAN), "BANTUAN": rng.choice(BANTUAN), "PRODUK": rng.choice(PRODUK),
        "KELOMPOK": rng.choice(["Maju Bersama", "Sumber Rejeki", "Mina Sejahtera", "Tani Makmur"]),
        "PROGRAM": rng.choice(["Koperasi Bangkit", "Desa Berdaya", "Tani Mandiri"]),
    }
    return re.sub(r"\{([A-Z0-9_]+)\}", lambda m: values[m.group(1)], template)


def generate_corpus(n: int, folder: Path, seed: int = 0) -> Path:
    """``n`` articles as .txt files in ``folder`` (100 per subfolder); the same seed gives the same corpus."""
    rng = random.Random(seed)
    templates = [p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.glob("*.txt"))]
    for i in range(n):
        sub = folder / f"{i // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"art{i:06d}.txt").write_text(article(rng, templates[i % len(templates)]), encoding="utf-8")
    return folder


def count_tokens(folder: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from pipeline import tokenizer

    tok = tokenizer.blank().tokenizer
    return sum(len(tok(p.read_text(encoding="utf-8"))) for p in folder.rglob("*.txt"))


def run_pipeline(corpus: Path, out: Path, workers: int) -> tuple[dict, float, int]:
    """(run.json, wall seconds, peak RSS bytes summed over the process tree)."""
    import psutil

    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", str(workers),
           "--no-cache"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            rss = ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"run failed ({proc.returncode}): {' '.join(cmd)}")
    return json.loads((out / "run.json").read_text(encoding="utf-8")), wall, peak


def stage_shares(stage_seconds: dict[str, float]) -> dict[str, float]:
    total = sum(stage_seconds.values()) or 1.0
    return {k: round(100 * v / total, 1) for k, v in sorted(stage_seconds.items(), key=lambda kv: -kv[1])}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speed-n", type=int, default=1000, help="articles for the 1- and 2-worker speed runs")
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000], help="corpus sizes for peak RSS (2 workers)")
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="generate corpora and outputs here (default: a temporary folder)")
    ap.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "corpus" / "articles",
                    help="folder of real news pages to measure too (default ../shared/corpus/articles)")
    ap.add_argument("--no-real", action="store_true", help="skip the real pages")
    args = ap.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    report: dict = {"speed": {}, "memory": {}}
    corpus = generate_corpus(args.speed_n, base / f"corpus{args.speed_n}", args.seed)
    tokens = count_tokens(corpus)
    print(f"corpus: {args.speed_n} articles, {tokens} tokens ({tokens / args.speed_n:.0f} per article)")
    for w in args.workers:
        info, wall, peak = run_pipeline(corpus, base / f"out{args.speed_n}-w{w}", w)
        row = {"seconds": round(wall, 2), "articles_per_s": round(args.speed_n / wall, 1),
               "tokens_per_s": round(tokens / wall), "peak_rss_mb": round(peak / 2**20),
               "stage_share_pct": stage_shares(info["stage_seconds"])}
        report["speed"][w] = row
        print(f"workers={w}: {row['articles_per_s']} articles/s, {row['tokens_per_s']} tokens/s, "
              f"{row['seconds']} s, peak RSS {row['peak_rss_mb']} MB")
        print(f"  stage share %: {row['stage_share_pct']}")
    if 1 in report["speed"] and 2 in report["speed"]:
        report["speedup_2_vs_1"] = round(report["speed"][1]["seconds"] / report["speed"][2]["seconds"], 2)
        print(f"2 workers vs 1: {report['speedup_2_vs_1']}x")
    if not args.no_real and args.real.is_dir():
        n_real = sum(1 for p in args.real.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".md"))
        real_tokens = count_tokens(args.real)
        report["real"] = {"articles": n_real, "tokens": real_tokens}
        print(f"real pages: {n_real} articles, {real_tokens} tokens ({real_tokens / max(n_real, 1):.0f} per article)")
        for w in args.workers:
            info, wall, peak = run_pipeline(args.real, base / f"out-real-w{w}", w)
            row = {"seconds": round(wall, 2), "articles_per_s": round(n_real / wall, 1),
                   "peak_rss_mb": round(peak / 2**20),
                   "stage_seconds": {k: round(v, 2) for k, v in sorted(info["stage_seconds"].items(),
                                                                     key=lambda kv: -kv[1])}}
            report["real"][w] = row
            print(f"real, workers={w}: {row['articles_per_s']} articles/s, {row['seconds']} s, "
                  f"peak RSS {row['peak_rss_mb']} MB")
            print(f"  stage seconds: {row['stage_seconds']}")
        if 1 in report["real"] and 2 in report["real"]:
            report["real"]["speedup_2_vs_1"] = round(report["real"][1]["seconds"] / report["real"][2]["seconds"], 2)
            print(f"real, 2 workers vs 1: {report['real']['speedup_2_vs_1']}x")
    for n in args.sizes:
        corpus_n = generate_corpus(n, base / f"corpus{n}", args.seed)
        info, wall, peak = run_pipeline(corpus_n, base / f"out{n}", 2)
        report["memory"][n] = {"peak_rss_mb": round(peak / 2**20), "seconds": round(wall, 1),
                               "articles_per_s": round(n / wall, 1)}
        print(f"N={n} (2 workers): peak RSS {peak / 2**20:.0f} MB, {wall:.0f} s, {n / wall:.1f} articles/s")
    print(json.dumps(report, indent=1))
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
