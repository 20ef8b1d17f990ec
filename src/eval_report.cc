// Printing evaluation scores: text and Markdown tables (rows = metrics,
// columns = datasets) and JSON.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
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
  // For a rate: its value from counts, false when its denominator is 0.
  std::function<bool(const ScoreCounts&, double*)> value = nullptr;
};

std::vector<Row> PrfRows(const char* p, const char* r, const char* f,
                         Prf ScoreCounts::*member) {
  return {
      {p,
       [member](const DatasetScores& d) {
         const Prf& x = d.*member;
         // Precision with no predictions is 0, not n/a (see evaluator.h).
         return x.predicted == 0 ? std::string("0.0% (0/0)")
                                 : Cell(x.matched, x.predicted);
       },
       [member](const ScoreCounts& c, double* v) {
         *v = (c.*member).precision();
         return (c.*member).predicted > 0;
       }},
      {r,
       [member](const DatasetScores& d) {
         const Prf& x = d.*member;
         return Cell(x.matched, x.gold);
       },
       [member](const ScoreCounts& c, double* v) {
         *v = (c.*member).recall();
         return (c.*member).gold > 0;
       }},
      {f,
       [member](const DatasetScores& d) {
         const Prf& x = d.*member;
         return x.gold == 0 ? std::string("n/a") : Percent(x.f1());
       },
       [member](const ScoreCounts& c, double* v) {
         *v = (c.*member).f1();
         return (c.*member).gold > 0;
       }},
  };
}

Row RatioRow(const char* name, Ratio ScoreCounts::*member) {
  return {name, [member](const DatasetScores& d) { return Cell(d.*member); },
          [member](const ScoreCounts& c, double* v) {
            *v = (c.*member).value();
            return (c.*member).total > 0;
          }};
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
                         "content@0.5 F1", &ScoreCounts::content)) {
    rows.push_back(std::move(r));
  }
  for (auto& r : PrfRows("content exact precision", "content exact recall",
                         "content exact F1", &ScoreCounts::exact)) {
    rows.push_back(std::move(r));
  }
  for (auto& r : PrfRows("end-to-end precision", "end-to-end recall",
                         "end-to-end F1", &ScoreCounts::end_to_end)) {
    rows.push_back(std::move(r));
  }
  const Row more[] = {
      RatioRow("speaker accuracy", &ScoreCounts::speaker),
      RatioRow("speaker canonical accuracy", &ScoreCounts::speaker_canonical),
      RatioRow("speaker canonical accuracy (strict)",
               &ScoreCounts::speaker_canonical_strict),
      RatioRow("cue accuracy", &ScoreCounts::cue),
      RatioRow("kind accuracy", &ScoreCounts::kind),
      RatioRow("recall direct", &ScoreCounts::recall_direct),
      RatioRow("recall indirect", &ScoreCounts::recall_indirect),
      RatioRow("recall mixed", &ScoreCounts::recall_mixed),
      RatioRow("speech-cue recall", &ScoreCounts::speech_cue_recall),
      RatioRow("speech-cue end-to-end recall",
               &ScoreCounts::speech_cue_end_to_end_recall),
      RatioRow("stance accuracy", &ScoreCounts::stance),
      RatioRow("addressee accuracy", &ScoreCounts::addressee),
      RatioRow("reported_via accuracy", &ScoreCounts::reported_via),
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

// The "intervals" member of a dataset's JSON object: metric name ->
// {"value", "low", "high"}.
void AppendIntervalsJson(const std::vector<MetricInterval>& intervals,
                         std::string* out) {
  AppendKey("intervals", out);
  out->push_back('{');
  for (size_t i = 0; i < intervals.size(); ++i) {
    const MetricInterval& m = intervals[i];
    if (i > 0) out->push_back(',');
    AppendKey(m.metric, out);
    absl::StrAppend(out, absl::StrFormat("{\"value\":%.6g,\"low\":%.6g,"
                                         "\"high\":%.6g}",
                                         m.value, m.low, m.high));
  }
  out->push_back('}');
}

void AppendTallyJson(const ClaimTally& t, std::string* out) {
  absl::StrAppend(out, "\"claims\":", t.predicted, ",\"matched\":", t.matched,
                  ",\"end_to_end\":", t.end_to_end,
                  absl::StrFormat(",\"mean_confidence\":%.6g", t.mean_confidence()));
}

// The "by_rule" and "by_confidence" members of a dataset's JSON object.
void AppendTalliesJson(const DatasetScores& d, std::string* out) {
  *out += "\"by_rule\":[";
  bool first = true;
  for (const auto& [rule, t] : d.by_rule) {
    if (!first) out->push_back(',');
    first = false;
    out->push_back('{');
    AppendKey("rule", out);
    internal::AppendJsonString(rule, out);
    out->push_back(',');
    AppendTallyJson(t, out);
    out->push_back('}');
  }
  *out += "],\"by_confidence\":[";
  for (int b = 0; b < kConfidenceBands; ++b) {
    if (b > 0) out->push_back(',');
    absl::StrAppend(out, absl::StrFormat("{\"low\":%.1f,\"high\":%.1f,",
                                         static_cast<double>(b) / kConfidenceBands,
                                         static_cast<double>(b + 1) / kConfidenceBands));
    AppendTallyJson(d.by_confidence[b], out);
    out->push_back('}');
  }
  out->push_back(']');
}

// `intervals`: empty, or one list per dataset (BootstrapIntervals()).
std::string Json(absl::Span<const DatasetScores> scores,
                 const std::vector<std::vector<MetricInterval>>& intervals) {
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
    AppendTalliesJson(d, &out);
    out += ",";
    if (i < intervals.size()) {
      AppendIntervalsJson(intervals[i], &out);
      out += ",";
    }
    AppendExamplesJson("misses", d.misses, &out);
    out += ",";
    AppendExamplesJson("false_alarms", d.false_alarms, &out);
    out += "}";
  }
  out += "]}\n";
  return out;
}

}  // namespace

