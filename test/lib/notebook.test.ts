import { CELL_SEPARATOR, NOTEBOOK_HEADER, includesKedroViz, notebookCells, renderKedroNotebook } from "../../lib/notebook";

const PACKAGES = ["kedro==0.18.7", "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0", "kedro-viz"];
const ROOT = "/Workspace/Repos/alice@example.com/iris-databricks-dev";

describe("renderKedroNotebook", () => {
    test("reproduces the tutorial's cells in SOURCE format", () => {
        expect(renderKedroNotebook({ packages: PACKAGES, installInNotebook: true, projectRoot: ROOT })).toBe(
            [
                "# Databricks notebook source",
                '# MAGIC %pip install "kedro==0.18.7" "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0" "kedro-viz"',
                "",
                "# COMMAND ----------",
                "",
                "# MAGIC %load_ext kedro.ipython",
                "",
                "# COMMAND ----------",
                "",
                `# MAGIC %reload_kedro ${ROOT}`,
                "",
                "# COMMAND ----------",
                "",
                "session.run()",
                "",
                "# COMMAND ----------",
                "",
                "# MAGIC %run_viz",
                "",
            ].join("\n"),
        );
    });

    test("runtimes from 13 on restart Python right after %pip, before Kedro loads", () => {
        const cells = notebookCells({ packages: PACKAGES, installInNotebook: true, restartPython: true, projectRoot: ROOT });
        expect(cells.slice(0, 3)).toEqual([
            '# MAGIC %pip install "kedro==0.18.7" "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0" "kedro-viz"',
            "dbutils.library.restartPython()",
            "# MAGIC %load_ext kedro.ipython",
        ]);
        // No %pip, nothing to restart for.
        expect(notebookCells({ packages: PACKAGES, installInNotebook: false, restartPython: true, projectRoot: ROOT })).not.toContain("dbutils.library.restartPython()");
    });

    test("with cluster libraries there is no %pip cell", () => {
        const cells = notebookCells({ packages: PACKAGES, installInNotebook: false, projectRoot: ROOT });
        expect(cells.some((cell) => cell.includes("%pip"))).toBe(false);
        expect(cells[0]).toBe("# MAGIC %load_ext kedro.ipython");
        expect(cells).toHaveLength(4);
    });

    test("without kedro-viz there is no %run_viz cell", () => {
        const cells = notebookCells({ packages: ["kedro==0.18.7"], installInNotebook: true, projectRoot: ROOT });
        expect(cells.some((cell) => cell.includes("%run_viz"))).toBe(false);
        expect(cells).toHaveLength(4);
    });

    test("the header is first and cells are separated by COMMAND markers", () => {
        const source = renderKedroNotebook({ packages: PACKAGES, installInNotebook: true, projectRoot: ROOT });
        expect(source.startsWith(`${NOTEBOOK_HEADER}\n`)).toBe(true);
        expect(source.split(CELL_SEPARATOR)).toHaveLength(5);
    });
});

test.each([
    [["kedro-viz"], true],
    [["kedro_viz==6.0"], true],
    [["Kedro-Viz>=6"], true],
    [["kedro-vizard"], false],
    [["kedro"], false],
])("includesKedroViz(%j) is %s", (packages, expected) => expect(includesKedroViz(packages)).toBe(expected));

