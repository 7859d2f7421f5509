#!/usr/bin/env bash
# Interleaved A/B of the DataStream Nexmark queries between two builds of Weir (two work trees,
# each with its distribution built by `./mvnw -o -q package -DskipTests`).
#
#   weir-bench/scripts/nexmark-ab.sh A_TREE B_TREE OUT_DIR [pairs] [queries] [-- bench options]
#
# For every pair and every query it runs `bin/weir bench nexmark --query Q --runs 1` once in each
# tree, A first in odd pairs and B first in even ones, so drift in the machine's load falls on both
# sides alike. Each run is a fresh JVM (the bench forks one). Everything after `--` goes to both
# builds (default: --events 2000000 --parallelism 1 --heap 3g). The runs go to OUT_DIR/runs.tsv
# (pair, query, side, events/s, job CPU s, load average) and a per-query summary to
# OUT_DIR/summary.md: median events/s and job CPU s per side, B/A ratios of the medians and the
# spread (max/min - 1) of each side. Set NICE (default 10) to change the niceness.
set -euo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
a_tree=$(cd "$1" && pwd)
b_tree=$(cd "$2" && pwd)
out=$3
shift 3
pairs=3
queries="q0,q1,q2,q3,q4,q5,q7,q8,q11"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then pairs=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then queries=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
opts=("$@")
if [ ${#opts[@]} -eq 0 ]; then opts=(--events 2000000 --parallelism 1 --heap 3g); fi
for tree in "$a_tree" "$b_tree"; do
  if [ ! -x "$tree/bin/weir" ]; then
    echo "$tree has no bin/weir: give the root of a Weir work tree" >&2
    exit 2
  fi
done

mkdir -p "$out"
runs="$out/runs.tsv"
[ -f "$runs" ] || printf 'pair\tquery\tside\tevents_per_s\tjob_cpu_s\tload1\n' > "$runs"
echo "A = $a_tree ($(git -C "$a_tree" rev-parse --short HEAD))" | tee "$out/sides.txt"
echo "B = $b_tree ($(git -C "$b_tree" rev-parse --short HEAD))" | tee -a "$out/sides.txt"
echo "options: ${opts[*]}" | tee -a "$out/sides.txt"

run_one() { # side tree pair query
  local side=$1 tree=$2 pair=$3 query=$4 line load
  line=$(timeout 900 nice -n "${NICE:-10}" "$tree/bin/weir" bench nexmark --query "$query" --runs 1 \
      --results "$out/nexmark-$side.csv" "${opts[@]}" | grep -E "^$query +p=" | tail -1)
  if [ -z "$line" ]; then
    echo "no result line from $side for $query (pair $pair)" >&2
    return 1
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "pair $pair $side: $line  (load $load)"
  # "... 1,234,567 events/s  job ... (job CPU 1.970 s: ..."
  awk -v pair="$pair" -v q="$query" -v side="$side" -v load="$load" '{
      for (i = 1; i <= NF; i++) {
        if ($i == "events/s") eps = $(i - 1)
        if ($i == "CPU") cpu = $(i + 1)
      }
      gsub(",", "", eps)
      printf "%s\t%s\t%s\t%s\t%s\t%s\n", pair, q, side, eps, cpu, load
    }' <<< "$line" >> "$runs"
}

IFS=',' read -r -a query_list <<< "$queries"
for pair in $(seq 1 "$pairs"); do
  for query in "${query_list[@]}"; do
    if [ $((pair % 2)) -eq 1 ]; then
      run_one A "$a_tree" "$pair" "$query"; run_one B "$b_tree" "$pair" "$query"
    else
      run_one B "$b_tree" "$pair" "$query"; run_one A "$a_tree" "$pair" "$query"
    fi
  done
done

# Per query: medians, B/A of the medians, each side's spread.
awk -F'\t' '
  function median(list,   n, arr, i, j, t) {
    n = split(list, arr, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && arr[j - 1] + 0 > arr[j] + 0; j--) { t = arr[j]; arr[j] = arr[j - 1]; arr[j - 1] = t }
    return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
  }
  function spread(list,   n, arr, i, lo, hi) {
    n = split(list, arr, " "); lo = hi = arr[1] + 0
    for (i = 2; i <= n; i++) { if (arr[i] + 0 < lo) lo = arr[i] + 0; if (arr[i] + 0 > hi) hi = arr[i] + 0 }
    return lo > 0 ? 100 * (hi / lo - 1) : 0
  }
  NR > 1 {
    if (!($2 in seen)) { seen[$2] = 1; order[++nq] = $2 }
    eps[$2, $3] = eps[$2, $3] " " $4; cpu[$2, $3] = cpu[$2, $3] " " $5; n[$2, $3]++
    loads = loads " " $6
    val[$2, $1, $3] = $4; if (!(($2, $1) in pairseen)) { pairseen[$2, $1] = 1; pairsof[$2] = pairsof[$2] " " $1 }
  }
  END {
    print "| query | pairs | A events/s | B events/s | B/A events/s | A job CPU s | B job CPU s | A/B CPU | spread A / B (events/s) | B/A per pair |"
    print "|---|---|---|---|---|---|---|---|---|---|"
    for (k = 1; k <= nq; k++) {
      q = order[k]
      ea = median(eps[q, "A"]); eb = median(eps[q, "B"]); ca = median(cpu[q, "A"]); cb = median(cpu[q, "B"])
      ratios = ""; np = split(pairsof[q], ps, " ")
      for (i = 1; i <= np; i++) if (val[q, ps[i], "A"] > 0 && val[q, ps[i], "B"] != "") ratios = ratios sprintf("%s%.2f", ratios == "" ? "" : ", ", val[q, ps[i], "B"] / val[q, ps[i], "A"])
      printf "| %s | %d | %d | %d | %.3f | %.2f | %.2f | %.3f | %.0f %% / %.0f %% | %s |\n", q, n[q, "B"], ea, eb, eb / ea, ca, cb, ca / cb, spread(eps[q, "A"]), spread(eps[q, "B"]), ratios
    }
    printf "\nload average (1 min) after each run: %.1f to %.1f, median %.1f\n", min_of(loads), max_of(loads), median(loads)
  }
  function min_of(list,   n, arr, i, m) { n = split(list, arr, " "); m = arr[1] + 0; for (i = 2; i <= n; i++) if (arr[i] + 0 < m) m = arr[i] + 0; return m }
  function max_of(list,   n, arr, i, m) { n = split(list, arr, " "); m = arr[1] + 0; for (i = 2; i <= n; i++) if (arr[i] + 0 > m) m = arr[i] + 0; return m }
' "$runs" | tee "$out/summary.md"
