import fc from "fast-check";
import { QUARTZ_FIELDS, checkQuartzCron } from "../../lib/cron";

const isQuartzCron = (expression: string) => checkQuartzCron(expression).valid;

describe("Quartz cron expressions the Jobs API takes", () => {
    test.each([
        ["0 0 6 * * ?", "daily at 06:00"],
        ["0 0 6 ? * MON-FRI", "weekdays"],
        ["0 30 2 ? * sun", "names are case-insensitive"],
        ["0 0/15 8-18 * * ?", "every 15 minutes in office hours"],
        ["0 0 12 1/5 * ?", "every fifth day from the first"],
        ["0 15 10 L * ?", "last day of the month"],
        ["0 15 10 L-3 * ?", "three days before the last"],
        ["0 15 10 15W * ?", "nearest weekday to the 15th"],
        ["0 15 10 LW * ?", "last weekday"],
        ["0 15 10 ? * 6L", "last Friday"],
        ["0 15 10 ? * FRI#3", "third Friday"],
        ["0 0 22-2 * * ?", "a range that wraps past midnight"],
        ["0 0 6 ? JUL-DEC FRI-MON", "ranges of names, one wrapping"],
        ["0 0 6 * * ? 2027", "a year"],
        ["0  0   6 * * ?", "several spaces between fields"],
    ])("%s (%s)", (expression) => {
        expect(checkQuartzCron(expression)).toEqual({ valid: true });
    });

    test.each([
        ["0 6 * * *", /5 fields; Quartz takes 6 or 7/],
        ["", /0 fields/],
        ["0 0 6 * * ? 2027 1", /8 fields/],
        ["0 0 6 * * *", /exactly one of them must be "\?"/],
        ["0 0 6 ? * ?", /exactly one of them must be "\?"/],
        ["0 60 6 * * ?", /^minutes "60" is not a value for minutes \(0-59\)/],
        ["0 0 24 * * ?", /^hours "24"/],
        ["0 0 6 0 * ?", /^day of month "0"/],
        ["0 0 6 * 13 ?", /^month "13" is not a value for month \(1-12 or JAN-DEC\)/],
        ["0 0 6 ? * 8", /^day of week "8"/],
        ["0 0 6 ? * FUN", /^day of week "FUN"/],
        ["0 0 6 * * ? 1969", /^year "1969"/],
        ["0 */0 6 * * ?", /the step after "\/" must be 1 to 59/],
        ["0 */61 6 * * ?", /the step after "\/" must be 1 to 59/],
        ["0 0/5/2 6 * * ?", /more than one "\/"/],
        ["0 0 1-2-3 * * ?", /not a value or a range/],
        ["0 0 6,,7 * * ?", /empty item/],
        ["? 0 6 * * ?", /^seconds "\?" is only for day of month or day of week/],
        ["0 0 6 L,15 * ?", /L stands alone in its field/],
        ["0 0 6 ? * MON,5L", /5L stands alone in its field/],
        ["0 0 6 32W * ?", /W needs a day of month 1-31/],
        ["0 0 6 ? * MON#6", /the week after # must be 1 to 5/],
        ["0 0 6L * * ?", /^hours "6L"/],
        ["0 0 6 L-31 * ?", /^day of month/],
    ])("refuses %j", (expression, reason) => {
        const check = checkQuartzCron(expression);
        expect(check.valid).toBe(false);
        expect(check.valid === false && check.reason).toMatch(reason);
    });
});

describe("properties", () => {
    /** A field's value, as a number or (where the field has them) a name. */
    const valueIn = (index: number) => {
        const field = QUARTZ_FIELDS[index];
        const numbers = fc.integer({ min: field.min, max: field.max }).map(String);
        return field.names ? fc.oneof(numbers, fc.constantFrom(...field.names)) : numbers;
    };
    /** One field: `*`, a value, a range or a list, with an optional step. */
    const fieldIn = (index: number) =>
        fc.oneof(
            fc.constant("*"),
            valueIn(index),
            fc.tuple(valueIn(index), valueIn(index)).map(([a, b]) => `${a}-${b}`),
            fc.array(valueIn(index), { minLength: 2, maxLength: 4 }).map((values) => values.join(",")),
            fc.tuple(fc.constantFrom("*", String(QUARTZ_FIELDS[index].min)), fc.integer({ min: 1, max: QUARTZ_FIELDS[index].max })).map(([base, step]) => `${base}/${step}`),
        );
    const expression = fc
        .tuple(fieldIn(0), fieldIn(1), fieldIn(2), fieldIn(3), fieldIn(4), fieldIn(5), fc.boolean(), fc.option(fieldIn(6), { nil: undefined }))
        .map(([s, m, h, dom, month, dow, questionOnDay, year]) => {
            // Exactly one of the day fields is "?".
            const days = questionOnDay ? ["?", dow] : [dom, "?"];
            return [s, m, h, days[0], month, days[1], ...(year ? [year] : [])].join(" ");
        });

    test("every expression built by the grammar is accepted", () => {
        fc.assert(fc.property(expression, (cron) => isQuartzCron(cron)), { numRuns: 500 });
    });

    test("a value past its field's maximum is refused, naming that field", () => {
        fc.assert(
            fc.property(expression, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 50 }), (cron, index, excess) => {
                const fields = cron.split(" ");
                if (index >= fields.length || fields[index] === "?") return true;
                fields[index] = String(QUARTZ_FIELDS[index].max + excess);
                const check = checkQuartzCron(fields.join(" "));
                return check.valid === false && check.reason.startsWith(QUARTZ_FIELDS[index].name);
            }),
            { numRuns: 500 },
        );
    });

    test("both day fields set, or both '?', is refused whatever the rest says", () => {
        fc.assert(
            fc.property(expression, fc.boolean(), (cron, bothQuestion) => {
                const fields = cron.split(" ");
                fields[3] = bothQuestion ? "?" : "*";
                fields[5] = bothQuestion ? "?" : "*";
                return !isQuartzCron(fields.join(" "));
            }),
        );
    });
});
