#include "internal/json.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/numeric/bits.h"
#include "absl/strings/charconv.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace whosaid {
namespace internal {

namespace {

const std::string& EmptyString() {
  static const std::string* const kEmpty = new std::string();
  return *kEmpty;
}

const std::vector<JsonValue>& EmptyValues() {
  static const std::vector<JsonValue>* const kEmpty =
      new std::vector<JsonValue>();
  return *kEmpty;
}

const std::vector<std::string>& EmptyKeys() {
  static const std::vector<std::string>* const kEmpty =
      new std::vector<std::string>();
  return *kEmpty;
}

// SWAR tests on 8 bytes at a time. Each is exact about whether *some* byte
// matches (not about which), which is all the fast paths need.
constexpr uint64_t kOnes = ~uint64_t{0} / 255;
constexpr uint64_t kHighs = kOnes * 0x80;

inline uint64_t HasZeroByte(uint64_t x) { return (x - kOnes) & ~x & kHighs; }
inline uint64_t HasByteLess(uint64_t x, uint8_t n) {
  return (x - kOnes * n) & ~x & kHighs;
}

inline uint64_t Load8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// The high bit of the bytes of the word that are '"', '\\', a control
// character or not ASCII: the bytes a JSON string scanner must stop at.
// Only the lowest bit set is sure to mark such a byte (a borrow can mark a
// byte after one), which is the first of them in memory order.
inline uint64_t AttentionMask(uint64_t x) {
  return (x & kHighs) | HasByteLess(x, 0x20) | HasZeroByte(x ^ (kOnes * '"')) |
         HasZeroByte(x ^ (kOnes * '\\'));
}

#if defined(__SSE2__)
// The bit mask of the 16 bytes at `p` that AttentionMask() marks. XOR 2
// turns '"' (0x22), and no other byte, into a space (0x20), and keeps the
// control characters below 0x20; as signed bytes those from 0x80 on are
// below it too. The three are the bytes whose XOR less 0x21, saturated,
// has the high bit set (no comparison: the mask is of the high bits).
inline uint32_t Attention16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i below =
      _mm_subs_epi8(_mm_xor_si128(v, _mm_set1_epi8(2)), _mm_set1_epi8(0x21));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  return static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_or_si128(below, backslash)));
}
#endif

