# shellcheck shell=bash
# Progress of the demo's LAMMPS runs, for inputs/demo/run.sh (source it; bash). Reads the
# run.sh arrays run_dirs, run_names, pids, started and finished (SECONDS), status (exit
# status once finished) and the production length `steps`. One line per run: waiting, setting up
# (minimization, NVE check), step/total of the production run with the elapsed and the
# estimated remaining time, done or failed. On a terminal the lines are redrawn in place
# every second; otherwise (a pipe, a log) they are printed every EXSOLVE_PROGRESS_EVERY
# seconds (default 60) and once at the end, headed by progress_label (default "demo").

progress_start()
{
  progress_seen_at=() progress_seen_step=()
  progress_drawn=0
  progress_last=$SECONDS
  progress_every=${EXSOLVE_PROGRESS_EVERY:-60}
}

# m:ss or h:mm:ss
progress_time()
{
  local t=$1
  if [ "$t" -ge 3600 ]; then printf '%d:%02d:%02d' $((t / 3600)) $((t % 3600 / 60)) $((t % 60))
  else printf '%d:%02d' $((t / 60)) $((t % 60)); fi
}

# Sets progress_text to run <index>'s line (not in a subshell: it remembers when it first
# saw each production run).
progress_line()  # index
{
  progress_text=$(progress_status "$1")
  if [[ "$progress_text" =~ ^step\ ([0-9]+)/ ]]; then
    local i=$1 step=${BASH_REMATCH[1]} left="estimating"
    # The remaining time at the production run's own pace since this driver first saw it.
    if [ -z "${progress_seen_at[$i]:-}" ]; then progress_seen_at[i]=$SECONDS progress_seen_step[i]=$step; fi
    if [ "$step" -gt "${progress_seen_step[$i]}" ]; then
      # shellcheck disable=SC2154 # steps (the production length) is set by inputs/demo/run.sh, which sources this file
      left="~$(progress_time $(( (SECONDS - progress_seen_at[i]) * (steps - step) / (step - progress_seen_step[i]) ))) left"
    fi
    progress_text="$progress_text, $left"
  fi
  # shellcheck disable=SC2154 # run_names is set by inputs/demo/run.sh, which sources this file
  progress_text="${run_names[$1]}: $progress_text"
}

progress_status()  # index
{
  local i=$1 step elapsed
  if [ -z "${pids[$i]:-}" ]; then echo "waiting"; return; fi
  # shellcheck disable=SC2154 # started is set by inputs/demo/run.sh, which sources this file
  elapsed=$((${finished[$i]:-$SECONDS} - started[i]))
  if [ -n "${status[$i]:-}" ]; then
    if [ "${status[$i]}" -eq 0 ]; then echo "done in $(progress_time "$elapsed")"
    else echo "failed after $(progress_time "$elapsed")"; fi
    return
  fi
  # The production run's thermo lines follow its header, the one that names v_removed
  # (demo.in's thermo_style).
  # shellcheck disable=SC2154 # run_dirs is set by inputs/demo/run.sh, which sources this file
  step=$(awk '/v_removed/ { production = 1; next } production && $1 ~ /^[0-9]+$/ { s = $1 } END { print s + 0 }' \
           "${run_dirs[$i]}/screen.txt" 2>/dev/null || echo 0)
  if [ "$step" -le 0 ]; then echo "setting up (relaxation, NVE check), $(progress_time "$elapsed") elapsed"; return; fi
  echo "step $step/$steps ($((100 * step / steps)) %), $(progress_time "$elapsed") elapsed"
}

progress_show()  # [final]
{
  local i
  if [ -t 1 ]; then
    [ "$progress_drawn" -eq 0 ] || printf '\033[%dA' "$progress_drawn"
    for i in "${!run_dirs[@]}"; do
      progress_line "$i"
      printf '  %s\033[K\n' "$progress_text"
    done
    progress_drawn=${#run_dirs[@]}
    return
  fi
  [ "${1:-}" = final ] || [ $((SECONDS - progress_last)) -ge "$progress_every" ] || return 0
  progress_last=$SECONDS
  echo "${progress_label:-demo}: progress after $(progress_time "$SECONDS"):"
  for i in "${!run_dirs[@]}"; do
    progress_line "$i"
    echo "  $progress_text"
  done
}
