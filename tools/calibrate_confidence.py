#!/usr/bin/env python3
"""Sets the CONFIDENCE column of rules.tsv from measured precision.

A claim's confidence is its rule's (times 0.9 for a turn of dialogue or a
quote paragraph inherited from another claim). This script makes each
rule's confidence the share of its claims that a gold corpus finds right end
to end (content and speaker), so that `--min_confidence` keeps what it
promises:

  build-rel/whosaid eval --by_rule --format=json \\
      --gold ../shared/data/gold/polnear-dev.jsonl > /tmp/by-rule.json
  python3 tools/calibrate_confidence.py /tmp/by-rule.json seeds/lexicons/rules.tsv

A rule with few claims in the gold corpus stays near its author's estimate:
the measured share is smoothed toward the rule's current mean confidence
with the weight of --weight claims (default 20), and none is set above 0.99.
Rules the corpus never saw keep their value.

The confidence claims carry also moves with a few features of the claim
(confidence.tsv, fitted by tools/fit_confidence_features.py on top of the
rules' values). Calibrate the rules first, with a --lexicons directory whose
confidence.tsv holds no weights (so that each rule's mean confidence is its
own), then refit the features. rules.tsv is rewritten in place (through a temporary file
and a rename); every change is listed on stderr.
"""

import argparse
import json
import sys

from replace_file import replace_file


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval_json", help="output of whosaid eval --by_rule --format=json")
    ap.add_argument("rules_tsv", help="the rules.tsv to rewrite")
    ap.add_argument("--dataset", default="polnear",
                    help="the dataset (gold source) to calibrate on")
    ap.add_argument("--weight", type=float, default=20,
                    help="claims' worth of weight on the current value")
    args = ap.parse_args()

    try:
        with open(args.eval_json, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"calibrate_confidence: {args.eval_json}: {e}")
    datasets = [d for d in report.get("datasets", [])
                if d.get("source") == args.dataset]
    if not datasets or "by_rule" not in datasets[0]:
        sys.exit(f"calibrate_confidence: {args.eval_json}: no dataset "
                 f"'{args.dataset}' with by_rule counts (run eval with --by_rule)")
    tallies = {t["rule"]: t for t in datasets[0]["by_rule"]}

    try:
        with open(args.rules_tsv, encoding="utf-8") as f:
            lines = f.readlines()
    except OSError as e:
        sys.exit(f"calibrate_confidence: {args.rules_tsv}: {e}")
    out = []
    changed = 0
    for number, line in enumerate(lines, 1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 5 or fields[0] != "rule":
            out.append(line)
            continue
        name = fields[1]
        try:
            base = float(fields[3])
        except ValueError:
            sys.exit(f"calibrate_confidence: {args.rules_tsv}:{number}: "
                     f"confidence '{fields[3]}' is not a number")
        t = tallies.get(name)
        if t is None or t["claims"] == 0 or t["mean_confidence"] <= 0:
            out.append(line)
            continue
        n, right, mean = t["claims"], t["end_to_end"], t["mean_confidence"]
        smoothed = (right + args.weight * mean) / (n + args.weight)
        # The rule's own value, so that its claims' mean (some of them
        # inherited, at 0.9 of it) comes out at the smoothed share.
        value = min(0.99, max(0.01, round(smoothed * base / mean, 2)))
        if f"{value:g}" != fields[3]:
            print(f"{name}: {fields[3]} -> {value:g} "
                  f"({right}/{n} right end to end)", file=sys.stderr)
            changed += 1
        fields[3] = f"{value:g}"
        out.append("\t".join(fields) + "\n")

    replace_file(args.rules_tsv, out)
    print(f"calibrate_confidence: {changed} rules changed", file=sys.stderr)


if __name__ == "__main__":
    main()
