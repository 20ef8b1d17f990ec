// The lexicons: the built-in files load, lookups answer what the data files
// say, regular verb inflection, and malformed files are rejected naming
// file:line.
#include "internal/lexicon.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace whosaid {
namespace internal {
namespace {

TEST(InflectVerb, RegularForms) {
  struct Case {
    const char* lemma;
    std::vector<std::string> forms;  // lemma, -s, -ed, -ing
  } cases[] = {
      {"add", {"add", "adds", "added", "adding"}},
      {"note", {"note", "notes", "noted", "noting"}},
      {"deny", {"deny", "denies", "denied", "denying"}},
      {"push", {"push", "pushes", "pushed", "pushing"}},
      {"stress", {"stress", "stresses", "stressed", "stressing"}},
      {"tie", {"tie", "ties", "tied", "tying"}},
      {"agree", {"agree", "agrees", "agreed", "agreeing"}},
      {"play", {"play", "plays", "played", "playing"}},
      {"call on", {"call on", "calls on", "called on", "calling on"}},
      {"point out", {"point out", "points out", "pointed out", "pointing out"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.lemma);
    EXPECT_EQ(InflectVerb(c.lemma), c.forms);
  }
}

class BuiltInLexicon : public testing::Test {
 protected:
  void SetUp() override {
    auto lex = Lexicon::Load("");
    ASSERT_TRUE(lex.ok()) << lex.status();
    lex_ = std::move(*lex);
  }
  std::unique_ptr<Lexicon> lex_;
};

TEST_F(BuiltInLexicon, Cues) {
  struct Case {
    const char* form;
    const char* lemma;
    v1::Stance stance;
    CueClass cue_class;
    int words;
  } cases[] = {
      {"said", "say", v1::STANCE_ASSERT, CueClass::kSay, 1},
      {"told", "tell", v1::STANCE_ASSERT, CueClass::kTell, 1},
      {"denied", "deny", v1::STANCE_DENY, CueClass::kSay, 1},
      {"warned", "warn", v1::STANCE_WARN, CueClass::kTell, 1},
      {"claimed", "claim", v1::STANCE_CLAIM, CueClass::kSay, 1},
      {"according to", "according to", v1::STANCE_ASSERT, CueClass::kAccording,
       2},
      {"called on", "call on", v1::STANCE_DEMAND, CueClass::kDirective, 2},
      {"urged", "urge", v1::STANCE_DEMAND, CueClass::kDirective, 1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.form);
    const CueEntry* e = lex_->FindCue(c.form);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->lemma, c.lemma);
    EXPECT_EQ(e->stance, c.stance);
    EXPECT_EQ(e->cue_class, c.cue_class);
    EXPECT_EQ(e->words, c.words);
  }
  EXPECT_EQ(lex_->FindCue("table"), nullptr);
  EXPECT_EQ(lex_->FindCue("Said"), nullptr) << "forms are lower case";
  EXPECT_GE(lex_->max_cue_words(), 2);
  // A form with an addressee gap ("spoke to reporters about").
  const CueEntry* gap = lex_->FindCue("spoke to ... about");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->cue_class, CueClass::kSay);
}

TEST_F(BuiltInLexicon, WordsNamesAndRules) {
  EXPECT_EQ(lex_->FunctionWord("the"), WordClass::kDet);
  EXPECT_EQ(lex_->FunctionWord("that"), WordClass::kThat);
  EXPECT_EQ(lex_->FunctionWord("minister"), WordClass::kNone);
  // Lists: a word in them keeps its category, or has none.
  EXPECT_TRUE(lex_->InList("him", WordList::kObjectPronoun));
  EXPECT_TRUE(lex_->InList("her", WordList::kObjectPronoun));
  EXPECT_EQ(lex_->FunctionWord("her"), WordClass::kPoss);
  EXPECT_EQ(lex_->FunctionWord("him"), WordClass::kNone);
  EXPECT_TRUE(lex_->InList("an", WordList::kDetOne));
  EXPECT_TRUE(lex_->InList("an", WordList::kArticle));
  EXPECT_FALSE(lex_->InList("the", WordList::kDetOne));
  EXPECT_TRUE(lex_->InList("ago", WordList::kTimeBack));
  EXPECT_FALSE(lex_->InList("Ago", WordList::kTimeBack)) << "lists are lower case";
  EXPECT_FALSE(lex_->InList("minister", WordList::kArticle));
  // The lists past the eighth bit (the writer's terms after a content).
  EXPECT_TRUE(lex_->InList("though", WordList::kConcessive));
  EXPECT_EQ(lex_->FunctionWord("though"), WordClass::kAdverbialSub);
  EXPECT_TRUE(lex_->InList("where", WordList::kPlaceRelative));
  EXPECT_TRUE(lex_->InList("fewer", WordList::kAmount));
  EXPECT_FALSE(lex_->InList("fewer", WordList::kThan));
  EXPECT_FALSE(lex_->InList("where", WordList::kRoute));
  EXPECT_TRUE(lex_->IsTitle("minister"));
  EXPECT_FALSE(lex_->IsTitle("bridge"));
  EXPECT_EQ(lex_->Nominal("ministry"), v1::ENTITY_TYPE_GOVERNMENT);
  EXPECT_EQ(lex_->Nominal("bridge"), v1::ENTITY_TYPE_UNSPECIFIED);
  ASSERT_NE(lex_->Pronoun("she"), nullptr);
  EXPECT_EQ(lex_->Pronoun("she")->gender, 'f');
  EXPECT_FALSE(lex_->Pronoun("she")->plural);
  EXPECT_EQ(lex_->Pronoun("bridge"), nullptr);
  // The object and reflexive forms tell a sex, but are no subject: "him"
  // is never a speaker's pronoun. "her" is both object and possessive.
  EXPECT_EQ(lex_->Pronoun("him"), nullptr);
  ASSERT_NE(lex_->PronounFormOf("him"), nullptr);
  EXPECT_EQ(lex_->PronounFormOf("him")->gender, 'm');
  EXPECT_EQ(lex_->PronounFormOf("him")->kinds, PronounForm::kObject);
  ASSERT_NE(lex_->PronounFormOf("her"), nullptr);
  EXPECT_EQ(lex_->PronounFormOf("her")->kinds,
            PronounForm::kObject | PronounForm::kPossessive);
  EXPECT_EQ(lex_->PronounFormOf("herself")->gender, 'f');
  EXPECT_EQ(lex_->PronounFormOf("she")->kinds, PronounForm::kSubject);
  EXPECT_EQ(lex_->PronounFormOf("bridge"), nullptr);
  EXPECT_EQ(lex_->FirstNameGender("John"), 'm');
  EXPECT_EQ(lex_->FirstNameGender("Anna"), 'f');
  EXPECT_EQ(lex_->FirstNameGender("Zyxw"), 0);
  EXPECT_EQ(lex_->FirstNameGender(""), 0);
  EXPECT_TRUE(lex_->abbreviations().contains("Sen."));
  ASSERT_FALSE(lex_->rules().empty());
  for (const RuleSpec& r : lex_->rules()) {
    SCOPED_TRACE(r.name);
    EXPECT_GT(r.line, 0);
    EXPECT_FALSE(r.classes.empty());
    EXPECT_GE(r.confidence, 0.0f);
    EXPECT_LE(r.confidence, 1.0f);
    // Macros ({NP}) are expanded; counted repetitions ({0,6}) stay.
    for (size_t i = r.pattern.find('{'); i != std::string::npos;
         i = r.pattern.find('{', i + 1)) {
      EXPECT_TRUE(i + 1 < r.pattern.size() &&
                  absl::ascii_isdigit(r.pattern[i + 1]))
          << "unexpanded macro at " << i << ": " << r.pattern;
    }
  }
  const WordInfo* said = lex_->Word("said");
  ASSERT_NE(said, nullptr);
  EXPECT_GE(said->cue, 0);
  const WordInfo* according = lex_->Word("according");
  ASSERT_NE(according, nullptr);
  EXPECT_TRUE(according->cue_prefix);
}

// A temporary lexicon directory holding one file.
class LexiconDirTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("whosaid_lexicon_test_", ::getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  absl::Status LoadWith(const std::string& name, const std::string& text) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return Lexicon::Load(dir_.string()).status();
  }

