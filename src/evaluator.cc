#include "whosaid/evaluator.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "internal/embedded.h"
#include "internal/eval_errors.h"
#include "internal/json.h"

namespace whosaid {

using internal::Ranges;

namespace {

bool IsWordByte(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '\'' ||
         c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

// The words of `s` as written: runs of letters, digits, apostrophes,
// hyphens and non-ASCII bytes.
std::vector<absl::string_view> WordSpans(absl::string_view s) {
  std::vector<absl::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsWordByte(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsWordByte(s[j])) ++j;
    words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// Lower-cased words of `s` (WordSpans).
std::vector<std::string> Words(absl::string_view s) {
  std::vector<std::string> words;
  for (absl::string_view w : WordSpans(s)) words.push_back(absl::AsciiStrToLower(w));
  return words;
}

// The code point starting at s[i] and its length; {0xFFFD, 1} for a bad
// sequence.
std::pair<uint32_t, int> DecodeAt(absl::string_view s, size_t i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c >= 0x80 && c < 0xC0) return {0xFFFD, 1};
  if (i + len > s.size()) return {0xFFFD, 1};
  uint32_t cp = len == 1   ? c
                : len == 2 ? c & 0x1F
                : len == 3 ? c & 0x0F
                           : c & 0x07;
  for (int k = 1; k < len; ++k) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (cc & 0x3F);
  }
  return {cp, len};
}

// Non-ASCII code points TrimQuoteMarks() removes.
bool IsTrimmableCodePoint(uint32_t cp) {
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x2009:  // thin space
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2026:  // …
    case 0x2032:  // ′
    case 0x2033:  // ″
    case 0x2039:  // ‹
    case 0x203A:  // ›
    case 0x202F:  // narrow no-break space
    case 0x3000:  // ideographic space
    case 0x300C:  // 「
    case 0x300D:  // 」
      return true;
    default:
      return cp >= 0x2018 && cp <= 0x201F;  // ‘ ’ ‚ ‛ “ ” „ ‟
  }
}

bool IsTrimmableAt(absl::string_view s, size_t i, int* len) {
  unsigned char c = s[i];
  if (c < 0x80) {
    *len = 1;
    return absl::ascii_isspace(c) || absl::ascii_ispunct(c);
  }
  std::pair<uint32_t, int> d = DecodeAt(s, i);
  *len = d.second;
  return IsTrimmableCodePoint(d.first);
}

GoldSpan ToGold(const v1::Span& s) { return GoldSpan{s.begin(), s.end()}; }

bool HasSpan(const v1::Mention& m) {
  return m.has_span() && m.span().end() > m.span().begin();
}

// The name a mention gives: its canonical name, else its text.
absl::string_view MentionName(const v1::Mention& m) {
  return m.canonical_name().empty() ? absl::string_view(m.text())
                                    : absl::string_view(m.canonical_name());
}

bool PredHasSpeaker(const v1::Claim& p) {
  return p.has_speaker() &&
         (HasSpan(p.speaker()) || !p.speaker().text().empty() ||
          !p.speaker().canonical_name().empty());
}

bool GoldHasSpeaker(const GoldQuote& g) {
  return !g.speaker.empty() || g.speaker_canonical.has_value();
}

bool SpeakerRight(absl::string_view text, const GoldQuote& g,
                  const v1::Claim& p) {
  if (!PredHasSpeaker(p)) return false;
  const v1::Mention& m = p.speaker();
  if (!g.speaker.empty() && HasSpan(m)) {
    for (const GoldSpan& part : g.speaker) {
      if (internal::ShareWordByte(text, part, ToGold(m.span()))) return true;
    }
    return false;
  }
  if (!g.speaker.empty()) {
    std::string gold_name = g.speaker_text.has_value()
                                ? *g.speaker_text
                                : GoldQuote::JoinedText(text, g.speaker);
    return NameMatch(gold_name, m.text()) ||
           NameMatch(gold_name, m.canonical_name());
  }
  return SamePersonName(*g.speaker_canonical, MentionName(m));
}

// Addressee / reported_via: both none, or the names match.
void ScoreRole(const std::optional<std::string>& gold, bool has_pred,
               const v1::Mention& pred, Ratio* r) {
  r->total++;
  if (!gold.has_value()) {
    if (!has_pred) r->right++;
    return;
  }
  if (has_pred && NameMatch(*gold, MentionName(pred))) r->right++;
}

bool HasMention(bool has, const v1::Mention& m) {
  return has && (!m.canonical_name().empty() || !m.text().empty());
}

// The gold quote's content parts trimmed by TrimQuoteMarks(), as Ranges.
Ranges TrimmedRanges(absl::string_view text,
                     const std::vector<GoldSpan>& parts) {
  std::vector<GoldSpan> out;
  for (const GoldSpan& p : parts) {
    absl::string_view s = GoldQuote::Text(text, p);
    absl::string_view t = TrimQuoteMarks(s);
    if (t.empty()) continue;
    uint32_t b = p.begin + static_cast<uint32_t>(t.data() - s.data());
    out.push_back(GoldSpan{b, b + static_cast<uint32_t>(t.size())});
  }
  return internal::Normalize(std::move(out));
}

std::vector<GoldSpan> ClaimParts(const v1::Claim& c) {
  std::vector<GoldSpan> parts;
  for (const v1::Span& s : c.content_parts()) parts.push_back(ToGold(s));
  return parts;
}

absl::Status CheckSpan(const GoldDocument& gold, int claim, const char* role,
                       const v1::Span& s) {
  if (s.begin() <= s.end() && s.end() <= gold.text.size()) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("document '", gold.id, "': claim ", claim, ": ", role,
                   " span [", s.begin(), ", ", s.end(),
                   ") out of range: text has ", gold.text.size(), " bytes"));
}

