#!/bin/bash
# Debian postrm of the station (electron-builder deb.afterRemove). dpkg removes the udev rules
# file with the package; udev is told to reload. The command link goes only on removal, not on
# an upgrade (dpkg passes "upgrade" then, and the new package keeps the link).
case "$1" in
  remove | purge)
    rm -f '/usr/bin/${executable}'
    ;;
esac

if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
fi
exit 0
