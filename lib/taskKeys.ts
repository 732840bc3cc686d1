/**
 * Task keys as the Jobs API takes them: letters, digits, `_` and `-`, at most
 * 100 characters, unique in their job. A Kedro node name has dots (namespaces)
 * and may be long; it is sanitised, and cut with the bounded-name rule (a
 * digest of the whole name at the end), so two names never share a key.
 */
import { boundedName, nameDigest } from "./boundedName";

export const TASK_KEY_MAX_LENGTH = 100;

/** The Jobs API's limit on a job's tasks (API 2.2, which the provider uses for large jobs). */
export const MAX_TASKS_PER_JOB = 1000;

const sanitized = (name: string) => name.replace(/[^A-Za-z0-9_-]+/g, "_");

/** Each name's task key; names that sanitise alike are told apart by a digest of the name itself. */
export function taskKeysFor(names: readonly string[]): Map<string, string> {
    const keys = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const name of names) counts.set(sanitized(name), (counts.get(sanitized(name)) ?? 0) + 1);
    for (const name of names) {
        const base = sanitized(name);
        const key = counts.get(base)! > 1 ? `${base}_${nameDigest(name)}` : base;
        keys.set(name, boundedName(key, TASK_KEY_MAX_LENGTH, { separator: "_" }));
    }
    return keys;
}

/** Whether a text is a valid task key. */
export const isTaskKey = (key: string) => /^[A-Za-z0-9_-]{1,100}$/.test(key);
