#include "whosaid/claim_writer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <streambuf>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/wire_format_lite.h"
#include "internal/json.h"
#include "whosaid/proto_json.h"

namespace whosaid {

namespace {

constexpr size_t kWrapColumn = 100;
constexpr char kIndent[] = "    ";

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Lower-case enum value name without its prefix: STANCE_DENY -> "deny".
template <typename Enum>
std::string EnumWord(const google::protobuf::EnumDescriptor* d, Enum value,
                     absl::string_view prefix) {
  const google::protobuf::EnumValueDescriptor* v = d->FindValueByNumber(value);
  if (v == nullptr) return absl::StrCat(static_cast<int>(value));
  absl::string_view name = v->name();
  if (absl::StartsWith(name, prefix)) name.remove_prefix(prefix.size());
  return absl::AsciiStrToLower(name);
}

// A mention for people: its canonical name, else its text; with
// `show_written`, also the words the article used: "Sebastien Lecornu (as
// "Lecornu")".
std::string MentionLabel(const v1::Mention& m, bool show_written) {
  const std::string& name =
      m.canonical_name().empty() ? m.text() : m.canonical_name();
  if (name.empty()) return "";
  if (show_written && !m.text().empty() && m.text() != name) {
    return absl::StrCat(name, " (as \"", m.text(), "\")");
  }
  return name;
}

// The claim's content: claim.content(), the words (a part that is a whole
// quotation spans its marks, which the words leave out), else its parts
// cut from `text` and joined by " ... " when they fit the text.
std::string ContentOf(const v1::Claim& claim, absl::string_view text) {
  if (!claim.content().empty() || text.empty() || claim.content_parts().empty()) {
    return claim.content();
  }
  std::vector<absl::string_view> parts;
  for (const v1::Span& s : claim.content_parts()) {
    if (s.begin() > s.end() || s.end() > text.size()) return claim.content();
    parts.push_back(text.substr(s.begin(), s.end() - s.begin()));
  }
  return absl::StrJoin(parts, " ... ");
}

// Appends `s` wrapped into lines of at most kWrapColumn code points (longer
// words stay whole), each starting with `indent`. White space runs,
// newlines included, become one space.
void AppendWrapped(absl::string_view s, absl::string_view indent,
                   std::string* out) {
  std::string line(indent);
  size_t line_cols = indent.size();
  size_t i = 0;
  bool line_has_word = false;
  while (i < s.size()) {
    while (i < s.size() && absl::ascii_isspace(s[i])) ++i;
    if (i == s.size()) break;
    size_t start = i, cols = 0;
    while (i < s.size() && !absl::ascii_isspace(s[i])) {
      if (!IsContinuation(s[i])) ++cols;
      ++i;
    }
    absl::string_view word = s.substr(start, i - start);
    if (line_has_word && line_cols + 1 + cols > kWrapColumn) {
      absl::StrAppend(out, line, "\n");
      line.assign(indent.data(), indent.size());
      line += ' ';  // align under the text after the opening quote
      line_cols = indent.size() + 1;
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_cols;
    }
    line.append(word.data(), word.size());
    line_cols += cols;
    line_has_word = true;
  }
  absl::StrAppend(out, line, "\n");
}

std::string SpanList(const google::protobuf::RepeatedPtrField<v1::Span>& ss) {
  return absl::StrJoin(ss, ", ", [](std::string* out, const v1::Span& s) {
    absl::StrAppend(out, s.begin(), "-", s.end());
  });
}

absl::Status StreamError() {
  return absl::DataLossError("cannot write output (disk full or closed?)");
}

// Shared plumbing: an output stream and a check after each write.
class WriterBase : public ClaimWriter {
 public:
  explicit WriterBase(std::ostream* out) : out_(out) {}

  absl::Status Finish() override {
    absl::Status s = WriteEnd();
    if (!s.ok()) return s;
    out_->flush();
    return out_->good() ? absl::OkStatus() : StreamError();
  }

 protected:
  virtual absl::Status WriteEnd() { return absl::OkStatus(); }

  absl::Status Emit(absl::string_view bytes) {
    out_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out_->good() ? absl::OkStatus() : StreamError();
  }