  std::filesystem::path dir_;
};

TEST_F(BuiltInLexicon, ShapeFiltersPassEveryWordTheyStandFor) {
  // A filter may pass a word in vain, never fail one of its words, in any
  // case.
  int weekdays = 0, sexed = 0;
  for (const auto& [word, info] : lex_->words()) {
    SCOPED_TRACE(word);
    if (info.word_class == WordClass::kWeekday) {
      ++weekdays;
      EXPECT_TRUE(lex_->MayBeWeekday(word));
      EXPECT_TRUE(lex_->MayBeWeekday(absl::AsciiStrToUpper(word)));
    }
    if (info.person_gender != 0) {
      ++sexed;
      EXPECT_TRUE(lex_->MayBeSexedPersonNoun(word));
      // Its first three bytes, in any case, with whatever follows a short
      // word ("ma." would count a period).
      for (const std::string& text :
           {word + " ", absl::AsciiStrToUpper(word) + ".\n"}) {
        EXPECT_TRUE(lex_->MayBeginSexedPersonNoun(
            reinterpret_cast<const unsigned char*>(text.c_str())));
      }
    }
  }
  EXPECT_EQ(weekdays, 7);
  EXPECT_GT(sexed, 10);
  EXPECT_TRUE(lex_->MayBeWeekday("Friday"));
  EXPECT_FALSE(lex_->MayBeWeekday("Trump"));
  EXPECT_FALSE(lex_->MayBeWeekday(""));
  EXPECT_TRUE(lex_->MayBeSexedPersonNoun("woman"));
  EXPECT_FALSE(lex_->MayBeSexedPersonNoun("x"));
  EXPECT_FALSE(lex_->MayBeSexedPersonNoun(""));
  auto may_begin = [&](const char* text) {
    return lex_->MayBeginSexedPersonNoun(
        reinterpret_cast<const unsigned char*>(text));
  };
  EXPECT_TRUE(may_begin("women"));
  EXPECT_TRUE(may_begin("Man."));
  EXPECT_FALSE(may_begin("law"));
  EXPECT_FALSE(may_begin("new bill"));
  // Nouns of people are no words of Word(): a filter of their own.
  EXPECT_TRUE(lex_->PeopleNoun("traders"));
  EXPECT_TRUE(lex_->MayBePeopleNoun("traders"));
  EXPECT_TRUE(lex_->MayBePeopleNoun("TRADERS"));
  EXPECT_FALSE(lex_->MayBePeopleNoun("x"));
  EXPECT_FALSE(lex_->MayBePeopleNoun(""));
}

