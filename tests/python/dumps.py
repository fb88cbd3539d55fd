"""What the agreement tests share: the analysis test dumps (written by peers.sh with LAMMPS),
their settings, and exsolve's answers frame by frame through the Python module."""

import sys
from dataclasses import dataclass, field

import numpy as np

import exsolve


@dataclass
class DumpCase:
    """A dump of tests/analysis and the settings its exsolve-analyze configuration uses."""

    path: str
    metal_types: list
    oxygen_types: list
    particle_cutoff: float
    # (itypes, jtypes, Å) after the global cutoff, as exsolve.PairCutoffs takes them.
    bond_cutoff: float
    bond_pairs: list = field(default_factory=list)
    n_types: int = 2


def cases(directory):
    """The dumps peers.sh wrote into `directory`: tilted cell with particles across the slanted
    faces (p p f), orthogonal with a merge and a split (p p p), per-pair cutoffs, and .gz."""
    return [
        DumpCase(f"{directory}/tilted.dump", [2], [1], 3.0, 2.6),
        # analysis.yaml: Ni only (metal type 1), so no bonds.
        DumpCase(f"{directory}/particles.dump.gz", [1], [], 2.9, 2.6, n_types=1),
        # bonds_pair_cutoffs.yaml: bond_cutoffs ["2.6", "3* 2 2.2", "4 *1 2.9"].
        DumpCase(f"{directory}/bonds.dump", [3, 4], [1, 2], 3.0, 2.6, [("3*", "2", 2.2), ("4", "*1", 2.9)], 4),
    ]


def frames(case):
    yield from exsolve.DumpReader(case.path)


def cutoffs(case):
    return exsolve.PairCutoffs(case.n_types, case.bond_cutoff, case.bond_pairs)


def partition(atom_ids, labels):
    """The clusters as a set of frozensets of atom IDs (labels 0: in none)."""
    groups = {}
    for atom, label in zip(atom_ids.tolist(), labels.tolist()):
        if label != 0:
            groups.setdefault(label, set()).add(atom)
    return {frozenset(g) for g in groups.values()}


def cell_matrix(box):
    """Cell vectors a, b, c as the columns of a 3x3 array."""
    return np.array(box.matrix(), dtype=float).T


class Checks:
    """Counts the comparisons and the disagreements; prints the first few of each kind."""

    def __init__(self, peer):
        self.peer = peer
        self.compared = {}
        self.failed = {}

    def check(self, what, ok, detail):
        self.compared[what] = self.compared.get(what, 0) + 1
        if not ok:
            self.failed[what] = self.failed.get(what, 0) + 1
            if self.failed[what] <= 3:
                print(f"DISAGREE {self.peer} {what}: {detail}")

    def finish(self):
        for what, n in sorted(self.compared.items()):
            print(f"{self.peer} {what}: {n} compared, {self.failed.get(what, 0)} disagree")
        if not self.compared:
            print(f"{self.peer}: nothing was compared")
            sys.exit(1)
        sys.exit(1 if self.failed else 0)
