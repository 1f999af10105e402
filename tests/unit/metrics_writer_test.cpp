#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "http/metrics_writer.hpp"

namespace zomato::http {
namespace {

TEST(MetricsWriter, WritesHelpAndTypeOnceThenEverySampleOfTheFamily) {
  metrics_writer out;
  out.family("jobs_total", metric_type::counter, "Jobs run.")
      .value({{"job", "a"}}, std::uint64_t{3})
      .value({{"job", "b"}}, std::uint64_t{4});
  out.family("queue_depth", metric_type::gauge, "Waiting now.").value({}, std::int64_t{-2});
  EXPECT_EQ(out.text(),
            "# HELP jobs_total Jobs run.\n"
            "# TYPE jobs_total counter\n"
            "jobs_total{job=\"a\"} 3\n"
            "jobs_total{job=\"b\"} 4\n"
            "# HELP queue_depth Waiting now.\n"
            "# TYPE queue_depth gauge\n"
            "queue_depth -2\n");
}

TEST(MetricsWriter, RefusesAFamilyWrittenTwice) {
  metrics_writer out;
  out.family("jobs_total", metric_type::counter, "Jobs run.");
  EXPECT_THROW(out.family("jobs_total", metric_type::counter, "Jobs run."), std::logic_error);
}

TEST(MetricsWriter, RefusesSamplesOutsideTheirKindOfFamily) {
  const std::array<double, 1> bounds{1.0};
  const std::array<std::uint64_t, 2> counts{1, 0};
  metrics_writer none;
  EXPECT_THROW(none.value({}, std::uint64_t{1}), std::logic_error);
  metrics_writer gauge;
  gauge.family("depth", metric_type::gauge, "Depth.");
  EXPECT_THROW(gauge.histogram({}, bounds, counts, 0.5), std::logic_error);
  metrics_writer histogram;
  histogram.family("wait_seconds", metric_type::histogram, "Waits.");
  EXPECT_THROW(histogram.value({}, 1.0), std::logic_error);
}

TEST(MetricsWriter, EscapesBackslashQuoteAndNewlineInLabelValues) {
  metrics_writer out;
  out.family("paths", metric_type::gauge, "Paths.").value({{"path", "a\\b\"c\"\nd"}, {"plain", "x{y}=z,"}}, 1.5);
  EXPECT_EQ(out.text(),
            "# HELP paths Paths.\n"
            "# TYPE paths gauge\n"
            "paths{path=\"a\\\\b\\\"c\\\"\\nd\",plain=\"x{y}=z,\"} 1.5\n");
}

TEST(MetricsWriter, EscapesBackslashAndNewlineInHelpButNotQuotes) {
  metrics_writer out;
  out.family("x", metric_type::gauge, "A \"quoted\" c:\\path\nsecond line");
  EXPECT_EQ(out.text().substr(0, out.text().find('\n') + 1), "# HELP x A \"quoted\" c:\\\\path\\nsecond line\n");
}

TEST(MetricsWriter, WritesNumbersExactlyOrInTheirShortestForm) {
  metrics_writer out;
  out.family("n", metric_type::gauge, "Numbers.")
      .value({{"k", "big"}}, std::numeric_limits<std::uint64_t>::max())
      .value({{"k", "small"}}, 0.0001)
      .value({{"k", "tiny"}}, 5e-05)
      .value({{"k", "large"}}, 1e6)
      .value({{"k", "third"}}, 1.0 / 3)
      .value({{"k", "up"}}, std::numeric_limits<double>::infinity())
      .value({{"k", "down"}}, -std::numeric_limits<double>::infinity())
      .value({{"k", "nan"}}, std::numeric_limits<double>::quiet_NaN());
  EXPECT_NE(out.text().find("n{k=\"big\"} 18446744073709551615\n"), std::string::npos);
  EXPECT_NE(out.text().find("n{k=\"small\"} 0.0001\n"), std::string::npos);
  EXPECT_NE(out.text().find("n{k=\"tiny\"} 5e-05\n"), std::string::npos);
  EXPECT_NE(out.text().find("n{k=\"large\"} 1e+06\n"), std::string::npos);
  EXPECT_NE(out.text().find("n{k=\"third\"} 0.3333333333333333\n"), std::string::npos);
  EXPECT_NE(out.text().find("n{k=\"up\"} +Inf\n"), std::string::npos);
  EXPECT_NE(out.text().find("n{k=\"down\"} -Inf\n"), std::string::npos);
  EXPECT_NE(out.text().find("n{k=\"nan\"} NaN\n"), std::string::npos);
}

TEST(MetricsWriter, WritesHistogramsAsCumulativeBucketsWithInfSumAndCount) {
  const std::array<double, 3> bounds{0.001, 0.01, 0.1};
  const std::array<std::uint64_t, 4> counts{2, 0, 3, 1};  // the last one above 0.1
  metrics_writer out;
  out.family("wait_seconds", metric_type::histogram, "Waits.").histogram({{"route", "/a"}}, bounds, counts, 0.75);
  EXPECT_EQ(out.text(),
            "# HELP wait_seconds Waits.\n"
            "# TYPE wait_seconds histogram\n"
            "wait_seconds_bucket{route=\"/a\",le=\"0.001\"} 2\n"
            "wait_seconds_bucket{route=\"/a\",le=\"0.01\"} 2\n"
            "wait_seconds_bucket{route=\"/a\",le=\"0.1\"} 5\n"
            "wait_seconds_bucket{route=\"/a\",le=\"+Inf\"} 6\n"
            "wait_seconds_sum{route=\"/a\"} 0.75\n"
            "wait_seconds_count{route=\"/a\"} 6\n");
}

TEST(MetricsWriter, WritesAHistogramWithoutLabels) {
  const std::array<double, 1> bounds{1};
  const std::array<std::uint64_t, 2> counts{0, 0};
  metrics_writer out;
  out.family("size", metric_type::histogram, "Sizes.").histogram({}, bounds, counts, 0);
  EXPECT_EQ(out.text(),
            "# HELP size Sizes.\n"
            "# TYPE size histogram\n"
            "size_bucket{le=\"1\"} 0\n"
            "size_bucket{le=\"+Inf\"} 0\n"
            "size_sum 0\n"
            "size_count 0\n");
}

TEST(MetricsWriter, RefusesAHistogramWhoseCountsOrBoundsDoNotFit) {
  const std::array<double, 2> bounds{1, 2};
  const std::array<double, 2> falling{2, 1};
  const std::array<std::uint64_t, 2> too_few{1, 1};
  const std::array<std::uint64_t, 3> counts{1, 1, 1};
  metrics_writer out;
  out.family("size", metric_type::histogram, "Sizes.");
  EXPECT_THROW(out.histogram({}, bounds, too_few, 0), std::logic_error);
  EXPECT_THROW(out.histogram({}, falling, counts, 0), std::logic_error);
  EXPECT_NO_THROW(out.histogram({}, bounds, counts, 0));
}

}  // namespace
}  // namespace zomato::http
