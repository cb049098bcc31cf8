# Sourced by scripts/test-all.sh (and by hand, to run one test file): the throwaway test configuration.
# CALLVAULT_TEST_SLOT=N (1-8) gives a parallel checkout its own database, Redis db index, bucket prefix and
# console port, and uses the shared persistent S3 server instead of the throwaway one, so several
# checkouts can run their suites side by side. Unset: the configuration CI uses.
#   set -a; source scripts/test-env.sh; set +a; node_modules/.bin/vitest run tests/integration/x.test.ts
_slot=${CALLVAULT_TEST_SLOT:-}
if [[ -n "$_slot" ]]; then
  [[ "$_slot" =~ ^[1-8]$ ]] || { echo "CALLVAULT_TEST_SLOT must be 1-8" >&2; return 1 2>/dev/null || exit 1; }
  eval "$(bash "$(dirname "${BASH_SOURCE[0]}")/services/rgw.sh" env --profile dev)"
  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/callvault_slot${_slot}_test
  REDIS_DB=$_slot
  S3_BUCKET_PREFIX=cvt$_slot
  E2E_PORT=$((3100 + _slot * 10))
else
  eval "$(bash "$(dirname "${BASH_SOURCE[0]}")/services/rgw.sh" env --profile test)"
  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/callvault_test
  REDIS_DB=9
  S3_BUCKET_PREFIX=cvtest
  E2E_PORT=${E2E_PORT:-3100}
fi
NODE_ENV=test
LOG_LEVEL=${LOG_LEVEL:-warn}
REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB
RESIDENCY_REGIONS=us,eu
AUDIT_KEY_PROVIDER=local
# Stable per checkout, so a test file run by hand verifies what an earlier run wrote.
_secret_seed=$(printf '%s' "$PWD:$_slot" | sha256sum | cut -c1-48)
AUDIT_HMAC_KEYS="test-k1:$(printf '%s' "$_secret_seed-audit" | sha256sum | cut -c1-64 | base64 -w0)"
AUDIT_ACTIVE_KEY_ID=test-k1
# Ed25519 signing key from a per-checkout seed: PKCS#8 DER = fixed RFC 8410 prefix + the 32 seed bytes.
_signing_der_hex="302e020100300506032b657004220420$(printf '%s' "$_secret_seed-signing" | sha256sum | cut -c1-64)"
AUDIT_SIGNING_PROVIDER=local
AUDIT_SIGNING_KEYS="[{\"id\":\"test-s1\",\"algorithm\":\"Ed25519\",\"privateKey\":\"$(printf "$(printf '%s' "$_signing_der_hex" | sed 's/../\\x&/g')" | base64 -w0)\",\"validFrom\":\"2020-01-01T00:00:00Z\"}]"
unset _signing_der_hex
NEXTAUTH_SECRET=$(printf '%s' "$_secret_seed-auth" | sha256sum | cut -c1-64)
NEXTAUTH_URL=http://127.0.0.1:$E2E_PORT
unset _slot _secret_seed
