/** repoPath and notebookPath: where the Repo and the notebook go, each naming its stack so stacks never share one. */
import { jobPathOf } from "../../lib/naming";
import { isNotebookPath, isRepoPath, pathNamesStack } from "../patterns";
import type { Reporter } from "../reporter";

export function readPaths(r: Reporter, stack: string): { repoPath?: string; notebookPath?: string } {
    const repoPath = r.get("repoPath");
    if (repoPath !== undefined && !isRepoPath(repoPath)) {
        r.problem(
            "repoPath",
            repoPath,
            "/Repos/<folder>/<name>, each part letters, digits and . _ @ + -, e.g. /Repos/alice@example.com/iris-databricks-dev",
            "/Repos/<folder>/<name>",
        );
    } else if (repoPath !== undefined && !pathNamesStack(repoPath, stack)) {
        r.problem(
            "repoPath",
            repoPath,
            `a path that names the stack, e.g. ${repoPath}-${stack}: every stack writes its own Repo`,
            `${repoPath}-${stack}`,
        );
    }
    const notebookPath = r.get("notebookPath");
    if (notebookPath !== undefined && !isNotebookPath(notebookPath)) {
        r.problem(
            "notebookPath",
            notebookPath,
            "an absolute workspace path outside /Repos, each part letters, digits and . _ @ + -, e.g. " +
                "/Users/alice@example.com/kedro-run-dev",
            "/Users/<user>/<name>",
        );
    } else if (notebookPath !== undefined && !pathNamesStack(notebookPath, stack)) {
        r.problem(
            "notebookPath",
            notebookPath,
            `a path that names the stack, e.g. ${notebookPath}-${stack}: every stack writes its own notebook`,
            `${notebookPath}-${stack}`,
        );
    }
    return { repoPath, notebookPath };
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
