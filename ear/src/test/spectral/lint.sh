#!/usr/bin/env bash
# Lints the OpenAPI document that OpenApiIT wrote in this build against our NLGov API Design Rules ruleset.
# Run by `mvn verify` (ear module, phase verify, after the system tests); not run with -DskipITs.
set -euo pipefail
cd "$(dirname "$0")/../../.."   # the ear module
doc=target/openapi.json
if [ ! -f "$doc" ] || [ "$doc" -ot target/preventiefonds.ear ]; then
  echo "spectral: $doc was not written by this build's OpenApiIT (not run): the OpenAPI document is not linted"
  exit 0
fi
if ! command -v npx >/dev/null 2>&1; then
  echo "spectral: npx not found; install Node.js and npm (Debian: apt-get install nodejs npm), or run with -DskipITs" >&2
  exit 1
fi
spectral=(npx --yes @stoplight/spectral-cli@6.16.3)
# First that every rule still catches what it is for (a rule that matches nothing would pass any document).
node src/test/spectral/selftest/selftest.mjs "${spectral[@]}"
echo "spectral: linting $doc against src/test/spectral/nlgov-adr.yaml"
"${spectral[@]}" lint --fail-severity error --ruleset src/test/spectral/nlgov-adr.yaml "$doc"
