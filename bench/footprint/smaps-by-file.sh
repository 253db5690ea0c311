#!/usr/bin/env bash
# Sums a process's resident memory (kB) by mapping: file name, or [anon] / [heap] / [stack].
awk '/^[0-9a-f]+-[0-9a-f]+ /{name = (NF >= 6 ? $6 : "[anon]")} /^Rss:/{rss[name] += $2}
  END {for (n in rss) if (rss[n] > 0) printf "%8d %s\n", rss[n], n}' "/proc/$1/smaps" | sort -rn | head -${2:-15}
