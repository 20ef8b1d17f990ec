#include <cstdio>

#include "commands.h"

namespace whosaid_tool {

int RunEval(const Args& args) {
  (void)args;
  std::fprintf(stderr, "whosaid eval: not built yet\n");
  return 2;
}

}  // namespace whosaid_tool
