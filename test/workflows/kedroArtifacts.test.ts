/** The Kedro artifacts a wheel stack's delivery builds: what, at which commit, with which command, and how they reach the Pulumi job. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { KedroBuildError, kedroBuildOf, kedroBuildOutputs } from "../../plan/kedroBuild";
import { STACK, projectWith } from "../plan/planHarness";
import { tempDir } from "../tempDirs";

const root = join(__dirname, "..", "..");
const workflow = parse(readFileSync(join(root, ".github", "workflows", "kedro-artifacts.yml"), "utf8"));
const build = workflow.jobs.build;
const step = (name: string) => build.steps.find((candidate: any) => candidate.name === name);
const SHA = "c0ffee0000000000000000000000000000000001";
const WHEEL = [
    "  databricks-kedro-stack:job: true",
    "  databricks-kedro-stack:sparkVersion: 15.4.x-scala2.12",
    "  databricks-kedro-stack:jobSource: wheel",
    "  databricks-kedro-stack:kedroSnapshot: kedro-dist/snapshot.json",
    "  databricks-kedro-stack:kedroWheel: kedro-dist/iris-0.1-py3-none-any.whl",
    "",
].join("\n");

describe("what a stack builds", () => {
    test("a wheel stack: its GitHub repository at the deployed commit, on its runtime's Python, to its keys' paths", () => {
        const dir = projectWith({ w: STACK(WHEEL) });
        expect(kedroBuildOf(dir, "w", SHA)).toEqual({
            jobSource: "wheel",
            repository: "acme/iris",
            ref: SHA,
            python: "3.11",
            snapshot: "kedro-dist/snapshot.json",
            wheel: "kedro-dist/iris-0.1-py3-none-any.whl",
            conf: "",
        });
        expect(kedroBuildOutputs(kedroBuildOf(dir, "w", SHA), "kedro-w-1-1")).toContain(`kedro-ref=${SHA}\n`);
    });

    test("a notebook stack builds nothing", () => {
        expect(kedroBuildOf(projectWith({ n: STACK("  databricks-kedro-stack:job: true\n") }), "n", SHA)).toEqual({ jobSource: "notebook" });
        expect(kedroBuildOutputs({ jobSource: "notebook" }, "x")).toBe("job-source=notebook\nartifact=\n");
    });

    test.each([
        ["no commit to build", "", /builds the commit it deploys/],
        ["a path outside the repository", SHA, /outside the repository/],
    ])("%s is refused in one line", (_label, commit, message) => {
        const extra = commit ? WHEEL.replace("kedro-dist/snapshot.json", "../elsewhere/snapshot.json") : WHEEL;
        const dir = projectWith({ w: STACK(extra) });
        expect(() => kedroBuildOf(dir, "w", commit)).toThrow(KedroBuildError);
        expect(() => kedroBuildOf(dir, "w", commit)).toThrow(message);
    });
});

describe("the build job", () => {
    test("runs only for a wheel stack, after the deployed commit is known", () => {
        expect(build.if).toBe("always() && needs.spec.outputs.job-source == 'wheel' && (inputs.git-commit != '' || needs.commit.result == 'success')");
        expect(workflow.jobs.commit).toMatchObject({ if: "needs.spec.outputs.job-source == 'wheel' && inputs.git-commit == ''", with: { command: "output" } });
        expect(step("What the stack builds, at the deployed commit").env.GIT_COMMIT).toBe("${{ inputs.git-commit || needs.commit.outputs.repo-commit }}");
    });

    test("checks the Kedro project out at the deployed commit, sets up the runtime's Python, and builds with kedro package", () => {
        expect(step("The Kedro project at the deployed commit").with).toMatchObject({ ref: "${{ steps.spec.outputs.kedro-ref }}", token: "${{ steps.kedro-token.outputs.token }}", "persist-credentials": false });
        expect(step("The Python of the runtime the wheel runs on")).toMatchObject({ uses: expect.stringMatching(/^actions\/setup-python@[0-9a-f]{40}$/), with: { "python-version": "${{ steps.spec.outputs.python }}" } });
        expect(step("The wheel, the conf archive and the snapshot").run).toContain("kedro package\n");
    });

    test("writes the snapshot with the very command the production guide gives", () => {
        const guide = readFileSync(join(root, "docs", "running.md"), "utf8");
        const command = step("The wheel, the conf archive and the snapshot").run.split("\n").find((line: string) => line.startsWith("python -c"));
        expect(command).toMatch(/get_project_snapshot/);
        expect(guide).toContain(`\n${command}\n`);
    });

    test("hands the files and their hashes to the Pulumi job as the artifact the spec names", () => {
        expect(step("Handed to the Pulumi job").with).toMatchObject({ name: "${{ steps.spec.outputs.artifact }}", "if-no-files-found": "error" });
        expect(step("Handed to the Pulumi job").with.path.split("\n")).toEqual(expect.arrayContaining(["kedro-artifacts.sha256", "${{ steps.spec.outputs.wheel }}", "${{ steps.place.outputs.conf }}"]));
    });
});

describe("placing the artifacts", () => {
    const place = (wheelKey: string) => {
        const dir = tempDir("kedro-place-");
        mkdirSync(join(dir, "kedro-project", "dist"), { recursive: true });
        for (const [file, text] of [["iris-0.1-py3-none-any.whl", "wheel"], ["conf-iris.tar.gz", "conf"], ["snapshot.json", "{}"]])
            writeFileSync(join(dir, "kedro-project", "dist", file), text);
        const output = join(dir, "github-output");
        const run = () =>
            execFileSync("bash", [join(root, ".github", "scripts", "place-kedro-artifacts.sh")], {
                cwd: dir,
                env: { ...process.env, SNAPSHOT: "kedro-dist/snapshot.json", WHEEL: wheelKey, CONF: "", GITHUB_OUTPUT: output },
                encoding: "utf8",
                stdio: "pipe",
            });
        return { dir, output, run };
    };

    test("puts each file at its key's path, the conf archive beside the wheel, with their sha256 checked as the Pulumi job checks them", () => {
        const { dir, output, run } = place("kedro-dist/iris-0.1-py3-none-any.whl");
        run();
        expect(readFileSync(join(dir, "kedro-dist", "iris-0.1-py3-none-any.whl"), "utf8")).toBe("wheel");
        expect(readFileSync(output, "utf8")).toBe("conf=kedro-dist/conf-iris.tar.gz\n");
        execFileSync("sha256sum", ["--check", "kedro-artifacts.sha256"], { cwd: dir, stdio: "pipe" });
    });

    test("a wheel key that is not the built file's name is refused, with the command that fixes it: pip reads the version from the name", () => {
        const { dir, run } = place("kedro-dist/iris-0.2-py3-none-any.whl");
        let said = "";
        try {
            run();
        } catch (error) {
            said = String((error as { stdout?: string }).stdout);
        }
        expect(said).toContain("::error title=The Kedro build::kedroWheel names iris-0.2-py3-none-any.whl, but kedro package built iris-0.1-py3-none-any.whl");
        expect(said).toContain("pulumi config set kedroWheel kedro-dist/iris-0.1-py3-none-any.whl");
        expect(existsSync(join(dir, "kedro-artifacts.sha256"))).toBe(false);
    });
});
