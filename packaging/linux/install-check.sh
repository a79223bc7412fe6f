#!/usr/bin/env bash
# Installs a SealDrop .deb with plain `dpkg -i`, checks the installed copy and purges it again.
# The checks cover the installed files and menu entry, the packaged self-test, a setting locked in
# the managed settings file, and the window of the installed launcher on a private Xvfb display.
#
# Usage: packaging/linux/install-check.sh DEB
#
# `mvn -B -Ppackage verify` runs it after building the .deb. It needs root, dpkg, Xvfb and xdotool;
# without one of them it prints what is missing and what it skips, and exits 0. Any failed step
# exits with status 1. On every exit the trap stops the app and Xvfb, restores
# /etc/sealdrop/managed.json and purges the package if this script installed it.
set -euo pipefail

readonly PACKAGE=sealdrop
readonly PREFIX=/opt/sealdrop
readonly LAUNCHER=$PREFIX/bin/SealDrop
readonly MENU_ENTRY=/usr/share/applications/sealdrop-SealDrop.desktop
readonly MANAGED_DIR=/etc/sealdrop
readonly MANAGED_FILE=$MANAGED_DIR/managed.json
# Seconds to wait for the window. The first start of the JVM and JavaFX takes a few seconds on an
# idle computer, much longer on two busy cores, so this only catches a window that never appears.
readonly WINDOW_TIMEOUT=${SEALDROP_WINDOW_TIMEOUT:-180}

log() {
    echo "install-check: $*"
}

fail() {
    echo "install-check: FAILED: $*" >&2
    exit 1
}

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 DEB (a .deb built by mvn -B -Ppackage verify)" >&2
    exit 2
fi
DEB=$(realpath "$1")

# --- Prerequisites: without them the check is skipped, so a developer can still build the .deb. ---

missing=()
if [ "$(id -u)" -ne 0 ]; then
    missing+=("not running as root, which dpkg -i needs")
fi
for tool in dpkg:dpkg dpkg-query:dpkg Xvfb:xvfb xdotool:xdotool; do
    if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
        missing+=("${tool%%:*} not found (Debian package ${tool##*:})")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    for reason in "${missing[@]}"; do
        log "SKIPPED: $reason"
    done
    log "SKIPPED: installing $(basename "$DEB") with dpkg -i, the installed files and menu entry, the" \
        "installed self-test, the managed settings, the window under Xvfb and the purge"
    exit 0
fi

# A SealDrop installed here before would be replaced and then purged, so the check stops instead.
# "rc" (removed, configuration files left) counts as not installed.
status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$PACKAGE" 2>/dev/null || true)
case "$status" in
    "" | "un"* | "rc"*) ;;
    *) fail "the package $PACKAGE is already installed here (dpkg status '${status% }'); remove it with" \
        "'dpkg -P $PACKAGE' and run the check again." ;;
esac
if [ -e "$PREFIX" ]; then
    fail "$PREFIX exists although $PACKAGE is not installed; move it away and run the check again."
fi

# --- Clean-up on every exit, also after a failed step or Ctrl-C. ---

work=$(mktemp -d /tmp/sealdrop-install-check.XXXXXX)
installed=false
app_pid=""
xvfb_pid=""
managed_written=false
managed_backup=""
managed_dir_created=false

restore_managed_settings() {
    if ! $managed_written; then
        return 0
    fi
    if [ -n "$managed_backup" ]; then
        cp -p "$managed_backup" "$MANAGED_FILE" || return 1
    else
        rm -f "$MANAGED_FILE" || return 1
    fi
    if $managed_dir_created; then
        # Left in place when something else has put files there meanwhile.
        rmdir "$MANAGED_DIR" 2>/dev/null || true
    fi
    managed_written=false
}

