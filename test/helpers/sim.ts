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
