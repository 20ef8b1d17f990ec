// Reading and writing gold annotation files, and converting between gold
// quotes and claims.
#include "whosaid/gold.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "internal/eval_errors.h"
#include "internal/json.h"

namespace whosaid {

using internal::JsonValue;

namespace {

const char* const kStanceNames[] = {"",         "assert", "deny",    "claim",
                                    "condemn",  "warn",   "demand",  "promise",
                                    "question", "praise", "believe", "admit"};

absl::Status Invalid(absl::string_view msg) {
  return absl::InvalidArgumentError(msg);
}

bool IsContinuation(absl::string_view text, size_t i) {
  return i < text.size() &&
         (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

// Code-point offsets to byte offsets of one text, built on first use.
class CodePoints {
 public:
  explicit CodePoints(absl::string_view text) : text_(text) {}

  // The byte offset of code point `cp`, or -1 if past the end.
  int64_t ToByte(uint32_t cp) {
    if (byte_of_.empty()) {
      for (size_t i = 0; i < text_.size(); ++i) {
        if (!IsContinuation(text_, i)) byte_of_.push_back(i);
      }
      byte_of_.push_back(text_.size());
    }
    return cp < byte_of_.size() ? static_cast<int64_t>(byte_of_[cp]) : -1;
  }
  size_t size() {
    ToByte(0);
    return byte_of_.size() - 1;
  }

 private:
  absl::string_view text_;
  std::vector<uint32_t> byte_of_;
};

std::string SpanString(const GoldSpan& s) {
  return absl::StrCat("[", s.begin, ", ", s.end, ")");
}

absl::StatusOr<GoldSpan> ParseSpan(const JsonValue& v, absl::string_view key) {
  auto bad = [&]() {
    return Invalid(absl::StrCat(
        key, ": expected [begin, end] with integers 0 <= begin <= end"));
  };
  if (!v.is_array() || v.array().size() != 2) return bad();
  uint32_t out[2];
  for (int i = 0; i < 2; ++i) {
    const JsonValue& n = v.array()[i];
    if (!n.is_number()) return bad();
    double d = n.number();
    if (!(d >= 0 && d <= 4294967295.0) || d != static_cast<uint32_t>(d)) {
      return bad();
    }
    out[i] = static_cast<uint32_t>(d);
  }
  if (out[0] > out[1]) return bad();
  return GoldSpan{out[0], out[1]};
}

// `key` holds one span ([b, e]) or, if `parts`, a list of them. Absent or
// null: an empty vector.
absl::StatusOr<std::vector<GoldSpan>> ParseSpans(const JsonValue& q,
                                                 absl::string_view key,
                                                 bool parts) {
  std::vector<GoldSpan> out;
  const JsonValue* v = q.Find(key);
  if (v == nullptr || v->is_null()) return out;
  if (!parts) {
    absl::StatusOr<GoldSpan> s = ParseSpan(*v, key);
    if (!s.ok()) return s.status();
    out.push_back(*s);
    return out;
  }
  if (!v->is_array() || v->array().empty()) {
    return Invalid(absl::StrCat(key, ": expected a non-empty list of spans"));
  }
  for (const JsonValue& e : v->array()) {
    absl::StatusOr<GoldSpan> s = ParseSpan(e, key);
    if (!s.ok()) return s.status();
    out.push_back(*s);
  }
  return out;
}

absl::Status CheckBytes(absl::string_view text, absl::string_view key,
                        const std::vector<GoldSpan>& spans) {
  for (const GoldSpan& s : spans) {
    if (s.end > text.size()) {
      return Invalid(absl::StrCat(key, " ", SpanString(s),
                                  " out of range: text has ", text.size(),
                                  " bytes"));
    }
    for (uint32_t at : {s.begin, s.end}) {
      if (IsContinuation(text, at)) {
        return Invalid(absl::StrCat(key, " ", SpanString(s),
                                    " splits a UTF-8 sequence at byte ", at));
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<GoldSpan>> CodePointsToBytes(
    absl::string_view key, const std::vector<GoldSpan>& spans,
    CodePoints* cps) {
  std::vector<GoldSpan> out;
  for (const GoldSpan& s : spans) {
    int64_t b = cps->ToByte(s.begin), e = cps->ToByte(s.end);
    if (b < 0 || e < 0) {
      return Invalid(absl::StrCat(key, " ", SpanString(s),
                                  " out of range: text has ", cps->size(),
                                  " code points"));
    }
    out.push_back(GoldSpan{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
  return out;
}

// One variant of a role's spans: "content" or "content_parts", with its
// code-point and byte keys; returns byte spans, checked.
absl::StatusOr<std::vector<GoldSpan>> ParseVariant(const JsonValue& q,
                                                   const std::string& key,
                                                   bool parts,
                                                   absl::string_view text,
                                                   CodePoints* cps) {
  const std::string bytes_key = key + "_bytes";
  absl::StatusOr<std::vector<GoldSpan>> bytes = ParseSpans(q, bytes_key, parts);
  if (!bytes.ok()) return bytes.status();
  absl::Status s = CheckBytes(text, bytes_key, *bytes);
  if (!s.ok()) return s;
  absl::StatusOr<std::vector<GoldSpan>> chars = ParseSpans(q, key, parts);
  if (!chars.ok()) return chars.status();
  if (chars->empty()) return bytes;
  absl::StatusOr<std::vector<GoldSpan>> converted =
      CodePointsToBytes(key, *chars, cps);
  if (!converted.ok()) return converted.status();
  if (bytes->empty()) return converted;
  if (*converted != *bytes) {
    return Invalid(absl::StrCat(key, " and ", bytes_key, " disagree"));
  }
  return bytes;
}

// A role ("content", "speaker", "cue"): its parts when given, else its span.
absl::StatusOr<std::vector<GoldSpan>> ParseRole(const JsonValue& q,
                                                const std::string& role,
                                                absl::string_view text,
                                                CodePoints* cps) {
  absl::StatusOr<std::vector<GoldSpan>> whole =
      ParseVariant(q, role, false, text, cps);
  if (!whole.ok()) return whole.status();
  absl::StatusOr<std::vector<GoldSpan>> parts =
      ParseVariant(q, role + "_parts", true, text, cps);
  if (!parts.ok()) return parts.status();
  if (parts->empty()) return whole;
  if (!whole->empty() && (*whole)[0] != internal::Hull(*parts)) {
    return Invalid(absl::StrCat(role, " ", SpanString((*whole)[0]),
                                " is not the hull of ", role, "_parts"));
  }
  return parts;
}

absl::Status ParseOptionalString(const JsonValue& q, absl::string_view key,
                                 std::optional<std::string>* out) {
  out->reset();
  const JsonValue* v = q.Find(key);
  if (v == nullptr || v->is_null()) return absl::OkStatus();
  if (!v->is_string()) {
    return Invalid(absl::StrCat("\"", key, "\" must be a string or null"));
  }
  *out = v->string_value();
  return absl::OkStatus();
}

absl::StatusOr<v1::ClaimKind> ParseKind(const JsonValue& q) {
  const JsonValue* v = q.Find("kind");
  if (v == nullptr || v->is_null()) return v1::CLAIM_KIND_UNSPECIFIED;
  if (v->is_string()) {
    const std::string& k = v->string_value();
    if (k == "direct") return v1::CLAIM_KIND_DIRECT;
    if (k == "indirect") return v1::CLAIM_KIND_INDIRECT;
    if (k == "mixed") return v1::CLAIM_KIND_MIXED;
    if (k == "unknown") return v1::CLAIM_KIND_UNSPECIFIED;
  }
  return Invalid(
      "\"kind\" must be \"direct\", \"indirect\", \"mixed\" or "
      "\"unknown\"");
}

bool IsStanceName(absl::string_view s) {
  if (s == "claim_without_evidence") return true;
  for (const char* n : kStanceNames) {
    if (*n != '\0' && s == n) return true;
  }
  return false;
}

absl::StatusOr<GoldQuote> ParseQuote(const JsonValue& q, absl::string_view text,
                                     CodePoints* cps) {
  if (!q.is_object()) return Invalid("expected a JSON object");
  GoldQuote out;
  const std::pair<const char*, std::vector<GoldSpan>*> roles[] = {
      {"content", &out.content}, {"speaker", &out.speaker}, {"cue", &out.cue}};
  for (const auto& [role, dest] : roles) {
    absl::StatusOr<std::vector<GoldSpan>> spans = ParseRole(q, role, text, cps);
    if (!spans.ok()) return spans.status();
    *dest = std::move(*spans);
  }
  if (out.content.empty()) return Invalid("missing \"content_bytes\"");
  absl::StatusOr<v1::ClaimKind> kind = ParseKind(q);
  if (!kind.ok()) return kind.status();
  out.kind = *kind;
  const std::pair<const char*, std::optional<std::string>*> strings[] = {
      {"speaker_text", &out.speaker_text},
      {"speaker_canonical", &out.speaker_canonical},
      {"stance", &out.stance},
      {"addressee_canonical", &out.addressee_canonical},
      {"reported_via", &out.reported_via}};
  for (const auto& [key, dest] : strings) {
    absl::Status s = ParseOptionalString(q, key, dest);
    if (!s.ok()) return s;
  }
  out.has_roles = q.Find("stance") != nullptr ||
                  q.Find("addressee_canonical") != nullptr ||
                  q.Find("reported_via") != nullptr;
  if (out.stance.has_value() && !IsStanceName(*out.stance)) {
    return Invalid(absl::StrCat("unknown stance \"", *out.stance, "\""));
  }
  return out;
}

// `value` (the member `key`) as a list of quotes; errors say "quote i: ".
absl::Status ParseQuotes(const JsonValue& value, absl::string_view key,
                         absl::string_view text, CodePoints* cps,
                         std::vector<GoldQuote>* out) {
  if (!value.is_array()) {
    return Invalid(absl::StrCat("\"", key, "\" must be a list"));
  }
  for (size_t i = 0; i < value.array().size(); ++i) {
    absl::StatusOr<GoldQuote> q = ParseQuote(value.array()[i], text, cps);
    if (!q.ok()) {
      // Top-level quotes are "quote 3: ...", others "meta...[0]: quote 3".
      const std::string where =
          key == "quotes" ? std::string() : absl::StrCat(key, ": ");
      return Invalid(
          absl::StrCat(where, "quote ", i, ": ", q.status().message()));
    }
    out->push_back(std::move(*q));
  }
  return absl::OkStatus();
}

// meta.alt_annotations, when present.
absl::Status ParseAlternatives(const JsonValue& doc, absl::string_view text,
                               CodePoints* cps,
                               std::vector<GoldAnnotation>* out) {
  const JsonValue* meta = doc.Find("meta");
  if (meta == nullptr || !meta->is_object()) return absl::OkStatus();
  const JsonValue* alt = meta->Find("alt_annotations");
  if (alt == nullptr || alt->is_null()) return absl::OkStatus();
  if (!alt->is_array()) return Invalid("meta.alt_annotations must be a list");
  for (size_t i = 0; i < alt->array().size(); ++i) {
    const JsonValue& a = alt->array()[i];
    const std::string where = absl::StrCat("meta.alt_annotations[", i, "]");
    const JsonValue* quotes = a.Find("quotes");
    const JsonValue* annotator = a.Find("annotator");
    if (quotes == nullptr) {
      return Invalid(absl::StrCat(where, ": missing \"quotes\""));
    }
    GoldAnnotation ann;
    if (annotator != nullptr && !annotator->is_null()) {
      if (!annotator->is_string()) {
        return Invalid(
            absl::StrCat(where, ": \"annotator\" must be a string or null"));
      }
      ann.annotator = annotator->string_value();
    }
    absl::Status s = ParseQuotes(*quotes, where, text, cps, &ann.quotes);
    if (!s.ok()) return s;
    out->push_back(std::move(ann));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> RequiredString(const JsonValue& v,
                                           absl::string_view key) {
  const JsonValue* f = v.Find(key);
  if (f == nullptr) return Invalid(absl::StrCat("missing \"", key, "\""));
  if (!f->is_string()) {
    return Invalid(absl::StrCat("\"", key, "\" must be a string"));
  }
  return f->string_value();
}

// --- Writing ---

void AppendSpan(uint32_t b, uint32_t e, std::string* out) {
  absl::StrAppend(out, "[", b, ",", e, "]");
}

class Writer {
 public:
  explicit Writer(absl::string_view text) : cp_of_(text.size() + 1, 0) {
    uint32_t n = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      cp_of_[i] = n;
      if (!IsContinuation(text, i)) ++n;
    }
    // (An offset inside a UTF-8 sequence, which the reader rejects, maps to
    // the code point after the sequence's first byte.)
    cp_of_[text.size()] = n;
  }

  uint32_t Cp(uint32_t byte) const {
    if (byte < cp_of_.size()) return cp_of_[byte];
    return cp_of_.back() + (byte - (cp_of_.size() - 1));
  }

  // "role":[..],"role_bytes":[..] and the _parts keys if several parts.
  void Role(absl::string_view role, const std::vector<GoldSpan>& parts,
            std::string* out) const {
    if (parts.empty()) {
      absl::StrAppend(out, "\"", role, "\":null,\"", role, "_bytes\":null");
      return;
    }
    GoldSpan h = internal::Hull(parts);
    absl::StrAppend(out, "\"", role, "\":");
    AppendSpan(Cp(h.begin), Cp(h.end), out);
    absl::StrAppend(out, ",\"", role, "_bytes\":");
    AppendSpan(h.begin, h.end, out);
    if (parts.size() < 2) return;
    for (bool bytes : {false, true}) {
      absl::StrAppend(out, ",\"", role,
                      bytes ? "_parts_bytes\":[" : "_parts\":[");
      for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out->push_back(',');
        if (bytes) {
          AppendSpan(parts[i].begin, parts[i].end, out);
        } else {
          AppendSpan(Cp(parts[i].begin), Cp(parts[i].end), out);
        }
      }
      out->push_back(']');
    }
  }

 private:
  std::vector<uint32_t> cp_of_;
};

void AppendOptional(absl::string_view key, const std::optional<std::string>& v,
                    std::string* out) {
  absl::StrAppend(out, ",\"", key, "\":");
  if (v.has_value()) {
    internal::AppendJsonString(*v, out);
  } else {
    out->append("null");
  }
}

void AppendQuotes(const Writer& w, const std::vector<GoldQuote>& quotes,
                  std::string* out) {
  *out += "[";
  for (size_t i = 0; i < quotes.size(); ++i) {
    const GoldQuote& q = quotes[i];
    if (i > 0) *out += ",";
    *out += "{";
    w.Role("content", q.content, out);
    *out += ",";
    w.Role("speaker", q.speaker, out);
    AppendOptional("speaker_text", q.speaker_text, out);
    *out += ",";
    w.Role("cue", q.cue, out);
    absl::StrAppend(out, ",\"kind\":\"", KindName(q.kind), "\"");
    AppendOptional("speaker_canonical", q.speaker_canonical, out);
    if (q.has_roles) {
      AppendOptional("stance", q.stance, out);
      AppendOptional("addressee_canonical", q.addressee_canonical, out);
      AppendOptional("reported_via", q.reported_via, out);
    }
    *out += "}";
  }
  *out += "]";
}


std::optional<std::string> MentionName(bool has, const v1::Mention& m) {
  if (!has) return std::nullopt;
  if (!m.canonical_name().empty()) return m.canonical_name();
  if (!m.text().empty()) return m.text();
  return std::nullopt;
}

v1::Span ToSpan(GoldSpan s) {
  v1::Span out;
  out.set_begin(s.begin);
  out.set_end(s.end);
  return out;
}

}  // namespace

absl::string_view GoldQuote::Text(absl::string_view text, GoldSpan span) {
  if (span.begin > span.end || span.end > text.size()) {
    return absl::string_view();
  }
  return text.substr(span.begin, span.end - span.begin);
}

std::string GoldQuote::JoinedText(absl::string_view text,
                                  const std::vector<GoldSpan>& parts,
                                  absl::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) absl::StrAppend(&out, separator);
    absl::StrAppend(&out, Text(text, parts[i]));
  }
  return out;
}

bool GoldQuote::operator==(const GoldQuote& o) const {
  return content == o.content && speaker == o.speaker && cue == o.cue &&
         kind == o.kind && speaker_text == o.speaker_text &&
         speaker_canonical == o.speaker_canonical && has_roles == o.has_roles &&
         stance == o.stance && addressee_canonical == o.addressee_canonical &&
         reported_via == o.reported_via;
}

bool GoldDocument::operator==(const GoldDocument& o) const {
  return id == o.id && source == o.source && text == o.text &&
         quotes == o.quotes && alternatives == o.alternatives;
}

absl::StatusOr<GoldDocument> ParseGoldLine(absl::string_view line) {
  absl::StatusOr<JsonValue> v = internal::ParseJson(line);
  if (!v.ok()) return v.status();
  if (!v->is_object()) return Invalid("expected a JSON object");
  GoldDocument doc;
  const std::pair<const char*, std::string*> fields[] = {
      {"id", &doc.id}, {"source", &doc.source}, {"text", &doc.text}};
  for (const auto& [key, dest] : fields) {
    absl::StatusOr<std::string> s = RequiredString(*v, key);
    if (!s.ok()) return s.status();
    *dest = std::move(*s);
  }
  const JsonValue* quotes = v->Find("quotes");
  if (quotes == nullptr) return Invalid("missing \"quotes\"");
  CodePoints cps(doc.text);
  absl::Status s = ParseQuotes(*quotes, "quotes", doc.text, &cps, &doc.quotes);
  if (s.ok()) s = ParseAlternatives(*v, doc.text, &cps, &doc.alternatives);
  if (!s.ok()) {
    return Invalid(absl::StrCat("document \"", doc.id, "\": ", s.message()));
  }
  return doc;
}

absl::StatusOr<std::vector<GoldDocument>> ReadGoldFile(
    const std::string& path) {
  absl::StatusOr<std::string> contents = internal::ReadWholeFile(path);
  if (!contents.ok()) return contents.status();
  std::vector<GoldDocument> docs;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(*contents, '\n')) {
    ++line_no;
    // Tolerate a UTF-8 byte order mark, as some editors write one.
    if (line_no == 1) absl::ConsumePrefix(&line, "\xEF\xBB\xBF");
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    absl::StatusOr<GoldDocument> doc = ParseGoldLine(line);
    if (!doc.ok()) {
      return absl::Status(
          doc.status().code(),
          absl::StrCat(path, ":", line_no, ": ", doc.status().message()));
    }
    doc->line = line_no;
    docs.push_back(std::move(*doc));
  }
  if (docs.empty()) {
    return Invalid(absl::StrCat(path, ":1: no documents (empty file)"));
  }
  return docs;
}

std::string GoldToJsonLine(const GoldDocument& doc) {
  Writer w(doc.text);
  std::string out = "{\"id\":";
  internal::AppendJsonString(doc.id, &out);
  out += ",\"source\":";
  internal::AppendJsonString(doc.source, &out);
  out += ",\"text\":";
  internal::AppendJsonString(doc.text, &out);
  out += ",\"quotes\":";
  AppendQuotes(w, doc.quotes, &out);
  if (!doc.alternatives.empty()) {
    out += ",\"meta\":{\"alt_annotations\":[";
    for (size_t i = 0; i < doc.alternatives.size(); ++i) {
      if (i > 0) out += ",";
      out += "{\"annotator\":";
      internal::AppendJsonString(doc.alternatives[i].annotator, &out);
      out += ",\"quotes\":";
      AppendQuotes(w, doc.alternatives[i].quotes, &out);
      out += "}";
    }
    out += "]}";
  }
  out += "}";
  return out;
}

absl::string_view KindName(v1::ClaimKind k) {
  switch (k) {
    case v1::CLAIM_KIND_DIRECT:
      return "direct";
    case v1::CLAIM_KIND_INDIRECT:
      return "indirect";
    case v1::CLAIM_KIND_MIXED:
      return "mixed";
    default:
      return "unknown";
  }
}

std::string StanceName(v1::Stance stance, bool without_evidence) {
  int i = static_cast<int>(stance);
  if (i <= 0 || i >= static_cast<int>(std::size(kStanceNames))) return "";
  if (stance == v1::STANCE_CLAIM && without_evidence) {
    return "claim_without_evidence";
  }
  return kStanceNames[i];
}

GoldDocument GoldFromExtraction(const v1::Extraction& extraction) {
  GoldDocument doc;
  doc.id = extraction.document().id();
  doc.source = "whosaid";
  doc.text = extraction.document().text();
  for (const v1::Claim& c : extraction.claims()) {
    GoldQuote q;
    for (const v1::Span& s : c.content_parts()) {
      q.content.push_back(GoldSpan{s.begin(), s.end()});
    }
    if (c.has_speaker()) {
      const v1::Mention& m = c.speaker();
      if (m.has_span()) {
        q.speaker.push_back(GoldSpan{m.span().begin(), m.span().end()});
      }
      if (!m.text().empty()) q.speaker_text = m.text();
      if (!m.canonical_name().empty()) q.speaker_canonical = m.canonical_name();
    }
    if (c.has_cue() && c.cue().has_span()) {
      q.cue.push_back(GoldSpan{c.cue().span().begin(), c.cue().span().end()});
    }
    q.kind = c.kind();
    q.has_roles = true;
    std::string stance = StanceName(c.stance(), c.without_evidence());
    if (!stance.empty()) q.stance = stance;
    q.addressee_canonical = MentionName(c.has_addressee(), c.addressee());
    q.reported_via = MentionName(c.has_reported_via(), c.reported_via());
    doc.quotes.push_back(std::move(q));
  }
  return doc;
}

v1::Extraction ExtractionFromGold(const GoldDocument& doc) {
  v1::Extraction out;
  out.mutable_document()->set_id(doc.id);
  out.mutable_document()->set_text(doc.text);
  for (const GoldQuote& q : doc.quotes) {
    v1::Claim* c = out.add_claims();
    GoldSpan hull = internal::Hull(q.content);
    c->set_id(absl::StrCat(doc.id, ":", hull.begin, "-", hull.end));
    c->set_document_id(doc.id);
    c->set_content(GoldQuote::JoinedText(doc.text, q.content, " ... "));
    for (const GoldSpan& s : q.content) *c->add_content_parts() = ToSpan(s);
    c->set_kind(q.kind);
    if (!q.cue.empty()) {
      c->mutable_cue()->set_text(GoldQuote::JoinedText(doc.text, q.cue));
      *c->mutable_cue()->mutable_span() = ToSpan(internal::Hull(q.cue));
    }
    if (!q.speaker.empty() || q.speaker_canonical.has_value()) {
      v1::Mention* m = c->mutable_speaker();
      if (!q.speaker.empty()) {
        *m->mutable_span() = ToSpan(internal::Hull(q.speaker));
        m->set_text(q.speaker_text.has_value()
                        ? *q.speaker_text
                        : GoldQuote::JoinedText(doc.text, q.speaker));
      } else if (q.speaker_text.has_value()) {
        m->set_text(*q.speaker_text);
      }
      if (q.speaker_canonical.has_value()) {
        m->set_canonical_name(*q.speaker_canonical);
      }
    }
    if (q.stance.has_value()) {
      for (int i = 1; i < static_cast<int>(std::size(kStanceNames)); ++i) {
        if (*q.stance == kStanceNames[i]) {
          c->set_stance(static_cast<v1::Stance>(i));
        }
      }
      if (*q.stance == "claim_without_evidence") {
        c->set_stance(v1::STANCE_CLAIM);
        c->set_without_evidence(true);
      }
    }
    if (q.addressee_canonical.has_value()) {
      c->mutable_addressee()->set_text(*q.addressee_canonical);
      c->mutable_addressee()->set_canonical_name(*q.addressee_canonical);
    }
    if (q.reported_via.has_value()) {
      c->mutable_reported_via()->set_text(*q.reported_via);
      c->mutable_reported_via()->set_canonical_name(*q.reported_via);
    }
    c->set_rule("gold");
  }
  return out;
}

}  // namespace whosaid
