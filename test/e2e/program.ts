/**
 * The test program: an ImageTaskWaiter and a resource that consumes its resourceId and writes a
 * line (with the time) to a marker file when it is created. Plain JavaScript, consumed by the
 * package's name as a user would.
 */
export const GATED_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { ImageTaskWaiter } = require("pulumi-ecs-image-task");
const cfg = new pulumi.Config();
const waiter = new ImageTaskWaiter("waiter", {
    regionId: cfg.require("regionId"),
    taskId: cfg.require("taskId"),
    taskAction: cfg.get("taskAction"),
    timeout: cfg.get("timeout") || "2m",
    pollInterval: "500ms",
    notFoundGrace: "5s",
});
const markerProvider = {
    async create(inputs) {
        const fs = require("fs");
        const at = Date.now();
        fs.appendFileSync(inputs.file, JSON.stringify({ imageId: inputs.imageId, at }) + "\\n");
        return { id: "marker-" + at, outs: { imageId: inputs.imageId, file: inputs.file, createdAt: at } };
    },
    async diff(id, olds, news) {
        const changed = olds.imageId !== news.imageId;
        return { changes: changed, replaces: changed ? ["imageId"] : [] };
    },
};
class Marker extends pulumi.dynamic.Resource {
    constructor(name, args, opts) { super(markerProvider, name, { createdAt: undefined, ...args }, opts, "test", "Marker"); }
}
const gated = new Marker("gated", { imageId: waiter.resourceId, file: cfg.require("markerFile") });
exports.taskStatus = waiter.taskStatus;
exports.imageId = waiter.resourceId;
exports.gatedAt = gated.createdAt;
`;

/**
 * A stack of many waiters: one ImageTaskWaiter per task ID in the JSON array file named by the
 * config `taskIdsFile`, all with the default poll interval, so that one host process waits on
 * them all at once. Exports the statuses.
 */
export const MANY_WAITERS_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { ImageTaskWaiter } = require("pulumi-ecs-image-task");
const cfg = new pulumi.Config();
const ids = JSON.parse(require("fs").readFileSync(cfg.require("taskIdsFile"), "utf8"));
const waiters = ids.map((taskId, i) => new ImageTaskWaiter("waiter-" + i, {
    regionId: cfg.require("regionId"),
    taskId,
    timeout: "10m",
}));
exports.statuses = pulumi.all(waiters.map((w) => w.taskStatus));
// No taskAction input was given: the output still says what the task was.
exports.firstAction = waiters[0].taskAction;
`;
