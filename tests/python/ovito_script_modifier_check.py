"""exsolve's OVITO modifier inside OVITO's Python script modifier (usage:
ovito_script_modifier_check.py <dump directory>). OVITO Pro's GUI cannot run here (no
display); what it runs is ovito.modifiers.PythonScriptModifier, the same class the pip package
has, in its two class-based forms: `delegate=` an ExsolveModifier, and `script=` a source
string defining a subclass, as a user types it into the GUI's editor (OVITO compiles it and
takes the class it defines). On the tilted test dump, per atom and frame (frames asked for out
of order), both give the same "Exsolve Particle", "Exsolve Bonds", particles table and
attributes as ExsolveModifier appended directly, and the IDs are fix nanoparticle/track's
(f_track). Exit status 1 on any disagreement."""

import sys

import numpy as np
from ovito.io import import_file
from ovito.modifiers import PythonScriptModifier

from dumps import Checks
from exsolve.ovito_modifier import ExsolveModifier

SETTINGS = dict(cutoff=3.0, min_size=5, metal_types=[2], oxygen_types=[1], bond_cutoff=2.6, support_types=[1])

# What a user enters in OVITO Pro's Python script modifier: a class of the script's own
# (OVITO refuses a script that only imports one), settings as class defaults.
SCRIPT = """
from exsolve.ovito_modifier import ExsolveModifier


class TrackedParticles(ExsolveModifier):
    cutoff = 3.0
    min_size = 5
    metal_types = [2]
    oxygen_types = [1]
    bond_cutoff = 2.6
    support_types = [1]
"""


def outputs(data):
    """What the modifier adds to a frame, as plain Python values."""
    table = data.tables["exsolve-particles"]
    return {
        "particle": np.asarray(data.particles["Exsolve Particle"]).tolist(),
        "bonds": np.asarray(data.particles["Exsolve Bonds"]).tolist(),
        "table": {name: np.asarray(table[name]).tolist() for name in table.keys()},
        "events": np.asarray(data.tables["exsolve-events"]["Event"]).tolist(),
        "attributes": {k: v for k, v in data.attributes.items() if k.startswith("Exsolve.")},
    }


def main(directory):
    checks = Checks("OVITO script modifier")
    forms = {"direct": ExsolveModifier(**SETTINGS),
             "PythonScriptModifier(delegate=)": PythonScriptModifier(delegate=ExsolveModifier(**SETTINGS)),
             "PythonScriptModifier(script=)": PythonScriptModifier(script=SCRIPT)}
    script_class = type(forms["PythonScriptModifier(script=)"].delegate)
    checks.check("script= compiles to the script's subclass of ExsolveModifier",
                 script_class.__name__ == "TrackedParticles" and issubclass(script_class, ExsolveModifier),
                 f"delegate class {script_class}")
    pipelines = {}
    for name, modifier in forms.items():
        pipelines[name] = import_file(f"{directory}/tilted.dump")
        pipelines[name].modifiers.append(modifier)
    frames = pipelines["direct"].source.num_frames
    for frame in [frames - 1, 0, 2, 1, frames - 1]:
        direct = pipelines["direct"].compute(frame)
        expected = outputs(direct)
        fix_ids = np.asarray(direct.particles["f_track"]).astype(np.int64).tolist()
        checks.check("direct IDs = fix nanoparticle/track's", expected["particle"] == fix_ids, f"frame {frame}")
        checks.check("direct use gives particles and sockets", len(expected["table"]["Particle"]) == 2
                     and "depth_local" in expected["table"], f"frame {frame}: table {expected['table']}")
        for name in list(forms)[1:]:
            got = outputs(pipelines[name].compute(frame))
            for what in expected:
                # repr: NaN (a particle without a socket) equals NaN.
                checks.check(f"{name} {what} = direct use's", repr(got[what]) == repr(expected[what]),
                             f"frame {frame}: {got[what]} != {expected[what]}")
    checks.finish()


if __name__ == "__main__":
    main(sys.argv[1])
