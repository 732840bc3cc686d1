import { ACCOUNT_ID, CLIENT_SECRET, TOKEN, baseConfig, evaluate, isSecretMarker, plain } from "../../harness";
import { cloudResourceTypes, expectWorkspaceLevelThroughNewProvider } from "../workspaceSuite";

const create = (overrides: Record<string, string> = {}) =>
    evaluate({
        config: baseConfig("aws", {
            workspace: "create",
            databricksAccountId: ACCOUNT_ID,
            databricksClientId: "sp-client-id",
            databricksClientSecret: CLIENT_SECRET,
            environmentUser: "alice@example.com",
            ...overrides,
        }),
        providerConfig: { "aws:region": "eu-west-1" },
    });

describe("AWS workspace: create", () => {
    test("the root bucket is encrypted, private and owned by the bucket owner", async () => {
        const { mocks } = await create();
        const stackTags = { project: "databricks-kedro-stack", stack: "dev", "managed-by": "pulumi" };
        expect(mocks.one("aws:s3/bucket:Bucket").inputs).toMatchObject({ bucketPrefix: "databricks-kedro-stack-dev-root-", forceDestroy: true, tags: stackTags });
        expect(mocks.one("aws:iam/role:Role").inputs.tags).toEqual(stackTags);
        expect(mocks.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules).toEqual([
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true },
        ]);
        expect(mocks.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toMatchObject({
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        expect(mocks.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
    });

    test("policies come from Databricks' generators, scoped to the account", async () => {
        const { mocks } = await create();
        const call = (token: string) => mocks.calls.find((candidate) => candidate.token === `databricks:index/${token}`)!;
        expect(call("getAwsBucketPolicy:getAwsBucketPolicy").inputs).toEqual({ bucket: "databricks-kedro-stack-dev-root-20261124", databricksE2AccountId: ACCOUNT_ID });
        expect(call("getAwsAssumeRolePolicy:getAwsAssumeRolePolicy").inputs).toEqual({ externalId: ACCOUNT_ID });
        expect(JSON.parse(mocks.one("aws:s3/bucketPolicy:BucketPolicy").inputs.policy).Statement[0].Sid).toBe("getAwsBucketPolicy");
        expect(JSON.parse(mocks.one("aws:iam/role:Role").inputs.assumeRolePolicy).Statement[0].Sid).toBe("getAwsAssumeRolePolicy");
        expect(JSON.parse(mocks.one("aws:iam/rolePolicy:RolePolicy").inputs.policy).Statement[0].Sid).toBe("getAwsCrossAccountPolicy");
    });

    test("account-level resources go through the account provider", async () => {
        const { mocks } = await create();
        const account = mocks.resources.find((resource) => resource.type === "pulumi:providers:databricks" && resource.inputs.host === "https://accounts.cloud.databricks.com")!;
        expect(plain(account.inputs)).toMatchObject({ accountId: ACCOUNT_ID, clientId: "sp-client-id", clientSecret: CLIENT_SECRET });
        expect(isSecretMarker(account.inputs.clientSecret)).toBe(true);
        for (const type of ["MwsCredentials", "MwsStorageConfigurations", "MwsWorkspaces", "MwsPermissionAssignment"]) {
            const resource = mocks.one(`databricks:index/mws${type.slice(3)}:${type}`);
            expect([type, mocks.providerOf(resource)?.inputs.host]).toEqual([type, "https://accounts.cloud.databricks.com"]);
        }
        const accountCalls = mocks.calls.filter((call) => call.token.includes("getAws") || call.token.includes("getServicePrincipal"));
        expect(accountCalls.every((call) => mocks.providerOf(call)?.inputs.host === "https://accounts.cloud.databricks.com")).toBe(true);
    });

    test("the workspace uses the Databricks-managed VPC in aws:region, with the created credential and storage", async () => {
        const { mocks } = await create();
        const workspace = plain(mocks.one("databricks:index/mwsWorkspaces:MwsWorkspaces").inputs);
        expect(workspace).toMatchObject({ accountId: ACCOUNT_ID, workspaceName: "databricks-kedro-stack-dev", awsRegion: "eu-west-1" });
        expect(workspace.networkId).toBeUndefined();
        expect(workspace.credentialsId).toMatch(/^cred-/);
        expect(workspace.storageConfigurationId).toMatch(/^storage-/);
        expect(mocks.one("databricks:index/mwsCredentials:MwsCredentials").inputs.roleArn).toMatch(/^arn:aws:iam::123456789012:role\//);
        expect(mocks.one("databricks:index/mwsStorageConfigurations:MwsStorageConfigurations").inputs.bucketName).toBe("databricks-kedro-stack-dev-root-20261124");
        expect(mocks.one("databricks:index/mwsPermissionAssignment:MwsPermissionAssignment").inputs).toMatchObject({ principalId: "7001", permissions: ["ADMIN"] });
    });

    test("the cluster, credential, repo, notebook and current user use the new workspace's provider", async () => {
        const evaluation = await create({ kedroInstall: "cluster" });
        const provider = expectWorkspaceLevelThroughNewProvider(evaluation, "https://databricks-kedro-stack-dev.cloud.databricks.com");
        expect(provider.inputs.clientId).toBe("sp-client-id");
    });

    test("secrets stay secret and out of every other resource", async () => {
        const { mocks, outputs } = await create();
        for (const resource of mocks.resources) {
            const text = JSON.stringify(resource.inputs);
            if (text.includes(CLIENT_SECRET)) expect(resource.type).toBe("pulumi:providers:databricks");
            if (text.includes(TOKEN)) expect(resource.type).toBe("databricks:index/gitCredential:GitCredential");
        }
        expect(JSON.stringify(outputs)).not.toMatch(new RegExp(`${CLIENT_SECRET}|${TOKEN}`));
    });

    test("the environment's account credentials work in place of config", async () => {
        const { mocks } = await evaluate({
            config: baseConfig("aws", { workspace: "create", environmentUser: "alice@example.com" }),
            env: { DATABRICKS_ACCOUNT_ID: ACCOUNT_ID, DATABRICKS_CLIENT_ID: "sp-from-env", DATABRICKS_CLIENT_SECRET: "from-env", AWS_REGION: "us-east-1" },
        });
        expect(plain(mocks.one("databricks:index/mwsWorkspaces:MwsWorkspaces").inputs)).toMatchObject({ accountId: ACCOUNT_ID, awsRegion: "us-east-1" });
        const account = mocks.resources.find((resource) => resource.type === "pulumi:providers:databricks" && resource.inputs.host === "https://accounts.cloud.databricks.com")!;
        // The secret stays in the environment, where the provider reads it itself.
        expect(account.inputs.clientSecret).toBeUndefined();
        expect(plain(account.inputs).clientId).toBe("sp-from-env");
    });

    test("existing mode registers no cloud resources at all", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws"), providerConfig: { "aws:region": "eu-west-1" } });
        expect(cloudResourceTypes(mocks)).toEqual([]);
    });
});
