// Error analysis for `whosaid eval --errors`: byte-range helpers, the cause
// sub-groups and the context lines.
#include "internal/eval_errors.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace whosaid {
namespace internal {

namespace {

GoldSpan ToGold(const v1::Span& s) { return GoldSpan{s.begin(), s.end()}; }

bool HasSpan(const v1::Mention& m) {
  return m.has_span() && m.span().end() > m.span().begin();
}

bool IsContinuation(absl::string_view text, size_t i) {
  return i < text.size() &&
         (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

// The text a mention shows: its span's text, else its text, else its
// canonical name.
std::string MentionText(absl::string_view text, const v1::Mention& m) {
  if (HasSpan(m) && m.span().end() <= text.size()) {
    return std::string(GoldQuote::Text(text, ToGold(m.span())));
  }
  return m.text().empty() ? m.canonical_name() : m.text();
}

std::string GoldSpeakerText(absl::string_view text, const GoldQuote& g) {
  if (g.speaker_text.has_value()) return *g.speaker_text;
  if (!g.speaker.empty()) return GoldQuote::JoinedText(text, g.speaker);
  return g.speaker_canonical.value_or("");
}

// Double quotation marks (as the gold README counts them).
const char* const kQuoteMarks[] = {
    "\"",       "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB",
    "\xC2\xBB", "\xE2\x80\x9E", "\xE2\x80\x9F", "\xE2\x80\xB3"};

bool StartsWithQuoteMark(absl::string_view s) {
  for (const char* q : kQuoteMarks) {
    if (absl::StartsWith(s, q)) return true;
  }
  return false;
}

bool EndsWithQuoteMark(absl::string_view s) {
  for (const char* q : kQuoteMarks) {
    if (absl::EndsWith(s, q)) return true;
  }
  return false;
}

bool IsClosingPunct(char c) {
  return c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' ||
         absl::ascii_isspace(static_cast<unsigned char>(c));
}

// Whether text[b, e) sits inside (or consists of) a double-quoted span.
bool InsideQuoteMarks(absl::string_view text, uint32_t b, uint32_t e) {
  absl::string_view s = text.substr(b, e - b);
  bool open = StartsWithQuoteMark(s) || EndsWithQuoteMark(text.substr(0, b));
  if (!open) return false;
  while (!s.empty() && IsClosingPunct(s.back())) s.remove_suffix(1);
  if (EndsWithQuoteMark(s) && s.size() > 1) return true;
  absl::string_view after = text.substr(e);
  while (!after.empty() && IsClosingPunct(after.front()) &&
         !absl::ascii_isspace(static_cast<unsigned char>(after.front()))) {
    after.remove_prefix(1);
  }
  return StartsWithQuoteMark(after);
}

bool IsSentenceEnd(absl::string_view text, size_t i) {
  char c = text[i];
  if (c == '\n') return true;
  return (c == '.' || c == '!' || c == '?') && i + 1 < text.size() &&
         text[i + 1] == ' ';
}

struct Marker {
  uint32_t offset;
  int order;         // closers (0) before openers (1) at one offset
  uint32_t partner;  // the other end of the span, for nesting
  int layer;         // for equal spans: lower layers outside
  const char* mark;
};

void AddMarks(const std::vector<GoldSpan>& spans, int layer, const char* open,
              const char* close, std::vector<Marker>* out) {
  for (const GoldSpan& s : spans) {
    if (s.end <= s.begin) continue;
    out->push_back(Marker{s.begin, 1, s.end, layer, open});
    out->push_back(Marker{s.end, 0, s.begin, layer, close});
  }
}

// Nested marks: at one offset, close the span opened last first, and open
// the span that ends last first; of two equal spans, the lower layer is the
// outer one.
bool MarkerBefore(const Marker& a, const Marker& b) {
  if (a.offset != b.offset) return a.offset < b.offset;
  if (a.order != b.order) return a.order < b.order;
  if (a.partner != b.partner) return a.partner > b.partner;
  return a.order == 1 ? a.layer < b.layer : a.layer > b.layer;
}

std::string Quoted(absl::string_view s) {
  std::string one(s);
  for (char& c : one) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (one.size() > 80) {
    size_t cut = 77;
    while (cut > 0 && IsContinuation(one, cut)) --cut;
    one = absl::StrCat(one.substr(0, cut), "...");
  }
  return absl::StrCat("'", one, "'");
}

}  // namespace

Ranges Normalize(std::vector<GoldSpan> spans) {
  spans.erase(
      std::remove_if(spans.begin(), spans.end(),
                     [](const GoldSpan& s) { return s.end <= s.begin; }),
      spans.end());
  std::sort(spans.begin(), spans.end(),
            [](const GoldSpan& a, const GoldSpan& b) {
              return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
            });
  Ranges out;
  for (const GoldSpan& s : spans) {
    if (!out.empty() && s.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

uint64_t Size(const Ranges& r) {
  uint64_t n = 0;
  for (const GoldSpan& s : r) n += s.end - s.begin;
  return n;
}

uint64_t Overlap(const Ranges& a, const Ranges& b) {
  uint64_t n = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    uint32_t lo = std::max(a[i].begin, b[j].begin);
    uint32_t hi = std::min(a[i].end, b[j].end);
    if (lo < hi) n += hi - lo;
    if (a[i].end < b[j].end) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

GoldSpan Hull(const std::vector<GoldSpan>& spans) {
  if (spans.empty()) return GoldSpan{};
  GoldSpan h = spans[0];
  for (const GoldSpan& s : spans) {
    h.begin = std::min(h.begin, s.begin);
    h.end = std::max(h.end, s.end);
  }
  return h;
}

Ranges ClaimContent(const v1::Claim& claim) {
  std::vector<GoldSpan> parts;
  for (const v1::Span& s : claim.content_parts()) parts.push_back(ToGold(s));
  return Normalize(std::move(parts));
}

bool ShareWordByte(absl::string_view text, GoldSpan a, GoldSpan b) {
  uint32_t lo = std::max(a.begin, b.begin);
  uint32_t hi = std::min({a.end, b.end, static_cast<uint32_t>(text.size())});
  for (uint32_t i = lo; i < hi; ++i) {
    unsigned char c = text[i];
    if (c >= 0x80 || absl::ascii_isalnum(c)) return true;
  }
  return false;
}

bool IsPronoun(absl::string_view s) {
  static const char* const kPronouns[] = {
      "i",      "me",        "my",      "mine",    "we",         "us",
      "our",    "ours",      "you",     "your",    "yours",      "he",
      "him",    "his",       "she",     "her",     "hers",       "it",
      "its",    "they",      "them",    "their",   "theirs",     "one",
      "who",    "whom",      "whose",   "which",   "that",       "this",
      "these",  "those",     "himself", "herself", "themselves", "itself",
      "myself", "ourselves", "yourself"};
  std::string w = absl::AsciiStrToLower(absl::StripAsciiWhitespace(s));
  while (!w.empty() &&
         absl::ascii_ispunct(static_cast<unsigned char>(w.back()))) {
    w.pop_back();
  }
  for (const char* p : kPronouns) {
    if (w == p) return true;
  }
  return false;
}

std::string MissedSubgroup(absl::string_view text, const GoldQuote& gold,
                           const SpeechCues& cues) {
  if (gold.cue.empty()) return "(no cue)";
  std::string cue = GoldQuote::JoinedText(text, gold.cue);
  std::string lemma = cues.Lemma(cue);
  if (!lemma.empty()) return lemma;
  // Not a speech cue: group by its first word that is not an auxiliary,
  // negation, adverb, article or preposition ("has long believed" ->
  // "believed", "in a statement" -> "statement"), else by the whole cue
  // (":").
  static const char* const kSkip[] = {"has",
                                      "have",
                                      "had",
                                      "is",
                                      "are",
                                      "was",
                                      "were",
                                      "be",
                                      "been",
                                      "being",
                                      "will",
                                      "would",
                                      "could",
                                      "should",
                                      "can",
                                      "may",
                                      "might",
                                      "must",
                                      "do",
                                      "does",
                                      "did",
                                      "not",
                                      "don't",
                                      "didn't",
                                      "doesn't",
                                      "don\xE2\x80\x99t",
                                      "didn\xE2\x80\x99t",
                                      "also",
                                      "long",
                                      "still",
                                      "never",
                                      "often",
                                      "repeatedly",
                                      "previously",
                                      "reportedly",
                                      "recently",
                                      "publicly",
                                      "privately",
                                      "already",
                                      "just",
                                      "even",
                                      "to",
                                      "the",
                                      "a",
                                      "an",
                                      "in",
                                      "his",
                                      "her",
                                      "their",
                                      "its",
                                      "our",
                                      "my",
                                      "your",
                                      "of",
                                      "on",
                                      "that"};
  std::vector<absl::string_view> words =
      absl::StrSplit(cue, absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty());
  std::string head;
  for (absl::string_view w : words) {
    // A possessive cue ("Trump’s plan") keeps its apostrophe.
    const bool possessive = w == "'s" || w == "\xE2\x80\x99s";
    std::string lw =
        possessive ? "'s" : absl::AsciiStrToLower(TrimQuoteMarks(w));
    bool skip = lw.empty();
    for (const char* k : kSkip) skip |= lw == k;
    if (!skip) {
      head = lw;
      break;
    }
  }
  if (head.empty()) head = absl::AsciiStrToLower(absl::StrJoin(words, " "));
  if (head.size() > 40) {
    size_t cut = 37;
    while (cut > 0 && IsContinuation(head, cut)) --cut;
    head = absl::StrCat(head.substr(0, cut), "...");
  }
  return absl::StrCat("(not speech) ", head);
}

std::string SpeakerSubgroup(absl::string_view text, const GoldQuote& gold,
                            const v1::Claim& predicted) {
  const v1::Mention& m = predicted.speaker();
  const bool has_pred =
      predicted.has_speaker() &&
      (HasSpan(m) || !m.text().empty() || !m.canonical_name().empty());
  if (!has_pred) return "no predicted speaker";
  if (gold.speaker.empty() && !gold.speaker_canonical.has_value()) {
    return "gold has no speaker";
  }
  if (IsPronoun(MentionText(text, m))) return "predicted is a pronoun";
  std::string g = GoldSpeakerText(text, gold);
  if (IsPronoun(g)) return "gold is a pronoun";
  std::string lower = absl::AsciiStrToLower(g);
  if (absl::StartsWith(lower, "the ")) return "gold is nominal (the ...)";
  if (absl::StrContains(g, ",")) return "gold has an apposition";
  return "other";
}

std::string FalseAlarmSubgroup(absl::string_view text,
                               const v1::Claim& predicted,
                               const SpeechCues& cues) {
  GoldSpan h = Hull(ClaimContent(predicted));
  if (h.end <= h.begin || h.end > text.size()) return "other";
  std::string cue;
  if (predicted.has_cue()) {
    const v1::Cue& c = predicted.cue();
    cue = c.has_span() && c.span().end() > c.span().begin() &&
                  c.span().end() <= text.size()
              ? std::string(GoldQuote::Text(text, ToGold(c.span())))
              : c.text();
  }
  size_t nl = text.find('\n');
  if (nl != absl::string_view::npos && h.begin < nl) return "headline";
  if (InsideQuoteMarks(text, h.begin, h.end) && !cues.IsSpeechCue(cue)) {
    return "scare quote";
  }
  return "other";
}

std::string Context(absl::string_view text, const GoldQuote* gold,
                    const v1::Claim* predicted) {
  std::vector<Marker> markers;
  std::vector<GoldSpan> focus;
  if (gold != nullptr) {
    AddMarks(gold->content, 0, "[", "]", &markers);
    AddMarks(gold->speaker, 1, "<", ">", &markers);
    focus.insert(focus.end(), gold->content.begin(), gold->content.end());
    focus.insert(focus.end(), gold->speaker.begin(), gold->speaker.end());
    focus.insert(focus.end(), gold->cue.begin(), gold->cue.end());
  }
  if (predicted != nullptr) {
    Ranges pc = ClaimContent(*predicted);
    AddMarks(pc, 2, "{", "}", &markers);
    focus.insert(focus.end(), pc.begin(), pc.end());
    if (HasSpan(predicted->speaker())) {
      std::vector<GoldSpan> ps = {ToGold(predicted->speaker().span())};
      AddMarks(ps, 3, "|", "|", &markers);
      focus.insert(focus.end(), ps.begin(), ps.end());
    }
  }
  GoldSpan f = Hull(focus);
  f.end = std::min<uint32_t>(f.end, text.size());
  f.begin = std::min(f.begin, f.end);
  constexpr size_t kMaxWiden = 300;
  size_t start = f.begin;
  while (start > 0 && f.begin - start < kMaxWiden &&
         !IsSentenceEnd(text, start - 1)) {
    --start;
  }
  const bool cut_left = start > 0 && !IsSentenceEnd(text, start - 1);
  while (start < f.begin &&
         absl::ascii_isspace(static_cast<unsigned char>(text[start]))) {
    ++start;
  }
  size_t end = f.end;
  while (end < text.size() && end - f.end < kMaxWiden &&
         !(end > f.end && IsSentenceEnd(text, end - 1))) {
    ++end;
  }
  const bool cut_right =
      end < text.size() && !(end > f.end && IsSentenceEnd(text, end - 1));
  while (start < text.size() && IsContinuation(text, start)) ++start;
  while (end > start && IsContinuation(text, end)) --end;
  std::sort(markers.begin(), markers.end(), MarkerBefore);
  std::string out;
  if (cut_left) out += "...";
  size_t m = 0;
  for (size_t i = start; i <= end; ++i) {
    while (m < markers.size() && markers[m].offset <= i) {
      if (markers[m].offset >= start) out += markers[m].mark;
      ++m;
    }
    if (i == end) break;
    char c = text[i];
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  if (cut_right) out += "...";
  return std::string(absl::StripAsciiWhitespace(out));
}

std::string Detail(absl::string_view text, const GoldQuote* gold,
                   const v1::Claim* predicted) {
  std::vector<std::string> parts;
  auto kind = [](v1::ClaimKind k) {
    std::string n = v1::ClaimKind_Name(k);
    return absl::AsciiStrToLower(absl::StripPrefix(n, "CLAIM_KIND_"));
  };
  if (gold != nullptr) {
    std::string s = "gold: speaker ";
    std::string sp = GoldSpeakerText(text, *gold);
    absl::StrAppend(&s, sp.empty() ? "none" : Quoted(sp));
    if (gold->speaker_canonical.has_value() && *gold->speaker_canonical != sp) {
      absl::StrAppend(&s, " (", *gold->speaker_canonical, ")");
    }
    absl::StrAppend(&s, ", cue ",
                    gold->cue.empty()
                        ? std::string("none")
                        : Quoted(GoldQuote::JoinedText(text, gold->cue)),
                    ", ", kind(gold->kind));
    parts.push_back(std::move(s));
  }
  if (predicted != nullptr) {
    const v1::Claim& c = *predicted;
    std::string s = "predicted: speaker ";
    std::string sp = c.has_speaker() ? MentionText(text, c.speaker()) : "";
    absl::StrAppend(&s, sp.empty() ? "none" : Quoted(sp));
    if (c.has_speaker() && !c.speaker().canonical_name().empty() &&
        c.speaker().canonical_name() != sp) {
      absl::StrAppend(&s, " (", c.speaker().canonical_name(), ")");
    }
    absl::StrAppend(&s, ", cue ",
                    c.has_cue() && !c.cue().text().empty()
                        ? Quoted(c.cue().text())
                        : std::string("none"),
                    ", ", kind(c.kind()));
    if (!c.rule().empty()) absl::StrAppend(&s, ", rule ", c.rule());
    parts.push_back(std::move(s));
  }
  return absl::StrJoin(parts, "; ");
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": is a directory, expected a file"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    return absl::DataLossError(absl::StrCat(path, ": read error"));
  }
  return ss.str();
}

}  // namespace internal

std::vector<ErrorGroup> GroupErrors(const DatasetScores& scores,
                                    size_t max_subgroups) {
  std::vector<ErrorGroup> groups;
  for (int i = 0; i < kNumErrorCauses; ++i) {
    ErrorGroup g;
    g.cause = static_cast<ErrorCause>(i);
    for (const auto& [name, n] : scores.errors[i]) {
      g.count += n;
      g.subgroups.emplace_back(name, n);
    }
    if (g.count == 0) continue;
    std::sort(g.subgroups.begin(), g.subgroups.end(),
              [](const auto& a, const auto& b) {
                return a.second != b.second ? a.second > b.second
                                            : a.first < b.first;
              });
    if (g.subgroups.size() > max_subgroups) {
      int64_t rest = 0;
      for (size_t k = max_subgroups; k < g.subgroups.size(); ++k) {
        rest += g.subgroups[k].second;
      }
      size_t n = g.subgroups.size() - max_subgroups;
      g.subgroups.resize(max_subgroups);
      g.subgroups.emplace_back(absl::StrCat("(", n, " other groups)"), rest);
    }
    groups.push_back(std::move(g));
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const ErrorGroup& a, const ErrorGroup& b) {
                     return a.count > b.count;
                   });
  return groups;
}

absl::string_view ErrorCauseName(ErrorCause cause) {
  switch (cause) {
    case ErrorCause::kMissed:
      return "missed";
    case ErrorCause::kBoundary:
      return "wrong content boundary";
    case ErrorCause::kWrongSpeaker:
      return "wrong speaker";
    case ErrorCause::kFalseAlarm:
      return "false alarm";
    case ErrorCause::kWrongCue:
      return "wrong cue";
    case ErrorCause::kWrongKind:
      return "wrong kind";
  }
  return "unknown";
}

}  // namespace whosaid
