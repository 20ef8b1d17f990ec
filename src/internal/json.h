// A small JSON (RFC 8259) DOM parser and string writer, for the files whosaid
// reads line by line: JSONL articles and gold annotations. It is strict (no
// comments, no trailing commas, no NaN) and fast on the shape news takes: one
// object per line, most of its bytes in one long string.
//
//   absl::StatusOr<JsonValue> v = ParseJson(R"({"id": 7, "text": "Hi"})");
//   if (!v.ok()) return v.status();   // "column 12: expected ..."
//   const JsonValue* text = v->Find("text");
//   if (text != nullptr && text->is_string()) Use(text->string_value());
//
//   std::string out;
//   AppendJsonString("say \"hi\"\n", &out);   // out == R"("say \"hi\"\n")"
//
// A JsonValue is a plain value type: copyable, movable, and safe to read from
// several threads at once (not to mutate while others read).
#ifndef WHOSAID_INTERNAL_JSON_H_
#define WHOSAID_INTERNAL_JSON_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace whosaid {
namespace internal {

// One JSON value: null, a boolean, a number, a string, an array or an object.
//
// Objects keep their keys in document order, duplicates included (RFC 8259
// leaves duplicates to the reader; Find() returns the first). Strings hold
// the unescaped UTF-8 text. Numbers keep both their double value and the
// exact text they were written with, so integers beyond 2^53 are not lost.
class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  // A null value.
  JsonValue() = default;

  static JsonValue Bool(bool b);
  // `raw` is the number as written ("1e3"); if empty, it is derived from
  // `d` (shortest round-tripping form).
  static JsonValue Number(double d, std::string raw = "");
  static JsonValue String(std::string s);
  static JsonValue Array();
  static JsonValue Object();

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  // Accessors. Each REQUIRES the matching type; on another type they return
  // false, 0, or an empty string/vector rather than crash.
  bool bool_value() const { return is_bool() && bool_; }
  double number() const { return is_number() ? number_ : 0; }
  // The number exactly as written in the input, e.g. "-12.50e3".
  const std::string& raw_number() const;
  const std::string& string_value() const;
  // Elements of an array.
  const std::vector<JsonValue>& array() const;
  // Keys and values of an object, in input order; keys()[i] names values()[i].
  const std::vector<std::string>& keys() const;
  const std::vector<JsonValue>& values() const;
  size_t size() const { return items_.size(); }

  // For an object: the value of the first member named `key`, or nullptr if
  // there is none (or this is not an object). Linear in the member count.
  // The pointer is valid until this value is modified or destroyed.
  const JsonValue* Find(absl::string_view key) const;
  // The same, mutable: lets a caller move a large string out
  // (`std::move(*v->FindMutable("text")->mutable_string())`).
  JsonValue* FindMutable(absl::string_view key);

  // Builders. Append REQUIRES is_array(); Set REQUIRES is_object() (appends
  // a member; does not replace an existing one). They return the new element.
  JsonValue* Append(JsonValue v);
  JsonValue* Set(std::string key, JsonValue v);
  // Room for `n` members of an object without reallocation.
  void ReserveMembers(size_t n);
  std::string* mutable_string() { return &str_; }

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string str_;  // string value, or the raw text of a number
  std::vector<std::string> keys_;
  std::vector<JsonValue> items_;  // array elements or object values
};

// Parses `text` as exactly one JSON value, surrounded by optional whitespace.
//
// On error returns kInvalidArgument whose message starts with the 1-based
// byte column where parsing stopped and says what was expected:
//   "column 37: expected ':' after object key".
// Rejected: anything RFC 8259 rejects (trailing commas, comments, single
// quotes, leading zeros, NaN, raw control characters in strings), invalid
// UTF-8 inside strings, \u escapes that leave a surrogate unpaired, trailing
// non-space bytes, and arrays/objects nested deeper than kMaxJsonDepth.
absl::StatusOr<JsonValue> ParseJson(absl::string_view text);

// Maximum nesting of arrays and objects accepted by ParseJson().
inline constexpr int kMaxJsonDepth = 256;

// Appends `s` to `*out` as a quoted JSON string: '"' and '\' are escaped,
// control characters become \n, \t, \r, \b, \f or \u00XX, everything else
// (UTF-8 included) is copied as is. Bytes that are not valid UTF-8 are
// replaced by U+FFFD, so the result is always valid JSON.
void AppendJsonString(absl::string_view s, std::string* out);

// Appends `v` to `*out` as compact JSON (no spaces). Numbers are written
// with their raw text. The inverse of ParseJson() up to whitespace and
// escaping.
void AppendJson(const JsonValue& v, std::string* out);

// If `text[pos]` starts a valid UTF-8 sequence (no overlongs, no surrogates,
// nothing above U+10FFFF) returns its length 1..4, else 0.
// REQUIRES: pos < text.size().
int Utf8SequenceLength(absl::string_view text, size_t pos);

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_JSON_H_
