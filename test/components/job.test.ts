/** The Kedro pipeline as a scheduled job: its Repo, its notebook and the Job, wired under the mocks. */
import { renderKedroJobNotebook } from "../../lib/notebook";
import { loadStackConfig } from "../../config/load";
import { TODAY, TYPES, WORKSPACES, baseConfig, evaluate, fakeServicePrincipal, plain, prepare, resolve, settle } from "../harness";

const SHA = "c0ffee0000000000000000000000000000000001";
const jobConfig = (overrides: Record<string, string | undefined> = {}) => baseConfig("aws", { job: "true", gitCommit: SHA, ...overrides });
const decode = (base64: string) => Buffer.from(base64, "base64").toString("utf8");

describe("job: true", () => {
    test("is a KedroJob component inside the environment", async () => {
        const { mocks } = await evaluate({ config: jobConfig() });
        expect(mocks.one("databricks-kedro-stack:index:KedroJob").name).toBe("kedro-job");
        expect(mocks.one(TYPES.job).name).toBe("kedro-job");
    });

    test("the job has its own Repo beside the interactive one, at the deployed commit, with the stack's credential", async () => {
        const { mocks, environment } = await evaluate({ config: jobConfig({ gitBranch: "release" }) });
        const repos = Object.fromEntries(mocks.ofType(TYPES.repo).map((repo) => [repo.name, repo]));
        expect(Object.keys(repos).sort()).toEqual(["kedro-job-repo", "kedro-repo"]);
        const jobRepo = repos["kedro-job-repo"];
        expect(jobRepo.inputs).toMatchObject({
            url: "https://github.com/acme/iris-databricks.git",
            branch: "release",
            commitHash: SHA,
            path: "/Repos/alice@example.com/iris-databricks-dev-job",
            gitCredentialId: Number(await resolve(environment.core.gitCredential!.id)),
        });
        // Force-new path and URL: the old clone must go first, as for the interactive Repo.
        expect(jobRepo.options.deleteBeforeReplace).toBe(true);
    });

    test("repoPath and notebookPath move the job's Repo and notebook with them", async () => {
        const { mocks } = await evaluate({ config: jobConfig({ repoPath: "/Repos/team/iris-dev", notebookPath: "/Shared/iris-dev-run" }) });
        expect(mocks.ofType(TYPES.repo).find((repo) => repo.name === "kedro-job-repo")?.inputs.path).toBe("/Repos/team/iris-dev-job");
        expect(mocks.ofType(TYPES.notebook).find((notebook) => notebook.name === "kedro-job-notebook")?.inputs.path).toBe("/Shared/iris-dev-run-job");
    });

    test("the job notebook runs the job's Repo, not the interactive one, and installs nothing itself", async () => {
        const { mocks } = await evaluate({ config: jobConfig({ jobPipelines: '["data_science"]' }) });
        const notebook = mocks.ofType(TYPES.notebook).find((resource) => resource.name === "kedro-job-notebook")!;
        expect(notebook.inputs.path).toBe("/Users/alice@example.com/iris-databricks-dev-run-job");
        const source = decode(notebook.inputs.contentBase64);
        expect(source).toBe(renderKedroJobNotebook({ projectRoot: "/Workspace/Repos/alice@example.com/iris-databricks-dev-job", defaultPipeline: "data_science" }));
        expect(source).not.toContain("%pip");
    });

    test("the task names the job notebook, the job Repo's id and the deployed commit", async () => {
        const { mocks } = await evaluate({ config: jobConfig() });
        const jobRepo = mocks.ofType(TYPES.repo).find((repo) => repo.name === "kedro-job-repo")!;
        const task = mocks.one(TYPES.job).inputs.tasks[0];
        expect(task.notebookTask).toEqual({
            notebookPath: "/Users/alice@example.com/iris-databricks-dev-run-job",
            source: "WORKSPACE",
            baseParameters: { pipeline: "__default__", deployed_commit: SHA, repo_id: jobRepo.id },
        });
        expect(task.libraries.map((library: any) => library.pypi.package)).toEqual(["kedro==0.18.7", "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0", "databricks-sdk>=0.20"]);
    });

    test("a dev stack's schedule is created paused; prod's runs", async () => {
        const dev = await evaluate({ config: jobConfig({ jobSchedule: "0 0 6 * * ?" }) });
        expect(dev.mocks.one(TYPES.job).inputs.schedule).toEqual({ quartzCronExpression: "0 0 6 * * ?", timezoneId: "UTC", pauseStatus: "PAUSED" });
        const prod = await evaluate({ config: jobConfig({ jobSchedule: "0 0 6 * * ?", protect: "true" }), stack: "prod" });
        expect(prod.mocks.one(TYPES.job).inputs.schedule.pauseStatus).toBe("UNPAUSED");
        // protect reaches the job's resources too.
        for (const type of [TYPES.job, TYPES.repo, TYPES.notebook]) for (const resource of prod.mocks.ofType(type)) expect([resource.name, resource.options.protect]).toEqual([resource.name, true]);
    });

    test("the names carry the stack, so dev and prod jobs never collide in one workspace", async () => {
        const dev = await evaluate({ config: jobConfig() });
        const prod = await evaluate({ config: jobConfig({ protect: "true" }), stack: "prod" });
        expect(dev.mocks.one(TYPES.job).inputs.name).toBe("kedro-iris-databricks-dev");
        expect(prod.mocks.one(TYPES.job).inputs.name).toBe("kedro-iris-databricks-prod");
    });

    // A job ACL needs exactly one IS_OWNER. Without one, the provider adds the current user as owner by
    // user_name (permissions/permission_definitions.go, addOwnerPermissionIfNeeded), which a service
    // principal is not, and the API answers "The job must have exactly one owner".
    test("deployed by a service principal, the job runs as it, it owns the job by its service principal name, and environmentUser may start and cancel runs", async () => {
        const ci = fakeServicePrincipal(WORKSPACES.aws);
        const { mocks } = await evaluate({ config: jobConfig({ environmentUser: "alice@example.com" }), user: ci });
        const job = mocks.one(TYPES.job);
        expect(job.inputs.jobClusters[0].newCluster.singleUserName).toBe(ci.userName);
        const grant = mocks.ofType(TYPES.permissions).find((resource) => resource.name === "kedro-job-permissions")!;
        expect(plain(grant.inputs)).toEqual({
            jobId: job.id,
            accessControls: [
                { userName: "alice@example.com", permissionLevel: "CAN_MANAGE_RUN" },
                { servicePrincipalName: ci.userName, permissionLevel: "IS_OWNER" },
            ],
        });
    });

    test("deployed by a person, that person owns the job by user name, and the group may start and cancel runs", async () => {
        const { mocks } = await evaluate({ config: jobConfig({ environmentGroup: "data-science" }) });
        const grant = mocks.ofType(TYPES.permissions).find((resource) => resource.name === "kedro-job-permissions")!;
        const controls = plain(grant.inputs).accessControls;
        expect(controls).toEqual([
            { groupName: "data-science", permissionLevel: "CAN_MANAGE_RUN" },
            { userName: "alice@example.com", permissionLevel: "IS_OWNER" },
        ]);
        expect(controls.filter((control: { permissionLevel: string }) => control.permissionLevel === "IS_OWNER")).toHaveLength(1);
    });
});

