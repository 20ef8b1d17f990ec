#include "whosaid/claim_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "internal/store_sqlite.h"
#include "internal/store_util.h"

namespace whosaid {

using internal::Stmt;

const int kStoreSchemaVersion = 3;

namespace {

// Version 1: documents, claims, entities, topics, reviews. (No WITHOUT ROWID
// tables: SQLite 3.40's quick_check misreports NULLs in them.)
const char kSchemaV1[] = R"sql(
CREATE TABLE schema_version(version INTEGER NOT NULL, applied_at INTEGER NOT NULL);
CREATE TABLE documents(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  text_hash INTEGER NOT NULL,
  outlet TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  published INTEGER,
  ingested_at INTEGER NOT NULL,
  proto BLOB NOT NULL);
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE TABLE entities(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type INTEGER NOT NULL,
  canonical_name TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  merged_into TEXT,
  user_created INTEGER NOT NULL DEFAULT 0,
  proto BLOB NOT NULL);
CREATE INDEX entities_merged_into ON entities(merged_into);
CREATE TABLE entity_aliases(
  entity_id TEXT NOT NULL,
  alias TEXT NOT NULL,
  alias_norm TEXT NOT NULL,
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid),
  UNIQUE(entity_id, alias, document_rowid));
CREATE INDEX entity_aliases_document ON entity_aliases(document_rowid);
CREATE TABLE entity_roles(
  entity_id TEXT NOT NULL,
  title TEXT NOT NULL,
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid),
  seen INTEGER NOT NULL,
  UNIQUE(entity_id, title, document_rowid));
CREATE INDEX entity_roles_document ON entity_roles(document_rowid);
CREATE TABLE entity_splits(
  from_id TEXT NOT NULL,
  alias_norm TEXT NOT NULL,
  to_id TEXT NOT NULL,
  UNIQUE(from_id, alias_norm));
CREATE TABLE claims(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid),
  speaker_id TEXT NOT NULL DEFAULT '',
  speaker_norm TEXT NOT NULL DEFAULT '',
  kind INTEGER NOT NULL,
  stance INTEGER NOT NULL,
  published INTEGER,
  outlet TEXT NOT NULL DEFAULT '',
  proto BLOB NOT NULL);
CREATE INDEX claims_document ON claims(document_rowid);
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE INDEX claims_published ON claims(published);
CREATE TABLE claim_topics(
  topic TEXT NOT NULL COLLATE NOCASE,
  claim_rowid INTEGER NOT NULL REFERENCES claims(rowid),
  UNIQUE(topic, claim_rowid));
CREATE INDEX claim_topics_claim ON claim_topics(claim_rowid);
CREATE TABLE reviews(
  rowid INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL,
  proto BLOB NOT NULL);
CREATE INDEX reviews_claim ON reviews(claim_id);
)sql";

// Version 2: full-text index over claim content and speaker names.
const char kSchemaV2[] = R"sql(
CREATE VIRTUAL TABLE claims_fts USING fts5(
  content, speaker, tokenize = 'unicode61 remove_diacritics 2');
)sql";

// Version 3: each claim's confidence, for ClaimQuery::min_confidence (the
// claims stored before are filled in from their protos).
const char kSchemaV3[] = R"sql(
ALTER TABLE claims ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
)sql";

int64_t Now() { return absl::ToUnixSeconds(absl::Now()); }

std::optional<int64_t> Seconds(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return std::nullopt;
  return t.seconds();
}

void SetSeconds(int64_t s, google::protobuf::Timestamp* t) {
  t->set_seconds(s);
  t->set_nanos(0);
}

std::string FtsSpeaker(const v1::Claim& c) {
  return absl::StrCat(c.speaker().text(), " ", c.speaker().canonical_name());
}

// "troops  Ukraine" -> "\"troops\" \"Ukraine\"": each word a phrase, so FTS5
// syntax in user input is plain text.
std::string FtsQuery(absl::string_view text) {
  std::vector<std::string> words;
  for (absl::string_view w :
       absl::StrSplit(text, absl::ByAnyChar(" \t\n\r"), absl::SkipEmpty())) {
    words.push_back(
        absl::StrCat("\"", absl::StrReplaceAll(w, {{"\"", "\"\""}}), "\""));
  }
  return absl::StrJoin(words, " ");
}

using Bindable = std::variant<int64_t, std::string, double>;

void BindAll(Stmt* stmt, const std::vector<Bindable>& binds) {
  for (size_t i = 0; i < binds.size(); ++i) {
    if (const int64_t* v = std::get_if<int64_t>(&binds[i])) {
      stmt->Bind(static_cast<int>(i + 1), *v);
    } else if (const double* d = std::get_if<double>(&binds[i])) {
      stmt->BindDouble(static_cast<int>(i + 1), *d);
    } else {
      stmt->Bind(static_cast<int>(i + 1), std::get<std::string>(binds[i]));
    }
  }
}

}  // namespace

absl::StatusOr<absl::Time> ParseQueryDate(absl::string_view value) {
  absl::Time t;
  std::string err;
  std::string v(value);
  if (absl::ParseTime("%Y-%m-%d", v, absl::UTCTimeZone(), &t, &err) ||
      absl::ParseTime(absl::RFC3339_full, v, absl::UTCTimeZone(), &t, &err)) {
    return t;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "bad date \"", value, "\": expected YYYY-MM-DD or RFC 3339"));
}

std::string EntityTypeName(v1::EntityType type) {
  switch (type) {
    case v1::ENTITY_TYPE_PERSON:
      return "person";
    case v1::ENTITY_TYPE_ORGANISATION:
      return "organisation";
    case v1::ENTITY_TYPE_GOVERNMENT:
      return "government";
    case v1::ENTITY_TYPE_GROUP:
      return "group";
    case v1::ENTITY_TYPE_DOCUMENT:
      return "document";
    case v1::ENTITY_TYPE_UNKNOWN:
      return "unknown";
    default:
      return "";
  }
}

absl::StatusOr<v1::EntityType> EntityTypeFromName(absl::string_view name) {
  std::string n = absl::AsciiStrToLower(name);
  if (n == "organization") n = "organisation";
  for (int t = v1::ENTITY_TYPE_PERSON; t <= v1::ENTITY_TYPE_UNKNOWN; ++t) {
    if (EntityTypeName(static_cast<v1::EntityType>(t)) == n) {
      return static_cast<v1::EntityType>(t);
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown entity type \"", name,
      "\" (person, organisation, government, group, document, unknown)"));
}

ClaimStore::ClaimStore(std::string path, std::unique_ptr<internal::Db> db,
                       const ClaimStoreOptions& options)
    : path_(std::move(path)), db_(std::move(db)), options_(options) {}

ClaimStore::~ClaimStore() {
  if (in_batch_) (void)Commit();
}

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::Open(
    const std::string& path, const ClaimStoreOptions& options) {
  struct stat st;
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (!exists && !options.create_if_missing) {
    return absl::NotFoundError(absl::StrCat(
        path, ": no such store (run 'whosaid ingest' first, or pass --store)"));
  }
  if (exists && S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": is a directory, not a store file"));
  }
  auto db = internal::Db::Open(path, options.create_if_missing, false,
                               options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  auto store = std::unique_ptr<ClaimStore>(
      new ClaimStore(path, std::move(*db), options));
  absl::Status s = store->Migrate();
  if (!s.ok()) return s;
  return store;
}

absl::StatusOr<Stmt*> ClaimStore::Sql(const std::string& sql) {
  auto it = stmts_.find(sql);
  if (it == stmts_.end()) {
    auto stmt = db_->Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    it = stmts_.emplace(sql, std::move(*stmt)).first;
  }
  it->second->Reset();
  return it->second.get();
}

