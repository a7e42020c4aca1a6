# Harvest part of bin/smoke (sourced): server B registers server A as a partner, harvests it in MODS,
# and must then hold A's records, the first one with the subject accepted on A.
# shellcheck shell=bash

SOURCE_NAME="Centre de ressources Smoke A"
req "$WORK/http/source.json" -u "$ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$SOURCE_NAME\",\"baseUrl\":\"$AURL/oai\",\"metadataPrefix\":\"mods\"}" "$BURL/api/harvest/sources"
SOURCE_ID=$(jpy "$WORK/http/source.json" 'd["id"]' 2>/dev/null)
check "B: register A ($AURL/oai, mods) as a harvest source" "HTTP $CODE $(snippet "$WORK/http/source.json")" \
  test "$CODE" = 201 -a -n "$SOURCE_ID"

req "$WORK/http/run.json" -u "$ADMIN" -X POST "$BURL/api/harvest/sources/$SOURCE_ID/run"
check "B: the harvest run succeeds and adds A's $TOTAL records" "HTTP $CODE $(snippet "$WORK/http/run.json" 600)" \
  test "$CODE" = 200 -a "$(jpy "$WORK/http/run.json" 'd["status"]')" = SUCCEEDED \
  -a "$(jpy "$WORK/http/run.json" 'd["added"]')" = "$TOTAL"

harvested() {
  req "$WORK/http/hsearch.json" -G "$BURL/api/search" --data-urlencode q=crazyones \
    --data-urlencode "source=$SOURCE_NAME"
  HID=$(jpy "$WORK/http/hsearch.json" 'd["hits"][0]["id"] if d["total"] == 1 else ""' 2>/dev/null)
  [ -n "$HID" ]
}
check "B: the harvested record is found by search, with A as its source" "$(snippet "$WORK/http/hsearch.json" 600)" \
  poll 30 harvested
req "$WORK/http/hrec.json" -u "$ADMIN" "$BURL/api/records/${HID:-none}"
check "B: the harvested record carries the subject URI accepted on A ($SUBJECT)" \
  "HTTP $CODE $(snippet "$WORK/http/hrec.json" 600)" \
  test "$(jpy "$WORK/http/hrec.json" "'$SUBJECT' in d['subjects']" 2>/dev/null)" = True
