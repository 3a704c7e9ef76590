import { strict as assert } from "node:assert";
import { waitAndRecord } from "../../provider/lifecycle/wait";
import { StepFailedError } from "../../provider/lifecycle/StepFailedError";
import { RunningSimulator } from "../../simulator/server";
import { clientFor, startSim } from "../helpers/sim";

const REGION = "cn-qingdao-env17-d01";

describe("wait and record, over HTTP to the simulator", () => {
    let sim: RunningSimulator;
    before(async () => (sim = await startSim()));
    after(() => sim.close());

    it("records the outputs of a Finished import", async () => {
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 600 });
        const logs: string[] = [];
        const outs = await waitAndRecord(t.TaskId, { regionId: REGION, taskId: t.TaskId, taskAction: "ImportImage", pollInterval: "200ms" }, "prov", { client: clientFor(sim, "route"), log: (l) => logs.push(l) });
        assert.equal(outs.taskStatus, "Finished");
        assert.equal(outs.resourceId, t.resourceId);
        assert.equal(outs.progress, "100%");
        assert.ok(outs.finishedTime);
        assert.ok(logs.some((l) => l.includes("Finished")));
        assert.ok(!Object.values(outs).includes(undefined));
    });

    it("records an export's OSS object", async () => {
        const t = sim.store.create(REGION, "ExportImage", { durationMs: 300 });
        t.ossObject = "exports/m-1.raw";
        const outs = await waitAndRecord(t.TaskId, { regionId: REGION, taskId: t.TaskId, pollInterval: "200ms" }, "prov", { client: clientFor(sim, "rpc"), log: () => {} });
        assert.equal(outs.ossObject, "exports/m-1.raw");
    });

    it("fails a Failed task with its reason and records the failed state with __provider", async () => {
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 300, finalStatus: "Failed", errorCode: "InvalidImage.Format", errorMessage: "unsupported image format", failAtProgress: 40 });
        await assert.rejects(
            waitAndRecord(t.TaskId, { regionId: REGION, taskId: t.TaskId, pollInterval: "200ms" }, "prov-text", { client: clientFor(sim, "rpc"), log: () => {} }),
            (e: unknown) => {
                assert.ok(e instanceof StepFailedError);
                assert.equal(e.id, t.TaskId);
                assert.equal(e.properties.taskStatus, "Failed");
                assert.equal(e.properties.errorCode, "InvalidImage.Format");
                assert.equal(e.properties.progress, "40%");
                assert.equal(e.properties.__provider, "prov-text");
                assert.match(e.message, /Failed at 40%: InvalidImage.Format: unsupported image format/);
                return true;
            },
        );
    });

    it("times out with the last status recorded, so the next up can resume", async () => {
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 60_000, pendingMs: 0 });
        await assert.rejects(
            waitAndRecord(t.TaskId, { regionId: REGION, taskId: t.TaskId, timeout: "1s", pollInterval: "200ms" }, "p", { client: clientFor(sim, "rpc"), log: () => {} }),
            (e: unknown) => e instanceof StepFailedError && e.properties.taskStatus === "Processing" && /Timed out/.test(e.message),
        );
    });
});
