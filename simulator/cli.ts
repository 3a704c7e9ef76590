#!/usr/bin/env node
/**
 * `ecs-task-sim`: runs the ECS task simulator until SIGINT or SIGTERM.
 * The first line on stdout is the base URL (e.g. `http://127.0.0.1:43123`).
 */
import { parseArgs } from "node:util";
import { startSimulator } from "./server";
import { SimKey } from "./verify";
import { parseDuration } from "../provider/config/duration";
import { ConfigError } from "../provider/config/ConfigError";

const USAGE = `Usage: ecs-task-sim [options]

  --port N               port to listen on; 0 picks a free one (default 0)
  --host ADDR            address to listen on (default 127.0.0.1)
  --access-key ID:SECRET[:TOKEN]
                         accepted key pair, repeatable; TOKEN makes it an STS key
                         (default: sim-access-key-id:sim-access-key-secret)
  --task-duration D      how long tasks started by ImportImage/ExportImage take (default 5s)
  --final-status S       their final status: Finished, Failed, Deleted, Paused (default Finished)
  --route-prefix P       route-style path prefix (default /apsara/route)
  --region R             a region that exists, repeatable; calls for any other region
                         answer InvalidRegionId.NotFound (default: every region exists)
  --help                 this text

The first line printed is the base URL. Control API: /_sim/tasks, /_sim/stats,
/_sim/defaults, /_sim/reset (see README).`;

/** Parses `ID:SECRET[:TOKEN]`. @throws ConfigError naming --access-key. */
export function parseKey(text: string): SimKey {
    const [accessKeyId, accessKeySecret, ...rest] = text.split(":");
    if (!accessKeyId || !accessKeySecret) throw new ConfigError("--access-key", `expected ID:SECRET or ID:SECRET:TOKEN, got a value with ${text.split(":").length} part(s)`);
    return { accessKeyId, accessKeySecret, securityToken: rest.length ? rest.join(":") : undefined };
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            port: { type: "string", default: "0" },
            host: { type: "string", default: "127.0.0.1" },
            "access-key": { type: "string", multiple: true },
            "task-duration": { type: "string", default: "5s" },
            "final-status": { type: "string", default: "Finished" },
            "route-prefix": { type: "string", default: "/apsara/route" },
            region: { type: "string", multiple: true },
            help: { type: "boolean", default: false },
        },
        strict: true,
    });
    if (values.help) {
        console.log(USAGE);
        return;
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError("--port", `"${values.port}" must be an integer from 0 to 65535`);
    const keys = (values["access-key"] ?? []).map(parseKey);
    const sim = await startSimulator({
        port,
        host: values.host,
        keys,
        routePrefix: values["route-prefix"],
        regions: values.region,
        taskDefaults: { durationMs: parseDuration(values["task-duration"]!, "--task-duration"), finalStatus: values["final-status"] },
    });
    process.stdout.write(`${sim.url}\n`);
    const stop = () => {
        sim.close().then(() => process.exit(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

if (require.main === module) {
    main().catch((err) => {
        console.error(`ecs-task-sim: ${err instanceof Error ? err.message : String(err)}`);
        console.error("Run ecs-task-sim --help for the options.");
        process.exit(2);
    });
}
