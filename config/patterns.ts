/** What a config value may look like: names, paths, URLs and requirement specifiers, each as one pattern or predicate. */
import { isSafePathSegment } from "../lib/notebook";

/** "an AWS", "an Azure", "a GCP". */
export const an = (label: string) => `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;

/** One PEP 508 requirement without markers or URLs: name, optional extras, optional version clauses. */
const NAME = String.raw`[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?`;
const EXTRAS = String.raw`(?:\[[A-Za-z0-9._-]+(?:[ \t]*,[ \t]*[A-Za-z0-9._-]+)*\])?`;
const CLAUSE = String.raw`(?:===|==|~=|!=|<=|>=|<|>)[ \t]*[A-Za-z0-9.*+!_-]+`;
const REQUIREMENT = new RegExp(String.raw`^${NAME}${EXTRAS}(?:[ \t]*${CLAUSE}(?:[ \t]*,[ \t]*${CLAUSE})*)?$`);

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
    return path
        .split("/")
        .some((part) => part === stack || part.startsWith(`${stack}-`) || part.endsWith(`-${stack}`) || part.includes(`-${stack}-`));
}

/** A branch name Git accepts (git check-ref-format, simplified). */
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
export function decodeSafely(value: string): string | undefined {
    try {
        return decodeURIComponent(value);
    } catch {
        return undefined;
    }
}

export function parseUrl(raw: string): URL | undefined {
    try {
        return new URL(raw);
    } catch {
        return undefined;
    }
}
