/**
 * Runs the program under Pulumi's unit-test mocks: no engine, no cloud, no network.
 * Every resource registration and data-source call is recorded for assertions.
 */
import * as pulumi from "@pulumi/pulumi";
import { type CloudKedroEnvironment, type KedroEnvironmentOutputs, createKedroEnvironment } from "../components";
import { type LoadedConfig, PROJECT, loadStackConfig } from "../config";

export const TOKEN = "ghp_FAKE0123456789abcdefTOKEN";
export const CLIENT_SECRET = "dose_FAKE_client_secret_42";
export const ACCOUNT_ID = "0d9c1b2a-1234-4cde-8f00-123456789abc";

/** Environment variables the program reads; cleared so the machine's own cannot leak into a test. */
const ENVIRONMENT = [
    "DATABRICKS_HOST",
    "DATABRICKS_ACCOUNT_ID",
    "DATABRICKS_CLIENT_ID",
    "DATABRICKS_CLIENT_SECRET",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "GOOGLE_PROJECT",
    "GOOGLE_CLOUD_PROJECT",
    "GCLOUD_PROJECT",
    "CLOUDSDK_CORE_PROJECT",
    "GOOGLE_REGION",
    "GCLOUD_REGION",
    "CLOUDSDK_COMPUTE_REGION",
];
export const TODAY = new Date("2026-11-24T00:00:00Z");

export interface FakeUser {
    userName: string;
    home: string;
    repos: string;
    workspaceUrl: string;
}

export const WORKSPACES = {
    aws: "https://dbc-1234abcd-5678.cloud.databricks.com",
    azure: "https://adb-1234567890123456.7.azuredatabricks.net",
    gcp: "https://1234567890123456.7.gcp.databricks.com",
} as const;

export function fakeUser(workspaceUrl: string, userName = "alice@example.com"): FakeUser {
    return { userName, home: `/Users/${userName}`, repos: `/Repos/${userName}`, workspaceUrl };
}

export interface RecordedResource {
    type: string;
    name: string;
    inputs: Record<string, any>;
    provider?: string;
    custom?: boolean;
}

export interface RecordedCall {
    token: string;
    inputs: Record<string, any>;
    provider?: string;
}

/** A stable numeric id from a name: Git credential ids are numbers, and ids must not depend on timing. */
function stableId(name: string): string {
    let hash = 2166136261;
    for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    return String(hash);
}

/** What the cloud services would compute for a new resource. */
function computedState(args: pulumi.runtime.MockResourceArgs, id: string): Record<string, any> {
    switch (args.type) {
        case "databricks:index/repo:Repo":
            return { workspacePath: `/Workspace${args.inputs.path}` };
        case "databricks:index/mwsWorkspaces:MwsWorkspaces":
            return {
                workspaceId: id,
                workspaceUrl: args.inputs.cloudResourceContainer ? `https://${id}.1.gcp.databricks.com` : `https://${args.inputs.workspaceName}.cloud.databricks.com`,
            };
        case "databricks:index/mwsCredentials:MwsCredentials":
            return { credentialsId: `cred-${id}` };
        case "databricks:index/mwsStorageConfigurations:MwsStorageConfigurations":
            return { storageConfigurationId: `storage-${id}` };
        case "aws:s3/bucket:Bucket":
            return { bucket: `${args.inputs.bucketPrefix ?? ""}20261124`, arn: `arn:aws:s3:::${args.inputs.bucketPrefix}20261124` };
        case "aws:iam/role:Role":
            return { arn: `arn:aws:iam::123456789012:role/${args.name}`, name: args.name };
        case "azure-native:resources:ResourceGroup":
            return { name: args.inputs.resourceGroupName };
        case "azure-native:databricks:Workspace":
            return { workspaceUrl: `adb-${id}.7.azuredatabricks.net` };
        case "gcp:serviceaccount/account:Account":
            return { email: `${args.inputs.accountId}@${args.inputs.project}.iam.gserviceaccount.com`, name: `projects/${args.inputs.project}/serviceAccounts/${args.inputs.accountId}` };
        default:
            return {};
    }
}

