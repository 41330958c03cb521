# docker-helper template: alpine
# Multi-stage Python image on Alpine Linux (musl libc): the smallest Python base.
# Choose it when your dependencies are pure Python or publish musllinux wheels;
# packages with only glibc (manylinux) wheels get compiled from source here, slowly,
# or fail - use the `slim` template for numpy/torch-heavy AI/ML work.
#
# Expects: requirements.txt (pinned versions), and an app/ package whose __main__.py
#          serves HTTP on $PORT (default 8000) with a GET /health endpoint.
# Build:   docker build -t myapp .
# Run:     docker run --rm -p 8000:8000 myapp

# One ARG before the first FROM keeps both stages on the same interpreter: the virtualenv
# built in stage 1 points at /usr/local/bin/python and must find the same one in stage 2.
# Pinned to an exact patch release and Alpine version ("latest" or "3" move under you).
# For byte-for-byte reproducible builds also pin the digest:
#   docker buildx imagetools inspect python:3.13.14-alpine3.24   then FROM python:...@sha256:<digest>
ARG PYTHON_VERSION=3.13.14
ARG ALPINE_VERSION=3.24

# ---------------------------------------------------------------------------
# Stage 1 (builder): compilers and headers exist only here, never in the image you ship.
# ---------------------------------------------------------------------------
FROM python:${PYTHON_VERSION}-alpine${ALPINE_VERSION} AS builder

# No .pyc files in the layer, no pip cache, no "new pip available" network check.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# build-base = gcc, make, musl-dev: compiles packages that have no musllinux wheel.
# Not version-pinned on purpose: an Alpine branch repository keeps only the newest build of
# each package, so an exact pin breaks the build at the next security update. The base tag
# (alpine3.24) already pins the release. --no-cache: no APK index left in the layer.
# hadolint ignore=DL3018
RUN apk add --no-cache build-base

WORKDIR /build

# A virtualenv is one self-contained directory: easy to copy into the final stage.
# Putting it first on PATH makes the `pip` below (and `python`) the virtualenv's own.
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"

# Copy only the dependency list first. The install layer below is then reused from the build
# cache until requirements.txt changes, however often your source code changes.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# ---------------------------------------------------------------------------
# Stage 2 (runtime): same base, only the interpreter, the virtualenv and your code.
# ---------------------------------------------------------------------------
# docker-helper ignore=DH1003 -- a template cannot know the digest you will build with: pin it when you adopt it (see the top of this file)
FROM python:${PYTHON_VERSION}-alpine${ALPINE_VERSION} AS runtime

# PYTHONUNBUFFERED: logs reach `docker logs` immediately instead of sitting in a buffer.
# PORT: the one place to change the listening port (the health check reads it too).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:$PATH" \
    PORT=8000

# tini becomes PID 1: it forwards SIGTERM from `docker stop` to Python and reaps zombies.
# Python as PID 1 ignores SIGTERM unless it installs a handler, so `docker stop` would wait
# 10 s and then SIGKILL. (Unpinned for the same reason as build-base above.)
# Alpine is BusyBox: addgroup/adduser with short options (Debian uses groupadd/useradd).
# -S system account, -D no password, -H no home directory created, fixed UID/GID 1000 so
# files on bind mounts and volumes have predictable ownership across rebuilds.
# One RUN for both: one layer, and hadolint's DL3059 (consecutive RUNs) stays quiet.
# hadolint ignore=DL3018
RUN apk add --no-cache tini \
    && addgroup -S -g 1000 app \
    && adduser -S -D -H -u 1000 -G app -h /app -s /sbin/nologin app

# Absolute WORKDIR: every later relative path is unambiguous. Created root-owned.
WORKDIR /app

# The installed dependencies from stage 1: no compiler, no pip, no caches come along.
# They stay root-owned, so the running app cannot modify its own libraries.
COPY --from=builder /opt/venv /opt/venv

# Your code last, because it changes most often; owned by the app user.
# .dockerignore keeps .git, .env files, virtualenvs and caches out of this copy.
COPY --chown=app:app . .

# Numeric UID:GID (the app user created above): Kubernetes' runAsNonRoot can verify a
# number without reading /etc/passwd, and nothing runs as root from here on.
USER 1000:1000

# Documentation only (publishing needs -p): the port the app listens on.
EXPOSE 8000

# BusyBox wget exists in every Alpine image (curl does not). 127.0.0.1 rather than localhost:
# localhost may resolve to ::1 first while the app listens on IPv4 only. GET (-O /dev/null),
# not --spider, because many frameworks answer HEAD with 405. Shell form so ${PORT} expands.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/health" || exit 1

# Exec form (JSON array): no shell in between, so signals reach tini and then Python.
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["python", "-m", "app"]
