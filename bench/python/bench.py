"""Label + M-O bonds per frame of bench.dump (make_dump.in), on one thread each: exsolve's
Python module, freud and OVITO (THREADS=all: the peers on every core), with the frame already
in memory (each tool's own input conversion outside the timing); and reading included, the
module against exsolve-analyze bonds.
Prints one line per tool: milliseconds per frame (best of REPEATS per frame, mean over frames)
and the ratio to the module. Usage: bench.py <dump> <exsolve-analyze> (run.sh sets it up)."""

import os
import subprocess
import sys
import tempfile
import time

# THREADS=all leaves freud and OVITO their default thread counts (every core); the module and
# the CLI (-j 1) stay on one thread.
ONE_THREAD = os.environ.get("THREADS", "1") == "1"
if ONE_THREAD:
    os.environ["OVITO_THREAD_COUNT"] = "1"  # read when ovito is imported

import freud
import numpy as np
from ovito.io import import_file
from ovito.modifiers import ClusterAnalysisModifier, CreateBondsModifier, SelectTypeModifier
from ovito.pipeline import Pipeline, StaticSource

import exsolve

REPEATS = int(os.environ.get("REPEATS", "3"))
METAL, OXYGEN, PARTICLE_CUTOFF, BOND_CUTOFF = 2, 1, 3.0, 2.6
if ONE_THREAD:
    freud.parallel.set_num_threads(1)


def best_ms(work):
    """Best of REPEATS calls of work(), in ms, and its last result."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return 1000 * min(times), result


def exsolve_frame(frame):
    metal = frame.types == METAL
    cutoffs = exsolve.PairCutoffs(2, BOND_CUTOFF)
    labels = exsolve.cluster_labels(frame.positions, frame.ids, frame.box, PARTICLE_CUTOFF, metal)
    bonds = exsolve.bond_counts(frame.positions, frame.types, frame.box, cutoffs, [METAL], [OXYGEN])
    return len(np.unique(labels[metal])), int(bonds.sum())


def freud_frame(fbox, pair_box, points, metal, oxygen):
    clusters = freud.cluster.Cluster()
    clusters.compute((fbox, points[metal]), neighbors={"r_max": PARTICLE_CUTOFF})
    query = freud.locality.AABBQuery(pair_box, points[oxygen])
    pairs = query.query(points[metal], {"r_max": BOND_CUTOFF, "exclude_ii": False}).toNeighborList()
    bonds = np.bincount(pairs.query_point_indices, minlength=int(metal.sum()))
    return clusters.num_clusters, int(bonds.sum())


def freud_system(frame):
    matrix = np.array(frame.box.matrix()).T
    fbox = freud.box.Box.from_matrix(matrix)
    fbox.periodic = frame.box.periodic
    # freud has no pair queries in a box with an open axis; the slab and caps are far from the
    # z faces, so a periodic z finds the same pairs.
    pair_box = freud.box.Box.from_matrix(matrix)
    points = fbox.wrap(frame.positions - (np.array(frame.box.lo) + matrix.sum(axis=1) / 2))
    return fbox, pair_box, points.astype(np.float32), frame.types == METAL, frame.types == OXYGEN


def ovito_frame(data):
    # A new pipeline each call: OVITO caches a pipeline's result.
    pipeline = Pipeline(source=StaticSource(data=data))
    pipeline.modifiers.append(SelectTypeModifier(property="Particle Type", types={METAL}))
    pipeline.modifiers.append(ClusterAnalysisModifier(cutoff=PARTICLE_CUTOFF, only_selected=True))
    bonds = CreateBondsModifier(mode=CreateBondsModifier.Mode.Pairwise)
    bonds.set_pairwise_cutoff(METAL, OXYGEN, BOND_CUTOFF)
    pipeline.modifiers.append(bonds)
    out = pipeline.compute()
    counts = np.bincount(np.asarray(out.particles.bonds.topology).ravel(), minlength=out.particles.count)
    metal = np.asarray(out.particles.particle_types) == METAL
    return out.attributes["ClusterAnalysis.cluster_count"], int(counts[metal].sum())


def cli_ms_per_frame(dump, analyze, frames):
    with tempfile.TemporaryDirectory() as work:
        config = os.path.join(work, "bench.yaml")
        with open(config, "w") as f:
            f.write(f"metal_types: [{METAL}]\noxygen_types: [{OXYGEN}]\nbond_cutoff: {BOND_CUTOFF}\n"
                    f"particle_cutoff: {PARTICLE_CUTOFF}\nmin_size: 1\natomic_volume: 10.94\noutput: {work}/out\n")
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            subprocess.run([analyze, "bonds", "-c", config, "-j", "1", "--force", dump], check=True,
                           capture_output=True)
            times.append(time.perf_counter() - start)
    return 1000 * min(times) / frames


def main(dump, analyze):
    read_ms, frames = best_ms(lambda: list(exsolve.DumpReader(dump)))
    read_ms /= len(frames)
    ovito_source = import_file(dump)
    rows = {"exsolve module": [], "freud": [], "OVITO": []}
    for index, frame in enumerate(frames):
        ms, ours = best_ms(lambda: exsolve_frame(frame))
        rows["exsolve module"].append(ms)
        system = freud_system(frame)
        ms, theirs = best_ms(lambda: freud_frame(*system))
        rows["freud"].append(ms)
        data = ovito_source.compute(index)
        ms, ovito = best_ms(lambda: ovito_frame(data))
        rows["OVITO"].append(ms)
        # The same answers (particles counted with free atoms, bonds summed), or the timing means nothing.
        if not ours == theirs == ovito:
            sys.exit(f"frame {index}: exsolve {ours}, freud {theirs}, OVITO {ovito} (particles, bonds)")
    print(f"{len(frames)} frames of {len(frames[0])} atoms ({int((frames[0].types == METAL).sum())} metal), "
          f"{ours[0]} particles and {ours[1]} M-O bonds in the last; best of {REPEATS}, "
          f"{'one thread' if ONE_THREAD else f'freud and OVITO on {os.cpu_count()} cores'}")
    module_ms = np.mean(rows["exsolve module"])
    print("label + bonds, frame in memory:")
    for tool, times in rows.items():
        print(f"  {tool:16s} {np.mean(times):8.1f} ms/frame   {np.mean(times) / module_ms:5.2f} x the module")
    cli_ms = cli_ms_per_frame(dump, analyze, len(frames))
    print("read + label + bonds:")
    print(f"  exsolve module   {read_ms + module_ms:8.1f} ms/frame (reading {read_ms:.1f})")
    print(f"  exsolve-analyze bonds -j 1 {cli_ms:8.1f} ms/frame (also measures the particles and writes "
          f"its tables)   {cli_ms / (read_ms + module_ms):5.2f} x the module")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
