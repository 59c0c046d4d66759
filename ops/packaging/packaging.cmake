# Install rules and the Debian package (CPack DEB) for operators.
#
#   cmake --preset default && cmake --build --preset default -j2
#   cpack --config build/default/CPackConfig.cmake -G DEB -B /tmp/dojava-deb
#
# The package (paths are fixed: the systemd unit and the tor configuration
# name them):
#   /usr/sbin/dojavad                      the server
#   /usr/bin/dojava                        the CLI (once the target exists)
#   /usr/sbin/dojava-reviewer-access       reviewer client authorization (operator)
#   /usr/bin/dojava-reviewer-keygen        client-auth key pair (reviewer)
#   /lib/systemd/system/dojavad.service, dojavad-backup.{service,timer}
#   /etc/tor/instances/dojava/torrc        conffile: tor@dojava.service's configuration
#   /usr/share/dojava/static/              the submission page and its assets
#   /usr/share/doc/dojava/                 the operator runbook, SECURITY.md
# Maintainer scripts (ops/packaging/deb/): postinst creates the users (dojava,
# and _tor-dojava through Debian's tor-instance-create), /var/lib/dojava,
# /etc/dojava and the reviewer service's lock key; it starts nothing. prerm
# stops and disables both units; remove keeps data, keys and onion keys;
# purge deletes them (ops/README.md says when that is right).

set(DOJAVA_OPS_DIR ${PROJECT_SOURCE_DIR}/ops)

if(TARGET dojavad)
  install(TARGETS dojavad RUNTIME DESTINATION sbin)
endif()
if(TARGET dojava)
  install(TARGETS dojava RUNTIME DESTINATION bin)
endif()
install(PROGRAMS ${DOJAVA_OPS_DIR}/tor/reviewer-access DESTINATION sbin RENAME dojava-reviewer-access)
install(PROGRAMS ${DOJAVA_OPS_DIR}/tor/reviewer-keygen DESTINATION bin RENAME dojava-reviewer-keygen)
install(FILES ${DOJAVA_OPS_DIR}/systemd/dojavad.service
              ${DOJAVA_OPS_DIR}/systemd/dojavad-backup.service
              ${DOJAVA_OPS_DIR}/systemd/dojavad-backup.timer
        DESTINATION /lib/systemd/system)
install(FILES ${DOJAVA_OPS_DIR}/tor/torrc DESTINATION /etc/tor/instances/dojava)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/static/ DESTINATION share/dojava/static
        PATTERN node_modules EXCLUDE
        PATTERN test EXCLUDE
        PATTERN "package.json" EXCLUDE
        PATTERN "package-lock.json" EXCLUDE
        PATTERN "*.md" EXCLUDE)
install(FILES ${DOJAVA_OPS_DIR}/README.md DESTINATION share/doc/dojava RENAME README.ops.md)
install(FILES ${PROJECT_SOURCE_DIR}/SECURITY.md ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/dojava)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dojava)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Dojava")
set(CPACK_PACKAGE_CONTACT "Dojava maintainers <security@dojava.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "secure whistleblowing server run as a Tor onion service")
set(CPACK_PACKAGE_DESCRIPTION
    "dojavad receives end-to-end encrypted reports over a Tor onion service and keeps as little metadata as it can. Reviewers decrypt on their own computers with the dojava CLI.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SQLCipher 4.5 or newer (Debian 12: bookworm-backports); shlibdeps alone would accept 3.4.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tor (>= 0.4.8), adduser, openssl, coreutils, libsqlcipher1 (>= 4.5)")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${DOJAVA_OPS_DIR}/packaging/deb/postinst
    ${DOJAVA_OPS_DIR}/packaging/deb/prerm
    ${DOJAVA_OPS_DIR}/packaging/deb/postrm
    ${DOJAVA_OPS_DIR}/packaging/deb/conffiles)
include(CPack)
