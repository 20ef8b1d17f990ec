// The claim store's subcommands: ingest, reindex, who, topic, search, show,
// stats, speakers, merge, split, review, export, import. Each opens the
// store named by --store (else $WHOSAID_STORE, else ./whosaid.db), calls one
// ClaimStore function and prints the answer: an aligned table for people,
// or --format=json|jsonl|textproto|pb for programs.
//
// Exit codes: 0 success; 1 some input record was skipped; 2 usage error, or
// the store could not be opened or written (locked, damaged, read-only).
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "commands.h"
#include "common_flags.h"
#include "google/protobuf/text_format.h"
#include "whosaid/claim_store.h"
#include "whosaid/document_reader.h"
#include "whosaid/extractor.h"
#include "whosaid/pipeline.h"
#include "whosaid/proto_json.h"
#include "whosaid/store_export.h"

ABSL_FLAG(std::string, since, "",
          "who/topic/search/export: claims published on or after this date "
          "(YYYY-MM-DD).");
ABSL_FLAG(std::string, until, "",
          "who/topic/search/export: claims published before this date.");
ABSL_FLAG(std::string, stance, "",
          "who/topic/search/export: only this stance (assert, deny, claim, "
          "condemn, warn, demand, promise, question, praise, believe, "
          "admit).");
ABSL_FLAG(std::string, kind, "",
          "who/topic/search/export: only this kind (direct, indirect, "
          "mixed).");
ABSL_FLAG(std::string, topic, "", "who/search/export: only this topic.");
ABSL_FLAG(std::string, speaker, "", "export: only claims of this speaker.");
ABSL_FLAG(int64_t, limit, 0, "Queries: at most this many claims (0: all).");
ABSL_FLAG(int64_t, top, 0,
          "speakers: the N with most claims (0: all); stats: rows of the top "
          "lists (default 10).");
ABSL_FLAG(std::string, type, "",
          "speakers: only this entity type (person, organisation, "
          "government, group, document, unknown).");
ABSL_FLAG(std::string, out, "-", "export: the output file ('-': stdout).");
ABSL_FLAG(std::string, rating, "", "review: the verdict, as published.");
ABSL_FLAG(int32_t, rating_value, -1,
          "review: numeric rating (with --best_rating, --worst_rating).");
ABSL_FLAG(int32_t, best_rating, 5, "review: the best numeric rating.");
ABSL_FLAG(int32_t, worst_rating, 1, "review: the worst numeric rating.");
ABSL_FLAG(std::string, url, "", "review: the fact-check's URL.");
ABSL_FLAG(std::string, by, "", "review: the fact-checking organisation.");
ABSL_FLAG(std::string, note, "", "review: a note.");
ABSL_FLAG(std::string, reviewed, "", "review: date of the review.");
ABSL_FLAG(int32_t, busy_timeout_ms, 5000,
          "How long to wait for another process's lock on the store.");
ABSL_FLAG(int32_t, batch_documents, 500,
          "ingest/reindex: documents per committed transaction.");
ABSL_FLAG(int32_t, TEST_delay_us, 0,
          "TEST ONLY: ingest sleeps this long per document (kill tests).");

namespace whosaid_tool {
namespace {

using whosaid::ClaimQuery;
using whosaid::ClaimStore;
using whosaid::StoredClaim;
namespace v1 = whosaid::v1;

int Fail(absl::string_view cmd, absl::string_view message) {
  std::fprintf(stderr, "whosaid %.*s: %.*s\n", static_cast<int>(cmd.size()),
               cmd.data(), static_cast<int>(message.size()), message.data());
  return 2;
}
int Fail(absl::string_view cmd, const absl::Status& s) {
  return Fail(cmd, s.message());
}

std::string StorePath() {
  std::string p = absl::GetFlag(FLAGS_store);
  if (!p.empty()) return p;
  const char* env = std::getenv("WHOSAID_STORE");
  if (env != nullptr && *env != '\0') return env;
  return "whosaid.db";
}

absl::StatusOr<std::unique_ptr<ClaimStore>> OpenStore(bool create) {
  whosaid::ClaimStoreOptions options;
  options.create_if_missing = create;
  options.busy_timeout_ms = absl::GetFlag(FLAGS_busy_timeout_ms);
  options.batch_documents = std::max(1, absl::GetFlag(FLAGS_batch_documents));
  return ClaimStore::Open(StorePath(), options);
}

// ---- Output ----

enum class Format { kText, kJson, kJsonl, kTextproto, kPb };

absl::StatusOr<Format> QueryFormat() {
  std::string f = absl::GetFlag(FLAGS_format);
  if (f.empty() || f == "text") return Format::kText;
  if (f == "json") return Format::kJson;
  if (f == "jsonl") return Format::kJsonl;
  if (f == "textproto") return Format::kTextproto;
  if (f == "pb") return Format::kPb;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown --format=", f, " (text, json, jsonl, textproto, pb)"));
}

// Prints messages in a program format. REQUIRES: format != kText.
absl::Status PrintMessages(
    const std::vector<const google::protobuf::Message*>& messages,
    Format format) {
  std::string out;
  if (format == Format::kJson) out += "[";
  for (size_t i = 0; i < messages.size(); ++i) {
    const google::protobuf::Message& m = *messages[i];
    switch (format) {
      case Format::kJson:
      case Format::kJsonl: {
        auto json = whosaid::MessageToJson(m, format == Format::kJson);
        if (!json.ok()) return json.status();
        if (format == Format::kJson) {
          out += i == 0 ? "\n" : ",\n";
          out += *json;
        } else {
          out += *json;
          out += "\n";
        }
        break;
      }
      case Format::kTextproto: {
        std::string text;
        google::protobuf::TextFormat::PrintToString(m, &text);
        out += text;
        out += "# ---\n";
        break;
      }
      case Format::kPb:
        whosaid::AppendDelimited(m, &out);
        break;
      case Format::kText:
        break;
    }
  }
  if (format == Format::kJson) out += messages.empty() ? "]\n" : "\n]\n";
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() ||
      std::fflush(stdout) != 0) {
    return absl::DataLossError("cannot write to standard output");
  }
  return absl::OkStatus();
}

template <typename T>
std::vector<const google::protobuf::Message*> Pointers(
    const std::vector<T>& v) {
  std::vector<const google::protobuf::Message*> out;
  for (const T& m : v) out.push_back(&m);
  return out;
}

int TerminalWidth() {
  if (!isatty(STDOUT_FILENO)) return 0;
  struct winsize ws;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) {
    return ws.ws_col;
  }
  return 100;
}

