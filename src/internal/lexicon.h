// The lexicons that drive the engine: reporting cues with their stance,
// closed-class words, titles, nominal heads, pronouns, first names,
// abbreviations and the attribution rules. Each is a data file in
// seeds/lexicons/, compiled into the library and replaceable file by file
// from a directory (ExtractorOptions::lexicon_dir).
//
// A Lexicon is immutable once loaded and safe for concurrent use.
#ifndef WHOSAID_INTERNAL_LEXICON_H_
#define WHOSAID_INTERNAL_LEXICON_H_

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/base/optimization.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/numeric/bits.h"
#include "absl/numeric/int128.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "internal/key_scan.h"
#include "internal/text_layout.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {
namespace internal {

// How a cue frames its content (see verbs.tsv).
enum class CueClass : uint8_t {
  kSay,
  kTell,
  kDirective,
  kAccording,
  kBelief,
  kLabel,
  kEvidence,  // "polls show": the speaker must be a document
  kQuote,     // "returned", "laughed": reports only a quotation beside it
  kSeem,      // "appears to": how things look, believed by no one named
  kNominal,   // "his claim that C": a noun, a cue only after a possessive
  kNone,      // "added to his lead": a phrase that reports nothing, though
              // its first word is a cue elsewhere (the longer form wins)
};
inline constexpr int kCueClasses = static_cast<int>(CueClass::kNone) + 1;

struct CueEntry {
  std::string lemma;  // "say", "call on", "according to"
  v1::Stance stance = v1::STANCE_ASSERT;
  CueClass cue_class = CueClass::kSay;
  int words = 1;  // number of words in every form
  // "reaffirm", "reiterate" (stance "content" in verbs.tsv): the stance of
  // the claim reported inside the content, if any ("reaffirmed that France
  // condemned it": condemn), else assert.
  bool stance_from_content = false;
  // "feel", "know", "post" ("clause" in the fifth column of verbs.tsv): the
  // cue reports a claim only when what follows it is a clause, an
  // infinitive or a quotation; a noun phrase or an adjective alone is an
  // object or a state, no claim ("felt unsafe", "knows nothing", "posted a
  // photo").
  bool clause_only = false;
  // "realize", "understand" ("factive" in the fifth column of verbs.tsv, a
  // belief cue only): coming to know what the clause states. With the
  // hearer as subject ("you realize how hard it is", pronouns.tsv flag
  // hearer) it is the writer's generic address, no one's belief; a want or
  // a feeling of "you" is still reported ("if you want to C").
  bool factive = false;
  // "thank", "mock", "declare" ("noinvert" in the fifth column of
  // verbs.tsv): the noun phrase right after the cue is its object, never an
  // inverted subject: "C, mocked the party" is no "C, said the mayor".
  bool no_inversion = false;
  // "call", "dub" ("naming" in the fifth column of verbs.tsv): a label cue
  // that also gives a name: "a group called Black Votes Matter held a
  // rally" names the group, and calls no one anything.
  bool naming = false;
  // A noun cue (class nominal) with "light" in the fifth column: a cue only
  // as the object of a light verb ("made the case for C", "made the point
  // that C"), not after a possessive ("the company's case against him",
  // "his point of view").
  bool light_only = false;
  // "say", "argue" ("verb" in the fifth column of verbs.tsv): the base
  // form has no noun reading, so after a determiner and a word it is the
  // verb of a subject that ends there ("farmers across the state say C"),
  // not the head of a compound as "the tax plan" is.
  bool verb_only = false;
  // "in" ("source" in the fifth column of verbs.tsv): a preposition that is
  // a cue only when it opens its sentence before a noun phrase a poll or
  // survey heads ("In a poll released Sunday, C"); the tagger makes it one
  // there, and it is no cue word elsewhere.
  bool source_only = false;
  // "reportedly" ("adverb" in the fifth column of verbs.tsv): an adverb
  // that passes on hearsay from no one named ("X reportedly left": the
  // clause is the content); no cue when a cue follows it ("X reportedly
  // said C" is X's claim), where the tagger makes it a plain adverb.
  bool adverb_only = false;
  // "seen as", "viewed as" ("passive" in the fifth column of verbs.tsv): a
  // past participle that is a cue only after a copula ("the plan is seen as
  // a trap"); without one it modifies a noun ("people seen as disrupters
  // were ushered out") and reports nothing.
  bool passive_only = false;
  // "attack" ("infinitive" in the fifth column of verbs.tsv): a form that
  // is a cue only right after "to" ("continued to attack X"); elsewhere it
  // is read as the noun it mostly is ("the attack on X").
  bool infinitive_only = false;
  // "self-described" ("attributive" in the fifth column of verbs.tsv): a
  // participle before the noun it labels, the label the one described gives
  // themself ("a self-described socialist"); a cue only right after a
  // determiner of one (function_words.tsv list det_one) or "and"/"or"
  // ("an independent and self-described socialist"), not after "the" (a
  // name for someone the sentence goes on to talk about: "the self-described
  // socialist has vowed to fight on").
  bool attributive_only = false;
  // "remember" ("quoted" in the fifth column of verbs.tsv): a cue only
  // beside a quotation, right after it and a short subject ('"Q," she
  // remembered', '"Q," remembered X') or right before it ('X remembered:
  // "Q"'); elsewhere it is memory, not speech ("could not remember how C"),
  // and the tagger makes it a plain word.
  bool quoted_only = false;
  // "states" ("subject" in the fifth column of verbs.tsv): a form that is
  // a cue only right after a subject pronoun or a noun of a document ("it
  // states that C", "the memo states that C"), elsewhere the plural noun
  // it mostly is ("swing states").
  bool subject_only = false;
  // "hope", "fear", "seek" ("adjunct" in the fifth column of verbs.tsv): a
  // belief cue whose participle after a comma reports what the clause's
  // subject hopes or fears ("X set out early, hoping to C"; rule
  // participle_belief). Other belief participles there mostly give a reason
  // or a circumstance, not a belief ("considering the cost", "knowing him",
  // "declining the offer").
  bool adjunct = false;
  // "tax credit" ("compound" in the fifth column of verbs.tsv, class none
  // only): a noun compound that ends in a cue word and whose first word is no
  // cue; the cue word in it is the noun wherever the phrase stands ("net
  // includes tax credits of 14.5 mln dlrs"), where a sentence adverb of
  // class none ("all told") is one only when set off by punctuation.
  bool compound = false;
  // A phrase of class none whose first word is no cue ("all told", "tax
  // credit"): the tagger looks it up backward from its last word
  // (Tagger::NonePhraseEndingAt). One whose first word is a cue form too
  // ("press reports") is found forward from that word, and only so: read
  // backward, it would take the cue of "The Associated Press reports, C"
  // once a backward phrase shares its last word ("jobs report").
  bool backward = false;
  // "agree to", "aim to" ("toclause" in the fifth column of verbs.tsv): a
  // cue whose last word is the "to" of an infinitive; before a verb ("agreed
  // to pay the fine") that "to" opens what was agreed, as it does after
  // "pledged" or "vowed", and belongs to the content, not the cue ("agreed
  // to the deal" keeps it: a preposition before its object).
  bool to_clause = false;
  // "report" ("press" in the fifth column of verbs.tsv): what publications
  // do; a name of no person's sex that speaks through it is a publication
  // or an agency ("Politico reports C"), no antecedent of "he" or "she"
  // (SpeakerResolver::NotePress()).
  bool press = false;
  // "welcome" ("host" in the fifth column of verbs.tsv): with a person or
  // group for its object and "to" a place or body after it ("welcomed
  // world leaders to the White House") the cue tells of a visit received,
  // no praise of anything said or done.
  bool host = false;
};

// A phrase in the content of a neutral claim that gives it a stance
// (content_stances.tsv): "said there was no evidence that ..." denies.
struct ContentStance {
  v1::Stance stance = v1::STANCE_ASSERT;
  // "none": content that reports no claim ("asked not to be named").
  bool no_claim = false;
  // "noevidence": a phrase of the claim's sentence, not of its content,
  // saying the claim came without evidence ("claimed, without providing
  // evidence, that ...").
  bool no_evidence = false;
  std::string pattern;  // RE2, case-insensitive
  int line = 0;
};

// Closed-class categories (function_words.tsv).
enum class WordClass : uint8_t {
  kNone,
  kDet,
  kPoss,
  kPron,
  kPrep,
  kConj,
  kSub,
  kRel,
  kThat,
  kAux,
  kCop,
  kAdv,
  // An adverb that stands for what was said, as a pronoun for a clause
  // ("concluding thus"): tagged 'l' as kAdv; a content of it alone is
  // still a claim (unlike "said simply").
  kProAdv,
  kNeg,
  kMod,
  // A verb of refusal ("declined"): tagged 'o'; an infinitive cue after it
  // ("declined to say") reports nothing.
  kRefuse,
  // A determiner that also stands alone for a noun phrase ("some",
  // "another"): tagged 'd', and a verb form after it is a cue ("Some say").
  kPronDet,
  // The same, singular ("another", "each"): only a past form after it is a
  // cue ("Another said"; "another brief moment", "each question" are nouns).
  kPronDetSingular,
  // A pronoun that names nobody in particular ("someone", "everyone",
  // "nothing"): tagged 'o'; it is never taken for a person's name.
  kIndefinite,
  // A modal auxiliary ("would", "could"): tagged 'v' as any auxiliary; a cue
  // under it in reported speech ("X said she would offer C") tells what
  // will happen, not a claim made.
  kModal,
  // A word of time written in lower case ("yesterday", "tonight"): an
  // adverb ('l') as kAdv, and no part of what was said ("said yesterday
  // that C"). Capitalised inside a sentence it is a name ("USA Today").
  kTime,
  // A day of the week ("Friday"): tagged as any capitalised word, so that
  // noun phrases around it hold, but never part of a person's name, and
  // no part of a speaker ("The White House on Friday said") or of what was
  // said ("said Tuesday that C").
  kWeekday,
  // The preposition of a passive agent ("by"): tagged 'r' as any
  // preposition; a rule's group "agent" must be one.
  kAgent,
  // A noun of time ("week", "morning"): tagged 'o'; after a cue, with its
  // determiner ("said last week", "told reporters this morning"), it is an
  // adverbial of when the words were said, not what was said.
  kTimeNoun,
  // The name of a month ("June"; not "may", a modal): tagged as any
  // capitalised word; after a preposition it is a phrase of time ("endorsed
  // the mayor in June": when it was said, not what).
  kMonth,
  // A noun that sums up a reported act as a whole ("move", "swipe",
  // "reference"): tagged 'o'; after a comma and "a"/"an" it opens an
  // appositive to the clause before ("X said C, a move that ..."), which is
  // the writer's comment, not part of what was said.
  kAsideNoun,
  // A word that heads a publication's notice ("Correction", "Byline",
  // "Editor's note"): tagged as any other word; before a colon that opens
  // its line it labels the notice, and no one speaks the words after it.
  kNotice,
  // A verb form that is no cue and no auxiliary ("took", "boycotted"):
  // tagged as any other word; after "and" that closes a phrase content
  // ("praised the plan and took questions") it opens a coordinated verb
  // phrase, the speaker's next act, not part of what was said.
  kVerb,
  // A verb that makes its object speak ("led", "prompted", "leaving"): "The
  // delay led critics to say C", "leaving many to wonder whether C": the
  // object before the infinitive cue speaks (rules.tsv group "causer").
  // Tagged as any other word.
  kCausative,
  // The same, of a form that is also a verb as kVerb is ("led", "left"):
  // "... and left the area" opens a coordinated verb phrase.
  kCausativeVerb,
  // A verb that with a noun of speech as its object reports speech ("made
  // the case for C", "issued a warning that C", "delivered a critique of
  // C"): tagged as any other word, and a verb as kVerb is; a noun cue
  // (class nominal) right after it, or after its determiner and one or two
  // modifiers, is a cue of its subject.
  kLightVerb,
  // A subordinator that opens an adverbial clause ("while", "because",
  // "although"): tagged 's' as kSub. A cue in such a clause that opens the
  // sentence reports that clause only ("While the mayor said C, the council
  // approved it"): the content ends where the clause does.
  kAdverbialSub,
  // A subordinator of condition ("if", "unless"): as kAdverbialSub, but a
  // trailing attribution reports the condition with the rest ("If taxes
  // rise, growth will slow, the study said" reports the whole sentence).
  kCondSub,
  // A relative word that stands for a whole clause of its own ("what":
  // "what the senator said was a mistake"): tagged 's' as kSub; before a
  // speaker and cue it is the first part of what was said.
  kFreeRel,
  // A possessive relative word ("whose"): tagged 'w' as kRel, but it names
  // no part of what was said ("the mayor, whose aide said C").
  kPossRel,
  // A subordinator or preposition of time ("after", "before", "until"):
  // tagged 's'; as kAdverbialSub for an opening clause, and as kAdjunctPrep
  // after a noun phrase the cue takes ("praised the plan after the vote").
  kTimeSub,
  // A preposition that opens an adjunct of the act itself ("during",
  // "through"): tagged 'r' as kPrep. After a cue whose content is a plain
  // noun phrase it ends the content: "X endorsed Y during a rally" endorsed
  // Y; "X denied the charges through a lawyer" denied the charges.
  kAdjunctPrep,
  // A preposition that can place an act ("in", "on", "at", "over"): tagged
  // 'r' as kPrep. Before a noun of kMediumNoun after a noun-phrase content
  // ("denied the report in an interview") it opens an adjunct of the act.
  kVenuePrep,
  // A noun of a medium or occasion of speech ("interview", "tweet",
  // "statement", "rally"): tagged as any other word; see kVenuePrep.
  kMediumNoun,
  // A word of judgement that takes an extraposed infinitive ("important",
  // "fair", "no exaggeration"): tagged as any other word; in "it is
  // important to note that C", "it's fair to say C" the "it" is nobody, and
  // the claim is the writer's (no speaker).
  kJudgement,
  // A noun of a stance or an act of speech that a cue takes as its object
  // ("concern", "support", "condolences"): tagged as any other word; in
  // "expressed concern about C", "claimed responsibility for C" it and its
  // preposition belong to the act, and what follows is the content.
  kStanceNoun,
  // A noun of a poll or survey ("poll", "surveys"): tagged as any other
  // word (a nominal of type document); "In a poll last month, C": a
  // preposition of class source before a phrase it heads is a cue.
  kPollNoun,
  // A number or fraction written as a word ("five", "dozens", "half"): in
  // lower case tagged '0' as a number in digits, so that a measure stands
  // as a noun phrase ("At least half of voters say C", "about a third say
  // C"); capitalised it is tagged as any capitalised word.
  kCount,
  // The label of a web page's control ("close", "share", "listen"):
  // tagged as any other word. Written in capitals at the start of a
  // speaker, glued before the words of a paragraph ("CLOSE Beto O'Rourke
  // announced C", a video's caption under its close button), it is page
  // furniture, no part of the speaker.
  kPageControl,
  // An adjective that modifies a noun and does not stand for people
  // ("recent", "false", "controversial"; not "rich", "elderly"): tagged as
  // any other word. A cue form with a noun reading right after one is that
  // noun ("amid recent reports that C"), not the verb of a subject ending
  // in the adjective: the claim names no speaker.
  kAdjective,
  // The particle of a phrasal verb ("out", "off"): tagged as any other
  // word. After a pronoun a cue takes ("ruled it out", "wrote them off") it
  // makes an act of its own, a ruling out or a dismissal, whose object is
  // what it is about: a claim, though no clause follows.
  kParticle,
  // A verb that takes an object and a bare infinitive ("help", "let"):
  // tagged as any other word. "materials to help police understand C": the
  // one helped to a belief holds none yet; a belief cue in its base form
  // after it reports no claim.
  kCausativeBare,
};

// Word lists of function_words.tsv: closed sets of words that some check
// asks about by name. A word is in any number of lists besides its one
// category (or none), and a list changes nothing of how the word is tagged.
enum class WordList : uint32_t {
  // "me", "him", "her", "us", "them" (objpron): "explained to them that C".
  kObjectPronoun = 1 << 0,
  // A determiner of exactly one ("a", "an", "one", "another", "every",
  // "each"; det_one): "a passing promise that C".
  kDetOne = 1 << 1,
  // "later", "earlier", "ago" (timeback): after a measure of time, when
  // something happened ("Minutes later, ...").
  kTimeBack = 1 << 2,
  // "a", "an", "the" (article): "a councillor who".
  kArticle = 1 << 3,
  // A determiner that dates a noun of time by its place from now ("this",
  // "next"; timedet): "this week", "next year".
  kTimeDet = 1 << 4,
  // An adverb of place that complements a copula ("there", "here";
  // locative): "officials who were there said C".
  kLocative = 1 << 5,
  // A conjunction that joins noun phrases into one ("and", "or";
  // phraseconj): "the mayor and the council".
  kPhraseConj = 1 << 6,
  // A preposition that names where a message goes ("to"; route): the noun
  // phrase after it is no speaker of a participle after it ("a letter to
  // the mayor criticizing C" is the letter's; "a message from X saying C"
  // is X's).
  kRoute = 1 << 7,
  // The writer's terms after what was said (Attributor::EndAtWritersTerms):
  // an adverb that makes a concession of the subordinator after it ("even";
  // concessive_lead) and that subordinator ("though"; concessive): "said C,
  // even though ...".
  kConcessiveLead = 1 << 8,
  kConcessive = 1 << 9,
  // A subordinator of comparison before an auxiliary or copula of its own
  // ("as"; comparison): "said C, as he did on Monday".
  kComparison = 1 << 10,
  // A comparative of amount ("more", "less", "fewer"; amount) and the word
  // that completes it ("than"; than): "C, more than twice the figure".
  kAmount = 1 << 11,
  kThan = 1 << 12,
  // A relative word of place ("where"; place_rel): "sought a recount in
  // the county, where he trailed by a point".
  kPlaceRelative = 1 << 13,
  // The marker of an infinitive ("to"; inf_to): "and threatening to stay
  // home" is a second act of the speaker's.
  kInfinitiveTo = 1 << 14,
  // A subordinator that, between a word of the subject and a cue, is an
  // adverb of time rather than the start of a clause ("once"; preverb):
  // "The coach once said: \"Q\"".
  kPreVerb = 1 << 15,
  // A determiner that counts a noun of time ("a", "an", "each", "every";
  // time_count): "a week ago", "each day" is a phrase of time after a cue,
  // as "this week" (timedet) is; not "requested another month".
  kTimeCount = 1 << 16,
  // A preposition that introduces the subject of an infinitive ("for";
  // inf_subject): "a chance for the mayor to explain C" is the mayor's.
  kInfinitiveSubject = 1 << 17,
  // A conjunction that offers an alternative or another name ("or";
  // alternative): "a madrassa, or Islamic school" closes a list that needs
  // no item between commas (Attributor::ExtendThroughList).
  kAlternative = 1 << 18,
  // A conjunction that is an adverb of time right after an auxiliary, a
  // copula or a negation, or right before an adverb ("yet"; conj_adverb):
  // "has yet to explain C", "reversed herself yet again, telling X C".
  kConjAdverb = 1 << 19,
  // A preposition that joins a headline's speaker to the topic or the one
  // addressed of the line it labels ("on", "to"; label_prep): "Mayor Keller
  // on Ferry Dock: 'It Will Open'", "Teachers to Council: Fund the Schools".
  kLabelPrep = 1 << 20,
  // A counting number written as a word ("one" to "ten"; number_word):
  // "one in four say C" is a share, as "1 in 4" is.
  kNumberWord = 1 << 21,
  // A channel or stage a speaker goes to in order to speak ("Twitter",
  // "CNN", "podium"; outlet): "X took to Twitter to say C", "X went on CNN
  // to declare C" are X's, the name after the preposition no subject of
  // the infinitive.
  kOutlet = 1 << 22,
  // A quantifier that with "of" names a part of a set, and that "of"
  // ("half", "all", "some", "of"; partitive): after a lone dash that closes
  // a content, "- half of what the port sought" is the writer's.
  kPartitive = 1 << 23,
  // A word that opens the matter of a question after the one asked
  // ("about", "whether", "if"; question_topic): "asked her about C",
  // "asked Reyes whether C" (Attributor::StartAfterAskedAddressee).
  kQuestionTopic = 1 << 24,
  // A form of a verb of saying that has no reading as a noun or as an
  // adjective before one ("said", "says", "told", "tells"; verb_after_name):
  // after a name and "'s" it is the verb of that name ("Moody's said C",
  // "Lloyd's said"), not a possessed noun ("Labour's claimed deficit").
  kVerbAfterName = 1 << 25,
  // A preposition written in lower case inside an organisation's name
  // ("of", "for", "on"; name_link): "the Department of Veterans Affairs",
  // "the Bank for International Settlements", "the Commission on Civil Rights"
  // are one name each.
  kNameLink = 1 << 26,
  // The sound of somebody speaking ("voice"; voice_of): "called a girl's
  // voice", "interrupted his mother's voice" are said by the one whose
  // voice it is, the possessor ("a girl", "his mother").
  kVoiceOf = 1 << 27,
  // A noun that heads an organisation's name only with a name_link and
  // capitalised words after it ("center"; org_before_link): "the Center for
  // Responsive Politics", "the Federation of American Scientists". Alone it
  // names a place as often as a body ("the World Trade Center"), so it is
  // no organisation noun of nominals.tsv.
  kOrgBeforeLink = 1 << 29,
  // A word that ends a company's legal name ("corp", "inc", "co", "ltd",
  // "plc"; corp_suffix): the words before it name the company alone too,
  // "Boeing" after "Boeing Co", "Texaco" after "Texaco Inc".
  kCorpSuffix = 1 << 28,
  // A word that labels a part of an article or a line of a script and names
  // nobody ("verdict", "update", "video", "sot"; label_word): "VERDICT: It's
  // complicated", "EDITOR'S NOTE: ...", "SOT: ..." give no speaker.
  kLabelWord = 1u << 31,
  // An ordinal number word ("first", "second"; ordinal): capitalised at the
  // start of a run of capitalised words that ends in a corporate suffix it
  // is part of the company's name ("First Chicago Corp", "First Boston
  // Inc"), not an adverb.
  kOrdinal = 1 << 30,
};

struct PronounInfo {
  char gender = 'x';     // m f n x
  bool plural = false;
  bool person = false;   // refers to a person only
  bool relative = false;  // "who": the nearest name before it in its sentence
  // Points at the speaker or the hearer ("I", "we", "you"): never resolved
  // to an earlier mention.
  bool deictic = false;
  // Points at the hearer or reader ("you"), as a deictic one does: a
  // belief of "you" is mostly the writer's generic address ("you realize
  // how hard it is", "if you want to help").
  bool hearer = false;
};

// Every form of a pronoun that pronouns.tsv lists (subject, possessive
// determiner, object, reflexive, or a possessive standing alone): its gender
// and what it can be. "her" is both an object and a possessive.
struct PronounForm {
  enum Kind : uint8_t {
    kSubject = 1,      // "he", "they", "who" (person group any relative)
    kPossessive = 2,   // "his", "her" before a noun
    kObject = 4,       // "him", "her"
    kReflexive = 8,    // "himself"
    kIndependent = 16  // "hers", "theirs"
  };
  char gender = 'x';  // m f n x
  uint8_t kinds = 0;  // Kind bits
};

// Everything the lexicons say about one lower-case word, for taggers that
// look each word up once.
//
// Sixteen bytes, so that a ShortWordTable entry (the key and this) is 32
// bytes on a 32-byte boundary and never straddles two cache lines: with
// 32-byte WordInfos (int cue indices, a byte a flag) a quarter of the
// 48-byte entries had their key on one line and their fields on the next,
// a second miss for the tagger. Hence the 16-bit cue indices and the flags
// as bits.
struct WordInfo {
  WordInfo()
      : cue_prefix(false),
        gap_cue_prefix(false),
        none_phrase_end(false),
        place(false),
        proform(false),
        title(false),
        lower_rank(false),
        clause_sign(false) {}

