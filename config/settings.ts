import { CLOUDS, type Cloud, isCloud } from "../lib/clouds";
import type { GitProvider } from "../lib/git";
import type { EnvironmentPeople } from "../lib/people";
import { redact } from "../lib/redact";
import { endOfSupportWarning } from "../lib/runtime";
import type { AccessMode, GitCredentialMode, KedroInstall } from "./defaults";
import { ConfigError, projectKey } from "./errors";
import { type JobSettings, validateJobConfig } from "./job";
import type { ProjectKey } from "./keyTable";
import { PROJECT_KEYS, strayKeys } from "./keys";
import { type RawConfig, type Reporter, createReporter } from "./reporter";
import { readCluster } from "./rules/cluster";
import { readGit } from "./rules/git";
import { checkHost } from "./rules/host";
import { readKedro } from "./rules/kedro";
import { checkJobRepoPath, readPaths } from "./rules/paths";
import { readPeople } from "./rules/people";
import { type CloudProviderConfig, type WorkspaceSettings, readWorkspaceSettings } from "./workspace";

export * from "./defaults";
export * from "./patterns";
export type { RawConfig } from "./reporter";


export interface ConfigContext {
    project: string;
    stack: string;
    /** `databricks:host`, or DATABRICKS_HOST, when either is set. */
    databricksHost?: string;
    /** Whether the secret `gitToken` is present; its value never enters validation. */
    hasGitToken: boolean;
    /** For the runtime end-of-support warning. */
    today: Date;
    /** `databricks:authType`, or DATABRICKS_AUTH_TYPE. */
    databricksAuthType?: string;
    /** `databricks:host` as set in the stack's config, as opposed to DATABRICKS_HOST. */
    databricksHostInConfig?: boolean;
    /** Whether databricksClientSecret (or DATABRICKS_CLIENT_SECRET) is present. */
    hasClientSecret?: boolean;
    /** Full keys among the project's secret keys and the providers' (PROVIDER_SECRET_KEYS) that the stack holds in plaintext. */
    plaintextSecrets?: readonly string[];
    /** The cloud providers' own region, location and project. */
    providerConfig?: CloudProviderConfig;
    /** `github:owner` (or GITHUB_OWNER), the GitHub provider's own owner. */
    githubOwner?: string;
    /** Every full key the stack sets, to find the ones nothing reads. */
    configKeys?: readonly string[];
}

export interface KedroStackSettings {
    project: string;
    stack: string;
    cloud: Cloud;
    git: {
        /** Undefined when the stack creates the GitHub repository: its URL is then an output. */
        url?: string;
        provider: GitProvider;
        branch: string;
        /** The commit being deployed; a change makes the Repo pull its branch. */
        commit?: string;
        /** The stack creates the repository and has no commit to deploy yet: no Repo and no notebook until it has. */
        awaitingFirstPush: boolean;
        /** stack: this stack's own Git credential; shared: the deploying identity's existing one. */
        credential: GitCredentialMode;
        username: string;
        repoName: string;
    };
    cluster: {
        sparkVersion: string;
        nodeType: string;
        driverNodeType: string;
        numWorkers: number;
        autoterminationMinutes: number;
        spot: boolean;
        accessMode: AccessMode;
        singleUserName?: string;
        /** Return from `pulumi up` without waiting for the cluster to run. */
        noWait: boolean;
    };
    kedro: {
        install: KedroInstall;
        packages: readonly string[];
    };
    repoPath?: string;
    notebookPath?: string;
    /** The people who use the environment, given permissions on the cluster, the notebook and the Repo. */
    people: EnvironmentPeople;
    workspace: WorkspaceSettings;
    /** The Kedro project's GitHub repository: created by this stack, or existing at gitUrl. */
    githubRepository:
        | { mode: "existing" }
        | {
              mode: "create";
              owner: string;
              name: string;
              /** The owner is github:owner, so the default GitHub provider serves; else the repository needs its own. */
              ownerIsProviderDefault: boolean;
          };
    /** Protect every resource from `pulumi destroy`. */
    protect: boolean;
    /** The Kedro pipeline as a scheduled job on a job cluster, with job: true. */
    job?: JobSettings;
}

export interface ValidationResult {
    settings: KedroStackSettings;
    warnings: string[];
}

/** The project's secrets in plaintext are refused (as the CLI refuses a declared secret); the providers' warn. */
function checkPlaintextSecrets(r: Reporter, keys: readonly string[], stack: string): void {
    for (const key of keys) {
        if (key.startsWith(projectKey(""))) {
            // databricksClientSecret is declared without secret: true only to stay optional.
            const name = key.slice(projectKey("").length) as ProjectKey;
            r.problem(name, "(plaintext)", "a secret value: remove it from the stack file", `<${name}>`, { secret: true });
        } else {
            r.warn(`${key} is in plaintext in the stack file, where anyone with the repository reads it: pulumi config set --secret ${key} <value> --stack ${stack}`);
        }
    }
}

/** cloud, which decides the defaults of other keys, so it is read first. */
function readCloud(r: Reporter): Cloud | undefined {
    const raw = r.get("cloud");
    const lower = raw?.toLowerCase();
    if (lower !== undefined && isCloud(lower)) return lower;
    r.problem("cloud", raw, CLOUDS.join(", "), "<aws|azure|gcp>");
    return undefined;
}

