# docker-helper template: slim
# Multi-stage Python image on Debian slim (glibc): the best compatibility for AI/ML.
# numpy, torch, onnxruntime, transformers, opencv... publish manylinux (glibc) wheels, which
# install here in seconds instead of compiling, and behave exactly as in their test suites.
# Serves an ASGI app (FastAPI, Starlette) with one uvicorn process: a model is loaded once
# per process, so for inference scale with more containers rather than more workers.
#
# Expects: requirements.txt (pinned, including uvicorn), and app/main.py defining `app`
#          (an ASGI application) with a GET /health endpoint.
# Build:   docker build -t myapp .
# Run:     docker run --rm -p 8000:8000 -v model-cache:/home/app/.cache myapp

# One ARG before the first FROM keeps both stages on the same interpreter: the virtualenv
# built in stage 1 points at /usr/local/bin/python and must find the same one in stage 2.
# Python 3.13 rather than the newest: the AI/ML ecosystem publishes wheels for a new Python
# months after its release. Debian 13 "trixie" is the current stable release.
# For byte-for-byte reproducible builds also pin the digest:
#   docker buildx imagetools inspect python:3.13.14-slim-trixie   then FROM python:...@sha256:<digest>
ARG PYTHON_VERSION=3.13.14
ARG DEBIAN_RELEASE=trixie

# ---------------------------------------------------------------------------
# Stage 1 (builder): compilers exist only here, never in the image you ship.
# ---------------------------------------------------------------------------
FROM python:${PYTHON_VERSION}-slim-${DEBIAN_RELEASE} AS builder

# No .pyc files in the layer, no pip cache, no "new pip available" network check.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# build-essential compiles the few packages without a wheel for this platform.
# --no-install-recommends skips ~100 MB of suggested extras; removing the apt lists in the
# same RUN keeps them out of the layer (a later `rm` cannot shrink an earlier layer).
# Not version-pinned on purpose: Debian's archive drops superseded point-release builds, so an
# exact pin breaks the build after the next security update; the base tag pins the release.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# A virtualenv is one self-contained directory: easy to copy into the final stage.
# Putting it first on PATH makes the `pip` below (and `python`) the virtualenv's own.
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"

# Copy only the dependency list first. The (often multi-GB for ML) install layer below is then
# reused from the build cache until requirements.txt changes, not on every code change.
# With BuildKit you can keep pip's download cache between builds instead:
#   RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# ---------------------------------------------------------------------------
# Stage 2 (runtime): same base, only the interpreter, the virtualenv and your code.
# ---------------------------------------------------------------------------
# docker-helper ignore=DH1003 -- a template cannot know the digest you will build with: pin it when you adopt it (see the top of this file)
FROM python:${PYTHON_VERSION}-slim-${DEBIAN_RELEASE} AS runtime

# PYTHONUNBUFFERED: logs reach `docker logs` immediately instead of sitting in a buffer.
# UVICORN_HOST/UVICORN_PORT: uvicorn reads its options from UVICORN_* variables, so the port
# is configured in one place (the health check reads it too). 0.0.0.0: reachable through -p;
# 127.0.0.1 inside a container is reachable only from inside that container.
# HF_HOME: Hugging Face downloads go to a directory you can mount a named volume on.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:$PATH" \
    UVICORN_HOST=0.0.0.0 \
    UVICORN_PORT=8000 \
    HF_HOME=/home/app/.cache/huggingface

# If a wheel needs a system library at run time (libgomp1 for OpenMP, libgl1 for opencv),
# install it here with: apt-get update && apt-get install -y --no-install-recommends <pkg>
#   && rm -rf /var/lib/apt/lists/*   - the runtime libraries only, never the -dev packages.

# Debian syntax: groupadd/useradd (Alpine/BusyBox uses addgroup/adduser). Fixed UID/GID 1000
# so files on bind mounts and volumes have predictable ownership. A real home directory:
# ML libraries write caches under $HOME/.cache. Creating .cache in the image, owned by app,
# matters: a new named volume mounted there starts with this directory's ownership.
RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --create-home --home-dir /home/app \
       --shell /usr/sbin/nologin app \
    && mkdir -p /home/app/.cache \
    && chown app:app /home/app/.cache

# Absolute WORKDIR: every later relative path is unambiguous. Created root-owned.
WORKDIR /app

# The installed dependencies from stage 1: no compiler, no pip cache come along.
# They stay root-owned, so the running app cannot modify its own libraries.
COPY --from=builder /opt/venv /opt/venv

# Your code last, because it changes most often; owned by the app user.
# .dockerignore keeps .git, .env files, virtualenvs, datasets and checkpoints out of this copy.
COPY --chown=app:app . .

# Numeric UID:GID (the app user created above): Kubernetes' runAsNonRoot can verify a
# number without reading /etc/passwd, and nothing runs as root from here on.
USER 1000:1000

# Documentation only (publishing needs -p): the port uvicorn listens on.
EXPOSE 8000

# Debian slim has no curl or wget, but it has Python: urllib makes the request and exits
# non-zero on a connection error or an HTTP error status. 127.0.0.1 rather than localhost
# avoids an IPv6 (::1) surprise. A long start period leaves time to load a model.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('UVICORN_PORT', '8000') + '/health', timeout=4)"]

# Exec form (JSON array): uvicorn is PID 1 and receives SIGTERM from `docker stop` directly;
# it handles it by finishing in-flight requests. Host and port come from UVICORN_* above.
CMD ["uvicorn", "app.main:app"]
