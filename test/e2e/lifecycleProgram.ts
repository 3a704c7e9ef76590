/**
 * The lifecycle test program: one ImageTaskWaiter whose optional inputs come from the stack
 * config `waiter` (a JSON object, passed as is so that check sees even wrong types), a Marker
 * resource gated on the waiter's outputs, and every waiter output exported. Without a `taskId`
 * config, the program starts the task itself through the simulator's control API (a dynamic
 * resource), so the task ID is unknown during the first preview. Plain JavaScript, consuming the
 * package by its name as a user would.
 */
export const LIFECYCLE_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { ImageTaskWaiter } = require("pulumi-ecs-image-task");
const cfg = new pulumi.Config();

const simTaskProvider = {
    async create(inputs) {
        const r = await fetch(inputs.simUrl + "/_sim/tasks", { method: "POST", headers: { "content-type": "application/json" }, body: inputs.script });
        if (r.status !== 201) throw new Error("POST /_sim/tasks answered " + r.status);
        const t = await r.json();
        return { id: t.taskId, outs: { ...inputs, taskId: t.taskId } };
    },
};
class SimTask extends pulumi.dynamic.Resource {
    constructor(name, args, opts) { super(simTaskProvider, name, { taskId: undefined, ...args }, opts, "test", "SimTask"); }
}

let taskId = cfg.get("taskId");
if (!taskId) taskId = new SimTask("start", { simUrl: cfg.require("simUrl"), script: cfg.require("startTask") }).taskId;

const waiter = new ImageTaskWaiter("waiter", {
    regionId: cfg.require("regionId"),
    taskId,
    pollInterval: "500ms",
    notFoundGrace: "5s",
    ...(cfg.getObject("waiter") || {}),
});

const markerProvider = {
    async create(inputs) {
        const fs = require("fs");
        const at = Date.now();
        fs.appendFileSync(inputs.file, JSON.stringify({ imageId: inputs.imageId, at }) + "\\n");
        return { id: "marker-" + at, outs: { ...inputs, createdAt: at } };
    },
    async diff(id, olds, news) {
        return { changes: olds.imageId !== news.imageId || olds.status !== news.status };
    },
};
class Marker extends pulumi.dynamic.Resource {
    constructor(name, args, opts) { super(markerProvider, name, { createdAt: undefined, ...args }, opts, "test", "Marker"); }
}
new Marker("gated", { imageId: waiter.resourceId.apply((x) => x || ""), status: waiter.taskStatus, file: cfg.require("markerFile") });

for (const k of ["taskId", "taskAction", "taskStatus", "resourceId", "progress", "errorCode", "errorMessage", "waitError", "ossObject", "imageStatus", "finishedTime"]) {
    exports[k] = waiter[k];
}
`;
