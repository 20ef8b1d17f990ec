// Speaker resolution inside one article: turns speaker and addressee
// mentions ("French Defense Minister Sebastien Lecornu", "Lecornu", "the
// French minister", "he", "a French Defense Ministry statement") into
// entities with a canonical name, a type, roles and aliases.
//
// One SpeakerResolver per document: Index() the text first, then Resolve()
// mentions in text order. Not thread-safe; cheap to create.
#ifndef WHOSAID_INTERNAL_SPEAKERS_H_
#define WHOSAID_INTERNAL_SPEAKERS_H_

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "internal/lexicon.h"
#include "internal/mention_list.h"
#include "internal/tagger.h"
#include "internal/text_layout.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {
namespace internal {

struct ResolvedEntity {
  std::string canonical;
  v1::EntityType type = v1::ENTITY_TYPE_UNKNOWN;
  char gender = 0;  // 'm', 'f' or 0
  bool described = false;  // known by a person noun only ("the old man")
  bool introduced = false;  // described after "a"/"an" somewhere ("a man")
  std::vector<std::string> roles;
  std::vector<std::string> aliases;
  // Whose it is: "Maria Lopez" for "Maria Lopez's campaign".
  std::string affiliation;
  // A person known by surname only ("President Obama") whom the text named
  // in full later: that entity's index, which Resolve() gives instead; -1.
  int same_as = -1;
  // A name of no known type met only as a cue's addressee so far
  // (ResolveAddressee()): a lone word the text goes on to use as a subject
  // of its own is a surname after all ("Axelrod calls on Dean ... Dean, a
  // former governor, said").
  bool addressed_only = false;
  // Met so with the one who told it known ("Cathy Campbell told Fox News"):
  // no antecedent of a pronoun while only an addressee (ResolveAddressee()).
  bool teller_known = false;
  // Named as the speaker of a cue of the press with no sign of a person
  // ("Politico reports C"; NotePress()): no antecedent of "he" or "she".
  bool press = false;
  // Its order among the persons of SpeakerResolver's also_by_surname_ (the
  // later, the more recently named in full); 0 when not one of them.
  uint32_t also_named = 0;

  // Every field back to its default, the strings and vectors keeping their
  // memory (SpeakerResolver reuses the entities of earlier documents).
  void Clear() {
    canonical.clear();
    type = v1::ENTITY_TYPE_UNKNOWN;
    gender = 0;
    described = false;
    introduced = false;
    roles.clear();
    aliases.clear();
    affiliation.clear();
    same_as = -1;
    addressed_only = false;
    teller_known = false;
    press = false;
    also_named = 0;
  }
};

struct Resolution {
  int entity = -1;  // index into entities(); -1 when unresolved
  v1::MentionKind kind = v1::MENTION_KIND_UNSPECIFIED;
};

// A WordMap<int> whose lookups ask a filter first: a word whose bit (of
// 256, by its length and its first and last bytes) no key has set is no
// key, known so without hashing it. Most words SpeakerResolver looks up
// among the names it has learnt, capitalised words opening sentences, are
// none. The few members SpeakerResolver uses, as WordMap has them.
class FilteredWordMap {
 public:
  using Map = WordMap<int>;

  // (Inline: the filter's test is a few instructions, a call more.)
  __attribute__((always_inline)) Map::iterator find(absl::string_view w) {
    return MayHave(w) ? map_.find(w) : map_.end();
  }
  Map::const_iterator find(absl::string_view w) const {
    return MayHave(w) ? map_.find(w) : map_.end();
  }
  bool contains(absl::string_view w) const { return MayHave(w) && map_.contains(w); }
  template <typename Key>
  std::pair<Map::iterator, bool> emplace(Key&& key, int value) {
    Mark(key);
    return map_.emplace(std::forward<Key>(key), value);
  }
  // As emplace(), the key copied into a string only when it is new.
  std::pair<Map::iterator, bool> try_emplace(absl::string_view key, int value) {
    Mark(key);
    return map_.try_emplace(key, value);
  }
  int& operator[](const std::string& key) {
    Mark(key);
    return map_[key];
  }
  Map::iterator end() { return map_.end(); }
  Map::const_iterator end() const { return map_.end(); }
  bool empty() const { return map_.empty(); }
  void reserve(size_t n) { map_.reserve(n); }
  void clear() {
    map_.clear();
    bits_.fill(0);
  }

