import { type CstNode, DefaultValueConverter, type GrammarAST, ValueConverter, type ValueType } from 'langium';
import { parseDate } from '../model/dates.js';
import { parseNumberLiteral } from '../model/numbers.js';

/** Exact numbers (`2.5M` → 2500000) and calendar dates; strings keep only the `\"` and `\\` escapes. */
export class MissionValueConverter extends DefaultValueConverter {
    /** The value of `input` as the called `rule` gives it: `convert` without a CST node to find the rule from. */
    convertWithRule(rule: GrammarAST.AbstractRule, input: string): ValueType {
        return this.runConverter(rule, input, undefined as unknown as CstNode);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'NUMBER':
                return parseNumberLiteral(input);
            case 'DATE':
                return parseDate(input);
            case 'STRING':
                return unescapeString(input);
            // What Langium's converter returns for these, without its case-folded lookups of the rule
            // (two new strings per name parsed).
            case 'ID':
                return ValueConverter.convertID(input);
            case 'Name':
            case 'QualifiedName':
            case 'UnitName':
            case 'MissionStatus':
            case 'Direction':
            case 'Period':
                return input;
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}

/** Removes the quotes and resolves `\"` and `\\`; any other escape keeps its character (it is reported). */
export function unescapeString(quoted: string): string {
    const text = quoted.slice(1, -1);
    return text.includes('\\') ? text.replace(/\\(.)/g, '$1') : text;
}

/** The escapes in a quoted string other than `\"` and `\\`, with their offsets in the quoted text. */
export function invalidEscapes(quoted: string): Array<{ offset: number; escape: string }> {
    const found: Array<{ offset: number; escape: string }> = [];
    for (let i = 1; i < quoted.length - 1; i++) {
        if (quoted[i] === '\\') {
            const next = quoted[i + 1];
            if (next !== '"' && next !== '\\') found.push({ offset: i, escape: `\\${next}` });
            i++;
        }
    }
    return found;
}
