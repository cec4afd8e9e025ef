"""The annotated corpus of real articles (``data/corpus/``): its train/test split and agreement.

The gold files live in the repository (``data/corpus/gold/<id>.json``, under the rules of the
annotation guidelines); the article texts stay in ``../shared/corpus/articles`` and are read from
there. The split is a hash of the article id, so it never changes when articles are added: about
20% of ids are ``test`` (measured at the end of a session, never tuned on), the rest ``train``.

A second gold set, ``data/corpus/news_gold/n<news id>.json``, annotates articles of the unlabelled news
(``../shared/corpus/unlabelled/news.jsonl.gz``) the same way; its texts are written to a folder outside
the repository when needed (``python -m pipeline.corpus news-texts OUT``), and it splits by the same hash.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "data" / "corpus" / "gold"
SECOND_DIR = ROOT / "data" / "corpus" / "gold_second"  # independent second annotations, for agreement
SHARED_ARTICLES = ROOT.parent / "shared" / "corpus" / "articles"
NEWS_GOLD_DIR = ROOT / "data" / "corpus" / "news_gold"  # gold for articles of the unlabelled news
SHARED_NEWS = ROOT.parent / "shared" / "corpus" / "unlabelled" / "news.jsonl.gz"
TEST_SHARE = 20  # percent


def split_of(article_id: str) -> str:
    """``"test"`` for about 20% of ids (by a hash of the id), else ``"train"``."""
    h = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 100 < TEST_SHARE else "train"


def ids(split: str = "all", gold_dir: Path | str = GOLD_DIR) -> list[str]:
    """The annotated ids of one split (``train``, ``test`` or ``all``), in name order."""
    found = sorted(p.stem for p in Path(gold_dir).glob("*.json"))
    return found if split == "all" else [i for i in found if split_of(i) == split]


def load_gold(article_id: str, gold_dir: Path | str = GOLD_DIR) -> dict[str, Any]:
    with open(Path(gold_dir) / f"{article_id}.json", encoding="utf-8") as f:
        return json.load(f)


def gold_as_records(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """One annotation read as the pipeline's output (main lists only), so that two annotations of one
    article can be scored against each other with the same scorer as the pipeline."""
    if not gold.get("programme"):
        return []

    def ents(key: str) -> list[dict[str, Any]]:
        out = []
        for e in gold.get(key, []):
            names = e.get("names") or []
            if names:
                out.append({"name": names[0], "aliases": names[1:], "title": e.get("title", ""),
                            "level": e.get("level")})
        return out

    program = (gold.get("program") or [None])[0]
    published = (gold.get("published") or [None])[0]
    return [{
        "article_id": gold["id"], "program": program, "published": published,
        "organizations": ents("organizations"), "people": ents("people"), "places": ents("places"),
        "dates": [{"start": d.get("start"), "end": d.get("end")} for d in gold.get("dates", [])],
        "participants": [{"count": p["count"], "total": bool(p.get("total")), "what": p.get("what", "")}
                         for p in gold.get("participants", [])],
    }]


def agreement(first: Path | str = GOLD_DIR, second: Path | str = SECOND_DIR,
              only: Iterable[str] | None = None) -> dict[str, Any]:
    """The second annotations scored against the first (the reference scorer's measures), over the ids
    annotated twice."""
    from .evaluate import score

    both = sorted(set(ids("all", second)) & set(ids("all", first)))
    if only is not None:
        keep = set(only)
        both = [i for i in both if i in keep]
    records = [r for i in both for r in gold_as_records(load_gold(i, second))]
    summary = score(first, records, only=both)
    summary["articles"] = len(both)
    return summary


COPY_SHARE = 0.2  # an article sharing this share of its 8-word sequences with a corpus article is a copy of it


def shingles(text: str, k: int = 8) -> set[str]:
    """Every sequence of ``k`` words (letters and digits, case folded): two scrapes of one article share
    nearly all of them whatever their headline, menus or line breaks."""
    w = re.findall(r"\w+", text.casefold())
    return {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}


def corpus_copies(texts: dict[str, str], articles: Path | str = SHARED_ARTICLES,
                  share: float = COPY_SHARE) -> dict[str, str]:
    """Which of ``texts`` (id -> text) copy an article of the corpus: id -> the corpus id it copies. The
    unlabelled news and the corpus were scraped from the same sources, so the same story can sit in both
    under different ids; a copy of a test-split article must never be trained or tuned on."""
    owner: dict[str, str] = {}
    for path in sorted(Path(articles).glob("*.txt")):
        for sh in shingles(path.read_text(encoding="utf-8")):
            owner.setdefault(sh, path.stem)
    out = {}
    for aid, text in texts.items():
        mine = shingles(text)
        hits = Counter(owner[sh] for sh in mine if sh in owner)
        if hits:
            cid, n = hits.most_common(1)[0]
            if n / len(mine) >= share:
                out[aid] = cid
    return out


RESERVED = ROOT.parent / "shared" / "eval" / "reserved.txt"  # URL hashes held out for scoring: never annotated
CORPUS_INDEX = SHARED_ARTICLES.parent / "index.tsv"  # id, ..., url of each corpus article


def url_key(u: str) -> str:
    """The normalised URL hash of ``../shared/eval/README.md`` (the form ``reserved.txt`` holds)."""
    u = u.strip().lower()
    u = re.sub(r'^https?://(www\.|m\.|amp\.)?', '', u).split('#')[0]
    base, _, q = u.partition('?')
    path = base.split('/', 1)[1] if '/' in base else ''
    keep_q = q and (path.strip('/') == '' or path.endswith('.php'))
    base = re.sub(r'/amp/?$', '', base)
    base = re.sub(r'/amp/', '/', base)
    return hashlib.sha256((base.rstrip('/') + ('?' + q if keep_q else '')).encode()).hexdigest()


def barred_urls(reserved: Path | str = RESERVED, index: Path | str = CORPUS_INDEX) -> set[str]:
    """URL hashes an article picked from the unlabelled news must not have: the reserved ones (held out for
    scoring) and the corpus articles' own (the same page under another id)."""
    out = set(Path(reserved).read_text().split()) if Path(reserved).is_file() else set()
    if Path(index).is_file():
        for line in Path(index).read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) > 2 and parts[2]:
                out.add(url_key(parts[2]))
    return out


