import { DefaultFuzzyMatcher } from 'langium/lsp';

const DOT = '.'.charCodeAt(0);
const DASH = '-'.charCodeAt(0);

/**
 * Also starts a word after `.` and `-`, so `pat` finds `Grow.patients` (a measure's qualified name) in
 * workspace symbols and completion, and `north` finds `open-north`.
 */
export class MissionFuzzyMatcher extends DefaultFuzzyMatcher {
    override isWordTransition(previous: number, current: number): boolean {
        return (
            (previous === DOT && current !== DOT) ||
            (previous === DASH && current !== DASH) ||
            super.isWordTransition(previous, current)
        );
    }
}
