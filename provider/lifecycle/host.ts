/**
 * The dynamic provider's methods as they run inside Pulumi's dynamic-provider host process.
 * The serialized provider object (../dynamicProvider.ts) `require`s this module by package
 * name, so every ImageTaskWaiter in the process shares its state: the stack settings read by
 * `configure`, and the shared pollers of ../waiter/registry.ts.
 */
import { ConfigError } from "../config/ConfigError";
import { readStackSettings, StackSettings } from "../config/settings";
import { createDefaultChain, CredentialInputs, validateCredentialInputs } from "../config/credentials";
import { resolveGateway } from "../config/clientConfig";
import { EcsClientOptions } from "../ecs/options";
import { credentialInputsOf, credentialsChanged, recordingCredentials, warnOnce } from "./credentialState";
import { sharedPoller } from "../waiter/registry";
import { INPUT_KEYS, UNKNOWN, validateInputs, WaiterInputs, CheckFailure } from "./inputs";
import { WaiterOutputs } from "./outputs";
import { waitAndRecord } from "./wait";

let settings: StackSettings = {};
const defaultChain = createDefaultChain();

/** `configure`: reads the `apsara:*` stack config (secrets arrive decrypted). */
export async function configure(req: { config: { get(key: string): string | undefined } }): Promise<void> {
    settings = readStackSettings((k) => req.config.get(k));
}

/** `check`: validates inputs; unknown values pass. Makes no API call. */
export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures: CheckFailure[] }> {
    const failures = validateInputs(news);
    failures.push(...validateCredentialInputs(news));
    if (news.endpoint === undefined && !settings.endpoint && !process.env.APSARA_ENDPOINT) {
        failures.push({ property: "endpoint", reason: "no endpoint: set the endpoint input or the stack config apsara:endpoint (e.g. pulumi config set apsara:endpoint https://ecs-internal.example.com)" });
    }
    return { inputs: news, failures };
}

/** `diff`: any change of an input is an update that waits again; `__provider` is ignored. Makes no API call. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ changes: boolean }> {
    const prev = (olds.__inputs ?? olds) as Record<string, unknown>;
    const changes =
        INPUT_KEYS.some((k) => news[k] === UNKNOWN || JSON.stringify(prev[k] ?? null) !== JSON.stringify(news[k] ?? null)) || credentialsChanged(olds, news);
    return { changes };
}

/** `create`: waits on the task; the resource ID is the first task's ID. */
export async function create(inputs: Record<string, unknown>): Promise<{ id: string; outs: WaiterOutputs }> {
    const w = waiterInputs(inputs);
    const creds = credentialInputsOf(inputs);
    const outs = await recordingCredentials(creds, async () => waitAndRecord(w.taskId, w, inputs.__provider, await context(w, creds)));
    return { id: w.taskId, outs };
}

/** `update`: waits again, on the (possibly new) task. */
export async function update(id: string, _olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: WaiterOutputs }> {
    const w = waiterInputs(news);
    const creds = credentialInputsOf(news);
    return { outs: await recordingCredentials(creds, async () => waitAndRecord(id, w, news.__provider, await context(w, creds))) };
}

/**
 * `read` (refresh): one DescribeTasks call for the recorded task. A task that is listed updates
 * the status fields; a task no longer listed (old tasks age out) keeps the recorded state.
 */
export async function read(id: string, props: Record<string, unknown>): Promise<{ id: string; props: Record<string, unknown> }> {
    const w = waiterInputs((props.__inputs ?? props) as Record<string, unknown>);
    const { client } = sharedPoller(await clientOptions(w, credentialInputsOf(props)), w.regionId);
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

async function context(w: WaiterInputs, creds: CredentialInputs) {
    return { client: await clientOptions(w, creds), log: (line: string) => console.log(line) };
}

/**
 * Client options for one waiter (provider/config/clientConfig.ts): endpoint and apiStyle from the
 * inputs, else the stack config, else APSARA_ENDPOINT / APSARA_API_STYLE; credentials from the
 * waiter's own inputs, else the stack config, else the default chain of `@alicloud/credentials`;
 * tenancy, Apsara headers, TLS and proxy from the stack config or the environment. Logs the
 * `apsara:insecure` warning once per run.
 * @throws ConfigError naming the missing or invalid setting.
 */
export async function clientOptions(w: WaiterInputs, creds: CredentialInputs = {}): Promise<EcsClientOptions> {
    const g = await resolveGateway({ endpoint: w.endpoint, apiStyle: w.apiStyle, ...creds }, { settings, env: process.env, chain: defaultChain });
    warnOnce(g.warnings, (line) => console.log(line));
    return g.options;
}
