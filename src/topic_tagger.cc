#include "whosaid/topic_tagger.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "internal/embedded.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "whosaid/v1/topics.pb.h"

namespace whosaid {
namespace {

// Keeps the first text-format error, with its 1-based line.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    (void)column;
    if (line_ == 0) {
      line_ = line + 1;
      message_ = message;
    }
  }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  int line_ = 0;
  std::string message_;
};

re2::StringPiece Piece(absl::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// Wraps a pattern so it matches whole words only. \b keeps the set's DFA
// small (a (?:^|\W) prefix on every pattern made matching ~6x slower); a
// pattern that ends in a period ("U\.S\.") takes a non-word or the end.
std::string WholeWords(absl::string_view pattern) {
  bool ends_in_period = absl::EndsWith(pattern, ".");
  return absl::StrCat("\\b(?:", pattern, ")",
                      ends_in_period ? "(?:\\W|$)" : "\\b");
}

// Whether `pattern` is plain words: ASCII letters, digits, spaces, ' and -,
// with | and groups "(...)", and ? after a letter or a group, in each
// top-level alternative a letter that ? does not make optional. Such a
// pattern compiles (RE2 reads every one of them) and cannot match the empty
// string, so Create() need not compile it alone to find out: most of the
// lexicon's patterns are of this kind ("wars?", "air ?strikes?",
// "invad(e|es|ed|ing)"), and compiling each alone was most of the cost of
// Create(). Any other pattern is checked as before, and so is a long one
// (one too large for RE2's memory budget fails to compile alone).
bool PlainWords(absl::string_view pattern) {
  if (pattern.size() > 256) return false;
  auto word_char = [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == ' ' ||
           c == '\'' || c == '-';
  };
  int depth = 0;
  bool required = false;  // in the current top-level alternative
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    const bool optional = i + 1 < pattern.size() && pattern[i + 1] == '?';
    if (word_char(c)) {
      if (depth == 0 && !optional) required = true;
    } else if (c == '(') {
      if (optional) return false;  // "(?" opens flags or a named group
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;
    } else if (c == '|') {
      if (depth == 0) {
        if (!required) return false;
        required = false;
      }
    } else if (c == '?') {
      // After a letter or a group, and not "??".
      if (i == 0 || !(word_char(pattern[i - 1]) || pattern[i - 1] == ')') ||
          optional) {
        return false;
      }
    } else {
      return false;
    }
  }
  return depth == 0 && required;
}

}  // namespace

struct TopicTagger::Patterns {
  explicit Patterns(const RE2::Options& options)
      : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

TopicTagger::TopicTagger() = default;
TopicTagger::~TopicTagger() = default;

absl::StatusOr<std::unique_ptr<TopicTagger>> TopicTagger::Create(
    absl::string_view textproto, absl::string_view origin) {
  v1::TopicLexicon lexicon;
  google::protobuf::TextFormat::Parser parser;
  FirstError errors;
  google::protobuf::TextFormat::ParseInfoTree tree;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(std::string(textproto), &lexicon)) {
    return absl::InvalidArgumentError(
        absl::StrCat(origin, ":", std::max(errors.line(), 1), ": ",
                     errors.message().empty() ? "malformed topic lexicon"
                                              : errors.message()));
  }
  const auto* topics_field =
      v1::TopicLexicon::descriptor()->FindFieldByName("topics");
  const auto* patterns_field =
      v1::Topic::descriptor()->FindFieldByName("patterns");

  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto tagger = std::unique_ptr<TopicTagger>(new TopicTagger());
  tagger->patterns_ = std::make_unique<Patterns>(options);
  absl::flat_hash_set<std::string> seen;

  for (int t = 0; t < lexicon.topics_size(); ++t) {
    const v1::Topic& topic = lexicon.topics(t);
    const auto* topic_tree = tree.GetTreeForNested(topics_field, t);
    int topic_line = tree.GetLocation(topics_field, t).line + 1;
    if (topic.name().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", topic_line, ": topic without a name"));
    }
    if (!seen.insert(topic.name()).second) {
      return absl::InvalidArgumentError(absl::StrCat(origin, ":", topic_line,
                                                     ": topic \"", topic.name(),
                                                     "\" defined twice"));
    }
    if (topic.patterns_size() == 0) {
      return absl::InvalidArgumentError(absl::StrCat(origin, ":", topic_line,
                                                     ": topic \"", topic.name(),
                                                     "\" has no patterns"));
    }
    for (int p = 0; p < topic.patterns_size(); ++p) {
      const std::string& pattern = topic.patterns(p);
      int line = topic_tree == nullptr
                     ? topic_line
                     : topic_tree->GetLocation(patterns_field, p).line + 1;
      if (!PlainWords(pattern)) {
        RE2 alone(pattern, options);
        if (!alone.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat(origin, ":", line, ": bad pattern \"", pattern,
                           "\": ", alone.error()));
        }
        if (RE2::FullMatch("", alone)) {
          return absl::InvalidArgumentError(
              absl::StrCat(origin, ":", line, ": pattern \"", pattern,
                           "\" matches the empty string"));
        }
      }
      std::string error;
      int index =
          tagger->patterns_->set.Add(Piece(WholeWords(pattern)), &error);
      if (index < 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            origin, ":", line, ": bad pattern \"", pattern, "\": ", error));
      }
      tagger->pattern_topic_.push_back(t);
    }
    tagger->names_.push_back(topic.name());
  }
  if (!tagger->patterns_->set.Compile()) {
    return absl::ResourceExhaustedError(absl::StrCat(
        origin, ": topic patterns too large to compile (over 64 MiB)"));
  }
  return tagger;
}

absl::StatusOr<std::unique_ptr<TopicTagger>> TopicTagger::CreateDefault() {
  absl::string_view data = internal::FindEmbeddedFile("topics.textproto");
  if (data.empty()) {
    return absl::InternalError("topics.textproto is not embedded");
  }
  return Create(data, "topics.textproto");
}

absl::StatusOr<std::unique_ptr<TopicTagger>> TopicTagger::CreateFromFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot read topic lexicon"));
  }
  std::string data((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  return Create(data, path);
}

void TopicTagger::Tag(absl::string_view text,
                      std::vector<std::string>* topics) const {
  if (names_.empty()) return;
  // One buffer per thread: Set::Match clears and refills it, so a claim costs
  // no allocation here once the buffer has grown.
  thread_local std::vector<int> hits;
  if (!patterns_->set.Match(Piece(text), &hits)) return;
  // Set indices come in no particular order; pattern_topic_ is
  // non-decreasing, so sorted indices give topics in lexicon order.
  std::sort(hits.begin(), hits.end());
  int last = -1;
  for (int h : hits) {
    int t = pattern_topic_[h];
    if (t == last) continue;
    last = t;
    if (std::find(topics->begin(), topics->end(), names_[t]) == topics->end()) {
      topics->push_back(names_[t]);
    }
  }
}

}  // namespace whosaid
