/** Output schemas shared by several tools (the shapes of the CLI's JSON, LANGUAGE.md). */
import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning', 'info']);

/** A diagnostic as `mission validate --format json` writes it: 1-based lines and columns. */
export const diagnosticSchema = z.object({
    file: z.string(),
    line: z.number(),
    column: z.number(),
    endLine: z.number(),
    endColumn: z.number(),
    severity: severitySchema,
    code: z.string(),
    message: z.string()
});

export const summarySchema = z.object({
    files: z.number(),
    errors: z.number(),
    warnings: z.number(),
    infos: z.number()
});

/** An element of the JSON model (mission-model.schema.json): its fields as `mission compile` writes them. */
export const elementJsonSchema = z.looseObject({ name: z.string() });

/** `file:line:column severity code message`, as `mission validate` prints a diagnostic. */
export function diagnosticLine(diagnostic: z.infer<typeof diagnosticSchema>): string {
    const { file, line, column, severity, code, message } = diagnostic;
    return `${file}:${line}:${column} ${severity} ${code} ${message}`;
}
