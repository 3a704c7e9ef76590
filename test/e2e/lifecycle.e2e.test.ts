import { strict as assert } from "node:assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RunningSimulator } from "../../simulator/server";
import { EcsClient } from "../../provider/ecs/client";
import { ageOut, clientFor, simTask, SIM_CREDENTIALS } from "../helpers/sim";
import { RunResult, setUpProgram, tearDownProgram, TempProgram } from "../helpers/pulumi";
import { LIFECYCLE_PROGRAM } from "./lifecycleProgram";

const REGION = "cn-qingdao-env17-d01";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const WAITER = "ImageTaskWaiter::waiter";

type Resource = { urn: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> };

/**
 * The lifecycle through the real pulumi CLI against the simulator: check, diff, resume after a
 * timeout, aged-out tasks, refresh, delete with and without cancelOnDelete, waitForImage,
 * exports, failure detail and progress lines.
 */
describe("lifecycle end to end through the real pulumi CLI", function () {
    this.timeout(240_000);
    let sim: RunningSimulator;
    let prog: TempProgram;

    before(async () => ({ sim, prog } = await setUpProgram({ "index.js": LIFECYCLE_PROGRAM })));
    after(() => tearDownProgram(sim, prog));

    /** A stack whose waiter gets `waiter` as its optional inputs; returns its marker file. */
    async function newStack(name: string, config: { taskId?: string; startTask?: object; waiter?: object }): Promise<string> {
        const markerFile = join(prog.dir, `${name}.markers`);
        await prog.must(["stack", "init", name, "--non-interactive"]);
        const plain: Record<string, string> = {
            "apsara:endpoint": sim.url,
            "apsara:accessKeyId": SIM_CREDENTIALS.accessKeyId,
            regionId: REGION,
            markerFile,
            simUrl: sim.url,
            waiter: JSON.stringify(config.waiter ?? {}),
        };
        if (config.taskId) plain.taskId = config.taskId;
        if (config.startTask) plain.startTask = JSON.stringify(config.startTask);
        const args = ["config", "set-all", "-s", name, "--secret", `apsara:accessKeySecret=${SIM_CREDENTIALS.accessKeySecret}`];
        for (const [k, v] of Object.entries(plain)) args.push("--plaintext", `${k}=${v}`);
        await prog.must(args);
        return markerFile;
    }

    const up = (stack: string) => prog.pulumi(["up", "--yes", "--non-interactive", "--skip-preview", "-s", stack]);
    const mustUp = (stack: string) => prog.must(["up", "--yes", "--non-interactive", "--skip-preview", "-s", stack]);
    const refresh = (stack: string) => prog.must(["refresh", "--yes", "--non-interactive", "--skip-preview", "-s", stack]);
    const destroy = (stack: string) => prog.must(["destroy", "--yes", "--non-interactive", "--skip-preview", "-s", stack]);

    async function exported(stack: string): Promise<{ deployment: { resources?: Resource[] } }> {
        return JSON.parse((await prog.must(["stack", "export", "-s", stack])).stdout);
    }
    async function waiterState(stack: string): Promise<Resource> {
        const w = ((await exported(stack)).deployment.resources ?? []).find((r) => r.urn.endsWith(WAITER));
        assert.ok(w, `no waiter in the state of ${stack}`);
        return w;
    }
    async function outputs(stack: string): Promise<Record<string, string>> {
        return JSON.parse((await prog.must(["stack", "output", "--json", "-s", stack])).stdout);
    }
    async function previewSteps(stack: string): Promise<{ urn: string; op: string; newState?: { inputs: Record<string, unknown> } }[]> {
        return JSON.parse((await prog.must(["preview", "--json", "-s", stack])).stdout).steps;
    }
    function markers(file: string): { at: number }[] {
        return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
    }
    const text = (r: RunResult) => r.stdout + r.stderr;

    it("check: preview fails naming each bad input and what is expected", async () => {
        await newStack("check", { taskId: "t-check", waiter: { taskAction: "CopyImage", timeout: "90", endpoint: "ftp://ecs.example.com", apiStyle: "soap", cancelOnDelete: "yes", regionId: "" } });
        const r = await prog.pulumi(["preview", "--non-interactive", "-s", "check"]);
        assert.notEqual(r.code, 0);
        const t = text(r);
        assert.match(t, /taskAction.*"CopyImage" is not supported; use one of ImportImage, ExportImage/);
        assert.match(t, /timeout.*"90" is not a duration; write a number with units/);
        assert.match(t, /endpoint.*must use http or https/);
        assert.match(t, /apiStyle.*"soap" is not a call style/);
        assert.match(t, /cancelOnDelete.*must be true or false/);
        assert.match(t, /regionId is required: give a non-empty string/);
    });

    it("a task ID unknown in preview passes check; an export records the OSS object it wrote", async () => {
        await newStack("export", { startTask: { regionId: REGION, taskAction: "ExportImage", durationMs: 1500 }, waiter: { taskAction: "ExportImage", timeout: "1m" } });
        const steps = await previewSteps("export");
        const w = steps.find((s) => s.urn.endsWith(WAITER));
        assert.equal(w?.op, "create");
        assert.equal(w?.newState?.inputs.taskId, UNKNOWN);
        await mustUp("export");
        const out = await outputs("export");
        assert.equal(out.taskStatus, "Finished");
        assert.equal(out.taskAction, "ExportImage");
        assert.match(out.taskId, /^t-/);
        assert.equal(out.ossObject, `exports/${out.taskId}.raw`);
        assert.equal(sim.store.get(out.taskId)?.ossObject, out.ossObject);
    });

    describe("resume after a timeout, diff, aged-out task (one stack, in order)", () => {
        let taskId: string;
        let markerFile: string;

        it("a timeout fails up naming the task, last status, progress, time waited and polls, with one log line per change", async () => {
            // The program starts the task during the first up: the task's 14 s run from then, not from the stack setup.
            markerFile = await newStack("resume", { startTask: { regionId: REGION, taskAction: "ImportImage", durationMs: 14_000, pendingMs: 1000 }, waiter: { timeout: "5s", progressInterval: "1s" } });
            const describeBefore = sim.stats.calls.DescribeTasks ?? 0;
            const r = await up("resume");
            const describeCalls = (sim.stats.calls.DescribeTasks ?? 0) - describeBefore;
            assert.notEqual(r.code, 0);
            taskId = String((await waiterState("resume")).outputs.taskId);
            assert.match(taskId, /^t-/);
            const t1 = text(r);
            assert.match(t1, new RegExp(`Timed out after \\d+s \\(timeout 5s\\) waiting for ECS task ${taskId} in ${REGION}: last status Processing, progress \\d+%, \\d+ polls`));
            assert.equal(markers(markerFile).length, 0, "the gated resource ran although the wait timed out");

            // Progress: a line per change of status or progress, none for polls that changed nothing.
            const lines = t1.split("\n").map((l) => l.trim()).filter((l) => l.startsWith(`ECS task ${taskId}: `));
            assert.ok(lines.some((l) => /: (Pending|Processing)$/.test(l)), `no status line:\n${lines.join("\n")}`);
            assert.ok(lines.filter((l) => /: Processing \d+%$/.test(l)).length >= 2, `expected progress lines:\n${lines.join("\n")}`);
            assert.equal(new Set(lines).size, lines.length, `a line repeats:\n${lines.join("\n")}`);
            assert.ok(lines.length < describeCalls, `${lines.length} lines for ${describeCalls} DescribeTasks polls`);

            const w = await waiterState("resume");
            assert.equal(w.outputs.taskStatus, "Processing");
            assert.match(String(w.outputs.progress), /^\d+%$/);
            assert.match(String(w.outputs.waitError), /Timed out/);
        });

        it("after a refresh, preview still plans an update of the waiter (wait again), not a replacement", async () => {
            await refresh("resume");
            assert.equal((await waiterState("resume")).outputs.taskStatus, "Processing");
            const steps = await previewSteps("resume");
            assert.equal(steps.find((s) => s.urn.endsWith(WAITER))?.op, "update");
        });

        it("the next up with no change to the program waits on the same task and completes", async () => {
            const r = await mustUp("resume");
            assert.match(text(r), new RegExp(`ECS task ${taskId}: Finished`));
            const out = await outputs("resume");
            assert.equal(out.taskStatus, "Finished");
            assert.equal(out.taskId, taskId);
            assert.equal(out.resourceId, sim.store.get(taskId)?.resourceId);
            assert.equal(out.waitError, undefined);
            const m = markers(markerFile);
            assert.equal(m.length, 1);
            assert.ok(m[0].at >= sim.store.view(taskId)!.terminalAt, "the gated resource ran before the task finished");
            await prog.must(["preview", "--expect-no-changes", "--non-interactive", "-s", "resume"]);
        });

        it("a change only to the serialized provider text is no change", async () => {
            const state = await exported("resume");
            const w = state.deployment.resources!.find((r) => r.urn.endsWith(WAITER))!;
            for (const bag of [w.inputs, w.outputs]) {
                assert.equal(typeof bag.__provider, "string");
                bag.__provider = `${bag.__provider}\n// serialized by pulumi-ecs-image-task 0.0.1`;
            }
            const file = join(prog.dir, "resume-state.json");
            writeFileSync(file, JSON.stringify(state));
            await prog.must(["stack", "import", "-s", "resume", "--file", file]);
            await prog.must(["preview", "--expect-no-changes", "--non-interactive", "-s", "resume"]);
        });

        it("a change of call style, endpoint or action is an update, and preview --diff names the changed inputs", async () => {
            await prog.must(["config", "set", "-s", "resume", "waiter", JSON.stringify({ timeout: "5s", progressInterval: "1s", apiStyle: "rpc", endpoint: `${sim.url}/`, taskAction: "ImportImage" })]);
            const steps = await previewSteps("resume");
            assert.equal(steps.find((s) => s.urn.endsWith(WAITER))?.op, "update");
            const d = (await prog.must(["preview", "--diff", "--non-interactive", "-s", "resume"])).stdout;
            assert.match(d, /~\s*ecs:index:ImageTaskWaiter|~ ecs:ImageTaskWaiter|ImageTaskWaiter/);
            assert.match(d, /\+\s*apiStyle\s*:\s*"rpc"/);
            assert.match(d, /\+\s*endpoint\s*:/);
            assert.match(d, /\+\s*taskAction\s*:\s*"ImportImage"/);
            assert.doesNotMatch(d, /replace/i);
            const r = await mustUp("resume");
            assert.match(text(r), new RegExp(`ECS task ${taskId}: Finished`));
            assert.equal((await outputs("resume")).taskStatus, "Finished");
        });

        it("a task that aged out of DescribeTasks breaks neither refresh, up nor destroy: the recorded result stands", async () => {
            await ageOut(sim, taskId);
            await refresh("resume");
            const w = await waiterState("resume");
            assert.equal(w.outputs.taskStatus, "Finished");
            await prog.must(["preview", "--expect-no-changes", "--non-interactive", "-s", "resume"]);
            await prog.must(["config", "set", "-s", "resume", "waiter", JSON.stringify({ timeout: "6s", apiStyle: "rpc", endpoint: `${sim.url}/`, taskAction: "ImportImage" })]);
            const r = await mustUp("resume");
            assert.match(text(r), new RegExp(`ECS task ${taskId} is no longer listed by DescribeTasks.*recorded result \\(Finished\\) stands`));
            const out = await outputs("resume");
            assert.equal(out.taskStatus, "Finished");
            assert.equal(out.resourceId, w.outputs.resourceId);
            await destroy("resume");
            assert.equal(((await exported("resume")).deployment.resources ?? []).length, 0);
        });
    });

    it("a task ID never found fails after the grace period, suggesting to check the region and endpoint", async () => {
        await newStack("notfound", { taskId: "t-neverexisted", waiter: { notFoundGrace: "2s" } });
        const r = await up("notfound");
        assert.notEqual(r.code, 0);
        assert.match(text(r), new RegExp(`t-neverexisted was not found in region ${REGION} after \\d+s: check the task ID, regionId and the endpoint .*endpoint http://127\\.0\\.0\\.1:${sim.port}`));
        await destroy("notfound");
    });

    it("refresh reports a task cancelled after a timeout; the next up fails saying so", async () => {
        const t = await simTask(sim, { regionId: REGION, taskAction: "ImportImage", durationMs: 120_000, pendingMs: 0 });
        await newStack("cancelled", { taskId: t.taskId, waiter: { timeout: "2s" } });
        assert.notEqual((await up("cancelled")).code, 0);
        assert.equal((await waiterState("cancelled")).outputs.taskStatus, "Processing");
        await new EcsClient(clientFor(sim, "rpc")).cancelTask(REGION, t.taskId);
        const r = await refresh("cancelled");
        assert.match(text(r), /taskStatus\s*:\s*"Processing"\s*=>\s*"Deleted"|Processing -> Deleted/);
        const w = await waiterState("cancelled");
        assert.equal(w.outputs.taskStatus, "Deleted");
        assert.match(String(w.outputs.waitError), new RegExp(`${t.taskId}.*was cancelled \\(Deleted\\)`));
        const again = await up("cancelled");
        assert.notEqual(again.code, 0);
        assert.match(text(again), new RegExp(`ECS task ${t.taskId} \\(ImportImage\\) in ${REGION} was cancelled \\(Deleted\\)`));
        await destroy("cancelled");
    });

    it("destroy leaves a running task alone by default, and cancels it with cancelOnDelete: true", async () => {
        const keep = await simTask(sim, { regionId: REGION, taskAction: "ImportImage", durationMs: 120_000, pendingMs: 0 });
        const cancel = await simTask(sim, { regionId: REGION, taskAction: "ImportImage", durationMs: 120_000, pendingMs: 0 });
        await newStack("keep", { taskId: keep.taskId, waiter: { timeout: "2s" } });
        await newStack("cancel", { taskId: cancel.taskId, waiter: { timeout: "2s", cancelOnDelete: true } });
        const [a, b] = await Promise.all([up("keep"), up("cancel")]);
        assert.notEqual(a.code, 0);
        assert.notEqual(b.code, 0);
        const cancelsBefore = sim.stats.calls.CancelTask ?? 0;
        await destroy("keep");
        assert.equal(sim.store.view(keep.taskId)?.TaskStatus, "Processing");
        assert.equal(sim.stats.calls.CancelTask ?? 0, cancelsBefore, "a default delete called CancelTask");
        const r = await destroy("cancel");
        assert.equal(sim.store.view(cancel.taskId)?.TaskStatus, "Deleted");
        assert.match(text(r), new RegExp(`cancelOnDelete: cancelled ECS task ${cancel.taskId} \\(was Processing\\)`));
    });

    it("waitForImage: up waits after the task until DescribeImages shows the image Available", async () => {
        // The program starts the task during up, so its timeline is relative to the up and not to the stack setup.
        const markerFile = await newStack("image", {
            startTask: { regionId: REGION, taskAction: "ImportImage", durationMs: 1500, imageReadyDelayMs: 3000 },
            waiter: { taskAction: "ImportImage", waitForImage: true, timeout: "1m" },
        });
        const r = await mustUp("image");
        const out = await outputs("image");
        assert.equal(out.taskStatus, "Finished");
        assert.equal(out.imageStatus, "Available");
        assert.equal(out.resourceId, sim.store.get(out.taskId)?.resourceId);
        assert.match(text(r), new RegExp(`ECS task ${out.taskId}: image ${out.resourceId} Creating`));
        assert.match(text(r), new RegExp(`ECS task ${out.taskId}: image ${out.resourceId} Available`));
        const m = markers(markerFile);
        assert.equal(m.length, 1);
        assert.ok(m[0].at >= sim.store.view(out.taskId)!.terminalAt + 3000, "the gated resource ran before the image was Available");
        await prog.must(["preview", "--expect-no-changes", "--non-interactive", "-s", "image"]);
    });

    it("a failed task: the error and the recorded outputs carry DescribeTaskAttribute's code, message and progress", async () => {
        const t = await simTask(sim, { regionId: REGION, taskAction: "ImportImage", durationMs: 1500, finalStatus: "Failed", errorCode: "InvalidImage.Format", errorMessage: "the image format is not supported", failAtProgress: 30 });
        await newStack("failed", { taskId: t.taskId });
        const r = await up("failed");
        assert.notEqual(r.code, 0);
        assert.match(text(r), new RegExp(`ECS task ${t.taskId} \\(ImportImage\\) in ${REGION} ended Failed at 30%: InvalidImage.Format: the image format is not supported`));
        const w = await waiterState("failed");
        assert.equal(w.outputs.taskStatus, "Failed");
        assert.equal(w.outputs.errorCode, "InvalidImage.Format");
        assert.equal(w.outputs.errorMessage, "the image format is not supported");
        assert.equal(w.outputs.progress, "30%");
        assert.match(String(w.outputs.waitError), /ended Failed at 30%/);
    });
});