 private:
  static size_t Bit(absl::string_view w) {
    const size_t first = w.empty() ? 0 : static_cast<unsigned char>(w.front());
    const size_t last = w.empty() ? 0 : static_cast<unsigned char>(w.back());
    return (first * 31 + last * 7 + w.size()) & 255;
  }
  bool MayHave(absl::string_view w) const {
    const size_t b = Bit(w);
    return (bits_[b >> 6] >> (b & 63)) & 1;
  }
  void Mark(absl::string_view w) {
    const size_t b = Bit(w);
    bits_[b >> 6] |= uint64_t{1} << (b & 63);
  }

  std::array<uint64_t, 4> bits_ = {};
  Map map_;
};

class SpeakerResolver {
 public:
  // `lexicon` must outlive the resolver; `text` must outlive it too.
  SpeakerResolver(const Lexicon* lexicon, absl::string_view text,
                  const TextLayout* layout);

  // Makes the resolver as a new one for another document (arguments as for
  // the constructor), keeping the memory its containers grew to: one
  // resolver can serve a thread's documents one after another.
  void Reset(const Lexicon* lexicon, absl::string_view text,
             const TextLayout* layout);

  const Lexicon& lexicon() const { return *lex_; }

  // Finds the people named in the text (with their titles) so that later
  // surname-only and pronoun mentions can refer back to them.
  void Index();
  // How many of the capitalised words w (words of text_) may make a name:
  // all but a caption's label before its colon ("Edward Snowden Photos:")
  // or a word repeated last ("Richard Neal Neal said"). For three words or
  // more (a name of two is left whole).
  size_t NameRunSize(absl::Span<const absl::string_view> w) const;

  // Resolves the mention text[span]. Call in text order.
  Resolution Resolve(Range span);

  // Resolves the addressee of a cue ("told Reuters", "said in an interview
  // with Politico"). As Resolve(), but in the news a lone capitalised word
  // the text has not named as a person before is no new person: the news
  // names a person in full before it uses a surname alone, and what it
  // tells a reader was "told" to a bare name is most often a news outlet
  // or a body. When the one who told it is known (`teller_known`: the
  // cue's speaker resolved), a name first met here is no antecedent of a
  // pronoun until the text names it otherwise: "Cathy Campbell told Fox
  // News C. '...,' she said" goes on about the teller. ("I told Megyn
  // Kelly": no teller for "she" to stand for.)
  Resolution ResolveAddressee(Range span, bool teller_known);

  // The speaker `res`, named at text[mention], of a cue at text[cue] whose
  // lemma is a document noun ("The GAO reported that C"; nominals.tsv)
  // issued such a document: a bare one after it ("The report said") is that
  // speaker's, not an older issuer's. Only a name, not a description ("when
  // companies report C"), nor a participle's ("a prosecutor reporting to
  // X"). Call in text order, after Resolve().
  void NoteIssuer(const Resolution& res, Range mention, Range cue,
                  absl::string_view cue_lemma);

  // The speaker `res` of a cue of the press (verbs.tsv flag press): a name
  // of no known sex, title or person noun ("Politico reports C", "CNN
  // reported C") is a publication's or an agency's, which a later "he" or
  // "she" does not stand for. Call in text order, after Resolve().
  void NotePress(const Resolution& res);

  absl::Span<const ResolvedEntity> entities() const {
    return absl::MakeConstSpan(entities_.data(), num_entities_);
  }

  // The person mentioned last before `position` (outside quotation marks)
  // who is not `entity`, or -1: the other party of a conversation.
  int OtherPerson(int entity, uint32_t position) const;
  // The entity of the last mention before `position`, within the recent
  // window, that is not `entity` and satisfies `pred(ResolvedEntity)`; -1
  // if none.
  template <typename Pred>
  int LastOtherMention(int entity, uint32_t position, const Pred& pred) const;

  // `entity` is mentioned at a position in [begin, end).
  bool MentionedIn(int entity, uint32_t begin, uint32_t end) const;

  // The person known by name (not only by a description such as "the
  // man") mentioned last before `position` who is not `entity` and, when
  // `gender` is 'm' or 'f' and the person's is known, of that sex; -1 if
  // none.
  int OtherNamedPerson(int entity, uint32_t position, char gender) const;

