#include "whosaid/claim_writer.h"

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "internal/json.h"
#include "whosaid/gold.h"
#include "whosaid/proto_json.h"

namespace whosaid {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using ::testing::Not;

// The text has curly quotes and an accented name before the spans, so code
// point offsets differ from byte offsets.
constexpr char kText[] =
    "S\xC3\xA9"
    "bastien Lecornu told Shoigu that \xE2\x80\x9C"
    "peace\xE2\x80\x9D"
    " is near, a ministry statement said. \"We are ready,\" she said, \"to "
    "act.\"";

v1::Span SpanOf(absl::string_view needle, size_t from = 0) {
  absl::string_view text(kText);
  size_t pos = text.find(needle, from);
  EXPECT_NE(pos, absl::string_view::npos) << needle;
  v1::Span s;
  s.set_begin(pos);
  s.set_end(pos + needle.size());
  return s;
}

// Python-style code point offset of byte offset `b` in kText.
int CodePoints(size_t b) {
  int n = 0;
  for (size_t i = 0; i < b; ++i) {
    if ((static_cast<unsigned char>(kText[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

v1::Extraction Sample() {
  v1::Extraction e;
  v1::Document* d = e.mutable_document();
  d->set_id("d1");
  d->set_title("Talks");
  d->set_outlet("Reuters");
  d->mutable_published()->set_seconds(1714521600);  // 2024-05-01
  d->set_text(kText);
  d->set_language("en");

  v1::Claim* c = e.add_claims();
  c->set_id("d1-1");
  c->set_document_id("d1");
  *c->add_content_parts() = SpanOf("\xE2\x80\x9Cpeace\xE2\x80\x9D is near");
  c->set_content("\xE2\x80\x9Cpeace\xE2\x80\x9D is near");
  c->set_kind(v1::CLAIM_KIND_MIXED);
  c->mutable_speaker()->set_text("Lecornu");
  *c->mutable_speaker()->mutable_span() = SpanOf("Lecornu");
  c->mutable_speaker()->set_canonical_name("Sebastien Lecornu");
  c->mutable_cue()->set_text("told");
  *c->mutable_cue()->mutable_span() = SpanOf("told");
  c->mutable_addressee()->set_text("Shoigu");
  *c->mutable_addressee()->mutable_span() = SpanOf("Shoigu");
  c->mutable_addressee()->set_canonical_name("Sergei Shoigu");
  c->mutable_reported_via()->set_text("a ministry statement");
  *c->mutable_reported_via()->mutable_span() = SpanOf("a ministry statement");
  c->mutable_reported_via()->set_canonical_name("French Defense Ministry");
  c->set_stance(v1::STANCE_ASSERT);
  c->set_confidence(0.75f);

  c = e.add_claims();
  c->set_id("d1-2");
  c->set_document_id("d1");
  *c->add_content_parts() = SpanOf("We are ready,");
  *c->add_content_parts() = SpanOf("to act.");
  c->set_content("We are ready, ... to act.");
  c->set_kind(v1::CLAIM_KIND_DIRECT);
  c->mutable_speaker()->set_text("she");
  *c->mutable_speaker()->mutable_span() = SpanOf("she");
  c->mutable_cue()->set_text("said");
  *c->mutable_cue()->mutable_span() = SpanOf("said", SpanOf("she").end());
  c->set_stance(v1::STANCE_CLAIM);
  c->set_without_evidence(true);

  v1::Entity* en = e.add_entities();
  en->set_id("person:sebastien-lecornu");
  en->set_canonical_name("Sebastien Lecornu");
  en->set_type(v1::ENTITY_TYPE_PERSON);
  return e;
}

std::string WriteAll(absl::string_view format,
                     const std::vector<v1::Extraction>& es) {
  std::ostringstream out;
  auto w = ClaimWriter::Create(format, &out);
  EXPECT_TRUE(w.ok()) << w.status();
  if (!w.ok()) return "";
  for (const v1::Extraction& e : es) EXPECT_TRUE((*w)->Write(e).ok());
  EXPECT_TRUE((*w)->Finish().ok());
  return out.str();
}

TEST(ClaimWriter, UnknownFormatListsTheKnownOnes) {
  std::ostringstream out;
  auto w = ClaimWriter::Create("yaml", &out);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(w.status().message()),
              HasSubstr("'yaml' (expected one of: text, jsonl, json, "
                        "textproto, pb, annotations)"));
  for (const std::string& f : ClaimWriter::Formats()) {
    SCOPED_TRACE(f);
    EXPECT_TRUE(ClaimWriter::Create(f, &out).ok());
  }
}

TEST(ClaimWriter, TextIsReadable) {
  v1::Extraction empty;
  empty.mutable_document()->set_id("d0");
  std::string out = WriteAll("text", {Sample(), empty});
  const char* want[] = {
      "== d1 | Talks | Reuters | 2024-05-01 (2 claims)\n",
      "[1] Sebastien Lecornu (as \"Lecornu\") -- told [assert, mixed]\n",
      "    to Sergei Shoigu; via French Defense Ministry\n",
      "    \"\xE2\x80\x9Cpeace\xE2\x80\x9D is near\"\n",
      "[2] she -- said [claim, without evidence, direct]\n",
      "    \"We are ready, ... to act.\"\n",
      "\n== d0 (0 claims)\n",
  };
  for (const char* w : want) {
    SCOPED_TRACE(w);
    EXPECT_THAT(out, HasSubstr(w));
  }
  v1::Span p = SpanOf("We are ready,");
  EXPECT_THAT(out, HasSubstr("bytes " + std::to_string(p.begin()) + "-" +
                             std::to_string(p.end()) + ", "));
  // ASCII layout: no terminal escapes.
  EXPECT_THAT(out, Not(HasSubstr("\x1b[")));
}

TEST(FormatClaimText, WrapsLongContentAtOneHundredColumns) {
  v1::Claim c;
  std::string content;
  for (int i = 0; i < 60; ++i) content += "w\xC3\xB6rd ";  // 5 code points
  c.set_content(content);
  std::string block = FormatClaimText(c, "");
  std::vector<std::string> lines = absl::StrSplit(block, '\n');
  ASSERT_GT(lines.size(), 3u);
  EXPECT_EQ(lines[0], "(no speaker)");
  for (const std::string& line : lines) {
    SCOPED_TRACE(line);
    int cols = 0;
    for (char ch : line)
      cols += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    EXPECT_LE(cols, 100);
  }
  EXPECT_EQ(lines[2].substr(0, 5), "     ");  // continuation under the quote
}

TEST(ClaimWriter, JsonlParsesBackAsClaims) {
  v1::Extraction e = Sample();
  std::string out = WriteAll("jsonl", {e});
  std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[0], HasSubstr("\"document_id\":\"d1\""));
  for (int i = 0; i < 2; ++i) {
    v1::Claim back;
    ASSERT_TRUE(JsonToMessage(lines[i], &back).ok()) << lines[i];
    EXPECT_TRUE(MessageDifferencer::Equals(back, e.claims(i)))
        << back.DebugString();
  }
}

TEST(ClaimWriter, JsonIsOneArrayWithoutText) {
  v1::Extraction e = Sample();
  v1::Extraction none;
  none.mutable_document()->set_id("d2");
  std::string out = WriteAll("json", {e, none});
  absl::StatusOr<internal::JsonValue> v = internal::ParseJson(out);
  ASSERT_TRUE(v.ok()) << v.status() << "\n" << out;
  ASSERT_TRUE(v->is_array());
  ASSERT_EQ(v->array().size(), 2u);
  const internal::JsonValue& first = v->array()[0];
  ASSERT_NE(first.Find("document"), nullptr);
  EXPECT_EQ(first.Find("document")->Find("id")->string_value(), "d1");
  EXPECT_EQ(first.Find("document")->Find("text"), nullptr);
  EXPECT_EQ(first.Find("document")->Find("published")->string_value(),
            "2024-05-01T00:00:00Z");
  ASSERT_EQ(first.Find("claims")->array().size(), 2u);
  ASSERT_EQ(first.Find("entities")->array().size(), 1u);
  std::string claim_json;
  internal::AppendJson(first.Find("claims")->array()[1], &claim_json);
  v1::Claim back;
  ASSERT_TRUE(JsonToMessage(claim_json, &back).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(back, e.claims(1)));
  EXPECT_TRUE(v->array()[1].Find("claims")->array().empty());

  EXPECT_EQ(WriteAll("json", {}), "[]\n");
}

TEST(ClaimWriter, TextprotoParsesBack) {
  v1::Extraction e = Sample();
  std::string out = WriteAll("textproto", {e, e});
  std::vector<std::string> parts =
      absl::StrSplit(out, "# ---\n", absl::SkipEmpty());
  ASSERT_EQ(parts.size(), 2u);
  for (const std::string& p : parts) {
    v1::Extraction back;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(p, &back)) << p;
    EXPECT_TRUE(MessageDifferencer::Equals(back, e));
  }
  EXPECT_THAT(out, HasSubstr("S\xC3\xA9"
                             "bastien"));  // UTF-8 not escaped
}

TEST(ClaimWriter, PbReadsBackDelimited) {
  v1::Extraction e = Sample();
  std::string out = WriteAll("pb", {e, e});
  google::protobuf::io::ArrayInputStream in(out.data(), out.size());
  std::vector<v1::Claim> claims;
  while (true) {
    v1::Claim c;
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&c, &in,
                                                                  &clean_eof)) {
      EXPECT_TRUE(clean_eof);
      break;
    }
    claims.push_back(c);
  }
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_TRUE(MessageDifferencer::Equals(claims[3], e.claims(1)));
}

// The pb writer writes claims itself (without protobuf's UTF-8 check of
// every string): byte for byte what the generated code writes, with every
// field set, with defaults left out, and with fields protobuf does not know.
TEST(ClaimWriter, PbMatchesGeneratedSerialization) {
  v1::Extraction e = Sample();
  v1::Claim* c = e.add_claims();
  c->set_id("d1-3");
  c->set_document_id("d1");
  c->set_content("S\xC3\xA9" "bastien");
  *c->add_content_parts() = SpanOf("Lecornu");
  c->add_content_parts();  // a span of zeros
  c->set_kind(v1::CLAIM_KIND_INDIRECT);
  c->mutable_cue()->set_text("said");
  c->mutable_cue()->set_lemma("say");
  c->mutable_cue()->set_negated(true);
  *c->mutable_cue()->mutable_span() = SpanOf("said");
  c->mutable_speaker()->set_text("a ministry statement");
  c->mutable_speaker()->set_kind(v1::MENTION_KIND_NOMINAL);
  c->mutable_speaker()->set_entity_id("government:french-defense-ministry");
  c->mutable_speaker()->set_canonical_name("French Defense Ministry");
  c->mutable_speaker()->set_entity_type(v1::ENTITY_TYPE_GOVERNMENT);
  c->mutable_addressee();  // present, all defaults
  c->mutable_reported_via()->mutable_span()->set_end(300);
  c->set_reported_via_claim_id("d1-1");
  c->set_stance(v1::STANCE_DENY);
  c->set_without_evidence(true);
  c->add_topics("defense");
  c->add_topics("");
  c->add_topics("russia");
  c->set_confidence(-0.0f);  // not the default: its bits are not zero
  c->set_rule("speaker_cue_that");
  c->set_extractor_version(std::string(200, 'v'));  // a two-byte length
  c->mutable_published()->set_seconds(1714521600);
  c->mutable_published()->set_nanos(5);
  v1::Review* r = c->add_reviews();
  r->set_rating("false");
  r->set_rating_value(0);
  r->set_url("https://example.com/r");
  c->add_reviews();
  v1::Claim* unknown = e.add_claims();
  *unknown = *c;
  unknown->GetReflection()->MutableUnknownFields(unknown)->AddVarint(99, 7);
  unknown->mutable_speaker()->GetReflection()
      ->MutableUnknownFields(unknown->mutable_speaker())->AddVarint(98, 1);
  v1::Claim* inner = e.add_claims();
  *inner = *c;
  inner->mutable_cue()->GetReflection()
      ->MutableUnknownFields(inner->mutable_cue())->AddVarint(97, 2);
  inner->mutable_content_parts(0)->GetReflection()
      ->MutableUnknownFields(inner->mutable_content_parts(0))->AddVarint(96, 3);
  e.add_claims();  // all defaults

  std::string expected;
  {
    google::protobuf::io::StringOutputStream out(&expected);
    for (const v1::Claim& claim : e.claims()) {
      ASSERT_TRUE(google::protobuf::util::SerializeDelimitedToZeroCopyStream(claim, &out));
    }
  }
  EXPECT_EQ(WriteAll("pb", {e}), expected);
}

// Only the formats that write claims alone let RunExtraction() leave the
// entities out; a writer over a C stream answers as the one it wraps.
TEST(ClaimWriter, OnlyClaimFormatsSkipEntities) {
  for (const std::string& format : ClaimWriter::Formats()) {
    std::ostringstream out;
    auto w = ClaimWriter::Create(format, &out);
    ASSERT_TRUE(w.ok()) << w.status();
    const bool claims_only = format == "jsonl" || format == "pb";
    EXPECT_EQ((*w)->WritesEntities(), !claims_only) << format;
    auto f = ClaimWriter::Create(format, stdout);
    ASSERT_TRUE(f.ok()) << f.status();
    EXPECT_EQ((*f)->WritesEntities(), !claims_only) << format;
  }
}

TEST(ClaimWriter, AnnotationsUseGoldFieldsAndCodePoints) {
  v1::Extraction e = Sample();
  std::string out = WriteAll("annotations", {e});
  ASSERT_FALSE(out.empty());
  ASSERT_EQ(out.back(), '\n');
  absl::StatusOr<internal::JsonValue> v = internal::ParseJson(out);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->Find("id")->string_value(), "d1");
  EXPECT_EQ(v->Find("text")->string_value(), kText);
  const auto& quotes = v->Find("quotes")->array();
  ASSERT_EQ(quotes.size(), 2u);

  auto span = [](const internal::JsonValue& q, const char* key) {
    const internal::JsonValue* s = q.Find(key);
    if (s == nullptr || !s->is_array() || s->array().size() != 2) {
      return std::string("none");
    }
    return absl::StrCat(s->array()[0].number(), ",", s->array()[1].number());
  };
  const v1::Claim& c0 = e.claims(0);
  const v1::Span& p0 = c0.content_parts(0);
  struct Case {
    std::string key, want;
  } cases[] = {
      {"content",
       absl::StrCat(CodePoints(p0.begin()), ",", CodePoints(p0.end()))},
      {"content_bytes", absl::StrCat(p0.begin(), ",", p0.end())},
      {"speaker", absl::StrCat(CodePoints(c0.speaker().span().begin()), ",",
                               CodePoints(c0.speaker().span().end()))},
      {"speaker_bytes", absl::StrCat(c0.speaker().span().begin(), ",",
                                     c0.speaker().span().end())},
      {"cue_bytes",
       absl::StrCat(c0.cue().span().begin(), ",", c0.cue().span().end())},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.key);
    EXPECT_EQ(span(quotes[0], c.key.c_str()), c.want);
  }
  EXPECT_NE(CodePoints(p0.begin()), static_cast<int>(p0.begin()));
  EXPECT_EQ(quotes[0].Find("speaker_text")->string_value(), "Lecornu");
  EXPECT_EQ(quotes[0].Find("speaker_canonical")->string_value(),
            "Sebastien Lecornu");
  EXPECT_EQ(quotes[0].Find("kind")->string_value(), "mixed");
  EXPECT_EQ(quotes[0].Find("stance")->string_value(), "assert");
  EXPECT_EQ(quotes[0].Find("addressee_canonical")->string_value(),
            "Sergei Shoigu");
  EXPECT_EQ(quotes[0].Find("reported_via")->string_value(),
            "French Defense Ministry");
  EXPECT_EQ(quotes[1].Find("kind")->string_value(), "direct");
  EXPECT_EQ(quotes[1].Find("stance")->string_value(), "claim_without_evidence");
  ASSERT_NE(quotes[1].Find("content_parts_bytes"), nullptr);
  EXPECT_EQ(quotes[1].Find("content_parts_bytes")->array().size(), 2u);
  // The hull of the parts.
  EXPECT_EQ(span(quotes[1], "content_bytes"),
            absl::StrCat(e.claims(1).content_parts(0).begin(), ",",
                         e.claims(1).content_parts(1).end()));

