import { strict as assert } from "node:assert";
import { readFileSync, writeFileSync } from "node:fs";
import { inspect } from "node:util";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { EcsClient } from "../../provider/ecs/client";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { EcsNetworkError } from "../../provider/ecs/errors/EcsNetworkError";
import { RunningSimulator } from "../../simulator/server";
import { clientFor, startSim } from "../helpers/sim";
import { makeTestPki, TestPki } from "../helpers/tlsCerts";
import { ProxyProcess } from "../helpers/proxyProcess";
import { readTls } from "../../simulator/cli";
import { ConfigError } from "../../provider/config/ConfigError";
import { DEFAULT_SIM_KEY } from "../../simulator/verify";

const REGION = "cn-qingdao-env17-d01";
const STS = { accessKeyId: "sts-key-id", accessKeySecret: "sts-secret-Zq81xWv0", securityToken: "sts-token-Kp2mN7rT4" };

/** Every rendering of an error a log or a message could contain. */
function renderings(err: unknown): string[] {
    const e = err as Error;
    return [String(e), e.message, e.stack ?? "", inspect(e, { depth: null, showHidden: true }), JSON.stringify(e)];
}

function assertNoSecret(err: unknown, secrets: string[]): void {
    for (const text of renderings(err)) for (const s of secrets) assert.ok(!text.includes(s), `a secret appears in the error: ${text.slice(0, 300)}`);
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
    try {
        await p;
    } catch (e) {
        return e;
    }
    assert.fail("expected the call to fail");
}

