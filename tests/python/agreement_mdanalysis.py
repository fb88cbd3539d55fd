"""exsolve against MDAnalysis on the analysis test dumps (usage: agreement_mdanalysis.py <dump
directory>). MDAnalysis reads each dump with its own reader (.gz too); per frame, the atoms'
positions equal exsolve's reader's (less the cell's origin, which MDAnalysis moves to 0), the particles as sets of atoms equal the
connected components of the metal-metal pairs MDAnalysis's capped_distance finds within the
cutoff, and per-atom M-O bond counts equal its metal-oxygen pairs within the per-pair cutoffs.
MDAnalysis has no cluster analysis of its own (its aggregation request, issue 2789, is open).
Exit status 1 on any disagreement."""

import sys
import warnings

import MDAnalysis as mda
import numpy as np
from MDAnalysis.lib.distances import capped_distance
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

import exsolve
from dumps import Checks, cases, cutoffs, frames, partition

# Å: MDAnalysis keeps positions in single precision.
TOLERANCE = 1e-4


def require_no_pairs_across_open_faces(frame, cutoff):
    """MDAnalysis boxes are periodic on every axis: along a non-periodic one the pairs are the
    same only when no two atoms are within the cutoff across its faces, which is checked."""
    box = frame.box
    for axis in range(3):
        extent = np.ptp(frame.positions[:, axis])
        if not box.periodic[axis] and box.hi[axis] - box.lo[axis] - extent < cutoff:
            sys.exit(f"MDAnalysis: atoms within {cutoff} Å across the faces of the non-periodic axis {axis}")


def pairs_within(positions_a, positions_b, cutoff, dimensions):
    return capped_distance(positions_a, positions_b, cutoff, box=dimensions, return_distances=True)


def compare_frame(checks, case, frame, ts, universe):
    where = f"{case.path} step {frame.timestep}"
    order = np.argsort(frame.ids)
    ids = universe.atoms.ids
    checks.check("atom IDs read", np.array_equal(np.sort(frame.ids), np.sort(ids)), f"{where}: the atoms differ")
    at = order[np.searchsorted(frame.ids, ids, sorter=order)]  # our row of each MDAnalysis atom
    # MDAnalysis moves the cell's origin (LAMMPS boxlo) to (0, 0, 0).
    gap = np.abs(frame.positions[at] - np.array(frame.box.lo) - ts.positions).max()
    checks.check("positions read", gap < TOLERANCE, f"{where}: positions differ by up to {gap:.3g} Å")
    require_no_pairs_across_open_faces(frame, max(case.particle_cutoff, cutoffs(case).max_cutoff))
    positions = frame.positions[at].astype(np.float32)
    types = frame.types[at]
    metal = np.flatnonzero(np.isin(types, case.metal_types))

    pairs, _ = pairs_within(positions[metal], positions[metal], case.particle_cutoff, ts.dimensions)
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(len(metal), len(metal)))
    _, component = connected_components(graph, directed=False)
    labels = exsolve.cluster_labels(frame.positions, frame.ids, frame.box, case.particle_cutoff,
                                    np.isin(frame.types, case.metal_types))
    ours, theirs = partition(frame.ids, labels), partition(ids[metal], component + 1)
    checks.check("particles as sets of atoms", ours == theirs,
                 f"{where}: {len(ours)} particles, MDAnalysis {len(theirs)}")

    if case.oxygen_types:
        table = cutoffs(case)
        oxygen = np.flatnonzero(np.isin(types, case.oxygen_types))
        pairs, distances = pairs_within(positions[metal], positions[oxygen], table.max_cutoff, ts.dimensions)
        pair_cutoff = np.array([table.cutoff(int(types[metal[i]]), int(types[oxygen[j]])) for i, j in pairs])
        theirs = np.bincount(pairs[distances < pair_cutoff, 0], minlength=len(metal))
        counts = exsolve.bond_counts(frame.positions, frame.types, frame.box, table, case.metal_types,
                                     case.oxygen_types)[at][metal]
        differ = np.flatnonzero(counts != theirs)
        checks.check("M-O bonds per metal atom", differ.size == 0,
                     f"{where}: {differ.size} metal atoms differ, e.g. atom {ids[metal][differ[:1]]}: exsolve "
                     f"{counts[differ[:1]]}, MDAnalysis {theirs[differ[:1]]}")


def main(directory):
    # "Guessed all Masses to 1.0", "no dt information": nothing here uses either.
    warnings.filterwarnings("ignore", module="MDAnalysis")
    checks = Checks("MDAnalysis")
    for case in cases(directory):
        universe = mda.Universe(case.path, format="LAMMPSDUMP")
        ours = list(frames(case))
        checks.check("frame count", len(ours) == len(universe.trajectory),
                     f"{case.path}: exsolve reads {len(ours)} frames, MDAnalysis {len(universe.trajectory)}")
        for frame, ts in zip(ours, universe.trajectory):
            compare_frame(checks, case, frame, ts, universe)
    checks.finish()


if __name__ == "__main__":
    main(sys.argv[1])
