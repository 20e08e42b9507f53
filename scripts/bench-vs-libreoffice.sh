#!/usr/bin/env bash
# bench-vs-libreoffice.sh — times `mkspace build-pdf` (the whole 申报书:
# cover, contents, tables, attachments, version stamp) against LibreOffice
# printing the same workbook alone (`soffice --headless --convert-to pdf`),
# side by side in one run, on examples/good and on a package of 5,000 table
# rows naming 90 attachments.
#
#   scripts/bench-vs-libreoffice.sh [RUNS]      (or: make bench-lo RUNS=5)
#   BASELINE=/path/to/older/mkspace scripts/bench-vs-libreoffice.sh
#
# BASELINE, when set, is another mkspace binary timed in the same turns
# (e.g. one built from an earlier commit), to compare before and after.
#
# Each package is timed RUNS times (default 5) after one untimed warm-up
# of each tool (LibreOffice creates its profile then); the two tools take
# turns, so both see the same load. Printed: the median wall time and the
# median CPU time (user+system, which a busy shared machine disturbs less)
# of each tool, and LibreOffice's time divided by mkspace's. Each 申报书 is
# checked with `mkspace verify` (and `qpdf --check` when installed).
set -euo pipefail

runs=${1:-${RUNS:-5}}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is needed" >&2; exit 2; }
GO=${GO:-go}

work=$(mktemp -d "${TMPDIR:-/tmp}/mkspace-bench-lo.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "building mkspace …"
CGO_ENABLED=0 $GO build -trimpath -ldflags '-s -w' -o "$work/mkspace" ./cmd/mkspace
echo "writing the packages …"
cp -r examples/good "$work/good"
$GO test -count=1 -run '^TestWriteLargePackage$' ./internal/dossier/ -args -write-large "$work/large" >/dev/null

profile="file://$work/lo-profile"
# timed CMD…: runs CMD quietly, appends "wall cpu" (seconds) to $work/t.
timed() {
	/usr/bin/time -f '%e %U %S' -o "$work/one" "$@" >/dev/null 2>"$work/err" || {
		cat "$work/err" >&2
		exit 2
	}
	awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/one" >>"$work/t"
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

baseline=${BASELINE:-}
printf '\n%-8s %-9s %5s %6s | %-22s | %-22s | %s\n' package binary rows pages "mkspace wall / cpu (s)" "LibreOffice wall / cpu" "ratio wall / cpu"
for pkg in good large; do
	dir="$work/$pkg"
	mk=(timeout 600 "$work/mkspace" build-pdf "$dir" -o "$work/$pkg.pdf" --force -q)
	base=(timeout 600 "$baseline" build-pdf "$dir" -o "$work/$pkg-base.pdf" --force -q)
	lo=(timeout 600 soffice "-env:UserInstallation=$profile" --headless --norestore --convert-to pdf --outdir "$work/lo-$pkg" "$dir/申报数据.xlsx")
	: >"$work/t"
	timed "${mk[@]}"
	timed "${lo[@]}" # warm-up: not counted
	if [ -n "$baseline" ]; then timed "${base[@]}"; fi
	: >"$work/mk"
	: >"$work/lo"
	: >"$work/base"
	for ((i = 1; i <= runs; i++)); do
		: >"$work/t"
		timed "${mk[@]}"
		cat "$work/t" >>"$work/mk"
		: >"$work/t"
		timed "${lo[@]}"
		cat "$work/t" >>"$work/lo"
		if [ -n "$baseline" ]; then
			: >"$work/t"
			timed "${base[@]}"
			cat "$work/t" >>"$work/base"
		fi
	done
	"$work/mkspace" verify -q "$work/$pkg.pdf" "$dir" >/dev/null || { echo "verify failed on $pkg" >&2; exit 1; }
	if command -v qpdf >/dev/null; then
		qpdf --check "$work/$pkg.pdf" >/dev/null || { echo "qpdf --check failed on $pkg" >&2; exit 1; }
	fi
	pages=$(pdfinfo "$work/$pkg.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	rows=$(case $pkg in good) echo "-" ;; large) echo 5000 ;; esac)
	low=$(cut -d' ' -f1 "$work/lo" | median)
	loc=$(cut -d' ' -f2 "$work/lo" | median)
	for which in mk base; do
		[ -s "$work/$which" ] || continue
		w=$(cut -d' ' -f1 "$work/$which" | median)
		c=$(cut -d' ' -f2 "$work/$which" | median)
		name=$([ $which = mk ] && echo this || echo baseline)
		printf '%-8s %-9s %5s %6s | %9s / %-10s | %9s / %-10s | %5.1f× / %.1f×\n' "$pkg" "$name" "$rows" "${pages:-?}" "$w" "$c" "$low" "$loc" \
			"$(awk -v a="$low" -v b="$w" 'BEGIN { print a / b }')" "$(awk -v a="$loc" -v b="$c" 'BEGIN { print a / b }')"
	done
done
echo
echo "median of $runs runs each (after one warm-up), the tools taking turns; ratio = LibreOffice / mkspace"