  // “peace” is near: 15 code points, 19 bytes.
  const auto& cps = quotes[0].Find("content")->array();
  EXPECT_EQ(cps[1].number() - cps[0].number(), 15);
  EXPECT_EQ(p0.end() - p0.begin(), 19u);

  // And the eval side (whosaid/gold.h) reads it back to the same spans.
  absl::StatusOr<GoldDocument> gold = ParseGoldLine(out);
  ASSERT_TRUE(gold.ok()) << gold.status();
  ASSERT_EQ(gold->quotes.size(), 2u);
  EXPECT_EQ(gold->quotes[0].content[0].begin, p0.begin());
  EXPECT_EQ(gold->quotes[1].content.size(), 2u);
  EXPECT_EQ(gold->quotes[0].stance, "assert");
  EXPECT_EQ(gold->quotes[1].stance, "claim_without_evidence");
  EXPECT_EQ(gold->quotes[0].reported_via, "French Defense Ministry");
}

TEST(ClaimWriter, AnnotationsRejectSpansOutsideTheText) {
  v1::Extraction bad = Sample();
  bad.mutable_claims(1)->mutable_content_parts(1)->set_end(100000);
  v1::Extraction split = Sample();  // a span ending inside "é"
  split.mutable_claims(0)->mutable_speaker()->mutable_span()->set_end(2);
  std::ostringstream out;
  auto w = ClaimWriter::Create("annotations", &out);
  ASSERT_TRUE(w.ok());
  for (const v1::Extraction* e : {&bad, &split}) {
    absl::Status s = (*w)->Write(*e);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(s.message()), HasSubstr("does not fit the text"));
  }
  EXPECT_EQ(out.str(), "");
  EXPECT_TRUE((*w)->Write(Sample()).ok());  // still usable
  EXPECT_TRUE((*w)->Finish().ok());
  EXPECT_NE(out.str(), "");
}

