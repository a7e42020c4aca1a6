# Backup part of bin/smoke (sourced): A writes a backup through the API while it runs; the jar's
# `restore` puts it into a new empty folder C (and refuses to do it again there without --force);
# C then starts and finds A's first record by a word of its body.
# shellcheck shell=bash

C=$WORK/c
mkdir -p "$C"
req "$WORK/http/backup.json" -u "$ADMIN" -X POST "$AURL/api/admin/backups"
BACKUP=$(jpy "$WORK/http/backup.json" 'd["path"]' 2>/dev/null)
check "A: POST /api/admin/backups writes a verified backup" "HTTP $CODE $(snippet "$WORK/http/backup.json")" \
  test "$CODE" = 201 -a -f "$BACKUP" -a "$(jpy "$WORK/http/backup.json" 'd["checksumOk"]')" = True
cli "$C" restore "$BACKUP"
check "CLI restore into an empty folder, then the index rebuilt" "exit $CLI_EXIT: $(grep -i '^restored\|^indexed\|refused' "$C/cli.out" | tr '\n' ' ')" \
  test "$CLI_EXIT" = 0 -a "$(grep -c "the index holds $TOTAL document(s)" "$C/cli.out")" = 1
cli "$C" restore "$BACKUP"
check "CLI restore again into the same folder is refused without --force" "exit $CLI_EXIT: $(tail -1 "$C/cli.out")" \
  test "$CLI_EXIT" = 4
PC=$(free_port)
start_server "$C" "$PC"
CPID=$SERVER_PID
if wait_up "$CPID" "$PC"; then
  check "C, started on the restored folder, finds A's first record (q=misfits)" "$(snippet "$WORK/http/search.json")" \
    poll 30 found "http://localhost:$PC" "$ID" --data-urlencode q=misfits
else
  bad "C starts on the restored folder"
fi
stop_server "$CPID"
