#!/bin/sh
# The dojava-desk package (ops/packaging/packaging.cmake, component `desk`),
# built with CPack from BUILD_DIR and checked: its metadata (name, section,
# tor and the Qt 6 runtime among its dependencies), its files (the binary, the
# desktop entry, the icon in the hicolor theme, nothing of the server), the
# desktop entry (desktop-file-validate where installed) and that apt would
# install it on this Debian (a simulation: no root, nothing installed).
#   tests/desk/deb_test.sh BUILD_DIR
set -eu
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" -D CPACK_COMPONENTS_ALL=desk \
  >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log" >&2; fail "cpack"; }
set -- "$out"/dojava-desk_*.deb
[ -f "$1" ] || fail "no dojava-desk_*.deb in $(ls "$out")"
deb=$1
[ "$(ls "$out"/*.deb | wc -l)" -eq 1 ] || fail "more than the desk package: $(ls "$out"/*.deb)"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = dojava-desk ] || fail "Package: $(field Package)"
[ "$(field Section)" = net ] || fail "Section: $(field Section)"
depends=$(field Depends)
for dep in 'tor (>= ' libqt6widgets6 libqt6core6 libqt6gui6 libqt6network6 libqt6charts6 \
           libsodium23; do
  case "$depends" in *"$dep"*) ;; *) fail "Depends lacks $dep: $depends" ;; esac
done
case "$depends" in *dojavad*|*sqlcipher*) fail "Depends names the server: $depends" ;; esac
case "$(field Recommends)" in *mat2*) ;; *) fail "Recommends lacks mat2" ;; esac

dpkg-deb -c "$deb" >"$out/contents"
for f in ./usr/bin/dojava-desk ./usr/share/applications/dojava-desk.desktop \
         ./usr/share/icons/hicolor/scalable/apps/dojava-desk.svg \
         ./usr/share/doc/dojava-desk/README.md; do
  grep -q " $f\$" "$out/contents" || fail "$f missing: $(cat "$out/contents")"
done
grep -q '^-rwxr-xr-x root/root .* ./usr/bin/dojava-desk$' "$out/contents" || fail "binary mode"
! grep -Eq 'dojavad|sbin|/etc/|systemd' "$out/contents" || fail "server files in the desk package"

dpkg-deb -x "$deb" "$out/root"
desktop=$out/root/usr/share/applications/dojava-desk.desktop
grep -qx 'Exec=dojava-desk' "$desktop" || fail "Exec"
grep -qx 'Icon=dojava-desk' "$desktop" || fail "Icon"
grep -qx 'Type=Application' "$desktop" || fail "Type"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
else
  echo "note: desktop-file-validate not installed (desktop-file-utils): entry checked by grep only"
fi
/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); assert r.tag.endswith("svg"), r.tag' \
  "$out/root/usr/share/icons/hicolor/scalable/apps/dojava-desk.svg" || fail "icon is not SVG"
# Every library the stripped binary needs resolves on this system.
! ldd "$out/root/usr/bin/dojava-desk" | grep -q 'not found' || fail "unresolved libraries"
# apt resolves its dependencies here (Debian 12): a simulation, as any user.
if command -v apt-get >/dev/null; then
  apt-get -s install "$deb" >"$out/apt.log" 2>&1 || { cat "$out/apt.log" >&2; fail "apt-get -s install"; }
  grep -q '^Inst dojava-desk' "$out/apt.log" || { cat "$out/apt.log" >&2; fail "apt would not install it"; }
fi
echo "ok: $(basename "$deb"): $(grep -c '' "$out/contents") entries"
