import seedrandom from "seedrandom";

/**
 * A repeatable uniform random source in [0, 1) from a seed (the `seedrandom` package's
 * ARC4-based generator), for fault schedules, task scripts and benchmark inputs that must replay.
 */
export function seededRandom(seed: number | string): () => number {
    const rng = seedrandom(String(seed));
    return () => rng();
}
