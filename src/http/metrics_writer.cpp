#include "http/metrics_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace zomato::http {
namespace {

template <class Number>
void append_number(std::string& out, Number number) {
  if constexpr (std::is_floating_point_v<Number>) {
    if (std::isnan(number)) {
      out += "NaN";
      return;
    }
    if (std::isinf(number)) {
      out += number > 0 ? "+Inf" : "-Inf";
      return;
    }
  }
  std::array<char, 32> digits{};
  const auto end = [&] {
    if constexpr (std::is_floating_point_v<Number>) {
      // As printf's %g with the fewest digits that read back the same: 0.0001, 5e-05, 1e+06.
      return std::to_chars(digits.data(), digits.data() + digits.size(), number, std::chars_format::general).ptr;
    } else {
      return std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
    }
  }();
  out.append(digits.data(), end);
}

// Backslash and newline escaped, and double quotes too in a label value (not in HELP text).
void append_escaped(std::string& out, std::string_view text, bool in_quotes) {
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && in_quotes) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

std::string_view type_name(metric_type type) {
  switch (type) {
    case metric_type::counter: return "counter";
    case metric_type::gauge: return "gauge";
    case metric_type::histogram: return "histogram";
  }
  return "untyped";
}

}  // namespace

metrics_writer& metrics_writer::family(metric_name name, metric_type type, std::string_view help) {
  if (std::find(families_.begin(), families_.end(), name.text()) != families_.end()) {
    throw std::logic_error("the metric family " + std::string(name.text()) + " was written before");
  }
  families_.push_back(name.text());
  type_ = type;
  out_ += "# HELP ";
  out_ += name.text();
  out_ += ' ';
  append_escaped(out_, help, false);
  out_ += "\n# TYPE ";
  out_ += name.text();
  out_ += ' ';
  out_ += type_name(type);
  out_ += '\n';
  return *this;
}

void metrics_writer::expect_histogram(bool wanted) const {
  if (families_.empty()) throw std::logic_error("a metric sample before any family");
  if (wanted != (type_ == metric_type::histogram)) {
    throw std::logic_error("a sample of the wrong type for the metric family " + std::string(families_.back()));
  }
}

void metrics_writer::sample_name(std::string_view suffix, labels with, std::string_view bucket) {
  out_ += families_.back();
  out_ += suffix;
  if (with.size() == 0 && bucket.empty()) return;
  char separator = '{';
  for (const auto& [name, value] : with) {
    out_ += separator;
    out_ += name.text();
    out_ += "=\"";
    append_escaped(out_, value, true);
    out_ += '"';
    separator = ',';
  }
  if (!bucket.empty()) {
    out_ += separator;
    out_ += "le=\"";
    out_ += bucket;
    out_ += '"';
  }
  out_ += '}';
}

template <class Number>
metrics_writer& metrics_writer::sample(labels with, Number number) {
  expect_histogram(false);
  sample_name({}, with);
  out_ += ' ';
  append_number(out_, number);
  out_ += '\n';
  return *this;
}

metrics_writer& metrics_writer::value(labels with, std::uint64_t number) { return sample(with, number); }

metrics_writer& metrics_writer::value(labels with, std::int64_t number) { return sample(with, number); }

metrics_writer& metrics_writer::value(labels with, double number) { return sample(with, number); }

metrics_writer& metrics_writer::histogram(labels with, std::span<const double> bounds,
                                          std::span<const std::uint64_t> counts, double sum) {
  expect_histogram(true);
  if (counts.size() != bounds.size() + 1) throw std::logic_error("a histogram needs one count per bucket and one more");
  if (std::adjacent_find(bounds.begin(), bounds.end(), std::greater_equal<>()) != bounds.end()) {
    throw std::logic_error("a histogram's bounds must rise");
  }
  std::uint64_t below = 0;
  std::string bound;
  for (std::size_t i = 0; i <= bounds.size(); ++i) {
    bound.clear();
    append_number(bound, i < bounds.size() ? bounds[i] : std::numeric_limits<double>::infinity());
    below += counts[i];
    sample_name("_bucket", with, bound);
    out_ += ' ';
    append_number(out_, below);
    out_ += '\n';
  }
  sample_name("_sum", with);
  out_ += ' ';
  append_number(out_, sum);
  out_ += '\n';
  sample_name("_count", with);
  out_ += ' ';
  append_number(out_, below);
  out_ += '\n';
  return *this;
}

}  // namespace zomato::http
