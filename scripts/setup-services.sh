#!/usr/bin/env bash
# Make the services CallVault needs ready on this machine (Debian 12), idempotently:
#   PostgreSQL 127.0.0.1:5432 (user postgres, trust auth), Redis 127.0.0.1:6379 (no persistence),
#   the S3 server (single-node Ceph RADOS Gateway, scripts/services/rgw.sh), ffmpeg and sox (the media
#   tests generate their corpus with Debian's real encoders) and optionally Chromium.
# Each service is used if it already answers, started if installed, installed from Debian packages
# (as root) if missing.
#
# Usage: scripts/setup-services.sh [--with-s3=dev|test|none] [--with-chromium]
#   --with-s3=dev   (default) persistent development S3 on http://127.0.0.1:7480
#   --with-s3=test  throwaway test S3 on http://127.0.0.1:7481 (fresh cluster when started)
#   --with-s3=none  no S3 server
#   --with-chromium install Debian's chromium if /usr/bin/chromium is missing (for Playwright)
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RGW="$REPO_DIR/scripts/services/rgw.sh"
READY_TIMEOUT=60
PG_PORT=5432; REDIS_PORT=6379

WITH_S3=dev; WITH_CHROMIUM=0
for arg in "$@"; do
  case "$arg" in
    --with-s3=dev|--with-s3=test|--with-s3=none) WITH_S3="${arg#*=}" ;;
    --with-chromium) WITH_CHROMIUM=1 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup-services: unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

