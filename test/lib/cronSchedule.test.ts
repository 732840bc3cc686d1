import fc from "fast-check";
import { checkQuartzCron } from "../../lib/cron";
import { type WallClock, describeWallClock, forecastSchedule, wallClockIn } from "../../lib/cronSchedule";

const START: WallClock = { year: 2026, month: 11, day: 24, hour: 12, minute: 0, second: 0 };
const next = (cron: string, count = 3, start = START) => forecastSchedule(cron, start, count).next.map(describeWallClock);

test("daily at 06:00 fires tomorrow, then the day after", () => {
    expect(next("0 0 6 * * ?")).toEqual(["Wed 2026-11-25 06:00:00", "Thu 2026-11-26 06:00:00", "Fri 2026-11-27 06:00:00"]);
    expect(forecastSchedule("0 0 6 * * ?", START, 1).perDay).toBe(1);
});

test("0 6 * * * ? is every hour at :06, and * * 6 * * ? every second of an hour", () => {
    expect(next("0 6 * * * ?")).toEqual(["Tue 2026-11-24 12:06:00", "Tue 2026-11-24 13:06:00", "Tue 2026-11-24 14:06:00"]);
    expect(forecastSchedule("0 6 * * * ?", START, 1).perDay).toBe(24);
    expect(next("* * 6 * * ?")).toEqual(["Wed 2026-11-25 06:00:00", "Wed 2026-11-25 06:00:01", "Wed 2026-11-25 06:00:02"]);
    expect(forecastSchedule("* * 6 * * ?", START, 1).perDay).toBe(3600);
});

test("weekdays, steps, wrapping ranges and names", () => {
    expect(next("0 30 6 ? * MON-FRI")).toEqual(["Wed 2026-11-25 06:30:00", "Thu 2026-11-26 06:30:00", "Fri 2026-11-27 06:30:00"]);
    expect(next("0 0 22-2/2 ? * SAT")).toEqual(["Sat 2026-11-28 00:00:00", "Sat 2026-11-28 02:00:00", "Sat 2026-11-28 22:00:00"]);
    expect(next("0 0/20 12 * * ?")).toEqual(["Tue 2026-11-24 12:20:00", "Tue 2026-11-24 12:40:00", "Wed 2026-11-25 12:00:00"]);
});

test("the specials: last day, last weekday, nearest weekday, last Friday, second Tuesday", () => {
    expect(next("0 0 6 L * ?", 2)).toEqual(["Mon 2026-11-30 06:00:00", "Thu 2026-12-31 06:00:00"]);
    expect(next("0 0 6 L-2 * ?", 1)).toEqual(["Sat 2026-11-28 06:00:00"]);
    // 31 January 2027 is a Sunday: the last weekday is Friday the 29th.
    expect(next("0 0 6 LW * ?", 3)).toEqual(["Mon 2026-11-30 06:00:00", "Thu 2026-12-31 06:00:00", "Fri 2027-01-29 06:00:00"]);
    // 1 August 2027 is a Sunday: 1W is Monday the 2nd, never July.
    expect(next("0 0 6 1W 8 ?", 1)).toEqual(["Mon 2027-08-02 06:00:00"]);
    expect(next("0 0 6 ? * 6L", 1)).toEqual(["Fri 2026-11-27 06:00:00"]);
    expect(next("0 0 6 ? * TUE#2", 2)).toEqual(["Tue 2026-12-08 06:00:00", "Tue 2027-01-12 06:00:00"]);
});

test("a schedule with no date left never fires", () => {
    for (const cron of ["0 0 6 31 2 ?", "0 0 6 30 2 ?", "0 0 6 31 4,6,9,11 ?", "0 0 6 * * ? 2020"]) expect([cron, next(cron)]).toEqual([cron, []]);
    // 29 February does come, in 2028.
    expect(next("0 0 6 29 2 ?", 1)).toEqual(["Tue 2028-02-29 06:00:00"]);
});

test("fire times are always later, in order, and match the fields", () => {
    const cron = fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 28 })).map(([s, m, h, d]) => `${s} ${m} ${h} ${d} * ?`);
    fc.assert(
        fc.property(cron, (expression) => {
            expect(checkQuartzCron(expression).valid).toBe(true);
            const times = forecastSchedule(expression, START, 3).next;
            expect(times).toHaveLength(3);
            const [s, m, h, d] = expression.split(" ").map(Number);
            const keys = [START, ...times].map((t) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
            for (let i = 1; i < keys.length; i++) expect(keys[i]).toBeGreaterThan(keys[i - 1]);
            for (const t of times) expect([t.second, t.minute, t.hour, t.day]).toEqual([s, m, h, d]);
        }),
        { numRuns: 200 },
    );
});

test("now, as a wall clock in the schedule's zone", () => {
    expect(wallClockIn(new Date("2026-07-01T04:30:00Z"), "Europe/Paris")).toEqual({ year: 2026, month: 7, day: 1, hour: 6, minute: 30, second: 0 });
    expect(wallClockIn(new Date("2026-07-01T04:30:00Z"), "UTC")).toMatchObject({ hour: 4 });
});
