/**
 * Runs the program under Pulumi's unit-test mocks: no engine, no cloud, no network.
 * Every resource registration and data-source call is recorded for assertions.
 */
import * as pulumi from "@pulumi/pulumi";
import { type CloudKedroEnvironment, type KedroEnvironmentOutputs, createKedroEnvironment } from "../components";
import { type LoadedConfig, PROJECT, loadStackConfig } from "../config";

export const TOKEN = "ghp_FAKE0123456789abcdefTOKEN";
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

export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly resources: RecordedResource[] = [];
    readonly calls: RecordedCall[] = [];

    constructor(private readonly user: FakeUser) {}

    newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        this.resources.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider, custom: args.custom });
        const id = stableId(`${args.type}::${args.name}`);
        // Like the provider, echo the inputs and fill in what the service computes.
        const state: Record<string, any> = { ...args.inputs };
        if (args.type === "databricks:index/repo:Repo") state.workspacePath = `/Workspace${args.inputs.path}`;
        return { id, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.calls.push({ token: args.token, inputs: args.inputs, provider: args.provider });
        if (args.token === "databricks:index/getCurrentUser:getCurrentUser") {
            return { id: "1", alphanumeric: "alice", externalId: "", aclPrincipalId: `users/${this.user.userName}`, ...this.user };
        }
        throw new Error(`unexpected call ${args.token}`);
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
    delete process.env.DATABRICKS_HOST;
    await pulumi.runtime.setMocks(mocks, PROJECT, stack, options.preview ?? false);
    const all: Record<string, string> = { ...options.providerConfig };
    for (const [key, value] of Object.entries(options.config)) all[`${PROJECT}:${key}`] = value;
    pulumi.runtime.setAllConfig(all, "gitToken" in options.config ? [`${PROJECT}:gitToken`] : []);
    return mocks;
}

/** Validates the config and declares the stack, then waits until every resource is registered. */
export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
    const mocks = await prepare(options);
    const loaded = loadStackConfig(TODAY);
    const environment = createKedroEnvironment("kedro", { settings: loaded.settings, gitToken: loaded.gitToken });
    const core = environment.core;
    const children: pulumi.Resource[] = [environment, core, core.cluster, core.gitCredential, core.repo, core.notebook, ...core.libraries];
    await Promise.all(children.map((child) => resolve(child.urn)));
    const entries = await Promise.all(
        Object.entries(environment.outputs()).map(async ([key, output]) => [key, await resolve(output as pulumi.Output<string>)] as const),
    );
    await settle();
    return { mocks, loaded, environment, outputs: Object.fromEntries(entries) as Evaluation["outputs"] };
}
