#!/usr/bin/env bash
# Builds Parley and starts the demo host with both plugins on the embedded MariaDB.
# Extra arguments go to the host, e.g. ./demo.sh --port=9090 --demo.partners=2000
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q -DskipTests package
exec java -jar host-demo/target/parley-host.jar --plugins.dir=host-demo/target/plugins "$@"
