#include "whosaid/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/time_util.h"
#include "internal/json.h"
#include "internal/text_layout.h"

namespace whosaid {

namespace {

namespace fs = std::filesystem;

constexpr char kStdinName[] = "<stdin>";
constexpr absl::string_view kBom = "\xEF\xBB\xBF";

absl::Status OpenError(const std::string& path, int err) {
  std::string msg = absl::StrCat(path, ": cannot open: ", std::strerror(err));
  if (err == ENOENT) return absl::NotFoundError(msg);
  if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(msg);
  return absl::UnavailableError(msg);
}

// Prefixes a status message with a place, keeping the code.
absl::Status At(const std::string& where, const absl::Status& s) {
  return absl::Status(s.code(), absl::StrCat(where, ": ", s.message()));
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
         c == '\v';
}

bool IsBlank(absl::string_view line) {
  return std::all_of(line.begin(), line.end(), IsSpace);
}

// Reads a FILE* line by line through one growable buffer. Lines (without the
// '\n') are views into the buffer, valid until the next call. A line longer
// than `max_line` is skipped without being held in memory.
class LineReader {
 public:
  enum Result { kLine, kTooLong, kEof, kReadError };

  LineReader(FILE* file, size_t max_line) : file_(file), max_line_(max_line) {}

  Result Next(absl::string_view* line) {
    while (true) {
      const char* nl = static_cast<const char*>(
          std::memchr(buf_.data() + scan_, '\n', end_ - scan_));
      if (nl != nullptr) {
        size_t pos = nl - buf_.data();
        *line = absl::string_view(buf_.data() + start_, pos - start_);
        start_ = scan_ = pos + 1;
        return Finish(line);
      }
      scan_ = end_;
      if (end_ - start_ > max_line_) {  // drop what we have, keep looking
        discarding_ = true;
        start_ = scan_ = end_ = 0;
      }
      if (eof_) {
        if (start_ == end_ && !discarding_) return error_ ? kReadError : kEof;
        *line = absl::string_view(buf_.data() + start_, end_ - start_);
        start_ = scan_ = end_;
        return Finish(line);
      }
      Fill();
    }
  }

  // Returns the first byte of the input that is not white space (after a
  // byte order mark), without consuming anything; -1 if there is none.
  int PeekFirstNonSpace() {
    size_t i = start_;
    while (true) {
      if (i == 0 && end_ - start_ < kBom.size() && !eof_) {
        Fill();
        continue;
      }
      if (i == 0 && absl::StartsWith(View(), kBom)) i = kBom.size();
      while (i < end_ && IsSpace(buf_[i])) ++i;
      if (i < end_) return static_cast<unsigned char>(buf_[i]);
      if (eof_) return -1;
      // Over max_line bytes of white space: no record can follow that fits;
      // say "not JSON" so the caller reads it as text and reports the size.
      if (i > max_line_) return ' ';
      Fill();
    }
  }

  // Appends everything not yet read to *out. False if that is more than
  // `max_line` bytes (the rest is then not read) or on a read error.
  Result ReadRest(std::string* out) {
    while (true) {
      if (end_ - start_ > max_line_) return kTooLong;
      if (eof_) break;
      Fill();
    }
    if (error_) return kReadError;
    if (out->empty() && start_ == 0) {  // hand the buffer over, no copy
      buf_.resize(end_);
      out->swap(buf_);
      buf_.clear();
      start_ = scan_ = end_ = 0;
      return kLine;
    }
    out->append(buf_.data() + start_, end_ - start_);
    start_ = scan_ = end_;
    return kLine;
  }

  int error_number() const { return errno_; }

 private:
  absl::string_view View() const {
    return absl::string_view(buf_.data() + start_, end_ - start_);
  }

  Result Finish(absl::string_view* line) {
    if (discarding_ || line->size() > max_line_) {
      discarding_ = false;
      return kTooLong;
    }
    if (first_line_) {
      first_line_ = false;
      if (absl::StartsWith(*line, kBom)) line->remove_prefix(kBom.size());
    }
    return kLine;
  }

  // Reads more input after end_, first moving unread bytes to the front and
  // growing the buffer when it is full.
  void Fill() {
    if (start_ > 0) {
      std::memmove(&buf_[0], buf_.data() + start_, end_ - start_);
      end_ -= start_;
      scan_ -= start_;
      start_ = 0;
    }
    if (end_ == buf_.size()) {
      buf_.resize(std::max<size_t>(buf_.size() * 2, size_t{1} << 20));
    }
    size_t n = std::fread(&buf_[end_], 1, buf_.size() - end_, file_);
    end_ += n;
    if (n == 0) {
      eof_ = true;
      if (std::ferror(file_)) {
        error_ = true;
        errno_ = errno;
      }
    }
  }