// Display width of UTF-8 text: code points (continuation bytes skipped).
size_t Width(absl::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

// The longest prefix of `s` at most `width` code points, with "..." when cut.
std::string Clip(absl::string_view s, size_t width) {
  if (Width(s) <= width) return std::string(s);
  if (width <= 3) return std::string(width, '.');
  size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) {
      if (n == width - 3) break;
      ++n;
    }
  }
  return absl::StrCat(s.substr(0, i), "...");
}

// An aligned table; the last column takes the rest of the terminal line
// (clipped on a terminal, whole otherwise).
class Table {
 public:
  explicit Table(std::vector<std::string> header)
      : header_(std::move(header)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print(std::string* out) const {
    std::vector<size_t> widths(header_.size());
    for (size_t c = 0; c < header_.size(); ++c) widths[c] = Width(header_[c]);
    for (const auto& row : rows_) {
      for (size_t c = 0; c + 1 < row.size(); ++c) {
        widths[c] = std::max(widths[c], Width(row[c]));
      }
    }
    int term = TerminalWidth();
    size_t used = 0;
    for (size_t c = 0; c + 1 < widths.size(); ++c) used += widths[c] + 2;
    size_t last = term > 0 && static_cast<size_t>(term) > used + 10
                      ? term - used
                      : std::string::npos;
    auto line = [&](const std::vector<std::string>& row) {
      std::string l;
      for (size_t c = 0; c < row.size(); ++c) {
        std::string cell = row[c];
        for (char& ch : cell) {
          if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
        }
        if (c + 1 < row.size()) {
          l += cell;
          l += std::string(widths[c] - Width(cell) + 2, ' ');
        } else {
          l += last == std::string::npos ? cell : Clip(cell, last);
        }
      }
      while (!l.empty() && l.back() == ' ') l.pop_back();
      *out += l;
      *out += "\n";
    };
    line(header_);
    for (const auto& row : rows_) line(row);
  }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

int Emit(absl::string_view cmd, const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
      std::fflush(stdout) != 0) {
    return Fail(cmd, "cannot write to standard output");
  }
  return 0;
}

std::string Date(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return "-";
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(t.seconds()),
                          absl::UTCTimeZone());
}

// "STANCE_DENY" -> "deny".
std::string EnumWord(const std::string& name) {
  size_t us = name.find('_');
  size_t us2 = us == std::string::npos ? us : name.find('_', us + 1);
  std::string w = name;
  if (absl::StartsWith(name, "CLAIM_KIND_"))
    w = name.substr(11);
  else if (us != std::string::npos)
    w = name.substr(us + 1);
  (void)us2;
  return absl::AsciiStrToLower(w);
}

std::string ClaimsTable(const std::vector<StoredClaim>& claims,
                        bool with_speaker) {
  std::vector<std::string> header = {"DATE", "OUTLET"};
  if (with_speaker) header.push_back("SPEAKER");
  for (const char* h : {"KIND", "STANCE", "CUE", "ID", "TEXT"}) {
    header.push_back(h);
  }
  Table table(header);
  for (const StoredClaim& sc : claims) {
    const v1::Claim& c = sc.claim;
    std::vector<std::string> row = {Date(c.published()),
                                    sc.outlet.empty() ? "-" : sc.outlet};
    if (with_speaker) {
      row.push_back(
          c.speaker().canonical_name().empty()
              ? (c.speaker().text().empty() ? "-" : c.speaker().text())
              : c.speaker().canonical_name());
    }
    row.push_back(EnumWord(v1::ClaimKind_Name(c.kind())));
    row.push_back(EnumWord(v1::Stance_Name(c.stance())));
    row.push_back(c.cue().text().empty() ? "-" : c.cue().text());
    row.push_back(c.id());
    std::string text = c.content();
    if (!c.reported_via().text().empty()) {
      text = absl::StrCat(text, "  (via ", c.reported_via().text(), ")");
    }
    row.push_back(text);
    table.Add(std::move(row));
  }
  std::string out;
  table.Print(&out);
  return out;
}

