#!/bin/sh
# Regenerates fpvec-rows.txt: each line of fpvec-rows.s assembled by GNU as (-mpower8,
# little-endian) as "word<TAB>source line". FpVectorDecodeTest reads it (CI has no cross
# binutils, so the output is committed). Needs powerpc64le-linux-gnu-as and -objdump.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
powerpc64le-linux-gnu-as -mpower8 -o "$tmp/rows.o" fpvec-rows.s
powerpc64le-linux-gnu-objdump -d "$tmp/rows.o" | awk -F'\t' '/^ *[0-9a-f]+:\t/ { split($2, b, " "); print b[4] b[3] b[2] b[1] }' > "$tmp/words"
paste "$tmp/words" fpvec-rows.s > fpvec-rows.txt
rm -r "$tmp"
