#include "whosaid/claim_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/store_util.h"

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

v1::Entity Person(const std::string& id, const std::string& name,
                  std::vector<std::string> aliases,
                  std::vector<std::string> roles = {}) {
  v1::Entity e;
  e.set_id(id);
  e.set_canonical_name(name);
  e.set_type(v1::ENTITY_TYPE_PERSON);
  for (const auto& a : aliases) e.add_aliases(a);
  for (const auto& r : roles) e.add_roles()->set_title(r);
  return e;
}

// Builds one Extraction: a document whose text is the claims' sentences, one
// per line, so content and speaker spans index into it.
class DocBuilder {
 public:
  DocBuilder(const std::string& id, const std::string& date,
             const std::string& outlet = "Reuters") {
    x_.mutable_document()->set_id(id);
    x_.mutable_document()->set_outlet(outlet);
    if (!date.empty()) {
      auto t = ParseQueryDate(date);
      x_.mutable_document()->mutable_published()->set_seconds(
          absl::ToUnixSeconds(*t));
    }
  }
  DocBuilder& Entity(const v1::Entity& e) {
    *x_.add_entities() = e;
    return *this;
  }
  // Adds `speaker_text said "content".` as a claim.
  DocBuilder& Claim(const std::string& entity_id, const std::string& name,
                    const std::string& speaker_text, const std::string& content,
                    v1::Stance stance = v1::STANCE_ASSERT,
                    v1::ClaimKind kind = v1::CLAIM_KIND_DIRECT,
                    std::vector<std::string> topics = {}) {
    std::string* text = x_.mutable_document()->mutable_text();
    v1::Claim* c = x_.add_claims();
    c->set_id(absl::StrCat(x_.document().id(), ":", x_.claims_size()));
    c->set_document_id(x_.document().id());
    uint32_t start = static_cast<uint32_t>(text->size());
    *text += speaker_text + " said \"";
    uint32_t content_begin = static_cast<uint32_t>(text->size());
    *text += content + ".\"\n";
    c->set_content(content);
    v1::Span* part = c->add_content_parts();
    part->set_begin(content_begin);
    part->set_end(content_begin + static_cast<uint32_t>(content.size()));
    c->mutable_speaker()->set_text(speaker_text);
    c->mutable_speaker()->mutable_span()->set_begin(start);
    c->mutable_speaker()->mutable_span()->set_end(
        start + static_cast<uint32_t>(speaker_text.size()));
    c->mutable_speaker()->set_entity_id(entity_id);
    c->mutable_speaker()->set_canonical_name(name);
    c->mutable_speaker()->set_entity_type(v1::ENTITY_TYPE_PERSON);
    c->mutable_cue()->set_text("said");
    c->mutable_cue()->set_lemma("say");
    c->set_stance(stance);
    c->set_kind(kind);
    for (const auto& t : topics) c->add_topics(t);
    return *this;
  }
  v1::Claim* last() { return x_.mutable_claims(x_.claims_size() - 1); }
  const v1::Extraction& get() const { return x_; }

 private:
  v1::Extraction x_;
};

class ClaimStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat(
               "claim_store_test_", getpid(), "_",
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "whosaid.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes a document "old" and `claims` into the store file with SQLite
  // alone, in the columns every schema version has: a store as an older
  // whosaid left it.
  void StoreByHand(const std::vector<v1::Claim>& claims) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "INSERT INTO documents(id, text_hash, ingested_at, "
                           "proto) VALUES ('old', 0, 0, x'')",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    for (const v1::Claim& c : claims) {
      std::string blob = c.SerializeAsString();
      sqlite3_stmt* stmt = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(db,
                                   "INSERT INTO claims(id, document_rowid, kind, "
                                   "stance, proto) VALUES (?, 1, 1, 1, ?)",
                                   -1, &stmt, nullptr),
                SQLITE_OK);
      sqlite3_bind_text(stmt, 1, c.id().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob(stmt, 2, blob.data(), static_cast<int>(blob.size()),
                        SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(stmt), SQLITE_DONE);
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
  }

  std::unique_ptr<ClaimStore> OpenStore(ClaimStoreOptions options = {}) {
    auto store = ClaimStore::Open(path_, options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Three documents: Putin and Macron, a later one with "Putin" alone, and
  // one with another Putin.
  void Fill(ClaimStore* store) {
    v1::Entity putin =
        Person("person:vladimir-putin", "Vladimir Putin",
               {"President Vladimir Putin", "Putin"}, {"President"});
    v1::Entity macron = Person("person:emmanuel-macron", "Emmanuel Macron",
                               {"Macron", "French President Emmanuel Macron"},
                               {"French President"});
    DocBuilder d1("d1", "2024-04-01");
    d1.Entity(putin).Entity(macron);
    d1.Claim(putin.id(), putin.canonical_name(), "President Vladimir Putin",
             "Ukraine could have been involved", v1::STANCE_CLAIM,
             v1::CLAIM_KIND_INDIRECT, {"Ukraine", "terrorism"});
    d1.Claim(macron.id(), macron.canonical_name(), "Macron",
             "sending troops to Ukraine should not be ruled out",
             v1::STANCE_ASSERT, v1::CLAIM_KIND_INDIRECT,
             {"Ukraine", "defense"});
    DocBuilder d2("d2", "2024-05-10", "AP");
    d2.Entity(Person("person:vladimir-putin", "Vladimir Putin", {"Putin"}));
    d2.Claim(putin.id(), putin.canonical_name(), "Putin",
             "the West is to blame", v1::STANCE_CLAIM, v1::CLAIM_KIND_DIRECT,
             {"Russia"});
    d2.Claim(macron.id(), macron.canonical_name(), "Macron",
             "we're not in that situation today", v1::STANCE_DENY,
             v1::CLAIM_KIND_DIRECT, {"defense"});
    DocBuilder d3("d3", "2023-01-02", "BBC");
    d3.Entity(Person("person:igor-putin", "Igor Putin", {"Igor Putin"}));
    d3.Claim("person:igor-putin", "Igor Putin", "Igor Putin",
             "the bridge will open in spring", v1::STANCE_PROMISE);
    for (const DocBuilder* d : {&d1, &d2, &d3}) {
      auto r = store->Put(d->get());
      ASSERT_TRUE(r.ok()) << r.status();
      EXPECT_EQ(*r, PutResult::kAdded);
    }
    ASSERT_TRUE(store->Commit().ok());
  }

  static std::vector<std::string> Contents(
      const absl::StatusOr<std::vector<StoredClaim>>& claims) {
    std::vector<std::string> out;
    EXPECT_TRUE(claims.ok()) << claims.status();
    if (!claims.ok()) return out;
    for (const StoredClaim& c : *claims) out.push_back(c.claim.content());
    return out;
  }

  std::filesystem::path dir_;
  std::string path_;
};

// ClaimStore::UpsertEntity() builds the entities row's proto by copying
// Entity's fields one by one, all but aliases and roles (stored in their own
// tables). A field added to Entity must be added there too, or the store
// drops it without a word: this test names the fields it copies.
TEST(ClaimStoreEntityRow, UpsertCopiesEveryFieldButAliasesAndRoles) {
  const google::protobuf::Descriptor* d = v1::Entity::descriptor();
  std::vector<std::string> fields;
  for (int i = 0; i < d->field_count(); ++i) fields.push_back(d->field(i)->name());
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre(
                          "id", "canonical_name", "type", "affiliation",
                          "aliases", "roles"))
      << "update ClaimStore::UpsertEntity() for the new field";
}

TEST_F(ClaimStoreTest, FindClaimsFilters) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  struct Row {
    const char* name;
    ClaimQuery query;
    std::vector<std::string> want;  // in order
  };
  auto q = [](auto f) {
    ClaimQuery query;
    f(query);
    return query;
  };
  const Row rows[] = {
      {"speaker surname, newest first",
       q([](ClaimQuery& c) { c.speaker = "Macron"; }),
       {"we're not in that situation today",
        "sending troops to Ukraine should not be ruled out"}},
      {"speaker case-insensitive full name",
       q([](ClaimQuery& c) { c.speaker = "vladimir PUTIN"; }),
       {"the West is to blame", "Ukraine could have been involved"}},
      {"shared surname matches both people",
       q([](ClaimQuery& c) { c.speaker = "Putin"; }),
       {"the West is to blame", "Ukraine could have been involved",
        "the bridge will open in spring"}},
      {"alias with a title",
       q([](ClaimQuery& c) { c.speaker = "French President"; }),
       {"we're not in that situation today",
        "sending troops to Ukraine should not be ruled out"}},
      {"unknown speaker", q([](ClaimQuery& c) { c.speaker = "Shoigu"; }), {}},
      {"stance",
       q([](ClaimQuery& c) { c.stance = v1::STANCE_DENY; }),
       {"we're not in that situation today"}},
      {"kind",
       q([](ClaimQuery& c) { c.kind = v1::CLAIM_KIND_INDIRECT; }),
       {"Ukraine could have been involved",
        "sending troops to Ukraine should not be ruled out"}},
      {"topic, any case",
       q([](ClaimQuery& c) { c.topic = "DEFENSE"; }),
       {"we're not in that situation today",
        "sending troops to Ukraine should not be ruled out"}},
      {"since",
       q([](ClaimQuery& c) { c.since = *ParseQueryDate("2024-05-01"); }),
       {"the West is to blame", "we're not in that situation today"}},
      {"until (exclusive)",
       q([](ClaimQuery& c) { c.until = *ParseQueryDate("2024-04-01"); }),
       {"the bridge will open in spring"}},
      {"limit",
       q([](ClaimQuery& c) { c.limit = 1; }),
       {"the West is to blame"}},
      {"speaker and topic",
       q([](ClaimQuery& c) {
         c.speaker = "Putin";
         c.topic = "Ukraine";
       }),
       {"Ukraine could have been involved"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(Contents(store->FindClaims(row.query)), row.want);
  }
}

TEST_F(ClaimStoreTest, ClaimsCarryResolvedSpeakerAndOutlet) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  ClaimQuery q;
  q.speaker = "Putin";
  q.topic = "Russia";
  auto claims = store->FindClaims(q);
  ASSERT_TRUE(claims.ok()) << claims.status();
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].outlet, "AP");
  EXPECT_EQ((*claims)[0].speaker_type, "person");
  EXPECT_EQ((*claims)[0].claim.speaker().text(), "Putin");
  EXPECT_EQ((*claims)[0].claim.speaker().entity_id(), "person:vladimir-putin");
}

