import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { ACTIONS } from "./actions";
import { SimError } from "./SimError";
import { TaskStore } from "./store";
import { TaskScript } from "./tasks";
import { DEFAULT_SIM_KEY, SignatureVerifier, SimKey } from "./verify";
import { emptyStats, SimStats } from "./stats";
import { handleControl, SimState } from "./control";
import { readBody, sendJson } from "./http";
import { FaultConfig } from "./faults/types";
import { FaultInjector } from "./faults/injector";
import { validateFaultConfig } from "./faults/validate";
import { respondWithFault } from "./faults/respond";
import { RecordedRequest, RequestLog } from "./requestLog";
import { checkRegion } from "./regions";

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
    /** Port to listen on; 0 (default) picks a free one. */
    port?: number;
    /** Address to listen on. Default `127.0.0.1` (loopback only). */
    host?: string;
    /** Accepted key pairs. Default {@link DEFAULT_SIM_KEY}. */
    keys?: SimKey[];
    /** Script for tasks that ImportImage and ExportImage create. Default: Finished after 5 s. */
    taskDefaults?: TaskScript;
    /** Route-style path prefix. Default `/apsara/route`. */
    routePrefix?: string;
    /** Clock, ms since the epoch. Default `Date.now`. */
    now?: () => number;
    /** The regions that exist; API calls for any other answer `InvalidRegionId.NotFound`. Default: every region exists. */
    regions?: string[];
    /** Randomness for IDs. Default `Math.random`. */
    random?: () => number;
    /** Faults to inject from the start (see ./faults/types); `PUT /_sim/faults` replaces them. Default none. */
    faults?: FaultConfig;
    /** Randomness for fault rates and latency jitter; seed it (./faults/seededRandom) to replay. Default `Math.random`. */
    faultRandom?: () => number;
    /** How long an idle keep-alive connection stays open, in ms. Default 65000, as a load balancer. */
    keepAliveTimeoutMs?: number;
    /** Serve HTTPS with this certificate chain and private key (PEM text) instead of HTTP. */
    tls?: { cert: string; key: string };
}

/** A running simulator. */
export interface RunningSimulator {
    /** Base URL, e.g. `http://127.0.0.1:43123`. */
    url: string;
    port: number;
    store: TaskStore;
    stats: SimStats;
    faults: FaultInjector;
    /** The last 100 API requests (headers and parameters), oldest first; also `GET /_sim/requests`. */
    requests(): RecordedRequest[];
    server: Server;
    close(): Promise<void>;
}

/**
 * Starts the ECS task simulator: one HTTP server answering both call styles
 * (`POST /` with `Action=...` for rpc, `POST {routePrefix}/<Product>/<Action>` for route), with
 * signature checks, scripted task lifecycles and a JSON control API under `/_sim/`
 * (see README, "Simulator").
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
    const now = opts.now ?? Date.now;
    const store = new TaskStore({ now, random: opts.random ?? Math.random });
    if (opts.taskDefaults) store.defaults = { ...store.defaults, ...opts.taskDefaults };
    const initialDefaults = { ...store.defaults };
    const verifier = new SignatureVerifier(opts.keys?.length ? opts.keys : [DEFAULT_SIM_KEY], now);
    const routePrefix = (opts.routePrefix ?? "/apsara/route").replace(/\/+$/, "");
    const sim = { stats: emptyStats() };
    const initialFaults = validateFaultConfig(opts.faults ?? {});
    const faults = new FaultInjector({ random: opts.faultRandom ?? Math.random, now });
    faults.configure(initialFaults);
    const regions = opts.regions?.length ? new Set(opts.regions) : undefined;

    const requestLog = new RequestLog();
    const state: SimState = { store, sim, faults, requestLog, initialDefaults, initialFaults };
    const listener = (req: IncomingMessage, res: ServerResponse) => {
        handle(req, res).catch((err) => sendJson(res, 500, { Code: "InternalError", Message: String(err?.message ?? err) }));
    };
    const server: Server = opts.tls ? createTlsServer({ cert: opts.tls.cert, key: opts.tls.key }, listener) : createServer(listener);
    // Idle keep-alive connections stay open 65 s, as a cloud load balancer keeps them (Node's own 5 s
    // default races clients that reuse a connection after a few seconds' pause: ECONNRESET).
    server.keepAliveTimeout = opts.keepAliveTimeoutMs ?? 65_000;
    server.headersTimeout = server.keepAliveTimeout + 1000;

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? "/", "http://sim");
        const body = await readBody(req);
        if (url.pathname.startsWith("/_sim/")) return handleControl(state, req.method ?? "GET", url.pathname, body, res);

        const params: Record<string, string> = {};
        for (const [k, v] of url.searchParams) params[k] = v;
        const ctype = String(req.headers["content-type"] ?? "");
        if (body && (ctype.includes("x-www-form-urlencoded") || ctype === "")) {
            for (const [k, v] of new URLSearchParams(body)) params[k] = v;
        }
        let action: string | undefined;
        let style: "rpc" | "route";
        if (url.pathname === "/") {
            style = "rpc";
            action = params.Action;
        } else if (url.pathname.startsWith(routePrefix + "/")) {
            style = "route";
            action = url.pathname.slice(routePrefix.length + 1).split("/")[1];
        } else {
            return sendJson(res, 404, { Code: "InvalidAction.NotFound", Message: `No API at ${url.pathname}.`, RequestId: randomUUID() });
        }
        const requestIdKey = style === "route" ? "RequestID" : "RequestId";
        const requestId = randomUUID().toUpperCase();
        const label = action || "(none)";
        requestLog.record(label, style, req.headers, params);
        sim.stats.calls[label] = (sim.stats.calls[label] ?? 0) + 1;
        if (label === "DescribeTasks") {
            sim.stats.describeTaskIdsPerCall.push(params.TaskIds ? params.TaskIds.split(",").filter(Boolean).length : 0);
            sim.stats.describeCallsAtMs.push(now());
        }
        try {
            if (!action || !ACTIONS[action]) throw new SimError(400, "InvalidAction.NotFound", `Specified api "${label}" is not found.`);
            verifier.verify(req.method ?? "POST", params);
            checkRegion(regions, params);
            if (style === "route" && params.RegionId && !params.regionId) {
                throw new SimError(400, "MissingParameter", 'The input parameter "regionId" that is mandatory for processing this request is not supplied.');
            }
            const decision = faults.decide(action, params.AccessKeyId ?? "", params.RegionId ?? "");
            if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
            if (decision.fault) {
                sim.stats.failed++;
                if (decision.fault.kind === "throttle") sim.stats.throttled++;
                return respondWithFault(res, decision.fault, { requestIdKey, requestId, action });
            }
            const result = ACTIONS[action](store, params, { taskMissingMs: faults.taskMissingMs });
            sendJson(res, 200, { ...result, [requestIdKey]: requestId });
        } catch (err) {
            if (!(err instanceof SimError)) throw err;
            sim.stats.failed++;
            if (/Throttl/.test(err.code)) sim.stats.throttled++;
            sendJson(res, err.status, { [requestIdKey]: requestId, HostId: "ecs.simulator", Code: err.code, Message: err.message });
        }
    }

    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
    });
    const addr = server.address() as AddressInfo;
    const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
    return {
        url: `${opts.tls ? "https" : "http"}://${host}:${addr.port}`,
        port: addr.port,
        store,
        get stats() {
            return { ...sim.stats, faultsInjected: faults.injected };
        },
        faults,
        requests: () => requestLog.list(),
        server,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections?.();
                server.close(() => resolve());
            }),
    };
}