  std::ostream* const out_;
};

class TextWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  absl::Status Write(const v1::Extraction& e) override {
    const v1::Document& d = e.document();
    std::string out;
    if (documents_++ > 0) out += "\n";
    absl::StrAppend(&out, "== ", d.id());
    if (!d.title().empty()) absl::StrAppend(&out, " | ", d.title());
    if (!d.outlet().empty()) absl::StrAppend(&out, " | ", d.outlet());
    if (d.has_published()) {
      absl::StrAppend(
          &out, " | ",
          absl::FormatTime("%Y-%m-%d",
                           absl::FromUnixSeconds(d.published().seconds()),
                           absl::UTCTimeZone()));
    }
    absl::StrAppend(&out, " (", e.claims_size(),
                    e.claims_size() == 1 ? " claim)\n" : " claims)\n");
    for (int i = 0; i < e.claims_size(); ++i) {
      absl::StrAppend(&out, "[", i + 1, "] ",
                      FormatClaimText(e.claims(i), d.text()));
    }
    return Emit(out);
  }

 private:
  int64_t documents_ = 0;
};

class JsonlWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  absl::Status Write(const v1::Extraction& e) override {
    std::string out;
    for (const v1::Claim& c : e.claims()) {
      absl::StatusOr<std::string> json = MessageToJson(c);
      if (!json.ok()) return json.status();
      absl::StrAppend(&out, *json, "\n");
    }
    return Emit(out);
  }
  bool WritesEntities() const override { return false; }
};

class JsonWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  absl::Status Write(const v1::Extraction& e) override {
    // The document without its text (copied field by field so a large text
    // is not copied just to be cleared).
    const v1::Document& d = e.document();
    v1::Document meta;
    meta.set_id(d.id());
    meta.set_url(d.url());
    meta.set_title(d.title());
    meta.set_outlet(d.outlet());
    if (d.has_published()) *meta.mutable_published() = d.published();
    meta.set_language(d.language());
    absl::StatusOr<std::string> doc_json = MessageToJson(meta);
    if (!doc_json.ok()) return doc_json.status();
    std::string out =
        absl::StrCat(documents_ == 0 ? "[\n" : ",\n",
                     "{\"document\": ", *doc_json, ",\n \"claims\": [");
    for (int i = 0; i < e.claims_size(); ++i) {
      absl::StatusOr<std::string> json = MessageToJson(e.claims(i));
      if (!json.ok()) return json.status();
      absl::StrAppend(&out, i == 0 ? "\n  " : ",\n  ", *json);
    }
    absl::StrAppend(&out, "],\n \"entities\": [");
    for (int i = 0; i < e.entities_size(); ++i) {
      absl::StatusOr<std::string> json = MessageToJson(e.entities(i));
      if (!json.ok()) return json.status();
      absl::StrAppend(&out, i == 0 ? "\n  " : ",\n  ", *json);
    }
    absl::StrAppend(&out, "]}");
    ++documents_;
    return Emit(out);
  }

 private:
  absl::Status WriteEnd() override {
    return Emit(documents_ == 0 ? "[]\n" : "\n]\n");
  }

  int64_t documents_ = 0;
};

class TextprotoWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  absl::Status Write(const v1::Extraction& e) override {
    google::protobuf::TextFormat::Printer printer;
    printer.SetUseUtf8StringEscaping(true);
    std::string out;
    if (!printer.PrintToString(e, &out)) {
      return absl::InternalError("cannot print Extraction as text format");
    }
    out += "# ---\n";
    return Emit(out);
  }
};

using WireFormatLite = google::protobuf::internal::WireFormatLite;

// Writes `s` as field `field` (length-delimited), as
// WireFormatLite::WriteStringToArray() does, but inline (its
// CodedOutputStream::WriteStringWithSizeToArray() is a call into the
// library for every string).
inline uint8_t* PutStringAlways(int field, const std::string& s, uint8_t* p) {
  p = WireFormatLite::WriteTagToArray(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED, p);
  p = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
      static_cast<uint32_t>(s.size()), p);
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// The same, unless `s` is empty (a proto3 default).
inline uint8_t* PutString(int field, const std::string& s, uint8_t* p) {
  if (s.empty()) return p;
  return PutStringAlways(field, s, p);
}

// Writes message `m` as field `field`, its length the size ByteSizeLong()
// cached, then its fields with put(m, p), which returns where it stopped.
// When that is not the cached size (fields protobuf does not know, which
// `put` leaves out, count in it) the generated code writes them again.
template <typename M, typename Put>
inline uint8_t* PutMessage(int field, const M& m, uint8_t* p, Put put) {
  p = WireFormatLite::WriteTagToArray(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED, p);
  const int size = m.GetCachedSize();
  p = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
      static_cast<uint32_t>(size), p);
  uint8_t* const end = put(m, p);
  if (end == p + size) return end;
  return m.SerializeWithCachedSizesToArray(p);
}

