import { IAM_PROPAGATION_MS, iamPropagationWaitMs } from "../../lib/iamPropagation";

describe("iamPropagationWaitMs", () => {
    const now = new Date("2026-11-24T10:00:30Z");
    test("a role created just now waits the whole time", () => expect(iamPropagationWaitMs("2026-11-24T10:00:30Z", now)).toBe(IAM_PROPAGATION_MS));
    test("a role created 10 s ago waits the rest", () => expect(iamPropagationWaitMs("2026-11-24T10:00:20Z", now)).toBe(20_000));
    test("an old role, as on every later update, does not wait", () => expect(iamPropagationWaitMs("2026-11-01T00:00:00Z", now)).toBe(0));
    test("an unknown creation date does not wait", () => {
        expect(iamPropagationWaitMs(undefined, now)).toBe(0);
        expect(iamPropagationWaitMs("not a date", now)).toBe(0);
    });
    test("a clock skewed into the future never waits longer than the minimum", () => expect(iamPropagationWaitMs("2026-11-24T11:00:00Z", now)).toBe(IAM_PROPAGATION_MS));
});
