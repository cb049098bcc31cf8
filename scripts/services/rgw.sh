#!/usr/bin/env bash
# Single-node Ceph RADOS Gateway (S3 with real Object Lock) for development and tests.
#
# Usage: scripts/services/rgw.sh start|stop|status|env [--profile dev|test]
#
#   --profile dev  (default) persistent: BlueStore on a sparse 16 GiB file in
#                  ${CALLVAULT_DATA_DIR:-<repo>/.data}/rgw, S3 on http://127.0.0.1:7480, mon on 127.0.0.1:6789.
#                  Data survives stop/start; a first run that was interrupted is wiped and redone.
#   --profile test throwaway: memstore in /tmp/callvault-rgw-test, S3 on http://127.0.0.1:7481, mon on 6790.
#                  `start` always wipes and creates a fresh cluster; `stop` stops and removes it.
#
# The S3 user gets S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY from the environment, else
# callvault-dev / callvault-dev-secret (dev) or callvault-test / callvault-test-secret (test).
# `env` prints S3_* lines for the profile (eval "$(scripts/services/rgw.sh env --profile dev)").
# `status` exits 0 when mon, osd and rgw run and S3 answers, 3 otherwise. Logs: <cluster dir>/log/.
#
# Needs the Debian packages radosgw ceph-mon ceph-osd (scripts/setup-services.sh installs them).
# Both profiles can run at the same time: separate dirs, fsids, ports, sockets and pid files.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
READY_TIMEOUT="${RGW_READY_TIMEOUT:-90}"   # seconds, per readiness wait
STOP_TIMEOUT=30                              # seconds before SIGKILL
MAX_DIR_LEN=85                               # unix socket paths are limited to 107 chars

log() { printf 'rgw[%s]: %s\n' "$PROFILE" "$*" >&2; }
die() { printf 'rgw[%s]: ERROR: %s\n' "${PROFILE:-?}" "$*" >&2; exit 1; }
usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# ---------- arguments ----------
CMD="${1:-}"; [[ $# -gt 0 ]] && shift
PROFILE=dev
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) [[ $# -ge 2 ]] || usage; PROFILE="$2"; shift 2 ;;
    --profile=*) PROFILE="${1#*=}"; shift ;;
    -h|--help) usage ;;
    *) echo "rgw: unknown argument: $1" >&2; usage ;;
  esac
done
case "$CMD" in start|stop|status|env) ;; -h|--help|help) usage ;; *) usage ;; esac