// The first byte in [p, end) that AttentionMask() marks, or, when none is
// found before, a position fewer than 8 bytes before `end`: the callers read
// the bytes left one at a time. A document's text is mostly plain bytes, so
// this loop is most of what reading it costs.
inline const char* SkipPlain(const char* p, const char* end) {
#if defined(__SSE2__)
  // 32 bytes a step (a document's text has a byte to stop at every 70 or
  // so: an escaped line break or quotation mark, a curly mark), then 16.
  while (end - p >= 32) {
    const uint32_t mask = Attention16(p) | Attention16(p + 16) << 16;
    if (mask != 0) return p + absl::countr_zero(mask);
    p += 32;
  }
  if (end - p >= 16) {
    const uint32_t mask = Attention16(p);
    if (mask != 0) return p + absl::countr_zero(mask);
    p += 16;
  }
#endif
  while (end - p >= 8) {
    const uint64_t attention = AttentionMask(Load8(p));
    if (attention != 0) return p + absl::countr_zero(attention) / 8;
    p += 8;
  }
  return p;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Room for the members of an object from the start: a document's line has
// a few ("id", "text", "title", ...), and vectors grown one member at a time
// would allocate and move them again at the second and the third.
constexpr size_t kReservedMembers = 4;

// Recursive-descent parser over one buffer. Errors are recorded once (the
// first) and every routine returns false from then on.
class Parser {
 public:
  explicit Parser(absl::string_view text)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()) {}

  absl::StatusOr<JsonValue> ParseDocument() {
    JsonValue v;
    SkipSpace();
    if (!ParseValue(&v, 0)) return Error();
    SkipSpace();
    if (p_ != end_) {
      Fail("expected end of input after JSON value");
      return Error();
    }
    return v;
  }

 private:
  absl::Status Error() const {
    return absl::InvalidArgumentError(
        absl::StrCat("column ", error_pos_ - begin_ + 1, ": ", error_));
  }

  bool Fail(absl::string_view what) { return FailAt(p_, what); }
  bool FailAt(const char* where, absl::string_view what) {
    error_pos_ = where;
    error_ = std::string(what);
    return false;
  }

  void SkipSpace() {
    while (p_ < end_ &&
           (*p_ == ' ' || *p_ == '\n' || *p_ == '\t' || *p_ == '\r')) {
      ++p_;
    }
  }

  bool Consume(absl::string_view word) {
    if (static_cast<size_t>(end_ - p_) >= word.size() &&
        std::memcmp(p_, word.data(), word.size()) == 0) {
      p_ += word.size();
      return true;
    }
    return false;
  }

  bool ParseValue(JsonValue* out, int depth) {
    if (p_ == end_) return Fail("expected a value, found end of input");
    switch (*p_) {
      case '{':
        return ParseObject(out, depth + 1);
      case '[':
        return ParseArray(out, depth + 1);
      case '"':
        *out = JsonValue::String("");
        return ParseString(out->mutable_string());
      case 't':
        if (!Consume("true")) return Fail("expected a value");
        *out = JsonValue::Bool(true);
        return true;
      case 'f':
        if (!Consume("false")) return Fail("expected a value");
        *out = JsonValue::Bool(false);
        return true;
      case 'n':
        if (!Consume("null")) return Fail("expected a value");
        *out = JsonValue();
        return true;
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return ParseNumber(out);
        return Fail("expected a value");
    }
  }

  bool ParseObject(JsonValue* out, int depth) {
    if (depth > kMaxJsonDepth) {
      return Fail(absl::StrCat("nesting deeper than ", kMaxJsonDepth));
    }
    ++p_;  // '{'
    *out = JsonValue::Object();
    out->ReserveMembers(kReservedMembers);
    SkipSpace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    while (true) {
      if (p_ == end_ || *p_ != '"') {
        return Fail("expected '\"' to start an object key");
      }
      std::string key;
      if (!ParseString(&key)) return false;
      SkipSpace();
      if (p_ == end_ || *p_ != ':') {
        return Fail("expected ':' after object key");
      }
      ++p_;
      SkipSpace();
      JsonValue* v = out->Set(std::move(key), JsonValue());
      if (!ParseValue(v, depth)) return false;
      SkipSpace();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        SkipSpace();
        continue;
      }
      if (p_ < end_ && *p_ == '}') {
        ++p_;
        return true;
      }
      return Fail("expected ',' or '}' in object");
    }
  }

  bool ParseArray(JsonValue* out, int depth) {
    if (depth > kMaxJsonDepth) {
      return Fail(absl::StrCat("nesting deeper than ", kMaxJsonDepth));
    }
    ++p_;  // '['
    *out = JsonValue::Array();
    SkipSpace();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    while (true) {
      JsonValue* v = out->Append(JsonValue());
      if (!ParseValue(v, depth)) return false;
      SkipSpace();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        SkipSpace();
        continue;
      }
      if (p_ < end_ && *p_ == ']') {
        ++p_;
        return true;
      }
      return Fail("expected ',' or ']' in array");
    }
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool ParseNumber(JsonValue* out) {
    const char* start = p_;
    if (*p_ == '-') ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return Fail("expected a digit");
    if (*p_ == '0') {
      ++p_;
      if (p_ < end_ && IsDigit(*p_)) {
        return Fail("leading zeros are not allowed in numbers");
      }
    } else {
      while (p_ < end_ && IsDigit(*p_)) ++p_;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || !IsDigit(*p_)) {
        return Fail("expected a digit after '.'");
      }
      while (p_ < end_ && IsDigit(*p_)) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !IsDigit(*p_)) {
        return Fail("expected a digit in the exponent");
      }
      while (p_ < end_ && IsDigit(*p_)) ++p_;
    }
    std::string raw(start, p_ - start);
    double d = 0;
    absl::from_chars_result r = absl::from_chars(start, p_, d);
    if (r.ec != std::errc()) {
      // Out of range ("1e999"): strtod gives +-inf or 0 as it should. The
      // raw text keeps the exact value anyway.
      d = std::strtod(raw.c_str(), nullptr);
    }
    *out = JsonValue::Number(d, std::move(raw));
    return true;
  }

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  // Reads "\uXXXX" at p_ (the backslash already consumed: p_ at 'u').
  bool ParseHex4(uint32_t* cp) {
    if (end_ - p_ < 5) return Fail("expected 4 hex digits after \\u");
    uint32_t v = 0;
    for (int i = 1; i <= 4; ++i) {
      int h = HexValue(p_[i]);
      if (h < 0) return FailAt(p_ + i, "expected 4 hex digits after \\u");
      v = v * 16 + h;
    }
    p_ += 5;
    *cp = v;
    return true;
  }

  bool ParseEscape(std::string* out) {
    const char* at = p_;  // the backslash
    ++p_;
    if (p_ == end_) return Fail("unterminated escape in string");
    char c = *p_;
    switch (c) {
      case '"':
        out->push_back('"');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '/':
        out->push_back('/');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        uint32_t cp;
        if (!ParseHex4(&cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return FailAt(at, "lone low surrogate in \\u escape");
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
            return FailAt(at,
                          "high surrogate not followed by \\u low surrogate");
          }
          ++p_;
          uint32_t lo;
          if (!ParseHex4(&lo)) return false;
          if (lo < 0xDC00 || lo > 0xDFFF) {
            return FailAt(at, "high surrogate not followed by a low surrogate");
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        AppendUtf8(cp, out);
        return true;
      }
      default:
        return Fail("invalid escape character in string");
    }
    ++p_;
    return true;
  }

  // p_ at the opening quote. Appends the unescaped content to *out.
  // The bytes between the opening quotation mark at `open` and the closing
  // one (a bound on the unescaped length); 0 if there is none.
  size_t EscapedLength(const char* open) const {
    const char* q = open + 1;
    while (q < end_) {
      q = static_cast<const char*>(std::memchr(q, '"', end_ - q));
      if (q == nullptr) return 0;
      // Escaped when an odd number of backslashes stands before it.
      const char* b = q;
      while (b > open + 1 && b[-1] == '\\') --b;
      if ((q - b) % 2 == 0) return static_cast<size_t>(q - open - 1);
      ++q;
    }
    return 0;
  }

  // The length of the UTF-8 sequence at p_ (a byte from 0x80), 0 if it is
  // none: two-byte sequences and the common three-byte ones (curly
  // quotation marks, dashes) inline, the others by Utf8SequenceLength().
  int SequenceLength() const {
    const auto* q = reinterpret_cast<const unsigned char*>(p_);
    const unsigned char c = q[0];
    auto cont = [q](int i) { return (q[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF && end_ - p_ >= 2) return cont(1) ? 2 : 0;
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && end_ - p_ >= 3) {
      return cont(1) && cont(2) ? 3 : 0;
    }
    return Utf8SequenceLength(absl::string_view(begin_, end_ - begin_),
                              p_ - begin_);
  }

  bool ParseString(std::string* out) {
    const char* open = p_;
    ++p_;
    const char* run = p_;  // start of bytes not yet copied to *out
    while (true) {
      // Fast path: straight to the first byte that needs attention.
      p_ = SkipPlain(p_, end_);
      if (p_ == end_) {
        return FailAt(open, "unterminated string");
      }
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out->append(run, p_ - run);
        ++p_;
        return true;
      }
      if (c == '\\') {
        // At the first escape of a string that goes on, room for all of it
        // at once: a document's text (its line breaks and quotation marks
        // escaped) would otherwise grow and be copied a dozen times.
        if (out->empty()) out->reserve(EscapedLength(open));
        out->append(run, p_ - run);
        // (Escapes come in runs, \n\n between paragraphs: read on here,
        // not from a search that would stop at once.)
        do {
          if (!ParseEscape(out)) return false;
        } while (p_ < end_ && *p_ == '\\');
        run = p_;
      } else if (c < 0x20) {
        return Fail("control character in string must be escaped");
      } else if (c >= 0x80) {
        int n = SequenceLength();
        if (n == 0) return Fail("invalid UTF-8 in string");
        p_ += n;
      } else {
        ++p_;
      }
    }
  }

  const char* const begin_;
  const char* p_;
  const char* const end_;
  const char* error_pos_ = nullptr;
  std::string error_;
};

}  // namespace