TEST_F(ClaimStoreTest, SpeakersAreOneEntityAcrossDocumentsWithAliases) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  auto speakers = store->Speakers(v1::ENTITY_TYPE_UNSPECIFIED, 0);
  ASSERT_TRUE(speakers.ok()) << speakers.status();
  std::vector<std::string> rows;
  for (const auto& s : *speakers) {
    rows.push_back(absl::StrCat(s.entity().id(), "=", s.claim_count()));
  }
  EXPECT_THAT(rows,
              ElementsAre("person:emmanuel-macron=2", "person:vladimir-putin=2",
                          "person:igor-putin=1"));
  auto putin = store->GetSpeaker("person:vladimir-putin");
  ASSERT_TRUE(putin.ok()) << putin.status();
  // "Putin" and the canonical name were seen in both documents.
  ASSERT_GE(putin->alias_counts_size(), 3);
  EXPECT_EQ(putin->alias_counts(0).count(), 2);
  EXPECT_THAT(putin->entity().aliases(),
              UnorderedElementsAre("Putin", "Vladimir Putin",
                                   "President Vladimir Putin"));
  ASSERT_EQ(putin->roles_size(), 1);
  EXPECT_EQ(putin->roles(0).title(), "President");
  EXPECT_EQ(putin->roles(0).first_seen().seconds(),
            absl::ToUnixSeconds(*ParseQueryDate("2024-04-01")));
  auto top = store->Speakers(v1::ENTITY_TYPE_PERSON, 1);
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(top->size(), 1u);
  auto orgs = store->Speakers(v1::ENTITY_TYPE_ORGANISATION, 0);
  ASSERT_TRUE(orgs.ok());
  EXPECT_THAT(*orgs, IsEmpty());
}

