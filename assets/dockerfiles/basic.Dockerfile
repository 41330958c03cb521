# docker-helper template: basic
# Single-stage Python image for development: simple to read, quick to change, with your
# source bind-mounted for live editing. Not for production: it keeps pip and any build
# tools you add, and has no separate build stage (use slim, alpine or gunicorn to ship).
#
# Expects: requirements.txt, and main.py (a web app on $PORT with GET /health, or any script:
#          then delete the HEALTHCHECK below).
# Build:   docker build -t myapp-dev .
# Run:     docker run --rm -it -p 8000:8000 -v "$PWD":/app myapp-dev

# Pinned to an exact patch release on Debian slim: the same image every time you rebuild.
# glibc-based, so binary wheels (numpy, torch...) install without compiling.
# For byte-for-byte reproducible builds also pin the digest:
#   docker buildx imagetools inspect python:3.13.14-slim-trixie   then FROM python:...@sha256:<digest>
# docker-helper ignore=DH1003 -- a template cannot know the digest you will build with: pin it when you adopt it (see the top of this file)
FROM python:3.13.14-slim-trixie

# PYTHONUNBUFFERED: print() output reaches `docker logs` immediately.
# PYTHONDONTWRITEBYTECODE: no root-owned __pycache__ files appearing in your bind-mounted source.
# PORT: the one place to change the listening port (the health check reads it too).
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

# Debian syntax: groupadd/useradd. UID/GID 1000 matches the first user on most Linux
# desktops, so files the container writes into a bind-mounted project stay yours.
RUN groupadd --gid 1000 app \
    && useradd --uid 1000 --gid app --create-home --shell /bin/bash app

# Absolute WORKDIR: every later relative path is unambiguous.
WORKDIR /app

# Dependencies before source: this layer is rebuilt only when requirements.txt changes.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# Your code, owned by the app user (a bind mount at /app replaces it while developing).
COPY --chown=app:app . .

# Numeric UID:GID of the user created above: even in development, don't run as root.
USER 1000:1000

# Documentation only (publishing needs -p).
EXPOSE 8000

# Debian slim has no curl or wget; Python's urllib does the request and exits non-zero on a
# connection error or HTTP error status. Delete this if main.py is not a web service.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/health', timeout=4)"]

# Exec form (JSON array): Python is PID 1 and gets signals directly. Python does not act on
# SIGTERM by default as PID 1, so start it with `docker run --init` to stop promptly.
CMD ["python", "main.py"]
