import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RunningSimulator } from "../../simulator/server";
import { SIM_CREDENTIALS } from "../helpers/sim";
import { setUpProgram, tearDownProgram, TempProgram } from "../helpers/pulumi";
import { GATED_PROGRAM } from "./program";

const REGION = "cn-qingdao-env17-d01";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function markers(file: string): { imageId: string; at: number }[] {
    return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
}

function totalCalls(sim: RunningSimulator): number {
    return Object.values(sim.stats.calls).reduce((a, b) => a + b, 0);
}

describe("end to end through the real pulumi CLI (program outside the repo)", function () {
    this.timeout(180_000);
    let sim: RunningSimulator;
    let prog: TempProgram;

    before(async () => ({ sim, prog } = await setUpProgram({ "index.js": GATED_PROGRAM })));
    after(() => tearDownProgram(sim, prog));

    async function newStack(name: string, taskId: string, apiStyle: "route" | "rpc"): Promise<string> {
        const markerFile = join(prog.dir, `${name}.markers`);
        await prog.stack(
            name,
            {
                "apsara:endpoint": sim.url,
                "apsara:apiStyle": apiStyle,
                "apsara:accessKeyId": SIM_CREDENTIALS.accessKeyId,
                "apsara:accessKeySecret": SIM_CREDENTIALS.accessKeySecret,
                regionId: REGION,
                taskId,
                markerFile,
            },
            ["apsara:accessKeySecret"],
        );
        return markerFile;
    }

    it("preview shows the waiter's outputs as unknown and makes no API call", async () => {
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 60_000 });
        await newStack("preview", t.TaskId, "route");
        const before = totalCalls(sim);
        const r = await prog.must(["preview", "--json", "-s", "preview"]);
        const doc = JSON.parse(r.stdout);
        const step = doc.steps.find((s: { urn: string }) => s.urn.endsWith("ImageTaskWaiter::waiter"));
        assert.ok(step, `no waiter step in ${r.stdout.slice(0, 500)}`);
        assert.equal(step.op, "create");
        assert.equal(step.newState.inputs.taskId, t.TaskId);
        const outputs = step.newState.outputs ?? {};
        assert.ok(outputs.taskStatus === undefined || outputs.taskStatus === UNKNOWN, `taskStatus is known in preview: ${JSON.stringify(outputs)}`);
        // The resource that consumes resourceId sees it as unknown: nothing downstream is decided in preview.
        const gated = doc.steps.find((s: { urn: string }) => s.urn.endsWith("Marker::gated"));
        assert.equal(gated.newState.inputs.imageId, UNKNOWN);
        assert.equal(totalCalls(sim), before, `preview made API calls: ${JSON.stringify(sim.stats.calls)}`);
    });

    for (const style of ["route", "rpc"] as const) {
        it(`${style} style: up waits until the task is Finished, and the gated resource is created only after`, async () => {
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 4000 });
            const markerFile = await newStack(`up-${style}`, t.TaskId, style);
            await prog.must(["up", "--yes", "--non-interactive", "--skip-preview", "-s", `up-${style}`]);
            const out = JSON.parse((await prog.must(["stack", "output", "--json", "-s", `up-${style}`])).stdout);
            assert.equal(out.taskStatus, "Finished");
            assert.match(out.imageId, /^m-/);
            assert.equal(out.imageId, t.resourceId);
            const m = markers(markerFile);
            assert.equal(m.length, 1);
            assert.equal(m[0].imageId, t.resourceId);
            assert.ok(m[0].at >= t.createdAt + t.durationMs, `gated resource ran ${t.createdAt + t.durationMs - m[0].at} ms before the task finished`);
        });
    }

    it("a failed task fails up with its reason, the gated resource is not created, and a new task ID waits on the new task", async () => {
        const bad = sim.store.create(REGION, "ImportImage", { durationMs: 1500, finalStatus: "Failed", errorCode: "InvalidImage.Format", errorMessage: "the image format is not supported", failAtProgress: 30 });
        const markerFile = await newStack("fail", bad.TaskId, "rpc");
        const r = await prog.pulumi(["up", "--yes", "--non-interactive", "--skip-preview", "-s", "fail"]);
        assert.notEqual(r.code, 0);
        const text = r.stdout + r.stderr;
        assert.match(text, new RegExp(`${bad.TaskId}.*Failed at 30%: InvalidImage.Format: the image format is not supported`));
        assert.equal(markers(markerFile).length, 0, "the gated resource ran although the task failed");

        const state = JSON.parse((await prog.must(["stack", "export", "-s", "fail"])).stdout);
        const waiter = state.deployment.resources.find((x: { urn: string }) => x.urn.endsWith("ImageTaskWaiter::waiter"));
        assert.ok(waiter, "the failed waiter is not recorded in the state");
        assert.equal(waiter.outputs.taskStatus, "Failed");
        assert.equal(waiter.outputs.errorCode, "InvalidImage.Format");
        assert.ok(!state.deployment.resources.some((x: { urn: string }) => x.urn.endsWith("Marker::gated")));

        const good = sim.store.create(REGION, "ImportImage", { durationMs: 2000 });
        await prog.must(["config", "set", "-s", "fail", "taskId", good.TaskId]);
        await prog.must(["up", "--yes", "--non-interactive", "--skip-preview", "-s", "fail"]);
        const out = JSON.parse((await prog.must(["stack", "output", "--json", "-s", "fail"])).stdout);
        assert.equal(out.taskStatus, "Finished");
        assert.equal(out.imageId, good.resourceId);
        const m = markers(markerFile);
        assert.equal(m.length, 1);
        assert.ok(m[0].at >= good.createdAt + good.durationMs);
    });

    it("refresh and destroy work, and the secret never reaches the state in plain text", async () => {
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 500 });
        await newStack("lifecycle", t.TaskId, "route");
        await prog.must(["up", "--yes", "--non-interactive", "--skip-preview", "-s", "lifecycle"]);
        const refresh = await prog.must(["refresh", "--yes", "--non-interactive", "--skip-preview", "-s", "lifecycle"]);
        assert.doesNotMatch(refresh.stdout, /error/i);
        const exported = (await prog.must(["stack", "export", "-s", "lifecycle"])).stdout;
        assert.ok(!exported.includes(SIM_CREDENTIALS.accessKeySecret), "the access key secret is in the state");
        await prog.must(["destroy", "--yes", "--non-interactive", "--skip-preview", "-s", "lifecycle"]);
        const after = JSON.parse((await prog.must(["stack", "export", "-s", "lifecycle"])).stdout);
        assert.equal((after.deployment.resources ?? []).length, 0);
    });
});