absl::StatusOr<Stmt*> ClaimStore::Sql(const char* sql) {
  auto it = stmts_by_address_.find(sql);
  // The text check guards against a caller passing a pointer that is not a
  // literal (and so may later hold other text at the same address).
  if (it != stmts_by_address_.end() && it->second->sql() == sql) {
    it->second->Reset();
    return it->second;
  }
  auto stmt = Sql(std::string(sql));
  if (stmt.ok()) stmts_by_address_[sql] = *stmt;
  return stmt;
}

int64_t ClaimStore::HashOfText(absl::string_view text) {
  // An ingest hashes each text three times (Check() before extracting,
  // then Check() and the row inside Put()); comparing with the last text
  // hashed is many times cheaper than the byte-serial hash.
  if (!has_hashed_text_ || text != hashed_text_) {
    hashed_text_.assign(text.data(), text.size());
    text_hash_ = internal::TextHash(text);
    has_hashed_text_ = true;
  }
  return text_hash_;
}

void ClaimStore::ClearWriteCaches() {
  entity_proto_len_.clear();
  split_answers_.clear();
  splits_nonempty_ = -1;
}

absl::Status ClaimStore::Migrate() {
  // Read before writing anything: a file that is not ours stays untouched.
  auto tables = db_->Prepare(
      "SELECT count(*), sum(name = 'schema_version') FROM sqlite_master "
      "WHERE type = 'table'");
  if (!tables.ok()) return tables.status();
  auto row = (*tables)->Step();
  if (!row.ok()) return row.status();
  int64_t n_tables = (*tables)->Int(0);
  bool ours = (*tables)->Int(1) > 0;
  tables->reset();
  if (n_tables > 0 && !ours) {
    return absl::DataLossError(absl::StrCat(
        path_,
        ": not a whosaid store (an SQLite database with other tables); "
        "left unchanged"));
  }
  // wal_autocheckpoint: an ingest batch writes more than SQLite's default
  // 1000 pages, so each commit was followed by a checkpoint rewriting the
  // same hot index pages; 10000 pages (40 MB of WAL) checkpoints every few
  // batches. Durability is unchanged: commits still go through the WAL.
  absl::Status s = db_->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
      "PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768; "
      "PRAGMA wal_autocheckpoint=10000;");
  if (!s.ok()) return s;

  auto version = [&]() -> absl::StatusOr<int> {
    if (!ours) return 0;
    auto v =
        db_->Prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!v.ok()) return v.status();
    auto r = (*v)->Step();
    if (!r.ok()) return r.status();
    return static_cast<int>((*v)->Int(0));
  };
  auto current = version();
  if (!current.ok()) return current.status();
  int target = options_.TEST_max_schema_version > 0
                   ? options_.TEST_max_schema_version
                   : kStoreSchemaVersion;
  if (*current > kStoreSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat(path_, ": store schema version ", *current,
                     " is newer than this whosaid understands (",
                     kStoreSchemaVersion, "); upgrade whosaid"));
  }
  schema_version_ = *current;
  if (*current >= target) return absl::OkStatus();

  s = db_->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  auto fail = [&](absl::Status e) {
    (void)db_->Exec("ROLLBACK");
    return e;
  };
  ours = true;
  if (n_tables == 0) {
    // A concurrent opener may have created the schema meanwhile.
    auto again = db_->Prepare(
        "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'");
    if (!again.ok()) return fail(again.status());
    auto r = (*again)->Step();
    if (!r.ok()) return fail(r.status());
    ours = (*again)->Int(0) > 0;
  }
  auto now_version = version();
  if (!now_version.ok()) return fail(now_version.status());
  for (int v = *now_version + 1; v <= target; ++v) {
    if (v == 1) {
      s = db_->Exec(kSchemaV1);
    } else if (v == 2) {
      s = db_->Exec(kSchemaV2);
      // Index the claims stored under version 1.
      if (s.ok()) {
        auto write = db_->Prepare(
            "INSERT INTO claims_fts(rowid, content, speaker) VALUES (?, ?, ?)");
        if (!write.ok()) return fail(write.status());
        s = ForEachStoredClaim([&](int64_t rowid, const v1::Claim& c) {
          return (*write)->Bind(1, rowid).Bind(2, c.content()).Bind(3, FtsSpeaker(c)).Run();
        });
      }
    } else if (v == 3) {
      s = db_->Exec(kSchemaV3);
      // The confidences of the claims stored before, from their protos:
      // read first, then written, so that no row changes under the SELECT.
      std::vector<std::pair<int64_t, float>> confidences;
      if (s.ok()) {
        s = ForEachStoredClaim([&](int64_t rowid, const v1::Claim& c) {
          if (c.confidence() != 0) confidences.emplace_back(rowid, c.confidence());
          return absl::OkStatus();
        });
      }
      if (s.ok()) {
        auto write = db_->Prepare("UPDATE claims SET confidence = ? WHERE rowid = ?");
        if (!write.ok()) return fail(write.status());
        for (const auto& [rowid, confidence] : confidences) {
          s = (*write)->BindDouble(1, confidence).Bind(2, rowid).Run();
          if (!s.ok()) break;
        }
      }
    }
    if (!s.ok()) return fail(s);
    s = db_->Exec(
        absl::StrCat("INSERT INTO schema_version(version, applied_at) VALUES (",
                     v, ", ", Now(), ")"));
    if (!s.ok()) return fail(s);
    schema_version_ = v;
  }
  return db_->Exec("COMMIT");
}

absl::Status ClaimStore::ForEachStoredClaim(
    absl::FunctionRef<absl::Status(int64_t rowid, const v1::Claim& claim)> fn) {
  auto read = db_->Prepare("SELECT rowid, proto FROM claims");
  if (!read.ok()) return read.status();
  while (true) {
    auto r = (*read)->Step();
    if (!r.ok()) return r.status();
    if (!*r) return absl::OkStatus();
    v1::Claim c;
    absl::string_view blob = (*read)->Blob(1);
    if (!c.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
      return absl::DataLossError(
          absl::StrCat(path_, ": claim row ", (*read)->Int(0), " is corrupt"));
    }
    absl::Status s = fn((*read)->Int(0), c);
    if (!s.ok()) return s;
  }
}

absl::Status ClaimStore::Begin() {
  if (in_batch_) return absl::OkStatus();
  absl::Status s = db_->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  in_batch_ = true;
  batch_count_ = 0;
  ClearWriteCaches();
  return absl::OkStatus();
}

absl::Status ClaimStore::Commit() {
  if (!in_batch_) return absl::OkStatus();
  absl::Status s = db_->Exec("COMMIT");
  if (!s.ok()) {
    (void)db_->Exec("ROLLBACK");
  }
  in_batch_ = false;
  batch_count_ = 0;
  ClearWriteCaches();
  return s;
}

absl::StatusOr<DocumentState> ClaimStore::Check(const v1::Document& doc) {
  int64_t hash = HashOfText(doc.text());
  auto by_id = Sql("SELECT text_hash, proto FROM documents WHERE id = ?");
  if (!by_id.ok()) return by_id.status();
  (*by_id)->Bind(1, doc.id());
  auto row = (*by_id)->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    if ((*by_id)->Int(0) != hash) return DocumentState::kChanged;
    v1::Document stored;
    absl::string_view blob = (*by_id)->Blob(1);
    if (!stored.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
      return absl::DataLossError(
          absl::StrCat(path_, ": document \"", doc.id(), "\" is corrupt"));
    }
    return stored.text() == doc.text() ? DocumentState::kUnchanged
                                       : DocumentState::kChanged;
  }
  if (doc.text().empty()) return DocumentState::kNew;
  auto by_text = Sql("SELECT proto FROM documents WHERE text_hash = ?");
  if (!by_text.ok()) return by_text.status();
  (*by_text)->Bind(1, hash);
  while (true) {
    auto r = (*by_text)->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    v1::Document stored;
    absl::string_view blob = (*by_text)->Blob(0);
    if (stored.ParseFromArray(blob.data(), static_cast<int>(blob.size())) &&
        stored.text() == doc.text()) {
      return DocumentState::kDuplicate;
    }
  }
  return DocumentState::kNew;
}

