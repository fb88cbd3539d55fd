# shellcheck shell=bash
# A run directory of the demo with chosen numbers, for exsolve-analyze compare (sourced by
# the compare tests after helpers.sh).
#
# make_run <dir> <bonds> <D> <D error> <segments> <MSD exponent> <merges> <socket depth> [<mu>]:
# a run directory as the demo writes it. <bonds> is one value (every row of series.txt) or
# 20 values (one per row; compare averages the last 10 in 5 blocks of 2). The last frame
# of socket.csv has two particles at depth +-0.25 A around <socket depth> (global: 0.5 A
# deeper). <mu>, one value or 20 as <bonds>: chemical_potential.txt with two particles per
# output step, 40 atoms at mu + 0.15 eV and 60 at mu - 0.1 eV (their atom-weighted mean is
# mu; the plain mean is not); without it the run has no such file (an older demo run).
make_run() {
  local dir=$1 D=$3 D_error=$4 segments=$5 exponent=$6 merges=$7 depth=$8 bonds mu
  read -ra bonds <<<"$2"
  read -ra mu <<<"${9:-}"
  mkdir -p "$dir/report"
  {
    echo "# Time-averaged data for fix series"
    echo "# TimeStep v_time_ps v_removed c_bonds[3] f_track[1] f_track[8]"
    for i in $(seq 0 19); do
      echo "$((i * 100)) $(awk -v i="$i" 'BEGIN { print i * 0.1 }') $i ${bonds[$(( ${#bonds[@]} > 1 ? i : 0 ))]} 2 $i"
    done
  } > "$dir/series.txt"
  { echo "# step event particle other particle_atoms other_atoms"; echo "0 birth 1 0 40 0";
    for _ in $(seq 1 "$merges"); do echo "100 merge 1 2 40 38"; done; } > "$dir/events.txt"
  echo "nve: 100 atoms, 200 steps of 0.001 ps, drift 0.2 meV/atom/ps" > "$dir/nve.txt"
  printf '{"diffusion": {"D_A2_per_ps": %s, "D_uncertainty_A2_per_ps": 0.01, "msd_exponent": %s, "blocks": {"D_A2_per_ps": %s, "D_standard_error_A2_per_ps": %s, "segments": %s}}}\n' \
    "$D" "$exponent" "$D" "$D_error" "$segments" > "$dir/report/track.json"
  printf 'lag_ps,msd_A2,samples\n0.1,0.5,10\n0.2,1.0,8\n' > "$dir/report/msd.csv"
  awk -v d="$depth" 'BEGIN {
    print "frame,timestep,particle,atoms,bottom_A,top_A,rim_height_A,reference_height_A,depth_local_A,depth_global_A,submerged_fraction,rim_cells"
    print "0,0,1,40,10,15,10,10,9,9,0,4"
    printf "1,100,1,40,10,15,10,10,%.17g,%.17g,0,4\n", d - 0.25, d - 0.25 + 0.5
    printf "1,100,2,38,10,15,10,10,%.17g,%.17g,0,4\n", d + 0.25, d + 0.25 + 0.5 }' > "$dir/report/socket.csv"
  [ ${#mu[@]} -gt 0 ] || return 0
  {
    printf '# Time-averaged data for fix mu_rows\n# TimeStep Number-of-rows\n'
    # The compute's columns with `bonds`: the snapshot, bonds (7), running mean, its error
    # and samples (8-10; compare does not read them).
    echo "# Row c_mu[1] c_mu[2] c_mu[3] c_mu[4] c_mu[5] c_mu[6] c_mu[7] c_mu[8] c_mu[9] c_mu[10]"
    for i in $(seq 0 19); do
      awk -v step=$((i * 100)) -v m="${mu[$(( ${#mu[@]} > 1 ? i : 0 ))]}" -v b="${bonds[0]}" -v n=$((i + 1)) 'BEGIN {
        printf "%d 2\n1 1 40 %.17g %.17g -100 5 %s 0.5 nan %d\n2 2 60 %.17g %.17g -150 7 %s 0.2 nan %d\n", step,
               m - 4.3, m + 0.15, b, n, m - 4.3, m - 0.1, b, n }'
    done
  } > "$dir/chemical_potential.txt"
}
