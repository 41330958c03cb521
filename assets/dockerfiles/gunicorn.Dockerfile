# docker-helper template: gunicorn
# Multi-stage production web service: gunicorn with several worker processes on Debian slim.
# Choose it for a WSGI application (Flask, Django, Falcon) that serves many concurrent requests.
# For an ASGI app (FastAPI) add uvicorn-worker to requirements.txt and
# "--worker-class=uvicorn_worker.UvicornWorker" to GUNICORN_CMD_ARGS below.
#
# Expects: requirements.txt (pinned, including gunicorn), and app/main.py defining `app`
#          (a WSGI application) with a GET /health endpoint.
# Build:   docker build -t myweb .
# Run:     docker run --rm -p 8000:8000 -e WEB_CONCURRENCY=4 myweb

# One ARG before the first FROM keeps both stages on the same interpreter: the virtualenv
# built in stage 1 points at /usr/local/bin/python and must find the same one in stage 2.
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

# build-essential (plus libpq-dev etc. if your drivers need headers) compiles packages without
# a wheel. --no-install-recommends skips suggested extras; removing the apt lists in the same
# RUN keeps them out of the layer. Not version-pinned on purpose: Debian's archive drops
# superseded point-release builds, so an exact pin breaks the build after the next security
# update; the base tag pins the release.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# A virtualenv is one self-contained directory: easy to copy into the final stage.
# Putting it first on PATH makes the `pip` below (and `python`) the virtualenv's own.
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"

# Copy only the dependency list first: the install layer is reused from the build cache
# until requirements.txt changes, however often your source code changes.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# ---------------------------------------------------------------------------
# Stage 2 (runtime): same base, only the interpreter, the virtualenv and your code.
# ---------------------------------------------------------------------------
# docker-helper ignore=DH1003 -- a template cannot know the digest you will build with: pin it when you adopt it (see the top of this file)
FROM python:${PYTHON_VERSION}-slim-${DEBIAN_RELEASE} AS runtime

# gunicorn reads its configuration from the environment, so operators tune it with -e:
#   PORT             bind address becomes 0.0.0.0:$PORT (0.0.0.0 so that -p can reach it)
#   WEB_CONCURRENCY  number of worker processes; ~2 x CPU cores for I/O-bound apps, fewer
#                    for memory-heavy ones (every worker is a full copy of the app)
#   GUNICORN_CMD_ARGS everything else:
#     --worker-tmp-dir /dev/shm  worker heartbeats on tmpfs, not on the (slow) overlay disk
#     --timeout 60               a worker silent for 60 s is killed and replaced
#     --graceful-timeout 8       on SIGTERM, in-flight requests get 8 s to finish: below the
#                                10 s `docker stop` waits before SIGKILL (raise both together:
#                                `docker stop -t 40` / compose stop_grace_period)
#     --access-logfile -         access log on stdout, so `docker logs` shows it
# A ./gunicorn.conf.py in /app is also read automatically if you prefer a config file.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:$PATH" \
    PORT=8000 \
    WEB_CONCURRENCY=2 \
    GUNICORN_CMD_ARGS="--worker-tmp-dir /dev/shm --timeout 60 --graceful-timeout 8 --keep-alive 5 --access-logfile -"

# Debian syntax: groupadd/useradd (Alpine/BusyBox uses addgroup/adduser). Fixed UID/GID 1000
# so files on bind mounts and volumes have predictable ownership across rebuilds.
RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --no-create-home --home-dir /app \
       --shell /usr/sbin/nologin app

# Absolute WORKDIR: every later relative path is unambiguous. Created root-owned.
WORKDIR /app

# The installed dependencies from stage 1: no compiler, no pip cache come along.
# They stay root-owned, so the running app cannot modify its own libraries.
COPY --from=builder /opt/venv /opt/venv

# Your code last, because it changes most often; owned by the app user.
COPY --chown=app:app . .

# Numeric UID:GID (the app user created above): Kubernetes' runAsNonRoot can verify a
# number without reading /etc/passwd, and nothing runs as root from here on.
USER 1000:1000

# Documentation only (publishing needs -p): the port gunicorn binds.
EXPOSE 8000

# Debian slim has no curl or wget, but it has Python: urllib makes the request and exits
# non-zero on a connection error or an HTTP error status. 127.0.0.1 rather than localhost
# avoids an IPv6 (::1) surprise.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/health', timeout=4)"]

# Exec form (JSON array): gunicorn is PID 1 and receives SIGTERM from `docker stop` directly;
# the master then stops its workers gracefully. Bind, workers and options come from ENV above.
CMD ["gunicorn", "app.main:app"]
