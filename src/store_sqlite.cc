#include "internal/store_sqlite.h"

#include <sqlite3.h>

#include <utility>

#include "absl/strings/str_cat.h"

namespace whosaid {
namespace internal {

absl::StatusCode SqliteCode(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::StatusCode::kUnavailable;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::StatusCode::kDataLoss;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return absl::StatusCode::kPermissionDenied;
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return absl::StatusCode::kResourceExhausted;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return absl::StatusCode::kFailedPrecondition;
    default:
      return absl::StatusCode::kInternal;
  }
}

namespace {

std::string Explain(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the store is locked by another process (try again when it "
             "finishes)";
    case SQLITE_NOTADB:
      return "not a whosaid store: the file is not an SQLite database";
    case SQLITE_CORRUPT:
      return "the store file is damaged (SQLite reports corruption)";
    case SQLITE_CANTOPEN:
      return "cannot open the store file (missing directory, or no "
             "permission to create it)";
    case SQLITE_READONLY:
      return "cannot write: the store file or its directory is read-only";
    case SQLITE_FULL:
      return "the disk is full";
    default:
      return "";
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<Db>> Db::Open(const std::string& path,
                                             bool create, bool read_only,
                                             int busy_timeout_ms) {
  // SQLite counts every allocation in global statistics, under a global
  // mutex; whosaid never reads them (sqlite3_memory_used, soft heap limit),
  // and the count and locking cost an ingest several percent of its
  // instructions. Only possible before SQLite initializes, hence here, once;
  // a process that already uses SQLite keeps its setting (SQLITE_MISUSE is
  // ignored).
  static const bool kConfigured = [] {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)kConfigured;
  int flags = SQLITE_OPEN_NOMUTEX;
  if (read_only) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE;
    if (create) flags |= SQLITE_OPEN_CREATE;
  }
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = Explain(rc);
    if (detail.empty()) detail = sqlite3_errstr(rc);
    sqlite3_close(handle);
    return absl::Status(SqliteCode(rc), absl::StrCat(path, ": ", detail));
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, busy_timeout_ms);
  return std::unique_ptr<Db>(new Db(handle, path));
}

Db::~Db() { sqlite3_close_v2(db_); }

absl::Status Db::Error(int rc, absl::string_view what) const {
  std::string detail = Explain(rc);
  if (detail.empty()) detail = sqlite3_errmsg(db_);
  return absl::Status(SqliteCode(rc),
                      absl::StrCat(path_, ": ", what, ": ", detail));
}

absl::Status Db::Exec(absl::string_view sql) {
  std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return Error(rc, s.size() > 60 ? absl::StrCat(s.substr(0, 60), "...") : s);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Stmt>> Db::Prepare(absl::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()),
                              &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "prepare");
  return std::make_unique<Stmt>(this, stmt, std::string(sql));
}

int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::changes() const { return sqlite3_changes(db_); }

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, absl::string_view text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindBlob(int i, absl::string_view blob) {
  sqlite3_bind_blob(stmt_, i, blob.data(), static_cast<int>(blob.size()),
                    SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindDouble(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

absl::StatusOr<bool> Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  absl::Status s = db_->Error(rc, "query");
  sqlite3_reset(stmt_);
  return s;
}

absl::Status Stmt::Run() {
  absl::StatusOr<bool> row = Step();
  Reset();
  if (!row.ok()) return row.status();
  return absl::OkStatus();
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
bool Stmt::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
absl::string_view Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? absl::string_view()
                      : absl::string_view(reinterpret_cast<const char*>(p), n);
}
absl::string_view Stmt::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? absl::string_view()
                      : absl::string_view(static_cast<const char*>(p), n);
}

}  // namespace internal
}  // namespace whosaid
