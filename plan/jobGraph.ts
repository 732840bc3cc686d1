/**
 * The production jobs' task graphs, read back from the declared Job
 * resources (what pulumi up would send), for the plan: text lists each
 * task's nodes and upstream tasks; Markdown draws each job as a Mermaid
 * flowchart, which GitHub renders in the PR comment; JSON carries the graph.
 * Node, dataset and pipeline names come from a file a pull request can
 * change: in a Mermaid label every character but a safe few is written as
 * its entity code, and ids are generated, so no name can leave its label,
 * the graph, the fence or the comment, nor inject markup or links.
 */
import type { PlannedResource } from "./evaluate";
import { codeSpan } from "./markdown";
import { oneLine } from "../lib/text";

export interface GraphTask {
    key: string;
    /** The Kedro nodes it runs; empty: the whole pipeline. */
    nodes: string[];
    dependsOn: string[];
    /** Why its nodes share it, as the job says. */
    description?: string;
}

export interface JobGraph {
    /** The Job resource's name. */
    job: string;
    pipeline: string;
    tasks: GraphTask[];
}

const JOB = "databricks:index/job:Job";

/** The argument after a flag in a task's parameters. */
const argumentOf = (parameters: unknown[], flag: string) => {
    const index = parameters.indexOf(flag);
    return index >= 0 && typeof parameters[index + 1] === "string" ? (parameters[index + 1] as string) : undefined;
};

/** Every declared job of python_wheel_task tasks, as its graph. */
export function jobGraphsOf(resources: readonly PlannedResource[]): JobGraph[] {
    return resources
        .filter((resource) => resource.type === JOB && (resource.inputs.tasks ?? []).some((task: any) => task.pythonWheelTask))
        .map((resource) => {
            const tasks: any[] = resource.inputs.tasks;
            const parameters = (task: any): unknown[] => task.pythonWheelTask?.parameters ?? [];
            return {
                job: resource.name,
                pipeline: argumentOf(parameters(tasks[0]), "--pipeline") ?? "",
                tasks: tasks.map((task) => ({
                    key: task.taskKey,
                    nodes: (argumentOf(parameters(task), "--nodes") ?? "").split(",").filter((node) => node !== ""),
                    dependsOn: (task.dependsOns ?? []).map((dep: any) => dep.taskKey),
                    description: task.description,
                })),
            };
        });
}

/** A Mermaid label's text: letters, digits and a few safe marks as they are; every other character as its entity code. */
export function mermaidLabel(text: string): string {
    return `"${[...oneLine(text)].map((char) => (/[A-Za-z0-9 _.\-:]/.test(char) ? char : `#${char.codePointAt(0)};`)).join("")}"`;
}

/** A job as a Mermaid flowchart in its own fence: generated ids, escaped labels. */
function mermaidFlowchart(graph: JobGraph): string[] {
    const ids = new Map(graph.tasks.map((task, index) => [task.key, `t${index}`]));
    const lines = ["```mermaid", "flowchart LR"];
    for (const task of graph.tasks) {
        const label = task.nodes.length > 1 ? `${task.key} (${task.nodes.length} nodes)` : task.key;
        lines.push(`    ${ids.get(task.key)}[${mermaidLabel(label)}]`);
    }
    for (const task of graph.tasks)
        for (const dep of task.dependsOn) if (ids.has(dep)) lines.push(`    ${ids.get(dep)} --> ${ids.get(task.key)}`);
    lines.push("```");
    return lines;
}

/** One task as a line: its nodes, its upstream tasks, and why its nodes share it. In Markdown every name is a code span. */
function taskLine(task: GraphTask, md: boolean): string {
    const names = (values: string[]) => (md ? values.map(codeSpan).join(", ") : oneLine(values.join(", ")));
    const nodes = task.nodes.length > 0 ? names(task.nodes) : "the whole pipeline";
    const upstream = task.dependsOn.length > 0 ? ` ← ${names(task.dependsOn)}` : "";
    const joined = task.description?.includes("Joined:") ? task.description.slice(task.description.indexOf("Joined:")) : undefined;
    const why = joined === undefined ? "" : md ? ` — ${codeSpan(joined)}` : `\n      ${oneLine(joined)}`;
    return `${md ? "- " : "  task "}${md ? codeSpan(task.key) : task.key}: ${nodes}${upstream}${why}`;
}

/** The plan's Jobs section: each job's tasks with their nodes and upstream tasks, and in Markdown its flowchart. */
export function jobGraphLines(graphs: readonly JobGraph[], format: "text" | "markdown"): string[] {
    const md = format === "markdown";
    return graphs.flatMap((graph) => [
        md
            ? `\n${codeSpan(graph.job)} (pipeline ${codeSpan(graph.pipeline)}, ${graph.tasks.length} tasks)\n`
            : `job ${graph.job} (pipeline ${graph.pipeline})`,
        ...(md ? [...mermaidFlowchart(graph), ""] : []),
        ...graph.tasks.map((task) => taskLine(task, md)),
    ]);
}

/** The tasks a job gained and lost between two plans, by job and task key. */
export function taskChanges(
    before: readonly JobGraph[],
    after: readonly JobGraph[],
): Array<{ job: string; task: string; sign: "+" | "-" }> {
    const keys = (graphs: readonly JobGraph[]) => new Map(graphs.map((graph) => [graph.job, new Set(graph.tasks.map((task) => task.key))]));
    const [old, current] = [keys(before), keys(after)];
    const changes: Array<{ job: string; task: string; sign: "+" | "-" }> = [];
    for (const [job, tasks] of current)
        for (const task of tasks) if (old.has(job) && !old.get(job)!.has(task)) changes.push({ job, task, sign: "+" });
    for (const [job, tasks] of old)
        for (const task of tasks) if (current.has(job) && !current.get(job)!.has(task)) changes.push({ job, task, sign: "-" });
    return changes;
}
