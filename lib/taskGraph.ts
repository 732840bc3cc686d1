/**
 * A Kedro pipeline as Databricks job tasks: nodes grouped by the chosen size
 * (one task per node, per top-level namespace as Kedro's
 * `Pipeline.group_nodes_by("namespace")` groups them, or one for the whole
 * pipeline), then joined where the data demands it. A dataset with no catalog
 * entry is a MemoryDataset, alive in one Python process only: its producer
 * and consumers always share a task. Joining can close a cycle between tasks
 * (A feeds B in memory, B feeds A through the catalog); every cycle's tasks
 * are joined too, so the job's graph stays acyclic. Pure: the plan shows
 * what it joined and why.
 */
import { type SnapshotNode, isParameter } from "./kedroSnapshot";

export type TaskSize = "node" | "namespace" | "pipeline";

/** Why nodes share a task beyond the size asked for. */
export type Join = { kind: "memory"; dataset: string; producer: string; consumer: string } | { kind: "cycle"; groups: string[] };

export interface PlannedTask {
    /** The group the task is named after: its first node's (a node, a top-level namespace, the pipeline). */
    name: string;
    /** Its nodes, in the pipeline's topological order. */
    nodes: string[];
    /** The names of the tasks whose outputs it reads through the catalog, sorted. */
    dependsOn: string[];
}

export interface TaskGraph {
    tasks: PlannedTask[];
    joins: Join[];
}

/** Union-find over node indexes, each set remembering its smallest index (the first node in topological order). */
class Groups {
    private readonly parent: number[];
    constructor(size: number) {
        this.parent = Array.from({ length: size }, (_, index) => index);
    }
    find(index: number): number {
        while (this.parent[index] !== index) {
            this.parent[index] = this.parent[this.parent[index]];
            index = this.parent[index];
        }
        return index;
    }
    union(a: number, b: number): boolean {
        const [rootA, rootB] = [this.find(a), this.find(b)];
        if (rootA === rootB) return false;
        this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        return true;
    }
}

/** The group a node starts in, as the size asks. */
function initialGroupName(node: SnapshotNode, size: TaskSize, pipeline: string): string {
    if (size === "pipeline") return pipeline;
    if (size === "namespace" && node.namespace) return node.namespace.split(".")[0];
    return node.name;
}

/** Every edge from a producing node to a consuming node, by the dataset between them (parameters are not datasets). */
function dataEdges(nodes: readonly SnapshotNode[]): Array<{ dataset: string; from: number; to: number }> {
    const producers = new Map<string, number[]>();
    nodes.forEach((node, index) => node.outputs.forEach((output) => producers.set(output, [...(producers.get(output) ?? []), index])));
    return nodes.flatMap((node, to) =>
        node.inputs
            .filter((input) => !isParameter(input))
            .flatMap((dataset) => (producers.get(dataset) ?? []).map((from) => ({ dataset, from, to }))),
    );
}

/** Strongly connected components of a graph over `roots` (Tarjan's), as lists of roots; singletons included. */
function components(roots: number[], successors: Map<number, Set<number>>): number[][] {
    const index = new Map<number, number>();
    const low = new Map<number, number>();
    const stack: number[] = [];
    const onStack = new Set<number>();
    const found: number[][] = [];
    let counter = 0;
    const visit = (root: number): void => {
        index.set(root, counter);
        low.set(root, counter++);
        stack.push(root);
        onStack.add(root);
        for (const next of successors.get(root) ?? []) {
            if (!index.has(next)) {
                visit(next);
                low.set(root, Math.min(low.get(root)!, low.get(next)!));
            } else if (onStack.has(next)) low.set(root, Math.min(low.get(root)!, index.get(next)!));
        }
        if (low.get(root) !== index.get(root)) return;
        const component: number[] = [];
        let member: number;
        do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
        } while (member !== root);
        found.push(component);
    };
    for (const root of roots) if (!index.has(root)) visit(root);
    return found;
}

/**
 * The tasks of a pipeline: `nodes` in topological order (as the snapshot
 * lists them), `persisted` the catalog's dataset names.
 */
export function planTasks(nodes: readonly SnapshotNode[], persisted: ReadonlySet<string>, size: TaskSize, pipeline: string): TaskGraph {
    const groups = new Groups(nodes.length);
    const joins: Join[] = [];
    const firstOfGroup = new Map<string, number>();
    nodes.forEach((node, index) => {
        const name = initialGroupName(node, size, pipeline);
        if (firstOfGroup.has(name)) groups.union(firstOfGroup.get(name)!, index);
        else firstOfGroup.set(name, index);
    });
    const edges = dataEdges(nodes);
    for (const edge of edges) {
        if (persisted.has(edge.dataset) || groups.find(edge.from) === groups.find(edge.to)) continue;
        groups.union(edge.from, edge.to);
        joins.push({ kind: "memory", dataset: edge.dataset, producer: nodes[edge.from].name, consumer: nodes[edge.to].name });
    }
    // Joining in memory can close a cycle through the catalog: join every cycle's groups as well.
    const successors = new Map<number, Set<number>>();
    for (const { from, to } of edges) {
        const [a, b] = [groups.find(from), groups.find(to)];
        if (a !== b) successors.set(a, new Set([...(successors.get(a) ?? []), b]));
    }
    const roots = [...new Set(nodes.map((_, index) => groups.find(index)))];
    for (const cycle of components(roots, successors).filter((component) => component.length > 1)) {
        const sorted = [...cycle].sort((a, b) => a - b);
        joins.push({ kind: "cycle", groups: sorted.map((root) => initialGroupName(nodes[root], size, pipeline)) });
        sorted.slice(1).forEach((root) => groups.union(sorted[0], root));
    }
    return { tasks: tasksOf(nodes, groups, edges, size, pipeline), joins };
}

/** The tasks once the groups are final: named after their first node's group, in the order their first nodes run. */
function tasksOf(
    nodes: readonly SnapshotNode[],
    groups: Groups,
    edges: ReturnType<typeof dataEdges>,
    size: TaskSize,
    pipeline: string,
): PlannedTask[] {
    const byRoot = new Map<number, PlannedTask>();
    nodes.forEach((node, index) => {
        const root = groups.find(index);
        if (!byRoot.has(root)) byRoot.set(root, { name: initialGroupName(nodes[root], size, pipeline), nodes: [], dependsOn: [] });
        byRoot.get(root)!.nodes.push(node.name);
    });
    for (const { from, to } of edges) {
        const [producer, consumer] = [byRoot.get(groups.find(from))!, byRoot.get(groups.find(to))!];
        if (producer !== consumer && !consumer.dependsOn.includes(producer.name)) consumer.dependsOn.push(producer.name);
    }
    for (const task of byRoot.values()) task.dependsOn.sort();
    return [...byRoot.values()];
}
