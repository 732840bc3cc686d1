import fc from "fast-check";
import { TASK_KEY_MAX_LENGTH, isTaskKey, taskKeysFor } from "../../lib/taskKeys";

test("a namespaced node name becomes a key of letters, digits and _", () => {
    expect(taskKeysFor(["active_modelling_pipeline.split_data_node"]).get("active_modelling_pipeline.split_data_node")).toBe("active_modelling_pipeline_split_data_node");
    expect(taskKeysFor(["preprocess_companies_node"]).get("preprocess_companies_node")).toBe("preprocess_companies_node");
});

test("names that sanitise alike get different keys", () => {
    const keys = taskKeysFor(["a.b", "a_b", "a b"]);
    expect(new Set(keys.values()).size).toBe(3);
});

test("any names: every key valid, at most 100 characters, and unique", () => {
    fc.assert(
        fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 300 }), { maxLength: 30 }), (names) => {
            const keys = [...taskKeysFor(names).values()];
            expect(keys.every(isTaskKey)).toBe(true);
            expect(keys.every((key) => key.length <= TASK_KEY_MAX_LENGTH)).toBe(true);
            expect(new Set(keys).size).toBe(names.length);
        }),
    );
});