TEST_F(ClaimStoreTest, ReingestDoesNotDuplicateAndChangedTextReplaces) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  DocBuilder same("d3", "2023-01-02", "BBC");
  same.Entity(Person("person:igor-putin", "Igor Putin", {"Igor Putin"}));
  same.Claim("person:igor-putin", "Igor Putin", "Igor Putin",
             "the bridge will open in spring", v1::STANCE_PROMISE);
  DocBuilder copy = same;
  v1::Extraction copy_x = copy.get();
  copy_x.mutable_document()->set_id("d3-copy");
  DocBuilder changed("d3", "2023-01-02", "BBC");
  changed.Claim("person:igor-putin", "Igor Putin", "Igor Putin",
                "the bridge will open in summer", v1::STANCE_PROMISE);

  auto state = store->Check(same.get().document());
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(*state, DocumentState::kUnchanged);
  EXPECT_EQ(*store->Put(same.get()), PutResult::kUnchanged);
  EXPECT_EQ(*store->Check(copy_x.document()), DocumentState::kDuplicate);
  EXPECT_EQ(*store->Put(copy_x), PutResult::kDuplicate);
  EXPECT_EQ(*store->Check(changed.get().document()), DocumentState::kChanged);
  EXPECT_EQ(*store->Put(changed.get()), PutResult::kReplaced);
  ClaimQuery q;
  q.speaker = "Igor";
  EXPECT_THAT(Contents(store->FindClaims(q)),
              ElementsAre("the bridge will open in summer"));
  auto stats = store->Stats(5);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->documents(), 3);
  EXPECT_EQ(stats->claims(), 5);
  // The replaced claim is gone from the full-text index too.
  ClaimQuery s;
  s.text = "spring";
  EXPECT_THAT(Contents(store->FindClaims(s)), IsEmpty());
}

