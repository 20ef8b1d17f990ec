#!/bin/sh
# Builds the Release whosaid tool with GCC profile-guided optimisation: an
# instrumented build, one extraction over training documents, then the build
# that uses its profile. The output is the same as a plain Release build's
# (no flag that changes arithmetic or semantics: the profile only steers
# inlining, block layout and unrolling); the instructions are fewer.
#
# By default it trains on text this repository owns, written by
# tools/make_training_text.py (the passages of the regression corpus, the
# seed article, the handmade eval texts and synthetic quote-dense text), so
# it works in a fresh clone. --training FILE trains on your own documents
# instead (any input `whosaid extract` reads; a few MB of news is plenty).
#
# `extract --jobs=1 --format=pb`, cachegrind instructions (session 33, 308ec27):
#                     plain Release   this (default)   trained on 1300 news articles
#   news-5mb.jsonl    1.1114e9        1.0360e9 -6.8%   1.0365e9 -6.7%
#   news.jsonl        9.5843e9        8.9144e9 -7.0%   8.9292e9 -6.8%
# The in-repository text trains as well as news does. The output is
# byte-identical (news.jsonl and PolNeAR + LitBank dev jsonl md5) whatever the
# training.
#
# Usage: tools/pgo_build.sh [--training FILE] [BUILD_DIR]
#   BUILD_DIR  default build-pgo in the repository; the profile goes to
#              BUILD_DIR/profile. The default build directory (build) is
#              only touched if you name it.
# Environment: JOBS (default 2), CXX (a GCC), PGO_CMAKE_ARGS (more -D options
# for both builds, split at spaces).
#
# Each run starts from a fresh profile. The profile belongs to these sources:
# build again after any change (GCC refuses a profile whose functions have
# changed). GCC only: clang reads its profiles in another format.
set -eu

die() {
  echo "pgo_build.sh: $*" >&2
  exit 1
}

# One function, read whole before it runs: editing this file while a build
# runs does not break that build.
main() {
  src=$(cd "$(dirname "$0")/.." && pwd)
  training=""
  build=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --training) [ $# -ge 2 ] || die "--training needs a file"; training=$2; shift 2 ;;
      --training=*) training=${1#--training=}; shift ;;
      -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d'; exit 0 ;;
      -*) die "unknown option $1 (usage: $0 [--training FILE] [BUILD_DIR])" ;;
      *) [ -z "$build" ] || die "one BUILD_DIR only"; build=$1; shift ;;
    esac
  done
  build=${build:-$src/build-pgo}
  jobs=${JOBS:-2}

  # Fail before building anything if a tool is missing or the compiler is not GCC.
  for tool in cmake python3; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
  done
  cxx=${CXX:-c++}
  command -v "$cxx" >/dev/null 2>&1 || die "C++ compiler $cxx not found"
  macros=$(echo | "$cxx" -dM -E -x c++ - 2>/dev/null) || die "$cxx does not run"
  case "$macros" in
    *__clang__*) die "$cxx is clang; this script uses GCC's -fprofile-* (set CXX=g++)" ;;
    *__GNUC__*) ;;
    *) die "$cxx is not GCC" ;;
  esac
  if [ -n "$training" ]; then
    [ -r "$training" ] || die "cannot read training file $training"
    training=$(realpath "$training")
  fi

  mkdir -p "$build"
  build=$(cd "$build" && pwd)
  profile="$build/profile"
  binary="$build/whosaid"

  # A binary is left in BUILD_DIR only when every step succeeded: the
  # instrumented one (or an older one) must not pass for the optimised build.
  rm -f "$binary"
  trap 'status=$?; if [ $status -ne 0 ]; then rm -f "$binary"; echo "pgo_build.sh: failed; no binary left in $build" >&2; fi' EXIT

  rm -rf "$profile"
  mkdir -p "$profile"
  if [ -z "$training" ]; then
    training="$profile/training.jsonl"
    python3 "$src/tools/make_training_text.py" >"$training" || die "make_training_text.py failed"
  fi

  # 1. Instrumented build. (The object files keep their paths in both builds:
  # GCC finds each one's profile by that path.)
  # shellcheck disable=SC2086  # PGO_CMAKE_ARGS is a list of options.
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release ${PGO_CMAKE_ARGS:-} \
    -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -fprofile-generate -fprofile-update=single -fprofile-dir=$profile" \
    -DCMAKE_EXE_LINKER_FLAGS="-fprofile-generate" >/dev/null
  cmake --build "$build" -j"$jobs" --target whosaid_tool

  # 2. Training run (one thread: -fprofile-update=single counts are not atomic).
  # Bad records in the training input only cost their documents, so exit code 1
  # (some records skipped) is accepted; anything else (a crash) is not.
  status=0
  "$binary" extract --jobs=1 --format=pb "$training" >/dev/null || status=$?
  [ "$status" -le 1 ] || die "training run failed (exit $status)"
  find "$profile" -name '*.gcda' | grep -q . || die "the training run wrote no profile"
  rm -f "$binary"

  # 3. The build that uses the profile. Functions the training never ran are
  # optimised as usual (-fprofile-partial-training), not for size.
  # shellcheck disable=SC2086
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release ${PGO_CMAKE_ARGS:-} \
    -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -fprofile-use -fprofile-partial-training -Wno-missing-profile -fprofile-dir=$profile" \
    -DCMAKE_EXE_LINKER_FLAGS="" >/dev/null
  cmake --build "$build" -j"$jobs" --target whosaid_tool
  echo "built $binary with the profile of $training"
}

main "$@"
