import { JOB_GUARD_PACKAGE, jobPackages, runTimeoutSeconds } from "../../lib/job";
import { CURRENT_KEDRO_PACKAGES, TUTORIAL_KEDRO_PACKAGES } from "../../lib/kedro";

describe("jobPackages", () => {
    test("the runtime's Kedro packages without kedro-viz, with the SDK the commit check needs", () => {
        expect(jobPackages(TUTORIAL_KEDRO_PACKAGES)).toEqual(["kedro==0.18.7", "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0", JOB_GUARD_PACKAGE]);
        expect(jobPackages(CURRENT_KEDRO_PACKAGES)).not.toContain("kedro-viz");
        expect(jobPackages(["kedro~=1.0", "databricks-sdk==0.30.0"])).toEqual(["kedro~=1.0", "databricks-sdk==0.30.0"]);
    });
});

describe("runTimeoutSeconds", () => {
    test("two attempts of 120 minutes and the 10-minute pause before the retry", () => {
        expect(runTimeoutSeconds(120)).toBe(15_000);
    });
});