TEST_F(ClaimStoreTest, SearchIsRankedAndTakesAnyInput) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  struct Row {
    const char* text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {"troops", {"sending troops to Ukraine should not be ruled out"}},
      {"TROOPS ukraine", {"sending troops to Ukraine should not be ruled out"}},
      {"macron situation", {"we're not in that situation today"}},  // speaker
      {"troops \"", {"sending troops to Ukraine should not be ruled out"}},
      {"NEAR(a b) OR *", {}},
      {"nothing-like-this", {}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    ClaimQuery q;
    q.text = row.text;
    EXPECT_EQ(Contents(store->FindClaims(q)), row.want);
  }
  ClaimQuery ukraine;
  ukraine.text = "Ukraine";
  EXPECT_EQ(Contents(store->FindClaims(ukraine)).size(), 2u);
  ClaimQuery empty;
  empty.text = "   ";
  auto r = store->FindClaims(empty);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ClaimStoreTest, MergeAndSplit) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  ClaimQuery vladimir;
  vladimir.speaker = "Vladimir";
  ASSERT_TRUE(store->Merge("person:vladimir-putin", "person:igor-putin").ok());
  EXPECT_EQ(Contents(store->FindClaims(vladimir)).size(), 3u);
  auto merged = store->GetSpeaker("person:igor-putin");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->entity().id(), "person:vladimir-putin");
  EXPECT_EQ(merged->claim_count(), 3);
  EXPECT_THAT(merged->merged_ids(), ElementsAre("person:igor-putin"));
  EXPECT_EQ(store->Merge("person:vladimir-putin", "person:igor-putin").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Merge("person:vladimir-putin", "person:nobody").code(),
            absl::StatusCode::kNotFound);

  // Undo the merge.
  auto undone = store->Split("person:igor-putin", "");
  ASSERT_TRUE(undone.ok()) << undone.status();
  EXPECT_EQ(Contents(store->FindClaims(vladimir)).size(), 2u);
  EXPECT_EQ(store->Split("person:igor-putin", "").status().code(),
            absl::StatusCode::kFailedPrecondition);

  // Split the claims made as "Putin" off Vladimir Putin; it survives a
  // re-ingest of the document.
  auto split = store->Split("person:vladimir-putin", "putin");
  ASSERT_TRUE(split.ok()) << split.status();
  EXPECT_EQ(*split, "person:putin");
  EXPECT_THAT(Contents(store->FindClaims(vladimir)),
              ElementsAre("Ukraine could have been involved"));
  DocBuilder d2("d2", "2024-05-10", "AP");
  d2.Claim("person:vladimir-putin", "Vladimir Putin", "Putin",
           "the West is to blame again", v1::STANCE_CLAIM);
  ASSERT_TRUE(store->Put(d2.get()).ok());
  ClaimQuery split_q;
  split_q.speaker_id = "person:putin";
  EXPECT_THAT(Contents(store->FindClaims(split_q)),
              ElementsAre("the West is to blame again"));
  EXPECT_EQ(store->Split("person:vladimir-putin", "Vova").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ClaimStoreTest, TopicGroupsBySpeakerWithStances) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  ClaimQuery q;
  q.topic = "defense";
  auto groups = store->ByTopic(q);
  ASSERT_TRUE(groups.ok()) << groups.status();
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].speaker().id(), "person:emmanuel-macron");
  EXPECT_EQ((*groups)[0].claims_size(), 2);
  std::vector<std::string> stances;
  for (const auto& c : (*groups)[0].stances()) {
    stances.push_back(absl::StrCat(c.key(), "=", c.count()));
  }
  EXPECT_THAT(stances,
              UnorderedElementsAre("STANCE_ASSERT=1", "STANCE_DENY=1"));
}

TEST_F(ClaimStoreTest, ShowGivesSentenceSpeakerAndChain) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  DocBuilder d("seed", "2024-04-03");
  d.Entity(Person("person:sebastien-lecornu", "Sebastien Lecornu", {"Lecornu"},
                  {"French Defense Minister"}));
  d.Claim("document:statement", "statement", "The statement",
          "Lecornu spoke to Shoigu");
  d.Claim("person:sebastien-lecornu", "Sebastien Lecornu", "Lecornu",
          "France was ready", v1::STANCE_ASSERT, v1::CLAIM_KIND_INDIRECT);
  d.last()->mutable_reported_via()->set_text("The statement");
  d.last()->set_reported_via_claim_id("seed:1");
  ASSERT_TRUE(store->Put(d.get()).ok());
  auto shown = store->Show("seed:2");
  ASSERT_TRUE(shown.ok()) << shown.status();
  EXPECT_EQ(shown->context(), "Lecornu said \"France was ready.\"");
  EXPECT_EQ(shown->context_begin(),
            d.get().document().text().find("Lecornu said"));
  EXPECT_EQ(shown->speaker().canonical_name(), "Sebastien Lecornu");
  EXPECT_EQ(shown->speaker().roles(0).title(), "French Defense Minister");
  EXPECT_EQ(shown->reported_via_claim().content(), "Lecornu spoke to Shoigu");
  EXPECT_EQ(shown->document().id(), "seed");
  EXPECT_TRUE(shown->document().text().empty());
  EXPECT_EQ(store->Show("nope").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ClaimStoreTest, ReviewsExportImportExportIsIdentical) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  v1::Review review;
  review.set_rating("False");
  review.set_url("https://factcheck.example/putin");
  review.set_author("Example Check");
  ASSERT_TRUE(store->AddReview("d1:1", review).ok());
  EXPECT_EQ(store->AddReview("nope", review).code(),
            absl::StatusCode::kNotFound);
  ASSERT_TRUE(store->Merge("person:vladimir-putin", "person:igor-putin").ok());

  ClaimQuery all;
  all.ingest_order = true;
  auto first = store->FindClaims(all);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 5u);
  EXPECT_EQ((*first)[0].claim.reviews_size(), 1);

  std::string other = (dir_ / "other.db").string();
  auto store2 = ClaimStore::Open(other, {});
  ASSERT_TRUE(store2.ok()) << store2.status();
  for (const StoredClaim& c : *first) {
    ASSERT_TRUE((*store2)->Import(c.claim).ok());
  }
  // Importing twice changes nothing.
  for (const StoredClaim& c : *first) {
    ASSERT_TRUE((*store2)->Import(c.claim).ok());
  }
  auto second = (*store2)->FindClaims(all);
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(second->size(), first->size());
  for (size_t i = 0; i < first->size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ((*second)[i].claim.SerializeAsString(),
              (*first)[i].claim.SerializeAsString());
  }
  ClaimQuery reviewed;
  reviewed.reviewed_only = true;
  EXPECT_EQ(Contents((*store2)->FindClaims(reviewed)),
            std::vector<std::string>{"Ukraine could have been involved"});
}

