/** The states of a job, apart from the table so that the HTTP schemas and the web app read them without it. */
export const JOB_STATES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];
