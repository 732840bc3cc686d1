/**
 * The Quartz expression a refused schedule most likely meant, so that the fix
 * keeps the user's days and times: a Unix cron (five fields, or a macro such
 * as @daily, which means midnight) is translated, and a day-field error is
 * fixed by moving `?`, never by dropping the days the user named.
 */
import { checkQuartzCron } from "./cron";

/** Unix cron's macros, as Quartz expressions: @daily is midnight, not the stack's example hour. */
const MACROS: Readonly<Record<string, string>> = {
    "@yearly": "0 0 0 1 1 ?",
    "@annually": "0 0 0 1 1 ?",
    "@monthly": "0 0 0 1 * ?",
    "@weekly": "0 0 0 ? * SUN",
    "@daily": "0 0 0 * * ?",
    "@midnight": "0 0 0 * * ?",
    "@hourly": "0 0 * * * ?",
};

/** Unix cron counts days of the week from 0 (Sunday) to 7 (Sunday again); Quartz from 1 (Sunday), so names say it unambiguously. */
const UNIX_WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

/** A day-of-week field read with Unix numbering, as names: 1-5 → MON-FRI, 0,6 → SUN,SAT; a step after "/" stays a number. */
function unixWeekdaysAsNames(field: string): string {
    return field.replace(/(^|[,\-#])([0-7])(?=$|[,\-/#L])/g, (_match, before: string, day: string) =>
        before === "#" ? `${before}${day}` : `${before}${UNIX_WEEKDAYS[Number(day)]}`,
    );
}

/** Day of month and day of week with exactly one "?", keeping every day the user named. */
function withOneQuestionMark(dayOfMonth: string, dayOfWeek: string): [string, string] {
    if (dayOfMonth === "?" && dayOfWeek === "?") return ["*", "?"];
    if (dayOfMonth === "?" || dayOfWeek === "?") return [dayOfMonth, dayOfWeek];
    if (dayOfWeek === "*") return [dayOfMonth, "?"];
    // Days of the week named (MON-FRI): they are what the user asked for; Quartz cannot take both fields.
    return ["?", dayOfWeek];
}

/**
 * When an expression names both specific days of the month and days of the week (Unix cron runs on
 * either), no Quartz expression keeps both: the fix keeps the weekdays, and this says what it drops
 * and the expression that keeps the days of the month instead. Undefined when nothing is dropped.
 */
export function droppedDaysOfMonth(expression: string): string | undefined {
    const fields = expression.trim().split(/\s+/);
    const unix = fields.length === 5;
    if (!unix && fields.length !== 6 && fields.length !== 7) return undefined;
    const at = unix ? 2 : 3;
    const [dayOfMonth, , dayOfWeek] = fields.slice(at, at + 3);
    if (["*", "?"].includes(dayOfMonth) || ["*", "?"].includes(dayOfWeek)) return undefined;
    const keptMonthDays = unix ? ["0", ...fields.slice(0, 4), "?"] : [...fields.slice(0, 5), "?", ...fields.slice(6)];
    return (
        `Quartz cannot run on days of the month and days of the week at once; the fix keeps the days of the week and drops ` +
        `day of month ${dayOfMonth}. For the days of the month instead, set '${keptMonthDays.join(" ")}'`
    );
}

/** A day-of-week field that only Unix numbering explains: a 0, which Quartz does not have. */
const hasUnixSunday = (field: string) => /(^|[,\-])0($|[,\-/])/.test(field);

/** The valid Quartz expression `expression` most likely meant, or undefined when none can be told. */
export function quartzFixOf(expression: string): string | undefined {
    const trimmed = expression.trim();
    const macro = MACROS[trimmed.toLowerCase()];
    if (macro) return macro;
    const fields = trimmed.split(/\s+/);
    let candidate: string[];
    if (fields.length === 5) {
        // Unix cron: minutes hours day-of-month month day-of-week; Quartz puts seconds first.
        const [minutes, hours, dayOfMonth, month, dayOfWeek] = fields;
        const [dom, dow] = withOneQuestionMark(dayOfMonth, unixWeekdaysAsNames(dayOfWeek));
        candidate = ["0", minutes, hours, dom, month, dow];
    } else if (fields.length === 6 || fields.length === 7) {
        const [seconds, minutes, hours, dayOfMonth, month, dayOfWeek, ...year] = fields;
        const weekdays = hasUnixSunday(dayOfWeek) ? unixWeekdaysAsNames(dayOfWeek) : dayOfWeek;
        const [dom, dow] = withOneQuestionMark(dayOfMonth, weekdays);
        candidate = [seconds, minutes, hours, dom, month, dow, ...year];
    } else return undefined;
    const fixed = candidate.join(" ");
    return fixed !== trimmed && checkQuartzCron(fixed).valid ? fixed : undefined;
}

/**
 * A warning for a valid day-of-week field written in numbers, which Quartz
 * counts from Sunday (1) where Unix cron counts from Monday (1): `1-5` runs
 * Sunday to Thursday. Undefined when the field names its days.
 */
export function numericWeekdayWarning(expression: string): string | undefined {
    const dayOfWeek = expression.trim().split(/\s+/)[5];
    if (dayOfWeek === undefined || !/(^|[,\-])[1-7]($|[,\-#L])/.test(dayOfWeek)) return undefined;
    const quartz = dayOfWeek.replace(
        /(^|[,\-])([1-7])(?=$|[,\-/#L])/g,
        (_m, before: string, day: string) => `${before}${UNIX_WEEKDAYS[Number(day) - 1]}`,
    );
    const unix = unixWeekdaysAsNames(dayOfWeek);
    return (
        `day of week "${dayOfWeek}" is ${quartz} in Quartz, which counts 1 as Sunday (Unix cron reads it as ${unix}); ` +
        `name the days to say which is meant`
    );
}
