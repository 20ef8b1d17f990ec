// Printing evaluation scores: text and Markdown tables (rows = metrics,
// columns = datasets) and JSON.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "internal/json.h"
#include "whosaid/evaluator.h"

namespace whosaid {

namespace {

std::string Percent(double v) { return absl::StrFormat("%.1f%%", 100 * v); }

std::string Cell(int64_t right, int64_t total) {
  if (total == 0) return "n/a";
  return absl::StrCat(Percent(static_cast<double>(right) / total), " (", right,
                      "/", total, ")");
}

std::string Cell(const Ratio& r) { return Cell(r.right, r.total); }

struct Row {
  const char* name;
  std::function<std::string(const DatasetScores&)> cell;
};

std::vector<Row> PrfRows(const char* p, const char* r, const char* f,
                         Prf DatasetScores::*member) {
  return {
      {p,
       [member](const DatasetScores& d) {
         const Prf& x = d.*member;
         // Precision with no predictions is 0, not n/a (see evaluator.h).
         return x.predicted == 0 ? std::string("0.0% (0/0)")
                                 : Cell(x.matched, x.predicted);
       }},
      {r,
       [member](const DatasetScores& d) {
         const Prf& x = d.*member;
         return Cell(x.matched, x.gold);
       }},
      {f,
       [member](const DatasetScores& d) {
         const Prf& x = d.*member;
         return x.gold == 0 ? std::string("n/a") : Percent(x.f1());
       }},
  };
}

Row RatioRow(const char* name, Ratio DatasetScores::*member) {
  return {name, [member](const DatasetScores& d) { return Cell(d.*member); }};
}

std::vector<Row> Rows() {
  std::vector<Row> rows = {
      {"documents",
       [](const DatasetScores& d) { return absl::StrCat(d.documents); }},
      {"gold quotes",
       [](const DatasetScores& d) { return absl::StrCat(d.content.gold); }},
      {"predicted claims",
       [](const DatasetScores& d) {
         return absl::StrCat(d.content.predicted);
       }},
  };
  for (auto& r : PrfRows("content@0.5 precision", "content@0.5 recall",
                         "content@0.5 F1", &DatasetScores::content)) {
    rows.push_back(std::move(r));
  }
  for (auto& r : PrfRows("content exact precision", "content exact recall",
                         "content exact F1", &DatasetScores::exact)) {
    rows.push_back(std::move(r));
  }
  for (auto& r : PrfRows("end-to-end precision", "end-to-end recall",
                         "end-to-end F1", &DatasetScores::end_to_end)) {
    rows.push_back(std::move(r));
  }
  const Row more[] = {
      RatioRow("speaker accuracy", &DatasetScores::speaker),
      RatioRow("speaker canonical accuracy", &DatasetScores::speaker_canonical),
      RatioRow("speaker canonical accuracy (strict)",
               &DatasetScores::speaker_canonical_strict),
      RatioRow("cue accuracy", &DatasetScores::cue),
      RatioRow("kind accuracy", &DatasetScores::kind),
      RatioRow("recall direct", &DatasetScores::recall_direct),
      RatioRow("recall indirect", &DatasetScores::recall_indirect),
      RatioRow("recall mixed", &DatasetScores::recall_mixed),
      RatioRow("speech-cue recall", &DatasetScores::speech_cue_recall),
      RatioRow("speech-cue end-to-end recall",
               &DatasetScores::speech_cue_end_to_end_recall),
      RatioRow("stance accuracy", &DatasetScores::stance),
      RatioRow("addressee accuracy", &DatasetScores::addressee),
      RatioRow("reported_via accuracy", &DatasetScores::reported_via),
  };
  for (const Row& r : more) rows.push_back(r);
  return rows;
}

// Columns before `left_columns` are aligned left, the others right.
std::string TextTable(const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& body,
                      ReportFormat format, size_t left_columns = 1) {
  std::vector<size_t> width(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      width[i] = std::max(width[i], row[i].size());
    }
  };
  measure(header);
  for (const auto& row : body) measure(row);
  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    if (format == ReportFormat::kMarkdown) {
      absl::StrAppend(&out, "| ", absl::StrJoin(row, " | "), " |\n");
      return;
    }
    for (size_t i = 0; i < row.size(); ++i) {
      std::string pad(width[i] - row[i].size(), ' ');
      if (i > 0) out += "  ";
      absl::StrAppend(&out, i < left_columns ? row[i] + pad : pad + row[i]);
    }
    out += "\n";
  };
  line(header);
  if (format == ReportFormat::kMarkdown) {
    std::vector<std::string> sep(header.size(), "---:");
    for (size_t i = 0; i < left_columns && i < sep.size(); ++i) sep[i] = "---";
    line(sep);
  } else {
    size_t total = 0;
    for (size_t w : width) total += w + 2;
    out += std::string(total - 2, '-') + "\n";
  }
  for (const auto& row : body) line(row);
  return out;
}

