/**
 * The Kedro project's repository and how the workspace reaches it: an
 * existing one at gitUrl or a GitHub repository this stack creates, its Git
 * provider, branch and commit, and the Git credential.
 */
import {
    GIT_PROVIDERS,
    type GitProvider,
    INFERRED_GIT_HOSTS,
    canonicalGitProvider,
    inferGitProvider,
    namesRepository,
    repositoryName,
} from "../../lib/git";
import { looksLikeCredential } from "../../lib/redact";
import { DEFAULTS, type GitCredentialMode } from "../defaults";
import { ACCOUNT_NAME, GITHUB_OWNER, REPOSITORY_NAME, decodeSafely, isBranchName, parseUrl } from "../patterns";
import type { Reporter } from "../reporter";
import type { KedroStackSettings } from "../types";
import { checkBranchIsName } from "./cluster";
import { nearest } from "../../lib/editDistance";

export interface GitReading {
    githubRepository?: KedroStackSettings["githubRepository"];
    /** The URL as configured; undefined when the stack creates the repository. */
    url?: string;
    provider?: GitProvider;
    branch: string;
    commit?: string;
    credential: GitCredentialMode;
    username?: string;
    repoName?: string;
    /** The command a fix runs to read the commit to deploy from the Kedro project's repository. */
    commitCommand: string;
}

/** The context the Git keys are read in. */
export interface GitContext {
    stack: string;
    hasGitToken: boolean;
    /** github:owner (or GITHUB_OWNER). */
    githubOwner?: string;
}

/** githubRepository, with the owner and name a created repository needs. */
function readGithubRepository(r: Reporter, ctx: GitContext): { mode?: string; repository?: KedroStackSettings["githubRepository"] } {
    const modeRaw = r.get("githubRepository") ?? "existing";
    const mode = modeRaw.toLowerCase();
    if (mode !== "existing" && mode !== "create") {
        r.problem(
            "githubRepository",
            modeRaw,
            "existing (use gitUrl) or create (a private GitHub repository made by this stack)",
            nearest(mode, ["existing", "create"]) ?? "existing",
        );
        return {};
    }
    if (mode === "existing") return { mode, repository: { mode: "existing" } };
    const ownerRaw = r.get("githubOwner") ?? ctx.githubOwner;
    if (ownerRaw !== undefined && !GITHUB_OWNER.test(ownerRaw)) {
        r.problem(
            "githubOwner",
            ownerRaw,
            "a GitHub user or organisation: at most 39 letters, digits and single hyphens",
            "<github-owner>",
        );
    }
    const owner = ownerRaw !== undefined && GITHUB_OWNER.test(ownerRaw) ? ownerRaw : undefined;
    // No default: the project's own name is this infrastructure repository's.
    const name = r.get("githubRepositoryName");
    if (ownerRaw === undefined)
        r.problem(
            "githubOwner",
            undefined,
            "the GitHub user or organisation to create the repository in; github:owner also works",
            "<github-owner>",
        );
    if (name === undefined) {
        r.problem(
            "githubRepositoryName",
            undefined,
            "the name of the Kedro project's repository to create, e.g. iris-databricks (not this infrastructure repository's)",
            "iris-databricks",
        );
    } else if (!REPOSITORY_NAME.test(name) || name === "." || name === "..") {
        r.problem("githubRepositoryName", name, "1 to 100 letters, digits, '.', '_' and '-'", "iris-databricks");
    }
    if (r.get("gitUrl") !== undefined) {
        r.problem("gitUrl", r.get("gitUrl"), "no value with githubRepository: create, which uses the created repository's URL", "", {
            fix: `pulumi config rm gitUrl --stack ${ctx.stack}`,
        });
    }
    return {
        mode,
        repository: owner && name ? { mode: "create", owner, name, ownerIsProviderDefault: owner === ctx.githubOwner } : undefined,
    };
}

/** gitUrl: an https:// clone URL that names a repository and holds no credential. */
function readGitUrl(r: Reporter, raw: string | undefined): URL | undefined {
    if (raw === undefined) {
        r.problem("gitUrl", undefined, "an https:// URL of the Kedro project's Git repository", "https://github.com/<owner>/<repo>.git");
        return undefined;
    }
    const parsed = parseUrl(raw);
    const bare = parsed ? `https://${parsed.hostname}${parsed.pathname}` : "";
    const example = "https://github.com/<owner>/<repo>.git";
    if (!parsed || !parsed.hostname) r.problem("gitUrl", raw, `an https:// URL, e.g. ${example}`, example);
    // First: a token in the URL would sit in plaintext in the stack file, the Repo's state and the plan.
    else if (parsed.password || looksLikeCredential(decodeSafely(parsed.username) ?? parsed.username))
        r.problem("gitUrl", raw, "a URL without a password or token in it; the token goes in the secret gitToken", bare);
    else if (parsed.search || parsed.hash) r.problem("gitUrl", raw, "a clone URL without a query or fragment", bare);
    else if (parsed.protocol !== "https:")
        r.problem("gitUrl", raw, "https:// URLs only (Databricks Repos clone over HTTPS with the Git credential)", bare);
    else if (repositoryName(parsed) === undefined) r.problem("gitUrl", raw, "a URL whose path is validly percent-encoded", example);
    else if (repositoryName(parsed) === "" || !namesRepository(parsed))
        r.problem("gitUrl", raw, `a URL that names a repository, e.g. ${example}`, example);
    else if (!REPOSITORY_NAME.test(repositoryName(parsed)!))
        r.problem("gitUrl", raw, "a repository name of 1 to 100 letters, digits, '.', '_' and '-'", example);
    else return parsed;
    return undefined;
}