absl::Status CheckClaims(const GoldDocument& gold, const v1::Extraction& e) {
  for (int i = 0; i < e.claims_size(); ++i) {
    const v1::Claim& c = e.claims(i);
    for (const v1::Span& s : c.content_parts()) {
      absl::Status st = CheckSpan(gold, i, "content", s);
      if (!st.ok()) return st;
    }
    const std::pair<const char*, const v1::Span*> roles[] = {
        {"speaker", c.has_speaker() && c.speaker().has_span()
                        ? &c.speaker().span()
                        : nullptr},
        {"cue", c.has_cue() && c.cue().has_span() ? &c.cue().span() : nullptr}};
    for (const auto& r : roles) {
      if (r.second == nullptr) continue;
      absl::Status st = CheckSpan(gold, i, r.first, *r.second);
      if (!st.ok()) return st;
    }
  }
  return absl::OkStatus();
}

// Rejects binary junk before it reaches an error message: control bytes and
// invalid UTF-8 (column is 1-based).
absl::Status CheckTextLine(absl::string_view line) {
  for (size_t i = 0; i < line.size();) {
    unsigned char c = line[i];
    if (c < 0x20 && c != '\t' && c != '\r') {
      return absl::InvalidArgumentError(absl::StrCat(
          "column ", i + 1, ": control byte ", c, ": not a text file"));
    }
    int len = c < 0x80 ? 1 : internal::Utf8SequenceLength(line, i);
    if (len == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("column ", i + 1, ": invalid UTF-8"));
    }
    i += len;
  }
  return absl::OkStatus();
}

// Parses a lexicon line's form: lower-case words separated by single spaces.
absl::StatusOr<std::string> CleanForm(absl::string_view raw) {
  std::vector<absl::string_view> words =
      absl::StrSplit(raw, ' ', absl::SkipEmpty());
  std::string form = absl::StrJoin(words, " ");
  if (form.empty()) return absl::InvalidArgumentError("empty form");
  for (char c : form) {
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(
          absl::StrCat("'", form, "' is not lower-case"));
    }
  }
  return form;
}

}  // namespace

// ---------------------------------------------------------------------------
// SpeechCues

