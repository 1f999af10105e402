#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zomato::http {

/// The Content-Type of Prometheus' text exposition format, version 0.0.4.
inline constexpr std::string_view metrics_content_type = "text/plain; version=0.0.4; charset=utf-8";

/// Whether `text` is [a-zA-Z_][a-zA-Z0-9_]*, with ':' as a letter too when `colons`.
consteval bool is_metric_identifier(std::string_view text, bool colons) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colons && c == ':');
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return !text.empty();
}

/// A metric family's name written in the source, checked when compiled: [a-zA-Z_:][a-zA-Z0-9_:]*.
class metric_name {
 public:
  template <std::size_t N>
  consteval metric_name(const char (&text)[N]) : text_(text, N - 1) {
    if (!is_metric_identifier(text_, true)) throw "a metric name is [a-zA-Z_:][a-zA-Z0-9_:]*";
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

/// A label's name written in the source, checked when compiled: [a-zA-Z_][a-zA-Z0-9_]*, not
/// beginning with "__" (reserved) and not "le" (the writer's own, for histogram buckets).
class label_name {
 public:
  template <std::size_t N>
  consteval label_name(const char (&text)[N]) : text_(text, N - 1) {
    if (!is_metric_identifier(text_, false) || text_.starts_with("__") || text_ == "le") {
      throw "a label name is [a-zA-Z_][a-zA-Z0-9_]*, not reserved";
    }
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

/// One label of a sample; the value is any text (escaped as the format requires).
struct label {
  label_name name;
  std::string_view value;
};

using labels = std::initializer_list<label>;

enum class metric_type { counter, gauge, histogram };

/// Writes Prometheus' text exposition format (0.0.4) into a string: each family's HELP and
/// TYPE lines once, then its samples. Label values are escaped (backslash, double quote,
/// newline); numbers are written exactly (integers) or in their shortest form that reads back
/// the same (+Inf, -Inf and NaN as the format spells them).
class metrics_writer {
 public:
  /// Begins a family: its HELP and TYPE lines. Every sample until the next family belongs to
  /// it. Throws std::logic_error when a family of that name was begun before.
  metrics_writer& family(metric_name name, metric_type type, std::string_view help);

  /// One sample of the counter or gauge family begun last. Throws std::logic_error when there
  /// is none or it is a histogram.
  metrics_writer& value(labels with, std::uint64_t number);
  metrics_writer& value(labels with, std::int64_t number);
  metrics_writer& value(labels with, double number);

  /// One histogram of the histogram family begun last: `counts` holds the observations of
  /// each bucket (those at most bounds[i] and above the bound before it, not cumulative) and,
  /// last, those above every bound; written as cumulative _bucket lines (le="<bound>", then
  /// le="+Inf"), _sum and _count. Throws std::logic_error when there is no histogram family,
  /// the bounds do not rise, or counts does not hold one more number than bounds.
  metrics_writer& histogram(labels with, std::span<const double> bounds, std::span<const std::uint64_t> counts,
                            double sum);

  /// What was written so far.
  const std::string& text() const { return out_; }

 private:
  /// The current family's name with `suffix`, its labels and, when not empty, le="<bucket>".
  void sample_name(std::string_view suffix, labels with, std::string_view bucket = {});
  /// Checks that a family was begun, and that it is a histogram or (wanted false) not.
  void expect_histogram(bool wanted) const;
  template <class Number>
  metrics_writer& sample(labels with, Number number);

  std::string out_;
  std::vector<std::string_view> families_;
  metric_type type_ = metric_type::gauge;
};

}  // namespace zomato::http
