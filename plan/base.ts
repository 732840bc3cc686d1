/** The plan at a git ref, for --base: the program and config as committed there, from a temporary worktree. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "./args";
import type { PlanReport } from "./report";
import { StackFileError } from "./stackConfig";

/** The base's plan, or why its stack file could not be read (the CLI would refuse it too). */
export type BasePlan = { report: PlanReport } | { unreadable: string };

const git = (root: string, args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe", encoding: "utf8" });

/** Plans the program and config at `ref` in this process; `planReport` is the head's planner, run on the worktree. */
export async function planAtRef(
    root: string,
    ref: string,
    stack: string,
    planReport: (root: string, stack: string) => Promise<PlanReport>,
): Promise<BasePlan> {
    try {
        git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    } catch {
        throw new UsageError(
            `--base ${ref} is not a commit in ${root}: ` +
                "name a branch, tag or commit that git rev-parse knows (fetch it first in a shallow clone).",
        );
    }
    // A stack the change adds has no plan at the base: everything it declares is new.
    try {
        git(root, ["cat-file", "-e", `${ref}:Pulumi.${stack}.yaml`]);
    } catch {
        return { report: { stack, resources: [], warnings: [], missingSecrets: [], verdicts: [] } };
    }
    const worktree = mkdtempSync(join(tmpdir(), "kedro-plan-base-"));
    let added = false;
    try {
        git(root, ["worktree", "add", "--detach", "--force", worktree, ref]);
        added = true;
        if (!existsSync(join(worktree, "node_modules"))) symlinkSync(join(root, "node_modules"), join(worktree, "node_modules"), "dir");
        return { report: await planReport(worktree, stack) };
    } catch (error) {
        if (error instanceof StackFileError) return { unreadable: error.message };
        throw new UsageError(`the plan at ${ref} failed: ${(error as Error).message.trim().split("\n")[0]}`);
    } finally {
        // Never leave a worktree behind, whatever failed.
        if (added) {
            try {
                git(root, ["worktree", "remove", "--force", worktree]);
            } catch {
                // pruned below
            }
        }
        rmSync(worktree, { recursive: true, force: true });
        git(root, ["worktree", "prune"]);
    }
}
