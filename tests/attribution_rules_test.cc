// One table row per attribution rule of seeds/lexicons/rules.tsv: a sentence
// that rule (and no earlier one) attributes, with the speaker, cue and content
// it must find. RulesTsvHasNoRuleWithoutARow reads the rule names from the
// embedded rules.tsv, so a rule added without a row here fails the test.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "test_util.h"
#include "internal/embedded.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

struct RuleCase {
  const char* rule;
  const char* text;
  const char* speaker;  // the speaker mention as written
  const char* cue;
  const char* content;  // content parts joined by " ... "
};

const RuleCase kCases[] = {
    // "a self-described X" (verbs.tsv flag attributive): the label its
    // bearer gives themself; the appositive's noun phrase, else the
    // clause's subject, speaks.
    {"attributive_appositive",
     "Ruth Abara, a self-described harbour romantic, opened the museum.",
     "Ruth Abara", "self-described", "harbour romantic"},
    {"attributive_subject",
     "He ran for the council as a farmer and self-described conservationist.",
     "He", "self-described", "conservationist"},
    {"according_front",
     "According to the city council, the pool will reopen in June.",
     "the city council", "According to", "the pool will reopen in June"},
    // An apposition of a named source, or a relative clause of the source,
    // between commas describes the source: the content starts after it.
    {"according_front_apposition",
     "According to Ann Roe, a spokeswoman for the council, the pool will "
     "reopen in June.",
     "Ann Roe", "According to", "the pool will reopen in June"},
    {"according_front_relative",
     "According to the harbour trust, which has tracked the pier for years, "
     "the pool will reopen in June.",
     "the harbour trust", "According to", "the pool will reopen in June"},
    {"according_back",
     "The pool will reopen in June, according to the city council.",
     "the city council", "according to", "The pool will reopen in June"},
    // "according to X" between a subordinator and its clause sources that
    // clause only.
    {"according_after_subordinator",
     "The mayor left the city after, according to his aides, the council "
     "voted against the plan.",
     "his aides", "according to", "the council voted against the plan"},
    // "that, according to X, C": the source of the clause after "that"
    // (the outer cue keeps the whole; here a belief, which keeps the
    // sourced claim as one of its own).
    {"according_after_that",
     "Officials believe that, according to the port engineers, the pier "
     "could hold two ferries.",
     "the port engineers", "according to", "the pier could hold two ferries"},
    // A dash before "according to" ends the content as a comma does.
    {"according_back_dash",
     "The pier is unsafe \u2014 or at least old \u2014 according to the city "
     "engineer.",
     "the city engineer", "according to",
     "The pier is unsafe \u2014 or at least old"},
    // "That's according to X": the demonstrative is what X said.
    {"according_demonstrative",
     "That's according to the harbour master's office.",
     "the harbour master's office", "according to", "That"},
    // "In a poll ..., C" and "C in a poll ...": a source preposition (flag
    // source in verbs.tsv) before a poll the writer names.
    {"according_front",
     "In a Harbour Gazette poll released on Monday, most islanders backed the "
     "ferry.",
     "a Harbour Gazette poll released on Monday", "In",
     "most islanders backed the ferry"},
    {"source_back",
     "But the ferry company slipped to third place in a Harbour Gazette poll "
     "released on Monday.",
     "a Harbour Gazette poll released on Monday", "in",
     "the ferry company slipped to third place"},
    // An attribution that closes a parenthesis sources what it holds.
    {"according_paren",
     "Towns like Dover (the pool reopened there in June, according to the "
     "council) kept their budgets.",
     "the council", "according to", "the pool reopened there in June"},
    // "As reported by X, C" and "C, as noted by X": the agent is the source.
    {"as_cue_by_front",
     "As reported by the Courier, the pool will reopen in June.", "the Courier",
     "reported", "the pool will reopen in June"},
    {"as_cue_by_back",
     "The pool will reopen in June, as noted by the city council.",
     "the city council", "noted", "The pool will reopen in June"},
    // An infinitive of purpose after a verb and its object.
    // "for" and the subject of an infinitive cue.
    {"for_subject_to_cue",
     "It took weeks for the council to admit that the pier was unsafe.",
     "the council", "admit", "the pier was unsafe"},
    {"speaker_purpose_to_cue",
     "Mayor Anna Keller used her speech to call for a new pool.",
     "Mayor Anna Keller", "call for", "a new pool"},
    {"speaker_purpose_to_cue",
     "Mayor Anna Keller went to the pool to announce that it would reopen.",
     "Mayor Anna Keller", "announce", "it would reopen"},
    // A light verb and a noun cue after "and": the first verb's subject.
    {"light_verb_noun_coordinated",
     "Mayor Anna Keller toured the pier and made comments about the ferry.",
     "Mayor Anna Keller", "comments", "the ferry"},
    // A headline: a name and an infinitive cue.
    {"headline_name_to_cue", "Keller to call for a new ferry timetable.",
     "Keller", "call for", "a new ferry timetable"},
    // An infinitive after the subject's verb and a longer phrase.
    {"speaker_gap_to_cue",
     "Mayor Anna Keller took to the radio this morning to denounce the plan.",
     "Mayor Anna Keller", "denounce", "the plan"},
    // After a clause that is another's attribution, a relative clause is
    // what the trailing "according to" sources.
    {"according_back_relative",
     "The mayor says the plan is sound, which will cost $2 million, "
     "according to the council.",
     "the council", "according to", "which will cost $2 million"},
    {"cue_speaker_quote",
     "Said Mayor Anna Keller, \"The pool will reopen in June.\"",
     "Mayor Anna Keller", "Said", "The pool will reopen in June."},
    {"speaker_label_quote",
     "Mayor Anna Keller called the plan \"a betrayal of voters.\"",
     "Mayor Anna Keller", "called", "the plan \"a betrayal of voters.\""},
    {"asked_by",
     "Asked by a reporter whether the pool would reopen, the mayor nodded.",
     "a reporter", "Asked", "whether the pool would reopen"},
    // Only "by" names the asker: "Asked about ..." has none.
    {"asked_place_about",
     "Asked at a news conference in Salem about the new pier, the mayor "
     "smiled.",
     "", "Asked", "the new pier"},
    {"asked_about", "Asked about the cost of the plan, the mayor nodded.", "",
     "Asked", "the cost of the plan"},
    // A question put by someone the text does not name: no speaker.
    {"asked_whether",
     "Asked whether the pool would reopen in June, the mayor nodded.", "",
     "Asked", "whether the pool would reopen in June"},
    {"asked_about", "When asked about the new pool, the mayor smiled.", "",
     "asked", "the new pool"},
    {"asked_wh", "The mayor smiled when asked what the council would do next.",
     "", "asked", "what the council would do next"},
    // An infinitive whose verb is a cue itself ("asked to describe").
    {"asked_wh", "Asked to describe the new pool, the mayor nodded.", "",
     "Asked", "to describe the new pool"},
    // The question as the object of an opening "asked".
    {"asked_object",
     "Asked a direct question about the pool, the mayor nodded.", "", "Asked",
     "a direct question about the pool"},
    // A passive whose agent ends the sentence: the agent is the source, the
    // subject what it reported.
    // A passive cue of telling with its agent and a clause: the agent
    // speaks; the clause ends before ", but" and the subject's next act.
    {"passive_tell_agent_that",
     "The council was warned by the city engineer that the bridge could "
     "collapse, but took no action.",
     "the city engineer", "warned", "the bridge could collapse"},
    // A document with a directive participle, its addressee and an
    // infinitive; those who issued it (the subject of the verb right before
    // it) speak.
    {"np_participle_directive",
     "Residents have signed petitions urging the council to keep the pool "
     "open.",
     "Residents", "urging", "the council to keep the pool open"},
    {"passive_agent", "The pool plan was first reported by the Daily Courier.",
     "the Daily Courier", "reported", "The pool plan"},
    // A relative word as the subject, and the sentence going on after the
    // agent with "and" and a verb of the same subject.
    {"passive_agent",
     "The council approved the pool plan, which was first reported by the "
     "Daily Courier and was later denied by the mayor.",
     "the Daily Courier", "reported", "which"},
    // A subject with an aside, and a relative clause after the agent.
    {"passive_agent",
     "The pool plan, drawn up in May, was criticized by Mayor Anna Keller, "
     "who chairs the council.",
     "Mayor Anna Keller", "criticized", "The pool plan"},
    // A participle with its agent after a noun phrase: the agent reports
    // the phrase; set off after the subject, the subject and its predicate.
    {"participle_passive_agent_aside",
     "The pool plan, first reported by the Daily Courier, is a key part of "
     "the budget.",
     "the Daily Courier", "reported",
     "The pool plan ... is a key part of the budget"},
    {"participle_passive_agent",
     "The city let some shops close early, a practice criticized by Mayor "
     "Anna Keller.",
     "Mayor Anna Keller", "criticized", "a practice"},
    // A passive label with its agent after the label: the agent called the
    // subject so; a label participle set off with its agent says the label.
    {"passive_label_agent",
     "The pool plan was called \"a disaster\" by Mayor Anna Keller.",
     "Mayor Anna Keller", "called", "The pool plan ... a disaster"},
    {"participle_label_agent",
     "The islanders -- dubbed \"the stayers\" by Mayor Anna Keller -- voted "
     "to keep the ferry.",
     "Mayor Anna Keller", "dubbed", "the stayers"},
    // The object is a relative pronoun before the speaker: the first
    // content part.
    {"label_relative_quote",
     "The council passed a plan which Mayor Anna Keller called \"a "
     "betrayal of voters.\"",
     "Mayor Anna Keller", "called", "which ... a betrayal of voters."},
    // A passive question: the asker is not named.
    {"passive_asked",
     "The mayor was asked whether the pool would reopen in June.", "", "asked",
     "whether the pool would reopen in June"},
    // An impersonal passive with no agent: the clause after it is the
    // content, said by no one named.
    {"passive_it_that",
     "It was widely reported that the pool would reopen in June.", "",
     "reported", "the pool would reopen in June"},
    {"passive_it_comma",
     "In the old days, it is said, the mayor swam here daily.", "", "said",
     "the mayor swam here daily"},
    // A passive belief with an infinitive: no one named; the subject and
    // the infinitive are the content.
    // A passive speech cue with no agent: no speaker; the subject and what
    // follows the cue in its clause were reported.
    // A participle with only a time after it, before the clause's verb:
    // the noun phrase, said by no one named.
    {"np_participle_time",
     "The harbour levy, announced Friday, would double the mooring fee.", "",
     "announced", "The harbour levy"},
    // An indefinite pronoun before a relative clause with no relative word
    // whose cue the sentence's copula follows: the pronoun alone.
    {"indef_contact_subject", "Everything the harbour clerk says is a guess.",
     "the harbour clerk", "says", "Everything"},
    // The same on the object of a preposition that opens the sentence.
    {"np_participle_time_object",
     "In a batch of new ferry fares announced Tuesday, weekend tickets cost "
     "less.",
     "", "announced", "a batch of new ferry fares"},
    {"passive_no_agent", "The senator has been accused of taking bribes.", "",
     "accused", "The senator ... of taking bribes"},
    // A preposition after the cue other than the agent's.
    {"passive_no_agent", "The mayor was criticized for the long delay.", "",
     "criticized", "The mayor ... for the long delay"},
    // A relative word before the passive belief: the relative clause, to
    // its comma.
    {"passive_belief_to_relative",
     "The new pool, which is widely expected to open in June, cost a fortune.",
     "", "expected", "which ... to open in June"},
    // After "but"/"and" with no subject of its own: the infinitive.
    {"passive_belief_to_coordinated",
     "The mayor will visit the harbour but is not expected to speak.", "",
     "not expected", "to speak"},
    {"passive_belief_to", "The new pool is widely expected to open in June.",
     "", "expected", "The new pool ... to open in June"},
    // A passive say before "to be"/"to have": hearsay from no one named.
    {"passive_say_to",
     "The harbor master is said to be furious with the board.", "", "said",
     "The harbor master ... to be furious with the board"},
    // "is seen as C": a passive belief with no agent; the subject and the
    // complement are the content.
    {"passive_belief_as",
     "The new pier is widely seen as a gift to the company.", "", "seen as",
     "The new pier ... a gift to the company"},
    // "X remains wary of C": an adjective of belief after a copula; the
    // subject holds it.
    {"adjective_belief", "The council remains wary of the new ferry tax.",
     "The council", "wary of", "the new ferry tax"},
    // "appear to": no one named believes it; the subject and the
    // infinitive are the content.
    {"appear_to_belief", "The new pool appears to be leaking again.", "",
     "appears to", "The new pool ... be leaking again"},
    // "reportedly" (flag adverb): hearsay from no one named, the clause
    // its content; after a copula the tagger reads it as a passive cue.
    {"hearsay_front", "Reportedly, the mayor met the developers in May.", "",
     "Reportedly", "the mayor met the developers in May"},
    {"hearsay_copula", "The ferry company is reportedly building a new pier.",
     "", "reportedly", "The ferry company ... building a new pier"},
    // "seem" before an adjective or an infinitive: the same, one cue word.
    {"appear_to_belief", "The new pool seems ready to reopen in June.", "",
     "seems", "The new pool ... ready to reopen in June"},
    // The same with an aside before the verb, after "but", for a relative
    // word, for a clause after "It seems", and with a cue later on.
    {"appear_to_belief",
     "The harbour plan, drawn up in May, seems unlikely to pass.", "", "seems",
     "The harbour plan ... unlikely to pass"},
    {"appear_to_belief",
     "The council met in May, but the mayor seemed ready to say that the "
     "pool was safe.",
     "", "seemed", "the mayor ... ready to say that the pool was safe"},
    {"appear_to_belief",
     "The council closed the pool, which seems unfair to the swimmers.", "",
     "seems", "which ... unfair to the swimmers"},
    {"appear_to_belief", "It seems the pool will reopen in June.", "", "seems",
     "It ... the pool will reopen in June"},
    // Noun cues after a possessive: the subject whose possessive it is,
    // the possessor, or the possessor with an object after a preposition.
    {"possessive_noun_subject",
     "Mayor Anna Keller renewed her call for a new bridge.",
     "Mayor Anna Keller", "call", "a new bridge"},
    // After words that open the sentence, a name between commas with an
    // aside after it is the subject.
    {"speaker_paren_cue",
     "Last month, the Courier, a weekly paper, revealed that the pool was "
     "unsafe.",
     "the Courier", "revealed that", "the pool was unsafe"},
    // A phrase a participle or a cue opens is no subject: the name of two
    // words after it, between commas, is.
    {"speaker_paren_cue_fronted",
     "Based on the latest figures, Anna Keller, a budget analyst, said that "
     "the budget was balanced.",
     "Anna Keller", "said", "the budget was balanced"},
    // A subject of two conjuncts after "that", before its own verb (a cue).
    {"speaker_cue_that_pair_subject",
     "The clerk noted that Reyes and Keller have shown they can work together.",
     "The clerk", "noted",
     "Reyes and Keller have shown they can work together"},
    // A demonstrative that opens the sentence stands for what was just
    // reported.
    {"demonstrative_subject_cue",
     "That suggests a lack of faith in the new pool.", "That", "suggests",
     "a lack of faith in the new pool"},
    {"speaker_cue_that",
     "Before the vote, Senator Ruth Ames, who chairs the panel, privately "
     "expressed doubts that the bridge would hold.",
     "Senator Ruth Ames", "expressed", "doubts that the bridge would hold"},
    // After a verb phrase: a preposition, or a copula and an adjective.
    {"possessive_noun_subject_verb_phrase",
     "Mayor Anna Keller expanded upon her call for a new bridge.",
     "Mayor Anna Keller", "call", "a new bridge"},
    {"possessive_noun_subject_verb_phrase",
     "The council members were unanimous in their criticism of the plan.",
     "The council members", "criticism", "the plan"},
    // A noun cue as the object of a light verb: its subject speaks.
    {"light_verb_noun",
     "Mayor Anna Keller made the case for a second ferry to the island.",
     "Mayor Anna Keller", "case", "a second ferry to the island"},
    {"light_verb_noun",
     "The port official has made conflicting statements about the levy.",
     "The port official", "statements", "the levy"},
    // A noun cue with no possessor that opens its clause before "that": no
    // one named speaks.
    {"noun_that",
     "Despite complaints that the ferry runs late, the council kept the "
     "timetable.",
     "", "complaints", "the ferry runs late"},
    {"noun_that_there",
     "There were numerous complaints that the new parking meters overcharged "
     "drivers.",
     "", "complaints", "the new parking meters overcharged drivers"},
    {"noun_that_copula",
     "There has been speculation that the coach will leave at the end of the "
     "season.",
     "", "speculation", "the coach will leave at the end of the season"},
    {"possessive_noun_that",
     "After the vote, the mayor's claim that the pool was safe, made in March, "
     "drew scorn.",
     "the mayor", "claim", "the pool was safe"},
    {"possessive_noun_place_that",
     "Despite Tom Hale's claim in a radio interview that the pier was safe, "
     "the ferry stayed in port.",
     "Tom Hale", "claim", "the pier was safe"},
    {"possessive_noun_time_that",
     "Voters were angered by Mayor Anna Keller's announcement Friday that the "
     "harbor would close.",
     "Mayor Anna Keller", "announcement", "the harbor would close"},
    {"possessive_noun_time_to",
     "Despite Senator Maria Lopez's pledge Monday to cut the tolls, the fees "
     "rose again.",
     "Senator Maria Lopez", "pledge", "to cut the tolls"},
    {"possessive_noun_about",
     "Senator Maria Lopez's attacks on rival ferry operators have raised "
     "doubts.",
     "Senator Maria Lopez", "attacks", "rival ferry operators"},
    {"possessive_noun_of",
     "Voters cheered Senator Maria Lopez's denial of the rumours.",
     "Senator Maria Lopez", "denial", "the rumours"},
    // An appositive of the object, or a phrase after a pronoun object, set
    // off by commas: the object and the label are two content parts.
    // A free relative before a label quotation with a determiner: the label
    // ends at its closing mark, before the sentence's later cue.
    {"label_relative_det_quote",
     "The college is what former students have called a \"costly trap\" ever "
     "since the dean claimed it was fair.",
     "former students", "called", "what ... a \"costly trap\""},
    {"speaker_label_split",
     "Keller called Reyes, her Republican rival, a reckless gambler.", "Keller",
     "called", "Reyes ... a reckless gambler"},
    {"speaker_label_split_phrase",
     "The Harbor Gazette called them in an editorial last week, \"paper "
     "tigers.\"",
     "The Harbor Gazette", "called", "them ... paper tigers."},
    {"speaker_label", "Mayor Anna Keller called the plan a betrayal of voters.",
     "Mayor Anna Keller", "called", "the plan a betrayal of voters"},
    // The label may hold a word that is a cue elsewhere ("promises").
    {"speaker_label", "Critics would call the plan empty promises.", "Critics",
     "call", "the plan empty promises"},
    // A participle clause opening the sentence: the subject after it.
    {"participle_front",
     "Insisting that the water was safe, Mayor Anna Keller reopened the pool.",
     "Mayor Anna Keller", "Insisting", "the water was safe"},
    // The participle's clause may end in a quotation, its comma inside the
    // closing mark.
    {"participle_front_quote",
     "After calling the ferry plan \"a fantasy,\" Mayor Anna Keller left the "
     "meeting.",
     "Mayor Anna Keller", "calling", "the ferry plan \"a fantasy,\""},
    // The subject after the participle's quotation may take a quotation
    // of its own: 'After saying C "Q," she was "rushed" ...'.
    {"participle_front_quote",
     "After saying her knee was \"so swollen I could barely walk,\" she was "
     "\"rushed off to a clinic\" for tests.",
     "she", "saying", "her knee was \"so swollen I could barely walk,\""},
    // A relative pronoun that is the cue's object: what was said.
    {"object_relative_cue",
     "The council passed the harbour levy, which Mayor Anna Keller proposed "
     "in May.",
     "Mayor Anna Keller", "proposed", "which"},
    {"object_relative_that_cue",
     "The council raised bus fares, a step that commuter groups have "
     "criticized.",
     "commuter groups", "criticized", "that"},
    {"contact_relative_cue",
     "The council cut the pool budget, something she opposed as a senator.",
     "she", "opposed", "something"},
    {"participle_label",
     "Mayor Anna Keller attacked the council, calling its plan a betrayal.",
     "Mayor Anna Keller", "calling", "its plan a betrayal"},
    // The label may hold a word that is a cue elsewhere ("promises").
    {"participle_label",
     "Mayor Anna Keller attacked the council, calling its plan empty "
     "promises.",
     "Mayor Anna Keller", "calling", "its plan empty promises"},
    // A label participle after "and" whose subject no rule finds: its
    // object is the content, the speaker is left unnamed.
    {"participle_and_nospeaker",
     "There is still time for the mayor to make peace with the council, even "
     "after mocking its members as amateurs and calling the deputy mayor a "
     "liar.",
     "", "calling", "the deputy mayor a liar"},
    {"quote_dash_speaker",
     "\"The pool will reopen in June,\" said Mayor Anna Keller.",
     "Mayor Anna Keller", "said", "The pool will reopen in June,"},
    // Adjectives in a row before the speaker's noun: the whole description.
    {"quote_cue_adjectives_speaker",
     "\"Not before the spring,\" said a tall, gaunt man in black.",
     "a tall, gaunt man", "said", "Not before the spring,"},
    {"quote_cue_speaker", "\"Who will pay for this?\" asked Senator Bill Hart.",
     "Senator Bill Hart", "asked", "Who will pay for this?"},
    // A speech tag of the "quote" class (returned, laughed) beside a quote.
    {"quote_cue_speaker", "\"Not yet,\" returned the old man.", "the old man",
     "returned", "Not yet,"},
    {"quote_speaker_cue", "\"Not yet,\" the old man laughed.", "the old man",
     "laughed", "Not yet,"},
    {"quote_speaker_cue",
     "\"The pool will reopen in June,\" Mayor Anna Keller said.",
     "Mayor Anna Keller", "said", "The pool will reopen in June,"},
    // A quotation that ends in a bare word, its speech tag ending the
    // sentence: still the speaker's (a title would run on into a clause).
    {"quote_bare_speaker_cue",
     "\"We will rebuild the bridge\" one resident told reporters.",
     "one resident", "told", "We will rebuild the bridge"},
    {"quote_speaker_cue",
     "\"We are not afraid,\" Mayor Anna Keller said, \"and we will not "
     "leave.\"",
     "Mayor Anna Keller", "said",
     "We are not afraid, ... and we will not leave."},
    // Doubled closing apostrophes after an inner quote's mark leave a
    // stray mark before the speaker: the speaker does not start with it.
    {"quote_speaker_cue",
     "''We will rebuild the 'old pier,''' Mayor Ines Varga said.",
     "Mayor Ines Varga", "said", "We will rebuild the 'old pier,"},
    // A clause with "but" and a quotation after the attribution goes on
    // with the content.
    {"quote_speaker_cue",
     "\"The pool is safe,\" the mayor said, but \"the dock is not.\"",
     "the mayor", "said", "The pool is safe, ... but \"the dock is not.\""},
    // A clause opened by "that" and a subject after the attribution goes on
    // with the content, quoted or not.
    {"quote_speaker_cue",
     "\"It was bad timing,\" the clerk said, that both ferries broke down.",
     "the clerk", "said", "It was bad timing, ... both ferries broke down"},
    // A quotation, its speaker, a copula, a participle of perception and
    // a cue in -ing.
    {"quote_speaker_perceived_participle",
     "\"We will close the pier,\" the mayor was heard saying on the tape.",
     "the mayor", "saying", "We will close the pier,"},
    {"quote_speaker_perceived_participle",
     "\"The levy is needed,\" Keller was quoted as saying by the Gazette.",
     "Keller", "saying", "The levy is needed,"},
    // After a clause and a dash, a quotation with its own speech tag.
    {"dash_quote_speaker_cue",
     "The pool will close in June - \"It is too old,\" the mayor said.",
     "the mayor", "said", "It is too old,"},
    {"speaker_cue_colon",
     "Mayor Anna Keller said: the pool will reopen in June.",
     "Mayor Anna Keller", "said", "the pool will reopen in June"},
    {"speaker_cue_quote",
     "Mayor Anna Keller said, \"The pool will reopen in June.\"",
     "Mayor Anna Keller", "said", "The pool will reopen in June."},
    {"speaker_cue_quote", "Trump: \"We will win again.\"", "Trump", ":",
     "We will win again."},
    // A quotation that opens with a verb after the "to" of an infinitive:
    // "to" and the quotation.
    {"speaker_cue_inf_quote",
     "Mayor Anna Keller vowed to \"keep the pool open all summer.\"",
     "Mayor Anna Keller", "vowed", "to \"keep the pool open all summer.\""},
    // The one asked and a quotation that ends the sentence.
    {"speaker_tell_np_quote",
     "Mayor Anna Keller asked the crowd \"Who will pay for the pool?\"",
     "Mayor Anna Keller", "asked", "Who will pay for the pool?"},
    // A noun phrase before the quotation is its subject (a say cue), not
    // an addressee: mixed content.
    // A lead-in that the quotation after the attribution completes: both
    // parts are the claim (a quotation opening with a capital would be a
    // sentence of its own, the lead-in only its scene).
    {"content_speaker_cue_quote",
     "If the levy passes, the mayor said, \"every household will pay more.\"",
     "the mayor", "said",
     "If the levy passes ... every household will pay more."},
    // The lead-in may hold a quotation whose closing comma stands inside the
    // marks.
    {"content_speaker_cue_quote",
     "Her record means \"she must be doing something right,\" Dole says, \"but "
     "I will not vote for her.\"",
     "Dole", "says",
     "Her record means \"she must be doing something right,\" ... but I will "
     "not vote for her."},
    // A tell cue's addressee may be a plain word ("told reporters").
    {"content_speaker_tell_quote",
     "Sooner or later, the harbour master told reporters, \"the pier will pay "
     "for itself.\"",
     "the harbour master", "told",
     "Sooner or later ... the pier will pay for itself."},
    {"speaker_cue_np_quote",
     "Mayor Anna Keller said the council \"wasted a whole year.\"",
     "Mayor Anna Keller", "said", "the council \"wasted a whole year.\""},
    // The quotation after the cue, not the clause that goes on after it.
    {"speaker_cue_quote_tail",
     "Mayor Anna Keller wrote to residents, \"The pool will reopen in "
     "June,\" and waved to the crowd.",
     "Mayor Anna Keller", "wrote", "The pool will reopen in June,"},
    // A quotation that ends a sentence of its own right after the cue, and
    // narration after it.
    {"speaker_cue_quote_closed",
     "The protesters chanted \"No more cuts!\" and marched to the town hall.",
     "The protesters", "chanted", "No more cuts!"},
    // A three-word quote cue ("used the phrase"): the quotation right after
    // it, whatever the sentence goes on with.
    // A participle of a manner of speaking (class quote) after a comma,
    // right before a quotation: the clause subject's.
    {"participle_quote_manner",
     "At the picnic, Mayor Anna Keller invited the volunteers to the stage, "
     "singing \"Here Comes the Sun.\"",
     "Mayor Anna Keller", "singing", "Here Comes the Sun."},
    // An infinitive cue after the subject's verb, a preposition and a
    // channel the speaker goes to (list outlet): the subject's.
    {"speaker_outlet_to_cue",
     "Mayor Anna Keller took to Twitter on Monday to say that the pier "
     "would reopen.",
     "Mayor Anna Keller", "say", "the pier would reopen"},
    // A passive tell cue with no agent before a clause with a cue of its
    // own: the clause, no speaker.
    {"passive_tell_clause",
     "Residents were told that the council wants a new pier.", "", "told",
     "the council wants a new pier"},
    {"speaker_use_words_quote",
     "Mayor Anna Keller has used the phrase \"pier of the future\" often in "
     "her campaign.",
     "Mayor Anna Keller", "used the phrase", "pier of the future"},
    // A document named by a quotation, in the voice of the one who issued
    // it.
    {"issued_titled_quote",
     "On Monday, Mayor Anna Keller released a report titled \"The Bridge "
     "Can Wait.\"",
     "Mayor Anna Keller", "titled", "The Bridge Can Wait."},
    // The document's noun with a phrase of a place and a comma after it.
    {"issued_titled_quote",
     "Ruth Abara published a column in the Harbour Beacon, entitled, \"Why "
     "the Ferry Matters.\"",
     "Ruth Abara", "entitled", "Why the Ferry Matters."},
    // A thing that shows words: a participle or a relative clause of class
    // quote before a quotation.
    {"np_quote_participle",
     "The marchers carried a banner reading, \"Save the Pool\" on Sunday.",
     "banner", "reading", "Save the Pool"},
    {"relative_quote",
     "He pointed at the placard, which read \"No Tolls\", and smiled.", "which",
     "read", "No Tolls"},
    // A short answer after the cue of a sentence opened by a question.
    {"asked_answer", "Asked whether the pool would reopen, the mayor said no.",
     "the mayor", "said", "no"},
    // The first part may end in a quotation whose closing mark follows the
    // comma.
    {"content_quote_speaker_cue_content",
     "Drivers who take the \"old coast road,\" the mayor said, lose an hour.",
     "the mayor", "said",
     "Drivers who take the \"old coast road,\" ... lose an hour"},
    {"content_speaker_cue_content",
     "After the storm, the mayor said, the pool will reopen in June.",
     "the mayor", "said", "After the storm ... the pool will reopen in June"},
    // The interrupting attribution may carry a phrase of its own.
    {"content_speaker_cue_content",
     "The old pier, the mayor said in an interview, will close in May.",
     "the mayor", "said", "The old pier ... will close in May"},
    // A phrase of "to" before a noun phrase ("said to reporters") is one
    // of the attribution's own (an infinitive is no such phrase: "After
    // the vote, the mayor pledged to rebuild the pier, ..." has its content
    // after the cue).
    {"content_speaker_cue_content",
     "The old pier, the mayor said to reporters, will close in May.",
     "the mayor", "said", "The old pier ... will close in May"},
    // That phrase may hold words that are cues elsewhere ("reply",
    // "questions").
    {"content_speaker_cue_content",
     "Fares rose 5 percent, the agency said in reply to questions, and "
     "ridership fell.",
     "the agency", "said", "Fares rose 5 percent ... and ridership fell"},
    // An infinitive opens the first part, capitalised as it starts the
    // sentence: no bare prepositional phrase.
    {"content_speaker_cue_content",
     "To pass the budget, the mayor said, the council must meet in May.",
     "the mayor", "said",
     "To pass the budget ... the council must meet in May"},
    // The content's verb after the interruption may be a word that is a
    // cue elsewhere ("began"); evidence cues interrupt content too.
    {"content_speaker_cue_content",
     "The trouble, the mayor wrote, began in the spring.", "the mayor", "wrote",
     "The trouble ... began in the spring"},
    {"content_speaker_cue_content",
     "The real winner, the harbor survey shows, is the old town.",
     "the harbor survey", "shows", "The real winner ... is the old town"},
    // The part after the interruption may open with a quotation whose first
    // word is a verb: the part before is its subject.
    {"content_speaker_cue_content",
     "The new dock, Captain Ruth Dole said, \"is a gift to the town\" for "
     "years to come.",
     "Captain Ruth Dole", "said",
     "The new dock ... \"is a gift to the town\" for years to come"},
    // A tell cue that interrupts its content may name the one told, when the
    // part after the interruption opens with its verb.
    {"content_speaker_tell_content",
     "The answer, the harbour master told them on Monday, was simple.",
     "the harbour master", "told", "The answer ... was simple"},
    // An as-clause or an inverted attribution may interrupt the clause between
    // its subject and its verb.
    {"content_as_speaker_cue_content",
     "The pier, as the harbour master noted, has stood for a century.",
     "the harbour master", "noted", "The pier ... has stood for a century"},
    {"content_cue_speaker_content",
     "The pier, said Ruth Dole, a harbour pilot, has stood for a century.",
     "Ruth Dole", "said", "The pier ... has stood for a century"},
    {"content_speaker_tell",
     "The pool will reopen in June, Mayor Anna Keller told reporters.",
     "Mayor Anna Keller", "told", "The pool will reopen in June"},
    {"content_speaker_cue",
     "The pool will reopen in June, Mayor Anna Keller said.",
     "Mayor Anna Keller", "said", "The pool will reopen in June"},
    // A closing quote mark the layout paired with none (the opening one
    // left out, a headline's single marks) ends the content, not opens the
    // speaker; an opening one against its word stays in the speaker.
    {"content_speaker_cue",
     "The pool will reopen in June,\" Mayor Anna Keller said.",
     "Mayor Anna Keller", "said", "The pool will reopen in June"},
    {"content_speaker_cue", "Bridge repairs 'will take a year,' engineers say",
     "engineers", "say", "Bridge repairs 'will take a year"},
    {"speaker_cue_that", "'Harbour' actor Jon Reyes said the show would end.",
     "'Harbour' actor Jon Reyes", "said", "the show would end"},
    // A question before its asker and a cue of class directive that ends
    // the sentence.
    {"content_speaker_asked",
     "Why should the town pay for the pier, councillor Ruth Dole asked.",
     "councillor Ruth Dole", "asked", "Why should the town pay for the pier"},
    // A cue of several words after its subject.
    {"content_speaker_cue_words",
     "The pool will reopen in June, the mayor pointed out on Monday.",
     "the mayor", "pointed out", "The pool will reopen in June"},
    // Prepositional phrases after a trailing cue: the clause before is
    // the content.
    {"content_speaker_cue_pp",
     "The pool will reopen in June, the mayor said in an interview with the "
     "local radio station.",
     "the mayor", "said", "The pool will reopen in June"},
    // A subordinator and a noun phrase after a trailing cue and its day: a
    // phrase of time, not content.
    {"content_speaker_cue_pp",
     "The pool will reopen in June, the mayor said today after a council "
     "meeting.",
     "the mayor", "said", "The pool will reopen in June"},
    // A long phrase of place or occasion that ends the sentence, after a
    // content that opens with a subordinate clause: where it was said.
    {"content_speaker_cue_place",
     "When the storm hit, the pier was closed for a week, the mayor said in "
     "a long interview with the local paper.",
     "the mayor", "said", "the pier was closed for a week"},
    // A subject with an appositive is the speaker, not inverted content.
    {"content_as_speaker_cue",
     "The pool will reopen in June, as Mayor Anna Keller noted on Monday.",
     "Mayor Anna Keller", "noted", "The pool will reopen in June"},
    // A subject with a phrase of a preposition, and an infinitive cue
    // after a verb.
    {"content_as_speaker_pp_cue",
     "The pool will reopen in June, as some members of the council have "
     "taken to saying.",
     "some members of the council", "saying", "The pool will reopen in June"},
    {"speaker_paren_cue",
     "Anna Keller, the mayor of the town since 2019, criticized the "
     "council's budget plan.",
     "Anna Keller", "criticized", "the council's budget plan"},
    {"content_cue_speaker",
     "The pool will reopen in June, said Mayor Anna Keller.",
     "Mayor Anna Keller", "said", "The pool will reopen in June"},
    // A subordinate clause that opens the content after "that" ends at its
    // comma; the main clause after it goes on with the content.
    {"speaker_tell_that",
     "The governor told reporters that if the bill passed, he would announce "
     "a new tax.",
     "The governor", "told", "if the bill passed, he would announce a new tax"},
    {"speaker_tell_that",
     "Mayor Anna Keller told residents that the pool would reopen in June.",
     "Mayor Anna Keller", "told", "the pool would reopen in June"},
    {"speaker_tell",
     "Mayor Anna Keller told residents the pool would reopen in June.",
     "Mayor Anna Keller", "told", "the pool would reopen in June"},
    // A bracketed ticker or acronym after the teller's name.
    {"speaker_tell",
     "The Harbor Tenants Union (HTU) told reporters the rents would rise.",
     "The Harbor Tenants Union (HTU)", "told", "the rents would rise"},
    // A name with "and" in it is the one told ("the Harbour and Canal
    // Board", "Health and Safety Inspector Ann Hale").
    {"speaker_tell",
     "The firm told the Harbour and Canal Board it had sold its stake.",
     "The firm", "told", "it had sold its stake"},
    // A plain noun the lexicons do not know is the one told when a
    // pronoun and an auxiliary follow.
    {"speaker_tell_np_pronoun",
     "Mayor Anna Keller told the crowd she would reopen the pool in June.",
     "Mayor Anna Keller", "told", "she would reopen the pool in June"},
    {"speaker_directive",
     "Mayor Anna Keller urged residents to use the new pool.",
     "Mayor Anna Keller", "urged", "residents to use the new pool"},
    // An infinitive after a verb that makes its object speak: the object
    // speaks.
    {"causative_to_cue",
     "The report prompted the city council to say that the pool would reopen.",
     "the city council", "say", "the pool would reopen"},
    {"causative_to_cue_object",
     "The long delay led residents to complain that the pool was closed.",
     "residents", "complain", "the pool was closed"},
    // An infinitive after another verb: its subject speaks.
    // A label cue after a verb and "to": its object, up to a comma.
    {"speaker_to_label",
     "The union went on to endorse the governor, in a vote held at noon.",
     "The union", "endorse", "the governor"},
    {"speaker_to_cue",
     "Mayor Anna Keller went on to say that the pool would reopen in June.",
     "Mayor Anna Keller", "say", "the pool would reopen in June"},
    // A copula right before the infinitive cue: a plan or schedule of the
    // subject's (a name, title or nominal).
    {"speaker_be_to_cue",
     "The Harbor Authority is to announce the new ferry fares on Monday.",
     "The Harbor Authority", "announce", "the new ferry fares"},
    // "the first", "the only", "the last" (perhaps with a title or a
    // nominal) after a copula and before an infinitive cue: the subject of
    // the copula speaks.
    {"speaker_first_to_cue",
     "Councillor Ruth Abara was the first to say that the ferry should stop.",
     "Councillor Ruth Abara", "say", "the ferry should stop"},
    {"speaker_first_to_cue",
     "Ruth Abara was the only senator to call for a recount.", "Ruth Abara",
     "call for", "a recount"},
    {"speaker_cue_that",
     "Mayor Anna Keller said that the pool would reopen in June.",
     "Mayor Anna Keller", "said", "the pool would reopen in June"},
    // A quoted phrase inside the clause goes on with its verb: the cue after
    // it has no subject of its own, so no new attribution starts there.
    {"speaker_cue_that",
     "The senator said any \"sensible voter\" should have known the risk.",
     "The senator", "said",
     "any \"sensible voter\" should have known the risk"},
    // A quantifier between coordinated subjects and their cue.
    {"speaker_both_cue_that",
     "The mayor and the governor both said the pool would reopen in June.",
     "The mayor and the governor", "said", "the pool would reopen in June"},
    // A subject pronoun and a quantifier ("they all", "we both").
    {"speaker_both_cue_that", "They all said the pool would reopen in June.",
     "They", "said", "the pool would reopen in June"},
    {"speaker_both_tell_that",
     "We both told the council that the pool would reopen.", "We", "told",
     "the pool would reopen"},
    // The same with a cue that takes an addressee before "that".
    {"speaker_both_tell_that",
     "The mayor and the governor both told the council that the pool would "
     "reopen.",
     "The mayor and the governor", "told", "the pool would reopen"},
    // A participle and an infinitive cue after a comma: the clause's
    // subject says what follows "that" or a wh-word.
    {"participle_to_cue_that",
     "\"The levy is a mess,\" Mayor Anna Keller said, going on to say that "
     "the council had wasted a year on it.",
     "Mayor Anna Keller", "say", "the council had wasted a year on it"},
    {"participle_to_tell_that",
     "Mayor Anna Keller spoke for an hour, going on to tell reporters that "
     "the pool would reopen.",
     "Mayor Anna Keller", "tell", "the pool would reopen"},
    {"participle_to_cue_wh",
     "Mayor Anna Keller spoke for an hour, trying to explain why the ferry "
     "fares had doubled.",
     "Mayor Anna Keller", "explain", "why the ferry fares had doubled"},
    // A thing the lexicons do not list, the object of a verb, says the
    // clause after its participle and "that".
    {"np_thing_participle_that",
     "The harbour paper published a story claiming that the ferry would stop "
     "in May.",
     "a story", "claiming", "the ferry would stop in May"},
    // After "at" or "in" and an occasion the lexicons do not list, the
    // participle is the clause subject's.
    {"venue_participle_that",
     "Mayor Anna Keller spoke at a recent news conference announcing that the "
     "pool would reopen.",
     "Mayor Anna Keller", "announcing", "the pool would reopen"},
    {"participle_that",
     "Mayor Anna Keller has opened the library, saying that the pool would "
     "reopen in June.",
     "Mayor Anna Keller", "saying", "the pool would reopen in June"},
    {"participle_that",
     "The mayor insisted that the budget was \"in good shape,\" claiming "
     "that the surplus would grow.",
     "The mayor", "claiming", "the surplus would grow"},
    {"participle_say_quote",
     "Mayor Anna Keller has opened the library, saying \"the pool will "
     "reopen in June.\"",
     "Mayor Anna Keller", "saying", "the pool will reopen in June."},
    // The participle's subject is that of the clause it hangs on (rule
    // subject_clause), not of the sentence.
    {"participle_say_quote",
     "The vote came late on Monday, when members of the union stopped the "
     "count, chanting \"no deal today!\"",
     "members of the union", "chanting", "no deal today!"},
    // A colon that introduces a quotation after a clause whose verb is no
    // cue: the clause's subject, not the noun before the colon.
    {"colon_subject_quote",
     "Mayor Anna Keller then addressed the fishermen again: \"The quay will "
     "be rebuilt.\"",
     "Mayor Anna Keller", ":", "The quay will be rebuilt."},
    // The quotation may run on past its sentence, left open: still the
    // clause's subject, not the noun before the colon ("follows").
    {"colon_subject_quote",
     "Mayor Anna Keller addressed the fishermen as follows: \"The quay will "
     "be rebuilt. The fleet will come home.",
     "Mayor Anna Keller", ":",
     "The quay will be rebuilt. The fleet will come home"},
    {"colon_name_subject_quote",
     "Keller has taken a hard line on the harbour: \"The quay will be "
     "rebuilt.\"",
     "Keller", ":", "The quay will be rebuilt."},
    // After a clause coordinated by ", and" with a subject of its own, that
    // subject (rule subject_and_clause), not the speaker of the cue before.
    {"participle_clause",
     "Residents say the new parking fees are unfair, and the tenants union "
     "has already sued the city over them, saying the council never held a "
     "vote.",
     "the tenants union", "saying", "the council never held a vote"},
    // In a relative clause, the relative word (rule subject_who), not the
    // sentence's subject.
    {"coordinated_cue",
     "The protesters cheered for the mayor, who visited the camp and "
     "promised a new shelter.",
     "who", "promised", "a new shelter"},
    // A participle coordinated with another by "and".
    {"participle_say_quote",
     "The protesters gathered outside the hall, holding signs and chanting "
     "\"Save the pool.\"",
     "The protesters", "chanting", "Save the pool."},
    // After a subordinator ("before adding:"), a quotation only.
    {"participle_sub_say_quote",
     "\"The pool is safe,\" Mayor Anna Keller said before adding: \"It will "
     "reopen in June.\"",
     "Mayor Anna Keller", "adding", "It will reopen in June."},
    {"participle_quote",
     "The mayor wrote to the staff, thanking them and telling them, \"You "
     "did well.\"",
     "The mayor", "telling", "You did well."},
    {"participle_inf_quote",
     "The mayor wrote to the staff, urging them to \"stay calm.\"", "The mayor",
     "urging", "to \"stay calm.\""},
    {"participle_quote_open",
     "Mayor Anna Keller opened the library, telling reporters: \"The pool "
     "will reopen in June.\n\n\"The fees will stay low.\"",
     "Mayor Anna Keller", "telling",
     "The pool will reopen in June ... The fees will stay low."},
    {"np_participle_say_quote",
     "The ministry released a video of spokesman Paul Dunn saying \"the "
     "talks went well.\"",
     "spokesman Paul Dunn", "saying", "the talks went well."},
    // A verb of saying has no addressee: the words before the quotation
    // are said too; and a document that a subject issued is not the speaker.
    {"np_participle_say_quote",
     "The mayor's office released a statement saying she \"remains "
     "committed to the plan.\"",
     "The mayor's office", "saying", "she \"remains committed to the plan.\""},
    {"np_participle_quote",
     "The ministry released a video of spokesman Paul Dunn telling "
     "reporters \"the talks went well.\"",
     "spokesman Paul Dunn", "telling", "the talks went well."},
    {"np_participle_inf_quote",
     "The ministry released a video of spokesman Paul Dunn urging "
     "reporters to \"wait for the talks.\"",
     "spokesman Paul Dunn", "urging", "to \"wait for the talks.\""},
    // A quotation left open after the colon goes on in the next paragraph.
    {"np_participle_quote_open",
     "The ministry released a video of spokesman Paul Dunn telling "
     "reporters: \"The talks went well.\n\n\"We will meet again.\"",
     "spokesman Paul Dunn", "telling",
     "The talks went well ... We will meet again."},
    {"np_participle_clause",
     "The city council released a statement saying the pool would reopen "
     "in June.",
     "The city council", "saying", "the pool would reopen in June"},
    // The clause may hold a word that is a cue elsewhere ("questions").
    {"np_participle_clause",
     "The city council released a statement saying the pool would reopen "
     "despite questions from parents.",
     "The city council", "saying",
     "the pool would reopen despite questions from parents"},
    {"participle_quote",
     "Mayor Anna Keller has opened the library, telling reporters \"the "
     "pool will reopen in June.\"",
     "Mayor Anna Keller", "telling", "the pool will reopen in June."},
    // (Examples of the news round's participle rules, which the rules above
    // cover.)
    {"participle_say_quote",
     "Mayor Anna Keller left early, noting the council \"never listens.\"",
     "Mayor Anna Keller", "noting", "the council \"never listens.\""},
    {"np_participle_clause",
     "The city council issued a statement saying the pool would reopen in "
     "June.",
     "The city council", "saying", "the pool would reopen in June"},
    {"participle_clause",
     "Mayor Anna Keller wrote to the council, urging members to delay the "
     "vote.",
     "Mayor Anna Keller", "urging", "members to delay the vote"},
    // A participle of hope, fear or intent (verbs.tsv flag adjunct): what
    // the clause's subject hopes.
    {"participle_belief",
     "The ferry company cut its fares in May, hoping the tourists would come "
     "back.",
     "The ferry company", "hoping", "the tourists would come back"},
    // The comma before the participle may stand inside a closing quote mark.
    {"participle_clause",
     "The mayor praised the deal as \"a fine start,\" saying the council "
     "would vote on it soon.",
     "The mayor", "saying", "the council would vote on it soon"},
    // The clause after the participle may hold a cue of its own; a
    // participle set off by commas between a subject and its verb is an
    // aside, not a claim of this rule.
    {"participle_clause",
     "The mayor closed the pool, saying the council believed the water was "
     "unsafe.",
     "The mayor", "saying", "the council believed the water was unsafe"},
    // A participle clause ends at a comma right before another cue: set
    // off between a subject and its verb, it reports what follows it.
    {"participle_clause",
     "The Courier, citing two officials, reported that the pool would "
     "reopen in June.",
     "The Courier", "citing", "two officials"},
    // A tell participle: its clause, addressee and all, keeps to PTRAIL.
    {"participle_clause_tell",
     "Mayor Anna Keller wrote to the council, warning members against a "
     "delay.",
     "Mayor Anna Keller", "warning", "members against a delay"},
    // A participle after a subordinator: said by the subject.
    {"participle_sub",
     "The mayor closed the pool, while arguing that the water was safe.",
     "The mayor", "arguing", "the water was safe"},
    // After "and", coordinated with a participle before it.
    {"participle_sub",
     "The mayor closed the pool on Monday, citing costs and warning that the "
     "water was unsafe.",
     "The mayor", "warning", "the water was unsafe"},
    // A participle after "in" or "at": said by the subject too.
    {"participle_in",
     "Senator Maria Lopez has been the loudest voice in denouncing the new "
     "tariffs.",
     "Senator Maria Lopez", "denouncing", "the new tariffs"},
    // A participle that is the object of the subject's verb.
    {"participle_object_of_verb",
     "Senator Maria Lopez avoided openly criticizing the new tariffs.",
     "Senator Maria Lopez", "criticizing", "the new tariffs"},
    // A relative clause with no relative word after a comma: the noun phrase
    // before its subject is what the cue at its end reports.
    {"contact_object_cue",
     "The port hired a private broker, an arrangement the city council has "
     "criticized.",
     "the city council", "criticized", "an arrangement"},
    {"contact_object_cue_pronoun",
     "The ferry fare went up, something she criticized as a councillor.", "she",
     "criticized", "something"},
    // A participle of telling after a passive verb of perception.
    {"perceived_participle_tell",
     "The harbour master was heard on the radio telling Captain Reyes to turn "
     "back.",
     "The harbour master", "telling", "to turn back"},
    // A verb of belief or evidence after another cue and "to", before "that".
    {"speaker_cue_to_belief_that",
     "Harbour residents continue to believe that the ferry will return.",
     "Harbour residents", "believe", "the ferry will return"},
    // A participle right after a noun phrase that follows a preposition has
    // that noun phrase for its subject.
    {"np_subject_participle",
     "The council vote ended with Mayor Anna Keller saying that the pier "
     "would stay open.",
     "Mayor Anna Keller", "saying", "the pier would stay open"},
    // The same after a comma (an absolute construction), also with a
    // phrase whose head is a title or a number.
    {"absolute_participle_that",
     "The council vote passed on Monday, with 60% of residents saying that "
     "the pier should stay open.",
     "60% of residents", "saying", "the pier should stay open"},
    {"absolute_participle_tell_that",
     "The strike ended on Monday, with union leader Tom Ruiz telling members "
     "that the deal was fair.",
     "union leader Tom Ruiz", "telling", "the deal was fair"},
    {"absolute_participle_tell",
     "The council voted to delay the plan, with Mayor Anna Keller telling "
     "reporters on Friday she viewed the delay as a mistake.",
     "Mayor Anna Keller", "telling", "she viewed the delay as a mistake"},
    {"absolute_participle_say_quote",
     "The ministry denied the report, with a ministry spokesman saying, "
     "\"The figures are wrong.\"",
     "a ministry spokesman", "saying", "The figures are wrong."},
    {"absolute_participle_label",
     "The council split over the ferry plan, with the former mayor calling "
     "it \"a floating disaster.\"",
     "the former mayor", "calling", "it \"a floating disaster.\""},
    {"np_subject_participle_tell",
     "The film opens with voters telling reporters that the ferry is too "
     "slow.",
     "voters", "telling", "the ferry is too slow"},
    {"np_subject_participle_label",
     "The rally closed with Senator Maria Lopez repeatedly calling the mayor "
     "a coward.",
     "Senator Maria Lopez", "calling", "the mayor a coward"},
    // A thing after its determiner says the quotation after its participle.
    {"np_thing_participle_quote",
     "The new ad ends with a voice saying: \"Vote no on the bridge.\"",
     "a voice", "saying", "Vote no on the bridge."},
    // A participle after "by": said by the subject.
    {"participle_by",
     "The mayor won the seat by denouncing the tax on shop owners.",
     "The mayor", "denouncing", "the tax on shop owners"},
    // Inside a subordinate clause: the subject of that clause speaks
    // (subject_coordinated), not the sentence's.
    {"participle_that",
     "Workers cheered when he opened the pool by promising that it would "
     "stay open.",
     "he", "promising", "it would stay open"},
    // A promise by "by" and an infinitive, with no one it is made to.
    {"participle_by_tell_to",
     "Mayor Anna Keller won the vote by promising to fix the pier.",
     "Mayor Anna Keller", "promising", "to fix the pier"},
    {"participle_by_tell",
     "The mayor won the seat by telling voters the pool would reopen.",
     "The mayor", "telling", "the pool would reopen"},
    {"coordinated_tell",
     "Mayor Anna Keller would not give a date but told reporters on Monday "
     "that the pool would reopen in June.",
     "Mayor Anna Keller", "told", "the pool would reopen in June"},
    {"coordinated_cue",
     "Mayor Anna Keller would not give a date but said that the pool would "
     "reopen in June.",
     "Mayor Anna Keller", "said", "the pool would reopen in June"},
    // Coordinated with a verb that is no cue: the subject of that verb's
    // clause (subject_coordinated) speaks, when the sentence's own subject
    // is out of reach.
    {"coordinated_cue",
     "Several dozen workers stood by as he walked the course and said that "
     "the jobs were safe.",
     "he", "said", "the jobs were safe"},
    // After "but" and a short phrase of a preposition; the opening cue
    // phrase ("Asked about X,") does not hide the sentence's subject.
    {"coordinated_cue_phrase",
     "Asked about the delay, Mayor Anna Keller did not apologize, but in a "
     "later interview said the pool would reopen in June.",
     "Mayor Anna Keller", "said", "the pool would reopen in June"},
    // A cue after a comma in a list of verbs: the subject of the first
    // cue speaks.
    {"comma_coordinated_cue",
     "The mayor praised the staff, said the pool would reopen in June.",
     "The mayor", "said", "the pool would reopen in June"},
    {"relative_aside_cue",
     "Mayor Anna Keller, who said the pool would reopen in June, left the "
     "meeting early.",
     "who", "said", "the pool would reopen in June"},
    // A phrase of time or place between the relative word and the cue.
    {"relative_aside_cue",
     "Mayor Anna Keller, who in 2019 said that the pool would close, left "
     "the meeting early.",
     "who", "said", "the pool would close"},
    {"relative_tell_that",
     "The claim came from Tom Baker, who told the Courier and a radio "
     "station that the pier was unsafe.",
     "who", "told", "the pier was unsafe"},
    // Without "that": the addressee before a clause is not what was told,
    // and the sentence's own verb after the clause ends it.
    {"relative_tell",
     "The man who told reporters the bridge was unsafe was fired on Monday.",
     "who", "told", "the bridge was unsafe"},
    {"relative_cue_that",
     "A councillor who said the plan would fail was voted out in May.", "who",
     "said", "the plan would fail"},
    // An opening participial phrase is no speaker: the name after it is.
    {"participle_opener_speaker_paren_cue",
     "Speaking at the pier, Mayor Anna Keller, the chair, said the pool would "
     "reopen.",
     "Mayor Anna Keller", "said", "the pool would reopen"},
    {"passive_opener_speaker_paren_cue",
     "Angered by the delays, Mayor Anna Keller, the chair, said the pool would "
     "reopen.",
     "Mayor Anna Keller", "said", "the pool would reopen"},
    // A cue inside a subject's relative clause, without commas: its object
    // ends before the main verb, and the noun phrase before "who" speaks.
    {"relative_subject_inner_cue",
     "A harbour pilot who criticised the schedule said the ferry must run.",
     "A harbour pilot", "criticised", "the schedule"},
    {"relative_cue_that",
     "It was Mayor Anna Keller who said that the pool would reopen in June.",
     "who", "said", "the pool would reopen in June"},
    // Relative "that" after a noun, before a quotation.
    {"that_relative_cue",
     "Residents carried signs that said \"Open the pool!\"", "that", "said",
     "Open the pool!"},
    // A document the subject issues speaks for it in a "that" clause.
    {"that_relative_cue_clause",
     "Mayor Anna Keller released a letter from her doctor that says she is "
     "in good health.",
     "Mayor Anna Keller", "says", "she is in good health"},
    // Elsewhere, a document before a relative "that" speaks for its clause.
    {"np_that_relative_cue",
     "The pier was closed after a harbour survey that found the pilings "
     "were rotten.",
     "a harbour survey", "found", "the pilings were rotten"},
    // A one-word name after opening phrases, a light verb and a colon.
    {"colon_subject_quote_fronted_name",
     "On July 6, 2015, Keller made the following comment: \"The pier will "
     "reopen.\"",
     "Keller", ":", "The pier will reopen."},
    // A subject with a clause of a pronoun and a verb that ends in its
    // preposition.
    {"relative_subject_cue",
     "The ferry riders we spoke with said the fares were too high.",
     "The ferry riders", "said", "the fares were too high"},
    // The same after a phrase that opens the sentence and a comma.
    {"relative_subject_cue_fronted",
     "On Monday, the ferry riders I interviewed said the fares were too high.",
     "the ferry riders", "said", "the fares were too high"},
    // A subject with a relative clause that runs over commas to the cue.
    {"relative_subject_cue",
     "Some farmers who have listened to the mayor over the years, at fairs or "
     "on the radio, said the pool would reopen.",
     "Some farmers", "said", "the pool would reopen"},
    {"name_cue_that", "In 2016 Keller said the pool would reopen in June.",
     "Keller", "said", "the pool would reopen in June"},
    // Built in, not in rules.tsv: a quotation paragraph after an attributed
    // one continues its speaker (a short one alone in its paragraph is
    // folded into the claim before it instead).
    {"follow_on_quote",
     "\"Prices will fall soon,\" Governor Rita Moss said.\n\"We have done "
     "our part.\" The hall fell silent.",
     "Governor Rita Moss", "", "We have done our part."},
    // (A plain "KELLER: C." is taken by speaker_cue_that first.)
    // A transcript quoted in full: each paragraph opens with a quotation
    // mark before the speaker's name.
    {"speaker_colon_quoted",
     "\"KELLER: If I may, we have limited time. Will the pool reopen?\"",
     "KELLER", ":", "If I may, we have limited time. Will the pool reopen"},
    {"speaker_label_prep_colon",
     "Mayor Keller on Ferry Dock: Repairs Will Take a Year.", "Mayor Keller",
     ":", "Repairs Will Take a Year"},
    {"speaker_colon",
     "Keller: Council\u2019s \u2018Pool Plan Is In Question.\u2019", "Keller",
     ":", "Council\u2019s \u2018Pool Plan Is In Question"},
    // After an apposition of the source, a bare plural noun before its verb
    // is the subject of the content.
    {"according_front_apposition",
     "According to Dana Holt, the former union president, teachers are the "
     "largest group of members.",
     "Dana Holt", "According to", "teachers are the largest group of members"},
};