  int16_t cue = -1;  // single-word cue form: index into cues()
  // Noun cue form (class nominal, one word): a cue only after a possessive
  // ("her denial of C"); index into cues().
  int16_t noun_cue = -1;
  v1::EntityType nominal = v1::ENTITY_TYPE_UNSPECIFIED;
  // The tag the tagger gives the word in lower case wherever it stands, or
  // 0 when its neighbours, its case or a cue form decide (Lexicon fills it
  // in from the fields below, as Tagger's WordTag() reads them): most
  // known words are function words whose class alone tags them, and the
  // tagger then skips WordTag().
  char plain_tag = 0;
  WordClass word_class = WordClass::kNone;
  // For a determiner, the number of the noun it takes: 's' ("a", "an";
  // function_words.tsv category det_sg), 'p' ("these", "those"; det_pl),
  // else 0.
  char det_number = 0;
  // 'm' or 'f' for a title that tells the sex of the one it names ("Mrs.";
  // titles.tsv), else 0.
  char title_gender = 0;
  // 'm' or 'f' for a noun that names a person of that sex ("man", "girl",
  // "mother"; nominals.tsv), else 0.
  char person_gender = 0;
  bool cue_prefix : 1;  // first word of a multi-word cue form
  // First word of a cue form with an addressee gap ("spoke to ... about").
  bool gap_cue_prefix : 1;
  // Last word of a phrase of class none whose first word is no cue, a
  // sentence adverb ("all told", "truth be told"): the tagger looks back
  // from the cue word for the rest of it.
  bool none_phrase_end : 1;
  // A venue preposition of place or occasion, never of a topic ("in", "at";
  // function_words.tsv category venue_place: "her remarks in Ohio").
  bool place : 1;
  // A subordinator that also stands for what was said ("so" in "said so";
  // function_words.tsv category sub_proform).
  bool proform : 1;
  bool title : 1;
  // A word that ranks the holder of the title after it below that title
  // ("vice", titles.tsv second column rank; "deputy", function_words.tsv
  // category mod_rank): "the president" is not the vice president.
  bool lower_rank : 1;
  // A word that makes the words it is in a clause, not a noun phrase
  // ("offered a pathway to citizenship"; a claim's confidence feature
  // np_content): a subject pronoun, auxiliary, copula, modal, negation or
  // verb, or a cue's past or participle ("said", "planned", "saying"), not
  // its lemma or "-s" form, which may be a noun ("a plan", "reports").
  bool clause_sign : 1;
  // For a document noun, the kinds of document it names, one bit each
  // (nominals.tsv third column: "report" is research and text), else 0.
  // Two nouns of one kind may name one document ("a GFOA analysis ... the
  // report").
  uint16_t document_kinds = 0;
};
static_assert(sizeof(WordInfo) == 16, "see WordInfo");

// The tag of a word no lexicon gives one, by its shape: an adverb in -ly
// ('l'; not "rally"), a form in -ing ('i'), else a plain word ('o'). `w` is
// lower-cased, or ASCII in either case: (b | 0x20) is a lower-case letter
// for that letter in either case and for no other byte.
inline char ShapeTag(absl::string_view w) {
  const size_t n = w.size();
  if (n <= 5) return 'o';
  auto at = [&](size_t k) { return static_cast<char>(w[k] | 0x20); };
  if (at(n - 2) == 'l' && at(n - 1) == 'y') return 'l';
  if (at(n - 3) == 'i' && at(n - 2) == 'n' && at(n - 1) == 'g') return 'i';
  return 'o';
}

// The tag a word of class `c` takes in lower case by its class alone: a
// function word ('d', 'p', 'P', 'r', 's', 'w', 't', 'v', 'b', 'l', 'z'), or 0
// for a class whose words' tags more than the class decides (a conjunction
// that may be an adverb, a word of time, a modifier that may be a title, a
// number word) or that gives no tag (the word's shape or entry does).
// Tagger's WordTag() and the lexicon's plain tags (WordInfo::plain_tag)
// both read it, so the two cannot disagree.
inline char ClassTag(WordClass c) {
  switch (c) {
    case WordClass::kDet:
    case WordClass::kPronDet:
    case WordClass::kPronDetSingular:
      return 'd';
    case WordClass::kPoss:
      return 'p';
    case WordClass::kPron:
      return 'P';
    case WordClass::kPrep:
    case WordClass::kAdjunctPrep:
    case WordClass::kVenuePrep:
    case WordClass::kAgent:
      return 'r';
    case WordClass::kSub:
    case WordClass::kAdverbialSub:
    case WordClass::kCondSub:
    case WordClass::kFreeRel:
    case WordClass::kTimeSub:
      return 's';
    case WordClass::kRel:
    case WordClass::kPossRel:
      return 'w';
    case WordClass::kThat:
      return 't';
    case WordClass::kAux:
    case WordClass::kModal:
      return 'v';
    case WordClass::kCop:
      return 'b';
    case WordClass::kAdv:
    case WordClass::kProAdv:
      return 'l';
    case WordClass::kNeg:
      return 'z';
    case WordClass::kConj:
    case WordClass::kTime:
    case WordClass::kTimeNoun:
    case WordClass::kMod:
    case WordClass::kCount:
    case WordClass::kNone:
    case WordClass::kRefuse:
    case WordClass::kIndefinite:
    case WordClass::kWeekday:
    case WordClass::kMonth:
    case WordClass::kAsideNoun:
    case WordClass::kMediumNoun:
    case WordClass::kJudgement:
    case WordClass::kStanceNoun:
    case WordClass::kPollNoun:
    case WordClass::kNotice:
    case WordClass::kVerb:
    case WordClass::kCausative:
    case WordClass::kCausativeVerb:
    case WordClass::kLightVerb:
    case WordClass::kPageControl:
    case WordClass::kAdjective:
    case WordClass::kParticle:
    case WordClass::kCausativeBare:
      break;
  }
  return 0;
}

// Whether a word stands for what was said, so that a report whose content
// is that word alone is a claim still: a subordinator of sub_proform ("said
// so") or an adverb of class proadv ("concluding thus").
inline bool StandsForWhatWasSaid(const WordInfo* w) {
  return w != nullptr && (w->word_class == WordClass::kProAdv || w->proform);
}

// The hash of the word-keyed lexicon maps. The taggers look up nearly every
// word of the text, and on keys this short a multiply-and-fold hash is
// several times cheaper than absl::Hash. Transparent: string_view lookups
// build no string.
struct WordHash {
  using is_transparent = void;
  size_t operator()(absl::string_view s) const {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      h = Mix(h ^ v);
    }
    // The last 1..7 bytes as a little-endian number, without a loop: two
    // overlapping 4-byte loads, or the first, middle and last of 1..3
    // bytes. (The same value a byte loop gives on a little-endian machine.)
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      h = Mix(h ^ (lo | (static_cast<uint64_t>(hi) << (8 * (n - 4)))));
    } else if (n > 0) {
      const uint64_t v =
          static_cast<uint64_t>(static_cast<uint8_t>(p[0])) |
          static_cast<uint64_t>(static_cast<uint8_t>(p[n / 2])) << (8 * (n / 2)) |
          static_cast<uint64_t>(static_cast<uint8_t>(p[n - 1])) << (8 * (n - 1));
      h = Mix(h ^ v);
    }
    return static_cast<size_t>(Mix(h));
  }

 private:
  static uint64_t Mix(uint64_t x) {
    absl::uint128 m = absl::uint128(x) * 0xD6E8FEB86659FD93ull;
    return absl::Uint128Low64(m) ^ absl::Uint128High64(m);
  }
};

