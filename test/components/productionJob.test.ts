/** jobSource: wheel: the packaged project's wheel as a job per pipeline, its tasks from the pipeline's graph. */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { baseConfig, evaluate, plain } from "../harness";
import { buildWheel, snapshotPath } from "../kedroFixtures";
import { tempDir } from "../tempDirs";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const JOB = "databricks:index/job:Job";

/** spaceflights' artifacts in a folder of their own, as kedro package and the inspection API leave them. */
function artifacts(): { snapshot: string; wheel: string } {
    const dir = tempDir("kedro-artifacts-");
    copyFileSync(snapshotPath("spaceflights"), join(dir, "snapshot.json"));
    writeFileSync(join(dir, "spaceflights-0.1-py3-none-any.whl"), buildWheel());
    writeFileSync(join(dir, "conf-spaceflights.tar.gz"), Buffer.from([31, 139, 8, 0]));
    return { snapshot: join(dir, "snapshot.json"), wheel: join(dir, "spaceflights-0.1-py3-none-any.whl") };
}

function wheelConfig(overrides: Record<string, string | undefined> = {}) {
    const { snapshot, wheel } = artifacts();
    return baseConfig("aws", {
        job: "true",
        gitCommit: SHA,
        sparkVersion: "15.4.x-scala2.12",
        jobSource: "wheel",
        kedroSnapshot: snapshot,
        kedroWheel: wheel,
        jobPipelines: JSON.stringify(["data_processing", "data_science"]),
        ...overrides,
    });
}

const jobsOf = (mocks: Awaited<ReturnType<typeof evaluate>>["mocks"]): Record<string, any> =>
    Object.fromEntries(mocks.ofType(JOB).map((job) => [plain(job.inputs).tags["kedro-pipeline"], plain(job.inputs)]));

describe("classic compute, spaceflights' data_processing and data_science", () => {
    let jobs: Record<string, any>;
    let files: any[];
    let retained: Array<boolean | undefined>;
    beforeAll(async () => {
        const { mocks } = await evaluate({ config: wheelConfig() });
        jobs = jobsOf(mocks);
        files = mocks.ofType("databricks:index/workspaceFile:WorkspaceFile").map((file) => plain(file.inputs));
        retained = mocks.ofType("databricks:index/workspaceFile:WorkspaceFile").map((file) => file.options.retainOnDelete);
    });

    test("two jobs, and no notebook job, Repo or notebook of the job's own", () => {
        expect(Object.keys(jobs).sort()).toEqual(["data_processing", "data_science"]);
        expect(Object.values(jobs).every((job) => job.tasks.every((task: any) => task.notebookTask === undefined))).toBe(true);
    });

    test("data_processing: a task per node, in task-key order; the model input table's task depends on both preprocessing tasks", () => {
        const tasks = jobs.data_processing.tasks;
        expect(tasks.map((task: any) => task.taskKey)).toEqual(["create_model_input_table_node", "preprocess_companies_node", "preprocess_shuttles_node"]);
        expect(tasks[0].dependsOns).toEqual([{ taskKey: "preprocess_companies_node" }, { taskKey: "preprocess_shuttles_node" }]);
        expect(tasks[1].dependsOns).toBeUndefined();
    });

    test("data_science: each namespace's split, train and evaluate share one task, run with --nodes in that order", () => {
        const [active] = jobs.data_science.tasks;
        expect(jobs.data_science.tasks.map((task: any) => task.taskKey)).toEqual(["active_modelling_pipeline_split_data_node", "candidate_modelling_pipeline_split_data_node"]);
        const nodes = ["split_data_node", "train_model_node", "evaluate_model_node"].map((node) => `active_modelling_pipeline.${node}`);
        expect(active.pythonWheelTask.parameters.slice(0, 4)).toEqual(["--pipeline", "data_science", "--nodes", nodes.join(",")]);
    });

    test("each task is a python_wheel_task of the wheel's package and entry point, on the job cluster, the wheel its library", () => {
        const wheelPath = files.find((file) => file.path.endsWith(".whl")).path;
        const confPath = files.find((file) => file.path.endsWith(".tar.gz")).path;
        for (const task of Object.values(jobs).flatMap((job) => job.tasks)) {
            expect(task.pythonWheelTask).toMatchObject({ packageName: "spaceflights", entryPoint: "spaceflights" });
            expect(task.pythonWheelTask.parameters.slice(-2)).toEqual(["--conf-source", `/Workspace${confPath}`]);
            expect(task).toMatchObject({ jobClusterKey: "kedro_job_cluster", libraries: [{ whl: `/Workspace${wheelPath}` }], runIf: "ALL_SUCCESS", maxRetries: 1 });
        }
        expect(jobs.data_processing.jobClusters).toHaveLength(1);
        expect(jobs.data_processing.queue).toEqual({ enabled: true });
    });

    test("the artifacts are workspace files under the deployer's home, in a folder named after the wheel's digest", () => {
        expect(files.map((file) => file.path).sort()).toEqual([
            expect.stringMatching(/^\/Users\/alice@example\.com\/\.kedro-artifacts\/iris-databricks-dev\/[0-9a-f]{16}\/conf-spaceflights\.tar\.gz$/),
            expect.stringMatching(/^\/Users\/alice@example\.com\/\.kedro-artifacts\/iris-databricks-dev\/[0-9a-f]{16}\/spaceflights-0\.1-py3-none-any\.whl$/),
        ]);
        expect(Buffer.from(files.find((file) => file.path.endsWith(".whl")).contentBase64, "base64")).toEqual(Buffer.from(buildWheel()));
        // A replaced build stays for the runs that started before it: the files are retained, not deleted.
        expect(retained).toEqual([true, true]);
    });

    test("each job says what it runs: the commit, the package's version and the wheel's digest", () => {
        expect(jobs.data_science.tags).toMatchObject({ "git-commit": SHA, "package-version": "0.1", "wheel-sha256": expect.stringMatching(/^[0-9a-f]{64}$/) });
    });

    test("the run's timeout covers the longest chain of tasks, each with its retry", () => {
        // data_processing's chain is two tasks deep: 2 × (2 × 120 minutes + 10).
        expect(jobs.data_processing.timeoutSeconds).toBe(2 * (2 * 120 * 60 + 600));
    });
});