TEST(ClaimWriter, WritesToCFiles) {
  FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  auto w = ClaimWriter::Create("jsonl", f);
  ASSERT_TRUE(w.ok()) << w.status();
  ASSERT_TRUE((*w)->Write(Sample()).ok());
  ASSERT_TRUE((*w)->Finish().ok());
  std::rewind(f);
  std::string got;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) got.append(buf, n);
  std::fclose(f);
  EXPECT_EQ(got, WriteAll("jsonl", {Sample()}));
  EXPECT_FALSE(ClaimWriter::Create("yaml", stdout).ok());

  // A full disk: the failure shows by Finish() at the latest.
  FILE* full = std::fopen("/dev/full", "w");
  if (full == nullptr) GTEST_SKIP() << "no /dev/full";
  auto fw = ClaimWriter::Create("text", full);
  ASSERT_TRUE(fw.ok());
  absl::Status s = (*fw)->Write(Sample());
  if (s.ok()) s = (*fw)->Finish();
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  std::fclose(full);
}

TEST(ClaimWriter, StreamFailureIsDataLoss) {
  for (const std::string& f : ClaimWriter::Formats()) {
    SCOPED_TRACE(f);
    std::ostringstream out;
    auto w = ClaimWriter::Create(f, &out);
    ASSERT_TRUE(w.ok());
    out.setstate(std::ios::badbit);
    EXPECT_EQ((*w)->Write(Sample()).code(), absl::StatusCode::kDataLoss);
    EXPECT_EQ((*w)->Finish().code(), absl::StatusCode::kDataLoss);
  }
}

}  // namespace
}  // namespace whosaid
