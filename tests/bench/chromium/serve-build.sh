#!/bin/sh
# The server for the Chromium benches (started and stopped by Playwright's webServer):
# a fresh embedded stack on the production build, both in per-run folders that are
# removed once the server has stopped. Usage: sh tests/bench/chromium/serve-build.sh PORT
set -eu
port=$1
data=.data-bench-$port
build=.build-bench-$port
rm -rf "$data" "$build"
# One build at a time per checkout (the e2e run builds the same way); each run gets its own copy.
# The build's log is shown only when it fails.
flock .build.lock sh -c "npm run build >$build.log 2>&1 && cp -r build $build" || { cat "$build.log" >&2; rm -f "$build.log"; exit 1; }
rm -f "$build.log"

# The benches sign in with the demo account, which a production build seeds only with the (unsafe) dev mailbox.
DISCLOSE_DATA_DIR=$data DISCLOSE_UNSAFE_DEV_MAILBOX=1 DISCLOSE_AUTH_RATE_LIMITS=off BODY_SIZE_LIMIT=52M ORIGIN=http://127.0.0.1:$port PORT=$port HOST=127.0.0.1 node "$build" &
server=$!
# Playwright stops the server with SIGTERM to the whole process group: the app closes its
# connections and stops PostgreSQL; this shell waits for that, then removes the folders.
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT
wait "$server" || true
wait "$server" 2>/dev/null || true
rm -rf "$data" "$build"
