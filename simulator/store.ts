import { dropUndefined } from "../provider/util/dropUndefined";
import { SimTask, TaskScript, TaskView, viewTask } from "./tasks";

/** An image as DescribeImages shows it. */
export interface SimImage {
    ImageId: string;
    RegionId: string;
    ImageName?: string;
    /** The import task that creates it. */
    taskId: string;
}

/** Randomness and time for the store; injected so tests are exact. */
export interface StoreDeps {
    now: () => number;
    random: () => number;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * In-memory tasks and images of the simulator. Task IDs look like `t-` plus 20 characters
 * (docs/ecs-api.md: do not insist on a prefix; the public docs use `t-`).
 */
export class TaskStore {
    private readonly tasks = new Map<string, SimTask>();
    private readonly images = new Map<string, SimImage>();
    /** Script applied to tasks that ImportImage and ExportImage create. */
    defaults: TaskScript = { durationMs: 5000 };

    constructor(private readonly deps: StoreDeps) {}

    /** Creates a task with `script` over {@link defaults}. */
    create(regionId: string, taskAction: string, script: TaskScript = {}): SimTask {
        const s = { ...this.defaults, ...dropUndefined(script) };
        const durationMs = Math.max(0, s.durationMs ?? 5000);
        const task: SimTask = {
            TaskId: `t-${this.randomId(20)}`,
            RegionId: regionId,
            TaskAction: taskAction,
            createdAt: this.deps.now(),
            durationMs,
            pendingMs: Math.min(s.pendingMs ?? Math.min(2000, durationMs * 0.1), durationMs),
            pendingStatus: s.pendingStatus ?? "Pending",
            finalStatus: s.finalStatus ?? "Finished",
            errorCode: s.errorCode,
            errorMessage: s.errorMessage,
            failAtProgress: s.failAtProgress ?? 50,
            resourceId: s.resourceId,
            imageReadyDelayMs: s.imageReadyDelayMs ?? 1000,
        };
        if (taskAction === "ImportImage" && task.resourceId === undefined) task.resourceId = `m-${this.randomId(20)}`;
        if (task.finalStatus !== "Finished") {
            task.errorCode ??= `${taskAction}.Failed`;
            task.errorMessage ??= `The ${taskAction} task ended ${task.finalStatus}.`;
        }
        this.tasks.set(task.TaskId, task);
        return task;
    }

    get(taskId: string): SimTask | undefined {
        return this.tasks.get(taskId);
    }

    view(taskId: string): TaskView | undefined {
        const t = this.tasks.get(taskId);
        return t && viewTask(t, this.deps.now());
    }

    /** Every task, newest first (DescribeTasks' order). */
    all(): SimTask[] {
        return [...this.tasks.values()].sort((a, b) => b.createdAt - a.createdAt);
    }

    /** Removes a task, as if the gateway had purged it. Returns false if unknown. */
    remove(taskId: string): boolean {
        return this.tasks.delete(taskId);
    }

    addImage(img: SimImage): void {
        this.images.set(img.ImageId, img);
    }

    image(imageId: string): SimImage | undefined {
        return this.images.get(imageId);
    }

    allImages(): SimImage[] {
        return [...this.images.values()];
    }

    /** The current time of the store's clock, ms since the epoch. */
    now(): number {
        return this.deps.now();
    }

    reset(): void {
        this.tasks.clear();
        this.images.clear();
        this.defaults = { durationMs: 5000 };
    }

    /** A random lower-case alphanumeric string of length `n`. */
    randomId(n: number): string {
        let s = "";
        for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(this.deps.random() * ALPHABET.length)];
        return s;
    }
}