// ---- Query flags ----

absl::Status QueryFromFlags(ClaimQuery* q) {
  if (std::string v = absl::GetFlag(FLAGS_since); !v.empty()) {
    auto t = whosaid::ParseQueryDate(v);
    if (!t.ok())
      return absl::InvalidArgumentError(
          absl::StrCat("--since: ", t.status().message()));
    q->since = *t;
  }
  if (std::string v = absl::GetFlag(FLAGS_until); !v.empty()) {
    auto t = whosaid::ParseQueryDate(v);
    if (!t.ok())
      return absl::InvalidArgumentError(
          absl::StrCat("--until: ", t.status().message()));
    q->until = *t;
  }
  if (std::string v = absl::GetFlag(FLAGS_stance); !v.empty()) {
    v1::Stance stance;
    std::string name = absl::AsciiStrToUpper(v);
    if (!absl::StartsWith(name, "STANCE_")) name = "STANCE_" + name;
    if (!v1::Stance_Parse(name, &stance) || stance == v1::STANCE_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--stance=", v,
          ": unknown stance (assert, deny, claim, condemn, "
          "warn, demand, promise, question, praise, believe, admit)"));
    }
    q->stance = stance;
  }
  if (std::string v = absl::GetFlag(FLAGS_kind); !v.empty()) {
    v1::ClaimKind kind;
    std::string name = absl::AsciiStrToUpper(v);
    if (!absl::StartsWith(name, "CLAIM_KIND_")) name = "CLAIM_KIND_" + name;
    if (!v1::ClaimKind_Parse(name, &kind) ||
        kind == v1::CLAIM_KIND_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--kind=", v, ": unknown kind (direct, indirect, mixed)"));
    }
    q->kind = kind;
  }
  if (q->topic.empty()) q->topic = absl::GetFlag(FLAGS_topic);
  const double min_confidence = absl::GetFlag(FLAGS_min_confidence);
  if (!(min_confidence >= 0 && min_confidence <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--min_confidence must be from 0 to 1, not ", min_confidence));
  }
  q->min_confidence = static_cast<float>(min_confidence);
  q->limit = absl::GetFlag(FLAGS_limit);
  if (q->limit < 0) return absl::InvalidArgumentError("--limit must be >= 0");
  return absl::OkStatus();
}

// ---- The engine for ingest and reindex ----

// Total bytes of the regular files under `inputs` (0 if unknown: stdin).
int64_t InputBytes(const Args& inputs) {
  int64_t total = 0;
  for (const std::string& in : inputs) {
    if (in == "-") return 0;
    std::error_code ec;
    std::filesystem::path p(in);
    if (std::filesystem::is_regular_file(p, ec)) {
      total += static_cast<int64_t>(std::filesystem::file_size(p, ec));
    } else if (std::filesystem::is_directory(p, ec)) {
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           it != std::filesystem::recursive_directory_iterator();
           it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec)) {
          total += static_cast<int64_t>(it->file_size(ec));
        }
      }
    }
  }
  return total;
}

class Progress {
 public:
  Progress(int64_t total_bytes)
      : on_(isatty(STDERR_FILENO) && !absl::GetFlag(FLAGS_quiet)),
        total_(total_bytes),
        start_(absl::Now()) {}
  void Update(int64_t docs, int64_t bytes, int64_t claims, bool final) {
    if (!on_) return;
    absl::Time now = absl::Now();
    if (!final && now - last_ < absl::Milliseconds(250)) return;
    last_ = now;
    double secs = std::max(1e-3, absl::ToDoubleSeconds(now - start_));
    double mb = bytes / 1e6;
    std::string line =
        absl::StrFormat("\r%d documents, %.1f MB, %.2f MB/s, %d claims", docs,
                        mb, mb / secs, claims);
    if (total_ > 0 && bytes > 0 && !final) {
      double left = std::max(0.0, (total_ - bytes) / (bytes / secs));
      line += absl::StrFormat(", ETA %ds", static_cast<int>(left + 0.5));
    }
    line += "   ";
    if (final) line += "\n";
    std::fputs(line.c_str(), stderr);
  }

 private:
  bool on_;
  int64_t total_;
  absl::Time start_;
  absl::Time last_ = absl::InfinitePast();
};

}  // namespace

