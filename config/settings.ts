/**
 * The validation pass: every key read through one reporter by the rules of
 * its concern, in a fixed order, then the settings assembled once nothing is
 * wrong. The key table (keyTable.ts) declares the keys; rules/ checks them.
 */
import { CLOUDS, type Cloud, cloudOfHost, isCloud } from "../lib/clouds";
import { nearest } from "../lib/editDistance";
import type { EnvironmentPeople } from "../lib/people";
import { redact } from "../lib/redact";
import { volumeFullName } from "../lib/volume";
import { endOfSupportWarning } from "../lib/runtime";
import { ConfigError, projectKey } from "./errors";
import { type JobSettings, PRODUCTION_STACK, validateJobConfig } from "./job";
import { strayKeys } from "./keys";
import { type RawConfig, type Reporter, createReporter } from "./reporter";
import { readCluster } from "./rules/cluster";
import { readCompute } from "./rules/compute";
import { readDataVolume } from "./rules/volume";
import { type GitReading, kedroCommitCommand, readGit } from "./rules/git";
import { checkHost } from "./rules/host";
import { readKedro } from "./rules/kedro";
import { checkJobRepoPath, readPaths } from "./rules/paths";
import { readPeople } from "./rules/people";
import { checkProviderKeyShapes } from "./rules/providerKeys";
import { checkCredentialsInPlainKeys, checkPlaintextSecrets } from "./rules/secrets";
import type { ConfigContext, KedroStackSettings, ValidationResult } from "./types";
import { type WorkspaceSettings, readWorkspaceSettings } from "./workspace";

export * from "./defaults";
export type { ConfigContext, KedroStackSettings, ValidationResult } from "./types";
export * from "./patterns";
import { parseUrl } from "./patterns";
export type { RawConfig } from "./reporter";

/** What people call each cloud, for the fix of a cloud the key does not name. */
const CLOUD_NAMES: Readonly<Record<string, Cloud>> = {
    amazon: "aws",
    ec2: "aws",
    microsoft: "azure",
    az: "azure",
    google: "gcp",
    gce: "gcp",
};

/** cloud, which decides the defaults of other keys, so it is read first; the fix names the cloud meant, or the host's. */
function readCloud(r: Reporter, databricksHost: string | undefined): Cloud | undefined {
    const raw = r.get("cloud");
    const lower = raw?.toLowerCase();
    if (lower !== undefined && isCloud(lower)) return lower;
    const hostname = databricksHost ? parseUrl(databricksHost)?.hostname : undefined;
    const word = lower?.split(/[\s_-]+/)[0] ?? "";
    const meant =
        CLOUD_NAMES[word] ?? (lower && (nearest(lower, CLOUDS) as Cloud | undefined)) ?? (hostname ? cloudOfHost(hostname) : undefined);
    r.problem("cloud", raw, CLOUDS.join(", "), meant ?? "<aws|azure|gcp>");
    return undefined;
}

/** Warnings about what the valid settings do: a volume destroy would drop, a spot flag with no workers, an old runtime. */
function settingsWarnings(r: Reporter, settings: KedroStackSettings, today: Date): void {
    const { cluster, githubRepository, git, stack, dataVolume } = settings;
    if (dataVolume && !settings.protect) {
        r.warn(
            `dataVolume ${volumeFullName(dataVolume)}: pulumi destroy drops the volume, and Databricks deletes every file in it. ` +
                `To keep the data through a destroy: pulumi config set protect true --stack ${stack}.`,
        );
    }
    const classic = settings.compute === "classic";
    if (classic && cluster.numWorkers === 0 && cluster.spot) {
        r.warn(
            `${projectKey("numWorkers")} is 0: a single-node cluster has only the driver, ` +
                "which always runs on-demand, so spot has no effect.",
        );
    }
    if (githubRepository.mode === "create" && git.commit === undefined) {
        const commitCommand = kedroCommitCommand(`https://github.com/${githubRepository.owner}/${githubRepository.name}.git`, git.branch);
        r.warn(
            "githubRepository is create and gitCommit is not set: the repository starts empty, " +
                "so the Databricks Repo and the notebook wait for a commit to deploy. " +
                "Push the Kedro project (the gitRemoteCommands output), then: " +
                `pulumi config set gitCommit ${commitCommand} --stack ${stack} && pulumi up --stack ${stack}. ` +
                "Keep gitCommit set from then on: unsetting it removes the Repo and the notebook.",
        );
    }
    if (PRODUCTION_STACK.test(stack) && !settings.protect) {
        r.warn(
            `Stack ${stack} is named for production but not protected (protect: false): pulumi destroy, or a change that replaces ` +
                `a resource, deletes it without asking. To protect it: pulumi config set protect true --stack ${stack}.`,
        );
    }
    const runtimeWarning = classic ? endOfSupportWarning(cluster.sparkVersion, today) : undefined;
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
    checkCredentialsInPlainKeys(r, raw, ctx.stack);
    checkProviderKeyShapes(r, ctx.stackConfig ?? {});
    const stray = strayKeys(ctx.stackConfig ?? {}, ctx.stack);
    r.problems.push(...stray.problems);
    stray.warnings.forEach(r.warn);

    const cloud = readCloud(r, ctx.databricksHost);
    const git = readGit(r, { stack: ctx.stack, hasGitToken: ctx.hasGitToken, githubOwner: ctx.githubOwner });
    // Before the cluster's keys: with serverless, a set one is reported as not applying, not judged as a cluster's.
    const compute = readCompute(r, ctx.stack);
    const cluster = readCluster(r, cloud, ctx.today);
    const people = readPeople(r, cluster.accessMode, cluster.singleUserName);
    const kedro = readKedro(r, { compute, sparkVersion: cluster.sparkVersion }, ctx.stack);
    const dataVolume = readDataVolume(r, { compute, ...cluster, packages: kedro.packages, stack: ctx.stack });
    const { repoPath, notebookPath } = readPaths(r, ctx.stack);
    const workspace = readWorkspace(r, cloud, ctx);
    const protect = r.boolean("protect");

    // A repository this stack creates has no commit to deploy until one is pushed and named.
    const awaitingFirstPush = git.githubRepository?.mode === "create" && git.commit === undefined;
    const job = validateJobConfig(r, {
        stack: ctx.stack,
        numWorkers: cluster.numWorkers,
        gitCommit: git.commit,
        commitCommand: git.commitCommand,
        awaitingFirstPush,
        protect,
        today: ctx.today,
        compute,
        sparkVersion: cluster.sparkVersion,
        files: ctx.projectFiles,
    });
    if (job) checkJobRepoPath(r, repoPath);

    if (compute === "classic") checkAwsCreateOwner(r, workspace, cloud, cluster, people);
    const settings = completeSettings(r, ctx, {
        compute,
        dataVolume,
        cloud,
        git,
        cluster,
        people,
        kedro,
        repoPath,
        notebookPath,
        workspace,
        protect,
        job,
        awaitingFirstPush,
    });
    settingsWarnings(r, settings, ctx.today);
    return { warnings: r.warnings.map(redact), settings };
}

