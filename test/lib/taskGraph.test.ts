import fc from "fast-check";
import { type KedroSnapshot, type SnapshotNode, isParameter } from "../../lib/kedroSnapshot";
import { snapshotFixture } from "../kedroFixtures";
import { type TaskGraph, type TaskSize, planTasks } from "../../lib/taskGraph";

const fixture = snapshotFixture;
const pipelineOf = (snapshot: KedroSnapshot, name: string) => snapshot.pipelines.find((pipeline) => pipeline.name === name)!.nodes;

describe("spaceflights", () => {
    const spaceflights = fixture("spaceflights");

    test("data_processing: one task per node, and the model input table's task depends on both preprocessing tasks", () => {
        const { tasks, joins } = planTasks(pipelineOf(spaceflights, "data_processing"), spaceflights.datasets, "node", "data_processing");
        expect(tasks).toEqual([
            { name: "preprocess_companies_node", nodes: ["preprocess_companies_node"], dependsOn: [] },
            { name: "preprocess_shuttles_node", nodes: ["preprocess_shuttles_node"], dependsOn: [] },
            { name: "create_model_input_table_node", nodes: ["create_model_input_table_node"], dependsOn: ["preprocess_companies_node", "preprocess_shuttles_node"] },
        ]);
        expect(joins).toEqual([]);
    });

    test("data_science: each namespace's split, train and evaluate share a task, joined by the datasets held in memory", () => {
        const { tasks, joins } = planTasks(pipelineOf(spaceflights, "data_science"), spaceflights.datasets, "node", "data_science");
        expect(tasks.map((task) => task.nodes)).toEqual(
            ["active_modelling_pipeline", "candidate_modelling_pipeline"].map((ns) => [`${ns}.split_data_node`, `${ns}.train_model_node`, `${ns}.evaluate_model_node`]),
        );
        expect(tasks.every((task) => task.dependsOn.length === 0)).toBe(true);
        expect(joins).toContainEqual({ kind: "memory", dataset: "active_modelling_pipeline.X_train", producer: "active_modelling_pipeline.split_data_node", consumer: "active_modelling_pipeline.train_model_node" });
    });

    test("by namespace: the modelling namespaces are one task each; nodes without a namespace stay their own", () => {
        const { tasks } = planTasks(pipelineOf(spaceflights, "__default__"), spaceflights.datasets, "namespace", "__default__");
        expect(tasks.map((task) => [task.name, task.dependsOn])).toEqual([
            ["preprocess_companies_node", []],
            ["preprocess_shuttles_node", []],
            ["create_model_input_table_node", ["preprocess_companies_node", "preprocess_shuttles_node"]],
            ["active_modelling_pipeline", ["create_model_input_table_node"]],
            ["candidate_modelling_pipeline", ["create_model_input_table_node"]],
        ]);
    });

    test("by pipeline: one task", () => {
        expect(planTasks(pipelineOf(spaceflights, "__default__"), spaceflights.datasets, "pipeline", "__default__").tasks).toEqual([
            { name: "__default__", nodes: pipelineOf(spaceflights, "__default__").map((node) => node.name), dependsOn: [] },
        ]);
    });
});

test("the iris starter keeps its data in memory: one task, whatever the size asked", () => {
    const iris = fixture("iris");
    for (const size of ["node", "namespace", "pipeline"] as const) {
        expect(planTasks(pipelineOf(iris, "__default__"), iris.datasets, size, "__default__").tasks.map((task) => task.nodes)).toEqual([["split", "make_predictions", "report_accuracy"]]);
    }
});

