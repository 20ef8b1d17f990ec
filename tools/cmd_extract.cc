#include <cstdio>

#include "commands.h"

namespace whosaid_tool {

int RunExtract(const Args& args) {
  (void)args;
  std::fprintf(stderr, "whosaid extract: not built yet\n");
  return 2;
}

}  // namespace whosaid_tool
