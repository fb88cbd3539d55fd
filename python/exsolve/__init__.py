"""exsolve's analysis in Python: the C++ core that the LAMMPS plugin and exsolve-analyze run.

Read a LAMMPS dump frame by frame (:class:`DumpReader`), label particles
(:func:`cluster_labels`, :func:`census`), count metal-oxygen bonds (:class:`PairCutoffs`,
:func:`bond_counts`, :func:`particle_bonds`), measure socket depths (:func:`socket_depths`)
and follow particles with persistent IDs (:class:`Tracker`). Arrays in and out are numpy;
tables are dicts of 1-D arrays (``pandas.DataFrame(table)``).
"""

import numpy as _np

from ._exsolve import (
    Box,
    DumpError,
    DumpReader,
    Frame,
    PairCutoffs,
    Tracker,
    TruncatedFrame,
    bond_counts,
    census,
    cluster_labels,
    particle_bonds,
    socket_depths,
)

__all__ = [
    "Box",
    "DumpError",
    "DumpReader",
    "Frame",
    "PairCutoffs",
    "Tracker",
    "TruncatedFrame",
    "bond_counts",
    "census",
    "cluster_labels",
    "of_types",
    "particle_bonds",
    "socket_depths",
]


def of_types(types, wanted):
    """Per atom, True where its type is one of `wanted` (the `selected` argument of the labelling)."""
    return _np.isin(_np.asarray(types), _np.asarray(list(wanted)))
