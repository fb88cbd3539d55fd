"""An OVITO pipeline modifier that runs exsolve on every frame: persistent particle IDs (the
tracker of fix nanoparticle/track and exsolve-analyze track), the tracker's events, M-O bond
counts, socket depths and the per-particle table.

    from ovito.io import import_file
    from exsolve.ovito_modifier import ExsolveModifier
    pipeline = import_file("run.dump")
    pipeline.modifiers.append(ExsolveModifier(cutoff=3.0, metal_types=[2], oxygen_types=[1], bond_cutoff=2.6,
                                              support_types=[1]))
    data = pipeline.compute(10)
    data.particles["Exsolve Particle"]; data.particles["Exsolve Bonds"]; data.tables["exsolve-particles"]
    data.tables["exsolve-events"]; data.attributes["Exsolve.merges"]

In OVITO Pro's Python script modifier (or ovito.modifiers.PythonScriptModifier(script=...)),
the script defines a class of its own, which OVITO looks for:

    from exsolve.ovito_modifier import ExsolveModifier

    class TrackedParticles(ExsolveModifier):
        metal_types = [2]
        oxygen_types = [1]

OVITO's cluster IDs depend on the storage order of each frame; these do not. The IDs of frame
f depend on frames 0..f, so the modifier tracks through the upstream frames in order the
first time a frame is asked for, and remembers the per-atom IDs of every frame it tracked.
"""

import numpy as np
from ovito.data import DataCollection, DataTable, ElementType
from ovito.pipeline import ModifierInterface
from traits.api import Float, Int, List, Range

from . import Box, PairCutoffs, Tracker, bond_counts, of_types, particle_bonds, socket_depths

PARTICLE_PROPERTY = "Exsolve Particle"
BONDS_PROPERTY = "Exsolve Bonds"
TABLE = "exsolve-particles"
EVENTS_TABLE = "exsolve-events"
# The tracker's event names, in the order of the numeric codes (1..5) of the events table's
# typed "Event" column.
EVENTS = ("birth", "merge", "split", "death", "exchange")
# The global attributes: per frame (this frame's events) and, with "total_", since frame 0.
ATTRIBUTE = "Exsolve.{}"
COUNTS = ("births", "merges", "splits", "deaths", "exchanged_atoms")
# Socket columns of the particles table (exsolve.socket_depths' names).
SOCKET_COLUMNS = ("depth_local", "depth_global", "submerged_fraction")


def box_of(data: DataCollection) -> Box:
    """The exsolve Box of an OVITO cell in LAMMPS's restricted triclinic form (a along x, b in xy)."""
    cell = np.asarray(data.cell)
    a, b, c, origin = cell[:, 0], cell[:, 1], cell[:, 2], cell[:, 3]
    if a[1] != 0.0 or a[2] != 0.0 or b[2] != 0.0:
        raise ValueError("cell: exsolve needs LAMMPS's cell form, a = (lx, 0, 0) and b = (xy, ly, 0); got "
                         f"a = {tuple(a)}, b = {tuple(b)}")
    lengths = (a[0], b[1], c[2])
    return Box(tuple(origin), tuple(origin + lengths), tilt=(b[0], c[0], c[1]), periodic=tuple(bool(p) for p in data.cell.pbc))


def event_counts(events) -> dict:
    """This frame's counts from the tracker's events table: births, merges, splits, deaths and
    the atoms exchanged (the sizes of the exchange rows), as Tracker.counts counts them."""
    names = np.asarray(events["event"], dtype=object)
    counts = {f"{name}s": int(np.count_nonzero(names == name)) for name in EVENTS[:4]}
    counts["exchanged_atoms"] = int(np.sum(np.asarray(events["particle_size"])[names == "exchange"]))
    return counts


