#!/usr/bin/env bash
# Trains the bundled default models from scratch with the project's own commands and fixed seeds:
#   synth (ShapesWorld images, canonical captions) -> pretrain-encoder -> train (images)
#   synth (ShapesWorld clips, another seed) -> train (videos, S2VT, on the same encoder)
# and copies the bundles to assets/src/main/resources/org/captionstudio/assets/, where the app and
# `--model default` find them (default-model.zip for caption, default-video-model.zip for describe).
#
#   assets/build-default-model.sh [WORK_DIR]      (default: target/default-model)
#
# About 80 minutes on 2 cores (synth 3 min, encoder 35 min, image decoder 25 min, clips and
# video decoder 15 min). Re-running resumes: finished stages are kept in WORK_DIR, and an
# interrupted training goes on from its checkpoint.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
WORK="$(readlink -m "${1:-$ROOT/target/default-model}")"
ASSETS="$ROOT/assets/src/main/resources/org/captionstudio/assets"
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
CLIPS=(synth --out "$WORK/clips" --images 0 --videos 3000 --seed 43 --captions canonical)
TRAIN_VIDEO=(train --dataset "$WORK/clips/annotations/videos.json" --images "$WORK/clips/videos"
  --encoder "$WORK/encoder.zip" --out "$WORK/video-model.zip" --frames 8
  --seed 1 --epochs 30 --patience 6 --batch-size 64 --learning-rate 2e-3 --lr-decay 0.95
  --warmup 100 --embedding 128 --hidden 256 --attention 128 --dropout 0.3 --min-count 1
  --max-words 16 --validation-images 300 --checkpoint-every 200 --max-minutes 0)

# Resumes a train stage from its checkpoint when an earlier run was interrupted.
train() {
  local out="$1" note="$2"
  shift 2
  if [[ ! -f "$out" ]]; then
    local resume=()
    [[ -f "$out.work/checkpoint.zip" ]] && resume=(--resume)
    "$CS" "$@" "${resume[@]}" --note "$note"
  fi
}

[[ -d "$WORK/shapes" ]] || "$CS" "${SYNTH[@]}"
[[ -f "$WORK/encoder.zip" ]] || "$CS" "${PRETRAIN[@]}"
ENCODER_NOTE="encoder: captionstudio ${PRETRAIN[*]/#$WORK\//}"
train "$WORK/model.zip" "data: captionstudio ${SYNTH[*]/#$WORK\//}; $ENCODER_NOTE" "${TRAIN[@]}"
[[ -d "$WORK/clips" ]] || "$CS" "${CLIPS[@]}"
train "$WORK/video-model.zip" "data: captionstudio ${CLIPS[*]/#$WORK\//}; $ENCODER_NOTE" \
  "${TRAIN_VIDEO[@]}"
for model in model video-model; do
  cp "$WORK/$model.zip" "$ASSETS/default-$model.zip.tmp"
  mv "$ASSETS/default-$model.zip.tmp" "$ASSETS/default-$model.zip"
done
"$CS" info --model "$ASSETS/default-model.zip"
"$CS" info --model "$ASSETS/default-video-model.zip"
