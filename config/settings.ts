import { CLOUDS, CLOUD_PROFILES, CLUSTER_DEFAULTS, type Cloud, POLICY_DEFAULT_LIMITS, cloudOfHost, cloudOfNodeType, isCloud } from "../lib/clouds";
import { ConfigError, type ConfigProblem, configSetCommand, configSetListCommand, projectKey } from "./errors";
import { GIT_PROVIDERS, type GitProvider, INFERRED_GIT_HOSTS, canonicalGitProvider, inferGitProvider, namesRepository, repositoryName } from "../lib/git";
import { defaultKedroPackages, kedroFitsPython, kedroLinesFor } from "../lib/kedro";
import { isSafePathSegment } from "../lib/notebook";
import type { EnvironmentPeople } from "../lib/people";
import { endOfSupportWarning, findLtsRelease } from "../lib/runtime";
import { looksLikeCredential, redact } from "../lib/redact";
import { PROJECT_KEYS, strayKeys } from "./keys";
import { type CloudProviderConfig, type WorkspaceSettings, validateWorkspace } from "./workspace";
import { accessModeFix, checkBranchIsName, checkGpuRuntime, sparkVersionFix } from "./clusterRules";
import { type JobSettings, validateJobConfig } from "./job";
import { parseBoolean, parseInteger, parseStringList } from "./values";
import { jobPathOf } from "../lib/naming";

