/**
 * Renders the tutorial's step 7 and 8 notebook in Databricks SOURCE format:
 * a header line, cells separated by COMMAND markers, and `# MAGIC` in front of
 * every line of a magic-command cell.
 */
export const NOTEBOOK_HEADER = "# Databricks notebook source";
export const CELL_SEPARATOR = "\n\n# COMMAND ----------\n\n";

export interface KedroNotebookSpec {
    /** pip requirement specifiers; installed by a %pip cell when `installInNotebook` is set. */
    packages: readonly string[];
    /** false when the packages are cluster libraries instead. */
    installInNotebook: boolean;
    /** Restart Python after %pip, as runtimes 13 and later need for the new packages to load. */
    restartPython?: boolean;
    /** `/Workspace/Repos/<user>/<repo>`, the Kedro project's root in the workspace. */
    projectRoot: string;
    /** Kedro runtime parameters (`${runtime_params:<key>}` in the project's config), such as the data volume's path. */
    runtimeParams?: Readonly<Record<string, string>>;
}

/** Requirement specifiers are validated upstream; quoting keeps `~=`, `>` and `[...]` away from the shell. */
function pipInstallLine(packages: readonly string[]): string {
    return `%pip install ${packages.map((spec) => `"${spec}"`).join(" ")}`;
}

function magicCell(...lines: string[]): string {
    return lines.map((line) => `# MAGIC ${line}`).join("\n");
}

/** Whether a requirement specifier is kedro-viz. */
export function isKedroViz(spec: string): boolean {
    return /^kedro[-_]viz\b/i.test(spec);
}

/** True when kedro-viz is among the packages, so that `%run_viz` exists. */
export function includesKedroViz(packages: readonly string[]): boolean {
    return packages.some(isKedroViz);
}

/**
 * One segment of a workspace path the notebook may render: letters, digits
 * and `. _ @ + -` (user names are e-mails). No spaces, quotes, `{ }` or `$`:
 * IPython expands `{…}` and `$name` in a line magic's arguments.
 */
export const SAFE_PATH_SEGMENT = /^[A-Za-z0-9._@+-]{1,128}$/;

export function isSafePathSegment(part: string): boolean {
    return SAFE_PATH_SEGMENT.test(part) && part !== "." && part !== "..";
}

/** An absolute path made only of safe segments. */
export function isSafeWorkspacePath(path: string): boolean {
    return path.startsWith("/") && path.slice(1).split("/").every(isSafePathSegment);
}
/** The project root goes into `%reload_kedro`, where IPython would expand `{…}` and `$name`. */
function refuseUnsafeProjectRoot(projectRoot: string): void {
    if (!isSafeWorkspacePath(projectRoot))
        throw new Error(`Refusing to render the project root ${JSON.stringify(projectRoot)} into %reload_kedro.`);
}

/** What a %pip argument may hold inside its double quotes. */
const SAFE_REQUIREMENT = /^[A-Za-z0-9._\-\[\], \t=<>~!*+]+$/;

/** A runtime parameter's key and value as --params takes them: no spaces, commas, `=` in values, quotes, `{ }` or `$`. */
const SAFE_PARAM_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAFE_PARAM_VALUE = /^[A-Za-z0-9_./@+-]+$/;

/** `%reload_kedro <root>`, with `--params k=v,…` when the run gets runtime parameters. */
function reloadKedroLine(projectRoot: string, runtimeParams: Readonly<Record<string, string>> = {}): string {
    refuseUnsafeProjectRoot(projectRoot);
    const params = Object.entries(runtimeParams);
    const unsafe = params.filter(([key, value]) => !SAFE_PARAM_KEY.test(key) || !SAFE_PARAM_VALUE.test(value));
    if (unsafe.length > 0) throw new Error(`Refusing to render the runtime parameters ${JSON.stringify(unsafe)} into %reload_kedro.`);
    const flag = params.length > 0 ? ` --params ${params.map(([key, value]) => `${key}=${value}`).join(",")}` : "";
    return `%reload_kedro ${projectRoot}${flag}`;
}

