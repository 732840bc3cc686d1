/** A Quartz fix that cannot keep every day the user named says which it drops, and offers the other choice. */
import { checkQuartzCron } from "../../lib/cron";
import { droppedDaysOfMonth, quartzFixOf } from "../../lib/cronFix";

test.each([
    ["0 0 6 1 * MON", "0 0 6 ? * MON", "day of month 1", "0 0 6 1 * ?"],
    ["0 6 1,15 * 1-5", "0 0 6 ? * MON-FRI", "day of month 1,15", "0 0 6 1,15 * ?"],
    ["0 0 6 L * FRI 2027", "0 0 6 ? * FRI 2027", "day of month L", "0 0 6 L * ? 2027"],
])("%s: the fix keeps the weekdays (%s), and the problem names %s and the other choice", (expression, fix, dropped, other) => {
    expect(quartzFixOf(expression)).toBe(fix);
    const said = droppedDaysOfMonth(expression)!;
    expect(said).toContain(dropped);
    expect(said).toContain(`'${other}'`);
    expect(checkQuartzCron(other).valid).toBe(true);
});

test.each(["0 0 6 * * MON-FRI", "0 0 6 ? * MON", "0 0 6 1 * ?", "30 6 * * 1-5", "@daily", "0 6 * *"])("%s drops no day: nothing to say", (expression) => {
    expect(droppedDaysOfMonth(expression)).toBeUndefined();
});
