#include "internal/lexicon.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "internal/embedded.h"

namespace whosaid {
namespace internal {
namespace {

// The text of lexicon `name`: from `dir` if it has the file, else built in.
absl::Status ReadLexicon(const std::string& dir, absl::string_view name,
                         std::string* out) {
  if (!dir.empty()) {
    std::filesystem::path p = std::filesystem::path(dir) / std::string(name);
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) {
      std::ifstream in(p, std::ios::binary);
      if (!in) return absl::NotFoundError(absl::StrCat(p.string(), ": cannot read"));
      std::ostringstream ss;
      ss << in.rdbuf();
      *out = ss.str();
      return absl::OkStatus();
    }
  }
  absl::string_view data = FindEmbeddedFile(name);
  if (data.empty()) {
    return absl::NotFoundError(absl::StrCat(name, ": no such lexicon"));
  }
  *out = std::string(data);
  return absl::OkStatus();
}

// Calls fn(line_number, fields) for each non-blank, non-comment line, split
// on tabs. Stops at the first error fn returns, prefixed with "name:line: ".
template <typename Fn>
absl::Status ForEachLine(absl::string_view name, absl::string_view text,
                         Fn fn, int* current_line = nullptr) {
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    if (current_line != nullptr) *current_line = line_no;
    line = absl::StripSuffix(line, "\r");
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    for (auto& f : fields) f = absl::StripAsciiWhitespace(f);
    absl::Status s = fn(fields);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ":", line_no, ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

// A name of a lexicon's column and the value it stands for.
template <typename T>
struct Named {
  const char* name;
  T value;
};

// Sets *out to the value `s` names in `table`; false when it names none.
template <typename T, size_t N>
bool ParseNamed(const Named<T> (&table)[N], absl::string_view s, T* out) {
  for (const Named<T>& e : table) {
    if (s == e.name) {
      *out = e.value;
      return true;
    }
  }
  return false;
}

bool ParseStance(absl::string_view s, v1::Stance* out) {
  static const Named<v1::Stance> kStances[] = {
      {"assert", v1::STANCE_ASSERT},   {"deny", v1::STANCE_DENY},
      {"claim", v1::STANCE_CLAIM},     {"condemn", v1::STANCE_CONDEMN},
      {"warn", v1::STANCE_WARN},       {"demand", v1::STANCE_DEMAND},
      {"promise", v1::STANCE_PROMISE}, {"question", v1::STANCE_QUESTION},
      {"praise", v1::STANCE_PRAISE},   {"believe", v1::STANCE_BELIEVE},
      {"admit", v1::STANCE_ADMIT},
  };
  return ParseNamed(kStances, s, out);
}

bool ParseCueClass(absl::string_view s, CueClass* out) {
  static const Named<CueClass> kClasses[] = {
      {"say", CueClass::kSay},
      {"tell", CueClass::kTell},
      {"directive", CueClass::kDirective},
      {"according", CueClass::kAccording},
      {"belief", CueClass::kBelief},
      {"label", CueClass::kLabel},
      {"evidence", CueClass::kEvidence},
      {"quote", CueClass::kQuote},
      {"seem", CueClass::kSeem},
      {"nominal", CueClass::kNominal},
      {"none", CueClass::kNone},
  };
  return ParseNamed(kClasses, s, out);
}

bool ParseWordClass(absl::string_view s, WordClass* out) {
  static const Named<WordClass> kClasses[] = {
      {"det", WordClass::kDet},
      {"poss", WordClass::kPoss},
      {"pron", WordClass::kPron},
      {"prep", WordClass::kPrep},
      {"conj", WordClass::kConj},
      {"sub", WordClass::kSub},
      {"rel", WordClass::kRel},
      {"that", WordClass::kThat},
      {"aux", WordClass::kAux},
      {"cop", WordClass::kCop},
      {"adv", WordClass::kAdv},
      {"proadv", WordClass::kProAdv},
      {"neg", WordClass::kNeg},
      {"mod", WordClass::kMod},
      {"refuse", WordClass::kRefuse},
      {"prondet", WordClass::kPronDet},
      {"prondet1", WordClass::kPronDetSingular},
      {"indef", WordClass::kIndefinite},
      {"modal", WordClass::kModal},
      {"time", WordClass::kTime},
      {"weekday", WordClass::kWeekday},
      {"agent", WordClass::kAgent},
      {"timenoun", WordClass::kTimeNoun},
      {"month", WordClass::kMonth},
      {"aside", WordClass::kAsideNoun},
      {"notice", WordClass::kNotice},
      {"adsub", WordClass::kAdverbialSub},
      {"condsub", WordClass::kCondSub},
      {"freerel", WordClass::kFreeRel},
      {"possrel", WordClass::kPossRel},
      {"timesub", WordClass::kTimeSub},
      {"adjunct", WordClass::kAdjunctPrep},
      {"venue", WordClass::kVenuePrep},
      {"medium", WordClass::kMediumNoun},
      {"judge", WordClass::kJudgement},
      {"stance", WordClass::kStanceNoun},
      {"poll", WordClass::kPollNoun},
      {"verb", WordClass::kVerb},
      {"causative", WordClass::kCausative},
      {"causative_verb", WordClass::kCausativeVerb},
      {"light", WordClass::kLightVerb},
      {"count", WordClass::kCount},
      {"control", WordClass::kPageControl},
      {"adj", WordClass::kAdjective},
      {"particle", WordClass::kParticle},
      {"causative_bare", WordClass::kCausativeBare},
  };
  return ParseNamed(kClasses, s, out);
}

bool ParseWordList(absl::string_view s, WordList* out) {
  static const Named<WordList> kLists[] = {
      {"objpron", WordList::kObjectPronoun}, {"det_one", WordList::kDetOne},
      {"timeback", WordList::kTimeBack},     {"article", WordList::kArticle},
      {"timedet", WordList::kTimeDet},       {"locative", WordList::kLocative},
      {"phraseconj", WordList::kPhraseConj}, {"route", WordList::kRoute},
      {"concessive_lead", WordList::kConcessiveLead},
      {"concessive", WordList::kConcessive},
      {"comparison", WordList::kComparison},
      {"amount", WordList::kAmount},
      {"than", WordList::kThan},
      {"place_rel", WordList::kPlaceRelative},
      {"inf_to", WordList::kInfinitiveTo},
      {"preverb", WordList::kPreVerb},
      {"time_count", WordList::kTimeCount},
      {"number_word", WordList::kNumberWord},
      {"inf_subject", WordList::kInfinitiveSubject},
      {"alternative", WordList::kAlternative},
      {"conj_adverb", WordList::kConjAdverb},
      {"label_prep", WordList::kLabelPrep},
      {"outlet", WordList::kOutlet},
      {"partitive", WordList::kPartitive},
      {"question_topic", WordList::kQuestionTopic},
      {"verb_after_name", WordList::kVerbAfterName},
      {"voice_of", WordList::kVoiceOf},
      {"org_before_link", WordList::kOrgBeforeLink},
      {"corp_suffix", WordList::kCorpSuffix},
      {"name_link", WordList::kNameLink},
      {"label_word", WordList::kLabelWord},
      {"ordinal", WordList::kOrdinal},
  };
  return ParseNamed(kLists, s, out);
}

bool ParseEntityType(absl::string_view s, v1::EntityType* out) {
  if (s == "person") *out = v1::ENTITY_TYPE_PERSON;
  else if (s == "organisation") *out = v1::ENTITY_TYPE_ORGANISATION;
  else if (s == "government") *out = v1::ENTITY_TYPE_GOVERNMENT;
  else if (s == "group") *out = v1::ENTITY_TYPE_GROUP;
  else if (s == "document") *out = v1::ENTITY_TYPE_DOCUMENT;
  else return false;
  return true;
}

int CountWords(absl::string_view s) {
  int n = 1;
  for (char c : s) n += c == ' ';
  return n;
}

// The tag Tagger's WordTag() gives `word` (lower case, looked up to
// `info`) in lower case wherever it stands, or 0 when more than the word
// decides it: a cue form (its neighbours), a conjunction that may be an
// adverb ("yet"), a modifier that is also a title ("chief"), a day of the
// week, a word of time or a noun of time (WordTag() marks those as time,
// the noun after a day: "Tuesday morning"), or a poll noun (WordTag()
// notes its class, so that the tagger looks for a poll's source only in a
// sentence that has one; the plain words go uncounted). Keep the two in
// step: WordTag() returns, for a lower-case word none of those, its
// class's tag (ClassTag(), which both read; else the cases below), else
// 'R' for a title, 'n' for a nominal, else its shape's.
char PlainTag(const Lexicon& lex, absl::string_view word,
              const WordInfo& info) {
  if (info.cue >= 0 || info.cue_prefix || info.noun_cue >= 0) return 0;
  if (const char tag = ClassTag(info.word_class); tag != 0) return tag;
  switch (info.word_class) {
    case WordClass::kConj:
      return lex.InList(word, WordList::kConjAdverb) ? 0 : 'x';
    case WordClass::kMod:
      return info.title ? 0 : 'j';
    case WordClass::kCount:
      return '0';
    case WordClass::kTime:
    case WordClass::kWeekday:
    case WordClass::kTimeNoun:
    case WordClass::kPollNoun:
      return 0;
    default:
      break;
  }
  if (info.title) return 'R';
  if (info.nominal != v1::ENTITY_TYPE_UNSPECIFIED) return 'n';
  return ShapeTag(word);
}

// The error of a lexicon with more words than its lookup tables number
// (ShortWordTable::kMaxKeys).
absl::Status TooManyWords(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(
      what, ": more than ", ShortWordTable<char>::kMaxKeys, " words of up to ",
      kShortWord, " bytes, the most a lookup table holds"));
}

}  // namespace

std::vector<std::string> InflectVerb(absl::string_view lemma) {
  absl::string_view word = lemma, rest;
  size_t sp = lemma.find(' ');
  if (sp != absl::string_view::npos) {
    word = lemma.substr(0, sp);
    rest = lemma.substr(sp);
  }
  std::string w(word);
  auto is_vowel = [](char c) { return absl::StrContains("aeiou", c); };
  bool cons_y = w.size() > 1 && w.back() == 'y' && !is_vowel(w[w.size() - 2]);
  std::string s, d, g;
  if (absl::EndsWith(w, "s") || absl::EndsWith(w, "x") ||
      absl::EndsWith(w, "z") || absl::EndsWith(w, "ch") ||
      absl::EndsWith(w, "sh")) {
    s = w + "es";
  } else if (cons_y) {
    s = w.substr(0, w.size() - 1) + "ies";
  } else {
    s = w + "s";
  }
  if (absl::EndsWith(w, "e")) {
    d = w + "d";
  } else if (cons_y) {
    d = w.substr(0, w.size() - 1) + "ied";
  } else {
    d = w + "ed";
  }
  if (absl::EndsWith(w, "ie")) {
    g = w.substr(0, w.size() - 2) + "ying";
  } else if (absl::EndsWith(w, "e") && !absl::EndsWith(w, "ee")) {
    g = w.substr(0, w.size() - 1) + "ing";
  } else {
    g = w + "ing";
  }
  return {absl::StrCat(w, rest), absl::StrCat(s, rest), absl::StrCat(d, rest),
          absl::StrCat(g, rest)};
}

absl::StatusOr<std::unique_ptr<Lexicon>> Lexicon::Load(const std::string& dir) {
  if (!dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      return absl::NotFoundError(
          absl::StrCat(dir, ": lexicon directory not found"));
    }
  }
  std::unique_ptr<Lexicon> lex(new Lexicon());
  std::string text;

