#!/bin/sh
# Regenerates fixed-rows.txt: each line of fixed-rows.s assembled by GNU as (-mpower9 for the few ISA 3.0 fixed-point instructions,
# little-endian) as "word<TAB>source line". FixedPointDecodeTest reads it (CI has no cross
# binutils, so the output is committed). Needs powerpc64le-linux-gnu-as and -objdump.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
powerpc64le-linux-gnu-as -mpower9 -o "$tmp/rows.o" fixed-rows.s
powerpc64le-linux-gnu-objdump -d "$tmp/rows.o" | awk -F'\t' '/^ *[0-9a-f]+:\t/ { split($2, b, " "); print b[4] b[3] b[2] b[1] }' > "$tmp/words"
paste "$tmp/words" fixed-rows.s > fixed-rows.txt
rm -r "$tmp"
