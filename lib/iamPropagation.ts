/** How long a cloud's eventually consistent IAM takes to see a new grant, and so how long a created workspace waits. */

/** Google documents IAM changes as usually visible within 60 seconds, and up to 7 minutes at worst. */
export const GCP_IAM_PROPAGATION_SECONDS = 90;

/** A fresh IAM role is not usable by AWS services at once; this waits until it is `minAgeMs` old. */
export const IAM_PROPAGATION_MS = 30_000;

export function iamPropagationWaitMs(roleCreateDate: string | undefined, now: Date, minAgeMs: number = IAM_PROPAGATION_MS): number {
    if (!roleCreateDate) return 0;
    const created = Date.parse(roleCreateDate);
    if (Number.isNaN(created)) return 0;
    return Math.max(0, Math.min(minAgeMs, created + minAgeMs - now.getTime()));
}
