/**
 * jobSource: wheel, checked before anything is declared: the snapshot and the
 * wheel exist and are what they claim (the wheel's own METADATA and
 * entry_points.txt), they are of one project, the wheel installs on the
 * compute's Python with the Kedro the snapshot was made with, every pipeline
 * asked for is registered and has nodes, and each job's tasks fit the Jobs
 * API (keys, count). The task graph itself is lib/taskGraph's.
 */
import { createHash } from "node:crypto";
import { basename, dirname, isAbsolute, join } from "node:path";
import { nearest } from "../../lib/editDistance";
import { type KedroSnapshot, readKedroSnapshot } from "../../lib/kedroSnapshot";
import { pythonOfRuntime } from "../../lib/runtime";
import { DEFAULT_SERVERLESS_ENVIRONMENT } from "../../lib/serverless";
import { type Join, type TaskSize, planTasks } from "../../lib/taskGraph";
import { MAX_TASKS_PER_JOB, taskKeysFor } from "../../lib/taskKeys";
import {
    type WheelMetadata,
    fitsPython,
    kedroEntryPoint,
    kedroRequirement,
    kedroVersionFits,
    normalizedName,
    readWheel,
} from "../../lib/wheel";
import { configSetListCommand, projectKey } from "../errors";
import type { Reporter } from "../reporter";
import type { ProjectFiles } from "../types";

export interface Artifact {
    /** As the key gives it, and resolved against the folder of Pulumi.yaml. */
    path: string;
    absolutePath: string;
    fileName: string;
    sha256: string;
    /** The bytes, for the upload: inline, so the state does not hold a path on the deploying machine. */
    contentBase64: string;
}

export interface ProductionTask {
    key: string;
    /** The node, namespace or pipeline it is named after. */
    name: string;
    nodes: string[];
    /** Task keys. */
    dependsOn: string[];
}

export interface ProductionPipelineJob {
    pipeline: string;
    /** In task-key order: the provider reads tasks back sorted by key, so any other order never converges. */
    tasks: ProductionTask[];
    joins: Join[];
}

export interface ProductionJob {
    packageName: string;
    entryPoint: string;
    version: string;
    kedroVersion: string;
    /** The size of a task asked for (jobTasks). */
    taskSize: TaskSize;
    snapshot: Artifact;
    wheel: Artifact;
    conf: Artifact;
    jobs: ProductionPipelineJob[];
}

export interface ProductionContext {
    compute: "classic" | "serverless";
    sparkVersion: string;
    pipelines: readonly string[];
    files?: ProjectFiles;
    stack: string;
    /** kedroSnapshot as given, for problems with what it holds. */
    snapshotPath?: string;
}

/** A file a key names, read relative to the project; a problem naming the key when it is not there. */
function readArtifact(r: Reporter, key: "kedroSnapshot" | "kedroWheel" | "kedroConf", path: string, files: ProjectFiles) {
    const absolutePath = isAbsolute(path) ? path : join(files.root, path);
    const bytes = files.read(absolutePath);
    if (bytes === undefined) {
        r.problem(key, path, `a file that exists: ${absolutePath} does not (a path is read from the folder of Pulumi.yaml)`, path);
        return undefined;
    }
    const artifact: Artifact = {
        path,
        absolutePath,
        fileName: basename(absolutePath),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        contentBase64: Buffer.from(bytes).toString("base64"),
    };
    return { artifact, bytes };
}

/** The Python the wheel must install on: the runtime's, or the serverless environment's. */
function targetPython(ctx: ProductionContext): { python?: string; label: string } {
    if (ctx.compute === "serverless")
        return { python: DEFAULT_SERVERLESS_ENVIRONMENT.python, label: `serverless environment ${DEFAULT_SERVERLESS_ENVIRONMENT.version}` };
    return { python: pythonOfRuntime(ctx.sparkVersion), label: ctx.sparkVersion };
}

/** The wheel against the snapshot: one project, its entry point, its Python, its Kedro. */
function checkWheel(r: Reporter, path: string, wheel: WheelMetadata, snapshot: KedroSnapshot, ctx: ProductionContext): string | undefined {
    if (normalizedName(wheel.name) !== normalizedName(snapshot.packageName)) {
        r.problem(
            "kedroWheel",
            path,
            `the wheel of the project the snapshot describes, ${snapshot.packageName}; this one is ${wheel.name} ${wheel.version}`,
            path,
        );
        return undefined;
    }
    const entryPoint = kedroEntryPoint(wheel, snapshot.packageName);
    if (!entryPoint) {
        const target = `${snapshot.packageName}.__main__:main`;
        r.problem(
            "kedroWheel",
            path,
            `a wheel whose entry_points.txt has a console script running ${target}, as kedro package writes it`,
            path,
        );
        return undefined;
    }
    const { python, label } = targetPython(ctx);
    if (python !== undefined && !fitsPython(wheel, python)) {
        r.problem(
            "kedroWheel",
            path,
            `a wheel that installs on Python ${python} (${label}); its Requires-Python is ${wheel.requiresPython}`,
            path,
        );
        return undefined;
    }
    const kedro = kedroRequirement(wheel);
    if (kedro && !kedroVersionFits(kedro, snapshot.kedroVersion)) {
        r.problem(
            "kedroWheel",
            path,
            `a wheel built with the Kedro the snapshot was made with (${snapshot.kedroVersion}); it requires ${kedro}`,
            path,
        );
        return undefined;
    }
    return entryPoint;
}

