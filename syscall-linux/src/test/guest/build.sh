#!/bin/sh
# Builds the guest test programs, static, for the cores whose Linux ABI the tests cover.
# The binaries are committed (CI has no cross compilers); rerun this after changing a source.
#   needs: aarch64-linux-gnu-gcc, arm-linux-gnueabihf-gcc (Debian's gcc-aarch64-linux-gnu,
#   gcc-arm-linux-gnueabihf)
set -eu
cd "$(dirname "$0")"
out=../resources/guest
mkdir -p "$out"
for prog in threads signals jobctl clonefs; do
  aarch64-linux-gnu-gcc -static -O2 -pthread -o "$out/$prog-aarch64" "$prog.c"
  arm-linux-gnueabihf-gcc -static -O2 -pthread -o "$out/$prog-armhf" "$prog.c"
done
aarch64-linux-gnu-strip "$out"/*-aarch64
arm-linux-gnueabihf-strip "$out"/*-armhf
ls -l "$out"