  FILE* const file_;
  const size_t max_line_;
  std::string buf_;
  size_t start_ = 0;  // first unread byte
  size_t scan_ = 0;   // bytes before this (from start_) hold no '\n'
  size_t end_ = 0;    // end of valid data
  bool eof_ = false;
  bool error_ = false;
  int errno_ = 0;
  bool discarding_ = false;
  bool first_line_ = true;
};

enum class Format { kJsonl, kPb, kText, kSniff };

bool IsArticleName(const fs::path& path) {
  std::string ext = absl::AsciiStrToLower(path.extension().string());
  return ext.empty() || ext == ".txt" || ext == ".text" || ext == ".jsonl" ||
         ext == ".json" || ext == ".pb";
}

Format FormatOf(const std::string& path) {
  std::string ext = absl::AsciiStrToLower(fs::path(path).extension().string());
  if (ext == ".jsonl" || ext == ".json") return Format::kJsonl;
  if (ext == ".pb") return Format::kPb;
  return Format::kSniff;
}

const char* TypeName(const internal::JsonValue& v) {
  switch (v.type()) {
    case internal::JsonValue::Type::kNull:
      return "null";
    case internal::JsonValue::Type::kBool:
      return "a boolean";
    case internal::JsonValue::Type::kNumber:
      return "a number";
    case internal::JsonValue::Type::kString:
      return "a string";
    case internal::JsonValue::Type::kArray:
      return "an array";
    case internal::JsonValue::Type::kObject:
      return "an object";
  }
  return "?";
}

// Copies an optional string member into *out. Absent or null: untouched.
absl::Status OptionalString(const internal::JsonValue& obj, const char* key,
                            std::string* out) {
  const internal::JsonValue* v = obj.Find(key);
  if (v == nullptr || v->is_null()) return absl::OkStatus();
  if (!v->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", key, "\" must be a string, not ", TypeName(*v)));
  }
  *out = v->string_value();
  return absl::OkStatus();
}

// The gold files' "meta": used only to fill fields the top level left empty,
// and never an error (it is someone else's schema).
void ReadMeta(const internal::JsonValue& meta, v1::Document* doc) {
  auto get = [&](const char* key) -> const std::string* {
    const internal::JsonValue* v = meta.Find(key);
    return v != nullptr && v->is_string() ? &v->string_value() : nullptr;
  };
  if (doc->title().empty() && get("title")) doc->set_title(*get("title"));
  if (doc->outlet().empty() && get("publisher")) {
    doc->set_outlet(*get("publisher"));
  }
  if (doc->url().empty() && get("url")) doc->set_url(*get("url"));
  if (!doc->has_published() && get("publication_date")) {
    google::protobuf::Timestamp ts;
    if (ParsePublished(*get("publication_date"), &ts).ok()) {
      *doc->mutable_published() = ts;
    }
  }
}

}  // namespace

absl::Status CheckDocumentText(absl::string_view text) {
  return internal::ValidateUtf8(text);
}

absl::Status ParsePublished(absl::string_view value,
                            google::protobuf::Timestamp* out) {
  static const char* const kFormats[] = {
      "%Y-%m-%d%ET%H:%M:%E*S%Ez",  // RFC 3339
      "%Y-%m-%d%ET%H:%M:%E*S",     // no offset: UTC
      "%Y-%m-%d",
  };
  std::string s(absl::StripAsciiWhitespace(value));
  // absl's %Ez wants "+00:00"; RFC 3339 also allows "Z".
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z') && s.size() > 10) {
    s.back() = '+';
    s += "00:00";
  }
  for (const char* format : kFormats) {
    absl::Time t;
    std::string err;
    if (!absl::ParseTime(format, s, absl::UTCTimeZone(), &t, &err)) continue;
    int64_t secs = absl::ToUnixSeconds(t);
    if (secs < google::protobuf::util::TimeUtil::kTimestampMinSeconds ||
        secs > google::protobuf::util::TimeUtil::kTimestampMaxSeconds) {
      break;
    }
    out->set_seconds(secs);
    out->set_nanos(static_cast<int32_t>(
        absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(secs))));
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"published\": cannot read \"", value,
                   "\" as an RFC 3339 time or YYYY-MM-DD date"));
}

