// Copyright whosaid authors.
//
// ClaimStore keeps what the extractor found, in one SQLite file, and answers
// questions about it: who said what, on which topic, matching which words.
//
//   whosaid::ClaimStoreOptions options;
//   auto store = whosaid::ClaimStore::Open("whosaid.db", options);
//   if (!store.ok()) return store.status();
//   auto state = (*store)->Check(doc);           // new, unchanged, changed?
//   if (*state == whosaid::DocumentState::kNew) {
//     whosaid::v1::Extraction x;
//     extractor->Extract(doc, &x);
//     (*store)->Put(x);                          // batched in a transaction
//   }
//   (*store)->Commit();
//   whosaid::ClaimQuery q;
//   q.speaker = "Macron";
//   auto claims = (*store)->FindClaims(q);       // newest first
//
// The file
//   Records stay protobuf: every document, claim, entity and review is stored
//   as its serialized whosaid.v1 message, beside the columns queries need
//   (speaker entity, topics, date, outlet, kind, stance) and an FTS5 index
//   over claim content and speaker names. The store is opened in WAL mode, so
//   queries run while an ingest writes. A table `schema_version` records the
//   schema; Open() migrates an older store forward from version 1, in one
//   transaction, and refuses a newer one (kFailedPrecondition).
//
// Documents
//   A document is identified by its id; its text by a 64-bit hash confirmed
//   byte for byte. Put() of a document whose id is stored with the same text
//   is a no-op (kUnchanged); with a different text it replaces the document
//   and all its claims (kReplaced); a new id whose text is already stored
//   under another id is skipped (kDuplicate). Use Check() first to avoid
//   running the extractor on documents the store has.
//
// Transactions and crashes
//   Put() writes inside a batch transaction, committed every
//   `batch_documents` documents, by Commit(), and by the destructor. A crash
//   or kill at any moment loses at most the open batch: every committed
//   document is whole (its text, claims, entities and topics), and the next
//   ingest carries on, skipping what is stored. A writer that fails (Put,
//   ReplaceClaims, Import) rolls the open batch back, for the same reason.
//
// Speakers across documents
//   Entity ids come from the extractor: type and canonical name
//   ("person:vladimir-putin"), so the same canonical name and type in two
//   documents is one entity, and two people who share only a surname ("Putin"
//   alone becomes "person:putin") stay two. Every alias is kept with the
//   number of documents it was seen in, and every role with the dates it was
//   seen (the document's publication date, else the ingest time). Users fix
//   mistakes with Merge() (B becomes an alias of A: B's claims count as A's)
//   and Split() (undo a merge, or move the claims made under one alias to a
//   new entity). Both are remembered: re-ingesting and Reindex keep them.
//
// Errors (every message starts with the store path)
//   kDataLoss          the file is not an SQLite database, is damaged, or is
//                      an SQLite database that is not a whosaid store (it is
//                      never modified then)
//   kUnavailable       another process holds the lock longer than
//                      busy_timeout_ms
//   kPermissionDenied  the file or its directory cannot be read or written
//   kNotFound          the store does not exist and create_if_missing is
//                      false; a claim or entity id that is not stored
//   kInvalidArgument   a malformed query (bad date, empty name)
//
// Thread-safety: a ClaimStore is used by one thread at a time. Several
// processes may open the same file: one writes, the others read.
#ifndef WHOSAID_CLAIM_STORE_H_
#define WHOSAID_CLAIM_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "whosaid/v1/claim.pb.h"
#include "whosaid/v1/store.pb.h"

