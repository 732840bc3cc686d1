/**
 * The component tokens moved to the index module (`pulumi package add`
 * accepts no other). An existing stack must find every resource it has under
 * the new tokens, by the engine's own alias resolution, and declare each
 * custom resource with the inputs it had: no create, no delete, no replace.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { evaluate } from "../harness";
import { resolveOldState } from "./engineAliases";
import { URN_SCENARIOS } from "./urnScenarios";

interface OldResource {
    urn: string;
    custom: boolean;
    /** sha256 of the inputs, keys sorted, as the resource was declared before the move. */
    inputs: string;
}

const canonical = (value: unknown): unknown =>
    Array.isArray(value)
        ? value.map(canonical)
        : value && typeof value === "object"
          ? Object.fromEntries(
                Object.keys(value)
                    .sort()
                    .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
            )
          : value;
const inputsHash = (inputs: unknown) =>
    createHash("sha256")
        .update(JSON.stringify(canonical(inputs)))
        .digest("hex")
        .slice(0, 16);

test.each(Object.keys(URN_SCENARIOS))("%s: every existing resource is found under the new tokens, unchanged", async (scenario) => {
    const old: OldResource[] = JSON.parse(readFileSync(join(__dirname, "../fixtures/urns", `${scenario}.json`), "utf8"));
    const oldUrns = new Set(old.map((resource) => resource.urn));
    const { mocks } = await evaluate(URN_SCENARIOS[scenario]);

    const found = resolveOldState(mocks.placements, oldUrns);
    expect([...found].filter(([, oldUrn]) => oldUrn === undefined).map(([urn]) => urn)).toEqual([]);
    expect([...found.values()].sort()).toEqual([...oldUrns].sort());

    for (const placement of mocks.placements) {
        const before = old.find((resource) => resource.urn === found.get(placement.urn))!;
        const declared = mocks.resources.find((resource) => resource.type === placement.type && resource.name === placement.name)!;
        expect({ urn: before.urn, custom: placement.custom, inputs: inputsHash(declared.inputs) }).toEqual(before);
    }

    // Without its aliases the same program would create the components anew and replace what they hold.
    const unaliased = resolveOldState(
        mocks.placements.map((placement) => ({ ...placement, aliases: [] })),
        oldUrns,
    );
    expect([...unaliased.values()].filter((urn) => urn === undefined).length).toBeGreaterThan(0);
});