// whosaid ingest [FILE|DIR|-]...
int RunIngest(const Args& args) {
  const char* cmd = "ingest";
  if (args.empty()) {
    return Fail(cmd, "no inputs: give files, directories, or '-' for stdin");
  }
  auto reader = whosaid::DocumentReader::Open(args);
  if (!reader.ok()) return Fail(cmd, reader.status());
  auto extractor = ExtractorFromFlags();
  if (!extractor.ok()) return Fail(cmd, extractor.status());
  auto store = OpenStore(true);
  if (!store.ok()) return Fail(cmd, store.status());
  int delay_us = absl::GetFlag(FLAGS_TEST_delay_us);

  Progress progress(InputBytes(args));
  int64_t docs = 0, bytes = 0, claims = 0, added = 0, replaced = 0,
          unchanged = 0, duplicates = 0, skipped = 0;
  absl::Time start = absl::Now();
  // Documents are read in batches, the new and changed ones extracted on
  // --jobs threads, then stored one by one in reading order: the store and
  // the messages are as one thread leaves them. (A document is checked
  // again just before it is stored: an earlier one of the same batch may
  // have stored its id or text meanwhile.)
  auto jobs = JobsFromFlags();
  if (!jobs.ok()) return Fail(cmd, jobs.status());
  whosaid::ExtractorPool pool(**extractor, *jobs);
  whosaid::ExtractorPool::Options options;
  options.text_checked = true;  // by the reader
  struct Record {
    v1::Document doc;
    std::string origin;
    absl::Status error;
    int extraction = -1;  // index in `extractions`, if extracted
  };
  std::vector<Record> batch(whosaid::kExtractBatchDocuments);
  std::vector<const v1::Document*> to_extract;
  std::vector<v1::Extraction> extractions;
  std::vector<absl::Status> statuses;
  for (bool more = true; more;) {
    size_t n = 0, batch_bytes = 0;
    to_extract.clear();
    while (n < whosaid::kExtractBatchDocuments && batch_bytes < whosaid::kExtractBatchBytes) {
      Record& r = batch[n];
      r.error = absl::OkStatus();
      r.extraction = -1;
      if (!(*reader)->Next(&r.doc, &r.origin, &r.error)) {
        more = false;
        break;
      }
      ++n;
      if (!r.error.ok()) continue;
      auto state = (*store)->Check(r.doc);
      if (!state.ok()) return Fail(cmd, state.status());
      if (*state == whosaid::DocumentState::kNew ||
          *state == whosaid::DocumentState::kChanged) {
        r.extraction = static_cast<int>(to_extract.size());
        to_extract.push_back(&r.doc);
        batch_bytes += r.doc.text().size();
      }
    }
    pool.ExtractAll(to_extract, &extractions, &statuses, options);
    for (size_t i = 0; i < n; ++i) {
      Record& r = batch[i];
      if (!r.error.ok()) {
        std::fprintf(stderr, "%s\n", std::string(r.error.message()).c_str());
        ++skipped;
        continue;
      }
      ++docs;
      bytes += static_cast<int64_t>(r.doc.text().size());
      auto state = (*store)->Check(r.doc);
      if (!state.ok()) return Fail(cmd, state.status());
      if (*state == whosaid::DocumentState::kUnchanged) {
        ++unchanged;
      } else if (*state == whosaid::DocumentState::kDuplicate) {
        ++duplicates;
      } else {
        v1::Extraction x;
        absl::Status s;
        if (r.extraction >= 0) {
          s = statuses[r.extraction];
          x.Swap(&extractions[r.extraction]);
        } else {
          // (Unchanged when the batch was read; an earlier document of the
          // batch has changed it since.)
          s = (*extractor)->Extract(r.doc, &x);
        }
        if (!s.ok()) {
          std::fprintf(stderr, "%s: %s\n", r.origin.c_str(),
                       std::string(s.message()).c_str());
          ++skipped;
          continue;
        }
        auto put = (*store)->Put(x);
        if (!put.ok()) return Fail(cmd, put.status());
        if (*put == whosaid::PutResult::kReplaced) {
          ++replaced;
        } else {
          ++added;
        }
        claims += x.claims_size();
      }
      if (delay_us > 0)
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
      progress.Update(docs, bytes, claims, false);
    }
  }
  absl::Status s = (*store)->Commit();
  if (!s.ok()) return Fail(cmd, s);
  progress.Update(docs, bytes, claims, true);
  if (!absl::GetFlag(FLAGS_quiet)) {
    double secs = absl::ToDoubleSeconds(absl::Now() - start);
    std::fprintf(
        stderr,
        "whosaid ingest: %s: %lld documents read (%lld added, %lld "
        "replaced, %lld unchanged, %lld duplicate texts, %lld "
        "skipped), %lld claims extracted, %.1f MB in %.1f s (%.2f "
        "MB/s)\n",
        StorePath().c_str(), static_cast<long long>(docs),
        static_cast<long long>(added), static_cast<long long>(replaced),
        static_cast<long long>(unchanged), static_cast<long long>(duplicates),
        static_cast<long long>(skipped), static_cast<long long>(claims),
        bytes / 1e6, secs, secs > 0 ? bytes / 1e6 / secs : 0.0);
  }
  return skipped > 0 ? 1 : 0;
}

// whosaid reindex
int RunReindex(const Args& args) {
  const char* cmd = "reindex";
  if (!args.empty()) return Fail(cmd, "takes no arguments");
  auto extractor = ExtractorFromFlags();
  if (!extractor.ok()) return Fail(cmd, extractor.status());
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  int64_t docs = 0, claims = 0, skipped = 0, bytes = 0;
  Progress progress(0);
  v1::Extraction x;
  absl::Status s = (*store)->ForEachDocument([&](const v1::Document& doc) {
    if (doc.text().empty()) return absl::OkStatus();  // imported: no text
    absl::Status e = (*extractor)->ExtractClaims(doc, &x);
    if (!e.ok()) {
      std::fprintf(stderr, "%s: document %s: %s\n", StorePath().c_str(),
                   doc.id().c_str(), std::string(e.message()).c_str());
      ++skipped;
      return absl::OkStatus();
    }
    *x.mutable_document() = doc;
    ++docs;
    bytes += static_cast<int64_t>(doc.text().size());
    claims += x.claims_size();
    progress.Update(docs, bytes, claims, false);
    return (*store)->ReplaceClaims(x);
  });
  if (s.ok()) s = (*store)->Commit();
  if (!s.ok()) return Fail(cmd, s);
  progress.Update(docs, bytes, claims, true);
  if (!absl::GetFlag(FLAGS_quiet)) {
    std::fprintf(stderr,
                 "whosaid reindex: %lld documents re-extracted, %lld claims, "
                 "%lld skipped\n",
                 static_cast<long long>(docs), static_cast<long long>(claims),
                 static_cast<long long>(skipped));
  }
  return skipped > 0 ? 1 : 0;
}

