import { RECENT_ZONE_NAMES, checkTimeZone } from "../../lib/timeZone";
import { TZDB_LINKS, TZDB_ZONES } from "../../lib/tzdb";

test("every IANA zone and link is valid, as Java's ZoneId reads them; Node's Intl knows each, so its schedule can be forecast", () => {
    for (const name of [...TZDB_ZONES, ...Object.keys(TZDB_LINKS)]) {
        expect([name, checkTimeZone(name).valid]).toEqual([name, true]);
        expect(() => new Intl.DateTimeFormat("en-US", { timeZone: name })).not.toThrow();
    }
});

test.each(["CET", "US/Pacific", "Europe/Kiev", "Asia/Calcutta", "EST5EDT"])("%s is an IANA name, never refused", (name) => {
    expect(checkTimeZone(name).valid).toBe(true);
});

test("a link warns, naming its zone; a spelling of UTC does not", () => {
    expect(checkTimeZone("US/Pacific")).toEqual({ valid: true, warning: expect.stringContaining("IANA link to America/Los_Angeles") });
    expect(checkTimeZone("Etc/UTC")).toEqual({ valid: true, warning: undefined });
    expect(checkTimeZone("Europe/Paris")).toEqual({ valid: true, warning: undefined });
});

test.each(Object.entries(RECENT_ZONE_NAMES))("%s, a recent name, warns that older Java reads it as GMT", (name, { olderName }) => {
    const check = checkTimeZone(name);
    expect(check).toEqual({ valid: true, warning: expect.stringContaining("reads it as GMT") });
    if (olderName) expect(check.valid && check.warning).toContain(`${olderName}, its older name`);
});

test.each([
    ["europe/paris", "Europe/Paris"],
    ["Europe/Pariss", "Europe/Paris"],
    ["+01:00", "Etc/GMT-1"],
    ["UTC-5", "Etc/GMT+5"],
    ["GMT+00:00", "UTC"],
    ["PST", "America/Los_Angeles"],
    ["us/pacific", "US/Pacific"],
])("%s is refused with %s, the name it meant", (name, suggestion) => {
    expect(checkTimeZone(name)).toEqual({ valid: false, suggestion, reason: expect.any(String) });
});

test("an offset of a partial hour and a name far from any are refused without a guess", () => {
    expect(checkTimeZone("+05:30")).toEqual({ valid: false, suggestion: undefined, reason: expect.stringContaining("whole hours") });
    expect(checkTimeZone("Mars/Olympus_Mons_Base")).toEqual({ valid: false, suggestion: undefined, reason: expect.stringContaining("IANA") });
});
