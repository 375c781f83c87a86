/**
 * Expected progress and pace (LANGUAGE.md, "Expected progress and pace"): how far along a measure
 * should be by today, and whether its progress keeps up. The one place pace is computed; hover, inlay
 * hints and every output read it from here.
 */
import type { Measure, Mission } from '../generated/ast.js';
import { toDay, type DayNumber } from '../model/dates.js';
import type { ModelFacts } from './model-facts.js';
import type { DayWindow } from './windows.js';

/** `won` at progress 1; `on-track` within 0.10 below the expected progress or above it; else `behind`. */
export type PaceName = 'won' | 'on-track' | 'behind';

/** How far below the expected progress a measure may be and still be on track. */
export const PACE_TOLERANCE = 0.1;

export interface MeasurePace {
    /** The measure's span: its mission's effective window start to its `due` (else the window's end). */
    readonly span: DayWindow;
    /** The fraction of the span elapsed by today, 0..1; absent when the span is unbounded or inverted. */
    readonly expected?: number;
    /** The measure's progress (the measure facts'), beside the expected progress it is held to. */
    readonly progress?: number;
    /** Absent when the measure has no progress or no expected progress. */
    readonly pace?: PaceName;
}

/**
 * The fraction of an inclusive span of days elapsed by the end of today: today counts as elapsed, so
 * on the first day of a 10-day span 0.1 is expected and on its last day 1 (a one-day span expects 1
 * from its day on). Clamped to 0..1: 0 before the span, 1 after it. Undefined for an unbounded span
 * (an open window end and no `due`) or one that ends before it starts (a `due` before the window).
 */
export function expectedProgress(span: DayWindow, today: DayNumber): number | undefined {
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end) || span.end < span.start) return undefined;
    const elapsed = (today - span.start + 1) / (span.end - span.start + 1);
    return Math.min(1, Math.max(0, elapsed));
}

/** The pace of a progress against its expected progress; undefined when either is absent. */
export function paceFrom(progress: number | undefined, expected: number | undefined): PaceName | undefined {
    if (progress === undefined || expected === undefined) return undefined;
    if (progress >= 1) return 'won';
    // Compared at nine decimals, so that binary fractions do not decide a tie: 0.45 against 0.55 is on track.
    return Math.round(progress * 1e9) >= Math.round((expected - PACE_TOLERANCE) * 1e9) ? 'on-track' : 'behind';
}

const RANK: Record<PaceName, number> = { behind: 0, 'on-track': 1, won: 2 };

/**
 * A mission's pace is its worst measure's: behind before on track before won, so a mission is `won`
 * only when every measure that has a pace is won. Measures without a pace do not count; none → undefined.
 */
export function worstPace(paces: Iterable<PaceName | undefined>): PaceName | undefined {
    let worst: PaceName | undefined;
    for (const pace of paces) {
        if (pace !== undefined && (worst === undefined || RANK[pace] < RANK[worst])) worst = pace;
    }
    return worst;
}

/** The pace of every measure and mission of one model on one day, each computed on first question. */
export class PaceFacts {
    private readonly measures = new Map<Measure, MeasurePace>();
    private readonly missions = new Map<Mission, PaceName | undefined>();

    constructor(
        private readonly facts: ModelFacts,
        readonly today: DayNumber
    ) {}

    measure(measure: Measure): MeasurePace {
        let pace = this.measures.get(measure);
        if (!pace) {
            const window = this.facts.windowOf(measure.$container);
            const due = toDay(measure.dues[0]?.date);
            const span: DayWindow = { start: window.start, end: due ?? window.end };
            const expected = expectedProgress(span, this.today);
            const progress = this.facts.measure(measure).progress;
            const measurePace = paceFrom(progress, expected);
            pace = {
                span,
                ...(expected === undefined ? {} : { expected }),
                ...(progress === undefined ? {} : { progress }),
                ...(measurePace === undefined ? {} : { pace: measurePace })
            };
            this.measures.set(measure, pace);
        }
        return pace;
    }

    mission(mission: Mission): PaceName | undefined {
        if (this.missions.has(mission)) return this.missions.get(mission);
        const pace = worstPace(mission.measures.map(measure => this.measure(measure).pace));
        this.missions.set(mission, pace);
        return pace;
    }
}

/** `on track` for `on-track`: the pace in words. */
export function paceText(pace: PaceName): string {
    return pace === 'on-track' ? 'on track' : pace;
}