namespace {

// who / search: claims as a table or messages.
int PrintClaims(absl::string_view cmd,
                const absl::StatusOr<std::vector<StoredClaim>>& claims,
                Format format, bool with_speaker) {
  if (!claims.ok()) return Fail(cmd, claims.status());
  if (format != Format::kText) {
    std::vector<const google::protobuf::Message*> ms;
    for (const StoredClaim& c : *claims) ms.push_back(&c.claim);
    absl::Status s = PrintMessages(ms, format);
    return s.ok() ? 0 : Fail(cmd, s);
  }
  if (claims->empty()) return Emit(cmd, "no claims\n");
  return Emit(cmd, ClaimsTable(*claims, with_speaker));
}

}  // namespace

// whosaid who NAME
int RunWho(const Args& args) {
  const char* cmd = "who";
  if (args.size() != 1 || args[0].empty()) {
    return Fail(cmd,
                "usage: whosaid who NAME [--since --until --stance "
                "--kind --topic --limit]");
  }
  auto format = QueryFormat();
  if (!format.ok()) return Fail(cmd, format.status());
  ClaimQuery q;
  q.speaker = args[0];
  absl::Status s = QueryFromFlags(&q);
  if (!s.ok()) return Fail(cmd, s);
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  return PrintClaims(cmd, (*store)->FindClaims(q), *format, true);
}

// whosaid search "words"
int RunSearch(const Args& args) {
  const char* cmd = "search";
  if (args.empty()) return Fail(cmd, "usage: whosaid search WORDS...");
  auto format = QueryFormat();
  if (!format.ok()) return Fail(cmd, format.status());
  ClaimQuery q;
  q.text = absl::StrJoin(args, " ");
  absl::Status s = QueryFromFlags(&q);
  if (!s.ok()) return Fail(cmd, s);
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  return PrintClaims(cmd, (*store)->FindClaims(q), *format, true);
}

// whosaid topic TOPIC
int RunTopic(const Args& args) {
  const char* cmd = "topic";
  if (args.size() != 1 || args[0].empty()) {
    return Fail(cmd,
                "usage: whosaid topic TOPIC [--since --until --stance "
                "--kind --limit]");
  }
  auto format = QueryFormat();
  if (!format.ok()) return Fail(cmd, format.status());
  ClaimQuery q;
  q.topic = args[0];
  absl::Status s = QueryFromFlags(&q);
  if (!s.ok()) return Fail(cmd, s);
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  auto groups = (*store)->ByTopic(q);
  if (!groups.ok()) return Fail(cmd, groups.status());
  if (*format != Format::kText) {
    s = PrintMessages(Pointers(*groups), *format);
    return s.ok() ? 0 : Fail(cmd, s);
  }
  if (groups->empty()) {
    return Emit(cmd, absl::StrCat("no claims on topic \"", args[0], "\"\n"));
  }
  std::string out;
  for (const v1::TopicGroup& g : *groups) {
    std::vector<std::string> stances;
    for (const v1::Count& c : g.stances()) {
      stances.push_back(absl::StrCat(EnumWord(c.key()), " ", c.count()));
    }
    std::string who = g.speaker().id().empty()
                          ? std::string("(no speaker)")
                          : absl::StrCat(g.speaker().canonical_name(), " [",
                                         g.speaker().id(), "]");
    absl::StrAppend(&out, who, ": ", g.claims_size(),
                    g.claims_size() == 1 ? " claim" : " claims", " (",
                    absl::StrJoin(stances, ", "), ")\n");
    std::vector<StoredClaim> claims;
    for (const v1::Claim& c : g.claims()) {
      StoredClaim sc;
      sc.claim = c;
      claims.push_back(std::move(sc));
    }
    std::string table = ClaimsTable(claims, false);
    for (absl::string_view line :
         absl::StrSplit(table, '\n', absl::SkipEmpty())) {
      absl::StrAppend(&out, "  ", line, "\n");
    }
    out += "\n";
  }
  return Emit(cmd, out);
}

namespace {

// The context with the content parts in [ ], the speaker in { } and the cue
// in < >.
std::string MarkContext(const v1::ClaimContext& ctx) {
  struct Mark {
    uint32_t at;
    int order;
    const char* text;
  };
  std::vector<Mark> marks;
  uint32_t base = ctx.context_begin();
  uint32_t size = static_cast<uint32_t>(ctx.context().size());
  auto add = [&](const v1::Span& s, const char* open, const char* close) {
    if (s.end() <= s.begin() || s.begin() < base || s.end() > base + size) {
      return;
    }
    marks.push_back({s.end() - base, 0, close});
    marks.push_back({s.begin() - base, 1, open});
  };
  for (const v1::Span& s : ctx.claim().content_parts()) add(s, "[", "]");
  add(ctx.claim().speaker().span(), "{", "}");
  add(ctx.claim().cue().span(), "<", ">");
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.at != b.at ? a.at > b.at : a.order < b.order;
  });
  std::string text = ctx.context();
  for (const Mark& m : marks) text.insert(m.at, m.text);
  return text;
}

}  // namespace

