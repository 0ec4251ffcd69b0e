#!/bin/sh
# Builds the x86_64 test programs of this directory with the host's gcc (x86_64 Debian).
# The binaries are committed: CI has no compiler requirement.
set -e
cd "$(dirname "$0")"
gcc -static -nostdlib -ffreestanding -fno-stack-protector -fno-pie -no-pie -mgeneral-regs-only -O1 \
    -fcf-protection=none -o abi abi.c
