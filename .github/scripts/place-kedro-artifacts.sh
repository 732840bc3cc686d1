#!/usr/bin/env bash
# Puts what kedro package and the inspection API wrote (kedro-project/dist/) at the paths the
# stack's keys name, and records their sha256 in kedro-artifacts.sha256, which the Pulumi job
# checks before its preview or up, and the up against the preview's.
#
#   SNAPSHOT  kedroSnapshot: where the snapshot goes
#   WHEEL     kedroWheel: where the wheel goes; its file name must be the one kedro package wrote,
#             which pip reads the package's name and version from
#   CONF      kedroConf; empty: conf-<package>.tar.gz beside the wheel
set -euo pipefail
: "${SNAPSHOT:?}" "${WHEEL:?}"
dist=kedro-project/dist
shopt -s nullglob
wheels=("$dist"/*.whl)
confs=("$dist"/conf-*.tar.gz)
if [ "${#wheels[@]}" -ne 1 ] || [ "${#confs[@]}" -ne 1 ]; then
  echo "::error title=The Kedro build::kedro package wrote ${#wheels[@]} wheels and ${#confs[@]} conf archives to dist/, not one of each."
  exit 1
fi
if [ "$(basename "${wheels[0]}")" != "$(basename "$WHEEL")" ]; then
  echo "::error title=The Kedro build::kedroWheel names $(basename "$WHEEL"), but kedro package built $(basename "${wheels[0]}"): pulumi config set kedroWheel $(dirname "$WHEEL")/$(basename "${wheels[0]}")"
  exit 1
fi
conf="${CONF:-$(dirname "$WHEEL")/$(basename "${confs[0]}")}"
mkdir -p "$(dirname "$SNAPSHOT")" "$(dirname "$WHEEL")" "$(dirname "$conf")"
cp "$dist/snapshot.json" "$SNAPSHOT"
cp "${wheels[0]}" "$WHEEL"
cp "${confs[0]}" "$conf"
sha256sum "$SNAPSHOT" "$WHEEL" "$conf" > kedro-artifacts.sha256
cat kedro-artifacts.sha256
echo "conf=$conf" >> "${GITHUB_OUTPUT:-/dev/null}"
