import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { REPO, requirePulumi } from "../helpers/pulumi";

describe("npm run demo (the example on the real pulumi CLI against the simulator)", function () {
    this.timeout(300_000);

    it("prints outputs with an image ID and Finished, and exits 0", async () => {
        requirePulumi();
        const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
            execFile("bash", [join(REPO, "scripts", "demo.sh")], { cwd: REPO, env: { ...process.env, DEMO_TASK_DURATION: "3s" }, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
                resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
            ),
        );
        assert.equal(code, 0, stderr);
        const out = JSON.parse(stdout);
        assert.match(out.imageId, /^m-[a-z0-9]+$/);
        assert.equal(out.taskStatus, "Finished");
        assert.match(out.importTaskId, /^t-/);
        assert.equal(out.usedBy, `image ${out.imageId} is ready`);
        assert.match(stderr, /destroy|deleted/i);
    });
});