def news_rows(news: Path | str = SHARED_NEWS) -> Iterator[dict[str, Any]]:
    """The articles of the unlabelled news (one JSON object a line: id, source, url, title, text): the one reader
    of the shared file, for the selection, gold, NER training and evaluation."""
    with gzip.open(news, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


PROGRAMME_CUES = re.compile(r"\b(?:pelatihan|pemberdayaan|UMKM|koperasi|CSR|TJSL|bimtek|pendampingan|penyuluhan|"
                            r"bantuan|kelompok tani|pembinaan|binaan|sosialisasi)\b", re.IGNORECASE)


def pick_news(n: int, min_cues: int, skip: set[str], salt: str, copy_of: Iterable[Path | str] = (SHARED_ARTICLES,),
              news: Path | str = SHARED_NEWS) -> list[dict[str, Any]]:
    """``n`` rows of the unlabelled news that may be annotated or trained on: whole articles (1,200-4,500
    characters) with at least ``min_cues`` programme cue words, whose project id (``n`` + id) is not in ``skip``,
    whose URL is neither reserved for scoring nor a corpus article's own, and that copy no article of the folders
    ``copy_of``; the sample is fixed by a hash of ``salt`` + the news id. The one picker of the NER-news selection
    and the silver pages of distillation."""
    barred = barred_urls()
    picks = []
    for row in news_rows(news):
        text = row.get("text") or ""
        if "n" + row["id"] in skip or not 1200 <= len(text) <= 4500 or len(PROGRAMME_CUES.findall(text)) < min_cues:
            continue
        if row.get("url") and url_key(row["url"]) in barred:
            continue
        picks.append(row)
    texts = {r["id"]: r["text"] for r in picks}
    copies = {aid for folder in copy_of for aid in corpus_copies(texts, folder)}
    picks = [r for r in picks if r["id"] not in copies]
    picks.sort(key=lambda r: hashlib.sha256(f"{salt}{r['id']}".encode()).hexdigest())
    return picks[:n]


def news_texts(ids: Iterable[str], news: Path | str = SHARED_NEWS) -> dict[str, str]:
    """The texts of articles of the unlabelled news by project id (``n`` + the news id)."""
    want = set(ids)
    return {"n" + row["id"]: row["text"] for row in news_rows(news) if "n" + row["id"] in want}


def write_news_texts(out: Path | str, gold_dir: Path | str = NEWS_GOLD_DIR, news: Path | str = SHARED_NEWS) -> int:
    """Write ``<id>.txt`` for every news article with a gold file in ``gold_dir`` into ``out`` (a folder
    outside the repository: the publishers keep their copyright), so ``pipeline eval`` can read them."""
    wanted = ids("all", gold_dir)
    texts = news_texts(wanted, news)
    missing = [i for i in wanted if i not in texts]
    if missing:
        raise SystemExit(f"{news}: no text for {len(missing)} gold id(s), e.g. {missing[0]}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for aid, text in texts.items():
        path = out / f"{aid}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return len(texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.corpus", description="Corpus helpers.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    nt = sub.add_parser("news-texts", help="write the texts of the news gold articles (from ../shared) to OUT")
    nt.add_argument("out", type=Path)
    nt.add_argument("--gold", type=Path, default=NEWS_GOLD_DIR)
    nt.add_argument("--news", type=Path, default=SHARED_NEWS)
    a = ap.parse_args(argv)
    if not Path(a.news).is_file():
        print(f"{a.news}: the unlabelled news file is not there (it lives in ../shared/corpus/unlabelled)",
              file=sys.stderr)
        return 1
    n = write_news_texts(a.out, a.gold, a.news)
    print(f"{n} news texts -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
