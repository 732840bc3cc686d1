import { JOB_GUARD_PACKAGE, JOB_RUN_POLICY, jobPackages, runTimeoutSeconds } from "../../lib/job";
import { CURRENT_KEDRO_PACKAGES, TUTORIAL_KEDRO_PACKAGES } from "../../lib/kedro";

describe("jobPackages", () => {
    test("the runtime's Kedro packages without kedro-viz, with the SDK the commit check needs", () => {
        expect(jobPackages(TUTORIAL_KEDRO_PACKAGES)).toEqual(["kedro==0.18.7", "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0", JOB_GUARD_PACKAGE]);
        expect(jobPackages(CURRENT_KEDRO_PACKAGES)).not.toContain("kedro-viz");
        expect(jobPackages(["kedro~=1.0", "databricks-sdk==0.30.0"])).toEqual(["kedro~=1.0", "databricks-sdk==0.30.0"]);
    });
});

describe("runTimeoutSeconds", () => {
    test("every attempt and every pause before a retry", () => {
        expect(runTimeoutSeconds(120)).toBe((JOB_RUN_POLICY.maxRetries + 1) * 120 * 60 + (JOB_RUN_POLICY.maxRetries * JOB_RUN_POLICY.minRetryIntervalMillis) / 1000);
        expect(runTimeoutSeconds(120)).toBe(15_000);
    });
});