  // verbs.tsv: lemma, stance, class, forms, and an optional flag.
  absl::Status s = ReadLexicon(dir, "verbs.tsv", &text);
  if (!s.ok()) return s;
  s = ForEachLine("verbs.tsv", text, [&](const std::vector<absl::string_view>& f) {
    if (f.size() < 3) return absl::InvalidArgumentError("expected lemma, stance, class");
    CueEntry e;
    e.lemma = absl::AsciiStrToLower(f[0]);
    if (e.lemma.empty()) return absl::InvalidArgumentError("empty lemma");
    if (f[1] == "content") {
      e.stance_from_content = true;
    } else if (!ParseStance(f[1], &e.stance)) {
      return absl::InvalidArgumentError(absl::StrCat("unknown stance '", f[1], "'"));
    }
    if (!ParseCueClass(f[2], &e.cue_class)) {
      return absl::InvalidArgumentError(absl::StrCat("unknown class '", f[2], "'"));
    }
    // (Several flags: comma-separated, "clause,noinvert".)
    const absl::string_view flags = f.size() > 4 ? f[4] : absl::string_view();
    for (absl::string_view flag : absl::StrSplit(flags, ',', absl::SkipWhitespace())) {
      if (flag == "noinvert") {
        e.no_inversion = true;
      } else if (flag == "clause") {
        e.clause_only = true;
      } else if (flag == "naming" && e.cue_class == CueClass::kLabel) {
        e.naming = true;
      } else if (flag == "light" && e.cue_class == CueClass::kNominal) {
        e.light_only = true;
      } else if (flag == "verb") {
        e.verb_only = true;
      } else if (flag == "source") {
        e.source_only = true;
      } else if (flag == "adverb") {
        e.adverb_only = true;
      } else if (flag == "passive") {
        e.passive_only = true;
      } else if (flag == "infinitive") {
        e.infinitive_only = true;
      } else if (flag == "attributive") {
        e.attributive_only = true;
      } else if (flag == "quoted") {
        e.quoted_only = true;
      } else if (flag == "subject") {
        e.subject_only = true;
      } else if (flag == "toclause" && absl::EndsWith(e.lemma, " to")) {
        e.to_clause = true;
      } else if (flag == "press") {
        e.press = true;
      } else if (flag == "host") {
        e.host = true;
      } else if (flag == "factive" && e.cue_class == CueClass::kBelief) {
        e.factive = true;
      } else if (flag == "adjunct" && e.cue_class == CueClass::kBelief) {
        e.adjunct = true;
      } else if (flag == "compound" && e.cue_class == CueClass::kNone) {
        e.compound = true;
      } else {
        return absl::InvalidArgumentError(absl::StrCat("unknown flag '", flag, "'"));
      }
    }
    e.words = CountWords(e.lemma);
    if (e.adverb_only && e.words != 1) {
      return absl::InvalidArgumentError("an adverb cue is one word");
    }
    std::vector<std::string> forms;
    if (f.size() > 3 && !f[3].empty()) {
      for (absl::string_view form : absl::StrSplit(f[3], ',', absl::SkipWhitespace())) {
        forms.push_back(absl::AsciiStrToLower(absl::StripAsciiWhitespace(form)));
      }
    } else {
      forms = InflectVerb(e.lemma);
    }
    for (const std::string& form : forms) {
      if (CountWords(form) != e.words) {
        return absl::InvalidArgumentError(absl::StrCat(
            "form '", form, "' has a different number of words than '", e.lemma, "'"));
      }
    }
    int index = static_cast<int>(lex->cues_.size());
    if (e.cue_class == CueClass::kNominal) {
      // Nouns are cues only after a possessive (the tagger's noun_cue), never
      // as verbs: a word may be both ("claim").
      if (e.words != 1) return absl::InvalidArgumentError("a nominal cue is one word");
      lex->cues_.push_back(std::move(e));
      for (const std::string& form : forms) lex->words_[form].noun_cue = index;
      return absl::OkStatus();
    }
    if (e.source_only) {
      // Cues only where the tagger finds a poll after them, never words
      // the candidate scan looks for.
      if (e.words != 1) return absl::InvalidArgumentError("a source cue is one word");
      lex->cues_.push_back(std::move(e));
      for (const std::string& form : forms) lex->source_cues_[form] = index;
      return absl::OkStatus();
    }
    for (const std::string& form : forms) {
      if (form.size() > kMaxCueForm) {
        return absl::InvalidArgumentError(
            absl::StrCat("cue form '", form, "' is longer than ", kMaxCueForm, " bytes"));
      }
    }
    lex->cues_.push_back(std::move(e));
    for (std::string& form : forms) lex->cue_forms_.emplace(std::move(form), index);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;

  s = ReadLexicon(dir, "function_words.tsv", &text);
  if (!s.ok()) return s;
  // A word has one category: a second line that gives it another would be
  // ignored without a word, so it is an error naming the first line.
  // (det_sg and det_pl are determiners that tell their noun's number;
  // aux_sg, aux_pl, cop_sg and cop_pl auxiliaries and copulas that tell
  // their subject's.)
  struct Category {
    WordClass word_class;
    char det_number;
    char verb_number;
    bool place;
    bool proform;
    bool lower_rank;
    int line;
  };
  absl::flat_hash_map<std::string, Category> first;
  int line = 0;
  s = ForEachLine(
      "function_words.tsv", text,
      [&](const std::vector<absl::string_view>& f) {
        Category c{WordClass::kNone, 0, 0, false, false, false, line};
        WordList list;
        if (f.size() >= 2 && ParseWordList(f[1], &list)) {
          // (A list, not a category: a word may be in several.)
          lex->word_lists_[absl::AsciiStrToLower(f[0])] |= static_cast<uint32_t>(list);
          return absl::OkStatus();
        }
        if (f.size() >= 2 && (f[1] == "det_sg" || f[1] == "det_pl")) {
          c.word_class = WordClass::kDet;
          c.det_number = f[1] == "det_sg" ? 's' : 'p';
        } else if (f.size() >= 2 && (f[1] == "aux_sg" || f[1] == "aux_pl" ||
                                     f[1] == "cop_sg" || f[1] == "cop_pl")) {
          c.word_class = f[1][0] == 'a' ? WordClass::kAux : WordClass::kCop;
          c.verb_number = absl::EndsWith(f[1], "_sg") ? 's' : 'p';
        } else if (f.size() >= 2 && f[1] == "venue_place") {
          c.word_class = WordClass::kVenuePrep;
          c.place = true;
        } else if (f.size() >= 2 && f[1] == "sub_proform") {
          c.word_class = WordClass::kSub;
          c.proform = true;
        } else if (f.size() >= 2 && f[1] == "mod_rank") {
          c.word_class = WordClass::kMod;
          c.lower_rank = true;
        } else if (f.size() < 2 || !ParseWordClass(f[1], &c.word_class)) {
          return absl::InvalidArgumentError("expected word and a category (det, prep, ...)");
        }
        auto [it, added] = first.emplace(absl::AsciiStrToLower(f[0]), c);
        if (!added &&
            (it->second.word_class != c.word_class ||
             it->second.det_number != c.det_number ||
             it->second.verb_number != c.verb_number ||
             it->second.place != c.place || it->second.proform != c.proform ||
             it->second.lower_rank != c.lower_rank)) {
          return absl::InvalidArgumentError(absl::StrCat(
              "'", it->first, "' already has another category at line ", it->second.line));
        }
        return absl::OkStatus();
      },
      &line);
  for (const auto& [word, c] : first) {
    lex->function_words_.emplace(word, c.word_class);
    if (c.word_class == WordClass::kPollNoun) lex->poll_nouns_.push_back(word);
    if (c.det_number != 0) lex->det_numbers_.emplace(word, c.det_number);
    if (c.verb_number != 0) lex->verb_numbers_.emplace(word, c.verb_number);
    if (c.place) lex->place_preps_.insert(word);
    if (c.proform) lex->proforms_.insert(word);
    if (c.lower_rank) lex->lower_ranks_.insert(word);
  }
  if (!s.ok()) return s;
  // What FindPollNoun() searches for: each poll noun that has no other as
  // its prefix ("polls" is found as "poll"), in lower case and capitalised.
  std::vector<std::string> poll_keys;
  for (const std::string& p : lex->poll_nouns_) {
    bool covered = p.empty();
    for (const std::string& q : lex->poll_nouns_) {
      if (q != p && !q.empty() && absl::StartsWith(p, q)) covered = true;
    }
    if (covered) continue;
    poll_keys.push_back(p);
    std::string cap = p;
    cap[0] = absl::ascii_toupper(static_cast<unsigned char>(cap[0]));
    if (cap != p) poll_keys.push_back(cap);
  }
  lex->poll_keys_ = KeyScan(std::move(poll_keys));

  s = ReadLexicon(dir, "titles.tsv", &text);
  if (!s.ok()) return s;
  s = ForEachLine("titles.tsv", text, [&](const std::vector<absl::string_view>& f) {
    std::string lower = absl::AsciiStrToLower(f[0]);
    if (f.size() >= 2) {
      if (f[1] == "rank") {
        lex->lower_ranks_.insert(lower);
      } else if (f[1] != "m" && f[1] != "f") {
        return absl::InvalidArgumentError(
            "a second column, if any, is the sex the title tells (m or f) or rank");
      } else {
        lex->title_genders_[lower] = f[1][0];
      }
    }
    lex->titles_.insert(std::move(lower));
    return absl::OkStatus();
  });
  if (!s.ok()) return s;

  s = ReadLexicon(dir, "nominals.tsv", &text);
  if (!s.ok()) return s;
  std::vector<std::string> document_kind_names;
  s = ForEachLine("nominals.tsv", text, [&](const std::vector<absl::string_view>& f) {
    v1::EntityType t;
    if (f.size() == 2 && f[1] == "people") {
      std::string lower = absl::AsciiStrToLower(f[0]);
      if (!lower.empty()) lex->people_shapes_.set(WordShape(lower));
      lex->people_nouns_.emplace(std::move(lower), true);
      return absl::OkStatus();
    }
    if (f.size() < 2 || !ParseEntityType(f[1], &t)) {
      return absl::InvalidArgumentError(
          "expected word and a type (person organisation government group "
          "document people)");
    }
    char gender = 0;
    uint16_t kinds = 0;
    if (f.size() >= 3 && t == v1::ENTITY_TYPE_DOCUMENT) {
      // The kinds of a document noun, comma-separated names, each one bit
      // in the order first seen ("research", "text"; WordInfo::document_kinds).
      for (absl::string_view name : absl::StrSplit(f[2], ',', absl::SkipEmpty())) {
        auto found = std::find(document_kind_names.begin(), document_kind_names.end(), name);
        if (found == document_kind_names.end()) {
          if (document_kind_names.size() >= 16) {
            return absl::InvalidArgumentError("more than 16 kinds of document");
          }
          found = document_kind_names.insert(found, std::string(name));
        }
        kinds |= uint16_t{1} << (found - document_kind_names.begin());
      }
    } else if (f.size() >= 3) {
      if (t != v1::ENTITY_TYPE_PERSON || (f[2] != "m" && f[2] != "f")) {
        return absl::InvalidArgumentError(
            "a third column is a gender (m or f) for a person noun or kinds for a document noun");
      }
      gender = f[2][0];
    }
    std::string lower = absl::AsciiStrToLower(f[0]);
    if (gender != 0) lex->person_genders_.emplace(lower, gender);
    if (kinds != 0) lex->document_kinds_.emplace(lower, kinds);
    auto [it, added] = lex->nominals_.emplace(lower, t);
    if (!added && it->second != t) {
      return absl::InvalidArgumentError(
          absl::StrCat("'", lower, "' is already listed with another type"));
    }
    return absl::OkStatus();
  });
  if (!s.ok()) return s;

  s = ReadLexicon(dir, "pronouns.tsv", &text);
  if (!s.ok()) return s;
  s = ForEachLine("pronouns.tsv", text, [&](const std::vector<absl::string_view>& f) {
    // What the fourth column makes of a form. Only the subjects and the
    // possessive determiners point back to a speaker; the object, reflexive
    // and independent forms tell a sex only (PronounFormOf()).
    static constexpr std::pair<absl::string_view, uint8_t> kKinds[] = {
        {"person", PronounForm::kSubject},     {"group", PronounForm::kSubject},
        {"any", PronounForm::kSubject},        {"relative", PronounForm::kSubject},
        {"possessive", PronounForm::kPossessive}, {"object", PronounForm::kObject},
        {"reflexive", PronounForm::kReflexive}, {"independent", PronounForm::kIndependent}};
    uint8_t kind = 0;
    for (const auto& [name, bit] : kKinds) {
      if (f.size() >= 4 && f[3] == name) kind = bit;
    }
    if (f.size() < 4 || f[1].size() != 1 || !absl::StrContains("mfnx", f[1][0]) ||
        (f[2] != "s" && f[2] != "p") || kind == 0) {
      return absl::InvalidArgumentError(
          "expected pronoun, gender (m f n x), number (s p), "
          "person|group|any|relative|possessive|object|reflexive|independent");
    }
    PronounInfo p;
    p.gender = f[1][0];
    p.plural = f[2] == "p";
    p.person = f[3] == "person";
    p.relative = f[3] == "relative";
    if (f.size() >= 5) {
      if (f[4] != "deictic" && f[4] != "hearer") {
        return absl::InvalidArgumentError(
            "the fifth column of a pronoun can only be 'deictic' or 'hearer'");
      }
      p.deictic = true;
      p.hearer = f[4] == "hearer";
    }
    const std::string lower = absl::AsciiStrToLower(f[0]);
    PronounForm& form = lex->pronoun_forms_[lower];
    if (form.kinds != 0 && form.gender != p.gender) {
      return absl::InvalidArgumentError(absl::StrCat(
          "'", f[0], "' has gender ", f[1], " here and ",
          absl::string_view(&form.gender, 1), " on an earlier line"));
    }
    form.gender = p.gender;
    form.kinds |= kind;
    // A possessive ("her campaign") points back as a pronoun does, but is
    // no subject: kept apart so that no speaker is ever just "her".
    if (kind == PronounForm::kPossessive) {
      lex->possessives_.emplace(lower, p);
    } else if (kind == PronounForm::kSubject) {
      lex->pronouns_.emplace(lower, p);
    }
    return absl::OkStatus();
  });
  if (!s.ok()) return s;

  s = ReadLexicon(dir, "first_names.tsv", &text);
  if (!s.ok()) return s;
  s = ForEachLine("first_names.tsv", text, [&](const std::vector<absl::string_view>& f) {
    if (f.size() < 2 || (f[1] != "m" && f[1] != "f")) {
      return absl::InvalidArgumentError("expected name and gender (m or f)");
    }
    lex->first_names_.emplace(std::string(f[0]), f[1][0]);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;

  s = ReadLexicon(dir, "abbreviations.tsv", &text);
  if (!s.ok()) return s;
  {
    absl::StatusOr<Abbreviations> abbr = ParseAbbreviations(text, "abbreviations.tsv");
    if (!abbr.ok()) return abbr.status();
    lex->abbreviations_ = *std::move(abbr);
    std::vector<std::pair<absl::string_view, bool>> entries;
    for (const std::string& a : lex->abbreviations_.all) {
      entries.emplace_back(a, true);
      // (The shape of the word but its last byte: see IsAbbreviation().)
      if (a.size() >= 2) {
        lex->abbreviation_shapes_.set(
            WordShape(absl::string_view(a).substr(0, a.size() - 1)));
      }
    }
    if (!lex->short_abbreviations_.Build(entries, [](bool b) { return b; })) {
      return TooManyWords("abbreviations.tsv");
    }
  }

  // rules.tsv: "define NAME pattern" and "rule NAME classes confidence pattern".
  // content_stances.tsv: stance, pattern.
  s = ReadLexicon(dir, "content_stances.tsv", &text);
  if (!s.ok()) return s;
  int stance_line = 0;
  s = ForEachLine("content_stances.tsv", text,
                  [&](const std::vector<absl::string_view>& f) {
    if (f.size() != 2 || f[1].empty()) {
      return absl::InvalidArgumentError("expected stance, pattern");
    }
    ContentStance c;
    c.no_claim = f[0] == "none";
    c.no_evidence = f[0] == "noevidence";
    if (!c.no_claim && !c.no_evidence && !ParseStance(f[0], &c.stance)) {
      return absl::InvalidArgumentError(absl::StrCat("unknown stance '", f[0], "'"));
    }
    c.pattern = std::string(f[1]);
    c.line = stance_line;
    lex->content_stances_.push_back(std::move(c));
    return absl::OkStatus();
  }, &stance_line);
  if (!s.ok()) return s;

  s = ReadLexicon(dir, "rules.tsv", &text);
  if (!s.ok()) return s;
  std::vector<std::pair<std::string, std::string>> macros;
  int line_no = 0;
  s = ForEachLine("rules.tsv", text, [&](const std::vector<absl::string_view>& f) {
    if (f[0] == "define") {
      if (f.size() != 3) return absl::InvalidArgumentError("expected: define NAME PATTERN");
      std::string body = absl::StrReplaceAll(f[2], macros);
      macros.emplace_back(absl::StrCat("{", f[1], "}"), body);
      return absl::OkStatus();
    }
    if (f[0] != "rule" || (f.size() != 5 && f.size() != 6)) {
      return absl::InvalidArgumentError(
          "expected: rule NAME CLASSES CONFIDENCE PATTERN [NEEDS]");
    }
    RuleSpec r;
    r.name = std::string(f[1]);
    r.line = line_no;
    for (absl::string_view c : absl::StrSplit(f[2], ',', absl::SkipWhitespace())) {
      CueClass cls;
      if (!ParseCueClass(c, &cls)) {
        return absl::InvalidArgumentError(absl::StrCat("unknown cue class '", c, "'"));
      }
      r.classes.push_back(cls);
    }
    if (!absl::SimpleAtof(f[3], &r.confidence) || r.confidence < 0 || r.confidence > 1) {
      return absl::InvalidArgumentError("confidence must be a number in [0, 1]");
    }
    r.pattern = absl::StrReplaceAll(f[4], macros);
    if (f.size() == 6) r.needs = std::string(f[5]);
    if (absl::StrContains(r.pattern, "{")) {
      // Only macro references use braces: RE2 repetition counts are written
      // without them in rules.tsv... except {m,n}; allow digits.
      for (size_t i = r.pattern.find('{'); i != std::string::npos;
           i = r.pattern.find('{', i + 1)) {
        if (i + 1 < r.pattern.size() && !absl::ascii_isdigit(r.pattern[i + 1])) {
          return absl::InvalidArgumentError(
              absl::StrCat("undefined macro in rule '", r.name, "'"));
        }
      }
    }
    lex->rules_.push_back(std::move(r));
    return absl::OkStatus();
  }, &line_no);
  if (!s.ok()) return s;

  // confidence.tsv: "bias VALUE" and "weight FEATURE VALUE" (log-odds).
  s = ReadLexicon(dir, "confidence.tsv", &text);
  if (!s.ok()) return s;
  s = ForEachLine("confidence.tsv", text, [&](const std::vector<absl::string_view>& f) {
    float value = 0;
    const absl::string_view v = f.back();
    if (f[0] == "bias" && f.size() == 2) {
      if (!absl::SimpleAtof(v, &value) || !(std::fabs(value) <= 10)) {
        return absl::InvalidArgumentError(
            absl::StrCat("bias '", v, "' is not a number from -10 to 10"));
      }
      lex->confidence_model_.bias = value;
      return absl::OkStatus();
    }
    if (f[0] != "weight" || f.size() != 3) {
      return absl::InvalidArgumentError("expected: bias VALUE or weight FEATURE VALUE");
    }
    int feature = -1;
    for (int k = 0; k < kConfidenceFeatures; ++k) {
      if (f[1] == kConfidenceFeatureNames[k]) feature = k;
    }
    if (feature < 0) {
      return absl::InvalidArgumentError(absl::StrCat("unknown feature '", f[1], "'"));
    }
    if (!absl::SimpleAtof(v, &value) || !(std::fabs(value) <= 10)) {
      return absl::InvalidArgumentError(
          absl::StrCat("weight '", v, "' is not a number from -10 to 10"));
    }
    lex->confidence_model_.weight[feature] = value;
    return absl::OkStatus();
  });
  if (!s.ok()) return s;

  // speech_cues.tsv (form [lemma]): which cues are speech cues.
  s = ReadLexicon(dir, "speech_cues.tsv", &text);
  if (!s.ok()) return s;
  {
    absl::flat_hash_set<std::string> speech;
    s = ForEachLine("speech_cues.tsv", text, [&](const std::vector<absl::string_view>& f) {
      if (f[0].empty() || f.size() > 2) {
        return absl::InvalidArgumentError("expected form and an optional lemma");
      }
      speech.insert(absl::AsciiStrToLower(f[0]));
      if (f.size() == 2 && !f[1].empty()) speech.insert(absl::AsciiStrToLower(f[1]));
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
    lex->speech_cue_.assign(lex->cues_.size(), false);
    for (size_t i = 0; i < lex->cues_.size(); ++i) {
      const std::string& lemma = lex->cues_[i].lemma;
      lex->speech_cue_[i] = speech.contains(lemma) ||
                            speech.contains(lemma.substr(0, lemma.find(' ')));
    }
  }

  s = ReadLexicon(dir, "topics.textproto", &lex->topics_text_);
  if (!s.ok()) return s;

  // The phrases the tagger looks up as it reads a cue phrase word by word:
  // each form of two words or more, and each proper prefix of two words or
  // more of one ("spoke out" of "spoke out against").
  for (const auto& [form, index] : lex->cue_forms_) {
    const size_t sp = form.find(' ');
    if (sp == std::string::npos) continue;
    lex->cue_phrases_[form].cue = index;
    for (size_t end = form.find(' ', sp + 1); end != std::string::npos;
         end = form.find(' ', end + 1)) {
      lex->cue_phrases_[form.substr(0, end)].longer = true;
    }
  }
  // (WordInfo keeps cue indices in 16 bits.)
  if (lex->cues_.size() > INT16_MAX) {
    return absl::InvalidArgumentError(
        absl::StrCat("verbs.tsv: ", lex->cues_.size(), " cues, more than the ",
                     INT16_MAX, " the word table can hold"));
  }
  for (const auto& [form, index] : lex->cue_forms_) {
    size_t sp = form.find(' ');
    if (sp == std::string::npos) {
      lex->words_[form].cue = index;
    } else if (const std::string last = form.substr(form.rfind(' ') + 1);
               lex->cues_[index].cue_class == CueClass::kNone &&
               !lex->cue_forms_.contains(absl::string_view(form).substr(0, sp)) &&
               lex->cue_forms_.contains(last)) {
      // "all told": looked up from its cue word, the last, not from its
      // first, which is no cue (so the tagger does not try every "all").
      lex->words_[last].none_phrase_end = true;
      lex->cues_[index].backward = true;
      lex->max_none_end_words_ = std::max(lex->max_none_end_words_, CountWords(form));
    } else {
      // "speak to ... about": the gap takes an addressee; the tagger looks
      // such forms up apart from the plain phrases.
      if (!absl::StrContains(form, " ... ")) {
        lex->max_cue_words_ = std::max(lex->max_cue_words_, CountWords(form));
      }
      WordInfo& first = lex->words_[form.substr(0, sp)];
      first.cue_prefix = true;
      if (absl::StrContains(form, " ... ")) first.gap_cue_prefix = true;
    }
  }
  for (const auto& [word, cls] : lex->function_words_) {
    lex->words_[word].word_class = cls;
    if (cls == WordClass::kWeekday && !word.empty()) {
      lex->weekday_shapes_.set(WordShape(word));
    }
  }
  for (const auto& [word, n] : lex->det_numbers_) lex->words_[word].det_number = n;
  for (const auto& word : lex->place_preps_) lex->words_[word].place = true;
  for (const auto& word : lex->proforms_) lex->words_[word].proform = true;
  for (const auto& word : lex->titles_) lex->words_[word].title = true;
  for (const auto& [word, g] : lex->title_genders_) lex->words_[word].title_gender = g;
  for (const auto& word : lex->lower_ranks_) lex->words_[word].lower_rank = true;
  for (const auto& [word, type] : lex->nominals_) lex->words_[word].nominal = type;
  for (const auto& [word, k] : lex->document_kinds_) lex->words_[word].document_kinds = k;
  for (const auto& [word, g] : lex->person_genders_) {
    lex->words_[word].person_gender = g;
    if (!word.empty()) lex->sexed_person_shapes_.set(WordShape(word));
    // Any bytes may follow a word shorter than three bytes: every key that
    // differs from its own in theirs (the low bits) is set.
    unsigned char first[3] = {0, 0, 0};
    const size_t known = std::min<size_t>(word.size(), 3);
    std::copy_n(word.data(), known, first);
    const size_t key = PrefixKey(first[0], first[1], first[2]);
    for (size_t k = 0; k < size_t{1} << (5 * (3 - known)); ++k) {
      lex->sexed_person_prefixes_.set(key + k);
    }
  }
  // (Before PlainTag() below, which asks InList().)
  if (!lex->short_word_lists_.Build(lex->word_lists_,
                                    [](uint32_t lists) { return lists; })) {
    return TooManyWords("function_words.tsv");
  }
  for (const auto& [word, lists] : lex->word_lists_) {
    if (!word.empty()) lex->word_list_shapes_.set(WordShape(word));
  }
  for (auto& [word, info] : lex->words_) {
    if (word.empty()) continue;
    lex->word_shapes_.set(WordShape(word));
    switch (info.word_class) {
      case WordClass::kPron:
      case WordClass::kAux:
      case WordClass::kCop:
      case WordClass::kModal:
      case WordClass::kNeg:
      case WordClass::kVerb:
        info.clause_sign = true;
        break;
      default:
        info.clause_sign = info.cue >= 0 && word.back() != 's' &&
                           word != lex->cues_[info.cue].lemma;
    }
    if (info.clause_sign) lex->clause_sign_shapes_.set(WordShape(word));
    info.plain_tag = PlainTag(*lex, word, info);
  }
  if (!lex->short_words_.Build(lex->words_,
                               [](const WordInfo& info) { return info; })) {
    return TooManyWords("the word lexicons");
  }
  if (!lex->short_first_names_.Build(lex->first_names_,
                                     [](char g) { return g; })) {
    return TooManyWords("first_names.tsv");
  }
  for (const auto& [name, g] : lex->first_names_) {
    if (!name.empty()) lex->first_name_shapes_.set(WordShape(name));
  }
  return lex;
}

const WordInfo* Lexicon::LongWord(absl::string_view lower) const {
  auto it = words_.find(lower);
  return it == words_.end() ? nullptr : &it->second;
}

const CueEntry* Lexicon::FindCue(absl::string_view lower_form) const {
  auto it = cue_forms_.find(lower_form);
  return it == cue_forms_.end() ? nullptr : &cues_[it->second];
}

WordClass Lexicon::FunctionWord(absl::string_view lower) const {
  auto it = function_words_.find(lower);
  return it == function_words_.end() ? WordClass::kNone : it->second;
}

v1::EntityType Lexicon::Nominal(absl::string_view lower) const {
  // (words_ holds every nominal head, with its type.)
  const WordInfo* info = Word(lower);
  return info == nullptr ? v1::ENTITY_TYPE_UNSPECIFIED : info->nominal;
}

const PronounInfo* Lexicon::Pronoun(absl::string_view lower) const {
  auto it = pronouns_.find(lower);
  return it == pronouns_.end() ? nullptr : &it->second;
}

const PronounInfo* Lexicon::Possessive(absl::string_view lower) const {
  auto it = possessives_.find(lower);
  return it == possessives_.end() ? nullptr : &it->second;
}

const PronounForm* Lexicon::PronounFormOf(absl::string_view lower) const {
  auto it = pronoun_forms_.find(lower);
  return it == pronoun_forms_.end() ? nullptr : &it->second;
}

char Lexicon::FindFirstName(absl::string_view name) const {
  if (name.size() <= kShortWord) {
    const char* g = short_first_names_.Find(name);
    return g == nullptr ? 0 : *g;
  }
  auto it = first_names_.find(name);
  return it == first_names_.end() ? 0 : it->second;
}

size_t Lexicon::FindPollNoun(absl::string_view text) const {
  return poll_keys_.FirstOfAny(text);
}

}  // namespace internal
}  // namespace whosaid
