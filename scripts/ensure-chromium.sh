#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests is present, and the CJK fonts the zh-Hans / zh-Hant
# tests need. Order: $CHROME_PATH, then /usr/bin/chromium, then (as root, on Debian/Ubuntu) apt-get.
# Otherwise it says how to install one and exits 1.
set -euo pipefail

log() { printf 'ensure-chromium: %s\n' "$*"; }

is_root() { [ "$(id -u)" -eq 0 ]; }
have_apt() { command -v apt-get >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  # Quiet, bounded output; the last lines are shown only when apt fails.
  local out
  out=$(mktemp)
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    if ! timeout 600 apt-get update -qq >"$out" 2>&1; then
      tail -n 20 "$out"
      rm -f "$out"
      return 1
    fi
    apt_updated=1
  fi
  log "apt-get install -y $*"
  if ! DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq "$@" \
    >"$out" 2>&1; then
    tail -n 20 "$out"
    rm -f "$out"
    return 1
  fi
  rm -f "$out"
}

how_to_install() {
  cat >&2 <<'EOF'
ensure-chromium: no Chromium found for the browser tests.
  Either install Debian's Chromium and the CJK fonts (as root):
    apt-get update && apt-get install -y chromium fonts-noto-cjk
  or point CHROME_PATH at a Chromium or Chrome executable:
    CHROME_PATH=/path/to/chrome npm test
EOF
}

browser=''
if [ -n "${CHROME_PATH:-}" ]; then
  if [ -x "$CHROME_PATH" ]; then
    browser=$CHROME_PATH
  else
    log "CHROME_PATH=$CHROME_PATH is not an executable file" >&2
    exit 1
  fi
elif [ -x /usr/bin/chromium ]; then
  browser=/usr/bin/chromium
elif is_root && have_apt; then
  apt_install chromium fonts-noto-cjk || {
    log "installing chromium failed" >&2
    how_to_install
    exit 1
  }
  browser=/usr/bin/chromium
else
  how_to_install
  exit 1
fi

# Chinese text must render (and be measured) as glyphs, not boxes.
if command -v dpkg-query >/dev/null 2>&1 &&
  ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'; then
  if is_root && have_apt; then
    apt_install fonts-noto-cjk || log "warning: could not install fonts-noto-cjk; Chinese text renders as boxes" >&2
  else
    log "warning: fonts-noto-cjk is missing; Chinese text renders as boxes (apt-get install -y fonts-noto-cjk)" >&2
  fi
fi

version=$("$browser" --version 2>/dev/null | grep -m1 -i -E 'chrom' || true)
log "ok: $browser${version:+ ($version)}"