/**
 * Creating an AWS workspace, the stack deploys as the account's service
 * principal, never a person: someone must own the SINGLE_USER cluster (with
 * serverless compute there is none).
 */
function checkAwsCreateOwner(
    r: Reporter,
    workspace: WorkspaceSettings | undefined,
    cloud: Cloud | undefined,
    cluster: ReturnType<typeof readCluster>,
    people: EnvironmentPeople,
): void {
    const owned = cluster.accessMode !== "SINGLE_USER" || cluster.singleUserName !== undefined || people.user !== undefined;
    if (workspace?.mode !== "create" || cloud !== "aws" || owned) return;
    r.problem(
        "environmentUser",
        undefined,
        "the person who runs the notebook: with workspace: create on AWS, pulumi up runs as the account service principal, which " +
            "would own the SINGLE_USER cluster",
        "<you@example.com>",
    );
}

/** What the readers found, before it is known to be complete. */
interface SettingsParts {
    compute: KedroStackSettings["compute"];
    dataVolume?: KedroStackSettings["dataVolume"];
    cloud?: Cloud;
    git: GitReading;
    cluster: ReturnType<typeof readCluster>;
    people: EnvironmentPeople;
    kedro: KedroStackSettings["kedro"];
    repoPath?: string;
    notebookPath?: string;
    workspace?: WorkspaceSettings;
    protect: boolean;
    job?: JobSettings;
    awaitingFirstPush: boolean;
}

/** The settings, or the ConfigError naming every problem found when any was, or a required part is missing. */
function completeSettings(r: Reporter, ctx: ConfigContext, parts: SettingsParts): KedroStackSettings {
    const { cloud, git, cluster, workspace } = parts;
    const { githubRepository, provider, repoName, credential, username } = git;
    const { nodeType, driverNodeType } = cluster;
    const usernameMissing = credential === "stack" && !username;
    if (
        r.problems.length > 0 ||
        !cloud ||
        !repoName ||
        !githubRepository ||
        !provider ||
        usernameMissing ||
        !nodeType ||
        !driverNodeType ||
        !workspace
    ) {
        throw new ConfigError(ctx.stack, r.problems, r.warnings);
    }
    const singleUserName = cluster.accessMode === "SINGLE_USER" ? cluster.singleUserName : undefined;
    return {
        project: ctx.project,
        stack: ctx.stack,
        cloud,
        compute: parts.compute,
        dataVolume: parts.dataVolume,
        git: {
            url: git.url,
            provider,
            branch: git.branch,
            commit: git.commit?.toLowerCase(),
            awaitingFirstPush: parts.awaitingFirstPush,
            credential,
            username: username ?? "",
            repoName,
        },
        cluster: { ...cluster, nodeType, driverNodeType, singleUserName },
        kedro: parts.kedro,
        repoPath: parts.repoPath,
        notebookPath: parts.notebookPath,
        people: parts.people,
        workspace,
        githubRepository,
        protect: parts.protect,
        job: parts.job,
    };
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
    if (host && workspace?.mode === "existing") checkHost(r, host, cloud, ctx.stack);
    return workspace;
}
