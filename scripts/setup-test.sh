#!/usr/bin/env bash
# Installs what the tests need on a Debian machine: Chromium (Playwright drives Debian's build, it
# cannot download its own here), poppler-utils (pdfsig, pdftotext, pdftoppm check the reports), sqlite3
# (the benchmark's yardstick), rsyslog with its Elasticsearch output (a real log shipper for the
# collector's tests), then the npm packages exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update
as_root apt-get install -y chromium poppler-utils sqlite3 rsyslog rsyslog-elasticsearch
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci
