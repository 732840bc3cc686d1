/** The offline plan of a stack with job: true: the job, its schedule and its cluster, and the policies' verdicts on it. */
import { planReport } from "../../plan/cli";
import { mandatoryViolations, renderPlan } from "../../plan/report";
import { STACK, projectWith } from "./planHarness";

const SHA = "c0ffee0000000000000000000000000000000001";

test("shows the job with its schedule and its job cluster, and every policy passes it", async () => {
    // The program itself, linked; only the stack file is this test's.
    const dir = projectWith({
        job: [
            "config:",
            "  databricks:host: https://dbc-1.cloud.databricks.com",
            "  databricks-kedro-stack:cloud: aws",
            "  databricks-kedro-stack:gitUrl: https://github.com/acme/iris-databricks.git",
            "  databricks-kedro-stack:gitUsername: bot",
            "  databricks-kedro-stack:gitToken:",
            "    secure: AAABAMZ+fakeciphertext",
            "  databricks-kedro-stack:sparkVersion: 15.4.x-scala2.12",
            `  databricks-kedro-stack:gitCommit: ${SHA}`,
            "  databricks-kedro-stack:job: true",
            '  databricks-kedro-stack:jobSchedule: "0 0 6 ? * MON-FRI"',
            "  databricks-kedro-stack:jobTimezone: Europe/Paris",
            "",
        ].join("\n"),
    });
    const report = await planReport(dir, "job");
    expect(report.error).toBeUndefined();
    const text = renderPlan(report, "text");
    expect(text).toMatch(
        /^\+ databricks:index\/job:Job kedro-job {2}parent=databricks-kedro-stack:index:KedroJob::kedro-job {2}provider=default/m,
    );
    expect(text).toContain("    schedule={pauseStatus: PAUSED, quartzCronExpression: 0 0 6 ? * MON-FRI, timezoneId: Europe/Paris}");
    expect(text).toMatch(
        / {4}jobClusters=\[\{jobClusterKey: kedro_job_cluster, newCluster: \{awsAttributes: \{availability: SPOT_WITH_FALLBACK, .*firstOnDemand: 1, .*nodeTypeId: m4\.large, numWorkers: 1, .*sparkVersion: 15\.4\.x-scala2\.12\}\}\]$/m,
    );
    expect(text).toMatch(
        /^\+ databricks:index\/repo:Repo kedro-job-repo .*\n(?: {4}.*\n)* {4}path=\/Repos\/plan-user@example\.invalid\/iris-databricks-job-job$/m,
    );
    expect(text).toContain("pass job-clusters (mandatory)");
    expect(mandatoryViolations(report)).toEqual([]);
    // The job cluster: an m4.large driver and 1 worker at jobs prices, 0.4 × 0.15 + 0.10 = $0.16/h a node.
    expect(report.cost).toMatchObject({ clusterPerHour: 0.64, jobPerRunHour: 0.32 });
    expect(text).toContain("- job: $0.32/h of run time");
});

test("a serverless stack with a data volume: no cluster anywhere, the volume and its grants, and every policy passes it", async () => {
    const dir = projectWith({
        free: STACK(
            [
                "  databricks-kedro-stack:compute: serverless",
                "  databricks-kedro-stack:dataVolume: workspace.default.iris_data",
                `  databricks-kedro-stack:gitCommit: ${SHA}`,
                "  databricks-kedro-stack:job: true",
                "  databricks-kedro-stack:environmentGroup: data-team",
                "",
            ].join("\n"),
        ),
    });
    const report = await planReport(dir, "free");
    expect(report.error).toBeUndefined();
    const types = report.resources.map((resource) => resource.type);
    expect(types.filter((type) => /cluster:Cluster|library:Library/.test(type))).toEqual([]);
    expect(types).toEqual(
        expect.arrayContaining(["databricks:index/volume:Volume", "databricks:index/grants:Grants", "databricks:index/job:Job"]),
    );
    const text = renderPlan(report, "text");
    expect(text).not.toMatch(/jobClusters=/);
    expect(text).toContain("pass job-clusters (mandatory)");
    expect(mandatoryViolations(report)).toEqual([]);
    // No cluster to price, and no serverless rate in the table: said, not priced at zero.
    expect(report.cost).toMatchObject({
        clusterPerHour: null,
        unpriced: ["serverless compute: the rates table has no serverless DBU price"],
    });
    expect(report.warnings).toEqual(
        expect.arrayContaining([expect.stringMatching(/^dataVolume workspace\.default\.iris_data: pulumi destroy drops the volume/)]),
    );
});