void AppendKey(absl::string_view key, std::string* out) {
  internal::AppendJsonString(key, out);
  out->push_back(':');
}

void AppendRatioJson(absl::string_view key, int64_t right, int64_t total,
                     std::string* out) {
  AppendKey(key, out);
  absl::StrAppend(out, "{\"right\":", right, ",\"total\":", total);
  if (total > 0) {
    absl::StrAppend(
        out, ",\"value\":",
        absl::StrFormat("%.6g", static_cast<double>(right) / total));
  }
  out->push_back('}');
}

void AppendPrfJson(absl::string_view key, const Prf& p, std::string* out) {
  AppendKey(key, out);
  absl::StrAppend(out, "{\"matched\":", p.matched, ",\"gold\":", p.gold,
                  ",\"predicted\":", p.predicted,
                  absl::StrFormat(",\"precision\":%.6g,\"recall\":%.6g,"
                                  "\"f1\":%.6g}",
                                  p.precision(), p.recall(), p.f1()));
}

void AppendExamplesJson(absl::string_view key,
                        const std::vector<ErrorExample>& examples,
                        std::string* out) {
  AppendKey(key, out);
  out->push_back('[');
  for (size_t i = 0; i < examples.size(); ++i) {
    const ErrorExample& e = examples[i];
    if (i > 0) out->push_back(',');
    out->push_back('{');
    AppendKey("cause", out);
    internal::AppendJsonString(ErrorCauseName(e.cause), out);
    out->push_back(',');
    AppendKey("subgroup", out);
    internal::AppendJsonString(e.subgroup, out);
    out->push_back(',');
    AppendKey("document_id", out);
    internal::AppendJsonString(e.document_id, out);
    out->push_back(',');
    AppendKey("context", out);
    internal::AppendJsonString(e.context, out);
    out->push_back(',');
    AppendKey("detail", out);
    internal::AppendJsonString(e.detail, out);
    out->push_back('}');
  }
  out->push_back(']');
}

