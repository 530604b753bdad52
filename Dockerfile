# syntax=docker/dockerfile:1
#
# Container Atlas as a container: the static site built with Node 24, then served by an
# unprivileged nginx (uid 101, port 8080), fit for a read-only root filesystem.
#
#   docker build -t container-atlas .
#   docker run --rm -p 8080:8080 container-atlas            # http://localhost:8080/
#
# Build arguments (the same variables as `npm run build`; see "Configuration" in the README):
#   ATLAS_SITE_URL  the public origin, e.g. https://atlas.example.org (canonical links)
#   ATLAS_BASE      the base path when served from a sub-folder, e.g. /atlas/ (default /)
# For production, pin both base images by digest.

ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:stable-alpine

# ---- build: dist/ ------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build

# The build draws Mermaid diagrams in headless Chromium; Debian's, with the fonts the diagram
# layout is measured with (see src/diagrams/).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium \
    ASTRO_TELEMETRY_DISABLED=1

WORKDIR /app
# Dependencies first: this layer is reused until package*.json change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
ARG ATLAS_SITE_URL=""
ARG ATLAS_BASE="/"
# Strict, as in CI: a content problem fails the image build. An empty ATLAS_SITE_URL means
# "not set" (the site config rejects an empty URL).
RUN if [ -z "$ATLAS_SITE_URL" ]; then unset ATLAS_SITE_URL; fi \
 && ATLAS_BASE="$ATLAS_BASE" npm run build \
 && sh deploy/nginx/layout.sh dist /srv/container-atlas "$ATLAS_BASE"

# ---- serve: nginx, unprivileged --------------------------------------------------------------
FROM ${NGINX_IMAGE}

USER root
# Its nginx.conf keeps the pid and temp files in /tmp and includes conf.d/*.conf in `http {}`.
# `worker_processes auto` would start one worker per CPU of the node, not of the pod's limit
# (deploy/kubernetes: 200m CPU, 64Mi): two are plenty for static files.
RUN sed -i 's/^worker_processes[[:space:]].*/worker_processes 2;/' /etc/nginx/nginx.conf \
 && grep -q '^worker_processes 2;' /etc/nginx/nginx.conf
COPY deploy/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY deploy/nginx/security-headers.conf /etc/nginx/atlas/security-headers.conf
# Owned by root, read-only to nginx.
COPY --from=build /srv/container-atlas /srv/container-atlas

# Numeric, so that Kubernetes' runAsNonRoot can check it.
USER 101
EXPOSE 8080
# The base image's entrypoint and `nginx -g 'daemon off;'` stay as they are.
