#!/bin/sh
# web-deps.sh: cJSON's source for the browser build, from Debian 12's source
# package (the version its libcjson-dev is built from), unpacked with Debian's patches
# into build/web-deps/cjson. The header-only libraries (cglm, stb) are used
# from /usr/include. Runs once; does nothing when the source is already there.
# Needs deb.debian.org (apt's own lists are left alone: a private list of
# deb-src entries is used, so no deb-src line is needed in the system's).
set -eu
cd "$(dirname "$0")/.."
out=build/web-deps/cjson
[ -f "$out/cJSON.c" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp" # apt drops to its own user to download
mkdir -p "$tmp/lists/partial"
printf '%s\n' "deb-src http://deb.debian.org/debian bookworm main" \
    "deb-src http://deb.debian.org/debian-security bookworm-security main" > "$tmp/sources.list"
apt_opts="-o Dir::Etc::SourceList=$tmp/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$tmp/lists"
# shellcheck disable=SC2086
apt-get -qq $apt_opts update
# shellcheck disable=SC2086
(cd "$tmp" && apt-get -qq $apt_opts source --download-only cjson >/dev/null 2>&1) ||
    { echo "web-deps: cannot download cjson's source package from deb.debian.org" >&2; exit 1; }
# --no-check: apt has already checked the files against Debian's signed index
# (dpkg-source would only warn that it has no key for the .dsc's own signature)
dpkg-source --no-check -x "$tmp"/cjson_*.dsc "$tmp/src" >/dev/null
mkdir -p "$out"
cp "$tmp/src/cJSON.c" "$tmp/src/cJSON.h" "$tmp/src/LICENSE" "$out/"
echo "web-deps: cJSON $(sed -n 's/^Version: //p' "$tmp"/cjson_*.dsc) in $out"
