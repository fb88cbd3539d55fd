# shellcheck shell=bash
# A small LAMMPS text dump written without LAMMPS, for exsolve-analyze tests that need
# every analysis to have something to write (sourced after helpers.sh): an oxygen net
# (type 1, support) and two metal caps (type 2) that slide over it, evenly spaced frames.
#
# write_caps_dump <file> <frames>: frame f at step 100 f; a 32 Å periodic square net of
# oxygens 2 Å apart at z = 5 Å, and two caps of 13 metal atoms (3 x 3 at z = 7 Å, 2 x 2 at
# z = 9.2 Å, 2.5 Å apart) moving 0.05 Å per frame along x and along y.
# caps_dump_config <file> <output dir>: the configuration that analyses it.
write_caps_dump() {
  awk -v frames="$2" 'BEGIN {
    for (f = 0; f < frames; ++f) {
      n = 0
      for (i = 0; i < 16; ++i) for (j = 0; j < 16; ++j) { ++n; t[n] = 1; x[n] = 2 * i; y[n] = 2 * j; z[n] = 5 }
      for (c = 0; c < 2; ++c) {
        x0 = c ? 20 : 6 + 0.05 * f; y0 = c ? 20 + 0.05 * f : 6
        for (i = 0; i < 3; ++i) for (j = 0; j < 3; ++j) { ++n; t[n] = 2; x[n] = x0 + 2.5 * i; y[n] = y0 + 2.5 * j; z[n] = 7 }
        for (i = 0; i < 2; ++i) for (j = 0; j < 2; ++j) { ++n; t[n] = 2; x[n] = x0 + 1.25 + 2.5 * i; y[n] = y0 + 1.25 + 2.5 * j; z[n] = 9.2 }
      }
      printf "ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n%d\nITEM: BOX BOUNDS pp pp pp\n0 32\n0 32\n0 30\n", 100 * f, n
      print "ITEM: ATOMS id type x y z"
      for (k = 1; k <= n; ++k) printf "%d %d %.4f %.4f %.4f\n", k, t[k], x[k], y[k], z[k]
    }
  }' > "$1"
}

caps_dump_config() {
  printf 'metal_types: [2]\noxygen_types: [1]\nsupport_types: [1]\nbond_cutoff: 2.6\nparticle_cutoff: 3.0\n' > "$1"
  printf 'min_size: 5\natomic_volume: 10.94\ntimestep: 0.001\noutput: %s\n' "$2" >> "$1"
}