TEST_F(ClaimStoreTest, StatsCounts) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Fill(store.get());
  auto stats = store->Stats(2);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->schema_version(), kStoreSchemaVersion);
  EXPECT_EQ(stats->documents(), 3);
  EXPECT_EQ(stats->claims(), 5);
  ASSERT_EQ(stats->top_speakers_size(), 2);
  EXPECT_EQ(stats->top_speakers(0).count(), 2);
  ASSERT_EQ(stats->top_topics_size(), 2);
  EXPECT_EQ(stats->top_topics(0).count(), 2);
  int64_t by_kind = 0;
  for (const auto& c : stats->claims_by_kind()) by_kind += c.count();
  EXPECT_EQ(by_kind, 5);
  EXPECT_GT(stats->file_bytes(), 0);
  absl::Status integrity = store->CheckIntegrity();
  EXPECT_TRUE(integrity.ok()) << integrity;
}

TEST_F(ClaimStoreTest, MigratesFromVersionOne) {
  {
    ClaimStoreOptions v1_only;
    v1_only.TEST_max_schema_version = 1;
    auto store = OpenStore(v1_only);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), 1);
    DocBuilder d("old", "2020-01-01");
    d.Claim("person:a-b", "A B", "A B", "old words about troops");
    // Version 1 has no full-text index: Put must not need it.
    v1::Extraction x = d.get();
    (void)x;
  }
  // Fill a version 1 store by hand (no FTS table), then open it.
  v1::Claim c;
  c.set_id("old:1");
  c.set_content("old words about troops");
  StoreByHand({c});

  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kStoreSchemaVersion);
  ClaimQuery q;
  q.text = "troops";
  EXPECT_THAT(Contents(store->FindClaims(q)),
              ElementsAre("old words about troops"));
}

TEST_F(ClaimStoreTest, MinConfidenceFiltersClaims) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  DocBuilder d("conf", "2021-05-01");
  d.Claim("person:a-b", "A B", "A B", "sure words");
  d.last()->set_confidence(0.95f);
  d.Claim("person:a-b", "A B", "A B", "doubtful words");
  d.last()->set_confidence(0.5f);
  ASSERT_TRUE(store->Put(d.get()).ok());
  ClaimQuery q;
  q.speaker = "A B";
  EXPECT_THAT(Contents(store->FindClaims(q)),
              UnorderedElementsAre("sure words", "doubtful words"));
  q.min_confidence = 0.9f;
  EXPECT_THAT(Contents(store->FindClaims(q)), ElementsAre("sure words"));
  q.min_confidence = 0.5f;  // inclusive
  EXPECT_EQ(Contents(store->FindClaims(q)).size(), 2u);
  q.min_confidence = 0.99f;
  EXPECT_THAT(Contents(store->FindClaims(q)), IsEmpty());
}

