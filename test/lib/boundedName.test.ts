import fc from "fast-check";
import { boundedName, nameDigest } from "../../lib/boundedName";

test("a name that fits is kept as it is", () => {
    expect(boundedName("iris-dev", 30, { suffix: "-dbx" })).toBe("iris-dev-dbx");
    expect(boundedName("x".repeat(26), 30, { suffix: "-dbx" })).toBe(`${"x".repeat(26)}-dbx`);
});

test("a longer name is cut and ends in a digest of the whole name, then the suffix", () => {
    const name = "databricks-kedro-stack-gprod-eu";
    expect(boundedName(name, 30, { suffix: "-dbx" })).toBe(`databricks-kedro-st-${nameDigest(name)}-dbx`);
    expect(boundedName(name, 30, { suffix: "-dbx" })).toHaveLength(30);
    // The separator the cut exposes is trimmed: no "--".
    expect(boundedName("abc-defgh", 8)).toMatch(/^a-[0-9a-f]{6}$/);
    expect(boundedName("ab_cdefghij", 9, { separator: "_" })).toBe(`ab_${nameDigest("ab_cdefghij")}`);
});

test("no room for the digest and the suffix is an error, not a silent collision", () => {
    expect(() => boundedName("a-long-name", 8, { suffix: "-dbx" })).toThrow(/No room for a name within 8 characters/);
});

test("within the limit, and distinct names stay distinct", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,80}$/);
    fc.assert(
        fc.property(name, name, fc.integer({ min: 12, max: 64 }), (a, b, max) => {
            const [boundedA, boundedB] = [boundedName(a, max, { suffix: "-x" }), boundedName(b, max, { suffix: "-x" })];
            expect(boundedA.length).toBeLessThanOrEqual(max);
            expect(boundedA.endsWith("-x")).toBe(true);
            if (a !== b) expect(boundedA).not.toBe(boundedB);
        }),
        { numRuns: 500 },
    );
});