/** The pipelines a fix names: each one asked for that has nodes, or the nearest name that has (data_sciense → data_science). */
function pipelinesMeant(asked: readonly string[], withNodes: readonly string[]): string[] {
    const meant = asked.flatMap((name) => (withNodes.includes(name) ? [name] : (nearest(name, withNodes) ?? [])));
    return meant.length > 0 ? [...new Set(meant)] : withNodes.slice(0, 1);
}

/** Each pipeline asked for as a job: registered, with nodes, its tasks planned and keyed, within the Jobs API's limit. */
function planJobs(r: Reporter, snapshot: KedroSnapshot, ctx: ProductionContext, size: TaskSize): ProductionPipelineJob[] | undefined {
    const withNodes = snapshot.pipelines.filter((pipeline) => pipeline.nodes.length > 0).map((pipeline) => pipeline.name);
    const jobs: ProductionPipelineJob[] = [];
    for (const name of ctx.pipelines) {
        const pipeline = snapshot.pipelines.find((candidate) => candidate.name === name);
        if (!pipeline || pipeline.nodes.length === 0) {
            const why = pipeline ? "has no nodes" : "is not registered";
            const allowed = `pipelines the snapshot registers with nodes (${withNodes.join(", ") || "none"}); ${name} ${why}`;
            const fix = configSetListCommand(projectKey("jobPipelines"), pipelinesMeant(ctx.pipelines, withNodes), ctx.stack);
            r.problem("jobPipelines", JSON.stringify(ctx.pipelines), allowed, "", { fix });
            return undefined;
        }
        // Kedro's --nodes splits its argument on commas; a control character could forge a line of the plan.
        const unfit = pipeline.nodes.find((node) => /[,\u0000-\u001f\u007f]/.test(node.name));
        if (unfit) {
            const allowed = `node names kedro run --nodes can take: no commas or control characters; ${JSON.stringify(unfit.name)} has one`;
            r.problem("kedroSnapshot", ctx.snapshotPath, allowed, ctx.snapshotPath ?? "");
            return undefined;
        }
        const graph = planTasks(pipeline.nodes, snapshot.datasets, size, name);
        if (graph.tasks.length > MAX_TASKS_PER_JOB) {
            const allowed = `a task size that gives at most ${MAX_TASKS_PER_JOB} tasks per job; ${name} would have ${graph.tasks.length}`;
            r.problem("jobTasks", size, allowed, "namespace");
            return undefined;
        }
        const keys = taskKeysFor(graph.tasks.map((task) => task.name));
        const tasks = graph.tasks.map((task) => ({
            key: keys.get(task.name)!,
            name: task.name,
            nodes: task.nodes,
            dependsOn: task.dependsOn.map((dep) => keys.get(dep)!).sort(),
        }));
        tasks.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        jobs.push({ pipeline: name, tasks, joins: graph.joins });
    }
    return jobs;
}

/** The production job's settings; undefined (with problems) when anything it needs is missing or wrong. */
export function readProductionJob(r: Reporter, ctx: ProductionContext): ProductionJob | undefined {
    const size = r.choice("jobTasks");
    const snapshotPath = r.get("kedroSnapshot");
    const wheelPath = r.get("kedroWheel");
    const needs = "with jobSource wheel: a path relative to the folder of Pulumi.yaml, or absolute";
    if (snapshotPath === undefined)
        r.problem("kedroSnapshot", undefined, `the project's snapshot JSON ${needs}`, "<kedro-dist/snapshot.json>");
    if (wheelPath === undefined)
        r.problem("kedroWheel", undefined, `the wheel kedro package wrote ${needs}`, "<kedro-dist/package-0.1-py3-none-any.whl>");
    if (snapshotPath === undefined || wheelPath === undefined) return undefined;
    if (!ctx.files) throw new Error("readProductionJob needs the project's files.");
    const snapshotFile = readArtifact(r, "kedroSnapshot", snapshotPath, ctx.files);
    const wheelFile = readArtifact(r, "kedroWheel", wheelPath, ctx.files);
    if (!snapshotFile || !wheelFile) return undefined;
    const snapshot = readKedroSnapshot(new TextDecoder().decode(snapshotFile.bytes));
    if ("problems" in snapshot) {
        r.problem(
            "kedroSnapshot",
            snapshotPath,
            `a snapshot as Kedro's inspection API writes it: ${snapshot.problems.join("; ")}`,
            snapshotPath,
        );
        return undefined;
    }
    const wheel = readWheel(wheelFile.bytes);
    if ("problem" in wheel) {
        r.problem("kedroWheel", wheelPath, `a wheel as kedro package writes it; this file is ${wheel.problem}`, wheelPath);
        return undefined;
    }
    const entryPoint = checkWheel(r, wheelPath, wheel.wheel, snapshot.snapshot, ctx);
    const confPath = r.get("kedroConf") ?? join(dirname(wheelPath), `conf-${snapshot.snapshot.packageName}.tar.gz`);
    const conf = readArtifact(r, "kedroConf", confPath, ctx.files);
    const jobs = planJobs(r, snapshot.snapshot, { ...ctx, snapshotPath }, size);
    if (!entryPoint || !conf || !jobs) return undefined;
    const { packageName, kedroVersion } = snapshot.snapshot;
    return {
        packageName,
        entryPoint,
        version: wheel.wheel.version,
        kedroVersion,
        taskSize: size,
        snapshot: snapshotFile.artifact,
        wheel: wheelFile.artifact,
        conf: conf.artifact,
        jobs,
    };
}
