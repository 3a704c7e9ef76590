#!/usr/bin/env node
/**
 * `ecs-task-sim`: runs the ECS task simulator until SIGINT or SIGTERM.
 * The first line on stdout is the base URL (e.g. `http://127.0.0.1:43123`).
 */
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { startSimulator } from "./server";
import { SimKey } from "./verify";
import { parseDuration } from "../provider/config/duration";
import { ConfigError } from "../provider/config/ConfigError";
import { FaultConfig, QuotaRule } from "./faults/types";
import { validateFaultConfig } from "./faults/validate";
import { seededRandom } from "./faults/seededRandom";

const USAGE = `Usage: ecs-task-sim [options]

  --port N               port to listen on; 0 picks a free one (default 0)
  --host ADDR            address to listen on (default 127.0.0.1)
  --access-key ID:SECRET[:TOKEN]
                         accepted key pair, repeatable; TOKEN makes it an STS key
                         (default: sim-access-key-id:sim-access-key-secret)
  --task-duration D      how long tasks started by ImportImage/ExportImage take (default 5s)
  --final-status S       their final status: Finished, Failed, Deleted, Paused (default Finished)
  --route-prefix P       route-style path prefix (default /apsara/route)
  --faults JSON|FILE     faults to inject: a JSON object as PUT /_sim/faults takes it,
                         or the path of a file holding one (default: none)
  --quota ACTION=N/s|N/m calls allowed per key, region and action per second or minute, repeatable;
                         calls over it get Throttling.User (e.g. DescribeTasks=100/m)
  --task-missing D       new tasks stay missing from DescribeTasks for D (default 0s)
  --seed N               seed for fault rates and jitter, to replay a run (default: random)
  --tls-cert FILE        serve HTTPS with this PEM certificate (chain); needs --tls-key
  --tls-key FILE         the PEM private key of --tls-cert
  --region R             a region that exists, repeatable; calls for any other region
                         answer InvalidRegionId.NotFound (default: every region exists)
  --help                 this text

The first line printed is the base URL. Control API: /_sim/tasks, /_sim/stats,
/_sim/requests, /_sim/defaults, /_sim/faults, /_sim/reset (see README).`;

/** Parses `ID:SECRET[:TOKEN]`. @throws ConfigError naming --access-key. */
export function parseKey(text: string): SimKey {
    const [accessKeyId, accessKeySecret, ...rest] = text.split(":");
    if (!accessKeyId || !accessKeySecret) throw new ConfigError("--access-key", `expected ID:SECRET or ID:SECRET:TOKEN, got a value with ${text.split(":").length} part(s)`);
    return { accessKeyId, accessKeySecret, securityToken: rest.length ? rest.join(":") : undefined };
}

/** Parses `ACTION=N/s` or `ACTION=N/m` (ACTION may be `*`). @throws ConfigError naming --quota. */
export function parseQuota(text: string): QuotaRule {
    const m = /^([A-Za-z*]+)=(\d+)\/(s|m)$/.exec(text.trim());
    if (!m || Number(m[2]) < 1) throw new ConfigError("--quota", `expected ACTION=N/s or ACTION=N/m with N >= 1 (e.g. DescribeTasks=100/m), got "${text}"`);
    const rule: QuotaRule = m[1] === "*" ? {} : { action: m[1] };
    if (m[3] === "s") rule.perSecond = Number(m[2]);
    else rule.perMinute = Number(m[2]);
    return rule;
}

/** Reads --faults: inline JSON, or a file of it. @throws ConfigError naming --faults. */
export function readFaults(text: string): FaultConfig {
    let json = text.trim();
    if (!json.startsWith("{")) {
        try {
            json = readFileSync(json, "utf8");
        } catch (e) {
            throw new ConfigError("--faults", `"${text}" is neither a JSON object nor a readable file (${(e as NodeJS.ErrnoException).code ?? e})`);
        }
    }
    try {
        return validateFaultConfig(JSON.parse(json));
    } catch (e) {
        throw new ConfigError("--faults", e instanceof SyntaxError ? `not valid JSON: ${e.message}` : (e as Error).message);
    }
}

/** Reads `--tls-cert` and `--tls-key` (both or neither). @throws ConfigError naming the option. */
export function readTls(certPath: string | undefined, keyPath: string | undefined): { cert: string; key: string } | undefined {
    if (!certPath && !keyPath) return undefined;
    if (!certPath) throw new ConfigError("--tls-cert", "is required with --tls-key");
    if (!keyPath) throw new ConfigError("--tls-key", "is required with --tls-cert");
    const read = (path: string, option: string) => {
        try {
            return readFileSync(path, "utf8");
        } catch (e) {
            throw new ConfigError(option, `cannot read "${path}" (${(e as { code?: string }).code ?? (e as Error).message})`);
        }
    };
    return { cert: read(certPath, "--tls-cert"), key: read(keyPath, "--tls-key") };
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
            faults: { type: "string" },
            quota: { type: "string", multiple: true },
            "task-missing": { type: "string", default: "0s" },
            seed: { type: "string" },
            "tls-cert": { type: "string" },
            "tls-key": { type: "string" },
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
    const faults: FaultConfig = values.faults ? readFaults(values.faults) : {};
    const quotas = (values.quota ?? []).map(parseQuota);
    if (quotas.length) faults.quotas = [...(faults.quotas ?? []), ...quotas];
    const missing = values["task-missing"]!;
    if (missing !== "0s" && missing !== "0") faults.taskMissingMs = parseDuration(missing, "--task-missing");
    if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) throw new ConfigError("--seed", `"${values.seed}" must be an integer`);
    const tls = readTls(values["tls-cert"], values["tls-key"]);
    const sim = await startSimulator({
        port,
        host: values.host,
        keys,
        routePrefix: values["route-prefix"],
        faults,
        faultRandom: values.seed !== undefined ? seededRandom(Number(values.seed)) : undefined,
        tls,
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