absl::StatusOr<SpeechCues> SpeechCues::Parse(absl::string_view contents,
                                             absl::string_view file_name) {
  SpeechCues cues;
  absl::flat_hash_map<std::string, int> first_line;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_no;
    absl::Status text_ok = CheckTextLine(line);
    if (!text_ok.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(file_name, ":", line_no, ": ", text_ok.message()));
    }
    size_t hash = line.find('#');
    if (hash != absl::string_view::npos) line = line.substr(0, hash);
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    auto fail = [&](absl::string_view msg) {
      return absl::InvalidArgumentError(
          absl::StrCat(file_name, ":", line_no, ": ", msg));
    };
    if (cols.size() > 2) return fail("expected 'form' or 'form<TAB>lemma'");
    absl::StatusOr<std::string> form = CleanForm(cols[0]);
    if (!form.ok()) return fail(form.status().message());
    std::string lemma = *form;
    if (cols.size() == 2) {
      absl::StatusOr<std::string> l = CleanForm(cols[1]);
      if (!l.ok()) return fail(absl::StrCat("lemma: ", l.status().message()));
      lemma = *l;
    }
    auto [it, inserted] = first_line.emplace(*form, line_no);
    if (!inserted) {
      return fail(absl::StrCat("duplicate form '", *form, "' (first on line ",
                               it->second, ")"));
    }
    size_t words = std::count(form->begin(), form->end(), ' ') + 1;
    cues.max_words_ = std::max(cues.max_words_, words);
    cues.lemmas_[*form] = std::move(lemma);
  }
  if (cues.lemmas_.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(file_name, ": no speech cue forms"));
  }
  return cues;
}

absl::StatusOr<SpeechCues> SpeechCues::Builtin() {
  return Parse(internal::FindEmbeddedFile("speech_cues.tsv"),
               "speech_cues.tsv (built-in)");
}

absl::StatusOr<SpeechCues> SpeechCues::FromFile(const std::string& path) {
  absl::StatusOr<std::string> contents = internal::ReadWholeFile(path);
  if (!contents.ok()) return contents.status();
  return Parse(*contents, path);
}

std::string SpeechCues::Lemma(absl::string_view cue_text) const {
  std::vector<std::string> words = Words(cue_text);
  for (size_t i = 0; i < words.size(); ++i) {
    size_t n = std::min(max_words_, words.size() - i);
    for (; n >= 1; --n) {
      std::string key = words[i];
      for (size_t k = 1; k < n; ++k) absl::StrAppend(&key, " ", words[i + k]);
      auto it = lemmas_.find(key);
      if (it != lemmas_.end()) return it->second;
    }
  }
  return "";
}

// ---------------------------------------------------------------------------
// Name and text helpers

bool NameMatch(absl::string_view a, absl::string_view b) {
  std::string x = absl::AsciiStrToLower(absl::StripAsciiWhitespace(a));
  std::string y = absl::AsciiStrToLower(absl::StripAsciiWhitespace(b));
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  auto head = [](absl::string_view s) {
    for (absl::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
      if (absl::EndsWith(s, suffix)) s.remove_suffix(suffix.size());
    }
    std::vector<std::string> w = Words(s);
    // A trailing apostrophe or hyphen is not part of the head.
    if (w.empty()) return std::string();
    std::string h = w.back();
    while (!h.empty() && (h.back() == '\'' || h.back() == '-')) h.pop_back();
    return h;
  };
  std::string hx = head(x), hy = head(y);
  return !hx.empty() && hx == hy;
}

