import { strict as assert } from "node:assert";
import { run } from "../../provider/cli/ecs-tasks";
import { ConfigError } from "../../provider/config/ConfigError";
import { RunningSimulator } from "../../simulator/server";
import { SIM_CREDENTIALS, startSim } from "../helpers/sim";

const REGION = "cn-qingdao-env17-d01";

describe("ecs-tasks command line, against the simulator", () => {
    let sim: RunningSimulator;
    const env = () => ({ APSARA_ENDPOINT: sim.url, APSARA_API_STYLE: "rpc", ALIBABA_CLOUD_ACCESS_KEY_ID: SIM_CREDENTIALS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SIM_CREDENTIALS.accessKeySecret, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" });
    // The default credential chain reads the process's own environment.
    const saved: Record<string, string | undefined> = {};
    before(async () => {
        sim = await startSim({ taskDefaults: { durationMs: 300 } });
        for (const [k, v] of Object.entries(env())) {
            saved[k] = process.env[k];
            process.env[k] = v;
        }
    });
    after(async () => {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
        await sim.close();
    });

    async function configError(argv: string[], e: NodeJS.ProcessEnv): Promise<ConfigError> {
        try {
            await run(argv, e);
        } catch (err) {
            assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${err}`);
            return err;
        }
        assert.fail("no error");
    }

    it("import-image then wait: prints the task and waits it to Finished", async () => {
        const imp = (await run(["import-image", "--region", REGION, "--oss-bucket", "b", "--oss-object", "o.raw"], env())) as { TaskId: string; ImageId: string };
        assert.match(imp.TaskId, /^t-/);
        const done = (await run(["wait", "--region", REGION, "--task-id", imp.TaskId, "--timeout", "1m", "--poll-interval", "100ms"], env())) as { TaskStatus: string };
        assert.equal(done.TaskStatus, "Finished");
    });

    it("reports a missing flag before looking for credentials or calling", async () => {
        const calls = Object.values(sim.stats.calls).reduce((a, b) => a + b, 0);
        const e = await configError(["describe", "--task-id", "t-1"], { APSARA_ENDPOINT: sim.url });
        assert.equal(e.setting, "--region");
        assert.equal(Object.values(sim.stats.calls).reduce((a, b) => a + b, 0), calls);
    });

    it("names its own flags, not the stack config keys, in errors", async () => {
        const e = await configError(["describe", "--region", REGION, "--task-id", "t-1", "--ca-cert", "/nonexistent/ca.pem"], env());
        assert.equal(e.setting, "--ca-cert");
        const bad = await configError(["describe", "--region", REGION, "--task-id", "t-1", "--endpoint", "ftp://x"], env());
        assert.equal(bad.setting, "--endpoint");
    });
});
