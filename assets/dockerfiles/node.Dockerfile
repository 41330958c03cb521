# docker-helper template: node
# Multi-stage Node.js image on Alpine: dev dependencies and build tools stay in the build
# stage; the final image has production dependencies, your built code and nothing else.
#
# Expects: package.json and package-lock.json (npm ci needs the lockfile), and server.js
#          listening on $PORT (default 3000) with a GET /health endpoint. If you compile
#          (TypeScript, bundlers), add a "build" script and point CMD at its output.
# Build:   docker build -t myapp .
# Run:     docker run --rm -p 3000:3000 myapp

# Node 24 is an LTS line (even major versions are; supported until April 2028). Pinned to
# an exact release and Alpine version ("latest", "lts" or "24" move under you).
# For byte-for-byte reproducible builds also pin the digest:
#   docker buildx imagetools inspect node:24.18.0-alpine3.24   then FROM node:...@sha256:<digest>
ARG NODE_VERSION=24.18.0
ARG ALPINE_VERSION=3.24

# ---------------------------------------------------------------------------
# Stage 1 (build): all dependencies, including dev ones, and the build step.
# ---------------------------------------------------------------------------
FROM node:${NODE_VERSION}-alpine${ALPINE_VERSION} AS build

WORKDIR /app

# Manifest and lockfile first: `npm ci` is reused from the build cache until they change.
# npm ci installs exactly what the lockfile says (npm install may update it) and fails if
# package.json and the lockfile disagree.
COPY package.json package-lock.json ./
RUN npm ci

# Now the source, then the optional build step (tsc, vite, ...), then drop dev dependencies
# so that only production packages are copied into the final stage.
COPY . .
RUN npm run build --if-present \
    && npm prune --omit=dev

# ---------------------------------------------------------------------------
# Stage 2 (runtime): no npm cache, no dev dependencies, no compilers.
# ---------------------------------------------------------------------------
# docker-helper ignore=DH1003 -- a template cannot know the digest you will build with: pin it when you adopt it (see the top of this file)
FROM node:${NODE_VERSION}-alpine${ALPINE_VERSION} AS runtime

# NODE_ENV=production: Express and many libraries switch off debug behaviour.
# PORT: the one place to change the listening port (the health check reads it too).
ENV NODE_ENV=production \
    PORT=3000

# tini becomes PID 1: it forwards SIGTERM from `docker stop` to Node and reaps zombies.
# Node as PID 1 ignores SIGTERM unless your code handles it. Not version-pinned on purpose:
# an Alpine branch repository keeps only the newest build of each package, so an exact pin
# breaks the build at the next security update; the base tag pins the release.
# hadolint ignore=DL3018
RUN apk add --no-cache tini

# Absolute WORKDIR: every later relative path is unambiguous.
WORKDIR /app

# The official node images already contain a `node` user with UID/GID 1000: use it rather
# than creating another user (adduser -u 1000 would fail, the UID is taken).
# Pruned node_modules, package.json and built code from stage 1, owned by that user.
COPY --from=build --chown=node:node /app /app

# Numeric UID:GID of the image's `node` user: Kubernetes' runAsNonRoot can verify a number
# without reading /etc/passwd, and nothing runs as root from here on.
USER 1000:1000

# Documentation only (publishing needs -p).
EXPOSE 3000

# BusyBox wget exists in every Alpine image (curl does not). 127.0.0.1 rather than localhost:
# localhost may resolve to ::1 first while the server listens on IPv4 only. GET (-O /dev/null)
# rather than --spider (HEAD is often unhandled). Shell form so ${PORT} expands.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/health" || exit 1

# Exec form (JSON array) and node itself, not `npm start`: npm does not forward SIGTERM to
# your process, so `docker stop` would end in SIGKILL after 10 s.
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "server.js"]