export function notebookCells(spec: KedroNotebookSpec): string[] {
    // Validated upstream; refused here too, so no value can ever become code in the notebook.
    refuseUnsafeProjectRoot(spec.projectRoot);
    const unsafe = spec.packages.filter((requirement) => !SAFE_REQUIREMENT.test(requirement));
    if (unsafe.length > 0) throw new Error(`Refusing to render ${JSON.stringify(unsafe)} into %pip.`);
    const cells: string[] = [];
    if (spec.installInNotebook) {
        cells.push(magicCell(pipInstallLine(spec.packages)));
        if (spec.restartPython) cells.push("dbutils.library.restartPython()");
    }
    cells.push(magicCell("%load_ext kedro.ipython"));
    cells.push(magicCell(reloadKedroLine(spec.projectRoot, spec.runtimeParams)));
    cells.push("session.run()");
    if (includesKedroViz(spec.packages)) cells.push(magicCell("%run_viz"));
    return cells;
}

export function renderKedroNotebook(spec: KedroNotebookSpec): string {
    return `${NOTEBOOK_HEADER}\n${notebookCells(spec).join(CELL_SEPARATOR)}\n`;
}

/** The job notebook's parameters: the job passes them, a run-now may override the pipeline. */
export const JOB_NOTEBOOK_PARAMETERS = { pipeline: "pipeline", deployedCommit: "deployed_commit", repoId: "repo_id" } as const;

export interface KedroJobNotebookSpec {
    /** `/Workspace/Repos/<user>/<repo>-job`, the job's own checkout of the project. */
    projectRoot: string;
    /** The widget's default; the job's parameter is what a run uses. */
    defaultPipeline: string;
    /** On serverless compute, which has no job libraries: the packages the notebook installs first, then restarts Python. */
    install?: readonly string[];
    runtimeParams?: Readonly<Record<string, string>>;
}

/**
 * The job's notebook: it refuses to run unless its Repo holds the deployed
 * commit, then runs the pipeline named by its parameter. No config value is
 * rendered into code but the validated project root and pipeline default,
 * which is quoted as a Python string literal.
 */
export function jobNotebookCells(spec: KedroJobNotebookSpec): string[] {
    refuseUnsafeProjectRoot(spec.projectRoot);
    if (!/^[A-Za-z0-9_.-]+$/.test(spec.defaultPipeline))
        throw new Error(`Refusing to render the pipeline ${JSON.stringify(spec.defaultPipeline)}.`);
    const { pipeline, deployedCommit, repoId } = JOB_NOTEBOOK_PARAMETERS;
    return [
        [
            `dbutils.widgets.text("${pipeline}", "${spec.defaultPipeline}")`,
            `dbutils.widgets.text("${deployedCommit}", "")`,
            `dbutils.widgets.text("${repoId}", "")`,
        ].join("\n"),
        [
            "# The Repos API checks out branches, not commits: run only if the Repo is where pulumi up left it.",
            "from databricks.sdk import WorkspaceClient",
            "",
            `deployed_commit = dbutils.widgets.get("${deployedCommit}")`,
            `head_commit = WorkspaceClient().repos.get(int(dbutils.widgets.get("${repoId}"))).head_commit_id`,
            "if head_commit != deployed_commit:",
            "    raise RuntimeError(f\"The job's Repo is at {head_commit}, not at the deployed commit {deployed_commit}: " +
                'deploy the commit to run with pulumi up.")',
        ].join("\n"),
        magicCell("%load_ext kedro.ipython"),
        magicCell(reloadKedroLine(spec.projectRoot, spec.runtimeParams)),
        `session.run(pipeline_name=dbutils.widgets.get("${pipeline}"))`,
    ];
}

/** The job notebook's cells, after a %pip cell and a Python restart when it installs its own packages (serverless). */
function jobNotebookWithInstall(spec: KedroJobNotebookSpec): string[] {
    const cells = jobNotebookCells(spec);
    if (!spec.install) return cells;
    const unsafe = spec.install.filter((requirement) => !SAFE_REQUIREMENT.test(requirement));
    if (unsafe.length > 0) throw new Error(`Refusing to render ${JSON.stringify(unsafe)} into %pip.`);
    return [magicCell(pipInstallLine(spec.install)), "dbutils.library.restartPython()", ...cells];
}

export function renderKedroJobNotebook(spec: KedroJobNotebookSpec): string {
    return `${NOTEBOOK_HEADER}\n${jobNotebookWithInstall(spec).join(CELL_SEPARATOR)}\n`;
}
