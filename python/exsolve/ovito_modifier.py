"""An OVITO pipeline modifier that runs exsolve on every frame: persistent particle IDs (the
tracker of fix nanoparticle/track and exsolve-analyze track), M-O bond counts and the
per-particle table.

    from ovito.io import import_file
    from exsolve.ovito_modifier import ExsolveModifier
    pipeline = import_file("run.dump")
    pipeline.modifiers.append(ExsolveModifier(cutoff=3.0, metal_types=[2], oxygen_types=[1], bond_cutoff=2.6))
    data = pipeline.compute(10)
    data.particles["Exsolve Particle"]; data.particles["Exsolve Bonds"]; data.tables["exsolve-particles"]

OVITO's cluster IDs depend on the storage order of each frame; these do not. The IDs of frame
f depend on frames 0..f, so the modifier tracks through the upstream frames in order the
first time a frame is asked for, and remembers the per-atom IDs of every frame it tracked.
"""

import numpy as np
from ovito.data import DataCollection, DataTable
from ovito.pipeline import ModifierInterface
from traits.api import Float, Int, List

from . import Box, PairCutoffs, Tracker, bond_counts, particle_bonds

PARTICLE_PROPERTY = "Exsolve Particle"
BONDS_PROPERTY = "Exsolve Bonds"
TABLE = "exsolve-particles"


def box_of(data: DataCollection) -> Box:
    """The exsolve Box of an OVITO cell in LAMMPS's restricted triclinic form (a along x, b in xy)."""
    cell = np.asarray(data.cell)
    a, b, c, origin = cell[:, 0], cell[:, 1], cell[:, 2], cell[:, 3]
    if a[1] != 0.0 or a[2] != 0.0 or b[2] != 0.0:
        raise ValueError("cell: exsolve needs LAMMPS's cell form, a = (lx, 0, 0) and b = (xy, ly, 0); got "
                         f"a = {tuple(a)}, b = {tuple(b)}")
    lengths = (a[0], b[1], c[2])
    return Box(tuple(origin), tuple(origin + lengths), tilt=(b[0], c[0], c[1]), periodic=tuple(bool(p) for p in data.cell.pbc))


class ExsolveModifier(ModifierInterface):
    """Adds per-atom properties "Exsolve Particle" (persistent particle ID, 0: free or not metal)
    and "Exsolve Bonds" (oxygen partners of each metal atom within bond_cutoff), and the
    data table "exsolve-particles" (ID, atoms, unwrapped centre, radius of gyration, bonds)."""

    cutoff = Float(3.0, label="Particle cutoff (Å)")
    min_size = Int(1, label="Smallest particle (atoms)")
    metal_types = List(Int, label="Metal types")
    oxygen_types = List(Int, label="Oxygen types")
    bond_cutoff = Float(2.6, label="M-O bond cutoff (Å)")

    def __init__(self, **traits):
        super().__init__(**traits)
        self._forget()
        self.observe(lambda _event: self._forget(), ["cutoff", "min_size", "metal_types", "oxygen_types", "bond_cutoff"])

    def _forget(self):
        self._tracker = None
        self._particle_ids = {}  # frame -> (atom IDs, particle IDs)
        self._tables = {}  # frame -> particles table of the tracker

    def modify(self, data: DataCollection, *, frame: int, input_slots, **kwargs):
        if not self.metal_types:
            raise ValueError("metal_types: name at least one metal atom type")
        if frame not in self._particle_ids:
            self._track_up_to(frame, data, input_slots["upstream"])
        ids, particles = self._particle_ids[frame]
        atom_ids = np.ascontiguousarray(data.particles["Particle Identifier"], dtype=np.int64)
        order = np.argsort(ids)
        where = order[np.searchsorted(ids, atom_ids, sorter=order)]
        particle_of_atom = particles[where]
        data.particles_.create_property(PARTICLE_PROPERTY, data=particle_of_atom)
        table = dict(self._tables[frame])
        if self.oxygen_types:
            bonds = self._bonds(data)
            data.particles_.create_property(BONDS_PROPERTY, data=bonds)
            by_particle = particle_bonds(particle_of_atom, bonds)
            bonds_of = dict(zip(by_particle["particle"], by_particle["bonds"]))
            table["bonds"] = np.array([bonds_of.get(p, 0) for p in table["id"]], dtype=np.int64)
        self._write_table(data, table)

    def _track_up_to(self, frame, data, upstream):
        """Feeds the tracker every frame after the last one it saw, up to `frame` (from 0 again
        when asked for an earlier frame than it has seen and does not remember)."""
        last = max(self._particle_ids) if self._particle_ids else -1
        if self._tracker is None or frame < last:
            self._forget()
            self._tracker = Tracker(self.cutoff, self.min_size)
            last = -1
        for f in range(last + 1, frame + 1):
            self._track(f, data if f == frame else upstream.compute(f))

    def _track(self, frame, data):
        positions = np.ascontiguousarray(data.particles.positions, dtype=np.float64)
        atom_ids = np.ascontiguousarray(data.particles["Particle Identifier"], dtype=np.int64)
        types = np.asarray(data.particles.particle_types)
        selected = np.isin(types, self.metal_types)
        step = int(data.attributes.get("Timestep", frame))
        tracked = self._tracker.add_frame(step, positions, atom_ids, box_of(data), selected)
        self._particle_ids[frame] = (atom_ids, tracked["particle_of_atom"])
        self._tables[frame] = tracked["particles"]

    def _bonds(self, data):
        types = np.ascontiguousarray(data.particles.particle_types, dtype=np.int32)
        n_types = int(max(types.max(initial=0), max(self.metal_types), max(self.oxygen_types)))
        cutoffs = PairCutoffs(n_types, self.bond_cutoff)
        positions = np.ascontiguousarray(data.particles.positions, dtype=np.float64)
        return bond_counts(positions, types, box_of(data), cutoffs, self.metal_types, self.oxygen_types)

    @staticmethod
    def _write_table(data, table):
        out = data.tables_.create(identifier=TABLE, title="exsolve particles", plot_mode=DataTable.PlotMode.NoPlot)
        out.x = out.create_property("Particle", data=table["id"])
        out.y = out.create_property("Atoms", data=table["atoms"])
        for column in ("x", "y", "z", "radius_of_gyration", "bonds"):
            if column in table:
                out.create_property(column, data=table[column])
