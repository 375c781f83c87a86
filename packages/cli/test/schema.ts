import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { REPO } from './helpers.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);

/** The JSON Schema of `mission compile`, as shipped in the language package, compiled with ajv. */
export const validateModelJson = ajv.compile(
    JSON.parse(readFileSync(join(REPO, 'packages/language/schema/mission-model.schema.json'), 'utf8'))
);
