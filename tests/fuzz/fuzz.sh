#!/usr/bin/env bash
# Longer fuzzing on demand: tests/fuzz/fuzz.sh [TARGET...] [--seconds N]   (default: all, 1800 s)
# Targets: decimal_parse consignment dataset lines_csv. Builds in build/fuzz with clang.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=1800
targets=()
while (($#)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
list=$(IFS=';'; echo "${targets[*]:-}")
exec cmake -DSOURCE="$PWD" -DBUILD="$PWD/build/fuzz" -DGENERATOR=Ninja -DSECONDS="$seconds" \
  ${list:+"-DTARGETS=$list"} -P tests/fuzz/run_fuzz.cmake
