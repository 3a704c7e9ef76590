import { createHash } from "node:crypto";
import { EcsClient } from "../ecs/client";
import { EcsClientOptions } from "../ecs/options";
import { SchedulerOptions, TaskScheduler } from "./scheduler";
import { ReachabilityGuard } from "./reachability";
import { ProgressBudget } from "./progressBudget";

/** A client and the scheduler polling through it, shared by every wait with the same key. */
export interface SharedPoller {
    client: EcsClient;
    scheduler: TaskScheduler;
    /** Shares progress reads (DescribeTaskAttribute) among the waits of this poller. */
    progress: ProgressBudget;
}

const pollers = new Map<string, SharedPoller>();

/**
 * The process-wide poller for (endpoint, call style, region, credentials, tenancy, TLS, proxy). Every
 * ImageTaskWaiter in one dynamic-provider host process that waits with the same key shares it,
 * so N concurrent waits cost about ceil(N/100) DescribeTasks calls per tick
 * (docs/design.md, "Waiter"). The key holds hashes of the secret, the token and the proxy URL
 * (which may carry a password), never the values.
 */
export function sharedPoller(options: EcsClientOptions, regionId: string, schedulerOptions: SchedulerOptions = {}): SharedPoller {
    const c = options.credentials;
    const key = JSON.stringify([
        options.endpoint,
        options.apiStyle ?? "route",
        regionId,
        c.accessKeyId,
        createHash("sha256").update(`${c.accessKeySecret}\0${c.securityToken ?? ""}`).digest("hex"),
        options.organizationId ?? "",
        options.resourceGroupId ?? "",
        options.apsaraHeaders ?? true,
        options.ca ? createHash("sha256").update(options.ca).digest("hex") : "",
        options.insecure ?? false,
        options.proxy === undefined ? "(env)" : options.proxy ? createHash("sha256").update(options.proxy).digest("hex") : "(direct)",
        schedulerOptions.pollIntervalMs ?? 0,
    ]);
    let p = pollers.get(key);
    if (!p) {
        const client = new EcsClient(options);
        const scheduler = new TaskScheduler(new ReachabilityGuard(client), regionId, schedulerOptions);
        p = { client, scheduler, progress: new ProgressBudget(scheduler) };
        pollers.set(key, p);
    }
    return p;
}
