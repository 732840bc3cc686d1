/**
 * compute: serverless and dataVolume as the program declares them, on every
 * cloud: no cluster anywhere, the notebooks install Kedro themselves, the job
 * runs on serverless job compute, and the data volume is created, granted and
 * handed to every Kedro run.
 *
 * From the Databricks provider's source: a task with no job_cluster_key,
 * existing_cluster_id or new_cluster runs on serverless compute, and only
 * script, wheel and dbt tasks need an environment_key there (docs/resources/job.md);
 * a volume's id is <catalog>.<schema>.<name>, which databricks_grants' volume
 * takes, with READ_VOLUME and WRITE_VOLUME (catalog/resource_volume.go,
 * docs/resources/grants.md); catalog_name, schema_name and volume_type are
 * force_new, name is renamed in place (catalog/resource_volume.go).
 */
import { JOB_NOTEBOOK_PARAMETERS } from "../../lib/notebook";
import { jobPackages } from "../../lib/job";
import { SERVERLESS_KEDRO_PACKAGES as CURRENT_KEDRO_PACKAGES } from "../../lib/kedro";
import { replacingChanges } from "../../lib/replacement";
import { TYPES, baseConfig, evaluate, plain } from "../harness";

const SHA = "c0ffee0000000000000000000000000000000001";
const VOLUME = "databricks:index/volume:Volume";
const GRANTS = "databricks:index/grants:Grants";
const config = (cloud: "aws" | "azure" | "gcp", overrides: Record<string, string> = {}) =>
    baseConfig(cloud, {
        compute: "serverless",
        dataVolume: "main.kedro.iris_data",
        job: "true",
        gitCommit: SHA,
        environmentUser: "bob@example.com",
        environmentGroup: "data-team",
        ...overrides,
    });
const pip = (packages: readonly string[]) => `# MAGIC %pip install ${packages.map((spec) => `"${spec}"`).join(" ")}`;

describe.each(["aws", "azure", "gcp"] as const)("%s", (cloud) => {
    let evaluation: Awaited<ReturnType<typeof evaluate>>;
    beforeAll(async () => {
        evaluation = await evaluate({ config: config(cloud) });
    });

    test("declares no cluster, no library and no cluster permissions; the cluster outputs are absent", () => {
        const { mocks, outputs } = evaluation;
        expect(mocks.resources.filter((resource) => [TYPES.cluster, TYPES.library].includes(resource.type as never))).toEqual([]);
        expect(mocks.resources.filter((resource) => resource.type === TYPES.permissions && "clusterId" in resource.inputs)).toEqual([]);
        expect([outputs.clusterId, outputs.clusterUrl]).toEqual([undefined, undefined]);
    });

    test("the notebook installs the current Kedro with %pip, restarts Python, and runs with the volume as a runtime parameter", () => {
        const source = Buffer.from(
            evaluation.mocks.resources.find((resource) => resource.type === TYPES.notebook && !resource.name.includes("job"))!.inputs
                .contentBase64,
            "base64",
        ).toString();
        const lines = source.split("\n");
        expect(lines).toContain(pip(CURRENT_KEDRO_PACKAGES));
        expect(lines.indexOf("dbutils.library.restartPython()")).toBeGreaterThan(lines.indexOf(pip(CURRENT_KEDRO_PACKAGES)));
        expect(lines).toContain(
            `# MAGIC %reload_kedro ${evaluation.outputs.projectRoot} --params data_volume=/Volumes/main/kedro/iris_data`,
        );
    });

    test("the job runs its notebook task on serverless job compute: no job cluster, no libraries, no environment", () => {
        const job = plain(evaluation.mocks.one(TYPES.job).inputs);
        expect(job.jobClusters).toBeUndefined();
        expect(job.environments).toBeUndefined();
        expect(job.tasks).toHaveLength(1);
        const [task] = job.tasks;
        expect(
            Object.keys(task).filter((key) =>
                ["jobClusterKey", "newCluster", "existingClusterId", "libraries", "environmentKey"].includes(key),
            ),
        ).toEqual([]);
        expect(task.notebookTask.baseParameters[JOB_NOTEBOOK_PARAMETERS.deployedCommit]).toBe(SHA);
        const notebook = evaluation.mocks.resources.find((resource) => resource.type === TYPES.notebook && resource.name.includes("job"))!;
        const source = Buffer.from(notebook.inputs.contentBase64, "base64").toString();
        const cells = source.replace(/^# Databricks notebook source\n/, "").split("\n# COMMAND ----------\n");
        expect(cells[0].trim()).toBe(pip(jobPackages(CURRENT_KEDRO_PACKAGES)));
        expect(cells[1].trim()).toBe("dbutils.library.restartPython()");
        expect(cells.some((cell) => cell.includes("--params data_volume=/Volumes/main/kedro/iris_data"))).toBe(true);
    });

    test("the data volume: managed, in the named catalog and schema, read and write for the person and the group", () => {
        const { mocks, outputs } = evaluation;
        expect(mocks.one(VOLUME).inputs).toEqual(
            expect.objectContaining({ catalogName: "main", schemaName: "kedro", name: "iris_data", volumeType: "MANAGED" }),
        );
        const grants = plain(mocks.one(GRANTS).inputs);
        expect(grants.volume).toBe(mocks.one(VOLUME).id);
        expect(grants.grants).toEqual([
            { principal: "bob@example.com", privileges: ["READ_VOLUME", "WRITE_VOLUME"] },
            { principal: "data-team", privileges: ["READ_VOLUME", "WRITE_VOLUME"] },
        ]);
        expect(outputs.dataVolumePath).toBe("/Volumes/main/kedro/iris_data");
    });
});

test("protect keeps the volume and its grants from pulumi destroy", async () => {
    const { mocks } = await evaluate({ config: config("aws", { protect: "true" }) });
    expect([VOLUME, GRANTS].map((type) => mocks.one(type).options.protect)).toEqual([true, true]);
});

test("without people, the deployer owns the volume and no grant is declared", async () => {
    const { mocks } = await evaluate({ config: baseConfig("azure", { compute: "serverless", dataVolume: "main.kedro.iris_data" }) });
    expect(mocks.resources.filter((resource) => resource.type === GRANTS)).toEqual([]);
    expect(mocks.resources.filter((resource) => resource.type === VOLUME)).toHaveLength(1);
});

test("another schema replaces the volume, and with it its files; another volume name renames it in place", async () => {
    const volumeOf = async (dataVolume: string) =>
        (await evaluate({ config: baseConfig("gcp", { compute: "serverless", dataVolume }) })).mocks.one(VOLUME).inputs;
    // One program at a time: the mocks are the process's.
    const before = await volumeOf("main.kedro.iris_data");
    const schema = await volumeOf("main.other.iris_data");
    const renamed = await volumeOf("main.kedro.iris");
    expect(replacingChanges(VOLUME, before, schema)).toEqual(["schemaName"]);
    expect(replacingChanges(VOLUME, before, renamed)).toEqual([]);
});