TEST_F(LexiconDirTest, MalformedFilesNameFileAndLine) {
  struct Case {
    const char* file;
    const char* text;
    const char* want;
  } cases[] = {
      {"verbs.tsv", "# c\n\nsay\tassert\tsay\nwarn\twarning\tsay\n",
       "verbs.tsv:4: unknown stance 'warning'"},
      {"verbs.tsv", "say\tassert\tyell\n", "verbs.tsv:1: unknown class 'yell'"},
      {"verbs.tsv", "say\tassert\n", "verbs.tsv:1: expected lemma, stance"},
      {"verbs.tsv", "post\tassert\tsay\t\tclause,inverted\n",
       "verbs.tsv:1: unknown flag 'inverted'"},
      {"verbs.tsv", "call on\tdemand\tdirective\tcall,calls on\n",
       "verbs.tsv:1: form 'call' has a different number of words"},
      // The tagger reads a cue phrase into a fixed buffer: a longer form is
      // refused when the file loads, never cut short.
      {"verbs.tsv",
       "say\tassert\tsay\nspeak\tassert\tsay\tspeakssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss\n",
       "verbs.tsv:2: cue form 'speakssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss' is longer than 64 bytes"},
      {"function_words.tsv", "the\n", "function_words.tsv:1: expected word"},
      // A second category for a word would be ignored: an error.
      {"function_words.tsv", "# c\nsince\tsub\nthe\tdet\nsince\tadv\n",
       "function_words.tsv:4: 'since' already has another category at line 2"},
      {"function_words.tsv", "an\tdet\nAn\tdet_sg\n",
       "function_words.tsv:2: 'an' already has another category at line 1"},
      {"nominals.tsv", "ministry\tgovernment\nMinistry\tgroup\n",
       "nominals.tsv:2: 'ministry' is already listed with another type"},
      {"function_words.tsv", "the\tdet\ntook\tverbs\n",
       "function_words.tsv:2: expected word and a category"},
      {"titles.tsv", "mayor\nmrs.\tfemale\n",
       "titles.tsv:2: a second column, if any, is the sex the title tells"},
      {"first_names.tsv", "Anna\tf\nJohn\n",
       "first_names.tsv:2: expected name"},
      {"pronouns.tsv", "he\tm\ts\tperson\nwho\tx\ts\tanyone\n",
       "pronouns.tsv:2: expected pronoun"},
      {"pronouns.tsv", "him\tm\ts\tobject\nhimself\tm\ts\tmirror\n",
       "pronouns.tsv:2: expected pronoun"},
      // One form with two sexes would make SubjectPronounSex() guess.
      {"pronouns.tsv", "her\tf\ts\tpossessive\nher\tm\ts\tobject\n",
       "pronouns.tsv:2: 'her' has gender m here and f on an earlier line"},
      {"rules.tsv", "define\tX\n", "rules.tsv:1: expected: define NAME"},
      {"rules.tsv", "rule\tx\tshout\t0.5\t(?P<cue>@)\n",
       "rules.tsv:1: unknown cue class 'shout'"},
      {"rules.tsv", "rule\tx\tsay\t1.5\t(?P<cue>@)\n",
       "rules.tsv:1: confidence must be a number in [0, 1]"},
      {"confidence.tsv", "# c\nbias\t0.3\nweight\tlong_content\t-1\n",
       "confidence.tsv:3: unknown feature 'long_content'"},
      {"confidence.tsv", "weight\tshort_content\tlow\n",
       "confidence.tsv:1: weight 'low' is not a number from -10 to 10"},
      {"confidence.tsv", "bias\t0\nbias\t40\n",
       "confidence.tsv:2: bias '40' is not a number from -10 to 10"},
      {"confidence.tsv", "np_content\t-0.2\n",
       "confidence.tsv:1: expected: bias VALUE or weight FEATURE VALUE"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.file, ": ", c.text));
    absl::Status s = LoadWith(c.file, c.text);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_TRUE(absl::StrContains(s.message(), c.want)) << s;
  }
}

