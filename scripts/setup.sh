#!/bin/sh
# setup.sh: installs what fibrelab needs to build and test on Debian 12 / Ubuntu,
# only what is missing, with sudo only when not root. Extra package names on
# the command line are installed too (CI adds the fuzzers' clang), and so is a .deb
# file given by its path (the README's install command).
set -eu
packages="cmake gcc make pkg-config libcglm-dev libcjson-dev libcmocka-dev libsdl2-dev libepoxy-dev libstb-dev fonts-dejavu-core libgl1-mesa-dri libegl-mesa0 librsvg2-bin help2man desktop-file-utils appstream dpkg-dev $*"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "setup: installing$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
