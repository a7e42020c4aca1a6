# OAI-PMH part of bin/smoke (sourced): the six verbs in oai_dc and MODS against server A, each answer
# validated with xmllint against ../shared/oai (OAI-PMH 2.0 + oai_dc + MODS 3.7, the metadata strictly)
# and required to name A's real address in <request>.
# shellcheck shell=bash

OAI_BASE=$AURL/oai
OAI_N=0

# oai_get NAME QUERY: sets OAI_FILE; one check for HTTP status, content type and schema validity (its
# status is the function's), then one for the base URL in <request>, kept apart so that a wrong base URL
# does not hide what the rest of the answer says
oai_get() {
  local name=$1 query=$2 why="" base out
  OAI_N=$((OAI_N + 1))
  OAI_FILE=$WORK/oai/$(printf '%02d' "$OAI_N")-$name.xml
  req "$OAI_FILE" "$OAI_BASE?$query"
  if [ "$CODE" != 200 ]; then
    why="HTTP $CODE ($CTYPE): $(snippet "$OAI_FILE" 200)"
  elif [[ $CTYPE != text/xml* ]]; then
    why="content type $CTYPE"
  elif ! out=$(xmllint --noout --nonet --schema "$SCHEMA" "$OAI_FILE" 2>&1); then
    why="not valid against $(basename "$SCHEMA"): $(echo "$out" | head -5)"
  fi
  if [ -n "$why" ]; then
    bad "OAI $name" "$why"
    return 1
  fi
  ok "OAI $name: 200 text/xml, valid against OAI-PMH 2.0 + oai_dc + MODS 3.7"
  base=$(xp "$OAI_FILE" "string(/*[local-name()='OAI-PMH']/*[local-name()='request'])")
  check "OAI $name: <request> is $OAI_BASE" "<request> names '$base'" test "$base" = "$OAI_BASE"
  return 0
}

count() { # count LOCAL-NAME: elements of that name in OAI_FILE
  xp "$OAI_FILE" "count(//*[local-name()='$1'])"
}

token() {
  xp "$OAI_FILE" "string(//*[local-name()='resumptionToken'])"
}

# oai_list VERB PREFIX ELEMENT: walks a list through its resumption tokens
oai_list() {
  local verb=$1 prefix=$2 element=$3 total=0 pages=0 first_token="" t query
  query="verb=$verb&metadataPrefix=$prefix"
  while [ "$pages" -lt 10 ]; do
    oai_get "$verb-$prefix-page$((pages + 1))" "$query" || break
    pages=$((pages + 1))
    total=$((total + $(count "$element")))
    t=$(token)
    [ "$pages" = 1 ] && first_token=$t
    [ -z "$t" ] && break
    query="verb=$verb&resumptionToken=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$t")"
  done
  check "OAI $verb $prefix: first page needs a resumption token, $TOTAL ${element}s over the pages" \
    "$total ${element}s over $pages page(s), first token '${first_token}'" \
    test -n "$first_token" -a "$total" = "$TOTAL" -a "$pages" -ge 2
}

