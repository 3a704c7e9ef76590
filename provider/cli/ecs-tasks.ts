#!/usr/bin/env node
/**
 * `ecs-tasks`: start and inspect ECS image tasks from the command line, printing JSON.
 * Same settings as the resource: endpoint and style from flags or APSARA_ENDPOINT /
 * APSARA_API_STYLE; credentials from the default chain of @alicloud/credentials
 * (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN,
 * the aliyun CLI profile, ~/.alibabacloud/credentials, an ECS RAM role; never from flags, so
 * that secrets stay out of shell history and process lists).
 */
import { parseArgs } from "node:util";
import { EcsClient } from "../ecs/client";
import { ConfigError } from "../config/ConfigError";
import { resolveGateway } from "../config/clientConfig";
import { createDefaultChain } from "../config/credentials";
import { parseDuration } from "../config/duration";
import { TaskScheduler } from "../waiter/scheduler";
import { ReachabilityGuard } from "../waiter/reachability";
import { waitForTask } from "../waiter/waitForTask";

const USAGE = `Usage: ecs-tasks <command> [options]

Commands:
  import-image  --region R --oss-bucket B --oss-object O [--image-name N] [--format RAW|VHD|QCOW2]
                [--os-type linux|windows] [--platform P] [--architecture x86_64|arm64] [--client-token T]
  export-image  --region R --image-id M --oss-bucket B [--oss-prefix P] [--image-format raw|vhd|qcow2]
  describe      --region R --task-id T [--task-id T2 ...] [--attribute]
  wait          --region R --task-id T [--task-action ImportImage|ExportImage] [--timeout 90m] [--poll-interval 4s]

Common options:
  --endpoint URL        ECS gateway (default: $APSARA_ENDPOINT)
  --api-style S         route or rpc (default: $APSARA_API_STYLE, else route)
  --organization-id ID  Apsara organization (default: $APSARA_ORGANIZATION_ID)
  --resource-group-id ID  Apsara resource group (default: $APSARA_RESOURCE_GROUP_ID)
  --ca-cert PATH        PEM CA bundle trusted for the gateway (default: $APSARA_CA_CERT_PATH)
  --insecure            do not verify the gateway's TLS certificate (tests only; warns)
  --proxy URL           HTTP(S) proxy (default: $HTTPS_PROXY / $HTTP_PROXY, minus $NO_PROXY)

Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and
ALIBABA_CLOUD_SECURITY_TOKEN, else the aliyun CLI profile, ~/.alibabacloud/credentials or an
ECS RAM role (the default chain of @alicloud/credentials). Output is JSON on stdout; errors go to stderr as JSON with exit 1
(API or task failure) or 2 (bad usage).`;

