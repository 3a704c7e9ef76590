import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RunningSimulator } from "../../simulator/server";
import { SIM_CREDENTIALS } from "../helpers/sim";
import { RunResult, setUpProgram, tearDownProgram, TempProgram } from "../helpers/pulumi";
import { GATED_PROGRAM } from "./program";

const REGION = "cn-qingdao-env17-d01";

/**
 * Runs `pulumi up` in its own process group, as a terminal runs a foreground job, and sends
 * SIGINT to the whole group (what Ctrl-C does) once `interruptWhen` holds.
 */
function upAndInterrupt(prog: TempProgram, stack: string, interruptWhen: () => boolean): Promise<RunResult & { interrupted: boolean; msAfterInterrupt: number }> {
    return new Promise((resolve, reject) => {
        const env = {
            ...process.env,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_CONFIG_PASSPHRASE: "",
            PULUMI_BACKEND_URL: `file://${prog.backend}`,
        };
        const child = spawn("pulumi", ["up", "--yes", "--non-interactive", "--skip-preview", "-s", stack], { cwd: prog.dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        let interrupted = false;
        let interruptedAt = 0;
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        const poll = setInterval(() => {
            if (!interrupted && interruptWhen()) {
                interrupted = true;
                interruptedAt = Date.now();
                process.kill(-child.pid!, "SIGINT");
            }
        }, 100);
        child.on("error", (e) => {
            clearInterval(poll);
            reject(e);
        });
        child.on("exit", (code) => {
            clearInterval(poll);
            resolve({ code: code ?? 1, stdout, stderr, interrupted, msAfterInterrupt: Date.now() - interruptedAt });
        });
    });
}

describe("Ctrl-C during a wait, through the real pulumi CLI", function () {
    this.timeout(180_000);
    let sim: RunningSimulator;
    let prog: TempProgram;

    before(async () => ({ sim, prog } = await setUpProgram({ "index.js": GATED_PROGRAM })));
    after(() => tearDownProgram(sim, prog));

    it("ends up with the waiter recorded at its last status and no pending operation; the next up waits on the same task to Finished", async () => {
        // Long enough that the task is still running when the first up is interrupted and when it has ended.
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 25_000 });
        const markerFile = join(prog.dir, "interrupt.markers");
        await prog.stack(
            "interrupt",
            {
                "apsara:endpoint": sim.url,
                "apsara:accessKeyId": SIM_CREDENTIALS.accessKeyId,
                "apsara:accessKeySecret": SIM_CREDENTIALS.accessKeySecret,
                regionId: REGION,
                taskId: t.TaskId,
                markerFile,
                timeout: "2h",
            },
            ["apsara:accessKeySecret"],
        );

        // Interrupt once the waiter has polled the task a few times: the wait is under way.
        const callsBefore = sim.stats.calls.DescribeTasks ?? 0;
        const first = await upAndInterrupt(prog, "interrupt", () => (sim.stats.calls.DescribeTasks ?? 0) >= callsBefore + 3);
        console.log(`      (pulumi up ended ${first.msAfterInterrupt} ms after SIGINT)`);
        const statusAtInterrupt = sim.store.view(t.TaskId)!.TaskStatus;
        assert.ok(first.interrupted, `up ended before it was interrupted:\n${first.stdout}\n${first.stderr}`);
        assert.notEqual(first.code, 0, "an interrupted up must not report success");
        assert.notEqual(statusAtInterrupt, "Finished", "the task ended before up was interrupted: the test proves nothing");
        assert.match(first.stdout + first.stderr, new RegExp(`Stopped waiting for ECS task ${t.TaskId}.*cancelled`));

        const state = JSON.parse((await prog.must(["stack", "export", "-s", "interrupt"])).stdout);
        assert.deepEqual(state.deployment.pending_operations ?? [], [], `pending operations left: ${JSON.stringify(state.deployment.pending_operations)}`);
        const waiter = state.deployment.resources.find((x: { urn: string }) => x.urn.endsWith("ImageTaskWaiter::waiter"));
        assert.ok(waiter, "the interrupted waiter is not recorded in the state");
        assert.equal(waiter.outputs.taskId, t.TaskId);
        assert.ok(["Pending", "Processing"].includes(waiter.outputs.taskStatus), `recorded status ${waiter.outputs.taskStatus}`);
        assert.ok(typeof waiter.outputs.__provider === "string" && waiter.outputs.__provider.length > 0, "__provider is missing from the recorded outputs");
        assert.ok(!existsSync(markerFile), "the gated resource ran although the wait was interrupted");

        // The engine plans an update for a resource recorded as failed to initialize, with the same inputs.
        const plan = JSON.parse((await prog.must(["preview", "--json", "-s", "interrupt"])).stdout);
        const step = plan.steps.find((x: { urn: string }) => x.urn.endsWith("ImageTaskWaiter::waiter"));
        assert.equal(step?.op, "update", `the next up would not wait again: ${JSON.stringify(step)}`);

        // The next up waits again on the same task and completes.
        const callsBeforeResume = sim.stats.calls.DescribeTasks ?? 0;
        await prog.must(["up", "--yes", "--non-interactive", "--skip-preview", "-s", "interrupt"]);
        assert.ok((sim.stats.calls.DescribeTasks ?? 0) > callsBeforeResume, "the second up made no DescribeTasks call");
        const out = JSON.parse((await prog.must(["stack", "output", "--json", "-s", "interrupt"])).stdout);
        assert.equal(out.taskStatus, "Finished");
        assert.equal(out.imageId, t.resourceId);
        const m = readFileSync(markerFile, "utf8").trim().split("\n").map((l) => JSON.parse(l));
        assert.equal(m.length, 1);
        assert.equal(m[0].imageId, t.resourceId);
        assert.ok(m[0].at >= t.createdAt + t.durationMs, "the gated resource ran before the task finished");
    });
});
