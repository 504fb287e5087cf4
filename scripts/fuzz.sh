#!/bin/sh
# fuzz.sh: builds the libFuzzer harnesses for the lesson, script and condition card parsers
# with clang (build/fuzz) and runs each for FUZZ_SECONDS (default 60) from the
# seed corpus in tests/fuzz/corpus/. Fails on any crash, leak or sanitizer
# report; says so plainly and skips when clang or libFuzzer is missing.
set -eu
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
build=build/fuzz

if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz: SKIPPED: clang is not installed (apt-get install clang), the fuzzers did not run"
    exit 0
fi
probe=$(mktemp -d)
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$probe/p.c"
if ! clang -fsanitize=fuzzer,address "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
    rm -rf "$probe"
    echo "fuzz: SKIPPED: clang cannot build libFuzzer programs here (libclang-rt-dev missing?), the fuzzers did not run"
    exit 0
fi
rm -rf "$probe"

cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIBRELAB_FUZZ=ON \
    -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j2 --target fuzz_lesson fuzz_script fuzz_condition

for harness in lesson script condition; do
    # New inputs go to the build directory; the checked-in corpus is only read.
    mkdir -p "$build/corpus-$harness"
    echo "fuzz: fuzz_$harness for $seconds s"
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/fuzz_$harness" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        "$build/corpus-$harness" "tests/fuzz/corpus/$harness" 2>"$build/fuzz_$harness.log" || {
        tail -n 60 "$build/fuzz_$harness.log"
        echo "fuzz: fuzz_$harness FAILED (log: $build/fuzz_$harness.log; the input is in crash-* here)"
        exit 1
    }
    grep -E '^stat::number_of_executed_units' "$build/fuzz_$harness.log" || true
done
echo "fuzz: every harness ran $seconds s each with no crash, leak or sanitizer report"