absl::Status ParseJsonDocument(absl::string_view line, v1::Document* doc) {
  absl::StatusOr<internal::JsonValue> parsed = internal::ParseJson(line);
  if (!parsed.ok()) return parsed.status();
  internal::JsonValue& obj = *parsed;
  if (!obj.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected a JSON object, found ", TypeName(obj)));
  }
  doc->Clear();
  const internal::JsonValue* id = obj.Find("id");
  if (id == nullptr) return absl::InvalidArgumentError("missing \"id\"");
  if (id->is_string()) {
    doc->set_id(id->string_value());
  } else if (id->is_number() &&
             id->raw_number().find_first_of(".eE") == std::string::npos) {
    doc->set_id(id->raw_number());
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"id\" must be a string or an integer, not ", TypeName(*id)));
  }
  if (doc->id().empty()) {
    return absl::InvalidArgumentError("\"id\" is empty");
  }
  internal::JsonValue* text = obj.FindMutable("text");
  if (text == nullptr) return absl::InvalidArgumentError("missing \"text\"");
  if (!text->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"text\" must be a string, not ", TypeName(*text)));
  }
  // ParseJson() takes only valid UTF-8 and \u escapes of code points, so
  // of CheckDocumentText()'s faults only a NUL (from "\u0000") can remain:
  // the full check, with its message, only then.
  const std::string& t = text->string_value();
  absl::Status s;
  if (std::memchr(t.data(), '\0', t.size()) != nullptr) {
    s = CheckDocumentText(t);
    if (!s.ok()) return At("\"text\"", s);
  }
  doc->set_text(std::move(*text->mutable_string()));
  for (auto [key, field] :
       {std::pair<const char*, std::string*>{"url", doc->mutable_url()},
        {"title", doc->mutable_title()},
        {"outlet", doc->mutable_outlet()},
        {"language", doc->mutable_language()}}) {
    s = OptionalString(obj, key, field);
    if (!s.ok()) return s;
  }
  std::string published;
  s = OptionalString(obj, "published", &published);
  if (!s.ok()) return s;
  if (!published.empty()) {
    s = ParsePublished(published, doc->mutable_published());
    if (!s.ok()) return s;
  }
  const internal::JsonValue* meta = obj.Find("meta");
  if (meta != nullptr && meta->is_object()) ReadMeta(*meta, doc);
  if (doc->language().empty()) doc->set_language("en");
  return absl::OkStatus();
}

class DocumentReader::Impl {
 public:
  Impl(std::vector<std::string> inputs, const DocumentReaderOptions& options)
      : inputs_(std::move(inputs)), options_(options) {}

  ~Impl() { Close(); }

