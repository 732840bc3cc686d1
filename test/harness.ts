/**
 * Runs the program under Pulumi's unit-test mocks: no engine, no cloud, no network.
 * Every resource registration and data-source call is recorded for assertions.
 */
import * as pulumi from "@pulumi/pulumi";
import { RecordingMocks, WORKSPACES, fakeUser, isSecretMarker, type FakeUser, waitForRegistrations } from "../plan/mocks";
import type { DatabricksKedroEnvironment, KedroEnvironmentOutputs } from "../components";
import { type KedroStack, createKedroStack } from "../components/stack";
import { type LoadedConfig, PROGRAM_ENVIRONMENT_NAMES, PROJECT, PROVIDER_SECRET_KEYS, SECRET_PROJECT_KEYS, projectKey } from "../config";
import { loadStackConfig } from "../config/load";

export const TOKEN = "ghp_FAKE0123456789abcdefTOKEN";
export const CLIENT_SECRET = "dose_FAKE_client_secret_42";
export const ACCOUNT_ID = "0d9c1b2a-1234-4cde-8f00-123456789abc";

export const TODAY = new Date("2026-11-24T00:00:00Z");

export {
    type FakeUser,
    type RecordedCall,
    type RecordedResource,
    RecordingMocks,
    WORKSPACES,
    fakeServicePrincipal,
    fakeUser,
    isSecretMarker,
} from "../plan/mocks";

export const TYPES = {
    cluster: "databricks:index/cluster:Cluster",
    gitCredential: "databricks:index/gitCredential:GitCredential",
    repo: "databricks:index/repo:Repo",
    notebook: "databricks:index/notebook:Notebook",
    library: "databricks:index/library:Library",
    job: "databricks:index/job:Job",
    permissions: "databricks:index/permissions:Permissions",
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
    /** Short project keys, or providers' full secret keys, to pass as plaintext, although the CLI would mark them secret. */
    plaintextKeys?: string[];
    stack?: string;
    user?: FakeUser;
    preview?: boolean;
}

export interface Evaluation {
    mocks: RecordingMocks;
    loaded: LoadedConfig;
    environment: DatabricksKedroEnvironment;
    stack: KedroStack;
    outputs: { [K in keyof KedroEnvironmentOutputs]: string } & { gitRepositoryUrl?: string; gitRemoteCommands?: string };
}

/** A recorded input with secret markers removed, to compare values. */
export function plain(value: unknown): any {
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === "object") {
        if (isSecretMarker(value)) return plain(value.value);
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
    }
    return value;
}

export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((done) => output.apply((value) => done(value)));
}

/**
 * Waits for every outstanding registration, including the asynchronous
 * registerOutputs of components, so nothing reaches the next test's mocks.
 */
export const settle = waitForRegistrations;

/** Sets the mocks and the stack's config, as the CLI would before running the program. */
export async function prepare(options: EvaluateOptions): Promise<RecordingMocks> {
    await settle();
    const stack = options.stack ?? "dev";
    const cloud = options.config.cloud as keyof typeof WORKSPACES | undefined;
    const user = options.user ?? fakeUser(WORKSPACES[cloud && cloud in WORKSPACES ? cloud : "aws"]);
    const mocks = new RecordingMocks(user);
    for (const name of PROGRAM_ENVIRONMENT_NAMES) delete process.env[name];
    Object.assign(process.env, options.env);
    await pulumi.runtime.setMocks(mocks, PROJECT, stack, options.preview ?? false);
    mocks.observe(pulumi.runtime.getMonitor());
    const all: Record<string, string> = { ...options.providerConfig };
    for (const [key, value] of Object.entries(options.config)) all[projectKey(key)] = value;
    const secretKeys = SECRET_PROJECT_KEYS.filter((key) => key in options.config && !options.plaintextKeys?.includes(key)).map(projectKey);
    // A provider's secret (databricks:token) is set with --secret too, unless the test asks for it in plaintext.
    const providerSecrets = PROVIDER_SECRET_KEYS.filter((key) => key in all && !options.plaintextKeys?.includes(key));
    pulumi.runtime.setAllConfig(all, [...secretKeys, ...providerSecrets]);
    return mocks;
}

/** Validates the config and declares the stack, then waits until every resource is registered. */
export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
    const mocks = await prepare(options);
    const loaded = loadStackConfig(TODAY);
    const stack = createKedroStack(loaded);
    const environment = stack.environment;
    const core = environment.core;
    const children: pulumi.Resource[] = [environment, core, ...core.libraries, ...core.permissions];
    if (core.cluster) children.push(core.cluster);
    if (core.dataVolume) children.push(core.dataVolume.volume, ...(core.dataVolume.grants ? [core.dataVolume.grants] : []));
    if (core.gitCredential) children.push(core.gitCredential);
    if (core.repo && core.notebook) children.push(core.repo, core.notebook);
    if (core.job && "repo" in core.job) children.push(core.job, core.job.repo, core.job.notebook, core.job.job);
    else if (core.job) children.push(core.job, core.job.wheel, core.job.conf, ...core.job.jobs);
    if (environment.createdWorkspace) children.push(environment.createdWorkspace.provider);
    if (stack.repository) children.push(stack.repository, stack.repository.repository);
    await Promise.all(children.map((child) => resolve(child.urn)));
    const entries = await Promise.all(
        Object.entries(stack.outputs).map(async ([key, output]) => [key, await resolve(output as pulumi.Output<string>)] as const),
    );
    await settle();
    return { mocks, loaded, environment, stack, outputs: Object.fromEntries(entries) as Evaluation["outputs"] };
}
