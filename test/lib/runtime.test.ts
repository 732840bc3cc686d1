import { LTS_RELEASES, endOfSupportWarning, findLtsRelease, oldestSupportedLts, runtimeVersionOf } from "../../lib/runtime";

test.each([
    ["11.3.x-scala2.12", "11.3"],
    ["15.4.x-cpu-ml-scala2.12", "15.4"],
    ["13.3.x-photon-scala2.12", "13.3"],
    ["custom:my-image", undefined],
])("runtimeVersionOf(%s) is %s", (key, expected) => expect(runtimeVersionOf(key)).toBe(expected));

test("the table is ordered by version, so the first supported entry is the oldest", () => {
    const versions = LTS_RELEASES.map((release) => Number(release.version));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
});

test("11.3 LTS ships Python 3.9 and ended in October 2025", () => {
    expect(findLtsRelease("11.3.x-scala2.12")).toMatchObject({ python: "3.9", endOfSupport: "2025-10-19" });
});

test("the warning appears only after end of support", () => {
    expect(endOfSupportWarning("11.3.x-scala2.12", new Date("2025-10-18T00:00:00Z"))).toBeUndefined();
    const warning = endOfSupportWarning("11.3.x-scala2.12", new Date("2026-11-24T00:00:00Z"));
    expect(warning).toContain("Python 3.9");
    expect(warning).toContain("Kedro 0.18.x");
    // 12.2 and 13.3 are also past their end by then; 14.3 is the oldest supported.
    expect(warning).toContain("14.3.x-scala2.12");
});

test("unknown or supported runtimes do not warn", () => {
    const today = new Date("2026-11-24T00:00:00Z");
    expect(endOfSupportWarning("15.4.x-scala2.12", today)).toBeUndefined();
    expect(endOfSupportWarning("custom:image", today)).toBeUndefined();
    expect(oldestSupportedLts(today)?.version).toBe("14.3");
    expect(oldestSupportedLts(new Date("2030-01-01"))).toBeUndefined();
});
