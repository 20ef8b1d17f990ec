#include "internal/json.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace whosaid {
namespace internal {
namespace {

using ::testing::HasSubstr;

// Parses, then writes back compactly: a compact form that shows what was
// understood (keys in order, strings unescaped and re-escaped).
std::string RoundTrip(absl::string_view in) {
  absl::StatusOr<JsonValue> v = ParseJson(in);
  if (!v.ok()) return "ERROR " + std::string(v.status().message());
  std::string out;
  AppendJson(*v, &out);
  return out;
}

TEST(ParseJson, ValidInputs) {
  struct Case {
    const char* in;
    const char* want;  // compact re-serialisation
  } cases[] = {
      {"null", "null"},
      {" true ", "true"},
      {"false", "false"},
      {"0", "0"},
      {"-0", "-0"},
      {"12.5e-3", "12.5e-3"},
      {"1E+2", "1E+2"},
      {"\"\"", "\"\""},
      {"[]", "[]"},
      {"{}", "{}"},
      {" [ 1 , [ 2 ] , { } ] ", "[1,[2],{}]"},
      {"{\"b\": 1, \"a\": 2, \"b\": 3}", "{\"b\":1,\"a\":2,\"b\":3}"},
      {"\t\r\n{\"k\":\"v\"}\n", "{\"k\":\"v\"}"},
      {R"("a\"b\\c\/d\b\f\n\r\t")", R"("a\"b\\c/d\b\f\n\r\t")"},
      {R"("\u0041\u00e9\u20AC")", "\"A\xC3\xA9\xE2\x82\xAC\""},
      {R"("\ud83d\ude00")", "\"\xF0\x9F\x98\x80\""},  // surrogate pair
      {R"("\u0000")", R"("\u0000")"},
      {"\"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\"",
       "\"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\""},
      {"\"\xF4\x8F\xBF\xBF\"", "\"\xF4\x8F\xBF\xBF\""},  // U+10FFFF
      {"\"a long string with more than eight bytes in a row\"",
       "\"a long string with more than eight bytes in a row\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(RoundTrip(c.in), c.want);
  }
}

TEST(ParseJson, InvalidInputsNameColumnAndExpectation) {
  struct Case {
    std::string in;
    const char* want;  // substring of the error message
  } cases[] = {
      {"", "column 1: expected a value, found end of input"},
      {"   ", "column 4: expected a value"},
      {"nul", "column 1: expected a value"},
      {"{\"a\" 1}", "column 6: expected ':' after object key"},
      {"{\"a\":1,}", "column 8: expected '\"' to start an object key"},
      {"{a:1}", "column 2: expected '\"' to start an object key"},
      {"[1,]", "column 4: expected a value"},
      {"[1 2]", "column 4: expected ',' or ']' in array"},
      {"{\"a\":1 \"b\":2}", "column 8: expected ',' or '}' in object"},
      {"01", "column 2: leading zeros"},
      {"1.", "column 3: expected a digit after '.'"},
      {"1e", "column 3: expected a digit in the exponent"},
      {"-", "column 2: expected a digit"},
      {"NaN", "column 1: expected a value"},
      {"'a'", "column 1: expected a value"},
      {"1 2", "column 3: expected end of input"},
      {"{} x", "column 4: expected end of input"},
      {"\"abc", "column 1: unterminated string"},
      {"\"a\nb\"", "column 3: control character in string"},
      {"\"\\x\"", "column 3: invalid escape"},
      {"\"\\u12g4\"", "column 6: expected 4 hex digits"},
      {"\"\\u12\"", "expected 4 hex digits"},
      {"\"\\udc00\"", "column 2: lone low surrogate"},
      {"\"\\ud800\"", "column 2: high surrogate not followed"},
      {"\"\\ud800\\u0041\"", "column 2: high surrogate not followed"},
      {"\"ab\xFF\"", "column 4: invalid UTF-8"},
      {"\"\xC0\xAF\"", "column 2: invalid UTF-8"},          // overlong '/'
      {"\"\xED\xA0\x80\"", "column 2: invalid UTF-8"},      // raw surrogate
      {"\"\xF4\x90\x80\x80\"", "column 2: invalid UTF-8"},  // > U+10FFFF
      {"\"\xE2\x82\"", "column 2: invalid UTF-8"},          // truncated
      {std::string("\"a\0b\"", 5), "column 3: control character"},
      {std::string(257, '[') + std::string(257, ']'), "nesting deeper"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    absl::StatusOr<JsonValue> v = ParseJson(c.in);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(v.status().message()), HasSubstr(c.want));
  }
}

TEST(ParseJson, DepthLimitIsExactly256) {
  std::string ok =
      std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(ParseJson(ok).ok());
  std::string objects;
  for (int i = 0; i < kMaxJsonDepth + 1; ++i) objects += "{\"a\":";
  objects += "1" + std::string(kMaxJsonDepth + 1, '}');
  EXPECT_FALSE(ParseJson(objects).ok());
  // Deep nesting far beyond the limit fails cleanly (no stack overflow).
  EXPECT_FALSE(ParseJson(std::string(1000000, '[')).ok());
}

TEST(ParseJson, Accessors) {
  absl::StatusOr<JsonValue> v = ParseJson(
      R"({"id": 12345678901234567890, "text": "hi", "n": -2.5,
          "ok": true, "list": [1, "x"], "meta": {"title": "T"}})");
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_TRUE(v->is_object());
  EXPECT_EQ(v->size(), 6u);
  EXPECT_EQ(v->keys()[1], "text");
  ASSERT_NE(v->Find("id"), nullptr);
  EXPECT_EQ(v->Find("id")->raw_number(), "12345678901234567890");
  EXPECT_DOUBLE_EQ(v->Find("id")->number(), 12345678901234567890.0);
  EXPECT_EQ(v->Find("text")->string_value(), "hi");
  EXPECT_DOUBLE_EQ(v->Find("n")->number(), -2.5);
  EXPECT_TRUE(v->Find("ok")->bool_value());
  ASSERT_EQ(v->Find("list")->array().size(), 2u);
  EXPECT_EQ(v->Find("list")->array()[1].string_value(), "x");
  EXPECT_EQ(v->Find("meta")->Find("title")->string_value(), "T");
  EXPECT_EQ(v->Find("missing"), nullptr);
  // Wrong-type accessors give empty values, not crashes.
  EXPECT_EQ(v->Find("n")->string_value(), "");
  EXPECT_TRUE(v->Find("text")->array().empty());
  EXPECT_EQ(v->Find("text")->Find("x"), nullptr);
  EXPECT_EQ(v->Find("text")->number(), 0);
}

TEST(ParseJson, HugeNumbersKeepTheirText) {
  absl::StatusOr<JsonValue> v = ParseJson("[1e999, -1e999, 1e-999]");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->array()[0].raw_number(), "1e999");
  EXPECT_GT(v->array()[0].number(), 1e308);
  EXPECT_LT(v->array()[1].number(), -1e308);
  EXPECT_EQ(v->array()[2].number(), 0);
}

TEST(AppendJsonString, Escapes) {
  struct Case {
    std::string in;
    const char* want;
  } cases[] = {
      {"", R"("")"},
      {"plain", R"("plain")"},
      {"say \"hi\"\n", R"("say \"hi\"\n")"},
      {"back\\slash\t\r\b\f", R"("back\\slash\t\r\b\f")"},
      {std::string("nul\0x\x1f", 6), R"("nul\u0000x\u001f")"},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
      {"bad\xFFtail", "\"bad\xEF\xBF\xBDtail\""},
      {"\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"0123456789abcdef\"0123456789", R"("0123456789abcdef\"0123456789")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    std::string out = "prefix:";
    AppendJsonString(c.in, &out);
    EXPECT_EQ(out, std::string("prefix:") + c.want);
    // Whatever went in, what comes out parses.
    EXPECT_TRUE(ParseJson(out.substr(7)).ok());
  }
}

TEST(AppendJsonString, RoundTripsThroughParse) {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all.push_back(static_cast<char>(c));
  all += "\xE2\x80\x9C\xF0\x9F\x98\x80";
  std::string json;
  AppendJsonString(all, &json);
  absl::StatusOr<JsonValue> v = ParseJson(json);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->string_value(), all);
}

