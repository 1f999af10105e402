#!/usr/bin/env bash
# ThreadSanitizer's reports of the tsan test preset go to files (TSAN_OPTIONS log_path), since
# the servers started by API tests report only there.
#   check-tsan-reports.sh --clear DIR   empties DIR before the tests (TSan does not create it)
#   check-tsan-reports.sh DIR           prints every report in DIR and fails if there is one
set -euo pipefail
if [[ $1 == --clear ]]; then
  rm -rf "$2"
  mkdir -p "$2"
  exit 0
fi
dir=$1
shopt -s nullglob
reports=("$dir"/report.*)
if ((${#reports[@]})); then
  for report in "${reports[@]}"; do
    echo "=== $report"
    cat "$report"
  done
  echo "ThreadSanitizer wrote ${#reports[@]} report(s) in $dir"
  exit 1
fi
echo "no ThreadSanitizer reports"
