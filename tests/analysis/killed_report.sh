#!/usr/bin/env bash
# exsolve-analyze report killed at random moments, as a batch system ends a job at its
# wall-time limit (SIGTERM, then SIGKILL after a grace period), on a small dump written
# here, for several seeds. Afterwards every file under its final name is byte-identical to
# a clean run's, or absent. After SIGTERM the tool has said what it had not finished and
# left no temporary file (after SIGKILL only temporary files, hidden and named .partial-,
# may remain). A re-run into the same directory (--force) gives the clean run's files.
# Usage: killed_report.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
# shellcheck source=../lib/synthetic_caps_dump.sh
source "$here/../lib/synthetic_caps_dump.sh"
analyze=$2 work=$4
fresh_workdir "$work"
write_caps_dump caps.dump 60
caps_dump_config caps.yaml out

# The same command line every time: the sidecars and report.html record it.
report=("$analyze" report -c caps.yaml --force --annotated-dump caps.dump)
now_ms() {
  echo $(($(date +%s%N) / 1000000))
}

start=$(now_ms)
"${report[@]}" > clean.txt 2>&1 || { cat clean.txt; fail "report failed"; }
duration_ms=$(($(now_ms) - start))
mv out clean
clean_files=$(cd clean && find . -type f | sort)

# check_output <what> <temporary files allowed (yes/no)>: every file in out is the clean
# run's, or (if allowed) a temporary file.
check_output() {
  local file
  [ -d out ] || return 0
  while read -r file; do
    if [ -e "clean/$file" ]; then
      cmp -s "out/$file" "clean/$file" || fail "$1: out/$file differs from a clean run's"
    elif [[ "$2" == yes && "$file" =~ ^\./\.[^/]+\.partial-[0-9]+-[0-9]+$ ]]; then
      continue
    else
      fail "$1: left out/$file"
    fi
  done < <(cd out && find . -type f | sort)
}

interrupted=0 killed=0
for seed in 1 2 3 4 5 6; do
  for signal in TERM KILL; do
    RANDOM=$((2 * seed + ${#signal}))  # a different moment for each signal
    delay_ms=$((RANDOM % (duration_ms * 9 / 10 + 1)))
    what="SIG$signal after $delay_ms ms (seed $seed)"
    rm -rf out
    # exec: the signal must reach the tool, not a subshell that waits for it.
    (exec "${report[@]}" > "$signal-$seed.txt" 2>&1) &
    pid=$!
    sleep "$(awk -v ms="$delay_ms" 'BEGIN { print ms / 1000 }')"
    kill -s "$signal" "$pid" 2>/dev/null || true
    status=0
    wait "$pid" || status=$?
    case "$status:$signal" in
      0:*) ;;  # finished before the signal
      143:TERM)
        # Before the tool set up its handling (its first milliseconds) the signal ends it at
        # once: it has written nothing then.
        if grep -q "^exsolve-analyze: stopped by SIGTERM" "$signal-$seed.txt"; then
          interrupted=$((interrupted + 1))
        elif grep -q "frames analysed" "$signal-$seed.txt"; then
          :  # the signal came as the finished tool was exiting
        else
          [ ! -e out ] || { cat "$signal-$seed.txt"; fail "$what: ended without saying what it had not finished"; }
        fi ;;
      137:KILL) killed=$((killed + 1)) ;;
      *) cat "$signal-$seed.txt"; fail "$what: exit status $status" ;;
    esac
    check_output "$what" "$([ "$signal" = KILL ] && echo yes || echo no)"
    echo "$what: exit status $status; $(find out -type f 2>/dev/null | wc -l) files left"
    "${report[@]}" > "rerun-$signal-$seed.txt" 2>&1 || { cat "rerun-$signal-$seed.txt"; fail "$what: the re-run failed"; }
    check_output "re-run after $what" "$([ "$signal" = KILL ] && echo yes || echo no)"
    [ "$(cd out && find . -type f ! -name '.*' | sort)" = "$clean_files" ] || fail "re-run after $what: files missing"
  done
done
{ [ "$interrupted" -gt 0 ] && [ "$killed" -gt 0 ]; } \
  || fail "SIGTERM interrupted $interrupted runs and SIGKILL $killed: the test checked no interrupted run"
pass "report interrupted $interrupted times by SIGTERM and $killed times by SIGKILL (a clean run takes $duration_ms ms)"