TEST(Utf8SequenceLength, Table) {
  struct Case {
    std::string in;
    int want;
  } cases[] = {
      {"a", 1},
      {"\xC3\xA9", 2},
      {"\xC3", 0},
      {"\xC1\xBF", 0},
      {"\xE2\x82\xAC", 3},
      {"\xE0\x9F\xBF", 0},
      {"\xED\x9F\xBF", 3},
      {"\xED\xA0\x80", 0},
      {"\xF0\x9F\x98\x80", 4},
      {"\xF0\x8F\xBF\xBF", 0},
      {"\xF4\x90\x80\x80", 0},
      {"\x80", 0},
      {"\xFF", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Utf8SequenceLength(c.in, 0), c.want);
  }
}

// News articles arrive as one JSON line that is mostly one long string; the
// parser must read it at >= 300 MB/s. The bound here is loose (debug
// builds, shared machines) but still catches an accidental per-byte append.
// A 16 MiB string with escapes and multi-byte characters parses whole. (How
// fast: BM_ParseJsonLongString in extractor_benchmark.)
TEST(ParseJson, LongStringParsesWhole) {
  std::string text;
  const std::string para =
      "The minister said on Tuesday that \xE2\x80\x9Cthe talks would "
      "continue\xE2\x80\x9D and added: \\\"nothing is agreed\\\".\\n";
  while (text.size() < (16 << 20)) text += para;
  std::string line = "{\"id\": \"big\", \"text\": \"" + text + "\"}";
  absl::StatusOr<JsonValue> v = ParseJson(line);
  ASSERT_TRUE(v.ok()) << v.status();
  const std::string& got = v->Find("text")->string_value();
  EXPECT_GT(got.size(), 15u << 20);
  // Each \" and \n unescaped, the UTF-8 kept as it is.
  EXPECT_EQ(got.find('\\'), std::string::npos);
  const std::string want =
      "The minister said on Tuesday that \xE2\x80\x9Cthe talks would "
      "continue\xE2\x80\x9D and added: \"nothing is agreed\".\n";
  EXPECT_EQ(got.substr(0, 2 * want.size()), want + want);
}

