// Tokens and tags: the engine's view of a sentence. Each token gets one tag
// character (see the legend in seeds/lexicons/rules.tsv), so a sentence
// becomes a short string the attribution rules match with RE2.
//
// A Tagger is immutable and safe for concurrent use.
#ifndef WHOSAID_INTERNAL_TAGGER_H_
#define WHOSAID_INTERNAL_TAGGER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"
#include "internal/lexicon.h"
#include "internal/text_layout.h"

namespace whosaid {
namespace internal {

// Token::info of a word the tagger did not look up.
inline const WordInfo kWordNotLookedUp{};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  char tag = 'o';
  bool cap = false;       // starts with an upper-case letter
  uint8_t cue_words = 0;  // words in the cue phrase starting here, or 0
  bool time = false;      // a word of time ("Friday", "yesterday")
  int cue = -1;           // index into Lexicon::cues() when cue_words > 0
  // The lexicons' entry of the word lower-cased byte for byte (ASCII
  // letters only), as the tagger looked it up (nullptr: none), or
  // &kWordNotLookedUp when it did not (not a word, or one with a \u2019 it
  // read as an apostrophe): the attribution rules read it instead of
  // looking the word up again.
  const WordInfo* info = &kWordNotLookedUp;
};

// Where the quote marks of a document open and close, by byte offset.
class QuoteMarks {
 public:
  struct Mark {
    uint32_t offset;
    char tag;  // 'q' opens, 'Q' closes
  };

  void Build(const TextLayout& layout);
  // 'q' for an opening mark at `offset`, 'Q' for a closing one, 0 otherwise.
  char At(uint32_t offset) const;
  // The marks by offset, one per offset: a tagger walking a sentence from
  // left to right follows them with a cursor instead of looking each token
  // up.
  const std::vector<Mark>& sorted() const { return sorted_; }

 private:
  std::vector<Mark> sorted_;
};

class Tagger {
 public:
  // `lexicon` must outlive the Tagger.
  explicit Tagger(const Lexicon* lexicon) : lex_(lexicon) {}

  // Tokenizes text[range.begin, range.end) and appends one Token and one tag
  // character per token to `tokens` and `tags` (both cleared first).
  void Tag(absl::string_view text, Range range, const QuoteMarks& marks,
           std::vector<Token>* tokens, std::string* tags) const;

