/**
 * The environment as another program uses it (as `pulumi package add`'s
 * SDKs construct it): inputs instead of stack config, checked by the same
 * rules, declaring the same resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { InputPropertiesError } from "@pulumi/pulumi/errors";
import { DatabricksKedroEnvironment, type DatabricksKedroEnvironmentArgs } from "../../components";
import {
    CLIENT_SECRET,
    TOKEN,
    TYPES,
    WORKSPACES,
    baseConfig,
    evaluate,
    fakeUser,
    isSecretMarker,
    plain,
    prepare,
    resolve,
    settle,
} from "../harness";

const SHA = "c0ffee0000000000000000000000000000000001";

// What the component logs: a program's validation warnings go to its own log, on the component.
const warned: Array<{ message: string; resource?: pulumi.Resource }> = [];
beforeEach(() => {
    warned.length = 0;
    jest.spyOn(pulumi.log, "warn").mockImplementation(async (message, resource) => void warned.push({ message, resource }));
});
afterEach(() => jest.restoreAllMocks());

/** Constructs the component from inputs in a program whose stack has no project config, only the providers'. */
async function construct(
    args: DatabricksKedroEnvironmentArgs,
    providerConfig: Record<string, string> = {},
    opts: pulumi.ComponentResourceOptions = {},
) {
    const mocks = await prepare({ config: {}, providerConfig, user: fakeUser(WORKSPACES[args.cloud]) });
    const environment = new DatabricksKedroEnvironment("kedro", args, opts);
    await resolve(environment.clusterUrl);
    await settle();
    return { mocks, environment };
}

function errorOf(action: () => unknown): InputPropertiesError {
    try {
        action();
    } catch (error) {
        if (InputPropertiesError.isInstance(error)) return error;
        throw error;
    }
    throw new Error("expected an InputPropertiesError");
}

const declared = (resources: { type: string; name: string; inputs: unknown }[]) =>
    resources.map(({ type, name, inputs }) => ({ type, name, inputs: plain(inputs) }));

test("declares what a stack with the same config declares", async () => {
    const config = { job: "true", gitCommit: SHA, environmentUser: "bob@example.com", kedroInstall: "cluster", numWorkers: "2" };
    const stack = await evaluate({ config: baseConfig("gcp", config) });
    const { mocks, environment } = await construct({
        cloud: "gcp",
        gitUrl: "https://github.com/acme/iris-databricks.git",
        gitUsername: "alice",
        gitToken: TOKEN,
        job: true,
        gitCommit: SHA,
        environmentUser: "bob@example.com",
        kedroInstall: "cluster",
        numWorkers: 2,
    });
    expect(declared(mocks.resources)).toEqual(declared(stack.mocks.resources));
    // The tutorial's runtime is past its end of support: said once, on the component, as the stack says it.
    const runtime = warned.filter(({ message }) => message.startsWith("Databricks Runtime 11.3 LTS"));
    expect(runtime.map(({ resource }) => resource)).toEqual([environment]);
    expect(stack.loaded.warnings).toContain(runtime[0].message);
    expect(await resolve(environment.jobUrl)).toBe(stack.outputs.jobUrl);
});

test("takes its secrets as secrets whatever the caller passes", async () => {
    const { mocks } = await construct(
        {
            cloud: "aws",
            workspace: "create",
            gitUrl: "https://github.com/acme/iris.git",
            gitUsername: "alice",
            gitToken: TOKEN,
            databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc",
            databricksClientId: "sp",
            databricksClientSecret: CLIENT_SECRET,
            environmentUser: "alice@example.com",
        },
        { "aws:region": "eu-west-1" },
    );
    expect(isSecretMarker(mocks.one(TYPES.gitCredential).inputs.personalAccessToken)).toBe(true);
    const providers = mocks.resources.filter((resource) => resource.type === "pulumi:providers:databricks");
    expect(providers.length).toBeGreaterThan(0);
    for (const provider of providers) expect(isSecretMarker(provider.inputs.clientSecret)).toBe(true);
});

