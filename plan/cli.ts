/**
 * npm run plan -- --stack <name> [--format text|markdown|json] [--base <git-ref>]
 *
 * Prints every resource `pulumi up` would declare for the stack, the
 * program's warnings and every policy's verdict, from the stack's config
 * files alone. Exits 1 on an invalid config or a mandatory policy violation.
 * With --base, prints the difference between the plan at that git ref and the
 * working tree. With --root (internal), plans the program in another folder.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { redact } from "../lib/redact";
import { oneLine } from "../lib/text";
import type { PlanReport } from "./report";
import { StackFileError, readStackConfig } from "./stackConfig";

/** The SDK, the program and the policies load only once the stack's files have been read: a refused file fails at once. */
const evaluation = () => ({
    ...(require("./evaluate") as typeof import("./evaluate")),
    ...(require("./policies") as typeof import("./policies")),
    ...(require("./report") as typeof import("./report")),
});

interface Options {
    stack: string;
    format: "text" | "markdown" | "json";
    base?: string;
    root: string;
}

export function parseArgs(argv: string[]): Options {
    const value = (flag: string) => {
        const index = argv.indexOf(flag);
        return index >= 0 ? argv[index + 1] : undefined;
    };
    const stack = value("--stack");
    if (!stack) throw new Error("Usage: npm run plan -- --stack <name> [--format text|markdown|json] [--base <git-ref>]");
    const format = (value("--format") ?? "text") as Options["format"];
    if (!["text", "markdown", "json"].includes(format)) throw new Error(`--format is ${format}; allowed: text, markdown or json.`);
    return { stack, format, base: value("--base"), root: resolve(value("--root") ?? join(__dirname, "..")) };
}

export async function planReport(root: string, stack: string): Promise<PlanReport> {
    const files = readStackConfig(root, stack);
    const { evaluatePlan, evaluatePolicies } = evaluation();
    const plan = await evaluatePlan(root, stack, files);
    const verdicts = plan.error
        ? []
        : await evaluatePolicies(plan.resources.map((resource) => ({ type: resource.type, name: resource.name, urn: resource.urn, props: resource.inputs, outputs: resource.outputs })));
    return { ...plan, verdicts };
}

/** A usage error of --base: one line, exit 2. */
export class BaseRefError extends Error {}

const git = (root: string, args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe", encoding: "utf8" });

/** The plan of the program and config at a git ref, from a temporary worktree, in this process. */
async function planAtRef(root: string, ref: string, stack: string): Promise<PlanReport> {
    try {
        git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    } catch {
        throw new BaseRefError(`--base ${ref} is not a commit in ${root}: name a branch, tag or commit that git rev-parse knows (fetch it first in a shallow clone).`);
    }
    // A stack the change adds has no plan at the base: everything it declares is new.
    try {
        git(root, ["cat-file", "-e", `${ref}:Pulumi.${stack}.yaml`]);
    } catch {
        return { stack, resources: [], warnings: [], missingSecrets: [], verdicts: [] };
    }
    const worktree = mkdtempSync(join(tmpdir(), "kedro-plan-base-"));
    let added = false;
    try {
        git(root, ["worktree", "add", "--detach", "--force", worktree, ref]);
        added = true;
        if (!existsSync(join(worktree, "node_modules"))) symlinkSync(join(root, "node_modules"), join(worktree, "node_modules"), "dir");
        return await planReport(worktree, stack);
    } catch (error) {
        if (error instanceof BaseRefError) throw error;
        throw new BaseRefError(`the plan at ${ref} failed: ${(error as Error).message.trim().split("\n")[0]}`);
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

/** Where the plan writes: the process's streams, or a test's buffers. */
export interface PlanOutput {
    stdout(text: string): void;
    stderr(text: string): void;
}

const PROCESS_OUTPUT: PlanOutput = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
};

export async function main(argv: string[], out: PlanOutput = PROCESS_OUTPUT): Promise<number> {
    let options: Options;
    try {
        options = parseArgs(argv);
    } catch (error) {
        out.stderr(`${(error as Error).message}\n`);
        return 2;
    }
    let head: PlanReport;
    try {
        head = await planReport(options.root, options.stack);
    } catch (error) {
        if (!(error instanceof StackFileError)) throw error;
        out.stderr(`${redact(oneLine(error.message))}\n`);
        return 1;
    }
    const { diffPlans, mandatoryViolations, renderDiff, renderPlan } = evaluation();
    const failed = Boolean(head.error) || mandatoryViolations(head).length > 0;
    // Every format reaches a terminal, a job summary or a PR comment: no credential leaves unmasked.
    if (options.format === "json") {
        out.stdout(`${redact(JSON.stringify(head))}\n`);
        return failed ? 1 : 0;
    }
    let output = renderPlan(head, options.format);
    if (options.base) {
        let base: PlanReport;
        try {
            base = await planAtRef(options.root, options.base, options.stack);
        } catch (error) {
            if (!(error instanceof BaseRefError)) throw error;
            out.stderr(`${redact(oneLine(error.message))}\n`);
            return 2;
        }
        output = `${renderDiff(diffPlans(base, head), options.stack, options.base, options.format)}\n${output}`;
    }
    out.stdout(redact(output));
    return failed ? 1 : 0;
}
