"""The OVITO modifier's events, frame by frame (usage: ovito_modifier_events_check.py <dump
directory>), on the test dump in which two Ni blocks merge and split (particles.dump.gz,
gzipped), against fix nanoparticle/track's event file of the same LAMMPS run
(particles_events.txt: `step event particle other particle_atoms other_atoms`): per frame, the
rows of the data table "exsolve-events" are the file's lines of that step, in order; the
attributes "Exsolve.births", ".merges", ".splits", ".deaths", ".exchanged_atoms" count them and
"Exsolve.total_*" sum them since frame 0 (and equal the module's Tracker.counts after the same
frames); "Exsolve.particle_count" is the particles table's length. Frames are asked for out of
order. The dump must hold a merge and a split (else the test proves little). Exit status 1 on
any disagreement."""

import sys

import numpy as np
from ovito.io import import_file

import exsolve
from dumps import Checks
from exsolve.ovito_modifier import COUNTS, EVENTS, ExsolveModifier

SETTINGS = dict(cutoff=2.9, min_size=5, metal_types=[1])  # particles_vs_fix.in's fix


def fix_events(path):
    """step -> [(event, particle, other, particle_atoms, other_atoms), ...] of the event file."""
    by_step = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            step, event, *numbers = line.split()
            by_step.setdefault(int(step), []).append((event, *map(int, numbers)))
    return by_step


def counted(rows):
    """births, merges, splits, deaths, exchanged_atoms of a frame's event rows."""
    counts = {f"{name}s": sum(1 for r in rows if r[0] == name) for name in EVENTS[:4]}
    counts["exchanged_atoms"] = sum(r[3] for r in rows if r[0] == "exchange")
    return counts


def module_totals(path, frames):
    """The module's Tracker.counts after each frame, run on the dump read by exsolve.DumpReader."""
    tracker = exsolve.Tracker(SETTINGS["cutoff"], SETTINGS["min_size"])
    totals = []
    for frame in exsolve.DumpReader(path):
        tracker.add_frame(frame.timestep, frame.positions, frame.ids, frame.box,
                          exsolve.of_types(frame.types, SETTINGS["metal_types"]))
        totals.append(dict(tracker.counts))
    return totals[:frames]


def main(directory):
    checks = Checks("OVITO modifier events")
    dump = f"{directory}/particles.dump.gz"
    expected = fix_events(f"{directory}/particles_events.txt")
    kinds = {row[0] for rows in expected.values() for row in rows}
    checks.check("the fix's events hold a merge and a split", {"merge", "split"} <= kinds, f"events {sorted(kinds)}")
    pipeline = import_file(dump)
    pipeline.modifiers.append(ExsolveModifier(**SETTINGS))
    frames = pipeline.source.num_frames
    totals = module_totals(dump, frames)
    for frame in [frames - 1, 0, frames // 2, 1, frames - 2, frames - 1]:
        data = pipeline.compute(frame)
        step = int(data.attributes["Timestep"])
        where = f"frame {frame} (step {step})"
        table = data.tables["exsolve-events"]
        kind = table["Event"]
        rows = [(kind.type_by_id(int(code)).name, int(p), int(o), int(n), int(m))
                for code, p, o, n, m in zip(np.asarray(kind), np.asarray(table["Particle"]), np.asarray(table["Other"]),
                                            np.asarray(table["Particle Atoms"]), np.asarray(table["Other Atoms"]))]
        want = expected.get(step, [])
        checks.check("events table = fix's event file", rows == want, f"{where}: {rows} != {want}")
        attributes = {name: data.attributes[f"Exsolve.{name}"] for name in COUNTS}
        checks.check("frame counts", attributes == counted(want), f"{where}: {attributes} != {counted(want)}")
        steps_so_far = [s for s in expected if s <= step]
        total_want = {name: sum(counted(expected[s])[name] for s in steps_so_far) for name in COUNTS}
        total = {name: data.attributes[f"Exsolve.total_{name}"] for name in COUNTS}
        checks.check("total counts = sums of the fix's events", total == total_want, f"{where}: {total} != {total_want}")
        checks.check("total counts = module Tracker.counts", total == totals[frame], f"{where}: {total} != {totals[frame]}")
        particles = len(np.asarray(data.tables["exsolve-particles"]["Particle"]))
        checks.check("particle count", data.attributes["Exsolve.particle_count"] == particles,
                     f"{where}: {data.attributes['Exsolve.particle_count']} != {particles}")
    checks.finish()


if __name__ == "__main__":
    main(sys.argv[1])
