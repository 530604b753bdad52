#!/usr/bin/env bash
# What `npm test` needs from the system, installed when it is missing and the machine allows it.
#
# The browser tests and diagram renders need Chromium (tools cannot download browsers here, so it
# comes from Debian), stable diagram layout needs the DejaVu and Liberation fonts, and the
# deployment tests run the shipped nginx configuration in Debian's nginx. On a machine where we
# are root with apt-get, they are installed; anywhere else the test command stops at once with
# one line that says what to run, instead of failing minutes later in the middle of the suite.
#
# CHROMIUM_PATH and NGINX_PATH point at other executables; ATLAS_SKIP_SYSTEM_DEPS=1 skips the check.
set -euo pipefail

[ "${ATLAS_SKIP_SYSTEM_DEPS:-}" = 1 ] && exit 0

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
nginx="${NGINX_PATH:-/usr/sbin/nginx}"

missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$nginx" ] || missing+=(nginx)
# fc-list ships with fontconfig, which Chromium depends on; without it the fonts cannot be seen.
# Read once into a variable: `fc-list | grep -q` under pipefail fails whenever grep stops
# reading early and fc-list gets SIGPIPE, which made fonts look missing on some runs.
fonts="$(command -v fc-list >/dev/null && fc-list 2>/dev/null || true)"
if ! { grep -q 'DejaVu Sans' <<<"$fonts" && grep -q 'Liberation Sans' <<<"$fonts"; }; then
  missing+=(fonts-dejavu-core fonts-liberation)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "npm test: installing from apt: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "npm test needs ${missing[*]}: run \`sudo apt-get install -y --no-install-recommends ${missing[*]}\` (or set CHROMIUM_PATH / NGINX_PATH), then npm test again." >&2
exit 1