export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly resources: RecordedResource[] = [];
    readonly calls: RecordedCall[] = [];

    /** Registrations of these types stay pending until release(), as a slow create would. */
    private readonly held = new Set<string>();
    private readonly waiting: Array<() => void> = [];

    constructor(private readonly user: FakeUser) {}

    hold(type: string): void {
        this.held.add(type);
    }

    release(): void {
        this.held.clear();
        this.waiting.splice(0).forEach((resume) => resume());
    }

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
        if (this.held.has(args.type)) await new Promise<void>((resume) => this.waiting.push(resume));
        return this.register(args);
    }

    private register(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        this.resources.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider, custom: args.custom });
        const number = stableId(`${args.type}::${args.name}`);
        // Azure resources are identified by their ARM resource id.
        const id =
            args.type === "azure-native:databricks:Workspace"
                ? `/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/${args.inputs.resourceGroupName}/providers/Microsoft.Databricks/workspaces/${args.inputs.workspaceName}`
                : number;
        // Like the provider, echo the inputs and fill in what the service computes.
        const state: Record<string, any> = { ...args.inputs, ...computedState(args, number) };
        return { id, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.calls.push({ token: args.token, inputs: args.inputs, provider: args.provider });
        switch (args.token) {
            case "databricks:index/getCurrentUser:getCurrentUser": {
                // Through an explicit provider, the user is in that provider's workspace.
                const host = args.provider ? this.providerInputs(args.provider)?.host : undefined;
                return { id: "1", alphanumeric: "alice", externalId: "", aclPrincipalId: `users/${this.user.userName}`, ...this.user, ...(host ? { workspaceUrl: host } : {}) };
            }
            case "databricks:index/getAwsBucketPolicy:getAwsBucketPolicy":
            case "databricks:index/getAwsAssumeRolePolicy:getAwsAssumeRolePolicy":
            case "databricks:index/getAwsCrossAccountPolicy:getAwsCrossAccountPolicy":
                return { id: "policy", json: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: args.token.split(":")[2], Effect: "Allow", Action: "*", Resource: "*" }] }) };
            case "databricks:index/getServicePrincipal:getServicePrincipal":
                return { id: "7001", spId: "7001", applicationId: args.inputs.applicationId, aclPrincipalId: `servicePrincipals/${args.inputs.applicationId}` };
            case "azure-native:authorization:getClientConfig":
                return { clientId: "client", objectId: "object", subscriptionId: "00000000-1111-2222-3333-444444444444", tenantId: "tenant" };
            case "gcp:organizations/getClientOpenIdUserInfo:getClientOpenIdUserInfo":
                return { id: "me", email: "alice@example.com" };
        }
        throw new Error(`unexpected call ${args.token}`);
    }

    /** The inputs of the provider a reference (`<urn>::<id>`) points at. */
    providerInputs(reference: string): Record<string, any> | undefined {
        const name = reference.split("::").slice(-2, -1)[0];
        return this.resources.find((resource) => resource.type.startsWith("pulumi:providers:") && resource.name === name)?.inputs;
    }

    /** The provider reference of a recorded provider resource, as resources carry it. */
    providerOf(resource: RecordedResource): RecordedResource | undefined {
        return resource.provider ? this.resources.find((candidate) => candidate.type.startsWith("pulumi:providers:") && candidate.name === resource.provider!.split("::").slice(-2, -1)[0]) : undefined;
    }

    ofType(type: string): RecordedResource[] {
        return this.resources.filter((resource) => resource.type === type);
    }

    one(type: string): RecordedResource {
        const found = this.ofType(type);
        if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
        return found[0];
    }
}

export const TYPES = {
    cluster: "databricks:index/cluster:Cluster",
    gitCredential: "databricks:index/gitCredential:GitCredential",
    repo: "databricks:index/repo:Repo",
    notebook: "databricks:index/notebook:Notebook",
    library: "databricks:index/library:Library",
} as const;