describe("no job", () => {
    test("job unset: no Job, no second Repo or notebook, and the job outputs are undefined", async () => {
        const { mocks, outputs } = await evaluate({ config: baseConfig("aws") });
        expect(mocks.ofType(TYPES.job)).toEqual([]);
        expect(mocks.ofType(TYPES.repo)).toHaveLength(1);
        expect(mocks.ofType(TYPES.notebook)).toHaveLength(1);
        expect(outputs.jobId).toBeUndefined();
        expect(outputs.jobUrl).toBeUndefined();
    });

    test("a created repository without a commit: the job waits with the Repo", async () => {
        const { mocks, outputs } = await evaluate({
            config: baseConfig("aws", { gitUrl: undefined, job: "true", githubRepository: "create", githubRepositoryName: "iris-databricks" }),
            providerConfig: { "github:owner": "acme" },
        });
        expect(mocks.ofType(TYPES.job)).toEqual([]);
        expect(mocks.ofType(TYPES.repo)).toEqual([]);
        expect(outputs.jobUrl).toBeUndefined();
    });

    test("a bad job config stops the program before anything is declared", async () => {
        const mocks = await prepare({ config: jobConfig({ jobSchedule: "0 6 * * *", numWorkers: "8" }) });
        expect(() => loadStackConfig(TODAY)).toThrow(/numWorkers is "8"[\s\S]*jobSchedule is "0 6 \* \* \*"/);
        await settle();
        expect(mocks.resources).toEqual([]);
    });
});
