import type { TCohortSummary } from './summarize-cohort';

/** A cohort as its instructor sees it in the list. */
export type TCohort = { id: string; name: string; code: string; instructorId: string; createdAt: Date; members: number };

/** A cohort as a member sees it: its name only (nothing about other learners). */
export type TMembership = { cohortId: string; name: string; joinedAt: Date };

/** The cohort page: the cohort plus its report. */
export type TCohortReport = { cohort: TCohort } & TCohortSummary;
