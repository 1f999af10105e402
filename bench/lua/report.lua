-- Shared by every scenario: prints one JSON line of the run's figures for bench/run.sh.
-- A script may set report.extra to more JSON members (without braces) for that line.
local M = {}

function M.done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.timeout + summary.errors.status
  local seconds = summary.duration / 1e6
  local extra = M.extra and M.extra ~= "" and ("," .. M.extra) or ""
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,' ..
    '"max_ms":%.3f,"errors":%d,"non_2xx":%d%s}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, errors, summary.errors.status, extra))
end

return M
