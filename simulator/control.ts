import { ServerResponse } from "node:http";
import { SimError } from "./SimError";
import { TaskStore } from "./store";
import { TaskScript } from "./tasks";
import { emptyStats, SimStats } from "./stats";
import { FaultConfig } from "./faults/types";
import { FaultInjector } from "./faults/injector";
import { validateFaultConfig } from "./faults/validate";
import { RequestLog } from "./requestLog";
import { sendJson } from "./http";

/** What the control API reads and changes: one simulator's state. */
export interface SimState {
    store: TaskStore;
    /** Holder of the counts, replaced on reset. */
    sim: { stats: SimStats };
    faults: FaultInjector;
    requestLog: RequestLog;
    /** What `POST /_sim/reset` goes back to. */
    initialDefaults: TaskScript;
    initialFaults: FaultConfig;
}

/**
 * The JSON control API under `/_sim/` (README, "Simulator"): tasks, defaults, faults, stats,
 * the request log and reset. No signature; answers `{error}` with HTTP 400 or 404 on bad input.
 */
export function handleControl(state: SimState, method: string, path: string, body: string, res: ServerResponse): void {
    const { store, sim, faults, requestLog, initialDefaults, initialFaults } = state;
    let input: Record<string, unknown> = {};
    if (body) {
        try {
            input = JSON.parse(body);
        } catch {
            return sendJson(res, 400, { error: "body is not JSON" });
        }
    }
    const taskPath = /^\/_sim\/tasks\/([^/]+)$/.exec(path);
    if (method === "POST" && path === "/_sim/tasks") {
        const regionId = input.regionId;
        if (typeof regionId !== "string" || !regionId) return sendJson(res, 400, { error: "regionId is required" });
        const action = typeof input.taskAction === "string" ? input.taskAction : "ImportImage";
        const t = store.create(regionId, action, scriptOf(input));
        if (action === "ImportImage" && t.resourceId) store.addImage({ ImageId: t.resourceId, RegionId: regionId, taskId: t.TaskId });
        if (action === "ExportImage") t.ossObject = typeof input.ossObject === "string" ? input.ossObject : `exports/${t.TaskId}.raw`;
        return sendJson(res, 201, { taskId: t.TaskId, createdAtMs: t.createdAt, endsAtMs: t.createdAt + t.durationMs, ...store.view(t.TaskId) });
    }
    if (taskPath && method === "GET") {
        const v = store.view(decodeURIComponent(taskPath[1]));
        return v ? sendJson(res, 200, v) : sendJson(res, 404, { error: "no such task" });
    }
    if (taskPath && method === "DELETE") {
        return store.remove(decodeURIComponent(taskPath[1])) ? sendJson(res, 200, { deleted: true }) : sendJson(res, 404, { error: "no such task" });
    }
    if (method === "GET" && path === "/_sim/stats") return sendJson(res, 200, { ...sim.stats, faultsInjected: faults.injected });
    if (method === "PUT" && path === "/_sim/faults") {
        try {
            faults.configure(validateFaultConfig(input));
        } catch (err) {
            if (err instanceof SimError) return sendJson(res, 400, { error: err.message });
            throw err;
        }
        return sendJson(res, 200, faults.current);
    }
    if (method === "GET" && path === "/_sim/faults") return sendJson(res, 200, faults.current);
    if (method === "GET" && path === "/_sim/requests") return sendJson(res, 200, requestLog.list());
    if (method === "PUT" && path === "/_sim/defaults") {
        store.defaults = { ...store.defaults, ...scriptOf(input) };
        return sendJson(res, 200, store.defaults);
    }
    if (method === "POST" && path === "/_sim/reset") {
        store.reset();
        store.defaults = { ...initialDefaults };
        sim.stats = emptyStats();
        faults.configure(initialFaults);
        requestLog.clear();
        return sendJson(res, 200, { reset: true });
    }
    sendJson(res, 404, { error: `no control endpoint ${method} ${path}` });
}

/** Reads the control API's task script fields (`durationMs`, `finalStatus`, ...). */
function scriptOf(input: Record<string, unknown>): TaskScript {
    const num = (k: string) => (typeof input[k] === "number" ? (input[k] as number) : undefined);
    const str = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : undefined);
    return {
        durationMs: num("durationMs"),
        pendingMs: num("pendingMs"),
        pendingStatus: str("pendingStatus"),
        finalStatus: str("finalStatus"),
        errorCode: str("errorCode"),
        errorMessage: str("errorMessage"),
        failAtProgress: num("failAtProgress"),
        resourceId: str("resourceId"),
        imageReadyDelayMs: num("imageReadyDelayMs"),
    };
}
