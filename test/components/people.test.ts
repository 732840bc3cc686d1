/** Deploying as a service principal: the people who use the environment get it, not the deployer. */
import { TYPES, WORKSPACES, baseConfig, evaluate, fakeServicePrincipal, plain } from "../harness";

const PERMISSIONS = "databricks:index/permissions:Permissions";
const CI = fakeServicePrincipal(WORKSPACES.aws);

describe("pulumi up as a service principal", () => {
    test("environmentUser owns the single-user cluster and may restart it, run the notebook and read the Repo; the deployer is left out", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws", { environmentUser: "alice@example.com" }), user: CI });
        expect(mocks.one(TYPES.cluster).inputs.singleUserName).toBe("alice@example.com");
        const grants = Object.fromEntries(mocks.ofType(PERMISSIONS).map((resource) => [resource.name, plain(resource.inputs)]));
        expect(Object.keys(grants).sort()).toEqual(["kedro-cluster-permissions", "kedro-notebook-permissions", "kedro-repo-permissions"]);
        expect(grants["kedro-cluster-permissions"].accessControls).toEqual([{ userName: "alice@example.com", permissionLevel: "CAN_RESTART" }]);
        expect(grants["kedro-notebook-permissions"]).toMatchObject({ notebookPath: `/Users/${CI.userName}/iris-databricks-dev-run`, accessControls: [{ userName: "alice@example.com", permissionLevel: "CAN_RUN" }] });
        expect(grants["kedro-repo-permissions"].accessControls).toEqual([{ userName: "alice@example.com", permissionLevel: "CAN_RUN" }]);
        expect(JSON.stringify(grants)).not.toContain(CI.userName.replace(/.*\//, "") + '"'); // never an ACL entry for the deployer
    });

    test("environmentGroup is granted the same levels", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws", { accessMode: "NONE", environmentGroup: "data science" }), user: CI });
        for (const resource of mocks.ofType(PERMISSIONS)) expect(plain(resource.inputs).accessControls).toEqual([expect.objectContaining({ groupName: "data science" })]);
        expect(mocks.ofType(PERMISSIONS)).toHaveLength(3);
    });

    test("singleUserName still wins for the cluster", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws", { environmentUser: "alice@example.com", singleUserName: "bob@example.com" }), user: CI });
        expect(mocks.one(TYPES.cluster).inputs.singleUserName).toBe("bob@example.com");
    });

    test("a person deploying names no one and gets no permissions: ACLs are authoritative, so none are declared", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws") });
        expect(mocks.ofType(PERMISSIONS)).toEqual([]);
        expect(mocks.one(TYPES.cluster).inputs.singleUserName).toBe("alice@example.com");
    });

    test("with workspace: create on AWS, where the deployer is always the account's service principal, no person named is a config error", async () => {
        await expect(
            evaluate({
                config: baseConfig("aws", { workspace: "create", databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc", databricksClientId: "sp", databricksClientSecret: "s" }),
                providerConfig: { "aws:region": "eu-west-1" },
            }),
        ).rejects.toThrow(/databricks-kedro-stack:environmentUser is not set; allowed: the person who runs the notebook: with workspace: create on AWS, pulumi up runs as the account service principal/);
    });
});

describe("gitCredential: shared", () => {
    test("declares no credential: the Repo clones with the deploying identity's own, and no token is read", async () => {
        const { mocks, loaded } = await evaluate({ config: baseConfig("aws", { gitCredential: "shared", gitToken: undefined, gitUsername: undefined }) });
        expect(mocks.ofType(TYPES.gitCredential)).toEqual([]);
        expect(mocks.one(TYPES.repo).inputs.gitCredentialId).toBeUndefined();
        expect(loaded.gitToken).toBeUndefined();
    });

    test("stack, the default, needs its user name and token", async () => {
        await expect(evaluate({ config: baseConfig("aws", { gitToken: undefined }) })).rejects.toThrow(/gitToken is not set/);
    });

    test("an unknown mode is refused", async () => {
        await expect(evaluate({ config: baseConfig("aws", { gitCredential: "mine" }) })).rejects.toThrow(/gitCredential is "mine"; allowed: stack .* or shared/);
    });
});
