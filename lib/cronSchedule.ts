/**
 * When a valid Quartz cron expression (lib/cron) fires, as wall-clock times
 * in the schedule's time zone: to tell a user, before anything is declared,
 * that `0 6 * * * ?` runs every hour at :06 rather than at 06:00, and that
 * `0 0 6 31 2 ?` never runs at all.
 */
import { QUARTZ_FIELDS } from "./cron";

/** A wall-clock time in the schedule's zone. */
export interface WallClock {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
}

export interface ScheduleForecast {
    /** The next fire times after the start (at most as many as asked); empty when the schedule never fires. */
    next: WallClock[];
    /** How many times it fires on a day it fires at all. */
    perDay: number;
}

/** Quartz stops at 2099; a schedule with nothing up to then never fires. */
const LAST_YEAR = 2099;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const expanded = new Map<string, Set<number>>();

/** The values a plain field (no L, W or #) allows: `*`, values, ranges that may wrap, steps. */
function expand(value: string, index: number): Set<number> {
    const key = `${index} ${value}`;
    const known = expanded.get(key);
    if (known) return known;
    const field = QUARTZ_FIELDS[index];
    const number = (token: string) => {
        const named = field.names?.indexOf(token.toUpperCase()) ?? -1;
        return named >= 0 ? named + (field.namesStart ?? 0) : Number(token);
    };
    const values = new Set<number>();
    for (const item of value.split(",")) {
        const [base, stepText] = item.split("/");
        const step = stepText === undefined ? 1 : Number(stepText);
        const [fromText, toText] = base === "*" ? [String(field.min), String(field.max)] : base.split("-");
        const from = number(fromText);
        // Quartz reads "5/15" as from 5 to the field's end, in steps of 15.
        const to = toText !== undefined ? number(toText) : stepText !== undefined ? field.max : from;
        const span = to >= from ? to - from : field.max - field.min + 1 - (from - to);
        for (let offset = 0; offset <= span; offset += step)
            values.add(((from - field.min + offset) % (field.max - field.min + 1)) + field.min);
    }
    expanded.set(key, values);
    return values;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 1 (Sunday) to 7 (Saturday), as Quartz counts. */
const weekdayOf = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;

/** The weekday (Monday to Friday) nearest to `day`, within its month, as Quartz's W means. */
function nearestWeekday(year: number, month: number, day: number): number {
    const last = daysIn(year, month);
    const target = Math.min(day, last);
    const weekday = weekdayOf(year, month, target);
    if (weekday === 7) return target === 1 ? 3 : target - 1;
    if (weekday === 1) return target === last ? target - 2 : target + 1;
    return target;
}

/** Whether the day-of-month field allows this date. */
function dayOfMonthMatches(value: string, year: number, month: number, day: number): boolean {
    if (value === "?") return true;
    const last = daysIn(year, month);
    const upper = value.toUpperCase();
    if (upper === "L") return day === last;
    if (upper === "LW") return day === nearestWeekday(year, month, last);
    const beforeLast = /^L-(\d+)$/.exec(upper);
    if (beforeLast) return day === last - Number(beforeLast[1]);
    const weekday = /^(\d+)W$/.exec(upper);
    if (weekday) return day === nearestWeekday(year, month, Number(weekday[1]));
    return expand(value, 3).has(day);
}

/** Whether the day-of-week field allows this date. */
function dayOfWeekMatches(value: string, year: number, month: number, day: number): boolean {
    if (value === "?") return true;
    const field = QUARTZ_FIELDS[5];
    const weekday = weekdayOf(year, month, day);
    const number = (token: string) => (/^\d+$/.test(token) ? Number(token) : (field.names?.indexOf(token.toUpperCase()) ?? -1) + 1);
    if (value.toUpperCase() === "L") return weekday === 7;
    const lastOfMonth = /^(\w+)L$/i.exec(value);
    if (lastOfMonth) return weekday === number(lastOfMonth[1]) && day + 7 > daysIn(year, month);
    const nth = /^(\w+)#(\d)$/.exec(value);
    if (nth) return weekday === number(nth[1]) && Math.ceil(day / 7) === Number(nth[2]);
    return expand(value, 5).has(weekday);
}

/**
 * The next `count` fire times strictly after `start`, and how often it fires
 * on a day it fires. `expression` must have passed checkQuartzCron.
 */
export function forecastSchedule(expression: string, start: WallClock, count: number): ScheduleForecast {
    const [seconds, minutes, hours, dayOfMonth, month, dayOfWeek, year = "*"] = expression.trim().split(/\s+/);
    const [secondSet, minuteSet, hourSet, monthSet] = [expand(seconds, 0), expand(minutes, 1), expand(hours, 2), expand(month, 4)];
    const years = year === "*" ? undefined : expand(year, 6);
    const times = [...hourSet]
        .sort((a, b) => a - b)
        .flatMap((hour) =>
            [...minuteSet]
                .sort((a, b) => a - b)
                .flatMap((minute) => [...secondSet].sort((a, b) => a - b).map((second) => ({ hour, minute, second }))),
        );
    const next: WallClock[] = [];
    const startSecond = start.hour * 3600 + start.minute * 60 + start.second;
    for (
        let date = new Date(Date.UTC(start.year, start.month - 1, start.day));
        next.length < count;
        date.setUTCDate(date.getUTCDate() + 1)
    ) {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        if (y > LAST_YEAR) break;
        if (
            (years && !years.has(y)) ||
            !monthSet.has(m) ||
            !dayOfMonthMatches(dayOfMonth, y, m, d) ||
            !dayOfWeekMatches(dayOfWeek, y, m, d)
        )
            continue;
        const isStart = y === start.year && m === start.month && d === start.day;
        for (const time of times) {
            if (isStart && time.hour * 3600 + time.minute * 60 + time.second <= startSecond) continue;
            next.push({ year: y, month: m, day: d, ...time });
            if (next.length === count) break;
        }
    }
    return { next, perDay: times.length };
}

/** `instant` as a wall-clock time in `timeZone` (an ID Intl knows). */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
    const parts = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
    }).formatToParts(instant);
    const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
    return {
        year: part("year"),
        month: part("month"),
        day: part("day"),
        hour: part("hour"),
        minute: part("minute"),
        second: part("second"),
    };
}

const two = (value: number) => String(value).padStart(2, "0");

/** `Tue 2026-11-24 06:00:00`. */
export function describeWallClock(time: WallClock): string {
    return (
        `${WEEKDAYS[weekdayOf(time.year, time.month, time.day) - 1]} ${time.year}-${two(time.month)}-${two(time.day)} ` +
        `${two(time.hour)}:${two(time.minute)}:${two(time.second)}`
    );
}
