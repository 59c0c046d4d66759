# ops/test-systemd-upgrade.sh — sourced by ops/test-systemd, inside its running
# container, after this tree's packages were purged: the runbook's "Upgrade"
# from the previous release (ops/packaging/previous-release, built by
# ops/build-previous-release) and its rollback.
#   1. install the previous release's dojavad and dojava, create an instance,
#      a roster, a submission with an attachment; the source and the reviewer
#      read it with the previous CLI;
#   2. the backup "first, always", then `dpkg -i` of this tree's packages while
#      dojavad runs: the postinst restarts it, the schema is migrated, `dojavad
#      check` passes, and the source API serves the case byte for byte as before
#      (its wrapped key, every record, every chunk of the attachment: compared as
#      bytes, `test-client source-dump`); this tree's CLI names the 0.1.0 roster
#      it does not read;
#   3. a downgrade onto the migrated database (when this tree's schema is newer)
#      is refused clearly: dojavad does not serve, the journal names both schema
#      versions; the runbook's rollback (previous package, pre-upgrade backup)
#      brings the node back with its data;
#   4. purge.
# Uses the helpers of ops/test-systemd: inside, check, expect, ok, bad, say,
# wait_for, $work, $stage, $admin_fp, $admin_pub, $deb_server, $deb_client,
# $prev_version, $prev_debs.
#
# Protocol note: 0.1.0 wrote protocol-1 rosters and records, which this tree
# does not read (crypto/PROTOCOL.md §16; CHANGELOG "Upgrading"): step 2
# compares what the server serves, not what a client decrypts.

say "upgrade from $prev_version to this tree's packages, and the rollback (ops/README.md \"Upgrade\")"
prev_server="/opt/dojava-test/prev/$(basename "${prev_debs[0]}")"
prev_client="/opt/dojava-test/prev/$(basename "${prev_debs[1]}")"
check "dpkg -i dojavad dojava $prev_version (the previous release)" inside dpkg -i "$prev_server" "$prev_client"
expect "dojavad --version: the previous release" "dojavad $prev_version" "$(inside dojavad --version 2>/dev/null | head -1 | cut -d" " -f1-2)"
inside systemctl mask tor@dojava.service >/dev/null 2>&1 || true
inside runuser -u dojava -- dojavad init --data-dir /var/lib/dojava --admin-public-key "$admin_pub" \
  --name "Upgrade test newsroom" >"$work/up-init.log" 2>&1 || bad "dojavad init ($prev_version)"
inside install -m 0600 -o root -g root /var/lib/dojava/database.key /etc/dojava/database.key
inside shred -u /var/lib/dojava/database.key
inside sed -i -e 's|^source\.listen = .*|source.listen = unix:/run/dojava/source.sock|' \
  -e 's|^source\.proxy_protocol = .*|source.proxy_protocol = true|' \
  -e 's|^reviewer\.listen = .*|reviewer.listen = unix:/run/dojava/reviewer.sock|' \
  -e 's|^reviewer\.proxy_protocol = .*|reviewer.proxy_protocol = true|' \
  -e 's|^# static_dir = *$|static_dir = /usr/share/dojava/static|' /var/lib/dojava/dojavad.conf
check "dojavad.service ($prev_version) starts" inside systemctl start dojavad.service
wait_for 20 inside test -S /run/dojava/reviewer.sock || true
# The first part's relays left their socket files here: removed, so the waits
# below see this part's relays and not a stale path that refuses connections.
inside rm -f /run/dojava-test/source.sock /run/dojava-test/reviewer.sock
for s in source reviewer; do
  inside systemd-run --quiet --unit="dojava-test-uprelay-$s" -p User=_tor-dojava \
    /usr/bin/python3 /opt/dojava-test/test-client relay "/run/dojava-test/$s.sock" "/run/dojava/$s.sock"
done
wait_for 10 inside test -S /run/dojava-test/source.sock || true
wait_for 10 inside test -S /run/dojava-test/reviewer.sock || true

rev_opts=(--state-dir /root/up-reviewer --admin-fingerprint "$admin_fp" --key-file /root/reviewer.key --passphrase-file /root/pass)
src_opts=(--state-dir /root/up-source --admin-fingerprint "$admin_fp")
check "$prev_version: dojava roster add" inside dojava roster add --server unix:/run/dojava-test/reviewer.sock \
  --state-dir /root/up-admin --admin-fingerprint "$admin_fp" --admin-key /root/admin.key \
  --passphrase-file /root/pass --name "Reviewer" --reviewer-public /root/reviewer.key.pub
inside dojava submit --server unix:/run/dojava-test/source.sock "${src_opts[@]}" \
  --text-file /opt/dojava-test/report.txt --attach /opt/dojava-test/evidence.bin --json >"$work/up-submit.json" 2>>"$work/checks.log" || true
up_receipt="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["receipt"])' "$work/up-submit.json" 2>/dev/null || true)"
[ -n "$up_receipt" ] && ok "$prev_version: dojava submit with an attachment" || bad "$prev_version: dojava submit with an attachment"
printf '%s\n' "$up_receipt" | inside sh -c 'umask 077; cat >/root/up-receipt'
check "$prev_version: the source reads its case" inside dojava inbox --server unix:/run/dojava-test/source.sock \
  "${src_opts[@]}" --receipt-file /root/up-receipt
inside dojava export --server unix:/run/dojava-test/reviewer.sock "${rev_opts[@]}" --format json -o /root/up-export-before.json \
  >>"$work/checks.log" 2>&1 || true
