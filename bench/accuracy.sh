#!/usr/bin/env bash
# Runs every preset of the simulator (../shared/sim/SCENARIOS.md: 10 seeds x 20 000 s each) and
# prints a Markdown table of our figures beside chronyd 4.3's and NTPsec 1.2.2's in the same model.
# With --readme it also replaces the table between the accuracy markers in README.md.
#   bench/accuracy.sh [--readme] [extra ntpsim flags...]
set -euo pipefail
HOME_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WRITE_README=no
if [ "${1:-}" = --readme ]; then WRITE_README=yes; shift; fi

# preset | chronyd first/settled mean,max s | chronyd RMS/worst/max us | NTPsec settled s | NTPsec RMS us
REFERENCE='lan-1|7|20|74|121|156|384|430|202
wan-1|7|79|143|343|569|914|6722|804
lan-3|7|20|74|136|170|493|7179|5007
lan-3f|7|14|74|149|182|636|9543|3057
wan-3f|7|96|282|459|777|1329|12489|2133
lan-1-p6|7|20||22.7|31.1|95|430|22.8
wan-1-p6|7|79||107|196|573|2023|155
lan-1-warm|7|7||123|166|381|253|170'

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

table=$(mktemp)
trap 'rm -f "$table"' EXIT
{
  echo "| preset | RMS µs (chronyd / NTPsec) | worst seed µs (chronyd) | max µs (chronyd) | first < 1 ms s | settled mean, max s (chronyd) | never | poll interval s | falseticker followed | unsync s |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  while IFS='|' read -r preset c_first c_set c_setmax c_rms c_worst c_max n_set n_rms; do
    start=$(date +%s.%N)
    summary=$("$HOME_DIR/bin/ntpsim" "$preset" "$@" | grep '^summary ')
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    printf '%s: %.1f s wall\n' "$preset" "$wall" >&2
    printf '| %s | **%s** (%s / %s) | %s (%s) | %s (%s) | %s | %s, %s (%s, %s) | %s | %s | %s | %s |\n' \
      "$preset" "$(field rms_offset_us "$summary")" "$c_rms" "$n_rms" \
      "$(field worst_seed_rms_us "$summary")" "$c_worst" "$(field max_abs_offset_us "$summary")" "$c_max" \
      "$(field first_below_1ms_s "$summary")" "$(field settled_mean_s "$summary")" \
      "$(field settled_max_s "$summary")" "$c_set" "${c_setmax:--}" "$(field never "$summary")" \
      "$(field mean_poll_interval_s "$summary")" "$(field followed_falseticker "$summary")" \
      "$(field unsync_s "$summary")"
  done <<<"$REFERENCE"
} >"$table"
cat "$table"

if [ "$WRITE_README" = yes ]; then
  readme=$HOME_DIR/README.md
  grep -q '<!-- accuracy:begin -->' "$readme" || { echo "accuracy: README.md has no accuracy markers" >&2; exit 1; }
  awk -v table="$table" '
    /<!-- accuracy:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- accuracy:end -->/ { skip = 0 }
    !skip' "$readme" >"$readme.new"
  mv "$readme.new" "$readme"
fi
