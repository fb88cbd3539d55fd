"""Renders one frame of a LAMMPS dump coloured by exsolve's persistent particle IDs, headless,
with OVITO's Tachyon renderer. OVITO 3.17 needs a Vulkan loader and driver even for Tachyon;
without a GPU, Debian's libvulkan1 and mesa-vulkan-drivers (lavapipe) serve.

    python render_tracked_frame.py <dump> <frame> <image.png> [metal type] [oxygen type]
"""

import sys

from ovito.io import import_file
from ovito.modifiers import ColorCodingModifier
from ovito.vis import TachyonRenderer, Viewport

from exsolve.ovito_modifier import ExsolveModifier

dump, frame, image = sys.argv[1], int(sys.argv[2]), sys.argv[3]
metal_type = int(sys.argv[4]) if len(sys.argv) > 4 else 2
oxygen_type = int(sys.argv[5]) if len(sys.argv) > 5 else 1

pipeline = import_file(dump)
pipeline.modifiers.append(ExsolveModifier(cutoff=3.0, min_size=5, metal_types=[metal_type],
                                          oxygen_types=[oxygen_type], bond_cutoff=2.6))
# Colour by persistent particle ID (the support and free atoms have ID 0, the low end).
pipeline.modifiers.append(ColorCodingModifier(property="Exsolve Particle"))
pipeline.add_to_scene()

data = pipeline.compute(frame)
table = data.tables["exsolve-particles"]
print("particles:", list(table["Particle"]), "atoms:", list(table["Atoms"]), "bonds:", list(table["bonds"]))

viewport = Viewport(type=Viewport.Type.Perspective, camera_dir=(1, 1, -1))
viewport.zoom_all(size=(640, 480))
viewport.render_image(filename=image, size=(640, 480), frame=frame, renderer=TachyonRenderer())
print("wrote", image)
