"""exsolve against freud on the analysis test dumps, frame by frame (usage: agreement_freud.py
<dump directory>): the particles as sets of atoms equal freud.cluster.Cluster's, per-atom M-O
bond counts equal the neighbours freud's AABBQuery finds within the same per-pair cutoffs,
and the particles' centres (the census's, and the tracker's unwrapped centres folded back)
equal the centre of mass of the cluster made whole through freud's neighbour list and box
(freud.cluster.ClusterProperties' centres are reported beside them, not checked: they are a
circular mean, see print_centre_report). Exit status 1 on any disagreement."""

import sys

import freud
import numpy as np

import exsolve
from dumps import Checks, cases, cell_matrix, cutoffs, frames, partition

# Å: freud stores positions in single precision (about 4e-6 Å at 60 Å), exsolve in double.
TOLERANCE = 1e-4
TOLERANCE_FREUD_FLOAT32 = TOLERANCE


def freud_system(box, positions):
    """freud's box (centred on the origin, same cell and periodicity) and the positions in it."""
    matrix = cell_matrix(box)
    fbox = freud.box.Box.from_matrix(matrix)
    fbox.periodic = box.periodic
    shift = np.array(box.lo) + matrix.sum(axis=1) / 2
    return fbox, fbox.wrap(positions - shift), shift


def unwrapped_by_steps(fbox, members, cutoff):
    """The cluster's positions made whole by walking its bonds (r < cutoff) from the first atom:
    exact for clusters wider than half the box too, where one minimum image from one atom is not."""
    fbox = periodic_for_pairs(fbox, members, cutoff)
    pairs = freud.locality.AABBQuery(fbox, members).query(members, {"r_max": cutoff, "exclude_ii": True})
    neighbours = {}
    for i, j in pairs.toNeighborList()[:]:
        neighbours.setdefault(i, []).append(j)
    placed = {0: members[0]}
    frontier = [0]
    while frontier:
        i = frontier.pop()
        for j in neighbours.get(i, []):
            if j not in placed:
                placed[j] = placed[i] + fbox.wrap((members[j] - members[i])[None, :])[0]
                frontier.append(j)
    if len(placed) != len(members):
        sys.exit("freud: a cluster is not connected by its own neighbour list")
    return np.array([placed[i] for i in range(len(members))])


def compare_particles(checks, report, case, frame, metal, fbox, points, shift, tracked):
    ids = frame.ids[metal]
    clusters = freud.cluster.Cluster()
    clusters.compute((fbox, points[metal]), neighbors={"r_max": case.particle_cutoff})
    labels = exsolve.cluster_labels(frame.positions, frame.ids, frame.box, case.particle_cutoff, metal)
    ours = partition(frame.ids, labels)
    theirs = partition(ids, clusters.cluster_idx + 1)
    checks.check("particles as sets of atoms", ours == theirs,
                 f"{case.path} step {frame.timestep}: {len(ours)} particles, freud {len(theirs)}; "
                 f"{len(ours - theirs)} of ours not in freud's")

    properties = freud.cluster.ClusterProperties()
    properties.compute((fbox, points[metal]), clusters.cluster_idx)
    census = exsolve.census(frame.positions, frame.ids, frame.box, case.particle_cutoff, metal)
    centre_of_label = dict(zip(census["particles"]["label"].tolist(),
                               np.column_stack([census["particles"][k] for k in "xyz"])))
    unwrapped_of_id = dict(zip(tracked["particles"]["id"].tolist(),
                               np.column_stack([tracked["particles"][k] for k in "xyz"])))
    id_of_label = dict(zip(labels[metal].tolist(), tracked["particle_of_atom"][metal].tolist()))
    for c in range(clusters.num_clusters):
        members = points[metal][clusters.cluster_idx == c]
        label = int(ids[clusters.cluster_idx == c].min())
        # The centre of mass of the cluster made whole: each atom placed at the minimum image
        # of its step from a neighbour already placed (freud's neighbour list and box.wrap).
        documented = unwrapped_by_steps(fbox, members, case.particle_cutoff).mean(axis=0)
        for what, ours_centre in (("census centres", centre_of_label[label]),
                                  ("tracker unwrapped centres", unwrapped_of_id[id_of_label[label]])):
            # A whole number of cell vectors apart along the periodic axes, nothing along the others.
            gap = np.linalg.norm(fbox.wrap((ours_centre - shift - documented)[None, :])[0])
            checks.check(what, gap < TOLERANCE,
                         f"{case.path} step {frame.timestep} particle {label} ({len(members)} atoms): "
                         f"exsolve {np.round(ours_centre - shift, 6)}, mean of freud's minimum images "
                         f"{np.round(documented, 6)} (freud box coordinates), {gap:.3g} Å apart")
        freud_gap = np.linalg.norm(fbox.wrap((centre_of_label[label] - shift - properties.centers[c])[None, :])[0])
        report.append((case.path, frame.timestep, label, len(members), freud_gap))


