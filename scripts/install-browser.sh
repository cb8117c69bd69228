#!/usr/bin/env bash
# Debian's Chromium and chromedriver for the browser tests (LoginPageBrowserIT), plus CJK fonts so Chinese
# pages render as text, not boxes. Nothing is downloaded outside Debian's package archive.
# Idempotent: does nothing when chromium, chromedriver and the fonts are already installed.
# Needs root (CI runs as root); apt-get update runs only when something must be installed.
set -euo pipefail

PINNED=150.0.7871.100-1~deb12u1   # Debian bookworm's chromium when this was written
PACKAGES=(chromium chromium-common chromium-driver)
FONTS=(fonts-noto-cjk fonts-liberation)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=0
for p in "${PACKAGES[@]}" "${FONTS[@]}"; do installed "$p" || missing=1; done
if [ "$missing" = 0 ] && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "install-browser: chromium $(dpkg-query -W -f='${Version}' chromium) and chromedriver already installed"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update

# The pinned version if the archive still serves it, otherwise the candidate (with a warning).
version=$PINNED
if ! apt-cache madison chromium | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$PINNED" \
   || ! apt-cache madison chromium-driver | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$PINNED"; then
  version=$(apt-cache policy chromium | awk '/Candidate:/ {print $2}')
  echo "install-browser: WARNING: chromium $PINNED is no longer served; installing the candidate $version" >&2
fi

$SUDO apt-get install -y --no-install-recommends --allow-downgrades \
  "${PACKAGES[@]/%/=$version}" "${FONTS[@]}"
echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) / $(/usr/bin/chromedriver --version)"
