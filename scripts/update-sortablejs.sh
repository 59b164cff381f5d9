#!/usr/bin/env bash
# Refreshes the vendored SortableJS (the board's drag-and-drop library) from npm.
# The build never runs this: the minified file and its licence are committed, so building Strive
# needs only the .NET SDK. Run it by hand (needs npm) to move to another version, then commit.
set -euo pipefail
version="${1:-1.15.7}"
target="$(cd "$(dirname "$0")/.." && pwd)/Strive.Web.Client/wwwroot/lib/sortablejs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "sortablejs@$version" >/dev/null && tar xzf "sortablejs-$version.tgz")
cp "$work/package/Sortable.min.js" "$work/package/LICENSE" "$target/"
echo "SortableJS $version -> $target"
