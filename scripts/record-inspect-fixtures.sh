#!/usr/bin/env bash
# Record `docker inspect` documents from real containers for the pure inspect-summary tests
# (test/core/container-summary.test.ts). Needs the engine and fixture image (scripts/engine.sh).
# The secrets below are fake values the tests check never appear in output.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test/fixtures/inspect
IMG=docker-helper-fixture/busybox:1
mkdir -p "$OUT"
name=dhtest-record-inspect-$$
vol=$name-vol
trap 'docker rm -f -v "$name" >/dev/null 2>&1 || true; docker volume rm "$vol" >/dev/null 2>&1 || true' EXIT

# A running container with secrets, limits, a read-only volume, tmpfs, a published port,
# a failing health check and a restart policy.
docker run -d --name "$name" \
  -e DB_PASSWORD=hunter2 -e API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789 -e PLAIN=visible \
  --label com.example.db-password=labelsecret --label version=1.2 \
  --memory 64m --cpus 0.5 --pids-limit 100 --read-only -v "$vol":/data:ro --tmpfs /tmp \
  -p 127.0.0.1::8080 --restart on-failure:3 -u app \
  --health-cmd 'wget -q -O- http://localhost:8080/ || exit 1' --health-interval 1s --health-retries 2 \
  "$IMG" sh -c 'exec sleep 600' --password hunter2 >/dev/null
sleep 4
docker inspect "$name" | jq '.[0]' >"$OUT/running-unhealthy-secrets.json"
docker rm -f -v "$name" >/dev/null

# An OOM-killed container.
docker run --name "$name" --memory 8m --memory-swap 8m "$IMG" sh -c 'x=a; while :; do x="$x$x"; done' >/dev/null 2>&1 || true
docker inspect "$name" | jq '.[0]' >"$OUT/exited-oom.json"
docker rm -f -v "$name" >/dev/null

docker image inspect "$IMG" | jq '.[0] | {Id, RepoTags, Architecture, Os, Variant}' >"$OUT/image.json"
echo "recorded into $OUT" >&2
