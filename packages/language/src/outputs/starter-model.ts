/**
 * The starter model that `mission init` writes and the editor's "Mission: New model" creates (through the
 * server's `mission/starter` request): one text for both, dated from the day it is made.
 */
import { CONFIG_FILE_NAME } from '../config/mission-config.js';
import { formatDocument } from '../api/format.js';
import { isValidDate, parseDate } from '../model/dates.js';

export const STARTER_MODEL_FILE = 'strategy.mission';

/** A file of the starter: its name in the target folder and its text. */
export interface StarterFile {
    readonly name: string;
    readonly text: string;
}

/**
 * The days a starter model's dates are written from, all relative to the day it is created: a model made on any
 * day checks clean on that day and for months after it (no window has ended, no review is overdue).
 */
export interface StarterDates {
    /** The day of creation: the last review of the top mission. */
    readonly today: string;
    /** The first of the current month: where the top mission's window starts. */
    readonly start: string;
    /** The vision's horizon: the end of the year three years on. */
    readonly horizon: string;
    /** The day n months after `start` (n = 1 … 12), for the windows and the due date. */
    month(n: number): string;
    /** The last day before `month(n)`, for the windows' ends. */
    endOfMonth(n: number): string;
}

/** Dates relative to `today` (YYYY-MM-DD) for the starter model. */
export function starterDates(today: string): StarterDates {
    const [year, month] = today.split('-').map(Number) as [number, number];
    const iso = (date: Date): string => date.toISOString().slice(0, 10);
    const monthStart = (n: number): Date => new Date(Date.UTC(year, month - 1 + n, 1));
    return {
        today,
        start: iso(monthStart(0)),
        horizon: `${year + 3}-12-31`,
        month: n => iso(monthStart(n)),
        endOfMonth: n => iso(new Date(monthStart(n).getTime() - 86_400_000))
    };
}

/**
 * A small model that checks clean on the day it is made: a vision, two levels of missions with intents,
 * measures that roll up, mutual support.
 */
export function starterModel(dates: StarterDates): string {
    return `// A starter model: edit the names and numbers, then run \`mission validate .\`.
// \`mission diagram . -o cascade.svg\` draws the cascade; \`mission report . -o report.html\` writes the scorecard.

vision Company "Be the partner our customers recommend" {
  horizon ${dates.horizon}
}

person lee "Lee Park" { capacity 2  role "Head of customer success" }
person sam "Sam Ortiz" { capacity 1 }
person kim "Kim Ng"
team support "Support team" { members sam, kim }

mission Loyalty "Keep the customers we have" under Company {
  intent "Customers stay because we solve their problems fast" {
    end state "Renewal rate of 95%"
    key task "Answer every ticket within a day"
  }
  lead lee
  review every 30 days last ${dates.today}
  boundary {
    window ${dates.start} .. ${dates.endOfMonth(12)}
    budget 200k EUR
    must "keep support in-house"
  }
  measure renewals "Renewal rate" { baseline 88 target 95 current 90 unit "%" due ${dates.endOfMonth(12)} }
  measure late "Tickets answered late per week" { baseline 120 target 10 current 60 unit tickets }
  measure golive "Days for a new customer to go live" { baseline 30 target 7 unit days }
}

mission FastAnswers "Answer every ticket within a day" under Loyalty {
  intent "No customer waits more than a day for an answer"
  lead sam
  crew support
  boundary { window ${dates.start} .. ${dates.endOfMonth(8)}  budget 80k EUR }
  measure late "Tickets answered late per week" {
    baseline 120 target 10 current 60 unit tickets
    contributes to Loyalty.late
  }
  supports Onboarding
}

mission Onboarding "Onboard new customers in a week" under Loyalty {
  intent "Every new customer is live within a week of signing"
  lead lee
  status staged
  value 5k EUR per week
  boundary { window ${dates.month(6)} .. ${dates.endOfMonth(12)} }
  measure live "Days to go live" { baseline 30 target 7 unit days contributes to Loyalty.golive }
}
`;
}

export const STARTER_CONFIG = `{
  "rules": {
    "review-overdue": "warning",
    "staged-without-value": "warning"
  }
}
`;

/**
 * The starter files for a day (YYYY-MM-DD, a calendar date): the model in the formatter's layout and
 * mission.config.json. Writing them (never over an existing file) is the caller's job.
 */
export function starterFiles(today: string): StarterFile[] {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isValidDate(parseDate(today)))
        throw new Error(`not a calendar date: ${today}`);
    return [
        { name: STARTER_MODEL_FILE, text: formatDocument(starterModel(starterDates(today))) },
        { name: CONFIG_FILE_NAME, text: STARTER_CONFIG }
    ];
}