// whosaid show CLAIM_ID
int RunShow(const Args& args) {
  const char* cmd = "show";
  if (args.size() != 1) return Fail(cmd, "usage: whosaid show CLAIM_ID");
  auto format = QueryFormat();
  if (!format.ok()) return Fail(cmd, format.status());
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  auto ctx = (*store)->Show(args[0]);
  if (!ctx.ok()) return Fail(cmd, ctx.status());
  if (*format != Format::kText) {
    absl::Status s = PrintMessages({&*ctx}, *format);
    return s.ok() ? 0 : Fail(cmd, s);
  }
  const v1::Claim& c = ctx->claim();
  const v1::Document& d = ctx->document();
  std::string out;
  absl::StrAppend(&out, "claim     ", c.id(), "\n");
  absl::StrAppend(
      &out, "document  ", d.id(),
      d.title().empty() ? "" : absl::StrCat("  \"", d.title(), "\""), "\n");
  absl::StrAppend(&out, "          ", Date(d.published()), "  ",
                  d.outlet().empty() ? "-" : d.outlet(),
                  d.url().empty() ? "" : absl::StrCat("  ", d.url()), "\n");
  absl::StrAppend(&out, "kind      ", EnumWord(v1::ClaimKind_Name(c.kind())),
                  ", stance ", EnumWord(v1::Stance_Name(c.stance())),
                  c.without_evidence() ? ", without evidence" : "", ", cue \"",
                  c.cue().text(), "\"", c.cue().negated() ? " (negated)" : "",
                  "\n");
  if (!c.topics().empty()) {
    absl::StrAppend(&out, "topics    ", absl::StrJoin(c.topics(), ", "), "\n");
  }
  if (!ctx->context().empty()) {
    absl::StrAppend(&out, "\n", MarkContext(*ctx),
                    "\n  ([content] {speaker} <cue>)\n\n");
  } else {
    absl::StrAppend(&out, "\n\"", c.content(),
                    "\"\n  (the document text is not stored)\n\n");
  }
  absl::StrAppend(&out, "speaker   ",
                  c.speaker().text().empty() ? "-" : c.speaker().text());
  if (!ctx->speaker().id().empty()) {
    const v1::Entity& e = ctx->speaker();
    absl::StrAppend(&out, " -> ", e.canonical_name(), " [", e.id(), ", ",
                    whosaid::EntityTypeName(e.type()), "]\n");
    if (!e.aliases().empty()) {
      absl::StrAppend(&out, "  aliases ", absl::StrJoin(e.aliases(), "; "),
                      "\n");
    }
    for (const v1::Role& r : e.roles()) {
      absl::StrAppend(&out, "  role    ", r.title(), " (last seen ",
                      Date(r.seen()), ")\n");
    }
  } else {
    out += "\n";
  }
  if (!c.addressee().text().empty()) {
    absl::StrAppend(&out, "to        ", c.addressee().text(), "\n");
  }
  if (!c.reported_via().text().empty()) {
    absl::StrAppend(&out, "via       ", c.reported_via().text(), "\n");
    if (ctx->has_reported_via_claim()) {
      const v1::Claim& v = ctx->reported_via_claim();
      absl::StrAppend(&out, "          which is claim ", v.id(), ": ",
                      v.speaker().text(), " ", v.cue().text(), " \"",
                      Clip(v.content(), 80), "\"\n");
    }
  }
  for (const v1::Review& r : c.reviews()) {
    absl::StrAppend(&out, "review    ", r.rating(), " by ",
                    r.author().empty() ? "-" : r.author(), "  ", r.url(), "\n");
  }
  return Emit(cmd, out);
}

// whosaid stats
int RunStats(const Args& args) {
  const char* cmd = "stats";
  if (!args.empty()) return Fail(cmd, "takes no arguments");
  auto format = QueryFormat();
  if (!format.ok()) return Fail(cmd, format.status());
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  int64_t top = absl::GetFlag(FLAGS_top);
  auto stats = (*store)->Stats(top > 0 ? static_cast<int>(top) : 10);
  if (!stats.ok()) return Fail(cmd, stats.status());
  if (*format != Format::kText) {
    absl::Status s = PrintMessages({&*stats}, *format);
    return s.ok() ? 0 : Fail(cmd, s);
  }
  std::string out;
  absl::StrAppend(&out, "store       ", StorePath(), " (schema ",
                  stats->schema_version(), ", ",
                  absl::StrFormat("%.1f", stats->file_bytes() / 1e6), " MB)\n",
                  "documents   ", stats->documents(), "\n", "claims      ",
                  stats->claims(), "\n", "speakers    ", stats->entities(),
                  " entities\n", "reviews     ", stats->reviews(), "\n");
  auto section = [&](const char* title,
                     const google::protobuf::RepeatedPtrField<v1::Count>& rows,
                     bool words) {
    absl::StrAppend(&out, "\n", title, "\n");
    Table t({"", "COUNT"});
    for (const v1::Count& c : rows) {
      std::string key =
          words ? EnumWord(c.key())
                : (c.label().empty()
                       ? c.key()
                       : absl::StrCat(c.label(), " [", c.key(), "]"));
      t.Add({absl::StrCat("  ", key), absl::StrCat(c.count())});
    }
    t.Print(&out);
  };
  section("claims by kind", stats->claims_by_kind(), true);
  section("claims by stance", stats->claims_by_stance(), true);
  section("top speakers", stats->top_speakers(), false);
  section("top topics", stats->top_topics(), false);
  return Emit(cmd, out);
}

