// Copyright whosaid authors.
//
// TopicTagger says which topics a piece of text is about, from a topic
// lexicon: a whosaid.v1.TopicLexicon in protobuf text format (schema:
// proto/whosaid/v1/topics.proto). Each topic has a name and RE2 patterns; the
// text gets every topic one of whose patterns matches it.
//
//   auto tagger = whosaid::TopicTagger::CreateDefault();
//   if (!tagger.ok()) return tagger.status();
//   std::vector<std::string> topics;
//   (*tagger)->Tag("Lecornu said France would fight terrorism in Kyiv.",
//                  &topics);
//   // topics == {"terrorism", "France", "Ukraine"}  (lexicon order)
//
// Matching rules:
//   - case-insensitive (a pattern may opt out with RE2's "(?-i:US)");
//   - whole words only: each pattern is wrapped as
//     (?:^|\W)(?:pattern)(?:\W|$), so "war" does not match "software" or
//     "warm", and a pattern ending in a dot ("U\.S\.") still matches
//     (\W is ASCII: a non-ASCII letter counts as a boundary);
//   - Tag() answers as if all patterns of all topics were in one RE2::Set.
//     Most patterns are words and phrases ("wars?", "air ?strikes?",
//     "(?-i:NATO)", "U\.S\."): Create() reads those as the strings they
//     match and builds one automaton over bytes, which Tag() runs from the
//     start of each word of the text, so the cost of a text hardly grows
//     with the lexicon. The other patterns (\d, ".", "*", ...) and the
//     spellings with non-ASCII letters go to a smaller RE2::Set; Tag() skips
//     that set when it holds only such spellings and the text has no
//     non-ASCII byte but quotes and dashes (U+2000..U+203F). A text with
//     U+017F or U+212A, which RE2 folds to "s" and "k", takes the RE2::Set
//     of all patterns.
//
// The default lexicon (seeds/lexicons/topics.textproto, compiled into the
// library) has three kinds of topic:
//   - subjects a news reader looks for: war, terrorism, elections, economy,
//     health, climate, migration, crime, diplomacy, defense, energy, ...;
//   - places: countries and regions, named as in English news ("Ukraine",
//     "United States"). A capital and the demonym tag the country: "Kyiv",
//     "Ukrainian" -> "Ukraine", "Moscow", "Kremlin" -> "Russia",
//     "Washington" -> "United States". News uses capitals as metonyms for
//     governments ("accusations against Kyiv"), so a claim about Kyiv is a
//     claim about Ukraine; a reader who wants the city alone can ship a
//     lexicon with a "Kyiv" topic of its own;
//   - organisations: NATO, United Nations, European Union, ... (acronym and
//     full name).
//
// A TopicTagger is immutable after Create() and safe for concurrent use by
// multiple threads.
#ifndef WHOSAID_TOPIC_TAGGER_H_
#define WHOSAID_TOPIC_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace whosaid {
namespace v1 {
class TopicLexicon;
}  // namespace v1

class TopicTagger {
 public:
  // Parses and compiles the lexicon in `textproto`. `origin` names it in
  // error messages (a file name). Errors are kInvalidArgument with
  // "origin:line: message", line 1-based:
  //   - text format errors ("topics.textproto:3: Expected ...");
  //   - a topic without a name or without patterns;
  //   - a name used by two topics;
  //   - a pattern RE2 rejects ("topics.textproto:12: bad pattern
  //     \"(war\": missing ): (war");
  //   - a pattern that matches the empty string (it would tag everything).
  static absl::StatusOr<std::unique_ptr<TopicTagger>> Create(
      absl::string_view textproto, absl::string_view origin);

  // The tagger for the default lexicon compiled into the library
  // ("topics.textproto"). Fails only if that file is broken (a build bug).
  static absl::StatusOr<std::unique_ptr<TopicTagger>> CreateDefault();

  // Reads the lexicon file at `path` and calls Create(); kNotFound if the
  // file cannot be read.
  static absl::StatusOr<std::unique_ptr<TopicTagger>> CreateFromFile(
      const std::string& path);

  ~TopicTagger();
  // Not copyable or movable: compiled patterns are expensive.
  TopicTagger(const TopicTagger&) = delete;
  TopicTagger& operator=(const TopicTagger&) = delete;

  // Appends to `*topics` the name of every topic matching `text` that is not
  // in `*topics` already, in lexicon order. Existing entries are kept, so a
  // caller may tag several texts (content, speaker) into one list.
  // REQUIRES: topics != nullptr.
  void Tag(absl::string_view text, std::vector<std::string>* topics) const;

  // The topic names, in lexicon order.
  const std::vector<std::string>& topic_names() const { return names_; }

 private:
  TopicTagger();

  // Holds the RE2 sets and the word automaton (topic_tagger.cc): keeps RE2
  // out of this header.
  struct Patterns;

  // Fills patterns_->words and patterns_->rest from the lexicon, whose
  // patterns are all in patterns_->wrapped.
  void SplitPatterns(const v1::TopicLexicon& lexicon);

  std::vector<std::string> names_;
  // Set index -> index into names_.
  std::vector<int> pattern_topic_;
  std::unique_ptr<Patterns> patterns_;
};

}  // namespace whosaid

#endif  // WHOSAID_TOPIC_TAGGER_H_