inline uint8_t* PutGenerated(const google::protobuf::Message&, uint8_t* p) {
  return p;  // (the generated code writes it all)
}

inline uint8_t* PutSpan(const v1::Span& s, uint8_t* p) {
  if (s.begin() != 0) p = WireFormatLite::WriteUInt32ToArray(1, s.begin(), p);
  if (s.end() != 0) p = WireFormatLite::WriteUInt32ToArray(2, s.end(), p);
  return p;
}

inline uint8_t* PutMention(const v1::Mention& m, uint8_t* p) {
  p = PutString(1, m.text(), p);
  if (m.has_span()) p = PutMessage(2, m.span(), p, PutSpan);
  if (m.kind() != 0) p = WireFormatLite::WriteEnumToArray(3, m.kind(), p);
  p = PutString(4, m.entity_id(), p);
  p = PutString(5, m.canonical_name(), p);
  if (m.entity_type() != 0) p = WireFormatLite::WriteEnumToArray(6, m.entity_type(), p);
  return p;
}

inline uint8_t* PutCue(const v1::Cue& c, uint8_t* p) {
  p = PutString(1, c.text(), p);
  if (c.has_span()) p = PutMessage(2, c.span(), p, PutSpan);
  p = PutString(3, c.lemma(), p);
  if (c.negated()) p = WireFormatLite::WriteBoolToArray(4, true, p);
  return p;
}

// The bytes protobuf's generated Claim::SerializeWithCachedSizesToArray()
// writes (fields by number, proto3 defaults left out, the sizes ByteSizeLong()
// cached), without its UTF-8 check of every string: their text was checked
// where it came in (the reader checks each document's text; the rest are
// the lexicons' words and ASCII ids). Timestamps and reviews (rare, and
// without text to check but a review's) and a message with fields protobuf
// does not know are written by the generated code. (ClaimWriter
// PbMatchesGeneratedSerialization compares the two on every field.)
uint8_t* PutClaim(const v1::Claim& c, uint8_t* const start) {
  uint8_t* p = start;
  p = PutString(1, c.id(), p);
  p = PutString(2, c.document_id(), p);
  p = PutString(3, c.content(), p);
  for (const v1::Span& s : c.content_parts()) p = PutMessage(4, s, p, PutSpan);
  if (c.kind() != 0) p = WireFormatLite::WriteEnumToArray(5, c.kind(), p);
  if (c.has_cue()) p = PutMessage(6, c.cue(), p, PutCue);
  if (c.has_speaker()) p = PutMessage(7, c.speaker(), p, PutMention);
  if (c.has_addressee()) p = PutMessage(8, c.addressee(), p, PutMention);
  if (c.has_reported_via()) p = PutMessage(9, c.reported_via(), p, PutMention);
  p = PutString(10, c.reported_via_claim_id(), p);
  if (c.stance() != 0) p = WireFormatLite::WriteEnumToArray(11, c.stance(), p);
  if (c.without_evidence()) p = WireFormatLite::WriteBoolToArray(12, true, p);
  for (const std::string& t : c.topics()) p = PutStringAlways(13, t, p);
  const float confidence = c.confidence();
  uint32_t raw_confidence;
  std::memcpy(&raw_confidence, &confidence, sizeof(confidence));
  if (raw_confidence != 0) p = WireFormatLite::WriteFloatToArray(14, confidence, p);
  p = PutString(15, c.rule(), p);
  p = PutString(16, c.extractor_version(), p);
  if (c.has_published()) p = PutMessage(17, c.published(), p, PutGenerated);
  for (const v1::Review& r : c.reviews()) p = PutMessage(18, r, p, PutGenerated);
  if (p == start + c.GetCachedSize()) return p;
  return c.SerializeWithCachedSizesToArray(start);
}

class PbWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  absl::Status Write(const v1::Extraction& e) override {
    // Sized first, then written straight into one buffer kept from document
    // to document: no stream re-growing the string as it goes.
    size_t total = 0;
    for (const v1::Claim& c : e.claims()) {
      size_t size = c.ByteSizeLong();
      if (size > static_cast<size_t>(INT32_MAX)) {
        return absl::InternalError("cannot serialize Claim " + c.id());
      }
      total += google::protobuf::io::CodedOutputStream::VarintSize32(
                   static_cast<uint32_t>(size)) +
               size;
    }
    // (The buffer only grows: resizing it to each document's size would
    // fill the bytes it gains with zeros, to be overwritten at once.)
    if (buffer_.size() < total) buffer_.resize(total);
    uint8_t* const begin = buffer_.data();
    uint8_t* p = begin;
    for (const v1::Claim& c : e.claims()) {
      p = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
          static_cast<uint32_t>(c.GetCachedSize()), p);
      p = PutClaim(c, p);
    }
    if (p != begin + total) {
      return absl::InternalError("cannot serialize the claims of " +
                                 e.document().id());
    }
    return Emit(absl::string_view(reinterpret_cast<const char*>(begin), total));
  }
  bool WritesEntities() const override { return false; }

 private:
  std::vector<uint8_t> buffer_;
};

// A span of the claim that must index into `text` for the gold format.
absl::Status CheckSpan(const v1::Claim& c, absl::string_view role,
                       const v1::Span& s, absl::string_view text) {
  if (s.begin() > s.end() || s.end() > text.size() ||
      (s.begin() < text.size() && IsContinuation(text[s.begin()])) ||
      (s.end() < text.size() && IsContinuation(text[s.end()]))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "document ", c.document_id(), ": claim ", c.id(), ": ", role, " span [",
        s.begin(), ", ", s.end(), ") does not fit the text (", text.size(),
        " bytes, UTF-8)"));
  }
  return absl::OkStatus();
}

// Maps byte offsets of one text to code-point offsets (Python str indices)
// in one pass over the text, for the offsets registered with Add().
class CodePointMap {
 public:
  explicit CodePointMap(absl::string_view text) : text_(text) {}

  void Add(uint32_t byte) { bytes_.push_back(byte); }

  // REQUIRES: every added offset <= text.size().
  void Build() {
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    points_.resize(bytes_.size());
    size_t pos = 0;
    int64_t cps = 0;
    for (size_t k = 0; k < bytes_.size(); ++k) {
      for (; pos < bytes_[k]; ++pos) cps += !IsContinuation(text_[pos]);
      points_[k] = cps;
    }
  }

  int64_t operator()(uint32_t byte) const {
    auto it = std::lower_bound(bytes_.begin(), bytes_.end(), byte);
    return points_[it - bytes_.begin()];
  }

 private:
  absl::string_view text_;
  std::vector<uint32_t> bytes_;
  std::vector<int64_t> points_;
};

void AppendPair(int64_t a, int64_t b, std::string* out) {
  absl::StrAppend(out, "[", a, ", ", b, "]");
}

void AppendNullableString(absl::string_view s, std::string* out) {
  if (s.empty()) {
    out->append("null");
  } else {
    internal::AppendJsonString(s, out);
  }
}

absl::string_view MentionName(bool has, const v1::Mention& m) {
  if (!has) return "";
  return m.canonical_name().empty() ? absl::string_view(m.text())
                                    : absl::string_view(m.canonical_name());
}

// Appends "key": [cp, cp], "key_bytes": [b, b] for `span`, or nulls.
void AppendRole(absl::string_view key, const v1::Span* span,
                const CodePointMap& cp, std::string* out) {
  absl::StrAppend(out, ", \"", key, "\": ");
  if (span == nullptr) {
    absl::StrAppend(out, "null, \"", key, "_bytes\": null");
    return;
  }
  AppendPair(cp(span->begin()), cp(span->end()), out);
  absl::StrAppend(out, ", \"", key, "_bytes\": ");
  AppendPair(span->begin(), span->end(), out);
}

const v1::Span* SpanIfAny(bool has, const v1::Span& s) {
  return has && s.end() > s.begin() ? &s : nullptr;
}

