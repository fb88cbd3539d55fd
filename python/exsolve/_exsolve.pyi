"""Type stubs of the C++ extension (python/src); docstrings are on the objects themselves."""

from typing import Iterator, Optional, Sequence, Tuple, TypedDict, Union

import numpy as np
import numpy.typing as npt

Int = Union[npt.NDArray[np.int64], npt.NDArray[np.int32]]

class DumpError(ValueError): ...
class TruncatedFrame(DumpError): ...

class Box:
    def __init__(
        self,
        lo: Tuple[float, float, float],
        hi: Tuple[float, float, float],
        tilt: Tuple[float, float, float] = ...,
        periodic: Tuple[bool, bool, bool] = ...,
    ) -> None: ...
    @property
    def lo(self) -> list[float]: ...
    @property
    def hi(self) -> list[float]: ...
    @property
    def tilt(self) -> list[float]: ...
    @property
    def periodic(self) -> list[bool]: ...
    @property
    def triclinic(self) -> bool: ...
    def cell_vector(self, axis: int) -> list[float]: ...
    def matrix(self) -> list[list[float]]: ...
    def wrapped(self, x: Sequence[float]) -> list[float]: ...

class Frame:
    timestep: int
    positions_unwrapped: bool
    @property
    def box(self) -> Box: ...
    @property
    def ids(self) -> npt.NDArray[np.int64]: ...
    @property
    def types(self) -> npt.NDArray[np.int32]: ...
    @property
    def positions(self) -> npt.NDArray[np.float64]: ...
    @property
    def images(self) -> Optional[npt.NDArray[np.int32]]: ...
    @property
    def columns(self) -> dict[str, npt.NDArray[np.float64]]: ...
    def __len__(self) -> int: ...

class DumpReader:
    def __init__(self, path: str) -> None: ...
    @property
    def path(self) -> str: ...
    @property
    def frames_read(self) -> int: ...
    def __iter__(self) -> Iterator[Frame]: ...
    def __next__(self) -> Frame: ...

class ParticleTable(TypedDict):
    label: npt.NDArray[np.int64]
    atoms: npt.NDArray[np.int64]
    x: npt.NDArray[np.float64]
    y: npt.NDArray[np.float64]
    z: npt.NDArray[np.float64]
    radius_of_gyration: npt.NDArray[np.float64]
    height: npt.NDArray[np.float64]
    equivalent_diameter: npt.NDArray[np.float64]

class Census(TypedDict):
    particle_of_atom: npt.NDArray[np.int64]
    cluster_of_atom: npt.NDArray[np.int64]
    free_atoms: int
    particles: ParticleTable

def cluster_labels(
    positions: npt.NDArray[np.float64],
    atom_ids: Int,
    box: Box,
    cutoff: float,
    selected: Optional[npt.NDArray[np.bool_]] = None,
) -> npt.NDArray[np.int64]: ...
def census(
    positions: npt.NDArray[np.float64],
    atom_ids: Int,
    box: Box,
    cutoff: float,
    selected: Optional[npt.NDArray[np.bool_]] = None,
    min_size: int = 1,
    masses: Optional[npt.NDArray[np.float64]] = None,
    atomic_volume: float = 0.0,
    surface_axis: int = 2,
) -> Census: ...

class PairCutoffs:
    def __init__(
        self,
        n_types: int,
        cutoff: Optional[float] = None,
        pairs: Sequence[Tuple[Union[int, str], Union[int, str], float]] = ...,
    ) -> None: ...
    @property
    def n_types(self) -> int: ...
    @property
    def max_cutoff(self) -> float: ...
    def cutoff(self, type_i: int, type_j: int) -> float: ...

class BondTable(TypedDict):
    particle: npt.NDArray[np.int64]
    atoms: npt.NDArray[np.int64]
    interface_atoms: npt.NDArray[np.int64]
    bonds: npt.NDArray[np.int64]
    bonds_per_interface_atom: npt.NDArray[np.float64]

def bond_counts(
    positions: npt.NDArray[np.float64],
    types: Int,
    box: Box,
    cutoffs: PairCutoffs,
    metal_types: Sequence[int],
    oxygen_types: Sequence[int],
) -> npt.NDArray[np.int32]: ...
def particle_bonds(particle_of_atom: Int, bond_counts: Int) -> BondTable: ...

class SocketTable(TypedDict):
    particle: npt.NDArray[np.int64]
    bottom: npt.NDArray[np.float64]
    top: npt.NDArray[np.float64]
    rim_height: npt.NDArray[np.float64]
    depth_local: npt.NDArray[np.float64]
    depth_global: npt.NDArray[np.float64]
    submerged_fraction: npt.NDArray[np.float64]
    rim_cells: npt.NDArray[np.int64]

class Sockets(TypedDict):
    reference_height: float
    reference_cells: int
    particles: SocketTable

def socket_depths(
    positions: npt.NDArray[np.float64],
    is_support: npt.NDArray[np.bool_],
    particle_of_atom: Int,
    box: Box,
    surface_axis: int = 2,
    cell: float = 3.0,
    ring_width: float = 5.0,
) -> Sockets: ...

class TrackedTable(TypedDict):
    id: npt.NDArray[np.int64]
    atoms: npt.NDArray[np.int64]
    x: npt.NDArray[np.float64]
    y: npt.NDArray[np.float64]
    z: npt.NDArray[np.float64]
    wrapped_x: npt.NDArray[np.float64]
    wrapped_y: npt.NDArray[np.float64]
    wrapped_z: npt.NDArray[np.float64]
    radius_of_gyration: npt.NDArray[np.float64]
    height: npt.NDArray[np.float64]
    displacement: npt.NDArray[np.float64]
    birth_step: npt.NDArray[np.int64]

class EventTable(TypedDict):
    event: list[str]
    particle: npt.NDArray[np.int64]
    other: npt.NDArray[np.int64]
    particle_size: npt.NDArray[np.int64]
    other_size: npt.NDArray[np.int64]

class TrackedFrame(TypedDict):
    step: int
    particle_of_atom: npt.NDArray[np.int64]
    particles: TrackedTable
    events: EventTable

class EventCounts(TypedDict):
    births: int
    merges: int
    splits: int
    deaths: int
    exchanged_atoms: int

class Tracker:
    def __init__(self, cutoff: float, min_size: int = 1, surface_axis: int = 2) -> None: ...
    def add_frame(
        self,
        step: int,
        positions: npt.NDArray[np.float64],
        atom_ids: Int,
        box: Box,
        selected: Optional[npt.NDArray[np.bool_]] = None,
    ) -> TrackedFrame: ...
    @property
    def counts(self) -> EventCounts: ...
    @property
    def living(self) -> TrackedTable: ...
    @property
    def next_id(self) -> int: ...
    @property
    def cutoff(self) -> float: ...
    @property
    def min_size(self) -> int: ...
