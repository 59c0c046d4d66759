# shellcheck shell=bash
# ops/apt-lock.sh — sourced by ops/setup, ops/setup-browsers, ops/setup-tor and ops/bench.
#
# On a fresh machine another apt run (unattended-upgrades at boot, a
# provisioning script) often holds the dpkg lock; apt-get then fails at once
# ("Could not get lock /var/lib/dpkg/lock-frontend"). apt_get waits for the
# lock instead, at most DOJAVA_APT_LOCK_TIMEOUT seconds (default 600), and
# says so before it starts. Needs say() and the sudo array of the caller.

apt_lock_timeout="${DOJAVA_APT_LOCK_TIMEOUT:-600}"
case "$apt_lock_timeout" in
  '' | *[!0-9]*)
    printf 'DOJAVA_APT_LOCK_TIMEOUT must be a whole number of seconds, not %s\n' "$apt_lock_timeout" >&2
    exit 1
    ;;
esac

# apt_get ARGS...: "${sudo[@]}" apt-get ARGS, waiting for the dpkg and apt
# locks for up to $apt_lock_timeout seconds.
# shellcheck disable=SC2154  # sudo: the caller's array (empty when root)
apt_get() {
  say "apt-get $1: if another apt or dpkg holds the lock, waiting for it (at most ${apt_lock_timeout} s)"
  "${sudo[@]}" apt-get -o "DPkg::Lock::Timeout=${apt_lock_timeout}" "$@"
}
