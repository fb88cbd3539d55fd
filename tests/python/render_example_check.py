"""docs/python.md's rendering example (python/examples/render_tracked_frame.py) run headless on
the tilted test dump (usage: render_example_check.py <dump directory>): it must write a
640 x 480 PNG in which the particles' colours differ from the support's. Exit status 1 if not."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "python", "examples", "render_tracked_frame.py")


def main(directory):
    image = os.path.join(directory, "tracked.png")
    run = subprocess.run([sys.executable, EXAMPLE, f"{directory}/tilted.dump", "4", image],
                         capture_output=True, text=True)
    print(run.stdout + run.stderr)
    if run.returncode != 0 or not os.path.exists(image):
        sys.exit(f"the example failed (exit status {run.returncode})")
    picture = QImage(image)
    if (picture.width(), picture.height()) != (640, 480):
        sys.exit(f"{image}: {picture.width()} x {picture.height()}, expected 640 x 480")
    # Colour coding by particle ID (Rainbow): the support (ID 0) blue, particle 1 green, 2 red.
    dominant = {"red": 0, "green": 0, "blue": 0}
    for x in range(0, 640, 2):
        for y in range(0, 480, 2):
            colour = picture.pixelColor(x, y)
            rgb = {"red": colour.red(), "green": colour.green(), "blue": colour.blue()}
            top = max(rgb, key=rgb.get)
            if rgb[top] - min(rgb.values()) > 100:
                dominant[top] += 1
    print(f"{image}: 640 x 480, pixels sampled by dominant colour {dominant}")
    if min(dominant.values()) < 50:
        sys.exit(f"{image}: the support and both particles are not all visible in their own colours")


if __name__ == "__main__":
    main(sys.argv[1])
