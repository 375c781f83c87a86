import { URI } from 'langium';
import { checkSources } from '../../src/api/check.js';
import { type OutputModel, outputModelOf } from '../../src/outputs/output-model.js';

/** Checks model text (one file, `model.mission`) on 2026-11-23 and returns its output model. */
export async function checkText(text: string, today = '2026-11-23'): Promise<OutputModel> {
    const result = await checkSources([{ path: 'model.mission', uri: URI.file('/virtual/model.mission'), text }], {
        today
    });
    return outputModelOf(result);
}