export const ACCESS_MODES = ["SINGLE_USER", "NONE"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
export const KEDRO_INSTALL_MODES = ["notebook", "cluster"] as const;
export const GIT_CREDENTIAL_MODES = ["stack", "shared"] as const;
export type GitCredentialMode = (typeof GIT_CREDENTIAL_MODES)[number];
export type KedroInstall = (typeof KEDRO_INSTALL_MODES)[number];

/** Defaults for every optional project key; Pulumi.yaml declares the same values (a test keeps them equal). */
export const DEFAULTS = {
    gitBranch: "main",
    gitCredential: "stack" as GitCredentialMode,
    sparkVersion: CLUSTER_DEFAULTS.sparkVersion,
    numWorkers: CLUSTER_DEFAULTS.numWorkers,
    autoterminationMinutes: CLUSTER_DEFAULTS.autoterminationMinutes,
    spot: CLUSTER_DEFAULTS.spot,
    accessMode: CLUSTER_DEFAULTS.accessMode as AccessMode,
    clusterNoWait: false,
    kedroInstall: "notebook" as KedroInstall,
    /** Empty: derived from the runtime (defaultKedroPackages). */
    kedroPackages: [] as readonly string[],
} as const;

export const AUTOTERMINATION_RANGE = { min: 10, max: 10_000 } as const;

/** Stack config as Pulumi stores it: strings, keyed by the short project key. Empty means unset. */
export type RawConfig = Partial<Record<string, string>>;

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

/** "an AWS", "an Azure", "a GCP". */
const an = (label: string) => `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;

/** One PEP 508 requirement without markers or URLs: name, optional extras, optional version clauses. */
const REQUIREMENT =
    /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:\[[A-Za-z0-9._-]+(?:[ \t]*,[ \t]*[A-Za-z0-9._-]+)*\])?(?:[ \t]*(?:===|==|~=|!=|<=|>=|<|>)[ \t]*[A-Za-z0-9.*+!_-]+(?:[ \t]*,[ \t]*(?:===|==|~=|!=|<=|>=|<|>)[ \t]*[A-Za-z0-9.*+!_-]+)*)?$/;

/** Line breaks, ANSI escapes and other control characters: no config value may hold one. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function isRequirementSpecifier(spec: string): boolean {
    return REQUIREMENT.test(spec);
}

export function requirementName(spec: string): string {
    return (/^[A-Za-z0-9._-]+/.exec(spec)?.[0] ?? "").toLowerCase().replace(/[._]+/g, "-");
}

/** A path rendered into `%reload_kedro` must not be able to hold code: the notebook's own rule decides. */
const safeSegment = isSafePathSegment;

/** `/Repos/<folder>/<name>`, the only place Databricks puts a Repo. */
export function isRepoPath(path: string): boolean {
    const parts = path.split("/");
    return parts.length === 4 && parts[0] === "" && parts[1] === "Repos" && parts.slice(2).every(safeSegment);
}

/** An absolute workspace path outside /Repos, of safe segments, at most 512 characters. */
export function isNotebookPath(path: string): boolean {
    if (!path.startsWith("/") || path.endsWith("/") || path.length > 512) return false;
    const parts = path.slice(1).split("/");
    if (parts[0] === "Repos" || (parts[0] === "Workspace" && parts[1] === "Repos")) return false;
    return parts.every(safeSegment);
}

/** A repository name as GitHub takes it (and the cluster and path names derived from it stay short). */
export const REPOSITORY_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** A user name at a Git provider or in a workspace (often an e-mail or an id): no spaces, quotes, pipes or markup. */
export const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,254}$/;
/** A GitHub user or organisation: letters, digits and single inner hyphens, at most 39 characters. */
export const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A workspace group name: may hold spaces and parentheses, never pipes, quotes or markup. */
export const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._@+()-]{0,254}$/;

/**
 * Whether a path names its stack, as a segment or a hyphenated part of one
 * (`/Repos/team/iris-dev`, `/Shared/dev/iris-run`): a review stack copied
 * from dev must never write, and on destroy delete, dev's Repo or notebook.
 */
export function pathNamesStack(path: string, stack: string): boolean {
    return path.split("/").some((part) => part === stack || part.startsWith(`${stack}-`) || part.endsWith(`-${stack}`) || part.includes(`-${stack}-`));
}

/** A branch name Git accepts (git check-ref-format, simplified). */
/** numWorkers' bounds (see the validation). */
export const NUM_WORKERS_RANGE = { min: 0, max: 10_000 } as const;

export function isBranchName(branch: string): boolean {
    return (
        branch.length > 0 &&
        !/[\s~^:?*[\\\u0000-\u001f\u007f]/.test(branch) &&
        !branch.includes("..") &&
        !branch.includes("@{") &&
        !branch.startsWith("/") &&
        !branch.endsWith("/") &&
        !branch.endsWith(".lock") &&
        !branch.startsWith("-")
    );
}

/** decodeURIComponent, or undefined for a malformed escape (which would throw URIError). */
function decodeSafely(value: string): string | undefined {
    try {
        return decodeURIComponent(value);
    } catch {
        return undefined;
    }
}

function parseUrl(raw: string): URL | undefined {
    try {
        return new URL(raw);
    } catch {
        return undefined;
    }
}

/**
 * Validates a stack's config and applies the defaults. Pure: it reads no
 * Pulumi state, so the same input always gives the same settings. Every
 * problem is collected, so one run reports all of them.
 */
export function validateStackConfig(raw: RawConfig, ctx: ConfigContext): ValidationResult {
    const problems: ConfigProblem[] = [];
    const warnings: string[] = [];
    // A value spanning lines could split the notebook's cells or forge lines of the plan and its PR comment.
    const unsafe = new Set(Object.keys(raw).filter((name) => name !== "kedroPackages" && CONTROL_CHARACTERS.test(raw[name] ?? "")));
    const get = (name: string): string | undefined => {
        const value = raw[name];
        return value === undefined || value.trim() === "" || unsafe.has(name) ? undefined : value.trim();
    };
    const problem = (
        name: string,
        value: string | undefined,
        allowed: string,
        fixValue: string,
        opts: { secret?: boolean; fullKey?: string; fix?: string } = {},
    ) => {
        // One problem per key: the first says what is wrong with the value as given.
        const key = opts.fullKey ?? projectKey(name);
        if (problems.some((existing) => existing.key === key)) return;
        problems.push({ key, value, allowed, fix: opts.fix ?? configSetCommand(key, fixValue, ctx.stack, opts) });
    };
    for (const name of unsafe) problem(name, raw[name], "a single line without control characters", `<${name}>`);
    for (const key of ctx.plaintextSecrets ?? []) {
        if (key.startsWith(projectKey(""))) {
            // The project's secrets: refused, as the CLI refuses a declared secret (databricksClientSecret is declared without secret: true only to stay optional).
            const name = key.slice(projectKey("").length);
            problem(name, "(plaintext)", "a secret value: remove it from the stack file", `<${name}>`, { secret: true });
        } else {
            warnings.push(`${key} is in plaintext in the stack file, where anyone with the repository reads it: pulumi config set --secret ${key} <value> --stack ${ctx.stack}`);
        }
    }
    const stray = strayKeys(ctx.configKeys ?? [], PROJECT_KEYS, ctx.stack);
    problems.push(...stray.problems);
    warnings.push(...stray.warnings);
    /** An integer key: its value, its default when unset, or a problem when not a whole number in range. */
    const integerKey = (name: string, fallback: number, range: { min: number; max?: number }, allowed: string): number => {
        const raw = get(name);
        if (raw === undefined) return fallback;
        const parsed = parseInteger(raw);
        if (parsed === undefined || parsed < range.min || (range.max !== undefined && parsed > range.max)) {
            problem(name, raw, allowed, String(fallback));
            return fallback;
        }
        return parsed;
    };
    /** A boolean key: its value, its default when unset, or a problem when neither true nor false. */
    const booleanKey = (name: string, fallback: boolean): boolean => {
        const raw = get(name);
        if (raw === undefined) return fallback;
        const parsed = parseBoolean(raw);
        if (parsed === undefined) problem(name, raw, "true or false", String(fallback));
        return parsed ?? fallback;
    };

    // cloud decides the defaults of other keys, so it is read first.
    const cloudRaw = get("cloud");
    const cloudLower = cloudRaw?.toLowerCase();
    let cloud: Cloud | undefined;
    if (cloudLower !== undefined && isCloud(cloudLower)) cloud = cloudLower;
    else problem("cloud", cloudRaw, CLOUDS.join(", "), "<aws|azure|gcp>");

    // The Kedro project's repository: an existing one at gitUrl, or a private GitHub repository this stack creates.
    const githubModeRaw = get("githubRepository") ?? "existing";
    const githubMode = githubModeRaw.toLowerCase();
    let githubRepository: KedroStackSettings["githubRepository"] | undefined;
    if (githubMode !== "existing" && githubMode !== "create") {
        problem("githubRepository", githubModeRaw, "existing (use gitUrl) or create (a private GitHub repository made by this stack)", "existing");
    } else if (githubMode === "existing") {
        githubRepository = { mode: "existing" };
    } else {
        const ownerRaw = get("githubOwner") ?? ctx.githubOwner;
        if (ownerRaw !== undefined && !GITHUB_OWNER.test(ownerRaw)) {
            problem("githubOwner", ownerRaw, "a GitHub user or organisation: at most 39 letters, digits and single hyphens", "<github-owner>");
        }
        const owner = ownerRaw !== undefined && GITHUB_OWNER.test(ownerRaw) ? ownerRaw : undefined;
        // No default: the project's own name is this infrastructure repository's.
        const name = get("githubRepositoryName");
        if (ownerRaw === undefined) problem("githubOwner", undefined, "the GitHub user or organisation to create the repository in; github:owner also works", "<github-owner>");
        if (name === undefined) {
            problem("githubRepositoryName", undefined, "the name of the Kedro project's repository to create, e.g. iris-databricks (not this infrastructure repository's)", "iris-databricks");
        } else if (!REPOSITORY_NAME.test(name) || name === "." || name === "..") {
            problem("githubRepositoryName", name, "1 to 100 letters, digits, '.', '_' and '-'", "iris-databricks");
        }
        if (get("gitUrl") !== undefined) {
            problem("gitUrl", get("gitUrl"), "no value with githubRepository: create, which uses the created repository's URL", "", {
                fix: `pulumi config rm gitUrl --stack ${ctx.stack}`,
            });
        }
        if (owner && name) githubRepository = { mode: "create", owner, name, ownerIsProviderDefault: owner === ctx.githubOwner };
    }
    const createsRepository = githubRepository?.mode === "create";

    // With create asked for, gitUrl is never required, even while the owner or name is missing:
    // its fix (set gitUrl) would be refused next.
    const gitUrlRaw = githubMode === "create" ? undefined : get("gitUrl");
    let gitUrl: URL | undefined;
    if (githubMode === "create") {
        // The created repository's URL is known only after it exists.
    } else if (gitUrlRaw === undefined) {
        problem("gitUrl", undefined, "an https:// URL of the Kedro project's Git repository", "https://github.com/<owner>/<repo>.git");
    } else {
        const parsed = parseUrl(gitUrlRaw);
        if (!parsed || !parsed.hostname) {
            problem("gitUrl", gitUrlRaw, "an https:// URL, e.g. https://github.com/<owner>/<repo>.git", "https://github.com/<owner>/<repo>.git");
        } else if (parsed.password || looksLikeCredential(decodeSafely(parsed.username) ?? parsed.username)) {
            // First: a token in the URL would sit in plaintext in the stack file, the Repo's state and the plan.
            problem("gitUrl", gitUrlRaw, "a URL without a password or token in it; the token goes in the secret gitToken", `https://${parsed.hostname}${parsed.pathname}`);
        } else if (parsed.search || parsed.hash) {
            problem("gitUrl", gitUrlRaw, "a clone URL without a query or fragment", `https://${parsed.hostname}${parsed.pathname}`);
        } else if (parsed.protocol !== "https:") {
            problem("gitUrl", gitUrlRaw, "https:// URLs only (Databricks Repos clone over HTTPS with the Git credential)", `https://${parsed.hostname}${parsed.pathname}`);
        } else if (repositoryName(parsed) === undefined) {
            problem("gitUrl", gitUrlRaw, "a URL whose path is validly percent-encoded", "https://github.com/<owner>/<repo>.git");
        } else if (repositoryName(parsed) === "" || !namesRepository(parsed)) {
            problem("gitUrl", gitUrlRaw, "a URL that names a repository, e.g. https://github.com/<owner>/<repo>.git", "https://github.com/<owner>/<repo>.git");
        } else if (!REPOSITORY_NAME.test(repositoryName(parsed)!)) {
            problem("gitUrl", gitUrlRaw, "a repository name of 1 to 100 letters, digits, '.', '_' and '-'", "https://github.com/<owner>/<repo>.git");
        } else {
            gitUrl = parsed;
        }
    }

    const providerRaw = get("gitProvider");
    let gitProvider: GitProvider | undefined;
    if (createsRepository) {
        gitProvider = "gitHub";
        if (providerRaw !== undefined && canonicalGitProvider(providerRaw) !== "gitHub") {
            problem("gitProvider", providerRaw, "gitHub (or unset) with githubRepository: create", "gitHub");
        }
    } else if (providerRaw !== undefined) {
        gitProvider = canonicalGitProvider(providerRaw);
        const hosted = gitUrl ? inferGitProvider(gitUrl) : undefined;
        if (!gitProvider) problem("gitProvider", providerRaw, `${GIT_PROVIDERS.join(", ")} (case-insensitive)`, "<provider>");
        else if (hosted !== undefined && hosted !== gitProvider) {
            // A public host has one provider: another would make the credential and the Repo talk to the wrong API.
            problem("gitProvider", providerRaw, `${hosted} for ${gitUrl!.hostname} (or unset: it is inferred from the host)`, "", { fix: `pulumi config rm gitProvider --stack ${ctx.stack}` });
        }
    } else if (gitUrl) {
        gitProvider = inferGitProvider(gitUrl);
        if (!gitProvider) {
            problem(
                "gitProvider",
                undefined,
                `one of ${GIT_PROVIDERS.join(", ")}; it cannot be inferred from the host ${gitUrl.hostname} (only ${INFERRED_GIT_HOSTS} are)`,
                "<gitHubEnterprise|gitLabEnterpriseEdition|bitbucketServer|...>",
            );
        }
    }

    const gitBranch = get("gitBranch") ?? DEFAULTS.gitBranch;
    if (!isBranchName(gitBranch)) problem("gitBranch", gitBranch, "a valid Git branch name", DEFAULTS.gitBranch);
    else checkBranchIsName(problem, gitBranch);

    // A full SHA: the Repo reads back a 40-character head commit, and a short one would never equal it.
    const gitCommit = get("gitCommit");
    if (gitCommit !== undefined && !/^[0-9a-f]{40}$/i.test(gitCommit)) {
        problem("gitCommit", gitCommit, "a full 40-character commit SHA of gitBranch, e.g. from git rev-parse HEAD, or unset", "$(git rev-parse HEAD)");
    }

    // A service principal may hold one Git credential per provider: stacks sharing one in a workspace use "shared".
    let gitCredential: GitCredentialMode = DEFAULTS.gitCredential;
    const gitCredentialRaw = get("gitCredential");
    if (gitCredentialRaw !== undefined) {
        const found = GIT_CREDENTIAL_MODES.find((mode) => mode === gitCredentialRaw.toLowerCase());
        if (!found) {
            problem("gitCredential", gitCredentialRaw, "stack (this stack's own credential, from gitUsername and gitToken) or shared (the deploying identity's existing credential)", DEFAULTS.gitCredential);
        } else gitCredential = found;
    }
    const gitUsername = get("gitUsername");
    if (gitCredential === "stack") {
        if (gitUsername === undefined) problem("gitUsername", undefined, "your user name at the Git provider", "<git-username>");
        else if (!ACCOUNT_NAME.test(gitUsername)) problem("gitUsername", gitUsername, "a user name of at most 255 letters, digits and . _ @ + -", "<git-username>");
        if (!ctx.hasGitToken) {
            problem("gitToken", undefined, "a personal access token with repo scope, stored as a secret", "<personal-access-token>", { secret: true });
        }
    }

    // Cluster.
    const sparkVersion = get("sparkVersion") ?? DEFAULTS.sparkVersion;
    // Runtime keys as the Clusters API lists them: 15.4.x-scala2.12, 14.3.x-gpu-ml-scala2.12, 13.3.x-photon-scala2.12.
    if (!/^\d+\.\d+\.x-(?:[a-z0-9]+-)*scala\d+\.\d+$/.test(sparkVersion)) {
        problem("sparkVersion", sparkVersion, "a runtime key as the Clusters API lists it, such as 11.3.x-scala2.12 or 15.4.x-photon-scala2.12", sparkVersionFix(sparkVersion, ctx.today, DEFAULTS.sparkVersion));
    }

    const nodeType = get("nodeType") ?? (cloud ? CLOUD_PROFILES[cloud].defaultNodeType : undefined);
    const driverNodeType = get("driverNodeType") ?? nodeType;
    if (cloud) {
        for (const [name, value] of [["nodeType", nodeType], ["driverNodeType", driverNodeType]] as const) {
            if (value === undefined || get(name) === undefined) continue;
            const owner = cloudOfNodeType(value);
            const profile = CLOUD_PROFILES[cloud];
            if (owner !== undefined && owner !== cloud) {
                problem(
                    name,
                    value,
                    `${an(profile.label)} node type such as ${profile.nodeTypeExample}; ${value} is ${an(CLOUD_PROFILES[owner].label)} node type`,
                    profile.defaultNodeType,
                );
            } else if (owner === undefined) {
                warnings.push(`${projectKey(name)} ${JSON.stringify(value)} does not look like ${an(profile.label)} node type (such as ${profile.nodeTypeExample}); the workspace will reject it if it is unknown.`);
            }
        }
    }

    if (cloud) checkGpuRuntime(problem, cloud, sparkVersion, { nodeType, ...(get("driverNodeType") !== undefined ? { driverNodeType } : {}) });

    // A typo's guard (10^20 workers), well above any workspace's quota; the policy pack holds the real limit.
    const numWorkers = integerKey("numWorkers", DEFAULTS.numWorkers, NUM_WORKERS_RANGE, `a whole number from 0 to ${NUM_WORKERS_RANGE.max} (0 declares a single-node cluster)`);
    const autoterminationMinutes = integerKey(
        "autoterminationMinutes",
        DEFAULTS.autoterminationMinutes,
        AUTOTERMINATION_RANGE,
        `a whole number of minutes from ${AUTOTERMINATION_RANGE.min} to ${AUTOTERMINATION_RANGE.max} (0, "never stop", is refused: an idle cluster would run up costs)`,
    );

    const beyond = (name: string, value: number, limit: number, policy: string) =>
        value > limit &&
        warnings.push(`${projectKey(name)} is ${value}, above the policy pack's default limit of ${limit} (${policy}): pulumi up --policy-pack policy refuses it unless --policy-pack-config raises the limit.`);
    beyond("numWorkers", numWorkers, POLICY_DEFAULT_LIMITS.maxWorkers, "max-workers");
    beyond("autoterminationMinutes", autoterminationMinutes, POLICY_DEFAULT_LIMITS.maxAutoterminationMinutes, "max-autotermination");

    const spot = booleanKey("spot", DEFAULTS.spot);
    const clusterNoWait = booleanKey("clusterNoWait", DEFAULTS.clusterNoWait);

    let accessMode: AccessMode = DEFAULTS.accessMode;
    const accessModeRaw = get("accessMode");
    if (accessModeRaw !== undefined) {
        const upper = accessModeRaw.toUpperCase();
        const found = ACCESS_MODES.find((mode) => mode === upper);
        if (!found) problem("accessMode", accessModeRaw, `${ACCESS_MODES.join(" or ")} ("No isolation shared")`, accessModeFix(accessModeRaw, DEFAULTS.accessMode));
        else accessMode = found;
    }

    const singleUserNameRaw = get("singleUserName");
    if (singleUserNameRaw !== undefined && !ACCOUNT_NAME.test(singleUserNameRaw)) {
        problem("singleUserName", singleUserNameRaw, "a workspace user name of at most 255 letters, digits and . _ @ + -, e.g. alice@example.com", "<you@example.com>");
    }
    const singleUserName = singleUserNameRaw !== undefined && ACCOUNT_NAME.test(singleUserNameRaw) ? singleUserNameRaw : undefined;
    // Users are e-mail-like names without spaces; group names may hold spaces. Neither may hold control characters.
    const people: EnvironmentPeople = {};
    const environmentUser = get("environmentUser");
    if (environmentUser !== undefined) {
        if (!ACCOUNT_NAME.test(environmentUser)) {
            problem("environmentUser", environmentUser, "a workspace user name of at most 255 characters without spaces, e.g. alice@example.com", "<you@example.com>");
        } else people.user = environmentUser;
    }
    const environmentGroup = get("environmentGroup");
    if (environmentGroup !== undefined) {
        if (!GROUP_NAME.test(environmentGroup)) {
            problem("environmentGroup", environmentGroup, "a workspace group name of at most 255 characters, e.g. data-science", "data-science");
        } else people.group = environmentGroup;
    }
    if (people.group !== undefined && accessMode === "SINGLE_USER") {
        warnings.push(
            `${projectKey("environmentGroup")} ${people.group} may restart the cluster, but only its single user can run commands on it (accessMode SINGLE_USER); set accessMode NONE for the group to share it.`,
        );
    }
    if (singleUserName !== undefined && accessMode !== "SINGLE_USER") {
        warnings.push(`${projectKey("singleUserName")} is ignored: it only applies when accessMode is SINGLE_USER, and accessMode is ${accessMode}.`);
    }

    // Kedro.
    let kedroInstall: KedroInstall = DEFAULTS.kedroInstall;
    const kedroInstallRaw = get("kedroInstall");
    if (kedroInstallRaw !== undefined) {
        const found = KEDRO_INSTALL_MODES.find((mode) => mode === kedroInstallRaw.toLowerCase());
        if (!found) problem("kedroInstall", kedroInstallRaw, `${KEDRO_INSTALL_MODES.join(" or ")}`, DEFAULTS.kedroInstall);
        else kedroInstall = found;
    }

    // An unset (or empty) list follows the runtime; a set one must install on the runtime's Python.
    let kedroPackages: readonly string[] = defaultKedroPackages(sparkVersion);
    const packagesRaw = get("kedroPackages");
    const packagesFix = configSetListCommand(projectKey("kedroPackages"), defaultKedroPackages(sparkVersion), ctx.stack);
    if (packagesRaw !== undefined && packagesRaw !== "[]") {
        const parsed = parseStringList(packagesRaw);
        if (parsed === undefined || parsed.length === 0) {
            problem("kedroPackages", packagesRaw, "a non-empty list of pip requirement specifiers", "", { fix: packagesFix });
        } else {
            const bad = parsed.filter((spec: string) => CONTROL_CHARACTERS.test(spec) || !isRequirementSpecifier(spec.trim()));
            const names = parsed.map((spec: string) => requirementName(spec));
            const duplicates = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
            const kedro = parsed.map((spec: string) => spec.trim()).find((spec) => requirementName(spec) === "kedro");
            const release = findLtsRelease(sparkVersion);
            const fit = kedro && release ? kedroFitsPython(kedro, release.python) : { fits: undefined };
            if (bad.length > 0) {
                problem("kedroPackages", JSON.stringify(bad), 'pip requirement specifiers such as "kedro==0.18.7" or "kedro-datasets[spark]~=1.3.0" (no URLs, options or spaces in names)', "", { fix: packagesFix });
            } else if (duplicates.length > 0) {
                problem("kedroPackages", packagesRaw, `each package once; ${duplicates.join(", ")} appears more than once (one cluster library per package name)`, "", { fix: packagesFix });
            } else if (!kedro) {
                problem("kedroPackages", packagesRaw, 'a list that includes kedro itself, e.g. "kedro~=1.0": the notebook loads kedro.ipython', "", { fix: packagesFix });
            } else if (fit.fits === false && release) {
                const allowedLines = [...new Set(fit.matching.map((releases) => `${releases.line}.x`))].join(", ");
                problem(
                    "kedroPackages",
                    packagesRaw,
                    `a Kedro that installs on Python ${release.python}, which Databricks Runtime ${release.version} LTS ships: ${kedroLinesFor(release.python).join(" or ")}; ` +
                        `${kedro} allows only ${allowedLines} (Requires-Python ${[...new Set(fit.matching.map((releases) => releases.requiresPython))].join(" / ")}). ` +
                        `Unset, kedroPackages follows the runtime`,
                    "",
                    { fix: `pulumi config rm kedroPackages --stack ${ctx.stack}` },
                );
            } else {
                kedroPackages = parsed.map((spec: string) => spec.trim());
            }
        }
    }

    // Path overrides.
    const repoPath = get("repoPath");
    if (repoPath !== undefined && !isRepoPath(repoPath)) {
        problem("repoPath", repoPath, "/Repos/<folder>/<name>, each part letters, digits and . _ @ + -, e.g. /Repos/alice@example.com/iris-databricks-dev", "/Repos/<folder>/<name>");
    } else if (repoPath !== undefined && !pathNamesStack(repoPath, ctx.stack)) {
        problem("repoPath", repoPath, `a path that names the stack, e.g. ${repoPath}-${ctx.stack}: every stack writes its own Repo`, `${repoPath}-${ctx.stack}`);
    }
    const notebookPath = get("notebookPath");
    if (notebookPath !== undefined && !isNotebookPath(notebookPath)) {
        problem("notebookPath", notebookPath, "an absolute workspace path outside /Repos, each part letters, digits and . _ @ + -, e.g. /Users/alice@example.com/kedro-run-dev", "/Users/<user>/<name>");
    } else if (notebookPath !== undefined && !pathNamesStack(notebookPath, ctx.stack)) {
        problem("notebookPath", notebookPath, `a path that names the stack, e.g. ${notebookPath}-${ctx.stack}: every stack writes its own notebook`, `${notebookPath}-${ctx.stack}`);
    }

    // Workspace: an existing one named by the provider's config, or one this stack creates.
    const host = ctx.databricksHost?.trim();
    const workspaceResult = validateWorkspace(
        {
            mode: get("workspace"),
            name: get("workspaceName"),
            accountId: get("databricksAccountId"),
            clientId: get("databricksClientId"),
            hasClientSecret: ctx.hasClientSecret ?? false,
            configuredHost: ctx.databricksHostInConfig ? host : undefined,
            authType: ctx.databricksAuthType,
            googleServiceAccount: get("databricksGoogleServiceAccount"),
            providerConfig: ctx.providerConfig ?? {},
        },
        cloud,
        ctx,
    );
    problems.push(...workspaceResult.problems);
    const workspace = workspaceResult.workspace;

    if (host && workspace?.mode === "existing") {
        const hostUrl = parseUrl(host);
        const hostFix = cloud ? `https://<workspace>${CLOUD_PROFILES[cloud].hostSuffixes[0]}` : "https://<workspace-host>";
        if (hostUrl && (hostUrl.username || hostUrl.password)) {
            problem("host", host, "the workspace URL without a user name or password in it; credentials go in databricks:token (--secret) or the environment", hostFix, { fullKey: "databricks:host" });
        } else if (!hostUrl || hostUrl.protocol !== "https:") {
            problem("host", host, "the workspace URL over https, e.g. https://dbc-1234.cloud.databricks.com", hostFix, { fullKey: "databricks:host" });
        } else if (cloud) {
            const owner = cloudOfHost(hostUrl.hostname);
            if (owner !== undefined && owner !== cloud) {
                problem(
                    "host",
                    host,
                    `${an(CLOUD_PROFILES[cloud].label)} workspace (*${CLOUD_PROFILES[cloud].hostSuffixes.join(", *")}); ${hostUrl.hostname} is ${an(CLOUD_PROFILES[owner].label)} workspace. Either fix databricks:host or set cloud to ${owner}`,
                    hostFix,
                    { fullKey: "databricks:host" },
                );
            } else if (owner === undefined) {
                warnings.push(`databricks:host ${hostUrl.hostname} is not a known ${CLOUD_PROFILES[cloud].label} Databricks domain (a private-link alias, perhaps); the cloud cannot be checked against it.`);
            }
        }
    }

    const protect = booleanKey("protect", false);

    // A repository this stack creates has no commit to deploy until one is pushed and named.
    const awaitingFirstPush = createsRepository && gitCommit === undefined;
    const job = validateJobConfig(
        { get, problem, booleanKey, integerKey, warn: (message) => warnings.push(message) },
        { stack: ctx.stack, numWorkers, gitCommit, awaitingFirstPush, protect, today: ctx.today },
    );
    // The job's own Repo sits beside the interactive one.
    if (job && repoPath !== undefined && isRepoPath(repoPath) && !isRepoPath(jobPathOf(repoPath))) {
        problem("repoPath", repoPath, `a path short enough for the job's Repo beside it (${jobPathOf(repoPath)})`, "/Repos/<folder>/<name>");
    }

    // Creating an AWS workspace, the stack deploys as the account's service principal, never a person.
    if (workspace?.mode === "create" && cloud === "aws" && accessMode === "SINGLE_USER" && singleUserName === undefined && people.user === undefined) {
        problem(
            "environmentUser",
            undefined,
            "the person who runs the notebook: with workspace: create on AWS, pulumi up runs as the account service principal, which would own the SINGLE_USER cluster",
            "<you@example.com>",
        );
    }

    const repoName = githubRepository?.mode === "create" ? githubRepository.name : gitUrl ? repositoryName(gitUrl) : undefined;
    if (problems.length > 0 || !cloud || !repoName || !githubRepository || !gitProvider || (gitCredential === "stack" && !gitUsername) || !nodeType || !driverNodeType || !workspace) {
        throw new ConfigError(ctx.stack, problems);
    }

    if (numWorkers === 0 && spot) {
        warnings.push(`${projectKey("numWorkers")} is 0: a single-node cluster has only the driver, which always runs on-demand, so spot has no effect.`);
    }
    if (githubRepository.mode === "create" && gitCommit === undefined) {
        warnings.push(
            `githubRepository is create and gitCommit is not set: the repository starts empty, so the Databricks Repo and the notebook wait for a commit to deploy. ` +
                `Push the Kedro project (the gitRemoteCommands output), then: pulumi config set gitCommit "$(git -C <kedro-project> rev-parse HEAD)" --stack ${ctx.stack} && pulumi up --stack ${ctx.stack}. ` +
                `Keep gitCommit set from then on: unsetting it removes the Repo and the notebook.`,
        );
    }
    const runtimeWarning = endOfSupportWarning(sparkVersion, ctx.today);
    if (runtimeWarning) warnings.push(runtimeWarning);

    return {
        warnings: warnings.map(redact),
        settings: {
            project: ctx.project,
            stack: ctx.stack,
            cloud,
            git: {
                url: gitUrlRaw,
                provider: gitProvider,
                branch: gitBranch,
                commit: gitCommit?.toLowerCase(),
                awaitingFirstPush,
                credential: gitCredential,
                username: gitUsername ?? "",
                repoName,
            },
            cluster: {
                sparkVersion,
                nodeType,
                driverNodeType,
                numWorkers,
                autoterminationMinutes,
                spot,
                accessMode,
                singleUserName: accessMode === "SINGLE_USER" ? singleUserName : undefined,
                noWait: clusterNoWait,
            },
            kedro: { install: kedroInstall, packages: kedroPackages },
            repoPath,
            notebookPath,
            people,
            workspace,
            githubRepository,
            protect,
            job,
        },
    };
}
