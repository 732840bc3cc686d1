import * as pulumi from "@pulumi/pulumi";
import * as databricks from "../../components/databricks";
import { KedroEnvironment } from "../../components";
import { ConfigError, cloudAttributesFor } from "../../config";
import { loadStackConfig } from "../../config/load";
import { renderKedroNotebook } from "../../lib/notebook";
import { FORCE_NEW_INPUTS, replacingChanges } from "../../lib/replacement";
import { TODAY, TOKEN, TYPES, baseConfig, evaluate, isSecretMarker, prepare, resolve } from "../harness";

const decode = (base64: string) => Buffer.from(base64, "base64").toString("utf8");

describe("Git credential", () => {
    test("carries the provider, the user name and a per-stack name", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws") });
        const credential = mocks.one(TYPES.gitCredential);
        expect(credential.inputs.gitProvider).toBe("gitHub");
        expect(credential.inputs.gitUsername).toBe("alice");
        expect(credential.inputs.name).toBe("kedro-iris-databricks-dev");
    });

    test("registers the token as a secret", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws") });
        const token = mocks.one(TYPES.gitCredential).inputs.personalAccessToken;
        expect(isSecretMarker(token)).toBe(true);
        expect(token.value).toBe(TOKEN);
    });
});

describe("Repo", () => {
    test("clones gitUrl at gitBranch under the deploying user, bound to the stack's credential", async () => {
        const { mocks, environment } = await evaluate({ config: baseConfig("aws", { gitBranch: "develop" }) });
        const repo = mocks.one(TYPES.repo);
        expect(repo.inputs).toMatchObject({
            url: "https://github.com/acme/iris-databricks.git",
            gitProvider: "gitHub",
            branch: "develop",
            path: "/Repos/alice@example.com/iris-databricks-dev",
        });
        const credentialId = await resolve(environment.core.gitCredential!.id);
        expect(repo.inputs.gitCredentialId).toBe(Number(credentialId));
    });

    test("repoPath overrides the path, and the notebook's project root follows it", async () => {
        const { mocks, outputs } = await evaluate({ config: baseConfig("aws", { repoPath: "/Repos/data-team/iris-dev" }) });
        expect(mocks.one(TYPES.repo).inputs.path).toBe("/Repos/data-team/iris-dev");
        expect(outputs.repoPath).toBe("/Repos/data-team/iris-dev");
        expect(outputs.projectRoot).toBe("/Workspace/Repos/data-team/iris-dev");
        expect(decode(mocks.one(TYPES.notebook).inputs.contentBase64)).toContain("%reload_kedro /Workspace/Repos/data-team/iris-dev\n");
    });
});

describe("Repo updates", () => {
    const SHA = "c0ffee0000000000000000000000000000000001";

    test("gitCommit reaches the Repo's commitHash, and repoCommit reports where the Repo is", async () => {
        const { mocks, outputs } = await evaluate({ config: baseConfig("aws", { gitCommit: SHA.toUpperCase() }) });
        expect(mocks.one(TYPES.repo).inputs.commitHash).toBe(SHA);
        expect(outputs.repoCommit).toBe(SHA);
    });

    test("a new commit to deploy is an in-place update of the Repo, which the provider sends with the branch: a pull", async () => {
        const first = await evaluate({ config: baseConfig("aws", { gitCommit: SHA }) });
        const next = await evaluate({ config: baseConfig("aws", { gitCommit: SHA.replace(/1$/, "2") }) });
        const [before, after] = [first, next].map((evaluation) => evaluation.mocks.one(TYPES.repo).inputs);
        expect(JSON.stringify(before)).not.toBe(JSON.stringify(after));
        expect(replacingChanges(TYPES.repo, before, after)).toEqual([]);
        expect(after.branch).toBe("main");
    });

    test("unset, gitCommit leaves the Repo where it is: no commitHash input, so no diff", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws") });
        expect(mocks.one(TYPES.repo).inputs.commitHash).toBeUndefined();
    });
});

