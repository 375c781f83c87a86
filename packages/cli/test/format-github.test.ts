import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../src/format-github.js';
import { FIXTURES, runCli } from './helpers.js';

describe('mission validate --format github', () => {
    test('one workflow command per diagnostic with its location and code', async () => {
        const run = await runCli(['validate', 'problems.mission', '--format', 'github', '--today', '2026-11-23'], {
            cwd: FIXTURES
        });
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(5);
        expect(lines[0]).toBe(
            '::error file=problems.mission,line=4,col=8,endLine=4,endColumn=12,title=over-capacity::' +
                'dana is on 2 concurrent active missions (capacity 1): Alpha, Beta'
        );
        expect(lines.filter(line => line.startsWith('::warning '))).toHaveLength(2);
    });

    test('infos become notices', async () => {
        const run = await runCli(['validate', '-', '--format', 'github'], {
            stdin: 'vision V\nmission S under V { intent "i" lead p status staged measure m { target 1 } }\nperson p'
        });
        expect(run.stdout).toMatch(/^::notice file=<stdin>,line=2,col=9,.*title=staged-without-value::/m);
    });

    test('escapes %, CR and LF in messages, and also : and , in properties', () => {
        expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
        expect(escapeProperty('C:\\models\\a,b.mission')).toBe('C%3A\\models\\a%2Cb.mission');
    });
});
