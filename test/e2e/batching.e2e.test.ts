import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { RunningSimulator } from "../../simulator/server";
import { SIM_CREDENTIALS } from "../helpers/sim";
import { setUpProgram, tearDownProgram, TempProgram } from "../helpers/pulumi";
import { MANY_WAITERS_PROGRAM } from "./program";

const REGION = "cn-qingdao-env17-d01";
const WAITERS = 60;

describe("one shared poller for every waiter, through the real pulumi CLI", function () {
    this.timeout(300_000);
    let sim: RunningSimulator;
    let prog: TempProgram;

    before(async () => ({ sim, prog } = await setUpProgram({ "index.js": MANY_WAITERS_PROGRAM })));
    after(() => tearDownProgram(sim, prog));

    it(`${WAITERS} waiters: preview makes no call; up batches every ID into shared DescribeTasks calls`, async () => {
        const ids = Array.from({ length: WAITERS }, (_, i) => sim.store.create(REGION, "ImportImage", { durationMs: 12_000 + 100 * i }).TaskId);
        await prog.stack(
            "many",
            {
                "apsara:endpoint": sim.url,
                "apsara:accessKeyId": SIM_CREDENTIALS.accessKeyId,
                "apsara:accessKeySecret": SIM_CREDENTIALS.accessKeySecret,
                regionId: REGION,
            },
            ["apsara:accessKeySecret"],
        );
        const idsFile = join(prog.dir, "task-ids.json");
        writeFileSync(idsFile, JSON.stringify(ids));
        await prog.must(["config", "set", "-s", "many", "taskIdsFile", idsFile]);

        const callsBefore = sim.stats.calls.DescribeTasks ?? 0;
        await prog.must(["preview", "-s", "many"]);
        assert.equal(sim.stats.calls.DescribeTasks ?? 0, callsBefore, "preview must make no DescribeTasks call");
        assert.equal(Object.values(sim.stats.calls).reduce((a, b) => a + b, 0), 0, "preview must make no API call at all");

        // The engine runs at most --parallel resource operations at once (default 4 per CPU): let every waiter wait at once.
        await prog.must(["up", "--yes", "--skip-preview", "--parallel", String(WAITERS + 4), "-s", "many"]);
        const out = JSON.parse((await prog.must(["stack", "output", "--json", "-s", "many"])).stdout);
        assert.deepEqual(out.statuses, ids.map(() => "Finished"));
        assert.equal(out.firstAction, "ImportImage", "taskAction is an output even without the input");

        const perCall = sim.stats.describeTaskIdsPerCall;
        const calls = perCall.length;
        // Polling each task on its own would take at least one call per task; shared batches take far fewer.
        assert.ok(calls < WAITERS / 2, `expected fewer than ${WAITERS / 2} DescribeTasks calls for ${WAITERS} waiters, got ${calls}: ${JSON.stringify(perCall)}`);
        assert.ok(Math.max(...perCall) >= WAITERS, `expected a call asking for all ${WAITERS} IDs at once, got ${JSON.stringify(perCall)}`);
        assert.ok(perCall.every((n) => n <= 100), "no call asks for more than 100 IDs");
    });
});