struct WordEq {
  using is_transparent = void;
  // Words are short: an inline loop beats a call to memcmp.
  bool operator()(absl::string_view a, absl::string_view b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
};

template <typename Value>
using WordMap = absl::flat_hash_map<std::string, Value, WordHash, WordEq>;

// The longest key of a ShortWordTable.
inline constexpr size_t kShortWord = 16;

// Keys of 1 to kShortWord bytes, each as its two 8-byte halves (little
// endian, the bytes after the key zero), with their values, in a dense
// array of entries, found through an index of buckets, at most half full: a
// lookup is a multiply, one compare of a bucket's eight fingerprints, and two
// compares in the entry, where a WordMap hashes the bytes and compares them
// one by one.
//
// Why the index and the fingerprints: the tokenizer and the taggers look
// up nearly every word of a text, and the lookups wait on cache misses
// more than they compute. Slots of the key and a value pointer at a
// quarter load (96 bytes of table a word) with the values scattered in a
// WordMap made a known word two misses. Now the index takes 8 to 16 bytes a
// word, two buckets a cache line: a word no lexicon knows (most names and
// content words) reads an index line, and a known word one more line, its
// entry, which holds its value in place (the tagger then reads the value
// from that same line). Entries are ordered by key length, shortest first,
// so that the common function words share lines. (news.jsonl, interleaved
// runs: about 2% less user time, median of 12 paired runs; instructions up
// 1.5%, which counting alone would have read as a loss.)
//
// Why buckets: with linear probing over single slots, whether a word's
// first slot was empty, and whether its fingerprint matched, were branches
// taken at random (a known word, a word no lexicon knows, a slot some other
// key took) that waited on the index line's miss (news-5mb: about 590k of
// the 1.1M lookups mispredicted one). A key lives in its own bucket unless
// that is full, so a lookup picks the one lane whose fingerprint matches
// (or none) and then knows: one branch, which a caller's own test of the
// answer repeats (the predictor learns the one from the other), or none at
// all (FindPaddedBranchFree()); only the few lookups in a bucket that
// overflowed go on to the next.
template <typename Value>
class ShortWordTable {
 public:
  // The most keys a table holds (entry numbers are 16 bits; 0 is none).
  static constexpr size_t kMaxKeys = 0xFFFF;
  // The keys of `map` of 1 to kShortWord bytes, each with value(its mapped
  // value). False, and the table left as it was, when they are more than
  // kMaxKeys.
  template <typename Map, typename ValueFn>
  ABSL_MUST_USE_RESULT bool Build(const Map& map, ValueFn value) {
    std::vector<std::pair<absl::string_view, Value>> keyed;
    for (const auto& entry : map) {
      const absl::string_view key = entry.first;
      if (key.empty() || key.size() > kShortWord) continue;
      keyed.emplace_back(key, value(entry.second));
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) {
                       return a.first.size() != b.first.size()
                                  ? a.first.size() < b.first.size()
                                  : a.first < b.first;
                     });
    if (keyed.size() > kMaxKeys) return false;
    // Entry 0 is none: an empty lane, and the last lane of every bucket,
    // number it, and a lookup that finds no key compares it and misses.
    entries_.assign(1, Entry());
    entries_.reserve(keyed.size() + 1);
    int bits = 1;
    while ((size_t{kKeyLanes} << bits) < 2 * keyed.size()) ++bits;
    buckets_.assign(size_t{1} << bits, Bucket());
    mask_ = buckets_.size() - 1;
    shift_ = 64 - bits;
    for (const auto& [key, v] : keyed) {
      Entry e;
      Load(key, &e.lo, &e.hi);
      e.value = v;
      const size_t h = Hash(e.lo, e.hi);
      const uint16_t fingerprint = Fingerprint(h);
      entries_.push_back(e);
      const auto number = static_cast<uint16_t>(entries_.size() - 1);
      // The first bucket from the key's own with a free lane and no key of
      // the same fingerprint (so that the first lane a lookup matches is
      // the only one); those it passes are marked as overflowed.
      for (size_t k = h >> shift_;; k = (k + 1) & mask_) {
        Bucket& b = buckets_[k];
        size_t lane = 0;
        while (lane < kKeyLanes && b.number[lane] != 0 &&
               b.fingerprint[lane] != fingerprint) {
          ++lane;
        }
        if (lane < kKeyLanes && b.number[lane] == 0) {
          b.fingerprint[lane] = fingerprint;
          b.number[lane] = number;
          break;
        }
        b.fingerprint[kKeyLanes] = 1;
      }
    }
    return true;
  }
  // The value of `key` (1 to kShortWord bytes), or nullptr.
  const Value* Find(absl::string_view key) const {
    uint64_t lo, hi;
    Load(key, &lo, &hi);
    return Find(lo, hi);
  }
  // The same for a key at `padded`, followed by zero bytes up to
  // kShortWord: no loads to stay inside the key.
  const Value* FindPadded(const char* padded) const {
    uint64_t lo, hi;
    std::memcpy(&lo, padded, 8);
    std::memcpy(&hi, padded + 8, 8);
    return Find(lo, hi);
  }
#if defined(__SSE2__)
  // As FindPadded(), for a key whose first byte is not NUL, its sixteen
  // bytes in a vector (the tokenizer makes the key there), with no branch
  // on whether the key is there (but for the few keys of a bucket that
  // overflowed): for a caller that keeps the answer rather than branching
  // on it, which then need not wait for the table's lines (where a branch
  // on an answer still on its way from memory, taken at random, stalled it
  // when mispredicted). The halves are folded for the hash, and the entry's
  // key compared, in the vector, not in two general registers each
  // (news-5mb: about three instructions fewer a lookup).
  const Value* FindKeyBranchFree(__m128i key) const {
    // (The halves swapped by one shuffle, which leaves `key` as it is.)
    const uint64_t folded = static_cast<uint64_t>(_mm_cvtsi128_si64(
        _mm_xor_si128(key, _mm_shuffle_epi32(key, _MM_SHUFFLE(1, 0, 3, 2)))));
    const size_t h = HashFolded(folded);
    const Bucket& b = buckets_[h >> shift_];
    const Entry& e = entries_[NumberIn(b, h)];
    // (An entry of 32 bytes is aligned to them: the compare reads it in
    // place.)
    const __m128i entry_key =
        alignof(Entry) >= 16
            ? _mm_load_si128(reinterpret_cast<const __m128i*>(&e))
            : _mm_loadu_si128(reinterpret_cast<const __m128i*>(&e));
    // 1 when all sixteen bytes are equal (the mask 0xFFFF), else 0: an add
    // and a shift, where a comparison to 0xFFFF made GCC set a byte twice
    // and widen it twice.
    const uint32_t equal = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(key, entry_key)));
    const uint32_t hit = (equal + 1) >> 16;
    // (Overflowed and missed, in one test.)
    if (ABSL_PREDICT_FALSE(b.fingerprint[kKeyLanes] > hit)) {
      alignas(16) uint64_t half[2];
      _mm_store_si128(reinterpret_cast<__m128i*>(half), key);
      return FindAfter(h, half[0], half[1]);
    }
    return reinterpret_cast<const Value*>(
        reinterpret_cast<uintptr_t>(&e.value) & (uintptr_t{0} - hit));
  }