  // The person a paragraph of narration is about: "He" or "She" opening it,
  // resolved, or the first person named in its first words; -1 if none.
  // When `where` is given, it is set to the words that mention the person
  // (the pronoun, or the capitalised words of the name).
  int SubjectOf(Range paragraph, Range* where = nullptr) const;

  // The person a single name word stands for ("Florence", "Denham"), from
  // the names seen so far; -1 if none.
  int PersonNamed(absl::string_view word) const;

  // A person called `name` (one word, "Hollis"): the one known by that name,
  // else a new person. For a name learnt outside Index() (the narrator's).
  int NamedPerson(absl::string_view name);

  // Before Index(): `surname` (and `first`, when not empty: "Sherlock
  // Holmes") names a person, though no list of first names knows it.
  void LearnPerson(absl::string_view first, absl::string_view surname);

  // The person known only by the description `noun` ("mother" for "my
  // mother", "the mother"), of sex `gender`; -1 if none.
  int DescribedPerson(absl::string_view noun, char gender) const;

  // "Her name was Martha Quill": the person `entity`, known only by a
  // description, is called `name` from now on (canonical name, and a word
  // to find it by). Nothing for a person with a name already.
  void NameDescribed(int entity, absl::string_view name);

  // `w` could be a person's name: capitalised and no word of the lexicons
  // (not "Well", "Yes", "Sir", "Mother").
  bool MayBeName(absl::string_view w) const;

  // "person:sebastien-lecornu".
  static std::string EntityId(const ResolvedEntity& e);
  // The same, written over *id (in the memory it has).
  static void EntityId(const ResolvedEntity& e, std::string* id);