  bool Next(v1::Document* doc, std::string* origin, absl::Status* error) {
    while (true) {
      if (file_ != nullptr) {
        if (ReadRecord(doc, origin, error)) {
          (error->ok() ? documents_ : errors_)++;
          return true;
        }
        continue;  // file done
      }
      std::string path;
      if (next_pending_ < pending_.size()) {
        path = std::move(pending_[next_pending_++]);
      } else if (next_input_ < inputs_.size()) {
        path = inputs_[next_input_++];
        if (path == "-") {
          OpenFile(kStdinName, stdin, Format::kSniff);
          continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(path, ec);
        if (ec || st.type() == fs::file_type::not_found) {
          return Fail(path, ec.value() == 0 ? ENOENT : ec.value(), origin,
                      error);
        }
        if (st.type() == fs::file_type::directory) {
          absl::Status s = ExpandDirectory(path);
          if (!s.ok()) {
            *origin = path;
            *error = s;
            ++errors_;
            return true;
          }
          continue;
        }
      } else {
        return false;
      }
      FILE* f = std::fopen(path.c_str(), "rb");
      if (f == nullptr) return Fail(path, errno, origin, error);
      OpenFile(path, f, FormatOf(path));
    }
  }

  int64_t documents() const { return documents_; }
  int64_t errors() const { return errors_; }

 private:
  bool Fail(const std::string& path, int err, std::string* origin,
            absl::Status* error) {
    *origin = path;
    *error = err == ENOENT
                 ? absl::NotFoundError(path + ": no such file or directory")
                 : OpenError(path, err);
    ++errors_;
    return true;
  }

  // Lists the regular files below `dir`, skipping hidden names, sorted.
  absl::Status ExpandDirectory(const std::string& dir) {
    pending_.clear();
    next_pending_ = 0;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        ec.clear();
        continue;
      }
      // In a directory only articles count (.txt, .text, .jsonl, .json, .pb,
      // or no extension), so lexicons or notes kept beside them are not read
      // as documents. Files named on the command line are read whatever
      // their name.
      if (it->is_regular_file(ec) && IsArticleName(it->path())) {
        pending_.push_back(it->path().string());
      }
      ec.clear();
    }
    std::sort(pending_.begin(), pending_.end());
    if (ec) {
      return absl::UnavailableError(
          absl::StrCat(dir, ": cannot read directory: ", ec.message()));
    }
    if (pending_.empty()) {
      return absl::NotFoundError(absl::StrCat(
          dir, ": no article files (.txt, .jsonl, .json, .pb) in directory"));
    }
    return absl::OkStatus();
  }

  void OpenFile(std::string path, FILE* f, Format format) {
    Close();
    path_ = std::move(path);
    file_ = f;
    format_ = format;
    line_no_ = 0;
    records_in_file_ = 0;
    empty_checked_ = false;
    seen_record_ = false;
    if (format_ == Format::kPb) {
      pb_in_ =
          std::make_unique<google::protobuf::io::FileInputStream>(fileno(f));
    } else {
      lines_ = std::make_unique<LineReader>(f, options_.max_record_bytes);
    }
  }

  void Close() {
    pb_in_.reset();
    lines_.reset();
    if (file_ != nullptr && file_ != stdin) std::fclose(file_);
    file_ = nullptr;
  }

  // Reads one record from the open file. False when the file is done (and
  // closed) without producing a record or an error.
  bool ReadRecord(v1::Document* doc, std::string* origin, absl::Status* error) {
    if (format_ == Format::kPb) return ReadPbRecord(doc, origin, error);
    if (!empty_checked_) {
      empty_checked_ = true;
      int first = lines_->PeekFirstNonSpace();
      if (first < 0) {
        *origin = path_;
        *error = lines_->error_number() != 0
                     ? ReadError()
                     : absl::InvalidArgumentError(
                           absl::StrCat(path_, ": empty file"));
        Close();
        return true;
      }
      if (format_ == Format::kSniff) {
        format_ = first == '{' ? Format::kJsonl : Format::kText;
      }
    }
    if (format_ == Format::kText) return ReadTextFile(doc, origin, error);
    return ReadJsonLine(doc, origin, error);
  }

  absl::Status ReadError() const {
    return absl::UnavailableError(absl::StrCat(
        path_, ": read error: ", std::strerror(lines_->error_number())));
  }

  bool ReadTextFile(v1::Document* doc, std::string* origin,
                    absl::Status* error) {
    *origin = path_;
    std::string text;
    LineReader::Result r = lines_->ReadRest(&text);
    Close();
    if (r == LineReader::kTooLong) {
      *error = absl::ResourceExhaustedError(
          absl::StrCat(path_, ": larger than ", options_.max_record_bytes,
                       " bytes; skipped"));
      return true;
    }
    if (r == LineReader::kReadError) {
      *error = absl::UnavailableError(absl::StrCat(path_, ": read error"));
      return true;
    }
    if (absl::StartsWith(text, kBom)) text.erase(0, kBom.size());
    absl::Status s = CheckDocumentText(text);
    if (!s.ok()) {
      *error = At(path_, s);
      return true;
    }
    doc->Clear();
    if (path_ == kStdinName) {
      doc->set_id("stdin");
    } else {
      doc->set_id(fs::path(path_).stem().string());
    }
    doc->set_text(std::move(text));
    doc->set_language("en");
    *error = absl::OkStatus();
    return true;
  }

  bool ReadJsonLine(v1::Document* doc, std::string* origin,
                    absl::Status* error) {
    while (true) {
      absl::string_view line;
      LineReader::Result r = lines_->Next(&line);
      if (r == LineReader::kEof) {
        Close();
        return false;
      }
      ++line_no_;
      // (Written over the last line's, in the memory it has.)
      origin->assign(path_);
      absl::StrAppend(origin, ":", line_no_);
      if (r == LineReader::kReadError) {
        *error =
            At(*origin,
               absl::UnavailableError(absl::StrCat(
                   "read error: ", std::strerror(lines_->error_number()))));
        Close();
        return true;
      }
      if (r == LineReader::kTooLong) {
        *error = At(*origin, absl::ResourceExhaustedError(absl::StrCat(
                                 "line longer than ", options_.max_record_bytes,
                                 " bytes; skipped")));
        return true;
      }
      if (IsBlank(line)) continue;
      absl::Status s = ParseJsonDocument(line, &scratch_);
      if (!s.ok()) {
        absl::string_view trimmed = absl::StripAsciiWhitespace(line);
        if (!seen_record_ && (trimmed == "{" || trimmed == "[")) {
          // Pretty-printed JSON: every following line would fail too.
          *error = At(*origin, absl::InvalidArgumentError(
                                   "expected one JSON object per line (JSON "
                                   "Lines), found multi-line JSON; rest of "
                                   "file skipped"));
          Close();
          return true;
        }
        seen_record_ = true;
        *error = At(*origin, s);
        return true;
      }
      seen_record_ = true;
      doc->Swap(&scratch_);
      *error = absl::OkStatus();
      return true;
    }
  }

  bool ReadPbRecord(v1::Document* doc, std::string* origin,
                    absl::Status* error) {
    bool clean_eof = false;
    bool parsed;
    {
      // One CodedInputStream per record (its byte limit is per stream). It
      // must be gone before Close() destroys the stream it reads from.
      // Invalid UTF-8 in a string field fails the parse, which we report;
      // keep protobuf from logging it to stderr as well.
      google::protobuf::LogSilencer quiet;
      google::protobuf::io::CodedInputStream coded(pb_in_.get());
      coded.SetTotalBytesLimit(static_cast<int>(std::min<size_t>(
          options_.max_record_bytes + 16, std::numeric_limits<int>::max())));
      parsed = google::protobuf::util::ParseDelimitedFromCodedStream(
          &scratch_, &coded, &clean_eof);
    }
    ++records_in_file_;
    *origin = absl::StrCat(path_, ":record ", records_in_file_);
    if (!parsed) {
      bool empty = records_in_file_ == 1;
      if (clean_eof && !empty) {
        Close();
        return false;
      }
      *error = clean_eof
                   ? absl::InvalidArgumentError(path_ + ": empty file")
                   : absl::DataLossError(absl::StrCat(
                         *origin,
                         ": truncated or corrupt Document record; rest of "
                         "file skipped"));
      if (clean_eof) *origin = path_;
      Close();
      return true;
    }
    absl::Status s = CheckDocumentText(scratch_.text());
    if (!s.ok()) {
      *error = At(*origin, s);
      return true;
    }
    if (scratch_.language().empty()) scratch_.set_language("en");
    doc->Swap(&scratch_);
    *error = absl::OkStatus();
    return true;
  }

  const std::vector<std::string> inputs_;
  const DocumentReaderOptions options_;
  size_t next_input_ = 0;
  std::vector<std::string> pending_;  // files of the current directory
  size_t next_pending_ = 0;

  // The open file.
  std::string path_;
  FILE* file_ = nullptr;
  Format format_ = Format::kSniff;
  std::unique_ptr<LineReader> lines_;
  std::unique_ptr<google::protobuf::io::FileInputStream> pb_in_;
  int64_t line_no_ = 0;
  int64_t records_in_file_ = 0;
  bool empty_checked_ = false;
  bool seen_record_ = false;  // a non-blank JSONL line was read
  v1::Document scratch_;

  int64_t documents_ = 0;
  int64_t errors_ = 0;
};

DocumentReader::DocumentReader(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
DocumentReader::~DocumentReader() = default;

absl::StatusOr<std::unique_ptr<DocumentReader>> DocumentReader::Open(
    std::vector<std::string> inputs, const DocumentReaderOptions& options) {
  if (inputs.empty()) {
    return absl::InvalidArgumentError("no inputs given (use '-' for stdin)");
  }
  if (std::count(inputs.begin(), inputs.end(), "-") > 1) {
    return absl::InvalidArgumentError("'-' (stdin) given more than once");
  }
  if (std::count(inputs.begin(), inputs.end(), "") > 0) {
    return absl::InvalidArgumentError("empty input path");
  }
  return std::unique_ptr<DocumentReader>(
      new DocumentReader(std::make_unique<Impl>(std::move(inputs), options)));
}

bool DocumentReader::Next(v1::Document* doc, std::string* origin,
                          absl::Status* error) {
  return impl_->Next(doc, origin, error);
}

int64_t DocumentReader::documents() const { return impl_->documents(); }
int64_t DocumentReader::errors() const { return impl_->errors(); }

}  // namespace whosaid
