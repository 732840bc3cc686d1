import { readFileSync } from "node:fs";
import { readKedroSnapshot } from "../../lib/kedroSnapshot";
import { snapshotPath } from "../kedroFixtures";

test("a snapshot as dataclasses.asdict writes it: metadata, pipelines with their nodes, the catalog's names", () => {
    const reading = readKedroSnapshot(readFileSync(snapshotPath("spaceflights"), "utf8"));
    if (!("snapshot" in reading)) throw new Error(reading.problems.join("; "));
    expect(reading.snapshot).toMatchObject({ packageName: "spaceflights", kedroVersion: "1.5.0" });
    expect(reading.snapshot.pipelines.map((pipeline) => pipeline.name)).toEqual(["__default__", "data_processing", "data_science", "empty"]);
    expect(reading.snapshot.datasets.has("model_input_table")).toBe(true);
    expect(reading.snapshot.datasets.has("active_modelling_pipeline.X_train")).toBe(false);
});

test.each([
    ["text that is no JSON", "{", /not JSON/],
    ["a list", "[]", /not a JSON object/],
    ["no metadata", JSON.stringify({ pipelines: [], datasets: {} }), /metadata needs project_name, package_name and kedro_version/],
    ["datasets as a list", JSON.stringify({ metadata: { project_name: "p", package_name: "p", kedro_version: "1.5.0" }, pipelines: [], datasets: [] }), /datasets is not a mapping/],
    ["a node without a name", JSON.stringify({ metadata: { project_name: "p", package_name: "p", kedro_version: "1.5.0" }, pipelines: [{ name: "x", nodes: [{ inputs: [] }] }], datasets: {} }), /pipelines\[0\]\.nodes\[0\] has no name/],
    ["inputs as text", JSON.stringify({ metadata: { project_name: "p", package_name: "p", kedro_version: "1.5.0" }, pipelines: [{ name: "x", nodes: [{ name: "n", inputs: "a" }] }], datasets: {} }), /inputs and outputs as lists/],
])("%s is a problem that says where", (_label, text, problem) => {
    const reading = readKedroSnapshot(text);
    expect("problems" in reading && reading.problems.join("; ")).toMatch(problem);
});