 private:
  // `buffer` holds the lower-cased word when it is too long for the stack.
  // `headline`: the sentence is in title case, and every word reads as if
  // it began a sentence.
  // Sets the bit of the word's class (1 << WordClass) in `*classes` when
  // the lexicons know the word: Tag() gathers them over the sentence, so
  // that the passes after it run only where their words are.
  // Not for a word whose Token::info is nullptr (one Tag() looked up and
  // found in no lexicon): Tag() tags it by its shape.
  // (Inline, and defined in tagger.cc: Tag() is its only caller.)
  inline char WordTag(absl::string_view text, std::vector<Token>* tokens,
                      size_t i, bool headline, std::string* buffer,
                      uint64_t* classes) const;
  // Retags as adverbs ('l') a phrase of time right after a cue ("said last
  // week", "announced this morning", "said two days ago"), so that a
  // trailing cue keeps the clause before it as its content; and one between
  // a subject and its cue ("The mayor last week said"), so that the subject
  // speaks.
  // "In a Des Moines Register poll last month, C": makes a preposition of
  // class source (verbs.tsv flag) that opens the sentence a cue, when a
  // noun phrase a poll noun heads (function_words.tsv class poll) follows
  // it, perhaps with a phrase of its own ("released Sunday"), and a comma
  // then opens what the poll found. Returns whether it made one.
  bool TagSourceCue(absl::string_view text, std::vector<Token>* tokens,
                    std::string* tags) const;
  void TagTimeAfterCue(absl::string_view text, std::vector<Token>* tokens,
                       std::string* tags) const;
  // The tag of `word`, a capitalised word tagged as a name that opens a
  // sentence: 'l' or 'i' when its shape and the words after it (up to
  // `end`) make it an adverb or a participle ("Similarly, ...", "Speaking at
  // a rally, ..."), else 'N'.
  char OpenerTag(absl::string_view text, const Token* word, const Token* end) const;
  // Whether a light verb (function_words.tsv class light: "made", "issued")
  // takes the noun at i as its object: right before it, or before its
  // determiner, possessive or "no" and one or two modifiers ("made the
  // case", "issued a stern warning", "made no mention", "made his case"). Not first in the sentence: it needs a subject.
  // The lexicons' entry of the word of `token` (nullptr: none): the one
  // the tagger looked it up by, or looked up now when it did not.
  const WordInfo* EntryOf(absl::string_view text, const Token& token) const;
  // Whether the word of `token` is an auxiliary or a copula that agrees
  // only with a subject of `number`, 's' or 'p' (Lexicon::VerbNumber()):
  // "is", "has" / "are", "have".
  bool AgreesWith(absl::string_view text, const Token& token,
                  char number) const;
  // The cue index of the phrase of class none that ends at token i and
  // begins with a word before it ("all told"), or -1.
  int NonePhraseEndingAt(absl::string_view text, const std::vector<Token>& tokens,
                         size_t i) const;
  // Whether the word of `token` is a title of titles.tsv ("chief").
  bool IsTitleWord(absl::string_view text, const Token& token) const;
  // Whether the colon at k labels the line after it as what the headline's
  // name before "on" or "to" and a topic or the one addressed says ("Mayor
  // Keller on Ferry Dock: 'It Will Open'").
  ABSL_ATTRIBUTE_NOINLINE bool LabelsTopicLine(absl::string_view text,
                                               const std::vector<Token>& tokens,
                                               const std::string& tags, size_t k) const;
  // Whether the words before a colon at k (up to five, from the sentence's
  // start or its opening quotation mark) label a topic or a part of the
  // article rather than name a speaker: a word of list label_word first or
  // last ("VERDICT:", "EDITOR'S NOTE:"), or a last word in capitals that
  // the article writes in lower case near the colon ("ESTATE TAX: The bill
  // doubles the estate tax exemption"), unless it is a title or a noun of
  // nominals.tsv ("KING:", "MODERATOR:", "VIDEO:"). (Out of line, and asked
  // with few arguments: Tag(), its caller, stays as fast as it was.)
  ABSL_ATTRIBUTE_NOINLINE bool LabelsNoSpeaker(absl::string_view text,
                                               const std::vector<Token>& tokens,
                                               const std::string& tags, size_t k) const;
  ABSL_ATTRIBUTE_NOINLINE bool LightVerbObject(absl::string_view text,
                                               const std::vector<Token>& tokens,
                                               size_t i) const;
  // "spoke to reporters about", "talked with the governor about": the number
  // of words of a cue that starts at tokens[i] (the first word of a
  // multi-word cue form) and takes an addressee between its
  // words: a preposition (class prep) and a short noun phrase (at most five
  // words, none a function word of another class than determiner,
  // possessive, pronoun, modifier, weekday or medium noun), then the next
  // preposition, when the three make a cue form with a gap in verbs.tsv
  // ("spoke to ... about"). Sets *cue to that cue; 0 when none.
  // (Out of line, and given no word WordTag() holds: the hot path stays as
  // it was.)
  ABSL_ATTRIBUTE_NOINLINE int AddresseeGapCue(absl::string_view text,
                                              const std::vector<Token>& tokens, size_t i,
                                              int* cue) const;
  const Lexicon* lex_;
};

// Lower-cases ASCII letters of `s` into `out`.
void AsciiLower(absl::string_view s, std::string* out);

// Whether `c` is one of the characters of `set`, a short literal (of tags,
// mostly): a loop the compiler unrolls, where absl::StrContains() calls
// string_view::find() and memchr (the rules engine asks for every tag it
// walks; a tag is never NUL).
inline bool IsOneOf(absl::string_view set, char c) {
  for (char s : set) {
    if (s == c) return true;
  }
  return false;
}

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_TAGGER_H_
