#!/bin/sh
# Lays out a built site (dist/) as the web root that deploy/nginx/default.conf serves.
#
#   layout.sh DIST WEBROOT [BASE]
#
# BASE is the ATLAS_BASE the site was built with. For `/` the site is the web root itself. For
# a base path such as `/atlas/` the site goes in that sub-folder, so its URLs (all under
# /atlas/) resolve, and its 404 page is copied to the top: nginx's `error_page 404 /404.html`
# then answers every miss, inside the base or not, with the site's own page.
# Used by the Dockerfile, and by tests/deploy/nginx.test.ts so that this layout is tested.
set -eu

dist=${1:?usage: layout.sh DIST WEBROOT [BASE]}
webroot=${2:?usage: layout.sh DIST WEBROOT [BASE]}
base=${3:-/}

# "/atlas/", "/atlas" and "atlas" all name the folder "atlas"; "/" and "" name the root.
folder=$(printf '%s' "$base" | sed -e 's|^/*||' -e 's|/*$||')
case "/$folder/" in
  */../* | */./*) echo "layout.sh: BASE must be a plain URL path such as /atlas/; found '$base'." >&2; exit 1 ;;
esac
if [ ! -f "$dist/index.html" ] || [ ! -f "$dist/404.html" ]; then
  echo "layout.sh: $dist has no index.html or 404.html: build the site first (npm run build)." >&2
  exit 1
fi

mkdir -p "$webroot/$folder"
cp -R "$dist/." "$webroot/$folder/"
if [ -n "$folder" ]; then
  cp "$dist/404.html" "$webroot/404.html"
fi
