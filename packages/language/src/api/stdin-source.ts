import { URI } from 'langium';
import type { SourceFile } from './check.js';

/**
 * A model that has no file (the CLI's `-`, standard input): `path` is how outputs name it; the URI is
 * virtual but ends in `.mission` so the document is handled like any model file.
 */
export function stdinSourceFile(path: string, text: string): SourceFile {
    return { path, uri: URI.parse('mission-stdin:///stdin.mission'), text };
}
