/**
 * Resources found under a former type: a component whose token changed
 * declares its old type as an alias, and the engine then finds its state and
 * its children's under it (a rename, not a delete and a create). The plan's
 * difference does the same, so a pull request that renames shows no churn.
 */
import type { PlannedResource } from "./evaluate";

export const resourceKey = (resource: Pick<PlannedResource, "type" | "name">) => `${resource.type}::${resource.name}`;

/** For each head resource that is new by its own type, the base resource one of its former types names. */
export function renamesOf(
    before: ReadonlyMap<string, PlannedResource>,
    after: ReadonlyMap<string, PlannedResource>,
): Map<string, PlannedResource> {
    const renamed = new Map<string, PlannedResource>();
    for (const [id, resource] of after) {
        if (before.has(id)) continue;
        const former = (resource.formerTypes ?? []).map((type) => before.get(resourceKey({ type, name: resource.name })));
        const found = former.find((candidate) => candidate !== undefined && !after.has(resourceKey(candidate)));
        if (found) renamed.set(id, found);
    }
    return renamed;
}