bool SamePersonName(absl::string_view a, absl::string_view b) {
  if (NameMatch(a, b)) return true;
  // The words of `s` as written, without a possessive.
  auto words_of = [](absl::string_view s) {
    std::vector<absl::string_view> w;
    for (absl::string_view word : WordSpans(s)) {
      for (absl::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
        if (absl::EndsWith(word, suffix)) word.remove_suffix(suffix.size());
      }
      while (!word.empty() && (word.back() == '\'' || word.back() == '-')) {
        word.remove_suffix(1);
      }
      if (!word.empty()) w.push_back(word);
    }
    return w;
  };
  std::vector<absl::string_view> x = words_of(a), y = words_of(b);
  if (x.empty() || y.empty() || x.size() == y.size()) return false;
  if (x.size() > y.size()) std::swap(x, y);
  // The shorter must be a proper name: capitalised words, not a pronoun or a
  // title on its own.
  static const char* const kNotNames[] = {
      "i",    "he",   "she",   "we",   "they", "you",  "it",   "me",
      "him",  "her",  "us",    "them", "my",   "his",  "our",  "their",
      "mr",   "mrs",  "miss",  "ms",   "dr",   "sir",  "lady", "lord",
      "madam", "master", "the", "a",   "an"};
  bool any_name = false;
  for (absl::string_view w : x) {
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (!(c >= 'A' && c <= 'Z') && c < 0x80) return false;
    std::string l = absl::AsciiStrToLower(w);
    bool name = true;
    for (const char* n : kNotNames) {
      if (l == n) name = false;
    }
    any_name |= name;
    bool found = false;
    for (absl::string_view v : y) found |= absl::EqualsIgnoreCase(v, w);
    if (!found) return false;
  }
  return any_name;
}

