#!/usr/bin/env bash
# benchmarks/run.sh NAME [--iterations N] [--warmup N]
# Builds what it needs, then runs our implementation and, where one exists, the reference side by
# side in one JVM: same inputs, warm-up first, alternating, medians. The last line printed is
#   RESULT name=NAME ours_ms=X [ref_ms=Y speedup=Y/X]
# ./benchmarks/run.sh --list shows the benchmarks.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

export OMP_WAIT_POLICY=PASSIVE # ours and the reference alike: spinning OpenMP threads skew both
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="$ROOT/benchmarks/target/djl-cache"

mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package
exec java -Xmx6g -Dai.djl.offline=true -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
  -cp "$ROOT/benchmarks/target/benchmarks.jar:$ROOT/benchmarks/target/lib/*" \
  org.captionstudio.benchmarks.cli.BenchmarkMain "$@"