std::vector<MetricInterval> BootstrapIntervals(const DatasetScores& scores,
                                               const BootstrapOptions& options) {
  std::vector<MetricInterval> out;
  const std::vector<ScoreCounts>& docs = scores.per_document;
  if (options.rounds <= 0 || docs.empty() ||
      docs.size() != static_cast<size_t>(scores.documents)) {
    return out;
  }
  std::vector<Row> metrics;
  for (Row& r : Rows()) {
    double v;
    if (r.value && r.value(scores, &v)) {
      out.push_back({r.name, v, 0, 0});
      metrics.push_back(std::move(r));
    }
  }
  // values[m][k]: metric m on the k-th resampled dataset.
  std::vector<std::vector<double>> values(
      metrics.size(), std::vector<double>(static_cast<size_t>(options.rounds)));
  std::mt19937_64 rng(options.seed);
  const uint64_t n = docs.size();
  for (int k = 0; k < options.rounds; ++k) {
    ScoreCounts sample;
    for (uint64_t i = 0; i < n; ++i) {
      // (A draw from [0, n) the same on every platform, where
      // std::uniform_int_distribution is the library's own; its bias, n in
      // 2^64, is nothing beside the sampling's.)
      const uint64_t pick = rng() % n;
      sample.Add(docs[pick]);
    }
    for (size_t m = 0; m < metrics.size(); ++m) {
      double v = 0;
      metrics[m].value(sample, &v);  // 0 when the sample has no denominator
      values[m][static_cast<size_t>(k)] = v;
    }
  }
  const double c = std::clamp(options.confidence, 0.0, 1.0);
  const size_t rounds = static_cast<size_t>(options.rounds);
  const size_t lo = static_cast<size_t>(std::floor(rounds * (1 - c) / 2));
  size_t hi = static_cast<size_t>(std::ceil(rounds * (1 + c) / 2));
  hi = std::clamp<size_t>(hi, lo + 1, rounds) - 1;
  for (size_t m = 0; m < metrics.size(); ++m) {
    std::vector<double>& v = values[m];
    std::sort(v.begin(), v.end());
    out[m].low = v[std::min(lo, rounds - 1)];
    out[m].high = v[hi];
  }
  return out;
}