def periodic_for_pairs(fbox, points, cutoff):
    """freud has no pair queries in a box with a non-periodic axis ("not implemented"). Made
    periodic there, it finds the same pairs as long as no two atoms are within `cutoff` across
    that axis' faces, which is checked here (the caps sit far from the z faces)."""
    periodic_box = freud.box.Box.from_matrix(fbox.to_matrix())
    for axis in range(3):
        if fbox.periodic[axis]:
            continue
        low, high = points[:, axis].min(), points[:, axis].max()
        width = fbox.to_matrix()[axis, axis]
        if width - (high - low) < cutoff:
            sys.exit(f"freud: atoms within {cutoff} Å across the non-periodic axis {axis}: cannot count with freud")
    return periodic_box


def compare_bonds(checks, case, frame, metal, fbox, points):
    oxygen = np.isin(frame.types, case.oxygen_types)
    table = cutoffs(case)
    query = freud.locality.AABBQuery(periodic_for_pairs(fbox, points, table.max_cutoff), points[oxygen])
    pairs = query.query(points[metal], {"r_max": table.max_cutoff, "exclude_ii": False}).toNeighborList()
    metal_types = frame.types[metal][pairs.query_point_indices]
    oxygen_types = frame.types[oxygen][pairs.point_indices]
    pair_cutoff = np.array([table.cutoff(int(i), int(j)) for i, j in zip(metal_types, oxygen_types)])
    bonded = pairs.distances < pair_cutoff
    theirs = np.bincount(pairs.query_point_indices[bonded], minlength=int(metal.sum()))
    ours = exsolve.bond_counts(frame.positions, frame.types, frame.box, table, case.metal_types, case.oxygen_types)
    differ = np.flatnonzero(ours[metal] != theirs)
    checks.check("M-O bonds per metal atom", differ.size == 0,
                 f"{case.path} step {frame.timestep}: {differ.size} atoms differ, e.g. atom "
                 f"{frame.ids[metal][differ[:1]]}: exsolve {ours[metal][differ[:1]]}, freud {theirs[differ[:1]]}")


def print_centre_report(report):
    """What freud's ClusterProperties.centers give instead (not a check: freud averages the
    angles 2 pi s of the fractional coordinates, Bai and Breen's circular mean, on every axis
    including a non-periodic one, and in single precision; its documentation describes the
    mean of minimum images)."""
    gaps = np.array([row[-1] for row in report])
    far = gaps >= TOLERANCE_FREUD_FLOAT32
    print(f"freud ClusterProperties.centers: {len(gaps) - far.sum()} of {len(gaps)} centres within "
          f"{TOLERANCE_FREUD_FLOAT32} Å of exsolve's, the largest gap {gaps.max():.3g} Å")
    for dump, step, label, atoms, gap in (row for row, f in zip(report, far) if f):
        print(f"  {dump} step {step} particle {label} ({atoms} atoms): {gap:.3g} Å")


def main(directory):
    checks = Checks("freud")
    report = []  # (dump, step, particle, atoms, |exsolve - ClusterProperties.centers|)
    for case in cases(directory):
        tracker = exsolve.Tracker(case.particle_cutoff)
        for frame in frames(case):
            metal = np.isin(frame.types, case.metal_types)
            tracked = tracker.add_frame(frame.timestep, frame.positions, frame.ids, frame.box, metal)
            fbox, points, shift = freud_system(frame.box, frame.positions)
            compare_particles(checks, report, case, frame, metal, fbox, points, shift, tracked)
            if case.oxygen_types:
                compare_bonds(checks, case, frame, metal, fbox, points)
    print_centre_report(report)
    checks.finish()


if __name__ == "__main__":
    main(sys.argv[1])
