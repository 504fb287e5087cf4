#!/bin/sh
# web-deps.sh: cJSON's source for the browser build, from Debian's source
# package (the same version as libcjson-dev), unpacked with Debian's patches
# into build/web-deps/cjson. The header-only libraries (cglm, stb) are used
# from /usr/include. Runs once; does nothing when the source is already there.
# The source entries are the machine's own apt sources turned into deb-src
# ones, in a private list (apt's own lists are left alone, and no deb-src line
# is needed in the system's).
set -eu
cd "$(dirname "$0")/.."
out=build/web-deps/cjson
[ -f "$out/cJSON.c" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp" # apt drops to its own user to download
mkdir -p "$tmp/lists/partial" "$tmp/parts"
# one-line lists (sources.list, *.list) and deb822 files (*.sources), as configured
touch "$tmp/sources.list"
[ -f /etc/apt/sources.list ] && sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >>"$tmp/sources.list"
for f in /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && sed -n 's/^deb /deb-src /p' "$f" >>"$tmp/sources.list"
done
for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && sed 's/^Types:.*/Types: deb-src/' "$f" >"$tmp/parts/$(basename "$f")"
done
apt_opts="-o Dir::Etc::SourceList=$tmp/sources.list -o Dir::Etc::SourceParts=$tmp/parts -o Dir::State::Lists=$tmp/lists"
# shellcheck disable=SC2086
apt-get -qq $apt_opts update
# shellcheck disable=SC2086
(cd "$tmp" && apt-get -qq $apt_opts source --download-only cjson >/dev/null 2>&1) ||
    { echo "web-deps: cannot download cjson's source package (apt-get source cjson, from this machine's apt sources)" >&2; exit 1; }
# --no-check: apt has already checked the files against Debian's signed index
# (dpkg-source would only warn that it has no key for the .dsc's own signature)
dpkg-source --no-check -x "$tmp"/cjson_*.dsc "$tmp/src" >/dev/null
mkdir -p "$out"
cp "$tmp/src/cJSON.c" "$tmp/src/cJSON.h" "$tmp/src/LICENSE" "$out/"
echo "web-deps: cJSON $(sed -n 's/^Version: //p' "$tmp"/cjson_*.dsc) in $out"
