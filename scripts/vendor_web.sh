#!/usr/bin/env bash
# Vendor the web page's JavaScript libraries and base map from npm into the package, so that
# `sitrep serve` works with no internet. Run it again to update the pinned versions below;
# commit what it writes (src/sitrep/web/static/vendor/). Needs npm (only the registry).
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
out=src/sitrep/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" \
  "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null)
for tgz in "$work"/*.tgz; do
  name=$(basename "$tgz" .tgz)
  mkdir -p "$work/$name" && tar -xzf "$tgz" -C "$work/$name"
done
rm -rf "$out" && mkdir -p "$out/leaflet/images" "$out/markercluster" "$out/world-atlas" "$out/topojson-client"
cp "$work/leaflet-$LEAFLET/package/dist/leaflet.js" "$work/leaflet-$LEAFLET/package/dist/leaflet.css" "$out/leaflet/"
cp "$work/leaflet-$LEAFLET/package/dist/images/"*.png "$out/leaflet/images/"
cp "$work/leaflet-$LEAFLET/package/LICENSE" "$out/leaflet/LICENSE"
mc="$work/leaflet.markercluster-$MARKERCLUSTER/package"
cp "$mc/dist/leaflet.markercluster.js" "$mc/dist/MarkerCluster.css" "$mc/dist/MarkerCluster.Default.css" \
  "$out/markercluster/"
cp "$mc/MIT-LICENCE.txt" "$out/markercluster/LICENSE"
wa="$work/world-atlas-$WORLD_ATLAS/package"
cp "$wa/countries-50m.json" "$out/world-atlas/"
cp "$wa/LICENSE" "$out/world-atlas/LICENSE"
tc="$work/topojson-client-$TOPOJSON_CLIENT/package"
cp "$tc/dist/topojson-client.min.js" "$out/topojson-client/"
cp "$tc/LICENSE" "$out/topojson-client/LICENSE"
cat > "$out/VERSIONS" <<VERSIONS
leaflet $LEAFLET (BSD-2-Clause)
leaflet.markercluster $MARKERCLUSTER (MIT)
world-atlas $WORLD_ATLAS (ISC; Natural Earth data, public domain)
topojson-client $TOPOJSON_CLIENT (ISC)
VERSIONS
echo "vendored into $out:" && find "$out" -type f | sort
