#include "internal/text_layout.h"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/embedded.h"

namespace whosaid {
namespace internal {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

// A Segmenter over the real lexicon, as the engine builds it.
const Segmenter& TestSegmenter() {
  static const Segmenter* const kSegmenter = [] {
    std::ifstream in("seeds/lexicons/abbreviations.tsv", std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    auto abbreviations =
        ParseAbbreviations(text, "seeds/lexicons/abbreviations.tsv");
    EXPECT_TRUE(abbreviations.ok()) << abbreviations.status();
    EXPECT_GT(abbreviations->all.size(), 100u);
    return new Segmenter(*abbreviations);
  }();
  return *kSegmenter;
}

TextLayout Segment(absl::string_view text) {
  TextLayout layout;
  layout.quotes.push_back(Quote());  // Segment must clear old contents
  TestSegmenter().Segment(text, &layout);
  return layout;
}

std::string Slice(absl::string_view text, uint32_t begin, uint32_t end) {
  EXPECT_LE(begin, end);
  EXPECT_LE(end, text.size());
  return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> Paragraphs(absl::string_view text) {
  std::vector<std::string> out;
  for (const Range& r : Segment(text).paragraphs) {
    out.push_back(Slice(text, r.begin, r.end));
  }
  return out;
}

std::vector<std::string> Sentences(absl::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : Segment(text).sentences) {
    out.push_back(Slice(text, s.begin, s.end));
  }
  return out;
}

// A quote as "text" plus flags: "[war of aggression]" closed,
// "[we go>" unclosed, "[we go>+" unclosed and continued.
std::vector<std::string> Quotes(absl::string_view text) {
  std::vector<std::string> out;
  for (const Quote& q : Segment(text).quotes) {
    std::string s =
        absl::StrCat("[", Slice(text, q.begin, q.end), q.closed ? "]" : ">");
    if (q.continues) s += "+";
    out.push_back(s);
  }
  return out;
}

// Checks the layout invariants every input must satisfy.
void CheckInvariants(absl::string_view text, const TextLayout& layout) {
  uint32_t prev_end = 0;
  for (const Range& p : layout.paragraphs) {
    ASSERT_LT(p.begin, p.end);
    ASSERT_LE(p.end, text.size());
    ASSERT_LE(prev_end, p.begin);
    prev_end = p.end;
  }
  prev_end = 0;
  int prev_paragraph = 0;
  for (const Sentence& s : layout.sentences) {
    ASSERT_GE(s.paragraph, prev_paragraph);
    ASSERT_LT(s.paragraph, static_cast<int>(layout.paragraphs.size()));
    const Range& p = layout.paragraphs[s.paragraph];
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(p.begin, s.begin);
    ASSERT_LE(s.end, p.end);
    ASSERT_LE(prev_end, s.begin);
    prev_end = s.end;
    prev_paragraph = s.paragraph;
  }
  uint32_t prev_close = 0;
  for (const Quote& q : layout.quotes) {
    ASSERT_LT(q.paragraph, static_cast<int>(layout.paragraphs.size()));
    const Range& p = layout.paragraphs[q.paragraph];
    ASSERT_LE(prev_close, q.open);
    ASSERT_LE(p.begin, q.open);
    ASSERT_LT(q.open, q.begin);
    ASSERT_LE(q.begin, q.end);
    ASSERT_LE(q.end, q.close_end);
    ASSERT_LE(q.close_end, p.end);
    if (!q.closed) {
      ASSERT_EQ(q.end, q.close_end);
    }
    if (q.continues) {
      ASSERT_FALSE(q.closed);
    }
    prev_close = q.close_end;
  }
}

TEST(ValidateUtf8, AcceptsValidText) {
  const std::string cases[] = {
      "",
      "plain ASCII text that is longer than eight bytes",
      "caf\xC3\xA9",
      "\xE2\x80\x9CQuote\xE2\x80\x9D",
      "\xF0\x9F\x98\x80 emoji",
      "\xEF\xBB\xBF"
      "BOM",
      "\xF4\x8F\xBF\xBF",  // U+10FFFF
      "\xED\x9F\xBF",      // U+D7FF, last before the surrogates
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(ValidateUtf8(text).ok()) << ValidateUtf8(text);
  }
}

TEST(ValidateUtf8, NamesTheFirstBadByte) {
  struct Case {
    std::string text;
    std::string message;
  } cases[] = {
      {"\x80", "invalid UTF-8 at byte 0"},
      {"abc\xC3", "invalid UTF-8 at byte 3"},                // truncated
      {"abc\xC3(", "invalid UTF-8 at byte 3"},               // bad continuation
      {"abcdefghijkl\xC0\xAF", "invalid UTF-8 at byte 12"},  // overlong /
      {"0123456789\xE0\x80\xAF", "invalid UTF-8 at byte 10"},  // overlong
      {"x\xED\xA0\x80", "invalid UTF-8 at byte 1"},            // surrogate D800
      {"xy\xF4\x90\x80\x80", "invalid UTF-8 at byte 2"},       // above 10FFFF
      {"xyz\xF5\x80\x80\x80", "invalid UTF-8 at byte 3"},
      {"caf\xC3\xA9 \xFF", "invalid UTF-8 at byte 6"},
      {"\xF0\x9F\x98", "invalid UTF-8 at byte 0"},  // truncated 4-byte
      {std::string("0123456789abcdef\0gh", 19), "NUL byte at byte 16"},
      {std::string("ab\0", 3), "NUL byte at byte 2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const absl::Status s = ValidateUtf8(c.text);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(s.message(), c.message);
  }
}

TEST(ValidateUtf8, ExactOffsetAtEveryAlignment) {
  // The 8-byte fast path must not skip or misplace the bad byte.
  for (size_t at = 0; at < 40; ++at) {
    SCOPED_TRACE(at);
    std::string text(48, 'a');
    text[at] = '\xFE';
    EXPECT_EQ(ValidateUtf8(text).message(),
              absl::StrCat("invalid UTF-8 at byte ", at));
    text[at] = '\0';
    EXPECT_EQ(ValidateUtf8(text).message(),
              absl::StrCat("NUL byte at byte ", at));
  }
}

TEST(AllQuoteChars, OnlyQuoteLikeCharacters) {
  EXPECT_TRUE(AllQuoteChars("\""));
  EXPECT_TRUE(AllQuoteChars("''"));
  EXPECT_TRUE(AllQuoteChars("`"));
  EXPECT_TRUE(AllQuoteChars("\xE2\x80\x9D"));          // ”
  EXPECT_TRUE(AllQuoteChars("\xE2\x80\x99\x22"));      // ’"
  EXPECT_TRUE(AllQuoteChars("\xC2\xBB"));              // »
  EXPECT_TRUE(AllQuoteChars("\xE2\x80\xB3"));          // ″
  EXPECT_FALSE(AllQuoteChars(""));
  EXPECT_FALSE(AllQuoteChars("'a"));
  EXPECT_FALSE(AllQuoteChars("-"));
  EXPECT_FALSE(AllQuoteChars("\xE2\x80\x94"));         // — a dash
  EXPECT_FALSE(AllQuoteChars("\xE2\x80"));              // truncated
}

TEST(ParseAbbreviations, ReadsEntriesAndFlags) {
  auto parsed = ParseAbbreviations(
      "# comment\nMr.\n\n  U.S.\tfinal # trailing comment\r\nInc. final\n",
      "abbr.txt");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->all.size(), 3u);
  EXPECT_TRUE(parsed->all.contains("Mr."));
  EXPECT_TRUE(parsed->all.contains("U.S."));
  EXPECT_TRUE(parsed->all.contains("Inc."));
  EXPECT_EQ(parsed->sentence_final.size(), 2u);
  EXPECT_TRUE(parsed->sentence_final.contains("U.S."));
  EXPECT_FALSE(parsed->sentence_final.contains("Mr."));
}

TEST(Segmenter, ConstructorsAgree) {
  // The two-set form, the in-band "U.S. final" form and the parsed lexicon
  // must give the same sentences.
  const std::string text = "Mr. Li left the U.S. The end. Mr. Wu stayed.";
  const std::vector<std::string> want = {"Mr. Li left the U.S.", "The end.",
                                         "Mr. Wu stayed."};
  const Segmenter two_sets({"Mr."}, {"U.S."});
  const Segmenter in_band({"Mr.", "U.S. final"});
  const Segmenter none_final({"Mr.", "U.S."});
  for (const Segmenter* s : {&two_sets, &in_band}) {
    TextLayout layout;
    s->Segment(text, &layout);
    std::vector<std::string> got;
    for (const Sentence& x : layout.sentences) {
      got.push_back(Slice(text, x.begin, x.end));
    }
    EXPECT_EQ(got, want);
  }
  TextLayout layout;
  none_final.Segment(text, &layout);
  EXPECT_EQ(layout.sentences.size(), 2u);  // "U.S." never ends one
}

TEST(Segmenter, DatelineIsASentenceOfItsOwn) {
  const Segmenter seg({"N.H.", "Mr."});
  struct Case {
    std::string text;
    std::vector<std::string> want;
  } cases[] = {
      {"WASHINGTON (AP) \xE2\x80\x94 The vote is set. Mr. Li left.",
       {"WASHINGTON (AP) \xE2\x80\x94", "The vote is set.", "Mr. Li left."}},
      {"BEDFORD, N.H. (Reuters) - Rubio spoke.",
       {"BEDFORD, N.H. (Reuters) -", "Rubio spoke."}},
      {"LONDON, March 3 (Reuters) - \"We won,\" she said.",
       {"LONDON, March 3 (Reuters) -", "\"We won,\" she said."}},
      {"MEXICO CITY -- The rise of the peso.",
       {"MEXICO CITY --", "The rise of the peso."}},
      // A place in title case before an agency; a horizontal bar; a dash
      // closed up on both sides.
      {"New York (AFP) \xE2\x80\x93 Rubio spoke.",
       {"New York (AFP) \xE2\x80\x93", "Rubio spoke."}},
      {"WASHINGTON \xE2\x80\x95 Rubio spoke.",
       {"WASHINGTON \xE2\x80\x95", "Rubio spoke."}},
      {"SELMA, N.C.\xE2\x80\x94Rubio spoke.",
       {"SELMA, N.C.\xE2\x80\x94", "Rubio spoke."}},
      {"WASHINGTON \xE2\x80\x94Rubio spoke.",
       {"WASHINGTON \xE2\x80\x94", "Rubio spoke."}},
      // Not datelines: title case without an agency, a closed-up dash
      // before lower case or after a hyphen.
      {"Washington - The vote.", {"Washington - The vote."}},
      {"NATO\xE2\x80\x94the alliance grew.", {"NATO\xE2\x80\x94the alliance grew."}},
      {"NATO-Russia talks resume.", {"NATO-Russia talks resume."}},
      // Not datelines: a hyphenated word, lower case after the dash, a
      // capitalised word running on in lower case, a long shouted headline,
      // two letters.
      {"COVID-19 cases rose.", {"COVID-19 cases rose."}},
      {"NOTE - the vote is set.", {"NOTE - the vote is set."}},
      {"WASHINGTON Post - The vote.", {"WASHINGTON Post - The vote."}},
      {"NSA PROBABLY SPIES ON OBAMA - Paul said so.",
       {"NSA PROBABLY SPIES ON OBAMA - Paul said so."}},
      {"US - China talks resume.", {"US - China talks resume."}},
      // Only at a paragraph's start.
      {"The vote. WASHINGTON - The end.", {"The vote.", "WASHINGTON - The end."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    TextLayout layout;
    seg.Segment(c.text, &layout);
    std::vector<std::string> got;
    for (const Sentence& x : layout.sentences) {
      got.push_back(Slice(c.text, x.begin, x.end));
    }
    EXPECT_EQ(got, c.want);
  }
  // Hard-wrapped books have no datelines.
  std::string book = "CHAPTER ONE - The Start of it was long ago, and the\n";
  for (int i = 0; i < 6; ++i) {
    book += "lines of this book run on as a book's lines do, wrapped here.\n";
  }
  TextLayout layout;
  seg.Segment(book, &layout);
  ASSERT_FALSE(layout.sentences.empty());
  EXPECT_EQ(layout.sentences[0].begin, 0u);
  EXPECT_GT(layout.sentences[0].end, 30u);
}

TEST(ParseAbbreviations, RejectsBadLinesNamingFileAndLine) {
  struct Case {
    std::string text;
    std::string message;
  } cases[] = {
      {"Mr.\nMrs\n", "abbr.txt:2: abbreviation \"Mrs\" does not end"},
      {"Mr.\tsometimes\n", "abbr.txt:1: expected \"abbreviation[<TAB>final]\""},
      {"Mr. final extra\n", "abbr.txt:1: expected"},
      {"#\n#\nSen\xFF.\n", "abbr.txt:3: invalid UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto parsed = ParseAbbreviations(c.text, "abbr.txt");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(parsed.status().message(), HasSubstr(c.message));
  }
}

TEST(ParseAbbreviations, EmbeddedLexiconParses) {
  auto parsed = ParseAbbreviations(FindEmbeddedFile("abbreviations.tsv"),
                                   "abbreviations.tsv");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->all.contains("Sen."));
  EXPECT_TRUE(parsed->sentence_final.contains("U.S."));
  EXPECT_FALSE(parsed->sentence_final.contains("Sen."));
}

TEST(Segmenter, Paragraphs) {
  struct Case {
    std::string text;
    std::vector<std::string> paragraphs;
  } cases[] = {
      {"", {}},
      {" \t\r\n \n\n", {}},
      {"One line", {"One line"}},
      {"  padded line \t", {"padded line"}},
      {"First.\nSecond.", {"First.", "Second."}},
      {"First.\r\nSecond.\r\n", {"First.", "Second."}},
      {"First.\rSecond.", {"First.", "Second."}},
      {"A\n\n\n   \n\tB\n", {"A", "B"}},
      {"A\xE2\x80\xA9"
       "B\xE2\x80\xA8"
       "C\xC2\x85"
       "D",
       {"A", "B", "C", "D"}},
      {"\xEF\xBB\xBFTitle\n", {"Title"}},                  // BOM is not text
      {"\xC2\xA0\xC2\xA0Indented\xC2\xA0", {"Indented"}},  // NBSP trimmed
      // Regression: a multi-byte space on a blank line made the skip over
      // the next line break eat the first letter of the paragraph.
      {"A\n\xC2\xA0\nBcd", {"A", "Bcd"}},
      {"A\n\xE2\x80\x83\n\nXyz\r\n\xE3\x80\x80\r\nQ", {"A", "Xyz", "Q"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_THAT(Paragraphs(c.text), ElementsAreArray(c.paragraphs));
    CheckInvariants(c.text, Segment(c.text));
  }
}

// A book wrapped at a fixed width: a single line break is a space, blank
// lines end paragraphs, and sentences and quotes run across line breaks.
TEST(Segmenter, HardWrappedText) {
  const std::string text =
      "The old man walked slowly along the road towards the village, and\n"
      "at the corner he met the schoolmaster coming the other way with a\n"
      "bundle of books under his arm.\n"
      "\n"
      "\"Good evening to you, sir,\" said the old man. \"It is a cold\n"
      "night for a walk, and the wind is rising over the hill again.\"\n"
      "\n"
      "\"It is,\" said the schoolmaster.\n";
  TextLayout layout = Segment(text);
  EXPECT_TRUE(layout.hard_wrapped);
  EXPECT_THAT(Paragraphs(text),
              ElementsAre(HasSubstr("with a\nbundle of books under his arm."),
                          HasSubstr("cold\nnight for a walk"),
                          "\"It is,\" said the schoolmaster."));
  EXPECT_THAT(Sentences(text),
              Contains("\"It is a cold\nnight for a walk, and the wind is "
                       "rising over the hill again.\""));
  EXPECT_THAT(Quotes(text),
              Contains("[It is a cold\nnight for a walk, and the wind is "
                       "rising over the hill again.]"));
  CheckInvariants(text, layout);

  // News: one paragraph per line, however short the lines.
  const std::string news =
      "Flood waters rise\nBy Jane Doe\nRescue teams worked all night.\n"
      "\"We are tired,\" one said.\n";
  EXPECT_FALSE(Segment(news).hard_wrapped);
  EXPECT_EQ(Paragraphs(news).size(), 4u);
}

// Dialogue in single quotation marks, curly or straight; apostrophes
// inside words stay apostrophes.
TEST(Segmenter, DialogueInSingleQuotes) {
  const std::string curly =
      "\xE2\x80\x98Where is the dog?\xE2\x80\x99 he asked.\n"
      "\xE2\x80\x98It\xE2\x80\x99s in the yard,\xE2\x80\x99 she said.\n"
      "\xE2\x80\x98Then fetch it.\xE2\x80\x99\n";
  TextLayout layout = Segment(curly);
  EXPECT_TRUE(layout.single_quotes);
  EXPECT_THAT(Quotes(curly),
              ElementsAre("[Where is the dog?]", "[It\xE2\x80\x99s in the yard,]",
                          "[Then fetch it.]"));
  CheckInvariants(curly, layout);
  const std::string straight =
      "'Where is the dog?' he asked.\n'It's in the yard,' she said.\n"
      "'Then fetch it.'\n";
  EXPECT_THAT(Quotes(straight),
              ElementsAre("[Where is the dog?]", "[It's in the yard,]",
                          "[Then fetch it.]"));
  // With double marks in use, single ones are not quotation marks.
  const std::string news =
      "\"The 'personal insult' line worked,\" she said.\n'Tis true.\n"
      "'Twas so.\n'Em too.\n";
  EXPECT_FALSE(Segment(news).single_quotes);
  EXPECT_THAT(Quotes(news), ElementsAre("[The 'personal insult' line worked,]"));
}

TEST(Segmenter, ParagraphOffsetsAreBytesIntoTheText) {
  const std::string text = "  Hi there.\r\n\r\n\xC3\x89t\xC3\xA9 fini. \n";
  TextLayout layout = Segment(text);
  ASSERT_EQ(layout.paragraphs.size(), 2u);
  EXPECT_EQ(layout.paragraphs[0].begin, 2u);
  EXPECT_EQ(layout.paragraphs[0].end, 11u);
  EXPECT_EQ(layout.paragraphs[1].begin, 15u);
  EXPECT_EQ(layout.paragraphs[1].end, 26u);
  ASSERT_EQ(layout.sentences.size(), 2u);
  EXPECT_EQ(layout.sentences[1].begin, 15u);
  EXPECT_EQ(layout.sentences[1].end, 26u);
  EXPECT_EQ(layout.sentences[1].paragraph, 1);
}

TEST(Segmenter, Sentences) {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  } cases[] = {
      // Plain splits.
      {"He left. She stayed.", {"He left.", "She stayed."}},
      {"Really? Yes! Fine.", {"Really?", "Yes!", "Fine."}},
      {"What?! No way.", {"What?!", "No way."}},
      {"It rose 5 percent. 2024 was worse.",
       {"It rose 5 percent.", "2024 was worse."}},
      {"He left.   She stayed.", {"He left.", "She stayed."}},
      {"He left.\tShe stayed.", {"He left.", "She stayed."}},
      {"He left. (She stayed.)", {"He left.", "(She stayed.)"}},
      {"Nach Hause. \xC3\x9C"
       "ber alles.",
       {"Nach Hause.",
        "\xC3\x9C"
        "ber alles."}},
      {"Done. \xC5\x81\xC3\xB3"
       "d\xC5\xBA is next.",  // Łódź
       {"Done.",
        "\xC5\x81\xC3\xB3"
        "d\xC5\xBA is next."}},
      // Headline without a period: the paragraph is the sentence.
      {"Ministers speak by phone", {"Ministers speak by phone"}},
      {"No period here\nSecond line.", {"No period here", "Second line."}},
      // Lowercase after a period does not start a sentence.
      {"He bought an iPhone. iPads too.", {"He bought an iPhone. iPads too."}},
      // Abbreviations.
      {"Sen. Warren said.", {"Sen. Warren said."}},
      {"Mr. Smith and Dr. Jones met Gov. Newsom.",
       {"Mr. Smith and Dr. Jones met Gov. Newsom."}},
      {"It happened on Jan. 5 in Washington.",
       {"It happened on Jan. 5 in Washington."}},
      {"(Mr. Smith declined.)", {"(Mr. Smith declined.)"}},
      {"Ask \"Gen. Milley\" now.", {"Ask \"Gen. Milley\" now."}},
      {"Case No. 5 is closed.", {"Case No. 5 is closed."}},
      // Sentence-final abbreviations: split only before a starter word.
      {"He lives in the U.S. The president agrees.",
       {"He lives in the U.S.", "The president agrees."}},
      {"The U.S. Senate voted.", {"The U.S. Senate voted."}},
      {"He works for Acme Inc. But not for long.",
       {"He works for Acme Inc.", "But not for long."}},
      {"Acme Inc. Chairman Bob spoke.", {"Acme Inc. Chairman Bob spoke."}},
      {"It ends at 5 p.m. Then we go.", {"It ends at 5 p.m.", "Then we go."}},
      {"They met in Sacramento, Calif. He said so.",
       {"They met in Sacramento, Calif.", "He said so."}},
      {"SACRAMENTO, Calif. (AP) Officials said.",
       {"SACRAMENTO, Calif. (AP) Officials said."}},
      {"Taxes went up in the U.K. \"We pay,\" he said.",
       {"Taxes went up in the U.K.", "\"We pay,\" he said."}},
      // ... but a quoted word in lower case goes on the sentence.
      {"He said the U.S. \"clearly\" erred.",
       {"He said the U.S. \"clearly\" erred."}},
      {"He said the U.S. \xE2\x80\x9C\xC3\xA9lite\xE2\x80\x9D units erred.",
       {"He said the U.S. \xE2\x80\x9C\xC3\xA9lite\xE2\x80\x9D units erred."}},
      {"They met in Sacramento, Calif. 'We won,' he said.",
       {"They met in Sacramento, Calif.", "'We won,' he said."}},
      // Initials and dotted acronyms.
      {"George W. Bush spoke.", {"George W. Bush spoke."}},
      {"J. K. Rowling wrote it.", {"J. K. Rowling wrote it."}},
      {"J.K. Rowling wrote it.", {"J.K. Rowling wrote it."}},
      {"The F.B.I. Director spoke.", {"The F.B.I. Director spoke."}},
      {"The F.B.I. The agency said.", {"The F.B.I.", "The agency said."}},
      {"W. A. Mozart wrote it.", {"W. A. Mozart wrote it."}},
      {"We chose plan B. The rest failed.",
       {"We chose plan B.", "The rest failed."}},
      // Numbers, URLs, e-mail.
      {"Growth was 3.5 percent. Prices rose.",
       {"Growth was 3.5 percent.", "Prices rose."}},
      {"It cost $1.5 billion.", {"It cost $1.5 billion."}},
      {"See www.example.com for details.",
       {"See www.example.com for details."}},
      {"Write to a.b@example.org. He will reply.",
       {"Write to a.b@example.org.", "He will reply."}},
      {"1. The first point is this.", {"1. The first point is this."}},
      {"It was 1990. The war ended.", {"It was 1990.", "The war ended."}},
      // Ellipsis.
      {"We will... we must go.", {"We will... we must go."}},
      {"We will \xE2\x80\xA6 Victory is ours.",
       {"We will \xE2\x80\xA6 Victory is ours."}},
      {"He paused... Then he left.", {"He paused...", "Then he left."}},
      {"He paused\xE2\x80\xA6 The end.", {"He paused\xE2\x80\xA6", "The end."}},
      // Quotes.
      {"\"Why?\" he asked.", {"\"Why?\" he asked."}},
      {"\"Is that all?\" Trump said.", {"\"Is that all?\" Trump said."}},
      {"\"Why?\" Sen. Elizabeth Warren asked reporters.",
       {"\"Why?\" Sen. Elizabeth Warren asked reporters."}},
      {"\"Why?\" The answer is simple.", {"\"Why?\"", "The answer is simple."}},
      {"\"Why?\" Because we can.", {"\"Why?\"", "Because we can."}},
      {"Why? Trump said so.", {"Why?", "Trump said so."}},  // no quote closed
      {"It happened on FRIDAY, DEC. 2 at noon.",
       {"It happened on FRIDAY, DEC. 2 at noon."}},
      {"\"Stop!\" she shouted.", {"\"Stop!\" she shouted."}},
      {"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.",
       {"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."}},
      {"\"We are ready.\" The minister said so.",
       {"\"We are ready.\"", "The minister said so."}},
      {"\"We are ready.\", the minister said.",
       {"\"We are ready.\", the minister said."}},
      {"\xE2\x80\x9CWe are ready.\xE2\x80\x9D, he said.",
       {"\xE2\x80\x9CWe are ready.\xE2\x80\x9D, he said."}},
      {"\"We are ready,\" he said. \"We go.\"",
       {"\"We are ready,\" he said.", "\"We go.\""}},
      {"He said: \"Stop. Now.\"", {"He said: \"Stop.", "Now.\""}},
      {"(He left.) She stayed.", {"(He left.)", "She stayed."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_THAT(Sentences(c.text), ElementsAreArray(c.sentences));
    CheckInvariants(c.text, Segment(c.text));
  }
}

TEST(Segmenter, EverySentenceStarterIsFound) {
  // The starter list is binary-searched: words from its start, middle and
  // end must all make "the U.S. <Word> ..." split.
  const char* const words[] = {"A",    "About",     "Because", "Certainly",
                               "More", "Probably",  "The",     "Unfortunately",
                               "Well", "Yesterday", "You"};
  for (const char* w : words) {
    const std::string text = absl::StrCat("We met in the U.S. ", w, " left.");
    SCOPED_TRACE(text);
    EXPECT_THAT(Sentences(text),
                ElementsAre("We met in the U.S.", absl::StrCat(w, " left.")));
  }
  // Not starters: a name, and a starter that is really an initial ("A.").
  EXPECT_THAT(Sentences("We met in the U.S. Trump left."),
              ElementsAre("We met in the U.S. Trump left."));
  EXPECT_THAT(Sentences("We met in the U.S. A. Smith left."),
              ElementsAre("We met in the U.S. A. Smith left."));
}

TEST(Segmenter, SentencesKeepTheirParagraph) {
  const std::string text = "One. Two.\n\nThree.";
  TextLayout layout = Segment(text);
  ASSERT_EQ(layout.sentences.size(), 3u);
  EXPECT_EQ(layout.sentences[0].paragraph, 0);
  EXPECT_EQ(layout.sentences[1].paragraph, 0);
  EXPECT_EQ(layout.sentences[2].paragraph, 1);
  EXPECT_EQ(layout.sentences[1].begin, 5u);
  EXPECT_EQ(layout.sentences[1].end, 9u);
  EXPECT_EQ(layout.sentences[2].begin, 11u);
  EXPECT_EQ(layout.sentences[2].end, 17u);
}

TEST(Segmenter, Quotes) {
  struct Case {
    std::string text;
    std::vector<std::string> quotes;
  } cases[] = {
      {"No quotes here.", {}},
      {"He said \"we are ready\" today.", {"[we are ready]"}},
      {"\"One,\" he said, \"two.\"", {"[One,]", "[two.]"}},
      {"\xE2\x80\x9C"
       "Curly\xE2\x80\x9D marks.",
       {"[Curly]"}},
      {"\xC2\xAB Bonjour \xC2\xBB dit-il.", {"[ Bonjour ]"}},
      {"Er sagte \xC2\xBBJa\xC2\xAB und ging.", {"[Ja]"}},  // » « German
      {"Er sagte \xE2\x80\x9EJa\xE2\x80\x9C und ging.", {"[Ja]"}},    // „ “
      {"Powiedzia\xC5\x82 \xE2\x80\x9ETak\xE2\x80\x9D.", {"[Tak]"}},  // „ ”
      {"\xE2\x80\x9FReversed\xE2\x80\x9D mark.", {"[Reversed]"}},
      {"``LaTeX style'' quote.", {"[LaTeX style]"}},
      {"a \xE2\x80\xB3prime\xE2\x80\xB3 b", {"[prime]"}},
      // Mixed directions: pair with the next closing mark of any style.
      {"Russia\xE2\x80\x99s \xE2\x80\x9Cwar of aggression\" and more",
       {"[war of aggression]"}},
      {"a \"mixed\xE2\x80\x9D b", {"[mixed]"}},
      // Single quotes and apostrophes are not quote marks.
      {"It's 'fine' and Russia\xE2\x80\x99s \xE2\x80\x98too\xE2\x80\x99.", {}},
      {"\"We said 'no' to it,\" he said.", {"[We said 'no' to it,]"}},
      {"\xE2\x80\x9CHe told me \xE2\x80\x98go\xE2\x80\x99\xE2\x80\x9D",
       {"[He told me \xE2\x80\x98go\xE2\x80\x99]"}},
      // Empty quote.
      {"He said \"\" then.", {"[]"}},
      // Unclosed at paragraph end: ends at the paragraph end.
      {"He said \"we will go  ", {"[we will go>"}},
      // A mark with only space after it up to the paragraph end opens
      // nothing: it closes the open quote, or is ignored.
      {"Trailing mark \"  ", {}},
      {"He said \xE2\x80\x9Cno, it is illegal. \xE2\x80\x9C\n\nNext.",
       {"[no, it is illegal. ]"}},
      // A stray closer with nothing open is ignored.
      {"A 12\" pizza.", {}},
      {"A 12\" pizza and \"a quote\" here.", {"[a quote]"}},
      // A new opener while a quote is open restarts quoting.
      {"\"We go, he said. \"Now,\" she said.", {"[We go, he said.>", "[Now,]"}},
      // Quotes never cross paragraphs.
      {"\"Open here\nand \"closed\" there.", {"[Open here>", "[closed]"}},
      // A curly opener inside an open curly quote, followed by two closers
      // in the paragraph, opens a nested quote; with one closer after it,
      // it restarts quoting.
      {"\xE2\x80\x9CWe wore \xE2\x80\x9CSave it\xE2\x80\x9D shirts.\xE2\x80\x9D Then.",
       {"[We wore \xE2\x80\x9CSave it\xE2\x80\x9D shirts.]"}},
      {"\xE2\x80\x9COpen here \xE2\x80\x9CNow,\xE2\x80\x9D she said.",
       {"[Open here>", "[Now,]"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_THAT(Quotes(c.text), ElementsAreArray(c.quotes));
    CheckInvariants(c.text, Segment(c.text));
  }
}

// The 16-byte scan stops at '#' and '&' with the quotation marks ('"' and
// '\'' differ from them in bits 0x05 only): the segmenter passes over them
// as over any letter, beside a mark or a terminator too.
TEST(Segmenter, HashAndAmpersandOpenNothing) {
  EXPECT_THAT(Sentences("AT&T fell #3 places. R&D rose."),
              ElementsAre("AT&T fell #3 places.", "R&D rose."));
  const std::string text = "S&P said \"#1 & #2.\" #vote&go \"A&B\"&c.";
  EXPECT_THAT(Quotes(text), ElementsAre("[#1 & #2.]", "[A&B]"));
  CheckInvariants(text, Segment(text));
}

// The scan reads the last bytes of the text one at a time and the rest
// many at a time: a paragraph splits into the same sentences and quotes
// whether it ends the text or more text follows it, at every distance from
// the end.
TEST(Segmenter, ParagraphReadsTheSameWhereverTheTextEnds) {
  const std::string paragraphs[] = {
      "He said \"yes.\" Then he left. AT&T fell #3 places!",
      "\xE2\x80\x9CWe\xE2\x80\x99ll see,\xE2\x80\x9D Sen. Li said\xE2\x80\xA6 "
      "It's done?",
      "A\tB said: 'no' and \"maybe\". Mr. Smith agreed. ``Fine,'' she said.",
      // Bytes SSE2 stops at that are of no class: '$', '%', '/', '>'.
      "Shares rose 5% to $30/unit > forecast. \"Sell!\" she said; 'why?' "
      "he asked.",
  };
  for (const std::string& para : paragraphs) {
    const TextLayout alone = Segment(para);
    for (size_t pad = 0; pad <= 40; ++pad) {
      const std::string text =
          absl::StrCat(para, "\n\n", std::string(pad, 'x'), ".");
      SCOPED_TRACE(text);
      const TextLayout layout = Segment(text);
      ASSERT_GE(layout.sentences.size(), alone.sentences.size());
      for (size_t k = 0; k < alone.sentences.size(); ++k) {
        EXPECT_EQ(layout.sentences[k].begin, alone.sentences[k].begin);
        EXPECT_EQ(layout.sentences[k].end, alone.sentences[k].end);
      }
      ASSERT_EQ(layout.quotes.size(), alone.quotes.size());
      for (size_t k = 0; k < alone.quotes.size(); ++k) {
        EXPECT_EQ(layout.quotes[k].open, alone.quotes[k].open);
        EXPECT_EQ(layout.quotes[k].close_end, alone.quotes[k].close_end);
      }
      CheckInvariants(text, layout);
    }
  }
}

TEST(Segmenter, QuoteOffsets) {
  const std::string text = "He said \xE2\x80\x9Cyes\" twice.";
  TextLayout layout = Segment(text);
  ASSERT_EQ(layout.quotes.size(), 1u);
  const Quote& q = layout.quotes[0];
  EXPECT_EQ(q.open, 8u);
  EXPECT_EQ(q.begin, 11u);
  EXPECT_EQ(q.end, 14u);
  EXPECT_EQ(q.close_end, 15u);
  EXPECT_TRUE(q.closed);
  EXPECT_FALSE(q.continues);
  EXPECT_EQ(q.paragraph, 0);
}

TEST(Segmenter, MultiParagraphQuote) {
  const std::string text =
      "He said: \"We will fight.\n"
      "\"We will not give up.\n"
      "\n"
      "\"We will win.\" The crowd cheered.\n"
      "\"Unrelated\" quote.";
  EXPECT_THAT(Quotes(text),
              ElementsAre("[We will fight.>+", "[We will not give up.>+",
                          "[We will win.]", "[Unrelated]"));
  TextLayout layout = Segment(text);
  ASSERT_EQ(layout.quotes.size(), 4u);
  EXPECT_EQ(layout.quotes[0].paragraph, 0);
  EXPECT_EQ(layout.quotes[0].end, layout.paragraphs[0].end);
  EXPECT_EQ(layout.quotes[1].paragraph, 1);
  EXPECT_EQ(layout.quotes[2].paragraph, 2);
  CheckInvariants(text, layout);
}

TEST(Segmenter, UnclosedQuoteWithoutContinuation) {
  EXPECT_THAT(Quotes("He said \"we will\nThen he left."),
              ElementsAre("[we will>"));
  // The next paragraph has a quote, but not at its start.
  EXPECT_THAT(Quotes("\"Open\nHe said \"x\"."), ElementsAre("[Open>", "[x]"));
}

TEST(Segmenter, ThousandsOfUnbalancedMarks) {
  struct Case {
    const char* name;
    std::string text;
  } cases[] = {
      {"straight", std::string(10000, '"')},
      {"spaced",
       [] {
         std::string s;
         for (int i = 0; i < 10000; ++i) s += "\" ";
         return s;
       }()},
      {"openers",
       [] {
         std::string s;
         for (int i = 0; i < 10000; ++i) s += " \xE2\x80\x9Cword";
         return s;
       }()},
      {"closers",
       [] {
         std::string s;
         for (int i = 0; i < 10000; ++i) s += "word\xE2\x80\x9D ";
         return s;
       }()},
      {"lines",
       [] {
         std::string s;
         for (int i = 0; i < 10000; ++i) s += "\"a\n";
         return s;
       }()},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TextLayout layout = Segment(c.text);
    CheckInvariants(c.text, layout);
    EXPECT_LE(layout.quotes.size(), 10000u);
  }
  // 10,000 openers, each restarting: 10,000 quotes, the last unclosed.
  TextLayout layout = Segment(cases[2].text);
  EXPECT_EQ(layout.quotes.size(), 10000u);
  EXPECT_FALSE(layout.quotes.back().closed);
  // 10,000 lines each opening a quote: each continues the previous one.
  layout = Segment(cases[4].text);
  ASSERT_EQ(layout.quotes.size(), 10000u);
  EXPECT_EQ(layout.paragraphs.size(), 10000u);
  EXPECT_TRUE(layout.quotes[0].continues);
  EXPECT_FALSE(layout.quotes.back().continues);
}

TEST(Segmenter, PathologicalMegabyteInputsStayLinear) {
  // Each pattern repeated to 1 MiB, one paragraph. A quadratic path (a
  // rescan per mark or per period) would take minutes; these take
  // milliseconds. The counts check the scan really went through.
  struct Case {
    const char* unit;
    size_t sentences_per_unit;  // 0: not checked
  } cases[] = {
      {"\" ", 0},                    // marks separated by space
      {"\"          ", 0},           // and by long space
      {"Go. ", 1},                   // a sentence per 4 bytes
      {". A", 0},                    // "A." reads as an initial
      {"Mr. ", 0},                   // abbreviations, never a boundary
      {"\"Why?\" Trump said. ", 1},  // speech tags
      {".\"\"\"\"\"\"\"\"", 0},      // terminator + many closers
      {"\xE2\x80\x9C\xE2\x80\x9D\xC2\xAB", 0},
      {"a.b.c.d.e.f.g.h.", 0},  // a long token full of periods
      {"\xE2\x80\xA6 ", 0},     // ellipses
      {"\xFF\xC3", 0},          // invalid UTF-8
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.unit);
    std::string text;
    const std::string unit = c.unit;
    while (text.size() < (1u << 20)) text += unit;
    const size_t units = text.size() / unit.size();
    TextLayout layout = Segment(text);
    CheckInvariants(text, layout);
    EXPECT_EQ(layout.paragraphs.size(), 1u);
    if (c.sentences_per_unit > 0) {
      EXPECT_NEAR(static_cast<double>(layout.sentences.size()),
                  static_cast<double>(units * c.sentences_per_unit), 2.0);
    }
  }
}

TEST(Segmenter, InvalidUtf8DoesNotCrash) {
  const std::string cases[] = {
      "\xFF\xFE\xFD",
      "He said \"\xC3\" and \xE2\x80",  // truncated sequences
      "\xE2\x80",                       // truncated curly mark at the end
      "\xE2",
      "\xC2",
      "End.\xE2\x80 \xC3 Next.",
      std::string("nul\0inside. Then \"\0\".", 22),
      "\x80\x80\x80. \xBF\xBF.",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    CheckInvariants(text, Segment(text));
  }
}

TEST(Segmenter, SeedArticle) {
  std::ifstream in("seeds/defense-ministers-call.txt", std::ios::binary);
  ASSERT_TRUE(in) << "run from the source directory";
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  ASSERT_TRUE(ValidateUtf8(text).ok());
  TextLayout layout = Segment(text);
  CheckInvariants(text, layout);
  EXPECT_EQ(layout.paragraphs.size(), 15u);
  EXPECT_EQ(Slice(text, layout.paragraphs[0].begin, layout.paragraphs[0].end)
                .substr(0, 30),
            "The French and Russian defense");
  // Counted by hand: eight quotes, all closed, one of them (“war of
  // aggression") opened curly and closed straight.
  std::vector<std::string> quotes;
  std::vector<int> paragraphs;
  for (const Quote& q : layout.quotes) {
    EXPECT_TRUE(q.closed);
    EXPECT_FALSE(q.continues);
    quotes.push_back(Slice(text, q.begin, q.end));
    paragraphs.push_back(q.paragraph);
  }
  EXPECT_THAT(
      quotes,
      ElementsAre("increased exchanges with the aim of fighting this threat "
                  "as effectively as possible,",
                  "war of aggression", "readiness for dialogue", "pointless",
                  "practical implementation", "create problems for France.",
                  "strategic uncertainty",
                  "we\xE2\x80\x99re not in that situation today."));
  EXPECT_THAT(paragraphs, ElementsAre(3, 6, 8, 9, 11, 11, 13, 14));
  // Paragraphs 5, 8 and 9 hold two sentences each; the others one.
  std::vector<int> per_paragraph(15);
  for (const Sentence& s : layout.sentences) ++per_paragraph[s.paragraph];
  EXPECT_THAT(per_paragraph,
              ElementsAre(1, 1, 1, 1, 1, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1));
}

}  // namespace
}  // namespace internal
}  // namespace whosaid
