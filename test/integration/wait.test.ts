import { strict as assert } from "node:assert";
import { waitAndRecord } from "../../provider/lifecycle/wait";
import { StepFailedError } from "../../provider/lifecycle/StepFailedError";
import { RunningSimulator } from "../../simulator/server";
import { ageOut, clientFor, simTask, startSim } from "../helpers/sim";
import { EcsClient } from "../../provider/ecs/client";

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

    it("with waitForImage, waits after the task until DescribeImages shows the image Available", async () => {
        const t = await simTask(sim, { regionId: REGION, taskAction: "ImportImage", durationMs: 400, imageReadyDelayMs: 1200 });
        const logs: string[] = [];
        const outs = await waitAndRecord(t.taskId, { regionId: REGION, taskId: t.taskId, pollInterval: "200ms", waitForImage: true }, "p", { client: clientFor(sim, "route"), log: (l) => logs.push(l) });
        assert.equal(outs.taskStatus, "Finished");
        assert.equal(outs.imageStatus, "Available");
        const view = sim.store.view(t.taskId)!;
        assert.ok(Date.now() >= view.terminalAt + 1200, "resolved before the image was Available");
        assert.ok(logs.some((l) => l.includes(`image ${t.ResourceId} Creating`)), logs.join("\n"));
        assert.ok(logs.some((l) => l.includes(`image ${t.ResourceId} Available`)), logs.join("\n"));
        assert.ok((sim.stats.calls.DescribeImages ?? 0) >= 2);
    });

    it("a Finished task that has aged out of DescribeTasks keeps its recorded result on a later update", async () => {
        const t = await simTask(sim, { regionId: REGION, taskAction: "ExportImage", durationMs: 200 });
        const inputs = { regionId: REGION, taskId: t.taskId, pollInterval: "200ms", notFoundGrace: "1s" };
        const first = await waitAndRecord(t.taskId, inputs, "p", { client: clientFor(sim, "rpc"), log: () => {} });
        assert.equal(first.ossObject, `exports/${t.taskId}.raw`);
        await ageOut(sim, t.taskId);
        const logs: string[] = [];
        const again = await waitAndRecord(t.taskId, { ...inputs, timeout: "1m" }, "p", { client: clientFor(sim, "rpc"), log: (l) => logs.push(l), recorded: first as unknown as Record<string, unknown> });
        assert.equal(again.taskStatus, "Finished");
        assert.equal(again.ossObject, first.ossObject);
        assert.equal(again.__inputs.timeout, "1m");
        assert.match(logs.join("\n"), /no longer listed.*recorded result \(Finished\) stands/);
    });

    it("a task never found fails after the grace period, naming region and endpoint", async () => {
        await assert.rejects(
            waitAndRecord("t-nosuchtask", { regionId: REGION, taskId: "t-nosuchtask", pollInterval: "200ms", notFoundGrace: "600ms" }, "p", { client: clientFor(sim, "route"), log: () => {} }),
            (e: unknown) => e instanceof StepFailedError && /t-nosuchtask was not found in region cn-qingdao-env17-d01.*regionId and the endpoint.*endpoint http:\/\/127\.0\.0\.1/.test(e.message) && e.properties.waitError === e.message,
        );
    });

    it("DescribeImages over HTTP in both styles lists a Creating image only when asked for that status", async () => {
        const t = await simTask(sim, { regionId: REGION, taskAction: "ImportImage", durationMs: 60_000 });
        for (const style of ["route", "rpc"] as const) {
            const c = new EcsClient(clientFor(sim, style));
            const all = await c.describeImages({ RegionId: REGION, ImageIds: [t.ResourceId!], Status: ["Creating", "Available"] });
            assert.deepEqual(all.Images.map((i) => [i.ImageId, i.Status]), [[t.ResourceId, "Creating"]]);
            const dflt = await c.describeImages({ RegionId: REGION, ImageIds: [t.ResourceId!] });
            assert.equal(dflt.Images.length, 0);
        }
    });
});
