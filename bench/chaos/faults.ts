import { FaultConfig, FaultKind } from "../../simulator/faults/types";

/** Share of calls each fault kind takes in the chaos run; they add up to {@link TOTAL_FAULT_RATE}. */
export const CHAOS_MIX: Partial<Record<FaultKind, number>> = {
    throttle: 0.04,
    internalError: 0.015,
    serviceUnavailable: 0.015,
    latency: 0.02,
    reset: 0.015,
    hang: 0.005,
    truncatedJson: 0.015,
    malformedJson: 0.015,
    proxyHtml: 0.015,
    asapiFailure: 0.015,
    resultCodeFailure: 0.015,
    staleTimestamp: 0.015,
};

/** Total share of calls that get a fault: 20% (issue 5). */
export const TOTAL_FAULT_RATE = Object.values(CHAOS_MIX).reduce((a, b) => a + (b ?? 0), 0);

/**
 * The chaos run's faults: every kind of simulator/faults/types.ts mixed at {@link CHAOS_MIX}
 * rates (half the throttles with `x-acs-retry-after`, half without), each rate made conditional
 * so that the total is 20% of calls; a quota of 5 DescribeTaskAttribute calls per second per key and region;
 * and tasks that stay missing from DescribeTasks for 3 s after they are created.
 */
export function chaosFaults(): FaultConfig {
    const rules: FaultConfig["rules"] = [];
    // Rules are tried in order and the first that fires wins: rate_i / (1 - sum of earlier rates) gives each its share.
    let left = 1;
    for (const [kind, share] of Object.entries(CHAOS_MIX) as [FaultKind, number][]) {
        if (kind === "throttle") {
            rules.push({ kind, rate: share / 2 / left, retryAfterSeconds: 1 });
            left -= share / 2;
            rules.push({ kind, rate: share / 2 / left });
            left -= share / 2;
            continue;
        }
        if (kind === "latency") {
            rules.push({ kind, rate: share / left, delayMs: 200, jitterMs: 1500 });
            continue;
        }
        rules.push({ kind, rate: share / left });
        left -= share;
    }
    return { rules, quotas: [{ action: "DescribeTaskAttribute", perSecond: 5 }], taskMissingMs: 3000 };
}