class ExsolveModifier(ModifierInterface):
    """Adds per-atom properties "Exsolve Particle" (persistent particle ID, 0: free or not metal)
    and "Exsolve Bonds" (oxygen partners of each metal atom within bond_cutoff, with
    oxygen_types), the data table "exsolve-particles" (ID, atoms, unwrapped centre, radius of
    gyration, bonds; socket depths with support_types), the data table "exsolve-events" (this
    frame's births, merges, splits, deaths and exchanges) and the global attributes
    "Exsolve.particle_count", "Exsolve.births" ... (this frame) and "Exsolve.total_births" ...
    (since frame 0)."""

    cutoff = Float(3.0, label="Particle cutoff (Å)")
    min_size = Int(1, label="Smallest particle (atoms)")
    metal_types = List(Int, label="Metal types")
    oxygen_types = List(Int, label="Oxygen types")
    bond_cutoff = Float(2.6, label="M-O bond cutoff (Å)")
    support_types = List(Int, label="Support types (socket depth)")
    surface_axis = Range(0, 2, 2, label="Surface normal axis (0 x, 1 y, 2 z)")
    socket_cell = Float(3.0, label="Socket grid cell (Å)")
    socket_ring_width = Float(5.0, label="Socket rim ring width (Å)")

    # Changing one of these starts the tracking over (the others act on each frame alone).
    TRACKING = ("cutoff", "min_size", "metal_types", "surface_axis")

    def __init__(self, **traits):
        super().__init__(**traits)
        self._forget()
        self.observe(lambda _event: self._forget(), list(self.TRACKING))

    def _forget(self):
        self._tracker = None
        self._particle_ids = {}  # frame -> (atom IDs, particle IDs)
        self._tables = {}  # frame -> particles table of the tracker
        self._events = {}  # frame -> events table of the tracker
        self._totals = {}  # frame -> the tracker's counts after that frame

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
        if self.support_types:
            table.update(self._sockets(data, particle_of_atom, table["id"]))
        self._write_table(data, table)
        self._write_events(data, self._events[frame])
        data.attributes[ATTRIBUTE.format("particle_count")] = len(table["id"])
        for name, value in event_counts(self._events[frame]).items():
            data.attributes[ATTRIBUTE.format(name)] = value
        for name, value in self._totals[frame].items():
            data.attributes[ATTRIBUTE.format("total_" + name)] = value

    def _track_up_to(self, frame, data, upstream):
        """Feeds the tracker every frame after the last one it saw, up to `frame` (from 0 again
        when asked for an earlier frame than it has seen and does not remember)."""
        last = max(self._particle_ids) if self._particle_ids else -1
        if self._tracker is None or frame < last:
            self._forget()
            self._tracker = Tracker(self.cutoff, self.min_size, self.surface_axis)
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
        self._events[frame] = tracked["events"]
        self._totals[frame] = {name: int(self._tracker.counts[name]) for name in COUNTS}

    def _bonds(self, data):
        types = np.ascontiguousarray(data.particles.particle_types, dtype=np.int32)
        n_types = int(max(types.max(initial=0), max(self.metal_types), max(self.oxygen_types)))
        cutoffs = PairCutoffs(n_types, self.bond_cutoff)
        positions = np.ascontiguousarray(data.particles.positions, dtype=np.float64)
        return bond_counts(positions, types, box_of(data), cutoffs, self.metal_types, self.oxygen_types)

    def _sockets(self, data, particle_of_atom, particle_ids):
        """The socket columns of the particles `particle_ids` (exsolve.socket_depths on this
        frame, support: the atoms of support_types; NaN for a particle it does not measure)."""
        types = np.asarray(data.particles.particle_types)
        positions = np.ascontiguousarray(data.particles.positions, dtype=np.float64)
        sockets = socket_depths(positions, of_types(types, self.support_types), particle_of_atom, box_of(data),
                                surface_axis=self.surface_axis, cell=self.socket_cell,
                                ring_width=self.socket_ring_width)["particles"]
        row_of = {int(p): i for i, p in enumerate(sockets["particle"])}
        rows = [row_of.get(int(p), -1) for p in particle_ids]
        return {column: np.array([sockets[column][r] if r >= 0 else np.nan for r in rows], dtype=np.float64)
                for column in SOCKET_COLUMNS}

    @staticmethod
    def _write_table(data, table):
        out = data.tables_.create(identifier=TABLE, title="exsolve particles", plot_mode=DataTable.PlotMode.NoPlot)
        out.x = out.create_property("Particle", data=table["id"])
        out.y = out.create_property("Atoms", data=table["atoms"])
        for column in ("x", "y", "z", "radius_of_gyration", "bonds") + SOCKET_COLUMNS:
            if column in table:
                out.create_property(column, data=table[column])

    @staticmethod
    def _write_events(data, events):
        """This frame's events, one row each as the tracker gives them: "Event" (typed: birth,
        merge, split, death, exchange), "Particle", "Other", "Particle Atoms", "Other Atoms"
        (exchange: receiving particle, giving particle, atoms moved)."""
        out = data.tables_.create(identifier=EVENTS_TABLE, title="exsolve events", plot_mode=DataTable.PlotMode.NoPlot)
        out.count = len(events["event"])
        codes = np.array([EVENTS.index(name) + 1 for name in events["event"]], dtype=np.int32)
        kind = out.create_property("Event", data=codes)
        for code, name in enumerate(EVENTS, 1):
            kind.types.append(ElementType(id=code, name=name))
        out.create_property("Particle", data=events["particle"])
        out.create_property("Other", data=events["other"])
        out.create_property("Particle Atoms", data=events["particle_size"])
        out.create_property("Other Atoms", data=events["other_size"])