TEST_F(ClaimStoreTest, MigratesFromVersionTwoKeepingConfidences) {
  {
    ClaimStoreOptions v2_only;
    v2_only.TEST_max_schema_version = 2;
    auto store = OpenStore(v2_only);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), 2);
  }
  // Claims stored under version 2 (no confidence column), by hand.
  std::vector<v1::Claim> claims(2);
  claims[0].set_id("old:1");
  claims[0].set_confidence(0.9f);
  claims[1].set_id("old:2");
  claims[1].set_confidence(0.4f);
  for (v1::Claim& c : claims) c.set_content(absl::StrCat("words of ", c.id()));
  StoreByHand(claims);

  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kStoreSchemaVersion);
  ClaimQuery q;
  q.ingest_order = true;
  EXPECT_THAT(Contents(store->FindClaims(q)),
              ElementsAre("words of old:1", "words of old:2"));
  q.min_confidence = 0.5f;
  EXPECT_THAT(Contents(store->FindClaims(q)), ElementsAre("words of old:1"));
}

TEST_F(ClaimStoreTest, NewerSchemaIsRefused) {
  { ASSERT_NE(OpenStore(), nullptr); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_version VALUES (99, 0)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = ClaimStore::Open(path_, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("version 99"));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

TEST_F(ClaimStoreTest, BadFilesGetClearErrorsAndStayUnchanged) {
  struct Row {
    const char* name;
    std::string contents;  // written to the store path first
    absl::StatusCode code;
    const char* message;
  };
  std::string sqlite_header("SQLite format 3\0", 16);
  const Row rows[] = {
      {"text file", "hello, I am not a database\n", absl::StatusCode::kDataLoss,
       "not an SQLite database"},
      {"binary junk", std::string(8192, '\x9c'), absl::StatusCode::kDataLoss,
       "not an SQLite database"},
      {"truncated header", sqlite_header + std::string(100, '\0'),
       absl::StatusCode::kDataLoss, ""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    {
      std::ofstream out(path_, std::ios::binary | std::ios::trunc);
      out << row.contents;
    }
    auto store = ClaimStore::Open(path_, {});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), row.code) << store.status();
    EXPECT_THAT(store.status().message(), HasSubstr(path_));
    EXPECT_THAT(store.status().message(), HasSubstr(row.message));
    EXPECT_EQ(ReadFile(path_), row.contents);
  }
}

TEST_F(ClaimStoreTest, ForeignSqliteDatabaseIsNotTouched) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE mine(x); INSERT INTO mine VALUES(1)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  std::string before = ReadFile(path_);
  auto store = ClaimStore::Open(path_, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(store.status().message(), HasSubstr("not a whosaid store"));
  EXPECT_EQ(ReadFile(path_), before);
}

TEST_F(ClaimStoreTest, MissingStoreAndDirectory) {
  ClaimStoreOptions no_create;
  no_create.create_if_missing = false;
  auto missing = ClaimStore::Open(path_, no_create);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path_));
  auto dir = ClaimStore::Open(dir_.string(), {});
  EXPECT_EQ(dir.status().code(), absl::StatusCode::kInvalidArgument);
  auto no_parent = ClaimStore::Open((dir_ / "no/such/dir/x.db").string(), {});
  EXPECT_EQ(no_parent.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(no_parent.status().message(), HasSubstr("cannot open"));
}