/** gitProvider: GitHub for a created repository, else as set (and agreeing with a public host) or inferred from the host. */
function readGitProvider(r: Reporter, createsRepository: boolean, gitUrl: URL | undefined, stack: string): GitProvider | undefined {
    const raw = r.get("gitProvider");
    if (createsRepository) {
        if (raw !== undefined && canonicalGitProvider(raw) !== "gitHub")
            r.problem("gitProvider", raw, "gitHub (or unset) with githubRepository: create", "gitHub");
        return "gitHub";
    }
    if (raw !== undefined) {
        const provider = canonicalGitProvider(raw);
        const hosted = gitUrl ? inferGitProvider(gitUrl) : undefined;
        if (!provider)
            r.problem(
                "gitProvider",
                raw,
                `${GIT_PROVIDERS.join(", ")} (case-insensitive)`,
                nearest(raw, GIT_PROVIDERS) ?? hosted ?? "<provider>",
            );
        else if (hosted !== undefined && hosted !== provider) {
            // A public host has one provider: another would make the credential and the Repo talk to the wrong API.
            r.problem("gitProvider", raw, `${hosted} for ${gitUrl!.hostname} (or unset: it is inferred from the host)`, "", {
                fix: `pulumi config rm gitProvider --stack ${stack}`,
            });
        }
        return provider;
    }
    if (!gitUrl) return undefined;
    const inferred = inferGitProvider(gitUrl);
    if (!inferred) {
        r.problem(
            "gitProvider",
            undefined,
            `one of ${GIT_PROVIDERS.join(", ")}; it cannot be inferred from the host ${gitUrl.hostname} (only ${INFERRED_GIT_HOSTS} are)`,
            "<gitHubEnterprise|gitLabEnterpriseEdition|bitbucketServer|...>",
        );
    }
    return inferred;
}

/** gitCredential, and with the stack's own credential the user name and the token it needs. */
function readCredential(r: Reporter, hasGitToken: boolean): { credential: GitCredentialMode; username?: string } {
    // A service principal may hold one Git credential per provider: stacks sharing one in a workspace use "shared".
    const credential = r.choice("gitCredential");
    const username = r.get("gitUsername");
    if (credential === "stack") {
        if (username === undefined) r.problem("gitUsername", undefined, "your user name at the Git provider", "<git-username>");
        else if (!ACCOUNT_NAME.test(username))
            r.problem("gitUsername", username, "a user name of at most 255 letters, digits and . _ @ + -", "<git-username>");
        if (!hasGitToken)
            r.problem("gitToken", undefined, "a personal access token with repo scope, stored as a secret", "", {
                secret: true,
            });
    }
    return { credential, username };
}

/** The Kedro project's clone URL: gitUrl, or the GitHub repository this stack creates. */
function kedroRepositoryUrl(gitUrl: URL | undefined, repository: KedroStackSettings["githubRepository"] | undefined): string | undefined {
    if (repository?.mode === "create") return `https://github.com/${repository.owner}/${repository.name}.git`;
    return gitUrl ? `https://${gitUrl.host}${gitUrl.pathname}` : undefined;
}

/**
 * The command that reads the commit to deploy: the head of gitBranch in the
 * Kedro project's own repository (pushed, so the Repo can check it out),
 * never the commit of the repository pulumi runs in, which is this stack's.
 */
export function kedroCommitCommand(url: string | undefined, branch: string): string {
    if (url === undefined || !isBranchName(branch)) return '"$(git -C ../kedro-project rev-parse HEAD)"';
    return `"$(git ls-remote ${url} refs/heads/${branch} | cut -f1)"`;
}

export function readGit(r: Reporter, ctx: GitContext): GitReading {
    // The Kedro project's repository: an existing one at gitUrl, or a private GitHub repository this stack creates.
    const { mode, repository } = readGithubRepository(r, ctx);
    const createsRepository = repository?.mode === "create";
    // With create asked for, gitUrl is never required, even while the owner or name is missing:
    // its fix (set gitUrl) would be refused next. The created repository's URL is known only after it exists.
    const url = mode === "create" ? undefined : r.get("gitUrl");
    const gitUrl = mode === "create" ? undefined : readGitUrl(r, url);
    const provider = readGitProvider(r, createsRepository, gitUrl, ctx.stack);

    const branch = r.get("gitBranch") ?? DEFAULTS.gitBranch;
    if (!isBranchName(branch)) r.problem("gitBranch", branch, "a valid Git branch name", DEFAULTS.gitBranch);
    else checkBranchIsName(r.problem, branch);

    // A full SHA: the Repo reads back a 40-character head commit, and a short one would never equal it.
    const commit = r.get("gitCommit");
    const commitCommand = kedroCommitCommand(kedroRepositoryUrl(gitUrl, repository), branch);
    if (commit !== undefined && !/^[0-9a-f]{40}$/i.test(commit))
        r.problem("gitCommit", commit, "a full 40-character commit SHA of gitBranch, or unset", commitCommand);
    const { credential, username } = readCredential(r, ctx.hasGitToken);
    const repoName = repository?.mode === "create" ? repository.name : gitUrl ? repositoryName(gitUrl) : undefined;
    return { githubRepository: repository, url, provider, branch, commit, credential, username, repoName, commitCommand };
}