// A string is read 32 bytes a step, then 16, 8 and one: each byte that
// stops the reading is found wherever it stands, and the bytes next to
// them in value (a space, '!', '#', '[', ']', DEL) are read as plain.
TEST(ParseJson, StopsAtEveryOffset) {
  auto parse = [](const std::string& inside) {
    absl::StatusOr<JsonValue> v = ParseJson("\"" + inside);
    return v.ok() ? "OK " + v->string_value()
                  : "ERROR " + std::string(v.status().message());
  };
  for (size_t at = 0; at < 80; ++at) {
    SCOPED_TRACE(at);
    const std::string pad(at, 'x');
    EXPECT_EQ(parse(pad + " !#[]\x7F" + pad + "\""),
              "OK " + pad + " !#[]\x7F" + pad);
    EXPECT_EQ(parse(pad + "\\n\\n\\\"\\u00e9" + pad + "\""),
              "OK " + pad + "\n\n\"\xC3\xA9" + pad);
    EXPECT_EQ(parse(pad + "\xE2\x80\x9C" + pad + "\""),
              "OK " + pad + "\xE2\x80\x9C" + pad);
    EXPECT_THAT(parse(pad + "\x01" + pad + "\""),
                HasSubstr("control character"));
    EXPECT_THAT(parse(pad + "\xFF" + pad + "\""), HasSubstr("invalid UTF-8"));
    EXPECT_THAT(parse(pad), HasSubstr("unterminated string"));
    EXPECT_THAT(parse(pad + "\\n\\"), HasSubstr("unterminated escape"));
  }
}

}  // namespace
}  // namespace internal
}  // namespace whosaid
