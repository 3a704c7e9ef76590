import { strict as assert } from "node:assert";
import { runChaos } from "../../bench/chaos/run";

describe("chaos run (faults on 20% of calls, through the resource's wait)", function () {
    this.timeout(180_000);

    it("every wait ends as its task did; nothing hangs, goes unhandled, leaks the secret or is left running", async () => {
        const r = await runChaos({ seed: 11, tasks: 80, maxDurationMs: 15_000 });
        assert.ok(r.faultsInjected > 20, `expected many faults, got ${r.faultsInjected}`);
        for (const kind of ["throttle", "internalError", "proxyHtml", "reset", "truncatedJson"]) {
            assert.ok((r.faultsByKind[kind] ?? 0) > 0, `no ${kind} fault was injected: ${JSON.stringify(r.faultsByKind)}`);
        }
        assert.deepEqual(r.examples, []);
        assert.equal(r.wrongOutcomes, 0);
        assert.equal(r.hungWaits, 0);
        assert.equal(r.unhandledErrors, 0);
        assert.equal(r.strayTimers, 0);
        assert.equal(r.secretLeaks, 0);
        assert.ok(r.describeCalls <= r.describeCallBound, `${r.describeCalls} DescribeTasks calls, bound ${r.describeCallBound}`);
    });
});