if oai_get Identify "verb=Identify"; then
  check "OAI Identify: baseURL is $OAI_BASE, granularity to the second" "$(snippet "$OAI_FILE" 400)" \
    test "$(xp "$OAI_FILE" "string(//*[local-name()='baseURL'])")" = "$OAI_BASE" \
    -a "$(xp "$OAI_FILE" "string(//*[local-name()='granularity'])")" = "YYYY-MM-DDThh:mm:ssZ"
fi
if oai_get ListMetadataFormats "verb=ListMetadataFormats"; then
  check "OAI ListMetadataFormats: oai_dc and mods" "$(snippet "$OAI_FILE" 400)" test \
    "$(xp "$OAI_FILE" "count(//*[local-name()='metadataPrefix'][.='oai_dc' or .='mods'])")" = 2
fi
oai_get ListSets "verb=ListSets" && check "OAI ListSets: lists sets" "$(snippet "$OAI_FILE" 400)" \
  test "$(count set)" -ge 1
# silent walk: how many headers ListIdentifiers shows now, all pages together
listed() {
  local f=$WORK/oai/listed.xml query="verb=ListIdentifiers&metadataPrefix=oai_dc" n=0 t i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    req "$f" "$OAI_BASE?$query"
    [ "$CODE" = 200 ] || break
    n=$((n + $(xp "$f" "count(//*[local-name()='header'])")))
    t=$(xp "$f" "string(//*[local-name()='resumptionToken'])")
    [ -z "$t" ] && break
    query="verb=ListIdentifiers&resumptionToken=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$t")"
  done
  LISTED=$n
  [ "$n" = "$TOTAL" ]
}
# a record reaches OAI once its index commit is behind it; a harvester must see every one soon after
if poll 20 listed; then ok "OAI lists all $TOTAL published records within 20 s of their publication"
else bad "OAI lists all $TOTAL published records within 20 s of their publication" "only $LISTED listed"; fi
oai_list ListIdentifiers oai_dc header
oai_list ListIdentifiers mods header
oai_list ListRecords oai_dc record
oai_list ListRecords mods record

OAI_ID=""
if oai_get ListIdentifiers-for-id "verb=ListIdentifiers&metadataPrefix=oai_dc"; then
  OAI_ID=$(xp "$OAI_FILE" "string(//*[local-name()='identifier'][substring(., string-length(.) - string-length('$ID'))=':$ID'])")
fi
[ -n "$OAI_ID" ] || OAI_ID=oai:lakou.org:$ID
oai_get ListMetadataFormats-of-record "verb=ListMetadataFormats&identifier=$OAI_ID" \
  && check "OAI ListMetadataFormats of $OAI_ID: oai_dc and mods" "$(snippet "$OAI_FILE" 400)" test "$(count metadataFormat)" = 2
DC_ID=""
if oai_get GetRecord-oai_dc "verb=GetRecord&metadataPrefix=oai_dc&identifier=$OAI_ID"; then
  DC_ID=$(xp "$OAI_FILE" "string(//*[local-name()='dc']/*[local-name()='identifier'][contains(., '/records/$ID')])")
  check "OAI GetRecord oai_dc: dc:identifier is $AURL/records/$ID" "dc:identifier '$DC_ID'" \
    test "$DC_ID" = "$AURL/records/$ID"
fi
if oai_get GetRecord-mods "verb=GetRecord&metadataPrefix=mods&identifier=$OAI_ID"; then
  check "OAI GetRecord mods: carries the accepted subject's URI" "$(snippet "$OAI_FILE" 1200)" \
    test "$(xp "$OAI_FILE" "count(//*[local-name()='subject'][@valueURI='$SUBJECT'])")" -ge 1
  MODS_URL=$(xp "$OAI_FILE" "string(//*[local-name()='location']/*[local-name()='url'][@usage='primary display'])")
  check "OAI GetRecord mods: location/url is $AURL/records/$ID" "location/url '$MODS_URL'" \
    test "$MODS_URL" = "$AURL/records/$ID"
fi
if oai_get badArgument "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday"; then
  check "OAI bad argument (from=yesterday): <error code=\"badArgument\">" "$(snippet "$OAI_FILE" 400)" \
    test "$(xp "$OAI_FILE" "count(//*[local-name()='error'][@code='badArgument'])")" = 1
fi

# dc:identifier is the record's public page: HTML for a browser, JSON on request, for anonymous readers
req "$WORK/http/page.html" -H 'Accept: text/html' "$AURL/records/$ID"
check "GET /records/$ID anonymously as a browser: 200 HTML" "HTTP $CODE ($CTYPE)" \
  test "$CODE" = 200 -a "${CTYPE%%;*}" = text/html
req "$WORK/http/page.json" -H 'Accept: application/json' "$AURL/records/$ID"
check "GET /records/$ID anonymously with Accept: application/json: the record" "HTTP $CODE ($CTYPE)" \
  test "$CODE" = 200 -a "$(jpy "$WORK/http/page.json" 'd["id"]' 2>/dev/null)" = "$ID"
