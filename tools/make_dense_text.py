#!/usr/bin/env python3
"""Writes a synthetic, quote-dense article of about SIZE bytes (default 5 MB)
for checking that extraction time grows linearly with document size:

  python3 tools/make_dense_text.py 5000000 > /tmp/dense5mb.txt
  /usr/bin/time build/whosaid extract --format=pb /tmp/dense5mb.txt > /dev/null
"""
import random
import sys


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
    random.seed(1)
    names = ["Anna Keller", "Paul Grant", "John Miller", "Maria Lopez",
             "the minister", "officials"]
    out, total = [], 0
    while total < size:
        n = random.choice(names)
        p = (f'"We will rebuild the bridge and the school by next year," {n} said, '
             f'"and nobody will stop us." {n[0].upper() + n[1:]} also told reporters '
             f'that the budget was balanced.')
        out.append(p)
        total += len(p) + 2
    sys.stdout.write("\n\n".join(out))


if __name__ == "__main__":
    main()
