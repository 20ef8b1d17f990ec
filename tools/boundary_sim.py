#!/usr/bin/env python3
"""Tries a content-boundary change on saved predictions before it is written
in C++.

`whosaid eval` matches gold quotes and claims one to one by the overlap of
their content bytes (intersection over union, at least 0.5). This script
does the same matching in Python (it reproduces eval's content@0.5 and
speech-cue recall counts exactly), then applies a cut to each claim's content
and reports what the cut gains and loses, with examples. A cut that loses as
many matches as it gains is a guess at the gold's habits, not a rule.

  build-rel/whosaid extract --format=jsonl GOLD.jsonl > /tmp/pred.jsonl
  python3 tools/boundary_sim.py --gold GOLD.jsonl --predictions /tmp/pred.jsonl \
      --cut ', which ' --kinds indirect --examples 10

--cut is a Python regular expression over the bytes of a claim's last content
part: the part ends before its first match outside quotation marks.
"""

import argparse
import collections
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {'direct': 'CLAIM_KIND_DIRECT', 'indirect': 'CLAIM_KIND_INDIRECT',
         'mixed': 'CLAIM_KIND_MIXED'}


def load_speech_cues(path):
    """speech_cues.tsv: form -> lemma, and the most words of a form."""
    forms = {}
    for line in open(path, encoding='utf-8'):
        line = line.split('#')[0].strip()
        if line:
            cols = line.split('\t')
            forms[cols[0]] = cols[-1]
    return forms, max(len(f.split()) for f in forms)


def words(s):
    # As evaluator.cc's WordSpans(): letters, digits, apostrophes, hyphens
    # and non-ASCII characters.
    return re.findall(r"[A-Za-z0-9'\-\u0080-\U0010ffff]+", s.lower())


def is_speech_cue(cue, forms, max_words):
    w = words(cue)
    for i in range(len(w)):
        for n in range(min(max_words, len(w) - i), 0, -1):
            if ' '.join(w[i:i + n]) in forms:
                return True
    return False


def spans(q, role):
    """A gold role's byte spans: its parts when given, else its span."""
    parts = q.get(role + '_parts_bytes')
    if parts:
        return [tuple(p) for p in parts]
    whole = q.get(role + '_bytes')
    return [tuple(whole)] if whole else []


def load_gold(path, forms, max_words):
    docs = {}
    for line in open(path, encoding='utf-8'):
        d = json.loads(line)
        text = d['text'].encode()
        quotes = []
        for q in d['quotes']:
            cue = ' '.join(text[b:e].decode(errors='replace')
                           for b, e in spans(q, 'cue'))
            quotes.append({'content': spans(q, 'content'), 'cue': cue,
                           'speech': bool(cue) and is_speech_cue(cue, forms, max_words)})
        docs[d['id']] = {'text': text, 'quotes': quotes}
    return docs


def load_predictions(path):
    preds = collections.defaultdict(list)
    for line in open(path, encoding='utf-8'):
        c = json.loads(line)
        c['_parts'] = sorted((p.get('begin', 0), p['end'])
                             for p in c.get('content_parts', []))
        preds[c['document_id']].append(c)
    return preds


def normalize(parts):
    out = []
    for b, e in sorted(p for p in parts if p[1] > p[0]):
        if out and b <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([b, e])
    return out


def size(r):
    return sum(e - b for b, e in r)


def overlap(a, b):
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def match(gold, pred, min_overlap=0.5):
    """evaluator.cc's MatchContent(): best ratios first, one to one."""
    pairs = []
    for g, gr in enumerate(gold):
        for p, pr in enumerate(pred):
            ov = overlap(gr, pr)
            if ov:
                pairs.append((-ov / (size(gr) + size(pr) - ov), g, p))
    pairs.sort()
    g_match, p_match = {}, {}
    for r, g, p in pairs:
        if -r < min_overlap:
            break
        if g not in g_match and p not in p_match:
            g_match[g], p_match[p] = p, g
    return g_match


def score(docs, preds, transform=None):
    totals = collections.Counter()
    per_doc = {}
    for doc_id, d in docs.items():
        pred = []
        for c in preds.get(doc_id, []):
            parts = transform(d['text'], c) if transform else None
            pred.append(normalize(parts if parts is not None else c['_parts']))
        gold = [normalize(q['content']) for q in d['quotes']]
        g_match = match(gold, pred)
        totals['matched'] += len(g_match)
        totals['predicted'] += len(pred)
        totals['gold'] += len(gold)
        for g, q in enumerate(d['quotes']):
            if q['speech']:
                totals['speech'] += 1
                totals['speech_matched'] += g in g_match
        per_doc[doc_id] = (g_match, pred)
    return totals, per_doc


def cut_transform(pattern, kinds):
    rx = re.compile(pattern.encode())

    def transform(text, claim):
        if claim['kind'] not in kinds or not claim['_parts']:
            return None
        parts = list(claim['_parts'])
        b, e = parts[-1]
        seg = text[b:e]
        for m in rx.finditer(seg):
            before = seg[:m.start()].decode(errors='replace')
            if m.start() == 0 or before.count('\u201c') > before.count('\u201d') or \
                    before.count('"') % 2:
                continue
            end = b + m.start()
            while end > b and text[end - 1:end] in (b' ', b','):
                end -= 1
            parts[-1] = (b, end)
            return parts
        return None
    return transform


def f1(t):
    p, r = t['matched'] / t['predicted'], t['matched'] / t['gold']
    return 200 * p * r / (p + r)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gold', required=True)
    ap.add_argument('--predictions', required=True)
    ap.add_argument('--cut', action='append', default=[])
    ap.add_argument('--kinds', default='indirect',
                    help='comma-separated: direct, indirect, mixed')
    ap.add_argument('--examples', type=int, default=0)
    ap.add_argument('--speech_cues',
                    default=os.path.join(HERE, '..', 'seeds', 'lexicons', 'speech_cues.tsv'))
    args = ap.parse_args()
    forms, max_words = load_speech_cues(args.speech_cues)
    docs = load_gold(args.gold, forms, max_words)
    preds = load_predictions(args.predictions)
    base, base_docs = score(docs, preds)
    print('base: matched %d / predicted %d / gold %d (F1 %.2f), speech-cue %d/%d'
          % (base['matched'], base['predicted'], base['gold'], f1(base),
             base['speech_matched'], base['speech']))
    kinds = {KINDS[k] for k in args.kinds.split(',')}
    for pattern in args.cut:
        t, new_docs = score(docs, preds, cut_transform(pattern, kinds))
        print('%-40r matched %+d, speech-cue %+d, F1 %.2f'
              % (pattern, t['matched'] - base['matched'],
                 t['speech_matched'] - base['speech_matched'], f1(t)))
        shown = collections.Counter()
        for doc_id, (g_old, pred_old) in base_docs.items():
            g_new, pred_new = new_docs[doc_id]
            d = docs[doc_id]
            for g, q in enumerate(d['quotes']):
                if (g in g_old) == (g in g_new):
                    continue
                side = 'GAIN' if g in g_new else 'LOSS'
                if shown[side] >= args.examples:
                    continue
                shown[side] += 1
                p = g_new[g] if g in g_new else g_old[g]
                show = lambda r: ' ... '.join(
                    d['text'][b:e].decode(errors='replace') for b, e in r)[:200]
                print('  %s gold: %s\n       old:  %s\n       new:  %s'
                      % (side, show(normalize(q['content'])), show(pred_old[p]),
                         show(pred_new[p])))


if __name__ == '__main__':
    main()