test("serverless: one environment holds the wheel, every task names it, and there is no job cluster or library", async () => {
    const overrides = { compute: "serverless", sparkVersion: undefined };
    const { mocks } = await evaluate({ config: wheelConfig(overrides) });
    for (const job of Object.values(jobsOf(mocks))) {
        expect(job.jobClusters).toBeUndefined();
        expect(job.environments).toEqual([{ environmentKey: "kedro", spec: { environmentVersion: "5", dependencies: [expect.stringMatching(/^\/Workspace\/.*\.whl$/)] } }]);
        for (const task of job.tasks) {
            expect(task).toMatchObject({ environmentKey: "kedro" });
            expect(task.jobClusterKey).toBeUndefined();
            expect(task.libraries).toBeUndefined();
        }
    }
});

test("with a data volume the artifacts go into it, every run gets the volume's path, and each job its people's permissions", async () => {
    const { mocks } = await evaluate({ config: wheelConfig({ dataVolume: "main.kedro.iris_data", environmentUser: "bob@example.com" }) });
    const permissions = mocks.ofType("databricks:index/permissions:Permissions").map((declared) => declared.name);
    expect(permissions).toEqual(expect.arrayContaining(["kedro-job-data_processing-permissions", "kedro-job-data_science-permissions"]));
    const paths = mocks.ofType("databricks:index/file:File").map((file) => plain(file.inputs).path);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^\/Volumes\/main\/kedro\/iris_data\/\.kedro-artifacts\/.*\.whl$/)]));
    const task = jobsOf(mocks).data_processing.tasks[0];
    expect(task.pythonWheelTask.parameters.slice(-2)).toEqual(["--params", "data_volume=/Volumes/main/kedro/iris_data"]);
    expect(task.libraries).toEqual([{ whl: expect.stringMatching(/^\/Volumes\/main\/kedro\/iris_data\/.*\.whl$/) }]);
});

describe("refused by key before anything is declared", () => {
    test.each([
        ["a wheel of another package", () => ({ kedroWheel: (() => { const dir = tempDir("other-"); const path = join(dir, "iris-0.1-py3-none-any.whl"); writeFileSync(path, buildWheel({ name: "iris" })); return path; })() }), "kedroWheel", /the wheel of the project the snapshot describes, spaceflights; this one is iris 0.1/],
        ["a missing wheel file", () => ({ kedroWheel: "/nowhere/spaceflights-0.1-py3-none-any.whl" }), "kedroWheel", /a file that exists: \/nowhere\/spaceflights-0\.1-py3-none-any\.whl does not/],
        ["an unknown pipeline", () => ({ jobPipelines: JSON.stringify(["data_processing", "reporting"]) }), "jobPipelines", /registers with nodes \(__default__, data_processing, data_science\); reporting is not registered/],
        ["a runtime whose Python the wheel refuses", () => ({ sparkVersion: "12.2.x-scala2.12" }), "kedroWheel", /installs on Python 3\.9 \(12\.2\.x-scala2\.12\); its Requires-Python is >=3\.10/],
    ])("%s", async (_label, overrides, key, allowed) => {
        const { mocks } = await evaluate({ config: wheelConfig(overrides()) }).then(
            () => ({ mocks: undefined }),
            (error) => {
                expect(error.problems).toEqual(expect.arrayContaining([expect.objectContaining({ key: `databricks-kedro-stack:${key}`, allowed: expect.stringMatching(allowed) })]));
                return { mocks: "refused" };
            },
        );
        expect(mocks).toBe("refused");
    });
});