absl::string_view TrimQuoteMarks(absl::string_view s) {
  int len = 0;
  while (!s.empty() && IsTrimmableAt(s, 0, &len)) s.remove_prefix(len);
  while (!s.empty()) {
    size_t i = s.size() - 1;
    int back = 0;
    while (i > 0 && back < 3 &&
           (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
      --i;
      ++back;
    }
    if (!IsTrimmableAt(s, i, &len) || i + len != s.size()) break;
    s.remove_suffix(len);
  }
  return s;
}

// ---------------------------------------------------------------------------
// Evaluator

void ScoreCounts::Add(const ScoreCounts& other, int sign) {
  for (Prf ScoreCounts::*m : {&ScoreCounts::content, &ScoreCounts::exact,
                              &ScoreCounts::end_to_end}) {
    (this->*m).matched += sign * (other.*m).matched;
    (this->*m).gold += sign * (other.*m).gold;
    (this->*m).predicted += sign * (other.*m).predicted;
  }
  for (Ratio ScoreCounts::*m :
       {&ScoreCounts::speaker, &ScoreCounts::speaker_canonical,
        &ScoreCounts::speaker_canonical_strict, &ScoreCounts::cue,
        &ScoreCounts::kind, &ScoreCounts::recall_direct,
        &ScoreCounts::recall_indirect, &ScoreCounts::recall_mixed,
        &ScoreCounts::speech_cue_recall,
        &ScoreCounts::speech_cue_end_to_end_recall, &ScoreCounts::stance,
        &ScoreCounts::addressee, &ScoreCounts::reported_via}) {
    (this->*m).right += sign * (other.*m).right;
    (this->*m).total += sign * (other.*m).total;
  }
}

Evaluator::Evaluator(const SpeechCues* cues, EvaluatorOptions options)
    : cues_(cues), options_(options) {}

DatasetScores* Evaluator::Dataset(absl::string_view source) {
  for (DatasetScores& d : datasets_) {
    if (d.source == source) return &d;
  }
  datasets_.emplace_back();
  datasets_.back().source = std::string(source);
  return &datasets_.back();
}

namespace {

// The one-to-one content matching of one document (see the header).
struct Matching {
  std::vector<int> g_match;        // gold quote -> matched claim, or -1
  std::vector<int> p_match;        // claim -> matched gold quote, or -1
  std::vector<bool> g_overlapped;  // some claim overlaps it
  std::vector<int> g_best;         // the claim overlapping it most, or -1
  std::vector<std::vector<int>> p_overlaps;  // gold quotes each claim overlaps
  int64_t matches = 0;
};

Matching MatchContent(const GoldDocument& gold, const v1::Extraction& pred,
                      double min_overlap) {
  const int num_gold = static_cast<int>(gold.quotes.size());
  const int num_pred = pred.claims_size();
  std::vector<Ranges> p_ranges(num_pred);
  for (int p = 0; p < num_pred; ++p) {
    p_ranges[p] = internal::ClaimContent(pred.claims(p));
  }
  struct Pair {
    double ratio;
    int g, p;
  };
  std::vector<Pair> pairs;
  Matching m;
  m.g_match.assign(num_gold, -1);
  m.p_match.assign(num_pred, -1);
  m.g_overlapped.assign(num_gold, false);
  m.g_best.assign(num_gold, -1);
  m.p_overlaps.resize(num_pred);
  for (int g = 0; g < num_gold; ++g) {
    const Ranges gr = internal::Normalize(gold.quotes[g].content);
    const uint64_t gs = internal::Size(gr);
    for (int p = 0; p < num_pred; ++p) {
      const uint64_t ov = internal::Overlap(gr, p_ranges[p]);
      if (ov == 0) continue;
      const uint64_t uni = gs + internal::Size(p_ranges[p]) - ov;
      pairs.push_back(Pair{static_cast<double>(ov) / uni, g, p});
      m.p_overlaps[p].push_back(g);
      m.g_overlapped[g] = true;
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    if (a.ratio != b.ratio) return a.ratio > b.ratio;
    if (a.g != b.g) return a.g < b.g;
    return a.p < b.p;
  });
  for (const Pair& pr : pairs) {
    if (m.g_best[pr.g] < 0) m.g_best[pr.g] = pr.p;
  }
  for (const Pair& pr : pairs) {
    if (pr.ratio < min_overlap) break;
    if (m.g_match[pr.g] >= 0 || m.p_match[pr.p] >= 0) continue;
    m.g_match[pr.g] = pr.p;
    m.p_match[pr.p] = pr.g;
    ++m.matches;
  }
  return m;
}

// Exact matches of the trimmed parts, one-to-one: each gold quote takes the
// first free claim whose trimmed parts are the same bytes.
int64_t CountExactMatches(const GoldDocument& gold,
                          const v1::Extraction& pred) {
  std::vector<Ranges> trimmed(pred.claims_size());
  for (int p = 0; p < pred.claims_size(); ++p) {
    trimmed[p] = TrimmedRanges(gold.text, ClaimParts(pred.claims(p)));
  }
  std::vector<bool> used(pred.claims_size(), false);
  int64_t n = 0;
  for (const GoldQuote& q : gold.quotes) {
    const Ranges gt = TrimmedRanges(gold.text, q.content);
    if (gt.empty()) continue;
    for (size_t p = 0; p < trimmed.size(); ++p) {
      if (!used[p] && trimmed[p] == gt) {
        used[p] = true;
        ++n;
        break;
      }
    }
  }
  return n;
}

void AddError(DatasetScores* d, ErrorCause cause, const std::string& sub) {
  d->errors[static_cast<int>(cause)][sub]++;
}

ErrorExample Example(ErrorCause cause, const std::string& subgroup,
                     const GoldDocument& gold, const GoldQuote* g,
                     const v1::Claim* p) {
  ErrorExample e;
  e.cause = cause;
  e.subgroup = subgroup;
  e.document_id = gold.id;
  e.context = internal::Context(gold.text, g, p);
  e.detail = internal::Detail(gold.text, g, p);
  return e;
}

Ratio* RecallOfKind(v1::ClaimKind kind, DatasetScores* d) {
  switch (kind) {
    case v1::CLAIM_KIND_DIRECT:
      return &d->recall_direct;
    case v1::CLAIM_KIND_INDIRECT:
      return &d->recall_indirect;
    case v1::CLAIM_KIND_MIXED:
      return &d->recall_mixed;
    default:
      return nullptr;
  }
}

// Speaker (and end-to-end), canonical name, cue, kind and the seed roles
// of a content match; up to `max_examples` wrong speakers and as many
// wrong kinds kept with their context. Returns whether the match is right end
// to end.
bool ScoreMatch(const GoldDocument& gold, const GoldQuote& q, const v1::Claim& c,
                bool speech_cue, size_t max_examples, DatasetScores* d) {
  const absl::string_view text = gold.text;
  bool e2e;
  std::string wrong;  // the subgroup of a wrong speaker
  if (GoldHasSpeaker(q)) {
    e2e = SpeakerRight(text, q, c);
    d->speaker.total++;
    if (e2e) {
      d->speaker.right++;
    } else {
      wrong = internal::SpeakerSubgroup(text, q, c);
    }
  } else {
    e2e = !PredHasSpeaker(c);
    if (!e2e) wrong = "gold has no speaker";
  }
  if (!e2e) {
    AddError(d, ErrorCause::kWrongSpeaker, wrong);
    if (d->wrong_speakers.size() < max_examples) {
      d->wrong_speakers.push_back(
          Example(ErrorCause::kWrongSpeaker, wrong, gold, &q, &c));
    }
  }
  if (e2e) {
    d->end_to_end.matched++;
    if (speech_cue) d->speech_cue_end_to_end_recall.right++;
  }
  if (q.speaker_canonical.has_value()) {
    d->speaker_canonical.total++;
    d->speaker_canonical_strict.total++;
    if (c.has_speaker() &&
        SamePersonName(*q.speaker_canonical, MentionName(c.speaker()))) {
      d->speaker_canonical.right++;
    }
    if (c.has_speaker() &&
        NameMatch(*q.speaker_canonical, MentionName(c.speaker()))) {
      d->speaker_canonical_strict.right++;
    }
  }
  if (!q.cue.empty()) {
    d->cue.total++;
    const bool has_cue = c.has_cue() && c.cue().has_span() &&
                         c.cue().span().end() > c.cue().span().begin();
    if (has_cue && internal::Overlap(internal::Normalize(q.cue),
                                     {ToGold(c.cue().span())}) > 0) {
      d->cue.right++;
    } else {
      AddError(d, ErrorCause::kWrongCue,
               has_cue ? "other" : "no predicted cue");
    }
  }
  if (q.kind != v1::CLAIM_KIND_UNSPECIFIED) {
    d->kind.total++;
    if (c.kind() == q.kind) {
      d->kind.right++;
    } else {
      std::string sub = absl::StrCat("gold ", KindName(q.kind), ", predicted ",
                                     KindName(c.kind()));
      if (d->wrong_kinds.size() < max_examples) {
        d->wrong_kinds.push_back(
            Example(ErrorCause::kWrongKind, sub, gold, &q, &c));
      }
      AddError(d, ErrorCause::kWrongKind, sub);
    }
  }
  if (!q.has_roles) return e2e;
  if (q.stance.has_value()) {
    d->stance.total++;
    if (StanceName(c.stance(), c.without_evidence()) == *q.stance) {
      d->stance.right++;
    }
  }
  ScoreRole(q.addressee_canonical, HasMention(c.has_addressee(), c.addressee()),
            c.addressee(), &d->addressee);
  ScoreRole(q.reported_via, HasMention(c.has_reported_via(), c.reported_via()),
            c.reported_via(), &d->reported_via);
  return e2e;
}

// The band of DatasetScores::by_confidence that `confidence` falls in (out
// of range values in the first or last).
int ConfidenceBand(float confidence) {
  if (!(confidence > 0)) return 0;  // (NaN too)
  return std::min(kConfidenceBands - 1,
                  static_cast<int>(confidence * kConfidenceBands));
}

}  // namespace

absl::Status Evaluator::Add(const GoldDocument& gold,
                            const v1::Extraction& predicted,
                            absl::string_view dataset) {
  absl::Status st = CheckClaims(gold, predicted);
  if (!st.ok()) return st;
  DatasetScores& d = *Dataset(dataset.empty() ? gold.source : dataset);
  // (The counts before the document, for its own: the counts after less
  // these.)
  const ScoreCounts before =
      options_.per_document ? static_cast<const ScoreCounts&>(d) : ScoreCounts();
  const absl::string_view text = gold.text;
  const int64_t num_gold = static_cast<int64_t>(gold.quotes.size());
  const int64_t num_pred = predicted.claims_size();
  d.documents++;
  const Matching m = MatchContent(gold, predicted, options_.min_overlap);
  for (Prf* prf : {&d.content, &d.exact, &d.end_to_end}) {
    prf->gold += num_gold;
    prf->predicted += num_pred;
  }
  d.content.matched += m.matches;
  d.exact.matched += CountExactMatches(gold, predicted);

  // Whether each gold quote's match is right end to end.
  std::vector<bool> g_end_to_end(gold.quotes.size(), false);
  for (size_t g = 0; g < gold.quotes.size(); ++g) {
    const GoldQuote& q = gold.quotes[g];
    const bool matched = m.g_match[g] >= 0;
    if (Ratio* r = RecallOfKind(q.kind, &d)) {
      r->total++;
      if (matched) r->right++;
    }
    const bool speech_cue =
        !q.cue.empty() &&
        cues_->IsSpeechCue(GoldQuote::JoinedText(text, q.cue));
    if (speech_cue) {
      d.speech_cue_recall.total++;
      d.speech_cue_end_to_end_recall.total++;
      if (matched) d.speech_cue_recall.right++;
    }
    if (matched) {
      g_end_to_end[g] = ScoreMatch(gold, q, predicted.claims(m.g_match[g]),
                                   speech_cue, options_.max_examples, &d);
      continue;
    }
    const bool boundary = m.g_overlapped[g];
    const ErrorCause cause =
        boundary ? ErrorCause::kBoundary : ErrorCause::kMissed;
    const std::string sub = boundary
                                ? std::string(KindName(q.kind))
                                : internal::MissedSubgroup(text, q, *cues_);
    AddError(&d, cause, sub);
    if (d.misses.size() < options_.max_examples &&
        (speech_cue || !options_.speech_cue_misses_only)) {
      // A boundary error shows the prediction that overlaps it most.
      const v1::Claim* near =
          boundary ? &predicted.claims(m.g_best[g]) : nullptr;
      d.misses.push_back(Example(cause, sub, gold, &q, near));
    }
  }

  for (int p = 0; p < predicted.claims_size(); ++p) {
    const v1::Claim& c = predicted.claims(p);
    const int g = m.p_match[p];
    for (ClaimTally* t : {&d.by_rule[c.rule()],
                          &d.by_confidence[ConfidenceBand(c.confidence())]}) {
      t->predicted++;
      t->confidence_sum += c.confidence();
      if (g >= 0) t->matched++;
      if (g >= 0 && g_end_to_end[g]) t->end_to_end++;
    }
  }

  for (int p = 0; p < predicted.claims_size(); ++p) {
    if (m.p_match[p] >= 0) continue;
    std::string sub;
    if (m.p_overlaps[p].empty()) {
      sub = internal::FalseAlarmSubgroup(text, predicted.claims(p), *cues_);
    } else {
      bool all_matched = true;
      for (int g : m.p_overlaps[p]) all_matched &= m.g_match[g] >= 0;
      // Overlapping an unmatched gold quote: counted there, as kBoundary.
      if (!all_matched) continue;
      sub = "duplicate of a matched quote";
    }
    AddError(&d, ErrorCause::kFalseAlarm, sub);
    if (d.false_alarms.size() < options_.max_examples) {
      d.false_alarms.push_back(Example(ErrorCause::kFalseAlarm, sub, gold,
                                       nullptr, &predicted.claims(p)));
    }
  }
  if (options_.per_document) {
    ScoreCounts own = d;
    own.Add(before, -1);
    d.per_document.push_back(own);
  }
  return absl::OkStatus();
}

absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name) {
  if (name.empty() || name == "text") return ReportFormat::kText;
  if (name == "markdown" || name == "md") return ReportFormat::kMarkdown;
  if (name == "json") return ReportFormat::kJson;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown --format '", name,
                   "' for eval: expected text, markdown or json"));
}

}  // namespace whosaid
