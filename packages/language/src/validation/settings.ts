import { type DayNumber, todayFrom } from '../model/dates.js';
import { CATALOG, type DiagnosticCode, type Severity } from './codes.js';

export type SeveritySetting = Severity | 'off';

/**
 * What a check run depends on besides the model: the date for time-based rules and the per-code
 * severity overrides of mission.config.json. The CLI sets them from its options; the language server
 * from the editor's settings.
 */
export class MissionSettings {
    /**
     * The day set by `setToday`; undefined for the system date, read at each question (a server runs past
     * midnight).
     */
    private todayDay: DayNumber | undefined;
    private readonly overrides = new Map<DiagnosticCode, SeveritySetting>();

    /** `YYYY-MM-DD`, or undefined for the system date. Throws on text that is not a calendar date. */
    setToday(text: string | undefined): void {
        this.todayDay = text ? todayFrom(text) : undefined;
    }

    /** Asked once per node by the time rules: the day is parsed once, in `setToday`. */
    get today(): DayNumber {
        return this.todayDay ?? todayFrom(undefined);
    }

    /**
     * Replaces the overrides; codes that cannot be lowered or turned off are ignored here (the config check
     * reports them).
     */
    setRuleOverrides(rules: ReadonlyMap<DiagnosticCode, SeveritySetting>): void {
        this.overrides.clear();
        for (const [code, setting] of rules) {
            if (!('fixed' in CATALOG[code])) this.overrides.set(code, setting);
        }
    }

    /** The severity a diagnostic of this code gets, given the one its rule chose. */
    severityFor(code: DiagnosticCode, reported: Severity): SeveritySetting {
        return this.overrides.get(code) ?? reported;
    }
}