cleanup() {
    local exit_status=$?
    set +e
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill -KILL "$app_pid"
        wait "$app_pid" 2>/dev/null
    fi
    if [ -n "$xvfb_pid" ] && kill -0 "$xvfb_pid" 2>/dev/null; then
        kill "$xvfb_pid"
        wait "$xvfb_pid" 2>/dev/null
    fi
    if ! restore_managed_settings; then
        echo "install-check: FAILED: could not restore $MANAGED_FILE." >&2
        exit_status=1
    fi
    if $installed && ! dpkg -P "$PACKAGE" >"$work/dpkg-purge.log" 2>&1; then
        cat "$work/dpkg-purge.log" >&2
        echo "install-check: FAILED: dpkg -P $PACKAGE failed; the package may still be installed." >&2
        exit_status=1
    fi
    if $managed_written; then
        echo "install-check: kept $work, which holds the saved managed settings file." >&2
    else
        rm -rf "$work"
    fi
    exit "$exit_status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. Install with plain dpkg -i, which installs no dependencies. ---

log "installing $(basename "$DEB") with dpkg -i"
installed=true
if ! dpkg -i "$DEB" >"$work/dpkg-install.log" 2>&1; then
    cat "$work/dpkg-install.log" >&2
    fail "dpkg -i $DEB failed; a Depends entry may name a package that is not installed here."
fi
status=$(dpkg-query -W -f='${Status}' "$PACKAGE")
[ "$status" = "install ok installed" ] || fail "dpkg reports '$status' for $PACKAGE after dpkg -i."
touch "$work/installed.stamp"

# --- 2. The installed files and the menu entry. ---

[ -x "$LAUNCHER" ] || fail "the launcher $LAUNCHER is missing or not executable."
[ -f "$MENU_ENTRY" ] || fail "the menu entry $MENU_ENTRY is missing."
grep -qx "Exec=$LAUNCHER %F" "$MENU_ENTRY" \
    || fail "the menu entry has no line 'Exec=$LAUNCHER %F'; its Exec line: $(grep '^Exec=' "$MENU_ENTRY")"
grep -qx "Categories=Office;" "$MENU_ENTRY" || fail "the menu entry has no line 'Categories=Office;'."
icon=$(sed -n 's/^Icon=//p' "$MENU_ENTRY")
[ -n "$icon" ] || fail "the menu entry has no Icon line."
[ -f "$icon" ] || fail "the menu entry's icon $icon does not exist."
[ "$(head -c 8 "$icon" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    || fail "the menu entry's icon $icon is not a PNG file."
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$MENU_ENTRY" || fail "desktop-file-validate rejects $MENU_ENTRY."
fi
log "ok   files: $LAUNCHER, $MENU_ENTRY, icon $icon"

# --- 3. The self-test of the installed copy. ---

"$LAUNCHER" --self-test >"$work/self-test.log" 2>&1 || {
    cat "$work/self-test.log" >&2
    fail "$LAUNCHER --self-test failed."
}
log "ok   self-test: $(tail -n 1 "$work/self-test.log")"

# --- 4. A setting locked in the managed settings file is reported as managed. ---

if [ -e "$MANAGED_FILE" ]; then
    managed_backup=$work/managed.json.saved
    cp -p "$MANAGED_FILE" "$managed_backup"
fi
if [ ! -d "$MANAGED_DIR" ]; then
    mkdir -p "$MANAGED_DIR"
    managed_dir_created=true
fi
managed_written=true
printf '{\n  "printAllowed": false\n}\n' >"$MANAGED_FILE"
chmod 644 "$MANAGED_FILE"
# A home folder that does not exist: settings shows the defaults with the managed values applied.
"$LAUNCHER" --home "$work/settings-home" settings --json >"$work/settings.json" 2>"$work/settings.err" || {
    cat "$work/settings.err" >&2
    fail "$LAUNCHER settings --json failed with $MANAGED_FILE locking printAllowed=false."
}
restore_managed_settings
grep -Eq '"managedSettingsFile" *: *"/etc/sealdrop/managed.json"' "$work/settings.json" \
    || fail "settings --json names another managed settings file: $(cat "$work/settings.json")"
grep -Eq '"printAllowed" *: *false' "$work/settings.json" \
    || fail "settings --json does not report printAllowed=false: $(cat "$work/settings.json")"
grep -Eq '"managed" *: *\[ *"printAllowed" *\]' "$work/settings.json" \
    || fail "settings --json does not list printAllowed as the one managed key: $(cat "$work/settings.json")"
log "ok   managed settings: printAllowed=false locked in $MANAGED_FILE is reported as managed"

# --- 5. The installed app opens its window on a private Xvfb display, with a fresh home folder. ---

# Xvfb picks a free display number itself and writes it to file descriptor 3 once it accepts
# connections, so two checks at the same time cannot take the same display.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 300); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { cat "$work/xvfb.log" >&2; fail "Xvfb exited at start."; }
    sleep 0.1
done
[ -s "$work/display" ] || fail "Xvfb reported no display number within 30 s."
display=":$(tr -d '[:space:]' <"$work/display")"

# Java takes user.home from the password database, not from $HOME, so the per-user data folder is
# set with XDG_DATA_HOME. Its path has non-ASCII letters, which Java 17 can open only under a UTF-8
# locale.
home="$work/Zoë Łukasz"
data="$home/.local/share"
mkdir -p "$data"
env -i PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$display" HOME="$home" XDG_DATA_HOME="$data" \
    "$LAUNCHER" >"$work/app.log" 2>&1 &
app_pid=$!

log "waiting up to $WINDOW_TIMEOUT s for a window named SealDrop on display $display"
deadline=$((SECONDS + WINDOW_TIMEOUT))
window=""
while [ -z "$window" ]; do
    if ! kill -0 "$app_pid" 2>/dev/null; then
        cat "$work/app.log" >&2
        fail "$LAUNCHER exited before its window was mapped."
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        cat "$work/app.log" >&2
        fail "no window named SealDrop was mapped within $WINDOW_TIMEOUT s."
    fi
    window=$(DISPLAY=$display xdotool search --onlyvisible --name '^SealDrop' 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] || sleep 1
done
log "ok   window: '$(DISPLAY=$display xdotool getwindowname "$window")' mapped"

[ -d "$data/sealdrop" ] || fail "the app created no data folder in $data/sealdrop."
stray=$(find "$PREFIX" -newer "$work/installed.stamp" -print)
[ -z "$stray" ] || fail "the app wrote into $PREFIX, which must hold no per-user data: $stray"
log "ok   data: per-user data in \$XDG_DATA_HOME/sealdrop, nothing written under $PREFIX"

# --- 6. Close the window; the app must exit. ---

# xdotool 3.20160805 (Debian 12) cannot send WM_DELETE_WINDOW, and without a window manager nothing
# else does: its windowclose destroys the window while the JVM keeps running. The check therefore
# ends the app with SIGTERM, as a session logout does; the JVM then runs its shutdown hooks.
kill -TERM "$app_pid"
for _ in $(seq 1 300); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$app_pid" 2>/dev/null; then
    cat "$work/app.log" >&2
    fail "SealDrop was still running 30 s after SIGTERM."
fi
app_status=0
wait "$app_pid" || app_status=$?
app_pid=""
# 143 is 128 + SIGTERM, the exit status of a JVM that a SIGTERM ended.
if [ "$app_status" -ne 0 ] && [ "$app_status" -ne 143 ]; then
    cat "$work/app.log" >&2
    fail "SealDrop exited with status $app_status after SIGTERM."
fi
log "ok   close: SealDrop exited after SIGTERM (status $app_status)"

# --- 7. Purge; nothing may stay behind under /opt or in the menu. ---

log "purging $PACKAGE with dpkg -P"
dpkg -P "$PACKAGE" >"$work/dpkg-purge.log" 2>&1 || {
    cat "$work/dpkg-purge.log" >&2
    fail "dpkg -P $PACKAGE failed."
}
installed=false
status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$PACKAGE" 2>/dev/null || true)
case "$status" in
    "" | "un"*) ;;
    *) fail "dpkg still lists $PACKAGE with status '${status% }' after dpkg -P." ;;
esac
[ ! -e "$PREFIX" ] || fail "$PREFIX is still there after dpkg -P: $(find "$PREFIX" | head -n 20)"
[ ! -e "$MENU_ENTRY" ] || fail "the menu entry $MENU_ENTRY is still there after dpkg -P."
log "ok   purge: $PREFIX and the menu entry are gone"
log "passed"