// The rule names of rules.tsv, in file order.
std::vector<std::string> RuleNames() {
  std::vector<std::string> names;
  absl::string_view data = internal::FindEmbeddedFile("rules.tsv");
  for (absl::string_view line : absl::StrSplit(data, '\n')) {
    if (!absl::ConsumePrefix(&line, "rule\t")) continue;
    names.emplace_back(line.substr(0, line.find('\t')));
  }
  return names;
}

TEST(AttributionRules, EachRuleFindsSpeakerCueAndContent) {
  auto extractor = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  for (const RuleCase& tc : kCases) {
    SCOPED_TRACE(absl::StrCat(tc.rule, ": ", tc.text));
    v1::Document doc;
    doc.set_id("rules");
    doc.set_text(tc.text);
    v1::Extraction out;
    ASSERT_TRUE((*extractor)->Extract(doc, &out).ok());
    // The row's claim is the one its rule gives, else the last one (a
    // follow-on quote comes second).
    ASSERT_GE(out.claims_size(), 1);
    int row_claim = out.claims_size() - 1;
    for (int i = 0; i < out.claims_size(); ++i) {
      if (out.claims(i).rule() == tc.rule) row_claim = i;
    }
    const v1::Claim& c = out.claims(row_claim);
    absl::string_view text = doc.text();
    std::vector<std::string> parts;
    for (const v1::Span& p : c.content_parts()) {
      ASSERT_LE(p.end(), text.size());
      parts.push_back(test::WithoutQuoteMarks(text.substr(p.begin(), p.end() - p.begin())));
    }
    EXPECT_EQ(c.rule(), tc.rule);
    EXPECT_EQ(c.speaker().text(), tc.speaker);
    EXPECT_EQ(c.cue().text(), tc.cue);
    EXPECT_EQ(absl::StrJoin(parts, " ... "), tc.content);
  }
}

TEST(AttributionRules, RulesTsvHasNoRuleWithoutARow) {
  std::vector<std::string> names = RuleNames();
  ASSERT_GE(names.size(), 10u) << "rules.tsv not embedded?";
  std::set<std::string> covered;
  for (const RuleCase& tc : kCases) covered.insert(tc.rule);
  for (const std::string& name : names) {
    // The subject rules are not tried on their own: they give the speaker
    // of the participle and coordinated rows above (subject_clause: the
    // row participle_quote after a subordinate clause).
    if (absl::StartsWith(name, "subject")) continue;
    EXPECT_TRUE(covered.count(name))
        << "rules.tsv rule '" << name << "' has no row in kCases";
  }
  EXPECT_NE(std::find(names.begin(), names.end(), "subject"), names.end());
}

TEST(AttributionRules, EveryRowNamesAKnownRule) {
  std::vector<std::string> names = RuleNames();
  names.push_back("follow_on_quote");
  for (const RuleCase& tc : kCases) {
    EXPECT_NE(std::find(names.begin(), names.end(), tc.rule), names.end())
        << tc.rule;
  }
}

}  // namespace
}  // namespace whosaid