log() { printf 'setup-services: %s\n' "$*" >&2; }
die() { printf 'setup-services: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------- summary (also printed when a step fails) ----------
declare -A SUMMARY=()
ORDER=(postgres redis s3 media chromium)
CURRENT=""
print_summary() {
  local rc=$? s
  [[ -n "$CURRENT" && $rc -ne 0 ]] && SUMMARY[$CURRENT]="FAILED (see the messages above)"
  echo "----- services -----"
  [[ "$CURRENT" == install && $rc -ne 0 ]] && echo "install:  FAILED (see the messages above)"
  for s in "${ORDER[@]}"; do printf '%-9s %s\n' "$s:" "${SUMMARY[$s]:-not checked}"; done
}
trap print_summary EXIT

# ---------- helpers ----------
is_root() { [[ "$(id -u)" == 0 ]]; }
need_root() { is_root || die "$1 needs root (run this script as root, e.g. with sudo)"; }

# poll "$@" every 0.5 s for up to $1 seconds
poll() {
  local limit="$1"; shift
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

pg_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -1; }
pg_up() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }
pg_trust_ok() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -w -Atqc 'select 1' >/dev/null 2>&1; }
redis_up() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
s3_port() { [[ "$WITH_S3" == test ]] && echo 7481 || echo 7480; }
s3_up() { curl -s -o /dev/null --max-time 3 "http://127.0.0.1:$(s3_port)/"; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---------- 1. install whatever is missing, in one apt run ----------
CURRENT=install
PKGS=()
INSTALLED_NOW=" "
if ! have pg_isready || ! pg_up; then
  { have pg_ctlcluster && have psql && [[ -n "$(ls /usr/lib/postgresql 2>/dev/null)" ]]; } || PKGS+=(postgresql)
fi
if ! have redis-cli || ! redis_up; then
  { have redis-server && have redis-cli; } || PKGS+=(redis-server)
fi
if [[ "$WITH_S3" != none ]]; then
  have curl || PKGS+=(curl)
  have ss || PKGS+=(iproute2)
  if ! s3_up; then
    for b in radosgw radosgw-admin ceph ceph-mon ceph-osd; do
      have "$b" || { PKGS+=(radosgw ceph-mon ceph-osd); break; }
    done
  fi
fi
if ((WITH_CHROMIUM)) && [[ ! -x /usr/bin/chromium ]]; then PKGS+=(chromium); fi
{ have ffmpeg && have ffprobe; } || PKGS+=(ffmpeg)
have sox || PKGS+=(sox)

if ((${#PKGS[@]})); then
  need_root "installing ${PKGS[*]}"
  log "installing from Debian packages: ${PKGS[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update
  apt-get -o DPkg::Lock::Timeout=600 install -y "${PKGS[@]}"
  INSTALLED_NOW=" ${PKGS[*]} "
fi
CURRENT=""

# ---------- 2. PostgreSQL ----------
CURRENT=postgres
how="already running"
if ! pg_up; then
  need_root "starting PostgreSQL"
  ver="$(pg_version)"
  if [[ -z "$ver" ]]; then
    ver="$(ls /usr/lib/postgresql | sort -V | tail -1)"
    log "no PostgreSQL cluster: creating $ver/main"
    pg_createcluster "$ver" main
  fi
  log "starting PostgreSQL $ver/main"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true   # "already running" is not an error
  poll "$READY_TIMEOUT" pg_up || die "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT within ${READY_TIMEOUT}s (log: /var/log/postgresql/postgresql-$ver-main.log)"
  how="started"
  [[ "$INSTALLED_NOW" == *" postgresql "* ]] && how="installed and started"
fi
if ! pg_trust_ok; then
  # Fresh Debian clusters use scram/peer for TCP; local development wants passwordless postgres@127.0.0.1.
  need_root "configuring PostgreSQL trust auth for 127.0.0.1"
  hba="$(runuser -u postgres -- psql -Atqc 'show hba_file' 2>/dev/null || true)"
  [[ -n "$hba" && -f "$hba" ]] || hba="/etc/postgresql/$(pg_version)/main/pg_hba.conf"
  [[ -f "$hba" ]] || die "cannot find pg_hba.conf (tried $hba)"
  if ! grep -q 'callvault local dev' "$hba"; then
    log "psql -h 127.0.0.1 -U postgres failed: adding trust rules for 127.0.0.1 and ::1 to the top of $hba (local development only)"
    tmp="$(mktemp)"
    { echo "# callvault local dev (scripts/setup-services.sh): passwordless TCP from this machine only"
      echo "host all all 127.0.0.1/32 trust"
      echo "host all all ::1/128 trust"
      cat "$hba"; } >"$tmp"
    cat "$tmp" >"$hba"; rm -f "$tmp"   # keep owner and mode of the original file
  fi
  runuser -u postgres -- psql -Atqc 'select pg_reload_conf()' >/dev/null 2>&1 \
    || pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main reload
  poll 10 pg_trust_ok || die "psql -h 127.0.0.1 -U postgres still fails after editing $hba: check it by hand"
  how="$how, trust auth configured"
fi
SUMMARY[postgres]="ready on 127.0.0.1:$PG_PORT, user postgres, trust auth ($how; $(psql -h 127.0.0.1 -U postgres -w -Atqc 'show server_version' 2>/dev/null | cut -d' ' -f1))"

# ---------- 3. Redis ----------
CURRENT=redis
how="already running"
if ! redis_up; then
  need_root "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  log "starting redis-server on 127.0.0.1:$REDIS_PORT (no persistence)"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  poll "$READY_TIMEOUT" redis_up || { tail -n 20 /var/log/redis/ci.log >&2 || true; die "Redis did not answer PING on 127.0.0.1:$REDIS_PORT within ${READY_TIMEOUT}s"; }
  how="started"
  [[ "$INSTALLED_NOW" == *" redis-server "* ]] && how="installed and started"
fi
SUMMARY[redis]="ready on 127.0.0.1:$REDIS_PORT ($how; $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info server 2>/dev/null | tr -d '\r' | sed -n 's/^redis_version://p'))"

# ---------- 4. S3 (Ceph RGW) ----------
CURRENT=s3
if [[ "$WITH_S3" == none ]]; then
  SUMMARY[s3]="not requested (--with-s3=none)"
else
  endpoint="http://127.0.0.1:$(s3_port)"
  if s3_up; then
    if "$RGW" status --profile "$WITH_S3" >/dev/null 2>&1; then
      how="already running, rgw.sh profile $WITH_S3"
    else
      how="something already answers there that rgw.sh did not start; used as is"
      log "WARNING: $endpoint answers but is not the rgw.sh $WITH_S3 cluster"
    fi
  else
    "$RGW" start --profile "$WITH_S3"
    how="started, profile $WITH_S3"
    [[ "$INSTALLED_NOW" == *" radosgw "* ]] && how="installed and started, profile $WITH_S3"
  fi
  SUMMARY[s3]="ready on $endpoint ($how; credentials: scripts/services/rgw.sh env --profile $WITH_S3)"
fi

# ---------- 5. media encoders ----------
CURRENT=media
have ffmpeg || die "ffmpeg is still missing after installing ffmpeg"
have sox || die "sox is still missing after installing sox"
how="present"; [[ "$INSTALLED_NOW" == *" ffmpeg "* || "$INSTALLED_NOW" == *" sox "* ]] && how="installed"
SUMMARY[media]="ffmpeg $(ffmpeg -version 2>/dev/null | sed -n '1s/^ffmpeg version \([^ ]*\).*/\1/p'), sox $(sox --version 2>/dev/null | sed -n 's/.*SoX v//p') ($how)"

# ---------- 6. Chromium ----------
CURRENT=chromium
if ((WITH_CHROMIUM)); then
  [[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is still missing after installing chromium"
  how="present"; [[ "$INSTALLED_NOW" == *" chromium "* ]] && how="installed"
  SUMMARY[chromium]="/usr/bin/chromium ($how; $(/usr/bin/chromium --version 2>/dev/null | head -1))"
else
  SUMMARY[chromium]="not requested (--with-chromium)"
fi
CURRENT=""
