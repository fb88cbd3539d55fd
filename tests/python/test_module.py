"""Unit tests of the Python module on small hand-made systems whose answers are known (run by
ctest as python_module; `python -m unittest test_module` with exsolve on PYTHONPATH)."""

import ast
import gzip
import os
import tempfile
import unittest
import warnings

import numpy as np
import pandas as pd

import exsolve

BOX10 = exsolve.Box((0, 0, 0), (10, 10, 10))


def dump_text(frames, tilted=False):
    """A LAMMPS dump custom of frames [(step, [(id, type, x, y, z), ...]), ...] in a 10 Å cell
    (tilted: xy = 2), with an extra column c_q."""
    lines = []
    for step, atoms in frames:
        lines += ["ITEM: TIMESTEP", str(step), "ITEM: NUMBER OF ATOMS", str(len(atoms))]
        if tilted:
            lines += ["ITEM: BOX BOUNDS xy xz yz pp pp pp", "0 12 2", "0 10 0", "0 10 0"]
        else:
            lines += ["ITEM: BOX BOUNDS pp pp ff", "0 10", "0 10", "0 10"]
        lines.append("ITEM: ATOMS id type x y z c_q")
        lines += [f"{i} {t} {x} {y} {z} {0.5 * i}" for i, t, x, y, z in atoms]
    return "\n".join(lines) + "\n"