TEST_F(LexiconDirTest, TooManyShortWordsIsAnErrorNamingTheFile) {
  // The lookup tables number their words in 16 bits: a list longer than
  // that is refused when it loads, never looked up wrong.
  auto first_names = [](int count) {
    std::string names;
    for (int i = 0; i < count; ++i) {
      std::string name = "Nm";
      for (int n = i, k = 0; k < 4; ++k, n /= 26)
        name += static_cast<char>('a' + n % 26);
      absl::StrAppend(&names, name, "\tf\n");
    }
    return names;
  };
  absl::Status s = LoadWith("first_names.tsv", first_names(70000));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_TRUE(absl::StrContains(
      s.message(), "first_names.tsv: more than 65535 words of up to 16 bytes"))
      << s;
  // As many as a table holds load.
  EXPECT_TRUE(LoadWith("first_names.tsv", first_names(60000)).ok());
}

TEST_F(LexiconDirTest, ConfidenceModelReadsBiasAndWeights) {
  ASSERT_TRUE(LoadWith("confidence.tsv",
                       "# c\nbias\t0.5\nweight\tnonspeech_cue\t-0.25\n")
                  .ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  const ConfidenceModel& m = (*lex)->confidence_model();
  EXPECT_FLOAT_EQ(m.bias, 0.5f);
  EXPECT_FLOAT_EQ(m.weight[static_cast<int>(ConfidenceFeature::kNonSpeechCue)], -0.25f);
  // A feature not listed weighs nothing.
  EXPECT_FLOAT_EQ(m.weight[static_cast<int>(ConfidenceFeature::kNpContent)], 0.0f);
}

TEST_F(BuiltInLexicon, SpeechCuesAreTheCuesOfSpeechCuesTsv) {
  auto cue = [&](const char* form) {
    const CueEntry* e = lex_->FindCue(form);
    EXPECT_NE(e, nullptr) << form;
    return e == nullptr ? -1 : static_cast<int>(e - lex_->cues().data());
  };
  EXPECT_TRUE(lex_->IsSpeechCue(cue("said")));
  EXPECT_TRUE(lex_->IsSpeechCue(cue("according to")));
  EXPECT_FALSE(lex_->IsSpeechCue(cue("believes")));
  EXPECT_FALSE(lex_->IsSpeechCue(-1));
}

TEST_F(LexiconDirTest, RepeatedWordWithTheSameCategoryIsAccepted) {
  ASSERT_TRUE(LoadWith("function_words.tsv", "the\tdet\nThe\tdet\n").ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_EQ((*lex)->FunctionWord("the"), WordClass::kDet);
}

TEST_F(LexiconDirTest, DeterminersMayTellTheirNounsNumber) {
  ASSERT_TRUE(
      LoadWith("function_words.tsv", "the\tdet\nan\tdet_sg\nThose\tdet_pl\n").ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  for (const char* w : {"the", "an", "those"}) {
    ASSERT_NE((*lex)->Word(w), nullptr) << w;
    EXPECT_EQ((*lex)->Word(w)->word_class, WordClass::kDet) << w;
  }
  EXPECT_EQ((*lex)->Word("the")->det_number, 0);
  EXPECT_EQ((*lex)->Word("an")->det_number, 's');
  EXPECT_EQ((*lex)->Word("those")->det_number, 'p');
}

TEST_F(LexiconDirTest, AuxiliariesAndCopulasMayTellTheirSubjectsNumber) {
  ASSERT_TRUE(LoadWith("function_words.tsv",
                       "had\taux\nhas\taux_sg\nHave\taux_pl\nwas\tcop_sg\n"
                       "were\tcop_pl\n")
                  .ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  for (const char* w : {"had", "has", "have"}) {
    ASSERT_NE((*lex)->Word(w), nullptr) << w;
    EXPECT_EQ((*lex)->Word(w)->word_class, WordClass::kAux) << w;
  }
  EXPECT_EQ((*lex)->Word("were")->word_class, WordClass::kCop);
  EXPECT_EQ((*lex)->VerbNumber("had"), 0);
  EXPECT_EQ((*lex)->VerbNumber("has"), 's');
  EXPECT_EQ((*lex)->VerbNumber("have"), 'p');
  EXPECT_EQ((*lex)->VerbNumber("was"), 's');
  EXPECT_EQ((*lex)->VerbNumber("were"), 'p');
  // One word, two numbers: an error naming the first line.
  const absl::Status twice =
      LoadWith("function_words.tsv", "is\tcop_sg\nis\tcop_pl\n");
  EXPECT_TRUE(absl::StrContains(twice.message(), "another category at line 1"))
      << twice;
}

TEST_F(LexiconDirTest, FileInDirReplacesTheBuiltInOne) {
  ASSERT_TRUE(LoadWith("verbs.tsv", "shout\tassert\tsay\n").ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  ASSERT_NE((*lex)->FindCue("shouted"), nullptr);
  EXPECT_EQ((*lex)->FindCue("shouted")->lemma, "shout");
  EXPECT_EQ((*lex)->FindCue("said"), nullptr);
  // Other files stay built in.
  EXPECT_TRUE((*lex)->IsTitle("minister"));
}

TEST_F(LexiconDirTest, AVerbMayCarrySeveralFlags) {
  ASSERT_TRUE(
      LoadWith("verbs.tsv", "say\tassert\tsay\nmock\tcondemn\tsay\t\tnoinvert\n"
                            "post\tassert\tsay\t\tclause,noinvert\n")
          .ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  ASSERT_NE((*lex)->FindCue("posted"), nullptr);
  EXPECT_TRUE((*lex)->FindCue("posted")->clause_only);
  EXPECT_TRUE((*lex)->FindCue("posted")->no_inversion);
  ASSERT_NE((*lex)->FindCue("mocked"), nullptr);
  EXPECT_FALSE((*lex)->FindCue("mocked")->clause_only);
  EXPECT_TRUE((*lex)->FindCue("mocked")->no_inversion);
  ASSERT_NE((*lex)->FindCue("says"), nullptr);
  EXPECT_FALSE((*lex)->FindCue("says")->no_inversion);
}

TEST_F(LexiconDirTest, TitlesTellASexOnlyWhereTheFileSaysSo) {
  ASSERT_TRUE(LoadWith("titles.tsv", "# c\nmayor\ndame\tf\nsir\tm\n").ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  ASSERT_NE((*lex)->Word("dame"), nullptr);
  EXPECT_EQ((*lex)->Word("dame")->title_gender, 'f');
  EXPECT_EQ((*lex)->Word("sir")->title_gender, 'm');
  EXPECT_TRUE((*lex)->Word("mayor")->title);
  EXPECT_EQ((*lex)->Word("mayor")->title_gender, 0);
  // Not in this file, so no title at all.
  EXPECT_FALSE((*lex)->IsTitle("mrs."));
}

TEST(Lexicon, IndefinitePronounsAreAClassOfTheirOwn) {
  auto lex = Lexicon::Load("");
  ASSERT_TRUE(lex.ok()) << lex.status();
  for (const char* w : {"someone", "everybody", "nothing", "one"}) {
    ASSERT_NE((*lex)->Word(w), nullptr) << w;
    EXPECT_EQ((*lex)->Word(w)->word_class, WordClass::kIndefinite) << w;
  }
  EXPECT_EQ((*lex)->FunctionWord("the"), WordClass::kDet);
}

TEST(Lexicon, VerbFormsAreAClassOfTheirOwn) {
  auto lex = Lexicon::Load("");
  ASSERT_TRUE(lex.ok()) << lex.status();
  for (const char* w : {"took", "held", "brought"}) {
    EXPECT_EQ((*lex)->FunctionWord(w), WordClass::kVerb) << w;
  }
  // Not a name ("Rose") nor a noun ("fell") nor a cue ("found").
  for (const char* w : {"rose", "fell", "found"}) {
    EXPECT_NE((*lex)->FunctionWord(w), WordClass::kVerb) << w;
  }
}

TEST_F(LexiconDirTest, VerbCategoryLoads) {
  ASSERT_TRUE(LoadWith("function_words.tsv", "# c\nthe\tdet\nsped\tverb\n").ok());
  auto lex = Lexicon::Load(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_EQ((*lex)->FunctionWord("sped"), WordClass::kVerb);
  EXPECT_EQ((*lex)->FunctionWord("took"), WordClass::kNone);
}

TEST(Lexicon, PossessivesAreNoSubjectPronouns) {
  auto lex = Lexicon::Load("");
  ASSERT_TRUE(lex.ok()) << lex.status();
  ASSERT_NE((*lex)->Possessive("her"), nullptr);
  EXPECT_EQ((*lex)->Possessive("her")->gender, 'f');
  EXPECT_TRUE((*lex)->Possessive("their")->plural);
  EXPECT_EQ((*lex)->Pronoun("her"), nullptr);
  EXPECT_EQ((*lex)->Possessive("she"), nullptr);
  ASSERT_NE((*lex)->Pronoun("she"), nullptr);
}

TEST(Lexicon, MissingDirIsNotFound) {
  auto lex = Lexicon::Load("/nonexistent/whosaid/lexicons");
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kNotFound) << lex.status();
}

#if defined(__SSE2__)
// The tokenizer's lookup from a vector answers as Find() does, for keys of
// the table and keys not in it, of every length (where a bucket overflows,
// in the buckets after it too).
TEST(ShortWordTable, KeyLookupAnswersAsFind) {
  absl::flat_hash_map<std::string, int> map;
  for (int k = 0; k < 3000; ++k) {
    std::string key = absl::StrCat("w", k * 7919 % 100003);
    key.resize(1 + k % kShortWord, static_cast<char>('a' + k % 26));
    map.emplace(key, k);
  }
  ShortWordTable<int> table;
  ASSERT_TRUE(table.Build(map, [](int v) { return v; }));
  for (int k = 0; k < 6000; ++k) {
    std::string key = absl::StrCat("w", k * 7919 % 100003);
    key.resize(1 + k % kShortWord, static_cast<char>('a' + k % 26));
    SCOPED_TRACE(key);
    alignas(16) char padded[kShortWord] = {};
    key.copy(padded, key.size());
    const int* found = table.Find(key);
    EXPECT_EQ(found, table.FindKeyBranchFree(_mm_load_si128(
                         reinterpret_cast<const __m128i*>(padded))));
    EXPECT_EQ(found != nullptr, map.contains(key));
  }
}
#endif  // __SSE2__

}  // namespace
}  // namespace internal
}  // namespace whosaid
