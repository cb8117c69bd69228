#!/usr/bin/env bash
# The compatibility suite (README, "Compatibility"): the end-to-end suites that cover login, mappers, error pages,
# the SSO token for apps, the admin dry run and the ready realm, run once per Keycloak release given (default: the supported releases other than the
# README test command's 26.7.3). One Keycloak start per release, one release at a time. Each release's
# distribution zip is fetched from Maven Central on first use (about 170 MB) and unpacked into its own
# testcontainers/target/keycloak-dist/keycloak-VERSION/; 26.4.x runs the company-sso-provider-kc26.4 jar.
#
#   ./scripts/compat.sh                 # 26.7.0, 26.5.6, 26.5.0 and 26.4.7 (what CI runs)
#   ./scripts/compat.sh 26.7.0 26.5.0   # any served 26.4+ release
#
# Extra Maven arguments go in COMPAT_MAVEN_ARGS (e.g. COMPAT_MAVEN_ARGS=-o). The summary and each release's
# server log end up in target/compat/.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITES=${COMPAT_SUITES:-ReadyRealmIT,BrokeredLoginIT,MappersIT,DialectErrorsIT,FaultMatrixIT,SsoTokenAndLogoutIT,DryRunAndDiscoveryIT}
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(26.7.0 26.5.6 26.5.0 26.4.7)

out=target/compat
mkdir -p "$out"
summary="$out/summary.txt"
: > "$summary"
failed=0
for v in "${versions[@]}"; do
  case "$v" in
    26.4.*) provider=company-sso-provider-kc26.4 ;;
    26.[5-9].*|26.[1-9][0-9].*) provider=company-sso-provider ;;
    *) echo "Keycloak $v is not supported (README, Compatibility)" >&2; exit 2 ;;
  esac
  echo "==> Keycloak $v with $provider: $SUITES"
  start=$(date +%s)
  set +e
  # shellcheck disable=SC2086
  ./mvnw -B verify ${COMPAT_MAVEN_ARGS:-} -Dkeycloak.test.version="$v" -Dkeycloak.test.provider="$provider" \
    -Dit.test="$SUITES" -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    > "$out/maven-$v.log" 2>&1
  rc=$?
  set -e
  mins=$(( ($(date +%s) - start + 59) / 60 ))
  cp testcontainers/target/keycloak-work/keycloak.log "$out/keycloak-$v.log" 2>/dev/null || true
  counts=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, Failures' "$out/maven-$v.log" | tail -1 \
    | sed -E 's/^\[[A-Z]+\] //')
  if [ $rc -eq 0 ]; then result=green; else result=FAILED; failed=1; fi
  line="Keycloak $v  $provider  $result  ${counts:-no test summary}  (~${mins} min)"
  echo "$line" | tee -a "$summary"
  [ $rc -eq 0 ] || tail -40 "$out/maven-$v.log" >&2
done

# The harness promises to leave no server behind: check it, as scripts/test.sh does.
sleep 2
if pgrep -f "$(pwd)/testcontainers/target/keycloak-dist" > /dev/null; then
  echo "A Keycloak started by the tests is still running:" >&2
  pgrep -af "$(pwd)/testcontainers/target/keycloak-dist" >&2
  exit 1
fi
echo "Summary (also in $summary):"
cat "$summary"
exit $failed