describe("ECS client over real TLS and a real proxy process", function () {
    this.timeout(30_000);
    let pki: TestPki;
    let sim: RunningSimulator;
    let plain: RunningSimulator;
    let proxy: ProxyProcess;
    let ca: string;
    const savedEnv = { ...process.env };

    before(async () => {
        pki = makeTestPki();
        ca = readFileSync(pki.caPath, "utf8");
        sim = await startSim({ tls: { cert: pki.cert, key: pki.key }, keys: [STS] });
        plain = await startSim({ keys: [STS] });
        proxy = await ProxyProcess.start();
    });
    after(async () => {
        await sim?.close();
        await plain?.close();
        await proxy?.stop();
        pki?.remove();
    });
    afterEach(() => {
        for (const k of ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"]) {
            if (savedEnv[k] === undefined) delete process.env[k];
            else process.env[k] = savedEnv[k];
        }
    });

    it("the simulator serves HTTPS, and a client that trusts the private CA (and sends the STS token) talks to it", async () => {
        assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
        const c = new EcsClient(clientFor(sim, "rpc", { credentials: STS, ca, proxy: false }));
        const t = sim.store.create(REGION, "ImportImage", { durationMs: 60_000 });
        const r = await c.describeTasks({ RegionId: REGION, TaskIds: [t.TaskId] });
        assert.equal(r.Tasks[0].TaskId, t.TaskId);
        const last = sim.requests().at(-1)!;
        assert.equal(last.params.SecurityToken, "(present)");
    });

    it("an untrusted certificate fails at once, not retried, with a message naming apsara:caCertPath", async () => {
        let sleeps = 0;
        const c = new EcsClient(clientFor(sim, "rpc", { credentials: STS, proxy: false }), { sleep: async () => void sleeps++ });
        const err = await rejection(c.describeTasks({ RegionId: REGION }));
        assert.ok(err instanceof EcsNetworkError, String(err));
        assert.equal(err.retryable, false);
        assert.equal(sleeps, 0, "a TLS failure was retried");
        assert.match(err.message, /apsara:caCertPath/);
        assert.match(err.code, /SELF_SIGNED|UNABLE_TO|CERT/);
        assertNoSecret(err, [STS.accessKeySecret, STS.securityToken]);
    });

    it("a CA bundle of another CA is not enough either", async () => {
        const wrong = readFileSync(pki.wrongCaPath, "utf8");
        const err = await rejection(new EcsClient(clientFor(sim, "rpc", { credentials: STS, ca: wrong, proxy: false })).describeTasks({ RegionId: REGION }));
        assert.ok(err instanceof EcsNetworkError && !err.retryable && /apsara:caCertPath/.test(err.message), String(err));
    });

    it("insecure skips verification", async () => {
        const r = await new EcsClient(clientFor(sim, "rpc", { credentials: STS, insecure: true, proxy: false })).describeTasks({ RegionId: REGION });
        assert.ok(Array.isArray(r.Tasks));
    });

    it("https through an explicit proxy: the proxy relays a CONNECT to the gateway and the private CA applies inside the tunnel", async () => {
        const before = proxy.connects().length;
        const c = new EcsClient(clientFor(sim, "route", { credentials: STS, ca, proxy: proxy.url }));
        await c.describeTasks({ RegionId: REGION });
        assert.ok(proxy.connects().slice(before).includes(`127.0.0.1:${sim.port}`), `proxy saw ${JSON.stringify(proxy.seen)}`);
        const err = await rejection(new EcsClient(clientFor(sim, "route", { credentials: STS, proxy: proxy.url })).describeTasks({ RegionId: REGION }));
        assert.ok(err instanceof EcsNetworkError && !err.retryable && /apsara:caCertPath/.test(err.message), String(err));
        assert.match(err.message, /via proxy http:\/\/127\.0\.0\.1:\d+/);
    });

    it("HTTPS_PROXY and HTTP_PROXY from the environment are used, and NO_PROXY bypasses them", async () => {
        process.env.HTTPS_PROXY = proxy.url;
        process.env.HTTP_PROXY = proxy.url;
        let n = proxy.seen.length;
        await new EcsClient(clientFor(sim, "rpc", { credentials: STS, ca })).describeTasks({ RegionId: REGION });
        assert.deepEqual(proxy.seen.slice(n).map((r) => r.method), ["CONNECT"]);
        n = proxy.seen.length;
        await new EcsClient(clientFor(plain, "rpc", { credentials: STS })).describeTasks({ RegionId: REGION });
        const relayed = proxy.seen.slice(n);
        assert.equal(relayed.length, 1, JSON.stringify(relayed));
        assert.equal(relayed[0].method, "POST");
        assert.equal(relayed[0].target, `${plain.url}/`, "an http endpoint is relayed as an absolute-URI request");
        process.env.NO_PROXY = "127.0.0.1";
        n = proxy.seen.length;
        await new EcsClient(clientFor(plain, "rpc", { credentials: STS })).describeTasks({ RegionId: REGION });
        await new EcsClient(clientFor(sim, "rpc", { credentials: STS, ca })).describeTasks({ RegionId: REGION });
        assert.equal(proxy.seen.length, n, "NO_PROXY was ignored");
    });

    it("no error leaks the secret, the STS token or a proxy password: API errors, refused connections, TLS and proxy failures", async () => {
        const secrets = [STS.accessKeySecret, STS.securityToken, "proxy-pass-W3x"];
        const NO_RETRY = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } };
        const wrongSecret = { ...STS, accessKeySecret: "wrong-secret-Yb5" };
        const api = await rejection(new EcsClient(clientFor(plain, "rpc", { credentials: wrongSecret, proxy: false }), NO_RETRY).describeTasks({ RegionId: REGION }));
        assert.ok(api instanceof EcsApiError && api.code === "SignatureDoesNotMatch", String(api));
        assertNoSecret(api, [...secrets, "wrong-secret-Yb5"]);
        const closed = await startSim();
        const url = closed.url;
        await closed.close();
        const refused = await rejection(new EcsClient({ ...clientFor(plain, "rpc", { credentials: STS, proxy: false }), endpoint: url }, NO_RETRY).describeTasks({ RegionId: REGION }));
        assert.ok(refused instanceof EcsNetworkError && refused.code === "ECONNREFUSED", String(refused));
        assertNoSecret(refused, secrets);
        const badProxy = `http://proxy-user:proxy-pass-W3x@127.0.0.1:${new URL(url).port}`;
        const viaBad = await rejection(new EcsClient(clientFor(sim, "rpc", { credentials: STS, ca, proxy: badProxy }), NO_RETRY).describeTasks({ RegionId: REGION }));
        assert.ok(viaBad instanceof EcsNetworkError, String(viaBad));
        assert.match(viaBad.message, /via proxy http:\/\/\*\*\*@127\.0\.0\.1/);
        assert.match(viaBad.message, /HTTPS_PROXY/);
        assertNoSecret(viaBad, secrets);
        const tlsErr = await rejection(new EcsClient(clientFor(sim, "rpc", { credentials: STS, proxy: false }), NO_RETRY).describeTasks({ RegionId: REGION }));
        assertNoSecret(tlsErr, secrets);
    });

    it("the ecs-task-sim command serves HTTPS with --tls-cert and --tls-key", async () => {
        writeFileSync(join(pki.dir, "cli-server.pem"), pki.cert);
        writeFileSync(join(pki.dir, "cli-server.key"), pki.key);
        const child = spawn(process.execPath, [join(__dirname, "../../simulator/cli.js"), "--tls-cert", join(pki.dir, "cli-server.pem"), "--tls-key", join(pki.dir, "cli-server.key")], { stdio: ["ignore", "pipe", "inherit"] });
        try {
            const url = await new Promise<string>((resolve, reject) => {
                let buf = "";
                child.stdout!.on("data", (c: Buffer) => {
                    buf += c.toString();
                    if (buf.includes("\n")) resolve(buf.split("\n")[0]);
                });
                child.once("exit", (code) => reject(new Error(`ecs-task-sim exited ${code}`)));
            });
            assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
            const r = await new EcsClient({ endpoint: url, apiStyle: "rpc", credentials: DEFAULT_SIM_KEY, ca, proxy: false }).describeTasks({ RegionId: REGION });
            assert.deepEqual(r.Tasks, []);
        } finally {
            await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM"))));
        }
        assert.throws(() => readTls(pki.caPath, undefined), (e: Error) => e instanceof ConfigError && e.setting === "--tls-key");
        assert.throws(() => readTls("/nonexistent.pem", pki.caPath), (e: Error) => e instanceof ConfigError && e.setting === "--tls-cert" && /ENOENT/.test(e.message));
    });
});