check "$prev_version: the reviewer exports the report" inside grep -q 'journalist followed in Sarajevo' /root/up-export-before.json
# What the source API serves for the case, as bytes (records, wrapped key, the attachment's chunks).
inside python3 /opt/dojava-test/test-client source-dump /run/dojava/source.sock /root/up-receipt \
  /root/up-export-before.json >"$work/up-dump-before.txt" 2>>"$work/checks.log" || true
check "$prev_version: the case and its attachment's chunks fetched through the source API" \
  grep -q '^chunk ' "$work/up-dump-before.txt"

# --- the upgrade, as the runbook writes it ---------------------------------------------
today="$(inside date -u +%Y%m%d)"
check "backup first (dojavad-backup.service, $prev_version)" inside systemctl start dojavad-backup.service
inside cp -p "/var/backups/dojava/dojava-$today.db" /var/backups/dojava/pre-upgrade.db  # the day's file may be replaced by a later run
pid_before="$(inside systemctl show -P MainPID dojavad.service)"
check "apt install of this tree's packages over $prev_version (dpkg -i, dojavad running)" \
  inside dpkg -i "/opt/dojava-test/$(basename "$deb_server")" "/opt/dojava-test/$(basename "$deb_client")"
wait_for 20 inside test -S /run/dojava/source.sock || true
pid_after="$(inside systemctl show -P MainPID dojavad.service)"
expect "the postinst restarted dojavad on the new binary" "active yes" \
  "$(inside systemctl is-active dojavad.service) $([ "$pid_after" != "$pid_before" ] && [ "$pid_after" != 0 ] && echo yes || echo no)"
new_version="$(inside dojavad --version 2>/dev/null | head -1 | cut -d" " -f1-2)"
[ "$new_version" != "dojavad $prev_version" ] && ok "dojavad --version after the upgrade: $new_version" || bad "dojavad --version unchanged after the upgrade"
check "dojavad check --data-dir after the upgrade (schema migrated, every page readable)" inside systemd-run --quiet --pipe --wait \
  -p User=dojava -p LoadCredential=database.key:/etc/dojava/database.key \
  /usr/sbin/dojavad check --data-dir /var/lib/dojava --credential database.key
inside python3 /opt/dojava-test/test-client source-dump /run/dojava/source.sock /root/up-receipt \
  /root/up-export-before.json >"$work/up-dump-after.txt" 2>>"$work/checks.log" || true
check "after the upgrade: every record and chunk of the case is served byte for byte as before" \
  cmp "$work/up-dump-before.txt" "$work/up-dump-after.txt"
inside dojava inbox --server unix:/run/dojava-test/source.sock "${src_opts[@]}" --receipt-file /root/up-receipt \
  >"$work/up-inbox-after.log" 2>&1 || true
check "  ... and this tree's CLI names the 0.1.0 roster it does not read (unsupported_version)" \
  grep -q 'a version-1 roster of Dojava 0.1.0 is not read' "$work/up-inbox-after.log"

# --- a downgrade onto the migrated database, then the runbook's rollback ---------------
if [ "$schema_new" -gt "$schema_prev" ]; then
  inside dpkg -i "$prev_server" "$prev_client" >>"$work/checks.log" 2>&1 || true
  wait_for 15 inside sh -c '[ "$(systemctl is-active dojavad.service)" != active ] || journalctl -u dojavad -o cat | grep -q "newer than this dojavad"' || true
  check "downgrade to $prev_version: dojavad refuses schema $schema_new (journal names both versions)" inside sh -c \
    "journalctl -u dojavad -o cat | grep -q 'schema version $schema_new, newer than this dojavad ($schema_prev)'"
  check "  ... and does not serve" inside sh -c '[ "$(systemctl is-active dojavad.service)" != active ]'
else
  echo "  skip  downgrade refusal: this tree's schema ($schema_new) is the previous release's ($schema_prev)"
  inside dpkg -i "$prev_server" "$prev_client" >>"$work/checks.log" 2>&1 || true
fi
inside systemctl stop dojavad.service dojavad-backup.timer 2>/dev/null || true
inside systemctl reset-failed dojavad.service 2>/dev/null || true
inside mv /var/lib/dojava /var/lib/dojava.upgraded
inside install -d -m 0700 -o dojava -g dojava /var/lib/dojava
check "rollback: dojavad restore of the pre-upgrade backup ($prev_version)" inside systemd-run --quiet --pipe --wait \
  -p User=dojava -p LoadCredential=database.key:/etc/dojava/database.key -p ReadWritePaths=/var/lib/dojava \
  /usr/sbin/dojavad restore --from /var/backups/dojava/pre-upgrade.db --data-dir /var/lib/dojava --credential database.key
inside install -m 0600 -o dojava -g dojava /var/lib/dojava.upgraded/dojavad.conf /var/lib/dojava/dojavad.conf
check "rollback: dojavad $prev_version serves again" inside systemctl start dojavad.service
wait_for 20 inside test -S /run/dojava/source.sock || true
inside rm -f /root/up-evidence.out
check "rollback: the source reads its report and attachment" inside dojava inbox \
  --server unix:/run/dojava-test/source.sock "${src_opts[@]}" --receipt-file /root/up-receipt --get 1 -o /root/up-evidence.out
check "  ... byte for byte" inside cmp /opt/dojava-test/evidence.bin /root/up-evidence.out

inside systemctl stop dojava-test-uprelay-source.service dojava-test-uprelay-reviewer.service 2>/dev/null || true
inside systemctl unmask tor@dojava.service >/dev/null 2>&1 || true
check "dpkg --purge after the upgrade test" inside dpkg --purge dojavad dojava
inside rm -rf /var/lib/dojava.upgraded /root/up-*