// whosaid speakers [--top N] [--type TYPE]
int RunSpeakers(const Args& args) {
  const char* cmd = "speakers";
  if (!args.empty())
    return Fail(cmd, "usage: whosaid speakers [--top N] [--type TYPE]");
  auto format = QueryFormat();
  if (!format.ok()) return Fail(cmd, format.status());
  v1::EntityType type = v1::ENTITY_TYPE_UNSPECIFIED;
  if (std::string t = absl::GetFlag(FLAGS_type); !t.empty()) {
    auto parsed = whosaid::EntityTypeFromName(t);
    if (!parsed.ok()) return Fail(cmd, parsed.status());
    type = *parsed;
  }
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  auto speakers = (*store)->Speakers(type, absl::GetFlag(FLAGS_top));
  if (!speakers.ok()) return Fail(cmd, speakers.status());
  if (*format != Format::kText) {
    absl::Status s = PrintMessages(Pointers(*speakers), *format);
    return s.ok() ? 0 : Fail(cmd, s);
  }
  if (speakers->empty()) return Emit(cmd, "no speakers\n");
  Table t({"CLAIMS", "NAME", "TYPE", "ID", "ROLES", "ALIASES"});
  for (const v1::SpeakerSummary& s : *speakers) {
    std::vector<std::string> roles, aliases;
    for (const v1::RoleSeen& r : s.roles()) {
      roles.push_back(
          absl::StrCat(r.title(), " (", Date(r.first_seen()),
                       r.first_seen().seconds() == r.last_seen().seconds()
                           ? ""
                           : absl::StrCat("..", Date(r.last_seen())),
                       ")"));
      if (roles.size() == 2) break;
    }
    for (const v1::Count& a : s.alias_counts()) {
      aliases.push_back(absl::StrCat(a.key(), " (", a.count(), ")"));
    }
    t.Add({absl::StrCat(s.claim_count()), s.entity().canonical_name(),
           whosaid::EntityTypeName(s.entity().type()), s.entity().id(),
           roles.empty() ? "-" : absl::StrJoin(roles, "; "),
           absl::StrJoin(aliases, "; ")});
  }
  std::string out;
  t.Print(&out);
  return Emit(cmd, out);
}

// whosaid merge A B
int RunMerge(const Args& args) {
  const char* cmd = "merge";
  if (args.size() != 2) {
    return Fail(cmd,
                "usage: whosaid merge INTO_ID FROM_ID (FROM becomes an "
                "alias of INTO)");
  }
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  absl::Status s = (*store)->Merge(args[0], args[1]);
  if (!s.ok()) return Fail(cmd, s);
  auto summary = (*store)->GetSpeaker(args[0]);
  if (!summary.ok()) return Fail(cmd, summary.status());
  return Emit(cmd,
              absl::StrCat("merged ", args[1], " into ", summary->entity().id(),
                           ": ", summary->claim_count(), " claims\n"));
}

// whosaid split ID [ALIAS]
int RunSplit(const Args& args) {
  const char* cmd = "split";
  if (args.empty() || args.size() > 2) {
    return Fail(cmd,
                "usage: whosaid split ID (undo a merge) | whosaid split "
                "ID ALIAS (move that alias's claims to a new entity)");
  }
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  auto id = (*store)->Split(args[0], args.size() == 2 ? args[1] : "");
  if (!id.ok()) return Fail(cmd, id.status());
  auto summary = (*store)->GetSpeaker(*id);
  if (!summary.ok()) return Fail(cmd, summary.status());
  return Emit(cmd,
              absl::StrCat(args.size() == 2 ? "split off " : "unmerged ", *id,
                           ": ", summary->claim_count(), " claims\n"));
}

