#!/bin/bash
# Debian postinst of the station (electron-builder deb.afterInstall; ${executable} and
# ${sanitizedProductName} are filled in at packaging time). A custom script replaces
# electron-builder's default one, so this does its duties too: the command on the PATH, the
# Chromium sandbox mode, the desktop database. Then it applies our udev rules, which the package
# installs as /lib/udev/rules.d/70-teleconsult-station.rules, to devices already plugged in.
app_dir='/opt/${sanitizedProductName}'

ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'

# chrome-sandbox needs SUID only where unprivileged user namespaces are unavailable.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app_dir/chrome-sandbox" || true
else
  chmod 4755 "$app_dir/chrome-sandbox" || true
fi

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database /usr/share/applications || true
fi

if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --action=change --subsystem-match=hidraw --subsystem-match=tty --subsystem-match=usb || true
fi
exit 0