#endif

 private:
  // An entry of a power-of-two size (32 bytes with a WordInfo) is aligned
  // to it, so that none straddles two cache lines.
  static constexpr size_t kEntrySize = 16 + sizeof(Value);
  struct alignas((kEntrySize & (kEntrySize - 1)) == 0
                     ? kEntrySize
                     : alignof(uint64_t)) Entry {
    uint64_t lo = 0;
    uint64_t hi = 0;
    Value value = Value();
  };
  // Lanes of a bucket that hold keys; the last lane of the eight holds
  // none: its number is always 0, and its fingerprint is 1 when the
  // bucket overflowed (a key whose bucket it is, or one before it, lives in
  // a bucket after it), else 0.
  static constexpr size_t kKeyLanes = 7;
  // 32 bytes on a 32-byte boundary: a lookup reads one line.
  struct alignas(32) Bucket {
    uint16_t fingerprint[kKeyLanes + 1] = {};  // 0 in an empty lane
    uint16_t number[kKeyLanes + 1] = {};       // the key's entry; 0: empty
  };
  // One multiply of the halves folded together: the bucket comes from the
  // product's high bits, which every bit of both halves reaches.
  static size_t Hash(uint64_t lo, uint64_t hi) { return HashFolded(lo ^ hi); }
  static size_t HashFolded(uint64_t folded) {
    return static_cast<size_t>(folded * 0x9E3779B97F4A7C15ull);
  }
  // Sixteen bits of the hash below those that pick the bucket (at most 16:
  // kMaxKeys keys take 2^15 buckets).
  static uint16_t Fingerprint(size_t h) {
    return static_cast<uint16_t>(h >> 32);
  }
  // The entry number of the first key lane of `b` whose fingerprint is
  // Fingerprint(h) (perhaps an empty lane's 0), else 0.
  static size_t NumberIn(const Bucket& b, size_t h) {
#if defined(__SSE2__)
    // (Fingerprint(h), the hash's third 16-bit word, in every lane.)
    const __m128i fingerprint = _mm_shuffle_epi32(
        _mm_shufflelo_epi16(_mm_cvtsi64_si128(static_cast<int64_t>(h)), 0xAA),
        0);
    // (Two mask bits a lane: the lowest set one is twice the lane, the
    // offset in bytes of its number. The last lane's bits are set, so
    // that no match reads its 0.)
    const __m128i lanes =
        _mm_load_si128(reinterpret_cast<const __m128i*>(b.fingerprint));
    const uint32_t match = static_cast<uint32_t>(_mm_movemask_epi8(
                               _mm_cmpeq_epi16(lanes, fingerprint))) |
                           0xC000u;
    uint16_t number;
    std::memcpy(&number,
                reinterpret_cast<const char*>(b.number) +
                    static_cast<uint32_t>(absl::countr_zero(match)),
                sizeof(number));
    return number;
#else
    size_t lane = 0;
    while (lane < kKeyLanes && b.fingerprint[lane] != Fingerprint(h)) ++lane;
    return b.number[lane];
#endif
  }
  const Value* Find(uint64_t lo, uint64_t hi) const {
    const size_t h = Hash(lo, hi);
    const Bucket& b = buckets_[h >> shift_];
    if (const size_t number = NumberIn(b, h); number != 0) {
      const Entry& e = entries_[number];
      if (e.lo == lo && e.hi == hi) return &e.value;
    }
    if (ABSL_PREDICT_FALSE(b.fingerprint[kKeyLanes] != 0))
      return FindAfter(h, lo, hi);
    return nullptr;
  }
  // Find() in the buckets after the key's, which overflowed.
  ABSL_ATTRIBUTE_NOINLINE const Value* FindAfter(size_t h, uint64_t lo,
                                                 uint64_t hi) const {
    size_t k = h >> shift_;
    for (size_t step = 0;
         step < mask_ && buckets_[k].fingerprint[kKeyLanes] != 0; ++step) {
      k = (k + 1) & mask_;
      const size_t number = NumberIn(buckets_[k], h);
      const Entry& e = entries_[number];
      if (number != 0 && e.lo == lo && e.hi == hi) return &e.value;
    }
    return nullptr;
  }
  // The halves of a key of 1 to kShortWord bytes, without reading past its
  // end: two overlapping loads shifted into place, or its first, middle and
  // last bytes when it has fewer than 4.
  static void Load(absl::string_view w, uint64_t* lo, uint64_t* hi) {
    const char* p = w.data();
    const size_t n = w.size();
    *hi = 0;
    if (n >= 8) {
      std::memcpy(lo, p, 8);
      if (n > 8) {
        std::memcpy(hi, p + n - 8, 8);
        *hi >>= 8 * (16 - n);
      }
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      *lo = a | (static_cast<uint64_t>(b) << (8 * (n - 4)));
    } else {
      *lo = static_cast<uint64_t>(static_cast<uint8_t>(p[0])) |
            static_cast<uint64_t>(static_cast<uint8_t>(p[n / 2])) << (8 * (n / 2)) |
            static_cast<uint64_t>(static_cast<uint8_t>(p[n - 1])) << (8 * (n - 1));
    }
  }

  std::vector<Entry> entries_;
  // Never empty once built: a power of two.
  std::vector<Bucket> buckets_ = std::vector<Bucket>(2);
  size_t mask_ = 1;
  int shift_ = 63;
};

