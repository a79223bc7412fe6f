#!/bin/sh
# Measures the time from starting a SealDrop launcher to its window being mapped on an X display,
# several times, and prints each run and the median in milliseconds. Each run gets a new, empty
# per-user data folder (XDG_DATA_HOME), so it measures a first start; --warm reuses one folder after
# an untimed first run. Needs xdotool; run it under Xvfb when there is no display, for example:
#
#   xvfb-run -a -s "-screen 0 1280x800x24" packaging/linux/start-time.sh target/package/SealDrop/bin/SealDrop 5
#
# Usage: start-time.sh LAUNCHER [RUNS] [--warm]
set -eu

launcher=$1
runs=${2:-5}
mode=${3:-cold}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start_once() {
    data_home=$1
    begin=$(date +%s%N)
    XDG_DATA_HOME="$data_home" "$launcher" >"$work/launcher.log" 2>&1 &
    pid=$!
    # --sync waits until a window with this name exists; --onlyvisible until it is mapped.
    timeout 120 xdotool search --sync --onlyvisible --name '^SealDrop' >/dev/null
    end=$(date +%s%N)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo $(( (end - begin) / 1000000 ))
}

if [ "$mode" = "--warm" ]; then
    mkdir -p "$work/data"
    start_once "$work/data" >/dev/null
fi

i=1
while [ "$i" -le "$runs" ]; do
    if [ "$mode" = "--warm" ]; then
        data_home="$work/data"
    else
        data_home="$work/data-$i"
    fi
    mkdir -p "$data_home"
    millis=$(start_once "$data_home")
    echo "run $i: $millis ms"
    echo "$millis" >>"$work/times"
    i=$((i + 1))
done

sort -n "$work/times" | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print "median: " m " ms" }'
