"""exsolve against OVITO on the analysis test dumps, frame by frame (usage: agreement_ovito.py
<dump directory>). OVITO reads each dump with its own reader; per frame, the particles as sets
of atoms equal ClusterAnalysisModifier's clusters of the metal atoms, their centres and radii of
gyration equal its centres of mass and radii of gyration (clusters made whole), and per-atom M-O bond counts equal the bonds
CreateBondsModifier makes with the same per-pair cutoffs. Exit status 1 on any disagreement."""

import sys

import numpy as np
from ovito.io import import_file
from ovito.modifiers import ClusterAnalysisModifier, CreateBondsModifier, SelectTypeModifier

import exsolve
from dumps import Checks, cases, cutoffs, frames, partition

TOLERANCE = 1e-6  # Å: both sides average the same doubles in another order


def ovito_pipeline(case):
    pipeline = import_file(case.path)
    pipeline.modifiers.append(SelectTypeModifier(property="Particle Type", types=set(case.metal_types)))
    pipeline.modifiers.append(ClusterAnalysisModifier(cutoff=case.particle_cutoff, only_selected=True,
                                                      compute_com=True, compute_gyration=True, sort_by_size=False))
    if case.oxygen_types:
        table = cutoffs(case)
        bonds = CreateBondsModifier(mode=CreateBondsModifier.Mode.Pairwise)
        for metal in case.metal_types:
            for oxygen in case.oxygen_types:
                bonds.set_pairwise_cutoff(metal, oxygen, table.cutoff(metal, oxygen))
        pipeline.modifiers.append(bonds)
    return pipeline


def minimum_image_gap(box, a, b):
    """|b - a| folded to the nearest image along the periodic cell vectors."""
    cell = np.array(box.matrix(), dtype=float).T
    s = np.linalg.solve(cell, np.asarray(b) - np.asarray(a))
    for axis in range(3):
        if box.periodic[axis]:
            s[axis] -= np.round(s[axis])
    return float(np.linalg.norm(cell @ s))


def compare_frame(checks, case, frame, data):
    where = f"{case.path} step {frame.timestep}"
    ids = np.asarray(data.particles["Particle Identifier"], dtype=np.int64)
    order = np.argsort(frame.ids)
    at = order[np.searchsorted(frame.ids, ids, sorter=order)]  # our row of each OVITO atom
    checks.check("positions read", np.array_equal(frame.positions[at], np.asarray(data.particles.positions)),
                 f"{where}: OVITO's reader and exsolve's differ")
    metal = np.isin(frame.types, case.metal_types)
    labels = exsolve.cluster_labels(frame.positions, frame.ids, frame.box, case.particle_cutoff, metal)
    ovito_cluster = np.asarray(data.particles["Cluster"])  # 0-based since OVITO 3.17; -1: in none
    ours, theirs = partition(frame.ids, labels), partition(ids, ovito_cluster + 1)
    checks.check("particles as sets of atoms", ours == theirs,
                 f"{where}: {len(ours)} particles, OVITO {len(theirs)}; {len(ours - theirs)} of ours not in OVITO's")

    census = exsolve.census(frame.positions, frame.ids, frame.box, case.particle_cutoff, metal)
    centre_of = {label: np.array([census["particles"][k][n] for k in "xyz"])
                 for n, label in enumerate(census["particles"]["label"].tolist())}
    particles = census["particles"]
    rg_of = dict(zip(particles["label"].tolist(), particles["radius_of_gyration"].tolist()))
    clusters = data.particle_systems["clusters"]  # one per cluster, at its centre of mass
    for cluster, (centre, rg) in enumerate(zip(clusters.positions, clusters["Radius of Gyration"])):
        label = int(ids[ovito_cluster == cluster].min())
        gap = minimum_image_gap(frame.box, centre_of[label], centre)
        checks.check("centres of mass", gap < TOLERANCE,
                     f"{where} particle {label}: exsolve {centre_of[label]}, OVITO {np.asarray(centre)}, {gap:.3g} Å")
        checks.check("radii of gyration", abs(rg_of[label] - rg) < TOLERANCE,
                     f"{where} particle {label}: exsolve {rg_of[label]}, OVITO {rg}")

    if case.oxygen_types:
        counts = exsolve.bond_counts(frame.positions, frame.types, frame.box, cutoffs(case), case.metal_types,
                                     case.oxygen_types)
        topology = np.asarray(data.particles.bonds.topology)
        ovito_counts = np.bincount(topology.ravel(), minlength=len(ids))  # OVITO's atom order
        differ = np.flatnonzero(counts[at][metal[at]] != ovito_counts[metal[at]])
        checks.check("M-O bonds per metal atom", differ.size == 0,
                     f"{where}: {differ.size} metal atoms differ, e.g. atom {ids[metal[at]][differ[:1]]}: "
                     f"exsolve {counts[at][metal[at]][differ[:1]]}, OVITO {ovito_counts[metal[at]][differ[:1]]}")


def main(directory):
    checks = Checks("OVITO")
    for case in cases(directory):
        pipeline = ovito_pipeline(case)
        ours = list(frames(case))
        checks.check("frame count", len(ours) == pipeline.source.num_frames,
                     f"{case.path}: exsolve reads {len(ours)} frames, OVITO {pipeline.source.num_frames}")
        for index, frame in enumerate(ours):
            compare_frame(checks, case, frame, pipeline.compute(index))
    checks.finish()


if __name__ == "__main__":
    main(sys.argv[1])
