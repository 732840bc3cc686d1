/**
 * What the job runs (jobSource) and which pipelines (jobPipelines): the
 * tutorial's notebook runs one pipeline; the packaged project's wheel runs
 * a job per pipeline, checked and planned by rules/production.
 */
import { configSetListCommand, projectKey } from "../errors";
import { cliDefault } from "../keyTable";
import type { Reporter } from "../reporter";
import type { ProjectFiles } from "../types";
import { parseStringList } from "../values";
import { type ProductionJob, readProductionJob } from "./production";

/** A Kedro pipeline name as `kedro run --pipeline` takes it: a registry key such as __default__ or data_science. */
const PIPELINE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

/** The pipeline a job runs when none is named. */
export const DEFAULT_PIPELINES: readonly string[] = ["__default__"];

export interface JobSourceContext {
    stack: string;
    compute: "classic" | "serverless";
    sparkVersion: string;
    files?: ProjectFiles;
}

/** The wheel job's keys set with jobSource notebook, which nothing reads: said, not applied. */
function warnWheelKeysIgnored(report: Reporter): void {
    const wheelKeys = ["jobTasks", "kedroSnapshot", "kedroWheel", "kedroConf"] as const;
    const ignored = wheelKeys.filter((name) => report.get(name) !== undefined && report.get(name) !== cliDefault(name));
    if (ignored.length > 0)
        report.warn(
            `${ignored.map(projectKey).join(", ")} ${ignored.length === 1 ? "is" : "are"} ignored: jobSource is notebook, not wheel.`,
        );
}

/** jobPipelines: pipeline names as kedro run --pipeline takes them; the notebook job runs one. */
function readPipelines(report: Reporter, source: "notebook" | "wheel", stack: string): readonly string[] {
    const raw = report.get("jobPipelines");
    if (raw === undefined || raw === "[]") return DEFAULT_PIPELINES;
    const listed = parseStringList(raw);
    const named = listed?.filter((name) => PIPELINE_NAME.test(name)) ?? [];
    const fixList = (names: readonly string[]) =>
        configSetListCommand(projectKey("jobPipelines"), names.length > 0 ? names : DEFAULT_PIPELINES, stack);
    if (listed === undefined || listed.length === 0 || named.length < listed.length || new Set(listed).size < listed.length) {
        const allowed =
            "a list of Kedro pipeline names as kedro run --pipeline takes them, each once: letters, digits and _ . -, e.g. __default__";
        report.problem("jobPipelines", raw, allowed, "", { fix: fixList([...new Set(named)]) });
        return DEFAULT_PIPELINES;
    }
    if (source === "notebook" && listed.length > 1) {
        const allowed =
            "one pipeline with jobSource notebook, whose job runs one (a run may pass another); jobSource wheel makes a job per pipeline";
        report.problem("jobPipelines", raw, allowed, "", { fix: fixList(listed.slice(0, 1)) });
    }
    return listed;
}

/** jobSource, jobPipelines and, with wheel, the production job. */
export function readJobSource(
    report: Reporter,
    ctx: JobSourceContext,
): { source: "notebook" | "wheel"; pipelines: readonly string[]; production?: ProductionJob } {
    const source = report.choice("jobSource");
    if (source === "notebook") warnWheelKeysIgnored(report);
    const pipelines = readPipelines(report, source, ctx.stack);
    const production = source === "wheel" ? readProductionJob(report, { ...ctx, pipelines }) : undefined;
    return { source, pipelines, production };
}
