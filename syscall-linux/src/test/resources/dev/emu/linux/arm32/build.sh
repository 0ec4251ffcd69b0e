#!/bin/sh
# Builds neon-kernels (armhf, static, NEON) from neon-kernels.c; Arm32NeonProgramTest runs it.
# Needs arm-linux-gnueabihf-gcc. The test's expected output is what qemu-arm-static -cpu
# cortex-a15 prints for the binary: re-run it after a rebuild and update the test.
set -e
cd "$(dirname "$0")"
arm-linux-gnueabihf-gcc -static -O3 -mfpu=neon -mfloat-abi=hard -ftree-vectorize -s \
    -o neon-kernels neon-kernels.c
