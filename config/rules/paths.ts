/** repoPath and notebookPath: where the Repo and the notebook go, each naming its stack so stacks never share one. */
import { jobPathOf } from "../../lib/naming";
import { isNotebookPath, isRepoPath, pathNamesStack } from "../patterns";
import type { Reporter } from "../reporter";

/** A path key: of the allowed shape, and naming the stack, since every stack writes (and destroys) its own. */
function readPath(
    r: Reporter,
    key: "repoPath" | "notebookPath",
    valid: (path: string) => boolean,
    shape: string,
    placeholder: string,
    what: string,
    stack: string,
) {
    const path = r.get(key);
    if (path === undefined) return undefined;
    if (!valid(path)) r.problem(key, path, shape, placeholder);
    else if (!pathNamesStack(path, stack)) {
        r.problem(key, path, `a path that names the stack, e.g. ${path}-${stack}: every stack writes its own ${what}`, `${path}-${stack}`);
    }
    return path;
}

export function readPaths(r: Reporter, stack: string): { repoPath?: string; notebookPath?: string } {
    const repoShape = "/Repos/<folder>/<name>, each part letters, digits and . _ @ + -, e.g. /Repos/alice@example.com/iris-databricks-dev";
    const notebookShape =
        "an absolute workspace path outside /Repos, each part letters, digits and . _ @ + -, e.g. /Users/alice@example.com/kedro-run-dev";
    return {
        repoPath: readPath(r, "repoPath", isRepoPath, repoShape, "/Repos/<folder>/<name>", "Repo", stack),
        notebookPath: readPath(r, "notebookPath", isNotebookPath, notebookShape, "/Users/<user>/<name>", "notebook", stack),
    };
}

/** With a job, its own Repo sits beside the interactive one: repoPath must leave room for it. */
export function checkJobRepoPath(r: Reporter, repoPath: string | undefined): void {
    if (repoPath !== undefined && isRepoPath(repoPath) && !isRepoPath(jobPathOf(repoPath))) {
        r.problem(
            "repoPath",
            repoPath,
            `a path short enough for the job's Repo beside it (${jobPathOf(repoPath)})`,
            "/Repos/<folder>/<name>",
        );
    }
}
