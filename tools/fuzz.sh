#!/bin/bash
# Runs every fuzzer of tests/*_fuzzer.cc under libFuzzer with AddressSanitizer
# and UndefinedBehaviorSanitizer, seeded with its corpus in tests/testdata/fuzz.
#
#   bash tools/fuzz.sh [SECONDS_PER_FUZZER] [FUZZER...]
#
# Needs clang (Debian: apt-get install clang). Builds into build-fuzz/; new
# inputs go to build-fuzz/corpus/NAME, crashes to build-fuzz/crash-NAME-*.
# To keep a crash as a regression input, copy it into
# tests/testdata/fuzz/NAME/ (ctest replays that directory with the GCC build).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
out=build-fuzz
if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found (apt-get install clang)" >&2
  exit 2
fi
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CC=clang CXX=clang++ cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DWHOSAID_BUILD_TESTS=OFF -DWHOSAID_BUILD_BENCHMARKS=OFF \
  -DCMAKE_CXX_FLAGS="$flags -fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$out" -j"${FUZZ_JOBS:-$(nproc)}" --target whosaid >/dev/null
libs="$(pkg-config --libs re2 protobuf sqlite3 absl_status absl_statusor \
  absl_strings absl_str_format absl_flat_hash_map absl_hash absl_raw_hash_set \
  absl_time absl_cord) -lpthread"
if [ "$#" -eq 0 ]; then
  set -- $(cd tests && ls *_fuzzer.cc | sed 's/\.cc$//')
fi
status=0
for name in "$@"; do
  clang++ -std=c++17 -g -O1 $flags -fsanitize=fuzzer -Isrc -Iinclude \
    -I"$out" -I"$out/proto" "tests/$name.cc" "$out/libwhosaid.a" \
    "$out/proto/libwhosaid_proto.a" $libs -o "$out/$name"
  mkdir -p "$out/corpus/$name"
  cp -n "tests/testdata/fuzz/$name/"* "$out/corpus/$name/" 2>/dev/null || true
  echo "== $name: ${seconds}s"
  if ! (cd "$out" && "./$name" -max_total_time="$seconds" -max_len=16384 \
        -rss_limit_mb=4096 -artifact_prefix="crash-$name-" \
        "corpus/$name" 2>"$name.log"); then
    echo "fuzz.sh: $name found a crash: see $out/$name.log" >&2
    status=1
  fi
  grep -E "^Done [0-9]+ runs" "$out/$name.log" || true
done
exit "$status"