describe("Repo replacement", () => {
    test("a gitUrl gaining .git replaces the Repo at the same path, so the old clone is deleted first", async () => {
        const before = await evaluate({ config: baseConfig("aws", { gitUrl: "https://github.com/acme/iris-databricks" }) });
        const after = await evaluate({ config: baseConfig("aws", { gitUrl: "https://github.com/acme/iris-databricks.git" }) });
        const [old, replacement] = [before, after].map((evaluation) => evaluation.mocks.one(TYPES.repo));
        expect(replacingChanges(TYPES.repo, old.inputs, replacement.inputs)).toEqual(["url"]);
        expect(replacement.inputs.path).toBe(old.inputs.path);
        expect(replacement.options.deleteBeforeReplace).toBe(true);
    });

    test("every declared resource that the provider replaces on a force-new change deletes first", async () => {
        const { mocks } = await evaluate({ config: baseConfig("gcp", { kedroInstall: "cluster" }) });
        const forceNewTypes = mocks.resources.filter((resource) => FORCE_NEW_INPUTS[resource.type]);
        expect(forceNewTypes.map((resource) => resource.type)).toEqual([TYPES.repo]);
        for (const resource of forceNewTypes) expect(resource.options.deleteBeforeReplace).toBe(true);
    });

    test("an in-place change (the branch) is not a replacement", () => {
        expect(replacingChanges(TYPES.repo, { url: "u", path: "/Repos/a/b", branch: "main" }, { url: "u", path: "/Repos/a/b", branch: "dev" })).toEqual([]);
    });
});

describe("notebook", () => {
    test("is a Python SOURCE notebook with the tutorial's cells, rooted at the Repo", async () => {
        const { mocks, outputs } = await evaluate({ config: baseConfig("aws") });
        const notebook = mocks.one(TYPES.notebook);
        expect(notebook.inputs.language).toBe("PYTHON");
        expect(notebook.inputs.format).toBe("SOURCE");
        expect(notebook.inputs.path).toBe("/Users/alice@example.com/iris-databricks-dev-run");
        expect(decode(notebook.inputs.contentBase64)).toBe(
            renderKedroNotebook({
                packages: ["kedro==0.18.7", "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0", "kedro-viz"],
                installInNotebook: true,
                projectRoot: outputs.projectRoot,
            }),
        );
    });

    test("notebookPath overrides the path", async () => {
        const { mocks, outputs } = await evaluate({ config: baseConfig("aws", { notebookPath: "/Shared/kedro/dev/iris-run" }) });
        expect(mocks.one(TYPES.notebook).inputs.path).toBe("/Shared/kedro/dev/iris-run");
        expect(outputs.notebookPath).toBe("/Shared/kedro/dev/iris-run");
    });

    test("configured packages are what %pip installs", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws", { kedroPackages: '["kedro~=0.19.9", "kedro-datasets[spark]~=3.0"]' }) });
        const source = decode(mocks.one(TYPES.notebook).inputs.contentBase64);
        expect(source).toContain('# MAGIC %pip install "kedro~=0.19.9" "kedro-datasets[spark]~=3.0"\n');
        expect(source).not.toContain("%run_viz");
    });
});

describe("kedroInstall: cluster", () => {
    test("makes each package a PyPI cluster library and drops the %pip cell", async () => {
        const { mocks, environment } = await evaluate({ config: baseConfig("azure", { kedroInstall: "cluster" }) });
        const clusterId = await resolve(environment.core.cluster!.id);
        const libraries = mocks.ofType(TYPES.library);
        expect(libraries.map((library) => library.inputs.pypi.package)).toEqual([
            "kedro==0.18.7",
            "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0",
            "kedro-viz",
        ]);
        expect(libraries.every((library) => library.inputs.clusterId === clusterId)).toBe(true);
        const source = decode(mocks.one(TYPES.notebook).inputs.contentBase64);
        expect(source).not.toContain("%pip");
        expect(source).toContain("%load_ext kedro.ipython");
    });

    test("notebook mode declares no libraries", async () => {
        const { mocks } = await evaluate({ config: baseConfig("azure") });
        expect(mocks.ofType(TYPES.library)).toEqual([]);
    });
});

