#!/usr/bin/env python3
"""Fits the weights of confidence.tsv from gold counts by rule and feature.

A claim's confidence is its rule's (rules.tsv, set by calibrate_confidence.py;
times 0.9 for an inherited claim), moved by what the rule cannot tell of the
claim: a few features (a content with no clause, a cue that is no speech cue,
a speaker no entity stands behind, a very short content), each with a weight
added to the log-odds. This script fits those weights, and a bias, by
logistic regression of "right end to end" on the features with the rule's
confidence as a fixed offset, on the counts that `whosaid eval` gives by rule
and feature:

  build-rel/whosaid eval --by_rule --format=json --confidence_features \\
      --gold ../shared/data/gold/polnear-dev.jsonl > /tmp/by-feature.json
  python3 tools/fit_confidence_features.py /tmp/by-feature.json \\
      seeds/lexicons/rules.tsv seeds/lexicons/confidence.tsv

Smoothing: a Gaussian prior on each weight (--prior, in claims' worth of
weight at zero), and a feature seen on fewer than --min_claims claims keeps
weight 0. confidence.tsv keeps its comments; its bias and weight lines are
rewritten (through a temporary file and a rename). With --check, nothing is
written: the counts are scored with the weights the file has now (for a
second corpus). Either way the ranking before (rule's confidence alone) and
after is printed: precision of the top N claims and the area under the
precision-by-claims-kept curve.
"""

import argparse
import json
import math
import sys

from replace_file import replace_file

FEATURES = ["np_content", "nonspeech_cue", "unresolved_pronoun", "short_content"]
BUILTIN_CONFIDENCE = 0.6  # extractor.cc: a built-in rule's confidence


def fail(message):
    sys.exit(f"fit_confidence_features: {message}")


def read_rule_confidence(path):
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 5 and fields[0] == "rule":
                    out[fields[1]] = float(fields[3])
    except (OSError, ValueError) as e:
        fail(f"{path}: {e}")
    return out


def read_groups(path, dataset, rule_confidence):
    """(base confidence, feature vector, claims, right) per rule+features."""
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: {e}")
    datasets = [d for d in report.get("datasets", []) if d.get("source") == dataset]
    if not datasets or "by_rule" not in datasets[0]:
        fail(f"{path}: no dataset '{dataset}' with by_rule counts "
             "(run eval with --by_rule --confidence_features)")
    groups = []
    for t in datasets[0]["by_rule"]:
        name, *features = t["rule"].split("+")
        base = rule_confidence.get(name, BUILTIN_CONFIDENCE)
        if "inherited" in features:
            base *= 0.9
        x = [1.0 if k in features else 0.0 for k in FEATURES]
        groups.append((base, x, t["claims"], t["end_to_end"]))
    return groups


def logit(p):
    p = min(0.99, max(0.01, p))
    return math.log(p / (1 - p))


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def confidence(base, x, bias, weights):
    # As ClaimConfidence() in extractor.cc (float there, so ties may differ
    # in the last bits).
    z = bias + sum(w * xi for w, xi in zip(weights, x))
    if z == 0:
        return base
    return min(0.99, max(0.01, sigmoid(logit(base) + z)))


