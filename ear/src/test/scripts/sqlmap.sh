#!/usr/bin/env bash
# SQL injection scan of the JSON API with Debian's sqlmap, against a throw-away copy of the test
# server on its own database. Not part of `mvn verify` (it takes minutes); see docs/security.md.
# Needs: a built EAR and provisioned server (any `mvn verify` run), MariaDB on 127.0.0.1:3306 as root
# without password (as the system tests), and `apt-get install -y sqlmap`.
# Settings: PF_PORT_OFFSET (400), PF_DB_NAME (preventiefonds_scan), SQLMAP_LEVEL (1), SQLMAP_RISK (1).
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v sqlmap >/dev/null || { echo "sqlmap missing: apt-get install -y sqlmap" >&2; exit 2; }
[ -d target/server ] && [ -f target/preventiefonds.ear ] || { echo "build first: mvn verify" >&2; exit 2; }

OFFSET=${PF_PORT_OFFSET:-400}
BASE="http://127.0.0.1:$((8080 + OFFSET))/preventiefonds"
DB=${PF_DB_NAME:-preventiefonds_scan}
DB_PASSWORD=scan-only
OUT=target/sqlmap
LEVEL=${SQLMAP_LEVEL:-1}
RISK=${SQLMAP_RISK:-1}
rm -rf "$OUT" target/scan-server && mkdir -p "$OUT"

mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$DB\`;
  CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE OR REPLACE USER '$DB'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
  CREATE OR REPLACE USER '$DB'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL ON \`$DB\`.* TO '$DB'@'127.0.0.1'; GRANT ALL ON \`$DB\`.* TO '$DB'@'localhost';"

cp -r target/server target/scan-server
cp target/preventiefonds.ear target/scan-server/standalone/deployments/
target/scan-server/bin/standalone.sh -Djboss.socket.binding.port-offset="$OFFSET" \
  -Dpf.db.name="$DB" -Dpf.db.user="$DB" -Dpf.db.password="$DB_PASSWORD" \
  -Dpreventiefonds.demo=true -Dpreventiefonds.mail.deliver=false > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
stop() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 240); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health" >/dev/null || { echo "server did not come up, see $OUT/server.log" >&2; exit 1; }

# Logs in through the JSF form; prints the session cookie.
login() {
  local jar="$OUT/$1.cookies" state
  state=$(curl -s -c "$jar" "$BASE/login.xhtml" | grep -o 'name="jakarta.faces.ViewState" id="[^"]*" value="[^"]*"' \
    | sed 's/.*value="//; s/"$//' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null "$BASE/login.xhtml" --data-urlencode "login=login" \
    --data-urlencode "login:email=$1" --data-urlencode "login:password=Preventie-2026" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$state"
  awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar" | tail -1
}
ORGANISER=$(login organisator@demo.preventiefonds.nl)
OFFICER=$(login adviseur@demo.preventiefonds.nl)
MANAGER=$(login beheerder@demo.preventiefonds.nl)
DRAFT=$(curl -s -b "$ORGANISER" -H 'X-Requested-With: scan' -H 'Accept: application/json' -X POST \
  "$BASE/api/calls/1/applications" | sed 's/.*"id":\([0-9]*\).*/\1/')

scan() { # name cookie url [extra sqlmap options]
  local name=$1 cookie=$2 url=$3
  shift 3
  echo "== $name: $url $*" | tee -a "$OUT/summary.txt"
  sqlmap -u "$url" --cookie="$cookie" -H "X-Requested-With: scan" -H "Accept: application/json" \
    --batch --dbms=MySQL --level="$LEVEL" --risk="$RISK" --time-sec=2 --flush-session \
    --output-dir="$OUT/sessions" "$@" > "$OUT/$name.log" 2>&1 || true
  grep -E "appear to be injectable|is vulnerable|identified the following injection|might be injectable|\[CRITICAL\]|\[WARNING\] .*(not injectable|does not seem)" \
    "$OUT/$name.log" | sort -u | tee -a "$OUT/summary.txt" || true
}
scan applications "$OFFICER" "$BASE/api/applications?status=SUBMITTED&callId=1&text=buurt&first=0&size=10"
scan calls "$OFFICER" "$BASE/api/calls?open=true&first=0&size=10"
scan register "$OFFICER" "$BASE/api/open/register?year=2024&theme=LONELINESS&neighbourhood=WK010600&q=buurt&first=0&size=10"
scan impact "$OFFICER" "$BASE/api/impact/dashboard?callId=1&theme=LONELINESS&neighbourhood=1&careDomain=WMO&year=2024&wmoCost=100"
scan indicators "$MANAGER" "$BASE/api/indicators?indicator=WMO_CLIENTS_PER_1000&from=2019&to=2025&first=0&max=10"
scan payments "$MANAGER" "$BASE/api/payments?status=DUE&first=0&size=10"
scan export "$MANAGER" "$BASE/api/payments/export?dueBefore=2030-01-01"
scan reclaims "$MANAGER" "$BASE/api/reclaims?status=OPEN&first=0&size=10"
scan form-json "$ORGANISER" "$BASE/api/applications/$DRAFT/form" --method=PUT \
  --data='{"title":"Buurtkamer","summary":"Koffie","organisationName":"Stichting","contactName":"Anna","requestedAmount":"1000.00"}' \
  -H "Content-Type: application/json"
scan answer-json "$ORGANISER" "$BASE/api/applications/$DRAFT/answer" --method=POST --data='{"answer":"Hier is het antwoord"}' \
  -H "Content-Type: application/json"

if grep -qE "is vulnerable|identified the following injection|might be injectable" "$OUT/summary.txt"; then
  echo "sqlmap found an injection: see $OUT" >&2
  exit 1
fi
echo "sqlmap found no injection in $(grep -c '^==' "$OUT/summary.txt") targets (logs in $OUT)"
