import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { RunningSimulator } from "../../simulator/server";
import { RecordedRequest } from "../../simulator/requestLog";
import { startSim, SIM_CREDENTIALS } from "../helpers/sim";
import { requirePulumi, RunResult, TempProgram } from "../helpers/pulumi";
import { makeTestPki, TestPki } from "../helpers/tlsCerts";
import { ProxyProcess } from "../helpers/proxyProcess";

const REGION = "cn-qingdao-env17-d01";

/**
 * A program with one ImageTaskWaiter per entry of the config `waiters` (JSON). Each entry may
 * give its own endpoint and credentials: `secretKey` / `tokenKey` name secret config keys that
 * hold them; `plain: true` reads the secret with `cfg.require`, i.e. hands the resource a plain
 * string, which the resource must still store as a secret.
 */
const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { ImageTaskWaiter } = require("pulumi-ecs-image-task");
const cfg = new pulumi.Config();
for (const s of JSON.parse(cfg.require("waiters"))) {
    const w = new ImageTaskWaiter(s.name, {
        regionId: s.regionId,
        taskId: s.taskId,
        endpoint: s.endpoint,
        timeout: "2m",
        pollInterval: "500ms",
        notFoundGrace: "5s",
        accessKeyId: s.accessKeyId,
        accessKeySecret: s.secretKey ? (s.plain ? cfg.require(s.secretKey) : cfg.requireSecret(s.secretKey)) : undefined,
        securityToken: s.tokenKey ? cfg.requireSecret(s.tokenKey) : undefined,
    });
    exports[s.name + "Status"] = w.taskStatus;
    exports[s.name + "ImageId"] = w.resourceId;
}
`;

const UP = ["up", "--yes", "--non-interactive", "--skip-preview"];

/** Environment for every pulumi run here: never reach for instance metadata, never tunnel Pulumi's own gRPC. */
const BASE_ENV = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", no_grpc_proxy: "127.0.0.1,localhost" };

interface WaiterSpec {
    name: string;
    regionId: string;
    taskId: string;
    endpoint?: string;
    accessKeyId?: string;
    secretKey?: string;
    tokenKey?: string;
    plain?: boolean;
}

function assertAbsent(text: string, secrets: string[], where: string): void {
    for (const s of secrets) assert.ok(!text.includes(s), `a secret (${s.slice(0, 4)}...) appears in ${where}`);
}

describe("configuration end to end through the real pulumi CLI", function () {
    this.timeout(240_000);
    let prog: TempProgram;

    before(() => {
        requirePulumi();
        prog = new TempProgram({ "index.js": PROGRAM });
        prog.install();
    });
    after(() => prog?.remove());

    async function run(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
        return prog.pulumi(args, { ...BASE_ENV, ...env });
    }
    async function must(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
        const r = await run(args, env);
        if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
        return r;
    }
    async function setWaiters(stack: string, specs: WaiterSpec[]): Promise<void> {
        await must(["config", "set", "-s", stack, "waiters", JSON.stringify(specs)]);
    }
    async function exportState(stack: string): Promise<string> {
        return (await must(["stack", "export", "-s", stack])).stdout;
    }
    async function outputs(stack: string): Promise<Record<string, string>> {
        return JSON.parse((await must(["stack", "output", "--json", "-s", stack])).stdout);
    }

    describe("two gateways with their own keys in one stack (resource credentials, STS, tenancy)", () => {
        const A = { accessKeyId: "gw-a-key-id", accessKeySecret: "gw-a-secret-Hq71Lx", securityToken: "gw-a-sts-token-Vb93Pd" };
        const B = { accessKeyId: "gw-b-key-id", accessKeySecret: "gw-b-secret-Rt45Km" };
        const DECOY = "decoy-config-secret-Jw28";
        const WRONG = "wrong-b-secret-Np66Qz";
        const ALL = [A.accessKeySecret, A.securityToken, B.accessKeySecret, DECOY, WRONG];
        let simA: RunningSimulator;
        let simB: RunningSimulator;
        const stack = "multi";
        const specs = (taskA: string, taskB: string): WaiterSpec[] => [
            { name: "a", regionId: REGION, taskId: taskA, endpoint: simA.url, accessKeyId: A.accessKeyId, secretKey: "secretA", tokenKey: "tokenA" },
            { name: "b", regionId: "cn-beijing-env5-d01", taskId: taskB, endpoint: simB.url, accessKeyId: B.accessKeyId, secretKey: "secretB", plain: true },
        ];
        const describeCalls = (sim: RunningSimulator): RecordedRequest[] => sim.requests().filter((r) => r.action === "DescribeTasks");

        before(async () => {
            simA = await startSim({ keys: [A] });
            simB = await startSim({ keys: [B] });
        });
        after(async () => {
            await simA?.close();
            await simB?.close();
        });

        it("each waiter polls its own endpoint with its own key (inputs win over the stack config); tenancy and Apsara headers arrive; no secret in state or output", async () => {
            const ta = simA.store.create(REGION, "ImportImage", { durationMs: 2500 });
            // An import on both sides: refresh of an export (no ResourceId) trips over a separate read bug (an undefined output).
            const tb = simB.store.create("cn-beijing-env5-d01", "ImportImage", { durationMs: 1500 });
            await prog.stack(stack, {});
            for (const [k, v, secret] of [
                ["apsara:accessKeyId", "decoy-config-key", false],
                ["apsara:accessKeySecret", DECOY, true],
                ["apsara:organizationId", "org-e2e-17", false],
                ["apsara:resourceGroupId", "rg-e2e-42", false],
                ["secretA", A.accessKeySecret, true],
                ["tokenA", A.securityToken, true],
                ["secretB", B.accessKeySecret, true],
            ] as const) {
                await must(["config", "set", "-s", stack, ...(secret ? ["--secret"] : []), k, v]);
            }
            await setWaiters(stack, specs(ta.TaskId, tb.TaskId));
            const up = await must([...UP, "-s", stack]);
            assertAbsent(up.stdout + up.stderr, ALL, "the output of pulumi up");

            const out = await outputs(stack);
            assert.equal(out.aStatus, "Finished");
            assert.equal(out.aImageId, ta.resourceId);
            assert.equal(out.bStatus, "Finished");
            assert.equal(out.bImageId, tb.resourceId);

            const a = describeCalls(simA);
            const b = describeCalls(simB);
            assert.ok(a.length > 0 && b.length > 0, "a gateway was not polled");
            assert.ok(a.every((r) => r.params.AccessKeyId === A.accessKeyId && r.params.SecurityToken === "(present)"), "gateway A saw another key or no STS token");
            assert.ok(b.every((r) => r.params.AccessKeyId === B.accessKeyId && r.params.SecurityToken === undefined), "gateway B saw another key");
            assert.ok(a.every((r) => r.params.TaskIds === ta.TaskId) && b.every((r) => r.params.TaskIds === tb.TaskId), "a gateway was asked about the other's task");
            assert.equal(simA.stats.failed + simB.stats.failed, 0, "a call was rejected (wrong key?)");

            const h = a.at(-1)!.headers;
            assert.equal(h["x-acs-organizationid"], "org-e2e-17");
            assert.equal(h["x-acs-resourcegroupid"], "rg-e2e-42");
            assert.equal(h["x-acs-regionid"], REGION);
            assert.equal(h["x-acs-request-version"], "v1");
            assert.equal(h["x-ascm-product-name"], "ecs");
            assert.equal(h["x-acs-asapi-product"], "ecs");
            assert.equal(h["x-acs-caller-sdk-source"], "pulumi-ecs-image-task");
            const p = a.at(-1)!.params;
            assert.deepEqual([p.OrganizationId, p.Department, p.ResourceGroup, p.Product], ["org-e2e-17", "org-e2e-17", "rg-e2e-42", "ecs"]);

            const state = await exportState(stack);
            assertAbsent(state, ALL, "pulumi stack export");
            const doc = JSON.parse(state);
            const wa = doc.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("ImageTaskWaiter::a"));
            const wb = doc.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("ImageTaskWaiter::b"));
            const SECRET_SIG = "4dabf18193072939515e22adb298388d";
            for (const [w, keys] of [[wa, ["accessKeyId", "accessKeySecret", "securityToken"]], [wb, ["accessKeyId", "accessKeySecret"]]] as const) {
                for (const k of keys) {
                    assert.ok(w.inputs[k]?.[SECRET_SIG], `input ${k} is not stored as a secret`);
                    assert.ok(w.outputs[k]?.[SECRET_SIG], `output ${k} is not stored as a secret (it is recorded for refresh and delete)`);
                }
            }
            // The recorded secrets are really there, encrypted: refresh and delete can use them.
            const shown = (await must(["stack", "export", "--show-secrets", "-s", stack])).stdout;
            assert.ok(shown.includes(A.accessKeySecret) && shown.includes(B.accessKeySecret));
        });

        it("refresh uses each waiter's recorded key (the stack config's decoy key would be rejected)", async () => {
            const before = simA.stats.calls.DescribeTasks ?? 0;
            const r = await must(["refresh", "--yes", "--non-interactive", "--skip-preview", "-s", stack]);
            assertAbsent(r.stdout + r.stderr, ALL, "the output of pulumi refresh");
            assert.ok((simA.stats.calls.DescribeTasks ?? 0) > before, "refresh did not ask gateway A");
            assert.equal(simA.stats.failed + simB.stats.failed, 0);
            assertAbsent(await exportState(stack), ALL, "the state after refresh");
        });

        it("apsara:apsaraHeaders false stops the default Apsara headers and keeps the tenancy headers", async () => {
            const ta = simA.store.create(REGION, "ImportImage", { durationMs: 500 });
            const tb = simB.store.create("cn-beijing-env5-d01", "ExportImage", { durationMs: 500 });
            await must(["config", "set", "-s", stack, "apsara:apsaraHeaders", "false"]);
            await setWaiters(stack, specs(ta.TaskId, tb.TaskId));
            await must([...UP, "-s", stack]);
            const h = describeCalls(simB).at(-1)!.headers;
            for (const k of ["x-acs-regionid", "x-acs-request-version", "x-ascm-product-name", "x-acs-asapi-product", "x-acs-caller-sdk-source"]) assert.equal(h[k], undefined, `${k} was sent`);
            assert.equal(h["x-acs-organizationid"], "org-e2e-17");
            assert.equal(h["x-acs-resourcegroupid"], "rg-e2e-42");
        });

        it("a wrong secret fails the step with what to fix, and neither it nor any other secret shows in the output or the state", async () => {
            const ta = simA.store.create(REGION, "ImportImage", { durationMs: 300 });
            const tb = simB.store.create("cn-beijing-env5-d01", "ExportImage", { durationMs: 300 });
            await must(["config", "set", "-s", stack, "--secret", "secretB", WRONG]);
            await setWaiters(stack, specs(ta.TaskId, tb.TaskId));
            const r = await run([...UP, "-s", stack]);
            assert.notEqual(r.code, 0);
            const text = r.stdout + r.stderr;
            assert.match(text, /SignatureDoesNotMatch/);
            assert.match(text, /check apsara:accessKeySecret/);
            assertAbsent(text, ALL, "the output of the failed pulumi up");
            assertAbsent(await exportState(stack), ALL, "the state after the failed up");
            await must(["destroy", "--yes", "--non-interactive", "--skip-preview", "-s", stack]);
        });
    });

    describe("the default credential chain (environment, credentials file) and STS", () => {
        const ENV_KEY = { accessKeyId: "env-key-id", accessKeySecret: "env-secret-Cc38Ty", securityToken: "env-sts-token-Gm52Wq" };
        const INI_KEY = { accessKeyId: "ini-key-id", accessKeySecret: "ini-secret-Dd47Uz" };
        const ALL = [ENV_KEY.accessKeySecret, ENV_KEY.securityToken, INI_KEY.accessKeySecret];
        const stack = "chain";
        let sim: RunningSimulator;
        let home: string;
        let env: Record<string, string>;

        before(async () => {
            sim = await startSim({ keys: [ENV_KEY, INI_KEY] });
            home = mkdtempSync(join(tmpdir(), "ecs-waiter-home-"));
            // An empty HOME: no aliyun CLI profile or credentials file of the machine interferes.
            env = { HOME: home, PULUMI_HOME: process.env.PULUMI_HOME ?? join(homedir(), ".pulumi") };
            await prog.stack(stack, { "apsara:endpoint": sim.url, "apsara:apiStyle": "rpc" });
        });
        after(async () => {
            await run(["destroy", "--yes", "--non-interactive", "--skip-preview", "-s", stack], env);
            await sim?.close();
            rmSync(home, { recursive: true, force: true });
        });

        const lastKey = () => sim.requests().filter((r) => r.action === "DescribeTasks").at(-1)!.params;

        it("takes ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN when inputs and config have none", async () => {
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 1000 });
            await setWaiters(stack, [{ name: "w", regionId: REGION, taskId: t.TaskId }]);
            const r = await must([...UP, "-s", stack], {
                ...env,
                ALIBABA_CLOUD_ACCESS_KEY_ID: ENV_KEY.accessKeyId,
                ALIBABA_CLOUD_ACCESS_KEY_SECRET: ENV_KEY.accessKeySecret,
                ALIBABA_CLOUD_SECURITY_TOKEN: ENV_KEY.securityToken,
            });
            assert.equal((await outputs(stack)).wStatus, "Finished");
            assert.equal(lastKey().AccessKeyId, ENV_KEY.accessKeyId);
            assert.equal(lastKey().SecurityToken, "(present)");
            assertAbsent(r.stdout + r.stderr, ALL, "the output of pulumi up");
        });

        it("then the credentials file (ALIBABA_CLOUD_CREDENTIALS_FILE), and keeps every chain secret out of the state", async () => {
            const file = join(home, "credentials.ini");
            writeFileSync(file, `[default]\ntype = access_key\naccess_key_id = ${INI_KEY.accessKeyId}\naccess_key_secret = ${INI_KEY.accessKeySecret}\n`);
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 800 });
            await setWaiters(stack, [{ name: "w", regionId: REGION, taskId: t.TaskId }]);
            const r = await must([...UP, "-s", stack], { ...env, ALIBABA_CLOUD_CREDENTIALS_FILE: file });
            assert.equal((await outputs(stack)).wImageId, t.resourceId);
            assert.equal(lastKey().AccessKeyId, INI_KEY.accessKeyId);
            assertAbsent(r.stdout + r.stderr, ALL, "the output of pulumi up");
            assertAbsent((await must(["stack", "export", "--show-secrets", "-s", stack])).stdout, ALL, "the state (even with --show-secrets)");
        });

        it("no credentials anywhere: the step fails naming apsara:accessKeyId and every source", async () => {
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 500 });
            await setWaiters(stack, [{ name: "w", regionId: REGION, taskId: t.TaskId }]);
            const r = await run([...UP, "-s", stack], env);
            assert.notEqual(r.code, 0);
            assert.match(r.stdout + r.stderr, /apsara:accessKeyId: no credentials: give the inputs accessKeyId and accessKeySecret, or set apsara:accessKeyId/);
            assert.match(r.stdout + r.stderr, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
        });
    });

    describe("HTTPS with a private CA, through a real proxy process", () => {
        const stack = "tls";
        let pki: TestPki;
        let sim: RunningSimulator;
        let proxy: ProxyProcess;

        before(async () => {
            pki = makeTestPki();
            sim = await startSim({ tls: { cert: pki.cert, key: pki.key } });
            proxy = await ProxyProcess.start();
            await prog.stack(
                stack,
                {
                    "apsara:endpoint": sim.url,
                    "apsara:accessKeyId": SIM_CREDENTIALS.accessKeyId,
                    "apsara:accessKeySecret": SIM_CREDENTIALS.accessKeySecret,
                    "apsara:caCertPath": pki.caPath,
                    "apsara:proxy": proxy.url,
                },
                ["apsara:accessKeySecret"],
            );
        });
        after(async () => {
            await run(["destroy", "--yes", "--non-interactive", "--skip-preview", "-s", stack]);
            await sim?.close();
            await proxy?.stop();
            pki?.remove();
        });

        const target = () => `127.0.0.1:${sim.port}`;

        it("apsara:caCertPath and apsara:proxy: the waiter reaches the HTTPS gateway through the proxy's CONNECT tunnel", async () => {
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 1000 });
            await setWaiters(stack, [{ name: "w", regionId: REGION, taskId: t.TaskId }]);
            await must([...UP, "-s", stack]);
            assert.equal((await outputs(stack)).wStatus, "Finished");
            assert.ok(proxy.connects().includes(target()), `the proxy saw ${JSON.stringify(proxy.seen)}`);
        });

        it("HTTPS_PROXY from the environment is used when apsara:proxy is unset", async () => {
            await must(["config", "rm", "-s", stack, "apsara:proxy"]);
            const before = proxy.connects().filter((c) => c === target()).length;
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 500 });
            await setWaiters(stack, [{ name: "w", regionId: REGION, taskId: t.TaskId }]);
            await must([...UP, "-s", stack], { HTTPS_PROXY: proxy.url });
            assert.equal((await outputs(stack)).wImageId, t.resourceId);
            assert.ok(proxy.connects().filter((c) => c === target()).length > before, "no new CONNECT through the proxy from HTTPS_PROXY");
        });

        it("a CA that did not sign the gateway's certificate fails at once with a message naming apsara:caCertPath", async () => {
            await must(["config", "set", "-s", stack, "apsara:caCertPath", pki.wrongCaPath]);
            const calls = sim.requests().length;
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 500 });
            await setWaiters(stack, [{ name: "w", regionId: REGION, taskId: t.TaskId }]);
            const r = await run([...UP, "-s", stack]);
            assert.notEqual(r.code, 0);
            assert.match(r.stdout + r.stderr, /TLS certificate was not trusted: set apsara:caCertPath/);
            assert.equal(sim.requests().length, calls, "a request got through although the certificate is not trusted");
        });

        it("apsara:insecure true skips verification and warns on the run", async () => {
            await must(["config", "set", "-s", stack, "apsara:insecure", "true"]);
            const t = sim.store.create(REGION, "ImportImage", { durationMs: 500 });
            await setWaiters(stack, [{ name: "w", regionId: REGION, taskId: t.TaskId }]);
            const r = await must([...UP, "-s", stack]);
            assert.equal((await outputs(stack)).wStatus, "Finished");
            assert.match(r.stdout + r.stderr, /WARNING: apsara:insecure is true: the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is NOT verified/);
        });
    });
});