// whosaid review CLAIM_ID --rating R [--url U] [--by B] ...
int RunReview(const Args& args) {
  const char* cmd = "review";
  if (args.size() != 1 || absl::GetFlag(FLAGS_rating).empty()) {
    return Fail(cmd,
                "usage: whosaid review CLAIM_ID --rating TEXT [--url URL] "
                "[--by ORG] [--rating_value N --best_rating N "
                "--worst_rating N] [--reviewed DATE] [--note TEXT]");
  }
  v1::Review r;
  r.set_rating(absl::GetFlag(FLAGS_rating));
  r.set_url(absl::GetFlag(FLAGS_url));
  r.set_author(absl::GetFlag(FLAGS_by));
  r.set_note(absl::GetFlag(FLAGS_note));
  if (int v = absl::GetFlag(FLAGS_rating_value); v >= 0) {
    int best = absl::GetFlag(FLAGS_best_rating);
    int worst = absl::GetFlag(FLAGS_worst_rating);
    if (worst > best || v < worst || v > best) {
      return Fail(cmd, absl::StrCat("--rating_value=", v, " is not within [",
                                    worst, ", ", best, "]"));
    }
    r.set_rating_value(v);
    r.set_best_rating(best);
    r.set_worst_rating(worst);
  }
  std::string when = absl::GetFlag(FLAGS_reviewed);
  absl::Time t = absl::Now();
  if (!when.empty()) {
    auto parsed = whosaid::ParseQueryDate(when);
    if (!parsed.ok()) return Fail(cmd, parsed.status());
    t = *parsed;
  }
  r.mutable_reviewed()->set_seconds(absl::ToUnixSeconds(t));
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  absl::Status s = (*store)->AddReview(args[0], r);
  if (!s.ok()) return Fail(cmd, s);
  return Emit(cmd, absl::StrCat("recorded review \"", r.rating(), "\" of ",
                                args[0], "\n"));
}

// whosaid export [filters] --format=pb|jsonl|claimreview --out FILE
int RunExport(const Args& args) {
  const char* cmd = "export";
  if (!args.empty()) {
    return Fail(cmd,
                "usage: whosaid export [--speaker --since --until "
                "--stance --kind --topic --limit] "
                "--format=pb|jsonl|claimreview [--out FILE]");
  }
  std::string format = absl::GetFlag(FLAGS_format);
  if (format.empty()) format = "jsonl";
  if (format != "pb" && format != "jsonl" && format != "claimreview") {
    return Fail(cmd, absl::StrCat("unknown --format=", format,
                                  " (pb, jsonl, claimreview)"));
  }
  ClaimQuery q;
  q.speaker = absl::GetFlag(FLAGS_speaker);
  q.ingest_order = true;
  q.reviewed_only = format == "claimreview";
  absl::Status s = QueryFromFlags(&q);
  if (!s.ok()) return Fail(cmd, s);
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(cmd, store.status());
  auto claims = (*store)->FindClaims(q);
  if (!claims.ok()) return Fail(cmd, claims.status());
  std::string data;
  if (format == "pb") {
    for (const StoredClaim& c : *claims)
      whosaid::AppendDelimited(c.claim, &data);
  } else if (format == "jsonl") {
    for (const StoredClaim& c : *claims) {
      auto json = whosaid::MessageToJson(c.claim);
      if (!json.ok()) return Fail(cmd, json.status());
      absl::StrAppend(&data, *json, "\n");
    }
  } else {
    std::vector<std::string> items;
    for (const StoredClaim& c : *claims) whosaid::AppendClaimReviews(c, &items);
    data = absl::StrCat("[", absl::StrJoin(items, ",\n"), "]\n");
  }
  std::string out = absl::GetFlag(FLAGS_out);
  if (out == "-") {
    if (format == "pb" && isatty(STDOUT_FILENO)) {
      return Fail(cmd, "refusing to write binary pb to a terminal; use --out");
    }
    return Emit(cmd, data);
  }
  std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    f.close();
    if (!f) {
      std::remove(tmp.c_str());
      return Fail(cmd, absl::StrCat(out, ": cannot write"));
    }
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Fail(cmd, absl::StrCat(out, ": cannot write"));
  }
  if (!absl::GetFlag(FLAGS_quiet)) {
    std::fprintf(stderr, "whosaid export: %zu claims to %s\n", claims->size(),
                 out.c_str());
  }
  return 0;
}

// whosaid import FILE.pb...
int RunImport(const Args& args) {
  const char* cmd = "import";
  if (args.empty()) return Fail(cmd, "usage: whosaid import FILE.pb...");
  auto store = OpenStore(true);
  if (!store.ok()) return Fail(cmd, store.status());
  int64_t total = 0;
  int exit_code = 0;
  for (const std::string& path : args) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read\n", path.c_str());
      exit_code = 1;
      continue;
    }
    std::string data((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    int64_t n = 0, record = 0;
    absl::Status s =
        whosaid::ReadDelimitedClaims(data, path, [&](const v1::Claim& c) {
          ++record;
          absl::Status e = (*store)->Import(c);
          if (absl::IsInvalidArgument(e)) {  // this record only
            std::fprintf(stderr, "%s:record %lld: %s\n", path.c_str(),
                         static_cast<long long>(record),
                         std::string(e.message()).c_str());
            exit_code = 1;
            return absl::OkStatus();
          }
          if (e.ok()) ++n;
          return e;
        });
    total += n;
    if (!s.ok()) {
      // A store error ends the run; a bad record ends this file.
      if (absl::StartsWith(s.message(), path)) {
        std::fprintf(stderr, "%s (%lld records before it imported)\n",
                     std::string(s.message()).c_str(),
                     static_cast<long long>(n));
        exit_code = 1;
      } else {
        return Fail(cmd, s);
      }
    }
  }
  absl::Status s = (*store)->Commit();
  if (!s.ok()) return Fail(cmd, s);
  if (!absl::GetFlag(FLAGS_quiet)) {
    std::fprintf(stderr, "whosaid import: %lld claims into %s\n",
                 static_cast<long long>(total), StorePath().c_str());
  }
  return exit_code;
}

}  // namespace whosaid_tool
