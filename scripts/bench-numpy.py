"""Reference Monte Carlo in numpy for scripts/bench.ts: same work per sample (Dirichlet weights via gamma draws,
uniform score perturbation, totals = S @ w, argsort ranks, rank-acceptability counts), vectorised in batches.

Usage: python3 scripts/bench-numpy.py N RUNS m1xn1 [m2xn2 ...]  → one JSON line per size with the median ms.
"""
import json
import sys
import time

import numpy as np

BATCH = 1000  # bounds memory: BATCH × m × n doubles per batch


def simulate(rng, base, width, alpha, samples):
    m, n = base.shape
    counts = np.zeros(m * m, dtype=np.int64)
    cols = np.arange(m)
    done = 0
    while done < samples:
        k = min(BATCH, samples - done)
        g = rng.gamma(alpha, size=(k, n))
        w = g / g.sum(axis=1, keepdims=True)
        s = base + rng.random((k, m, n)) * width
        totals = np.matmul(s, w[:, :, None])[:, :, 0]
        order = np.argsort(-totals, axis=1)
        counts += np.bincount((order * m + cols).ravel(), minlength=m * m)
        done += k
    return counts


def main():
    samples = int(sys.argv[1])
    runs = int(sys.argv[2])
    for size in sys.argv[3:]:
        m, n = (int(x) for x in size.split("x"))
        rng = np.random.default_rng(12345)
        points = rng.random((m, n)) * 10
        base = np.clip(points - 0.5, 0, 10)
        width = np.clip(points + 0.5, 0, 10) - base
        shares = rng.random(n) + 0.05
        shares /= shares.sum()
        alpha = 100 * shares
        simulate(rng, base, width, alpha, samples)  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            counts = simulate(rng, base, width, alpha, samples)
            times.append((time.perf_counter() - t0) * 1000)
            assert counts.sum() == samples * m
        print(json.dumps({"size": size, "ms": float(np.median(times))}))


if __name__ == "__main__":
    main()