namespace whosaid {

namespace internal {
class Db;
class Stmt;
}  // namespace internal

// The schema version this library writes.
extern const int kStoreSchemaVersion;

struct ClaimStoreOptions {
  // Create the file (and its schema) if it does not exist. Default true;
  // query tools pass false so a typo does not leave an empty store behind.
  bool create_if_missing = true;
  // How long to wait for another process's lock before kUnavailable.
  // Default 5000 ms.
  int busy_timeout_ms = 5000;
  // Put() commits after this many documents. Default 500: larger batches
  // rewrite fewer index pages; a crash loses at most one batch.
  int batch_documents = 500;
  // TEST ONLY: stop migrating at this schema version (0: the latest).
  int TEST_max_schema_version = 0;
};

// What the store holds for a document about to be put.
enum class DocumentState {
  kNew,        // neither the id nor the text is stored
  kUnchanged,  // the id is stored with the same text
  kChanged,    // the id is stored with another text: Put() replaces it
  kDuplicate,  // the text is stored under another id: Put() skips it
};

// What Put() did.
enum class PutResult { kAdded, kReplaced, kUnchanged, kDuplicate };

// Filters of FindClaims() and Export. Empty/unset fields do not filter.
struct ClaimQuery {
  // Speaker name, alias-aware and case-insensitive: every word of `speaker`
  // must be a word of the entity's canonical name ("Macron", "emmanuel
  // macron"); if no canonical name matches, of one of its aliases ("the
  // French minister"). Entities merged into a match count as the match.
  std::string speaker;
  // Exact entity id (after merges: the claims of merged entities too).
  std::string speaker_id;
  // Published in [since, until). Claims whose document has no date never
  // match a date filter.
  std::optional<absl::Time> since;
  std::optional<absl::Time> until;
  v1::Stance stance = v1::STANCE_UNSPECIFIED;
  v1::ClaimKind kind = v1::CLAIM_KIND_UNSPECIFIED;
  // Topic name, case-insensitive.
  std::string topic;
  // Full text over claim content and speaker names. Each word must occur
  // (words are quoted, so FTS5 syntax characters are plain text); results
  // are ranked by BM25 instead of date.
  std::string text;
  // Only claims whose confidence (Claim::confidence) is at least this.
  float min_confidence = 0;
  // Only claims that carry a review.
  bool reviewed_only = false;
  // 0: no limit.
  int64_t limit = 0;
  // Order by ingest order (document, then position) instead of newest
  // first. Export uses it so that export -> import -> export is identical.
  bool ingest_order = false;
};

// A claim as queries return it: the stored claim, with
//   - speaker.entity_id and speaker.canonical_name set to the resolved
//     entity (after the user's merges and splits), the mention text as
//     written;
//   - reviews: every review recorded for it, in the order recorded;
// and the document's outlet and URL.
struct StoredClaim {
  v1::Claim claim;
  std::string outlet;
  std::string url;
  std::string speaker_type;  // "person", "organisation", ...; "" if none
};

// Parses "YYYY-MM-DD" (UTC midnight) or RFC 3339. kInvalidArgument naming
// `value` otherwise.
absl::StatusOr<absl::Time> ParseQueryDate(absl::string_view value);

// "person", "organisation", "government", "group", "document", "unknown";
// EntityTypeFromName() is the inverse (kInvalidArgument for other names).
std::string EntityTypeName(v1::EntityType type);
absl::StatusOr<v1::EntityType> EntityTypeFromName(absl::string_view name);

class ClaimStore {
 public:
  // Opens (creating if allowed) the store at `path`, in WAL mode, and
  // migrates it to kStoreSchemaVersion. See the error list above.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> Open(
      const std::string& path, const ClaimStoreOptions& options);

  // Commits the open batch (errors are lost: call Commit() to see them).
  ~ClaimStore();
  ClaimStore(const ClaimStore&) = delete;
  ClaimStore& operator=(const ClaimStore&) = delete;

  // ---- Writing ----

  // Whether `doc` (its id and text) is stored.
  absl::StatusOr<DocumentState> Check(const v1::Document& doc);

  // Stores the document (with its text), its claims and entities, in the
  // open batch. Claims are stored as given (topics included); any reviews
  // they carry are recorded as with AddReview(). REQUIRES:
  // extraction.document().id() is not empty.
  absl::StatusOr<PutResult> Put(const v1::Extraction& extraction);

  // Replaces the claims and entities of a stored document with those of
  // `extraction` (for Reindex); the document record is kept. kNotFound if
  // the document is not stored.
  absl::Status ReplaceClaims(const v1::Extraction& extraction);

  // Commits the open batch, if any.
  absl::Status Commit();

  // Calls `fn` for every stored document (with its text) in ingest order,
  // until it returns an error, which is returned. Commit()s first.
  absl::Status ForEachDocument(
      const std::function<absl::Status(const v1::Document&)>& fn);

  // Records a fact-check verdict on a stored claim. kNotFound if no claim
  // has `claim_id`. Reviews are kept by claim id: they survive re-ingest and
  // Reindex as long as the extractor gives the claim the same id.
  absl::Status AddReview(absl::string_view claim_id, const v1::Review& review);

  // Stores one exported claim (whosaid export --format=pb). Its document is
  // created as a record without text if not stored; its speaker entity from
  // the mention if not stored; a stored claim with the same id is replaced.
  // Reviews it carries are recorded (identical ones once).
  absl::Status Import(const v1::Claim& claim);

  // ---- Speakers ----

  // Makes `from` an alias of `into`: queries count `from`'s claims (and
  // those of entities merged into it) as `into`'s. kNotFound for an unknown
  // id; kInvalidArgument if they resolve to the same entity.
  absl::Status Merge(absl::string_view into, absl::string_view from);

  // With `alias` empty: undoes the merge of `id` (kFailedPrecondition if it
  // is not merged). Otherwise: the claims of `id` whose speaker mention is
  // `alias` (case-insensitive), and the alias itself, move to a new entity
  // named `alias`; its id is returned. kNotFound if `id` has no such alias.
  absl::StatusOr<std::string> Split(absl::string_view id,
                                    absl::string_view alias);

  // Entities that are not merged into another, with claim counts, most
  // claims first. `type` ENTITY_TYPE_UNSPECIFIED: all types. top 0: all.
  absl::StatusOr<std::vector<v1::SpeakerSummary>> Speakers(v1::EntityType type,
                                                           int64_t top);

