# Install rules and the Debian package (CPack DEB) for operators.
#
#   cmake --preset default && cmake --build --preset default -j2
#   cpack --config build/default/CPackConfig.cmake -G DEB -B /tmp/dojava-deb
#
# Package `dojavad` (paths are fixed: the systemd unit and the tor
# configuration name them):
#   /usr/sbin/dojavad                      the server
#   /usr/sbin/dojava-reviewer-access       reviewer client authorization (operator)
#   /usr/sbin/dojava-org                   many organisations on one host (operator)
#   /usr/sbin/dojava-monitor               monitoring checks (dojava-monitor.{service,timer})
#   /usr/sbin/dojava-offsite               off-host copies with restic (dojava-offsite*.{service,timer})
#   /lib/systemd/system/dojavad.service, dojavad-backup.{service,timer}
#   /lib/systemd/system/dojavad@.service, dojavad-backup@.{service,timer}
#   /usr/share/dojava/tor/{orgs-torrc,org.conf}  what dojava-org writes for tor
#   /etc/tor/instances/dojava/torrc        conffile: tor@dojava.service's configuration
#   /usr/share/dojava/static/              the submission page and its assets
#                                          (static/www: the runbook's static_dir)
#   /usr/share/doc/dojavad/                the operator runbook, SECURITY.md
# Package `dojava` (once the CLI target exists):
#   /usr/bin/dojava                        the CLI
#   /usr/bin/dojava-reviewer-keygen        client-auth key pair (reviewer)
# Package `dojava-desk` (when Qt 6 is installed and desk/ is built):
#   /usr/bin/dojava-desk                   the reviewers' desktop app (desk/README.md)
#   /usr/share/applications/dojava-desk.desktop
#   /usr/share/icons/hicolor/scalable/apps/dojava-desk.svg
# Maintainer scripts (ops/packaging/deb/): postinst creates the users (dojava,
# and _tor-dojava through Debian's tor-instance-create), /var/lib/dojava,
# /etc/dojava and the reviewer service's lock key; it starts nothing. prerm
# stops and disables both units; remove keeps data, keys and onion keys;
# purge deletes them (ops/README.md says when that is right).

set(DOJAVA_OPS_DIR ${PROJECT_SOURCE_DIR}/ops)

# Two packages: `dojavad` (the server node) and `dojava` (the CLI, for
# reviewers, admins and scripted sources on their own computers: no users,
# no services, nothing of the server).
if(TARGET dojavad)
  install(TARGETS dojavad RUNTIME DESTINATION sbin COMPONENT server)
endif()
install(PROGRAMS ${DOJAVA_OPS_DIR}/tor/reviewer-access DESTINATION sbin
        RENAME dojava-reviewer-access COMPONENT server)
install(PROGRAMS ${DOJAVA_OPS_DIR}/dojava-org DESTINATION sbin COMPONENT server)
install(PROGRAMS ${DOJAVA_OPS_DIR}/monitor DESTINATION sbin RENAME dojava-monitor COMPONENT server)
install(PROGRAMS ${DOJAVA_OPS_DIR}/offsite DESTINATION sbin RENAME dojava-offsite COMPONENT server)
install(FILES ${DOJAVA_OPS_DIR}/systemd/dojavad.service
              ${DOJAVA_OPS_DIR}/systemd/dojavad-backup.service
              ${DOJAVA_OPS_DIR}/systemd/dojavad-backup.timer
              ${DOJAVA_OPS_DIR}/systemd/dojavad@.service
              ${DOJAVA_OPS_DIR}/systemd/dojavad-backup@.service
              ${DOJAVA_OPS_DIR}/systemd/dojavad-backup@.timer
              ${DOJAVA_OPS_DIR}/systemd/dojava-monitor.service
              ${DOJAVA_OPS_DIR}/systemd/dojava-monitor.timer
              ${DOJAVA_OPS_DIR}/systemd/dojava-offsite.service
              ${DOJAVA_OPS_DIR}/systemd/dojava-offsite.timer
              ${DOJAVA_OPS_DIR}/systemd/dojava-offsite-drill.service
              ${DOJAVA_OPS_DIR}/systemd/dojava-offsite-drill.timer
              ${DOJAVA_OPS_DIR}/systemd/dojava-vanguards@.service
        DESTINATION /lib/systemd/system COMPONENT server)
# Many organisations on one host: dojava-org writes the organisations' tor
# configuration from these (not conffiles: /etc/tor/instances/dojavaorgs
# exists only once an organisation does, so Debian's tor generator starts no
# tor for it before).
install(FILES ${DOJAVA_OPS_DIR}/tor/orgs-torrc ${DOJAVA_OPS_DIR}/tor/org.conf
        DESTINATION share/dojava/tor COMPONENT server)