absl::StatusOr<int64_t> ClaimStore::DocumentRowid(absl::string_view id) {
  auto q = Sql("SELECT rowid FROM documents WHERE id = ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, id);
  auto r = (*q)->Step();
  if (!r.ok()) return r.status();
  if (!*r) {
    return absl::NotFoundError(
        absl::StrCat(path_, ": no document \"", id, "\""));
  }
  return (*q)->Int(0);
}

// The writers below roll the open batch back on any error, so that no
// half-written document is ever committed (by a later Commit() or the
// destructor); the batch's earlier documents are lost with it and the next
// ingest stores them again.
void ClaimStore::Abort() {
  if (in_batch_) (void)db_->Exec("ROLLBACK");
  in_batch_ = false;
  batch_count_ = 0;
  ClearWriteCaches();
}

absl::StatusOr<PutResult> ClaimStore::Put(const v1::Extraction& x) {
  if (x.document().id().empty()) {  // bad input: the batch stays
    return absl::InvalidArgumentError("document without an id");
  }
  auto r = PutInBatch(x);
  if (!r.ok()) Abort();
  return r;
}

absl::Status ClaimStore::ReplaceClaims(const v1::Extraction& x) {
  absl::Status s = ReplaceInBatch(x);
  if (!s.ok()) Abort();
  return s;
}

absl::Status ClaimStore::Import(const v1::Claim& claim) {
  if (claim.id().empty() || claim.document_id().empty()) {
    return absl::InvalidArgumentError("claim without an id or document_id");
  }
  absl::Status s = ImportInBatch(claim);
  if (!s.ok()) Abort();
  return s;
}

absl::StatusOr<PutResult> ClaimStore::PutInBatch(const v1::Extraction& x) {
  const v1::Document& doc = x.document();
  absl::Status s = Begin();
  if (!s.ok()) return s;
  auto state = Check(doc);
  if (!state.ok()) return state.status();
  if (*state == DocumentState::kUnchanged) return PutResult::kUnchanged;
  if (*state == DocumentState::kDuplicate) return PutResult::kDuplicate;
  int64_t hash = HashOfText(doc.text());
  std::optional<int64_t> published = Seconds(doc.published());
  std::string proto = doc.SerializeAsString();
  int64_t rowid = 0;
  if (*state == DocumentState::kChanged) {
    auto r = DocumentRowid(doc.id());
    if (!r.ok()) return r.status();
    rowid = *r;
    s = DeleteDocumentClaims(rowid);
    if (!s.ok()) return s;
    auto u =
        Sql("UPDATE documents SET text_hash = ?, outlet = ?, published = ?, "
            "ingested_at = ?, proto = ?, url = ? WHERE rowid = ?");
    if (!u.ok()) return u.status();
    (*u)->Bind(1, hash).Bind(2, doc.outlet());
    if (published) (*u)->Bind(3, *published);
    (*u)->Bind(4, Now()).BindBlob(5, proto).Bind(6, doc.url()).Bind(7, rowid);
    s = (*u)->Run();
  } else {
    auto ins =
        Sql("INSERT INTO documents(id, text_hash, outlet, published, "
            "ingested_at, proto, url) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!ins.ok()) return ins.status();
    (*ins)->Bind(1, doc.id()).Bind(2, hash).Bind(3, doc.outlet());
    if (published) (*ins)->Bind(4, *published);
    (*ins)->Bind(5, Now()).BindBlob(6, proto).Bind(7, doc.url());
    s = (*ins)->Run();
    rowid = db_->last_insert_rowid();
  }
  if (!s.ok()) return s;
  s = InsertExtraction(rowid, x, published.value_or(Now()));
  if (!s.ok()) return s;
  if (++batch_count_ >= options_.batch_documents) {
    s = Commit();
    if (!s.ok()) return s;
  }
  return *state == DocumentState::kChanged ? PutResult::kReplaced
                                           : PutResult::kAdded;
}

absl::Status ClaimStore::ReplaceInBatch(const v1::Extraction& x) {
  absl::Status s = Begin();
  if (!s.ok()) return s;
  auto rowid = DocumentRowid(x.document().id());
  if (!rowid.ok()) return rowid.status();
  s = DeleteDocumentClaims(*rowid);
  if (!s.ok()) return s;
  auto pub = Sql("SELECT published FROM documents WHERE rowid = ?");
  if (!pub.ok()) return pub.status();
  (*pub)->Bind(1, *rowid);
  auto r = (*pub)->Step();
  if (!r.ok()) return r.status();
  int64_t seen = (*pub)->IsNull(0) ? Now() : (*pub)->Int(0);
  s = InsertExtraction(*rowid, x, seen);
  if (!s.ok()) return s;
  if (++batch_count_ >= options_.batch_documents) return Commit();
  return absl::OkStatus();
}

absl::Status ClaimStore::DeleteDocumentClaims(int64_t doc_rowid) {
  for (const char* sql :
       {"DELETE FROM claims_fts WHERE rowid IN "
        "(SELECT rowid FROM claims WHERE document_rowid = ?)",
        "DELETE FROM claim_topics WHERE claim_rowid IN "
        "(SELECT rowid FROM claims WHERE document_rowid = ?)",
        "DELETE FROM claims WHERE document_rowid = ?",
        "DELETE FROM entity_aliases WHERE document_rowid = ?",
        "DELETE FROM entity_roles WHERE document_rowid = ?"}) {
    auto q = Sql(sql);
    if (!q.ok()) return q.status();
    absl::Status s = (*q)->Bind(1, doc_rowid).Run();
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ClaimStore::ResolveSplit(
    absl::string_view entity_id, absl::string_view mention) {
  // Called for every claim and alias of an ingest, while entity_splits is
  // usually empty and otherwise small and unchanged for the whole
  // transaction: remember whether it has rows, and each answer.
  if (in_batch_) {
    if (splits_nonempty_ < 0) {
      auto any = Sql("SELECT EXISTS (SELECT 1 FROM entity_splits)");
      if (!any.ok()) return any.status();
      auto r = (*any)->Step();
      if (!r.ok()) return r.status();
      splits_nonempty_ = (*any)->Int(0) != 0 ? 1 : 0;
      (*any)->Reset();
    }
    if (splits_nonempty_ == 0) return std::string(entity_id);
  }
  std::string norm = internal::NormName(mention);
  std::string key;
  if (in_batch_) {
    key = absl::StrCat(entity_id, absl::string_view("\0", 1), norm);
    auto it = split_answers_.find(key);
    if (it != split_answers_.end()) return it->second;
  }
  auto q = Sql(
      "SELECT to_id FROM entity_splits WHERE from_id = ? AND alias_norm = ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, entity_id).Bind(2, norm);
  auto r = (*q)->Step();
  if (!r.ok()) return r.status();
  std::string answer = *r ? std::string((*q)->Text(0)) : std::string(entity_id);
  (*q)->Reset();
  if (in_batch_) split_answers_.emplace(std::move(key), answer);
  return answer;
}

absl::Status ClaimStore::UpsertEntity(const v1::Entity& entity) {
  // The entity without aliases and roles (stored in their own tables),
  // built without copying them: every other field of Entity, one by one
  // (claim_store_test's UpsertCopiesEveryFieldButAliasesAndRoles fails
  // when Entity gains a field this does not copy).
  v1::Entity& bare = scratch_entity_;
  bare.Clear();
  if (entity.GetReflection()->GetUnknownFields(entity).empty()) {
    bare.set_id(entity.id());
    bare.set_canonical_name(entity.canonical_name());
    bare.set_type(entity.type());
    bare.set_affiliation(entity.affiliation());
  } else {
    bare.CopyFrom(entity);
    bare.clear_aliases();
    bare.clear_roles();
  }
  std::string proto = bare.SerializeAsString();
  // The upsert below changes nothing when the row exists with a proto at
  // least as long: skip it when this transaction already knows so.
  auto known = entity_proto_len_.find(entity.id());
  if (known != entity_proto_len_.end() && proto.size() <= known->second) {
    return absl::OkStatus();
  }
  auto q = Sql(
      "INSERT INTO entities(id, type, canonical_name, name_norm, proto) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET proto = "
      "excluded.proto WHERE length(excluded.proto) > length(entities.proto)");
  if (!q.ok()) return q.status();
  absl::Status s = (*q)
      ->Bind(1, entity.id())
      .Bind(2, static_cast<int64_t>(entity.type()))
      .Bind(3, entity.canonical_name())
      .Bind(4, internal::NormName(entity.canonical_name()))
      .BindBlob(5, proto)
      .Run();
  // Stored now, with a proto of at least this length.
  if (s.ok() && in_batch_) entity_proto_len_[entity.id()] = proto.size();
  return s;
}

absl::Status ClaimStore::InsertExtraction(int64_t doc_rowid,
                                          const v1::Extraction& x,
                                          int64_t seen) {
  for (const v1::Entity& e : x.entities()) {
    if (e.id().empty()) continue;
    absl::Status s = UpsertEntity(e);
    if (!s.ok()) return s;
    std::vector<std::string> aliases(e.aliases().begin(), e.aliases().end());
    aliases.push_back(e.canonical_name());
    for (const std::string& alias : aliases) {
      if (alias.empty()) continue;
      auto owner = ResolveSplit(e.id(), alias);
      if (!owner.ok()) return owner.status();
      auto q = Sql(
          "INSERT OR IGNORE INTO entity_aliases(entity_id, alias, alias_norm, "
          "document_rowid) VALUES (?, ?, ?, ?)");
      if (!q.ok()) return q.status();
      s = (*q)->Bind(1, *owner)
              .Bind(2, alias)
              .Bind(3, internal::NormName(alias))
              .Bind(4, doc_rowid)
              .Run();
      if (!s.ok()) return s;
    }
    for (const v1::Role& role : e.roles()) {
      if (role.title().empty()) continue;
      auto q =
          Sql("INSERT OR IGNORE INTO entity_roles(entity_id, title, "
              "document_rowid, seen) VALUES (?, ?, ?, ?)");
      if (!q.ok()) return q.status();
      s = (*q)->Bind(1, e.id())
              .Bind(2, role.title())
              .Bind(3, doc_rowid)
              .Bind(4, Seconds(role.seen()).value_or(seen))
              .Run();
      if (!s.ok()) return s;
    }
  }
  for (const v1::Claim& c : x.claims()) {
    // Copy only a claim that needs the document's date.
    const v1::Claim* claim = &c;
    if (!c.has_published() && x.document().has_published()) {
      scratch_claim_.CopyFrom(c);
      *scratch_claim_.mutable_published() = x.document().published();
      claim = &scratch_claim_;
    }
    absl::Status s = InsertClaim(doc_rowid, *claim, x.document().outlet(),
                                 Seconds(claim->published()));
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ClaimStore::InsertClaim(int64_t doc_rowid, const v1::Claim& in,
                                     const std::string& outlet,
                                     std::optional<int64_t> published) {
  // Reviews are stored apart (reviews table), so the claim row's proto is
  // the claim without them; copy only a claim that has some.
  std::optional<v1::Claim> without_reviews;
  if (in.reviews_size() > 0) {
    without_reviews.emplace(in);
    without_reviews->clear_reviews();
  }
  const v1::Claim& claim = without_reviews ? *without_reviews : in;
  std::string speaker_id;
  const v1::Mention& sp = claim.speaker();
  if (!sp.entity_id().empty() || !sp.text().empty()) {
    speaker_id = sp.entity_id();
    if (speaker_id.empty()) {
      speaker_id = internal::EntityIdFor(
          sp.entity_type(),
          sp.canonical_name().empty() ? sp.text() : sp.canonical_name());
    }
    // The speaker's entity, from the mention, if the extraction lacks it.
    // Entities are never deleted, so once this transaction has inserted or
    // upserted the id, the INSERT OR IGNORE would do nothing.
    if (!entity_proto_len_.contains(speaker_id)) {
      v1::Entity e;
      e.set_id(speaker_id);
      e.set_canonical_name(sp.canonical_name().empty() ? sp.text()
                                                       : sp.canonical_name());
      e.set_type(sp.entity_type());
      auto q = Sql(
          "INSERT OR IGNORE INTO entities(id, type, canonical_name, "
          "name_norm, proto) VALUES (?, ?, ?, ?, ?)");
      if (!q.ok()) return q.status();
      absl::Status s = (*q)->Bind(1, e.id())
                           .Bind(2, static_cast<int64_t>(e.type()))
                           .Bind(3, e.canonical_name())
                           .Bind(4, internal::NormName(e.canonical_name()))
                           .BindBlob(5, e.SerializeAsString())
                           .Run();
      if (!s.ok()) return s;
      // Stored now (this row or an older one): length bound 0.
      if (in_batch_) entity_proto_len_.emplace(speaker_id, 0);
    }
    auto owner = ResolveSplit(speaker_id, sp.text());
    if (!owner.ok()) return owner.status();
    speaker_id = *owner;
  }
  auto ins = Sql(
      "INSERT INTO claims(id, document_rowid, speaker_id, speaker_norm, kind, "
      "stance, published, outlet, proto, confidence) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING");
  if (!ins.ok()) return ins.status();
  (*ins)
      ->Bind(1, claim.id())
      .Bind(2, doc_rowid)
      .Bind(3, speaker_id)
      .Bind(4, internal::NormName(sp.text()))
      .Bind(5, static_cast<int64_t>(claim.kind()))
      .Bind(6, static_cast<int64_t>(claim.stance()));
  if (published) (*ins)->Bind(7, *published);
  (*ins)
      ->Bind(8, outlet)
      .BindBlob(9, claim.SerializeAsString())
      .BindDouble(10, claim.confidence());
  absl::Status s = (*ins)->Run();
  if (!s.ok()) return s;
  if (db_->changes() == 0) return absl::OkStatus();  // duplicate claim id
  int64_t rowid = db_->last_insert_rowid();
  auto fts =
      Sql("INSERT INTO claims_fts(rowid, content, speaker) VALUES (?, ?, ?)");
  if (!fts.ok()) return fts.status();
  s = (*fts)
          ->Bind(1, rowid)
          .Bind(2, claim.content())
          .Bind(3, FtsSpeaker(claim))
          .Run();
  if (!s.ok()) return s;
  for (const std::string& topic : claim.topics()) {
    auto t = Sql(
        "INSERT OR IGNORE INTO claim_topics(topic, claim_rowid) VALUES (?, ?)");
    if (!t.ok()) return t.status();
    s = (*t)->Bind(1, topic).Bind(2, rowid).Run();
    if (!s.ok()) return s;
  }
  for (const v1::Review& r : in.reviews()) {
    s = AddReviewRow(in.id(), r);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ClaimStore::AddReviewRow(absl::string_view claim_id,
                                      const v1::Review& review) {
  std::string proto = review.SerializeAsString();
  auto dup = Sql("SELECT 1 FROM reviews WHERE claim_id = ? AND proto = ?");
  if (!dup.ok()) return dup.status();
  (*dup)->Bind(1, claim_id).BindBlob(2, proto);
  auto r = (*dup)->Step();
  if (!r.ok()) return r.status();
  if (*r) return absl::OkStatus();
  auto q = Sql("INSERT INTO reviews(claim_id, proto) VALUES (?, ?)");
  if (!q.ok()) return q.status();
  return (*q)->Bind(1, claim_id).BindBlob(2, proto).Run();
}

absl::Status ClaimStore::AddReview(absl::string_view claim_id,
                                   const v1::Review& review) {
  auto q = Sql("SELECT 1 FROM claims WHERE id = ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, claim_id);
  auto r = (*q)->Step();
  if (!r.ok()) return r.status();
  if (!*r) {
    return absl::NotFoundError(
        absl::StrCat(path_, ": no claim \"", claim_id, "\""));
  }
  absl::Status s = Begin();
  if (!s.ok()) return s;
  s = AddReviewRow(claim_id, review);
  if (!s.ok()) return s;
  return Commit();
}

absl::Status ClaimStore::ImportInBatch(const v1::Claim& claim) {
  absl::Status s = Begin();
  if (!s.ok()) return s;
  auto rowid = DocumentRowid(claim.document_id());
  std::string outlet;
  if (rowid.ok()) {
    auto o = Sql("SELECT outlet FROM documents WHERE rowid = ?");
    if (!o.ok()) return o.status();
    (*o)->Bind(1, *rowid);
    auto r = (*o)->Step();
    if (!r.ok()) return r.status();
    outlet = std::string((*o)->Text(0));
  } else if (absl::IsNotFound(rowid.status())) {
    v1::Document stub;
    stub.set_id(claim.document_id());
    if (claim.has_published()) *stub.mutable_published() = claim.published();
    auto ins =
        Sql("INSERT INTO documents(id, text_hash, outlet, published, "
            "ingested_at, proto) VALUES (?, ?, '', ?, ?, ?)");
    if (!ins.ok()) return ins.status();
    (*ins)->Bind(1, stub.id()).Bind(2, internal::TextHash(""));
    if (auto p = Seconds(claim.published())) (*ins)->Bind(3, *p);
    (*ins)->Bind(4, Now()).BindBlob(5, stub.SerializeAsString());
    s = (*ins)->Run();
    if (!s.ok()) return s;
    rowid = db_->last_insert_rowid();
  } else {
    return rowid.status();
  }
  for (const char* sql : {"DELETE FROM claims_fts WHERE rowid IN "
                          "(SELECT rowid FROM claims WHERE id = ?)",
                          "DELETE FROM claim_topics WHERE claim_rowid IN "
                          "(SELECT rowid FROM claims WHERE id = ?)",
                          "DELETE FROM claims WHERE id = ?"}) {
    auto q = Sql(sql);
    if (!q.ok()) return q.status();
    s = (*q)->Bind(1, claim.id()).Run();
    if (!s.ok()) return s;
  }
  s = InsertClaim(*rowid, claim, outlet, Seconds(claim.published()));
  if (!s.ok()) return s;
  if (++batch_count_ >= options_.batch_documents) return Commit();
  return absl::OkStatus();
}

absl::Status ClaimStore::ForEachDocument(
    const std::function<absl::Status(const v1::Document&)>& fn) {
  absl::Status s = Commit();
  if (!s.ok()) return s;
  int64_t after = 0;
  while (true) {
    std::vector<std::pair<int64_t, v1::Document>> page;
    {
      auto q = Sql(
          "SELECT rowid, proto FROM documents WHERE rowid > ? ORDER BY rowid "
          "LIMIT 64");
      if (!q.ok()) return q.status();
      (*q)->Bind(1, after);
      while (true) {
        auto r = (*q)->Step();
        if (!r.ok()) return r.status();
        if (!*r) break;
        page.emplace_back((*q)->Int(0), v1::Document());
        absl::string_view blob = (*q)->Blob(1);
        if (!page.back().second.ParseFromArray(blob.data(),
                                               static_cast<int>(blob.size()))) {
          return absl::DataLossError(absl::StrCat(
              path_, ": document row ", page.back().first, " is corrupt"));
        }
      }
      (*q)->Reset();
    }
    if (page.empty()) return absl::OkStatus();
    for (const auto& [rowid, doc] : page) {
      after = rowid;
      s = fn(doc);
      if (!s.ok()) return s;
    }
  }
}

absl::StatusOr<std::string> ClaimStore::Root(absl::string_view id) {
  auto q = Sql("SELECT coalesce(merged_into, id) FROM entities WHERE id = ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, id);
  auto r = (*q)->Step();
  if (!r.ok()) return r.status();
  if (!*r) {
    return absl::NotFoundError(absl::StrCat(path_, ": no entity \"", id, "\""));
  }
  return std::string((*q)->Text(0));
}

absl::Status ClaimStore::Merge(absl::string_view into, absl::string_view from) {
  auto a = Root(into);
  if (!a.ok()) return a.status();
  auto b = Root(from);
  if (!b.ok()) return b.status();
  if (*a == *b) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", from, "\" is already \"", *a, "\" (nothing to merge)"));
  }
  absl::Status s = Begin();
  if (!s.ok()) return s;
  auto q =
      Sql("UPDATE entities SET merged_into = ? WHERE id = ? OR "
          "merged_into = ?");
  if (!q.ok()) return q.status();
  s = (*q)->Bind(1, *a).Bind(2, *b).Bind(3, *b).Run();
  if (!s.ok()) return s;
  return Commit();
}

absl::StatusOr<std::string> ClaimStore::Split(absl::string_view id,
                                              absl::string_view alias) {
  if (alias.empty()) {
    auto q = Sql("SELECT merged_into FROM entities WHERE id = ?");
    if (!q.ok()) return q.status();
    (*q)->Bind(1, id);
    auto r = (*q)->Step();
    if (!r.ok()) return r.status();
    if (!*r) {
      return absl::NotFoundError(
          absl::StrCat(path_, ": no entity \"", id, "\""));
    }
    if ((*q)->IsNull(0)) {
      return absl::FailedPreconditionError(
          absl::StrCat("\"", id,
                       "\" is not merged into another entity; to split off an "
                       "alias, name it: whosaid split ",
                       id, " ALIAS"));
    }
    absl::Status s = Begin();
    if (!s.ok()) return s;
    auto u = Sql("UPDATE entities SET merged_into = NULL WHERE id = ?");
    if (!u.ok()) return u.status();
    s = (*u)->Bind(1, id).Run();
    if (!s.ok()) return s;
    s = Commit();
    if (!s.ok()) return s;
    return std::string(id);
  }
  auto root = Root(id);
  if (!root.ok()) return root.status();
  std::string norm = internal::NormName(alias);
  const std::string members =
      "(SELECT id FROM entities WHERE id = ?1 UNION ALL "
      "SELECT id FROM entities WHERE merged_into = ?1)";
  auto count = Sql(absl::StrCat(
      "SELECT (SELECT count(*) FROM claims WHERE speaker_norm = ?2 AND "
      "speaker_id IN ",
      members,
      "), (SELECT count(*) FROM entity_aliases "
      "WHERE alias_norm = ?2 AND entity_id IN ",
      members,
      "), "
      "(SELECT type FROM entities WHERE id = ?1)"));
  if (!count.ok()) return count.status();
  (*count)->Bind(1, *root).Bind(2, norm);
  auto r = (*count)->Step();
  if (!r.ok()) return r.status();
  if ((*count)->Int(0) == 0 && (*count)->Int(1) == 0) {
    return absl::NotFoundError(
        absl::StrCat(path_, ": \"", *root, "\" has no alias \"", alias, "\""));
  }
  auto type = static_cast<v1::EntityType>((*count)->Int(2));
  (*count)->Reset();
  std::string base = internal::EntityIdFor(type, alias);
  std::string new_id = base;
  for (int n = 2;; ++n) {
    auto exists = Sql("SELECT 1 FROM entities WHERE id = ?");
    if (!exists.ok()) return exists.status();
    (*exists)->Bind(1, new_id);
    auto e = (*exists)->Step();
    if (!e.ok()) return e.status();
    if (!*e) break;
    new_id = absl::StrCat(base, "-", n);
  }
  absl::Status s = Begin();
  if (!s.ok()) return s;
  ClearWriteCaches();  // entity_splits changes below
  v1::Entity entity;
  entity.set_id(new_id);
  entity.set_canonical_name(std::string(alias));
  entity.set_type(type);
  auto ins =
      Sql("INSERT INTO entities(id, type, canonical_name, name_norm, "
          "user_created, proto) VALUES (?, ?, ?, ?, 1, ?)");
  if (!ins.ok()) return ins.status();
  s = (*ins)
          ->Bind(1, new_id)
          .Bind(2, static_cast<int64_t>(type))
          .Bind(3, std::string(alias))
          .Bind(4, norm)
          .BindBlob(5, entity.SerializeAsString())
          .Run();
  if (!s.ok()) return s;
  for (const std::string& sql : std::vector<std::string>{
           std::string("INSERT OR REPLACE INTO entity_splits(from_id, "
                       "alias_norm, to_id) SELECT id, ?2, ?3 FROM entities "
                       "WHERE id = ?1 OR merged_into = ?1"),
           absl::StrCat("UPDATE claims SET speaker_id = ?3 WHERE speaker_norm "
                        "= ?2 AND speaker_id IN ",
                        members),
           absl::StrCat("UPDATE OR REPLACE entity_aliases SET entity_id = ?3 "
                        "WHERE alias_norm = ?2 AND entity_id IN ",
                        members)}) {
    auto q = Sql(sql);
    if (!q.ok()) return q.status();
    s = (*q)->Bind(1, *root).Bind(2, norm).Bind(3, new_id).Run();
    if (!s.ok()) return s;
  }
  s = Commit();
  if (!s.ok()) return s;
  return new_id;
}

absl::StatusOr<v1::SpeakerSummary> ClaimStore::Summary(absl::string_view root,
                                                       int64_t claims) {
  v1::SpeakerSummary out;
  out.set_claim_count(claims);
  auto q = Sql("SELECT proto, canonical_name, type FROM entities WHERE id = ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, root);
  auto r = (*q)->Step();
  if (!r.ok()) return r.status();
  if (!*r) {
    return absl::NotFoundError(
        absl::StrCat(path_, ": no entity \"", root, "\""));
  }
  v1::Entity* e = out.mutable_entity();
  absl::string_view blob = (*q)->Blob(0);
  (void)e->ParseFromArray(blob.data(), static_cast<int>(blob.size()));
  e->set_id(std::string(root));
  e->set_canonical_name(std::string((*q)->Text(1)));
  e->set_type(static_cast<v1::EntityType>((*q)->Int(2)));
  e->clear_aliases();
  e->clear_roles();
  (*q)->Reset();
  const std::string members =
      "(SELECT id FROM entities WHERE id = ?1 UNION ALL "
      "SELECT id FROM entities WHERE merged_into = ?1)";
  auto m = Sql("SELECT id FROM entities WHERE merged_into = ? ORDER BY id");
  if (!m.ok()) return m.status();
  (*m)->Bind(1, root);
  absl::Status m_rows = (*m)->ForEachRow([&] {
    out.add_merged_ids(std::string((*m)->Text(0)));
  });
  if (!m_rows.ok()) return m_rows;
  auto a = Sql(absl::StrCat(
      "SELECT alias, count(DISTINCT document_rowid) AS n FROM entity_aliases "
      "WHERE entity_id IN ",
      members, " GROUP BY alias ORDER BY n DESC, alias"));
  if (!a.ok()) return a.status();
  (*a)->Bind(1, root);
  absl::Status a_rows = (*a)->ForEachRow([&] {
    e->add_aliases(std::string((*a)->Text(0)));
    v1::Count* c = out.add_alias_counts();
    c->set_key(std::string((*a)->Text(0)));
    c->set_count((*a)->Int(1));
  });
  if (!a_rows.ok()) return a_rows;
  auto ro = Sql(absl::StrCat(
      "SELECT title, min(seen), max(seen), count(DISTINCT document_rowid), "
      "(SELECT d.id FROM entity_roles r2 JOIN documents d ON d.rowid = "
      "r2.document_rowid WHERE r2.title = entity_roles.title AND "
      "r2.entity_id IN ",
      members,
      " ORDER BY r2.seen DESC LIMIT 1) "
      "FROM entity_roles WHERE entity_id IN ",
      members, " GROUP BY title ORDER BY max(seen) DESC, title"));
  if (!ro.ok()) return ro.status();
  (*ro)->Bind(1, root);
  absl::Status ro_rows = (*ro)->ForEachRow([&] {
    v1::RoleSeen* rs = out.add_roles();
    rs->set_title(std::string((*ro)->Text(0)));
    SetSeconds((*ro)->Int(1), rs->mutable_first_seen());
    SetSeconds((*ro)->Int(2), rs->mutable_last_seen());
    rs->set_documents((*ro)->Int(3));
    v1::Role* role = e->add_roles();
    role->set_title(rs->title());
    role->set_document_id(std::string((*ro)->Text(4)));
    SetSeconds((*ro)->Int(2), role->mutable_seen());
  });
  if (!ro_rows.ok()) return ro_rows;
  return out;
}

absl::StatusOr<std::vector<v1::SpeakerSummary>> ClaimStore::Speakers(
    v1::EntityType type, int64_t top) {
  absl::Status s = Commit();
  if (!s.ok()) return s;
  std::string sql =
      "SELECT coalesce(e.merged_into, e.id) AS root, count(*) AS n "
      "FROM claims c JOIN entities e ON e.id = c.speaker_id "
      "JOIN entities r ON r.id = coalesce(e.merged_into, e.id) ";
  if (type != v1::ENTITY_TYPE_UNSPECIFIED) sql += "WHERE r.type = ?1 ";
  sql += "GROUP BY root ORDER BY n DESC, r.canonical_name";
  if (top > 0) sql += absl::StrCat(" LIMIT ", top);
  auto q = db_->Prepare(sql);
  if (!q.ok()) return q.status();
  if (type != v1::ENTITY_TYPE_UNSPECIFIED) {
    (*q)->Bind(1, static_cast<int64_t>(type));
  }
  std::vector<std::pair<std::string, int64_t>> roots;
  absl::Status q_rows = (*q)->ForEachRow([&] {
    roots.emplace_back(std::string((*q)->Text(0)), (*q)->Int(1));
  });
  if (!q_rows.ok()) return q_rows;
  std::vector<v1::SpeakerSummary> out;
  for (const auto& [root, n] : roots) {
    auto summary = Summary(root, n);
    if (!summary.ok()) return summary.status();
    out.push_back(std::move(*summary));
  }
  return out;
}

absl::StatusOr<v1::SpeakerSummary> ClaimStore::GetSpeaker(
    absl::string_view id) {
  auto root = Root(id);
  if (!root.ok()) return root.status();
  auto q =
      Sql("SELECT count(*) FROM claims WHERE speaker_id IN (SELECT id FROM "
          "entities WHERE id = ?1 UNION ALL SELECT id FROM entities WHERE "
          "merged_into = ?1)");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, *root);
  auto r = (*q)->Step();
  if (!r.ok()) return r.status();
  int64_t n = (*q)->Int(0);
  (*q)->Reset();
  return Summary(*root, n);
}

absl::Status ClaimStore::FillReviews(v1::Claim* claim) {
  auto q = Sql("SELECT proto FROM reviews WHERE claim_id = ? ORDER BY rowid");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, claim->id());
  claim->clear_reviews();
  while (true) {
    auto r = (*q)->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    absl::string_view blob = (*q)->Blob(0);
    if (!claim->add_reviews()->ParseFromArray(blob.data(),
                                              static_cast<int>(blob.size()))) {
      return absl::DataLossError(absl::StrCat(path_, ": a review of claim \"",
                                              claim->id(), "\" is corrupt"));
    }
  }
  return absl::OkStatus();
}

// Fills temp.query_speakers with the ids of every entity whose claims the
// query's speaker names: the entities matched, by id or by name (canonical
// names first; aliases only if no canonical name matches), resolved to their
// roots, and every entity merged into those roots.
absl::Status ClaimStore::SelectSpeakers(const ClaimQuery& query) {
  absl::Status s = db_->Exec(
      "CREATE TEMP TABLE IF NOT EXISTS query_speakers(id TEXT PRIMARY KEY); "
      "DELETE FROM temp.query_speakers;");
  if (!s.ok()) return s;
  std::vector<std::string> matched;
  auto collect = [&](const std::string& sql,
                     const std::vector<std::string>& binds) -> absl::Status {
    auto q = Sql(sql);
    if (!q.ok()) return q.status();
    for (size_t i = 0; i < binds.size(); ++i) {
      (*q)->Bind(static_cast<int>(i + 1), binds[i]);
    }
    absl::Status q_rows = (*q)->ForEachRow([&] {
      matched.emplace_back((*q)->Text(0));
    });
    if (!q_rows.ok()) return q_rows;
    (*q)->Reset();
    return absl::OkStatus();
  };
  if (!query.speaker_id.empty()) {
    auto root = Root(query.speaker_id);
    if (!root.ok()) return root.status();
    matched.push_back(*root);
  }
  if (!query.speaker.empty()) {
    std::vector<std::string> words = absl::StrSplit(
        internal::NormName(query.speaker), ' ', absl::SkipEmpty());
    if (words.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "speaker name \"", query.speaker, "\" has no letters or digits"));
    }
    std::vector<std::string> likes;
    std::string names = "SELECT id FROM entities WHERE 1";
    std::string aliases =
        "SELECT DISTINCT entity_id FROM entity_aliases WHERE 1";
    for (const std::string& w : words) {
      names += " AND name_norm LIKE ?";
      aliases += " AND alias_norm LIKE ?";
      likes.push_back(absl::StrCat("% ", w, " %"));
    }
    s = collect(names, likes);
    if (!s.ok()) return s;
    if (matched.empty()) {
      s = collect(aliases, likes);
      if (!s.ok()) return s;
    }
  }
  for (const std::string& id : matched) {
    auto ins =
        Sql("INSERT OR IGNORE INTO temp.query_speakers(id) "
            "SELECT coalesce(merged_into, id) FROM entities WHERE id = ?");
    if (!ins.ok()) return ins.status();
    s = (*ins)->Bind(1, id).Run();
    if (!s.ok()) return s;
  }
  return db_->Exec(
      "INSERT OR IGNORE INTO temp.query_speakers(id) SELECT id FROM entities "
      "WHERE merged_into IN (SELECT id FROM temp.query_speakers)");
}

absl::StatusOr<std::vector<StoredClaim>> ClaimStore::FindClaims(
    const ClaimQuery& query) {
  absl::Status s = Commit();
  if (!s.ok()) return s;
  std::vector<Bindable> binds;
  std::string sql =
      "SELECT c.proto, c.outlet, r.id, r.canonical_name, r.type, d.url "
      "FROM ";
  bool fts = !query.text.empty();
  if (fts) {
    std::string match = FtsQuery(query.text);
    if (match.empty()) {
      return absl::InvalidArgumentError("search: no words to look for");
    }
    sql += "claims_fts f JOIN claims c ON c.rowid = f.rowid ";
    binds.push_back(match);
  } else {
    sql += "claims c ";
  }
  sql +=
      "JOIN documents d ON d.rowid = c.document_rowid "
      "LEFT JOIN entities e ON e.id = c.speaker_id "
      "LEFT JOIN entities r ON r.id = coalesce(e.merged_into, e.id) "
      "WHERE 1 ";
  if (fts) sql += "AND claims_fts MATCH ? ";
  if (!query.speaker.empty() || !query.speaker_id.empty()) {
    s = SelectSpeakers(query);
    if (!s.ok()) return s;
    sql += "AND c.speaker_id IN (SELECT id FROM temp.query_speakers) ";
  }
  if (query.since) {
    sql += "AND c.published >= ? ";
    binds.push_back(absl::ToUnixSeconds(*query.since));
  }
  if (query.until) {
    sql += "AND c.published < ? ";
    binds.push_back(absl::ToUnixSeconds(*query.until));
  }
  if (query.stance != v1::STANCE_UNSPECIFIED) {
    sql += "AND c.stance = ? ";
    binds.push_back(static_cast<int64_t>(query.stance));
  }
  if (query.kind != v1::CLAIM_KIND_UNSPECIFIED) {
    sql += "AND c.kind = ? ";
    binds.push_back(static_cast<int64_t>(query.kind));
  }
  if (query.min_confidence > 0) {
    sql += "AND c.confidence >= ? ";
    binds.push_back(static_cast<double>(query.min_confidence));
  }
  if (!query.topic.empty()) {
    sql +=
        "AND c.rowid IN (SELECT claim_rowid FROM claim_topics WHERE topic = "
        "?) ";
    binds.push_back(query.topic);
  }
  if (query.reviewed_only) {
    sql += "AND c.id IN (SELECT claim_id FROM reviews) ";
  }
  if (query.ingest_order) {
    sql += "ORDER BY c.document_rowid, c.rowid";
  } else if (fts) {
    sql += "ORDER BY f.rank, c.rowid";
  } else {
    sql +=
        "ORDER BY c.published DESC NULLS LAST, c.document_rowid DESC, c.rowid";
  }
  if (query.limit > 0) sql += absl::StrCat(" LIMIT ", query.limit);
  auto q = db_->Prepare(sql);
  if (!q.ok()) return q.status();
  BindAll(q->get(), binds);
  std::vector<StoredClaim> out;
  while (true) {
    auto r = (*q)->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    StoredClaim sc;
    absl::string_view blob = (*q)->Blob(0);
    if (!sc.claim.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
      return absl::DataLossError(absl::StrCat(path_, ": a claim is corrupt"));
    }
    sc.outlet = std::string((*q)->Text(1));
    sc.url = std::string((*q)->Text(5));
    if (!(*q)->IsNull(2)) {
      sc.claim.mutable_speaker()->set_entity_id(std::string((*q)->Text(2)));
      sc.claim.mutable_speaker()->set_canonical_name(
          std::string((*q)->Text(3)));
      sc.speaker_type =
          EntityTypeName(static_cast<v1::EntityType>((*q)->Int(4)));
    }
    out.push_back(std::move(sc));
  }
  for (StoredClaim& sc : out) {
    s = FillReviews(&sc.claim);
    if (!s.ok()) return s;
  }
  return out;
}

absl::StatusOr<std::vector<v1::TopicGroup>> ClaimStore::ByTopic(
    const ClaimQuery& query) {
  if (query.topic.empty()) {
    return absl::InvalidArgumentError("topic: no topic given");
  }
  auto claims = FindClaims(query);
  if (!claims.ok()) return claims.status();
  std::vector<v1::TopicGroup> groups;
  absl::flat_hash_map<std::string, size_t> index;
  for (StoredClaim& sc : *claims) {
    const std::string& id = sc.claim.speaker().entity_id();
    auto it = index.find(id);
    if (it == index.end()) {
      it = index.emplace(id, groups.size()).first;
      groups.emplace_back();
      if (!id.empty()) {
        auto speaker = GetSpeaker(id);
        if (!speaker.ok()) return speaker.status();
        *groups.back().mutable_speaker() = speaker->entity();
      }
    }
    *groups[it->second].add_claims() = std::move(sc.claim);
  }
  for (v1::TopicGroup& g : groups) {
    std::map<std::string, int64_t> counts;
    for (const v1::Claim& c : g.claims()) {
      counts[v1::Stance_Name(c.stance())]++;
    }
    std::vector<std::pair<std::string, int64_t>> sorted(counts.begin(),
                                                        counts.end());
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [k, n] : sorted) {
      v1::Count* c = g.add_stances();
      c->set_key(k);
      c->set_count(n);
    }
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const v1::TopicGroup& a, const v1::TopicGroup& b) {
                     bool an = a.speaker().id().empty();
                     bool bn = b.speaker().id().empty();
                     if (an != bn) return bn;
                     return a.claims_size() > b.claims_size();
                   });
  return groups;
}

absl::StatusOr<v1::ClaimContext> ClaimStore::Show(absl::string_view claim_id) {
  absl::Status s = Commit();
  if (!s.ok()) return s;
  auto q =
      Sql("SELECT c.proto, d.proto, d.outlet FROM claims c JOIN documents d ON "
          "d.rowid = c.document_rowid WHERE c.id = ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, claim_id);
  auto r = (*q)->Step();
  if (!r.ok()) return r.status();
  if (!*r) {
    return absl::NotFoundError(
        absl::StrCat(path_, ": no claim \"", claim_id, "\""));
  }
  v1::ClaimContext out;
  v1::Document doc;
  absl::string_view cb = (*q)->Blob(0), db = (*q)->Blob(1);
  if (!out.mutable_claim()->ParseFromArray(cb.data(),
                                           static_cast<int>(cb.size())) ||
      !doc.ParseFromArray(db.data(), static_cast<int>(db.size()))) {
    return absl::DataLossError(
        absl::StrCat(path_, ": claim \"", claim_id, "\" is corrupt"));
  }
  (*q)->Reset();
  s = FillReviews(out.mutable_claim());
  if (!s.ok()) return s;
  auto sp = Sql("SELECT speaker_id FROM claims WHERE id = ?");
  if (!sp.ok()) return sp.status();
  (*sp)->Bind(1, claim_id);
  r = (*sp)->Step();
  if (!r.ok()) return r.status();
  std::string speaker_id(*r ? (*sp)->Text(0) : absl::string_view());
  (*sp)->Reset();
  if (!speaker_id.empty()) {
    auto summary = GetSpeaker(speaker_id);
    if (summary.ok()) {
      *out.mutable_speaker() = summary->entity();
      out.mutable_claim()->mutable_speaker()->set_entity_id(
          summary->entity().id());
      out.mutable_claim()->mutable_speaker()->set_canonical_name(
          summary->entity().canonical_name());
    }
  }
  uint32_t context_begin = 0;
  internal::SentenceContext(doc.text(), out.claim(), out.mutable_context(),
                            &context_begin);
  out.set_context_begin(context_begin);
  doc.clear_text();
  *out.mutable_document() = doc;
  const std::string& via = out.claim().reported_via_claim_id();
  if (!via.empty()) {
    auto v = Sql("SELECT proto FROM claims WHERE id = ?");
    if (!v.ok()) return v.status();
    (*v)->Bind(1, via);
    auto vr = (*v)->Step();
    if (!vr.ok()) return vr.status();
    if (*vr) {
      absl::string_view vb = (*v)->Blob(0);
      (void)out.mutable_reported_via_claim()->ParseFromArray(
          vb.data(), static_cast<int>(vb.size()));
    }
  }
  return out;
}

absl::StatusOr<v1::StoreStats> ClaimStore::Stats(int top) {
  absl::Status s = Commit();
  if (!s.ok()) return s;
  v1::StoreStats out;
  out.set_schema_version(schema_version_);
  struct stat st;
  if (::stat(path_.c_str(), &st) == 0) out.set_file_bytes(st.st_size);
  auto scalar = [&](const char* sql) -> absl::StatusOr<int64_t> {
    auto q = Sql(sql);
    if (!q.ok()) return q.status();
    auto r = (*q)->Step();
    if (!r.ok()) return r.status();
    int64_t v = (*q)->Int(0);
    (*q)->Reset();
    return v;
  };
  auto docs = scalar("SELECT count(*) FROM documents");
  auto claims = scalar("SELECT count(*) FROM claims");
  auto entities = scalar("SELECT count(*) FROM entities");
  auto reviews = scalar("SELECT count(*) FROM reviews");
  for (auto* v : {&docs, &claims, &entities, &reviews}) {
    if (!v->ok()) return v->status();
  }
  out.set_documents(*docs);
  out.set_claims(*claims);
  out.set_entities(*entities);
  out.set_reviews(*reviews);
  auto counts =
      [&](const std::string& sql, auto label,
          google::protobuf::RepeatedPtrField<v1::Count>* into) -> absl::Status {
    auto q = Sql(sql);
    if (!q.ok()) return q.status();
    return (*q)->ForEachRow([&] {
      v1::Count* c = into->Add();
      label(**q, c);
      c->set_count((*q)->Int(1));
    });
  };
  s = counts(
      "SELECT kind, count(*) AS n FROM claims GROUP BY kind ORDER BY n "
      "DESC",
      [](Stmt& q, v1::Count* c) {
        c->set_key(v1::ClaimKind_Name(static_cast<v1::ClaimKind>(q.Int(0))));
      },
      out.mutable_claims_by_kind());
  if (!s.ok()) return s;
  s = counts(
      "SELECT stance, count(*) AS n FROM claims GROUP BY stance ORDER "
      "BY n DESC",
      [](Stmt& q, v1::Count* c) {
        c->set_key(v1::Stance_Name(static_cast<v1::Stance>(q.Int(0))));
      },
      out.mutable_claims_by_stance());
  if (!s.ok()) return s;
  s = counts(
      absl::StrCat("SELECT r.id, count(*) AS n, r.canonical_name FROM claims c "
                   "JOIN entities e ON e.id = c.speaker_id JOIN entities r ON "
                   "r.id = coalesce(e.merged_into, e.id) GROUP BY r.id ORDER "
                   "BY n DESC, r.canonical_name LIMIT ",
                   top),
      [](Stmt& q, v1::Count* c) {
        c->set_key(std::string(q.Text(0)));
        c->set_label(std::string(q.Text(2)));
      },
      out.mutable_top_speakers());
  if (!s.ok()) return s;
  s = counts(
      absl::StrCat("SELECT topic, count(*) AS n FROM claim_topics "
                   "GROUP BY topic ORDER BY n DESC, topic LIMIT ",
                   top),
      [](Stmt& q, v1::Count* c) { c->set_key(std::string(q.Text(0))); },
      out.mutable_top_topics());
  if (!s.ok()) return s;
  return out;
}

absl::Status ClaimStore::CheckIntegrity() {
  absl::Status s = Commit();
  if (!s.ok()) return s;
  auto q = db_->Prepare("PRAGMA quick_check");
  if (!q.ok()) return q.status();
  std::vector<std::string> problems;
  absl::Status q_rows = (*q)->ForEachRow([&] {
    if ((*q)->Text(0) != "ok") problems.emplace_back((*q)->Text(0));
  });
  if (!q_rows.ok()) return q_rows;
  if (!problems.empty()) {
    return absl::DataLossError(
        absl::StrCat(path_, ": damaged: ", absl::StrJoin(problems, "; ")));
  }
  return absl::OkStatus();
}

}  // namespace whosaid
