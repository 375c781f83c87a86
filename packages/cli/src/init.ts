import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE_NAME, formatDocument } from 'mission-lang-language';
import type { CommandContext } from './command-context.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import type { Output } from './output.js';
import { writeFileAtomic } from './write-atomic.js';

export const STARTER_MODEL_FILE = 'strategy.mission';

/** A small model that checks clean: a vision, two levels of missions with intents, measures that roll up, mutual support. */
export function starterModel(year: number): string {
    return `// A starter model: edit the names and numbers, then run \`mission validate .\`.
// \`mission diagram . -o cascade.svg\` draws the cascade; \`mission report . -o report.html\` writes the scorecard.

vision Company "Be the partner our customers recommend" {
  horizon ${year + 3}-12-31
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
  review every 30 days
  boundary {
    window ${year}-01-01 .. ${year}-12-31
    budget 200k EUR
    must "keep support in-house"
  }
  measure renewals "Renewal rate" { baseline 88 target 95 current 90 unit "%" due ${year}-12-31 }
  measure late "Tickets answered late per week" { baseline 120 target 10 current 60 unit tickets }
  measure golive "Days for a new customer to go live" { baseline 30 target 7 unit days }
}

mission FastAnswers "Answer every ticket within a day" under Loyalty {
  intent "No customer waits more than a day for an answer"
  lead sam
  crew support
  boundary { window ${year}-02-01 .. ${year}-09-30  budget 80k EUR }
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
  boundary { window ${year}-07-01 .. ${year}-12-31 }
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

/** `mission init [dir]`: a starter model and mission.config.json; never overwrites a file. */
export async function runInit(folder: string | undefined, output: Output, now: Date = new Date()): Promise<number> {
    const target = resolve(folder ?? '.');
    const files = [
        { name: STARTER_MODEL_FILE, text: formatDocument(starterModel(now.getUTCFullYear())) },
        { name: CONFIG_FILE_NAME, text: STARTER_CONFIG }
    ];
    for (const file of files) {
        const path = join(target, file.name);
        const exists = await access(path).then(
            () => true,
            () => false
        );
        if (exists)
            throw new UsageError(
                `${join(folder ?? '.', file.name)} already exists; mission init never overwrites files`
            );
    }
    for (const file of files) await writeFileAtomic(join(target, file.name), file.text);
    const shown = folder ?? '.';
    output.stdout(
        `created ${join(shown, STARTER_MODEL_FILE)} and ${join(shown, CONFIG_FILE_NAME)}\nnext: mission validate ${shown}\n`
    );
    return EXIT_OK;
}

export function defineInitCommand(program: Command, context: CommandContext): void {
    program
        .command('init')
        .description('create a starter model (strategy.mission) and mission.config.json in a folder')
        .argument('[dir]', 'the folder (created when missing; default: the current folder)')
        .action(async (dir: string | undefined) => {
            context.setExitCode(await runInit(dir, context.output));
        });
}
