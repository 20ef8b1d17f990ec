#include "internal/store_util.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "whosaid/claim_store.h"

namespace whosaid {
namespace internal {

int64_t TextHash(absl::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<int64_t>(h);
}

std::string NormName(absl::string_view name) {
  std::string out;
  bool space = true;
  for (unsigned char c : name) {
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      if (space) out += ' ';
      out += static_cast<char>(absl::ascii_tolower(c));
      space = false;
    } else {
      space = true;
    }
  }
  if (!out.empty()) out += ' ';
  return out;
}

std::string EntityIdFor(v1::EntityType type, absl::string_view name) {
  std::string id;
  EntityIdFor(type, name, &id);
  return id;
}

void EntityIdFor(v1::EntityType type, absl::string_view name, std::string* id) {
  std::string kind = EntityTypeName(type);
  if (kind.empty()) kind = "unknown";
  // "kind:" and the slug written in place, in one buffer: an id is made for
  // every entity a claim names, and appending a byte at a time and joining
  // two strings cost more than the rest. The slug is no longer than `name`.
  // (On the stack, then copied over what *id held, in the memory it has:
  // resizing *id to write in it zero-filled it first, and cost as much as
  // the slug.)
  char on_stack[256];
  std::string longer;
  const size_t most = kind.size() + 1 + name.size();
  if (most > sizeof(on_stack)) longer.resize(most);
  char* const begin = most > sizeof(on_stack) ? &longer[0] : on_stack;
  char* out = std::copy(kind.begin(), kind.end(), begin);
  *out++ = ':';
  char* const slug = out;
  for (unsigned char c : name) {
    // Letters outside ASCII stay as they are: "sébastien".
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      *out++ = static_cast<char>(absl::ascii_tolower(c));
    } else if (out != slug && out[-1] != '-') {
      *out++ = '-';
    }
  }
  while (out != slug && out[-1] == '-') --out;
  id->clear();
  id->append(begin, static_cast<size_t>(out - begin));
  if (out == slug) id->append("unnamed");
}

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Offset just past any closing quotes ending at `m`, going left.
size_t SkipClosingQuotes(absl::string_view text, size_t m) {
  while (m > 0) {
    if (text[m - 1] == '"' || text[m - 1] == '\'') {
      --m;
    } else if (m >= 3 && text.substr(m - 3, 3) == "\xe2\x80\x9d") {
      m -= 3;
    } else {
      break;
    }
  }
  return m;
}

// Offset of the start of the sentence holding `pos`.
size_t SentenceStart(absl::string_view text, size_t pos) {
  for (size_t i = pos; i > 0; --i) {
    char prev = text[i - 1];
    if (prev == '\n') return i;
    if (IsSpace(prev)) {
      size_t m = SkipClosingQuotes(text, i - 1);
      if (m > 0 &&
          (text[m - 1] == '.' || text[m - 1] == '!' || text[m - 1] == '?')) {
        return i;
      }
    }
  }
  return 0;
}

// Offset of the end of the sentence holding `pos` (exclusive).
size_t SentenceEnd(absl::string_view text, size_t pos) {
  for (size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') return i;
    if (c == '.' || c == '!' || c == '?') {
      size_t j = i + 1;
      while (j < text.size() && (text[j] == '"' || text[j] == '\'' ||
                                 text.substr(j, 3) == "\xe2\x80\x9d")) {
        j += text[j] == '"' || text[j] == '\'' ? 1 : 3;
      }
      if (j >= text.size() || IsSpace(text[j])) return j;
    }
  }
  return text.size();
}

}  // namespace

void SentenceContext(absl::string_view text, const v1::Claim& claim,
                     std::string* context, uint32_t* begin) {
  std::vector<v1::Span> spans(claim.content_parts().begin(),
                              claim.content_parts().end());
  if (claim.has_cue()) spans.push_back(claim.cue().span());
  if (claim.has_speaker()) spans.push_back(claim.speaker().span());
  size_t lo = text.size(), hi = 0;
  for (const v1::Span& s : spans) {
    if (s.end() <= s.begin() || s.end() > text.size()) continue;
    lo = std::min<size_t>(lo, s.begin());
    hi = std::max<size_t>(hi, s.end());
  }
  context->clear();
  *begin = 0;
  if (lo >= hi) return;
  size_t start = SentenceStart(text, lo);
  size_t end = std::max(SentenceEnd(text, hi > 0 ? hi - 1 : 0), hi);
  *begin = static_cast<uint32_t>(start);
  *context = std::string(text.substr(start, end - start));
}

}  // namespace internal
}  // namespace whosaid