// The gold README's format. Kept in step with whosaid/gold.h, which reads it.
class AnnotationsWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  absl::Status Write(const v1::Extraction& e) override {
    const v1::Document& d = e.document();
    absl::string_view text = d.text();
    CodePointMap cp(text);
    for (const v1::Claim& c : e.claims()) {
      if (c.content_parts().empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "document ", d.id(), ": claim ", c.id(), " has no content span"));
      }
      std::vector<std::pair<const char*, const v1::Span*>> spans;
      for (const v1::Span& s : c.content_parts())
        spans.push_back({"content", &s});
      spans.push_back({"speaker", &c.speaker().span()});
      spans.push_back({"cue", &c.cue().span()});
      for (auto [role, s] : spans) {
        absl::Status st = CheckSpan(c, role, *s, text);
        if (!st.ok()) return st;
        cp.Add(s->begin());
        cp.Add(s->end());
      }
    }
    cp.Build();
    std::string out = "{\"id\": ";
    internal::AppendJsonString(d.id(), &out);
    out += ", \"source\": \"whosaid\", \"text\": ";
    internal::AppendJsonString(text, &out);
    AppendMeta(d, &out);
    out += ", \"quotes\": [";
    for (int i = 0; i < e.claims_size(); ++i) {
      if (i > 0) out += ", ";
      AppendQuote(e.claims(i), cp, &out);
    }
    out += "]}\n";
    return Emit(out);
  }

 private:
  static void AppendMeta(const v1::Document& d, std::string* out) {
    std::vector<std::pair<const char*, std::string>> meta;
    if (!d.title().empty()) meta.push_back({"title", d.title()});
    if (!d.outlet().empty()) meta.push_back({"publisher", d.outlet()});
    if (d.has_published()) {
      meta.push_back(
          {"publication_date",
           absl::FormatTime("%Y-%m-%d",
                            absl::FromUnixSeconds(d.published().seconds()),
                            absl::UTCTimeZone())});
    }
    if (!d.url().empty()) meta.push_back({"url", d.url()});
    if (meta.empty()) return;
    *out += ", \"meta\": {";
    for (size_t i = 0; i < meta.size(); ++i) {
      absl::StrAppend(out, i > 0 ? ", \"" : "\"", meta[i].first, "\": ");
      internal::AppendJsonString(meta[i].second, out);
    }
    *out += "}";
  }

  static void AppendQuote(const v1::Claim& c, const CodePointMap& cp,
                          std::string* out) {
    const auto& parts = c.content_parts();
    v1::Span hull;
    hull.set_begin(parts[0].begin());
    hull.set_end(parts[0].end());
    for (const v1::Span& p : parts) {
      hull.set_begin(std::min(hull.begin(), p.begin()));
      hull.set_end(std::max(hull.end(), p.end()));
    }
    *out += "{\"content\": ";
    AppendPair(cp(hull.begin()), cp(hull.end()), out);
    *out += ", \"content_bytes\": ";
    AppendPair(hull.begin(), hull.end(), out);
    if (parts.size() > 1) {
      for (bool bytes : {false, true}) {
        *out +=
            bytes ? ", \"content_parts_bytes\": [" : ", \"content_parts\": [";
        for (int i = 0; i < parts.size(); ++i) {
          if (i > 0) *out += ", ";
          if (bytes) {
            AppendPair(parts[i].begin(), parts[i].end(), out);
          } else {
            AppendPair(cp(parts[i].begin()), cp(parts[i].end()), out);
          }
        }
        *out += "]";
      }
    }
    const v1::Span* speaker = SpanIfAny(c.has_speaker(), c.speaker().span());
    AppendRole("speaker", speaker, cp, out);
    *out += ", \"speaker_text\": ";
    AppendNullableString(speaker != nullptr ? c.speaker().text() : "", out);
    AppendRole("cue", SpanIfAny(c.has_cue(), c.cue().span()), cp, out);
    absl::StrAppend(
        out, ", \"kind\": \"",
        c.kind() == v1::CLAIM_KIND_UNSPECIFIED
            ? std::string("unknown")
            : EnumWord(v1::ClaimKind_descriptor(), c.kind(), "CLAIM_KIND_"),
        "\"");
    *out += ", \"speaker_canonical\": ";
    AppendNullableString(
        c.has_speaker() ? c.speaker().canonical_name() : std::string(), out);
    std::string stance;
    if (c.stance() != v1::STANCE_UNSPECIFIED) {
      stance = EnumWord(v1::Stance_descriptor(), c.stance(), "STANCE_");
      if (c.stance() == v1::STANCE_CLAIM && c.without_evidence()) {
        stance += "_without_evidence";
      }
    }
    *out += ", \"stance\": ";
    AppendNullableString(stance, out);
    *out += ", \"addressee_canonical\": ";
    AppendNullableString(MentionName(c.has_addressee(), c.addressee()), out);
    *out += ", \"reported_via\": ";
    AppendNullableString(MentionName(c.has_reported_via(), c.reported_via()),
                         out);
    *out += "}";
  }
};

