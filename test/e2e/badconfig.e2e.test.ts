import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { RunningSimulator } from "../../simulator/server";
import { SIM_CREDENTIALS } from "../helpers/sim";
import { setUpProgram, tearDownProgram, TempProgram } from "../helpers/pulumi";
import { GATED_PROGRAM } from "./program";

const REGION = "cn-qingdao-env17-d01";

describe("bad configuration through the real pulumi CLI", function () {
    this.timeout(120_000);
    let sim: RunningSimulator;
    let prog: TempProgram;

    before(async () => ({ sim, prog } = await setUpProgram({ "index.js": GATED_PROGRAM }, { regions: [REGION] })));
    after(() => tearDownProgram(sim, prog));

    it("wrong keys and an unknown region fail up at once (timeout 2h) with what to fix, and no secret in the output", async () => {
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 3_600_000 });
        const wrongSecret = "not-the-secret-8f3a";
        const markerFile = join(prog.dir, "bad.markers");
        await prog.stack(
            "bad",
            {
                "apsara:endpoint": sim.url,
                "apsara:accessKeyId": SIM_CREDENTIALS.accessKeyId,
                "apsara:accessKeySecret": wrongSecret,
                regionId: REGION,
                taskId: t.TaskId,
                markerFile,
                timeout: "2h",
            },
            ["apsara:accessKeySecret"],
        );
        const started = Date.now();
        const r = await prog.pulumi(["up", "--yes", "--non-interactive", "--skip-preview", "-s", "bad"]);
        console.log(`      (up with a wrong secret failed in ${Date.now() - started} ms)`);
        assert.notEqual(r.code, 0);
        const text = r.stdout + r.stderr;
        assert.match(text, /DescribeTasks failed: SignatureDoesNotMatch: .*check apsara:accessKeySecret/);
        assert.ok(!text.includes(wrongSecret), "the secret is in pulumi's output");
        assert.ok(!existsSync(markerFile), "the gated resource ran");

        await prog.must(["config", "set", "-s", "bad", "--secret", "apsara:accessKeySecret", SIM_CREDENTIALS.accessKeySecret]);
        await prog.must(["config", "set", "-s", "bad", "regionId", "cn-atlantis-1"]);
        const r2 = await prog.pulumi(["up", "--yes", "--non-interactive", "--skip-preview", "-s", "bad"]);
        assert.notEqual(r2.code, 0);
        assert.match(r2.stdout + r2.stderr, /InvalidRegionId.NotFound: .*cn-atlantis-1.*check regionId and the endpoint/);
        const state = JSON.parse((await prog.must(["stack", "export", "-s", "bad"])).stdout);
        assert.deepEqual(state.deployment.pending_operations ?? [], []);
    });
});