describe("cluster", () => {
    test("SINGLE_USER defaults to the deploying user, or the configured one", async () => {
        const byDefault = await evaluate({ config: baseConfig("aws") });
        expect(byDefault.mocks.one(TYPES.cluster).inputs.singleUserName).toBe("alice@example.com");
        const configured = await evaluate({ config: baseConfig("aws", { singleUserName: "bob@example.com" }) });
        expect(configured.mocks.one(TYPES.cluster).inputs).toMatchObject({ dataSecurityMode: "SINGLE_USER", singleUserName: "bob@example.com" });
    });

    test("NONE is No isolation shared, with no single user", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws", { accessMode: "NONE" }) });
        const inputs = mocks.one(TYPES.cluster).inputs;
        expect(inputs.dataSecurityMode).toBe("NONE");
        expect(inputs.singleUserName).toBeUndefined();
    });

    test("numWorkers 0 declares a proper single-node cluster", async () => {
        const { mocks } = await evaluate({ config: baseConfig("gcp", { numWorkers: "0" }) });
        const inputs = mocks.one(TYPES.cluster).inputs;
        expect(inputs.numWorkers).toBe(0);
        expect(inputs.sparkConf).toEqual({ "spark.databricks.cluster.profile": "singleNode", "spark.master": "local[*, 4]" });
        expect(inputs.customTags.ResourceClass).toBe("SingleNode");
        expect(inputs.autoscale).toBeUndefined();
    });

    test("a multi-node cluster has a fixed size and no single-node settings", async () => {
        const { mocks } = await evaluate({ config: baseConfig("gcp", { numWorkers: "3" }) });
        const inputs = mocks.one(TYPES.cluster).inputs;
        expect(inputs.numWorkers).toBe(3);
        expect(inputs.autoscale).toBeUndefined();
        expect(inputs.sparkConf).toBeUndefined();
        expect(inputs.customTags.ResourceClass).toBeUndefined();
    });

    test("configured runtime, node types and autotermination reach the cluster", async () => {
        const { mocks } = await evaluate({
            config: baseConfig("aws", { sparkVersion: "15.4.x-scala2.12", nodeType: "i3.xlarge", driverNodeType: "m5.large", autoterminationMinutes: "45" }),
        });
        expect(mocks.one(TYPES.cluster).inputs).toMatchObject({
            sparkVersion: "15.4.x-scala2.12",
            nodeTypeId: "i3.xlarge",
            driverNodeTypeId: "m5.large",
            autoterminationMinutes: 45,
        });
    });
});

describe("secrets", () => {
    test("the token appears in plaintext in no other input and no output", async () => {
        const { mocks, outputs } = await evaluate({ config: baseConfig("aws", { kedroInstall: "cluster" }) });
        for (const resource of mocks.resources) {
            if (resource.type === TYPES.gitCredential) continue;
            expect(JSON.stringify(resource.inputs)).not.toContain(TOKEN);
        }
        expect(JSON.stringify(mocks.calls)).not.toContain(TOKEN);
        expect(JSON.stringify(outputs)).not.toContain(TOKEN);
    });

    test("the token stays secret from config to the credential's state", async () => {
        const { loaded, environment } = await evaluate({ config: baseConfig("aws") });
        expect(await pulumi.isSecret(loaded.gitToken!)).toBe(true);
        expect(await pulumi.isSecret(environment.core.gitCredential!.personalAccessToken)).toBe(true);
    });

    test("a plain string passed as the token is made secret", async () => {
        await prepare({ config: baseConfig("aws") });
        const { settings } = loadStackConfig(TODAY);
        const core = new KedroEnvironment("plain", { settings, gitToken: "plain-token", cloudAttributes: cloudAttributesFor("aws", true, ["m4.large"]) });
        expect(await pulumi.isSecret(core.gitCredential!.personalAccessToken)).toBe(true);
    });
});

