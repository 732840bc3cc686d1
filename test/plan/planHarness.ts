/** The offline plan's test helpers: the program with stack files of a test's own, and the CLI run in this process. */
import { execFileSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../plan/cli";
import { tempDir } from "../tempDirs";

export const root = join(__dirname, "..", "..");
const PROGRAM = ["index.ts", "config", "lib", "components", "Pulumi.yaml", "tsconfig.json", "package.json"];
const FIXTURE_STACKS = join(__dirname, "..", "fixtures", "stacks");
const fixture = (stack: string) => readFileSync(join(FIXTURE_STACKS, `Pulumi.${stack}.yaml`), "utf8");

/**
 * The program with the given stack files: links to this checkout's program,
 * and, with git, a repository whose first commit holds them. A --base worktree
 * then checks the links out again, so both plans run the same program (these
 * tests change stack files) and this process loads it once.
 */
export function projectWith(stacks: Record<string, string>, options: { git?: boolean } = {}): string {
    const dir = tempDir("kedro-plan-test-");
    for (const entry of PROGRAM) symlinkSync(join(root, entry), join(dir, entry));
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    for (const [stack, text] of Object.entries(stacks)) writeFileSync(join(dir, `Pulumi.${stack}.yaml`), text);
    if (options.git) {
        const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
        git("init", "-q");
        writeFileSync(join(dir, ".gitignore"), "node_modules\n");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base");
    }
    return dir;
}

/** The dev and prod stacks as committed when this suite was written, not as a user has since edited them. */
export const committedStacks = () => projectWith({ dev: fixture("dev"), prod: fixture("prod") });

/** npm run plan, in this process, with a DATABRICKS_HOST in the environment that must not reach the plan. */
export async function plan(args: string[]) {
    let stdout = "";
    let stderr = "";
    const saved = process.env.DATABRICKS_HOST;
    process.env.DATABRICKS_HOST = "https://ignored.cloud.databricks.com";
    try {
        const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
        return { code, stdout, stderr };
    } finally {
        if (saved === undefined) delete process.env.DATABRICKS_HOST;
        else process.env.DATABRICKS_HOST = saved;
    }
}

/** A workspace host of each cloud, as the stack's databricks:host must be. */
export const HOSTS = {
    aws: "https://dbc-1.cloud.databricks.com",
    azure: "https://adb-1.2.azuredatabricks.net",
    gcp: "https://1.2.gcp.databricks.com",
};

export const STACK = (extra: string, cloud: keyof typeof HOSTS = "aws") =>
    `config:\n  databricks:host: ${HOSTS[cloud]}\n  databricks-kedro-stack:cloud: ${cloud}\n  databricks-kedro-stack:gitUrl: https://github.com/acme/iris.git\n  databricks-kedro-stack:gitUsername: bot\n  databricks-kedro-stack:gitToken:\n    secure: AAABAMZ+fakeciphertext\n${extra}`;