const OPTIONS = {
    endpoint: { type: "string" },
    "api-style": { type: "string" },
    "organization-id": { type: "string" },
    "resource-group-id": { type: "string" },
    "ca-cert": { type: "string" },
    insecure: { type: "boolean", default: false },
    proxy: { type: "string" },
    region: { type: "string" },
    "oss-bucket": { type: "string" },
    "oss-object": { type: "string" },
    "oss-prefix": { type: "string" },
    "image-name": { type: "string" },
    "image-id": { type: "string" },
    "image-format": { type: "string" },
    format: { type: "string" },
    "os-type": { type: "string" },
    platform: { type: "string" },
    architecture: { type: "string" },
    "client-token": { type: "string" },
    "task-id": { type: "string", multiple: true },
    "task-action": { type: "string" },
    timeout: { type: "string", default: "90m" },
    "poll-interval": { type: "string", default: "4s" },
    attribute: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function need(v: Values, name: keyof Values): string {
    const x = v[name];
    if (typeof x !== "string" || x === "") throw new ConfigError(`--${String(name)}`, "is required for this command");
    return x;
}

/** The stack-setting and input names that resolveGateway reports, as this command's flags. */
const FLAG_OF: Record<string, string> = {
    endpoint: "--endpoint",
    apiStyle: "--api-style",
    "apsara:caCertPath": "--ca-cert",
    "apsara:insecure": "--insecure",
    "apsara:proxy": "--proxy",
};

async function clientFrom(v: Values, env: NodeJS.ProcessEnv): Promise<EcsClient> {
    const endpoint = v.endpoint ?? env.APSARA_ENDPOINT;
    if (!endpoint) throw new ConfigError("--endpoint", "is required (or set APSARA_ENDPOINT)");
    try {
        return await gatewayClient(v, env, endpoint);
    } catch (err) {
        if (err instanceof ConfigError && FLAG_OF[err.setting]) throw new ConfigError(FLAG_OF[err.setting], err.reason);
        throw err;
    }
}

async function gatewayClient(v: Values, env: NodeJS.ProcessEnv, endpoint: string): Promise<EcsClient> {
    const g = await resolveGateway(
        { endpoint, apiStyle: v["api-style"] },
        {
            settings: {
                organizationId: v["organization-id"],
                resourceGroupId: v["resource-group-id"],
                caCertPath: v["ca-cert"],
                insecure: v.insecure ? "true" : undefined,
                proxy: v.proxy,
            },
            env,
            chain: createDefaultChain(),
        },
    );
    for (const w of g.warnings) process.stderr.write(`${w}\n`);
    return new EcsClient(g.options);
}

/** Runs one command; returns the JSON to print. Exported for tests. */
export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<unknown> {
    const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const command = positionals[0];
    if (v.help || !command) return USAGE;
    if (positionals.length > 1) throw new ConfigError("command", `unexpected argument "${positionals[1]}"`);
    const known = ["import-image", "export-image", "describe", "wait"];
    if (!known.includes(command)) throw new ConfigError("command", `"${command}" is not a command; use one of ${known.join(", ")}`);
    // Usage first: a missing flag is reported before any credential lookup or call.
    const region = need(v, "region");
    const timeoutMs = command === "wait" ? parseDuration(v.timeout!, "--timeout") : 0;
    const pollIntervalMs = command === "wait" ? parseDuration(v["poll-interval"]!, "--poll-interval") : 0;
    const client = await clientFrom(v, env);
    switch (command) {
        case "import-image":
            return client.importImage({
                RegionId: region,
                ImageName: v["image-name"],
                OSType: v["os-type"],
                Platform: v.platform,
                Architecture: v.architecture,
                ClientToken: v["client-token"],
                DiskDeviceMapping: [{ OSSBucket: need(v, "oss-bucket"), OSSObject: need(v, "oss-object"), Format: v.format }],
            });
        case "export-image":
            return client.exportImage({ RegionId: region, ImageId: need(v, "image-id"), OSSBucket: need(v, "oss-bucket"), OSSPrefix: v["oss-prefix"], ImageFormat: v["image-format"] });
        case "describe": {
            const ids = taskIds(v);
            if (v.attribute) return Promise.all(ids.map((id) => client.describeTaskAttribute(region, id)));
            return client.describeTasks({ RegionId: region, TaskIds: ids });
        }
        default: {
            const [id] = taskIds(v);
            const scheduler = new TaskScheduler(new ReachabilityGuard(client), region, { pollIntervalMs });
            const r = await waitForTask(scheduler, client, id, {
                timeoutMs,
                expectedAction: v["task-action"],
                onStatus: (s) => process.stderr.write(`${id}: ${s}\n`),
            });
            return { ...r.task, polls: r.polls, waitedMs: r.waitedMs };
        }
    }
}

function taskIds(v: Values): string[] {
    const ids = (v["task-id"] ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw new ConfigError("--task-id", "is required for this command");
    return ids;
}

if (require.main === module) {
    run(process.argv.slice(2), process.env).then(
        (out) => {
            process.stdout.write(typeof out === "string" ? `${out}\n` : `${JSON.stringify(out, null, 2)}\n`);
        },
        (err: unknown) => {
            const e = err as Error & { code?: string };
            const usage = err instanceof ConfigError || e?.code?.startsWith?.("ERR_PARSE_ARGS");
            process.stderr.write(`${JSON.stringify({ error: e?.name ?? "Error", code: e?.code, message: e?.message ?? String(err) })}\n`);
            process.exitCode = usage ? 2 : 1;
        },
    );
}
