#!/usr/bin/env python3
"""Draws a seeded sample of news claims whose speaker is a pronoun, for
judging by hand whether the resolved entity is the one the pronoun means.

PolNeAR scores the speaker span only, so the entity behind "he said" is
measured nowhere else. Usage:

  whosaid extract --format=jsonl ../shared/data/news/news.jsonl > claims.jsonl
  tools/pronoun_sample.py claims.jsonl SEED [N [CONTEXT_BYTES]] > sample.txt

Claims with a MENTION_KIND_PRONOUN speaker he/she/they/it/we/I, sorted by
claim id, then random.Random(SEED).sample(N); each printed with the document
text before the pronoun (marked [[ ]]) and its canonical_name. Judge each as
right, wrong (and why) or unresolved (canonical_name is the pronoun itself).
"""
import json
import random
import sys

NEWS = '../shared/data/news/news.jsonl'
PRONOUNS = {'he', 'she', 'they', 'it', 'we', 'i'}


def main():
    claims_path, seed = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    ctx = int(sys.argv[4]) if len(sys.argv) > 4 else 700
    pool = []
    with open(claims_path) as f:
        for line in f:
            d = json.loads(line)
            s = d.get('speaker', {})
            if s.get('kind') == 'MENTION_KIND_PRONOUN' and s['text'].lower() in PRONOUNS:
                pool.append(d)
    pool.sort(key=lambda d: d['id'])
    sample = random.Random(seed).sample(pool, n)
    docs = {d['document_id'] for d in sample}
    text = {}
    with open(NEWS) as f:
        for line in f:
            d = json.loads(line)
            if d['id'] in docs:
                text[d['id']] = d['text'].encode('utf-8')
    for i, d in enumerate(sample):
        s = d['speaker']
        t = text[d['document_id']]
        b, e = s['span']['begin'], s['span']['end']
        before = t[max(0, b - ctx):b].decode('utf-8', 'replace').replace('\n', ' / ')
        after = t[e:e + 80].decode('utf-8', 'replace').replace('\n', ' / ')
        print(f"## {i} {d['id']} {d['document_id']} -> "
              f"{s.get('canonical_name', '(none)')!r} [{s.get('entity_type')}]")
        print(f"...{before}[[{t[b:e].decode()}]]{after}")
        print()


if __name__ == '__main__':
    main()
