#!/usr/bin/env bash
# benchmarks/run.sh [-PPROFILE]... NAME [--iterations N] [--warmup N]
# Builds what it needs, then runs our implementation and, where one exists, the reference side by
# side in one JVM: same inputs, warm-up first, alternating, medians. The last line printed is
#   RESULT name=NAME ours_ms=X [ref_ms=Y speedup=Y/X]
# ./benchmarks/run.sh --list shows the benchmarks.
# -Ponednn runs ND4J's native build with oneDNN instead of the default one, DL4J layers included.
# BENCH_JAVA_OPTS adds JVM options, e.g. "-Dcnn-forward.workspace=NONE" (see each benchmark).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

profiles=()
while [[ $# -gt 0 && "$1" == -P* ]]; do
  profiles+=("$1")
  shift
done
lib="lib"
java_opts=()
if [[ " ${profiles[*]-} " == *" -Ponednn "* ]]; then
  lib="lib-onednn"
  # JavaCPP loads nd4j-native's linux-x86_64-onednn natives instead of the plain linux-x86_64 ones,
  # and DL4J hands its convolution, batch-norm and pooling layers to oneDNN (its layer "helpers",
  # off by default in 1.0.0-M2.1; see org.nd4j.nativeblas.Nd4jCpu in this module).
  java_opts+=("-Dorg.bytedeco.javacpp.platform.extension=-onednn"
    "-Dorg.eclipse.deeplearning4j.helpers.disable=false")
fi

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

mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true -pl benchmarks -am \
  ${profiles[@]+"${profiles[@]}"} package
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java -Xmx6g -Dai.djl.offline=true -Dlogback.configurationFile=logback-benchmarks.xml -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
  ${java_opts[@]+"${java_opts[@]}"} ${BENCH_JAVA_OPTS:-} \
  -cp "$ROOT/benchmarks/target/benchmarks.jar:$ROOT/benchmarks/target/$lib/*" \
  org.captionstudio.benchmarks.cli.BenchmarkMain "$@"