test("a join that would close a cycle through the catalog joins the cycle's tasks too", () => {
    // a → m (memory) → c; a → p (catalog) → b → q (catalog) → c: joining a and c puts b inside a cycle.
    const nodes: SnapshotNode[] = [
        { name: "a", namespace: null, inputs: [], outputs: ["m", "p"] },
        { name: "b", namespace: null, inputs: ["p"], outputs: ["q"] },
        { name: "c", namespace: null, inputs: ["m", "q"], outputs: [] },
    ];
    const { tasks, joins } = planTasks(nodes, new Set(["p", "q"]), "node", "x");
    expect(tasks).toEqual([{ name: "a", nodes: ["a", "b", "c"], dependsOn: [] }]);
    expect(joins).toEqual([{ kind: "memory", dataset: "m", producer: "a", consumer: "c" }, { kind: "cycle", groups: ["a", "b"] }]);
});

/** A random pipeline in topological order: each node reads earlier outputs, free inputs or parameters. */
const pipelines = fc
    .array(fc.record({ reads: fc.array(fc.nat(), { maxLength: 3 }), writes: fc.integer({ min: 0, max: 2 }), namespace: fc.constantFrom(null, "a", "b", "a.inner"), param: fc.boolean() }), { minLength: 1, maxLength: 14 })
    .chain((specs) => {
        const nodes: SnapshotNode[] = [];
        const produced: string[] = [];
        specs.forEach((spec, index) => {
            const pool = [...produced, "raw_1", "raw_2"];
            const inputs = [...new Set(spec.reads.map((pick) => pool[pick % pool.length]))].concat(spec.param ? ["params:x"] : []);
            const outputs = Array.from({ length: spec.writes }, (_, out) => `d${index}_${out}`);
            produced.push(...outputs);
            nodes.push({ name: `n${index}`, namespace: spec.namespace, inputs, outputs });
        });
        return fc.tuple(fc.constant(nodes), fc.subarray([...produced, "raw_1", "raw_2"]), fc.constantFrom<TaskSize>("node", "namespace", "pipeline"));
    });

function checkInvariants(nodes: SnapshotNode[], persisted: Set<string>, graph: TaskGraph): void {
    const taskOf = new Map(graph.tasks.flatMap((task) => task.nodes.map((node) => [node, task.name] as const)));
    // Every node sits in exactly one task, in topological (the pipeline's) order.
    expect(graph.tasks.flatMap((task) => task.nodes).sort()).toEqual(nodes.map((node) => node.name).sort());
    const position = new Map(nodes.map((node, index) => [node.name, index]));
    for (const task of graph.tasks) expect(task.nodes.map((node) => position.get(node)!)).toEqual([...task.nodes.map((node) => position.get(node)!)].sort((a, b) => a - b));
    // Every edge: in memory within a task; through the catalog a depends_on or within a task.
    for (const [to, node] of nodes.entries())
        for (const dataset of node.inputs.filter((input) => !isParameter(input)))
            for (const [from, producer] of nodes.entries()) {
                if (!producer.outputs.includes(dataset) || from >= to) continue;
                const [a, b] = [taskOf.get(producer.name)!, taskOf.get(node.name)!];
                if (!persisted.has(dataset)) expect(a).toBe(b);
                else if (a !== b) expect(graph.tasks.find((task) => task.name === b)!.dependsOn).toContain(a);
            }
    // The task graph is acyclic: a topological sort takes every task.
    const remaining = new Map(graph.tasks.map((task) => [task.name, new Set(task.dependsOn)]));
    while (remaining.size > 0) {
        const ready = [...remaining].filter(([, deps]) => deps.size === 0).map(([name]) => name);
        expect(ready.length).toBeGreaterThan(0);
        for (const name of ready) remaining.delete(name);
        for (const deps of remaining.values()) ready.forEach((name) => deps.delete(name));
    }
}

test("on generated pipelines every invariant holds: one task per node, memory within tasks, acyclic, catalog edges as depends_on", () => {
    fc.assert(
        fc.property(pipelines, ([nodes, persisted, size]) => {
            const set = new Set(persisted);
            checkInvariants(nodes, set, planTasks(nodes, set, size, "p"));
        }),
        { numRuns: 200 },
    );
});