// A std::streambuf over a C FILE*: each write goes to fwrite (stdio does
// the buffering), so the stream's badbit reflects write failures.
class FileStreamBuf : public std::streambuf {
 public:
  explicit FileStreamBuf(FILE* file) : file_(file) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    return static_cast<std::streamsize>(
        std::fwrite(s, 1, static_cast<size_t>(n), file_));
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return 0;
    char ch = traits_type::to_char_type(c);
    return std::fwrite(&ch, 1, 1, file_) == 1 ? c : traits_type::eof();
  }
  int sync() override {
    return std::fflush(file_) == 0 && !std::ferror(file_) ? 0 : -1;
  }

 private:
  FILE* const file_;
};

// Owns the ostream over a FILE* and forwards to the real writer.
class FileWriter : public ClaimWriter {
 public:
  FileWriter(FILE* file, absl::string_view format)
      : buf_(file), stream_(&buf_), format_(format) {}

  absl::Status Init() {
    auto inner = ClaimWriter::Create(format_, &stream_);
    if (!inner.ok()) return inner.status();
    inner_ = std::move(*inner);
    return absl::OkStatus();
  }
  absl::Status Write(const v1::Extraction& e) override {
    return inner_->Write(e);
  }
  absl::Status Finish() override { return inner_->Finish(); }
  bool WritesEntities() const override { return inner_->WritesEntities(); }

 private:
  FileStreamBuf buf_;
  std::ostream stream_;
  std::string format_;
  std::unique_ptr<ClaimWriter> inner_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ClaimWriter>> ClaimWriter::Create(
    absl::string_view format, FILE* file) {
  auto w = std::make_unique<FileWriter>(file, format);
  absl::Status s = w->Init();
  if (!s.ok()) return s;
  return std::unique_ptr<ClaimWriter>(std::move(w));
}

std::string FormatClaimText(const v1::Claim& c, absl::string_view text) {
  std::string out;
  std::string speaker =
      c.has_speaker() ? MentionLabel(c.speaker(), true) : std::string();
  absl::StrAppend(&out, speaker.empty() ? "(no speaker)" : speaker);
  if (!c.cue().text().empty()) absl::StrAppend(&out, " -- ", c.cue().text());
  std::vector<std::string> tags;
  if (c.stance() != v1::STANCE_UNSPECIFIED) {
    tags.push_back(EnumWord(v1::Stance_descriptor(), c.stance(), "STANCE_"));
  }
  if (c.without_evidence()) tags.push_back("without evidence");
  if (c.cue().negated()) tags.push_back("negated");
  if (c.kind() != v1::CLAIM_KIND_UNSPECIFIED) {
    tags.push_back(
        EnumWord(v1::ClaimKind_descriptor(), c.kind(), "CLAIM_KIND_"));
  }
  if (!tags.empty())
    absl::StrAppend(&out, " [", absl::StrJoin(tags, ", "), "]");
  out += "\n";
  std::string to = c.has_addressee() ? MentionLabel(c.addressee(), false) : "";
  std::string via =
      c.has_reported_via() ? MentionLabel(c.reported_via(), false) : "";
  if (!to.empty() || !via.empty()) {
    out += kIndent;
    if (!to.empty()) absl::StrAppend(&out, "to ", to);
    if (!to.empty() && !via.empty()) out += "; ";
    if (!via.empty()) absl::StrAppend(&out, "via ", via);
    out += "\n";
  }
  AppendWrapped(absl::StrCat("\"", ContentOf(c, text), "\""), kIndent, &out);
  if (!c.content_parts().empty()) {
    absl::StrAppend(&out, kIndent, "bytes ", SpanList(c.content_parts()), "\n");
  }
  return out;
}

const std::vector<std::string>& ClaimWriter::Formats() {
  static const std::vector<std::string>* const kFormats =
      new std::vector<std::string>{"text",      "jsonl", "json",
                                   "textproto", "pb",    "annotations"};
  return *kFormats;
}

absl::StatusOr<std::unique_ptr<ClaimWriter>> ClaimWriter::Create(
    absl::string_view format, std::ostream* out) {
  std::unique_ptr<ClaimWriter> w;
  if (format == "text") {
    w = std::make_unique<TextWriter>(out);
  } else if (format == "jsonl") {
    w = std::make_unique<JsonlWriter>(out);
  } else if (format == "json") {
    w = std::make_unique<JsonWriter>(out);
  } else if (format == "textproto") {
    w = std::make_unique<TextprotoWriter>(out);
  } else if (format == "pb") {
    w = std::make_unique<PbWriter>(out);
  } else if (format == "annotations") {
    w = std::make_unique<AnnotationsWriter>(out);
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown output format '", format,
        "' (expected one of: ", absl::StrJoin(Formats(), ", "), ")"));
  }
  return w;
}

}  // namespace whosaid