def fit(groups, prior, active):
    """Newton's method on the penalised log-likelihood; returns (bias, w)."""
    k = 1 + len(FEATURES)
    theta = [0.0] * k
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for base, x, n, right in groups:
            v = [1.0] + x
            p = sigmoid(logit(base) + sum(t * vi for t, vi in zip(theta, v)))
            for i in range(k):
                grad[i] += (right - n * p) * v[i]
                for j in range(k):
                    hess[i][j] += n * p * (1 - p) * v[i] * v[j]
        for i in range(k):
            grad[i] -= prior * theta[i]
            hess[i][i] += prior
        for i in range(1, k):  # an inactive feature keeps weight 0
            if not active[i - 1]:
                grad[i] = 0.0
                hess[i] = [0.0] * k
                for j in range(k):
                    hess[j][i] = 0.0
                hess[i][i] = 1.0
        step = solve(hess, grad)
        theta = [t + s for t, s in zip(theta, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return theta[0], theta[1:]


def solve(a, b):
    """a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [vr - f * vc for vr, vc in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def ranking(groups, bias, weights):
    """Precision of the top N and the area under precision by claims kept."""
    scored = sorted(((confidence(b, x, bias, weights), n, r)
                     for b, x, n, r in groups if n > 0), reverse=True)
    total = sum(n for _, n, _ in scored)
    # Ties (one confidence) are kept or left out together: their precision
    # is spread over them evenly.
    tiers = []
    for c, n, r in scored:
        if tiers and abs(tiers[-1][0] - c) < 1e-6:
            tiers[-1][1] += n
            tiers[-1][2] += r
        else:
            tiers.append([c, n, r])
    points = []  # (kept, right) at each claim, piecewise linear per tier
    kept = right = 0
    area = 0.0
    for c, n, r in tiers:
        for i in range(n):
            kept += 1
            right += r / n
            area += right / kept
            points.append(right)
    sizes = [N for N in (2000, 5000, 8000) if N <= total] + [
        total * q // 4 for q in (1, 2, 3)]
    top = {N: points[N - 1] / N for N in sizes if N > 0}
    return total, area / total, top


def read_model(path):
    bias, weights = 0.0, [0.0] * len(FEATURES)
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "bias":
                bias = float(fields[1])
            elif fields[0] == "weight" and fields[1] in FEATURES:
                weights[FEATURES.index(fields[1])] = float(fields[2])
    return bias, weights


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval_json", help="whosaid eval --by_rule --confidence_features --format=json")
    ap.add_argument("rules_tsv", help="rules.tsv, for each rule's confidence")
    ap.add_argument("confidence_tsv", help="the confidence.tsv to rewrite")
    ap.add_argument("--dataset", default="polnear", help="the dataset (gold source) to fit on")
    ap.add_argument("--prior", type=float, default=50,
                    help="precision of the zero-mean prior on each weight")
    ap.add_argument("--min_claims", type=int, default=200,
                    help="claims a feature needs to get a weight")
    ap.add_argument("--without", default="",
                    help="features (comma-separated) to hold at weight 0")
    ap.add_argument("--check", action="store_true",
                    help="score with the file's weights; write nothing")
    args = ap.parse_args()

    groups = read_groups(args.eval_json, args.dataset,
                         read_rule_confidence(args.rules_tsv))
    support = [sum(n for _, x, n, _ in groups if x[k]) for k in range(len(FEATURES))]
    right = [sum(r for _, x, _, r in groups if x[k]) for k in range(len(FEATURES))]
    if args.check:
        try:
            bias, weights = read_model(args.confidence_tsv)
        except (OSError, ValueError, IndexError) as e:
            fail(f"{args.confidence_tsv}: {e}")
    else:
        without = set(filter(None, args.without.split(",")))
        active = [s >= args.min_claims and k not in without
                  for s, k in zip(support, FEATURES)]
        bias, weights = fit(groups, args.prior, active)
    for k, name in enumerate(FEATURES):
        print(f"{name}: weight {weights[k]:+.2f} on {support[k]} claims "
              f"({right[k]} right)", file=sys.stderr)
    print(f"bias: {bias:+.2f}", file=sys.stderr)
    for label, b, w in (("rule alone", 0.0, [0.0] * len(FEATURES)),
                        ("with features", bias, weights)):
        total, auc, top = ranking(groups, b, w)
        tops = ", ".join(f"top {n}: {100 * p:.2f}%" for n, p in top.items())
        print(f"{label}: {total} claims, area {100 * auc:.2f}; {tops}", file=sys.stderr)
    if args.check:
        return

    try:
        with open(args.confidence_tsv, encoding="utf-8") as f:
            lines = f.readlines()
    except OSError as e:
        fail(f"{args.confidence_tsv}: {e}")
    out = [line for line in lines if line.startswith("#") or not line.strip()]
    out.append(f"bias\t{bias:.3f}\n")
    for k, name in enumerate(FEATURES):
        out.append(f"weight\t{name}\t{weights[k]:.3f}\n")
    replace_file(args.confidence_tsv, out)


if __name__ == "__main__":
    main()