/** A minimal valid config for a cloud; tests override single keys. */
export function baseConfig(cloud: "aws" | "azure" | "gcp", overrides: Record<string, string | undefined> = {}): Record<string, string> {
    const config: Record<string, string | undefined> = {
        cloud,
        gitUrl: "https://github.com/acme/iris-databricks.git",
        gitUsername: "alice",
        gitToken: TOKEN,
        ...overrides,
    };
    return Object.fromEntries(Object.entries(config).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export interface EvaluateOptions {
    /** Project config, by short key. `gitToken` is set as a secret. */
    config: Record<string, string>;
    /** Config of other namespaces, by full key (`databricks:host`). */
    providerConfig?: Record<string, string>;
    /** Environment variables for this run; every variable the program reads is cleared first. */
    env?: Record<string, string>;
    /** Short project keys to pass as plaintext, although the CLI would mark them secret. */
    plaintextKeys?: string[];
    stack?: string;
    user?: FakeUser;
    preview?: boolean;
}

export interface Evaluation {
    mocks: RecordingMocks;
    loaded: LoadedConfig;
    environment: CloudKedroEnvironment;
    outputs: { [K in keyof KedroEnvironmentOutputs]: string };
}

/** A recorded input with secret markers removed, to compare values. */
export function plain(value: unknown): any {
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === "object") {
        const entries = Object.entries(value);
        if (entries.length === 2 && "value" in value && entries.some(([key]) => /^[0-9a-f]{32}$/.test(key))) return plain((value as { value: unknown }).value);
        return Object.fromEntries(entries.map(([key, inner]) => [key, plain(inner)]));
    }
    return value;
}

export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((done) => output.apply((value) => done(value)));
}

/**
 * Waits for every outstanding registration, including the asynchronous
 * registerOutputs of components, so nothing reaches the next test's mocks.
 * The SDK's own wait is internal, hence the cast.
 */
export async function settle(): Promise<void> {
    const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
    if (runtime.waitForRPCs) await runtime.waitForRPCs();
}

/** Sets the mocks and the stack's config, as the CLI would before running the program. */
export async function prepare(options: EvaluateOptions): Promise<RecordingMocks> {
    await settle();
    const stack = options.stack ?? "dev";
    const cloud = options.config.cloud as keyof typeof WORKSPACES | undefined;
    const user = options.user ?? fakeUser(WORKSPACES[cloud && cloud in WORKSPACES ? cloud : "aws"]);
    const mocks = new RecordingMocks(user);
    for (const name of ENVIRONMENT) delete process.env[name];
    Object.assign(process.env, options.env);
    await pulumi.runtime.setMocks(mocks, PROJECT, stack, options.preview ?? false);
    const all: Record<string, string> = { ...options.providerConfig };
    for (const [key, value] of Object.entries(options.config)) all[`${PROJECT}:${key}`] = value;
    const secretKeys = ["gitToken", "databricksClientSecret"].filter((key) => key in options.config && !options.plaintextKeys?.includes(key));
    pulumi.runtime.setAllConfig(all, secretKeys.map((key) => `${PROJECT}:${key}`));
    return mocks;
}

/** Validates the config and declares the stack, then waits until every resource is registered. */
export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
    const mocks = await prepare(options);
    const loaded = loadStackConfig(TODAY);
    const environment = createKedroEnvironment("kedro", {
        settings: loaded.settings,
        gitToken: loaded.gitToken,
        databricksClientSecret: loaded.databricksClientSecret,
    });
    const core = environment.core;
    const children: pulumi.Resource[] = [environment, core, core.cluster, core.gitCredential, core.repo, core.notebook, ...core.libraries];
    if (environment.createdWorkspace) children.push(environment.createdWorkspace.provider);
    await Promise.all(children.map((child) => resolve(child.urn)));
    const entries = await Promise.all(
        Object.entries(environment.outputs()).map(async ([key, output]) => [key, await resolve(output as pulumi.Output<string>)] as const),
    );
    await settle();
    return { mocks, loaded, environment, outputs: Object.fromEntries(entries) as Evaluation["outputs"] };
}
