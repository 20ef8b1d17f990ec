// Throughput of the normalisation stage (target: >= 300 MB/s per core, so
// the whole engine can reach 50 MB/s). Inputs: the seed article repeated to
// the given size, plus quote-heavy and ASCII-only synthetic text.
//
//   build/text_layout_benchmark   # run from the source directory
#include <fstream>
#include <iterator>
#include <string>

#include "benchmark/benchmark.h"
#include "internal/embedded.h"
#include "internal/text_layout.h"

namespace whosaid {
namespace internal {
namespace {

std::string SeedArticle() {
  std::ifstream in("seeds/defense-ministers-call.txt", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  if (text.empty()) {
    // Not run from the source directory: a stand-in with the same traits.
    text =
        "Lecornu told Shoigu that France was \xE2\x80\x9Cready\" for "
        "\"increased exchanges,\" a statement said. Mr. Macron, the U.S. "
        "and Sen. Warren agreed.\n";
  }
  return text;
}

std::string Repeat(const std::string& unit, size_t size) {
  std::string out;
  out.reserve(size + unit.size());
  while (out.size() < size) out += unit + "\n";
  return out;
}

const Segmenter& BenchSegmenter() {
  static const Segmenter* const kSegmenter = [] {
    auto abbreviations = ParseAbbreviations(
        FindEmbeddedFile("abbreviations.tsv"), "abbreviations.tsv");
    return new Segmenter(abbreviations.ok() ? *abbreviations : Abbreviations());
  }();
  return *kSegmenter;
}

void RunSegment(benchmark::State& state, const std::string& text) {
  TextLayout layout;
  for (auto _ : state) {
    BenchSegmenter().Segment(text, &layout);
    benchmark::DoNotOptimize(layout.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["sentences"] = static_cast<double>(layout.sentences.size());
  state.counters["quotes"] = static_cast<double>(layout.quotes.size());
}

void BM_SegmentSeedArticle(benchmark::State& state) {
  RunSegment(state, Repeat(SeedArticle(), static_cast<size_t>(state.range(0))));
}
BENCHMARK(BM_SegmentSeedArticle)->Arg(4 << 10)->Arg(256 << 10)->Arg(4 << 20);

void BM_SegmentQuoteHeavy(benchmark::State& state) {
  RunSegment(state,
             Repeat("\"We are ready,\" he said. \xE2\x80\x9CWe go.\xE2\x80\x9D "
                    "\"Why?\" she asked. Mr. Smith left the U.S. The end.",
                    static_cast<size_t>(state.range(0))));
}
BENCHMARK(BM_SegmentQuoteHeavy)->Arg(256 << 10);

void BM_ValidateUtf8(benchmark::State& state) {
  const std::string text =
      Repeat(SeedArticle(), static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(ValidateUtf8(text).ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ValidateUtf8)->Arg(256 << 10)->Arg(4 << 20);

}  // namespace
}  // namespace internal
}  // namespace whosaid

BENCHMARK_MAIN();
