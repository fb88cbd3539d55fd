#!/usr/bin/env python3
"""The expected numbers of the statistics unit tests and of tests/demo/compare_replicas.sh,
computed independently of the C++ code: python3 standard library only, Student's t by
integrating its density with Simpson's rule (not the incomplete beta function the code
uses), quantiles by bisection on that. Run it to see every number the tests hold."""
import math


def density(x, df):
    return math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi) * \
        (1 + x * x / df) ** (-(df + 1) / 2)


def p_two_sided(t, df, steps=200000):
    """P(|T| >= |t|) = 1 - 2 * integral_0^|t| density."""
    t = abs(t)
    h = t / steps
    total = density(0, df) + density(t, df) + sum((4 if i % 2 else 2) * density(i * h, df) for i in range(1, steps))
    return 1 - 2 * total * h / 3


def quantile(probability, df):
    low, high = 0.0, 50.0
    for _ in range(60):
        middle = (low + high) / 2
        if 1 - p_two_sided(middle, df, 20000) / 2 < probability:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def estimate(values):
    """Mean, standard error of the mean (sample variance / n), n."""
    n = len(values)
    mean = sum(values) / n
    variance = sum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, math.sqrt(variance / n), n


def welch(a, b):
    """b - a: change, its error, t, Welch-Satterthwaite df, two-sided p."""
    (mean_a, se_a, n_a), (mean_b, se_b, n_b) = a, b
    va, vb = se_a ** 2, se_b ** 2
    error = math.sqrt(va + vb)
    t = (mean_b - mean_a) / error
    df = (va + vb) ** 2 / (va * va / (n_a - 1) + vb * vb / (n_b - 1))
    return mean_b - mean_a, error, t, df, p_two_sided(t, df)


def replicas_needed(a, b):
    (mean_a, se_a, n_a), (mean_b, se_b, n_b) = a, b
    var_a, var_b = se_a ** 2 * n_a, se_b ** 2 * n_b
    ratio = (var_a + var_b) / (mean_b - mean_a) ** 2
    # Start at the normal-quantile answer, a lower bound (t quantiles exceed normal ones),
    # so that the slow integration runs a few times instead of n times.
    n = max(2, math.ceil((1.959963984540054 + 0.8416212335729143) ** 2 * ratio))
    while True:
        df = (var_a + var_b) ** 2 * (n - 1) / (var_a ** 2 + var_b ** 2)
        spans = quantile(0.975, df) + quantile(0.8, df)
        if n >= spans * spans * ratio:
            return n
        n += 1


def run_length_factor(a, b):
    change, error, _, df, _ = welch(a, b)
    spans = quantile(0.975, df) + quantile(0.8, df)
    return (spans * error / change) ** 2


if __name__ == "__main__":
    print("p2(2.228, 10)", p_two_sided(2.228, 10), "p2(2.0, 7.5)", p_two_sided(2.0, 7.5),
          "p2(1.5, 3.3)", p_two_sided(1.5, 3.3), "q(0.975, 7.5)", quantile(0.975, 7.5))
    print("p2(2, 7.418)", p_two_sided(2, 0.0625 / (0.0081 / 4 + 0.0256 / 4)))
    replicas = {
        "bonds": ([1.52, 1.55, 1.50], [1.30, 1.22, 1.27, 1.25]),
        "D": ([0.08, 0.11, 0.09], [0.15, 0.40, 0.22, 0.31]),
        "merges": ([0, 0, 0], [1, 0, 1, 0]),
        "socket_depth_local": ([-0.7, -0.6, -0.8], [-1.9, -2.1, -2.0, -1.8]),
        "chemical_potential_excess": ([0.30, 0.32, 0.31], [0.36, 0.40, 0.35, 0.38]),
    }
    for name, (a, b) in replicas.items():
        ea, eb = estimate(a), estimate(b)
        print(name, "stoichiometric", ea, "reducing", eb, "welch", welch(ea, eb))
        if ea[1] > 0:
            print("  replicas needed", replicas_needed(ea, eb))
    sd1 = 1 / math.sqrt(5)
    print("replicas needed, 1 sd apart", replicas_needed((0, sd1, 5), (1, sd1, 5)),
          "half an sd", replicas_needed((0, sd1, 5), (0.5, sd1, 5)))
    blocks_a, blocks_b = estimate([1.51, 1.55, 1.50, 1.54, 1.49]), estimate([1.29, 1.21, 1.27, 1.31, 1.23])
    print("one run, bonds blocks", blocks_a, blocks_b, welch(blocks_a, blocks_b))
    mu_a, mu_b = estimate([0.31, 0.32, 0.30, 0.31, 0.29]), estimate([0.41, 0.37, 0.42, 0.38, 0.42])
    print("one run, chemical potential blocks", mu_a, mu_b, welch(mu_a, mu_b))
    print("mixed, bonds: 3 replicas against one run's blocks", welch(estimate([1.52, 1.55, 1.50]), blocks_b))
    d_a, d_b = (0.09, 0.013, 8), (0.50, 0.41, 8)
    print("one run, D", welch(d_a, d_b), "run length factor", run_length_factor(d_a, d_b))