 private:
  using Mention = MentionList::Mention;
  // A new entity (its name not put in by_name_: FindOrAdd() does that).
  int AddEntity(absl::string_view canonical, v1::EntityType type);
  int FindOrAdd(absl::string_view canonical, v1::EntityType type);
  void AddAlias(int entity, absl::string_view alias);
  void AddRole(int entity, absl::string_view role);
  // The person named in apposition to "the `noun`" before `position` ("the
  // artist himself, Walter Tarrant,"); -1 if none. The text is searched
  // once per noun.
  int AppositionName(absl::string_view noun, uint32_t position) const;
  // The first apposition to "the `noun`" in the text: where it ends and
  // the last word of the name; {0, ""} if none.
  std::pair<uint32_t, std::string> FindApposition(absl::string_view noun) const;
  // `depth` counts the sentences followed back through pronoun subjects.
  int ResolvePronoun(const PronounInfo& p, uint32_t position, int depth = 0) const;
  // In the news, the noun phrase of a group's plural noun (nominals.tsv
  // type group, or type people: "money traders", "the judges") that is the
  // subject of a clause in the sentence holding `position` or the one
  // before it, the last such before `position`; an empty range if none.
  // Read from the text: two sentences per pronoun.
  Range PluralSubjectBefore(uint32_t position) const;
  // Whether a name ends as a plural noun does ("Republican groups",
  // "officials"): a lower-case letter and an "s", not "ss".
  static bool PluralNoun(absl::string_view name);
  // A name of one word that is a noun of people in the plural ("Parents",
  // "Judges", "Prisoners"): capitalised where it opens a sentence and taken
  // for a person's name, it is no antecedent of "he" or "she".
  bool PeopleNounAsName(const ResolvedEntity& e) const;
  // Whether `position` lies inside a quotation.
  bool InsideQuote(uint32_t position) const;
  // Whether text_[begin, end) names `name` as a whole word or words.
  bool NamedIn(absl::string_view name, uint32_t begin, uint32_t end) const;
  // Where the sentence holding `position` begins, when its first word is a
  // pronoun of p's sex ("He glanced round ..."); else kNoSentence.
  static constexpr uint32_t kNoSentence = static_cast<uint32_t>(-1);
  uint32_t SentenceWithPronounSubject(const PronounInfo& p, uint32_t position) const;
  // The name mentioned at `position` is followed straight by "he" (gender
  // 'm') or "she" ('f'): "In front of Winterbourne he paused".
  bool PronounFollows(uint32_t position, char gender) const;
  // (ResolvePronoun()'s walk: `found` the mention it stopped at, `back`
  // where it stands, `left` the steps left in the window.)
  int SubjectFirst(const PronounInfo& p, const Mention& found, MentionList::Cursor back,
                   ptrdiff_t left) const;
  // The name mentioned at `position` (in the sentence from `begin`) is no
  // clause's subject: the object of a verb or a preposition ("accused Oliver
  // Letwin", "told New York magazine's Lisa Miller", "win over Mitt
  // Romney"), or a modifier of a noun ("Trump's policy", "the Trump
  // administration").
  bool NameNotSubject(uint32_t position, uint32_t begin) const;
  // Where a phrase that opens the sentence at `begin` ends, at a comma
  // before `limit`, when its first word is a preposition, a subordinator or
  // a participle ("With Obama trashing the plan, Trump ..."); else
  // kNoSentence.
  uint32_t FrontedPhraseEnd(uint32_t begin, uint32_t limit) const;
  // The words from `a` to the next comma are a name (words in capitals,
  // and "of", "the", "and" among them) and a word in lower case follows.
  bool NameBetweenCommas(uint32_t a) const;
  // Remembers the last document named: its issuer (or -1: it speaks as
  // written), its head noun in the singular and its kinds (see the members
  // last_document_*_ below).
  void NoteDocument(int issuer, absl::string_view head, uint16_t kinds) {
    last_document_issuer_ = issuer;
    last_document_head_.assign(head.data(), head.size());
    last_document_kinds_ = kinds;
  }
  // The entity of the noun before a relative word at `at`, or -1 (see
  // speakers.cc).
  int RelativeAntecedent(uint32_t at);
  int ResolveNominal(const std::vector<Token>& toks, const std::string& tags,
                     size_t head, uint32_t position);
  // "her campaign", "Lopez's office", "the Lopez campaign": an organisation,
  // government or group head (toks[head]) owned by someone the text names;
  // that owner's "Maria Lopez's campaign", or -1.
  int OwnedNominal(const std::vector<Token>& toks, const std::string& tags,
                   size_t first, size_t head, uint32_t position);
  // After Index(): a surname-only person goes by a full name of that
  // surname (same_as) only when the sexes leave one such name.
  void ConfirmSameAs();
  // The same for one surname-only person whose same_as is set.
  void ConfirmSameAs(ResolvedEntity& alone);
  // Both have roles beyond a title of sex, and share no word of them
  // ("President", "first lady").
  bool RolesDisagree(const ResolvedEntity& a, const ResolvedEntity& b) const;
  // `a` and `b`, both named in full, have given names that start alike.
  static bool SameGivenName(const ResolvedEntity& a, const ResolvedEntity& b);
  // `e` is a person named in full with the last word `surname`.
  static bool HasSurname(const ResolvedEntity& e, absl::string_view surname);
  // The persons of also_by_surname_ whose names may end in `surname`
  // (those filed under its last word), the latest named in full last.
  absl::Span<const int> AlsoBySurname(absl::string_view surname) const;
  // Files `entity` in also_by_surname_ as the latest named in full.
  void NoteAlsoBySurname(int entity);
  // Gives `entity` the canonical name `name`, refiled in also_by_surname_
  // when it is there and the last word changes.
  void SetCanonical(int entity, absl::string_view name);
  // The sex of the subject pronoun a name at `position`, ending at `after`,
  // goes on with when it is the subject of a clause ("Clinton later said
  // she ..."): 'm', 'f' or 0 when none comes before another name, a
  // pronoun of another kind or the end of the sentence.
  char SubjectGoesOnWith(uint32_t position, size_t after) const;
  // The next word (letters only) from *i, found before `end` and before
  // the clause ends (a sentence's end, ";", ":" or a quotation mark): true,
  // with *w the word and *i just past it; false at the clause's end.
  bool NextClauseWord(size_t* i, size_t end, absl::string_view* w) const;
  // The person a surname alone (after a title of sex `sex`, or 0) at
  // `position`, its word ending at `after` in the text (or past the text's
  // end when the words are not the text's), names when the text names more
  // than one of that surname: `first_named` (by_surname_'s) unless a sex not
  // hers tells another.
  int SameSurnamePerson(int first_named, absl::string_view surname, char sex,
                        uint32_t position, size_t after);
  // Resolve() before a surname-only person is taken for the full name.
  Resolution ResolveSpan(Range span);
  int PersonFromWords(absl::Span<const absl::string_view> words,
                      uint32_t position, bool allow_unknown);
  void Note(int entity, uint32_t position);
  void SubjectName(absl::string_view w, uint32_t position);
  // In a book, two capitalised words no lexicon knows, the subject of a
  // clause that "he" or "she" goes on about: a person's given name and
  // surname ("Ansel Birk looked up. He ..."). True if taken for one.
  bool SubjectFullName(const std::vector<absl::string_view>& run, uint32_t position);
  // In the news, an entity of unknown type named by two capitalised words
  // no lexicon knows, in lower case but the first letter ("Zeynep Akar"):
  // most likely a person whose given name the lexicon lacks, whom "he" or
  // "she" may stand for.
  // Not a name the text writes as a place's or a body's
  // (WrittenAsPlaceOrBody()).
  bool UnknownFullName(const ResolvedEntity& e) const;
  // Whether the text writes `name`, two capitalised words, as a place's or
  // a body's name somewhere: after "in" or "at" ("in Los Angeles"), after
  // "the" and before no noun it modifies ("the Sierra Club said") or before
  // capitalised words that head a body's name ("the West Virginia
  // Insurance Commission"), after a
  // body's head and a link word ("the Centre for Global Development"), or
  // with a last word in the plural or a first word of five letters or more
  // it also writes in lower case ("Fox News" and "the news", "Maybe
  // Clinton" and "maybe").
  bool WrittenAsPlaceOrBody(absl::string_view name) const;
  // Two capitalised words of a name's shape, neither a word of the lexicon.
  bool FullNameShape(absl::string_view given, absl::string_view surname) const;
  // In the news, two such words right after a noun of a person's role
  // ("presidential candidate Carly Fiorina", "economist Ian Harwood"): a
  // person, whose surname alone names her later. True if taken for one.
  bool NameAfterRole(const std::vector<absl::string_view>& run, uint32_t position);
  // Of Resolve()'s tokens and tags, the first "and" at `and_at`: where the
  // title begins in a department's name with that "and" inside before a
  // title and a person's name ("Health and Human Services Secretary Alex
  // Azar"), else 0.
  size_t OfficeTitleAfterAnd(size_t and_at) const;
  // After Index(): a named person of no known sex takes the sex that the
  // article's own pronouns give her where she is the subject of a clause.
  void SexFromClauses();
  // The sex of the pronoun that goes on about the subject of the clause
  // whose verb starts at `from`, else 0 (see SexFromClauses()).
  char SubjectPronounSex(size_t from) const;
  // Whether a word stands right before `position` (spaces and line breaks
  // between); then *cls is its function class (kNone for a word no
  // lexicon classes). Callers ask whether a name there is a clause's
  // subject: not after "the" or "in", but after "and" or "when". The word
  // itself goes to *word when asked for.
  bool WordBefore(size_t position, WordClass* cls,
                  absl::string_view* word = nullptr) const;
  void NoteOrganisation(const std::vector<absl::string_view>& run,
                        uint32_t position);
  // `name` ends in corporate suffixes ("Boeing Co", "Morgan Stanley and Co
  // Inc"): the words before them ("Boeing") find `entity` by name too.
  void AliasBeforeSuffix(absl::string_view name, int entity);
  // A search over the mentions in the window that tests each entity's name
  // or roles the same way tests each entity once (the window names the same
  // few entities over and over): StartTests() begins one, and
  // FirstTest(entity) is true the first time the search asks it of entity.
  void StartTests();
  bool FirstTest(int entity) {
    if (tested_[entity] == tests_) return false;
    tested_[entity] = tests_;
    return true;
  }
  // The entity of the latest mention before `position`, within the window,
  // that `accept` takes (each entity asked once), else -1; FirstAfter(), of
  // the first mention at or after it.
  int LatestBefore(uint32_t position, absl::FunctionRef<bool(const ResolvedEntity&)> accept);
  int FirstAfter(uint32_t position, absl::FunctionRef<bool(const ResolvedEntity&)> accept);
  // What the lexicons know of `w` lower-cased, or nullptr.
  const WordInfo* WordOf(absl::string_view w) const;
  // WordOf()'s lookup of a word that passed its filter and is not in
  // `memo`, which it fills when `in_text`. (Out of line: WordOf() answers
  // most words by the filter or the memo, with few registers.)
  struct WordMemo;
  const WordInfo* LookUpWord(absl::string_view w, bool in_text,
                             WordMemo* memo) const;
  // `w` is a title or role word, in any case.
  bool IsTitleWord(absl::string_view w) const;
  // The sex a title tells ("Mrs." 'f'; titles.tsv), in any case, or 0.
  char TitleGender(absl::string_view w) const;
  // `w`, in any case, names nobody in particular ("someone", "another").
  bool IsIndefinite(absl::string_view w) const;
  // Lexicon::Nominal() of `w` lower-cased.
  v1::EntityType NominalOf(absl::string_view w) const;
  // `w` is an article or demonstrative ("the", "A", "that"), in any case:
  // "his father" is someone talked about more often than someone present,
  // so possessives do not count.
  static bool IsArticleWord(absl::string_view w) {
    // (Byte by byte, no buffer: GCC warned of one past its end once the
    // callers were inlined, -Wstringop-overflow.)
    auto lower = [w](size_t i) { return static_cast<char>(w[i] | 0x20); };
    switch (w.size()) {
      case 1:
        return lower(0) == 'a';
      case 2:
        return lower(0) == 'a' && lower(1) == 'n';
      case 3:
        return lower(0) == 't' && lower(1) == 'h' && lower(2) == 'e';
      case 4:
        return lower(0) == 't' && lower(1) == 'h' &&
               ((lower(2) == 'i' && lower(3) == 's') ||
                (lower(2) == 'a' && lower(3) == 't'));
      default:
        return false;
    }
  }
  // In a book, "the parson" (toks[first..head] after "the") names the one
  // person titled "Parson" in the text; -1 if none or several.
  // In a book, "the young man" not brought in before as "a young man":
  // the person of that sex named last, in this paragraph or the eight before
  // (a scene) and within the window of recent mentions; -1 if none.
  int SceneReferent(char gender, uint32_t position) const;
  int TitledPerson(absl::string_view head, const std::vector<Token>& toks,
                   const std::string& tags, size_t first, size_t head_index) const;
  // `w`, lower-cased, is in some lexicon (a cue, function word, title...).
  bool IsLexiconWord(absl::string_view w) const;
  // Only spaces, quotation marks and opening brackets stand between the
  // start of the text, a line break or the end of a sentence and `at`.
  bool OpensSentence(uint32_t at) const;
  // The capitalised word `w` (written at `at`) is a name: in capitals, a
  // name the text already knows, or written elsewhere after a lower-case
  // word or a comma ("the Pentagon", "at Gallup, which").
  bool WrittenAsName(absl::string_view w, uint32_t at) const;
  // 'm' or 'f' when `w` is a person noun with a sex ("girl"), else 0.
  char PersonGender(absl::string_view w) const;

