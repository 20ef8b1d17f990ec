#!/usr/bin/env python3
"""Writes the training documents of tools/pgo_build.sh as JSON Lines on
stdout, from text this repository owns (no news article, no gold corpus):

  - the passages of tests/testdata/regression/phenomena.tsv, grouped into
    articles of GROUP passages (so the cross-sentence speaker resolution
    runs as it does on multi-paragraph news), and each passage alone once;
  - seeds/*.txt;
  - the handmade texts of tests/testdata/eval/*.gold.jsonl;
  - the synthetic quote-dense text of tools/make_dense_text.py (DENSE bytes).

  python3 tools/make_training_text.py > /tmp/training.jsonl
"""
import glob
import json
import os
import subprocess
import sys

GROUP = 12
DENSE = 200_000


def phenomena(root):
    path = os.path.join(root, "tests/testdata/regression/phenomena.tsv")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[1]:
                out.append((cols[0], cols[1].replace("\\n", "\n")))
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    docs = []
    passages = phenomena(root)
    for i in range(0, len(passages), GROUP):
        group = passages[i:i + GROUP]
        docs.append((f"phenomena-{i // GROUP}",
                     "\n\n".join(text for _, text in group)))
    for name, text in passages:
        docs.append((f"phenomenon-{name}", text))
    for path in sorted(glob.glob(os.path.join(root, "seeds/*.txt"))):
        with open(path, encoding="utf-8") as f:
            docs.append((os.path.basename(path), f.read()))
    for path in sorted(glob.glob(os.path.join(root, "tests/testdata/eval/*.gold.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record.get("source") == "handmade" and record.get("text"):
                    docs.append((record["id"], record["text"]))
    dense = subprocess.run(
        [sys.executable, os.path.join(root, "tools/make_dense_text.py"), str(DENSE)],
        check=True, capture_output=True, text=True).stdout
    docs.append(("dense", dense))
    for doc_id, text in docs:
        sys.stdout.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
