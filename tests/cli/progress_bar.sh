#!/usr/bin/env bash
# `fairport check --lines` draws its progress line on standard error when that is a terminal
# (rows, rows per second, the share read and the time left) and nothing when it is not. The
# terminal is a detached tmux pane of a fixed size; the file has 300,000 rows, so the line is
# drawn more than once.
#   progress_bar.sh FAIRPORT_EXE WORK_DIR
set -euo pipefail
exe=$1
work=$2
mkdir -p "$work"
csv=$work/progress_lines.csv
{
  echo "as_of,exporter_country,origin_proof,importer_country,incoterm,currency,hs_code,invoice_value,freight_to_border"
  awk 'BEGIN { for (i = 0; i < 300000; i++) printf "2026-03-16,PK,true,NL,EXW,EUR,4202210000,%d.%02d,25\n", 100 + i % 900, i % 100 }'
} > "$csv"

# Not a terminal: the summary line only.
"$exe" check --lines "$csv" -o "$work/progress_out.csv" 2> "$work/progress_err.txt"
if grep -q "rows/s" "$work/progress_err.txt"; then
  echo "FAIL: a progress line was written to a standard error that is not a terminal:"
  cat "$work/progress_err.txt"
  exit 1
fi

command -v tmux > /dev/null || { echo "FAIL: no tmux (.ci/setup installs it)"; exit 1; }
socket="fairport-progress-$$"
trap 'tmux -L "$socket" kill-server 2> /dev/null || true' EXIT
tmux -L "$socket" new-session -d -x 160 -y 10 -s progress \
  "'$exe' check --lines '$csv' -o '$work/progress_tty.csv'; echo EXIT=\$?; sleep 60"
for _ in $(seq 1 300); do
  pane=$(tmux -L "$socket" capture-pane -p -t progress)
  if grep -q "EXIT=" <<< "$pane"; then break; fi
  sleep 0.2
done
echo "$pane"
grep -q "EXIT=0" <<< "$pane" || { echo "FAIL: fairport did not finish with status 0"; exit 1; }
grep -Eq "fairport check --lines: 300000 rows, [0-9]+ rows/s \[#{20}\] 100 %, 0 s left" <<< "$pane" ||
  { echo "FAIL: no final progress line"; exit 1; }
grep -q "300000 lines, 300000 computed, 0 with errors" <<< "$pane" ||
  { echo "FAIL: no summary"; exit 1; }
cmp -s "$work/progress_out.csv" "$work/progress_tty.csv" ||
  { echo "FAIL: the output differs with a terminal"; exit 1; }
echo "progress line seen in a terminal, none without one"