TEST_F(ClaimStoreTest, LockedStoreIsUnavailable) {
  auto writer = OpenStore();
  ASSERT_NE(writer, nullptr);
  DocBuilder d("a", "2024-01-01");
  d.Claim("person:a", "A", "A", "words");
  ASSERT_TRUE(writer->Put(d.get()).ok());  // holds the write lock (batch)
  ClaimStoreOptions quick;
  quick.busy_timeout_ms = 100;
  auto other = ClaimStore::Open(path_, quick);
  ASSERT_TRUE(other.ok()) << other.status();  // readers are not blocked
  auto stats = (*other)->Stats(3);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->documents(), 0);  // the batch is not committed yet
  DocBuilder e("b", "2024-01-01");
  e.Claim("person:b", "B", "B", "more words");
  auto put = (*other)->Put(e.get());
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(put.status().message(), HasSubstr("locked"));
  ASSERT_TRUE(writer->Commit().ok());
  auto retry = (*other)->Put(e.get());
  ASSERT_TRUE(retry.ok()) << retry.status();
  ASSERT_TRUE((*other)->Commit().ok());
  auto after = (*other)->Stats(3);
  EXPECT_EQ(after->documents(), 2);
}

// A writer that fails mid-batch rolls the batch back: nothing half-written
// is committed later by Commit() or the destructor.
TEST_F(ClaimStoreTest, FailedPutRollsTheBatchBack) {
  { ASSERT_NE(OpenStore(), nullptr); }  // create the schema
  // Sabotage: inserting claim "bad:1" fails, after its document row is in.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER sabotage BEFORE INSERT ON claims "
                         "WHEN NEW.id = 'bad:1' BEGIN SELECT RAISE(ABORT, "
                         "'sabotage'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ClaimStoreOptions big_batch;
  big_batch.batch_documents = 1000;
  auto store = OpenStore(big_batch);
  ASSERT_NE(store, nullptr);
  DocBuilder good("good", "2024-01-01");
  good.Claim("person:a", "A", "A", "fine words");
  ASSERT_TRUE(store->Put(good.get()).ok());
  // Bad input is refused without touching the batch.
  v1::Extraction no_id;
  EXPECT_EQ(store->Put(no_id).status().code(),
            absl::StatusCode::kInvalidArgument);
  DocBuilder bad("bad", "2024-01-02");
  bad.Claim("person:b", "B", "B", "other words");
  auto put = store->Put(bad.get());
  ASSERT_FALSE(put.ok());
  EXPECT_THAT(put.status().message(), HasSubstr("sabotage"));
  ASSERT_TRUE(store->Commit().ok());
  auto stats = store->Stats(1);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents(), 0) << "a failed batch was committed";
  EXPECT_EQ(stats->claims(), 0);
  // The next run stores the good document again.
  ASSERT_TRUE(store->Put(good.get()).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(store->Stats(1)->documents(), 1);
}

TEST(StoreUtil, NormNameAndEntityIds) {
  struct Row {
    const char* name;
    const char* norm;
    const char* id;
  };
  const Row rows[] = {
      {"President Vladimir Putin's", " president vladimir putin s ",
       "person:president-vladimir-putin-s"},
      {"  ", "", "person:unnamed"},
      {"S\xc3\xa9"
       "bastien",
       " s\xc3\xa9"
       "bastien ",
       "person:s\xc3\xa9"
       "bastien"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(internal::NormName(row.name), row.norm);
    EXPECT_EQ(internal::EntityIdFor(v1::ENTITY_TYPE_PERSON, row.name), row.id);
  }
  EXPECT_NE(internal::TextHash("a"), internal::TextHash("b"));
  EXPECT_EQ(internal::TextHash(""),
            static_cast<int64_t>(1469598103934665603ull));
}

TEST(StoreUtil, ParseQueryDate) {
  EXPECT_TRUE(ParseQueryDate("2024-04-03").ok());
  EXPECT_TRUE(ParseQueryDate("2024-04-03T10:00:00Z").ok());
  auto bad = ParseQueryDate("April 3");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("April 3"));
}

}  // namespace
}  // namespace whosaid