test("bad inputs: every problem at once, named by input, with the input's fix, and nothing declared", async () => {
    const mocks = await prepare({ config: {}, providerConfig: { "databricks:host": "https://adb-1.2.azuredatabricks.net" } });
    const args = {
        cloud: "aws",
        gitUrl: "https://github.com/acme/iris.git",
        gitUsername: "alice",
        gitToken: TOKEN,
        nodeType: "Standard_DS3_v2",
        numWorkers: -1,
    } as const;
    const error = errorOf(() => new DatabricksKedroEnvironment("kedro", args));
    expect(error.message).toMatch(/^Invalid inputs for DatabricksKedroEnvironment "kedro" \(3 problems\):/);
    expect(error.errors).toEqual([
        {
            propertyPath: "nodeType",
            reason: expect.stringMatching(/^is "Standard_DS3_v2"; allowed: an AWS node type .* Fix: set nodeType to m4.large$/),
        },
        {
            propertyPath: "numWorkers",
            reason: expect.stringMatching(/^is "-1"; allowed: a whole number from 0 to 10000 .* Fix: set numWorkers to 0$/),
        },
        // The provider's config is the caller's stack config, fixed there.
        { propertyPath: "databricks:host", reason: expect.stringMatching(/an AWS workspace.* Fix: set cloud to azure$/) },
    ]);
    await settle();
    expect(mocks.resources).toEqual([]);
});

test("a Databricks provider in the options stands for the workspace: every resource uses it, the default host is not checked", async () => {
    const mocks = await prepare({ config: {}, providerConfig: { "databricks:host": "https://adb-1.2.azuredatabricks.net" } });
    const provider = new (await import("@pulumi/databricks/provider")).Provider("workspace", {
        host: "https://dbc-1.cloud.databricks.com",
    });
    const environment = new DatabricksKedroEnvironment(
        "kedro",
        { cloud: "aws", gitUrl: "https://github.com/acme/iris.git", gitUsername: "alice", gitToken: TOKEN },
        { providers: [provider] },
    );
    expect(await resolve(environment.workspaceUrl)).toBe("https://dbc-1.cloud.databricks.com");
    await settle();
    const workspaceResources = mocks.resources.filter((resource) => resource.type.startsWith("databricks:index/"));
    expect(workspaceResources.length).toBeGreaterThanOrEqual(4);
    expect(new Set(workspaceResources.map((resource) => mocks.providerOf(resource)?.name))).toEqual(new Set(["workspace"]));
    expect(mocks.calls.filter((call) => call.token.startsWith("databricks:")).map((call) => mocks.providerOf(call)?.name)).toEqual([
        "workspace",
    ]);
});

test("a value the validation needs now cannot be an Output", async () => {
    await prepare({ config: {} });
    const args = {
        cloud: "aws",
        gitUrl: "https://github.com/acme/iris.git",
        gitUsername: "alice",
        gitToken: TOKEN,
        nodeType: pulumi.output("m4.large"),
    } as unknown as DatabricksKedroEnvironmentArgs;
    const error = errorOf(() => new DatabricksKedroEnvironment("kedro", args));
    expect(error.errors).toEqual([
        {
            propertyPath: "nodeType",
            reason: expect.stringMatching(/a plain value known when the component is constructed.* Fix: pass nodeType as a plain string$/),
        },
    ]);
    await settle();
});

test("workspace create builds its own provider and refuses one passed in", async () => {
    await prepare({ config: {}, providerConfig: { "azure-native:location": "westeurope" } });
    const provider = new (await import("@pulumi/databricks/provider")).Provider("workspace", {
        host: "https://adb-1.2.azuredatabricks.net",
    });
    expect(
        () =>
            new DatabricksKedroEnvironment(
                "kedro",
                {
                    cloud: "azure",
                    workspace: "create",
                    gitUrl: "https://github.com/acme/iris.git",
                    gitUsername: "alice",
                    gitToken: TOKEN,
                },
                { provider },
            ),
    ).toThrow('DatabricksKedroEnvironment "kedro": workspace create builds its own workspace provider; pass no Databricks provider.');
    await settle();
});