  // One entity with aliases and roles (kNotFound if unknown).
  absl::StatusOr<v1::SpeakerSummary> GetSpeaker(absl::string_view id);

  // ---- Queries ----

  absl::StatusOr<std::vector<StoredClaim>> FindClaims(const ClaimQuery& query);

  // Claims on `query.topic`, grouped by resolved speaker (most claims
  // first; claims without a speaker last, under an empty entity).
  absl::StatusOr<std::vector<v1::TopicGroup>> ByTopic(const ClaimQuery& query);

  // One claim in its context. kNotFound if unknown.
  absl::StatusOr<v1::ClaimContext> Show(absl::string_view claim_id);

  // Counts; `top` rows for the top speakers and topics.
  absl::StatusOr<v1::StoreStats> Stats(int top);

  // PRAGMA quick_check: kDataLoss with SQLite's report unless "ok".
  absl::Status CheckIntegrity();

  const std::string& path() const { return path_; }
  int schema_version() const { return schema_version_; }

 private:
  ClaimStore(std::string path, std::unique_ptr<internal::Db> db,
             const ClaimStoreOptions& options);
  absl::Status Begin();
  // Rolls back the open batch.
  void Abort();
  absl::StatusOr<PutResult> PutInBatch(const v1::Extraction& x);
  absl::Status ReplaceInBatch(const v1::Extraction& x);
  absl::Status ImportInBatch(const v1::Claim& claim);
  absl::Status Migrate();
  // Calls fn(rowid, claim) for each stored claim, in rowid order (the
  // migrations that fill new columns or indexes from the protos); stops at
  // fn's first error, or kDataLoss naming a claim row that does not parse.
  absl::Status ForEachStoredClaim(
      absl::FunctionRef<absl::Status(int64_t rowid, const v1::Claim& claim)> fn);
  absl::StatusOr<int64_t> DocumentRowid(absl::string_view id);
  absl::Status DeleteDocumentClaims(int64_t doc_rowid);
  absl::Status InsertExtraction(int64_t doc_rowid, const v1::Extraction& x,
                                int64_t seen);
  absl::Status InsertClaim(int64_t doc_rowid, const v1::Claim& claim,
                           const std::string& outlet,
                           std::optional<int64_t> published);
  absl::Status UpsertEntity(const v1::Entity& entity);
  absl::Status AddReviewRow(absl::string_view claim_id,
                            const v1::Review& review);
  absl::StatusOr<std::string> ResolveSplit(absl::string_view entity_id,
                                           absl::string_view mention);
  absl::StatusOr<std::string> Root(absl::string_view id);
  absl::Status FillReviews(v1::Claim* claim);
  absl::Status SelectSpeakers(const ClaimQuery& query);
  absl::StatusOr<v1::SpeakerSummary> Summary(absl::string_view root,
                                             int64_t claims);
  // A cached prepared statement for `sql`, reset and ready to bind.
  absl::StatusOr<internal::Stmt*> Sql(const std::string& sql);
  // The same for a string literal: looked up by address first, so the hot
  // ingest statements do not build a std::string key on every call.
  absl::StatusOr<internal::Stmt*> Sql(const char* sql);
  // Forgets what the write caches below know: at the end of every
  // transaction (committed or rolled back) and whenever entity_splits
  // changes.
  void ClearWriteCaches();
  // internal::TextHash(text), remembered for the last text.
  int64_t HashOfText(absl::string_view text);

  std::string path_;
  std::unique_ptr<internal::Db> db_;
  ClaimStoreOptions options_;
  int schema_version_ = 0;
  bool in_batch_ = false;
  int batch_count_ = 0;
  // Declared after db_: destroyed (finalized) before it.
  std::map<std::string, std::unique_ptr<internal::Stmt>> stmts_;
  absl::flat_hash_map<const char*, internal::Stmt*> stmts_by_address_;
  // Valid within the open write transaction only (BEGIN IMMEDIATE: no other
  // writer can change them meanwhile); ClearWriteCaches() empties them.
  // Entity ids this transaction has inserted or found stored, each with a
  // lower bound on the length of its stored proto: the speaker's INSERT OR
  // IGNORE into entities, and UpsertEntity() of a proto no longer than the
  // bound, would change nothing and are skipped.
  absl::flat_hash_map<std::string, size_t> entity_proto_len_;
  // ResolveSplit() answers, keyed by entity id + '\0' + alias_norm.
  absl::flat_hash_map<std::string, std::string> split_answers_;
  // -1 unknown, 0 entity_splits is empty (every ResolveSplit() is the
  // identity), 1 it has rows.
  int splits_nonempty_ = -1;
  // Reused by InsertExtraction() for claims it must amend, so their
  // strings keep their capacity from claim to claim.
  v1::Claim scratch_claim_;
  v1::Entity scratch_entity_;  // UpsertEntity()'s row proto
  // HashOfText()'s memo: the last text hashed and its hash.
  bool has_hashed_text_ = false;
  std::string hashed_text_;
  int64_t text_hash_ = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_CLAIM_STORE_H_
