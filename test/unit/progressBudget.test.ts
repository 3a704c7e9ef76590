import { strict as assert } from "node:assert";
import { ProgressBudget } from "../../provider/waiter/progressBudget";

describe("ProgressBudget (progress reads shared by the waits of one poller)", () => {
    it("allows one read per gap, however many waits ask", () => {
        let t = 0;
        const b = new ProgressBudget({ currentIntervalMs: 4000, baseIntervalMs: 4000 }, 2000, () => t);
        const granted = Array.from({ length: 100 }, () => b.take()).filter(Boolean).length;
        assert.equal(granted, 1);
        t = 1999;
        assert.equal(b.take(), false);
        t = 2000;
        assert.equal(b.take(), true);
    });

    it("allows none while the poller is slowed by throttling", () => {
        const sched = { currentIntervalMs: 8000, baseIntervalMs: 4000 };
        const b = new ProgressBudget(sched, 2000, () => 10_000);
        assert.equal(b.take(), false);
        sched.currentIntervalMs = 4000;
        assert.equal(b.take(), true);
    });
});
