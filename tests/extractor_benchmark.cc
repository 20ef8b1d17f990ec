// Benchmarks of the engine: Extractor::ExtractClaims on the seed article and
// on synthetic news-like text of several sizes, the Segmenter alone, and two
// pathological inputs (unbalanced quote marks; one paragraph full of
// quotations; a 16 MiB JSON string).
// Run from the source directory (the seed article is read from seeds/):
//   build/extractor_benchmark --benchmark_filter=Extract
#include <cstdint>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "benchmark/benchmark.h"
#include "internal/json.h"
#include "internal/lexicon.h"
#include "internal/text_layout.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

const Extractor& TheExtractor() {
  static const Extractor* const kExtractor = [] {
    auto e = Extractor::Create(ExtractorOptions());
    return e.ok() ? e->release() : nullptr;
  }();
  return *kExtractor;
}

// Paragraphs in the shapes news uses, with a name, a title and a number
// filled in; deterministic for a given size.
std::string SyntheticNews(size_t bytes) {
  static const char* const kTemplates[] = {
      "\"We will not accept this,\" {T} {F} {L} said on {D}.",
      "{L} told reporters that the talks had reached {N} rounds and would "
      "continue next week.",
      "According to the ministry, {N} people were evacuated from the coast.",
      "The plan was \"a step backwards,\" {L} said, adding that voters "
      "deserved better.",
      "Officials in the capital declined to comment on the report.",
      "The so-called \"reform\" has been delayed {N} times since {D}.",
      "{T} {F} {L} has claimed without providing evidence that the vote was "
      "rigged.",
      "Prices rose {N} percent in the year to {D}, the statistics office "
      "said.",
      "\"It is over,\" {L} said. \"We lost, and we will be back.\"",
      "The union called on the government to raise wages by {N} percent.",
  };
  static const char* const kFirst[] = {"Anna", "John", "Maria", "Karl",
                                       "Lena", "Paul", "Rita",  "Tom"};
  static const char* const kLast[] = {"Keller", "Adler", "Lopez", "Weiss",
                                      "Hart",   "Grant", "Moss",  "Ruiz"};
  static const char* const kTitle[] = {"Mayor", "Senator", "President",
                                       "Foreign Minister", "Governor"};
  static const char* const kDay[] = {"Monday", "Tuesday", "March", "Friday"};
  std::mt19937 rng(42);
  std::string out;
  while (out.size() < bytes) {
    std::string p = kTemplates[rng() % 10];
    p = absl::StrReplaceAll(p, {{"{T}", kTitle[rng() % 5]},
                                {"{F}", kFirst[rng() % 8]},
                                {"{L}", kLast[rng() % 8]},
                                {"{D}", kDay[rng() % 4]},
                                {"{N}", absl::StrCat(rng() % 500)}});
    absl::StrAppend(&out, p, "\n");
  }
  return out;
}

void RunExtract(benchmark::State& state, const std::string& text) {
  v1::Document doc;
  doc.set_id("bench");
  doc.set_text(text);
  v1::Extraction out;
  int64_t claims = 0;
  for (auto _ : state) {
    absl::Status s = TheExtractor().ExtractClaims(doc, &out);
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      return;
    }
    claims += out.claims_size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.counters["claims"] = benchmark::Counter(
      static_cast<double>(claims), benchmark::Counter::kAvgIterations);
}

void BM_ExtractSeed(benchmark::State& state) {
  std::ifstream in("seeds/defense-ministers-call.txt", std::ios::binary);
  if (!in) {
    state.SkipWithError(
        "seeds/defense-ministers-call.txt: cannot open (run from the source "
        "directory)");
    return;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  RunExtract(state, ss.str());
}
BENCHMARK(BM_ExtractSeed);

void BM_ExtractSynthetic(benchmark::State& state) {
  RunExtract(state, SyntheticNews(static_cast<size_t>(state.range(0))));
}
BENCHMARK(BM_ExtractSynthetic)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_Segment(benchmark::State& state) {
  auto lex = internal::Lexicon::Load("");
  if (!lex.ok()) {
    state.SkipWithError(lex.status().ToString().c_str());
    return;
  }
  internal::Segmenter segmenter((*lex)->abbreviation_lexicon());
  const std::string text = SyntheticNews(static_cast<size_t>(state.range(0)));
  internal::TextLayout layout;
  for (auto _ : state) {
    segmenter.Segment(text, &layout);
    benchmark::DoNotOptimize(layout);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Segment)->Arg(64 << 10)->Arg(1 << 20);

// Pathological inputs, to see they stay linear: thousands of unbalanced
// quote marks, and one JSONL line holding a 16 MiB string full of escapes.
void BM_ExtractUnbalancedQuotes(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < state.range(0); ++i) text += i % 7 == 0 ? "\" said " : "\"";
  RunExtract(state, text);
}
BENCHMARK(BM_ExtractUnbalancedQuotes)->Arg(10000);

// One paragraph of attributed quotations each followed by one no rule takes
// (orphan_quote): time per byte should not grow with the size.
void BM_ExtractQuoteHeavyParagraph(benchmark::State& state) {
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) {
    text += "\"The harvest was poor this year, and prices rose again,\" she said. "
            "\"We will plant again in the spring.\" ";
  }
  RunExtract(state, text);
}
BENCHMARK(BM_ExtractQuoteHeavyParagraph)->Arg(256 << 10)->Arg(2 << 20);

// One paragraph of claims that the passes after the rules pair with other
// claims of their sentence (a two-part quote sourced by a trailing
// "according to"): time per byte must not grow with the paragraph.
void BM_ExtractAttributionParagraph(benchmark::State& state) {
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) {
    text +=
        "\"We will not stop,\" she said, adding that \"the plan\" works, "
        "according to Roe. Roe said the talks failed. "
        "\"A,\" Lee said, according to the Post. ";
  }
  RunExtract(state, text);
}
BENCHMARK(BM_ExtractAttributionParagraph)->Arg(256 << 10)->Arg(2 << 20);

// A hard-wrapped book of one paragraph whose claims name one-word speakers:
// the test of a speaker's name against the whole book must not run per claim.
void BM_ExtractHardWrappedNames(benchmark::State& state) {
  std::string text;
  size_t line_start = 0;
  while (text.size() < static_cast<size_t>(state.range(0))) {
    for (absl::string_view word :
         absl::StrSplit("Roe said that the plan would work. Lee told Hale that "
                        "it was late. ",
                        ' ')) {
      if (word.empty()) continue;
      if (text.size() > line_start &&
          text.size() - line_start + word.size() > 68) {
        text.back() = '\n';  // wrap the line at the space before the word
        line_start = text.size();
      }
      absl::StrAppend(&text, word, " ");
    }
  }
  RunExtract(state, text);
}
BENCHMARK(BM_ExtractHardWrappedNames)->Arg(256 << 10)->Arg(2 << 20);

void BM_ParseJsonLongString(benchmark::State& state) {
  const std::string para =
      "The minister said on Tuesday that \xE2\x80\x9Cthe talks would "
      "continue\xE2\x80\x9D and added: \\\"nothing is agreed\\\".\\n";
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) text += para;
  const std::string line = "{\"id\": \"big\", \"text\": \"" + text + "\"}";
  for (auto _ : state) {
    auto v = internal::ParseJson(line);
    if (!v.ok()) {
      state.SkipWithError(v.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(line.size()));
}
BENCHMARK(BM_ParseJsonLongString)->Arg(16 << 20);

}  // namespace
}  // namespace whosaid

BENCHMARK_MAIN();