describe("stacks", () => {
    test("two evaluations give identical resources", async () => {
        const first = await evaluate({ config: baseConfig("azure", { kedroInstall: "cluster" }) });
        const second = await evaluate({ config: baseConfig("azure", { kedroInstall: "cluster" }) });
        expect(second.mocks.resources).toEqual(first.mocks.resources);
        expect(second.outputs).toEqual(first.outputs);
    });

    test("dev and prod in one workspace never collide on names or paths", async () => {
        const dev = await evaluate({ config: baseConfig("aws"), stack: "dev" });
        const prod = await evaluate({ config: baseConfig("aws"), stack: "prod" });
        const identity = (evaluation: typeof dev) => [
            evaluation.mocks.one(TYPES.cluster).inputs.clusterName,
            evaluation.mocks.one(TYPES.gitCredential).inputs.name,
            evaluation.mocks.one(TYPES.repo).inputs.path,
            evaluation.mocks.one(TYPES.notebook).inputs.path,
        ];
        const devNames = identity(dev);
        for (const name of identity(prod)) expect(devNames).not.toContain(name);
        expect(prod.mocks.one(TYPES.cluster).inputs.customTags.stack).toBe("prod");
    });

    test("a bad config declares no resource at all", async () => {
        const mocks = await prepare({ config: baseConfig("aws", { autoterminationMinutes: "0" }) });
        expect(() => loadStackConfig(TODAY)).toThrow(ConfigError);
        expect(mocks.resources).toEqual([]);
    });
});

describe("explicit provider", () => {
    test("every resource and the current-user lookup go through it", async () => {
        const mocks = await prepare({ config: baseConfig("aws") });
        const { settings, gitToken } = loadStackConfig(TODAY);
        const provider = new databricks.Provider("workspace", { host: "https://dbc-9.cloud.databricks.com" });
        const core = new KedroEnvironment("kedro", { settings, gitToken, provider, cloudAttributes: cloudAttributesFor("aws", true, ["m4.large"]) });
        await Promise.all([core.cluster!, core.gitCredential!, core.repo!, core.notebook!].map((resource) => resolve(resource.urn)));
        const providerRef = `${await resolve(provider.urn)}::${await resolve(provider.id)}`;
        const workspaceResources = mocks.resources.filter((resource) => resource.type.startsWith("databricks:index/"));
        expect(workspaceResources).toHaveLength(4);
        for (const resource of workspaceResources) expect(resource.provider).toBe(providerRef);
        expect(mocks.calls.map((call) => call.provider)).toEqual([providerRef]);
    });
});

describe("critical path", () => {
    /** An AWS core whose registrations of `heldType` stay pending until mocks.release(), like a slow create. */
    async function coreHolding(heldType: string, overrides: Record<string, string> = {}) {
        const mocks = await prepare({ config: baseConfig("aws", overrides) });
        mocks.hold(heldType);
        const { settings, gitToken } = loadStackConfig(TODAY);
        return { mocks, core: new KedroEnvironment("kedro", { settings, gitToken, cloudAttributes: cloudAttributesFor("aws", true, ["m4.large"]) }) };
    }

    test("the credential, repo and notebook are created while the cluster is still being created", async () => {
        const { mocks, core } = await coreHolding(TYPES.cluster);
        await Promise.all([core.gitCredential!, core.repo!, core.notebook!].map((resource) => resolve(resource.id)));
        expect(mocks.ofType(TYPES.cluster)).toEqual([]);
        mocks.release();
        await resolve(core.cluster!.id);
        expect(mocks.ofType(TYPES.cluster)).toHaveLength(1);
    });

    test("the Repo waits for the credential it is bound to", async () => {
        const { mocks, core } = await coreHolding(TYPES.gitCredential);
        await resolve(core.cluster!.id);
        expect(mocks.ofType(TYPES.repo)).toEqual([]);
        mocks.release();
        await resolve(core.repo!.id);
        expect(mocks.ofType(TYPES.repo)).toHaveLength(1);
    });

    test("cluster libraries wait for the cluster, as they must", async () => {
        const { mocks, core } = await coreHolding(TYPES.cluster, { kedroInstall: "cluster" });
        await resolve(core.notebook!.id);
        expect(mocks.ofType(TYPES.library)).toEqual([]);
        mocks.release();
        await Promise.all(core.libraries.map((library) => resolve(library.id)));
        expect(mocks.ofType(TYPES.library)).toHaveLength(3);
    });

    test("clusterNoWait reaches the cluster only when set", async () => {
        const byDefault = await evaluate({ config: baseConfig("aws") });
        expect(byDefault.mocks.one(TYPES.cluster).inputs.noWait).toBeUndefined();
        const noWait = await evaluate({ config: baseConfig("aws", { clusterNoWait: "true" }) });
        expect(noWait.mocks.one(TYPES.cluster).inputs.noWait).toBe(true);
    });
});