install(FILES ${DOJAVA_OPS_DIR}/tor/torrc DESTINATION /etc/tor/instances/dojava COMPONENT server)
# Only the served directory (static/README.md): static/www with the files that
# `node static/tools/build-www.mjs` generates (www/lib, the pages with their
# integrity hashes). Without them dojavad would serve a page that cannot load
# its modules, so packaging refuses to go on. (The whole of static/ was
# installed before: dojavad with static_dir = /usr/share/dojava/static then
# refused to start, "cannot read .../i18n/en.json" — found by ops/test-systemd.)
install(CODE "
  foreach(f index.html return.html lib/manifest.json i18n/en.json)
    if(NOT EXISTS \"${PROJECT_SOURCE_DIR}/static/www/\${f}\")
      message(FATAL_ERROR \"static/www/\${f} is missing: run node static/tools/build-www.mjs (ops/setup does) before packaging\")
    endif()
  endforeach()" COMPONENT server)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/static/www/ DESTINATION share/dojava/static COMPONENT server)
install(FILES ${DOJAVA_OPS_DIR}/README.md DESTINATION share/doc/dojavad RENAME README.ops.md
        COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/SECURITY.md ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION share/doc/dojavad COMPONENT server)

set(DOJAVA_PACKAGE_COMPONENTS server)
if(TARGET dojava)
  install(TARGETS dojava RUNTIME DESTINATION bin COMPONENT client)
  install(PROGRAMS ${DOJAVA_OPS_DIR}/tor/reviewer-keygen DESTINATION bin
          RENAME dojava-reviewer-keygen COMPONENT client)
  install(FILES ${PROJECT_SOURCE_DIR}/SECURITY.md ${PROJECT_SOURCE_DIR}/README.md
          DESTINATION share/doc/dojava COMPONENT client)
  list(APPEND DOJAVA_PACKAGE_COMPONENTS client)
else()
  # Without the CLI the reviewer's key tool travels with the server package.
  install(PROGRAMS ${DOJAVA_OPS_DIR}/tor/reviewer-keygen DESTINATION bin
          RENAME dojava-reviewer-keygen COMPONENT server)
endif()

# Dojava Desk: the reviewers' Qt app. Its Qt libraries come from
# dpkg-shlibdeps; tor is a dependency because the app starts its own tor by
# default (desk/own_tor.h), without any system tor configuration.
if(TARGET dojava-desk)
  install(TARGETS dojava-desk RUNTIME DESTINATION bin COMPONENT desk)
  install(FILES ${PROJECT_SOURCE_DIR}/desk/dojava-desk.desktop DESTINATION share/applications
          COMPONENT desk)
  install(FILES ${PROJECT_SOURCE_DIR}/desk/dojava-desk.svg
          DESTINATION share/icons/hicolor/scalable/apps COMPONENT desk)
  install(FILES ${PROJECT_SOURCE_DIR}/desk/README.md DESTINATION share/doc/dojava-desk
          COMPONENT desk)
  install(FILES ${PROJECT_SOURCE_DIR}/SECURITY.md DESTINATION share/doc/dojava-desk COMPONENT desk)
  list(APPEND DOJAVA_PACKAGE_COMPONENTS desk)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dojava)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Dojava")
set(CPACK_PACKAGE_CONTACT "Dojava maintainers <security@dojava.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL ${DOJAVA_PACKAGE_COMPONENTS})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME dojavad)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "secure whistleblowing server run as a Tor onion service\ndojavad receives end-to-end encrypted reports over a Tor onion service and keeps\nas little metadata as it can. Includes the tor configuration, the hardened\nsystemd units and the operator runbook (/usr/share/doc/dojavad/README.ops.md).")
# SQLCipher 4.5 or newer (Debian 12: bookworm-backports); shlibdeps alone would accept 3.4.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "tor (>= 0.4.8), adduser, openssl, coreutils, libsqlcipher1 (>= 4.5)")
# dojava-vanguards@ needs vanguards, dojava-offsite restic, dojava-monitor's
# onion check curl; each is optional.
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "vanguards, restic, curl")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${DOJAVA_OPS_DIR}/packaging/deb/postinst
    ${DOJAVA_OPS_DIR}/packaging/deb/prerm
    ${DOJAVA_OPS_DIR}/packaging/deb/postrm
    ${DOJAVA_OPS_DIR}/packaging/deb/conffiles)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME dojava)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION net)
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
    "Dojava client for reviewers, admins and scripted sources\ndojava keeps reviewers' keys on their own computer, decrypts cases, replies,\nand signs the roster (admin). Speaks to dojavad through tor's SOCKS port.")
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "openssl, coreutils")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "tor, mat2")

set(CPACK_DEBIAN_DESK_PACKAGE_NAME dojava-desk)
set(CPACK_DEBIAN_DESK_PACKAGE_SECTION net)
set(CPACK_COMPONENT_DESK_DESCRIPTION
    "Dojava Desk, the reviewers' desktop app for Dojava\nJournalists and researchers read, answer and share the cases sources send to\ntheir organisation. Keys stay on this computer; the app decrypts and verifies\nlocally, starts its own tor and never writes decrypted text unless asked.")
# Qt 6 from shlibdeps (libqt6widgets6, libqt6network6, libqt6charts6, ...).
set(CPACK_DEBIAN_DESK_PACKAGE_DEPENDS "tor (>= 0.4.7)")
# mat2 cleans attachments; qt6-wayland runs it natively on Wayland (else XWayland).
set(CPACK_DEBIAN_DESK_PACKAGE_RECOMMENDS "mat2, qt6-wayland")
include(CPack)
