#!/usr/bin/env bash
# Start a real Docker Engine for tests, idempotently, and import the fixture images.
# No registry is reachable here, so fixture images come from busybox-static via `docker import`.
set -euo pipefail

SOCK=/var/run/docker.sock
LOG=${DOCKER_HELPER_DOCKERD_LOG:-/tmp/docker-helper-dockerd.log}

log() { printf 'engine.sh: %s\n' "$*" >&2; }

# Without apt-get (macOS, Docker Desktop, another distribution) nothing is installed or started: the
# engine that `docker` already talks to (DOCKER_HOST or the current context) is used, and only the
# fixture image is made.
if ! command -v apt-get >/dev/null 2>&1; then
  if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    log "no engine answers: start Docker Desktop (or your engine) so that 'docker version' shows a Server, then run this again"
    exit 1
  fi
  EXTERNAL_ENGINE=1
fi

need_install=()
command -v dockerd >/dev/null 2>&1 || need_install+=(docker.io)
[ -x /bin/busybox ] || need_install+=(busybox-static)
command -v tmux >/dev/null 2>&1 || need_install+=(tmux)
# GNU time measures peak memory in the logs tests; script (util-linux) drives a pty in benchmarks.
[ -x /usr/bin/time ] || need_install+=(time)
# Debian's docker-compose (v1, Python): the real Compose validator that generate-compose's tests use.
command -v docker-compose >/dev/null 2>&1 || need_install+=(docker-compose)
# OpenSSH server and client: the ssh:// engine tests run a real sshd on loopback.
[ -x /usr/sbin/sshd ] || need_install+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need_install+=(openssh-client)
command -v ip >/dev/null 2>&1 || need_install+=(iproute2)
command -v openssl >/dev/null 2>&1 || need_install+=(openssl)
# skopeo writes real OCI image layouts (gzip and zstd layers) for the image-export reader's tests.
command -v skopeo >/dev/null 2>&1 || need_install+=(skopeo)
if [ -z "${EXTERNAL_ENGINE:-}" ] && [ ${#need_install[@]} -gt 0 ]; then
  log "installing ${need_install[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_install[@]}" >/dev/null
fi

engine_up() { docker -H "unix://$SOCK" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if [ -z "${EXTERNAL_ENGINE:-}" ] && ! engine_up; then
  log "starting dockerd (log: $LOG)"
  # A stale pid file from a killed daemon stops a new one from starting.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  if [ -f /run/containerd/containerd.pid ] && ! kill -0 "$(cat /run/containerd/containerd.pid)" 2>/dev/null; then
    rm -f /run/containerd/containerd.pid
  fi
  nohup dockerd >"$LOG" 2>&1 &
  for _ in $(seq 1 60); do
    engine_up && break
    sleep 0.5
  done
  if ! engine_up; then
    log "dockerd did not come up; last lines of $LOG:"
    tail -n 30 "$LOG" >&2 || true
    exit 1
  fi
fi
if [ -n "${EXTERNAL_ENGINE:-}" ]; then
  log "engine $(docker version --format '{{.Server.Version}}') from the docker CLI's own settings (no apt-get here: nothing installed)"
else
  log "engine $(docker version --format '{{.Server.Version}}') at unix://$SOCK"
fi

# Fixture image: a busybox root filesystem. Tagged with a fixed name the tests use.
FIXTURE=docker-helper-fixture/busybox:1
if ! docker image inspect "$FIXTURE" >/dev/null 2>&1; then
  log "importing $FIXTURE"
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root" "$root/home" "$root/var" "$root/proc" "$root/sys" "$root/dev"
  if [ -x /bin/busybox ] && /bin/busybox true 2>/dev/null && [ "$(uname -s)" = Linux ]; then
    cp /bin/busybox "$root/bin/busybox"
    applets=$("$root/bin/busybox" --list)
  else
    # No Linux busybox on this host (macOS, Docker Desktop): take the static one from the busybox
    # image, which needs a registry the engine can pull from.
    log "no static Linux busybox here: taking it from the busybox:musl image"
    docker pull -q busybox:musl >/dev/null
    cid=$(docker create busybox:musl)
    docker cp "$cid:/bin/busybox" "$root/bin/busybox"
    docker rm "$cid" >/dev/null
    applets=$(docker run --rm busybox:musl busybox --list)
  fi
  for applet in $applets; do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\napp:x:1000:1000:app:/home/app:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\napp:x:1000:\n' >"$root/etc/group"
  mkdir -p "$root/home/app" && chown 1000:1000 "$root/home/app"
  chmod 1777 "$root/tmp"
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["sh"]' - "$FIXTURE" >/dev/null
  rm -rf "$root"
fi
log "fixture image $FIXTURE ready"