class TemporaryFiles(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.directory.cleanup()

    def write(self, name, text, compress=False):
        path = os.path.join(self.directory.name, name)
        with (gzip.open(path, "wt") if compress else open(path, "w")) as f:
            f.write(text)
        return path


class DumpReading(TemporaryFiles):
    FRAMES = [(0, [(5, 2, 1.0, 2.0, 3.0), (2, 1, 4.0, 5.0, 6.0)]), (10, [(2, 1, 4.5, 5.0, 6.0)])]

    def test_plain_and_gz_read_the_same_frames(self):
        for compress in (False, True):
            path = self.write("a.dump" + (".gz" if compress else ""), dump_text(self.FRAMES), compress)
            frames = list(exsolve.DumpReader(path))
            self.assertEqual([f.timestep for f in frames], [0, 10])
            first = frames[0]
            np.testing.assert_array_equal(first.ids, [5, 2])  # the dump's order, unsorted
            np.testing.assert_array_equal(first.types, [2, 1])
            np.testing.assert_array_equal(first.positions, [[1, 2, 3], [4, 5, 6]])
            np.testing.assert_array_equal(first.columns["c_q"], [2.5, 1.0])
            self.assertEqual(tuple(first.box.periodic), (True, True, False))
            self.assertIsNone(first.images)
            self.assertEqual(len(frames[1]), 1)  # atom counts may change

    def test_arrays_are_views_of_the_frame(self):
        frame = next(iter(exsolve.DumpReader(self.write("a.dump", dump_text(self.FRAMES)))))
        self.assertFalse(frame.positions.flags.owndata)
        self.assertEqual(frame.positions.dtype, np.float64)
        self.assertEqual(frame.ids.dtype, np.int64)

    def test_tilted_box(self):
        frame = next(iter(exsolve.DumpReader(self.write("t.dump", dump_text(self.FRAMES, tilted=True)))))
        # The bounding box 0..12 with xy = 2 is the cell lo 0, lx 10.
        self.assertEqual(tuple(frame.box.lo), (0, 0, 0))
        self.assertEqual(tuple(frame.box.hi), (10, 10, 10))
        self.assertEqual(tuple(frame.box.tilt), (2, 0, 0))
        self.assertTrue(frame.box.triclinic)

    def test_dump_atom_scaled_coordinates_with_images(self):
        text = ("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 10\n-5 5\n0 20\n"
                "ITEM: ATOMS id type xs ys zs ix iy iz\n7 1 0.25 0.5 0.1 1 0 -2\n")
        frame = next(iter(exsolve.DumpReader(self.write("atom.dump", text))))
        np.testing.assert_allclose(frame.positions, [[2.5, 0.0, 2.0]])
        np.testing.assert_array_equal(frame.images, [[1, 0, -2]])

    def test_truncated_last_frame_is_skipped_with_a_warning(self):
        text = dump_text(self.FRAMES)
        path = self.write("cut.dump", text[: text.rindex("\n", 0, len(text) - 1) - 3])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frames = list(exsolve.DumpReader(path))
        self.assertEqual(len(frames), 1)
        self.assertEqual(len(caught), 1)
        self.assertIn("cut.dump", str(caught[0].message))

    def test_malformed_frame_raises_dump_error_naming_the_file(self):
        path = self.write("bad.dump", dump_text(self.FRAMES).replace("4.0 5.0", "4.0 five", 1))
        with self.assertRaisesRegex(exsolve.DumpError, "bad.dump"):
            list(exsolve.DumpReader(path))

    def test_missing_file(self):
        with self.assertRaisesRegex(exsolve.DumpError, "no-such.dump"):
            exsolve.DumpReader(os.path.join(self.directory.name, "no-such.dump"))


class Labelling(unittest.TestCase):
    def test_clusters_join_across_periodic_faces_and_take_the_smallest_id(self):
        positions = np.array([[0.5, 5, 5], [9.6, 5, 5], [5, 5, 5], [5, 5, 6]])
        ids = np.array([30, 10, 20, 40])
        np.testing.assert_array_equal(exsolve.cluster_labels(positions, ids, BOX10, 1.5), [10, 10, 20, 20])

    def test_no_join_across_a_non_periodic_face(self):
        box = exsolve.Box((0, 0, 0), (10, 10, 10), periodic=(True, True, False))
        positions = np.array([[5, 5, 0.5], [5, 5, 9.6]])
        np.testing.assert_array_equal(exsolve.cluster_labels(positions, np.array([1, 2]), box, 1.5), [1, 2])

    def test_tilted_cell_joins_across_the_slanted_face(self):
        # xy = 4: the image of (7, 0.2) across the y face is (11, 10.2), 0.7 from (11, 9.5).
        box = exsolve.Box((0, 0, 0), (10, 10, 10), tilt=(4, 0, 0))
        positions = np.array([[7.0, 0.2, 5], [11.0, 9.5, 5]])
        np.testing.assert_array_equal(exsolve.cluster_labels(positions, np.array([1, 2]), box, 1.0), [1, 1])

    def test_unselected_atoms_get_zero_and_do_not_bridge(self):
        positions = np.array([[1.0, 5, 5], [2.0, 5, 5], [3.0, 5, 5]])
        selected = np.array([True, False, True])
        np.testing.assert_array_equal(
            exsolve.cluster_labels(positions, np.array([1, 2, 3]), BOX10, 1.5, selected), [1, 0, 3])

    def test_census_centre_across_the_boundary(self):
        positions = np.array([[0.5, 5, 5], [9.5, 5, 5], [5, 5, 5]])
        found = exsolve.census(positions, np.array([1, 2, 3]), BOX10, 1.5, min_size=2)
        particles = found["particles"]
        np.testing.assert_array_equal(particles["label"], [1])
        self.assertAlmostEqual(particles["x"][0] % 10, 0.0)
        self.assertAlmostEqual(particles["radius_of_gyration"][0], 0.5)
        self.assertEqual(found["free_atoms"], 1)
        np.testing.assert_array_equal(found["particle_of_atom"], [1, 1, 0])


class Bonds(unittest.TestCase):
    # Metal (type 3) at the origin's neighbourhood; oxygens of types 1 and 2 at 2.0, 2.4 and 2.8 Å.
    POSITIONS = np.array([[5, 5, 5], [7.0, 5, 5], [5, 7.4, 5], [5, 5, 7.8], [5, 5, 2.2]])
    TYPES = np.array([3, 1, 2, 1, 3], dtype=np.int32)

    def test_per_pair_cutoffs_later_rules_override(self):
        cutoffs = exsolve.PairCutoffs(3, 2.5, [("3", "2", 2.3), ("3", "1", 3.0)])
        self.assertEqual(cutoffs.cutoff(2, 3), 2.3)
        counts = exsolve.bond_counts(self.POSITIONS, self.TYPES, BOX10, cutoffs, [3], [1, 2])
        # atom 0: O1 at 2.0 (< 3.0), O2 at 2.4 (not < 2.3), O1 at 2.8 (< 3.0); atom 4: O1 at 2.8 (z: 2.2 -> 5.0 is 2.8).
        np.testing.assert_array_equal(counts, [2, 0, 0, 0, 0])
        self.assertEqual(counts.dtype, np.int32)

    def test_bond_rule_is_strictly_below_the_cutoff(self):
        counts = exsolve.bond_counts(self.POSITIONS, self.TYPES, BOX10, exsolve.PairCutoffs(3, 2.0), [3], [1, 2])
        self.assertEqual(counts[0], 0)

    def test_particle_table(self):
        table = exsolve.particle_bonds(np.array([7, 7, 0, 9]), np.array([2, 0, 5, 1], dtype=np.int32))
        np.testing.assert_array_equal(table["particle"], [7, 9])
        np.testing.assert_array_equal(table["atoms"], [2, 1])
        np.testing.assert_array_equal(table["interface_atoms"], [1, 1])
        np.testing.assert_array_equal(table["bonds"], [2, 1])


class Socket(unittest.TestCase):
    def test_particle_one_angstrom_below_a_flat_support(self):
        grid = np.array([[x + 0.5, y + 0.5, 0.0] for x in range(0, 30, 1) for y in range(0, 30, 1)])
        particle = np.array([[15, 15, -1.0], [15, 15, 1.0], [16, 15, 2.0]])
        positions = np.vstack([grid, particle])
        support = np.array([True] * len(grid) + [False] * 3)
        particle_of_atom = np.array([0] * len(grid) + [9] * 3)
        box = exsolve.Box((0, 0, -10), (30, 30, 10), periodic=(True, True, False))
        found = exsolve.socket_depths(positions, support, particle_of_atom, box)
        self.assertAlmostEqual(found["reference_height"], 0.0)
        np.testing.assert_array_equal(found["particles"]["particle"], [9])
        self.assertAlmostEqual(found["particles"]["depth_global"][0], 1.0)


class Tracking(unittest.TestCase):
    IDS = np.arange(1, 5)

    def frame(self, tracker, step, a_x, b_x):
        """Two pairs of atoms (IDs 1-2 and 3-4), 1 Å wide along x, at a_x and b_x."""
        positions = np.array([[a_x, 5, 5], [a_x + 1, 5, 5], [b_x, 5, 5], [b_x + 1, 5, 5]]) % 10
        return tracker.add_frame(step, positions, self.IDS, BOX10)

    def test_ids_persist_and_events_are_named(self):
        tracker = exsolve.Tracker(cutoff=1.5)
        first = self.frame(tracker, 0, 1.0, 5.0)
        np.testing.assert_array_equal(first["particle_of_atom"], [1, 1, 2, 2])
        self.assertEqual(first["events"]["event"], ["birth", "birth"])
        merged = self.frame(tracker, 1, 3.0, 4.2)
        self.assertEqual(merged["events"]["event"], ["merge"])
        self.assertEqual(len(set(merged["particle_of_atom"].tolist())), 1)
        split = self.frame(tracker, 2, 1.0, 5.0)
        self.assertEqual(split["events"]["event"], ["split"])
        self.assertEqual(tracker.counts, {"births": 2, "merges": 1, "splits": 1, "deaths": 0, "exchanged_atoms": 0})

    def test_centre_is_unwrapped_across_the_boundary(self):
        tracker = exsolve.Tracker(cutoff=1.5)
        for step, x in enumerate((8.0, 8.8, 9.6, 10.4)):
            tracked = self.frame(tracker, step, x, x + 4.5)
        self.assertAlmostEqual(tracked["particles"]["x"][0], 10.9)
        self.assertAlmostEqual(tracked["particles"]["wrapped_x"][0], 0.9)
        self.assertAlmostEqual(tracked["particles"]["displacement"][0], 2.4)

    def test_tables_are_pandas_ready(self):
        tracked = self.frame(exsolve.Tracker(cutoff=1.5), 0, 1.0, 5.0)
        particles = pd.DataFrame(tracked["particles"])
        self.assertEqual(particles.shape, (2, 12))
        self.assertEqual(list(particles["id"]), [1, 2])
        events = pd.DataFrame(tracked["events"])
        self.assertEqual(list(events["event"]), ["birth", "birth"])


class BadInput(unittest.TestCase):
    """Every wrong argument is a Python exception whose message starts with the argument's name."""

    POSITIONS = np.array([[1.0, 1, 1], [2.0, 2, 2]])
    IDS = np.array([1, 2])

    def assert_refused(self, error, message, call):
        with self.assertRaises(error) as caught:
            call()
        self.assertTrue(str(caught.exception).startswith(message), str(caught.exception))

    def test_arrays(self):
        labels = exsolve.cluster_labels
        cases = [
            (TypeError, "positions: expects a float64 array, got float32",
             lambda: labels(self.POSITIONS.astype(np.float32), self.IDS, BOX10, 1.0)),
            (ValueError, "positions: expects shape (N, 3)", lambda: labels(self.POSITIONS[:, :2].copy(), self.IDS, BOX10, 1.0)),
            (ValueError, "positions: expects a C-contiguous array",
             lambda: labels(np.asfortranarray(self.POSITIONS), self.IDS, BOX10, 1.0)),
            (ValueError, "positions: expects a C-contiguous array",
             lambda: labels(np.zeros((2, 6))[:, ::2], self.IDS, BOX10, 1.0)),
            (TypeError, "positions: expects a numpy array, got list", lambda: labels([[1.0, 1, 1]], self.IDS, BOX10, 1.0)),
            (ValueError, "positions: row 1: x is nan: positions must be finite numbers",
             lambda: labels(np.array([[1.0, 1, 1], [np.nan, 1, 1]]), self.IDS, BOX10, 1.0)),
            (ValueError, "positions: row 0: z is -inf: positions must be finite numbers",
             lambda: labels(np.array([[1.0, 1, -np.inf], [2.0, 1, 1]]), self.IDS, BOX10, 1.0)),
            (TypeError, "atom_ids: expects an int64 or int32 array, got float64",
             lambda: labels(self.POSITIONS, self.IDS.astype(float), BOX10, 1.0)),
            (ValueError, "atom_ids: expects 2 values (one per atom), got 3",
             lambda: labels(self.POSITIONS, np.array([1, 2, 3]), BOX10, 1.0)),
            (TypeError, "selected: expects a bool array, got int64",
             lambda: labels(self.POSITIONS, self.IDS, BOX10, 1.0, np.array([1, 0]))),
            (ValueError, "cutoff: expects a finite number > 0", lambda: labels(self.POSITIONS, self.IDS, BOX10, 0.0)),
        ]
        for error, message, call in cases:
            with self.subTest(message):
                self.assert_refused(error, message, call)

    def test_box(self):
        # The CLI's words for a box thinner than twice the cutoff (core/periodic_box.h).
        self.assert_refused(ValueError, "box: periodic box length 10.000000 along axis 0 is less than twice the cluster cutoff",
                            lambda: exsolve.cluster_labels(self.POSITIONS, self.IDS, BOX10, 6.0))
        tilted = exsolve.Box((0, 0, 0), (10, 10, 10), tilt=(8, 0, 0))
        self.assert_refused(ValueError, "box: periodic cell width",
                            lambda: exsolve.cluster_labels(self.POSITIONS, self.IDS, tilted, 4.5))
        self.assert_refused(ValueError, "box: hi must exceed lo along axis 1", lambda: exsolve.Box((0, 5, 0), (1, 5, 1)))
        self.assert_refused(ValueError, "box: tilt factors", lambda: exsolve.Box((0, 0, 0), (1, 1, 1), tilt=(np.inf, 0, 0)))
        self.assert_refused(ValueError, "box: periodic box length 10.000000 along axis 0 is less than twice the bond cutoff",
                            lambda: exsolve.bond_counts(self.POSITIONS, np.array([1, 2]), BOX10, exsolve.PairCutoffs(2, 5.5), [1], [2]))

    def test_positions_the_box_cannot_hold(self):
        # The dump reader's rule and words (core/position_bounds.h), for every function
        # that takes positions and a box, on periodic and non-periodic axes alike.
        far = np.array([[1.0, 1, 1], [2.0, 1e300, 1]])
        message = "positions: row 1: y = 1e+300 lies more than 1e+06 box lengths outside the box [0, 10]: a corrupt position"
        slab = exsolve.Box((0, 0, 0), (10, 10, 10), periodic=(True, True, False))
        calls = {
            "cluster_labels": lambda box: exsolve.cluster_labels(far, self.IDS, box, 1.0),
            "census": lambda box: exsolve.census(far, self.IDS, box, 1.0),
            "bond_counts": lambda box: exsolve.bond_counts(far, np.array([1, 2]), box, exsolve.PairCutoffs(2, 2.0), [1], [2]),
            "socket_depths": lambda box: exsolve.socket_depths(far, np.array([True, False]), np.array([-1, 0]), box),
            "Tracker.add_frame": lambda box: exsolve.Tracker(1.0).add_frame(0, far, self.IDS, box),
        }
        for name, call in calls.items():
            for box in (BOX10, slab):
                with self.subTest(name, periodic=box.periodic):
                    self.assert_refused(ValueError, message, lambda: call(box))
        below = np.array([[1.0, 1, 1], [2.0, 1, -2e7]])
        self.assert_refused(ValueError, "positions: row 1: z = -2e+07 lies more than 1e+06 box lengths outside the box [0, 10]",
                            lambda: exsolve.cluster_labels(below, self.IDS, slab, 1.0))

    def test_positions_outside_the_box_within_the_bound_are_used(self):
        # Unwrapped positions (a periodic axis, whole boxes away) cluster as their wrapped
        # images do; up to 1e6 box lengths is not a corrupt position.
        pair = np.array([[0.5, 5.0, 5.0], [9.7, 5.0, 5.0], [5.0, 5.0, 5.0]])
        ids = np.array([1, 2, 3])
        wrapped = exsolve.cluster_labels(pair, ids, BOX10, 1.0)
        unwrapped = pair + np.array([[3e6, 0, 0], [-40.0, 0, 0], [0, 0, 0]])
        self.assertEqual(list(exsolve.cluster_labels(unwrapped, ids, BOX10, 1.0)), list(wrapped))
        self.assertEqual(wrapped[0], wrapped[1])
        self.assertNotEqual(wrapped[0], wrapped[2])

    def test_cutoffs_and_types(self):
        self.assert_refused(ValueError, "pairs[0]:", lambda: exsolve.PairCutoffs(3, 2.0, [("1", "4", 2.0)]))
        self.assert_refused(ValueError, "cutoff:", lambda: exsolve.PairCutoffs(3, -1.0))
        cutoffs = exsolve.PairCutoffs(2, 2.0)
        self.assert_refused(ValueError, "metal_types: type 3 is outside 1..2",
                            lambda: exsolve.bond_counts(self.POSITIONS, np.array([1, 2]), BOX10, cutoffs, [3], [1]))
        self.assert_refused(ValueError, "types: type 5 is beyond the cutoffs' 2 types",
                            lambda: exsolve.bond_counts(self.POSITIONS, np.array([1, 5]), BOX10, cutoffs, [1], [2]))
        self.assert_refused(ValueError, "surface_axis: expects 0, 1 or 2", lambda: exsolve.Tracker(1.0, surface_axis=3))
        self.assert_refused(ValueError, "min_size: expects at least 1 atom", lambda: exsolve.Tracker(1.0, min_size=0))


class Stub(unittest.TestCase):
    def test_stub_names_every_public_object_of_the_extension(self):
        path = os.path.join(os.path.dirname(exsolve.__file__), "_exsolve.pyi")
        with open(path) as f:
            tree = ast.parse(f.read())
        stubbed = {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
        public = {name for name in dir(exsolve._exsolve) if not name.startswith("_")}
        self.assertEqual(public - stubbed, set())
        for name in ("Box", "Frame", "DumpReader", "PairCutoffs", "Tracker"):
            members = {node.name for node in next(n for n in tree.body if getattr(n, "name", "") == name).body
                       if isinstance(node, ast.FunctionDef)}
            cls = getattr(exsolve, name)
            exposed = {m for m in dir(cls) if not m.startswith("_")} | ({"__init__"} if name != "Frame" else set())
            self.assertEqual(exposed - members - {"timestep", "positions_unwrapped"}, set(), name)
        self.assertTrue(all(getattr(exsolve, n).__doc__ for n in ("cluster_labels", "census", "bond_counts",
                                                                   "particle_bonds", "socket_depths", "Tracker")))


if __name__ == "__main__":
    unittest.main()