JsonValue JsonValue::Bool(bool b) {
  JsonValue v;
  v.type_ = Type::kBool;
  v.bool_ = b;
  return v;
}

JsonValue JsonValue::Number(double d, std::string raw) {
  JsonValue v;
  v.type_ = Type::kNumber;
  v.number_ = d;
  if (raw.empty()) {
    if (d == static_cast<double>(static_cast<int64_t>(d)) && d < 9e15 &&
        d > -9e15) {
      raw = absl::StrCat(static_cast<int64_t>(d));
    } else if (d != d || d - d != 0) {  // NaN or inf: not JSON
      raw = "null";
    } else {
      raw = absl::StrFormat("%.17g", d);
    }
  }
  v.str_ = std::move(raw);
  return v;
}

JsonValue JsonValue::String(std::string s) {
  JsonValue v;
  v.type_ = Type::kString;
  v.str_ = std::move(s);
  return v;
}

JsonValue JsonValue::Array() {
  JsonValue v;
  v.type_ = Type::kArray;
  return v;
}

JsonValue JsonValue::Object() {
  JsonValue v;
  v.type_ = Type::kObject;
  return v;
}

const std::string& JsonValue::raw_number() const {
  return is_number() ? str_ : EmptyString();
}

const std::string& JsonValue::string_value() const {
  return is_string() ? str_ : EmptyString();
}

