#!/usr/bin/env bash
# The package as a user gets it: `npm pack` (its prepack builds), the tarball installed into an
# empty folder (not the checkout), then from there `npx zec-emulator --help`, `npx zec-emulator
# --port 0` until its start line, GET /_emulator/ready, stop; and `import { startEmulator }` with
# its .d.ts shipped. .ci/run counts this script as one check: exit 0 passed, anything else failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# better-sqlite3 builds from source on these machines; Node's headers are under /usr/include/node.
if [ -d /usr/include/node ] && [ -z "${npm_config_nodedir:-}" ]; then export npm_config_nodedir=/usr; fi

work=$(mktemp -d)
server_pid=
cleanup () {
  if [ -n "$server_pid" ]; then kill -TERM -- "-$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail () {
  echo "check-pack: FAILED: $*"
  for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $(basename "$log")"; tail -n 40 "$log"; }; done
  exit 1
}

echo "check-pack: npm pack"
tarball=$(cd "$root" && npm pack --pack-destination "$work" 2> "$work/pack.log" | tail -n 1) || fail "npm pack"
[ -f "$work/$tarball" ] || fail "npm pack made no tarball"
listing=$(tar -tzf "$work/$tarball")
for file in package/package.json package/LICENSE package/README.md package/fixtures/demo.json package/dist/src/server.js package/dist/src/index.js package/dist/src/index.d.ts; do
  grep -qx "$file" <<< "$listing" || fail "the tarball has no $file"
done
if grep -qE '^package/(src|test|bench|node_modules)/' <<< "$listing"; then fail "the tarball ships sources, tests or node_modules"; fi

echo "check-pack: npm install $tarball into an empty folder"
app="$work/app"
mkdir "$app" && cd "$app" || fail "mkdir"
npm init -y > "$work/init.log" 2>&1 || fail "npm init"
npm install --no-audit --no-fund "$work/$tarball" > "$work/install.log" 2>&1 || fail "npm install of the tarball"

echo "check-pack: npx zec-emulator --help"
npx --no-install zec-emulator --help > "$work/help.log" 2>&1 || fail "npx zec-emulator --help"
grep -q '^Usage: zec-emulator' "$work/help.log" || fail "--help printed no usage"

echo "check-pack: npx zec-emulator --port 0"
setsid npx --no-install zec-emulator --port 0 > "$work/server.log" 2> "$work/server-err.log" < /dev/null &
server_pid=$!
url=
for _ in $(seq 1 120); do
  first=$(head -n 1 "$work/server.log")
  if [[ "$first" =~ ^zec-emulator\ ready\ at\ (http://127\.0\.0\.1:[0-9]+)$ ]]; then url=${BASH_REMATCH[1]}; break; fi
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited before its start line"
  sleep 0.5
done
[ -n "$url" ] || fail "no start line \`zec-emulator ready at http://127.0.0.1:PORT\` in 60 s"
ready=$(node -e "fetch(process.argv[1] + '/_emulator/ready').then(async r => console.log(r.status, await r.text()), e => console.log('error', e.message))" "$url")
[ "$ready" = '200 {"status":"ready"}' ] || fail "GET $url/_emulator/ready answered: $ready"
# npx does not pass SIGTERM on to the server it started, so the whole process group gets it.
kill -TERM -- "-$server_pid" 2>/dev/null
for _ in $(seq 1 40); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.25; done
if kill -0 -- "-$server_pid" 2>/dev/null; then fail "the server did not stop on SIGTERM within 10 s"; fi
wait "$server_pid" 2>/dev/null
server_pid=
[ ! -s "$work/server-err.log" ] || fail "the server wrote to stderr: $(head -n 5 "$work/server-err.log")"

echo "check-pack: import { startEmulator } from 'zec-emulator'"
cat > embed.mjs <<'EOF'
import { startEmulator } from 'zec-emulator'
const emulator = await startEmulator({ port: 0 })
const ready = await fetch(`${emulator.url}/_emulator/ready`)
const clock = await emulator.clock.freeze()
await emulator.close()
if (ready.status !== 200 || clock.frozen !== true) throw new Error(`ready ${ready.status}, clock ${JSON.stringify(clock)}`)
EOF
node embed.mjs > "$work/embed.log" 2>&1 || fail "startEmulator() from the installed package"
grep -q 'startEmulator' node_modules/zec-emulator/dist/src/index.d.ts || fail "no startEmulator in the shipped index.d.ts"

echo "check-pack: ok ($tarball, $(wc -l <<< "$listing") files)"
