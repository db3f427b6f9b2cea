#!/usr/bin/env bash
# benchmarks/run.sh NAME [--iterations N] [--warmup N]
# Builds what it needs, then runs our implementation and, where one exists, the reference side by
# side in one JVM: same inputs, warm-up first, alternating, medians. The last line printed is
#   RESULT name=NAME ours_ms=X [ref_ms=Y speedup=Y/X]
# ./benchmarks/run.sh --list shows the benchmarks.
# BENCH_JAVA_OPTS adds JVM options, e.g. "-Dcnn-forward.workspace=NONE" (see each benchmark).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

export OMP_WAIT_POLICY=PASSIVE # ours and the reference alike: spinning OpenMP threads skew both
# glibc keeps freed memory for reuse instead of unmapping it (ours and the reference alike). PyTorch's
# CPU allocator otherwise maps fresh pages for large tensors and faults them in again on each forward
# pass (100k-400k page faults per batch of 16 at 224 px), whose cost swings with whatever else runs
# on the machine. BENCH_MALLOC=default leaves glibc's own policy.
if [[ "${BENCH_MALLOC:-keep}" != "default" ]]; then
  export MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=17179869184
fi
# The reference, offline: no tracking, natives unpacked inside the build folder from the jars.
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="$ROOT/benchmarks/target/djl-cache"
unset PYTORCH_VERSION PYTORCH_FLAVOR PYTORCH_LIBRARY_PATH

mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java -Xmx6g -Dai.djl.offline=true -Dorg.bytedeco.javacpp.maxphysicalbytes=12G ${BENCH_JAVA_OPTS:-} \
  -cp "$ROOT/benchmarks/target/benchmarks.jar:$ROOT/benchmarks/target/lib/*" \
  org.captionstudio.benchmarks.cli.BenchmarkMain "$@"