// One attribution rule (rules.tsv): a named RE2 pattern over the tag string
// of a sentence, tried in file order.
struct RuleSpec {
  std::string name;
  std::vector<CueClass> classes;  // cue classes it applies to
  std::string pattern;            // macros expanded
  float confidence = 0.5f;
  // Tag characters that must all occur in a tag string for the rule to
  // match there (a cheap test before running the pattern).
  std::string needs;
  int line = 0;
};

// What a claim's confidence takes from the claim beside its rule's
// (confidence.tsv): features the rule alone cannot tell, each with a weight
// added to the log-odds of the rule's confidence. See ClaimConfidence() in
// extractor.cc for what each feature is.
enum class ConfidenceFeature : uint8_t {
  kNpContent,          // reported words with no clause: "offered a pathway"
  kNonSpeechCue,       // "believes", "wants", "offered": no speech cue
  kUnresolvedPronoun,  // a pronoun speaker no entity stands behind
  kShortContent,       // three words or fewer
};
inline constexpr int kConfidenceFeatures =
    static_cast<int>(ConfidenceFeature::kShortContent) + 1;
// The names confidence.tsv gives the features, in enum order.
inline constexpr const char* kConfidenceFeatureNames[kConfidenceFeatures] = {
    "np_content", "nonspeech_cue", "unresolved_pronoun", "short_content"};
