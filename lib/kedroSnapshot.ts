/**
 * A Kedro project's snapshot, as Kedro's inspection API writes it (Kedro
 * 1.4 on): `dataclasses.asdict(get_project_snapshot(path))` of the models in
 * kedro/inspection/models.py. ProjectSnapshot holds metadata (project_name,
 * package_name, kedro_version), pipelines (name, nodes in topological order,
 * inputs, outputs), datasets (the catalog's entries, factory patterns
 * resolved: name → {name, type, filepath}) and parameter keys. A dataset a
 * node uses with no catalog entry is a MemoryDataset at run time: it lives in
 * one Python process, so nodes joined by one must share a task.
 */

export interface SnapshotNode {
    name: string;
    namespace: string | null;
    inputs: string[];
    outputs: string[];
}

export interface SnapshotPipeline {
    name: string;
    nodes: SnapshotNode[];
}

export interface KedroSnapshot {
    projectName: string;
    packageName: string;
    kedroVersion: string;
    pipelines: SnapshotPipeline[];
    /** The catalog's dataset names: what persists between processes. */
    datasets: ReadonlySet<string>;
}

/** A parameter input, which Kedro feeds from configuration, never from another node. */
export function isParameter(input: string): boolean {
    return input === "parameters" || input.startsWith("params:");
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/** Reads one node, or says where its shape is wrong. */
function readNode(value: unknown, where: string, problems: string[]): SnapshotNode | undefined {
    if (!isRecord(value) || typeof value.name !== "string" || value.name === "") {
        problems.push(`${where} has no name`);
        return undefined;
    }
    const namespace = value.namespace ?? null;
    const inputs = value.inputs ?? [];
    const outputs = value.outputs ?? [];
    if ((namespace !== null && typeof namespace !== "string") || !isStringList(inputs) || !isStringList(outputs)) {
        problems.push(`${where} (${value.name}) needs a namespace of text or null, and inputs and outputs as lists of names`);
        return undefined;
    }
    return { name: value.name, namespace, inputs, outputs };
}

/** Reads one pipeline and its nodes. */
function readPipeline(value: unknown, index: number, problems: string[]): SnapshotPipeline | undefined {
    if (!isRecord(value) || typeof value.name !== "string" || !Array.isArray(value.nodes)) {
        problems.push(`pipelines[${index}] needs a name and a list of nodes`);
        return undefined;
    }
    const nodes = value.nodes.map((node, nodeIndex) => readNode(node, `pipelines[${index}].nodes[${nodeIndex}]`, problems));
    return nodes.every((node) => node !== undefined) ? { name: value.name, nodes: nodes as SnapshotNode[] } : undefined;
}

export type SnapshotReading = { snapshot: KedroSnapshot } | { problems: string[] };

/** Parses a snapshot's JSON text and checks its shape; every problem says where. */
export function readKedroSnapshot(text: string): SnapshotReading {
    let document: unknown;
    try {
        document = JSON.parse(text);
    } catch (error) {
        return { problems: [`not JSON: ${(error as Error).message}`] };
    }
    if (!isRecord(document)) return { problems: ["not a JSON object"] };
    const problems: string[] = [];
    const metadata = document.metadata;
    if (!isRecord(metadata) || ["project_name", "package_name", "kedro_version"].some((field) => typeof metadata[field] !== "string"))
        problems.push("metadata needs project_name, package_name and kedro_version");
    if (!Array.isArray(document.pipelines)) problems.push("pipelines is not a list");
    if (!isRecord(document.datasets)) problems.push("datasets is not a mapping of dataset names");
    if (problems.length > 0) return { problems };
    const pipelines = (document.pipelines as unknown[]).map((pipeline, index) => readPipeline(pipeline, index, problems));
    if (problems.length > 0) return { problems };
    const meta = metadata as Record<string, string>;
    return {
        snapshot: {
            projectName: meta.project_name,
            packageName: meta.package_name,
            kedroVersion: meta.kedro_version,
            pipelines: pipelines as SnapshotPipeline[],
            datasets: new Set(Object.keys(document.datasets as object)),
        },
    };
}
