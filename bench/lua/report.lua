-- Shared by every scenario: prints one JSON line of the run's figures for bench/run.sh.
-- A script may set report.extra to more JSON members (without braces) for that line.
-- A script that counts its answers by X-Cache-Status adds them up in a global table `statuses`
-- (status -> count; each wrk thread has its own), sets `setup = report.keep_thread` and
-- `done = report.done_with_statuses`: the counts of all threads go into the line as "cache_status".
local M = {}
local threads = {}

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

function M.keep_thread(thread) threads[#threads + 1] = thread end

function M.done_with_statuses(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for s, count in pairs(thread:get("statuses") or {}) do total[s] = (total[s] or 0) + count end
  end
  local members = {}
  for s, count in pairs(total) do members[#members + 1] = string.format('"%s":%d', s, count) end
  table.sort(members)
  M.extra = '"cache_status":{' .. table.concat(members, ",") .. "}"
  M.done(summary, latency, requests)
end

return M
