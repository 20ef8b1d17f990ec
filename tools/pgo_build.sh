#!/bin/sh
# Builds the Release whosaid tool with GCC profile-guided optimisation: an
# instrumented build, one extraction over a training file, then the build
# that uses its profile. The output is the same as a plain Release build's
# (no flag that changes arithmetic or semantics: the profile only steers
# inlining, block layout and unrolling); the instructions are fewer.
#
# news-5mb.jsonl, `--jobs=1 --format=pb`, cachegrind (session 33, 308ec27):
# plain Release 1.1114e9 instructions, this build 1.0365e9 (-6.7%); news.jsonl
# 9.5843e9 -> 8.9292e9 (-6.8%). Trained
# on lines 5001-6300 of news.jsonl (not the news-5mb documents). Output
# byte-identical (news.jsonl and PolNeAR + LitBank dev jsonl md5).
#
# Usage: tools/pgo_build.sh TRAINING.jsonl [BUILD_DIR]
#   TRAINING.jsonl  documents to extract for the profile (a few MB of news)
#   BUILD_DIR       default build-pgo; the profile goes to BUILD_DIR/profile
#
# Each run starts from a fresh profile. The profile belongs to these sources:
# build again after any change (GCC refuses a profile whose functions have
# changed).
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 TRAINING.jsonl [BUILD_DIR]" >&2
  exit 2
fi
training=$(realpath "$1")
build=${2:-build-pgo}
src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$build"
build=$(cd "$build" && pwd)
profile="$build/profile"
jobs=${JOBS:-2}

rm -rf "$profile"
mkdir -p "$profile"

# 1. Instrumented build. (The object files keep their paths in both builds:
# GCC finds each one's profile by that path.)
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -fprofile-generate -fprofile-update=single -fprofile-dir=$profile" \
  -DCMAKE_EXE_LINKER_FLAGS="-fprofile-generate" >/dev/null
cmake --build "$build" -j"$jobs" --target whosaid_tool

# 2. Training run (one thread: -fprofile-update=single counts are not atomic).
"$build/whosaid" extract --jobs=1 --format=pb "$training" >/dev/null

# 3. The build that uses the profile. Functions the training never ran are
# optimised as usual (-fprofile-partial-training), not for size.
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -fprofile-use -fprofile-partial-training -Wno-missing-profile -fprofile-dir=$profile" \
  -DCMAKE_EXE_LINKER_FLAGS="" >/dev/null
cmake --build "$build" -j"$jobs" --target whosaid_tool
echo "built $build/whosaid with the profile of $training"