struct ConfidenceModel {
  float bias = 0;  // added to every claim's log-odds
  float weight[kConfidenceFeatures] = {};
};

class Lexicon {
 public:
  // Loads every lexicon: from `dir` when it holds a file of that name, else
  // the built-in copy. Errors: kNotFound if `dir` is given but is not a
  // directory; kInvalidArgument "verbs.tsv:12: unknown stance 'asert'".
  static absl::StatusOr<std::unique_ptr<Lexicon>> Load(const std::string& dir);

  // The cue entry for a lower-case word form ("said", "according to"), or
  // nullptr.
  const CueEntry* FindCue(absl::string_view lower_form) const;
  // Longest cue phrase length in words.
  int max_cue_words() const { return max_cue_words_; }
  // The longest phrase of class none looked up from its last word
  // (WordInfo::none_phrase_end), in words.
  int max_none_end_words() const { return max_none_end_words_; }
  // The longest a cue form may be, in bytes (a longer one is a load error):
  // the tagger builds the phrases it looks up in a buffer of this size.
  static constexpr size_t kMaxCueForm = 64;
  // False when `w` cannot be a person noun of one sex ("man", "girl":
  // WordInfo::person_gender) as Word() looks it up: the shape filter of
  // Word() over those nouns alone.
  bool MayBeSexedPersonNoun(absl::string_view w) const {
    return !w.empty() && sexed_person_shapes_[WordShape(w)];
  }
  // False when a word whose first three bytes are w[0..2] (the bytes after
  // the end of a shorter word count too) cannot be a person noun of one sex,
  // in any case: asked before the word's end is known, which a word of no
  // such noun ("the new law") then needs only to go on to the next word.
  bool MayBeginSexedPersonNoun(const unsigned char* w) const {
    return sexed_person_prefixes_[PrefixKey(w[0], w[1], w[2])];
  }
  // False when `w`, in any case, cannot be a word of WordClass::kWeekday
  // ("Friday"): the shape filter of Word() over those words alone, so that
  // callers look up only words that may be one.
  bool MayBeWeekday(absl::string_view w) const {
    return !w.empty() && weekday_shapes_[WordShape(w)];
  }
  // False when `w`, in any case, cannot be a word of clause_sign: the
  // shape filter of Word() over those words alone.
  bool MayBeClauseSign(absl::string_view w) const {
    return !w.empty() && clause_sign_shapes_[WordShape(w)];
  }
  // All cue forms, for building the candidate matcher.
  const WordMap<int>& cue_forms() const {
    return cue_forms_;
  }
  // A phrase of two words or more that is a cue form, or begins a longer
  // one ("spoke out" of "spoke out against"), or both.
  struct CuePhrase {
    int cue = -1;         // index into cues() of the form, or -1
    bool longer = false;  // whether a longer form begins with it
  };
  // What the phrase `lower` (lower case, one space between words, two
  // words or more) is of the cue forms, or nullptr if it begins none: the
  // tagger extends a phrase a word at a time and stops there.
  const CuePhrase* FindCuePhrase(absl::string_view lower) const {
    auto it = cue_phrases_.find(lower);
    return it == cue_phrases_.end() ? nullptr : &it->second;
  }
  const std::vector<CueEntry>& cues() const { return cues_; }
  // The words of WordClass::kPollNoun, lower case ("poll", "surveys").
  const std::vector<std::string>& poll_nouns() const { return poll_nouns_; }
  // Where the first poll noun of `text` starts, in lower case or
  // capitalised ("Poll"), or npos: a plain search, no allocation.
  size_t FindPollNoun(absl::string_view text) const;
  // The cue of a preposition that sources a poll (verbs.tsv flag
  // "source"), by lower-case form: index into cues(), or -1.
  int SourceCue(absl::string_view lower_form) const {
    auto it = source_cues_.find(lower_form);
    return it == source_cues_.end() ? -1 : it->second;
  }