std::string Json(absl::Span<const DatasetScores> scores) {
  std::string out = "{\"datasets\":[";
  for (size_t i = 0; i < scores.size(); ++i) {
    const DatasetScores& d = scores[i];
    if (i > 0) out += ",";
    out += "{";
    AppendKey("source", &out);
    internal::AppendJsonString(d.source, &out);
    absl::StrAppend(&out, ",\"documents\":", d.documents, ",");
    AppendPrfJson("content", d.content, &out);
    out += ",";
    AppendPrfJson("content_exact", d.exact, &out);
    out += ",";
    AppendPrfJson("end_to_end", d.end_to_end, &out);
    const std::pair<const char*, const Ratio*> ratios[] = {
        {"speaker", &d.speaker},
        {"speaker_canonical", &d.speaker_canonical},
        {"speaker_canonical_strict", &d.speaker_canonical_strict},
        {"cue", &d.cue},
        {"kind", &d.kind},
        {"recall_direct", &d.recall_direct},
        {"recall_indirect", &d.recall_indirect},
        {"recall_mixed", &d.recall_mixed},
        {"speech_cue_recall", &d.speech_cue_recall},
        {"speech_cue_end_to_end_recall", &d.speech_cue_end_to_end_recall},
        {"stance", &d.stance},
        {"addressee", &d.addressee},
        {"reported_via", &d.reported_via},
    };
    for (const auto& [name, r] : ratios) {
      out += ",";
      AppendRatioJson(name, r->right, r->total, &out);
    }
    out += ",\"errors\":[";
    std::vector<ErrorGroup> groups = GroupErrors(d);
    for (size_t g = 0; g < groups.size(); ++g) {
      if (g > 0) out += ",";
      out += "{";
      AppendKey("cause", &out);
      internal::AppendJsonString(ErrorCauseName(groups[g].cause), &out);
      absl::StrAppend(&out, ",\"count\":", groups[g].count, ",\"subgroups\":[");
      for (size_t k = 0; k < groups[g].subgroups.size(); ++k) {
        if (k > 0) out += ",";
        out += "{";
        AppendKey("name", &out);
        internal::AppendJsonString(groups[g].subgroups[k].first, &out);
        absl::StrAppend(&out, ",\"count\":", groups[g].subgroups[k].second,
                        "}");
      }
      out += "]}";
    }
    out += "],";
    AppendExamplesJson("misses", d.misses, &out);
    out += ",";
    AppendExamplesJson("false_alarms", d.false_alarms, &out);
    out += "}";
  }
  out += "]}\n";
  return out;
}

}  // namespace

std::string FormatScores(absl::Span<const DatasetScores> scores,
                         ReportFormat format) {
  if (format == ReportFormat::kJson) return Json(scores);
  std::vector<std::string> header = {"metric"};
  for (const DatasetScores& d : scores) header.push_back(d.source);
  std::vector<std::vector<std::string>> body;
  for (const Row& r : Rows()) {
    std::vector<std::string> row = {r.name};
    for (const DatasetScores& d : scores) row.push_back(r.cell(d));
    body.push_back(std::move(row));
  }
  return TextTable(header, body, format);
}

std::string FormatErrors(absl::Span<const DatasetScores> scores,
                         ReportFormat format) {
  if (format == ReportFormat::kJson) return "";
  const bool md = format == ReportFormat::kMarkdown;
  std::string out;
  for (const DatasetScores& d : scores) {
    absl::StrAppend(&out, md ? "\n### Errors: " : "\n== Errors: ", d.source,
                    md ? "\n\n" : " ==\n");
    std::vector<std::vector<std::string>> body;
    for (const ErrorGroup& g : GroupErrors(d)) {
      body.push_back(
          {std::string(ErrorCauseName(g.cause)), "", absl::StrCat(g.count)});
      for (const auto& [name, n] : g.subgroups) {
        body.push_back({"", name, absl::StrCat(n)});
      }
    }
    if (body.empty()) {
      out += "no errors\n";
    } else {
      out += TextTable({"cause", "subgroup", "count"}, body, format, 2);
    }
    auto examples = [&](const char* title,
                        const std::vector<ErrorExample>& list) {
      if (list.empty()) return;
      absl::StrAppend(&out, md ? "\n#### " : "\n-- ", title,
                      md ? "\n\n" : " --\n");
      for (const ErrorExample& e : list) {
        // Markdown: code spans, so the <speaker> and |speaker| marks show.
        const char* code = md ? "`" : "";
        absl::StrAppend(&out, "* ", ErrorCauseName(e.cause), " (", e.subgroup,
                        ") in ", e.document_id, "\n  ", code, e.detail, code,
                        "\n  ", code, e.context, code, "\n");
      }
    };
    examples("misses (gold [content] <speaker>, predicted {content} |speaker|)",
             d.misses);
    examples("false alarms (predicted {content} |speaker|)", d.false_alarms);
    examples("wrong speakers (gold <speaker>, predicted |speaker|)",
             d.wrong_speakers);
  }
  return out;
}

}  // namespace whosaid
