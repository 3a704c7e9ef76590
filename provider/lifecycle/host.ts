/**
 * The dynamic provider's methods as they run inside Pulumi's dynamic-provider host process.
 * The serialized provider object (../dynamicProvider.ts) `require`s this module by package
 * name, so every ImageTaskWaiter in the process shares its state: the stack settings read by
 * `configure`, and the shared pollers of ../waiter/registry.ts.
 */
import { ConfigError } from "../config/ConfigError";
import { readStackSettings, resolveCredentials, StackSettings } from "../config/settings";
import { EcsClientOptions } from "../ecs/options";
import { ApiStyle } from "../ecs/types";
import { sharedPoller } from "../waiter/registry";
import { INPUT_KEYS, UNKNOWN, validateInputs, WaiterInputs, CheckFailure } from "./inputs";
import { WaiterOutputs } from "./outputs";
import { waitAndRecord } from "./wait";
import { hostCancelSignal } from "./cancellation";

let settings: StackSettings = {};

/** `configure`: reads the `apsara:*` stack config (secrets arrive decrypted). */
export async function configure(req: { config: { get(key: string): string | undefined } }): Promise<void> {
    settings = readStackSettings((k) => req.config.get(k));
}

/** `check`: validates inputs; unknown values pass. Makes no API call. */
export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures: CheckFailure[] }> {
    const failures = validateInputs(news);
    if (news.endpoint === undefined && !settings.endpoint && !process.env.APSARA_ENDPOINT) {
        failures.push({ property: "endpoint", reason: "no endpoint: set the endpoint input or the stack config apsara:endpoint (e.g. pulumi config set apsara:endpoint https://ecs-internal.example.com)" });
    }
    return { inputs: news, failures };
}

/** `diff`: any change of an input is an update that waits again; `__provider` is ignored. Makes no API call. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ changes: boolean }> {
    const prev = (olds.__inputs ?? olds) as Record<string, unknown>;
    const changes = INPUT_KEYS.some((k) => news[k] === UNKNOWN || JSON.stringify(prev[k] ?? null) !== JSON.stringify(news[k] ?? null));
    return { changes };
}

/** `create`: waits on the task; the resource ID is the first task's ID. */
export async function create(inputs: Record<string, unknown>): Promise<{ id: string; outs: WaiterOutputs }> {
    const w = waiterInputs(inputs);
    const outs = await waitAndRecord(w.taskId, w, inputs.__provider, context(w));
    return { id: w.taskId, outs };
}

/** `update`: waits again, on the (possibly new) task. */
export async function update(id: string, _olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: WaiterOutputs }> {
    const w = waiterInputs(news);
    return { outs: await waitAndRecord(id, w, news.__provider, context(w)) };
}

/**
 * `read` (refresh): one DescribeTasks call for the recorded task. A task that is listed updates
 * the status fields; a task no longer listed (old tasks age out) keeps the recorded state.
 */
export async function read(id: string, props: Record<string, unknown>): Promise<{ id: string; props: Record<string, unknown> }> {
    const w = waiterInputs((props.__inputs ?? props) as Record<string, unknown>);
    const { client } = sharedPoller(clientOptions(w), w.regionId);
    const r = await client.describeTasks({ RegionId: w.regionId, TaskIds: [String(props.taskId ?? w.taskId)] });
    const t = r.Tasks.find((x) => x.TaskId === (props.taskId ?? w.taskId));
    if (!t) return { id, props };
    return {
        id,
        props: { ...props, taskStatus: t.TaskStatus, taskAction: t.TaskAction ?? props.taskAction, resourceId: t.ResourceId ?? props.resourceId, finishedTime: t.FinishedTime ?? props.finishedTime },
    };
}

/** `delete`: leaves the task alone. */
export async function del(): Promise<void> {}

function waiterInputs(p: Record<string, unknown>): WaiterInputs {
    const w: Record<string, unknown> = {};
    for (const k of INPUT_KEYS) if (p[k] !== undefined && p[k] !== null) w[k] = p[k];
    return w as unknown as WaiterInputs;
}

function context(w: WaiterInputs) {
    return { client: clientOptions(w), log: (line: string) => console.log(line), signal: hostCancelSignal() };
}

/**
 * Client options for one waiter: the inputs' endpoint and apiStyle, else the stack config, else
 * APSARA_ENDPOINT / APSARA_API_STYLE / APSARA_ORGANIZATION_ID / APSARA_RESOURCE_GROUP_ID;
 * credentials from the stack config, then the environment.
 * @throws ConfigError naming the missing setting.
 */
export function clientOptions(w: WaiterInputs): EcsClientOptions {
    const endpoint = w.endpoint ?? settings.endpoint ?? process.env.APSARA_ENDPOINT;
    if (!endpoint) throw new ConfigError("endpoint", "no endpoint: set the endpoint input or the stack config apsara:endpoint");
    const credentials = resolveCredentials(settings, process.env);
    if (!credentials) {
        throw new ConfigError(
            "apsara:accessKeyId",
            "no credentials: set apsara:accessKeyId and apsara:accessKeySecret (pulumi config set --secret apsara:accessKeySecret ...), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        );
    }
    return {
        endpoint,
        apiStyle: (w.apiStyle ?? settings.apiStyle ?? process.env.APSARA_API_STYLE ?? "route") as ApiStyle,
        credentials,
        organizationId: settings.organizationId ?? process.env.APSARA_ORGANIZATION_ID,
        resourceGroupId: settings.resourceGroupId ?? process.env.APSARA_RESOURCE_GROUP_ID,
    };
}
