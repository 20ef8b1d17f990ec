// A thin RAII layer over the SQLite C API for the claim store: a connection
// and prepared statements whose every failure is an absl::Status naming the
// store file. SQLite result codes map to absl codes once, here:
//   SQLITE_BUSY, SQLITE_LOCKED        -> kUnavailable (another process holds
//                                        the lock; retrying may work)
//   SQLITE_CORRUPT, SQLITE_NOTADB     -> kDataLoss
//   SQLITE_CANTOPEN, SQLITE_READONLY,
//   SQLITE_PERM                       -> kPermissionDenied
//   SQLITE_FULL, SQLITE_IOERR         -> kResourceExhausted / kInternal
// A Db is used by one thread at a time.
#ifndef WHOSAID_INTERNAL_STORE_SQLITE_H_
#define WHOSAID_INTERNAL_STORE_SQLITE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct sqlite3;
struct sqlite3_stmt;

namespace whosaid {
namespace internal {

class Stmt;

class Db {
 public:
  // Opens `path`. `create`: create the file if missing. `read_only`: open
  // read-only (implies !create).
  static absl::StatusOr<std::unique_ptr<Db>> Open(const std::string& path,
                                                  bool create, bool read_only,
                                                  int busy_timeout_ms);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results.
  absl::Status Exec(absl::string_view sql);
  // Prepares one statement. REQUIRES: the Stmt dies before the Db.
  absl::StatusOr<std::unique_ptr<Stmt>> Prepare(absl::string_view sql);

  // The status for SQLite result `rc` with the connection's message:
  // "path: what: message".
  absl::Status Error(int rc, absl::string_view what) const;

  int64_t last_insert_rowid() const;
  int changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Bind parameters are 1-based as in SQLite.
class Stmt {
 public:
  Stmt(Db* db, sqlite3_stmt* stmt, std::string sql)
      : db_(db), stmt_(stmt), sql_(std::move(sql)) {}
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, absl::string_view text);
  Stmt& BindBlob(int i, absl::string_view blob);
  // (Not an overload of Bind: an int argument would be ambiguous.)
  Stmt& BindDouble(int i, double v);
  Stmt& BindNull(int i);

  // Steps once: true with a row, false when done; errors as Status.
  absl::StatusOr<bool> Step();
  // Steps to completion, expecting no row; then resets.
  absl::Status Run();
  // Steps through every row, calling fn() on each (read the row with Int(),
  // Text(), ...); stops at the first SQLite error.
  template <typename Fn>
  absl::Status ForEachRow(Fn fn) {
    while (true) {
      absl::StatusOr<bool> row = Step();
      if (!row.ok()) return row.status();
      if (!*row) return absl::OkStatus();
      fn();
    }
  }
  // Resets for reuse and clears bindings.
  void Reset();

  int64_t Int(int col) const;
  bool IsNull(int col) const;
  // Valid until the next Step() or Reset().
  absl::string_view Text(int col) const;
  absl::string_view Blob(int col) const;

  const std::string& sql() const { return sql_; }

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
};

// Status codes for SQLite result codes, as described above.
absl::StatusCode SqliteCode(int rc);

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_STORE_SQLITE_H_
