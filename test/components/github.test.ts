import type * as pulumi from "@pulumi/pulumi";
import { gitRemoteCommands } from "../../components";
import { TYPES, baseConfig, evaluate, isSecretMarker } from "../harness";

const REPOSITORY = "github:index/repository:Repository";
const createConfig = (overrides: Record<string, string | undefined> = {}) =>
    baseConfig("aws", { gitUrl: undefined, githubRepository: "create", githubRepositoryName: "iris-databricks", ...overrides });

describe("githubRepository: create", () => {
    test("creates a private repository with an initial commit, archived instead of deleted on destroy", async () => {
        const { mocks } = await evaluate({ config: createConfig(), providerConfig: { "github:owner": "acme" } });
        expect(mocks.one(REPOSITORY).inputs).toMatchObject({ name: "iris-databricks", visibility: "private", autoInit: true, archiveOnDestroy: true });
    });

    test("its HTTPS URL feeds the Databricks Repo, with provider gitHub", async () => {
        const { mocks, outputs } = await evaluate({ config: createConfig(), providerConfig: { "github:owner": "acme" } });
        expect(mocks.one(TYPES.repo).inputs).toMatchObject({ url: "https://github.com/acme/iris-databricks.git", gitProvider: "gitHub", path: "/Repos/alice@example.com/iris-databricks-dev" });
        expect(mocks.one(TYPES.gitCredential).inputs.gitProvider).toBe("gitHub");
        expect(outputs.gitRepositoryUrl).toBe("https://github.com/acme/iris-databricks.git");
        expect(outputs.gitRemoteCommands).toBe("git remote add origin https://github.com/acme/iris-databricks.git && git push --set-upstream origin main");
    });

    test("uses the default GitHub provider for github:owner, its own provider for another owner", async () => {
        const same = await evaluate({ config: createConfig(), providerConfig: { "github:owner": "acme" } });
        expect(same.mocks.one(REPOSITORY).provider).toBe("");
        expect(same.mocks.ofType("pulumi:providers:github")).toEqual([]);
        const other = await evaluate({ config: createConfig({ githubOwner: "acme-data" }), providerConfig: { "github:owner": "acme" } });
        expect(other.mocks.one("pulumi:providers:github").inputs.owner).toBe("acme-data");
        expect(other.mocks.providerOf(other.mocks.one(REPOSITORY))?.inputs.owner).toBe("acme-data");
    });

    test("another owner's provider gets github:token, as a secret", async () => {
        const { mocks } = await evaluate({ config: createConfig({ githubOwner: "acme-data" }), providerConfig: { "github:owner": "acme", "github:token": "ghp_other" } });
        const token = mocks.one("pulumi:providers:github").inputs.token;
        expect(isSecretMarker(token)).toBe(true);
        expect(token.value).toBe("ghp_other");
    });

    test("the repository name defaults to the Pulumi project's", async () => {
        const { mocks } = await evaluate({ config: createConfig({ githubRepositoryName: undefined }), providerConfig: { "github:owner": "acme" } });
        expect(mocks.one(REPOSITORY).inputs.name).toBe("databricks-kedro-stack");
    });

    test.each([
        ["no owner", createConfig(), {}, /databricks-kedro-stack:githubOwner is not set; allowed: the GitHub user or organisation/],
        ["a gitUrl as well", createConfig({ gitUrl: "https://github.com/acme/other.git" }), { "github:owner": "acme" }, /gitUrl is "https:\/\/github.com\/acme\/other.git"; allowed: no value with githubRepository: create.*\n.*pulumi config rm gitUrl --stack dev/],
        ["another provider", createConfig({ gitProvider: "gitLab" }), { "github:owner": "acme" }, /gitProvider is "gitLab"; allowed: gitHub \(or unset\)/],
        ["an unknown mode", baseConfig("aws", { githubRepository: "fork" }), {}, /githubRepository is "fork"; allowed: existing .* or create/],
    ])("refuses %s", async (_label, config, providerConfig, message) => {
        await expect(evaluate({ config, providerConfig })).rejects.toThrow(message);
    });
});

test("githubRepository: existing creates no GitHub resources", async () => {
    const { mocks, outputs } = await evaluate({ config: baseConfig("aws"), providerConfig: { "github:owner": "acme" } });
    expect(mocks.resources.filter((resource) => resource.type.startsWith("github:") || resource.type === "pulumi:providers:github")).toEqual([]);
    expect(outputs.gitRepositoryUrl).toBeUndefined();
});

test("gitRemoteCommands", () => {
    expect(gitRemoteCommands("https://github.com/a/b.git", "develop")).toBe("git remote add origin https://github.com/a/b.git && git push --set-upstream origin develop");
});

describe("protect", () => {
    /** Every resource under a root, as the SDK tracks children. */
    function descendants(root: pulumi.Resource): Array<pulumi.Resource & { __protect?: boolean; __name?: string }> {
        const children = [...((root as unknown as { __childResources?: Set<pulumi.Resource> }).__childResources ?? [])];
        return children.flatMap((child) => [child, ...descendants(child)]);
    }

    test("reaches every resource of the stack, in every mode", async () => {
        const { stack } = await evaluate({
            config: createConfig({ protect: "true", workspace: "create", databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc", databricksClientId: "sp", databricksClientSecret: "s", kedroInstall: "cluster" }),
            providerConfig: { "github:owner": "acme", "aws:region": "eu-west-1" },
        });
        const all = [stack.environment, stack.repository!, ...descendants(stack.environment), ...descendants(stack.repository!)];
        expect(all.length).toBeGreaterThanOrEqual(25);
        const unprotected = all.filter((resource) => (resource as { __protect?: boolean }).__protect !== true).map((resource) => (resource as { __name?: string }).__name);
        expect(unprotected).toEqual([]);
    });

    test("is off by default", async () => {
        const { stack } = await evaluate({ config: baseConfig("aws") });
        expect(descendants(stack.environment).some((resource) => resource.__protect === true)).toBe(false);
    });
});
