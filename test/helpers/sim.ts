import { startSimulator, RunningSimulator, SimulatorOptions } from "../../simulator/server";
import { DEFAULT_SIM_KEY } from "../../simulator/verify";
import { EcsClientOptions } from "../../provider/ecs/options";

/** The simulator's default key pair, as client credentials. */
export const SIM_CREDENTIALS = { accessKeyId: DEFAULT_SIM_KEY.accessKeyId, accessKeySecret: DEFAULT_SIM_KEY.accessKeySecret };

/** Starts an in-process simulator on a free loopback port. */
export function startSim(o: SimulatorOptions = {}): Promise<RunningSimulator> {
    return startSimulator({ port: 0, ...o });
}

/** Client options for a simulator in the given style. */
export function clientFor(sim: RunningSimulator, apiStyle: "route" | "rpc", extra: Partial<EcsClientOptions> = {}): EcsClientOptions {
    return { endpoint: sim.url, apiStyle, credentials: SIM_CREDENTIALS, ...extra };
}

/** A task as the control API answers `POST /_sim/tasks`. */
export interface SimTaskInfo {
    taskId: string;
    TaskStatus: string;
    ResourceId?: string;
    [k: string]: unknown;
}

/**
 * Creates a scripted task through the simulator's control API (real HTTP), which also registers
 * an import's image for DescribeImages and an export's OSS object.
 */
export async function simTask(sim: RunningSimulator, script: Record<string, unknown>): Promise<SimTaskInfo> {
    const r = await fetch(`${sim.url}/_sim/tasks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(script) });
    if (r.status !== 201) throw new Error(`POST /_sim/tasks answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as SimTaskInfo;
}

/** Purges a task through the control API, as if the gateway had aged it out of DescribeTasks. */
export async function ageOut(sim: RunningSimulator, taskId: string): Promise<void> {
    const r = await fetch(`${sim.url}/_sim/tasks/${encodeURIComponent(taskId)}`, { method: "DELETE" });
    if (r.status !== 200) throw new Error(`DELETE /_sim/tasks/${taskId} answered ${r.status}: ${await r.text()}`);
}
