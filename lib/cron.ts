/**
 * Quartz cron expressions, as the Jobs API takes them in
 * `schedule.quartz_cron_expression`: six or seven fields (seconds, minutes,
 * hours, day of month, month, day of week, optional year). The Jobs API
 * answers a malformed one with INVALID_PARAMETER_VALUE only at `pulumi up`;
 * this refuses it with the field at fault before anything is declared.
 */

export interface CronField {
    name: string;
    min: number;
    max: number;
    /** Names for values (JAN…DEC, SUN…SAT), matched case-insensitively. */
    names?: readonly string[];
    /** The first name's value. */
    namesStart?: number;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;

export const QUARTZ_FIELDS: readonly CronField[] = [
    { name: "seconds", min: 0, max: 59 },
    { name: "minutes", min: 0, max: 59 },
    { name: "hours", min: 0, max: 23 },
    { name: "day of month", min: 1, max: 31 },
    { name: "month", min: 1, max: 12, names: MONTHS, namesStart: 1 },
    { name: "day of week", min: 1, max: 7, names: WEEKDAYS, namesStart: 1 },
    { name: "year", min: 1970, max: 2099 },
];

const DAY_OF_MONTH = 3;
const DAY_OF_WEEK = 5;

export type CronCheck = { valid: true } | { valid: false; reason: string };

/** A field's value as a number: digits in range, or one of its names. */
function valueOf(token: string, field: CronField): number | undefined {
    const named = field.names?.indexOf(token.toUpperCase());
    if (named !== undefined && named >= 0) return named + (field.namesStart ?? 0);
    if (!/^\d{1,4}$/.test(token)) return undefined;
    const value = Number(token);
    return value >= field.min && value <= field.max ? value : undefined;
}

const range = (field: CronField) =>
    `${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : ""}`;

/** One comma-separated item of a field: `*`, a value, `a-b`, each with an optional `/step`. */
function checkItem(item: string, field: CronField): string | undefined {
    const [base, step, extra] = item.split("/");
    if (extra !== undefined) return `"${item}" has more than one "/"`;
    if (step !== undefined) {
        // Quartz refuses an increment beyond the field's range ("Increment > 60 : 61").
        if (!/^\d+$/.test(step) || Number(step) < 1 || Number(step) > field.max)
            return `"${item}": the step after "/" must be 1 to ${field.max}`;
    }
    if (base === "*") return undefined;
    const [from, to, more] = base.split("-");
    if (more !== undefined) return `"${item}" is not a value or a range`;
    if (valueOf(from, field) === undefined) return `"${from}" is not a value for ${field.name} (${range(field)})`;
    // A range may wrap (FRI-MON, 22-2), as Quartz allows.
    if (to !== undefined && valueOf(to, field) === undefined) return `"${to}" is not a value for ${field.name} (${range(field)})`;
    return undefined;
}

/** The day-of-month and day-of-week specials, which Quartz takes only alone in their field. */
function checkSpecial(value: string, index: number): string | undefined | null {
    if (index === DAY_OF_MONTH) {
        if (/^L(?:-([1-9]|[12]\d|30))?$/i.test(value) || /^LW$/i.test(value)) return undefined;
        const weekday = /^(\d{1,2})W$/i.exec(value);
        if (weekday)
            return Number(weekday[1]) >= 1 && Number(weekday[1]) <= 31 ? undefined : `"${value}": W needs a day of month 1-31 before it`;
    }
    if (index === DAY_OF_WEEK) {
        const field = QUARTZ_FIELDS[DAY_OF_WEEK];
        if (/^L$/i.test(value)) return undefined;
        const last = /^(\w+)L$/i.exec(value);
        if (last)
            return valueOf(last[1], field) !== undefined ? undefined : `"${value}": L needs a day of week (${range(field)}) before it`;
        const nth = /^(\w+)#(\w+)$/.exec(value);
        if (nth) {
            if (valueOf(nth[1], field) === undefined) return `"${value}": # needs a day of week (${range(field)}) before it`;
            return /^[1-5]$/.test(nth[2]) ? undefined : `"${value}": the week after # must be 1 to 5`;
        }
    }
    return null;
}

function checkField(value: string, index: number): string | undefined {
    const field = QUARTZ_FIELDS[index];
    if (value === "?") return index === DAY_OF_MONTH || index === DAY_OF_WEEK ? undefined : `"?" is only for day of month or day of week`;
    const special = checkSpecial(value, index);
    if (special !== null) return special;
    for (const item of value.split(",")) {
        if (item === "") return `"${value}" has an empty item`;
        if ((index === DAY_OF_MONTH || index === DAY_OF_WEEK) && checkSpecial(item, index) === undefined) {
            return `"${value}": ${item} stands alone in its field, never in a list`;
        }
        const problem = checkItem(item, field);
        if (problem) return problem;
    }
    return undefined;
}

/** Checks a Quartz cron expression field by field; the reason names the first field at fault. */
export function checkQuartzCron(expression: string): CronCheck {
    const fields = expression.trim().split(/\s+/);
    if (expression.trim() === "" || fields.length < 6 || fields.length > 7) {
        return {
            valid: false,
            reason:
                `${fields.length === 1 && fields[0] === "" ? 0 : fields.length} fields; Quartz takes 6 or 7: seconds minutes hours ` +
                `day-of-month month day-of-week [year]`,
        };
    }
    for (const [index, value] of fields.entries()) {
        const problem = checkField(value, index);
        if (problem) return { valid: false, reason: `${QUARTZ_FIELDS[index].name} ${problem}` };
    }
    // Quartz implements one of the two day fields at a time: the other must be "?".
    const [dayOfMonth, dayOfWeek] = [fields[DAY_OF_MONTH], fields[DAY_OF_WEEK]];
    if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
        return {
            valid: false,
            reason:
                `day of month is "${dayOfMonth}" and day of week is "${dayOfWeek}": exactly one of them must be "?", e.g. "0 0 6 * * ` +
                `?" (daily at 06:00) or "0 0 6 ? * MON-FRI"`,
        };
    }
    return { valid: true };
}