# ---------- profile ----------
case "$PROFILE" in
  dev)
    BASE="${CALLVAULT_DATA_DIR:-$REPO_DIR/.data}"
    BASE="$(realpath -m -- "$BASE")"
    DIR="$BASE/rgw"
    if (( ${#DIR} > MAX_DIR_LEN )); then
      short="$(printf '%s' "$REPO_DIR" | sha1sum | cut -c1-10)"
      fallback="/var/tmp/callvault-rgw-$short"
      [[ "$CMD" == env ]] || log "cluster dir $DIR is ${#DIR} chars (> $MAX_DIR_LEN, too long for unix sockets); using $fallback instead"
      DIR="$fallback"
    fi
    RGW_PORT=7480; MON_PORT=6789; MS_PORT_MIN=6800; MS_PORT_MAX=6849
    OBJECTSTORE=bluestore
    DEF_KEY=callvault-dev; DEF_SECRET=callvault-dev-secret
    ;;
  test)
    DIR=/tmp/callvault-rgw-test
    RGW_PORT=7481; MON_PORT=6790; MS_PORT_MIN=6850; MS_PORT_MAX=6899
    OBJECTSTORE=memstore
    DEF_KEY=callvault-test; DEF_SECRET=callvault-test-secret
    ;;
  *) die "unknown profile '$PROFILE' (use dev or test)" ;;
esac
ACCESS_KEY="${S3_ACCESS_KEY_ID:-$DEF_KEY}"
SECRET_KEY="${S3_SECRET_ACCESS_KEY:-$DEF_SECRET}"
S3_UID="callvault-$PROFILE"
ENDPOINT="http://127.0.0.1:$RGW_PORT"

CONF="$DIR/ceph.conf"
STATE="$DIR/cluster.env"        # fsid, osd uuid, ports: fixed at creation
MARK="$DIR/.callvault-rgw"      # "this directory belongs to rgw.sh" (safe to wipe)
INIT="$DIR/.initialized"        # first run completed
RUN="$DIR/run"; LOGDIR="$DIR/log"
DAEMONS=(rgw osd mon)           # stop order
declare -A PIDFILE=([mon]="$RUN/mon.a.pid" [osd]="$RUN/osd.0.pid" [rgw]="$RUN/rgw.a.pid")
declare -A ASOK=([mon]="$RUN/mon.a.asok" [osd]="$RUN/osd.0.asok" [rgw]="$RUN/rgw.a.asok")
declare -A DLOG=([mon]="$LOGDIR/mon.a.log" [osd]="$LOGDIR/osd.0.log" [rgw]="$LOGDIR/client.rgw.a.log")

if [[ "$CMD" == env ]]; then
  printf 'S3_ENDPOINT=%s\nS3_ACCESS_KEY_ID=%s\nS3_SECRET_ACCESS_KEY=%s\nS3_FORCE_PATH_STYLE=true\nS3_REGION=us-east-1\n' \
    "$ENDPOINT" "$ACCESS_KEY" "$SECRET_KEY"
  exit 0
fi

# ---------- helpers ----------
need_bins() {
  local b missing=()
  for b in ceph ceph-mon ceph-osd radosgw radosgw-admin curl ss; do
    command -v "$b" >/dev/null 2>&1 || missing+=("$b")
  done
  ((${#missing[@]} == 0)) || die "missing commands: ${missing[*]} — run scripts/setup-services.sh --with-s3=$PROFILE (installs radosgw ceph-mon ceph-osd)"
}

# ceph CLI against this cluster, bounded in time
cephc() { timeout 20 ceph -c "$CONF" --connect-timeout 10 "$@"; }

# pid of a daemon if it is running AND belongs to this cluster (cmdline names our ceph.conf); else empty
daemon_pid() {
  local f="${PIDFILE[$1]}" pid state
  [[ -s "$f" ]] || return 0
  pid="$(tr -dc '0-9' <"$f")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 0
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ "$state" == Z || -z "$state" ]] && return 0          # zombie: exited, PID 1 has not reaped it yet
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$CONF" || return 0
  echo "$pid"
}

# true while the pid exists and is not a zombie
alive() { local s; s="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"; [[ -n "$s" && "$s" != Z ]]; }

show_log() {  # $1 = daemon
  local f="${DLOG[$1]}"
  echo "----- last lines of $f -----" >&2
  tail -n 40 "$f" 2>/dev/null >&2 || echo "(no log)" >&2
  if [[ -s "$LOGDIR/launch-$1.log" ]]; then
    echo "----- $LOGDIR/launch-$1.log -----" >&2; tail -n 20 "$LOGDIR/launch-$1.log" >&2
  fi
  echo "-----" >&2
}

# poll "$@" every 0.5 s until it succeeds or $READY_TIMEOUT s pass (fails early if the daemon dies);
# $1 = daemon (for its log), $2 = what we wait for
wait_for() {
  local daemon="$1" what="$2"; shift 2
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${READY_TIMEOUT}s waiting for $what"; show_log "$daemon"; exit 1
    fi
    if [[ -z "$(daemon_pid "$daemon")" ]]; then
      log "$daemon exited while waiting for $what"; show_log "$daemon"; exit 1
    fi
    sleep 0.5
  done
}

# listeners on a TCP port (ss output lines), empty if free
port_users() { ss -ltnpH "sport = :$1" 2>/dev/null || true; }

check_port_free() {  # $1 port, $2 what
  local users; users="$(port_users "$1")"
  [[ -z "$users" ]] || die "port 127.0.0.1:$1 ($2) is already in use by another process:
$users
Stop it, or stop the other cluster (scripts/services/rgw.sh stop --profile ...)."
}

check_ms_range() {
  local used
  used="$(ss -ltnH 2>/dev/null | awk -v lo="$MS_PORT_MIN" -v hi="$MS_PORT_MAX" \
    '{ n = split($4, a, ":"); p = a[n] + 0; if (p >= lo && p <= hi) seen[p] = 1 } END { print length(seen) }')"
  # the OSD needs 4 ports (public, cluster, 2 heartbeat)
  ((MS_PORT_MAX - MS_PORT_MIN + 1 - used >= 4)) || die "fewer than 4 free TCP ports in $MS_PORT_MIN-$MS_PORT_MAX for the OSD"
  ((used == 0)) || log "note: $used port(s) in the OSD range $MS_PORT_MIN-$MS_PORT_MAX are taken by others; the OSD picks free ones"
}

write_conf() {
  # shellcheck disable=SC1090
  source "$STATE"
  local osd_store
  if [[ "$OBJECTSTORE" == bluestore ]]; then
    osd_store="osd objectstore = bluestore
bluestore block create = true
bluestore block size = 17179869184
bluestore block db create = false
bluestore block wal create = false"
  else
    osd_store="osd objectstore = memstore
memstore device bytes = 2147483648"
  fi
  cat >"$CONF.tmp" <<EOF
# Generated by scripts/services/rgw.sh (profile $PROFILE) — rewritten on every start.
[global]
fsid = $FSID
mon host = v1:127.0.0.1:$MON_PORT
auth cluster required = none
auth service required = none
auth client required = none
auth allow insecure global id reclaim = true
mon warn on insecure global id reclaim = false
mon warn on insecure global id reclaim allowed = false
mon warn on pool no redundancy = false
mon data avail warn = 1
# one mon, nothing to batch: commit map changes quickly (default 1 s per proposal makes the
# first RGW start, which creates its pools one by one, take ~9 s longer)
paxos propose interval = 0.1
ms bind ipv6 = false
ms bind ipv4 = true
ms bind msgr2 = false
ms bind port min = $MS_PORT_MIN
ms bind port max = $MS_PORT_MAX
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
run dir = $RUN
crash dir = $DIR/crash
log file = $LOGDIR/\$name.log
keyring = /dev/null

[client.admin]
admin socket =
log file = $LOGDIR/client.admin.log

[mon.a]
mon data = $DIR/mon/a
public addr = v1:127.0.0.1:$MON_PORT
admin socket = ${ASOK[mon]}
pid file = ${PIDFILE[mon]}

[osd.0]
osd data = $DIR/osd/0
$osd_store
public addr = 127.0.0.1
cluster addr = 127.0.0.1
osd crush update on start = false
# its set-device-class command can race the OSD's first monmap (fsid still 0 -> "wrong fsid" -> OSD exits)
osd class update on start = false
osd memory target = 939524096
admin socket = ${ASOK[osd]}
pid file = ${PIDFILE[osd]}

[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $DIR/rgw
rgw thread pool size = 64
admin socket = ${ASOK[rgw]}
pid file = ${PIDFILE[rgw]}
EOF
  mv "$CONF.tmp" "$CONF"
}

# fail before touching anything if a port we are about to bind belongs to someone else
preflight_ports() {
  [[ -n "$(daemon_pid mon)" ]] || check_port_free "$MON_PORT" "ceph mon"
  [[ -n "$(daemon_pid rgw)" ]] || check_port_free "$RGW_PORT" "radosgw S3"
  [[ -n "$(daemon_pid osd)" ]] || check_ms_range
}

# ---------- stop ----------
stop_daemon() {  # $1 = daemon
  local d="$1" pid deadline
  pid="$(daemon_pid "$d")"
  if [[ -n "$pid" ]]; then
    log "stopping $d (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + STOP_TIMEOUT))
    while alive "$pid"; do
      if ((SECONDS >= deadline)); then
        log "$d (pid $pid) still running after ${STOP_TIMEOUT}s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        local kdeadline=$((SECONDS + 10))
        while alive "$pid" && ((SECONDS < kdeadline)); do sleep 0.2; done
        alive "$pid" && die "$d (pid $pid) survived SIGKILL"
        break
      fi
      sleep 0.2
    done
  elif [[ -e "${PIDFILE[$d]}" ]]; then
    log "$d not running (removing stale pid file)"
  fi
  rm -f "${PIDFILE[$d]}" "${ASOK[$d]}"
}

stop_all() { local d; for d in "${DAEMONS[@]}"; do stop_daemon "$d"; done; }

# ---------- start ----------
launch() {  # $1 = daemon, rest = command
  local d="$1"; shift
  rm -f "${PIDFILE[$d]}" "${ASOK[$d]}"
  log "starting $d"
  # the daemons fork themselves and write their pid files; the parent exits once the child is set up
  if ! "$@" </dev/null >"$LOGDIR/launch-$d.log" 2>&1; then
    log "$d failed to start"; show_log "$d"; exit 1
  fi
  local deadline=$((SECONDS + READY_TIMEOUT))
  until [[ -n "$(daemon_pid "$d")" ]]; do
    if ((SECONDS >= deadline)); then log "no running $d after ${READY_TIMEOUT}s"; show_log "$d"; exit 1; fi
    sleep 0.2
  done
  log "$d running (pid $(daemon_pid "$d"))"
}

mon_ready() { cephc mon stat >/dev/null 2>&1; }

osd_up_with_pid() {  # osd.0 up, with this process's pid as the address nonce (a stale "up" doesn't count)
  local pid; pid="$(daemon_pid osd)"; [[ -n "$pid" ]] || return 1
  cephc osd dump 2>/dev/null | grep -E '^osd\.0 up ' | grep -qE "/$pid( |$)"
}

osd_create() {  # $1 = osd uuid; the first (only) osd must get id 0
  local out
  if out="$(cephc osd create "$1" 2>&1)"; then
    [[ "$out" == 0 ]] || die "ceph osd create returned '$out', expected id 0"
    return 0
  fi
  log "ceph osd create: ${out//$'\n'/ } (retrying)"; return 1
}

crush_add() {
  local out
  out="$(cephc osd crush add osd.0 1 root=default host=localhost 2>&1)" && return 0
  log "ceph osd crush add: ${out//$'\n'/ } (retrying)"; return 1
}

rgw_http() { curl -s -o /dev/null --max-time 5 "$ENDPOINT/"; }

start_mon() {
  if [[ -z "$(daemon_pid mon)" ]]; then
    check_port_free "$MON_PORT" "ceph mon"
    launch mon ceph-mon -c "$CONF" -i a
  else
    log "mon already running (pid $(daemon_pid mon))"
  fi
  wait_for mon "the mon (ceph mon stat)" mon_ready
}

start_osd() {
  if [[ -z "$(daemon_pid osd)" ]]; then
    launch osd ceph-osd -c "$CONF" -i 0
  else
    log "osd already running (pid $(daemon_pid osd))"
  fi
  wait_for osd "osd.0 up with pid $(daemon_pid osd)" osd_up_with_pid
}

start_rgw() {
  if [[ -z "$(daemon_pid rgw)" ]]; then
    check_port_free "$RGW_PORT" "radosgw S3"
    launch rgw radosgw -c "$CONF" -n client.rgw.a
  else
    log "rgw already running (pid $(daemon_pid rgw))"
  fi
  wait_for rgw "S3 HTTP on $ENDPOINT" rgw_http
}

ensure_user() {
  local info
  if info="$(timeout 60 radosgw-admin -c "$CONF" user info --uid="$S3_UID" 2>/dev/null)"; then
    # radosgw-admin prints each key as "user", "access_key", "secret_key" on consecutive lines
    if grep -A1 -F "\"access_key\": \"$ACCESS_KEY\"" <<<"$info" | grep -qF "\"secret_key\": \"$SECRET_KEY\""; then
      log "S3 user $S3_UID with access key $ACCESS_KEY exists"
      return 0
    fi
    log "setting access key $ACCESS_KEY (and its secret) on S3 user $S3_UID"
    timeout 60 radosgw-admin -c "$CONF" key create --uid="$S3_UID" --key-type=s3 \
      --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null || die "radosgw-admin key create failed"
  else
    log "creating S3 user $S3_UID (access key $ACCESS_KEY)"
    timeout 60 radosgw-admin -c "$CONF" user create --uid="$S3_UID" --display-name="CallVault $PROFILE" \
      --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null || die "radosgw-admin user create failed"
  fi
}

# wipe the cluster directory, but only if it is ours (or empty)
wipe_dir() {
  [[ -d "$DIR" ]] || return 0
  if [[ ! -e "$MARK" ]] && [[ -n "$(ls -A "$DIR" 2>/dev/null)" ]]; then
    die "$DIR exists and was not created by this script; refusing to wipe it (move it away)"
  fi
  [[ -f "$CONF" ]] && stop_all
  rm -rf -- "$DIR"
}

create_cluster() {
  local fsid osd_uuid
  log "creating a new $OBJECTSTORE cluster in $DIR"
  mkdir -p "$DIR" "$RUN" "$LOGDIR" "$DIR/mon/a" "$DIR/osd/0" "$DIR/rgw" "$DIR/crash"
  touch "$MARK"
  fsid="$(cat /proc/sys/kernel/random/uuid)"; osd_uuid="$(cat /proc/sys/kernel/random/uuid)"
  printf 'FSID=%s\nOSD_UUID=%s\nMON_PORT=%s\nRGW_PORT=%s\nOBJECTSTORE=%s\n' \
    "$fsid" "$osd_uuid" "$MON_PORT" "$RGW_PORT" "$OBJECTSTORE" >"$STATE"
  write_conf
  preflight_ports
  ceph-mon -c "$CONF" --mkfs -i a --fsid "$fsid" --keyring /dev/null >"$LOGDIR/mkfs-mon.log" 2>&1 \
    || { cat "$LOGDIR/mkfs-mon.log" >&2; die "ceph-mon --mkfs failed"; }
  start_mon
  # a freshly made mon can answer `mon stat` and still refuse the next commands for a moment
  # (seen: "EPERM: problem getting command descriptions from mon"): retry them
  wait_for mon "ceph osd create" osd_create "$osd_uuid"
  wait_for mon "ceph osd crush add osd.0" crush_add
  log "mkfs osd.0 ($OBJECTSTORE)"
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" >"$LOGDIR/mkfs-osd.log" 2>&1 \
    || { tail -n 30 "$LOGDIR/mkfs-osd.log" >&2; die "ceph-osd --mkfs failed"; }
  start_osd
  start_rgw
  ensure_user
  touch "$INIT"
}

cmd_start() {
  need_bins
  local t0=$SECONDS
  if [[ "$PROFILE" == test ]]; then
    [[ -d "$DIR" ]] && log "wiping the previous test cluster in $DIR"
    wipe_dir
    create_cluster
  elif [[ -f "$INIT" && -f "$STATE" ]]; then
    # shellcheck disable=SC1090
    source "$STATE"   # keep the ports fixed at creation
    ENDPOINT="http://127.0.0.1:$RGW_PORT"
    log "using the existing cluster in $DIR (no mkfs)"
    mkdir -p "$RUN" "$LOGDIR"
    write_conf
    preflight_ports
    start_mon
    start_osd
    start_rgw
    ensure_user
  else
    if [[ -d "$DIR" && -n "$(ls -A "$DIR" 2>/dev/null)" ]]; then
      log "$DIR holds an interrupted first run: wiping it and starting over"
    fi
    wipe_dir
    create_cluster
  fi
  log "ready: $ENDPOINT (access key $ACCESS_KEY) in $((SECONDS - t0))s; data in $DIR"
}

cmd_stop() {
  if [[ ! -f "$CONF" ]]; then
    log "no cluster in $DIR (nothing to stop)"
  else
    stop_all
    log "stopped"
  fi
  if [[ "$PROFILE" == test && -d "$DIR" ]]; then wipe_dir; log "removed $DIR"; fi
}

cmd_status() {
  local d pid rc=0 code
  if [[ ! -f "$CONF" ]]; then
    echo "rgw[$PROFILE]: no cluster in $DIR"; return 3
  fi
  for d in mon osd rgw; do
    pid="$(daemon_pid "$d")"
    if [[ -n "$pid" ]]; then echo "rgw[$PROFILE]: $d running (pid $pid)"; else echo "rgw[$PROFILE]: $d stopped"; rc=3; fi
  done
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$ENDPOINT/" || true)"
  if [[ "$code" != 000 && -n "$code" ]]; then echo "rgw[$PROFILE]: S3 $ENDPOINT answers (HTTP $code)"
  else echo "rgw[$PROFILE]: S3 $ENDPOINT not answering"; rc=3; fi
  echo "rgw[$PROFILE]: data in $DIR$([[ -f "$INIT" ]] || echo ' (not initialized)')"
  return $rc
}

case "$CMD" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
esac
