# Security part of bin/smoke (sourced), against server A from the packaged jar (issue 18): what an
# anonymous visitor learns from health, how an uploaded file is served, and that SPARQL cannot make
# the server send a request anywhere.
# shellcheck shell=bash

req "$WORK/http/health.json" "$AURL/actuator/health"
check "anonymous health: status UP only, no components, paths or counts" \
  "HTTP $CODE $(snippet "$WORK/http/health.json")" \
  test "$CODE" = 200 -a "$(jpy "$WORK/http/health.json" 'set(d) <= {"status", "groups"} and d["status"] == "UP"')" = True
req "$WORK/http/health-staff.json" -u "$ADMIN" "$AURL/actuator/health"
check "staff health: components shown" "HTTP $CODE $(snippet "$WORK/http/health-staff.json")" \
  test "$(jpy "$WORK/http/health-staff.json" '"components" in d')" = True

# file_headers RECORD_JSON: the first file's download, headers kept in $WORK/http/file.h
file_headers() {
  local fid
  fid=$(jpy "$1" 'd["files"][0]["id"]' 2>/dev/null)
  rm -f "$WORK/http/file.h"
  curl -sS -D "$WORK/http/file.h" -o /dev/null --max-time 60 "$AURL/api/records/$ID/files/$fid" 2>/dev/null
}
header() { grep -i "^$1:" "$WORK/http/file.h" | head -1 | tr -d '\r'; }
req "$WORK/http/rec-pub.json" "$AURL/api/records/$ID"
file_headers "$WORK/http/rec-pub.json"
check "a public PDF downloads inline, sandboxed, nosniff, by its base name" "$(tr -d '\r' < "$WORK/http/file.h" | tr '\n' ' ')" \
  test -n "$(header X-Content-Type-Options | grep -i nosniff)" \
  -a -n "$(header Content-Security-Policy | grep -i sandbox)" \
  -a -n "$(header Content-Disposition | grep -i '^content-disposition: inline')" \
  -a -z "$(header Content-Disposition | grep '/')"

# a listener on this machine that must never hear from Lakou
HEARD=$WORK/http/heard
LPORT=$(free_port)
python3 - "$LPORT" "$HEARD" <<'PY' &
import http.server, sys
port, heard = int(sys.argv[1]), sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(heard, "a").write(self.path + "\n"); self.send_response(200); self.end_headers()
    do_POST = do_GET
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
PY
LISTENER=$!
sleep 1
for q in "SELECT * WHERE { SERVICE <http://127.0.0.1:$LPORT/sparql> { ?s ?p ?o } }" \
         "SELECT * FROM <http://127.0.0.1:$LPORT/data.ttl> WHERE { ?s ?p ?o }"; do
  req "$WORK/http/sparql.json" -G "$AURL/thesaurus/sparql" --data-urlencode "query=$q"
  check "SPARQL refuses remote access before running: ${q:0:40}…" "HTTP $CODE $(snippet "$WORK/http/sparql.json")" \
    test "$CODE" = 400
done
check "the local listener heard nothing from Lakou (no SSRF)" "heard: $(cat "$HEARD" 2>/dev/null)" test ! -s "$HEARD"
kill "$LISTENER" 2>/dev/null
wait "$LISTENER" 2>/dev/null || true