  // What the lexicons know of a lower-case word, or nullptr.
  // (Always inline: the resolver asks it for every word it indexes, and GCC
  // stopped inlining it there once speakers.cc grew: news-5mb 1.9822e9 ->
  // 1.9887e9 instructions, 1.9841e9 with the attribute.)
  __attribute__((always_inline)) const WordInfo* Word(absl::string_view lower) const {
    // Most words of a text (names, content words) are in no lexicon: a bit
    // for their length and end letters answers for them without a hash.
    if (lower.empty() || !word_shapes_[WordShape(lower)]) return nullptr;
    if (lower.size() > kShortWord) return LongWord(lower);
    return short_words_.Find(lower);
  }
  // As Word(), for a lower-case word of 1 to kShortWord bytes at `padded`,
  // followed by zero bytes up to kShortWord: a caller that lower-cases the
  // word into a zeroed buffer of its own saves the loads that Word() needs
  // to stay inside the word. (Without the shape filter: the tagger asks
  // about every word of a sentence, and most of those pass it, being
  // function words and verbs.)
  __attribute__((always_inline)) const WordInfo* PaddedWord(const char* padded) const {
    return short_words_.FindPadded(padded);
  }
#if defined(__SSE2__)
  // As PaddedWord(), for the sixteen bytes of the padded word in a vector,
  // with no branch on whether the word is known: for the tokenizer, which
  // keeps the answer in the word's token (see
  // ShortWordTable::FindKeyBranchFree()).
  __attribute__((always_inline)) const WordInfo* WordKeyBranchFree(
      __m128i key) const {
    return short_words_.FindKeyBranchFree(key);
  }
#endif
  // False when no word of the lexicons can be `w` lower-cased: the shape
  // filter of Word(), which reads the length and the low five bits of the
  // first and last bytes, the same for an ASCII letter in either case. A
  // caller that lower-cases a word byte by byte tests this first.
  bool MayBeWord(absl::string_view w) const {
    return !w.empty() && word_shapes_[WordShape(w)];
  }
  // As Word(), for `word` in any case (ASCII letters lower-cased; a word
  // longer than 32 bytes is looked up as no word).
  const WordInfo* WordAnyCase(absl::string_view word) const {
    char lower[32];
    if (!MayBeWord(word) || word.size() > sizeof(lower)) return nullptr;
    for (size_t i = 0; i < word.size(); ++i) {
      lower[i] = absl::ascii_tolower(static_cast<unsigned char>(word[i]));
    }
    return Word(absl::string_view(lower, word.size()));
  }
  // Every word the lexicons know, for building filters over them.
  const WordMap<WordInfo>& words() const { return words_; }
  WordClass FunctionWord(absl::string_view lower) const;
  // Whether the lower-case word is in `list` (function_words.tsv).
  bool InList(absl::string_view lower, WordList list) const {
    if (lower.empty() || lower.size() > kShortWord) {
      auto it = word_lists_.find(lower);
      return it != word_lists_.end() &&
             (it->second & static_cast<uint32_t>(list)) != 0;
    }
    if (!word_list_shapes_[WordShape(lower)]) return false;
    const uint32_t* lists = short_word_lists_.Find(lower);
    return lists != nullptr && (*lists & static_cast<uint32_t>(list)) != 0;
  }
  // The same for `word` in any case (ASCII letters lower-cased; a word
  // longer than kShortWord is in no list). (The attribution rules ask this
  // of many words, most in no list: the shape filter answers for those,
  // the same for a word in either case, before it is lower-cased.)
  bool InListAnyCase(absl::string_view word, WordList list) const {
    if (word.empty() || word.size() > kShortWord ||
        !word_list_shapes_[WordShape(word)]) {
      return false;
    }
    alignas(8) char lower[kShortWord] = {};
    for (size_t i = 0; i < word.size(); ++i) lower[i] = absl::ascii_tolower(word[i]);
    const uint32_t* lists = short_word_lists_.FindPadded(lower);
    return lists != nullptr && (*lists & static_cast<uint32_t>(list)) != 0;
  }
  // For an auxiliary or a copula that agrees only with a subject of one
  // number, that number: 's' ("is", "has"; function_words.tsv categories
  // cop_sg, aux_sg), 'p' ("are", "have"; cop_pl, aux_pl), else 0. (Not a
  // field of WordInfo: the tagger asks it of a few words only.)
  char VerbNumber(absl::string_view lower) const {
    auto it = verb_numbers_.find(lower);
    return it != verb_numbers_.end() ? it->second : 0;
  }
  bool IsTitle(absl::string_view lower) const {
    return titles_.contains(lower);
  }
  // The entity type a nominal head marks, or ENTITY_TYPE_UNSPECIFIED.
  v1::EntityType Nominal(absl::string_view lower) const;
  // A plural noun of people (nominals.tsv type people: "traders",
  // "judges") that "they" may point back to as a group, though it is no
  // nominal head of its own (the taggers know nothing of it).
  bool PeopleNoun(absl::string_view lower) const {
    return people_nouns_.contains(lower);
  }
  // False when `w`, in any case, cannot be a noun of PeopleNoun(): the
  // shape filter of those nouns alone.
  bool MayBePeopleNoun(absl::string_view w) const {
    return !w.empty() && people_shapes_[WordShape(w)];
  }
  const PronounInfo* Pronoun(absl::string_view lower) const;
  // A possessive determiner ("her", "their") as the pronoun it stands for,
  // or nullptr.
  const PronounInfo* Possessive(absl::string_view lower) const;
  // Any form of a pronoun ("him", "herself", "hers" as well as "he" and
  // "his"), or nullptr.
  const PronounForm* PronounFormOf(absl::string_view lower) const;
  // 'm', 'f', or 0 when the first name is unknown. (Most capitalised words
  // the resolver asks about are no first name: the shape filter of Word()
  // over the first names answers for them without a lookup.)
  char FirstNameGender(absl::string_view name) const {
    if (name.empty() || !first_name_shapes_[WordShape(name)]) return 0;
    return FindFirstName(name);
  }