  const Lexicon* lex_;
  absl::string_view text_;
  const TextLayout* layout_;
  Tagger tagger_;
  QuoteMarks no_marks_;
  // The document's entities, entities_[0, num_entities_), then the spare
  // ones of earlier documents, which AddEntity() fills again where they lie,
  // their strings and vectors with the memory they grew to. (Reset() moved
  // each entity to a list of spares and AddEntity() moved it back: two moves
  // of an entity that had left the cache, and a miss for each of its lines.)
  std::vector<ResolvedEntity> entities_;
  size_t num_entities_ = 0;
  WordMap<int> by_name_;     // lower canonical
  FilteredWordMap by_surname_;  // persons
  // Index() is done: a same_as set after is judged where it is set.
  bool indexed_ = false;
  // Persons named in full after another of the same surname, whom
  // by_surname_ keeps: found by a title of their sex ("Ms. Trump"), or by
  // the pronoun a surname alone goes on with (SameSurnamePerson()). Filed
  // by the last word of their canonical names, each list in the order of
  // ResolvedEntity::also_named: a name reads the persons of its surname
  // only, not those of every surname the text shares (which made a long
  // text's resolution quadratic: 10 MB of news as one text, 1.1e9
  // instructions in SameSurnamePerson).
  absl::flat_hash_map<std::string, std::vector<int>> also_by_surname_;
  uint32_t also_named_ = 0;  // the last ResolvedEntity::also_named given
  // Resolve()'s tokens and tags, kept to reuse their memory, and the span
  // they are of (empty when none).
  std::vector<Token> tokens_;
  std::string tags_;
  Range tagged_;
  // FirstTest()'s marks: per entity, the number of the search that tested
  // it last; tests_, the number of the current one.
  std::vector<uint32_t> tested_;
  uint32_t tests_ = 0;
  // Index()'s run of capitalised words, kept to reuse its memory.
  std::vector<absl::string_view> run_;
  // WrittenAsName()'s reading of the text, by word (views of the text): the
  // first two offsets where the text writes the word as a name (npos:
  // none), for the words of the first bytes read (written_read_), each
  // read in one pass over the text.
  mutable absl::flat_hash_map<absl::string_view, std::array<size_t, 2>> written_as_name_;
  mutable std::bitset<256> written_read_;
  // PersonFromWords()'s full name, joined here to reuse the memory.
  std::string full_name_;
  FilteredWordMap by_first_;    // "Florence" -> person
  // "Curtis" -> "Waring" for "Curtis Waring": two-word names seen anywhere
  // in the text, as views of its words (no string built for each pair of
  // capitalised words Index() reads).
  absl::flat_hash_map<absl::string_view, absl::string_view, WordHash, WordEq>
      full_names_;
  // The surnames of full_names_ ("Waring"), for SurnameOfPair(): a look-up,
  // not a walk over every pair for each addressee.
  absl::flat_hash_set<absl::string_view> pair_surnames_;
  MentionList mentions_;  // every entity mention
  // UnknownFullName(): its answers for the entities it asked
  // WrittenAsPlaceOrBody() about (each a search of the text), at most
  // kMaxPlaceTests per text.
  static constexpr size_t kMaxPlaceTests = 8;
  mutable absl::InlinedVector<std::pair<int, bool>, kMaxPlaceTests>
      place_tests_;
  // ResolveNominal(): per holder of a title, where its surname is first
  // written as a word in the text (npos if nowhere).
  absl::flat_hash_map<int, size_t> surname_at_;
  // SubjectName(): per unknown word, how often "he" and "she" followed it.
  WordMap<std::pair<int, int>> name_votes_;
  // SexFromClauses(): per entity, how many clauses went on with "he" and
  // with "she".
  std::vector<std::pair<int, int>> sex_votes_;
  // SubjectFullName(): the words the text writes in lower case (runs of
  // ASCII letters, all lower case), gathered in one pass at the first call
  // for a text, so that each call is a lookup, not a search of the text.
  absl::flat_hash_set<absl::string_view> lower_words_;
  bool lower_words_read_ = false;
  // TitledPerson(): per role of one word, lower-cased, the entities it was
  // given to, in a book (a search of every entity's roles for each "the
  // parson" was quadratic in a book naming ever more people).
  WordMap<std::vector<int>> by_role_;
  // AppositionName(): per noun, where its first apposition ends in the text
  // and the name's last word (empty when none), found once per noun.
  mutable WordMap<std::pair<uint32_t, std::string>> appositions_;
  // WordOf()'s latest answers for words of the text, by place in the text.
  struct WordMemo {
    const char* data = nullptr;
    size_t size = 0;
    const WordInfo* info = nullptr;
  };
  mutable std::array<WordMemo, 8> word_memo_;
  int last_document_issuer_ = -1;
  // The head noun of the document that named it, lower case, without a
  // plural's -s ("statement"): a bare document noun takes that issuer only
  // when it is the same noun ("a Petrobras statement ... the statement
  // said"; not "the video" after "a FEC filing").
  std::string last_document_head_;
  // Its kinds (WordInfo::document_kinds): a bare noun of one of them takes
  // the issuer too ("a Suffolk poll ... the findings").
  uint16_t last_document_kinds_ = 0;
  bool quiet_ = false;  // Note() records nothing (indexing inside a quote)
  // PersonFromWords() makes no new person of an unknown lone word (set by
  // ResolveAddressee()).
  bool no_lone_person_ = false;
  // Whether `word` ends a given name and surname pair the text writes
  // ("Lori Oglesbee-Petter"; full_names_), a person's surname even when
  // the given name is not a known one.
  bool SurnameOfPair(absl::string_view word) const;
  // Whether the word right before text[position] is an article ("the
  // Times": no surname).
  bool ArticleBefore(size_t position) const;
};

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_SPEAKERS_H_
