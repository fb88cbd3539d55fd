#!/usr/bin/env bash
# exsolve-analyze segregation on a hand-built dump with known profiles (the oracle: how it
# was built, below): a TiO2-terminated SrTiO3(001) slab of 4 x 4 cells, B planes at 0.5,
# 1.5 and 2.5 a (layers 4, 2, 0 below the top), with 2 Ni2+ in the top plane and 1 two
# planes down, oxygen vacancies 3 in the top plane, 1 in the SrO plane below it and 2 in
# the next TiO2 plane, one Ni(0) on an A site of layer 3, and above the surface a 13-atom
# Ni(0) cuboctahedron and 2 Ni(0) adatoms. Frame 2: one more top-plane vacancy and one
# adatom moved onto the particle (14 atoms). Plus: a missing key is named.
# report runs it too when the configuration allows (the same tables, a plot).
# Usage: segregation.sh <exsolve-analyze> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$1 work=$2
fresh_workdir "$work"
python3 - <<'PY' || fail "could not build the dump"
a = 3.905
frames = []
for frame in range(2):
    atoms = []  # (type, x, y, z)
    vacant = {(0.0 + 0.5 * a, 0.0, 2.5 * a), (a, 1.5 * a, 2.5 * a), (2.5 * a, 2 * a, 2.5 * a),  # top plane
              (0.5 * a, 0.5 * a, 2.0 * a),                                                  # SrO below it
              (2 * a, 2.5 * a, 1.5 * a), (3.5 * a, 3 * a, 1.5 * a)}                        # next TiO2 plane
    if frame == 1:
        vacant.add((3.5 * a, 0.0, 2.5 * a))
    dopants = {(0.5 * a, 0.5 * a, 2.5 * a), (2.5 * a, 2.5 * a, 2.5 * a), (1.5 * a, 1.5 * a, 1.5 * a)}
    for i in range(4):
        for j in range(4):
            for k in range(3):
                zb = (k + 0.5) * a  # TiO2 plane
                za = k * a          # SrO plane below it
                b = ((i + 0.5) * a, (j + 0.5) * a, zb)
                atoms.append((4 if b in dopants else 2,) + b)
                for o in ((i * a, (j + 0.5) * a, zb), ((i + 0.5) * a, j * a, zb), ((i + 0.5) * a, (j + 0.5) * a, za)):
                    if o not in vacant:
                        atoms.append((3,) + o)
                sr = (i * a, j * a, za)
                atoms.append((5 if (i, j, k) == (1, 1, 1) else 1,) + sr)  # one Ni(0) on an A site, layer 3
            # the SrO plane above the top TiO2 plane is absent (TiO2 termination)
    top = 2.5 * a
    # A 13-atom cuboctahedron (fcc Ni, nearest neighbours 2.489 A) 5 A above the top plane.
    c = (4.0, 4.0, top + 5.0)
    d = 3.52 / 2
    shell = [(0, 0, 0)] + [(sx * d, sy * d, 0) for sx in (-1, 1) for sy in (-1, 1)] + \
            [(sx * d, 0, sz * d) for sx in (-1, 1) for sz in (-1, 1)] + [(0, sy * d, sz * d) for sy in (-1, 1) for sz in (-1, 1)]
    for s in shell:
        atoms.append((5, c[0] + s[0], c[1] + s[1], c[2] + s[2]))
    atoms.append((5, 12.0, 12.0, top + 2.0))  # adatom, far from everything
    atoms.append((5, 12.0, 4.0, top + 2.0) if frame == 0 else (5, c[0], c[1], c[2] + 2.489))  # joins the particle
    lines = ["ITEM: TIMESTEP", str(100 * frame), "ITEM: NUMBER OF ATOMS", str(len(atoms)),
             "ITEM: BOX BOUNDS pp pp pp", f"0 {4 * a}", f"0 {4 * a}", "-5 40", "ITEM: ATOMS id type x y z"]
    lines += [f"{n + 1} {t} {x:.6f} {y:.6f} {z:.6f}" for n, (t, x, y, z) in enumerate(atoms)]
    frames.append("\n".join(lines) + "\n")