  const absl::flat_hash_set<std::string>& abbreviations() const {
    return abbreviations_.all;
  }
  const Abbreviations& abbreviation_lexicon() const { return abbreviations_; }
  // Whether `w` is one of abbreviations(), as contains() tells, looked up
  // as the tokenizer asks for every word before a period: most are short.
  // (Most such words are none: a bit for the shape of the word without
  // its last byte, usually the period, rules them out without a lookup.)
  bool IsAbbreviation(absl::string_view w) const {
    if (w.size() >= 2 &&
        !abbreviation_shapes_[WordShape(w.substr(0, w.size() - 1))]) {
      return false;
    }
    return w.size() <= kShortWord
               ? !w.empty() && short_abbreviations_.Find(w) != nullptr
               : abbreviations_.all.contains(w);
  }
  const std::vector<RuleSpec>& rules() const { return rules_; }
  const ConfidenceModel& confidence_model() const { return confidence_model_; }
  // Whether cue `index` (into cues()) is a speech cue: its lemma, or its
  // first word, is a lemma or form of speech_cues.tsv ("say", "according
  // to"; not "believe", "offer").
  bool IsSpeechCue(int index) const {
    return index >= 0 && static_cast<size_t>(index) < speech_cue_.size() &&
           speech_cue_[index];
  }
  const std::vector<ContentStance>& content_stances() const {
    return content_stances_;
  }
  // The topic lexicon text (textproto) and its file name for messages.
  const std::string& topics_text() const { return topics_text_; }

 private:
  Lexicon() = default;
  // (Not copyable, as it was when short_words_ pointed into words_.)
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  std::vector<CueEntry> cues_;
  WordMap<int> cue_forms_;
  WordMap<CuePhrase> cue_phrases_;  // see FindCuePhrase()
  WordMap<int> source_cues_;  // see SourceCue()
  std::vector<std::string> poll_nouns_;  // see poll_nouns()
  KeyScan poll_keys_;                    // see FindPollNoun()
  int max_cue_words_ = 1;
  int max_none_end_words_ = 0;
  WordMap<WordClass> function_words_;
  WordMap<char> det_numbers_;     // see WordInfo::det_number
  WordMap<char> verb_numbers_;    // see VerbNumber()
  WordMap<uint32_t> word_lists_;  // WordList bits, see InList()
  // word_lists_'s keys of 1 to kShortWord bytes, and the shapes of its
  // keys (see WordShape()), for InList().
  ShortWordTable<uint32_t> short_word_lists_;
  std::bitset<17 * 32 * 32> word_list_shapes_;
  absl::flat_hash_set<std::string> place_preps_;  // see WordInfo::place
  absl::flat_hash_set<std::string> proforms_;     // see WordInfo::proform
  absl::flat_hash_set<std::string> titles_;
  WordMap<char> title_genders_;  // "mrs." -> 'f'
  absl::flat_hash_set<std::string> lower_ranks_;  // see WordInfo::lower_rank
  WordMap<v1::EntityType> nominals_;
  WordMap<bool> people_nouns_;
  std::bitset<17 * 32 * 32> people_shapes_;  // see MayBePeopleNoun()
  WordMap<char> person_genders_;  // "girl" -> 'f'
  WordMap<uint16_t> document_kinds_;  // see WordInfo::document_kinds
  WordMap<PronounInfo> pronouns_;
  WordMap<PronounInfo> possessives_;  // "his", "their" (pronouns.tsv)
  WordMap<PronounForm> pronoun_forms_;  // every row of pronouns.tsv
  WordMap<char> first_names_;
  Abbreviations abbreviations_;
  ShortWordTable<bool> short_abbreviations_;  // see IsAbbreviation()
  std::bitset<17 * 32 * 32> abbreviation_shapes_;  // see IsAbbreviation()
  std::vector<RuleSpec> rules_;
  ConfidenceModel confidence_model_;
  std::vector<bool> speech_cue_;  // see IsSpeechCue()
  std::vector<ContentStance> content_stances_;
  WordMap<WordInfo> words_;
  // Where a word falls in word_shapes_: its length (up to 16) and the low
  // five bits of its first and last bytes. Different words share a shape;
  // a shape no word of words_ has rules a word out.
  static size_t WordShape(absl::string_view w) {
    const size_t len = w.size() < 16 ? w.size() : 16;
    return (len * 32 + (static_cast<unsigned char>(w.front()) & 31)) * 32 +
           (static_cast<unsigned char>(w.back()) & 31);
  }
  std::bitset<17 * 32 * 32> word_shapes_;
  std::bitset<17 * 32 * 32> weekday_shapes_;  // see MayBeWeekday()
  std::bitset<17 * 32 * 32> clause_sign_shapes_;  // see MayBeClauseSign()
  std::bitset<17 * 32 * 32> sexed_person_shapes_;  // see MayBeSexedPersonNoun()
  // Where a word falls in sexed_person_prefixes_ (see
  // MayBeginSexedPersonNoun()): the low five bits of its first three bytes,
  // the same in either case.
  static size_t PrefixKey(unsigned char a, unsigned char b, unsigned char c) {
    return ((a & 31u) * 32 + (b & 31u)) * 32 + (c & 31u);
  }
  std::bitset<32 * 32 * 32> sexed_person_prefixes_;
  std::bitset<17 * 32 * 32> first_name_shapes_;  // see FirstNameGender()
  char FindFirstName(absl::string_view name) const;
  // The words of words_ of up to kShortWord bytes (copies: Word() answers
  // a short word with its copy here), and the first names.
  ShortWordTable<WordInfo> short_words_;
  ShortWordTable<char> short_first_names_;
  const WordInfo* LongWord(absl::string_view lower) const;
  std::string topics_text_;
};

// Regular English inflections of a (possibly multi-word) verb lemma: the
// lemma, 3rd person -s, past -ed and -ing, inflecting the first word.
std::vector<std::string> InflectVerb(absl::string_view lemma);

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_LEXICON_H_
