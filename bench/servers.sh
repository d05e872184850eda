#!/usr/bin/env bash
# Granian vs gunicorn serving the demo newsroom, in the same run, same worker count:
# requests per second for the home page, an article and a static file (whitenoise).
# Usage: bench/servers.sh [seconds per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
WORKERS=${WEB_CONCURRENCY:-2}
PORT=${BENCH_PORT:-8421}
export MASTHEAD_VAR_DIR=${MASTHEAD_VAR_DIR:-$PWD/var/bench}
export DJANGO_SETTINGS_MODULE=masthead.settings
BIN=.venv/bin
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

echo "Preparing the demo newsroom in $MASTHEAD_VAR_DIR…"
$BIN/masthead migrate --noinput -v0
$BIN/masthead demo-data -v0
$BIN/masthead collectstatic --noinput -v0

start_server() {
    case "$1" in
        granian) exec $BIN/granian --interface wsgi --workers "$WORKERS" --port "$PORT" \
                     --log-level warning masthead.wsgi:application ;;
        gunicorn-sync) exec $BIN/gunicorn --workers "$WORKERS" --bind "127.0.0.1:$PORT" \
                     --log-level warning masthead.wsgi:application ;;
        gunicorn-gthread) exec $BIN/gunicorn --workers "$WORKERS" --threads 4 \
                     --worker-class gthread --bind "127.0.0.1:$PORT" \
                     --log-level warning masthead.wsgi:application ;;
    esac
}

wait_up() {
    for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && return; sleep 0.2; done
    echo "server did not start" >&2; exit 1
}

rps() {  # url -> requests/s
    curl -fs -o /dev/null "$1"   # warm: renditions, caches, connections
    wrk -t1 -c16 -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {print $2}'
}

ARTICLE=$($BIN/python manage.py shell -c "
from masthead.articles.models import ArticlePage
print(ArticlePage.objects.live().order_by('-first_published_at').first().url)" 2>/dev/null | tail -1)
STATIC=$(ls "$MASTHEAD_VAR_DIR/static/css/" | grep -E '^site\.[0-9a-f]{12}\.css$' | head -1)

declare -A RESULTS
for server in granian gunicorn-sync gunicorn-gthread; do
    start_server $server & pid=$!
    wait_up
    RESULTS[$server,home]=$(rps "http://127.0.0.1:$PORT/")
    RESULTS[$server,article]=$(rps "http://127.0.0.1:$PORT$ARTICLE")
    RESULTS[$server,static]=$(rps "http://127.0.0.1:$PORT/static/css/$STATIC")
    kill -TERM $pid; wait $pid 2>/dev/null || true
    sleep 1
done

printf "\n%-18s %12s %12s %12s\n" "server ($WORKERS workers)" "home r/s" "article r/s" "static r/s"
for server in granian gunicorn-sync gunicorn-gthread; do
    printf "%-18s %12s %12s %12s\n" $server "${RESULTS[$server,home]}" \
        "${RESULTS[$server,article]}" "${RESULTS[$server,static]}"
done
echo
for page in home article static; do
    awk -v g="${RESULTS[granian,$page]}" -v s="${RESULTS[gunicorn-sync,$page]}" \
        -v t="${RESULTS[gunicorn-gthread,$page]}" -v p=$page \
        'BEGIN { printf "%-8s granian / gunicorn-sync = %.2fx, granian / gunicorn-gthread = %.2fx\n", p, g/s, g/t }'
done