/** Warnings about what the valid settings do: a spot flag with no workers, an empty created repository, an old runtime. */
function settingsWarnings(r: Reporter, settings: KedroStackSettings, today: Date): void {
    const { cluster, githubRepository, git, stack } = settings;
    if (cluster.numWorkers === 0 && cluster.spot) {
        r.warn(`${projectKey("numWorkers")} is 0: a single-node cluster has only the driver, which always runs on-demand, so spot has no effect.`);
    }
    if (githubRepository.mode === "create" && git.commit === undefined) {
        r.warn(
            `githubRepository is create and gitCommit is not set: the repository starts empty, so the Databricks Repo and the notebook wait for a commit to deploy. ` +
                `Push the Kedro project (the gitRemoteCommands output), then: pulumi config set gitCommit "$(git -C <kedro-project> rev-parse HEAD)" --stack ${stack} && pulumi up --stack ${stack}. ` +
                `Keep gitCommit set from then on: unsetting it removes the Repo and the notebook.`,
        );
    }
    const runtimeWarning = endOfSupportWarning(cluster.sparkVersion, today);
    if (runtimeWarning) r.warn(runtimeWarning);
}

/**
 * Validates a stack's config and applies the defaults. Pure: it reads no
 * Pulumi state, so the same input always gives the same settings. Every
 * rule reports through one reporter, so one run reports every problem.
 */
export function validateStackConfig(raw: RawConfig, ctx: ConfigContext): ValidationResult {
    const r = createReporter(raw, ctx.stack);
    checkPlaintextSecrets(r, ctx.plaintextSecrets ?? [], ctx.stack);
    const stray = strayKeys(ctx.configKeys ?? [], PROJECT_KEYS, ctx.stack);
    r.problems.push(...stray.problems);
    stray.warnings.forEach(r.warn);

    const cloud = readCloud(r);
    const git = readGit(r, { stack: ctx.stack, hasGitToken: ctx.hasGitToken, githubOwner: ctx.githubOwner });
    const cluster = readCluster(r, cloud, ctx.today);
    const people = readPeople(r, cluster.accessMode, cluster.singleUserName);
    const kedro = readKedro(r, cluster.sparkVersion, ctx.stack);
    const { repoPath, notebookPath } = readPaths(r, ctx.stack);
    const workspace = readWorkspace(r, cloud, ctx);
    const protect = r.booleanKey("protect", false);

    // A repository this stack creates has no commit to deploy until one is pushed and named.
    const awaitingFirstPush = git.githubRepository?.mode === "create" && git.commit === undefined;
    const job = validateJobConfig(r, { stack: ctx.stack, numWorkers: cluster.numWorkers, gitCommit: git.commit, awaitingFirstPush, protect, today: ctx.today });
    if (job) checkJobRepoPath(r, repoPath);

    // Creating an AWS workspace, the stack deploys as the account's service principal, never a person.
    if (workspace?.mode === "create" && cloud === "aws" && cluster.accessMode === "SINGLE_USER" && cluster.singleUserName === undefined && people.user === undefined) {
        r.problem(
            "environmentUser",
            undefined,
            "the person who runs the notebook: with workspace: create on AWS, pulumi up runs as the account service principal, which would own the SINGLE_USER cluster",
            "<you@example.com>",
        );
    }

    const { githubRepository, provider, repoName, credential, username } = git;
    const { nodeType, driverNodeType } = cluster;
    if (r.problems.length > 0 || !cloud || !repoName || !githubRepository || !provider || (credential === "stack" && !username) || !nodeType || !driverNodeType || !workspace) {
        throw new ConfigError(ctx.stack, r.problems);
    }
    const settings: KedroStackSettings = {
        project: ctx.project,
        stack: ctx.stack,
        cloud,
        git: { url: git.url, provider, branch: git.branch, commit: git.commit?.toLowerCase(), awaitingFirstPush, credential, username: username ?? "", repoName },
        cluster: { ...cluster, nodeType, driverNodeType, singleUserName: cluster.accessMode === "SINGLE_USER" ? cluster.singleUserName : undefined },
        kedro,
        repoPath,
        notebookPath,
        people,
        workspace,
        githubRepository,
        protect,
        job,
    };
    settingsWarnings(r, settings, ctx.today);
    return { warnings: r.warnings.map(redact), settings };
}

/** The workspace: an existing one named by the provider's config (its host checked), or one this stack creates. */
function readWorkspace(r: Reporter, cloud: Cloud | undefined, ctx: ConfigContext): WorkspaceSettings | undefined {
    const host = ctx.databricksHost?.trim();
    const inputs = {
        mode: r.get("workspace"),
        name: r.get("workspaceName"),
        accountId: r.get("databricksAccountId"),
        clientId: r.get("databricksClientId"),
        hasClientSecret: ctx.hasClientSecret ?? false,
        configuredHost: ctx.databricksHostInConfig ? host : undefined,
        authType: ctx.databricksAuthType,
        googleServiceAccount: r.get("databricksGoogleServiceAccount"),
        providerConfig: ctx.providerConfig ?? {},
    };
    const workspace = readWorkspaceSettings(r, inputs, cloud, ctx);
    if (host && workspace?.mode === "existing") checkHost(r, host, cloud);
    return workspace;
}