const std::vector<JsonValue>& JsonValue::array() const {
  return is_array() ? items_ : EmptyValues();
}

const std::vector<std::string>& JsonValue::keys() const {
  return is_object() ? keys_ : EmptyKeys();
}

const std::vector<JsonValue>& JsonValue::values() const {
  return is_object() ? items_ : EmptyValues();
}

const JsonValue* JsonValue::Find(absl::string_view key) const {
  if (!is_object()) return nullptr;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return &items_[i];
  }
  return nullptr;
}

JsonValue* JsonValue::FindMutable(absl::string_view key) {
  return const_cast<JsonValue*>(static_cast<const JsonValue*>(this)->Find(key));
}

JsonValue* JsonValue::Append(JsonValue v) {
  items_.push_back(std::move(v));
  return &items_.back();
}

void JsonValue::ReserveMembers(size_t n) {
  keys_.reserve(n);
  items_.reserve(n);
}

JsonValue* JsonValue::Set(std::string key, JsonValue v) {
  keys_.push_back(std::move(key));
  items_.push_back(std::move(v));
  return &items_.back();
}

int Utf8SequenceLength(absl::string_view text, size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  unsigned char c = s[pos];
  if (c < 0x80) return 1;
  auto cont = [&](size_t i) { return i < n && (s[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(pos + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (pos + 1 >= n) return 0;
    unsigned char c1 = s[pos + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
    return cont(pos + 1) && cont(pos + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (pos + 1 >= n) return 0;
    unsigned char c1 = s[pos + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // above U+10FFFF
    return cont(pos + 1) && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
  }
  return 0;
}

absl::StatusOr<JsonValue> ParseJson(absl::string_view text) {
  return Parser(text).ParseDocument();
}

void AppendJsonString(absl::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  const char* const base = s.data();
  const size_t n = s.size();
  size_t i = 0;
  size_t run = 0;  // start of bytes not yet copied
  while (true) {
    // Straight to the first byte that is not plain.
    i = SkipPlain(base + i, base + n) - base;
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(base[i]);
    if (c >= 0x80) {
      int len = Utf8SequenceLength(s, i);
      if (len > 0) {
        i += len;
        continue;
      }
      out->append(base + run, i - run);
      out->append("\xEF\xBF\xBD");  // U+FFFD
      run = ++i;
      continue;
    }
    if (c != '"' && c != '\\' && c >= 0x20) {
      ++i;
      continue;
    }
    out->append(base + run, i - run);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default: {
        char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(esc, 6);
      }
    }
    run = ++i;
  }
  out->append(base + run, n - run);
  out->push_back('"');
}

void AppendJson(const JsonValue& v, std::string* out) {
  switch (v.type()) {
    case JsonValue::Type::kNull:
      out->append("null");
      return;
    case JsonValue::Type::kBool:
      out->append(v.bool_value() ? "true" : "false");
      return;
    case JsonValue::Type::kNumber:
      out->append(v.raw_number());
      return;
    case JsonValue::Type::kString:
      AppendJsonString(v.string_value(), out);
      return;
    case JsonValue::Type::kArray: {
      out->push_back('[');
      bool first = true;
      for (const JsonValue& e : v.array()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJson(e, out);
      }
      out->push_back(']');
      return;
    }
    case JsonValue::Type::kObject: {
      out->push_back('{');
      for (size_t i = 0; i < v.keys().size(); ++i) {
        if (i > 0) out->push_back(',');
        AppendJsonString(v.keys()[i], out);
        out->push_back(':');
        AppendJson(v.values()[i], out);
      }
      out->push_back('}');
      return;
    }
  }
}

}  // namespace internal
}  // namespace whosaid
