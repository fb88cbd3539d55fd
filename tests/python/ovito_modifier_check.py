"""exsolve's OVITO modifier in an OVITO pipeline on the tilted test dump (usage:
ovito_modifier_check.py <dump directory>), against what LAMMPS wrote into the same dump: per
atom and frame, "Exsolve Particle" equals fix nanoparticle/track's particle ID (f_track,
cutoff 3.0, min_size 5) and "Exsolve Bonds" equals compute coord/atom's M-O count (c_co,
cutoff 2.6); the "exsolve-particles" table counts each particle's atoms, and its socket
columns (support_types: the oxygen net, type 1) are those of the module's socket_depths on the
same frame with the same particle IDs. Frames are asked for out of order, as OVITO's GUI does,
and must give the same IDs. Exit status 1 on any disagreement."""

import sys

import numpy as np
from ovito.io import import_file

import exsolve
from dumps import Checks
from exsolve.ovito_modifier import SOCKET_COLUMNS, ExsolveModifier, box_of


def main(directory):
    checks = Checks("OVITO modifier")
    pipeline = import_file(f"{directory}/tilted.dump")
    pipeline.modifiers.append(ExsolveModifier(cutoff=3.0, min_size=5, metal_types=[2], oxygen_types=[1],
                                              bond_cutoff=2.6, support_types=[1]))
    frames = pipeline.source.num_frames
    for frame in [frames - 1, 0, 2, 1, frames - 1]:
        data = pipeline.compute(frame)
        where = f"frame {frame}"
        particle = np.asarray(data.particles["Exsolve Particle"])
        fix_ids = np.asarray(data.particles["f_track"]).astype(np.int64)
        checks.check("particle IDs = fix nanoparticle/track's", np.array_equal(particle, fix_ids),
                     f"{where}: {np.count_nonzero(particle != fix_ids)} atoms differ")
        metal = np.asarray(data.particles.particle_types) == 2
        bonds = np.asarray(data.particles["Exsolve Bonds"])
        coord = np.asarray(data.particles["c_co"]).astype(np.int64)
        checks.check("bonds = compute coord/atom's", np.array_equal(bonds[metal], coord[metal]),
                     f"{where}: {np.count_nonzero(bonds[metal] != coord[metal])} metal atoms differ")
        table = data.tables["exsolve-particles"]
        atoms_of = dict(zip(np.asarray(table["Particle"]).tolist(), np.asarray(table["Atoms"]).tolist()))
        counted = {int(p): int(n) for p, n in zip(*np.unique(particle[particle != 0], return_counts=True))}
        checks.check("table atoms", atoms_of == counted, f"{where}: table {atoms_of}, atoms {counted}")
        positions = np.ascontiguousarray(data.particles.positions, dtype=np.float64)
        support = np.asarray(data.particles.particle_types) == 1
        sockets = exsolve.socket_depths(positions, support, particle, box_of(data))["particles"]
        for column in SOCKET_COLUMNS:
            mine = dict(zip(np.asarray(table["Particle"]).tolist(), np.asarray(table[column]).tolist()))
            module = dict(zip(sockets["particle"].tolist(), sockets[column].tolist()))
            checks.check(f"table {column} = socket_depths'", mine == module and len(mine) == 2,
                         f"{where}: table {mine}, socket_depths {module}")
    checks.finish()


if __name__ == "__main__":
    main(sys.argv[1])
