#!/usr/bin/env bash
# Runs n8n's own community-package scanner (@n8n/scan-community-package, the check n8n runs before verifying a
# package) on what `npm pack` would publish. The scanner normally downloads a published package; here its
# analyzePackage() is pointed at our packed tarball. It is installed once into a cache folder, not the project.
set -euo pipefail
cd "$(dirname "$0")/.."

SCANNER_VERSION=0.32.0
cache="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-quatrix/scan-community-package-$SCANNER_VERSION"
if [ ! -f "$cache/.installed" ]; then
	mkdir -p "$cache"
	(cd "$cache" && npm init -y >/dev/null && npm install --silent --ignore-scripts --no-audit --no-fund "@n8n/scan-community-package@$SCANNER_VERSION" >/dev/null)
	touch "$cache/.installed"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work")
mkdir -p "$work/package"
tar xzf "$work/$tarball" -C "$work/package" --strip-components=1

cat >"$cache/scan.mjs" <<'JS'
import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';
const result = await analyzePackage(process.argv[2]);
if (result.details) console.log(result.details);
console.log(result.passed ? `n8n community package scan: passed (${process.argv[3]})` : `n8n community package scan: FAILED: ${result.message}`);
process.exit(result.passed ? 0 : 1);
JS
node "$cache/scan.mjs" "$work/package" "$tarball"
