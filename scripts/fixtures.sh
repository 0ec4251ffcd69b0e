#!/usr/bin/env bash
# Fetches the whole-program test fixtures into a cache directory:
#
#   $EMU_FIXTURES/busybox/<debian-arch>/busybox   Debian's busybox-static, one per guest arch
#   $EMU_FIXTURES/busybox/<debian-arch>/VERSION   the Debian package version it came from
#   $EMU_FIXTURES/qemu/qemu-<qemu-arch>-static    every binary of Debian's qemu-user-static
#   $EMU_FIXTURES/qemu/VERSION                    (for the host's architecture)
#
# EMU_FIXTURES defaults to .fixtures/ at the repository root (ignored by git); a relative
# EMU_FIXTURES is taken from the repository root too (dev.emu.testkit.Fixtures does the same).
# Packages come from the apt sources the machine already has, through `apt-get download`
# and `dpkg -x`: nothing is installed. Foreign architectures are added to dpkg when missing
# and `apt-get update` runs only when a package cannot be found or downloaded otherwise.
# Idempotent: when everything is present it prints nothing and exits 0.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${EMU_FIXTURES:-.fixtures}"
[[ "$dest" == /* ]] || dest="$root/$dest"   # relative to the repository root, as the tests take it
busybox_arches=(amd64 arm64 armhf armel ppc64el s390x mipsel mips64el i386)

die() { echo "fixtures.sh: $*" >&2; exit 1; }
say() { echo "fixtures.sh: $*" >&2; }

missing_busybox=()
for arch in "${busybox_arches[@]}"; do
  [[ -s "$dest/busybox/$arch/busybox" ]] || missing_busybox+=("$arch")
done
need_qemu=0
[[ -s "$dest/qemu/VERSION" ]] || need_qemu=1
if (( ${#missing_busybox[@]} == 0 && need_qemu == 0 )); then
  exit 0
fi

command -v apt-get >/dev/null && command -v dpkg >/dev/null \
  || die "needs apt-get and dpkg (a Debian or Ubuntu host); or copy the files into $dest by hand, laid out as described at the top of this script"

as_root() {
  if (( EUID == 0 )); then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "needs root (or sudo) for: $*"
  fi
}
apt_opts=(-qq)
# As root, apt drops to the _apt user to download, which cannot write to our directory;
# downloading as root is fine here (we only unpack the files, never install them).
(( EUID == 0 )) && apt_opts+=(-o APT::Sandbox::User=root)

native="$(dpkg --print-architecture)"
qemu_arch="${EMU_QEMU_HOST_ARCH:-$native}"

updated=0
need_update=0
apt_update() {
  if (( updated == 0 )); then
    say "apt-get update"
    as_root apt-get "${apt_opts[@]}" update >/dev/null
    updated=1
  fi
}

# Foreign architectures dpkg does not know yet have no package lists: add them, then update.
known=" $native $(dpkg --print-foreign-architectures | tr '\n' ' ') "
for arch in "${missing_busybox[@]}"; do
  if [[ "$known" != *" $arch "* ]]; then
    say "dpkg --add-architecture $arch"
    as_root dpkg --add-architecture "$arch"
    known+="$arch "
    need_update=1
  fi
done
(( need_update )) && apt_update

pkgs=()
for arch in "${missing_busybox[@]}"; do pkgs+=("busybox-static:$arch"); done
(( need_qemu )) && pkgs+=("qemu-user-static:$qemu_arch")

mkdir -p "$dest"
work="$(mktemp -d "$dest/.work.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say "downloading ${pkgs[*]}"
if ! (cd "$work" && apt-get "${apt_opts[@]}" download "${pkgs[@]}" >/dev/null 2>"$work/apt.err"); then
  # No package lists yet (a fresh machine), or stale ones naming versions the archive no
  # longer has: refresh once and retry. (Asking apt-cache first would cost a full parse of
  # every list per package where the lists cache is off, as in Debian's container images.)
  download_failed() {
    cat "$work/apt.err" >&2
    die "apt-get download failed (on Ubuntu, foreign architectures need the ports archive in the apt sources)"
  }
  (( updated == 0 )) || download_failed
  apt_update
  (cd "$work" && apt-get "${apt_opts[@]}" download "${pkgs[@]}" >/dev/null 2>"$work/apt.err") || download_failed
fi

one_deb() {  # the single .deb downloaded for package $1 and architecture $2
  local f=("$work"/"$1"_*_"$2".deb)
  [[ -f "${f[0]}" ]] || die "no $1 package for $2 was downloaded"
  echo "${f[0]}"
}

for arch in "${missing_busybox[@]}"; do
  deb="$(one_deb busybox-static "$arch")"
  x="$work/x-busybox-$arch"
  dpkg -x "$deb" "$x"
  bin="$x/bin/busybox"
  [[ -f "$bin" ]] || bin="$x/usr/bin/busybox"
  [[ -f "$bin" ]] || die "$(basename "$deb") has no busybox binary"
  mkdir -p "$dest/busybox/$arch"
  dpkg-deb -f "$deb" Version >"$dest/busybox/$arch/VERSION"
  install -m 755 "$bin" "$dest/busybox/$arch/.busybox.tmp"
  mv -f "$dest/busybox/$arch/.busybox.tmp" "$dest/busybox/$arch/busybox"
done

if (( need_qemu )); then
  deb="$(one_deb qemu-user-static "$qemu_arch")"
  x="$work/x-qemu"
  dpkg -x "$deb" "$x"
  mkdir -p "$dest/qemu"
  n=0
  for bin in "$x"/usr/bin/qemu-*-static; do
    [[ -f "$bin" ]] || continue
    install -m 755 "$bin" "$dest/qemu/$(basename "$bin")"
    n=$((n + 1))
  done
  (( n > 0 )) || die "$(basename "$deb") has no usr/bin/qemu-*-static"
  # Written last: its presence means the qemu directory is complete.
  dpkg-deb -f "$deb" Version >"$dest/qemu/VERSION"
fi

say "fixtures ready in $dest"