describe("no config value changes the notebook's code", () => {
    const { ConfigError, validateStackConfig } = require("../../config") as typeof import("../../config");
    const { workspacePathOf } = require("../../lib/naming") as typeof import("../../lib/naming");
    const fc = require("fast-check") as typeof import("fast-check");
    const pieces = ["{", "}", "$", "'", '"', "\n", "\r", ";", "|", "`", " ", "\\", "%", "!", "#", "a", "-", "dev", "/", "==", "kedro", "[", "]", "\u001b"];
    const hostile = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
    // The only lines the notebook may have, whatever the config: the template's.
    const allowedLine = /^(# Databricks notebook source|# COMMAND ----------|# MAGIC %pip install( "[^"$\n{}]+")+|dbutils\.library\.restartPython\(\)|# MAGIC %load_ext kedro\.ipython|# MAGIC %reload_kedro \/Workspace\/Repos\/[A-Za-z0-9._@+\/-]+|session\.run\(\)|# MAGIC %run_viz|)$/;

    test("property: a hostile repoPath or package is refused, or renders only template lines", () => {
        fc.assert(
            fc.property(hostile, hostile, (pathPart, packagePart) => {
                const raw = { cloud: "aws", gitUrl: "https://github.com/acme/iris.git", gitUsername: "alice", repoPath: `/Repos/team/${pathPart}-dev`, kedroPackages: JSON.stringify([`kedro${packagePart}`]) };
                let settings;
                try {
                    settings = validateStackConfig(raw, { project: "p", stack: "dev", hasGitToken: true, today: new Date("2026-11-24") }).settings;
                } catch (error) {
                    return error instanceof ConfigError;
                }
                const source = renderKedroNotebook({ packages: settings.kedro.packages, installInNotebook: true, projectRoot: workspacePathOf(settings.repoPath!) });
                return source.split("\n").every((line) => allowedLine.test(line));
            }),
            { numRuns: 500 },
        );
    });

    test("the renderer itself refuses a project root or a package that could hold code", () => {
        expect(() => renderKedroNotebook({ packages: PACKAGES, installInNotebook: true, projectRoot: "/Workspace/Repos/a/{os.system('id')}" })).toThrow(/Refusing to render the project root/);
        expect(() => renderKedroNotebook({ packages: ['kedro" ; rm -rf / ; "'], installInNotebook: true, projectRoot: ROOT })).toThrow(/Refusing to render/);
    });
});

describe("renderKedroJobNotebook", () => {
    const { JOB_NOTEBOOK_PARAMETERS, renderKedroJobNotebook } = require("../../lib/notebook") as typeof import("../../lib/notebook");
    const JOB_ROOT = `${ROOT}-job`;
    const cells = () => renderKedroJobNotebook({ projectRoot: JOB_ROOT, defaultPipeline: "__default__" }).slice(NOTEBOOK_HEADER.length + 1).split(CELL_SEPARATOR);

    test("declares its parameters first, with the default pipeline", () => {
        expect(cells()[0]).toBe(
            ['dbutils.widgets.text("pipeline", "__default__")', 'dbutils.widgets.text("deployed_commit", "")', 'dbutils.widgets.text("repo_id", "")'].join("\n"),
        );
        expect(Object.values(JOB_NOTEBOOK_PARAMETERS)).toEqual(["pipeline", "deployed_commit", "repo_id"]);
    });

    test("refuses to run unless the Repo holds the deployed commit, before Kedro loads", () => {
        const [, guard, load, reload, run] = cells();
        expect(guard).toContain('head_commit = WorkspaceClient().repos.get(int(dbutils.widgets.get("repo_id"))).head_commit_id');
        expect(guard).toMatch(/if head_commit != deployed_commit:\n {4}raise RuntimeError\(/);
        expect([load, reload]).toEqual(["# MAGIC %load_ext kedro.ipython", `# MAGIC %reload_kedro ${JOB_ROOT}`]);
        expect(run).toBe('session.run(pipeline_name=dbutils.widgets.get("pipeline"))\n');
    });

    test("the pipeline is a parameter, never code: only a validated default is rendered", () => {
        expect(() => renderKedroJobNotebook({ projectRoot: JOB_ROOT, defaultPipeline: '"); import os; ("' })).toThrow(/Refusing to render the pipeline/);
        expect(() => renderKedroJobNotebook({ projectRoot: "/Workspace/Repos/a/$(id)", defaultPipeline: "__default__" })).toThrow(/Refusing to render the project root/);
    });
});
