#!/usr/bin/env bash
# Trains the bundled default model from scratch with the project's own commands and fixed seeds:
#   synth (ShapesWorld, canonical captions) -> pretrain-encoder -> train (images)
# and copies the bundle to assets/src/main/resources/org/captionstudio/assets/default-model.zip,
# where the app and `--model default` find it.
#
#   assets/build-default-model.sh [WORK_DIR]      (default: target/default-model)
#
# About an hour on 2 cores (synth 3 min, encoder 35 min, decoder 20 min). Re-running resumes: finished stages are kept in WORK_DIR, and an
# interrupted training goes on from its checkpoint.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
WORK="$(readlink -m "${1:-$ROOT/target/default-model}")"
DEST="$ROOT/assets/src/main/resources/org/captionstudio/assets/default-model.zip"
CS="$ROOT/captionstudio"
mkdir -p "$WORK"

DATA_SEED=42
SYNTH=(synth --out "$WORK/shapes" --images 10000 --videos 500 --seed "$DATA_SEED"
  --captions canonical)
PRETRAIN=(pretrain-encoder --dataset "$WORK/shapes" --out "$WORK/encoder.zip" --seed 1
  --epochs 6 --max-minutes 0)
TRAIN=(train --dataset "$WORK/shapes" --encoder "$WORK/encoder.zip" --out "$WORK/model.zip"
  --seed 1 --epochs 14 --patience 4 --batch-size 64 --learning-rate 2e-3 --lr-decay 0.9
  --warmup 100 --embedding 128 --hidden 256 --attention 128 --dropout 0.3 --min-count 1
  --max-words 24 --validation-images 300 --checkpoint-every 200 --max-minutes 0)

[[ -d "$WORK/shapes" ]] || "$CS" "${SYNTH[@]}"
[[ -f "$WORK/encoder.zip" ]] || "$CS" "${PRETRAIN[@]}"
if [[ ! -f "$WORK/model.zip" ]]; then
  resume=()
  [[ -f "$WORK/model.zip.work/checkpoint.zip" ]] && resume=(--resume)
  "$CS" "${TRAIN[@]}" "${resume[@]}" \
    --note "data: captionstudio ${SYNTH[*]/#$WORK\//}; encoder: captionstudio ${PRETRAIN[*]/#$WORK\//}"
fi
cp "$WORK/model.zip" "$DEST.tmp"
mv "$DEST.tmp" "$DEST"
"$CS" info --model "$DEST"