open("slab.dump", "w").write("".join(frames))
PY
cat > segregation.yaml <<'YAML'
metal_types: [5]
oxygen_types: [3]
dopant_types: [4]
site_types: [2, 4]
lattice_spacing: 3.905
particle_cutoff: 3.0
min_size: 10
atomic_volume: 10.9
output: segregation-out
YAML
"$analyze" segregation -c segregation.yaml slab.dump || fail "exsolve-analyze segregation failed"
cat segregation-out/segregation.csv segregation-out/segregation_frames.csv
# Per layer (frame 0, then 1): dopants, lattice metal, oxygen sites (32 per TiO2 plane, 16 per
# SrO plane between two B planes), vacancies.
python3 - segregation-out/segregation.csv segregation-out/segregation_frames.csv <<'PY' || fail "profiles differ from the built slab (above)"
import csv, sys
layers = list(csv.DictReader(open(sys.argv[1])))
frames = list(csv.DictReader(open(sys.argv[2])))
want = {0: [(2, 0, 32, 3), (0, 0, 16, 1), (1, 0, 32, 2), (0, 1, 16, 0), (0, 0, 32, 0)],
        1: [(2, 0, 32, 4), (0, 0, 16, 1), (1, 0, 32, 2), (0, 1, 16, 0), (0, 0, 32, 0)]}
ok = len(layers) == 10
for row in layers:
    f, k = int(row["frame"]), int(row["layer"])
    got = (int(row["dopants"]), int(row["metal_lattice"]), int(row["oxygen_sites"]), int(row["oxygen_vacancies"]))
    good = got == want[f][k] and abs(float(row["depth_A"]) - k * 3.905 / 2) < 1e-9
    ok = ok and good
    if not good:
        print(f"frame {f} layer {k}: {got}, expected {want[f][k]}")
want_frames = [dict(dopants=3, metal_lattice=1, metal_adatoms=2, metal_in_particles=13, particles=1,
                    largest_particle_atoms=13, oxygen_sites=128, oxygen_vacancies=6),
               dict(dopants=3, metal_lattice=1, metal_adatoms=1, metal_in_particles=14, particles=1,
                    largest_particle_atoms=14, oxygen_sites=128, oxygen_vacancies=7)]
for f, row in enumerate(frames):
    for key, value in want_frames[f].items():
        if int(row[key]) != value:
            ok = False
            print(f"frame {f}: {key} {row[key]}, expected {value}")
    if abs(float(row["top_A"]) - 2.5 * 3.905) > 1e-6:
        ok = False
        print(f"frame {f}: top {row['top_A']}, expected {2.5 * 3.905}")
sys.exit(0 if ok else 1)
PY
[ -s segregation-out/segregation.json ] || fail "segregation.json missing"
grep -v lattice_spacing segregation.yaml > incomplete.yaml
if "$analyze" segregation -c incomplete.yaml -o incomplete-out slab.dump 2>err.txt; then fail "ran without lattice_spacing"; fi
grep -q "key 'lattice_spacing': missing (required by segregation)" err.txt || { cat err.txt; fail "no clear message for a missing key"; }
[ ! -e incomplete-out ] || fail "a failed run left its output directory behind"
# report with the same configuration runs segregation too: the same tables, and its plot.
"$analyze" report -c segregation.yaml -o report-out slab.dump > report.txt 2>&1 || { cat report.txt; fail "report failed"; }
for table in segregation.csv segregation_frames.csv; do
  cmp -s "segregation-out/$table" "report-out/$table" || fail "report's $table differs from the subcommand's"
done
grep -A2 "<figure id='segregation'>" report-out/report.html | grep -q "<svg" || fail "report.html does not draw segregation"
# Without site_types (a configuration for caps on a support) report leaves segregation out.
grep -v site_types segregation.yaml > no_sites.yaml
"$analyze" report -c no_sites.yaml -o no-sites-out slab.dump > no_sites.txt 2>&1 || { cat no_sites.txt; fail "report failed"; }
[ ! -e no-sites-out/segregation.csv ] || fail "report ran segregation without site_types"
pass
