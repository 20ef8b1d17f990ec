#include "whosaid/extractor.h"

#include "gtest/gtest.h"

namespace whosaid {
namespace {

TEST(Extractor, CreatesWithBuiltInLexicons) {
  auto e = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(e.ok()) << e.status();
}

}  // namespace
}  // namespace whosaid
