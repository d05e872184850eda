#!/usr/bin/env bash
# Lighthouse scores (mobile: a mid-range phone on a slow 4G network) of pages:
# performance, accessibility, best practices and SEO, one line per address.
#
#   bench/lighthouse.sh URL [URL…]   measure these pages
#   bench/lighthouse.sh              start the demo newsroom (English edition) in a
#                                    scratch folder on a free port, and measure its
#                                    home, a section and the lead story
#
# Targets: performance >= 95; accessibility, best practices and SEO = 100.
# Needs `npm ci` (Lighthouse is in package.json) and Chromium (CHROME_PATH, by
# default Debian's /usr/bin/chromium). LIGHTHOUSE_VAR_DIR reuses a folder where the
# demo newsroom is already loaded instead of building one. Full reports are written
# to test-results/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE=node_modules/.bin/lighthouse
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
REPORTS=test-results/lighthouse
BIN=.venv/bin

[ -x "$LIGHTHOUSE" ] || { echo "Lighthouse not found: run npm ci" >&2; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "Chromium not found at $CHROME_PATH" >&2; exit 1; }
mkdir -p "$REPORTS"

SERVER_PID=""
SCRATCH=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -n "$SCRATCH" ]; then rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT

start_demo() {
    if [ -n "${LIGHTHOUSE_VAR_DIR:-}" ]; then
        export MASTHEAD_VAR_DIR=$LIGHTHOUSE_VAR_DIR
    else
        SCRATCH=$(mktemp -d -t masthead-lighthouse.XXXXXX)
        export MASTHEAD_VAR_DIR=$SCRATCH
    fi
    PORT=$($BIN/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    BASE=http://127.0.0.1:$PORT
    export MASTHEAD_BASE_URL=$BASE
    echo "Preparing the demo newsroom in $MASTHEAD_VAR_DIR (a few minutes the first time)…" >&2
    $BIN/masthead migrate --noinput -v0
    $BIN/masthead demo-data --editions en -v0 >&2
    $BIN/masthead collectstatic --noinput -v0
    $BIN/masthead serve --host 127.0.0.1 --port "$PORT" --workers 2 >"$MASTHEAD_VAR_DIR/serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 150); do
        curl -fs -o /dev/null "$BASE/" && break
        sleep 0.2
    done
    curl -fs -o /dev/null "$BASE/" || { echo "the demo server did not start" >&2; exit 1; }
    ARTICLE=$($BIN/masthead shell -v0 -c "
from masthead.front.models import HomePage
from masthead.front.front_page import build_front
print(build_front(HomePage.objects.get(locale__language_code='en')).lead.url)")
    URLS=("$BASE/" "$BASE/news/politics/" "$BASE$ARTICLE")
    for url in "${URLS[@]}"; do curl -fs -o /dev/null "$url"; done  # warm the caches
}

if [ $# -gt 0 ]; then
    URLS=("$@")
else
    start_demo
fi

printf '%-60s %11s %13s %14s %4s\n' URL performance accessibility best-practices SEO
number=0
for url in "${URLS[@]}"; do
    number=$((number + 1))
    name=$(printf '%s' "$url" | sed -e 's|^[a-z]*://[^/]*||' -e 's|[^A-Za-z0-9]\+|-|g' -e 's|^-||' -e 's|-$||')
    report="$REPORTS/$number-${name:0:60}.json"
    "$LIGHTHOUSE" "$url" --quiet --output=json --output-path="$report" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 \
        || { echo "Lighthouse failed on $url" >&2; exit 1; }
    node -e '
        const report = require(require("path").resolve(process.argv[1]));
        const score = (id) => Math.round(report.categories[id].score * 100);
        const scores = ["performance", "accessibility", "best-practices", "seo"].map(score);
        console.log(process.argv[2].padEnd(60), String(scores[0]).padStart(11),
            String(scores[1]).padStart(13), String(scores[2]).padStart(14),
            String(scores[3]).padStart(4));
        // What keeps a score below its target, for the reader to act on.
        const targets = {performance: 95, accessibility: 100, "best-practices": 100, seo: 100};
        for (const [id, target] of Object.entries(targets)) {
            if (score(id) >= target) continue;
            for (const ref of report.categories[id].auditRefs) {
                const audit = report.audits[ref.id];
                if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
                    console.log("    " + id + ": " + audit.title +
                        (audit.displayValue ? " (" + audit.displayValue + ")" : ""));
                }
            }
        }
    ' "$report" "$url"
done
