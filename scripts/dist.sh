#!/usr/bin/env bash
# Builds dist/handbook-<version>-linux-<arch>.tar.gz: one executable with the
# Swift runtime and libcmark linked in statically and the default theme
# compiled in (nothing to install beside it), the licences, and a SHA-256
# file for the archive. The version comes from the tag (or HANDBOOK_VERSION).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-dist
# libcmark linked statically: SwiftPM takes cmark's library folder from
# pkg-config, so a libcmark.pc of our own points it at a folder holding only
# libcmark.a (beside libcmark.so the linker would pick the shared one).
static="$PWD/$scratch/static-cmark"
mkdir -p "$static/pkgconfig"
archive=$(pkg-config --variable=libdir libcmark)/libcmark.a
[ -f "$archive" ] || { echo "dist: $archive not found (libcmark-dev ships it)" >&2; exit 2; }
ln -sf "$archive" "$static/libcmark.a"
cat > "$static/pkgconfig/libcmark.pc" <<PC
Name: libcmark
Description: CommonMark parsing and rendering, linked statically
Version: $(pkg-config --modversion libcmark)
Libs: -L$static -lcmark
Cflags: -I$(pkg-config --variable=includedir libcmark)
PC
PKG_CONFIG_PATH="$static/pkgconfig" swift build -c release --product handbook --static-swift-stdlib --scratch-path "$scratch"
binary="$scratch/release/handbook"
version=$("$binary" --version | cut -d' ' -f1)
name="handbook-$version-linux-$(uname -m)"
rm -rf "dist/$name" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "dist/$name"
install -m 755 "$binary" "dist/$name/handbook"
if command -v strip >/dev/null; then strip "dist/$name/handbook"; else echo "dist: strip not found (binutils): the binary keeps its symbols" >&2; fi
cp LICENSE THIRD_PARTY.md "dist/$name/"
# Reproducible: sorted entries, fixed owner and times.
tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1)), $(cut -c1-16 "dist/$name.tar.gz.sha256")…"