std::string FormatScores(absl::Span<const DatasetScores> scores,
                         ReportFormat format,
                         const BootstrapOptions* bootstrap) {
  std::vector<std::vector<MetricInterval>> intervals;
  if (bootstrap != nullptr) {
    for (const DatasetScores& d : scores) {
      intervals.push_back(BootstrapIntervals(d, *bootstrap));
    }
  }
  if (format == ReportFormat::kJson) return Json(scores, intervals);
  std::vector<std::string> header = {"metric"};
  for (const DatasetScores& d : scores) header.push_back(d.source);
  std::vector<std::vector<std::string>> body;
  for (const Row& r : Rows()) {
    std::vector<std::string> row = {r.name};
    for (const DatasetScores& d : scores) row.push_back(r.cell(d));
    body.push_back(std::move(row));
  }
  std::string out = TextTable(header, body, format);
  if (bootstrap == nullptr) return out;
  // The interval table: the rows some dataset has an interval for.
  body.clear();
  for (const Row& r : Rows()) {
    std::vector<std::string> row = {r.name};
    bool any = false;
    for (const std::vector<MetricInterval>& list : intervals) {
      auto it = std::find_if(list.begin(), list.end(), [&](const MetricInterval& m) {
        return m.metric == r.name;
      });
      if (it == list.end()) {
        row.push_back("n/a");
        continue;
      }
      any = true;
      row.push_back(absl::StrCat("[", Percent(it->low), ", ", Percent(it->high), "]"));
    }
    if (any) body.push_back(std::move(row));
  }
  const bool md = format == ReportFormat::kMarkdown;
  absl::StrAppend(&out, "\n",
                  absl::StrFormat("%g%% intervals over documents drawn with "
                                  "replacement (%d rounds, seed %d):\n",
                                  100 * bootstrap->confidence, bootstrap->rounds,
                                  bootstrap->seed),
                  md ? "\n" : "");
  if (body.empty()) {
    out += "none: no per-document counts\n";
  } else {
    out += TextTable(header, body, format);
  }
  return out;
}

std::string FormatClaimTallies(absl::Span<const DatasetScores> scores,
                               ReportFormat format) {
  if (format == ReportFormat::kJson) return "";
  const bool md = format == ReportFormat::kMarkdown;
  auto cells = [](const ClaimTally& t) {
    return std::vector<std::string>{
        absl::StrCat(t.predicted), Cell(t.matched, t.predicted),
        Cell(t.end_to_end, t.predicted),
        t.predicted == 0 ? "n/a" : absl::StrFormat("%.2f", t.mean_confidence())};
  };
  std::string out;
  for (const DatasetScores& d : scores) {
    absl::StrAppend(&out, md ? "\n### Claims by rule: " : "\n== Claims by rule: ",
                    d.source, md ? "\n\n" : " ==\n");
    std::vector<std::pair<std::string, const ClaimTally*>> rules;
    for (const auto& [rule, t] : d.by_rule) rules.emplace_back(rule, &t);
    // Most claims first; ties by name.
    std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
      if (a.second->predicted != b.second->predicted) {
        return a.second->predicted > b.second->predicted;
      }
      return a.first < b.first;
    });
    std::vector<std::vector<std::string>> body;
    for (const auto& [rule, t] : rules) {
      std::vector<std::string> row = {rule.empty() ? "(none)" : rule};
      for (std::string& c : cells(*t)) row.push_back(std::move(c));
      body.push_back(std::move(row));
    }
    const std::vector<std::string> columns = {
        "claims", "content precision", "end-to-end precision", "mean confidence"};
    std::vector<std::string> header = {"rule"};
    header.insert(header.end(), columns.begin(), columns.end());
    out += body.empty() ? "no claims\n" : TextTable(header, body, format);

    absl::StrAppend(&out, md ? "\n### Claims by confidence: "
                             : "\n== Claims by confidence: ",
                    d.source, md ? "\n\n" : " ==\n");
    body.clear();
    for (int b = 0; b < kConfidenceBands; ++b) {
      const ClaimTally& t = d.by_confidence[b];
      if (t.predicted == 0) continue;
      // (The last band holds 1.)
      std::vector<std::string> row = {absl::StrCat(
          absl::StrFormat("[%.1f, %.1f", static_cast<double>(b) / kConfidenceBands,
                          static_cast<double>(b + 1) / kConfidenceBands),
          b + 1 < kConfidenceBands ? ")" : "]")};
      for (std::string& c : cells(t)) row.push_back(std::move(c));
      body.push_back(std::move(row));
    }
    header[0] = "confidence";
    out += body.empty() ? "no claims\n" : TextTable(header, body, format);
  }
  return out;
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
    examples("wrong kinds (gold [content], predicted {content})",
             d.wrong_kinds);
  }
  return out;
}

}  // namespace whosaid
